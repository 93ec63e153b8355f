import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ServerResponse } from 'node:http'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { HttpCheckSpec } from '../../src/model/check-spec.ts'
import { createHttpProber, describeTarget } from '../../src/probes/http.ts'
import type { HttpProber } from '../../src/probes/http.ts'
import { freePort, startHttpServer, startHttpsServer } from '../../testkit/local-server.ts'
import type { LocalServer } from '../../testkit/local-server.ts'
import { makeTestCa, type TestCa } from '../../testkit/test-ca.ts'

const MiB = 1024 * 1024
const JSON_BODY = JSON.stringify({
  status: { db: 'UP' },
  version: '1',
  replicas: 3,
  ready: true,
  gone: null,
  checks: [{ name: 'db', status: 'UP' }],
})

function check(url: string, overrides: Partial<HttpCheckSpec> = {}): HttpCheckSpec {
  return {
    kind: 'http',
    name: 'backend',
    url,
    method: 'GET',
    headers: {},
    timeoutMs: 10_000,
    followRedirects: false,
    enforce: true,
    limits: { maxConsecutiveFailures: 2, maxFailures: 3, maxConsecutiveErrors: 4, onNoData: 'fail' },
    ...overrides,
  }
}

function redirect(res: ServerResponse, status: number, location: string): void {
  res.writeHead(status, { location }).end('moved')
}

/** `/big` announces 5 MiB, sends 2 MiB, then sends nothing more: only a client that stops reading returns. */
const bigBody = { closed: false, finished: false }

let server: LocalServer
let prober: HttpProber
const hanging = new Set<ServerResponse>()

beforeAll(async () => {
  server = await startHttpServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    switch (url.pathname) {
      case '/json':
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON_BODY)
        return
      case '/text':
        res.writeHead(200).end('hello world')
        return
      case '/unavailable':
        res.writeHead(503).end('down')
        return
      case '/no-content':
        res.writeHead(204).end()
        return
      case '/slow':
        setTimeout(() => res.writeHead(200).end('late'), 600)
        return
      case '/hang':
        hanging.add(res)
        return
      case '/big': {
        const markerAt = Number(url.searchParams.get('marker'))
        const body = Buffer.alloc(5 * MiB, 'a')
        body.write('MARKER', markerAt)
        res.writeHead(200, { 'content-length': String(body.length) })
        bigBody.closed = false
        bigBody.finished = false
        res.write(body.subarray(0, 2 * MiB))
        res.on('close', () => {
          bigBody.finished = res.writableFinished
          bigBody.closed = true
        })
        return
      }
      case '/loop':
        redirect(res, 302, '/loop')
        return
      case '/a/start':
        redirect(res, 302, 'next')
        return
      case '/a/next':
        res.writeHead(200).end('relative ok')
        return
      case '/see-other':
        redirect(res, 303, '/text')
        return
      case '/to':
        redirect(res, 302, url.searchParams.get('location') ?? '/')
        return
      default:
        res.writeHead(404).end()
    }
  })
})

afterAll(async () => {
  await server.close()
})

afterEach(async () => {
  await prober?.close()
  for (const res of hanging) res.destroy()
  hanging.clear()
})

function newProber(options: Parameters<typeof createHttpProber>[0] = {}): HttpProber {
  prober = createHttpProber(options)
  return prober
}

describe('status', () => {
  it('passes on a 200, with the latency as value and the injected start time as at', async () => {
    const m = await newProber({ now: () => new Date('2030-01-02T03:04:05.000Z') }).probe(
      check(`${server.origin}/json`),
    )
    expect(m).toMatchObject({ outcome: 'pass', at: '2030-01-02T03:04:05.000Z' })
    expect(m.reason).toBeUndefined()
    expect(m.value).toBeGreaterThanOrEqual(0)
    expect(server.requests.at(-1)?.headers['user-agent']).toBe('deploy-gate')
  })

  it('breaches on a 503', async () => {
    const m = await newProber().probe(check(`${server.origin}/unavailable`))
    expect(m).toMatchObject({ outcome: 'breach', reason: 'HTTP 503 (expected 2xx)' })
    expect(typeof m.value).toBe('number')
  })

  it('accepts only the listed statuses with expectStatus', async () => {
    const p = newProber()
    expect(await p.probe(check(`${server.origin}/no-content`, { expectStatus: [204] }))).toMatchObject({
      outcome: 'pass',
    })
    expect(await p.probe(check(`${server.origin}/json`, { expectStatus: [204, 205] }))).toMatchObject({
      outcome: 'breach',
      reason: 'HTTP 200 (expected 204 or 205)',
    })
    expect(await p.probe(check(`${server.origin}/unavailable`, { expectStatus: [503] }))).toMatchObject({
      outcome: 'pass',
    })
  })
})

