/**
 * The gate's JSON report (SPEC §7), secrets replaced by `***`.
 *
 * JSON has no NaN or infinity, and Prometheus values can be both, so every `value` field holds a number, one of
 * the strings `"NaN"`, `"+Inf"`, `"-Inf"` (Prometheus' own spelling), or `null` when nothing was measured.
 * Absent optional fields are `null`, never missing: `threshold.min`, `threshold.max`, `reason`. For HTTP checks
 * `threshold.max` is the latency limit in milliseconds and `value` the latency in milliseconds.
 */
import type { CheckSpec, MetricCheckSpec } from '../model/check-spec.ts'
import type {
  CheckOutcome,
  CheckResult,
  GateResult,
  Measurement,
  Outcome,
  Verdict,
} from '../model/gate-result.ts'
import type { BaselineEvidence, DeployStart, PreExistingEvidence } from './deploy-start-checks.ts'
import type { ServiceEvidence } from './service-checks.ts'
import { deployStartText } from './deploy-start-checks.ts'
import { changeText } from '../prometheus/baseline.ts'
import {
  alertsOfSample,
  comparedOfSample,
  type ReportAlerts,
  type ReportCompared,
} from './baseline-evidence.ts'
import { checkKind, type CheckKind } from './check-facts.ts'
import { jsonNumber, type JsonNumber, type RunRef } from '../report/json.ts'
import { redact } from '../report/redact.ts'

export interface ReportSeries {
  readonly labels: Readonly<Record<string, string>>
  readonly value: JsonNumber
  /** Baseline checks: the series' baseline before the deploy and the change (`+171 %`); absent without one. */
  readonly baseline?: number
  readonly change?: string
  /** Its normal band `[lo, hi]` before the deploy; absent with `band: 0%` or without a baseline. */
  readonly band?: readonly [number, number]
}

export interface ReportSample {
  readonly at: string
  readonly outcome: Outcome
  readonly value: JsonNumber | null
  /** The series that breached in this sample; `[]` when none. */
  readonly series: readonly ReportSeries[]
  /** Series left out of the comparison as NaN or ±Inf while others had values; absent when none. */
  readonly ignoredSeries?: readonly ReportSeries[]
  /** Warnings Prometheus returned with this sample's result; absent when none. */
  readonly warnings?: readonly string[]
  /** Alerts checks: new and pre-existing alerts; absent for other checks. */
  readonly alerts?: ReportAlerts
  /** Service checks: the range of rate() in this round. */
  readonly range?: string
  readonly reason?: string
}

interface ReportCheckBase {
  readonly name: string
  /** Service checks: the service, the convention found (null when none) and the metric names it was recognised by. */
  readonly service?: {
    readonly name: string
    readonly convention: string | null
    readonly recognisedBy: readonly string[]
  }
  readonly kind: CheckKind
  readonly enforce: boolean
  readonly threshold: { readonly min: number | null; readonly max: number | null }
  readonly result: CheckResult
  readonly reason: string | null
  /** Baseline checks: every series of the last measured sample, worst first, with its baseline and change. */
  readonly baselines?: readonly ReportCompared[]
  readonly samples: readonly ReportSample[]
}

/** HTTP checks carry `target` (the URL), alerts checks `target` (the selector), metric checks `query` (the PromQL). */
export type ReportCheck =
  (ReportCheckBase & { readonly target: string }) | (ReportCheckBase & { readonly query: string })

export interface GateReport {
  readonly version: 1
  readonly mode: 'gate'
  readonly verdict: Verdict
  readonly environment: string
  readonly sha: string
  readonly run: RunRef
  readonly startedAt: string
  readonly finishedAt: string
  /** The effective configuration as used, secrets replaced by `***`. */
  readonly config: unknown
  /** When the deploy started as the gate reckons it (baseline windows end there; alerts active before are old). */
  readonly deployStart?: {
    readonly at: string
    readonly source: DeployStart['source']
    readonly text: string
  }
  readonly baselines?: readonly BaselineEvidence[]
  /** Per check, the series beyond its bound before the deploy (`pre-existing: report`, or breaching with `fail`). */
  readonly preExisting?: readonly PreExistingEvidence[]
  /** Per service: the convention found, the metric names it was recognised by, the three queries. */
  readonly services?: readonly ServiceEvidence[]
  readonly checks: readonly ReportCheck[]
}

export interface GateReportContext {
  readonly environment: string
  readonly sha: string
  readonly run: RunRef
  /** The effective config object as used (settings after inputs and file were merged). */
  readonly config: unknown
  /** Every secret value; each occurrence anywhere in the report becomes `***`. */
  readonly secrets: readonly string[]
  readonly deployStart?: DeployStart
  readonly baselines?: readonly BaselineEvidence[]
  readonly preExisting?: readonly PreExistingEvidence[]
  readonly services?: readonly ServiceEvidence[]
}

