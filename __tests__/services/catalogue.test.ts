/** The catalogue, detection and queries of the service checks (SPEC §2 "Service checks"), one row per convention. */
import { describe, expect, it } from 'vitest'
import { CATALOGUE, conventionById, type ConventionId } from '../../src/services/catalogue.ts'
import { detect, matchesName, namesNeedingLabels, resolveNamed } from '../../src/services/detect.ts'
import { rangeSinceDeployMs, serviceQueries } from '../../src/services/queries.ts'

const SEL = 'job="api"'

/** What each convention's service exposes (names, and the labels of its request series), and its three queries. */
const ROWS: [ConventionId, string[], string[], { traffic: string; errors: string; latency?: string }][] = [
  [
    'vllm',
    [
      'vllm:request_success_total',
      'vllm:e2e_request_latency_seconds_bucket',
      'http_requests_total',
      'http_request_duration_highr_seconds_bucket',
    ],
    ['handler', 'status', 'method'],
    {
      traffic: 'sum(rate(vllm:request_success_total{job="api"}[5m]))',
      errors:
        '(sum(rate(vllm:request_success_total{job="api",finished_reason=~"abort|error"}[5m])) or vector(0)) / sum(rate(vllm:request_success_total{job="api"}[5m]))',
      latency:
        'histogram_quantile(0.95, sum by (le) (rate(vllm:e2e_request_latency_seconds_bucket{job="api"}[5m])))',
    },
  ],
  [
    'spring-micrometer',
    [
      'http_server_requests_seconds_count',
      'http_server_requests_seconds_sum',
      'http_server_requests_seconds_bucket',
      'jvm_memory_used_bytes',
    ],
    [],
    {
      traffic: 'sum(rate(http_server_requests_seconds_count{uri!="/actuator/prometheus",job="api"}[5m]))',
      errors:
        '(sum(rate(http_server_requests_seconds_count{uri!="/actuator/prometheus",job="api",status=~"5.."}[5m])) or vector(0)) / sum(rate(http_server_requests_seconds_count{uri!="/actuator/prometheus",job="api"}[5m]))',
      latency:
        'histogram_quantile(0.95, sum by (le) (rate(http_server_requests_seconds_bucket{uri!="/actuator/prometheus",job="api"}[5m])))',
    },
  ],
  [
    'opentelemetry',
    ['http_server_request_duration_count', 'http_server_request_duration_bucket', 'target_info'],
    [],
    {
      traffic: 'sum(rate(http_server_request_duration_count{job="api"}[5m]))',
      errors:
        '(sum(rate(http_server_request_duration_count{job="api",http_response_status_code=~"5.."}[5m])) or vector(0)) / sum(rate(http_server_request_duration_count{job="api"}[5m]))',
      latency:
        'histogram_quantile(0.95, sum by (le) (rate(http_server_request_duration_bucket{job="api"}[5m])))',
    },
  ],
  [
    'opentelemetry-old',
    ['http_server_duration_milliseconds_count', 'http_server_duration_milliseconds_bucket'],
    [],
    {
      traffic: 'sum(rate(http_server_duration_milliseconds_count{job="api"}[5m]))',
      errors:
        '(sum(rate(http_server_duration_milliseconds_count{job="api",http_status_code=~"5.."}[5m])) or vector(0)) / sum(rate(http_server_duration_milliseconds_count{job="api"}[5m]))',
      latency:
        'histogram_quantile(0.95, sum by (le) (rate(http_server_duration_milliseconds_bucket{job="api"}[5m]))) / 1000',
    },
  ],
  [
    'fastapi-instrumentator',
    [
      'http_requests_total',
      'http_request_duration_seconds_bucket',
      'http_request_duration_highr_seconds_bucket',
    ],
    ['handler', 'method', 'status'],
    {
      traffic: 'sum(rate(http_requests_total{job="api"}[5m]))',
      errors:
        '(sum(rate(http_requests_total{job="api",status=~"5.."}[5m])) or vector(0)) / sum(rate(http_requests_total{job="api"}[5m]))',
      latency:
        'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_highr_seconds_bucket{job="api"}[5m])))',
    },
  ],
  [
    'fastify-metrics',
    [
      'http_request_duration_seconds_count',
      'http_request_duration_seconds_bucket',
      'http_request_summary_seconds',
    ],
    ['method', 'route', 'status_code'],
    {
      traffic: 'sum(rate(http_request_duration_seconds_count{route!="/metrics",job="api"}[5m]))',
      errors:
        '(sum(rate(http_request_duration_seconds_count{route!="/metrics",job="api",status_code=~"5.."}[5m])) or vector(0)) / sum(rate(http_request_duration_seconds_count{route!="/metrics",job="api"}[5m]))',
      latency:
        'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{route!="/metrics",job="api"}[5m])))',
    },
  ],
  [
    'prometheus-naming',
    ['http_requests_total', 'http_request_duration_seconds_bucket', 'http_requests_created'],
    ['endpoint', 'method', 'status'],
    {
      traffic: 'sum(rate(http_requests_total{job="api"}[5m]))',
      errors:
        '(sum(rate(http_requests_total{job="api",status=~"5.."}[5m])) or vector(0)) / sum(rate(http_requests_total{job="api"}[5m]))',
      latency:
        'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{job="api"}[5m])))',
    },
  ],
  [
    'express-prom-bundle',
    ['http_request_duration_seconds_count', 'http_request_duration_seconds_bucket', 'up'],
    ['status_code'],
    {
      traffic: 'sum(rate(http_request_duration_seconds_count{job="api"}[5m]))',
      errors:
        '(sum(rate(http_request_duration_seconds_count{job="api",status_code=~"5.."}[5m])) or vector(0)) / sum(rate(http_request_duration_seconds_count{job="api"}[5m]))',
      latency:
        'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{job="api"}[5m])))',
    },
  ],
  [
    'go-promhttp',
    ['http_requests_total', 'http_request_duration_seconds_bucket', 'promhttp_metric_handler_requests_total'],
    ['code', 'method'],
    {
      traffic: 'sum(rate(http_requests_total{job="api"}[5m]))',
      errors:
        '(sum(rate(http_requests_total{job="api",code=~"5.."}[5m])) or vector(0)) / sum(rate(http_requests_total{job="api"}[5m]))',
      latency:
        'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{job="api"}[5m])))',
    },
  ],
  [
    'django-prometheus',
    [
      'django_http_responses_total_by_status_total',
      'django_http_requests_latency_including_middlewares_seconds_bucket',
    ],
    [],
    {
      traffic: 'sum(rate(django_http_responses_total_by_status_total{job="api"}[5m]))',
      errors:
        '(sum(rate(django_http_responses_total_by_status_total{job="api",status=~"5.."}[5m])) or vector(0)) / sum(rate(django_http_responses_total_by_status_total{job="api"}[5m]))',
      latency:
        'histogram_quantile(0.95, sum by (le) (rate(django_http_requests_latency_including_middlewares_seconds_bucket{job="api"}[5m])))',
    },
  ],
  [
    'istio',
    ['istio_requests_total', 'istio_request_duration_milliseconds_bucket', 'envoy_cluster_upstream_rq_xx'],
    [],
    {
      traffic: 'sum(rate(istio_requests_total{reporter="destination",job="api"}[5m]))',
      errors:
        '(sum(rate(istio_requests_total{reporter="destination",job="api",response_code=~"5.."}[5m])) or vector(0)) / sum(rate(istio_requests_total{reporter="destination",job="api"}[5m]))',
      latency:
        'histogram_quantile(0.95, sum by (le) (rate(istio_request_duration_milliseconds_bucket{reporter="destination",job="api"}[5m]))) / 1000',
    },
  ],
  [
    'envoy',
    ['envoy_cluster_upstream_rq_xx', 'envoy_cluster_upstream_rq_time_bucket'],
    [],
    {
      traffic: 'sum(rate(envoy_cluster_upstream_rq_xx{job="api"}[5m]))',
      errors:
        '(sum(rate(envoy_cluster_upstream_rq_xx{job="api",envoy_response_code_class="5"}[5m])) or vector(0)) / sum(rate(envoy_cluster_upstream_rq_xx{job="api"}[5m]))',
      latency:
        'histogram_quantile(0.95, sum by (le) (rate(envoy_cluster_upstream_rq_time_bucket{job="api"}[5m]))) / 1000',
    },
  ],
  [
    'haproxy',
    [
      'haproxy_backend_http_requests_total',
      'haproxy_backend_http_responses_total',
      'haproxy_backend_total_time_average_seconds',
    ],
    [],
    {
      traffic: 'sum(rate(haproxy_backend_http_requests_total{job="api"}[5m]))',
      errors:
        '(sum(rate(haproxy_backend_http_responses_total{job="api",code="5xx"}[5m])) or vector(0)) / sum(rate(haproxy_backend_http_responses_total{job="api"}[5m]))',
    },
  ],
]

