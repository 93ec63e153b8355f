/**
 * Which convention a service uses (SPEC §2 "Service checks", detection), from the metric names found under its
 * selector and, when a name is shared by several conventions, the label names of those series. Pure: the two
 * requests are made by gate/service-checks.ts and validate. Most specific row first (catalogue order); a name matches
 * a catalogue name exactly or behind a namespace prefix (`myapp_http_requests_total`). The first convention present
 * is the service's own; any other present is a layer named in the report, never added in.
 */
import { CATALOGUE, type Convention, type SeriesNames } from './catalogue.ts'

/** A namespace prefix a library may put before its names: `^[a-zA-Z_][a-zA-Z0-9_]*_`. */
const PREFIX = /^[a-zA-Z_][a-zA-Z0-9_]*_$/

export interface Detected {
  readonly convention: Convention
  readonly names: SeriesNames
  /** Found only behind a namespace prefix: queries match the name with a prefix pattern. */
  readonly prefixed: boolean
  /** Whether the histogram's `_bucket` series is there (no latency check without it). */
  readonly hasLatency: boolean
  /** The names found that recognised it, as the server sent them (for the report only, never for a query). */
  readonly recognisedBy: readonly string[]
  /** Other conventions also present under the selector (layers), named in the report. */
  readonly otherLayers: readonly Convention[]
}

export type Detection =
  | ({ readonly kind: 'found' } & Detected)
  /** Nothing known: up to 10 names found that look like request metrics (for the reason; never for a query). */
  | { readonly kind: 'unknown'; readonly lookalikes: readonly string[] }

/** Whether `found` is `name` or `<prefix>_name`. */
export function matchesName(found: string, name: string): 'exact' | 'prefixed' | undefined {
  if (found === name) return 'exact'
  if (found.length > name.length && found.endsWith(name) && PREFIX.test(found.slice(0, -name.length)))
    return 'prefixed'
  return undefined
}

function present(
  found: readonly string[],
  name: string,
): { how: 'exact' | 'prefixed'; as: string } | undefined {
  let prefixed: string | undefined
  for (const f of found) {
    const how = matchesName(f, name)
    if (how === 'exact') return { how, as: f }
    if (how === 'prefixed') prefixed ??= f
  }
  return prefixed === undefined ? undefined : { how: 'prefixed', as: prefixed }
}

/**
 * The catalogue's request metrics, among those found, whose convention is told apart by labels: the one labels
 * request asks about exactly these (fixed names), or is not made when the list is empty.
 */
export function namesNeedingLabels(found: readonly string[]): string[] {
  const out = new Set<string>()
  for (const c of CATALOGUE) {
    if (c.labels === undefined && c.withoutLabels === undefined) continue
    for (const n of c.names) if (present(found, n.requests) !== undefined) out.add(n.requests)
  }
  return [...out]
}

/** `found`: metric names under the selector; `labels`: label names of the `namesNeedingLabels` series (if asked). */
export function detect(found: readonly string[], labels?: ReadonlySet<string>): Detection {
  const matches: Detected[] = []
  for (const convention of CATALOGUE) {
    const m = matchConvention(convention, found, labels)
    if (m !== undefined) matches.push(m)
  }
  // A name found as it is beats one found behind a prefix: `caddy_http_requests_total` is Caddy's own name, not Go's
  // `http_requests_total` behind a `caddy_` namespace (seen in a real Caddy capture).
  matches.sort((a, b) => Number(a.prefixed) - Number(b.prefixed))
  const [own, ...others] = matches
  if (own === undefined) return { kind: 'unknown', lookalikes: lookalikes(found) }
  // A layer found only behind a prefix beside an own convention found as it is is a guess, not a layer.
  const otherLayers = others
    .filter((o) => own.prefixed || !o.prefixed)
    .map((o) => o.convention)
    .filter((c) => c.id !== own.convention.id)
  return { kind: 'found', ...own, otherLayers }
}

/** A convention named in the config (`convention: go-promhttp`) still needs its series: the first naming present. */
export function resolveNamed(convention: Convention, found: readonly string[]): Detection {
  const m = matchConvention({ ...convention, labels: undefined, withoutLabels: undefined }, found, undefined)
  if (m === undefined) return { kind: 'unknown', lookalikes: lookalikes(found) }
  return { kind: 'found', ...m, convention, otherLayers: [] }
}

function matchConvention(
  convention: Convention,
  found: readonly string[],
  labels: ReadonlySet<string> | undefined,
): Detected | undefined {
  if (convention.labels !== undefined || convention.withoutLabels !== undefined) {
    if (labels === undefined) return undefined
    if (convention.labels?.some((l) => !labels.has(l)) === true) return undefined
    if (convention.withoutLabels?.some((l) => labels.has(l)) === true) return undefined
  }
  for (const names of convention.names) {
    const requests = present(found, names.requests)
    const responses = names.responses === undefined ? undefined : present(found, names.responses)
    if (requests === undefined || (names.responses !== undefined && responses === undefined)) continue
    const bucket = names.bucket === undefined ? undefined : present(found, names.bucket)
    // A naming whose histogram is missing gives way to a later naming of the same convention that has one.
    const later = convention.names.slice(convention.names.indexOf(names) + 1)
    if (
      bucket === undefined &&
      later.some((n) => present(found, n.requests) !== undefined && n.bucket && present(found, n.bucket))
    )
      continue
    const recognisedBy = [requests.as, responses?.as, bucket?.as].filter((x): x is string => x !== undefined)
    return {
      convention,
      names,
      prefixed: requests.how === 'prefixed',
      hasLatency: bucket !== undefined,
      recognisedBy,
      otherLayers: [],
    }
  }
  return undefined
}

/** Runtime and scrape metrics every client library exports: never request metrics. */
const RUNTIME = /^(process_|go_|python_|nodejs_|jvm_|scrape_|promhttp_|prometheus_|target_info$|up$)/

/**
 * Up to 10 names that look like request metrics (counters, histograms, or named for requests), for a service nothing
 * was recognised under: the reason shows the user what is there.
 */
function lookalikes(found: readonly string[]): string[] {
  return found
    .filter((n) => !RUNTIME.test(n))
    .filter((n) => /request|http|response|_rq_|latency|duration|(_total|_count|_bucket)$/i.test(n))
    .slice(0, 10)
}
