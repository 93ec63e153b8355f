/**
 * Baselines (SPEC §2): each series' median before the deploy and its normal band, and the rule that compares a
 * measurement with them. Pure.
 *
 * A series with median `b` and band `[lo, hi]` breaches with value `v` when `max-increase` is set and
 * `v > max(hi, b × (1 + max-increase))` and `v − b > min-delta`, or when `max-decrease` is set and
 * `v < min(lo, b × (1 − max-decrease))` and `b − v > min-delta`: it has left its normal band by the configured change.
 * `band: 0%` has no band (the median alone). The value compared is each round's sample (docs/decisions.md says why),
 * so the band is taken over the window's single samples; `normalBand` also takes the band of k-sample medians, which
 * the accuracy corpus measured as the alternative.
 */
import type { BaselineSpec } from '../model/check-spec.ts'
import type { Measurement, SeriesValue } from '../model/gate-result.ts'
import type { Threshold } from '../model/builtins.ts'
import { distinguishing, excess, formatMeasured, measureSeries, onLabels } from './measure.ts'
import type { RangeSeries } from './range.ts'
import { seriesKey } from '../model/series-key.ts'

/** A series needs this many real samples in the window to have a baseline. */
export const MIN_BASELINE_SAMPLES = 10
/** Range queries ask for at most about this many points per series. */
const MAX_POINTS = 250

/** A series' values before the deploy: its median, and its normal band unless `band` is 0 %. */
export interface SeriesBaseline {
  readonly median: number
  readonly band?: readonly [number, number]
}

/** Baselines by full label set (`seriesKey`). */
export type Baselines = ReadonlyMap<string, SeriesBaseline>

/** step = max(interval, window / 250), at least 1 s. */
export function baselineStepMs(intervalMs: number, windowMs: number): number {
  return Math.max(1_000, intervalMs, Math.ceil(windowMs / MAX_POINTS))
}

/** The `p` quantile (0–1) of ascending `sorted`, interpolated between the two nearest ranks (R's type 7). */
export function quantile(sorted: readonly number[], p: number): number {
  // Rounded so that a rank that is whole on paper (0.01 × 100) is whole here too, not 1.0000000000000009.
  const h = Math.round((sorted.length - 1) * p * 1e9) / 1e9
  const lo = Math.floor(h)
  const hi = Math.min(lo + 1, sorted.length - 1)
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!)
}

/** The medians of every `k` consecutive values (k = 1: the values themselves). */
export function rollingMedians(values: readonly number[], k: number): number[] {
  if (k <= 1) return [...values]
  const out: number[] = []
  for (let i = 0; i + k <= values.length; i++) {
    out.push(quantile([...values.slice(i, i + k)].sort(ascending), 0.5))
  }
  return out
}

/**
 * The quantiles holding the central `share` of the window's values of the kind compared: single samples (`k` 1), or
 * the medians of `k` consecutive samples. `values` are real numbers in time order.
 */
export function normalBand(values: readonly number[], share: number, k = 1): readonly [number, number] {
  const kind = rollingMedians(values, k).sort(ascending)
  const tail = (1 - share) / 2
  return [quantile(kind, tail), quantile(kind, 1 - tail)]
}

/** The median and band of each series' real samples (NaN/±Inf left out); series with fewer than 10 get none. */
export function computeBaselines(range: readonly RangeSeries[], share: number): Map<string, SeriesBaseline> {
  const out = new Map<string, SeriesBaseline>()
  for (const series of range) {
    const real = series.values.filter(Number.isFinite)
    if (real.length < MIN_BASELINE_SAMPLES) continue
    const median = quantile([...real].sort(ascending), 0.5)
    out.set(seriesKey(series.labels), share > 0 ? { median, band: normalBand(real, share) } : { median })
  }
  return out
}

function ascending(a: number, b: number): number {
  return a - b
}

/** `+171 %`, `-60 %`, `+0.4 %`; `new` against a baseline of 0 with a different value. */
export function changeText(value: number, baseline: number): string {
  if (baseline === 0) return value === 0 ? '+0 %' : 'new'
  const pct = ((value - baseline) / Math.abs(baseline)) * 100
  const shown = Math.abs(pct) >= 10 ? Math.round(pct) : Math.round(pct * 10) / 10
  return `${shown >= 0 ? '+' : '-'}${Math.abs(shown)} %`
}

