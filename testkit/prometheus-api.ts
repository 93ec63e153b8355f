/**
 * Replays the recorded Prometheus API answers in shared/fixtures/prometheus-api/ (status line and headers from
 * `NAME.http`, body from `NAME.json`) from a local node:http server, and records what the client sent.
 */

import { readFileSync } from 'node:fs'
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http'
import { pathToFileURL } from 'node:url'
import { startHttpServer } from './local-server.ts'
import { sharedPath } from './shared-dir.ts'

/** shared/fixtures/, wherever testkit/shared-dir.ts finds shared/ (beside the repository, or its copy in third_party/). */
export const FIXTURES_DIR = pathToFileURL(`${sharedPath('fixtures')}/`)

export interface ApiFixture {
  readonly status: number
  readonly statusText: string
  /** Headers as recorded (Content-Type, Date, Content-Length). */
  readonly headers: ReadonlyArray<readonly [string, string]>
  readonly body: Buffer
}

/** Reads `prometheus-api/NAME.http` and `NAME.json`, e.g. `loadApiFixture('query-builtin-disk')`. */
export function loadApiFixture(name: string): ApiFixture {
  const head = readFileSync(new URL(`prometheus-api/${name}.http`, FIXTURES_DIR), 'utf8')
  const body = readFileSync(new URL(`prometheus-api/${name}.json`, FIXTURES_DIR))
  const [statusLine = '', ...headerLines] = head.split('\r\n').filter((line) => line !== '')
  const match = /^HTTP\/1\.1 (\d{3}) (.*)$/.exec(statusLine)
  if (match === null) throw new Error(`${name}.http: no status line`)
  const headers = headerLines.map((line): [string, string] => {
    const colon = line.indexOf(':')
    return [line.slice(0, colon), line.slice(colon + 1).trim()]
  })
  return { status: Number(match[1]), statusText: match[2] ?? '', headers, body }
}

/** Reads an exporter fixture, e.g. `readExporterFixture('node_exporter-e2e-output.prom')`. */
export function readExporterFixture(fileName: string): string {
  return readFileSync(new URL(`exporters/${fileName}`, FIXTURES_DIR), 'utf8')
}

/** Writes a recorded answer as recorded (its Content-Length matches the body). */
export function replayFixture(res: ServerResponse, fixture: ApiFixture): void {
  res.writeHead(fixture.status, fixture.statusText, fixture.headers.flat())
  res.end(fixture.body)
}

export interface RecordedRequest {
  readonly method: string
  readonly url: string
  readonly headers: IncomingHttpHeaders
  readonly body: string
}

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string
  readonly requests: RecordedRequest[]
  readonly server: Server
  close(): Promise<void>
}

/**
 * A node:http server on 127.0.0.1:0. `handle` answers each request after its body was read; it may also take over the
 * response entirely (streaming, stalling). `close()` ends open connections too.
 */
export async function startTestServer(
  handle: (req: IncomingMessage, res: ServerResponse, recorded: RecordedRequest) => void,
): Promise<TestServer> {
  const requests: RecordedRequest[] = []
  const local = await startHttpServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const recorded = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }
      requests.push(recorded)
      handle(req, res, recorded)
    })
  })
  return { url: local.origin, requests, server: local.server, close: () => local.close() }
}

/** A server that answers every request with the recorded fixture `name`. */
export function startFixtureServer(name: string): Promise<TestServer> {
  const fixture = loadApiFixture(name)
  return startTestServer((_req, res) => replayFixture(res, fixture))
}
