/** Real node:http / node:https servers on 127.0.0.1, port 0, that record what they received. */

import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { IncomingHttpHeaders, IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo, Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

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
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `${scheme}://127.0.0.1:${port}`,
    port,
    requests,
    connectionCount: () => connections,
    sockets,
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

/** A port that was free a moment ago and has nothing listening on it now. */
export async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

export interface SelfSignedCert {
  readonly key: string
  readonly cert: string
  /** Path of the certificate, to be used as a CA file. */
  readonly certFile: string
  cleanup(): void
}

/** A self-signed certificate for 127.0.0.1 made with the openssl CLI in a temp dir. */
export function makeSelfSignedCert(): SelfSignedCert {
  const dir = mkdtempSync(join(tmpdir(), 'deploy-gate-tls-'))
  const keyFile = join(dir, 'key.pem')
  const certFile = join(dir, 'cert.pem')
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-days',
      '2',
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ],
    { stdio: 'ignore' },
  )
  return {
    key: readFileSync(keyFile, 'utf8'),
    cert: readFileSync(certFile, 'utf8'),
    certFile,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  }
}
