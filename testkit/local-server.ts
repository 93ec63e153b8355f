/**
 * Real node:http / node:https servers on 127.0.0.1, port 0, that record what they received and count connections:
 * the one listener the toolkit's servers (health endpoints, Prometheus stand-ins) and the tests' own are built on.
 * Certificates for the https one: test-ca.ts.
 */

import { createServer } from 'node:http'
import type { IncomingHttpHeaders, IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo, Socket } from 'node:net'

export interface ReceivedRequest {
  readonly method: string
  readonly url: string
  readonly headers: IncomingHttpHeaders
}

export interface LocalServer {
  /** `http://127.0.0.1:<port>` (or https). */
  readonly origin: string
  readonly port: number
  readonly requests: ReceivedRequest[]
  /** Connections accepted so far. */
  readonly connectionCount: () => number
  readonly sockets: Set<Socket>
  /** The node:http(s) server itself (e.g. to set its keep-alive timeout). */
  readonly server: Server
  close(): Promise<void>
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void

async function listen(server: Server, scheme: 'http' | 'https', handler: Handler): Promise<LocalServer> {
  const requests: ReceivedRequest[] = []
  const sockets = new Set<Socket>()
  let connections = 0
  const onConnection = (socket: Socket): void => {
    connections += 1
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  }
  server.on(scheme === 'https' ? 'secureConnection' : 'connection', onConnection)
  server.on('request', ((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers })
    handler(req, res)
  }) as RequestListener)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    origin: `${scheme}://127.0.0.1:${port}`,
    port,
    requests,
    connectionCount: () => connections,
    sockets,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export function startHttpServer(handler: Handler): Promise<LocalServer> {
  return listen(createServer(), 'http', handler)
}

export function startHttpsServer(handler: Handler, tls: { key: string; cert: string }): Promise<LocalServer> {
  return listen(createHttpsServer(tls), 'https', handler)
}

/**
 * A 127.0.0.1 port that was free a moment ago and has nothing listening on it now: for a server to take (Prometheus,
 * node_exporter), or as a closed port (connection refused).
 */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}
