/** Turns a Prometheus result into one Measurement (SPEC §3), and names series and values for reports. Pure. */

import type { Measurement, SeriesValue } from '../model/gate-result.ts'
import type { Threshold } from '../model/builtins.ts'
import { PrometheusError } from './errors.ts'
import { shorten } from '../report/markdown.ts'

/** Labels that identify a series best; kept first when a long label set is shortened. */
const IDENTIFYING_LABELS = [
  'instance',
  'job',
  'mountpoint',
  'gpu',
  'uuid',
  'UUID',
  'device',
  'Hostname',
  'modelName',
  'namespace',
  'pod',
  'container',
  'node',
]

/**
 * Compares the real-valued series with the threshold: a breach when any is `> max` or `< min` (exactly at a threshold
 * passes). NaN and ±Inf series are left out and returned in `ignoredSeries`; when no series has a real value (empty
 * vector, or all NaN/±Inf) the outcome is `no-data`. `value` is the worst value: the one furthest past a threshold,
 * else the one nearest a threshold (the highest for a max check, the lowest for a min-only check). `series` holds the
 * breaching series, worst first. `boundsOf` gives a series its own bounds (a pre-existing breach is held to its worst
 * value before the deploy).
 */
export function measureSeries(
  series: readonly SeriesValue[],
  threshold: Threshold,
  at: string,
  boundsOf?: (s: SeriesValue) => Threshold,
): Measurement {
  const real: SeriesValue[] = []
  const ignored: SeriesValue[] = []
  // Scored while split: this runs for every series of every round.
  const scored: { s: SeriesValue; excess: number }[] = []
  for (const s of series) {
    if (!Number.isFinite(s.value)) {
      ignored.push(s)
      continue
    }
    real.push(s)
    const over = excess(s.value, boundsOf?.(s) ?? threshold)
    if (over > 0) scored.push({ s, excess: over })
  }
  if (series.length === 0) return { at, outcome: 'no-data', reason: 'no series matched' }
  if (real.length === 0) {
    const only = series[0]
    const reason =
      series.length === 1 && only !== undefined
        ? `the only series is ${formatMeasured(only.value)}${onLabels(only.labels)}`
        : `all ${series.length} series are NaN or ±Inf`
    return { at, outcome: 'no-data', reason }
  }
  const ignoredPart = ignored.length === 0 ? {} : { ignoredSeries: ignored }
  const breaching = scored.sort((a, b) => b.excess - a.excess).map((b) => b.s)
  const worst = breaching[0]
  if (worst === undefined) {
    const nearest = nearestToThreshold(real, threshold)
    const reason =
      ignored.length === 0 ? {} : { reason: `${countSeries(ignored.length)} NaN or ±Inf, ignored` }
    return { at, outcome: 'pass', value: nearest.value, series: [], ...ignoredPart, ...reason }
  }
  const more = breaching.length > 1 ? ` (+${breaching.length - 1} more)` : ''
  return {
    at,
    outcome: 'breach',
    value: worst.value,
    series: breaching,
    ...ignoredPart,
    reason: `${describeBreach(worst.value, boundsOf?.(worst) ?? threshold)}${onLabels(distinguishing(worst.labels, series))}${more}`,
  }
}

/** An `error` measurement for a failed query: the PrometheusError's message, or the text of anything else thrown. */
export function errorMeasurement(error: unknown, at: string): Measurement {
  const reason =
    error instanceof PrometheusError
      ? error.message
      : `unexpected error: ${error instanceof Error ? error.message : String(error)}`
  return { at, outcome: 'error', reason }
}

export interface LabelTextOptions {
  /** Longer label sets keep the identifying labels and say how many were left out. Default 120. */
  readonly maxChars?: number
}

/**
 * `gpu="0",instance="10.1.0.7:9400"`: labels sorted by name, `__name__` dropped, values quoted as PromQL quotes them.
 * A label set longer than `maxChars` keeps the identifying labels (instance, job, mountpoint, gpu, …) and as many
 * others as fit, and ends with `,… (+N labels)`. An empty label set is `{}`.
 */
