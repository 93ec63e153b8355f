/** The alerts check of SPEC §2 ("Alerts"), pure: decoding, selector matching, pre-existing vs new, pending. */
import { describe, expect, it } from 'vitest'
import type { AlertsCheckSpec } from '../../src/model/check-spec.ts'
import {
  decodeAlertsAnswer,
  matchesAll,
  measureAlerts,
  type PrometheusAlert,
} from '../../src/prometheus/alerts.ts'
import { PrometheusError } from '../../src/prometheus/errors.ts'
import { parseSelector } from '../../src/model/selector.ts'

const DEPLOY_MS = Date.parse('2026-12-02T15:00:00Z')
const AT = '2026-12-02T15:02:00.000Z'
const spec = (selector: string, includePending = false): AlertsCheckSpec => ({
  kind: 'alerts',
  name: 'alerts',
  selector,
  includePending,
  enforce: true,
  limits: { maxConsecutiveFailures: 2, maxFailures: 3, maxConsecutiveErrors: 4, onNoData: 'fail' },
})
const alert = (
  alertname: string,
  state: string,
  activeAt: string | undefined,
  labels: Record<string, string> = {},
): PrometheusAlert => ({
  labels: { alertname, severity: 'critical', ...labels },
  state,
  ...(activeAt === undefined ? {} : { activeAt }),
})

describe('decodeAlertsAnswer', () => {
  it('reads Prometheus answers', () => {
    const body = JSON.stringify({
      status: 'success',
      data: {
        alerts: [
          {
            labels: { alertname: 'HighErrorRate', severity: 'critical' },
            annotations: { summary: 'x' },
            state: 'firing',
            activeAt: '2026-12-02T15:01:00.123456789Z',
            value: '3.2e-02',
          },
        ],
      },
    })
    expect(decodeAlertsAnswer({ status: 200, contentType: 'application/json', body })).toEqual([
      {
        labels: { alertname: 'HighErrorRate', severity: 'critical' },
        state: 'firing',
        activeAt: '2026-12-02T15:01:00.123456789Z',
      },
    ])
  })

  it.each([
    ['an HTML page', 200, '<html>login</html>'],
    ['no alerts array', 200, '{"status":"success","data":{}}'],
    ['a 404', 404, '404 page not found'],
    ['a Prometheus error', 503, '{"status":"error","errorType":"unavailable","error":"ruler down"}'],
  ])('%s is a PrometheusError', (_name, status, body) => {
    expect(() => decodeAlertsAnswer({ status, contentType: 'text/plain', body })).toThrow(PrometheusError)
  })
})

describe('matchesAll (PromQL matcher semantics on alert labels)', () => {
  const labels = { alertname: 'HighErrorRate', severity: 'critical', service: 'api' }
  it.each([
    ['severity="critical"', true],
    ['severity=~"critical|warning"', true],
    ['severity=~"crit"', false],
    ['severity!~"info|none",alertname!="Watchdog"', true],
    ['team=""', true],
    ['team!=""', false],
    ['alertname=~"(?i)higherrorrate"', true],
    ['service="api",severity="warning"', false],
  ])('%s → %s', (selector, expected) => {
    expect(matchesAll(labels, parseSelector(selector))).toBe(expected)
  })
})

describe('measureAlerts', () => {
  it('a firing alert that became active after the deploy started is a breach naming it', () => {
    const m = measureAlerts({
      spec: spec('severity="critical"'),
      alerts: [alert('HighErrorRate', 'firing', '2026-12-02T15:01:00Z', { service: 'api' })],
      cutoffMs: DEPLOY_MS,
      at: AT,
    })
    expect(m.outcome).toBe('breach')
    expect(m.value).toBe(1)
    // A lone alert has nothing to be told apart from: all its labels but alertname are shown.
    expect(m.reason).toBe(
      'HighErrorRate firing since 2026-12-02T15:01:00Z on service="api",severity="critical"',
    )
    expect(m.alerts?.new).toEqual([
      {
        alertname: 'HighErrorRate',
        labels: { service: 'api', severity: 'critical' },
        state: 'firing',
        activeAt: '2026-12-02T15:01:00Z',
      },
    ])
  })

  it('an alert firing since yesterday is pre-existing: reported, never a breach', () => {
    const m = measureAlerts({
      spec: spec('all'),
      alerts: [alert('DiskAlmostFull', 'firing', '2026-12-01T09:00:00Z', { instance: 'web-1:9100' })],
      cutoffMs: DEPLOY_MS,
      at: AT,
    })
    expect(m.outcome).toBe('pass')
    expect(m.alerts?.preExisting.map((a) => a.alertname)).toEqual(['DiskAlmostFull'])
    expect(m.reason).toContain('1 pre-existing (active before the deploy): DiskAlmostFull firing since')
  })

  it('pending alerts count only with include-pending', () => {
    const alerts = [alert('SlowResponseTime', 'pending', '2026-12-02T15:01:30Z')]
    expect(measureAlerts({ spec: spec('all'), alerts, cutoffMs: DEPLOY_MS, at: AT }).outcome).toBe('pass')
    expect(measureAlerts({ spec: spec('all', true), alerts, cutoffMs: DEPLOY_MS, at: AT }).outcome).toBe(
      'breach',
    )
  })

  it('alerts not matching the selector, and inactive ones, are ignored', () => {
    const alerts = [
      alert('Watchdog', 'firing', '2026-12-02T15:01:00Z', { severity: 'none' }),
      alert('HighErrorRate', 'inactive', '2026-12-02T15:01:00Z'),
    ]
    const m = measureAlerts({
      spec: spec('severity=~"critical|warning"'),
      alerts,
      cutoffMs: DEPLOY_MS,
      at: AT,
    })
    expect(m).toMatchObject({ outcome: 'pass', value: 0, alerts: { new: [], preExisting: [] } })
  })

  it('an alert without activeAt cannot be shown to be old: it counts as new', () => {
    const m = measureAlerts({
      spec: spec('all'),
      alerts: [alert('X', 'firing', undefined)],
      cutoffMs: DEPLOY_MS,
      at: AT,
    })
    expect(m.outcome).toBe('breach')
    expect(m.reason).toBe('X firing (no activeAt) on severity="critical"')
  })

  it('names the labels that tell two alerts of one rule apart', () => {
    const alerts = [
      alert('APIServerDown', 'firing', '2026-12-02T15:01:00Z', { instance: 'api-1:8080', job: 'api' }),
      alert('APIServerDown', 'firing', '2026-12-02T15:01:05Z', { instance: 'api-2:8080', job: 'api' }),
    ]
    const m = measureAlerts({ spec: spec('all'), alerts, cutoffMs: DEPLOY_MS, at: AT })
    expect(m.alerts?.new.map((a) => a.labels)).toEqual([
      { instance: 'api-1:8080' },
      { instance: 'api-2:8080' },
    ])
    expect(m.reason).toBe(
      'APIServerDown firing since 2026-12-02T15:01:00Z on instance="api-1:8080" (+1 more)',
    )
  })
})
