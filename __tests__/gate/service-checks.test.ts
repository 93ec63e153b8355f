/** Service checks at gate time, in-process: detection requests, each round's range, no traffic, nothing known. */
import { describe, expect, it } from 'vitest'
import type { CheckLimits, CheckSpec, MetricCheckSpec } from '../../src/model/check-spec.ts'
import type { Measurement } from '../../src/model/gate-result.ts'
import { createServiceChecks } from '../../src/gate/service-checks.ts'
import { serviceCheckSpecs, SIGNAL_DEFAULTS } from '../../src/services/checks.ts'
import type { QueryResult } from '../../src/prometheus/response.ts'

const LIMITS: CheckLimits = {
  maxConsecutiveFailures: 2,
  maxFailures: 3,
  maxConsecutiveErrors: 4,
  onNoData: 'fail',
}
const DEPLOY_MS = Date.parse('2026-12-07T10:00:00Z')

function specs(minTraffic = 0.05): MetricCheckSpec[] {
  const settings = { enforce: true, limits: LIMITS }
  return serviceCheckSpecs({
    name: 'api',
    selector: 'job="api"',
    convention: 'auto',
    rateWindowMs: 300_000,
    rateWindowText: '5m',
    minTraffic,
    quantile: 0.95,
    signals: {
      errors: { ...SIGNAL_DEFAULTS.errors, ...settings },
      latency: { ...SIGNAL_DEFAULTS.latency, ...settings },
      traffic: { ...SIGNAL_DEFAULTS.traffic, ...settings },
    },
    checkName: (s) => `api-${s}`,
  })
}

function fake(names: string[], labels: string[], trafficValue: number | undefined) {
  const asked: string[] = []
  const client = {
    metricNames: (match: string) => (asked.push(`names ${match}`), Promise.resolve(names)),
    labelNames: (match: string) => (asked.push(`labels ${match}`), Promise.resolve(labels)),
    query: (q: string): Promise<QueryResult> => {
      asked.push(`query ${q}`)
      const series = trafficValue === undefined ? [] : [{ labels: {}, value: trafficValue }]
      return Promise.resolve({ resultType: 'vector', series, warnings: [] })
    },
  }
  return { client, asked }
}

const signal = new AbortController().signal
const base =
  (seen: CheckSpec[]) =>
  (spec: CheckSpec): Promise<Measurement> => {
    seen.push(spec)
    return Promise.resolve({ at: '', outcome: 'pass', value: 1 })
  }

