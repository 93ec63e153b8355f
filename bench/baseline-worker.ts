/**
 * One sample of the baselines figure's in-process timing, in a fresh worker thread (cold JIT, as in the action): a
 * 3-round gate over 1,000 series with baselines (every 4th series 2.5× its baseline, still under `max`), each round
 * decoding the answer and applying the baseline rule, then rendering the job summary (with the per-series baseline
 * evidence) and the JSON report. Posts the times (ms).
 */
import { parentPort } from 'node:worker_threads'
import type { MetricCheckSpec } from '../src/model/check-spec.ts'
import { deployStart } from '../src/gate/deploy-start-checks.ts'
import { runGate } from '../src/gate/run.ts'
import { measureWithBaseline } from '../src/prometheus/baseline.ts'
import { seriesKey } from '../src/model/series-key.ts'
import { decodeQueryAnswer } from '../src/prometheus/response.ts'
import { gateAnnotations } from '../src/gate/annotations.ts'
import { buildGateReport } from '../src/gate/report.ts'
import { renderReportJson } from '../src/report/json.ts'
import { renderGateSummary } from '../src/gate/summary.ts'
import { fleetSeries } from './fleet-series.ts'
import { vectorBody } from './local-servers.ts'
import { TEST_SHA } from '../testkit/settings.ts'
import { baselineSpec } from '../src/config/baseline-config.ts'

export interface BaselineSample {
  readonly evaluateMs: number
  readonly renderMs: number
  readonly rounds: number
  readonly verdict: string
  readonly summaryBytes: number
}

const series = fleetSeries().map((s, i) => ({ ...s, value: i % 4 === 0 ? 50 : 40 + (i % 10) }))
// Each series' median and normal band before the deploy, as computeBaselines gives them (band 98%).
const baselines = new Map(
  series.map((s, i) => {
    const median = i % 4 === 0 ? 20 : 40 + (i % 10)
    return [seriesKey(s.labels), { median, band: [median * 0.8, median * 1.2] as const }]
  }),
)
const spec: MetricCheckSpec = {
  kind: 'metric',
  name: 'vram-vs-before',
  query: 'DCGM_FI_DEV_FB_USED{job="dcgm"}',
  max: 95,
  baseline: baselineSpec({ 'max-increase': '100%' })!, // 30m, the default band
  enforce: true,
  limits: { maxConsecutiveFailures: 3, maxFailures: 3, maxConsecutiveErrors: 4, onNoData: 'fail' },
}
const body = vectorBody(series)
let nowMs = Date.parse('2026-01-01T00:00:00Z')
let rounds = 0

const evaluateStart = performance.now()
const result = await runGate({
  checks: [spec],
  policy: {
    ...spec.limits,
    startupTimeoutMs: 0,
    startupTimeoutText: '0s',
    warmupMs: 0,
    durationMs: 2_000,
    intervalMs: 1_000,
  },
  measure: () => {
    const answer = decodeQueryAnswer({ status: 200, contentType: 'application/json', body })
    return Promise.resolve(
      measureWithBaseline(
        answer.series,
        { max: spec.max },
        spec.baseline!,
        baselines,
        new Date(nowMs).toISOString(),
      ),
    )
  },
  clock: { now: () => nowMs },
  sleep: (ms) => {
    nowMs += ms
    return Promise.resolve()
  },
  log: () => undefined,
  onRound: () => (rounds += 1),
})
const evaluateMs = performance.now() - evaluateStart

const start = deployStart(undefined, nowMs)
const evidence = [
  {
    check: spec.name,
    windowText: '30m',
    offsetText: '0s',
    windowStart: new Date(nowMs - 1_800_000).toISOString(),
    windowEnd: new Date(nowMs).toISOString(),
    stepMs: 15_000,
    status: 'ready' as const,
    seriesInWindow: 1_000,
    seriesWithBaseline: 1_000,
    attempts: 1,
  },
]
const renderStart = performance.now()
const summary = renderGateSummary(result, {
  environment: 'production',
  sha: TEST_SHA,
  prometheusUrl: 'https://prometheus.example.com',
  dryRun: false,
  deployStart: start,
  baselines: evidence,
})
renderReportJson(
  buildGateReport(result, {
    environment: 'production',
    sha: TEST_SHA,
    run: { id: 1, attempt: 1, url: 'https://github.com/owner/repo/actions/runs/1/attempts/1' },
    config: { checks: [spec] },
    secrets: [],
    deployStart: start,
    baselines: evidence,
  }),
)
gateAnnotations(result)
const renderMs = performance.now() - renderStart

const sample: BaselineSample = {
  evaluateMs,
  renderMs,
  rounds,
  verdict: result.verdict,
  summaryBytes: Buffer.byteLength(summary),
}
parentPort?.postMessage(sample)
