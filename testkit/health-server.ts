/**
 * Health endpoints for the gate, validate and ledger tests: a node:http server on 127.0.0.1, port 0, whose paths answer
 * with the status (and body) a test gives them, counting every request it receives (also to unknown paths).
 *
 *   const health = await startHealthServer()
 *   const url = health.route('/flap', (hit) => (hit % 2 === 1 ? 200 : 503))
 */
import { startHttpServer } from './local-server.ts'

/** The status (and body, default a small JSON document) to answer the `hit`-th request (1-based) of a path with. */
export type Responder = (hit: number) => number | { readonly status: number; readonly body: string }

export interface HealthServer {
  /** Registers `path` (a fresh count) and returns its URL. */
  route(path: string, respond: Responder): string
  /** Requests `path` has received so far. */
  hits(path: string): number
  /** Requests the server has received so far, on any path. */
  total(): number
  /** Called on every request, before it is answered (to look at the GitHub fake's state at that moment). */
  onRequest(listener: ((path: string) => void) | undefined): void
  close(): Promise<void>
}

export interface HealthServerOptions {
  /** The server's keep-alive timeout; default Node's (5 s). */
  readonly keepAliveTimeoutMs?: number
}

export const ok: Responder = () => 200
export const down: Responder = () => 503

export async function startHealthServer(options: HealthServerOptions = {}): Promise<HealthServer> {
  const routes = new Map<string, Responder>()
  const counts = new Map<string, number>()
  let listener: ((path: string) => void) | undefined
  const server = await startHttpServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://health').pathname
    const hit = (counts.get(path) ?? 0) + 1
    counts.set(path, hit)
    listener?.(path)
    const answer = routes.get(path)?.(hit) ?? 404
    const status = typeof answer === 'number' ? answer : answer.status
    const body =
      typeof answer === 'number' ? JSON.stringify({ status: status < 300 ? 'UP' : 'DOWN' }) : answer.body
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(body)
  })
  if (options.keepAliveTimeoutMs !== undefined) server.server.keepAliveTimeout = options.keepAliveTimeoutMs
  const { origin } = server
  return {
    route(path, respond) {
      routes.set(path, respond)
      counts.delete(path)
      return `${origin}${path}`
    },
    hits: (path) => counts.get(path) ?? 0,
    total: () => server.requests.length,
    onRequest(next) {
      listener = next
    },
    close: () => server.close(),
  }
}
