/**
 * Fault matrix, Prometheus area: a Prometheus (or a proxy in front of it) that is down, unreachable, refuses TLS or
 * credentials, answers garbage, too much, too late, or a result the gate cannot use (SPEC §3.3). The gate measures the
 * `memory` built-in (host-selector, cpu and disk off) next to a healthy `http-1`; every query goes to the row's
 * handler on the fault servers. A measurement that could not be taken is an `error` → `inconclusive` at
 * `max-consecutive-errors` or at the window's end; NaN/±Inf and empty results are `no-data` → as `on-no-data` says.
 *
 * Already shown through dist elsewhere (not repeated here): a closed port with max-consecutive-errors 2 and a
 * selector matching nothing → failed, against a real Prometheus (__tests__/e2e/gate.test.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { expect } from 'vitest'
import {
  baseInputs,
  FAULT_SECRETS,
  reportCheck,
  sendJson,
  vectorAnswer,
  type FaultRow,
  type Inputs,
  type RowContext,
  type RowExpectation,
  type RowRun,
} from './matrix-a-table.ts'

const HOST = 'job="node"'
const MiB = 1024 * 1024

/** Inputs every Prometheus row starts from: the `memory` check only, next to the healthy `http-1`. */
export function prometheusInputs(ctx: RowContext): Inputs {
  return { ...baseInputs(ctx), 'host-selector': HOST, 'cpu-max': 'off', 'disk-max': 'off' }
}

const INCONCLUSIVE: Omit<RowExpectation, 'errors'> = {
  exitCode: 1,
  verdict: 'inconclusive',
  failedChecks: 'memory',
  recorded: 'error',
}
const FAILED: Omit<RowExpectation, 'errors'> = {
  exitCode: 1,
  verdict: 'failed',
  failedChecks: 'memory',
  recorded: 'failure',
}
const STABLE: RowExpectation = {
  exitCode: 0,
  verdict: 'stable',
  failedChecks: '',
  errors: [],
  recorded: 'success',
}

/** `memory inconclusive` with `reason` (as a regular expression source). */
function inconclusive(reason: string): RegExp {
  return new RegExp(`deploy-gate: memory inconclusive .*${reason}`)
}

/** The queries the row's handler received carried the token and the tenant header. */
function sentCredentials({ requests }: RowRun): void {
  const queries = requests.filter((r) => r.path === '/api/v1/query')
  expect(queries.length).toBeGreaterThan(0)
  for (const q of queries) {
    expect(q.headers.authorization).toBe(`Bearer ${FAULT_SECRETS.token}`)
    expect(q.headers['x-scope-orgid']).toBe(FAULT_SECRETS.header)
  }
}

/** Outcomes of the memory check's samples, in order. */
function outcomes(run: RowRun): string[] {
  return reportCheck(run, 'memory').samples.map((s) => s.outcome)
}

/** Bytes a streaming handler handed to the socket, and whether the client closed before the body ended. */
interface StreamStats {
  written: number
  closedEarly: boolean
  done: Promise<void>
}
const streams = new Map<string, StreamStats>()

/**
 * Streams a 50 MiB JSON-looking body in 64 KiB chunks, honouring back-pressure, so the bytes written show how much the
 * client actually took before it hung up. With `declare`, the length is announced in `Content-Length`.
 */
function hugeBody(id: string, declare: boolean) {
  return (_req: IncomingMessage, res: ServerResponse): void => {
    const totalBytes = 50 * MiB
    const chunk = Buffer.alloc(64 * 1024, '{"metric":{"instance":"web-1:9100"},"value":[1700000000,"42"]},')
    const head = Buffer.from('{"status":"success","data":{"resultType":"vector","result":[')
    let resolveDone!: () => void
    const stats: StreamStats = {
      written: 0,
      closedEarly: false,
      done: new Promise<void>((resolve) => (resolveDone = resolve)),
    }
    streams.set(id, stats)
    res.on('close', () => {
      stats.closedEarly = !res.writableFinished
      resolveDone()
    })
    res.writeHead(200, {
      'content-type': 'application/json',
      ...(declare ? { 'content-length': String(totalBytes) } : {}),
    })
    res.write(head)
    stats.written = head.length
    const pump = (): void => {
      while (stats.written < totalBytes && !res.destroyed) {
        const piece = chunk.subarray(0, Math.min(chunk.length, totalBytes - stats.written))
        stats.written += piece.length
        if (!res.write(piece)) {
          res.once('drain', pump)
          return
        }
      }
      if (!res.destroyed) res.end()
    }
    pump()
  }
}

