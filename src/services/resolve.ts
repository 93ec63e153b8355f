/**
 * Service detection at gate start and in validate (SPEC §2 "Service checks"): per service one metric-names request
 * and, when a name is shared by several conventions, one labels request; the evidence the report gives; and the
 * checks with the queries of the convention found (a latency check without a histogram is dropped, and said why).
 */
import type { CheckSpec, MetricCheckSpec } from '../model/check-spec.ts'
import type { ServiceEvidence } from '../model/service-evidence.ts'
import { errorMessage } from '../errors.ts'
import { conventionById, type ConventionId } from './catalogue.ts'
import { detect, namesNeedingLabels, resolveNamed, type Detection } from './detect.ts'
import { checkQuery, serviceQueries } from './queries.ts'

export type { ServiceEvidence } from '../model/service-evidence.ts'

/** The two metadata requests (prometheus/client.ts implements them). */
export interface MetadataClient {
  metricNames(match: string, opts: MetadataWindow): Promise<string[]>
  labelNames(match: string, opts: MetadataWindow): Promise<string[]>
}

export interface MetadataWindow {
  readonly start: Date
  readonly end: Date
  readonly signal?: AbortSignal
}

/** The names under a service's selector over its last rate-window, and the labels request when a name needs it. */
export async function detectService(
  client: MetadataClient,
  spec: MetricCheckSpec,
  endMs: number,
  signal?: AbortSignal,
): Promise<Detection> {
  const b = spec.service!
  const window = {
    start: new Date(endMs - b.rateWindowMs),
    end: new Date(endMs),
    ...(signal ? { signal } : {}),
  }
  const found = await client.metricNames(`{${b.selector}}`, window)
  if (b.convention !== 'auto') return resolveNamed(conventionById(b.convention as ConventionId), found)
  const ambiguous = namesNeedingLabels(found)
  if (ambiguous.length === 0) return detect(found)
  // Fixed catalogue names only: `found` never reaches the query.
  const match = `{__name__=~"(?:[a-zA-Z_][a-zA-Z0-9_]*_)?(?:${ambiguous.join('|')})",${b.selector}}`
  return detect(found, new Set(await client.labelNames(match, window)))
}

export function evidenceOf(spec: MetricCheckSpec, d: Detection): ServiceEvidence {
  const b = spec.service!
  const base = { service: b.service, selector: b.selector }
  if (d.kind === 'unknown') {
    const names = d.lookalikes.length > 0 ? `: found ${d.lookalikes.join(', ')}` : ''
    return {
      ...base,
      recognisedBy: [],
      otherLayers: [],
      pitfalls: [],
      problem: `no known HTTP metrics under ${b.selector}${names}`,
    }
  }
  return {
    ...base,
    convention: d.convention.id,
    title: d.convention.title,
    recognisedBy: d.recognisedBy,
    otherLayers: d.otherLayers.map((c) => c.title),
    queries: serviceQueries(d, b.selector, b.rateWindowText, b.quantile),
    ...(d.hasLatency ? {} : { noLatency: d.convention.noLatency }),
    pitfalls: d.convention.pitfalls,
  }
}

/** Why a service is not detected when its request failed; `attempts` counts the detections made. */
export function detectionProblem(err: unknown, attempts = 1): string {
  const made = attempts > 1 ? ` (${attempts} attempts)` : ''
  return `service detection failed${made}: ${errorMessage(err) || 'metadata request failed'}`
}

export interface ResolvedServices {
  /** Each service's detection, or the error that kept it from being made. */
  readonly detected: ReadonlyMap<string, Detection | Error>
  readonly evidence: readonly ServiceEvidence[]
  /** The checks with their queries (rate-window); an unresolved service's keep `query: ''`. */
  readonly checks: CheckSpec[]
}

/** Detects every service of `checks` concurrently, as of `nowMs`. */
export async function resolveServices(
  client: MetadataClient,
  checks: readonly CheckSpec[],
  nowMs: number,
  signal?: AbortSignal,
): Promise<ResolvedServices> {
  const first = new Map<string, MetricCheckSpec>()
  for (const c of checks) {
    if (c.kind === 'metric' && c.service && !first.has(c.service.service)) first.set(c.service.service, c)
  }
  const detected = new Map<string, Detection | Error>()
  const evidence = new Map<string, ServiceEvidence>()
  await Promise.all(
    [...first.values()].map(async (spec) => {
      const b = spec.service!
      try {
        const d = await detectService(client, spec, nowMs, signal)
        detected.set(b.service, d)
        evidence.set(b.service, evidenceOf(spec, d))
      } catch (err) {
        if (signal?.aborted === true) throw err
        const problem = detectionProblem(err)
        detected.set(b.service, new Error(problem))
        evidence.set(b.service, {
          service: b.service,
          selector: b.selector,
          recognisedBy: [],
          otherLayers: [],
          pitfalls: [],
          problem,
        })
      }
    }),
  )
  const resolved = checks.flatMap((c): CheckSpec[] => {
    if (c.kind !== 'metric' || c.service === undefined) return [c]
    const d = detected.get(c.service.service)
    if (d === undefined || d instanceof Error || d.kind === 'unknown') return [c]
    const query = checkQuery(d, c.service)
    // No duration histogram: no latency check; the evidence says why and how to turn it on.
    return query === undefined ? [] : [{ ...c, query }]
  })
  return { detected, evidence: [...first.keys()].map((k) => evidence.get(k)!), checks: resolved }
}
