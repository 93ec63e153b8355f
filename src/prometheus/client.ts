/**
 * The Prometheus HTTP API client: instant queries (and series look-ups for validate) over undici.
 *
 * Error style: every method resolves with a typed result or REJECTS with a `PrometheusError` (never anything else), so
 * callers write `try { measureSeries((await client.query(q)).series, …) } catch (err) { errorMeasurement(err, at) }`.
 */

import { Agent } from 'undici'
import type { Dispatcher } from 'undici'
import type { PrometheusSettings } from '../model/check-spec.ts'
import { trustedCas } from '../probes/ca.ts'
import { withoutNodeTlsHint } from '../probes/http-failures.ts'
import { parseWebUrl, userinfoOf } from '../model/web-url.ts'
import { formatDuration } from '../report/markdown.ts'
import { redactText } from '../report/redact.ts'
import { PrometheusError } from './errors.ts'
import { decodeAlertsAnswer, type PrometheusAlert } from './alerts.ts'
import { decodeRangeAnswer, type RangeSeries } from './range.ts'
import { decodeNameList, metadataParams } from './metadata.ts'
import { decodeQueryAnswer } from './response.ts'
import type { QueryResult, RawAnswer } from './response.ts'

export type { QueryResult } from './response.ts'

/** Bodies above this are not read further: the query fails with `too-large`. */
export const MAX_RESPONSE_BYTES = 10 * 1024 * 1024

export interface QueryOptions {
  /** Aborts the query (e.g. the gate was cancelled); the query then rejects with kind `aborted`. */
  readonly signal?: AbortSignal
}

/** What the gate needs; tests can hand in a plain object. */
export interface PrometheusClient {
  query(promql: string, opts?: QueryOptions): Promise<QueryResult>
}

export interface RangeOptions extends QueryOptions {
  readonly start: Date
  readonly end: Date
  readonly stepMs: number
}

export interface MetadataOptions extends QueryOptions {
  readonly start: Date
  readonly end: Date
}

export interface HttpPrometheusClient extends PrometheusClient {
  /** `/api/v1/query_range`: one matrix of samples per series (baselines). */
  queryRange(promql: string, opts: RangeOptions): Promise<readonly RangeSeries[]>
  /** `GET /api/v1/alerts`: the alerts the server's rules hold now (the `alerts` check). */
  alerts(opts?: QueryOptions): Promise<readonly PrometheusAlert[]>
  /** Metric names of the series matching `match` in [start, end] (service detection). */
  metricNames(match: string, opts: MetadataOptions): Promise<string[]>
  /** Label names of the series matching `match` in [start, end] (service detection). */
  labelNames(match: string, opts: MetadataOptions): Promise<string[]>
  /** Closes the connection pool the client created for `caFile`; a no-op otherwise. */
  close(): Promise<void>
}

export interface PrometheusClientDeps {
  /** undici dispatcher to send requests through (tests); `caFile` is then ignored. */
  readonly dispatcher?: Dispatcher
}

/**
 * Builds a client for `settings.url` (a base URL with any path prefix; `/api/v1/query` is appended). Throws a plain
 * `Error` when the URL is not http(s) or `caFile` cannot be read: those are configuration errors, found before any
 * query.
 */
