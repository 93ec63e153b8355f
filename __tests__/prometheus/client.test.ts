import { rmSync } from 'node:fs'
import { createServer as createHttpsServer } from 'node:https'
import type { Server as HttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { PrometheusSettings } from '../../src/model/check-spec.ts'
import {
  createPrometheusClient,
  formatTimeoutParam,
  MAX_CONNECTIONS,
  MAX_RESPONSE_BYTES,
} from '../../src/prometheus/client.ts'
import { isQueryRejection, PrometheusError } from '../../src/prometheus/errors.ts'
import type { PrometheusErrorKind } from '../../src/prometheus/errors.ts'
import {
  loadApiFixture,
  replayFixture,
  startFixtureServer,
  startTestServer,
} from '../../testkit/prometheus-api.ts'
import type { TestServer } from '../../testkit/prometheus-api.ts'
import { freePort } from '../../testkit/local-server.ts'
import { makeTestCa } from '../../testkit/test-ca.ts'

const servers: TestServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

async function serve(server: Promise<TestServer>): Promise<TestServer> {
  const started = await server
  servers.push(started)
  return started
}

function settings(url: string, overrides: Partial<PrometheusSettings> = {}): PrometheusSettings {
  return { url, headers: {}, timeoutMs: 10_000, ...overrides }
}

/** The PrometheusError a query rejects with (fails the test if it resolves or rejects with anything else). */
async function queryError(
  url: string,
  overrides: Partial<PrometheusSettings> = {},
  signal?: AbortSignal,
): Promise<PrometheusError> {
  const client = createPrometheusClient(settings(url, overrides))
  const outcome = await client.query('up', signal === undefined ? {} : { signal }).then(
    (result) => ({ result }),
    (error: unknown) => ({ error }),
  )
  if (!('error' in outcome))
    throw new Error(`expected a PrometheusError, got ${JSON.stringify(outcome.result)}`)
  expect(outcome.error).toBeInstanceOf(PrometheusError)
  return outcome.error as PrometheusError
}

describe('successful answers (recorded fixtures)', () => {
  it('POSTs a form with the query and the timeout to /api/v1/query, and decodes a vector', async () => {
    const server = await serve(startFixtureServer('query-builtin-vram'))
    const client = createPrometheusClient(settings(server.url))
    const query = '(100 * DCGM_FI_DEV_FB_USED{job="gpu"} / (DCGM_FI_DEV_FB_USED{job="gpu"} + 1)) or up'
    const result = await client.query(query)
    expect(result.resultType).toBe('vector')
    expect(result.warnings).toEqual([])
    expect(result.series.map((s) => s.value)).toEqual([0, 11.952633526581966, 24.298973749065095])
    expect(result.series[2]?.labels).toEqual({
      instance: '127.0.0.1:19194',
      job: 'gpu',
      uuid: '00000000-0000-0000-0000-000000000000',
    })
    const [request] = server.requests
    expect(request?.method).toBe('POST')
    expect(request?.url).toBe('/api/v1/query')
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(Object.fromEntries(new URLSearchParams(request?.body))).toEqual({ query, timeout: '10s' })
  })

  it('sends a timeout Prometheus can parse when it is not whole seconds', async () => {
    const server = await serve(startFixtureServer('query-builtin-memory'))
    await createPrometheusClient(settings(server.url, { timeoutMs: 1500 })).query('up')
    expect(new URLSearchParams(server.requests[0]?.body).get('timeout')).toBe('1500ms')
    expect(formatTimeoutParam(2000)).toBe('2s')
  })

  it('turns a scalar into one series without labels', async () => {
    const server = await serve(startFixtureServer('query-scalar'))
    const result = await createPrometheusClient(settings(server.url)).query('scalar(vector(1))')
    expect(result).toEqual({ resultType: 'scalar', series: [{ labels: {}, value: 1 }], warnings: [] })
  })

  it.each([
    ['query-nan', Number.NaN],
    ['query-pos-inf', Number.POSITIVE_INFINITY],
    ['query-neg-inf', Number.NEGATIVE_INFINITY],
  ])('maps %s explicitly', async (fixture, value) => {
    const server = await serve(startFixtureServer(fixture))
    const result = await createPrometheusClient(settings(server.url)).query('vector(0)/0')
    expect(result.series).toEqual([{ labels: {}, value }])
  })

  it('returns an empty vector as no series', async () => {
    const server = await serve(startFixtureServer('query-builtin-kv-cache-empty'))
    const result = await createPrometheusClient(settings(server.url)).query('vllm:kv_cache_usage_perc')
    expect(result).toEqual({ resultType: 'vector', series: [], warnings: [] })
  })

  it('passes warnings on', async () => {
    const body =
      '{"status":"success","data":{"resultType":"vector","result":[]},"warnings":["partial response"]}'
    const server = await serve(
      startTestServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body)),
    )
    expect((await createPrometheusClient(settings(server.url)).query('up')).warnings).toEqual([
      'partial response',
    ])
  })
})

