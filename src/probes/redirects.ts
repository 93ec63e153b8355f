/**
 * Redirect rules for HTTP checks with `follow-redirects: true` (SPEC §3.7): at most 5 hops, relative `Location`
 * resolved against the current URL, and once a hop leaves the check's origin the configured headers (including
 * `Authorization`) are never sent again, for that hop and every later one.
 */

import type { HttpCheckSpec } from '../model/check-spec.ts'

export const MAX_REDIRECTS = 5

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308])

export type HttpMethod = HttpCheckSpec['method']

/** One request of a (possibly redirected) exchange. */
export interface Hop {
  readonly url: URL
  readonly method: HttpMethod
  /** False from the first hop that went to another origin on: configured headers and credentials are dropped. */
  readonly sendConfiguredHeaders: boolean
  /** Redirects followed before this hop. */
  readonly redirects: number
}

export type RedirectDecision =
  | { readonly kind: 'follow'; readonly hop: Hop }
  | { readonly kind: 'stop'; readonly reason: string }
  /** Not a redirect to follow: the response is judged as it is. */
  | { readonly kind: 'final' }

export function isRedirectStatus(status: number): boolean {
  return REDIRECT_STATUSES.has(status)
}

export function firstHop(url: URL, method: HttpMethod): Hop {
  return { url, method, sendConfiguredHeaders: true, redirects: 0 }
}

/**
 * What to do with a response of `current`. A redirect without a `Location` is judged like any other status.
 * Credentials in a `Location` are ignored: they are never turned into an `Authorization` header.
 */
export function decideRedirect(current: Hop, status: number, location: string | undefined): RedirectDecision {
  if (!isRedirectStatus(status) || location === undefined || location === '') return { kind: 'final' }
  if (current.redirects >= MAX_REDIRECTS) {
    return { kind: 'stop', reason: `HTTP ${status}: too many redirects (more than ${MAX_REDIRECTS})` }
  }
  let next: URL
  try {
    next = new URL(location, current.url)
  } catch {
    return { kind: 'stop', reason: `HTTP ${status}: redirect to an invalid Location` }
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    return { kind: 'stop', reason: `HTTP ${status}: redirect to unsupported scheme ${next.protocol}` }
  }
  next.username = ''
  next.password = ''
  next.hash = ''
  return {
    kind: 'follow',
    hop: {
      url: next,
      method: redirectMethod(current.method, status),
      sendConfiguredHeaders: current.sendConfiguredHeaders && next.origin === current.url.origin,
      redirects: current.redirects + 1,
    },
  }
}

/** As browsers and fetch do: 303 turns anything but HEAD into GET; 301 and 302 turn POST into GET. */
function redirectMethod(method: HttpMethod, status: number): HttpMethod {
  if (status === 303 && method !== 'HEAD') return 'GET'
  if ((status === 301 || status === 302) && method === 'POST') return 'GET'
  return method
}
