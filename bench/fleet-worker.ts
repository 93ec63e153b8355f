/**
 * One sample of figure 4's in-process timing, in a worker thread of its own so that it runs on a cold JIT, as the
 * action does: decode the 1,000-series Prometheus answer, measure and apply it for each round of the gate (runGate
 * under an instant clock, so only computing is timed), then render the job summary, the JSON report and the
 * annotations. Posts the times (ms) and what the summary shows.
 */
import { parentPort } from 'node:worker_threads'
import { runGate } from '../src/gate/run.ts'
import { decodeQueryAnswer } from '../src/prometheus/response.ts'
import { measureSeries } from '../src/prometheus/measure.ts'
import { gateAnnotations } from '../src/gate/annotations.ts'
import { buildGateReport } from '../src/gate/report.ts'
import { renderReportJson } from '../src/report/json.ts'
import { renderGateSummary } from '../src/gate/summary.ts'
import { FLEET_INPUTS, fleetSeries } from './fleet-series.ts'
import { vectorBody } from './local-servers.ts'
import { TEST_SHA, gateSettings } from '../testkit/settings.ts'

export interface FleetSample {
  readonly evaluateMs: number
  readonly renderMs: number
  readonly rounds: number
  readonly verdict: string
  readonly summary: string
  readonly reportBytes: number
}

const settings = gateSettings({ ...FLEET_INPUTS, 'prometheus-url': 'http://127.0.0.1:9' })
const body = vectorBody(fleetSeries())
let nowMs = Date.parse('2026-01-01T00:00:00Z')
let rounds = 0

const evaluateStart = performance.now()
const result = await runGate({
  checks: settings.checks,
  policy: settings.policy,
  measure: (spec) => {
    if (spec.kind !== 'metric') throw new Error('fleet-worker: metric checks only')
    const answer = decodeQueryAnswer({ status: 200, contentType: 'application/json', body })
    return Promise.resolve(measureSeries(answer.series, spec, new Date(nowMs).toISOString()))
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

const renderStart = performance.now()
const summary = renderGateSummary(result, {
  environment: 'production',
  sha: TEST_SHA,
  prometheusUrl: 'https://prometheus.example.com',
  dryRun: false,
  runUrl: 'https://github.com/owner/repo/actions/runs/1/attempts/1',
})
const report = renderReportJson(
  buildGateReport(result, {
    environment: 'production',
    sha: TEST_SHA,
    run: { id: 1, attempt: 1, url: 'https://github.com/owner/repo/actions/runs/1/attempts/1' },
    config: { checks: settings.checks, policy: settings.policy },
    secrets: settings.secrets,
  }),
)
gateAnnotations(result)
const renderMs = performance.now() - renderStart

const sample: FleetSample = {
  evaluateMs,
  renderMs,
  rounds,
  verdict: result.verdict,
  summary,
  reportBytes: Buffer.byteLength(report),
}
parentPort?.postMessage(sample)