/**
 * `0.84 (+171 % vs 0.31 before the deploy; normal 0.22–0.41)`, or the value alone for a series without a baseline.
 */
export function valueWithBaseline(
  value: number,
  baseline: number | undefined,
  unit = '',
  band?: readonly [number, number],
): string {
  const v = `${formatMeasured(value)}${unit}`
  return baseline === undefined ? `${v} (no baseline)` : `${v} (${baselineNote(value, baseline, unit, band)})`
}

/** `+171 % vs 0.31 before the deploy; normal 0.22–0.41`. */
export function baselineNote(
  value: number,
  baseline: number,
  unit = '',
  band?: readonly [number, number],
): string {
  const normal = band === undefined ? '' : `; normal ${bandText(band, unit)}`
  return `${changeText(value, baseline)} vs ${formatMeasured(baseline)}${unit} before the deploy${normal}`
}

/** `0.22–0.41`, `12%–31%`. */
export function bandText(band: readonly [number, number], unit = ''): string {
  return `${formatMeasured(band[0])}${unit}–${formatMeasured(band[1])}${unit}`
}

/** The value above which (`upper`) and below which (`lower`) a series has left its normal band by the change. */
export function baselineLimits(b: SeriesBaseline, rule: BaselineSpec): { upper?: number; lower?: number } {
  const upper = upperLimit(b, rule)
  const lower = lowerLimit(b, rule)
  return { ...(upper === undefined ? {} : { upper }), ...(lower === undefined ? {} : { lower }) }
}

function upperLimit(b: SeriesBaseline, rule: BaselineSpec): number | undefined {
  if (rule.maxIncrease === undefined) return undefined
  const change = b.median * (1 + rule.maxIncrease)
  return b.band === undefined || b.band[1] < change ? change : b.band[1]
}

function lowerLimit(b: SeriesBaseline, rule: BaselineSpec): number | undefined {
  if (rule.maxDecrease === undefined) return undefined
  const change = b.median * (1 - rule.maxDecrease)
  return b.band === undefined || b.band[0] > change ? change : b.band[0]
}

/**
 * How far past the baseline rule a series is, as a fraction of its median (> 0 breaches); -Infinity if it is not.
 * Runs for every series of every round: no allocation.
 */
export function baselineExcess(value: number, b: SeriesBaseline, rule: BaselineSpec): number {
  let worst = Number.NEGATIVE_INFINITY
  const scale = Math.abs(b.median) || 1
  const upper = upperLimit(b, rule)
  if (upper !== undefined && value > upper && value - b.median > rule.minDelta) {
    worst = (value - upper) / scale || Number.MIN_VALUE
  }
  const lower = lowerLimit(b, rule)
  if (lower !== undefined && value < lower && b.median - value > rule.minDelta) {
    worst = Math.max(worst, (lower - value) / scale || Number.MIN_VALUE)
  }
  return worst
}

/** The reason no decision can be made: no absolute bound, and no series has a baseline. */
export function noBaselineReason(rule: BaselineSpec): string {
  return `no baseline in the ${rule.windowText} before the deploy`
}

/**
 * One measurement of a baseline check: the absolute bounds as for any metric check, plus the baseline rule for each
 * series with a baseline. `compared` carries every real series with its baseline, worst first.
 */
