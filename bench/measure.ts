/**
 * One measurement per check the way gate mode takes it: `measureCheck` (src/gate/measure-check.ts — the HTTP prober
 * for HTTP checks, the Prometheus client for metric checks). Settings come from testkit/settings.ts.
 */
import type { CheckSpec } from '../src/model/check-spec.ts'
import type { Measure } from '../src/gate/run.ts'
import type { Measurement } from '../src/model/gate-result.ts'
import type { HttpProber } from '../src/probes/http.ts'
import type { PrometheusClient } from '../src/prometheus/client.ts'
import { measureCheck } from '../src/gate/measure-check.ts'

/** One measurement of one check: gate mode's own `measureCheck`. */
export function gateMeasure(prober: HttpProber, prometheus: PrometheusClient | undefined): Measure {
  return (spec: CheckSpec, signal: AbortSignal): Promise<Measurement> =>
    measureCheck(spec, signal, { prober, prometheus })
}
