/** Evidence of baseline and alerts checks in the job summary and the JSON report (issue 14, "Evidence"). */
import { describe, expect, it } from 'vitest'
import type { AlertsCheckSpec } from '../../src/model/check-spec.ts'
import type { BaselineEvidence } from '../../src/gate/deploy-start-checks.ts'
import { deployStart } from '../../src/gate/deploy-start-checks.ts'
import type { GateResult } from '../../src/model/gate-result.ts'
import { measureAlerts } from '../../src/prometheus/alerts.ts'
import { measureWithBaseline } from '../../src/prometheus/baseline.ts'
import { seriesKey } from '../../src/model/series-key.ts'
import { buildGateReport } from '../../src/gate/report.ts'
import { renderGateSummary } from '../../src/gate/summary.ts'
import { at, latencySpec, limits, outcome } from '../report/fixtures.ts'
import { baselineSpec } from '../../src/config/baseline-config.ts'

const API1 = { instance: 'api-1:8080', job: 'api' }
const HOSTILE = { instance: '\r::error::pwned|`x`', job: 'api' }
const spec = latencySpec({
  name: 'latency',
  enforce: true,
  baseline: baselineSpec({ 'max-increase': '100%' })!, // 30m, the default band
})
const alertsSpec: AlertsCheckSpec = {
  kind: 'alerts',
  name: 'alerts',
  selector: 'severity=~"critical|warning"',
  includePending: false,
  enforce: true,
  limits,
}
const DEPLOY_MS = Date.parse(at(0)) - 60_000

function result(): GateResult {
  const baselines = new Map([[seriesKey(API1), { median: 0.31, band: [0.22, 0.41] as const }]])
  const series = [
    { labels: API1, value: 0.84 },
    { labels: HOSTILE, value: 0.5 },
  ]
  const m = measureWithBaseline(series, { max: 2 }, spec.baseline!, baselines, at(0))
  const a = measureAlerts({
    spec: alertsSpec,
    cutoffMs: DEPLOY_MS,
    at: at(0),
    alerts: [
      {
        labels: { alertname: 'DiskAlmostFull', severity: 'warning', mountpoint: '/data' },
        state: 'firing',
        activeAt: '2025-06-01T09:00:00Z',
      },
      {
        labels: { alertname: 'HighErrorRate', severity: 'critical', service: 'api' },
        state: 'firing',
        activeAt: at(0),
      },
    ],
  })
  return {
    verdict: 'failed',
    failedChecks: ['latency', 'alerts'],
    startedAt: at(0),
    finishedAt: at(1),
    ended: 'fail-fast',
    checks: [
      outcome(spec, 'failed', [m, m], `2 breaches in a row: ${m.reason}`),
      outcome(alertsSpec, 'failed', [a, a]),
    ],
  }
}

const evidence: BaselineEvidence[] = [
  {
    check: 'latency',
    windowText: '30m',
    offsetText: '0s',
    windowStart: '2025-06-02T08:28:00.000Z',
    windowEnd: '2025-06-02T08:58:00.000Z',
    stepMs: 10_000,
    status: 'ready',
    seriesInWindow: 1,
    seriesWithBaseline: 1,
    attempts: 1,
  },
]
const ctx = {
  environment: 'production',
  sha: 'a'.repeat(40),
  dryRun: false,
  deployStart: deployStart(undefined, DEPLOY_MS),
  baselines: evidence,
}

describe('job summary', () => {
  const md = renderGateSummary(result(), ctx)

  it('shows the value beside its baseline and change, and says where the window ends', () => {
    expect(md).toContain('0.84 (+171 % vs 0.31 before the deploy; normal 0.22–0.41)')
    expect(md).toContain(
      'baseline: median and normal band (central 98 % of the samples) of each series over the 30m before the deploy',
    )
    expect(md).toContain(
      "the gate's start (2025-06-02T08:59:05.000Z), because the job's start could not be read",
    )
    expect(md).toContain('1 of 1 series in the window had a baseline')
  })

  it('names the series without a baseline, escaped like every outside value', () => {
    expect(md).toContain('Without a baseline (held to the absolute bounds only)')
    expect(md).not.toMatch(/^\s*::error::/m)
    expect(md).not.toContain('\r')
  })

  it('lists new alerts with alertname, labels and activeAt, and pre-existing ones on their own', () => {
    expect(md).toContain('New alert (since the deploy)')
    expect(md).toMatch(
      /\| `HighErrorRate` \| `[^|]*service="api"[^|]*` \| firing \| 2025-06-02T09:00:05.000Z \|/,
    )
    expect(md).toContain('Pre-existing alert (active before the deploy; never a breach)')
    expect(md).toMatch(/\| `DiskAlmostFull` \|[^\n]*2025-06-01T09:00:00Z/)
  })
})

describe('JSON report', () => {
  const report = buildGateReport(result(), {
    environment: 'production',
    sha: 'a'.repeat(40),
    run: { id: 1, attempt: 1, url: 'https://github.com/o/r/actions/runs/1/attempts/1' },
    config: {},
    secrets: [],
    deployStart: ctx.deployStart,
    baselines: evidence,
  })

  it('carries each series with its baseline and change, and breaching series with theirs', () => {
    const latency = report.checks[0]!
    expect(latency.baselines).toEqual([
      { labels: API1, value: 0.84, baseline: 0.31, change: '+171 %', band: [0.22, 0.41] },
      { labels: HOSTILE, value: 0.5, baseline: null, change: null },
    ])
    expect(latency.samples[0]!.series).toEqual([
      { labels: API1, value: 0.84, baseline: 0.31, change: '+171 %', band: [0.22, 0.41] },
    ])
    expect(report.deployStart).toMatchObject({ source: 'gate-start' })
    expect(report.baselines).toEqual(evidence)
  })

  it('carries new and pre-existing alerts', () => {
    const alerts = report.checks[1]!.samples[0]!.alerts!
    expect(alerts.new.map((a) => a.alertname)).toEqual(['HighErrorRate'])
    expect(alerts.preExisting.map((a) => a.alertname)).toEqual(['DiskAlmostFull'])
  })
})