export function buildGateReport(result: GateResult, ctx: GateReportContext): GateReport {
  const report: GateReport = {
    version: 1,
    mode: 'gate',
    verdict: result.verdict,
    environment: ctx.environment,
    sha: ctx.sha,
    run: { id: ctx.run.id, attempt: ctx.run.attempt, url: ctx.run.url },
    startedAt: result.startedAt,
    finishedAt: result.finishedAt,
    config: ctx.config ?? null,
    ...(ctx.deployStart === undefined || !result.checks.some(comparesWithDeploy)
      ? {}
      : {
          deployStart: {
            at: new Date(ctx.deployStart.atMs).toISOString(),
            source: ctx.deployStart.source,
            text: deployStartText(ctx.deployStart),
          },
          baselines: ctx.baselines ?? [],
        }),
    ...(ctx.preExisting === undefined || ctx.preExisting.length === 0
      ? {}
      : { preExisting: ctx.preExisting }),
    ...(ctx.services === undefined || ctx.services.length === 0 ? {} : { services: ctx.services }),
    checks: result.checks.map((c) => reportCheck(c, ctx.services ?? [])),
  }
  return redact(report, ctx.secrets)
}

function reportCheck(c: CheckOutcome, services: readonly ServiceEvidence[]): ReportCheck {
  const service =
    c.spec.kind === 'metric' && c.spec.service !== undefined
      ? services.find((s) => s.service === (c.spec as MetricCheckSpec).service!.service)
      : undefined
  const base = {
    name: c.spec.name,
    kind: checkKind(c.spec),
    enforce: c.spec.enforce,
    ...(service === undefined
      ? {}
      : {
          service: {
            name: service.service,
            convention: service.convention ?? null,
            recognisedBy: service.recognisedBy,
          },
        }),
  }
  const rest = {
    threshold: thresholdOf(c.spec),
    result: c.result,
    reason: c.reason ?? null,
    ...(c.spec.kind === 'metric' ? baselinesOfCheck(c.samples, c.spec) : {}),
    samples: c.samples.map(reportSample),
  }
  if (c.spec.kind === 'http') return { ...base, target: c.spec.url, ...rest }
  if (c.spec.kind === 'alerts') return { ...base, target: c.spec.selector, ...rest }
  return { ...base, query: c.spec.query, ...rest }
}

function baselinesOfCheck(
  samples: readonly Measurement[],
  spec: MetricCheckSpec,
): { baselines?: ReportCompared[] } {
  const last = samples.findLast((m) => m.compared !== undefined)
  return last === undefined ? {} : { baselines: comparedOfSample(last, spec) }
}

function comparesWithDeploy(c: CheckOutcome): boolean {
  return (
    c.spec.kind === 'alerts' ||
    (c.spec.kind === 'metric' && (c.spec.baseline !== undefined || c.spec.preExisting === 'report'))
  )
}

function thresholdOf(spec: CheckSpec): ReportCheckBase['threshold'] {
  if (spec.kind === 'http') return { min: null, max: spec.maxLatencyMs ?? null }
  if (spec.kind === 'alerts') return { min: null, max: null }
  return { min: spec.min ?? null, max: spec.max ?? null }
}

function reportSample(m: Measurement): ReportSample {
  return {
    at: m.at,
    outcome: m.outcome,
    value: m.value === undefined ? null : jsonNumber(m.value),
    series: (m.series ?? []).map((s) => ({
      labels: s.labels,
      value: jsonNumber(s.value),
      ...(s.baseline === undefined ? {} : { baseline: s.baseline, change: changeText(s.value, s.baseline) }),
      ...(s.band === undefined ? {} : { band: s.band }),
    })),
    ...(m.ignoredSeries !== undefined && m.ignoredSeries.length > 0
      ? { ignoredSeries: m.ignoredSeries.map((s) => ({ labels: s.labels, value: jsonNumber(s.value) })) }
      : {}),
    ...(m.warnings !== undefined && m.warnings.length > 0 ? { warnings: m.warnings } : {}),
    ...(m.range === undefined ? {} : { range: m.range }),
    // A note on a pass (`not judged: 0 req/s < min-traffic 0.05`), or why a sample breached or could not be taken.
    ...(m.reason === undefined ? {} : { reason: m.reason }),
    ...(m.alerts === undefined ? {} : { alerts: alertsOfSample(m) }),
  }
}
