/**
 * A health endpoint for the ledger e2e tests: a node:http server on 127.0.0.1, port 0, whose paths answer with the
 * status (and body) a test gives them. `route('/flip', (hit) => (hit === 1 ? 200 : 503))` passes the startup poll and
 * then breaches every round.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/** The status (and body, default a small JSON document) to answer the `hit`-th request (1-based) of a path with. */
export type Responder = (hit: number) => number | { readonly status: number; readonly body: string }

export interface HealthServer {
  /** Registers `path` and returns its URL. */
  route(path: string, respond: Responder): string
  /** Requests `path` has received so far. */
  hits(path: string): number
  /** Called on every request, before it is answered (to look at the GitHub fake's state at that moment). */
  onRequest(listener: ((path: string) => void) | undefined): void
  close(): Promise<void>
}

export const ok: Responder = () => 200
export const down: Responder = () => 503

export async function startHealthServer(): Promise<HealthServer> {
  const routes = new Map<string, Responder>()
  const counts = new Map<string, number>()
  let listener: ((path: string) => void) | undefined
  const server = createServer((req, res) => {
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
  server.keepAliveTimeout = 1000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    route(path, respond) {
      routes.set(path, respond)
      return `${origin}${path}`
    },
    hits: (path) => counts.get(path) ?? 0,
    onRequest(next) {
      listener = next
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
