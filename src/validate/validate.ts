/** validate mode (SPEC mode table): config problems, then every query run once against Prometheus when it answers. */
import type { AlertsCheckSpec, MetricCheckSpec } from '../model/check-spec.ts'
import type { Problem } from '../errors.ts'
import { checkAlertsApi, type AlertsApiCheck, type ProbeAlerts } from './alerts-api.ts'
import type { Finding } from './finding.ts'

export type { Finding } from './finding.ts'

/** What validate needs from Prometheus: one instant query, failures described rather than thrown. */
export type ProbeQuery = (
  promql: string,
  check: MetricCheckSpec,
) => Promise<
  | {
      readonly ok: true
      readonly seriesCount: number
      /** Why an empty result is empty (SPEC §2's `up` explanation), when it could be found out. */
      readonly noDataReason?: string
    }
  | {
      readonly ok: false
      /** `rejected`: Prometheus refused the query itself (bad_data, execution); `unavailable`: anything else. */
      readonly kind: 'rejected' | 'unavailable'
      readonly message: string
    }
>

export interface QueryCheck {
  readonly check: string
  readonly query: string
  readonly result: 'ok' | 'no-series' | 'rejected' | 'not-checked'
  readonly seriesCount?: number
  readonly message?: string
}

export interface ValidateResult {
  readonly verdict: 'valid' | 'invalid'
  readonly findings: readonly Finding[]
  readonly queries: readonly QueryCheck[]
  /** Whether `/api/v1/alerts` answered; absent without alerts checks. */
  readonly alertsApi?: AlertsApiCheck
  /** `failed-checks`: checks with problems, `config` for problems not tied to one check. */
  readonly failedChecks: readonly string[]
}

export interface ValidateInput {
  readonly problems: readonly Problem[]
  readonly metricChecks: readonly MetricCheckSpec[]
  readonly configFile?: string
  /** Where each input-declared check comes from, for problems that belong to a check but not to a file line. */
  readonly sourceOf: (check: MetricCheckSpec) => { path: string; file?: string; line?: number }
  readonly query?: ProbeQuery
  readonly alertsChecks?: readonly AlertsCheckSpec[]
  readonly alerts?: ProbeAlerts
  readonly alertsSourceOf?: (check: AlertsCheckSpec) => { path: string; file?: string; line?: number }
}

export async function validate(input: ValidateInput): Promise<ValidateResult> {
  const findings: Finding[] = input.problems.map((p) => ({ ...p, severity: 'error' }))
  const queries: QueryCheck[] = []
  let unavailable: string | undefined
  for (const check of input.metricChecks) {
    if (!input.query || unavailable !== undefined) {
      queries.push({ check: check.name, query: check.query, result: 'not-checked', message: unavailable })
      continue
    }
    const answer = await input.query(check.query, check)
    const where = input.sourceOf(check)
    if (answer.ok && answer.seriesCount > 0) {
      queries.push({ check: check.name, query: check.query, result: 'ok', seriesCount: answer.seriesCount })
    } else if (answer.ok) {
      const message =
        answer.noDataReason === undefined
          ? 'matches no series right now (selector or metric names may be wrong, or the exporter is down)'
          : `matches no series right now: ${answer.noDataReason}`
      queries.push({ check: check.name, query: check.query, result: 'no-series', seriesCount: 0, message })
      findings.push({ ...where, check: check.name, message, severity: 'warning' })
    } else if (answer.kind === 'rejected') {
      queries.push({ check: check.name, query: check.query, result: 'rejected', message: answer.message })
      findings.push({
        ...where,
        check: check.name,
        message: `Prometheus rejects the query: ${answer.message}`,
        severity: 'error',
      })
    } else {
      unavailable = answer.message
      queries.push({ check: check.name, query: check.query, result: 'not-checked', message: unavailable })
      findings.push({
        path: 'prometheus',
        message: `queries not checked: ${answer.message}`,
        severity: 'warning',
      })
    }
  }
  const alerts = await checkAlertsApi(
    input.alertsChecks ?? [],
    input.alerts,
    unavailable === undefined,
    input.alertsSourceOf ?? (() => ({ path: 'alerts' })),
  )
  findings.push(...alerts.findings)
  const errors = findings.filter((f) => f.severity === 'error')
  const failedChecks = [...new Set(errors.map((f) => f.check ?? 'config'))]
  const alertsApi = alerts.alertsApi === undefined ? {} : { alertsApi: alerts.alertsApi }
  return { verdict: errors.length > 0 ? 'invalid' : 'valid', findings, queries, ...alertsApi, failedChecks }
}
