/**
 * The gate runs of a corpus replay: one series per (case, factor), one shadow check per (series, setting), all the
 * checks of a case in the same run, at most `maxChecksPerRun` checks per run.
 */
import {
  caseFitsOffset,
  FACTORS,
  isRequired,
  roundValues,
  WINDOW_SAMPLES,
  type DeployCase,
  type Factor,
} from './corpus.ts'
import type { ReplayCheck, ReplaySeries } from './replay.ts'
import { changeRule, type AccuracySetting } from './settings.ts'

/** What one check of a run judges. */
export interface PlannedCheck extends ReplayCheck {
  readonly deploy: DeployCase
  readonly factor: Factor
  readonly setting: AccuracySetting
  /** Whether the setting is required to fail this shift within 5 rounds (corpus.ts `isRequired`). */
  readonly required: boolean
}

export interface PlannedRun {
  readonly series: readonly ReplaySeries[]
  readonly checks: readonly PlannedCheck[]
}

export function seriesId(c: DeployCase, factor: Factor): string {
  return `${c.id}x${factor}`
}

/**
 * The series of a case's variants. Their history holds the window of every offset used and nothing else, so that
 * the range query of one window never reads a sample just after it (replay-servers.ts).
 */
function caseSeries(c: DeployCase, offsets: readonly number[]): ReplaySeries[] {
  const deepest = Math.max(...offsets) + WINDOW_SAMPLES
  const history = c.series.values.slice(c.deployIndex - deepest, c.deployIndex).map((value, i) => {
    const before = deepest - i // 1 = the sample just before the deploy
    return offsets.some((o) => before > o && before <= o + WINDOW_SAMPLES) ? value : null
  })
  return FACTORS.map((factor) => ({ id: seriesId(c, factor), history, rounds: roundValues(c, factor) }))
}

/** Windows of different offsets must be apart by at least one sample (a window of 120 + its end). */
export function checkOffsets(settings: readonly AccuracySetting[]): void {
  const offsets = [...new Set([0, ...settings.map((s) => s.offsetSamples ?? 0)])].sort((a, b) => a - b)
  for (let i = 1; i < offsets.length; i++)
    if (offsets[i]! - offsets[i - 1]! <= WINDOW_SAMPLES)
      throw new Error(
        `offsets ${offsets[i - 1]} and ${offsets[i]} samples: windows must not touch (> ${WINDOW_SAMPLES} apart)`,
      )
}

export function planRuns(
  cases: readonly DeployCase[],
  settings: readonly AccuracySetting[],
  maxChecksPerRun: number,
): PlannedRun[] {
  checkOffsets(settings)
  const runs: { series: ReplaySeries[]; checks: PlannedCheck[] }[] = []
  let current = { series: [] as ReplaySeries[], checks: [] as PlannedCheck[] }
  for (const c of cases) {
    const fitting = settings.filter((s) => caseFitsOffset(c, s.offsetSamples ?? 0))
    if (fitting.length === 0) continue
    if (
      current.checks.length + fitting.length * FACTORS.length > maxChecksPerRun &&
      current.checks.length > 0
    ) {
      runs.push(current)
      current = { series: [], checks: [] }
    }
    current.series.push(...caseSeries(c, [...new Set(fitting.map((s) => s.offsetSamples ?? 0))]))
    for (const factor of FACTORS) {
      for (const setting of fitting) {
        const offsetSamples = setting.offsetSamples ?? 0
        current.checks.push({
          name: `k${current.checks.length}`,
          seriesId: seriesId(c, factor),
          baseline: setting.baseline,
          offsetSamples,
          deploy: c,
          factor,
          setting,
          required: isRequired(c, factor, changeRule(setting), offsetSamples),
        })
      }
    }
  }
  if (current.checks.length > 0) runs.push(current)
  return runs
}
