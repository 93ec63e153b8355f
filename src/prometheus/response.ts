/** Pure decoding of Prometheus HTTP API answers (`/api/v1/query`, `/api/v1/series`) into typed results or errors. */

import type { SeriesValue } from '../model/gate-result.ts'
import { PrometheusError } from './errors.ts'
import { shorten } from '../report/markdown.ts'

/** A successful instant query. A scalar result is one series with empty labels. */
export interface QueryResult {
  readonly resultType: 'vector' | 'scalar'
  readonly series: readonly SeriesValue[]
  /** Warnings Prometheus returned with the result (e.g. from a remote-read or a partial response). */
  readonly warnings: readonly string[]
}

/** One HTTP answer, body already read (and capped) by the client. */
export interface RawAnswer {
  readonly status: number
  readonly contentType: string
  readonly body: string
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/**
 * Parses a sample value as Prometheus writes it. Go's `FormatFloat` gives `NaN`, `+Inf` and `-Inf`, which `Number()`
 * does not read (`Number('+Inf')` is NaN), so they are mapped explicitly; anything that is not a plain decimal number
 * is an `unexpected-result` error rather than a silent NaN.
 */
export function parseSampleValue(text: string): number {
  switch (text) {
    case 'NaN':
      return Number.NaN
    case '+Inf':
    case 'Inf':
      return Number.POSITIVE_INFINITY
    case '-Inf':
      return Number.NEGATIVE_INFINITY
  }
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) {
    const value = Number(text)
    if (Number.isFinite(value)) return value
  }
  throw unexpected(`sample value ${JSON.stringify(shorten(text, 40))} is not a number`)
}

/** Decodes an `/api/v1/query` answer; throws `PrometheusError` for anything but a vector or scalar result. */
export function decodeQueryAnswer(answer: RawAnswer): QueryResult {
  const data = decodeEnvelope(answer)
  const { value: payload, warnings } = data
  if (!isObject(payload)) throw unexpected('"data" is not an object')
  const resultType = payload.resultType
  const result = payload.result
  switch (resultType) {
    case 'vector':
      if (!Array.isArray(result)) throw unexpected('vector "result" is not an array')
      return { resultType, series: result.map(decodeVectorSample), warnings }
    case 'scalar':
      return { resultType, series: [{ labels: {}, value: decodeSamplePair(result ?? null) }], warnings }
    case 'matrix':
    case 'string':
      throw unexpected(
        `Prometheus returned a ${resultType} result; the query must return an instant vector or a scalar`,
        true,
      )
    default:
      throw unexpected(`unknown result type ${JSON.stringify(resultType)}`)
  }
}

/** Checks status, JSON and the `status` field; returns `data` and the warnings, or throws `PrometheusError`. */
export function decodeEnvelope(answer: RawAnswer): { value: Json; warnings: string[] } {
  const { status } = answer
  const parsed = parseJson(answer.body)
  if (parsed.ok && isObject(parsed.value) && parsed.value.status === 'error') {
    const errorType = typeof parsed.value.errorType === 'string' ? parsed.value.errorType : undefined
    const detail =
      typeof parsed.value.error === 'string' ? shorten(parsed.value.error, 500) : 'no error message'
    // VictoriaMetrics puts the status itself in errorType (`"errorType":"422"`): not repeated.
    const what =
      errorType === undefined || errorType === String(status) ? `: ${detail}` : ` ${errorType}: ${detail}`
    throw new PrometheusError(`Prometheus answered HTTP ${status}${what}`, {
      kind: 'api',
      status,
      errorType,
    })
  }
  const hint = statusHint(status)
  if (hint !== undefined) {
    throw new PrometheusError(`Prometheus answered HTTP ${status}${bodySnippet(answer)} ${hint}`, {
      kind: 'http',
      status,
    })
  }
  if (!parsed.ok) {
    throw new PrometheusError(notJsonMessage(answer, parsed.error), {
      kind: 'not-json',
      status,
      cause: parsed.error,
    })
  }
  if (status < 200 || status > 299) {
    throw new PrometheusError(`Prometheus answered HTTP ${status}${bodySnippet(answer)}`, {
      kind: 'http',
      status,
    })
  }
  const envelope = parsed.value
  if (!isObject(envelope) || envelope.status !== 'success' || !('data' in envelope)) {
    throw unexpected('the body is not a Prometheus API answer (no "status":"success" with "data")')
  }
  const rawWarnings = envelope.warnings
  const warnings = Array.isArray(rawWarnings) ? rawWarnings.filter((w) => typeof w === 'string') : []
  return { value: envelope.data ?? null, warnings }
}