export function createPrometheusClient(
  settings: PrometheusSettings,
  deps: PrometheusClientDeps = {},
): HttpPrometheusClient {
  const base = parseBaseUrl(settings.url)
  const headers = buildHeaders(settings, base.userInfo)
  const credentials = credentialsOf(settings, headers)
  const ownAgent = deps.dispatcher === undefined ? agentWithCa(settings.caFile) : undefined
  const dispatcher: Dispatcher = deps.dispatcher ?? ownAgent!
  const timeoutMs = Math.max(1, Math.round(settings.timeoutMs))

  async function post(
    path: string,
    form: URLSearchParams | undefined,
    signal: AbortSignal | undefined,
  ): Promise<RawAnswer> {
    const timeoutSignal = AbortSignal.timeout(timeoutMs)
    const combined = signal === undefined ? timeoutSignal : AbortSignal.any([signal, timeoutSignal])
    let phase: 'connect' | 'read' = 'connect'
    try {
      // The alerts and label-values APIs are GET only (Prometheus, Mimir, vmalert); every query goes as a POST form.
      const url = new URL(`${base.url}${path}`)
      const response = await dispatcher.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: form === undefined ? 'GET' : 'POST',
        headers: form === undefined ? withoutContentType(headers) : headers,
        ...(form === undefined ? {} : { body: form.toString() }),
        signal: combined,
      })
      phase = 'read'
      const body = withoutCredentials(
        await readCapped(response.body, response.headers['content-length']),
        response.statusCode,
        credentials,
      )
      const contentType = response.headers['content-type']
      return {
        status: response.statusCode,
        contentType: typeof contentType === 'string' ? contentType : '',
        body,
      }
    } catch (error) {
      if (error instanceof PrometheusError) throw error
      if (timeoutSignal.aborted) {
        throw new PrometheusError(`Prometheus query timed out after ${formatDuration(timeoutMs)}`, {
          kind: 'timeout',
          cause: error,
        })
      }
      if (signal?.aborted === true)
        throw new PrometheusError('Prometheus query aborted', { kind: 'aborted', cause: error })
      throw new PrometheusError(networkMessage(error, phase), { kind: 'network', cause: error })
    }
  }

  return {
    async query(promql, opts = {}) {
      const form = new URLSearchParams({ query: promql, timeout: formatTimeoutParam(timeoutMs) })
      return decodeQueryAnswer(await post('/api/v1/query', form, opts.signal))
    },
    async queryRange(promql, opts) {
      const form = new URLSearchParams({
        query: promql,
        start: String(opts.start.getTime() / 1000),
        end: String(opts.end.getTime() / 1000),
        step: String(opts.stepMs / 1000),
        timeout: formatTimeoutParam(timeoutMs),
      })
      return decodeRangeAnswer(await post('/api/v1/query_range', form, opts.signal))
    },
    async alerts(opts = {}) {
      return decodeAlertsAnswer(await post('/api/v1/alerts', undefined, opts.signal))
    },
    async metricNames(match, opts) {
      const query = metadataParams(match, opts.start, opts.end)
      return decodeNameList(await post(`/api/v1/label/__name__/values?${query}`, undefined, opts.signal))
    },
    async labelNames(match, opts) {
      const query = metadataParams(match, opts.start, opts.end)
      return decodeNameList(await post(`/api/v1/labels?${query}`, undefined, opts.signal))
    },
    async close() {
      await ownAgent?.close()
    },
  }
}

/**
 * The `timeout` parameter as every Prometheus-compatible server reads it: one unit (`10s`, `1500ms`). Messages for
 * people use `report/markdown.ts formatDuration`.
 */
export function formatTimeoutParam(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`
}

interface BaseUrl {
  /** Without user info and without a trailing slash. */
  readonly url: string
  readonly userInfo?: { readonly username: string; readonly password: string }
}

function parseBaseUrl(text: string): BaseUrl {
  const parsed = parseWebUrl(text)
  if (typeof parsed === 'string') {
    throw new Error(`the Prometheus URL must be a valid http:// or https:// URL (${parsed})`)
  }
  const userInfo = userinfoOf(parsed)
  parsed.username = ''
  parsed.password = ''
  parsed.hash = ''
  const path = parsed.pathname.replace(/\/+$/, '')
  return { url: `${parsed.origin}${path}${parsed.search}`, ...(userInfo === undefined ? {} : { userInfo }) }
}

function buildHeaders(settings: PrometheusSettings, userInfo: BaseUrl['userInfo']): Record<string, string> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': 'application/x-www-form-urlencoded',
    'user-agent': 'deploy-gate',
  }
  for (const [name, value] of Object.entries(settings.headers)) headers[name.toLowerCase()] = value
  const basic = settings.basicAuth ?? userInfo
  if (settings.bearerToken !== undefined && settings.bearerToken !== '') {
    headers.authorization = `Bearer ${settings.bearerToken}`
  } else if (basic !== undefined) {
    headers.authorization = `Basic ${Buffer.from(`${basic.username}:${basic.password}`).toString('base64')}`
  }
  return headers
}

