/**
 * Figure — service checks (issue 23). Against a real Prometheus holding 30 minutes of backfilled request metrics of
 * 3 services (Go promhttp-style `http_requests_total{code,method}` + a duration histogram, 4 instances each):
 * (1) gate start as gate mode's `prepare` runs it — each service's detection (its metric-names request and, as
 * `http_requests_total` is shared by two conventions, its labels request) concurrently with a plain check's baseline
 * range query, then the services' own baseline range queries — against the same range queries sent at once without
 * detection (the floor: the difference is what detection adds); the requests are counted.
 * (2) One round of the 3 services (9 checks: traffic, errors, latency) through gate mode's measurer (round cache,
 * this round's range, the no-traffic rule), against the same queries sent directly (the floor).
 */
import { startPrometheus } from '../testkit/prometheus.ts'
import type { CheckLimits, CheckSpec, MetricCheckSpec } from '../src/model/check-spec.ts'
import { createPrometheusClient, type HttpPrometheusClient } from '../src/prometheus/client.ts'
import { createGateMeasuring } from '../src/gate/measuring.ts'
import { serviceCheckSpecs, SIGNAL_DEFAULTS } from '../src/services/checks.ts'
import { createHttpProber } from '../src/probes/http.ts'
import { summarize } from './stats.ts'
import type { Row } from './table.ts'
import { baselineSpec } from '../src/config/baseline-config.ts'

const RUNS = 9
const SERVICES = ['api', 'web', 'jobs']
const LIMITS: CheckLimits = {
  maxConsecutiveFailures: 2,
  maxFailures: 3,
  maxConsecutiveErrors: 4,
  onNoData: 'fail',
}

function history(nowSec: number): string {
  const lines = ['# TYPE http_requests_total counter', '# TYPE http_request_duration_seconds histogram']
  const buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
  for (let t = nowSec - 1860, n = 0; t <= nowSec - 5; t += 15, n++) {
    for (const job of SERVICES) {
      for (let i = 0; i < 4; i++) {
        const base = `job="${job}",instance="${job}-${i}:8080",method="get"`
        lines.push(`http_requests_total{${base},code="200"} ${n * 150} ${t}`)
        lines.push(`http_requests_total{${base},code="500"} ${n} ${t}`)
        buckets.forEach((le, k) =>
          lines.push(
            `http_request_duration_seconds_bucket{${base},code="200",le="${le}"} ${Math.round(n * 150 * Math.min(1, (k + 1) / 8))} ${t}`,
          ),
        )
        lines.push(`http_request_duration_seconds_bucket{${base},code="200",le="+Inf"} ${n * 150} ${t}`)
        lines.push(`http_request_duration_seconds_count{${base},code="200"} ${n * 150} ${t}`)
        lines.push(`http_request_duration_seconds_sum{${base},code="200"} ${n * 15} ${t}`)
      }
    }
  }
  return lines.join('\n')
}

function serviceSpecs(): MetricCheckSpec[] {
  return SERVICES.flatMap((name) =>
    serviceCheckSpecs({
      name,
      selector: `job="${name}"`,
      convention: 'auto',
      rateWindowMs: 300_000,
      rateWindowText: '5m',
      minTraffic: 0.05,
      quantile: 0.95,
      signals: {
        errors: { ...SIGNAL_DEFAULTS.errors, enforce: true, limits: LIMITS },
        latency: { ...SIGNAL_DEFAULTS.latency, enforce: true, limits: LIMITS },
        traffic: { ...SIGNAL_DEFAULTS.traffic, enforce: true, limits: LIMITS },
      },
      checkName: (s) => `${name}-${s}`,
    }),
  )
}