describe('body', () => {
  it('passes when expectBody is in the body and breaches when it is not', async () => {
    const p = newProber()
    const hit = await p.probe(check(`${server.origin}/json`, { expectBody: '"db":"UP"' }))
    expect(hit.outcome).toBe('pass')
    const miss = await p.probe(check(`${server.origin}/text`, { expectBody: '"status":"UP"' }))
    expect(miss).toMatchObject({
      outcome: 'breach',
      reason: 'HTTP 200 but body does not contain "\\"status\\":\\"UP\\""',
    })
  })

  it.each([
    { path: 'status.db', equals: 'UP' },
    { path: 'version', equals: '1' },
    { path: 'replicas', equals: 3 },
    { path: 'ready', equals: true },
    { path: 'gone', equals: null },
    { path: 'checks.0.status', equals: 'UP' },
  ])('passes expectJson $path = $equals', async (expectJson) => {
    expect(await newProber().probe(check(`${server.origin}/json`, { expectJson }))).toMatchObject({
      outcome: 'pass',
    })
  })

  it.each([
    { path: 'status.db', equals: 'DOWN', reason: 'status.db is "UP", expected "DOWN"' },
    { path: 'version', equals: 1, reason: 'version is "1", expected 1' },
    { path: 'replicas', equals: '3', reason: 'replicas is 3, expected "3"' },
    { path: 'ready', equals: 'true', reason: 'ready is true, expected "true"' },
    { path: 'gone', equals: false, reason: 'gone is null, expected false' },
    { path: 'status', equals: 'UP', reason: 'status is an object, expected "UP"' },
    { path: 'status.cache', equals: 'UP', reason: 'status.cache not found in the JSON body' },
    { path: 'checks.5.status', equals: 'UP', reason: 'checks.5.status not found in the JSON body' },
  ])('breaches expectJson $path = $equals', async ({ reason, ...expectJson }) => {
    expect(await newProber().probe(check(`${server.origin}/json`, { expectJson }))).toMatchObject({
      outcome: 'breach',
      reason,
    })
  })

  it('breaches expectJson on a body that is not JSON', async () => {
    const m = await newProber().probe(
      check(`${server.origin}/text`, { expectJson: { path: 'status', equals: 'UP' } }),
    )
    expect(m).toMatchObject({ outcome: 'breach', reason: 'body is not JSON, cannot read status' })
  })

  it('stops reading a big body at 1 MiB and judges what it read', async () => {
    const p = newProber()
    const late = await p.probe(check(`${server.origin}/big?marker=${MiB + 100}`, { expectBody: 'MARKER' }))
    expect(late).toMatchObject({
      outcome: 'breach',
      reason: 'HTTP 200 but body does not contain "MARKER" (body truncated at 1 MiB)',
    })
    await waitFor(() => bigBody.closed)
    expect(bigBody.finished).toBe(false)

    const early = await p.probe(check(`${server.origin}/big?marker=${MiB - 100}`, { expectBody: 'MARKER' }))
    expect(early).toMatchObject({ outcome: 'pass' })
    await waitFor(() => bigBody.closed)
    expect(bigBody.finished).toBe(false)
  })
})

describe('latency and timeouts', () => {
  it('breaches when the latency is above maxLatencyMs', async () => {
    const m = await newProber().probe(check(`${server.origin}/slow`, { maxLatencyMs: 100 }))
    expect(m.outcome).toBe('breach')
    expect(m.reason).toMatch(/^latency \d+ ms > 100 ms$/)
    expect(m.value).toBeGreaterThan(100)
  })

  it('breaches with "timed out" when the server never answers', async () => {
    const m = await newProber().probe(check(`${server.origin}/hang`, { timeoutMs: 300 }))
    expect(m).toEqual({ at: expect.any(String), outcome: 'breach', reason: 'timed out after 300ms' })
  })

  it('breaches with "connection refused" on a closed port', async () => {
    const port = await freePort()
    const m = await newProber().probe(check(`http://127.0.0.1:${port}/health`))
    expect(m).toEqual({ at: expect.any(String), outcome: 'breach', reason: 'connection refused' })
  })

  it('rejects with the reason of the caller signal when it aborts', async () => {
    const controller = new AbortController()
    const pending = newProber().probe(check(`${server.origin}/hang`), controller.signal)
    const reason = new Error('gate stopped')
    setTimeout(() => controller.abort(reason), 50)
    await expect(pending).rejects.toBe(reason)
  })
})

