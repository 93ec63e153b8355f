/**
 * Figure — baselines (issue 14). (1) The extra time a baseline check adds at gate start: the one range query over 30
 * minutes at a 15 s step for 100 series, against a real Prometheus with that history backfilled by promtool, through
 * the gate's own client and median and band computation (`createExtraMeasurer().prefetch`); the floor is one instant
 * query of the same series on the same server, the ratio the same prefetch with `band: 0%`, and the range queries are
 * counted (the band adds none). (2) Evaluation + rendering for 1,000 series with baselines, 3 rounds, in a fresh
 * worker per run (cold JIT): the same ≤ 50 ms target as plain checks (fleet-scale).
 */
import { Worker } from 'node:worker_threads'
import { startPrometheus } from '../testkit/prometheus.ts'
import type { MetricCheckSpec } from '../src/model/check-spec.ts'
import { createExtraMeasurer, deployStart } from '../src/gate/deploy-start-checks.ts'
import { createPrometheusClient } from '../src/prometheus/client.ts'
import type { BaselineSample } from './baseline-worker.ts'
import { inWorker as plainInWorker } from './fleet-scale.ts'
import { summarize } from './stats.ts'
import type { Row } from './table.ts'
import { baselineSpec } from '../src/config/baseline-config.ts'

const RUNS = 7
const SERIES = 100
const WINDOW_MS = 30 * 60_000
const STEP_MS = 15_000
const TIME_TARGET_MS = 50

export async function baselines(): Promise<Row[]> {
  const nowSec = Math.floor(Date.now() / 1000)
  const lines = ['# TYPE bench_request_seconds gauge']
  for (let s = 0; s < SERIES; s++) {
    for (let t = nowSec - WINDOW_MS / 1000 - 60; t <= nowSec - 5; t += 15) {
      lines.push(
        `bench_request_seconds{instance="api-${s}:8080",job="api"} ${0.1 + (s % 7) / 100 + ((t / 15) % 5) / 1000} ${t}`,
      )
    }
  }
  const prom = await startPrometheus({ backfill: [lines.join('\n')] })
  const client = createPrometheusClient(prom.settings())
  const spec: MetricCheckSpec = {
    kind: 'metric',
    name: 'latency',
    query: 'bench_request_seconds{job="api"}',
    baseline: baselineSpec({ 'max-increase': '100%' })!, // 30m, the default band
    enforce: true,
    limits: { maxConsecutiveFailures: 2, maxFailures: 3, maxConsecutiveErrors: 4, onNoData: 'fail' },
  }
  const medianOnly: MetricCheckSpec = { ...spec, baseline: { ...spec.baseline!, band: 0 } }
  const prefetchMs: number[] = []
  const medianOnlyMs: number[] = []
  const instantMs: number[] = []
  const rangeRequests = { band: 0, medianOnly: 0 }
  let withBaseline = 0
  let withBand = 0
  try {
    for (let run = 0; run <= RUNS; run++) {
      const counted = (key: keyof typeof rangeRequests) => ({
        query: client.query.bind(client),
        alerts: client.alerts.bind(client),
        queryRange: (q: string, o: Parameters<typeof client.queryRange>[1]) => {
          rangeRequests[key] += 1
          return client.queryRange(q, o)
        },
      })
      // The deploy job's start is known (as with job-check-run-id), so the band is computed.
      const start = deployStart(Date.now() - 1_000, Date.now())
      const extra = createExtraMeasurer({ client: counted('band'), start, intervalMs: STEP_MS })
      const plain = createExtraMeasurer({ client: counted('medianOnly'), start, intervalMs: STEP_MS })
      const t0 = performance.now()
      await extra.prefetch([spec])
      const t1 = performance.now()
      await client.query('max_over_time(bench_request_seconds{job="api"}[1h])')
      const t2 = performance.now()
      await plain.prefetch([medianOnly])
      const t3 = performance.now()
      withBaseline = extra.evidence()[0]?.seriesWithBaseline ?? 0
      const probe = await extra.measure(spec, new AbortController().signal)
      withBand = probe.compared?.filter((x) => x.band !== undefined).length ?? 0
      if (run === 0) continue // warm-up: the first query loads the blocks
      prefetchMs.push(t1 - t0)
      instantMs.push(t2 - t1)
      medianOnlyMs.push(t3 - t2)
    }
  } finally {
    await client.close()
    await prom.stop()
  }
  if (withBaseline !== SERIES || withBand !== SERIES)
    throw new Error(`baselines: ${withBaseline} of ${SERIES} series got a baseline, ${withBand} a band`)
  // The band is computed from the same answer: one range query per check and gate, band or not.
  if (rangeRequests.band !== RUNS + 1 || rangeRequests.medianOnly !== RUNS + 1)
    throw new Error(`baselines: ${JSON.stringify(rangeRequests)} range queries for ${RUNS + 1} runs`)

  // Interleaved with the plain-check figure's worker, so that both see the same machine load.
  const samples: BaselineSample[] = []
  const plain: number[] = []
  for (let run = 1; run <= 5; run++) {
    samples.push(await inWorker())
    const p = await plainInWorker()
    plain.push(p.evaluateMs + p.renderMs)
  }
  for (const s of samples) {
    if (s.verdict !== 'failed' || s.rounds !== 3)
      throw new Error(`baselines: ${s.verdict} after ${s.rounds} rounds`)
  }
  const total = summarize(samples.map((s) => s.evaluateMs + s.renderMs))
  const evaluate = summarize(samples.map((s) => s.evaluateMs))
  const render = summarize(samples.map((s) => s.renderMs))
  const instant = summarize(instantMs)
  const plainTotal = summarize(plain)
  return [
    {
      figure: 'baselines',
      measure: `extra time at gate start: 1 range query, ${SERIES} series × 30m at a 15s step (real Prometheus, backfilled), + medians and normal bands (98%)`,
      unit: 'ms',
      stats: summarize(prefetchMs),
      floor: { value: instant.median, what: 'one instant query of the same series' },
      ratio: {
        value: summarize(prefetchMs).median / summarize(medianOnlyMs).median,
        what: `the same with band 0% (medians only, ${summarize(medianOnlyMs).median.toFixed(1)} ms, same runs)`,
      },
      note: `${withBaseline} of ${SERIES} series got a baseline and ${withBand} a band (121 samples each); range queries: ${rangeRequests.band} with bands, ${rangeRequests.medianOnly} without, for ${RUNS + 1} runs each — the band adds no request`,
    },
    {
      figure: 'baselines',
      measure:
        'evaluation + report rendering, 1,000 series with baselines and normal bands × 3 rounds (in-process, fresh worker per run)',
      unit: 'ms',
      stats: total,
      ratio: {
        value: total.median / plainTotal.median,
        what: `plain checks (${plainTotal.median.toFixed(1)} ms, same runs)`,
      },
      target: { text: `≤ ${TIME_TARGET_MS} ms`, max: TIME_TARGET_MS },
      note: `evaluation ${evaluate.median.toFixed(1)} ms + rendering ${render.median.toFixed(1)} ms (medians); summary ${Math.round(samples[0]!.summaryBytes / 1024)} KiB`,
    },
  ]
}

function inWorker(): Promise<BaselineSample> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./baseline-worker.ts', import.meta.url))
    let sample: BaselineSample | undefined
    worker.once('message', (m: BaselineSample) => (sample = m))
    worker.once('error', reject)
    worker.once('exit', (code) =>
      sample ? resolve(sample) : reject(new Error(`baselines: worker exited with ${code} and no sample`)),
    )
  })
}
