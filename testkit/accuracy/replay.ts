/**
 * One gate run of the verdict-accuracy corpus: every (case, variant, setting) a shadow metric check
 * (`enforce: false`) of its own series `nab{case="…"}`, judged by the built action (dist/index.js, run as the runner
 * does) against a real Prometheus (replay-servers.ts).
 *
 * Alignment: before the gate starts, the range query the gate will make is made here too and each series must return
 * exactly its 120 window samples. During the gate, the exporter shows round k's values from
 * (start of observation) + (k − ½)·I on, and never before round k − 1 was logged as measured, so each round reads
 * its own sample. After it, every sample of every check in the JSON report is compared with the value of its round:
 * `alignment.mismatches` lists each that differs (callers fail on any).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { stringify } from 'yaml'
import { actionInputDefaults, DEFAULT_TOKEN, runAction } from '../runner.ts'
import { METRIC, startReplayServers, type ReplaySeries } from './replay-servers.ts'
import { checkWindows, readResults, roundDriver, waitForRound, type Report } from './replay-alignment.ts'

export type { ReplaySeries } from './replay-servers.ts'

export interface ReplayCheck {
  /** A check name (`[A-Za-z0-9_.-]`, at most 64). */
  readonly name: string
  readonly seriesId: string
  /** The `baseline:` keys other than `window` and `offset` (`max-increase`, `band`, …). */
  readonly baseline: Readonly<Record<string, string | number>>
  /** The window ends this many samples before the deploy (`offset` = this × I). */
  readonly offsetSamples: number
}

export interface ReplayOptions {
  readonly series: readonly ReplaySeries[]
  readonly checks: readonly ReplayCheck[]
  readonly intervalMs: number
  /** The baseline window in samples (its `window` = this × I). */
  readonly windowSamples: number
  /**
   * A copy of dist/index.js to run instead of action.yml's (a long run is then immune to a rebuild of dist/); the
   * inputs action.yml defaults are given as the runner evaluates them.
   */
  readonly script?: string
}

export interface ReplayCheckResult {
  readonly result: string
  /** Round index (0-based) of the sample that failed the check. */
  readonly failedRound?: number
  readonly samples: number
}

export interface ReplayRun {
  readonly results: ReadonlyMap<string, ReplayCheckResult>
  readonly alignment: {
    /** Series × offsets whose window read back exactly, and report samples equal to their round's value. */
    readonly windowsChecked: number
    readonly samplesChecked: number
    readonly mismatches: readonly string[]
  }
  /** Per round: from its scheduled start until its log line arrived. */
  readonly roundMs: readonly number[]
  readonly rounds: number
  readonly elapsedMs: number
}

const CONFIG = '.github/deploy-gate.yml'

/** A duration the config accepts: whole seconds as `Ns`, else `Nms`. */
export function durationText(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`
}

/** The check's whole `baseline:` block: its window and offset in samples made durations of the interval. */
export function baselineBlock(
  check: Pick<ReplayCheck, 'baseline' | 'offsetSamples'>,
  intervalMs: number,
  windowSamples: number,
): Record<string, string | number> {
  return {
    window: durationText(windowSamples * intervalMs),
    ...(check.offsetSamples === 0 ? {} : { offset: durationText(check.offsetSamples * intervalMs) }),
    ...check.baseline,
  }
}

export function configYaml(
  checks: readonly ReplayCheck[],
  intervalMs: number,
  windowSamples: number,
): string {
  const metrics = checks.map((c) => ({
    name: c.name,
    query: `${METRIC}{case="${c.seriesId}"}`,
    enforce: false,
    baseline: baselineBlock(c, intervalMs, windowSamples),
  }))
  return stringify({ version: 1, metrics }, { lineWidth: 0 })
}

export async function replayGate(opts: ReplayOptions): Promise<ReplayRun> {
  const begunMs = performance.now()
  const { intervalMs, windowSamples } = opts
  const byId = new Map(opts.series.map((s) => [s.id, s]))
  for (const c of opts.checks)
    if (!byId.has(c.seriesId)) throw new Error(`check ${c.name}: no series ${c.seriesId}`)
  const servers = await startReplayServers(opts.series, intervalMs)
  const dir = await mkdtemp(join(tmpdir(), 'deploy-gate-accuracy-'))
  try {
    const mismatches: string[] = []
    const windowsChecked = await checkWindows(servers, opts, byId, mismatches)
    servers.showRound(0)
    await waitForRound(servers, opts.series, 0)
    await mkdir(join(dir, '.github'), { recursive: true })
    await writeFile(join(dir, CONFIG), configYaml(opts.checks, intervalMs, windowSamples))
    const rounds = Math.max(...opts.series.map((s) => s.rounds.length))
    const driver = roundDriver(servers, intervalMs, rounds)
    const r = await runAction({
      cwd: dir,
      apiUrl: servers.github.url,
      jobCheckRunId: servers.jobId,
      ...(opts.script === undefined ? {} : { script: opts.script }),
      timeoutMs: rounds * intervalMs + 120_000,
      onLine: (line, from) => from.step === 'main' && driver.onLine(line),
      inputs: {
        ...(opts.script === undefined ? {} : actionInputDefaults(DEFAULT_TOKEN, String(servers.jobId))),
        mode: 'gate',
        config: CONFIG,
        'prometheus-url': servers.prom.url,
        duration: durationText((rounds - 1) * intervalMs),
        interval: durationText(intervalMs),
        'report-artifact': 'none',
        record: 'false',
      },
    })
    driver.stop()
    const path = r.outputs['report-path']
    if (r.exitCode !== 0 || path === undefined || path === '')
      throw new Error(`the gate run ended ${r.exitCode}:\n${r.stdout.slice(-4000)}\n${r.stderr.slice(-4000)}`)
    const report = JSON.parse(readFileSync(path, 'utf8')) as Report
    const t0 = new Date(servers.t0Ms).toISOString()
    if (report.deployStart?.source !== 'deploy-job' || report.deployStart.at !== t0)
      mismatches.push(
        `the window does not end at the job's start ${t0}: ${JSON.stringify(report.deployStart)}`,
      )
    const { results, samplesChecked } = readResults(report, opts.checks, byId, mismatches)
    return {
      results,
      alignment: { windowsChecked, samplesChecked, mismatches },
      roundMs: driver.roundMs(),
      rounds,
      elapsedMs: performance.now() - begunMs,
    }
  } finally {
    await servers.close()
    await rm(dir, { recursive: true, force: true })
  }
}

/** Throws with the first mismatches when the run was not aligned. */
export function assertAligned(run: ReplayRun): void {
  const { mismatches } = run.alignment
  if (mismatches.length > 0)
    throw new Error(
      `accuracy replay misaligned (${mismatches.length}):\n${mismatches.slice(0, 20).join('\n')}`,
    )
}
