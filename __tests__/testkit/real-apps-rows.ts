/**
 * What each real instrumented app emitted when run (testkit/apps/README.md says the same in prose): one row per
 * library and setting, as data for real-apps.test.ts.
 */
import type { AppKind, Sample, StartAppOptions } from '../../testkit/apps/index.ts'
import { sumOf } from '../../testkit/apps/index.ts'

export interface AppRow {
  readonly name: string
  readonly kind: AppKind
  readonly opts?: StartAppOptions
  /** The /work requests the library counted (the series a gate would take the rate of). */
  requests(samples: readonly Sample[]): number
  /** The /work requests it counted as 500; `errorsAlso`: another series that must count the same. */
  errors(samples: readonly Sample[]): number
  errorsAlso?(samples: readonly Sample[]): number
  /** `# TYPE` and `# UNIT` of each family (the name as the TYPE line writes it). */
  readonly families: Readonly<Record<string, { type: string; unit?: string }>>
  /** Every label-name set seen on each series name, sorted. */
  readonly labels: Readonly<Record<string, readonly string[][]>>
  /** The `le` values of each bucket series, in exposition order. */
  readonly buckets: Readonly<Record<string, readonly string[]>>
  /** Series that must be there with a value > 0, with these label values. */
  readonly present: ReadonlyArray<{ name: string; where?: Record<string, string> }>
  /** Name prefixes that must not be there. */
  readonly absent?: readonly string[]
}

/** Bucket bounds as the exposition writes them, space-separated. */
const les = (bounds: string): string[] => [...bounds.split(' '), '+Inf']
const DEF_BUCKETS = les('0.005 0.01 0.025 0.05 0.1 0.25 0.5 1 2.5 5 10')
const PY_DEFAULT_BUCKETS = les('0.005 0.01 0.025 0.05 0.075 0.1 0.25 0.5 0.75 1.0 2.5 5.0 7.5 10.0')
const OTEL_STABLE_BUCKETS = les('0.005 0.01 0.025 0.05 0.075 0.1 0.25 0.5 0.75 1 2.5 5 7.5 10')
const OTEL_OLD_BUCKETS = les('0 5 10 25 50 75 100 250 500 750 1000 2500 5000 7500 10000')
const SCOPE = ['otel_scope_name', 'otel_scope_version']
const STABLE = [
  'http_request_method',
  'http_response_status_code',
  'network_protocol_version',
  'url_scheme',
  ...SCOPE,
]
const OLD = [
  'http_flavor',
  'http_method',
  'http_scheme',
  'http_status_code',
  'net_host_name',
  'net_host_port',
  ...SCOPE,
]
const sorted = (names: readonly string[]): string[] => [...names].sort()

const stable = (s: readonly Sample[], where: Record<string, string> = {}): number =>
  sumOf(s, 'http_server_request_duration_count', where)
const old = (s: readonly Sample[], where: Record<string, string> = {}): number =>
  sumOf(s, 'http_server_duration_count', where)

const otelStable = {
  requests: (s: readonly Sample[]) => stable(s),
  errors: (s: readonly Sample[]) => stable(s, { http_response_status_code: '500' }),
  families: { http_server_request_duration: { type: 'histogram', unit: 's' } },
  buckets: { http_server_request_duration_bucket: OTEL_STABLE_BUCKETS },
}
const otelOld = {
  families: { http_server_duration: { type: 'histogram', unit: 'ms' } },
  labels: { http_server_duration_count: [sorted(OLD)] },
  buckets: { http_server_duration_bucket: OTEL_OLD_BUCKETS },
}
/** The current instrumentation: `error_type` (the status code as text) on the 5xx series only. */
const currentStableLabels = {
  http_server_request_duration_count: [sorted(STABLE), sorted([...STABLE, 'error_type'])],
}
const legacyStableLabels = { http_server_request_duration_count: [sorted(STABLE)] }

