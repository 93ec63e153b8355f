/**
 * The catalogue of HTTP request-metric conventions (SPEC §2 "Service checks"): one row per convention — how it is
 * recognised from the metric and label names under a selector, which series give its traffic, 5xx ratio and p95 (in
 * seconds), and what to know about it. Every name and literal here is fixed; nothing read from a server is ever put in
 * a query (services/queries.ts builds them). Sources: docs/services.md and ../shared/research/red-metrics.md.
 *
 * Rows are in recognition order: the service's own instrumentation first (vLLM before the FastAPI instrumentator
 * that serves its HTTP metrics), the proxies last, so an app behind a proxy is judged by its own metrics.
 */

export type ConventionId =
  | 'vllm'
  | 'spring-micrometer'
  | 'opentelemetry'
  | 'opentelemetry-old'
  | 'django-prometheus'
  | 'starlette-exporter'
  | 'flask-exporter'
  | 'fastapi-instrumentator'
  | 'fastify-metrics'
  | 'express-prom-bundle'
  | 'go-promhttp'
  | 'prometheus-naming'
  | 'istio'
  | 'linkerd'
  | 'envoy'
  | 'ingress-nginx'
  | 'traefik'
  | 'haproxy'
  | 'caddy'

/** One naming of a convention's series (a convention may have several: OTel's JS exporter drops the unit suffix). */
export interface SeriesNames {
  /** The counter (or a histogram's `_count`) every request is counted in; traffic = its rate. */
  readonly requests: string
  /** The series the 5xx ratio is taken over, when not `requests` (HAProxy counts responses apart from requests). */
  readonly responses?: string
  /** The histogram's `_bucket` series; absent when the convention has no duration histogram. */
  readonly bucket?: string
  /** The histogram's unit; milliseconds are divided by 1000 so that latency is always in seconds. */
  readonly unit?: 'seconds' | 'milliseconds'
  /** The 5xx matcher when this naming's differs from the convention's. */
  readonly errors?: string
}

export interface Convention {
  readonly id: ConventionId
  readonly title: string
  /** Alternative namings, tried in order; the first whose `requests` (or `responses`) metric is present is used. */
  readonly names: readonly SeriesNames[]
  /** Label names the request metric must carry (told apart from a convention sharing its name). */
  readonly labels?: readonly string[]
  /** Label names it must not carry. */
  readonly withoutLabels?: readonly string[]
  /** Matchers every query adds (fixed literals): the one layer or direction that is the server's own view. */
  readonly filter?: string
  /** The matcher that picks 5xx answers (fixed literal). */
  readonly errors: string
  /** Why there is no latency check, and how to get one, when no naming has a `bucket` present. */
  readonly noLatency: string
  /** What a user should know: placeholder values, coarse buckets, layers. */
  readonly pitfalls: readonly string[]
}

const HISTOGRAM_OFF = (how: string): string => `no duration histogram is exported: ${how}`

