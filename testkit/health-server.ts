/**
 * Health endpoints for the gate and validate tests: a node:http server on 127.0.0.1, port 0, whose paths answer
 * with the status a test gives them, counting every request it receives (also to unknown paths).
 *
 *   const health = await startHealthServer()
 *   const url = health.route('/flap', (hit) => (hit % 2 === 1 ? 200 : 503))
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/** The status to answer the `hit`-th request (1-based) of a path with. */
export type Responder = (hit: number) => number

export interface HealthServer {
  /** Registers `path` (a fresh count) and returns its URL. */
  route(path: string, respond: Responder): string
  /** Requests `path` has received so far. */
  hits(path: string): number
  /** Requests the server has received so far, on any path. */
  total(): number
  close(): Promise<void>
}

export const healthy: Responder = () => 200

export async function startHealthServer(): Promise<HealthServer> {
  const routes = new Map<string, Responder>()
  const counts = new Map<string, number>()
  let total = 0
  const server = createServer((req, res) => {
    total += 1
    const path = new URL(req.url ?? '/', 'http://health').pathname
    const hit = (counts.get(path) ?? 0) + 1
    counts.set(path, hit)
    const status = routes.get(path)?.(hit) ?? 404
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ status: status < 300 ? 'UP' : 'DOWN' }))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    route(path, respond) {
      routes.set(path, respond)
      counts.delete(path)
      return `${origin}${path}`
    },
    hits: (path) => counts.get(path) ?? 0,
    total: () => total,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** A 127.0.0.1 port that nothing listens on (it was free a moment ago). */
export async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}
