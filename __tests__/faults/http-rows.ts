/**
 * Fault matrix, HTTP-health area: health endpoints that redirect, send too much, never answer, or fail TLS, refuse
 * or reset the connection (SPEC §3.3, §3.7). The app is what is being checked, so each of these is a breach: a check
 * that never passes within `startup-timeout` fails startup (`not healthy within 1s: …`), one that breaks later fails
 * on its limits. Every URL carries the row's password as user info (sent as basic auth, never shown).
 *
 * Already shown through dist elsewhere (not repeated here): a health URL flapping 200/503 fails on max-failures, and
 * one failed sample with max-consecutive-failures 2 stays stable (__tests__/e2e/gate.test.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { expect } from 'vitest'
import {
  baseInputs,
  FAULT_SECRETS,
  reportCheck,
  type FaultRow,
  type Inputs,
  type RowContext,
  type RowExpectation,
} from './matrix-a-table.ts'

const MiB = 1024 * 1024

/** Inputs every HTTP row starts from (the healthy `http-1` unless the row replaces `health-urls`). */
export function httpInputs(ctx: RowContext): Inputs {
  return baseInputs(ctx)
}

/** `url` with the row's user and password as user info. */
function withPassword(url: string): string {
  const parsed = new URL(url)
  parsed.username = FAULT_SECRETS.user
  parsed.password = FAULT_SECRETS.password
  return parsed.toString()
}

/** A startup failure of `check`: the gate ends at once with `failed`. */
function startupFailed(check: string, evidence: string): RowExpectation {
  return {
    exitCode: 1,
    verdict: 'failed',
    failedChecks: check,
    recorded: 'failure',
    errors: [new RegExp(`deploy-gate: ${check} failed not healthy within 1s: ${evidence}`)],
  }
}

/** The password reached the server as basic auth (it was in play, so the leak check means something). */
function basicAuthHeader(): string {
  return `Basic ${Buffer.from(`${FAULT_SECRETS.user}:${FAULT_SECRETS.password}`).toString('base64')}`
}

interface BodyStats {
  written: number
  closedEarly: boolean
  done: Promise<void>
}
const bodies = new Map<string, BodyStats>()

/** 50 MiB of text whose last bytes hold `"status":"UP"`, honouring back-pressure. */
function hugeHealthBody(id: string, res: ServerResponse): void {
  const totalBytes = 50 * MiB
  const marker = Buffer.from('{"status":"UP"}')
  const filler = Buffer.alloc(64 * 1024, 'x')
  let resolveDone!: () => void
  const stats: BodyStats = { written: 0, closedEarly: false, done: new Promise((r) => (resolveDone = r)) }
  bodies.set(id, stats)
  res.on('close', () => {
    stats.closedEarly = !res.writableFinished
    resolveDone()
  })
  res.writeHead(200, { 'content-type': 'text/plain' })
  const pump = (): void => {
    while (stats.written < totalBytes - marker.length && !res.destroyed) {
      const piece = filler.subarray(0, Math.min(filler.length, totalBytes - marker.length - stats.written))
      stats.written += piece.length
      if (!res.write(piece)) {
        res.once('drain', pump)
        return
      }
    }
    if (!res.destroyed) res.end(marker)
  }
  pump()
}