describe('the catalogue: one row per convention, recognised and queried', () => {
  it.each(ROWS)('%s', (id, names, labels, queries) => {
    const d = detect(names, new Set(['__name__', 'job', 'instance', ...labels]))
    expect(d.kind).toBe('found')
    if (d.kind !== 'found') return
    expect(d.convention.id).toBe(id)
    expect(serviceQueries(d, SEL, '5m', 0.95)).toEqual(queries)
  })

  it('names every convention the SPEC lists', () => {
    expect(CATALOGUE.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        'spring-micrometer',
        'opentelemetry',
        'opentelemetry-old',
        'fastapi-instrumentator',
        'express-prom-bundle',
        'fastify-metrics',
        'go-promhttp',
        'django-prometheus',
        'starlette-exporter',
        'flask-exporter',
        'vllm',
        'ingress-nginx',
        'traefik',
        'envoy',
        'istio',
        'linkerd',
        'haproxy',
        'caddy',
      ]),
    )
  })

  it('every name is a plain Prometheus name, so a query never needs to quote or escape one', () => {
    for (const c of CATALOGUE)
      for (const n of c.names)
        for (const name of [n.requests, n.responses, n.bucket].filter((x) => x !== undefined))
          expect(name, `${c.id}: ${name}`).toMatch(/^[a-zA-Z_:][a-zA-Z0-9_:]*$/)
  })
})

