/**
 * The service the demo deploys: `api`, a Spring Boot app on web-1 whose Micrometer metrics Prometheus scrapes as job
 * `api` — `http_server_requests_seconds_bucket` / `_count` / `_sum` by `status` (a timer with
 * `percentiles-histogram` on, so the p95 can be computed). Each release behaves in its own way:
 *
 *   v1   40 req/s, 0.2 % 5xx, p95 ≈ 0.13 s   (the normal the history shows, and what v1 keeps doing)
 *   v2   40 req/s, 3 % 5xx,   p95 ≈ 0.38 s   (×15 errors, ×3 latency — and still under max 0.05 and max 2)
 *
 * The counters are integrated second by second from `fromSec` with a deterministic ±wobble, so the backfilled history
 * (OpenMetrics for promtool, or points for the embedded Prometheus) and the live /metrics are one continuous series:
 * `rate()` reads the same before and after Prometheus started. `deploy()` switches the release from the next second.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { formatValue, labelBlock, type Labels } from './exposition.ts'

export interface Release {
  readonly version: string
  readonly rps: number
  /** Share of answers that are 5xx (0.002 = 0.2 %). */
  readonly errorRatio: number
  /** Median latency in seconds; latencies are log-normal with `LATENCY_SIGMA`. */
  readonly medianSeconds: number
}

export const V1: Release = { version: 'v1', rps: 40, errorRatio: 0.002, medianSeconds: 0.06 }
export const V2: Release = { version: 'v2', rps: 40, errorRatio: 0.03, medianSeconds: 0.18 }

const LATENCY_SIGMA = 0.45
/** Bucket bounds (`le`), as a percentiles-histogram would have around these latencies. */
const BUCKETS = [0.025, 0.05, 0.075, 0.1, 0.125, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 1, 2.5] as const
const STATUSES = [
  { status: '200', outcome: 'SUCCESS' },
  { status: '500', outcome: 'SERVER_ERROR' },
] as const
const ROUTE = { method: 'GET', uri: '/api/orders' } as const

/** p95 of the log-normal latency of a release (what the gate's histogram_quantile reads, up to bucket resolution). */
export function p95Seconds(r: Release): number {
  return r.medianSeconds * Math.exp(1.6449 * LATENCY_SIGMA)
}

/** erf, Abramowitz–Stegun 7.1.26 (|error| < 1.5e-7). */
function erf(x: number): number {
  const sign = x < 0 ? -1 : 1
  const a = Math.abs(x)
  const t = 1 / (1 + 0.3275911 * a)
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-a * a)
  return sign * y
}

/** Share of requests at most `le` seconds. */
function below(le: number, medianSeconds: number): number {
  return 0.5 * (1 + erf(Math.log(le / medianSeconds) / (LATENCY_SIGMA * Math.SQRT2)))
}