describe('methods', () => {
  it('sends HEAD and POST', async () => {
    const p = newProber()
    expect(await p.probe(check(`${server.origin}/text`, { method: 'HEAD' }))).toMatchObject({
      outcome: 'pass',
    })
    expect(server.requests.at(-1)?.method).toBe('HEAD')
    expect(
      await p.probe(check(`${server.origin}/text`, { method: 'POST', expectBody: 'hello' })),
    ).toMatchObject({
      outcome: 'pass',
    })
    expect(server.requests.at(-1)?.method).toBe('POST')
    expect(server.requests.at(-1)?.headers['content-length']).toBe('0')
  })
})

describe('a connection the server drops before answering', () => {
  it('is retried once for GET and HEAD, not for POST', async () => {
    let dropNext = true
    const flaky = await startHttpServer((req, res) => {
      if (dropNext) {
        dropNext = false
        req.socket.destroy()
      } else {
        res.writeHead(200).end('ok')
      }
    })
    try {
      const p = newProber()
      expect(await p.probe(check(`${flaky.origin}/`))).toMatchObject({ outcome: 'pass' })
      expect(flaky.requests).toHaveLength(2)

      dropNext = true
      expect(await p.probe(check(`${flaky.origin}/`, { method: 'POST' }))).toMatchObject({
        outcome: 'breach',
        reason: expect.stringMatching(/^connection (closed|reset) by the server$/),
      })
      expect(flaky.requests).toHaveLength(3)
    } finally {
      await flaky.close()
    }
  })
})

describe('redirects', () => {
  it('does not follow a redirect by default', async () => {
    const m = await newProber().probe(check(`${server.origin}/to?location=/text`))
    expect(m).toMatchObject({ outcome: 'breach', reason: 'HTTP 302 (expected 2xx)' })
    expect(server.requests.at(-1)?.url).toBe('/to?location=/text')
  })

  it('follows to the same origin, keeping the configured headers', async () => {
    const headers = { Authorization: 'Bearer same-origin-token', 'X-Tenant': 'team-a' }
    const m = await newProber().probe(
      check(`${server.origin}/to?location=/text`, { followRedirects: true, headers, expectBody: 'hello' }),
    )
    expect(m.outcome).toBe('pass')
    const final = server.requests.at(-1)
    expect(final?.url).toBe('/text')
    expect(final?.headers.authorization).toBe('Bearer same-origin-token')
    expect(final?.headers['x-tenant']).toBe('team-a')
  })

  it('resolves a relative Location against the current URL', async () => {
    const m = await newProber().probe(check(`${server.origin}/a/start`, { followRedirects: true }))
    expect(m.outcome).toBe('pass')
    expect(server.requests.at(-1)?.url).toBe('/a/next')
  })

  it('turns a POST into a GET on 303', async () => {
    const m = await newProber().probe(
      check(`${server.origin}/see-other`, { method: 'POST', followRedirects: true }),
    )
    expect(m.outcome).toBe('pass')
    expect(server.requests.at(-1)).toMatchObject({ method: 'GET', url: '/text' })
  })

  it('drops Authorization and every configured header from the first cross-origin hop on', async () => {
    const other = await startHttpServer((req, res) => {
      if (req.url === '/bounce') redirect(res, 302, `${server.origin}/text`)
      else res.writeHead(200).end('hello')
    })
    try {
      const headers = { Authorization: 'Bearer secret-token', 'X-Api-Key': 'key-123456' }
      const p = newProber()
      const direct = await p.probe(
        check(`${server.origin}/to?location=${encodeURIComponent(`${other.origin}/final`)}`, {
          followRedirects: true,
          headers,
        }),
      )
      expect(direct.outcome).toBe('pass')
      expect(other.requests).toHaveLength(1)
      expect(other.requests[0]?.url).toBe('/final')
      expect(other.requests[0]?.headers.authorization).toBeUndefined()
      expect(other.requests[0]?.headers['x-api-key']).toBeUndefined()
      expect(other.requests[0]?.headers['user-agent']).toBe('deploy-gate')

      // Back on the first origin after a detour: still nothing configured is sent.
      const before = server.requests.length
      const detour = await p.probe(
        check(`${server.origin}/to?location=${encodeURIComponent(`${other.origin}/bounce`)}`, {
          followRedirects: true,
          headers,
          expectBody: 'hello',
        }),
      )
      expect(detour.outcome).toBe('pass')
      const [first, back] = server.requests.slice(before)
      expect(first?.headers.authorization).toBe('Bearer secret-token')
      expect(back?.url).toBe('/text')
      expect(back?.headers.authorization).toBeUndefined()
      expect(back?.headers['x-api-key']).toBeUndefined()
    } finally {
      await other.close()
    }
  })

  it('stops a redirect loop after 5 hops with a breach', async () => {
    const before = server.requests.length
    const m = await newProber().probe(check(`${server.origin}/loop`, { followRedirects: true }))
    expect(m).toMatchObject({ outcome: 'breach', reason: 'HTTP 302: too many redirects (more than 5)' })
    expect(server.requests.length - before).toBe(6)
  })
})

