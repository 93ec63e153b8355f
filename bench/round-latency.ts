/**
 * Figure 1 — round latency. One sample round of 20 HTTP checks (20 health servers) and 8 metric checks (one Prometheus
 * API, 8 queries), every server answering after 200 ms. The gate's round is timed inside `runGate` (real HTTP prober,
 * real Prometheus client + measureSeries): from its `observation:` log line to `onRound` (all 28 measurements taken
 * and applied). Beside it, in the same loop, a sequential prober measures the same 28 checks one after another, as
 * url-health-check-style actions do.
 */
import { runGate } from '../src/gate/run.ts'
import { createHttpProber } from '../src/probes/http.ts'
import { createPrometheusClient } from '../src/prometheus/client.ts'
import { closeAll, startFakePrometheus, startHealthServer, type LocalServer } from './local-servers.ts'
import { gateMeasure } from './measure.ts'
import { gateSettings } from '../testkit/settings.ts'
import { summarize } from './stats.ts'
import type { Row } from './table.ts'

const DELAY_MS = 200
const HTTP_CHECKS = 20
const RUNS = 7
const SEQUENTIAL_RUNS = 5

const CONFIG = `version: 1
metrics:
  - { name: web-cpu, builtin: cpu, selector: 'instance="web-1:9100"' }
  - { name: web-memory, builtin: memory, selector: 'instance="web-1:9100"' }
  - { name: web-disk, builtin: disk, selector: 'instance="web-1:9100"' }
  - { name: ai-vram, builtin: vram, selector: 'instance="ai-1:9400"' }
  - { name: ai-kv-cache, builtin: kv-cache, selector: 'instance="ai-1:8000"', max: 90 }
  - { name: targets-up, builtin: up, selector: 'job="node"' }
  - name: api-p95-latency
    query: histogram_quantile(0.95, sum by (le) (rate(http_server_requests_seconds_bucket{job="api"}[5m])))
    max: 2
  - name: api-error-ratio
    query: sum(rate(http_server_requests_seconds_count{job="api",status=~"5.."}[5m])) / sum(rate(http_server_requests_seconds_count{job="api"}[5m]))
    max: 0.01
`

export async function roundLatency(): Promise<Row[]> {
  const health: LocalServer[] = []
  for (let i = 0; i < HTTP_CHECKS; i++) health.push(await startHealthServer(DELAY_MS))
  const prometheusServer = await startFakePrometheus(DELAY_MS, (query) => [
    { labels: { instance: 'web-1:9100', job: 'node' }, value: query.startsWith('up{') ? 1 : 0.001 },
  ])
  const settings = gateSettings(
    {
      'health-urls': health.map((s) => `${s.url}/health`).join('\n'),
      'prometheus-url': prometheusServer.url,
      duration: '0s',
      interval: '10s',
    },
    CONFIG,
  )
  const checks = settings.checks
  if (checks.length !== HTTP_CHECKS + 8) throw new Error(`round-latency: ${checks.length} checks, not 28`)

  const parallel: number[] = []
  const sequential: number[] = []
  try {
    for (let run = 1; run <= RUNS; run++) {
      parallel.push(await gateRound())
      if (run <= SEQUENTIAL_RUNS) sequential.push(await sequentialRound())
    }
  } finally {
    await closeAll([...health, prometheusServer])
  }

  const gate = summarize(parallel)
  const seq = summarize(sequential)
  const what = `${HTTP_CHECKS} HTTP + 8 metric checks, servers answer after ${DELAY_MS} ms`
  return [
    {
      figure: 'round-latency',
      measure: `one gate round, ${what} (runGate, observation start → onRound)`,
      unit: 'ms',
      stats: gate,
      floor: { value: DELAY_MS, what: 'slowest single probe' },
      target: { text: `≤ 1.25 × floor = ${1.25 * DELAY_MS} ms`, max: 1.25 * DELAY_MS },
    },
    {
      figure: 'round-latency',
      measure: `same round, sequential prober (one check after another)`,
      unit: 'ms',
      stats: seq,
      floor: { value: (HTTP_CHECKS + 8) * DELAY_MS, what: '28 × 200 ms' },
      ratio: { value: seq.median / gate.median, what: 'the gate round (sequential ÷ gate)' },
    },
  ]

  /** One gate with `duration: 0s` (startup poll, then one round); returns the round's time. */
  async function gateRound(): Promise<number> {
    const prober = createHttpProber()
    const prometheus = createPrometheusClient(settings.prometheus!)
    let roundStart: number | undefined
    let roundEnd: number | undefined
    let measured = 0
    try {
      const result = await runGate({
        checks,
        policy: settings.policy,
        measure: gateMeasure(prober, prometheus),
        clock: { now: () => Date.now() },
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        log: (line) => {
          if (line.startsWith('observation:')) roundStart = performance.now()
        },
        onRound: (round) => {
          roundEnd = performance.now()
          measured = round.measurements.filter((m) => m.measurement.outcome === 'pass').length
        },
      })
      if (result.verdict !== 'stable' || measured !== checks.length) {
        throw new Error(`round-latency: verdict ${result.verdict}, ${measured}/${checks.length} passed`)
      }
    } finally {
      await prober.close()
      await prometheus.close()
    }
    if (roundStart === undefined || roundEnd === undefined) throw new Error('round-latency: round not seen')
    return roundEnd - roundStart
  }

  /** The 28 checks measured one after another with the same prober and client. */
  async function sequentialRound(): Promise<number> {
    const prober = createHttpProber()
    const prometheus = createPrometheusClient(settings.prometheus!)
    const measure = gateMeasure(prober, prometheus)
    const signal = new AbortController().signal
    try {
      const start = performance.now()
      for (const spec of checks) {
        const m = await measure(spec, signal)
        if (m.outcome !== 'pass')
          throw new Error(`round-latency: ${spec.name} ${m.outcome} ${m.reason ?? ''}`)
      }
      return performance.now() - start
    } finally {
      await prober.close()
      await prometheus.close()
    }
  }
}