export const CATALOGUE: readonly Convention[] = [
  {
    id: 'vllm',
    title: 'vLLM',
    names: [
      {
        requests: 'vllm:request_success_total',
        bucket: 'vllm:e2e_request_latency_seconds_bucket',
        unit: 'seconds',
      },
    ],
    errors: 'finished_reason=~"abort|error"',
    noLatency: HISTOGRAM_OFF('vllm:e2e_request_latency_seconds is missing (a vLLM before the V1 engine?)'),
    pitfalls: [
      'errors are requests finished as abort or error among all finished; abort is mostly a client cancelling',
      'vLLM also serves prometheus-fastapi-instrumentator http_* metrics on the same /metrics; the engine’s own are used',
    ],
  },
  {
    id: 'spring-micrometer',
    title: 'Spring Boot / Micrometer',
    names: [
      {
        requests: 'http_server_requests_seconds_count',
        bucket: 'http_server_requests_seconds_bucket',
        unit: 'seconds',
      },
    ],
    filter: 'uri!="/actuator/prometheus"',
    errors: 'status=~"5.."',
    noLatency: HISTOGRAM_OFF(
      'set management.metrics.distribution.percentiles-histogram.http.server.requests=true (a Micrometer timer has no buckets by default, and its percentiles cannot be aggregated)',
    ),
    pitfalls: [
      'the scrape of /actuator/prometheus is counted by Micrometer and left out',
      'status="UNKNOWN" when no response was created',
    ],
  },
  {
    id: 'opentelemetry',
    title: 'OpenTelemetry HTTP server (stable semantic conventions)',
    names: [
      {
        requests: 'http_server_request_duration_seconds_count',
        bucket: 'http_server_request_duration_seconds_bucket',
        unit: 'seconds',
      },
      // The JS Prometheus exporter does not add unit suffixes.
      {
        requests: 'http_server_request_duration_count',
        bucket: 'http_server_request_duration_bucket',
        unit: 'seconds',
      },
    ],
    errors: 'http_response_status_code=~"5.."',
    noLatency: HISTOGRAM_OFF('the exporter sent no _bucket series (an exponential histogram?)'),
    pitfalls: [
      'older instrumentations emit http.server.duration in ms unless OTEL_SEMCONV_STABILITY_OPT_IN=http',
    ],
  },
  {
    id: 'opentelemetry-old',
    title: 'OpenTelemetry HTTP server (old semantic conventions, milliseconds)',
    names: [
      {
        requests: 'http_server_duration_milliseconds_count',
        bucket: 'http_server_duration_milliseconds_bucket',
        unit: 'milliseconds',
      },
      { requests: 'http_server_duration_count', bucket: 'http_server_duration_bucket', unit: 'milliseconds' },
    ],
    errors: 'http_status_code=~"5.."',
    noLatency: HISTOGRAM_OFF('the exporter sent no _bucket series'),
    pitfalls: [
      'milliseconds: the p95 is divided by 1000',
      'OTEL_SEMCONV_STABILITY_OPT_IN=http moves to the stable names',
    ],
  },
  {
    id: 'django-prometheus',
    title: 'django-prometheus',
    names: [
      {
        requests: 'django_http_responses_total_by_status_total',
        bucket: 'django_http_requests_latency_including_middlewares_seconds_bucket',
        unit: 'seconds',
      },
    ],
    errors: 'status=~"5.."',
    noLatency: HISTOGRAM_OFF('django_http_requests_latency_including_middlewares_seconds is missing'),
    pitfalls: [
      'counters carry a doubled _total (django_http_responses_total_by_status_total)',
      'the scrapes of /metrics are counted as answers (0.067 req/s at a 15 s scrape interval): set min-traffic above that',
    ],
  },
  {
    id: 'starlette-exporter',
    title: 'starlette_exporter',
    names: [
      {
        requests: 'starlette_requests_total',
        bucket: 'starlette_request_duration_seconds_bucket',
        unit: 'seconds',
      },
    ],
    errors: 'status_code=~"5.."',
    noLatency: HISTOGRAM_OFF('starlette_request_duration_seconds is missing'),
    pitfalls: ['the starlette_ prefix changes with prefix=; another prefix is not recognised'],
  },
  {
    id: 'flask-exporter',
    title: 'prometheus-flask-exporter',
    names: [
      {
        requests: 'flask_http_request_total',
        bucket: 'flask_http_request_duration_seconds_bucket',
        unit: 'seconds',
      },
      // defaults_prefix=NO_PREFIX: the singular `http_request_total`.
      { requests: 'http_request_total', bucket: 'http_request_duration_seconds_bucket', unit: 'seconds' },
    ],
    errors: 'status=~"5.."',
    noLatency: HISTOGRAM_OFF('default_latency_as_histogram=False exports a summary; set it to True'),
    pitfalls: ['the counter is singular: http_request_total'],
  },
  {
    id: 'fastapi-instrumentator',
    title: 'prometheus-fastapi-instrumentator',
    names: [
      {
        requests: 'http_requests_total',
        bucket: 'http_request_duration_highr_seconds_bucket',
        unit: 'seconds',
      },
      // Without the high-resolution histogram: buckets 0.1, 0.5, 1 — a p95 above 1 s reads 1.
      { requests: 'http_requests_total', bucket: 'http_request_duration_seconds_bucket', unit: 'seconds' },
    ],
    labels: ['handler', 'status'],
    errors: 'status=~"5.."',
    noLatency: HISTOGRAM_OFF('add metrics.default() or latency() to the Instrumentator'),
    pitfalls: [
      'status is grouped ("5xx")',
      'without http_request_duration_highr_seconds the buckets are 0.1, 0.5, 1: a p95 above 1 s reads 1',
    ],
  },
  {
    id: 'fastify-metrics',
    title: 'fastify-metrics',
    names: [
      {
        requests: 'http_request_duration_seconds_count',
        bucket: 'http_request_duration_seconds_bucket',
        unit: 'seconds',
      },
    ],
    labels: ['status_code', 'route'],
    // fastify-metrics counts the scrapes of its own /metrics route (seen with fastify-metrics 14.1.0).
    filter: 'route!="/metrics"',
    errors: 'status_code=~"5.."',
    noLatency: HISTOGRAM_OFF('the route histogram is off (routeMetrics.routeHistogram)'),
    pitfalls: ['only registered routes are counted (registeredRoutesOnly)', 'the /metrics route is left out'],
  },
  {
    id: 'express-prom-bundle',
    title: 'express-prom-bundle',
    names: [
      {
        requests: 'http_request_duration_seconds_count',
        bucket: 'http_request_duration_seconds_bucket',
        unit: 'seconds',
      },
    ],
    labels: ['status_code'],
    withoutLabels: ['route'],
    errors: 'status_code=~"5.."',
    noLatency: HISTOGRAM_OFF("metricType: 'summary' exports no buckets; use the default histogram"),
    pitfalls: [
      'default buckets 0.003, 0.03, 0.1, 0.3, 1.5, 10: a p95 between 1.5 s and 10 s reads as an interpolation',
      'status_code 499: the client closed before the answer',
    ],
  },
  {
    id: 'go-promhttp',
    title: 'Go client_golang promhttp',
    names: [
      { requests: 'http_requests_total', bucket: 'http_request_duration_seconds_bucket', unit: 'seconds' },
      // InstrumentHandlerDuration alone: its histogram counts the requests.
      {
        requests: 'http_request_duration_seconds_count',
        bucket: 'http_request_duration_seconds_bucket',
        unit: 'seconds',
      },
    ],
    labels: ['code'],
    errors: 'code=~"5.."',
    noLatency: HISTOGRAM_OFF('wrap the handler with promhttp.InstrumentHandlerDuration'),
    pitfalls: ['promhttp_metric_handler_requests_total counts scrapes of /metrics, not the app’s requests'],
  },
  {
    id: 'prometheus-naming',
    title: 'By hand, as the Prometheus naming guide names them (http_requests_total{status})',
    names: [
      { requests: 'http_requests_total', bucket: 'http_request_duration_seconds_bucket', unit: 'seconds' },
    ],
    labels: ['status'],
    withoutLabels: ['handler', 'code'],
    errors: 'status=~"5.."',
    noLatency: HISTOGRAM_OFF('add a Histogram http_request_duration_seconds'),
    pitfalls: [
      'a status label of another name is not recognised: name it status (or code, as promhttp does)',
    ],
  },
  {
    id: 'istio',
    title: 'Istio',
    names: [
      {
        requests: 'istio_requests_total',
        bucket: 'istio_request_duration_milliseconds_bucket',
        unit: 'milliseconds',
      },
    ],
    filter: 'reporter="destination"',
    errors: 'response_code=~"5.."',
    noLatency: HISTOGRAM_OFF('istio_request_duration_milliseconds is missing'),
    pitfalls: ['the destination reporter only: each request is also reported by its source'],
  },
  {
    id: 'linkerd',
    title: 'Linkerd proxy',
    names: [{ requests: 'response_total', bucket: 'response_latency_ms_bucket', unit: 'milliseconds' }],
    labels: ['direction', 'classification'],
    filter: 'direction="inbound"',
    errors: 'classification="failure"',
    noLatency: HISTOGRAM_OFF('response_latency_ms is missing'),
    pitfalls: ['inbound only (the server’s view); latency is time to first byte'],
  },
  {
    id: 'envoy',
    title: 'Envoy',
    names: [
      {
        requests: 'envoy_cluster_upstream_rq_xx',
        bucket: 'envoy_cluster_upstream_rq_time_bucket',
        unit: 'milliseconds',
      },
      // Istio's Envoy extracts the class as response_code_class="5xx" on envoy_cluster_upstream_rq (a real Istio 1.11
      // capture, __tests__/fixtures/red).
      {
        requests: 'envoy_cluster_upstream_rq',
        bucket: 'envoy_cluster_upstream_rq_time_bucket',
        unit: 'milliseconds',
        errors: 'response_code_class="5xx"',
      },
    ],
    errors: 'envoy_response_code_class="5"',
    noLatency: HISTOGRAM_OFF('envoy_cluster_upstream_rq_time is missing'),
    pitfalls: ['the response class is one digit ("5"), not "5xx"', 'the upstream (cluster) view only'],
  },
  {
    id: 'ingress-nginx',
    title: 'ingress-nginx',
    names: [
      {
        requests: 'nginx_ingress_controller_requests',
        bucket: 'nginx_ingress_controller_request_duration_seconds_bucket',
        unit: 'seconds',
      },
    ],
    errors: 'status=~"5.."',
    noLatency: HISTOGRAM_OFF('nginx_ingress_controller_request_duration_seconds is missing'),
    pitfalls: ['the duration HELP text says milliseconds; the values are seconds'],
  },
  {
    id: 'traefik',
    title: 'Traefik',
    names: [
      {
        requests: 'traefik_service_requests_total',
        bucket: 'traefik_service_request_duration_seconds_bucket',
        unit: 'seconds',
      },
      // Service metrics off: the entry points' (seen in a real Traefik v2.2 capture, __tests__/fixtures/red).
      {
        requests: 'traefik_entrypoint_requests_total',
        bucket: 'traefik_entrypoint_request_duration_seconds_bucket',
        unit: 'seconds',
      },
    ],
    errors: 'code=~"5.."',
    noLatency: HISTOGRAM_OFF('traefik_service_request_duration_seconds is missing'),
    pitfalls: ['default buckets 0.1, 0.3, 1.2, 5: a p95 reads at most 1.2 s unless the buckets are widened'],
  },
  {
    id: 'haproxy',
    title: 'HAProxy (built-in exporter)',
    names: [
      {
        requests: 'haproxy_backend_http_requests_total',
        responses: 'haproxy_backend_http_responses_total',
      },
    ],
    errors: 'code="5xx"',
    noLatency:
      'HAProxy exports no duration histogram, only averages over the last 1024 requests, so there is no p95 to judge',
    pitfalls: ['the backend view; frontend and backend are never added together'],
  },
  {
    id: 'caddy',
    title: 'Caddy',
    names: [
      {
        requests: 'caddy_http_request_duration_seconds_count',
        bucket: 'caddy_http_request_duration_seconds_bucket',
        unit: 'seconds',
      },
    ],
    errors: 'code=~"5.."',
    noLatency: HISTOGRAM_OFF('enable metrics in the http app'),
    pitfalls: [
      'caddy_http_requests_total has no status code; the duration histogram’s count is used',
      'Caddy before 2.7 recorded a request once per handler (subroute and reverse_proxy): its traffic reads high',
    ],
  },
]

export const CONVENTION_IDS: readonly ConventionId[] = CATALOGUE.map((c) => c.id)

export function conventionById(id: ConventionId): Convention {
  return CATALOGUE.find((c) => c.id === id)!
}
