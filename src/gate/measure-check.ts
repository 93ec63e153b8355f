/**
 * One sample of one check, as gate mode takes it: an HTTP probe, or a Prometheus query judged against the check's
 * bounds (`no data` explained when it can be, the server's warnings kept). Errors become an `error` measurement;
 * only cancellation escapes.
 */
import type { CheckSpec, MetricCheckSpec } from '../model/check-spec.ts'
import type { Threshold } from '../model/builtins.ts'
import type { Measurement } from '../model/gate-result.ts'
import type { HttpProber } from '../probes/http.ts'
import type { PrometheusClient } from '../prometheus/client.ts'
import { errorMeasurement, measureSeries } from '../prometheus/measure.ts'
import { withNoDataReason } from '../prometheus/no-data.ts'

export interface Measurers {
  readonly prober: Pick<HttpProber, 'probe'>
  readonly prometheus: PrometheusClient | undefined
}

export async function measureCheck(
  spec: CheckSpec,
  signal: AbortSignal,
  { prober, prometheus }: Measurers,
): Promise<Measurement> {
  if (spec.kind === 'http') return prober.probe(spec, signal)
  const at = new Date().toISOString()
  if (!prometheus || spec.kind === 'alerts')
    return { at, outcome: 'error', reason: 'no Prometheus configured' }
  try {
    const result = await prometheus.query(spec.query, { signal })
    const measured = measureSeries(result.series, thresholdOf(spec), at)
    return {
      ...(await withNoDataReason(measured, result.series, spec, prometheus, signal)),
      ...(result.warnings.length ? { warnings: result.warnings } : {}),
    }
  } catch (err) {
    if (signal.aborted) throw err
    return errorMeasurement(err, at)
  }
}

/** The check's bounds, with `%` for the percent built-ins so reasons read `96.3% > 95%`. */
export function thresholdOf(spec: MetricCheckSpec): Threshold {
  const percent = spec.builtin !== undefined && spec.builtin !== 'up'
  return { min: spec.min, max: spec.max, ...(percent ? { unit: '%' } : {}) }
}
