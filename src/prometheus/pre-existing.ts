/**
 * Pre-existing breaches (SPEC §2): a series that was already beyond its absolute bound before the deploy is not the
 * deploy's doing. Found from one range query over the window before the deploy; with `pre-existing: report` such a
 * series is held to its own worst value before the deploy instead of the bound, so it passes while it gets no worse.
 * Pure.
 */
import type { Threshold } from '../model/builtins.ts'
import {
  PRE_EXISTING_SHARE,
  PRE_EXISTING_WINDOW_MS,
  PRE_EXISTING_WINDOW_TEXT,
} from '../model/baseline-defaults.ts'
import type { MetricCheckSpec } from '../model/check-spec.ts'
import type { Measurement, SeriesValue } from '../model/gate-result.ts'
import { seriesKey } from '../model/series-key.ts'
import { MIN_BASELINE_SAMPLES } from './baseline.ts'
import { excess, formatMeasured } from './measure.ts'
import type { RangeSeries } from './range.ts'

/** A series found beyond its bound in at least 90 % of the window's samples before the deploy. */
export interface PreExistingSeries {
  readonly labels: Readonly<Record<string, string>>
  /** Which bound it was beyond. */
  readonly side: 'max' | 'min'
  readonly bound: number
  /** Its worst value before the deploy (the highest above `max`, the lowest below `min`). */
  readonly worst: number
  /** The share of its real samples in the window that were beyond the bound (0.9–1). */
  readonly share: number
}

/** The series of `range` that were beyond `threshold` in ≥ 90 % of their real samples (at least 10 of them). */
export function findPreExisting(range: readonly RangeSeries[], threshold: Threshold): PreExistingSeries[] {
  const out: PreExistingSeries[] = []
  for (const series of range) {
    const real = series.values.filter(Number.isFinite)
    if (real.length < MIN_BASELINE_SAMPLES) continue
    for (const side of ['max', 'min'] as const) {
      const bound = threshold[side]
      if (bound === undefined) continue
      const beyond = real.filter((v) => (side === 'max' ? v > bound : v < bound))
      const share = beyond.length / real.length
      if (share < PRE_EXISTING_SHARE) continue
      const worst = side === 'max' ? Math.max(...beyond) : Math.min(...beyond)
      out.push({ labels: series.labels, side, bound, worst, share })
      break
    }
  }
  return out
}

/**
 * Per-series bounds for `pre-existing: report`: a pre-existing series may go as far as its own worst value before the
 * deploy; every other series keeps the check's bounds. Undefined when nothing is pre-existing.
 */
export function preExistingBounds(
  found: readonly PreExistingSeries[],
  threshold: Threshold,
): ((s: SeriesValue) => Threshold) | undefined {
  if (found.length === 0) return undefined
  const byKey = new Map<string, Threshold>()
  for (const p of found) {
    byKey.set(
      seriesKey(p.labels),
      p.side === 'max' ? { ...threshold, max: p.worst } : { ...threshold, min: p.worst },
    )
  }
  return (s) => byKey.get(seriesKey(s.labels)) ?? threshold
}

/** `already above 80% for the 30m before the deploy (97 % of its samples; worst 93.2%)`. */
export function preExistingText(p: PreExistingSeries, windowText: string, unit = ''): string {
  const where = p.side === 'max' ? 'above' : 'below'
  const share = `${Math.round(p.share * 100)} % of its samples`
  return `already ${where} ${formatMeasured(p.bound)}${unit} for the ${windowText} before the deploy (${share}; worst ${formatMeasured(p.worst)}${unit})`
}

/** The window `pre-existing` reads: the baseline's, else 30m; it always ends at the deploy's start. */
export function preExistingWindow(spec: MetricCheckSpec): { ms: number; text: string } {
  return spec.baseline === undefined
    ? { ms: PRE_EXISTING_WINDOW_MS, text: PRE_EXISTING_WINDOW_TEXT }
    : { ms: spec.baseline.windowMs, text: spec.baseline.windowText }
}

/**
 * Says, on a measurement, which pre-existing series are beyond the check's own bound right now but no worse than
 * before the deploy (so they passed), or that the worst breaching series is pre-existing and got worse.
 */
export function withPreExistingNote(
  m: Measurement,
  series: readonly SeriesValue[],
  found: readonly PreExistingSeries[],
  threshold: Threshold,
): Measurement {
  if (found.length === 0 || m.outcome === 'no-data' || m.outcome === 'error') return m
  const byKey = new Map(found.map((p) => [seriesKey(p.labels), p]))
  const worst = m.outcome === 'breach' ? m.series?.[0] : undefined
  const worstPre = worst === undefined ? undefined : byKey.get(seriesKey(worst.labels))
  if (worstPre !== undefined && excess(worst!.value, { ...threshold, [worstPre.side]: worstPre.worst }) > 0) {
    const note = `pre-existing, worse than its ${formatMeasured(worstPre.worst)}${threshold.unit ?? ''} before the deploy`
    return { ...m, reason: `${m.reason ?? ''} (${note})` }
  }
  const excused = series.filter((s) => {
    const p = byKey.get(seriesKey(s.labels))
    return p !== undefined && Number.isFinite(s.value) && excess(s.value, threshold) > 0
  }).length
  if (excused === 0) return m
  const note = `${excused === 1 ? '1 series' : `${excused} series`} beyond the bound as before the deploy (pre-existing: report)`
  return { ...m, reason: m.reason === undefined ? note : `${m.reason}; ${note}` }
}
