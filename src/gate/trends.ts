/**
 * The summary's Trends section: one sparkline per metric check over the window, drawn on a scale that includes the
 * check's threshold (and any baseline), with the two ends of each scale written out and a one-line legend. Pure.
 */
import type { MetricCheckSpec } from '../model/check-spec.ts'
import type { CheckOutcome } from '../model/gate-result.ts'
import { formatCheckValue, lowIsWorse } from './check-facts.ts'
import {
  codeCell,
  escapeCell,
  SPARK_GAP,
  sparkGlyph,
  sparkline,
  sparklineScale,
  table,
} from '../report/markdown.ts'
import { worstCompared } from './baseline-evidence.ts'

export type MetricOutcome = CheckOutcome & { readonly spec: MetricCheckSpec }

/**
 * Values a check's scale must include besides its samples: its `min` and `max`, and for a baseline check the worst
 * series' baseline and normal band, so the band is drawn on the sparkline's own scale.
 */
export function thresholdReferences(c: MetricOutcome): (number | undefined)[] {
  const worst = worstCompared(c)
  return [c.spec.min, c.spec.max, worst?.baseline, worst?.band?.[0], worst?.band?.[1]]
}

/** `0.22–0.41 ▂…▄`: the worst series' normal band before the deploy, and where it sits on the row's scale. */
function normalCell(c: MetricOutcome, scale: { low: number; high: number } | undefined): string {
  const band = worstCompared(c)?.band
  if (band === undefined) return '—'
  const text = `${formatCheckValue(c.spec, band[0])}–${formatCheckValue(c.spec, band[1])}`
  return scale === undefined ? text : `${text} ${sparkGlyph(band[0], scale)}…${sparkGlyph(band[1], scale)}`
}

/** One line: what the ends of each sparkline's scale are. */
export const TRENDS_LEGEND =
  `▁ and █ are the ends of the row's Scale, which spans its values and its threshold (and baseline and normal band), so flat reads ` +
  `flat and a climb towards the threshold reads so; ${SPARK_GAP} = no value.`

/** The Trends table and its legend; `references` adds reference values per check (default: its threshold). */
export function trendsSection(
  metrics: readonly MetricOutcome[],
  references: (c: MetricOutcome) => readonly (number | undefined)[] = thresholdReferences,
): string {
  const banded = metrics.some((c) => worstCompared(c)?.band !== undefined)
  const rows = metrics
    .filter((c) => c.samples.length > 0)
    .map((c) => {
      const values = c.samples.map((m) => m.value ?? Number.NaN)
      const include = references(c)
      const finite = values.filter(Number.isFinite)
      const value = (n: number): string => formatCheckValue(c.spec, n)
      const low = finite.length > 0 ? value(Math.min(...finite)) : '—'
      const high = finite.length > 0 ? value(Math.max(...finite)) : '—'
      const scale = finite.length > 0 ? sparklineScale(values, include) : undefined
      const keep = lowIsWorse(c.spec) ? 'min' : 'max'
      const row = [
        escapeCell(c.spec.name),
        codeCell(sparkline(values, { width: 40, keep, include })),
        escapeCell(scale ? `${value(scale.low)} … ${value(scale.high)}` : '—'),
        escapeCell(low),
        escapeCell(high),
      ]
      return banded ? [...row, escapeCell(normalCell(c, scale))] : row
    })
  const headers = ['Check', 'Over the window', 'Scale ▁ … █', 'Min', 'Max']
  if (banded) headers.push('Normal before the deploy')
  return `${table(headers, rows)}\n\n${escapeCell(TRENDS_LEGEND)}`
}