export const httpRows: readonly FaultRow[] = [
  {
    id: 'cross-origin-redirect',
    fault:
      'follow-redirects: true and a 302 to another origin, the check configured with Authorization and X-Api-Key',
    expected:
      'the redirect is followed but the second origin receives neither Authorization nor X-Api-Key; stable, exit 0',
    env: (ctx) => ({ DG_FAULT_PASSWORD: ctx.secrets.password, DG_FAULT_HEADER: ctx.secrets.header }),
    config: (ctx) => `version: 1
http:
  - name: backend
    url: ${ctx.url('/start')}
    follow-redirects: true
    headers:
      Authorization: "Bearer \${DG_FAULT_PASSWORD}"
      X-Api-Key: "\${DG_FAULT_HEADER}"
`,
    serve: (_req, res, { origin, path, ctx }) => {
      if (origin === 'main' && path === '/start') {
        res.writeHead(302, { location: ctx.otherUrl('/landed') }).end()
      } else if (origin === 'other' && path === '/landed') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"UP"}')
      } else res.writeHead(404).end()
    },
    expect: { exitCode: 0, verdict: 'stable', failedChecks: '', errors: [], recorded: 'success' },
    verify: ({ requests }) => {
      const first = requests.filter((r) => r.origin === 'main' && r.path === '/start')
      const second = requests.filter((r) => r.origin === 'other')
      expect(first.length).toBeGreaterThan(0)
      expect(second.length).toBe(first.length)
      for (const r of first) {
        expect(r.headers.authorization).toBe(`Bearer ${FAULT_SECRETS.password}`)
        expect(r.headers['x-api-key']).toBe(FAULT_SECRETS.header)
      }
      for (const r of second) {
        expect(r.path).toBe('/landed')
        expect(r.headers.authorization, 'Authorization sent to another origin').toBeUndefined()
        expect(r.headers['x-api-key'], 'a configured header sent to another origin').toBeUndefined()
        expect(JSON.stringify(r.headers)).not.toContain(FAULT_SECRETS.password)
        expect(JSON.stringify(r.headers)).not.toContain(FAULT_SECRETS.header)
      }
    },
  },
  {
    id: 'redirect-not-followed',
    fault: 'a health-urls URL answering 302 to another origin (health-urls never follow redirects)',
    expected: 'breach "HTTP 302 (expected 2xx)" → startup failed, exit 1, deployment failure',
    inputs: (ctx) => ({ 'health-urls': withPassword(ctx.url('/moved')) }),
    serve: (_req, res, { ctx }) => res.writeHead(302, { location: ctx.otherUrl('/landed') }).end(),
    expect: startupFailed('http-1', 'HTTP 302 \\(expected 2xx\\)'),
    verify: ({ requests }) => {
      expect(requests.filter((r) => r.origin === 'other')).toEqual([])
      expect(requests[0]?.headers.authorization).toBe(basicAuthHeader())
    },
  },
  {
    id: 'body-over-cap',
    fault: 'a 50 MiB health body (healthy at startup), "status":"UP" only at its end',
    expected:
      'read stops at 1 MiB and the connection is dropped; breach "body truncated at 1 MiB" → failed, exit 1',
    config: (ctx) => `version: 1
http:
  - name: big
    url: ${ctx.url('/big')}
    expect-body: '"status":"UP"'
    max-consecutive-failures: 1
`,
    serve: (_req, res, { hit }) => {
      if (hit === 1) res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"UP"}')
      else hugeHealthBody('body-over-cap', res)
    },
    expect: {
      exitCode: 1,
      verdict: 'failed',
      failedChecks: 'big',
      recorded: 'failure',
      errors: [
        /deploy-gate: big failed 1 breach in a row \(max-consecutive-failures 1\): HTTP 200 but body does not contain "\\"status\\":\\"UP\\"" \(body truncated at 1 MiB\)/,
      ],
    },
    verify: async (run) => {
      expect(reportCheck(run, 'big').samples.map((s) => s.outcome)).toEqual(['breach'])
      const stats = bodies.get('body-over-cap')
      expect(stats, 'the 50 MiB body was served').toBeDefined()
      await stats!.done
      expect(stats!.closedEarly, 'the client hung up before the body ended').toBe(true)
      expect(stats!.written).toBeLessThan(30 * MiB)
    },
  },
  {
    id: 'never-answers',
    fault: 'a health endpoint that accepts the request and never answers (timeout: 300ms)',
    expected: 'breach "timed out after 300ms" on every poll → startup failed (not healthy within 1s), exit 1',
    config: (ctx) => `version: 1
http:
  - name: hang
    url: ${ctx.url('/hang')}
    timeout: 300ms
`,
    serve: () => {
      // Never answers; the server drops the connection when the test file ends.
    },
    expect: startupFailed('hang', 'timed out after 300ms'),
    verify: ({ requests }) => expect(requests.filter((r) => r.path === '/hang').length).toBeGreaterThan(0),
  },
  {
    id: 'tls-unknown-ca',
    fault: 'an HTTPS health URL whose certificate comes from an unknown CA',
    expected: 'breach "TLS: …" → startup failed, exit 1, deployment failure',
    inputs: (ctx) => ({ 'health-urls': withPassword(ctx.tlsUrl('/_healthy')) }),
    expect: startupFailed('http-1', 'TLS: '),
    verify: ({ requests }) => expect(requests).toEqual([]),
  },
  {
    id: 'tls-with-ca-file',
    fault: 'the same HTTPS health URL with prometheus.ca-file naming the CA (trusted for health checks too)',
    expected: 'the check passes: stable, exit 0, deployment success',
    inputs: (ctx) => ({ 'health-urls': withPassword(ctx.tlsUrl('/_healthy')) }),
    config: (ctx) => `version: 1\nprometheus:\n  url: ${ctx.url()}\n  ca-file: ${ctx.caFile}\n`,
    expect: { exitCode: 0, verdict: 'stable', failedChecks: '', errors: [], recorded: 'success' },
    verify: (run) => {
      expect(run.requests.some((r) => r.origin === 'tls')).toBe(true)
      expect(reportCheck(run, 'http-1').result).toBe('passed')
    },
  },
  {
    id: 'refused',
    fault: 'a health URL on a port nothing listens on',
    expected: 'breach "connection refused" → startup failed, exit 1, deployment failure',
    inputs: (ctx) => ({ 'health-urls': withPassword(`${ctx.closedUrl}/health`) }),
    expect: startupFailed('http-1', 'connection refused'),
  },
  {
    id: 'dns',
    fault: 'a health URL whose host does not resolve (app.invalid)',
    expected: 'breach "DNS: host not found" → startup failed, exit 1, deployment failure',
    inputs: () => ({ 'health-urls': withPassword('http://app.invalid/health') }),
    expect: startupFailed('http-1', 'DNS: (host not found|temporary failure resolving the host)'),
  },
  {
    id: 'connection-reset',
    fault: 'a server that resets the connection on every request (a GET is retried once)',
    expected: 'breach "connection … by the server" → startup failed, exit 1, deployment failure',
    inputs: (ctx) => ({ 'health-urls': withPassword(ctx.url('/reset')) }),
    serve: (req: IncomingMessage) => req.socket.destroy(),
    expect: startupFailed('http-1', 'connection (reset|closed) by the server'),
    verify: ({ requests }) => {
      // Each startup poll: the request and its one retry.
      expect(requests.length % 2).toBe(0)
      expect(requests.length).toBeGreaterThanOrEqual(2)
    },
  },
]
