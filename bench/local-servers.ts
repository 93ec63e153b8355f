/**
 * The local servers the figures run against (on the toolkit's listener, testkit/local-server.ts): health endpoints
 * and a Prometheus HTTP API that answer after a fixed delay. Times are `performance.now()` of this process, the
 * clock the figures measure with.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { startHttpServer } from '../testkit/local-server.ts'

export interface LocalServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string
  /** Requests received so far. */
  requests(): number
  /** `performance.now()` when the first request since the last `reset()` arrived (headers received). */
  firstRequestAt(): number | undefined
  /** Called once when that first request arrives. */
  onFirstRequest(listener: (() => void) | undefined): void
  reset(): void
  close(): Promise<void>
}

export interface Answer {
  readonly status: number
  readonly contentType: string
  readonly body: string
}

/** A server that answers every request `delayMs` after its body was read, with what `answer` returns. */
export async function startServer(
  delayMs: number,
  answer: (req: IncomingMessage, body: string) => Answer,
): Promise<LocalServer> {
  let first: number | undefined
  let firstListener: (() => void) | undefined
  let counted = 0
  // The toolkit's listener calls the handler when the request's headers arrive: the moment the figures time.
  const server = await startHttpServer((req: IncomingMessage, res: ServerResponse) => {
    if (first === undefined) {
      first = performance.now()
      firstListener?.()
    }
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const a = answer(req, Buffer.concat(chunks).toString('utf8'))
      const send = (): void => {
        res.writeHead(a.status, {
          'content-type': a.contentType,
          'content-length': Buffer.byteLength(a.body),
        })
        res.end(a.body)
      }
      if (delayMs > 0) setTimeout(send, delayMs)
      else send()
    })
  })
  return {
    url: server.origin,
    requests: () => server.requests.length - counted,
    firstRequestAt: () => first,
    onFirstRequest: (listener) => {
      firstListener = listener
    },
    reset: () => {
      counted = server.requests.length
      first = undefined
    },
    close: () => server.close(),
  }
}

/** A health endpoint: `200 {"status":"UP"}` after `delayMs`. */
export function startHealthServer(delayMs: number): Promise<LocalServer> {
  return startServer(delayMs, () => ({
    status: 200,
    contentType: 'application/json',
    body: '{"status":"UP"}',
  }))
}

export interface PromSeries {
  readonly labels: Readonly<Record<string, string>>
  readonly value: number
}

/** The body of a successful instant query (`resultType: vector`), values as Prometheus spells them. */
export function vectorBody(series: readonly PromSeries[], atSeconds = Date.now() / 1000): string {
  const result = series.map((s) => ({ metric: s.labels, value: [atSeconds, promNumber(s.value)] }))
  return JSON.stringify({ status: 'success', data: { resultType: 'vector', result } })
}

function promNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (value === Infinity) return '+Inf'
  if (value === -Infinity) return '-Inf'
  return String(value)
}

/**
 * A Prometheus HTTP API (`/api/v1/query`, GET or POST form) answering after `delayMs` with the series `seriesFor`
 * returns for the query; anything else is a 404.
 */
export function startFakePrometheus(
  delayMs: number,
  seriesFor: (query: string) => readonly PromSeries[],
): Promise<LocalServer> {
  return startServer(delayMs, (req, body) => {
    const url = new URL(req.url ?? '/', 'http://prometheus')
    if (!url.pathname.endsWith('/api/v1/query')) {
      return { status: 404, contentType: 'text/plain', body: '404 page not found' }
    }
    const query =
      req.method === 'POST' ? new URLSearchParams(body).get('query') : url.searchParams.get('query')
    return { status: 200, contentType: 'application/json', body: vectorBody(seriesFor(query ?? '')) }
  })
}

export async function closeAll(servers: readonly LocalServer[]): Promise<void> {
  await Promise.all(servers.map((s) => s.close()))
}
