/** Everything that can go wrong while asking Prometheus something, wrapped at the boundary with the original as `cause`. */

/**
 * - `network`: no answer (connection refused, DNS, TLS, connection lost mid-body).
 * - `timeout`: no complete answer within the per-query timeout.
 * - `aborted`: the caller's signal aborted the query (e.g. the gate was cancelled).
 * - `http`: a non-2xx answer that is not a Prometheus error body (401 from a proxy, 404 for a wrong path prefix, …).
 * - `not-json`: a body that is not JSON (an HTML error page from a proxy, a truncated body).
 * - `api`: Prometheus' own error body (`"status":"error"`), with its `errorType` (bad_data, execution, timeout, …).
 * - `too-large`: the body is over the size cap (10 MiB); reading stopped there.
 * - `unexpected-result`: valid JSON of the wrong shape, or a result type other than vector or scalar.
 */
export type PrometheusErrorKind =
  'network' | 'timeout' | 'aborted' | 'http' | 'not-json' | 'api' | 'too-large' | 'unexpected-result'

export interface PrometheusErrorDetails {
  readonly kind: PrometheusErrorKind
  /** HTTP status of the answer, when there was one. */
  readonly status?: number
  /** Prometheus' `errorType` (`bad_data`, `execution`, `timeout`, `canceled`, `internal`, `unavailable`, …). */
  readonly errorType?: string
  readonly cause?: unknown
}

/** A Prometheus query that gave no usable result. Messages are short, name no credentials, and can go into reports. */
export class PrometheusError extends Error {
  readonly kind: PrometheusErrorKind
  readonly status?: number
  readonly errorType?: string

  constructor(message: string, details: PrometheusErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    this.name = 'PrometheusError'
    this.kind = details.kind
    if (details.status !== undefined) this.status = details.status
    if (details.errorType !== undefined) this.errorType = details.errorType
  }
}

/**
 * SPEC §8: the server refused the query itself — HTTP 400 or 422 with a `"status":"error"` body, from any
 * Prometheus-compatible server (Prometheus `bad_data` / `execution`, VictoriaMetrics `errorType: "422"`, Mimir,
 * Thanos). Anything else (unreachable, 5xx, 401/403, not Prometheus-shaped) means the server could not be asked.
 */
export function isQueryRejection(error: unknown): boolean {
  return (
    error instanceof PrometheusError && error.kind === 'api' && (error.status === 400 || error.status === 422)
  )
}