async function cappedNotReadWhole(id: string): Promise<void> {
  const stats = streams.get(id)
  expect(stats, 'the 50 MiB handler was called').toBeDefined()
  await stats!.done
  expect(stats!.closedEarly, 'the client hung up before the body ended').toBe(true)
  // 10 MiB read, plus what socket buffers held: far from the 50 MiB on offer.
  expect(stats!.written).toBeLessThan(30 * MiB)
}

export const prometheusRows: readonly FaultRow[] = [
  {
    id: 'refused',
    fault: 'connection refused (nothing listens on the Prometheus port)',
    expected: 'error measurements → inconclusive at max-consecutive-errors 2, exit 1, deployment error',
    inputs: (ctx) => ({
      'prometheus-url': ctx.closedUrl,
      duration: '500ms',
      interval: '500ms',
      'max-consecutive-errors': 2,
    }),
    expect: {
      ...INCONCLUSIVE,
      errors: [
        inconclusive(
          '2 errors in a row \\(max-consecutive-errors 2\\): Prometheus unreachable: .*ECONNREFUSED',
        ),
      ],
    },
    verify: (run) => expect(outcomes(run)).toEqual(['error', 'error']),
  },
  {
    id: 'dns',
    fault: 'DNS failure (prometheus.invalid)',
    expected: 'an error measurement → inconclusive at the window end, exit 1, deployment error',
    inputs: () => ({ 'prometheus-url': 'http://prometheus.invalid:9090' }),
    expect: {
      ...INCONCLUSIVE,
      errors: [
        inconclusive(
          'last measurement could not be taken: Prometheus unreachable: getaddrinfo (ENOTFOUND|EAI_AGAIN) prometheus\\.invalid',
        ),
      ],
    },
  },
  {
    id: 'tls-unknown-ca',
    fault: 'HTTPS with a certificate of an unknown CA (a real self-signed CA on 127.0.0.1)',
    expected: 'error "TLS certificate not accepted … set prometheus.ca-file" → inconclusive',
    inputs: (ctx) => ({ 'prometheus-url': ctx.tlsUrl() }),
    serve: (_req, res) => sendJson(res, 200, vectorAnswer(['40'])),
    expect: {
      ...INCONCLUSIVE,
      errors: [
        inconclusive(
          'Prometheus TLS certificate not accepted: [^;]+ \\(set prometheus\\.ca-file to the CA that signed it\\)',
        ),
      ],
    },
    verify: ({ requests }) => {
      // The handshake failed: no HTTP request reached the server.
      expect(requests.filter((r) => r.origin === 'tls')).toEqual([])
    },
  },
  {
    id: 'tls-with-ca-file',
    fault: 'the same HTTPS Prometheus with prometheus.ca-file naming its CA',
    expected: 'queries succeed: stable, exit 0, deployment success',
    inputs: () => ({ 'prometheus-url': '' }),
    config: (ctx) => `version: 1\nprometheus:\n  url: ${ctx.tlsUrl()}\n  ca-file: ${ctx.caFile}\n`,
    serve: (_req, res) => sendJson(res, 200, vectorAnswer(['40'])),
    expect: STABLE,
    verify: (run) => {
      expect(run.requests.some((r) => r.origin === 'tls' && r.path === '/api/v1/query')).toBe(true)
      sentCredentials(run)
      expect(reportCheck(run, 'memory').samples[0]?.value).toBe(40)
    },
  },
  {
    id: 'http-401',
    fault: '401 from an auth proxy, its text body echoing the Authorization header',
    expected: 'error "HTTP 401 … (check the Prometheus credentials)", the token redacted → inconclusive',
    inputs: () => ({ 'max-consecutive-errors': 1 }),
    serve: (req, res) => {
      res
        .writeHead(401, { 'content-type': 'text/plain' })
        .end(`Unauthorized: ${req.headers.authorization} rejected\n`)
    },
    expect: {
      ...INCONCLUSIVE,
      errors: [
        inconclusive(
          '1 error in a row \\(max-consecutive-errors 1\\): Prometheus answered HTTP 401: Unauthorized: \\*\\*\\* rejected \\(check the Prometheus credentials\\)',
        ),
      ],
    },
    verify: sentCredentials,
  },
  {
    id: 'redirect-to-login',
    fault: 'a 302 from an SSO proxy to a login page on another origin',
    expected: 'not followed (the token never leaves for the other origin): error "HTTP 302" → inconclusive',
    serve: (_req, res, { origin, ctx }) => {
      if (origin === 'main') res.writeHead(302, { location: ctx.otherUrl('/login') }).end()
      else res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Sign in</body></html>')
    },
    expect: { ...INCONCLUSIVE, errors: [inconclusive('Prometheus answered .*\\(HTTP 302\\)')] },
    verify: (run) => {
      expect(run.requests.filter((r) => r.origin === 'other')).toEqual([])
      sentCredentials(run)
    },
  },
  {
    id: 'http-404-text',
    fault: '404 with a text body (wrong path prefix)',
    expected:
      'error "HTTP 404: 404 page not found (check the Prometheus URL and its path prefix)" → inconclusive',
    serve: (_req, res) => res.writeHead(404, { 'content-type': 'text/plain' }).end('404 page not found\n'),
    expect: {
      ...INCONCLUSIVE,
      errors: [
        inconclusive('HTTP 404: 404 page not found \\(check the Prometheus URL and its path prefix\\)'),
      ],
    },
  },
  {
    id: 'http-500-html',
    fault: '500 with an HTML page from a proxy',
    expected: 'error "answered with HTML, not JSON (HTTP 500)" (no HTML in the message) → inconclusive',
    serve: (_req, res) =>
      res
        .writeHead(500, { 'content-type': 'text/html' })
        .end(
          '<html>\r\n<head><title>500 Internal Server Error</title></head>\r\n<body>\r\n<center><h1>500 Internal Server Error</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n',
        ),
    expect: {
      ...INCONCLUSIVE,
      errors: [inconclusive('Prometheus answered with HTML, not JSON \\(HTTP 500\\)$')],
    },
    verify: ({ result }) => expect(result.stdout).not.toContain('<html>'),
  },
  {
    id: 'http-503-timeout',
    fault: "503 with Prometheus' own error body, errorType timeout",
    expected: 'error "HTTP 503 timeout: query timed out in expression evaluation" → inconclusive',
    serve: (_req, res) =>
      sendJson(res, 503, {
        status: 'error',
        errorType: 'timeout',
        error: 'query timed out in expression evaluation',
      }),
    expect: {
      ...INCONCLUSIVE,
      errors: [
        inconclusive('Prometheus answered HTTP 503 timeout: query timed out in expression evaluation'),
      ],
    },
  },
  {
    id: 'slow',
    fault: 'a server slower than prometheus.timeout (300ms): it never answers',
    expected: 'error "Prometheus query timed out after 300ms" → inconclusive',
    config: (ctx) => `version: 1\nprometheus:\n  url: ${ctx.url()}\n  timeout: 300ms\n`,
    serve: () => {
      // Never answers; the server closes the connection when the test file ends.
    },
    expect: { ...INCONCLUSIVE, errors: [inconclusive('Prometheus query timed out after 300ms')] },
  },
  {
    id: 'truncated-json',
    fault: 'a truncated JSON body (complete HTTP answer, JSON cut off)',
    expected: 'error "answered with invalid JSON (HTTP 200)" → inconclusive',
    serve: (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end('{"status":"success","data":{"resultType":"vector","result":[{"metric":{"instance":"web-1:9'),
    expect: {
      ...INCONCLUSIVE,
      errors: [inconclusive('Prometheus answered with invalid JSON \\(HTTP 200\\)')],
    },
  },
  {
    id: 'connection-lost-mid-body',
    fault: 'the connection closes halfway through the body (Content-Length not reached)',
    expected: 'error "connection lost while reading the answer" → inconclusive',
    serve: (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '4096' })
      res.write('{"status":"success","data":{"resultType":"vector","result":[', () => res.destroy())
    },
    expect: {
      ...INCONCLUSIVE,
      errors: [inconclusive('Prometheus connection lost while reading the answer')],
    },
  },
  {
    id: 'body-50mib-streamed',
    fault: 'a 50 MiB body, streamed without Content-Length',
    expected: 'error "response over 10 MiB"; the client stops reading and hangs up early → inconclusive',
    serve: hugeBody('body-50mib-streamed', false),
    expect: { ...INCONCLUSIVE, errors: [inconclusive('Prometheus response over 10 MiB')] },
    verify: () => cappedNotReadWhole('body-50mib-streamed'),
  },
  {
    id: 'body-50mib-declared',
    fault: 'a 50 MiB body announced in Content-Length',
    expected: 'error "response over 10 MiB" without reading the body → inconclusive',
    serve: hugeBody('body-50mib-declared', true),
    expect: { ...INCONCLUSIVE, errors: [inconclusive('Prometheus response over 10 MiB')] },
    verify: () => cappedNotReadWhole('body-50mib-declared'),
  },
  {
    id: 'status-error',
    fault: '"status": "error" (HTTP 400 bad_data), its message quoting the tenant header value',
    expected: 'error "HTTP 400 bad_data: …" with the header value redacted → inconclusive',
    serve: (req, res) =>
      sendJson(res, 400, {
        status: 'error',
        errorType: 'bad_data',
        error: `tenant ${String(req.headers['x-scope-orgid'])}: invalid parameter "query": 1:1: parse error`,
      }),
    expect: {
      ...INCONCLUSIVE,
      errors: [
        inconclusive('Prometheus answered HTTP 400 bad_data: tenant \\*\\*\\*: invalid parameter "query"'),
      ],
    },
    verify: sentCredentials,
  },
  {
    id: 'warnings',
    fault: '"warnings" next to a passing result (one quoting the tenant header value)',
    expected: 'stable; the warnings are in the JSON report (header value redacted), exit 0',
    serve: (req, res) =>
      sendJson(
        res,
        200,
        vectorAnswer(['40'], {
          warnings: [
            `partial response: store-gateway-2 of tenant ${String(req.headers['x-scope-orgid'])} unavailable`,
          ],
        }),
      ),
    expect: STABLE,
    verify: (run) => {
      const [sample] = reportCheck(run, 'memory').samples
      expect(sample?.warnings).toEqual(['partial response: store-gateway-2 of tenant *** unavailable'])
    },
  },
  {
    id: 'matrix-result',
    fault: 'a range-vector (matrix) result where an instant vector was expected',
    expected:
      'error "returned a matrix result; the query must return an instant vector or a scalar" → inconclusive',
    serve: (_req, res) =>
      sendJson(res, 200, {
        status: 'success',
        data: { resultType: 'matrix', result: [{ metric: { instance: 'web-1:9100' }, values: [[1, '40']] }] },
      }),
    expect: {
      ...INCONCLUSIVE,
      errors: [
        inconclusive(
          'Prometheus returned a matrix result; the query must return an instant vector or a scalar',
        ),
      ],
    },
  },
  {
    id: 'nan',
    fault: 'the only series is "NaN" (on-no-data: fail, the default)',
    expected:
      'no-data counted as a breach → failed at max-consecutive-failures 1, exit 1, deployment failure',
    inputs: () => ({ 'max-consecutive-failures': 1 }),
    serve: (_req, res) => sendJson(res, 200, vectorAnswer(['NaN'])),
    expect: {
      ...FAILED,
      errors: [/deploy-gate: memory failed .*the only series is NaN on instance="web-1:9100"/],
    },
    verify: (run) => expect(outcomes(run)).toEqual(['no-data']),
  },
  {
    id: 'plus-inf',
    fault: 'the only series is "+Inf" (on-no-data: pass)',
    expected: 'no-data counted as a pass → stable, exit 0',
    inputs: () => ({ 'on-no-data': 'pass' }),
    serve: (_req, res) => sendJson(res, 200, vectorAnswer(['+Inf'])),
    expect: STABLE,
    verify: (run) => expect(outcomes(run)).toEqual(['no-data']),
  },
  {
    id: 'minus-inf',
    fault: 'every series is "-Inf" (on-no-data: inconclusive)',
    expected: 'no-data counted as an error → inconclusive, exit 1, deployment error',
    inputs: () => ({ 'on-no-data': 'inconclusive' }),
    serve: (_req, res) => sendJson(res, 200, vectorAnswer(['-Inf', '-Inf'])),
    expect: { ...INCONCLUSIVE, errors: [inconclusive('all 2 series are NaN or ±Inf')] },
  },
  {
    id: 'nan-among-real-values',
    fault: 'one series NaN (a 0-byte mount), the other a real value below max',
    expected: 'the NaN series is left out, named in the summary and the report; the real one passes → stable',
    serve: (_req, res) => sendJson(res, 200, vectorAnswer(['NaN', '40'])),
    expect: STABLE,
    verify: (run) => {
      expect(outcomes(run)).toEqual(['pass'])
      const [sample] = reportCheck(run, 'memory').samples
      expect(sample?.ignoredSeries).toEqual([
        { labels: { instance: 'web-1:9100', job: 'node' }, value: 'NaN' },
      ])
      expect(run.result.summary).toContain(
        'Left out as NaN/±Inf (not compared): `{instance="web-1:9100", job="node"}`',
      )
    },
  },
  {
    id: 'empty-vector',
    fault: 'an empty vector (on-no-data: inconclusive)',
    expected: 'no-data "no series matched" counted as an error → inconclusive',
    inputs: () => ({ 'on-no-data': 'inconclusive' }),
    serve: (_req, res) => sendJson(res, 200, vectorAnswer([])),
    expect: { ...INCONCLUSIVE, errors: [inconclusive('no series matched')] },
  },
  {
    id: 'secret-in-evidence-not-failing',
    fault:
      'the only series is "NaN" and names the tenant header value (on-no-data: inconclusive, fail-on-inconclusive: false)',
    expected:
      'inconclusive, exit 0, deployment error; the fail-on-inconclusive warning quotes the evidence with the secret redacted',
    inputs: () => ({ 'on-no-data': 'inconclusive', 'fail-on-inconclusive': false }),
    serve: (_req, res) => {
      const at = Math.floor(Date.now() / 1000)
      const metric = { instance: 'web-1:9100', tenant: FAULT_SECRETS.header }
      sendJson(res, 200, {
        status: 'success',
        data: { resultType: 'vector', result: [{ metric, value: [at, 'NaN'] }] },
      })
    },
    expect: { exitCode: 0, verdict: 'inconclusive', failedChecks: 'memory', errors: [], recorded: 'error' },
    verify: ({ result }) => {
      const warning = result.annotations.find(
        (a) => a.level === 'warning' && /fail-on-inconclusive/.test(a.message),
      )
      expect(warning?.message).toMatch(/the only series is NaN on instance="web-1:9100",tenant="\*\*\*"/)
    },
  },
  {
    id: 'flapping',
    fault: 'a value that flaps every sample: 85 %, 40 %, 85 % … (max 80)',
    expected:
      'breach, pass, breach → failed by max-failures 2 (never 2 in a row), exit 1, deployment failure',
    inputs: () => ({
      duration: '1500ms',
      interval: '500ms',
      'max-failures': 2,
      'max-consecutive-failures': 2,
    }),
    serve: (_req, res, { hit }) => sendJson(res, 200, vectorAnswer([hit % 2 === 1 ? '85' : '40'])),
    expect: {
      ...FAILED,
      errors: [/deploy-gate: memory failed 2 breaches in the window \(max-failures 2\): 85% > 80%/],
    },
    verify: (run) => {
      expect(outcomes(run)).toEqual(['breach', 'pass', 'breach'])
      const description = run.fake.state.deployments[0]!.statuses.at(-1)!.description
      expect(description).toMatch(/^failed: memory 85% > 80%/)
    },
  },
  {
    id: 'not-a-number',
    fault: 'a sample value that is not a number ("4O", a letter O)',
    expected: 'error "unexpected result: sample value \\"4O\\" is not a number" → inconclusive',
    serve: (_req, res) => sendJson(res, 200, vectorAnswer(['4O'])),
    expect: {
      ...INCONCLUSIVE,
      errors: [
        inconclusive('Prometheus answered with an unexpected result: sample value "4O" is not a number'),
      ],
    },
  },
]