describe('errors (recorded fixtures and misbehaving servers)', () => {
  it.each<[string, number, string, string]>([
    [
      'query-error-bad-data-400',
      400,
      'bad_data',
      'Prometheus answered HTTP 400 bad_data: invalid parameter "query": 1:44: parse error: unclosed left parenthesis',
    ],
    [
      'query-error-duplicate-labelset-422',
      422,
      'execution',
      'Prometheus answered HTTP 422 execution: vector cannot contain metrics with the same labelset',
    ],
    [
      'query-range-error-timeout-503',
      503,
      'timeout',
      'Prometheus answered HTTP 503 timeout: query timed out in expression evaluation',
    ],
  ])('%s → api error', async (fixture, status, errorType, message) => {
    const server = await serve(startFixtureServer(fixture))
    const error = await queryError(server.url)
    expect(error).toMatchObject({ kind: 'api', status, errorType, message })
  })

  // SPEC §8: a rejection is HTTP 400 or 422 with a `"status":"error"` body, whatever the server puts in errorType.
  it.each<[string, number, string, string, boolean]>([
    [
      'VictoriaMetrics parse error',
      422,
      '{"status":"error","errorType":"422","error":"error when executing query=\\"up /\\": unparsed data"}',
      'Prometheus answered HTTP 422: error when executing query="up /": unparsed data',
      true,
    ],
    [
      'Mimir / Thanos bad_data',
      400,
      '{"status":"error","errorType":"bad_data","error":"1:4: parse error: unexpected end of input"}',
      'Prometheus answered HTTP 400 bad_data: 1:4: parse error: unexpected end of input',
      true,
    ],
    [
      'a 503 timeout',
      503,
      '{"status":"error","errorType":"timeout","error":"query timed out"}',
      'Prometheus answered HTTP 503 timeout: query timed out',
      false,
    ],
    [
      'a 500 internal error',
      500,
      '{"status":"error","errorType":"internal","error":"boom"}',
      'Prometheus answered HTTP 500 internal: boom',
      false,
    ],
    [
      'a plain-text 400 (VictoriaMetrics without its path prefix)',
      400,
      'missing -http.pathPrefix="/prometheus" in the requested path "/api/v1/query"',
      'Prometheus answered with text/plain, not JSON (HTTP 400): missing -http.pathPrefix="/prometheus" in the requested path "/api/v1/query"',
      false,
    ],
  ])('%s: rejection %s', async (_name, status, body, message, rejected) => {
    const server = await serve(
      startTestServer((_req, res) =>
        res
          .writeHead(status, { 'content-type': body.startsWith('{') ? 'application/json' : 'text/plain' })
          .end(body),
      ),
    )
    const error = await queryError(server.url)
    expect(error.message).toBe(message)
    expect(isQueryRejection(error)).toBe(rejected)
  })

  it.each(['query-error-bad-data-400', 'query-error-duplicate-labelset-422', 'query-error-many-to-many-422'])(
    '%s from Prometheus is a rejection',
    async (fixture) => {
      const server = await serve(startFixtureServer(fixture))
      expect(isQueryRejection(await queryError(server.url))).toBe(true)
    },
  )

  it('reports an HTML page from a proxy as not JSON', async () => {
    const html = '<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>'
    const server = await serve(
      startTestServer((_req, res) => res.writeHead(502, { 'content-type': 'text/html' }).end(html)),
    )
    const error = await queryError(server.url)
    expect(error).toMatchObject({
      kind: 'not-json',
      status: 502,
      message: 'Prometheus answered with HTML, not JSON (HTTP 502)',
    })
  })

  it('reports a 401 as a credentials problem', async () => {
    const server = await serve(
      startTestServer((_req, res) =>
        res.writeHead(401, { 'content-type': 'text/plain' }).end('Unauthorized\n'),
      ),
    )
    const error = await queryError(server.url)
    expect(error).toMatchObject({
      kind: 'http',
      status: 401,
      message: 'Prometheus answered HTTP 401: Unauthorized (check the Prometheus credentials)',
    })
  })

  it('reports a 404 as a URL problem', async () => {
    const server = await serve(
      startTestServer((_req, res) =>
        res.writeHead(404, { 'content-type': 'text/plain' }).end('404 page not found\n'),
      ),
    )
    const error = await queryError(server.url)
    expect(error.kind).toBe('http')
    expect(error.message).toBe(
      'Prometheus answered HTTP 404: 404 page not found (check the Prometheus URL and its path prefix)',
    )
  })

  it('reports truncated JSON as not JSON', async () => {
    const full = loadApiFixture('query-builtin-disk').body.toString()
    const server = await serve(
      startTestServer((_req, res) =>
        res.writeHead(200, { 'content-type': 'application/json' }).end(full.slice(0, 300)),
      ),
    )
    const error = await queryError(server.url)
    expect(error.kind).toBe('not-json')
    expect(error.status).toBe(200)
    expect(error.message).toMatch(/^Prometheus answered with invalid JSON \(HTTP 200\): /)
    expect(error.cause).toBeInstanceOf(SyntaxError)
  })

  it('reports a connection closed mid-body as lost', async () => {
    const server = await serve(
      startTestServer((req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' })
        res.write('{"status":"success",', () => req.socket.destroy())
      }),
    )
    const error = await queryError(server.url)
    expect(error.kind).toBe('network')
    expect(error.message).toMatch(/^Prometheus connection lost while reading the answer: /)
  })

  it.each<[string, string, PrometheusErrorKind, string]>([
    [
      'a matrix',
      loadApiFixture('query-range-builtin-vram').body.toString(),
      'unexpected-result',
      'Prometheus returned a matrix result; the query must return an instant vector or a scalar',
    ],
    [
      'a string',
      '{"status":"success","data":{"resultType":"string","result":[1795315876,"x"]}}',
      'unexpected-result',
      'Prometheus returned a string result; the query must return an instant vector or a scalar',
    ],
    [
      'a value that is no number',
      '{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"12abc"]}]}}',
      'unexpected-result',
      'Prometheus answered with an unexpected result: sample value "12abc" is not a number',
    ],
    [
      'JSON that is not an API answer',
      '{"hello":"world"}',
      'unexpected-result',
      'Prometheus answered with an unexpected result: the body is not a Prometheus API answer (no "status":"success" with "data")',
    ],
  ])('rejects %s', async (_name, body, kind, message) => {
    const server = await serve(
      startTestServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body)),
    )
    expect(await queryError(server.url)).toMatchObject({ kind, message })
  })

  it('reports a refused connection as unreachable', async () => {
    const port = await freePort()
    const error = await queryError(`http://127.0.0.1:${port}`)
    expect(error.kind).toBe('network')
    expect(error.message).toBe(`Prometheus unreachable: connect ECONNREFUSED 127.0.0.1:${port}`)
    expect(error.cause).toBeDefined()
  })

  it('never puts URL credentials into a message', async () => {
    const port = await freePort()
    const error = await queryError(`http://grafana:s3cret-pw@127.0.0.1:${port}/prometheus`)
    expect(error.message).not.toContain('s3cret-pw')
    expect(error.message).not.toContain('grafana')
  })
})

