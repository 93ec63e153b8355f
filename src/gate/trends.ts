/**
 * The summary's Trends section: one sparkline per metric check over the window, drawn on a scale that includes the
 * check's threshold (and any baseline), with the two ends of each scale written out and a one-line legend. Pure.
 */
import type { MetricCheckSpec } from '../model/check-spec.ts'
import type { CheckOutcome } from '../model/gate-result.ts'
import { formatCheckValue, lowIsWorse } from './check-facts.ts'
import { codeCell, escapeCell, SPARK_GAP, sparkline, sparklineScale, table } from '../report/markdown.ts'

export type MetricOutcome = CheckOutcome & { readonly spec: MetricCheckSpec }

/**
 * Values a check's scale must include besides its samples: its `min` and `max`. A baseline (a value per series from
 * before the deploy) belongs here too; pass it with `references`.
 */
export function thresholdReferences(c: MetricOutcome): (number | undefined)[] {
  return [c.spec.min, c.spec.max]
}

/** One line: what the ends of each sparkline's scale are. */
export const TRENDS_LEGEND =
  `▁ and █ are the ends of the row's Scale, which spans its values and its threshold (and baseline), so flat reads ` +
  `flat and a climb towards the threshold reads so; ${SPARK_GAP} = no value.`

/** The Trends table and its legend; `references` adds reference values per check (default: its threshold). */
export function trendsSection(
  metrics: readonly MetricOutcome[],
  references: (c: MetricOutcome) => readonly (number | undefined)[] = thresholdReferences,
): string {
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
      return [
        escapeCell(c.spec.name),
        codeCell(sparkline(values, { width: 40, keep, include })),
        escapeCell(scale ? `${value(scale.low)} … ${value(scale.high)}` : '—'),
        escapeCell(low),
        escapeCell(high),
      ]
    })
  return `${table(['Check', 'Over the window', 'Scale ▁ … █', 'Min', 'Max'], rows)}\n\n${escapeCell(TRENDS_LEGEND)}`
}