export function labelText(labels: Readonly<Record<string, string>>, opts: LabelTextOptions = {}): string {
  const maxChars = opts.maxChars ?? 120
  const names = Object.keys(labels)
    .filter((name) => name !== '__name__')
    .sort()
  if (names.length === 0) return '{}'
  const pair = (name: string): string => `${name}=${quote(labels[name] ?? '', 60)}`
  const full = names.map(pair).join(',')
  if (full.length <= maxChars) return full
  const byPriority = [
    ...IDENTIFYING_LABELS.filter((name) => names.includes(name)),
    ...names.filter((name) => !IDENTIFYING_LABELS.includes(name)),
  ]
  const kept = new Set<string>()
  let length = 0
  for (const name of byPriority) {
    const added = pair(name).length + (kept.size > 0 ? 1 : 0)
    if (kept.size > 0 && length + added > maxChars) continue
    kept.add(name)
    length += added
  }
  const shown = names.filter((name) => kept.has(name)).map(pair)
  const leftOut = names.length - shown.length
  return leftOut === 0 ? shown.join(',') : `${shown.join(',')},… (+${leftOut} labels)`
}

/**
 * A value for reports: `NaN`, `+Inf`, `-Inf`, integers as they are, others to 3 significant digits (no exponent for
 * large numbers). With `threshold`, more digits are used until the value no longer reads as the threshold (so a
 * breach never shows as `95 > 95`).
 */
export function formatMeasured(value: number, threshold?: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf'
  if (Number.isInteger(value)) return String(value)
  for (let digits = 3; digits <= 17; digits++) {
    const rounded = roundSignificant(value, digits)
    if (threshold === undefined || rounded !== threshold) return String(rounded)
  }
  return String(value)
}

function roundSignificant(value: number, digits: number): number {
  const magnitude = Math.floor(Math.log10(Math.abs(value)))
  const decimals = Math.min(100, Math.max(0, digits - 1 - magnitude))
  return Number(value.toFixed(decimals))
}

/** How far past a threshold a value is (> 0 is a breach). */
export function excess(value: number, threshold: Threshold): number {
  const over = threshold.max !== undefined ? value - threshold.max : Number.NEGATIVE_INFINITY
  const under = threshold.min !== undefined ? threshold.min - value : Number.NEGATIVE_INFINITY
  return Math.max(over, under)
}

/** The series with the least room to a threshold; the highest when no threshold is set. */
function nearestToThreshold(real: readonly SeriesValue[], threshold: Threshold): SeriesValue {
  const noThreshold = threshold.max === undefined && threshold.min === undefined
  const room = (s: SeriesValue): number => (noThreshold ? -s.value : -excess(s.value, threshold))
  return real.reduce((best, s) => (room(s) < room(best) ? s : best))
}

function describeBreach(value: number, threshold: Threshold): string {
  const unit = threshold.unit ?? ''
  if (threshold.max !== undefined && value > threshold.max) {
    return `${formatMeasured(value, threshold.max)}${unit} > ${formatMeasured(threshold.max)}${unit}`
  }
  const min = threshold.min ?? Number.NaN
  return `${formatMeasured(value, min)}${unit} < ${formatMeasured(min)}${unit}`
}

/**
 * The fewest labels of `labels` that tell its series apart from the others in the result (`gpu="0"` rather than
 * ten DCGM labels shared by every series), picked greedily in the order of IDENTIFYING_LABELS; for a lone series, its
 * identifying labels. Falls back to all labels.
 */
export function distinguishing(
  labels: Readonly<Record<string, string>>,
  all: readonly SeriesValue[],
): Readonly<Record<string, string>> {
  const names = Object.keys(labels).filter((name) => name !== '__name__')
  const pick = (kept: readonly string[]): Readonly<Record<string, string>> =>
    kept.length === 0 ? labels : Object.fromEntries(kept.map((name) => [name, labels[name] ?? '']))
  if (all.length <= 1)
    return pick(names.filter((name) => IDENTIFYING_LABELS.includes(name) && name !== 'job'))
  const rank = (name: string): number => {
    const i = IDENTIFYING_LABELS.indexOf(name)
    return i === -1 ? IDENTIFYING_LABELS.length : i
  }
  const candidates = names
    .filter((name) => all.some((s) => s.labels[name] !== labels[name]))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
  const kept: string[] = []
  let alike = all.filter((s) => s.labels !== labels)
  for (const name of candidates) {
    if (alike.length === 0) break
    const rest = alike.filter((s) => s.labels[name] === labels[name])
    if (rest.length < alike.length) {
      kept.push(name)
      alike = rest
    }
  }
  return pick(names.filter((name) => kept.includes(name)))
}

export function onLabels(labels: Readonly<Record<string, string>>): string {
  const text = labelText(labels)
  return text === '{}' ? '' : ` on ${text}`
}

function countSeries(count: number): string {
  return count === 1 ? '1 series is' : `${count} series are`
}

function quote(value: string, maxChars: number): string {
  const shortened = shorten(value, maxChars)
  return `"${shortened.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`
}