describe('service checks at gate time', () => {
  it('detects with at most two metadata requests and gives each check its rate-window query', async () => {
    const { client, asked } = fake(
      ['http_requests_total', 'http_request_duration_seconds_bucket', 'go_goroutines'],
      ['code', 'method', '__name__'],
      10,
    )
    const sc = createServiceChecks({
      client,
      start: { atMs: DEPLOY_MS, source: 'deploy-job' },
      now: () => DEPLOY_MS + 30_000,
    })
    const checks = (await sc.resolve(specs())) as MetricCheckSpec[]
    expect(asked).toEqual([
      'names {job="api"}',
      'labels {__name__=~"(?:[a-zA-Z_][a-zA-Z0-9_]*_)?(?:http_requests_total)",job="api"}',
    ])
    expect(checks.map((c) => c.query)).toEqual([
      '(sum(rate(http_requests_total{job="api",code=~"5.."}[5m])) or vector(0)) / sum(rate(http_requests_total{job="api"}[5m]))',
      'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{job="api"}[5m])))',
      'sum(rate(http_requests_total{job="api"}[5m]))',
    ])
    expect(sc.evidence()).toEqual([
      expect.objectContaining({
        service: 'api',
        convention: 'go-promhttp',
        recognisedBy: ['http_requests_total', 'http_request_duration_seconds_bucket'],
      }),
    ])
  })

  it.each([
    [20_000, '1m'],
    [150_000, '2m30s'],
    [900_000, '5m'],
  ])(
    '%d ms after the deploy the round’s range is %s (the baseline keeps rate-window)',
    async (sinceMs, range) => {
      const { client } = fake(['django_http_responses_total_by_status_total'], [], 10)
      const sc = createServiceChecks({
        client,
        start: { atMs: DEPLOY_MS, source: 'deploy-job' },
        now: () => DEPLOY_MS + sinceMs,
      })
      const [errors] = (await sc.resolve(specs())) as MetricCheckSpec[]
      const seen: CheckSpec[] = []
      const m = await sc.measure(base(seen))(errors!, signal, 1)
      expect(m.range).toBe(range)
      const sent = seen[0] as MetricCheckSpec
      expect(sent.query).toContain(`[${range}]`)
      expect(sent.baselineQuery).toContain('[5m]')
    },
  )

  it('below min-traffic errors and latency are not judged (a pass that says so); traffic still is', async () => {
    const { client } = fake(['django_http_responses_total_by_status_total'], [], 0.01)
    const sc = createServiceChecks({
      client,
      start: { atMs: DEPLOY_MS, source: 'deploy-job' },
      now: () => DEPLOY_MS + 60_000,
    })
    const checks = await sc.resolve(specs())
    // django-prometheus here exports no latency histogram: no latency check.
    expect(checks.map((c) => c.name)).toEqual(['api-errors', 'api-traffic'])
    const seen: CheckSpec[] = []
    const measure = sc.measure(base(seen))
    const errors = await measure(checks[0]!, signal, 1)
    expect(errors).toMatchObject({ outcome: 'pass', reason: 'not judged: 0.01 req/s < min-traffic 0.05' })
    await measure(checks[1]!, signal, 1)
    expect(seen.map((s) => s.name)).toEqual(['api-traffic'])
    expect(sc.evidence()[0]!.noLatency).toContain(
      'django_http_requests_latency_including_middlewares_seconds',
    )
  })

  it('no series at all in the range is no traffic', async () => {
    const { client } = fake(['django_http_responses_total_by_status_total'], [], undefined)
    const sc = createServiceChecks({
      client,
      start: { atMs: DEPLOY_MS, source: 'deploy-job' },
      now: () => DEPLOY_MS,
    })
    const [errors] = await sc.resolve(specs())
    expect(await sc.measure(base([]))(errors!, signal, 1)).toMatchObject({
      outcome: 'pass',
      reason: 'not judged: 0 req/s < min-traffic 0.05',
    })
  })

  it('nothing known under the selector: every check an error naming the request-looking metrics found', async () => {
    const { client } = fake(
      ['api_calls_total', 'api_call_seconds_bucket', 'process_cpu_seconds_total'],
      [],
      10,
    )
    const sc = createServiceChecks({
      client,
      start: { atMs: DEPLOY_MS, source: 'deploy-job' },
      now: () => DEPLOY_MS,
    })
    const checks = await sc.resolve(specs())
    expect(checks).toHaveLength(3)
    const m = await sc.measure(base([]))(checks[2]!, signal, 1)
    expect(m).toMatchObject({
      outcome: 'error',
      reason: 'no known HTTP metrics under job="api": found api_calls_total, api_call_seconds_bucket',
    })
    const m2 = await sc.measure(base([]))(checks[0]!, signal, 1)
    expect(m2.outcome).toBe('error')
  })
})

