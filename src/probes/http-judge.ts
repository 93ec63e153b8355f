/**
 * Pure judgement of one HTTP response against a check's expectations (SPEC §3): status, body substring, JSON value
 * and latency. Reasons name what was expected and what came back, never header values.
 */

import type { ExpectJson, HttpCheckSpec } from '../model/check-spec.ts'
import { shorten } from '../report/markdown.ts'

export const BODY_CAP_BYTES = 1024 * 1024
const BODY_CAP_TEXT = '1 MiB'

export interface HttpResponseSummary {
  readonly status: number
  /** The body as read, decoded as UTF-8; at most {@link BODY_CAP_BYTES} bytes of it. */
  readonly body: string
  /** True when the server sent more than the cap and reading stopped there. */
  readonly bodyTruncated: boolean
  readonly latencyMs: number
}

export type Judgement = { readonly outcome: 'pass' } | { readonly outcome: 'breach'; readonly reason: string }

type Expectations = Pick<HttpCheckSpec, 'expectStatus' | 'expectBody' | 'expectJson' | 'maxLatencyMs'>

/**
 * A status that is not expected is reported alone (the body of an error page says nothing); otherwise every
 * unmet expectation is listed, separated by `; `.
 */
export function judgeResponse(spec: Expectations, response: HttpResponseSummary): Judgement {
  const { status } = response
  const statusOk = spec.expectStatus ? spec.expectStatus.includes(status) : status >= 200 && status <= 299
  if (!statusOk) return { outcome: 'breach', reason: `HTTP ${status} (expected ${describeStatuses(spec)})` }

  const problems: string[] = []
  if (spec.expectBody !== undefined && !response.body.includes(spec.expectBody)) {
    problems.push(
      `HTTP ${status} but body does not contain ${JSON.stringify(spec.expectBody)}${truncatedNote(response)}`,
    )
  }
  if (spec.expectJson) {
    const problem = checkJson(spec.expectJson, response)
    if (problem !== undefined) problems.push(problem)
  }
  if (spec.maxLatencyMs !== undefined && response.latencyMs > spec.maxLatencyMs) {
    problems.push(`latency ${response.latencyMs} ms > ${spec.maxLatencyMs} ms`)
  }
  return problems.length === 0 ? { outcome: 'pass' } : { outcome: 'breach', reason: problems.join('; ') }
}

function describeStatuses(spec: Expectations): string {
  return spec.expectStatus ? spec.expectStatus.join(' or ') : '2xx'
}

function truncatedNote(response: HttpResponseSummary): string {
  return response.bodyTruncated ? ` (body truncated at ${BODY_CAP_TEXT})` : ''
}

function checkJson(expect: ExpectJson, response: HttpResponseSummary): string | undefined {
  let document: unknown
  try {
    document = JSON.parse(response.body)
  } catch {
    const what = response.body.trim() === '' ? 'body is empty' : 'body is not JSON'
    return `${what}, cannot read ${expect.path}${truncatedNote(response)}`
  }
  const found = lookupJsonPath(document, expect.path)
  if (!found.found) return `${expect.path} not found in the JSON body`
  if (found.value === expect.equals) return undefined
  return `${expect.path} is ${describeJsonValue(found.value)}, expected ${JSON.stringify(expect.equals)}`
}

export type JsonLookup = { readonly found: true; readonly value: unknown } | { readonly found: false }

/** Follows a dot path (`status.db`, `checks.0.status`) through objects and arrays. */
export function lookupJsonPath(document: unknown, path: string): JsonLookup {
  let current: unknown = document
  for (const key of path.split('.')) {
    if (Array.isArray(current)) {
      if (!/^\d+$/.test(key)) return { found: false }
      const index = Number(key)
      if (index >= current.length) return { found: false }
      current = current[index] as unknown
    } else if (typeof current === 'object' && current !== null && Object.hasOwn(current, key)) {
      current = (current as Record<string, unknown>)[key]
    } else {
      return { found: false }
    }
  }
  return { found: true, value: current }
}

/** Scalars as JSON (`"DOWN"`, `1`, `true`, `null`); objects and arrays by kind, never dumped. */
function describeJsonValue(value: unknown): string {
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object' && value !== null) return 'an object'
  const text = JSON.stringify(value)
  return shorten(text, 80)
}