/** A deterministic value in [-1, 1) for (second, salt). */
function wobble(sec: number, salt: number): number {
  let h = 2166136261 ^ salt
  for (const c of `api:${sec}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619)
  return (((h >>> 0) % 100_000) / 100_000) * 2 - 1
}

/** Cumulative counters of one status: requests, seconds, and per bucket (cumulative, the last is +Inf). */
interface StatusCounters {
  readonly count: number
  readonly sum: number
  readonly buckets: readonly number[]
}

type Row = readonly StatusCounters[]

/** One stored point series, as Prometheus keeps it (with `job` and `instance`). */
export interface PointSeries {
  readonly labels: Labels
  /** `[unix ms, value]`, oldest first. */
  readonly points: Array<[number, number]>
}

export class ApiService {
  readonly fromSec: number
  private readonly timeline: Array<{ fromSec: number; release: Release }>
  private readonly rows: Row[]

  constructor(fromSec: number, release: Release) {
    this.fromSec = fromSec
    this.timeline = [{ fromSec, release }]
    const zero = { count: 0, sum: 0, buckets: [...BUCKETS.map(() => 0), 0] }
    this.rows = [STATUSES.map(() => zero)]
  }

  /** The release serving at second `sec`. */
  releaseAt(sec: number): Release {
    return this.timeline.findLast((t) => t.fromSec <= sec)!.release
  }

  /** From the next whole second on, `release` serves (the past stays as it was scraped). */
  deploy(release: Release, nowMs = Date.now()): void {
    const atSec = Math.floor(nowMs / 1000) + 1
    while (this.timeline.length > 1 && this.timeline.at(-1)!.fromSec >= atSec) this.timeline.pop()
    this.timeline.push({ fromSec: atSec, release })
    // Row k is the counters at fromSec + k: it only depends on the seconds before it.
    this.rows.length = Math.min(this.rows.length, atSec - this.fromSec + 1)
  }

  private row(sec: number): Row {
    const k = Math.max(0, sec - this.fromSec)
    for (let i = this.rows.length; i <= k; i++) {
      const t = this.fromSec + i - 1
      const r = this.releaseAt(t)
      const requests = r.rps * (1 + 0.08 * wobble(t, 1))
      const errorShare = Math.min(1, r.errorRatio * (1 + 0.3 * wobble(t, 2)))
      const median = r.medianSeconds * (1 + 0.05 * wobble(t, 3))
      const meanSeconds = median * Math.exp((LATENCY_SIGMA * LATENCY_SIGMA) / 2)
      const prev = this.rows[i - 1]!
      this.rows.push(
        STATUSES.map((_, s) => {
          const n = requests * (s === 0 ? 1 - errorShare : errorShare)
          const p = prev[s]!
          return {
            count: p.count + n,
            sum: p.sum + n * meanSeconds,
            buckets: p.buckets.map((b, j) => b + n * (j < BUCKETS.length ? below(BUCKETS[j]!, median) : 1)),
          }
        }),
      )
    }
    return this.rows[k]!
  }

  /** Every sample at second `sec`: `[name, labels, value]`; `target` labels added (history) or not (live). */
  private samples(sec: number, target: Labels): Array<[string, Labels, number]> {
    const out: Array<[string, Labels, number]> = []
    const row = this.row(sec)
    STATUSES.forEach((st, s) => {
      const labels = { ...ROUTE, ...st, ...target }
      const c = row[s]!
      const les = [...BUCKETS.map(String), '+Inf']
      les.forEach((le, j) =>
        out.push(['http_server_requests_seconds_bucket', { ...labels, le }, round(c.buckets[j]!)]),
      )
      out.push(['http_server_requests_seconds_count', labels, round(c.count)])
      out.push(['http_server_requests_seconds_sum', labels, round(c.sum)])
    })
    return out
  }

  /** The live /metrics text at `nowMs` (Prometheus text format 0.0.4). */
  exposition(nowMs = Date.now()): string {
    const lines = [
      '# HELP http_server_requests_seconds Duration of HTTP server request handling',
      '# TYPE http_server_requests_seconds histogram',
      ...this.samples(Math.floor(nowMs / 1000), {}).map(
        ([name, labels, value]) => `${name}${labelBlock(labels)} ${formatValue(value)}`,
      ),
    ]
    return `${lines.join('\n')}\n`
  }

  /** The history from `fromSec` to `toSec` (one sample a second) as series, labelled as Prometheus stores them. */
  history(fromSec: number, toSec: number, target: Labels): PointSeries[] {
    const bySeries = new Map<string, PointSeries>()
    for (let sec = Math.max(fromSec, this.fromSec); sec <= toSec; sec++) {
      for (const [name, labels, value] of this.samples(sec, target)) {
        const full = { __name__: name, ...labels }
        const key = `${name}${labelBlock(labels)}`
        const series: PointSeries = bySeries.get(key) ?? { labels: full, points: [] }
        series.points.push([sec * 1000, value])
        bySeries.set(key, series)
      }
    }
    return [...bySeries.values()]
  }

  /** The same history as OpenMetrics text for `promtool tsdb create-blocks-from openmetrics`. */
  openMetrics(fromSec: number, toSec: number, target: Labels): string {
    const series = this.history(fromSec, toSec, target)
    const lines: string[] = []
    for (const family of [
      'http_server_requests_seconds_bucket',
      'http_server_requests_seconds_count',
      'http_server_requests_seconds_sum',
    ]) {
      lines.push(`# TYPE ${family} gauge`)
      for (const s of series.filter((x) => x.labels['__name__'] === family)) {
        const { __name__: _name, ...labels } = s.labels
        const block = `${family}${labelBlock(labels)}`
        for (const [atMs, value] of s.points) lines.push(`${block} ${formatValue(value)} ${atMs / 1000}`)
      }
    }
    return `${lines.join('\n')}\n# EOF\n`
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}

export interface ApiServer {
  /** `127.0.0.1:<port>` */
  readonly address: string
  readonly healthUrl: string
  readonly service: ApiService
  close(): Promise<void>
}

/** Serves `/metrics` (the service's Micrometer metrics) and `/actuator/health` on 127.0.0.1. */
export async function startApiServer(service: ApiService): Promise<ApiServer> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
    if (path === '/metrics') {
      const body = service.exposition()
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' })
      res.end(body)
    } else if (path === '/actuator/health') {
      const body = JSON.stringify({
        status: 'UP',
        version: service.releaseAt(Math.floor(Date.now() / 1000)).version,
      })
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(body)
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n')
    }
  })
  server.keepAliveTimeout = 2_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const address = `127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    address,
    healthUrl: `http://${address}/actuator/health`,
    service,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
