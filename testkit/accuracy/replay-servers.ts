/**
 * The servers one accuracy gate run reads: a live exporter serving each series' value for the current round, a real
 * Prometheus (scraping it every 500 ms) whose TSDB holds each series' history backfilled with promtool, and the GitHub
 * fake holding the deploy job whose `started_at` (T0) pins the end of the gate's baseline window.
 *
 * History sample i of n is written at T0 − (n − i)·I − I/2, so the range query of a window of 120·I ending at T0
 * (step I) evaluates at T0 − 120·I … T0 and finds the samples n−120 … n−1 once each — provided its lookback reaches
 * back less than 1.5·I: Prometheus runs with `--query.lookback-delta` = I (the default 5 min would repeat the last
 * sample at T0). The live samples are scraped after T0, so no evaluation point of the window sees them. A window
 * ending o·I before T0 reads its 120 samples alone when the sample just after it is not written (plan.ts leaves gaps
 * between windows), for the same reason.
 */
import type { Exporter, PrometheusInstance } from '../prometheus.ts'
import { startExporter, startPrometheus } from '../prometheus.ts'
import { formatSample, labelBlock } from '../exporter.ts'
import { startGitHubFake, type GitHubFake } from '../github-fake.ts'

export const METRIC = 'nab'
export const SCRAPE_JOB = 'nab'
export const SCRAPE_INTERVAL_MS = 500

export interface ReplaySeries {
  /** The `case` label's value. */
  readonly id: string
  /**
   * Before the deploy, oldest first: the last is the sample just before the deploy. `null`: not written (a gap
   * between two windows, so that neither reads a sample of the other).
   */
  readonly history: readonly (number | null)[]
  /** Round 0, 1, … of the gate. */
  readonly rounds: readonly number[]
}

export interface ReplayServers {
  readonly prom: PrometheusInstance
  readonly exporter: Exporter
  readonly github: GitHubFake
  /** The deploy job's start, a whole second in the past. */
  readonly t0Ms: number
  readonly jobId: number
  /** Serve every series' value of round `index` (clamped to its last round). */
  showRound(index: number): void
  close(): Promise<void>
}

/** The exposition of round `index` of every series. */
export function roundExposition(series: readonly ReplaySeries[], index: number): string {
  const lines = series.map((s) => {
    const value = s.rounds[Math.min(index, s.rounds.length - 1)]!
    return `${METRIC}${labelBlock({ case: s.id })} ${formatSample(value)}`
  })
  return `# TYPE ${METRIC} gauge\n${lines.join('\n')}\n`
}

/** OpenMetrics text of every series' history, with the labels a scrape of `target` gives them. */
export function historyOpenMetrics(
  series: readonly ReplaySeries[],
  target: string,
  t0Ms: number,
  intervalMs: number,
): string {
  const out = [`# TYPE ${METRIC} gauge`]
  for (const s of series) {
    const labels = labelBlock({ case: s.id, instance: target, job: SCRAPE_JOB })
    const n = s.history.length
    s.history.forEach((value, i) => {
      if (value === null) return
      const atSec = (t0Ms - (n - i) * intervalMs - intervalMs / 2) / 1000
      out.push(`${METRIC}${labels} ${formatSample(value)} ${atSec}`)
    })
  }
  return `${out.join('\n')}\n# EOF\n`
}

export async function startReplayServers(
  series: readonly ReplaySeries[],
  intervalMs: number,
): Promise<ReplayServers> {
  const exporter = await startExporter('')
  const t0Ms = Math.floor(Date.now() / 1000) * 1000 - 1000
  let prom: PrometheusInstance | undefined
  let github: GitHubFake | undefined
  try {
    ;[prom, github] = await Promise.all([
      startPrometheus({
        jobs: [{ job: SCRAPE_JOB, targets: [exporter.target] }],
        scrapeIntervalMs: SCRAPE_INTERVAL_MS,
        backfill: [historyOpenMetrics(series, exporter.target, t0Ms, intervalMs)],
        extraArgs: [`--query.lookback-delta=${intervalMs}ms`, '--web.max-connections=8192'],
      }),
      startGitHubFake(),
    ])
  } catch (error) {
    await Promise.all([exporter.close(), prom?.stop(), github?.close()])
    throw error
  }
  const startedAt = new Date(t0Ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
  const run = github.state.addRun({
    status: 'in_progress',
    jobs: [{ name: 'deploy', status: 'in_progress', started_at: startedAt }],
  })
  const promDone = prom
  const githubDone = github
  return {
    prom,
    exporter,
    github,
    t0Ms,
    jobId: run.attempts[0]!.jobs[0]!.id,
    showRound: (index) => exporter.set(roundExposition(series, index)),
    close: async () => {
      await Promise.all([promDone.stop(), exporter.close(), githubDone.close()])
    },
  }
}