export const APP_ROWS: readonly AppRow[] = [
  {
    name: 'express + express-prom-bundle',
    kind: 'express',
    requests: (s) => sumOf(s, 'http_request_duration_seconds_count'),
    errors: (s) => sumOf(s, 'http_request_duration_seconds_count', { status_code: '500' }),
    families: { http_request_duration_seconds: { type: 'histogram' }, up: { type: 'gauge' } },
    labels: { http_request_duration_seconds_count: [['method', 'status_code']] },
    buckets: { http_request_duration_seconds_bucket: les('0.003 0.03 0.1 0.3 1.5 10') },
    present: [{ name: 'up' }, { name: 'http_request_duration_seconds_count', where: { method: 'GET' } }],
  },
  {
    name: 'fastify + fastify-metrics',
    kind: 'fastify',
    requests: (s) => sumOf(s, 'http_request_duration_seconds_count', { route: '/work' }),
    errors: (s) => sumOf(s, 'http_request_duration_seconds_count', { route: '/work', status_code: '500' }),
    families: {
      http_request_duration_seconds: { type: 'histogram' },
      http_request_summary_seconds: { type: 'summary' },
    },
    labels: { http_request_duration_seconds_count: [['method', 'route', 'status_code']] },
    buckets: { http_request_duration_seconds_bucket: DEF_BUCKETS },
    present: [
      // Its own /metrics answers are recorded too, under their route.
      { name: 'http_request_duration_seconds_count', where: { route: '/metrics' } },
      {
        name: 'http_request_summary_seconds',
        where: { quantile: '0.95', route: '/work', status_code: '500' },
      },
    ],
  },
  {
    name: 'OpenTelemetry JS, current: stable conventions only',
    kind: 'otel',
    ...otelStable,
    labels: currentStableLabels,
    present: [
      { name: 'http_server_request_duration_count', where: { error_type: '500' } },
      { name: 'target_info' },
    ],
    absent: ['http_server_duration'],
  },
  {
    name: 'OpenTelemetry JS, current, OTEL_SEMCONV_STABILITY_OPT_IN=http/dup: ignored',
    kind: 'otel',
    opts: { semconvOptIn: 'http/dup' },
    ...otelStable,
    labels: currentStableLabels,
    present: [{ name: 'http_server_request_duration_count', where: { error_type: '500' } }],
    absent: ['http_server_duration'],
  },
  {
    name: 'OpenTelemetry JS 0.220, default: old conventions, milliseconds',
    kind: 'otel-legacy',
    requests: (s) => old(s),
    errors: (s) => old(s, { http_status_code: '500' }),
    ...otelOld,
    present: [{ name: 'http_server_duration_count', where: { http_method: 'GET', http_flavor: '1.1' } }],
    absent: ['http_server_request_duration'],
  },
  {
    name: 'OpenTelemetry JS 0.220, opt-in http: stable only, without error_type',
    kind: 'otel-legacy',
    opts: { semconvOptIn: 'http' },
    ...otelStable,
    labels: legacyStableLabels,
    present: [],
    absent: ['http_server_duration'],
  },
  {
    name: 'OpenTelemetry JS 0.220, opt-in http/dup: both',
    kind: 'otel-legacy',
    opts: { semconvOptIn: 'http/dup' },
    ...otelStable,
    errorsAlso: (s) => old(s, { http_status_code: '500' }),
    families: { ...otelStable.families, ...otelOld.families },
    labels: { ...legacyStableLabels, ...otelOld.labels },
    buckets: { ...otelStable.buckets, ...otelOld.buckets },
    present: [],
  },
  {
    name: 'Django + django-prometheus',
    kind: 'django',
    requests: (s) =>
      sumOf(s, 'django_http_responses_total_by_status_view_method_total', { view: 'demo.urls.work' }),
    errors: (s) => sumOf(s, 'django_http_responses_total_by_status_total', { status: '500' }),
    errorsAlso: (s) => sumOf(s, 'django_http_responses_total_by_status_view_method_total', { status: '500' }),
    families: {
      django_http_responses_total_by_status_total: { type: 'counter' },
      django_http_requests_latency_including_middlewares_seconds: { type: 'histogram' },
    },
    labels: {
      django_http_responses_total_by_status_total: [['status']],
      django_http_responses_total_by_status_view_method_total: [['method', 'status', 'view']],
      django_http_requests_latency_including_middlewares_seconds_count: [[]],
      django_http_requests_latency_seconds_by_view_method_count: [['method', 'view']],
    },
    buckets: {
      // prometheus_client's default buckets here; django-prometheus' own (up to 75 s) on the by-view histogram.
      django_http_requests_latency_including_middlewares_seconds_bucket: PY_DEFAULT_BUCKETS,
      django_http_requests_latency_seconds_by_view_method_bucket: les(
        '0.01 0.025 0.05 0.075 0.1 0.25 0.5 0.75 1.0 2.5 5.0 7.5 10.0 25.0 50.0 75.0',
      ),
    },
    present: [
      { name: 'django_http_responses_total_by_status_created' },
      // Its own /metrics answers are counted too.
      {
        name: 'django_http_requests_latency_seconds_by_view_method_count',
        where: { view: 'prometheus-django-metrics' },
      },
    ],
  },
  {
    name: 'Python prometheus_client by hand',
    kind: 'python-client',
    requests: (s) => sumOf(s, 'http_requests_total'),
    errors: (s) => sumOf(s, 'http_requests_total', { status: '500' }),
    families: {
      http_requests_total: { type: 'counter' },
      http_request_duration_seconds: { type: 'histogram' },
    },
    labels: {
      http_requests_total: [['endpoint', 'method', 'status']],
      http_request_duration_seconds_count: [['endpoint', 'method']],
    },
    buckets: { http_request_duration_seconds_bucket: PY_DEFAULT_BUCKETS },
    present: [
      { name: 'http_requests_total', where: { method: 'GET', status: '500' } },
      { name: 'http_requests_created' },
    ],
  },
  {
    name: 'Go client_golang promhttp',
    kind: 'go',
    requests: (s) => sumOf(s, 'http_requests_total'),
    errors: (s) => sumOf(s, 'http_requests_total', { code: '500' }),
    errorsAlso: (s) => sumOf(s, 'http_request_duration_seconds_count', { code: '500' }),
    families: {
      http_requests_total: { type: 'counter' },
      http_request_duration_seconds: { type: 'histogram' },
    },
    labels: {
      http_requests_total: [['code', 'method']],
      http_request_duration_seconds_count: [['code', 'method']],
      promhttp_metric_handler_requests_total: [['code']],
    },
    buckets: { http_request_duration_seconds_bucket: DEF_BUCKETS },
    present: [{ name: 'http_requests_total', where: { method: 'get', code: '500' } }],
  },
]
