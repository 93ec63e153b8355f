/** Validate's alerts API check: answers, a server without an alerts API, and one that cannot be asked. */
import { describe, expect, it } from 'vitest'
import type { AlertsCheckSpec } from '../../src/model/check-spec.ts'
import { checkAlertsApi } from '../../src/validate/alerts-api.ts'

const check: AlertsCheckSpec = {
  kind: 'alerts',
  name: 'team',
  selector: 'severity="critical"',
  includePending: false,
  enforce: true,
  limits: { maxConsecutiveFailures: 2, maxFailures: 3, maxConsecutiveErrors: 4, onNoData: 'fail' },
  line: 7,
}
const where = () => ({ path: 'team', file: '.github/deploy-gate.yml', line: 7 })

describe('checkAlertsApi', () => {
  it('no alerts checks: nothing asked', async () => {
    let asked = false
    const r = await checkAlertsApi(
      [],
      () => ((asked = true), Promise.resolve({ ok: true as const, alertCount: 0 })),
      true,
      where,
    )
    expect(r).toEqual({ findings: [] })
    expect(asked).toBe(false)
  })

  it('answers: ok', async () => {
    expect(
      await checkAlertsApi([check], () => Promise.resolve({ ok: true as const, alertCount: 3 }), true, where),
    ).toEqual({
      findings: [],
      alertsApi: { result: 'ok', alertCount: 3 },
    })
  })

  it('404 while the query API answers: no alerts API there, a problem on the check line', async () => {
    const r = await checkAlertsApi(
      [check],
      () => Promise.resolve({ ok: false as const, status: 404, message: 'HTTP 404' }),
      true,
      where,
    )
    expect(r.findings).toEqual([
      {
        path: 'team',
        file: '.github/deploy-gate.yml',
        line: 7,
        check: 'team',
        severity: 'error',
        message: 'the Prometheus URL serves no alerts API (/api/v1/alerts answered 404): HTTP 404',
      },
    ])
  })

  it.each([
    ['unreachable', undefined, true],
    ['a 404 when the queries could not be checked either', 404, false],
    ['a 503', 503, true],
  ])('%s: a warning, not a problem', async (_name, status, answered) => {
    const r = await checkAlertsApi(
      [check],
      () =>
        Promise.resolve({ ok: false as const, message: 'down', ...(status === undefined ? {} : { status }) }),
      answered,
      where,
    )
    expect(r.findings).toEqual([
      { path: 'prometheus', message: 'alerts API not checked: down', severity: 'warning' },
    ])
  })
})
