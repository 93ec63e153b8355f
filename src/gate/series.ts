/** Breaching and left-out Prometheus series across a check's samples: tallied, ranked and named by their labels. */
import type { MetricCheckSpec } from '../model/check-spec.ts'
import type { Measurement, SeriesValue } from '../model/gate-result.ts'
import { excessOf } from './check-facts.ts'
import { shorten } from '../report/markdown.ts'
import { seriesKey } from '../model/series-key.ts'

/** One series over the whole window. */
export interface SeriesTally {
  readonly labels: Readonly<Record<string, string>>
  /** Its worst value: furthest past the threshold. */
  readonly worstValue: number
  /** How far `worstValue` is past the threshold (see `excessOf`). */
  readonly excess: number
  /** In how many samples it was listed. */
  readonly count: number
  /** Identity of the series (labels in name order); also the tie-breaker when sorting. */
  readonly key: string
}

type MutableTally = { -readonly [K in keyof SeriesTally]: SeriesTally[K] }

function tally(
  samples: readonly Measurement[],
  pick: (m: Measurement) => readonly SeriesValue[] | undefined,
  score: (value: number) => number,
): SeriesTally[] {
  const byKey = new Map<string, MutableTally>()
  for (const m of samples) {
    const series = pick(m)
    if (series === undefined) continue
    for (const s of series) {
      const key = seriesKey(s.labels)
      const excess = score(s.value)
      const seen = byKey.get(key)
      if (seen === undefined) {
        byKey.set(key, { labels: s.labels, worstValue: s.value, excess, count: 1, key })
        continue
      }
      seen.count++
      if (excess > seen.excess) {
        seen.worstValue = s.value
        seen.excess = excess
      }
    }
  }
  return [...byKey.values()]
}

/** Every series that breached in any sample, worst first (by how far past the threshold), then by labels. */
export function breachingSeries(spec: MetricCheckSpec, samples: readonly Measurement[]): SeriesTally[] {
  return tally(
    samples,
    (m) => (m.outcome === 'breach' ? m.series : undefined),
    (v) => (Number.isFinite(v) ? excessOf(spec, v) : Number.NEGATIVE_INFINITY),
  ).sort((a, b) => b.excess - a.excess || compareText(a.key, b.key))
}

/** Series left out of the comparison (NaN/±Inf while other series had values), most often left out first. */
export function ignoredSeries(samples: readonly Measurement[]): SeriesTally[] {
  return tally(
    samples,
    (m) => m.ignoredSeries,
    () => 0,
  ).sort((a, b) => b.count - a.count || compareText(a.key, b.key))
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * A series as PromQL would write it: `DCGM_FI_DEV_FB_USED{gpu="0", instance="10.1.0.7:9400"}` — the metric name
 * (if any) first, labels sorted, values escaped; cut with `…` beyond `maxChars`.
 */
export function formatLabels(labels: Readonly<Record<string, string>>, maxChars = 200): string {
  const name = labels.__name__ ?? ''
  const pairs = Object.entries(labels)
    .filter(([key]) => key !== '__name__')
    .sort(([a], [b]) => compareText(a, b))
    .map(
      ([key, value]) => `${key}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`,
    )
  return shorten(`${name}{${pairs.join(', ')}}`, maxChars)
}