describe('limits', () => {
  it('times out on a server that never answers', async () => {
    const server = await serve(startTestServer(() => undefined))
    const error = await queryError(server.url, { timeoutMs: 300 })
    expect(error).toMatchObject({ kind: 'timeout', message: 'Prometheus query timed out after 300ms' })
  })

  it('times out on a body that stalls halfway', async () => {
    const server = await serve(
      startTestServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.write('{"status":"success","data":')
      }),
    )
    expect(await queryError(server.url, { timeoutMs: 300 })).toMatchObject({ kind: 'timeout' })
  })

  it("stops on the caller's abort signal", async () => {
    const server = await serve(startTestServer(() => undefined))
    const controller = new AbortController()
    const pending = queryError(server.url, {}, controller.signal)
    await waitFor(() => server.requests.length === 1)
    controller.abort()
    expect(await pending).toMatchObject({ kind: 'aborted', message: 'Prometheus query aborted' })
  })

  it('stops reading a streamed body past 10 MiB and closes the connection', async () => {
    const totalBytes = 50 * 1024 * 1024
    let writtenBytes = 0
    let wroteEverything = false
    let resolveClosed: () => void = () => undefined
    const closed = new Promise<void>((resolve) => (resolveClosed = resolve))
    const server = await serve(
      startTestServer((_req, res) => {
        res.on('close', resolveClosed)
        res.writeHead(200, { 'content-type': 'application/json' })
        const chunk = Buffer.alloc(64 * 1024, 0x20)
        const pump = (): void => {
          while (writtenBytes < totalBytes) {
            if (res.destroyed) return
            writtenBytes += chunk.length
            if (!res.write(chunk)) {
              res.once('drain', pump)
              return
            }
          }
          wroteEverything = true
          res.end()
        }
        pump()
      }),
    )
    const error = await queryError(server.url)
    expect(error).toMatchObject({ kind: 'too-large', message: 'Prometheus response over 10 MiB' })
    await closed
    expect(wroteEverything).toBe(false)
    expect(writtenBytes).toBeLessThan(totalBytes)
    expect(writtenBytes).toBeGreaterThan(MAX_RESPONSE_BYTES)
  })

  it('refuses a declared Content-Length over 10 MiB without reading the body', async () => {
    const server = await serve(
      startTestServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024) })
        res.write(Buffer.alloc(1024, 0x20))
      }),
    )
    expect(await queryError(server.url)).toMatchObject({ kind: 'too-large' })
  })
})