export function measureWithBaseline(
  series: readonly SeriesValue[],
  threshold: Threshold,
  rule: BaselineSpec,
  baselines: Baselines,
  at: string,
  boundsOf?: (s: SeriesValue) => Threshold,
): Measurement {
  const absolute = measureSeries(series, threshold, at, boundsOf)
  if (absolute.outcome === 'no-data') return absolute
  // One pass per series (this runs for every series in every round); only the breaching ones are sorted here, the
  // full list is put in worst-first order once, by the report (`worstFirst`).
  const compared: SeriesValue[] = []
  const scored: { s: SeriesValue; key: string; over: number; worst: number }[] = []
  let withBaseline = 0
  for (const s of series) {
    if (!Number.isFinite(s.value)) continue
    const key = seriesKey(s.labels)
    const b = baselines.get(key)
    const withB: SeriesValue =
      b === undefined
        ? s
        : b.band === undefined
          ? { labels: s.labels, value: s.value, baseline: b.median }
          : { labels: s.labels, value: s.value, baseline: b.median, band: b.band }
    compared.push(withB)
    if (b !== undefined) withBaseline++
    const over = b === undefined ? Number.NEGATIVE_INFINITY : baselineExcess(s.value, b, rule)
    const beyond = excess(s.value, boundsOf?.(s) ?? threshold)
    if (over > 0 || beyond > 0) scored.push({ s: withB, key, over, worst: Math.max(beyond, over) })
  }
  scored.sort((a, b) => b.worst - a.worst)
  const hasBound = threshold.min !== undefined || threshold.max !== undefined
  if (!hasBound && withBaseline === 0) {
    return { at, outcome: 'error', reason: noBaselineReason(rule), compared }
  }
  const baselineBreaching = scored.filter((x) => x.over > 0)
  const missing = compared.length - withBaseline
  const missingNote =
    missing === 0
      ? undefined
      : `${missing === 1 ? '1 series has' : `${missing} series have`} no baseline (absolute bounds only)`
  if (absolute.outcome === 'breach') {
    const keys = new Set([
      ...(absolute.series ?? []).map((s) => seriesKey(s.labels)),
      ...baselineBreaching.map((x) => x.key),
    ])
    const all = scored.filter((x) => keys.has(x.key)).map((x) => x.s)
    const worstKey = seriesKey(absolute.series![0]!.labels)
    const worst = scored.find((x) => x.key === worstKey)?.s
    const note =
      worst?.baseline === undefined
        ? ''
        : ` (${baselineNote(worst.value, worst.baseline, threshold.unit, worst.band)})`
    return { ...absolute, series: all, compared, reason: `${absolute.reason ?? ''}${note}` }
  }
  const worst = baselineBreaching[0]?.s
  if (worst === undefined) {
    const reasons = [absolute.reason, missingNote].filter((r) => r !== undefined)
    const value = hasBound ? absolute.value : worstFirst(compared, threshold, rule)[0]?.value
    return {
      ...absolute,
      ...(value === undefined ? {} : { value }),
      compared,
      ...(reasons.length > 0 ? { reason: reasons.join('; ') } : {}),
    }
  }
  const more = baselineBreaching.length > 1 ? ` (+${baselineBreaching.length - 1} more)` : ''
  const limit = ruleText(rule, worst.value >= worst.baseline!, worst.band !== undefined)
  return {
    ...absolute,
    outcome: 'breach',
    value: worst.value,
    series: baselineBreaching.map((x) => x.s),
    compared,
    reason: `${valueWithBaseline(worst.value, worst.baseline, threshold.unit, worst.band)}, beyond ${limit}${onLabels(distinguishing(worst.labels, series))}${more}`,
  }
}

/** `compared` in worst-first order: furthest past a bound or the baseline rule first, then the largest change. */
export function worstFirst(
  compared: readonly SeriesValue[],
  threshold: Threshold,
  rule: BaselineSpec,
): SeriesValue[] {
  const score = (s: SeriesValue): number => {
    const over = Math.max(
      excess(s.value, threshold),
      s.baseline === undefined ? Number.NEGATIVE_INFINITY : baselineExcess(s.value, baselineOf(s), rule),
    )
    if (over > 0) return 1e12 + over // breaching first, furthest past first
    if (s.baseline === undefined) return Number.NEGATIVE_INFINITY
    const change = (s.value - s.baseline) / (Math.abs(s.baseline) || 1)
    return rule.maxIncrease === undefined
      ? -change
      : rule.maxDecrease === undefined
        ? change
        : Math.abs(change)
  }
  return compared
    .map((s) => ({ s, k: score(s) }))
    .sort((a, b) => b.k - a.k)
    .map((x) => x.s)
}

/** A compared series' baseline as the rule takes it. */
export function baselineOf(s: SeriesValue): SeriesBaseline {
  return s.band === undefined ? { median: s.baseline! } : { median: s.baseline!, band: s.band }
}

/** `the normal band and +100 %` (with `min-delta`), the limit that was crossed. */
function ruleText(rule: BaselineSpec, up: boolean, banded: boolean): string {
  const pct = (f: number): string => `${Math.round(f * 1000) / 10} %`
  const change = up ? `+${pct(rule.maxIncrease ?? 0)}` : `-${pct(rule.maxDecrease ?? 0)}`
  const text = banded ? `the normal band and ${change}` : change
  return rule.minDelta > 0 ? `${text} and min-delta ${formatMeasured(rule.minDelta)}` : text
}
