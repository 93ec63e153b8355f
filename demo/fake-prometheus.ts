/**
 * The embedded demo Prometheus, used when no `prometheus` binary is installed (or `DEMO_PROMETHEUS=embedded`). Like the
 * real one it scrapes its targets' `/metrics` every second into memory (with `job` and `instance` labels, `up`, and
 * staleness: a series missing from its target's last scrape is gone), takes history given at start (as promtool's
 * backfill gives the real one), and answers `GET`/`POST /api/v1/query` and `/api/v1/query_range` in Prometheus' JSON
 * format. It evaluates only deploy-gate's built-in queries and the demo's service checks (see fake-promql.ts);
 * anything else gets Prometheus' `400 bad_data` answer. Not a Prometheus: a stand-in so the demo runs on a machine
 * without one.
 */
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { formatValue } from './exposition.ts'
import type { PointSeries } from './api-service.ts'
import {
  evaluateBuiltin,
  matches,
  type Labels,
  type Matcher,
  type Sample,
  type Series,
  type SeriesSource,
} from './fake-promql.ts'

export interface FakeScrapeTarget {
  readonly job: string
  /** `host:port`; scraped at `http://<address>/metrics`. */
  readonly address: string
}

export interface FakePrometheus {
  /** `http://127.0.0.1:<port>` */
  readonly url: string
  /** Queries it could not evaluate so far (answered with 400 bad_data). */
  unsupportedQueries(): readonly string[]
  close(): Promise<void>
}

interface StoredSeries {
  readonly labels: Labels
  readonly points: Array<[number, number]>
}

/** Longer than the demo's 30-minute baseline window and its history. */
const RETENTION_MS = 35 * 60_000
/** How far back an instant query looks for a series' last point (Prometheus' lookback delta). */
const LOOKBACK_MS = 5 * 60_000

/** Samples of a text-format 0.0.4 exposition (comments skipped; timestamps ignored). */
export function parseExposition(text: string): Array<{ labels: Labels; value: number }> {
  const out: Array<{ labels: Labels; value: number }> = []
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})?\s+(\S+)/.exec(line)
    if (!m) continue
    const labels: Record<string, string> = { __name__: m[1]! }
    for (const l of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[l[1]!] = JSON.parse(`"${l[2]!}"`) as string
    }
    const raw = m[3]!
    const value = raw === '+Inf' ? Infinity : raw === '-Inf' ? -Infinity : raw === 'NaN' ? NaN : Number(raw)
    out.push({ labels, value })
  }
  return out
}

function seriesKey(labels: Labels): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1)))
}

/** Index of the first point at or after `atMs` (points in time order). */
function firstAtOrAfter(points: ReadonlyArray<readonly [number, number]>, atMs: number): number {
  let lo = 0
  let hi = points.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (points[mid]![0] < atMs) lo = mid + 1
    else hi = mid
  }
  return lo
}

