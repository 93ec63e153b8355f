/**
 * One HTTP health check → one Measurement (SPEC §3), on undici: one keep-alive pool per origin, so the sample rounds
 * of a gate reuse their connections; the check's timeout covers the whole exchange (connect, headers, body and any
 * redirects); the body is read up to 1 MiB. Connection, TLS and DNS failures are breaches — the app is what is being
 * checked; only a bug of ours gives an `error`.
 */

import { setImmediate as nextLoopTurn } from 'node:timers/promises'
import { Pool } from 'undici'
import type { Dispatcher } from 'undici'
import { formatConfigDuration } from '../config/duration.ts'
import type { HttpCheckSpec } from '../model/check-spec.ts'
import type { Measurement } from '../model/gate-result.ts'
import { trustedCas } from './ca.ts'
import { STALE_CONNECTION_CODES, describeFailure, errorCode } from './http-failures.ts'
import { BODY_CAP_BYTES, judgeResponse } from './http-judge.ts'
import type { HttpResponseSummary } from './http-judge.ts'
import { decideRedirect, firstHop } from './redirects.ts'
import type { Hop } from './redirects.ts'
import { parseWebUrl, userinfoOf } from '../model/web-url.ts'
import { redactText, withoutUserinfo } from '../report/redact.ts'

export interface HttpProberOptions {
  /** PEM file with extra trusted CAs, added to Node's default roots. There is no way to skip verification. */
  readonly caFile?: string
  /** Clock for `Measurement.at`; latency is measured on the monotonic clock. */
  readonly now?: () => Date
}

export interface HttpProber {
  /**
   * Runs the check once. Resolves with a Measurement whatever the target does; rejects only when `signal` aborts
   * (with its reason), since an aborted measurement measured nothing.
   */
  probe(spec: HttpCheckSpec, signal?: AbortSignal): Promise<Measurement>
  /** Closes every pool (and its keep-alive connections). */
  close(): Promise<void>
}

const USER_AGENT = 'deploy-gate'
/** Idle keep-alive connections live this long unless the server's `Keep-Alive` hint is shorter. */
const KEEP_ALIVE_TIMEOUT_MS = 30_000
/** A redirect's own body is drained up to this size so its connection can be reused, else the socket is dropped. */
const REDIRECT_DRAIN_LIMIT_BYTES = 64 * 1024

type Exchange =
  | { readonly kind: 'response'; readonly response: HttpResponseSummary }
  | { readonly kind: 'stop'; readonly reason: string; readonly latencyMs: number }

