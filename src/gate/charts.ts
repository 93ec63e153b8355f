/**
 * Charts where a person would rather look than read (SPEC §7): a Mermaid `xychart-beta` line chart for each metric
 * check that failed or breached at least once — its worst series over the window (and over the baseline window before
 * the deploy, when the check has one), with the threshold and the normal band drawn as flat lines and the deploy's
 * start marked on the x-axis. GitHub renders Mermaid in Markdown, job summaries included; check-run text keeps the
 * sparkline (docs/decisions.md). Pure: only numbers and generated labels go into a chart, never text from outside.
 */
import type { MetricCheckSpec } from '../model/check-spec.ts'
import type { CheckOutcome, Measurement } from '../model/gate-result.ts'
import { seriesKey } from '../model/series-key.ts'
import { isPercent } from './check-facts.ts'
import { worstCompared } from './baseline-evidence.ts'

/** At most this many charts a summary. */
export const MAX_CHARTS = 6
/** Points per chart side (before / after the deploy), downsampled by bucket keeping the extreme. */
const MAX_POINTS = 30

export type MetricOutcome = CheckOutcome & { readonly spec: MetricCheckSpec }

/** The worst series' values in the baseline window (time order), read for the charted checks only. */
export type ChartHistory = ReadonlyMap<string, readonly number[]>

/** Which checks get a chart: failed first, then any that breached, in config order; at most 6. */
export function chartedChecks(checks: readonly CheckOutcome[]): MetricOutcome[] {
  const metric = checks.filter((c): c is MetricOutcome => c.spec.kind === 'metric' && c.samples.length > 0)
  const failed = metric.filter((c) => c.result === 'failed')
  const breached = metric.filter(
    (c) => c.result !== 'failed' && c.samples.some((m) => m.outcome === 'breach'),
  )
  return [...failed, ...breached].slice(0, MAX_CHARTS)
}

/** The labels of the series a check's chart follows: its worst breaching series, else its worst compared one. */
export function chartedSeries(c: MetricOutcome): Readonly<Record<string, string>> | undefined {
  const breach = c.samples.findLast((m) => m.outcome === 'breach' && (m.series?.length ?? 0) > 0)
  return breach?.series?.[0]?.labels ?? worstCompared(c)?.labels
}

/** The followed series' value in each sample (NaN where it was not there), else the sample's decisive value. */
function valuesAfter(c: MetricOutcome, labels: Readonly<Record<string, string>> | undefined): number[] {
  const key = labels === undefined ? undefined : seriesKey(labels)
  return c.samples.map((m) => {
    if (key !== undefined) {
      const s = [...(m.series ?? []), ...(m.compared ?? [])].find((x) => seriesKey(x.labels) === key)
      if (s !== undefined) return s.value
    }
    return valueOf(m)
  })
}

function valueOf(m: Measurement): number {
  return m.value ?? Number.NaN
}

/** Downsamples to at most `n` points by bucket, keeping each bucket's value furthest from `mid`. */
function downsample(values: readonly number[], n: number, mid: number): number[] {
  if (values.length <= n) return [...values]
  const out: number[] = []
  for (let i = 0; i < n; i++) {
    const bucket = values.slice(
      Math.floor((i * values.length) / n),
      Math.floor(((i + 1) * values.length) / n),
    )
    const finite = bucket.filter(Number.isFinite)
    out.push(
      finite.length === 0
        ? Number.NaN
        : finite.reduce((a, b) => (Math.abs(b - mid) > Math.abs(a - mid) ? b : a)),
    )
  }
  return out
}

/** Three significant digits, as a Mermaid number (no exponent, no NaN: a gap is drawn as the previous value). */
function rounded(values: readonly number[]): string[] {
  let last = values.find(Number.isFinite) ?? 0
  return values.map((v) => {
    if (Number.isFinite(v)) last = v
    const r = Number(last.toPrecision(3))
    return Math.abs(r) < 1e-6 ? '0' : String(r)
  })
}

/**
 * One chart. `before`: the followed series' values in the baseline window (absent without a baseline or when they
 * could not be read). The x-axis counts samples, with the deploy's start marked `deploy`.
 */
export function renderChart(c: MetricOutcome, before: readonly number[] | undefined): string {
  const labels = chartedSeries(c)
  const after = valuesAfter(c, labels)
  const worst = worstCompared(c)
  const band = worst?.band
  const mid = worst?.baseline ?? after.find(Number.isFinite) ?? 0
  const pre = before === undefined ? [] : downsample(before, MAX_POINTS, mid)
  const post = downsample(after, MAX_POINTS, mid)
  const values = [...pre, ...post]
  const flat = (v: number | undefined): string[] | undefined =>
    v === undefined || !Number.isFinite(v) ? undefined : values.map(() => String(Number(v.toPrecision(3))))
  const lines = [
    { what: 'the value', points: rounded(values) },
    { what: `max ${c.spec.max}`, points: flat(c.spec.max) },
    { what: `min ${c.spec.min}`, points: flat(c.spec.min) },
    { what: 'normal band, low end', points: flat(band?.[0]) },
    { what: 'normal band, high end', points: flat(band?.[1]) },
  ].filter((l): l is { what: string; points: string[] } => l.points !== undefined)
  const finite = [...values, c.spec.max, c.spec.min, band?.[0], band?.[1]].filter(
    (v): v is number => v !== undefined && Number.isFinite(v),
  )
  const low = Math.min(...finite)
  const high = Math.max(...finite)
  const pad = (high - low) * 0.05 || Math.abs(high) * 0.05 || 1
  const axis = (v: number): string => String(Number(v.toPrecision(3)))
  // Every label unique: Mermaid puts points with equal labels on one category. Before the deploy they count down to
  // it, after it the rounds count up from it.
  const x = [
    ...pre.map((_, i) => `"-${pre.length - i}"`),
    ...post.map((_, i) => (i === 0 ? '"deploy"' : `"+${i}"`)),
  ]
  const unit = isPercent(c.spec) ? '%' : ''
  // The value in GitHub's blue, the bounds in red, the band in purple (the default first colour is a pale lavender).
  const palette = [
    '#0969da',
    ...lines.slice(1).map((l) => (l.what.startsWith('normal') ? '#8250df' : '#cf222e')),
  ]
  const body = [
    `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${palette.join(', ')}"}}}}%%`,
    'xychart-beta',
    `  title "${c.spec.name}${before === undefined ? '' : ': before and after the deploy'}"`,
    `  x-axis [${x.join(', ')}]`,
    `  y-axis "${unit === '%' ? 'percent' : 'value'}" ${axis(Math.max(low - pad, unit === '%' && low >= 0 ? 0 : low - pad))} --> ${axis(high + pad)}`,
    ...lines.map((l) => `  line [${l.points.join(', ')}]`),
  ]
  const legend = lines.map((l, i) => `${i + 1}. ${l.what}`).join(' · ')
  const axisNote =
    pre.length > 0
      ? " Samples before `deploy` are the baseline window (downsampled), after it the gate's rounds."
      : " The x-axis counts the gate's rounds from the deploy."
  return `\`\`\`mermaid\n${body.join('\n')}\n\`\`\`\n\nLines, in order: ${legend}.${axisNote}`
}

/** The Charts section; '' when no check failed or breached. */
export function chartsSection(checks: readonly CheckOutcome[], history: ChartHistory = new Map()): string {
  const charted = chartedChecks(checks)
  if (charted.length === 0) return ''
  const blocks = charted.map((c) => renderChart(c, history.get(c.spec.name)))
  return ['#### Charts', ...blocks].join('\n\n')
}
