/**
 * The verdict-accuracy corpus (SPEC §2 "Verdict-accuracy targets"), pure: where deploys are placed in the NAB series,
 * the level shifts injected after them, and which shifted deploys a setting is required to fail.
 *
 * A case is a series and a deploy index p: the 120 samples before p (p−120 … p−1) are the baseline window, the 21
 * from p on are the gate's rounds 0…20. A deploy point is skipped when a labelled anomaly window comes within 24
 * samples of the samples it uses. A variant multiplies the rounds by a factor (1 = the good deploy) and leaves the
 * history unchanged.
 */
import type { Family, NabSeries } from './nab.ts'

export const WINDOW_SAMPLES = 120
export const ROUNDS = 21
export const MARGIN_SAMPLES = 24
/** A required shift must fail at round index < this (within 5 rounds). */
export const CAUGHT_WITHIN_ROUNDS = 5

export const FACTORS = [1, 2, 3, 0.3, 1.5, 0.5] as const
export type Factor = (typeof FACTORS)[number]
/** The shifts that must fail when beyond the configured change; ×1.5 and ×½ are measured only. */
export const REQUIRED_FACTORS: readonly Factor[] = [2, 3, 0.3]

export interface DeployCase {
  /** `realTweets/Twitter_volume_AAPL.csv@1234` */
  readonly id: string
  readonly family: Family
  readonly series: NabSeries
  readonly deployIndex: number
}

/** The baseline rule as fractions (`50%` → 0.5), the part of a setting that decides what is required. */
export interface ChangeRule {
  readonly maxIncrease?: number
  readonly maxDecrease?: number
  readonly minDelta: number
}

/** Deploy points p = first, first + step, … while p + 21 + 24 < length, where first = history + 24. */
export function deployPoints(length: number, stepSamples: number, historySamples = WINDOW_SAMPLES): number[] {
  if (!Number.isInteger(stepSamples) || stepSamples < 1) throw new Error(`step must be a whole number ≥ 1`)
  const out: number[] = []
  for (let p = historySamples + MARGIN_SAMPLES; p + ROUNDS + MARGIN_SAMPLES < length; p += stepSamples)
    out.push(p)
  return out
}

/** No labelled window overlaps [time(p − history − 24), time(p + 21 + 24)], and the series has those samples. */
export function isCleanDeploy(series: NabSeries, p: number, historySamples = WINDOW_SAMPLES): boolean {
  const first = p - historySamples - MARGIN_SAMPLES
  const last = p + ROUNDS + MARGIN_SAMPLES
  if (first < 0 || last >= series.values.length) return false
  const fromMs = series.timesMs[first]!
  const toMs = series.timesMs[last]!
  return series.windowsMs.every(([startMs, endMs]) => endMs < fromMs || startMs > toMs)
}

export function caseId(file: string, deployIndex: number): string {
  return `${file}@${deployIndex}`
}

/** The good deploys of every series, each family with its own step. */
export function buildCases(
  series: readonly NabSeries[],
  stepSamples: Readonly<Record<Family, number>>,
): DeployCase[] {
  return series.flatMap((s) =>
    deployPoints(s.values.length, stepSamples[s.family])
      .filter((p) => isCleanDeploy(s, p))
      .map((p) => ({ id: caseId(s.file, p), family: s.family, series: s, deployIndex: p })),
  )
}

/** The listed cases (`file@p`), each checked to be a clean deploy point. */
export function pickCases(series: readonly NabSeries[], ids: readonly string[]): DeployCase[] {
  return ids.map((id) => {
    const at = id.lastIndexOf('@')
    const file = id.slice(0, at)
    const p = Number(id.slice(at + 1))
    const s = series.find((x) => x.file === file)
    if (s === undefined || !Number.isInteger(p) || !isCleanDeploy(s, p))
      throw new Error(`${id} is not a clean deploy point of the corpus`)
    return { id, family: s.family, series: s, deployIndex: p }
  })
}

/** Whether a setting whose window ends `offsetSamples` before the deploy can judge this case (history, no anomaly). */
export function caseFitsOffset(c: DeployCase, offsetSamples: number): boolean {
  return offsetSamples === 0 || isCleanDeploy(c.series, c.deployIndex, WINDOW_SAMPLES + offsetSamples)
}

/**
 * The baseline window's values: the 120 samples (`windowSamples`, for scripts/accuracy-bound.ts's question "would a
 * longer window do?") ending `offsetSamples` before the deploy.
 */
export function baselineWindow(c: DeployCase, offsetSamples = 0, windowSamples = WINDOW_SAMPLES): number[] {
  const end = c.deployIndex - offsetSamples
  if (end - windowSamples < 0) throw new Error(`${c.id}: no ${windowSamples} samples before ${end}`)
  return c.series.values.slice(end - windowSamples, end)
}

/** The gate's rounds 0…20 of a variant: the samples from the deploy on, times the factor. */
export function roundValues(c: DeployCase, factor: number): number[] {
  return c.series.values.slice(c.deployIndex, c.deployIndex + ROUNDS).map((v) => v * factor)
}

export function median(values: readonly number[]): number {
  const real = values.filter(Number.isFinite).sort((a, b) => a - b)
  if (real.length === 0) return Number.NaN
  const mid = real.length >> 1
  return real.length % 2 === 1 ? real[mid]! : (real[mid - 1]! + real[mid]!) / 2
}

/**
 * What a factor is for a rule: `good` (×1), `required` (×2, ×3, ×0.3 beyond the configured change: each case is then
 * required when its levels are too, see `isRequired`), `measured` (a shift in a configured direction that is not
 * required), `off` (a direction the rule does not judge).
 */
export type FactorRole = 'good' | 'required' | 'measured' | 'off'

export function factorRole(factor: Factor, rule: ChangeRule): FactorRole {
  if (factor === 1) return 'good'
  const limit = factor > 1 ? rule.maxIncrease : rule.maxDecrease
  if (limit === undefined) return 'off'
  const change = factor > 1 ? factor - 1 : 1 - factor
  return REQUIRED_FACTORS.includes(factor) && change > limit ? 'required' : 'measured'
}

/**
 * A shifted deploy must fail within 5 rounds when: its factor is `required` for the rule, the baseline median b > 0,
 * and the shifted level (median of rounds 0…4) is beyond b·(1 + max-increase) (or below b·(1 − max-decrease)) and
 * differs from b by more than min-delta.
 */
export function isRequired(
  c: DeployCase,
  factor: Factor,
  rule: ChangeRule,
  offsetSamples = 0,
  windowSamples = WINDOW_SAMPLES,
): boolean {
  if (factorRole(factor, rule) !== 'required') return false
  const b = median(baselineWindow(c, offsetSamples, windowSamples))
  if (!(b > 0)) return false
  const level = median(roundValues(c, factor).slice(0, CAUGHT_WITHIN_ROUNDS))
  if (factor > 1) return level > b * (1 + rule.maxIncrease!) && level - b > rule.minDelta
  return level < b * (1 - rule.maxDecrease!) && b - level > rule.minDelta
}
