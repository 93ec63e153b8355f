/**
 * A real node:http server on 127.0.0.1:0 answering GitHub REST requests from a per-test route table
 * (`'GET /repos/acme/app' → reply`; a `{name}` segment matches any one segment, e.g.
 * `'GET /repos/acme/app/deployments/{id}/statuses'`). Not a GitHub fake: each test scripts exactly the answers it needs.
 */
import { createServer } from 'node:http'
import type { IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Reply {
  readonly status?: number
  readonly body?: unknown
  readonly headers?: Readonly<Record<string, string>>
  /** Drop the connection without answering (a network error). */
  readonly destroy?: boolean
}

export interface Recorded {
  readonly method: string
  /** Path without the query. */
  readonly path: string
  readonly query: URLSearchParams
  readonly headers: IncomingHttpHeaders
  readonly body: unknown
}

/** A reply, replies in turn (the last one repeats), or a function of the request and the server's origin. */
export type Route = Reply | readonly Reply[] | ((req: Recorded, origin: string) => Reply)

export interface ScriptedServer {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string
  readonly requests: Recorded[]
  /** Requests whose `METHOD /path` matches the key (exact, or with `{name}` segments). */
  count(key: string): number
  close(): Promise<void>
}

export async function startScriptedServer(routes: Readonly<Record<string, Route>>): Promise<ScriptedServer> {
  const requests: Recorded[] = []
  const served = new Map<string, number>()
  const patterns = Object.keys(routes).map((key) => ({ key, regex: keyPattern(key) }))
  const routeKey = (key: string): string | undefined =>
    key in routes ? key : patterns.find((p) => p.regex.test(key))?.key
  let origin = ''
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', origin)
      const text = Buffer.concat(chunks).toString('utf8')
      const recorded: Recorded = {
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: text ? JSON.parse(text) : undefined,
      }
      requests.push(recorded)
      const key = `${recorded.method} ${recorded.path}`
      const n = served.get(key) ?? 0
      served.set(key, n + 1)
      const matched = routeKey(key)
      const route = matched === undefined ? undefined : routes[matched]
      let reply: Reply
      if (route === undefined)
        reply = { status: 404, body: { message: `Not Found (no scripted route for ${key})` } }
      else if (typeof route === 'function') reply = route(recorded, origin)
      else if (Array.isArray(route)) reply = (route[Math.min(n, route.length - 1)] as Reply | undefined) ?? {}
      else reply = route as Reply
      if (reply.destroy) {
        req.socket.destroy()
        return
      }
      res.writeHead(reply.status ?? 200, {
        'content-type': 'application/json; charset=utf-8',
        ...reply.headers,
      })
      res.end(reply.body === undefined ? '' : JSON.stringify(reply.body))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    requests,
    count: (key) => {
      const regex = keyPattern(key)
      return requests.filter((r) => regex.test(`${r.method} ${r.path}`)).length
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function keyPattern(key: string): RegExp {
  const escaped = key.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}/]+\}/g, '[^/]+')
  return new RegExp(`^${escaped}$`)
}
