/**
 * Baselines and alerts against a real Prometheus (issue 14 "Done when"): the baseline window is history backfilled
 * with `promtool tsdb create-blocks-from openmetrics`, live values come after; alert rules are loaded by Prometheus
 * itself (`rule_files`, `evaluation_interval: 1s`), so /api/v1/alerts is Prometheus' own answer, with a `pending`
 * alert and a pre-existing one whose `activeAt` (yesterday) Prometheus restores from `ALERTS_FOR_STATE`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AlertsCheckSpec, CheckLimits, MetricCheckSpec } from '../../src/model/check-spec.ts'
import { createExtraMeasurer, deployStart } from '../../src/gate/deploy-start-checks.ts'
import { createPrometheusClient, type HttpPrometheusClient } from '../../src/prometheus/client.ts'
import { labelBlock } from '../../testkit/exporter.ts'
import type { Exporter, PrometheusInstance } from '../../testkit/prometheus.ts'
import { startExporter, startPrometheus, waitForSeries } from '../../testkit/prometheus.ts'
import { TrafficModel, trafficQueries } from '../../testkit/traffic.ts'

const LIMITS: CheckLimits = {
  maxConsecutiveFailures: 2,
  maxFailures: 3,
  maxConsecutiveErrors: 4,
  onNoData: 'fail',
}
const WINDOW_SEC = 300
const nowSec = Math.floor(Date.now() / 1000)
const DEPLOY_SEC = nowSec - 1
const YESTERDAY_SEC = nowSec - 86_400

let prom: PrometheusInstance
let app: Exporter
let client: HttpPrometheusClient
let timer: NodeJS.Timeout

const metric = (
  name: string,
  query: string,
  baseline: Partial<MetricCheckSpec['baseline']> & object,
  bounds: { max?: number } = {},
): MetricCheckSpec => ({
  kind: 'metric',
  name,
  query,
  ...bounds,
  baseline: {
    windowMs: WINDOW_SEC * 1000,
    windowText: '5m',
    minDelta: 0,
    offsetMs: 0,
    offsetText: '0s',
    band: 0,
    ...baseline,
  },
  enforce: true,
  limits: LIMITS,
})
const alerts = (selector: string, includePending = false): AlertsCheckSpec => ({
  kind: 'alerts',
  name: 'alerts',
  selector,
  includePending,
  enforce: true,
  limits: LIMITS,
})

beforeAll(async () => {
  app = await startExporter('')
  const labels = { instance: app.target, job: 'app' }
  const model = new TrafficModel(
    [
      {
        service: 'slow',
        before: { rps: 50, errorRatio: 0.002, latencySeconds: 0.16, noise: 0.05 },
        after: { rps: 50, errorRatio: 0.002, latencySeconds: 0.4, noise: 0.05 },
      },
      {
        service: 'steady',
        before: { rps: 50, errorRatio: 0.002, latencySeconds: 0.16, noise: 0.1 },
        after: { rps: 50, errorRatio: 0.002, latencySeconds: 0.16, noise: 0.1 },
      },
    ],
    DEPLOY_SEC - WINDOW_SEC - 30,
    DEPLOY_SEC,
    labels,
  )
  const disk = `deploy_gate_disk_used_percent${labelBlock({ ...labels, mountpoint: '/data' })}`
  const render = () => {
    app.set(
      `${model.exposition(Date.now())}# TYPE deploy_gate_disk_used_percent gauge\n${disk.replace(/\{.*\}/, labelBlock({ mountpoint: '/data' }))} 93\n# TYPE deploy_gate_rhythm gauge\ndeploy_gate_rhythm 0.4\n`,
    )
  }
  render()
  timer = setInterval(render, 200)
  // ALERTS_FOR_STATE of a disk alert active since yesterday, up to a moment ago: Prometheus restores its activeAt.
  const forState = labelBlock({
    alertname: 'DiskAlmostFull',
    ...labels,
    mountpoint: '/data',
    severity: 'warning',
  })
  const stateLines = Array.from(
    { length: 40 },
    (_, i) => `ALERTS_FOR_STATE${forState} ${YESTERDAY_SEC} ${nowSec - 600 + i * 15}`,
  )
  // The disk gauge's own history, so that the rule is active at Prometheus' first evaluations (when it restores).
  const diskLines = Array.from({ length: 40 }, (_, i) => `${disk} 93 ${nowSec - 600 + i * 15}`)
  // A gauge at 0.4 in the same 5 minutes yesterday and 0.16 in the 5 minutes before the deploy; live 0.4.
  const rhythm = `deploy_gate_rhythm${labelBlock(labels)}`
  const rhythmLines = [
    ...Array.from(
      { length: 30 },
      (_, i) => `${rhythm} ${0.4 + (i % 3) * 0.01} ${YESTERDAY_SEC - WINDOW_SEC + i * 10}`,
    ),
    ...Array.from(
      { length: 30 },
      (_, i) => `${rhythm} ${0.16 + (i % 3) * 0.01} ${DEPLOY_SEC - WINDOW_SEC + i * 10}`,
    ),
  ]
  prom = await startPrometheus({
    jobs: [{ job: 'app', targets: [app.target] }],
    backfill: [
      model.history(DEPLOY_SEC),
      [
        '# TYPE ALERTS_FOR_STATE gauge',
        ...stateLines,
        '# TYPE deploy_gate_disk_used_percent gauge',
        ...diskLines,
        '# TYPE deploy_gate_rhythm gauge',
        ...rhythmLines,
      ].join('\n'),
    ],
    ruleGroups: [
      {
        name: 'team',
        rules: [
          {
            alert: 'SlowResponseTime',
            expr: `${trafficQueries('slow').meanLatency} > 0.3`,
            for: '1h',
            labels: { severity: 'warning', service: 'slow' },
          },
          {
            alert: 'DiskAlmostFull',
            expr: 'deploy_gate_disk_used_percent > 90',
            for: '15m',
            labels: { severity: 'warning' },
          },
        ],
      },
    ],
  })
  client = createPrometheusClient(prom.settings())
  await waitForSeries(prom, trafficQueries('slow').meanLatency, (s) => (s[0]?.value ?? 0) > 0.35)
}, 90_000)

afterAll(async () => {
  clearInterval(timer)
  await client?.close()
  await prom?.stop()
  await app?.close()
})

describe('baselines from backfilled history', () => {
  it('one range query at gate start gives each series its median before the deploy', async () => {
    const extra = createExtraMeasurer({
      client,
      start: deployStart(DEPLOY_SEC * 1000, Date.now()),
      intervalMs: 1000,
    })
    const slow = metric('latency', trafficQueries('slow').meanLatency, { maxIncrease: 1 }, { max: 1 })
    await extra.prefetch([slow])
    const [evidence] = extra.evidence()
    expect(evidence).toMatchObject({
      check: 'latency',
      status: 'ready',
      seriesInWindow: 1,
      seriesWithBaseline: 1,
      attempts: 1,
    })
    expect(evidence!.windowEnd).toBe(new Date(DEPLOY_SEC * 1000).toISOString())
    const m = await extra.measure(slow, new AbortController().signal)
    // ×2.5 at 40 % of the absolute bound: only the baseline catches it.
    expect(m.outcome).toBe('breach')
    const s = m.compared![0]!
    expect(s.baseline).toBeGreaterThan(0.15)
    expect(s.baseline).toBeLessThan(0.17)
    expect(s.value).toBeGreaterThan(0.35)
    expect(m.reason).toMatch(/^0\.\d+ \(\+1\d\d % vs 0\.1\d+ before the deploy\), beyond \+100 %$/)
  })

  it('the same level with noise passes', async () => {
    const extra = createExtraMeasurer({
      client,
      start: deployStart(DEPLOY_SEC * 1000, Date.now()),
      intervalMs: 1000,
    })
    const steady = metric('latency', trafficQueries('steady').meanLatency, { maxIncrease: 0.5 })
    const m = await extra.measure(steady, new AbortController().signal)
    expect(m.outcome).toBe('pass')
    expect(m.compared?.[0]?.baseline).toBeGreaterThan(0.14)
  })

  it('a window with no history: no baseline, an error naming the window', async () => {
    const start = deployStart(undefined, (DEPLOY_SEC - 3 * 3600) * 1000)
    expect(start.source).toBe('gate-start')
    const extra = createExtraMeasurer({ client, start, intervalMs: 1000 })
    const m = await extra.measure(
      metric('rate', trafficQueries('steady').requestRate, { maxDecrease: 0.5 }),
      new AbortController().signal,
    )
    expect(m).toMatchObject({ outcome: 'error', reason: 'no baseline in the 5m before the deploy' })
  })

  it('a failing baseline query is an error each round until it succeeds', async () => {
    let fail = true
    const flaky = {
      query: client.query.bind(client),
      alerts: client.alerts.bind(client),
      queryRange: (q: string, o: Parameters<HttpPrometheusClient['queryRange']>[1]) =>
        fail ? client.queryRange('sum(', o) : client.queryRange(q, o),
    }
    const extra = createExtraMeasurer({
      client: flaky,
      start: deployStart(DEPLOY_SEC * 1000, Date.now()),
      intervalMs: 1000,
    })
    const slow = metric('latency', trafficQueries('slow').meanLatency, { maxIncrease: 1 })
    await extra.prefetch([slow])
    const first = await extra.measure(slow, new AbortController().signal)
    expect(first.outcome).toBe('error')
    expect(first.reason).toMatch(/^baseline query failed: Prometheus answered HTTP 400 bad_data/)
    fail = false
    const second = await extra.measure(slow, new AbortController().signal)
    expect(second.outcome).toBe('breach')
    expect(extra.evidence()[0]).toMatchObject({ status: 'ready', attempts: 3 })
  })
})

describe('the normal band and the offset, from real history', () => {
  const start = () => deployStart(DEPLOY_SEC * 1000, Date.now())
  const signal = new AbortController().signal

  it('each series gets its band from the window; the reason and the series carry it', async () => {
    const extra = createExtraMeasurer({ client, start: start(), intervalMs: 1000 })
    const slow = metric('latency', trafficQueries('slow').meanLatency, { maxIncrease: 1, band: 0.98 })
    const m = await extra.measure(slow, signal)
    expect(m.outcome).toBe('breach')
    const [lo, hi] = m.compared![0]!.band!
    expect(lo).toBeLessThanOrEqual(m.compared![0]!.baseline!)
    expect(hi).toBeGreaterThanOrEqual(m.compared![0]!.baseline!)
    expect(hi).toBeLessThan(0.2)
    expect(m.reason).toMatch(
      /^0\.\d+ \(\+1\d\d % vs 0\.1\d+ before the deploy; normal 0\.1\d*–0\.1\d*\), beyond the normal band and \+100 %$/,
    )
  })

  it('offset 1d compares with the same window yesterday, and the evidence says which window', async () => {
    const extra = createExtraMeasurer({ client, start: start(), intervalMs: 1000 })
    const today = metric('rhythm', 'deploy_gate_rhythm', { maxIncrease: 0.5 })
    const yesterday = metric('rhythm-1d', 'deploy_gate_rhythm', {
      maxIncrease: 0.5,
      offsetMs: 86_400_000,
      offsetText: '1d',
    })
    await extra.prefetch([today, yesterday])
    expect((await extra.measure(today, signal)).outcome).toBe('breach')
    const m = await extra.measure(yesterday, signal)
    expect(m.outcome).toBe('pass')
    expect(m.compared![0]!.baseline).toBeCloseTo(0.41, 5)
    const e = extra.evidence().find((x) => x.check === 'rhythm-1d')!
    expect(e).toMatchObject({ offsetText: '1d', seriesWithBaseline: 1 })
    expect(e.windowEnd).toBe(new Date((DEPLOY_SEC - 86_400) * 1000).toISOString())
  })
})

describe('pre-existing breaches, from real history', () => {
  const start = () => deployStart(DEPLOY_SEC * 1000, Date.now())
  const signal = new AbortController().signal
  const disk = (preExisting?: 'report'): MetricCheckSpec => ({
    kind: 'metric',
    name: 'disk',
    query: 'deploy_gate_disk_used_percent',
    max: 85,
    ...(preExisting === undefined ? {} : { preExisting }),
    enforce: true,
    limits: LIMITS,
  })

  it('report: a disk that was at 93 % before the deploy and still is passes, listed apart', async () => {
    const extra = createExtraMeasurer({ client, start: start(), intervalMs: 1000 })
    await extra.prefetch([disk('report')])
    const m = await extra.measure(disk('report'), signal)
    expect(m.outcome).toBe('pass')
    expect(m.reason).toBe('1 series beyond the bound as before the deploy (pre-existing: report)')
    const [e] = extra.preExisting()
    expect(e).toMatchObject({ check: 'disk', mode: 'report', windowText: '30m' })
    expect(e!.series).toHaveLength(1)
    expect(e!.series[0]).toMatchObject({ side: 'max', bound: 85, worst: 93, share: 1 })
    expect(e!.series[0]!.labels.mountpoint).toBe('/data')
  })

  it('fail (default): the same disk breaches, and the explanation names it as already beyond the bound', async () => {
    const extra = createExtraMeasurer({ client, start: start(), intervalMs: 1000 })
    expect(extra.handles(disk())).toBe(false)
    const m = await extra.measure(disk(), signal).catch((err: unknown) => err)
    expect(m).toBeInstanceOf(Error) // a plain threshold check is measured by measureCheck, not here
    const breach = {
      at: new Date().toISOString(),
      outcome: 'breach' as const,
      value: 93,
      series: [
        {
          labels: {
            ...Object.fromEntries([['instance', app.target]]),
            job: 'app',
            mountpoint: '/data',
            __name__: 'deploy_gate_disk_used_percent',
          },
          value: 93,
        },
      ],
    }
    await extra.explainBreaches([{ spec: disk(), result: 'failed', samples: [breach, breach] }])
    const [e] = extra.preExisting()
    expect(e).toMatchObject({ check: 'disk', mode: 'fail' })
    expect(e!.series.map((s) => s.worst)).toEqual([93])
  })
})

describe("alerts: Prometheus' own /api/v1/alerts", () => {
  it('a firing alert active since yesterday is pre-existing; a pending one counts only with include-pending', async () => {
    // Rule evaluation restores the disk alert's activeAt on its second evaluation after start.
    let firing: Awaited<ReturnType<HttpPrometheusClient['alerts']>> = []
    for (let i = 0; i < 100; i++) {
      firing = await client.alerts()
      if (
        firing.some((a) => a.labels.alertname === 'DiskAlmostFull' && a.state === 'firing') &&
        firing.some((a) => a.state === 'pending')
      )
        break
      await new Promise((r) => setTimeout(r, 200))
    }
    const disk = firing.find((a) => a.labels.alertname === 'DiskAlmostFull')
    expect(disk?.state).toBe('firing')
    expect(Date.parse(disk!.activeAt!)).toBe(YESTERDAY_SEC * 1000)
    expect(firing.find((a) => a.labels.alertname === 'SlowResponseTime')?.state).toBe('pending')

    const extra = createExtraMeasurer({
      client,
      start: deployStart(DEPLOY_SEC * 1000, Date.now()),
      intervalMs: 1000,
    })
    const signal = new AbortController().signal
    const plain = await extra.measure(alerts('severity=~"critical|warning"'), signal)
    expect(plain.outcome).toBe('pass')
    expect(plain.alerts?.preExisting.map((a) => a.alertname)).toEqual(['DiskAlmostFull'])
    expect(plain.alerts?.new).toEqual([])
    const pending = await extra.measure(alerts('all', true), signal)
    expect(pending.outcome).toBe('breach')
    expect(pending.alerts?.new.map((a) => [a.alertname, a.state])).toEqual([['SlowResponseTime', 'pending']])
    expect(pending.reason).toMatch(
      /^SlowResponseTime pending since \S+ on service="slow",severity="warning"$/,
    )
  })

  it('an alerts API that cannot be read is an error', async () => {
    const broken = createPrometheusClient(prom.settings({ url: `${prom.url}/nope` }))
    const extra = createExtraMeasurer({
      client: broken,
      start: deployStart(undefined, Date.now()),
      intervalMs: 1000,
    })
    const m = await extra.measure(alerts('all'), new AbortController().signal)
    expect(m.outcome).toBe('error')
    expect(m.reason).toContain('HTTP 404')
    await broken.close()
  })
})