/** Statuses that point at the settings rather than at Prometheus: reported as `http` whatever the body. */
function statusHint(status: number): string | undefined {
  switch (status) {
    case 401:
    case 407:
      return '(check the Prometheus credentials)'
    case 403:
      return '(the credentials may not query Prometheus)'
    case 404:
      return '(check the Prometheus URL and its path prefix)'
    default:
      return undefined
  }
}

function notJsonMessage(answer: RawAnswer, error: unknown): string {
  const what = describeBody(answer)
  if (what === 'JSON') {
    const reason = error instanceof Error ? `: ${error.message}` : ''
    return `Prometheus answered with invalid JSON (HTTP ${answer.status})${reason}`
  }
  return `Prometheus answered with ${what}, not JSON (HTTP ${answer.status})${bodySnippet(answer)}`
}

function describeBody(answer: RawAnswer): string {
  const type = answer.contentType.split(';')[0]?.trim().toLowerCase() ?? ''
  if (type === 'text/html' || /^\s*<(!doctype html|html)/i.test(answer.body)) return 'HTML'
  if (type === 'application/json' || type.endsWith('+json')) return 'JSON'
  if (answer.body.trim() === '') return 'an empty body'
  return type === '' ? 'a body of unknown type' : type
}

/** The first line of a short plain-text body (e.g. `Unauthorized`), never HTML. */
function bodySnippet(answer: RawAnswer): string {
  if (describeBody(answer) === 'HTML') return ''
  const firstLine = answer.body.trim().split('\n')[0]?.trim() ?? ''
  if (firstLine === '') return ''
  return `: ${shorten(firstLine, 120)}`
}

function decodeVectorSample(sample: Json): SeriesValue {
  if (!isObject(sample)) throw unexpected('a vector sample is not an object')
  if (sample.value === undefined && sample.histogram !== undefined) {
    throw unexpected('native histogram samples are not supported; reduce them to a number in the query', true)
  }
  return { labels: decodeLabels(sample.metric ?? {}), value: decodeSamplePair(sample.value ?? null) }
}

function decodeSamplePair(pair: Json): number {
  // Prometheus writes the timestamp as a JSON number; anything else is not its answer (client_golang rejects it too).
  if (
    !Array.isArray(pair) ||
    pair.length !== 2 ||
    typeof pair[0] !== 'number' ||
    typeof pair[1] !== 'string'
  ) {
    throw unexpected('a sample is not a [timestamp, "value"] pair')
  }
  return parseSampleValue(pair[1])
}

export function decodeLabels(labels: Json): Readonly<Record<string, string>> {
  if (!isObject(labels)) throw unexpected('a label set is not an object')
  // JSON.parse made `labels` a fresh plain object whose keys are all own (`__proto__` included): checked, not copied,
  // since this runs for every series of every round.
  for (const name in labels) {
    if (typeof labels[name] !== 'string') throw unexpected(`label ${name} is not a string`)
  }
  return labels as Readonly<Record<string, string>>
}

function parseJson(text: string): { ok: true; value: Json } | { ok: false; error: unknown } {
  try {
    return { ok: true, value: JSON.parse(text) as Json }
  } catch (error) {
    return { ok: false, error }
  }
}

export function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function unexpected(detail: string, complete = false): PrometheusError {
  const message = complete ? detail : `Prometheus answered with an unexpected result: ${detail}`
  return new PrometheusError(message, { kind: 'unexpected-result' })
}
