/**
 * Figure 3 — time to fail: a `cpu` check whose one series reads 95% (> 80) from the first sample, `interval: 1s`,
 * `max-consecutive-failures: 2`, `duration: 5m`. The second breaching sample cannot be taken before 1 × interval, so
 * the floor is 1 s. Measured in-process (runGate call → its result: real clock, real Prometheus client, fake
 * Prometheus answering at once) and through dist (spawn → the `fail fast` log line, and spawn → process exit).
 */
import { runGate } from '../src/gate/run.ts'
import { createHttpProber } from '../src/probes/http.ts'
import { createPrometheusClient } from '../src/prometheus/client.ts'
import { runActionProcess, staleDistNote } from './action-process.ts'
import { startFakePrometheus } from './local-servers.ts'
import { gateMeasure } from './measure.ts'
import { gateSettings } from '../testkit/settings.ts'
import { summarize } from './stats.ts'
import type { Row } from './table.ts'

const RUNS = 5
const INTERVAL_MS = 1_000
const TARGET_MS = 2 * INTERVAL_MS + 250
const FLOOR_MS = INTERVAL_MS

export async function timeToFail(): Promise<Row[]> {
  const stale = staleDistNote()
  const prometheus = await startFakePrometheus(0, () => [
    { labels: { instance: 'web-1:9100', job: 'node' }, value: 95 },
  ])
  const inputs = {
    'prometheus-url': prometheus.url,
    'host-selector': 'job="node"',
    'memory-max': 'off',
    'disk-max': 'off',
    'cpu-max': '80',
    interval: '1s',
    duration: '5m',
    'max-consecutive-failures': '2',
  }
  const inProcess: number[] = []
  const toVerdictLine: number[] = []
  const toExit: number[] = []
  try {
    for (let run = 1; run <= RUNS; run++) {
      inProcess.push(await gateToVerdict(inputs))
      const dist = await distToVerdict({
        ...inputs,
        mode: 'gate',
        record: 'false',
        'report-artifact': 'none',
      })
      toVerdictLine.push(dist.verdictLineMs)
      toExit.push(dist.exitMs)
    }
  } finally {
    await prometheus.close()
  }
  const floor = { value: FLOOR_MS, what: '(max-consecutive-failures − 1) × interval' }
  const target = { text: `≤ 2 × interval + 250 ms = ${TARGET_MS} ms`, max: TARGET_MS }
  return [
    {
      figure: 'time-to-fail',
      measure: 'in-process: runGate start → verdict `failed` (fail fast, duration 5m)',
      unit: 'ms',
      stats: summarize(inProcess),
      floor,
      target,
    },
    {
      figure: 'time-to-fail',
      measure: 'through dist: spawn → `fail fast` log line',
      unit: 'ms',
      stats: summarize(toVerdictLine),
      floor,
      target,
      ...(stale ? { note: stale } : {}),
    },
    {
      figure: 'time-to-fail',
      measure: 'through dist: spawn → process exit (step failed, summary and report written)',
      unit: 'ms',
      stats: summarize(toExit),
      floor,
      target,
    },
  ]
}

async function gateToVerdict(inputs: Readonly<Record<string, string>>): Promise<number> {
  const settings = gateSettings(inputs)
  const prober = createHttpProber()
  const prometheus = createPrometheusClient(settings.prometheus!)
  try {
    const start = performance.now()
    const result = await runGate({
      checks: settings.checks,
      policy: settings.policy,
      measure: gateMeasure(prober, prometheus),
      clock: { now: () => Date.now() },
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      log: () => undefined,
    })
    const elapsed = performance.now() - start
    if (result.verdict !== 'failed' || result.ended !== 'fail-fast') {
      throw new Error(`time-to-fail: verdict ${result.verdict}, ended ${result.ended}`)
    }
    return elapsed
  } finally {
    await prober.close()
    await prometheus.close()
  }
}

async function distToVerdict(
  inputs: Readonly<Record<string, string>>,
): Promise<{ verdictLineMs: number; exitMs: number }> {
  let verdictAt: number | undefined
  const run = await runActionProcess({
    inputs,
    onLine: (line, at) => {
      if (line.startsWith('fail fast:')) verdictAt ??= at
    },
  })
  if (run.exitCode !== 1 || run.outputs['verdict'] !== 'failed' || verdictAt === undefined) {
    throw new Error(`time-to-fail: exit ${run.exitCode}, verdict ${run.outputs['verdict']}\n${run.stdout}`)
  }
  return { verdictLineMs: verdictAt - run.spawnedAt, exitMs: run.exitedAt - run.spawnedAt }
}
