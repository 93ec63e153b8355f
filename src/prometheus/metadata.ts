/**
 * The two metadata answers service detection reads (SPEC §2 "Service checks"): metric names under a selector
 * (`/api/v1/label/__name__/values`) and label names of some series (`/api/v1/labels`). Both are lists of strings;
 * anything else is a PrometheusError like any malformed answer. Pure.
 */
import { decodeEnvelope, unexpected, type RawAnswer } from './response.ts'

/** At most this many names are kept: detection needs names, not a server's whole index. */
export const MAX_NAMES = 10_000

export function decodeNameList(answer: RawAnswer): string[] {
  const { value } = decodeEnvelope(answer)
  if (!Array.isArray(value)) throw unexpected('"data" is not a list of names')
  const out: string[] = []
  for (const v of value.slice(0, MAX_NAMES)) {
    if (typeof v !== 'string') throw unexpected('a name in "data" is not a string')
    out.push(v)
  }
  return out
}

/** The query string of a metadata request: one `match[]`, the window as Unix seconds. */
export function metadataParams(match: string, start: Date, end: Date): string {
  return new URLSearchParams({
    'match[]': match,
    start: String(start.getTime() / 1000),
    end: String(end.getTime() / 1000),
  }).toString()
}