function withoutContentType(headers: Record<string, string>): Record<string, string> {
  const { 'content-type': _dropped, ...rest } = headers
  return rest
}

/** Every credential this client sends: a server that echoes one back must not get it into a message. */
function credentialsOf(settings: PrometheusSettings, headers: Record<string, string>): string[] {
  const sent = [
    settings.bearerToken,
    settings.basicAuth?.password,
    headers.authorization,
    headers.authorization?.replace(/^(Bearer|Basic) /, ''),
    ...Object.values(settings.headers),
  ]
  return sent.filter((s): s is string => s !== undefined && s.length >= 4).sort((a, b) => b.length - a.length)
}

/**
 * Error answers are quoted (shortened) in messages; credentials are removed before any shortening, so no part of one
 * can survive a cut. Successful answers are not scanned: they are never quoted.
 */
function withoutCredentials(body: string, status: number, credentials: readonly string[]): string {
  if (credentials.length === 0 || (status === 200 && body.startsWith('{"status":"success"'))) return body
  return redactText(body, credentials)
}

/** An agent trusting Node's default roots plus the CAs in `caFile`; undefined (undici's global agent) without one. */
/** The client's own connection pool: Node's default CAs, plus `caFile`'s when given. Closed by `close()`. */
/**
 * At most this many connections to the server: a round of thousands of checks queues its queries here instead of
 * opening a connection each (Prometheus refuses connections beyond `--web.max-connections`, 512 by default, and a
 * refused round stalled for seconds in the accuracy replay).
 */
export const MAX_CONNECTIONS = 64

function agentWithCa(caFile: string | undefined): Agent {
  if (caFile === undefined || caFile === '') return new Agent({ connections: MAX_CONNECTIONS })
  return new Agent({ connections: MAX_CONNECTIONS, connect: { ca: trustedCas(caFile) } })
}

async function readCapped(body: Dispatcher.ResponseData['body'], declaredLength: unknown): Promise<string> {
  const tooLarge = (): PrometheusError =>
    new PrometheusError(`Prometheus response over ${MAX_RESPONSE_BYTES / 1024 / 1024} MiB`, {
      kind: 'too-large',
    })
  if (typeof declaredLength === 'string' && Number(declaredLength) > MAX_RESPONSE_BYTES) {
    body.destroy()
    throw tooLarge()
  }
  const chunks: Buffer[] = []
  let totalBytes = 0
  try {
    for await (const chunk of body) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array)
      totalBytes += buffer.length
      if (totalBytes > MAX_RESPONSE_BYTES) throw tooLarge()
      chunks.push(buffer)
    }
  } finally {
    // Leaving the loop early (too large, abort) must close the connection, not drain the rest of the body.
    if (!body.readableEnded) body.destroy()
  }
  return Buffer.concat(chunks).toString('utf8')
}

const TLS_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
])

function networkMessage(error: unknown, phase: 'connect' | 'read'): string {
  const code = errorCode(error)
  const detail = describeCause(error)
  if (code !== undefined && TLS_CODES.has(code)) {
    const what = withoutNodeTlsHint(detail)
    return `Prometheus TLS certificate not accepted: ${what} (set prometheus.ca-file to the CA that signed it)`
  }
  if (phase === 'read') return `Prometheus connection lost while reading the answer: ${detail}`
  return `Prometheus unreachable: ${detail}`
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string') return code
  const cause = (error as { cause?: unknown }).cause
  return cause === undefined || cause === error ? undefined : errorCode(cause)
}

/** Node's message, or for an AggregateError (IPv4 and IPv6 both refused) its first inner error's. */
function describeCause(error: unknown): string {
  if (error instanceof AggregateError && error.message === '' && error.errors[0] !== undefined) {
    return describeCause(error.errors[0])
  }
  if (error instanceof Error) return error.message === '' ? (errorCode(error) ?? error.name) : error.message
  return String(error)
}
