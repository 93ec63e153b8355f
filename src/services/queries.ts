/**
 * The three queries of a service (SPEC §2 "Service checks"), built only from fixed parts: the catalogue's names,
 * label names and literals, the user's validated selector, a range and the quantile. Traffic in requests per second,
 * errors a 0–1 ratio with `or vector(0)` on the 5xx side, latency the p95 in seconds (millisecond histograms ÷ 1000).
 */
import type { ServiceBinding } from '../model/check-spec.ts'
import type { Detected } from './detect.ts'

export interface ServiceQueries {
  readonly traffic: string
  readonly errors: string
  /** Absent when the convention (or this service) has no duration histogram. */
  readonly latency?: string
}

/** `{__name__=~"(?:[a-zA-Z_][a-zA-Z0-9_]*_)?name",…}` for a prefixed name, else `name{…}`. */
function series(name: string, prefixed: boolean, matchers: readonly string[]): string {
  const m = matchers.filter((x) => x !== '')
  if (prefixed) {
    // Catalogue names are [a-zA-Z0-9_:] only (tested), so the name needs no escaping in the pattern.
    const pattern = `(?:[a-zA-Z_][a-zA-Z0-9_]*_)?${name}`
    return `{${[`__name__=~"${pattern}"`, ...m].join(',')}}`
  }
  return m.length === 0 ? name : `${name}{${m.join(',')}}`
}

/**
 * `selector` has been validated as label matchers (model/selector.ts), `rangeText` is a Prometheus duration
 * (`5m`, `90s`), `quantile` a number in (0, 1).
 */
export function serviceQueries(
  d: Pick<Detected, 'convention' | 'names' | 'prefixed' | 'hasLatency'>,
  selector: string,
  rangeText: string,
  quantile: number,
): ServiceQueries {
  const base = [d.convention.filter ?? '', selector]
  const rate = (name: string, extra = ''): string =>
    `sum(rate(${series(name, d.prefixed, [...base, extra])}[${rangeText}]))`
  const answers = d.names.responses ?? d.names.requests
  const traffic = rate(d.names.requests)
  const errors = `(${rate(answers, d.names.errors ?? d.convention.errors)} or vector(0)) / ${rate(answers)}`
  if (!d.hasLatency || d.names.bucket === undefined) return { traffic, errors }
  const buckets = `sum by (le) (rate(${series(d.names.bucket, d.prefixed, base)}[${rangeText}]))`
  const p = `histogram_quantile(${quantile}, ${buckets})`
  return { traffic, errors, latency: d.names.unit === 'milliseconds' ? `${p} / 1000` : p }
}

/** A service check's own query (its signal's), over `rangeText` (default: the rate-window, as the baseline reads it). */
export function checkQuery(
  d: Pick<Detected, 'convention' | 'names' | 'prefixed' | 'hasLatency'>,
  b: ServiceBinding,
  rangeText = b.rateWindowText,
): string | undefined {
  return serviceQueries(d, b.selector, rangeText, b.quantile)[b.signal]
}

/**
 * The range of `rate()` in a round during the gate: the time since the deploy started, at least
 * min(rate-window, 1m) and at most rate-window, in whole seconds — so right after a restart the new release's
 * requests are not diluted by a window of the old one's.
 */
export function rangeSinceDeployMs(nowMs: number, deployStartMs: number, rateWindowMs: number): number {
  const floor = Math.min(rateWindowMs, 60_000)
  const since = Math.round((nowMs - deployStartMs) / 1000) * 1000
  return Math.min(rateWindowMs, Math.max(floor, since))
}
