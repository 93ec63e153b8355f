/**
 * A synthetic web service for baseline tests: Micrometer-style counters (`http_server_requests_seconds_count` and
 * `_sum`, by `service` and `status`) whose rates follow a profile before a deploy instant and another one after it,
 * with deterministic noise. The same cumulative counters give the backfilled history (OpenMetrics text for promtool)
 * and the live exporter's values, so `rate()` is continuous across the deploy.
 */
import { labelBlock } from './exporter.ts'

export interface TrafficProfile {
  /** Requests per second. */
  readonly rps: number
  /** Share of requests answered 5xx (0.002 = 0.2 %). */
  readonly errorRatio: number
  /** Mean latency in seconds. */
  readonly latencySeconds: number
  /** Relative noise on each second's rate, latency and errors: 0.1 = ±10 %. Default 0. */
  readonly noise?: number
}

export interface ServiceTraffic {
  readonly service: string
  readonly before: TrafficProfile
  readonly after: TrafficProfile
}

/** A deterministic value in [0, 1) for (seed, second). */
function hash01(seed: string, sec: number, salt: number): number {
  let h = 2166136261 ^ salt
  for (const c of `${seed}:${sec}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619)
  return ((h >>> 0) % 100_000) / 100_000
}

interface Counters {
  ok: number
  errors: number
  okSum: number
  errorSum: number
}

/**
 * Cumulative counters of each service at every whole second from `fromSec`. `switchAtSec(service)` is when the
 * service changes from `before` to `after` (it may be moved later, e.g. to switch during a gate run).
 */
export class TrafficModel {
  private readonly cache = new Map<string, Counters[]>()
  private readonly switchAt = new Map<string, number>()

  readonly services: readonly ServiceTraffic[]
  readonly fromSec: number
  readonly labels: Readonly<Record<string, string>>

  constructor(
    services: readonly ServiceTraffic[],
    fromSec: number,
    deploySec: number,
    labels: Readonly<Record<string, string>>,
  ) {
    this.services = services
    this.fromSec = fromSec
    this.labels = labels
    for (const s of services) this.switchAt.set(s.service, deploySec)
  }

  /** Moves the switch of `service` to `sec` (only to the future: the past is already in the history). */
  switchLater(service: string, sec: number): void {
    this.switchAt.set(service, sec)
    this.cache.delete(service)
  }

  counters(service: string, sec: number): Counters {
    const s = this.services.find((x) => x.service === service)!
    const rows = this.cache.get(service) ?? [{ ok: 0, errors: 0, okSum: 0, errorSum: 0 }]
    this.cache.set(service, rows)
    const switchSec = this.switchAt.get(service)!
    for (let i = rows.length; i <= sec - this.fromSec; i++) {
      const t = this.fromSec + i - 1
      const p = t < switchSec ? s.before : s.after
      const n = p.noise ?? 0
      const wobble = (salt: number): number => 1 + n * (2 * hash01(service, t, salt) - 1)
      const requests = p.rps * wobble(1)
      const errors = Math.min(requests, requests * p.errorRatio * wobble(2))
      const latency = p.latencySeconds * wobble(3)
      const prev = rows[i - 1]!
      rows.push({
        ok: prev.ok + requests - errors,
        errors: prev.errors + errors,
        okSum: prev.okSum + (requests - errors) * latency,
        errorSum: prev.errorSum + errors * latency,
      })
    }
    return rows[Math.max(0, Math.min(sec - this.fromSec, rows.length - 1))]!
  }

  /** History carries the target labels Prometheus adds at scrape time; the live text must not (`exported_job`). */
  private lines(sec: number, withTimestamp: boolean): { count: string[]; sum: string[] } {
    const count: string[] = []
    const sum: string[] = []
    for (const { service } of this.services) {
      const c = this.counters(service, sec)
      const ts = withTimestamp ? ` ${sec}` : ''
      const target = withTimestamp ? this.labels : {}
      const l = (status: string) => labelBlock({ ...target, service, status, uri: '/api' })
      count.push(`http_server_requests_seconds_count${l('200')} ${c.ok}${ts}`)
      count.push(`http_server_requests_seconds_count${l('500')} ${c.errors}${ts}`)
      sum.push(`http_server_requests_seconds_sum${l('200')} ${c.okSum}${ts}`)
      sum.push(`http_server_requests_seconds_sum${l('500')} ${c.errorSum}${ts}`)
    }
    return { count, sum }
  }

  /** The live exposition text at wall time `nowMs`. */
  exposition(nowMs: number): string {
    const { count, sum } = this.lines(Math.floor(nowMs / 1000), false)
    return [
      '# TYPE http_server_requests_seconds_count untyped',
      ...count,
      '# TYPE http_server_requests_seconds_sum untyped',
      ...sum,
      '',
    ].join('\n')
  }

  /** OpenMetrics history from `fromSec` to `toSec` (inclusive), one sample every `stepSec`. */
  history(toSec: number, stepSec = 1): string {
    const secs: number[] = []
    for (let t = this.fromSec; t <= toSec; t += stepSec) secs.push(t)
    // One family at a time, each series in time order.
    const bySeries = new Map<string, string[]>()
    for (const t of secs) {
      const { count, sum } = this.lines(t, true)
      for (const line of [...count, ...sum]) {
        const key = line.slice(0, line.lastIndexOf(' ', line.lastIndexOf(' ') - 1))
        const list = bySeries.get(key) ?? []
        list.push(line)
        bySeries.set(key, list)
      }
    }
    const family = (name: string): string[] => [
      `# TYPE ${name} gauge`,
      ...[...bySeries.entries()].filter(([k]) => k.startsWith(`${name}{`)).flatMap(([, v]) => v),
    ]
    return [
      ...family('http_server_requests_seconds_count'),
      ...family('http_server_requests_seconds_sum'),
      '# EOF',
      '',
    ].join('\n')
  }
}

/** The queries of the corpus, Micrometer names, over a short rate window for 1 s scrapes. */
export const trafficQueries = (service: string, window = '5s') => {
  const sel = `service="${service}"`
  return {
    errorRatio: `sum(rate(http_server_requests_seconds_count{${sel},status=~"5.."}[${window}])) / sum(rate(http_server_requests_seconds_count{${sel}}[${window}]))`,
    meanLatency: `sum(rate(http_server_requests_seconds_sum{${sel}}[${window}])) / sum(rate(http_server_requests_seconds_count{${sel}}[${window}]))`,
    requestRate: `sum(rate(http_server_requests_seconds_count{${sel}}[${window}]))`,
  }
}
