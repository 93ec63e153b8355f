/**
 * SPEC §2: when a metric check gets no data, the reason says why, from one extra query of `up` on the check's
 * selector (`up{SEL}` for built-ins; for a `query` check, `up` on the matchers of its only vector selector, else
 * nothing): the target is down (`up` 0), no target matches the selector, or the target is up but does not export the
 * metric. The word "breach" is never used for missing data.
 */

import type { MetricCheckSpec } from '../model/check-spec.ts'
import type { Measurement, SeriesValue } from '../model/gate-result.ts'
import { builtinQuery } from '../model/builtins.ts'
import type { PrometheusClient } from './client.ts'
import { labelText } from './measure.ts'
import { upOnOwnMatchers } from './vector-selectors.ts'

/** The `up` query that explains missing data for `spec`; undefined when there is none (several selectors). */
export function upQueryOf(spec: MetricCheckSpec): string | undefined {
  if (spec.builtin !== undefined) return builtinQuery('up', spec.selector ?? '')
  return upOnOwnMatchers(spec.query)
}

/** Why `upQuery` found nothing to measure, from its answer. */
export function explainNoData(upQuery: string, up: readonly SeriesValue[]): string {
  if (up.length === 0) return `no target matches the selector (${upQuery} is empty)`
  const down = up.filter((s) => s.value === 0)
  const targets = (series: readonly SeriesValue[]): string => {
    const first = series[0]
    if (first === undefined) return ''
    const more = series.length > 1 ? ` (+${series.length - 1} more)` : ''
    return `${labelText(targetLabels(first.labels))}${more}`
  }
  if (down.length === up.length) {
    const who = down.length === 1 ? 'the target is down' : `all ${down.length} targets are down`
    return `${who} (up 0 on ${targets(down)})`
  }
  const live = up.filter((s) => s.value !== 0)
  const exports =
    live.length === 1 ? 'is up but does not export the metric' : 'are up but do not export the metric'
  const subject = live.length === 1 ? 'the target' : `${live.length} targets`
  const upPart = `${subject} ${exports} (up 1 on ${targets(live)})`
  if (down.length === 0) return upPart
  return `${down.length} of ${up.length} targets down (up 0 on ${targets(down)}); ${upPart}`
}

/** The explanation of an empty result of `spec`, or undefined when there is no `up` query for it or it failed. */
export async function noDataReason(
  spec: MetricCheckSpec,
  client: PrometheusClient,
  signal?: AbortSignal,
): Promise<string | undefined> {
  const upQuery = upQueryOf(spec)
  if (upQuery === undefined) return undefined
  try {
    const up = await client.query(upQuery, signal === undefined ? {} : { signal })
    return explainNoData(upQuery, up.series)
  } catch (err) {
    if (signal?.aborted === true) throw err
    return undefined
  }
}

/**
 * `measured` with the reason of an empty result explained; anything else, or an explanation that cannot be had
 * (no `up` query for this check, the `up` query failed), is returned as it is. Aborts propagate.
 */
export async function withNoDataReason(
  measured: Measurement,
  series: readonly SeriesValue[],
  spec: MetricCheckSpec,
  client: PrometheusClient,
  signal: AbortSignal,
): Promise<Measurement> {
  if (measured.outcome !== 'no-data' || series.length > 0) return measured
  const why = await noDataReason(spec, client, signal)
  return why === undefined ? measured : { ...measured, reason: `no series matched: ${why}` }
}

/** `instance` and `job` when the series has them (what names a scrape target), else all its labels. */
function targetLabels(labels: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  const picked = Object.fromEntries(
    Object.entries(labels).filter(([name]) => name === 'instance' || name === 'job'),
  )
  return Object.keys(picked).length > 0 ? picked : labels
}
