/**
 * Figure 4 — fleet scale: the built-in `vram` query returning 1,000 series (1,000 GPUs, 250 above the threshold), a
 * 3-round gate (`interval: 1s`, `duration: 2s`, failing on the 3rd breach). In-process, in a fresh worker thread per
 * sample (cold JIT, as in the action): evaluation (decode + measure + verdict, every round) and report rendering
 * (summary + JSON report + annotations). Through dist (one health URL too, as a real gate has): the process' peak RSS,
 * and the job summary it wrote — at most 1 MiB, the worst 10 series named and the rest counted.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { NODE_BIN, peakRssMethod, runActionProcess, staleDistNote } from './action-process.ts'
import { BREACHING, FLEET_INPUTS, NAMED, fleetSeries } from './fleet-series.ts'
import type { FleetSample } from './fleet-worker.ts'
import { startFakePrometheus, startHealthServer } from './local-servers.ts'
import { summarize } from './stats.ts'
import type { Row } from './table.ts'

const RUNS = 5
const TIME_TARGET_MS = 50
/** Issue 13: below 100 MB (was 150). */
const RSS_TARGET_MB = 100
const SUMMARY_LIMIT_BYTES = 1024 * 1024

export async function fleetScale(): Promise<Row[]> {
  const samples: FleetSample[] = []
  for (let run = 1; run <= RUNS; run++) samples.push(await inWorker())
  for (const s of samples) {
    if (s.verdict !== 'failed' || s.rounds !== 3)
      throw new Error(`fleet-scale: ${s.verdict} after ${s.rounds} rounds`)
  }
  const stale = staleDistNote()
  const series = fleetSeries()
  const prometheus = await startFakePrometheus(0, () => series)
  const health = await startHealthServer(0)
  const rssMB: number[] = []
  const floorMB: number[] = []
  let summary = ''
  try {
    for (let run = 1; run <= RUNS; run++) {
      const r = await runActionProcess({
        inputs: {
          ...FLEET_INPUTS,
          mode: 'gate',
          'prometheus-url': prometheus.url,
          'health-urls': `${health.url}/health`,
          record: 'false',
        },
        peakRss: true,
      })
      if (r.exitCode !== 1 || r.outputs['verdict'] !== 'failed') {
        throw new Error(`fleet-scale: exit ${r.exitCode}, verdict ${r.outputs['verdict']}\n${r.stdout}`)
      }
      rssMB.push((r.peakRssKiB! * 1024) / 1e6)
      floorMB.push(((await bareNodePeakRssKiB()) * 1024) / 1e6)
      summary = r.summary
    }
  } finally {
    await prometheus.close()
    await health.close()
  }

  const total = summarize(samples.map((s) => s.evaluateMs + s.renderMs))
  const evaluate = summarize(samples.map((s) => s.evaluateMs))
  const render = summarize(samples.map((s) => s.renderMs))
  const reportKiB = Math.round(samples[0]!.reportBytes / 1024)
  const inProcessSummary = readable(samples[0]!.summary)
  const distSummary = readable(summary)
  const floor = summarize(floorMB)
  return [
    {
      figure: 'fleet-scale',
      measure: `evaluation + report rendering, ${series.length.toLocaleString('en')} series × 3 rounds (in-process, fresh worker per run)`,
      unit: 'ms',
      stats: total,
      target: { text: `≤ ${TIME_TARGET_MS} ms`, max: TIME_TARGET_MS },
      note: `evaluation ${evaluate.median.toFixed(1)} ms + rendering ${render.median.toFixed(1)} ms (medians); JSON report ${reportKiB} KiB`,
    },
    {
      figure: 'fleet-scale',
      measure: 'peak RSS of the whole action (dist, 1,000 series + 1 health URL)',
      unit: 'MB',
      stats: summarize(rssMB),
      floor: { value: floor.median, what: '`node -e 0`' },
      target: { text: `≤ ${RSS_TARGET_MB} MB`, max: RSS_TARGET_MB },
      note: [peakRssMethod(), stale].filter(Boolean).join('; '),
    },
    {
      figure: 'fleet-scale',
      measure: `job summary (dist): ${distSummary.named} series named, "… and ${distSummary.more ?? '?'} more" counted`,
      unit: 'KiB',
      value: Buffer.byteLength(summary) / 1024,
      target: {
        text: `≤ 1 MiB, worst ${NAMED} named, rest counted`,
        ok:
          Buffer.byteLength(summary) <= SUMMARY_LIMIT_BYTES &&
          distSummary.ok &&
          inProcessSummary.ok &&
          distSummary.sortedWorstFirst,
      },
    },
  ]
}

export function inWorker(): Promise<FleetSample> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./fleet-worker.ts', import.meta.url))
    let sample: FleetSample | undefined
    worker.once('message', (m: FleetSample) => (sample = m))
    worker.once('error', reject)
    worker.once('exit', (code) =>
      sample ? resolve(sample) : reject(new Error(`fleet-scale: worker exited with ${code} and no sample`)),
    )
  })
}

interface Readability {
  readonly named: number
  readonly more?: number
  readonly sortedWorstFirst: boolean
  readonly ok: boolean
}

/** Reads the breaching-series table of the summary: how many rows, the `… and N more` line, the order of values. */
function readable(summary: string): Readability {
  const lines = summary.split('\n')
  const header = lines.findIndex((l) => l.includes('Breaching series (worst first)'))
  if (header < 0) return { named: 0, sortedWorstFirst: false, ok: false }
  const rows: string[] = []
  for (let i = header + 2; i < lines.length && lines[i]!.startsWith('|'); i++) rows.push(lines[i]!)
  const moreLine = /… and (\d+) more/.exec(summary)
  const more = moreLine ? Number(moreLine[1]) : undefined
  const values = rows.map((r) => parseFloat(r.split('|')[2] ?? ''))
  const sortedWorstFirst = values.every((v, i) => i === 0 || v <= values[i - 1]!)
  return {
    named: rows.length,
    more,
    sortedWorstFirst,
    ok: rows.length === NAMED && more === BREACHING - NAMED,
  }
}

/** Peak RSS of `node -e 0`, measured the same way as the action's. */
async function bareNodePeakRssKiB(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'deploy-gate-bench-rss-'))
  const file = join(dir, 'rss')
  try {
    const time = '/usr/bin/time'
    const [command, args] = existsSync(time)
      ? [time, ['-f', '%M', '-o', file, NODE_BIN, '-e', '0']]
      : [
          NODE_BIN,
          [
            '-e',
            `require('fs').writeFileSync(${JSON.stringify(file)}, String(process.resourceUsage().maxRSS))`,
          ],
        ]
    await new Promise<void>((resolve, reject) => {
      const child = spawn(command, args, { stdio: 'ignore' })
      child.once('error', reject)
      child.once('exit', () => resolve())
    })
    return Number(readFileSync(file, 'utf8').trim().split('\n').at(-1))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