export async function startFakePrometheus(opts: {
  readonly targets: readonly FakeScrapeTarget[]
  readonly scrapeIntervalMs?: number
  /** History as stored by Prometheus (labels with `__name__`, `job`, `instance`), oldest point first. */
  readonly history?: readonly PointSeries[]
}): Promise<FakePrometheus> {
  const intervalMs = opts.scrapeIntervalMs ?? 1000
  const store = new Map<string, StoredSeries>()
  /** Keys of the series each target had in its last scrape. */
  const fresh = new Map<string, Set<string>>()
  const unsupported: string[] = []

  for (const h of opts.history ?? [])
    store.set(seriesKey(h.labels), { labels: h.labels, points: h.points.map(([t, v]) => [t, v]) })

  const append = (labels: Labels, atMs: number, value: number): string => {
    const k = seriesKey(labels)
    const series = store.get(k) ?? { labels, points: [] }
    series.points.push([atMs, value])
    while (series.points.length > 0 && series.points[0]![0] < atMs - RETENTION_MS) series.points.shift()
    store.set(k, series)
    return k
  }

  const scrape = async (target: FakeScrapeTarget): Promise<void> => {
    const atMs = Date.now()
    const base = { job: target.job, instance: target.address }
    const keys = new Set<string>()
    let up = 0
    try {
      const response = await fetch(`http://${target.address}/metrics`, {
        signal: AbortSignal.timeout(intervalMs),
      })
      if (response.ok) {
        for (const s of parseExposition(await response.text()))
          keys.add(append({ ...s.labels, ...base }, atMs, s.value))
        up = 1
      } else {
        await response.body?.cancel()
      }
    } catch {
      // down: its series go stale, up is 0
    }
    keys.add(append({ __name__: 'up', ...base }, atMs, up))
    fresh.set(target.address, keys)
  }

  let stopped = false
  let timer: NodeJS.Timeout | undefined
  const loop = async (): Promise<void> => {
    await Promise.all(opts.targets.map(scrape))
    if (!stopped) timer = setTimeout(() => void loop(), intervalMs)
  }
  await loop()

  const isFresh = (k: string): boolean => [...fresh.values()].some((keys) => keys.has(k))
  /** The series as an instant query at `atMs` sees them; `now` applies staleness (the last scrape) instead. */
  const sourceAt = (atMs: number, now: boolean): SeriesSource => ({
    latest(metric: string, matchers: readonly Matcher[]): Sample[] {
      const out: Sample[] = []
      for (const [k, s] of store) {
        if (s.labels['__name__'] !== metric || !matches(s.labels, matchers)) continue
        if (now) {
          const last = s.points[s.points.length - 1]
          if (last && isFresh(k)) out.push({ labels: s.labels, value: last[1] })
          continue
        }
        const last = s.points[firstAtOrAfter(s.points, atMs + 1) - 1]
        if (last && last[0] > atMs - LOOKBACK_MS) out.push({ labels: s.labels, value: last[1] })
      }
      return out
    },
    window(metric: string, matchers: readonly Matcher[], windowMs: number): Series[] {
      return [...store.values()]
        .filter((s) => s.labels['__name__'] === metric && matches(s.labels, matchers))
        .map((s) => ({
          labels: s.labels,
          points: s.points.slice(
            firstAtOrAfter(s.points, atMs - windowMs + 1),
            firstAtOrAfter(s.points, atMs + 1),
          ),
        }))
    },
  })

  const server = createServer((req, res) => void handle(req, res))
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const json = (status: number, body: unknown): void => {
      const text = JSON.stringify(body)
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) })
      res.end(text)
    }
    if (url.pathname === '/-/ready' || url.pathname === '/-/healthy') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('Demo Prometheus is Ready.\n')
      return
    }
    if (url.pathname === '/api/v1/status/buildinfo') {
      json(200, {
        status: 'success',
        data: { version: 'deploy-gate-demo (embedded)', revision: '', branch: '' },
      })
      return
    }
    const range = url.pathname === '/api/v1/query_range'
    if (url.pathname !== '/api/v1/query' && !range) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('404 page not found\n')
      return
    }
    if (req.method !== 'GET' && req.method !== 'POST') {
      json(405, { status: 'error', errorType: 'bad_data', error: `method ${req.method} not allowed` })
      return
    }
    const params = new URLSearchParams(url.search)
    if (req.method === 'POST') {
      let body = ''
      for await (const chunk of req) body += String(chunk)
      for (const [name, value] of new URLSearchParams(body)) params.set(name, value)
    }
    const query = params.get('query') ?? ''
    if (query.trim() === '') {
      json(400, { status: 'error', errorType: 'bad_data', error: 'invalid parameter "query": empty query' })
      return
    }
    const bad = (error: string): void => {
      unsupported.push(query)
      json(400, { status: 'error', errorType: 'bad_data', error })
    }
    if (!range) {
      const evaluation = evaluateBuiltin(query, sourceAt(Date.now(), true))
      if (!evaluation.ok) return bad(evaluation.error)
      const atSec = Date.now() / 1000
      json(200, {
        status: 'success',
        data: {
          resultType: 'vector',
          result: evaluation.result.map((s) => ({ metric: s.labels, value: [atSec, formatValue(s.value)] })),
        },
      })
      return
    }
    const [start, end, step] = ['start', 'end', 'step'].map((p) => Number(params.get(p)))
    if (!(start! <= end! && step! > 0 && (end! - start!) / step! <= 11_000)) {
      json(400, { status: 'error', errorType: 'bad_data', error: 'invalid start, end or step' })
      return
    }
    const matrix = new Map<string, { metric: Labels; values: Array<[number, string]> }>()
    for (let t = start!; t <= end! + 1e-9; t += step!) {
      const evaluation = evaluateBuiltin(query, sourceAt(t * 1000, false))
      if (!evaluation.ok) return bad(evaluation.error)
      for (const s of evaluation.result) {
        const k = seriesKey(s.labels)
        const entry = matrix.get(k) ?? { metric: s.labels, values: [] }
        entry.values.push([Math.round(t * 1000) / 1000, formatValue(s.value)])
        matrix.set(k, entry)
      }
    }
    json(200, { status: 'success', data: { resultType: 'matrix', result: [...matrix.values()] } })
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url,
    unsupportedQueries: () => [...unsupported],
    close: async () => {
      stopped = true
      clearTimeout(timer)
      await new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
    },
  }
}