describe('detection', () => {
  it('the service’s own instrumentation before its proxy; the proxy is named as a layer, never added in', () => {
    const d = detect([
      'http_server_requests_seconds_count',
      'istio_requests_total',
      'envoy_cluster_upstream_rq_xx',
    ])
    expect(d).toMatchObject({ kind: 'found', convention: { id: 'spring-micrometer' } })
    if (d.kind === 'found') expect(d.otherLayers.map((c) => c.id)).toEqual(['istio', 'envoy'])
  })

  it('a namespace prefix is allowed; the query matches the name by a fixed pattern, never the name found', () => {
    const d = detect(['myapp_django_http_responses_total_by_status_total'])
    expect(d).toMatchObject({
      kind: 'found',
      prefixed: true,
      recognisedBy: ['myapp_django_http_responses_total_by_status_total'],
    })
    if (d.kind !== 'found') return
    expect(serviceQueries(d, SEL, '90s', 0.95).traffic).toBe(
      'sum(rate({__name__=~"(?:[a-zA-Z_][a-zA-Z0-9_]*_)?django_http_responses_total_by_status_total",job="api"}[90s]))',
    )
    expect(matchesName('a-b_http_requests_total', 'http_requests_total')).toBeUndefined()
    expect(matchesName('xhttp_requests_total', 'http_requests_total')).toBeUndefined()
  })

  it('a shared name is told apart by labels, asked once for the ambiguous names only', () => {
    expect(namesNeedingLabels(['http_requests_total', 'process_cpu_seconds_total'])).toEqual([
      'http_requests_total',
    ])
    expect(namesNeedingLabels(['http_server_requests_seconds_count'])).toEqual([])
    const both = ['http_requests_total', 'http_request_duration_seconds_bucket']
    expect(detect(both, new Set(['code', 'method']))).toMatchObject({ convention: { id: 'go-promhttp' } })
    expect(detect(both, new Set(['handler', 'status', 'method']))).toMatchObject({
      convention: { id: 'fastapi-instrumentator' },
    })
    // Without the labels nothing that needs them is claimed.
    expect(detect(both).kind).toBe('unknown')
  })

  it('a convention without a duration histogram has no latency, and says how to get one', () => {
    const d = detect(['http_server_requests_seconds_count', 'http_server_requests_seconds_max'])
    expect(d).toMatchObject({ kind: 'found', hasLatency: false })
    if (d.kind !== 'found') return
    expect(serviceQueries(d, SEL, '5m', 0.95).latency).toBeUndefined()
    expect(d.convention.noLatency).toContain('percentiles-histogram')
  })

  it('no status label → no error check can be built from labels it lacks: FastAPI without handler/status is not claimed', () => {
    expect(detect(['http_requests_total'], new Set(['method'])).kind).toBe('unknown')
  })

  it('nothing known: up to 10 request-looking names for the reason, never a query', () => {
    const found = [
      'my_api_calls',
      ...Array.from({ length: 12 }, (_, i) => `weird_http_thing_${i}`),
      'process_cpu_seconds_total',
    ]
    const d = detect(found)
    expect(d).toEqual({ kind: 'unknown', lookalikes: found.slice(1, 11) })
  })

  it('a hostile name is never a convention’s name and never reaches a query', () => {
    const hostile = [
      'http_requests_total{job="x"} or vector(1)',
      'http_requests_total\r::error::x',
      'x"}[5m]))#_http_requests_total',
    ]
    expect(detect(hostile, new Set(['code'])).kind).toBe('unknown')
  })

  it('a convention named in the config skips detection but still needs its series', () => {
    expect(resolveNamed(conventionById('go-promhttp'), ['http_requests_total'])).toMatchObject({
      kind: 'found',
    })
    expect(resolveNamed(conventionById('go-promhttp'), ['other_total']).kind).toBe('unknown')
  })
})

describe('windows that start at the deploy', () => {
  it.each([
    [10_000, 300_000, 60_000], // 10 s after the deploy: at least min(rate-window, 1m)
    [90_000, 300_000, 90_000],
    [90_400, 300_000, 90_000], // whole seconds
    [900_000, 300_000, 300_000], // at most rate-window
    [5_000, 30_000, 30_000], // a rate-window under a minute is its own floor
  ])('%d ms after the deploy, rate-window %d → %d', (since, window, range) => {
    expect(rangeSinceDeployMs(1_000_000 + since, 1_000_000, window)).toBe(range)
  })
})