describe('HTTPS', () => {
  let tls: TestCa
  let secure: LocalServer

  beforeAll(async () => {
    tls = makeTestCa()
    secure = await startHttpsServer((_req, res) => res.writeHead(200).end('secure'), tls)
  })

  afterAll(async () => {
    await secure.close()
    rmSync(tls.dir, { recursive: true, force: true })
  })

  it('breaches with a TLS reason when the certificate is not trusted', async () => {
    const m = await newProber().probe(check(`${secure.origin}/health`))
    expect(m.outcome).toBe('breach')
    expect(m.reason).toMatch(/^TLS: \S/)
    expect(m.value).toBeUndefined()
  })

  it('passes when the CA is given as caFile', async () => {
    const m = await newProber({ caFile: tls.caFile }).probe(
      check(`${secure.origin}/health`, { expectBody: 'secure' }),
    )
    expect(m).toMatchObject({ outcome: 'pass' })
  })

  it('refuses a caFile that cannot be read or holds no certificate', () => {
    expect(() => createHttpProber({ caFile: '/nonexistent/ca.pem' })).toThrow(/cannot read ca-file/)
    const garbage = join(tls.caFile, '..', 'garbage.pem')
    writeFileSync(garbage, 'not a certificate')
    expect(() => createHttpProber({ caFile: garbage })).toThrow(/holds no PEM certificate/)
  })
})

describe('secrets', () => {
  it('sends URL userinfo as basic auth and never prints it', async () => {
    const p = newProber()
    const m = await p.probe(check(`http://admin:s3cret-pw@127.0.0.1:${server.port}/unavailable`))
    expect(m).toMatchObject({ outcome: 'breach', reason: 'HTTP 503 (expected 2xx)' })
    const auth = server.requests.at(-1)?.headers.authorization
    expect(auth).toBe(`Basic ${Buffer.from('admin:s3cret-pw').toString('base64')}`)

    const port = await freePort()
    const refused = await p.probe(check(`http://admin:s3cret-pw@127.0.0.1:${port}/`))
    expect(refused.reason).toBe('connection refused')
    expect(describeTarget({ url: `http://admin:s3cret-pw@127.0.0.1:${port}/x?y=1` })).toBe(
      `http://127.0.0.1:${port}/x?y=1`,
    )
  })
})

describe('pools', () => {
  // HEAD is left out: undici closes the connection after a HEAD, in case the server sends a body anyway.
  it('reuses one connection per origin across probes, and close() closes it', async () => {
    const own = await startHttpServer((_req, res) => res.writeHead(200).end('ok'))
    try {
      const p = newProber()
      for (let i = 0; i < 4; i++) {
        expect((await p.probe(check(`${own.origin}/a`))).outcome).toBe('pass')
        expect((await p.probe(check(`${own.origin}/b`, { method: 'POST' }))).outcome).toBe('pass')
      }
      expect(own.requests).toHaveLength(8)
      expect(own.connectionCount()).toBe(1)
      expect(own.sockets.size).toBe(1)

      await p.close()
      await waitFor(() => own.sockets.size === 0)
      expect(await p.probe(check(`${own.origin}/a`))).toMatchObject({ outcome: 'error' })
    } finally {
      await own.close()
    }
  })
})

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
