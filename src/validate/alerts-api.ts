/**
 * Validate's look at the `alerts` checks (SPEC §2 "Alerts"): the selector is checked with the config; here, whether
 * `<prometheus-url>/api/v1/alerts` answers. A 404 from a server whose query API answers means it serves no alerts API
 * (no ruler behind it): every measurement would be an error, so that is a problem on the check. A server that cannot
 * be asked at all is a warning, as for the queries (SPEC §8).
 */
import type { AlertsCheckSpec } from '../model/check-spec.ts'
import type { Finding } from './finding.ts'

export type ProbeAlerts = () => Promise<
  | { readonly ok: true; readonly alertCount: number }
  | { readonly ok: false; readonly status?: number; readonly message: string }
>

export interface AlertsApiCheck {
  readonly result: 'ok' | 'missing' | 'not-checked'
  readonly alertCount?: number
  readonly message?: string
}

export async function checkAlertsApi(
  checks: readonly AlertsCheckSpec[],
  probe: ProbeAlerts | undefined,
  queriesAnswered: boolean,
  sourceOf: (check: AlertsCheckSpec) => { path: string; file?: string; line?: number },
): Promise<{ findings: Finding[]; alertsApi?: AlertsApiCheck }> {
  if (checks.length === 0) return { findings: [] }
  if (probe === undefined) return { findings: [], alertsApi: { result: 'not-checked' } }
  const answer = await probe()
  if (answer.ok) return { findings: [], alertsApi: { result: 'ok', alertCount: answer.alertCount } }
  if (answer.status === 404 && queriesAnswered) {
    const message = `the Prometheus URL serves no alerts API (/api/v1/alerts answered 404): ${answer.message}`
    return {
      findings: checks.map((c) => ({ ...sourceOf(c), check: c.name, message, severity: 'error' })),
      alertsApi: { result: 'missing', message: answer.message },
    }
  }
  return {
    findings: [
      { path: 'prometheus', message: `alerts API not checked: ${answer.message}`, severity: 'warning' },
    ],
    alertsApi: { result: 'not-checked', message: answer.message },
  }
}
