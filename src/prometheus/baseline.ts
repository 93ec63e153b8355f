/**
 * Baselines (SPEC §2): each series' median before the deploy, and the rule that compares a measurement with it. Pure.
 *
 * A measurement breaches for a series with baseline `b` and value `v` when `max-increase` is set and
 * `v > b × (1 + max-increase)` and `v − b > min-delta`, or when `max-decrease` is set and `v < b × (1 − max-decrease)`
 * and `b − v > min-delta`; the absolute `min`/`max` apply as well.
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

/** Baselines by full label set (`seriesKey`). */
export type Baselines = ReadonlyMap<string, number>

/** step = max(interval, window / 250), at least 1 s. */
export function baselineStepMs(intervalMs: number, windowMs: number): number {
  return Math.max(1_000, intervalMs, Math.ceil(windowMs / MAX_POINTS))
}

/** The median of each series' real samples (NaN/±Inf left out); series with fewer than 10 get none. */
export function computeBaselines(range: readonly RangeSeries[]): Map<string, number> {
  const out = new Map<string, number>()
  for (const series of range) {
    const real = series.values.filter(Number.isFinite).sort((a, b) => a - b)
    if (real.length < MIN_BASELINE_SAMPLES) continue
    const mid = real.length >> 1
    out.set(seriesKey(series.labels), real.length % 2 === 1 ? real[mid]! : (real[mid - 1]! + real[mid]!) / 2)
  }
  return out
}

/** `+171 %`, `-60 %`, `+0.4 %`; `new` against a baseline of 0 with a different value. */
export function changeText(value: number, baseline: number): string {
  if (baseline === 0) return value === 0 ? '+0 %' : 'new'
  const pct = ((value - baseline) / Math.abs(baseline)) * 100
  const shown = Math.abs(pct) >= 10 ? Math.round(pct) : Math.round(pct * 10) / 10
  return `${shown >= 0 ? '+' : '-'}${Math.abs(shown)} %`
}

/** `0.84 (+171 % vs 0.31 before the deploy)`, or the value alone for a series without a baseline. */
export function valueWithBaseline(value: number, baseline: number | undefined, unit = ''): string {
  const v = `${formatMeasured(value)}${unit}`
  if (baseline === undefined) return `${v} (no baseline)`
  return `${v} (${changeText(value, baseline)} vs ${formatMeasured(baseline)}${unit} before the deploy)`
}

/** How far past the baseline rule a series is, as a fraction of its baseline (> 0 breaches); -Infinity if it cannot. */
export function baselineExcess(value: number, baseline: number, rule: BaselineSpec): number {
  let worst = Number.NEGATIVE_INFINITY
  const scale = Math.abs(baseline) || 1
  if (
    rule.maxIncrease !== undefined &&
    value > baseline * (1 + rule.maxIncrease) &&
    value - baseline > rule.minDelta
  ) {
    worst = Math.max(worst, (value - baseline * (1 + rule.maxIncrease)) / scale || Number.MIN_VALUE)
  }
  if (
    rule.maxDecrease !== undefined &&
    value < baseline * (1 - rule.maxDecrease) &&
    baseline - value > rule.minDelta
  ) {
    worst = Math.max(worst, (baseline * (1 - rule.maxDecrease) - value) / scale || Number.MIN_VALUE)
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
): Measurement {
  const absolute = measureSeries(series, threshold, at)
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
    const withB: SeriesValue = b === undefined ? s : { labels: s.labels, value: s.value, baseline: b }
    compared.push(withB)
    if (b !== undefined) withBaseline++
    const over = b === undefined ? Number.NEGATIVE_INFINITY : baselineExcess(s.value, b, rule)
    const beyond = excess(s.value, threshold)
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
        : ` (${changeText(worst.value, worst.baseline)} vs ${formatMeasured(worst.baseline)} before the deploy)`
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
  const limit = ruleText(rule, worst.value >= worst.baseline!)
  return {
    ...absolute,
    outcome: 'breach',
    value: worst.value,
    series: baselineBreaching.map((x) => x.s),
    compared,
    reason: `${valueWithBaseline(worst.value, worst.baseline, threshold.unit)}, beyond ${limit}${onLabels(distinguishing(worst.labels, series))}${more}`,
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
      s.baseline === undefined ? Number.NEGATIVE_INFINITY : baselineExcess(s.value, s.baseline, rule),
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

/** `+100 %` (with `min-delta`), the limit that was crossed. */
function ruleText(rule: BaselineSpec, up: boolean): string {
  const pct = (f: number): string => `${Math.round(f * 1000) / 10} %`
  const text = up ? `+${pct(rule.maxIncrease ?? 0)}` : `-${pct(rule.maxDecrease ?? 0)}`
  return rule.minDelta > 0 ? `${text} and min-delta ${formatMeasured(rule.minDelta)}` : text
}