/** Throws when `caFile` cannot be read or holds no certificate: a configuration problem, found before any request. */
export function createHttpProber(options: HttpProberOptions = {}): HttpProber {
  const now = options.now ?? (() => new Date())
  const ca = options.caFile === undefined ? undefined : trustedCas(options.caFile)
  const pools = new Map<string, Pool>()
  let closed = false

  function poolFor(origin: string): Pool {
    let pool = pools.get(origin)
    if (pool === undefined) {
      pool = new Pool(origin, {
        // No separate connect, headers or body timeouts: the check's own deadline covers the whole exchange.
        connect: ca === undefined ? { timeout: 0 } : { timeout: 0, ca },
        headersTimeout: 0,
        bodyTimeout: 0,
        keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
      })
      pools.set(origin, pool)
    }
    return pool
  }

  /** One request; a GET or HEAD that fails on a connection the server just closed is sent once more. */
  async function send(spec: HttpCheckSpec, hop: Hop, signal: AbortSignal): Promise<Dispatcher.ResponseData> {
    const pool = poolFor(hop.url.origin)
    const request: Dispatcher.RequestOptions = {
      path: `${hop.url.pathname}${hop.url.search}`,
      method: hop.method,
      headers: requestHeaders(spec, hop),
      signal,
    }
    try {
      return await pool.request(request)
    } catch (err) {
      const code = errorCode(err)
      const retryable = hop.method !== 'POST' && code !== undefined && STALE_CONNECTION_CODES.has(code)
      if (!retryable || signal.aborted) throw err
      return await pool.request(request)
    }
  }

  async function exchange(spec: HttpCheckSpec, target: URL, signal: AbortSignal): Promise<Exchange> {
    const startMs = performance.now()
    const elapsedMs = (): number => Math.round(performance.now() - startMs)
    let hop = firstHop(target, spec.method)
    for (;;) {
      const { statusCode, headers, body } = await send(spec, hop, signal)
      const decision = spec.followRedirects
        ? decideRedirect(hop, statusCode, headerValue(headers.location))
        : ({ kind: 'final' } as const)
      if (decision.kind === 'final') {
        const { bytes, truncated } = await readCapped(body, BODY_CAP_BYTES)
        const latencyMs = elapsedMs()
        // undici hands a kept-alive connection back to the pool one event-loop turn after the response ended;
        // waiting for it lets the next probe of this origin reuse the connection instead of opening another.
        await nextLoopTurn()
        const text = new TextDecoder().decode(bytes)
        return {
          kind: 'response',
          response: { status: statusCode, body: text, bodyTruncated: truncated, latencyMs },
        }
      }
      await body.dump({ limit: REDIRECT_DRAIN_LIMIT_BYTES, signal })
      if (decision.kind === 'stop') return { kind: 'stop', reason: decision.reason, latencyMs: elapsedMs() }
      hop = decision.hop
    }
  }

  async function probe(spec: HttpCheckSpec, signal?: AbortSignal): Promise<Measurement> {
    signal?.throwIfAborted()
    const at = now().toISOString()
    if (closed) return { at, outcome: 'error', reason: 'HTTP prober is closed' }
    const target = parseWebUrl(spec.url)
    if (typeof target === 'string') return { at, outcome: 'error', reason: target }

    const deadline = new AbortController()
    const timer = setTimeout(() => deadline.abort(new Error('check timeout')), spec.timeoutMs)
    const requestSignal = signal === undefined ? deadline.signal : AbortSignal.any([signal, deadline.signal])
    try {
      const result = await exchange(spec, target, requestSignal)
      if (result.kind === 'stop') {
        return { at, outcome: 'breach', value: result.latencyMs, reason: result.reason }
      }
      const judgement = judgeResponse(spec, result.response)
      const value = result.response.latencyMs
      return judgement.outcome === 'pass'
        ? { at, outcome: 'pass', value }
        : { at, outcome: 'breach', value, reason: judgement.reason }
    } catch (err) {
      if (signal?.aborted) throw signal.reason
      if (deadline.signal.aborted) {
        return { at, outcome: 'breach', reason: `timed out after ${formatConfigDuration(spec.timeoutMs)}` }
      }
      const failure = describeFailure(err)
      const reason = redactText(failure.reason, secretsOf(spec, target))
      return { at, outcome: failure.internal ? 'error' : 'breach', reason }
    } finally {
      clearTimeout(timer)
    }
  }

  async function close(): Promise<void> {
    closed = true
    const open = [...pools.values()]
    pools.clear()
    await Promise.all(open.map((pool) => pool.close()))
  }

  return { probe, close }
}

/** The check's URL without userinfo, for reports and logs. */
export function describeTarget(spec: Pick<HttpCheckSpec, 'url'>): string {
  return withoutUserinfo(spec.url)
}

/**
 * `user-agent`, then — unless the exchange has left the check's origin — credentials from the URL's userinfo as
 * basic auth and the configured headers (which win, names compared case-insensitively).
 */
function requestHeaders(spec: HttpCheckSpec, hop: Hop): Record<string, string> {
  const headers: Record<string, string> = { 'user-agent': USER_AGENT }
  if (!hop.sendConfiguredHeaders) return headers
  const basicAuth = basicAuthOf(new URL(spec.url))
  if (basicAuth !== undefined) headers.authorization = basicAuth
  for (const [name, value] of Object.entries(spec.headers)) headers[name.toLowerCase()] = value
  return headers
}

function basicAuthOf(url: URL): string | undefined {
  const userinfo = userinfoOf(url)
  if (userinfo === undefined) return undefined
  return `Basic ${Buffer.from(`${userinfo.username}:${userinfo.password}`).toString('base64')}`
}

/**
 * Everything that must never appear in a reason built from an outside error message: header values and credentials.
 * Values shorter than 4 characters are left out: masking `1` or `on` would mangle the text around them.
 */
function secretsOf(spec: HttpCheckSpec, target: URL): string[] {
  const secrets = Object.values(spec.headers)
  const userinfo = userinfoOf(target)
  // As written in the URL and as sent (percent-decoded): an echo may show either.
  if (userinfo) secrets.push(target.username, target.password, userinfo.username, userinfo.password)
  const basicAuth = basicAuthOf(target)
  if (basicAuth !== undefined) secrets.push(basicAuth)
  return secrets.filter((secret) => secret.length >= 4)
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

/** Reads at most `capBytes`; past the cap it stops reading and drops the connection instead of draining it. */
async function readCapped(
  body: AsyncIterable<unknown>,
  capBytes: number,
): Promise<{ bytes: Buffer; truncated: boolean }> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of body) {
    const buffer = chunk as Buffer
    if (size + buffer.length > capBytes) {
      chunks.push(buffer.subarray(0, capBytes - size))
      return { bytes: Buffer.concat(chunks), truncated: true }
    }
    chunks.push(buffer)
    size += buffer.length
  }
  return { bytes: Buffer.concat(chunks), truncated: false }
}