function counted(client: HttpPrometheusClient, counts: Record<string, number>): HttpPrometheusClient {
  const count = (what: string) => (counts[what] = (counts[what] ?? 0) + 1)
  return {
    ...client,
    query: (q, o) => (count('query'), client.query(q, o)),
    queryRange: (q, o) => (count('range'), client.queryRange(q, o)),
    metricNames: (m, o) => (count('names'), client.metricNames(m, o)),
    labelNames: (m, o) => (count('labels'), client.labelNames(m, o)),
  }
}

export async function services(): Promise<Row[]> {
  const nowSec = Math.floor(Date.now() / 1000)
  const prom = await startPrometheus({ backfill: [history(nowSec)] })
  const raw = createPrometheusClient(prom.settings())
  const prober = createHttpProber()
  const plain: MetricCheckSpec = {
    kind: 'metric',
    name: 'latency-vs-before',
    query:
      'sum(rate(http_request_duration_seconds_sum[5m])) / sum(rate(http_request_duration_seconds_count[5m]))',
    baseline: baselineSpec({ 'max-increase': '100%' })!, // 30m, the default band
    enforce: true,
    limits: LIMITS,
  }
  const prepareMs: number[] = []
  const floorMs: number[] = []
  const roundMs: number[] = []
  const directMs: number[] = []
  let counts: Record<string, number> = {}
  let roundQueries = 0
  try {
    for (let run = 0; run <= RUNS; run++) {
      counts = {}
      const start = { atMs: (nowSec - 5) * 1000, source: 'deploy-job' as const }
      const measuring = createGateMeasuring({
        prober,
        prometheus: counted(raw, counts),
        start,
        intervalMs: 15_000,
        now: () => (nowSec + 60) * 1000,
      })
      const signal = new AbortController().signal
      const t0 = performance.now()
      const checks: CheckSpec[] = await measuring.prepare([plain, ...serviceSpecs()], signal)
      const t1 = performance.now()
      await raw.queryRange(plain.query, {
        start: new Date(start.atMs - 1_800_000),
        end: new Date(start.atMs),
        stepMs: 15_000,
      })
      const t2 = performance.now()
      const before = counts.query ?? 0
      const svc = checks.filter((c) => c.kind === 'metric' && c.service !== undefined)
      const measured = await Promise.all(svc.map((c) => measuring.measure(c, signal, 1)))
      const t3 = performance.now()
      roundQueries = (counts.query ?? 0) - before
      await Promise.all(svc.map((c) => raw.query((c as MetricCheckSpec).query.replace('[5m]', '[1m]'))))
      const t4 = performance.now()
      if (measured.some((m) => m.outcome === 'error'))
        throw new Error(`services: ${JSON.stringify(measured)}`)
      if (run === 0) continue // warm-up: the first queries load the blocks
      prepareMs.push(t1 - t0)
      floorMs.push(t2 - t1)
      roundMs.push(t3 - t2)
      directMs.push(t4 - t3)
    }
  } finally {
    await raw.close()
    await prober.close()
    await prom.stop()
  }
  const prepare = summarize(prepareMs)
  const round = summarize(roundMs)
  return [
    {
      figure: 'services',
      measure: `gate start with 3 services and 1 baseline check: detection (metadata requests) concurrent with the baseline range queries (real Prometheus, 30m backfilled)`,
      unit: 'ms',
      stats: prepare,
      floor: {
        value: summarize(floorMs).median,
        what: 'the same 10 baseline range queries sent at once, no detection',
      },
      note: `requests of one gate start: ${counts.names ?? 0} metric-names, ${counts.labels ?? 0} labels (for the 3 services), ${counts.range ?? 0} range queries`,
    },
    {
      figure: 'services',
      measure:
        'one round of 3 services (9 checks) through gate mode’s measurer: round cache, the round’s range, no-traffic rule',
      unit: 'ms',
      stats: round,
      floor: { value: summarize(directMs).median, what: 'the same 9 queries sent directly' },
      note: `${roundQueries} instant queries in the round (3 per service: the errors and latency checks' traffic probe shares the traffic check's request)`,
    },
  ]
}