describe('URL and credentials', () => {
  it.each([
    ['/prometheus', '/prometheus/api/v1/query'],
    ['/prometheus/', '/prometheus/api/v1/query'],
    ['/', '/api/v1/query'],
    ['', '/api/v1/query'],
    ['/a/b//', '/a/b/api/v1/query'],
  ])('base path %j → %s', async (prefix, path) => {
    const server = await serve(startFixtureServer('query-builtin-memory'))
    await createPrometheusClient(settings(`${server.url}${prefix}`)).query('up')
    expect(server.requests[0]?.url).toBe(path)
  })

  it('sends a bearer token and extra headers', async () => {
    const server = await serve(startFixtureServer('query-builtin-memory'))
    const client = createPrometheusClient(
      settings(server.url, {
        bearerToken: 'tok-123',
        headers: { 'X-Scope-OrgID': 'team-a', 'X-Other': 'b' },
      }),
    )
    await client.query('up')
    const headers = server.requests[0]?.headers
    expect(headers?.authorization).toBe('Bearer tok-123')
    expect(headers?.['x-scope-orgid']).toBe('team-a')
    expect(headers?.['x-other']).toBe('b')
    expect(headers?.accept).toBe('application/json')
  })

  it.each([
    ['an HTTP error body', 401, (echo: string) => `denied for ${echo}`],
    [
      'a status: error message',
      422,
      (echo: string) =>
        JSON.stringify({ status: 'error', errorType: 'bad_data', error: 'q'.repeat(400) + echo }),
    ],
  ])(
    'removes an echoed credential from %s before quoting it, even across the cut',
    async (_what, status, body) => {
      const token = 'tok-' + 'x'.repeat(200) + '-end'
      // The token starts before the 120-character cut of HTTP bodies and ends after it.
      const server = await serve(
        startTestServer((_req, res) =>
          res
            .writeHead(status, { 'content-type': 'text/plain' })
            .end(body(`${'p'.repeat(40)} Bearer ${token}`)),
        ),
      )
      const error = await queryError(server.url, { bearerToken: token })
      expect(error.message).not.toContain('tok-xxxx')
      expect(error.message).not.toContain('xxxxxxxx')
    },
  )

  it('sends basic auth', async () => {
    const server = await serve(startFixtureServer('query-builtin-memory'))
    const basicAuth = { username: 'grafana', password: 'pä:ss' }
    await createPrometheusClient(settings(server.url, { basicAuth })).query('up')
    const expected = `Basic ${Buffer.from('grafana:pä:ss').toString('base64')}`
    expect(server.requests[0]?.headers.authorization).toBe(expected)
  })

  it('takes basic auth from URL user info and sends the URL without it', async () => {
    const server = await serve(startFixtureServer('query-builtin-memory'))
    const url = server.url.replace('http://', 'http://grafana:p%40ss@')
    await createPrometheusClient(settings(`${url}/prom`)).query('up')
    expect(server.requests[0]?.url).toBe('/prom/api/v1/query')
    expect(server.requests[0]?.headers.authorization).toBe(
      `Basic ${Buffer.from('grafana:p@ss').toString('base64')}`,
    )
    expect(server.requests[0]?.headers.host).toBe(server.url.replace('http://', ''))
  })

  it('sends URL user info that is not valid percent-encoding (50%off) as written instead of throwing', async () => {
    const server = await serve(startFixtureServer('query-builtin-memory'))
    const url = server.url.replace('http://', 'http://grafana:50%off@')
    await createPrometheusClient(settings(url)).query('up')
    expect(server.requests[0]?.headers.authorization).toBe(
      `Basic ${Buffer.from('grafana:50%off').toString('base64')}`,
    )
  })

  it('refuses a URL that is not http(s)', () => {
    expect(() => createPrometheusClient(settings('ftp://prom.example.com'))).toThrow(
      'the Prometheus URL must be a valid http:// or https:// URL (unsupported URL scheme ftp:)',
    )
    expect(() => createPrometheusClient(settings('not a url'))).toThrow(
      'the Prometheus URL must be a valid http:// or https:// URL (invalid URL)',
    )
  })
})

