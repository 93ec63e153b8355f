/**
 * Service checks at gate time (SPEC §2 "Service checks"): detection at gate start (services/resolve.ts), then each
 * round's range growing from the deploy's start up to rate-window. Errors and latency are not judged while traffic is
 * below min-traffic: the round's traffic query tells (the same request as the traffic check's own, through the round
 * cache, so a service costs three instant queries a round).
 *
 * A detection whose request failed is made again once a round, as a failed baseline query is (SPEC §2 "Baselines"),
 * until it succeeds: one Prometheus blip at gate start must not leave the service unjudged for the whole gate. A
 * service found to have no known metrics is not asked again: that is an answer, not a failure.
 */
import type { CheckSpec, MetricCheckSpec } from '../model/check-spec.ts'
import { formatMeasured } from '../prometheus/measure.ts'
import type { PrometheusClient } from '../prometheus/client.ts'
import { formatConfigDuration } from '../config/duration.ts'
import { checkQuery, rangeSinceDeployMs, serviceQueries } from '../services/queries.ts'
import {
  detectionProblem,
  detectService,
  evidenceOf,
  resolveServices,
  type MetadataClient,
  type ServiceEvidence,
} from '../services/resolve.ts'
import type { Detection } from '../services/detect.ts'
import type { DeployStart } from './deploy-start-checks.ts'
import type { Measure } from './run.ts'

export type { ServiceEvidence } from '../services/resolve.ts'

export interface ServiceChecks {
  /** Detects every service (concurrently) and gives the checks their queries; drops a latency check with no histogram. */
  resolve(checks: readonly CheckSpec[], signal?: AbortSignal): Promise<CheckSpec[]>
  /** Measures a service check through `base` with this round's range; other checks go to `base` as they are. */
  measure(base: Measure): Measure
  evidence(): ServiceEvidence[]
  /** A service check with the rate-window query of its convention when it was detected only during the gate. */
  withQuery(spec: CheckSpec): CheckSpec
}

export function createServiceChecks(deps: {
  readonly client: MetadataClient & Pick<PrometheusClient, 'query'>
  readonly start: DeployStart
  readonly now: () => number
}): ServiceChecks {
  const detected = new Map<string, Detection | Error>()
  const evidence = new Map<string, ServiceEvidence>()
  /** Detections made again after a failed request: one per service and round, shared by its three checks. */
  const retries = new Map<string, { readonly round: number | undefined; readonly done: Promise<void> }>()

  /** The service's detection, made again (once this round) when its request failed before. */
  async function detectionOf(spec: MetricCheckSpec, round: number | undefined, signal: AbortSignal) {
    const name = spec.service!.service
    if (!(detected.get(name) instanceof Error)) return detected.get(name)
    let retry = retries.get(name)
    if (retry === undefined || retry.round !== round) {
      retry = { round, done: redetect(spec, signal) }
      retries.set(name, retry)
    }
    await retry.done
    return detected.get(name)
  }

  async function redetect(spec: MetricCheckSpec, signal: AbortSignal): Promise<void> {
    const name = spec.service!.service
    const attempt = (evidence.get(name)?.attempts ?? 1) + 1
    try {
      const d = await detectService(deps.client, spec, deps.now(), signal)
      detected.set(name, d)
      evidence.set(name, { ...evidenceOf(spec, d), attempts: attempt })
    } catch (err) {
      if (signal.aborted) throw err
      const problem = detectionProblem(err, attempt)
      detected.set(name, new Error(problem))
      evidence.set(name, { ...evidence.get(name)!, problem, attempts: attempt })
    }
  }

  return {
    async resolve(checks, signal) {
      const resolved = await resolveServices(deps.client, checks, deps.now(), signal)
      for (const [name, d] of resolved.detected) detected.set(name, d)
      for (const e of resolved.evidence) evidence.set(e.service, e)
      return resolved.checks
    },

    measure(base) {
      return async (spec, signal, round) => {
        if (spec.kind !== 'metric' || spec.service === undefined) return base(spec, signal, round)
        const b = spec.service
        const d = await detectionOf(spec, round, signal)
        const at = new Date(deps.now()).toISOString()
        if (d === undefined || d instanceof Error || d.kind === 'unknown') {
          const problem = evidence.get(b.service)?.problem
          return { at, outcome: 'error', reason: problem ?? `no known HTTP metrics under ${b.selector}` }
        }
        const rangeText = formatConfigDuration(
          rangeSinceDeployMs(deps.now(), deps.start.atMs, b.rateWindowMs),
        )
        const q = serviceQueries(d, b.selector, rangeText, b.quantile)
        const query = q[b.signal]
        // Detected during the gate, without a duration histogram: there is no latency check (SPEC §2); the
        // service's evidence says why. At gate start such a check is dropped; here it can only stand aside.
        if (query === undefined) return { at, outcome: 'pass', reason: 'not judged: no duration histogram' }
        if (b.signal !== 'traffic') {
          const traffic = await trafficOf(q.traffic, signal)
          if (traffic !== undefined && traffic < b.minTraffic) {
            const reason = `not judged: ${formatMeasured(traffic)} req/s < min-traffic ${formatMeasured(b.minTraffic)}`
            return { at, outcome: 'pass', reason, range: rangeText }
          }
        }
        const baselineQuery = checkQuery(d, b)
        const m = await base({ ...spec, query, baselineQuery }, signal, round)
        return { ...m, range: rangeText }
      }
    },

    evidence: () => [...evidence.values()],

    withQuery(spec) {
      if (spec.kind !== 'metric' || spec.service === undefined || spec.query !== '') return spec
      const d = detected.get(spec.service.service)
      if (d === undefined || d instanceof Error || d.kind === 'unknown') return spec
      const query = checkQuery(d, spec.service)
      return query === undefined ? spec : { ...spec, query }
    },
  }

  /**
   * The round's traffic (req/s); undefined when it could not be read. The client's round cache makes this the same
   * request as the traffic check's own.
   */
  async function trafficOf(query: string, signal: AbortSignal): Promise<number | undefined> {
    try {
      const series = (await deps.client.query(query, { signal })).series.filter((s) =>
        Number.isFinite(s.value),
      )
      // No series at all: no request was counted in the range, which is no traffic.
      return series.length === 0 ? 0 : series.reduce((sum, s) => sum + s.value, 0)
    } catch {
      return undefined
    }
  }
}