describe('a detection whose request failed is made again, once a round', () => {
  /** Metric names fail for the first `failures` requests, then answer Go promhttp's names. */
  function flaky(failures: number) {
    let calls = 0
    const asked: string[] = []
    const client = {
      metricNames: (match: string) => {
        asked.push(`names ${match}`)
        return ++calls <= failures
          ? Promise.reject(new Error('Prometheus answered HTTP 503'))
          : Promise.resolve(['http_requests_total', 'http_request_duration_seconds_bucket'])
      },
      labelNames: (match: string) => (asked.push(`labels ${match}`), Promise.resolve(['code'])),
      query: (q: string): Promise<QueryResult> => {
        asked.push(`query ${q}`)
        return Promise.resolve({ resultType: 'vector', series: [{ labels: {}, value: 10 }], warnings: [] })
      },
    }
    return { client, asked }
  }

  it('succeeds in round 1: the three checks measured with the convention’s queries, one retry for all three', async () => {
    const { client, asked } = flaky(1)
    const sc = createServiceChecks({
      client,
      start: { atMs: DEPLOY_MS, source: 'deploy-job' },
      now: () => DEPLOY_MS + 60_000,
    })
    const checks = (await sc.resolve(specs())) as MetricCheckSpec[]
    expect(checks.map((c) => c.query)).toEqual(['', '', ''])
    const seen: CheckSpec[] = []
    const measure = sc.measure(base(seen))
    const ms = await Promise.all(checks.map((c) => measure(c, signal, 1)))
    expect(ms.map((m) => m.outcome)).toEqual(['pass', 'pass', 'pass'])
    expect(asked.filter((a) => a.startsWith('names'))).toHaveLength(2)
    expect((seen as MetricCheckSpec[]).map((c) => c.baselineQuery).sort()).toEqual(
      [
        '(sum(rate(http_requests_total{job="api",code=~"5.."}[5m])) or vector(0)) / sum(rate(http_requests_total{job="api"}[5m]))',
        'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{job="api"}[5m])))',
        'sum(rate(http_requests_total{job="api"}[5m]))',
      ].sort(),
    )
    expect(sc.evidence()).toEqual([
      expect.objectContaining({ service: 'api', convention: 'go-promhttp', attempts: 2 }),
    ])
    expect(sc.evidence()[0]!.problem).toBeUndefined()
    // The report's checks carry the queries the gate used.
    expect((sc.withQuery(checks[2]!) as MetricCheckSpec).query).toBe(
      'sum(rate(http_requests_total{job="api"}[5m]))',
    )
  })

  it('keeps failing: an error per check each round naming the attempts, one request per round for the service', async () => {
    const { client, asked } = flaky(99)
    const sc = createServiceChecks({
      client,
      start: { atMs: DEPLOY_MS, source: 'deploy-job' },
      now: () => DEPLOY_MS + 60_000,
    })
    const checks = await sc.resolve(specs())
    const measure = sc.measure(base([]))
    for (const round of [1, 2]) {
      const ms = await Promise.all(checks.map((c) => measure(c, signal, round)))
      expect(ms.map((m) => m.outcome)).toEqual(['error', 'error', 'error'])
      expect(ms[0]!.reason).toBe(
        `service detection failed (${round + 1} attempts): Prometheus answered HTTP 503`,
      )
    }
    expect(asked).toEqual(Array.from({ length: 3 }, () => 'names {job="api"}'))
    expect(sc.withQuery(checks[0]!)).toBe(checks[0])
  })

  it('a service found to have nothing known is not asked again', async () => {
    const { client, asked } = fake(['process_cpu_seconds_total'], [], 10)
    const sc = createServiceChecks({
      client,
      start: { atMs: DEPLOY_MS, source: 'deploy-job' },
      now: () => DEPLOY_MS,
    })
    const checks = await sc.resolve(specs())
    await sc.measure(base([]))(checks[0]!, signal, 1)
    await sc.measure(base([]))(checks[0]!, signal, 2)
    expect(asked).toEqual(['names {job="api"}'])
  })

  it('detected late without a duration histogram: the latency check stands aside, saying why', async () => {
    let calls = 0
    const client = {
      metricNames: () =>
        ++calls === 1
          ? Promise.reject(new Error('timeout'))
          : Promise.resolve(['django_http_responses_total_by_status_total']),
      labelNames: () => Promise.resolve([]),
      query: (): Promise<QueryResult> =>
        Promise.resolve({ resultType: 'vector', series: [{ labels: {}, value: 10 }], warnings: [] }),
    }
    const sc = createServiceChecks({
      client,
      start: { atMs: DEPLOY_MS, source: 'deploy-job' },
      now: () => DEPLOY_MS + 60_000,
    })
    const checks = await sc.resolve(specs())
    expect(checks.map((c) => c.name)).toEqual(['api-errors', 'api-latency', 'api-traffic'])
    const seen: CheckSpec[] = []
    const latency = await sc.measure(base(seen))(checks[1]!, signal, 1)
    expect(latency).toMatchObject({ outcome: 'pass', reason: 'not judged: no duration histogram' })
    expect(seen).toEqual([])
    expect(sc.evidence()[0]!.noLatency).toContain(
      'django_http_requests_latency_including_middlewares_seconds',
    )
  })
})

describe('the JSON report of a gate with services', () => {
  it('carries services[] and, per service check, service: {name, convention, recognisedBy}', async () => {
    const { buildGateReport } = await import('../../src/gate/report.ts')
    const { client } = fake(['django_http_responses_total_by_status_total'], [], 10)
    const sc = createServiceChecks({
      client,
      start: { atMs: DEPLOY_MS, source: 'deploy-job' },
      now: () => DEPLOY_MS,
    })
    const [errors] = await sc.resolve(specs())
    const report = buildGateReport(
      {
        verdict: 'stable',
        failedChecks: [],
        checks: [{ spec: errors!, result: 'passed', samples: [] }],
        startedAt: '2026-12-07T10:00:00.000Z',
        finishedAt: '2026-12-07T10:01:00.000Z',
        ended: 'completed',
      },
      {
        environment: 'production',
        sha: 'a'.repeat(40),
        run: { id: 1, attempt: 1, url: 'u' },
        config: {},
        secrets: [],
        services: sc.evidence(),
      },
    )
    expect(report.services).toEqual([
      expect.objectContaining({ service: 'api', convention: 'django-prometheus' }),
    ])
    expect(report.checks[0]).toMatchObject({
      service: {
        name: 'api',
        convention: 'django-prometheus',
        recognisedBy: ['django_http_responses_total_by_status_total'],
      },
    })
  })
})