describe('HTTPS with an internal CA', () => {
  let dir: string
  let httpsServer: HttpsServer
  let url: string

  beforeAll(async () => {
    const ca = makeTestCa()
    dir = ca.dir
    const fixture = loadApiFixture('query-builtin-memory')
    httpsServer = createHttpsServer({ key: ca.key, cert: ca.cert }, (_req, res) =>
      replayFixture(res, fixture),
    )
    await new Promise<void>((resolve) => httpsServer.listen(0, '127.0.0.1', () => resolve()))
    url = `https://127.0.0.1:${(httpsServer.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    httpsServer.closeAllConnections()
    await new Promise<void>((resolve) => httpsServer.close(() => resolve()))
    rmSync(dir, { recursive: true, force: true })
  })

  it('refuses the certificate without ca-file', async () => {
    const error = await queryError(url)
    expect(error.kind).toBe('network')
    expect(error.message).toMatch(
      /^Prometheus TLS certificate not accepted: [^;]+ \(set prometheus\.ca-file to the CA that signed it\)$/,
    )
    expect(error.message).not.toContain('--use-system-ca')
  })

  it('accepts it with ca-file', async () => {
    const client = createPrometheusClient(settings(url, { caFile: join(dir, 'ca.pem') }))
    try {
      const result = await client.query('up')
      expect(result.series).toEqual([
        { labels: { instance: '127.0.0.1:19192', job: 'node' }, value: 86.67389847099307 },
      ])
    } finally {
      await client.close()
    }
  })

  it('fails at creation when the ca-file cannot be read', () => {
    expect(() => createPrometheusClient(settings(url, { caFile: join(dir, 'missing.pem') }))).toThrow(
      `cannot read ca-file ${join(dir, 'missing.pem')}: ENOENT`,
    )
  })
})

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10))
}

describe('connections', () => {
  it(`a round of 300 concurrent queries opens at most ${MAX_CONNECTIONS} connections (Prometheus refuses beyond 512)`, async () => {
    let open = 0
    let most = 0
    const server = await serve(
      startTestServer((_req, res) => {
        setTimeout(() => {
          res.writeHead(200, { 'content-type': 'application/json' })
          res.end('{"status":"success","data":{"resultType":"vector","result":[]}}')
        }, 20)
      }),
    )
    server.server.on('connection', (socket) => {
      open++
      most = Math.max(most, open)
      socket.on('close', () => open--)
    })
    const client = createPrometheusClient(settings(server.url))
    const answers = await Promise.all(Array.from({ length: 300 }, () => client.query('up')))
    await client.close()
    expect(answers).toHaveLength(300)
    expect(most).toBeLessThanOrEqual(MAX_CONNECTIONS)
    expect(most).toBeGreaterThan(1)
  })
})
