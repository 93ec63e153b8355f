/**
 * Service checks at gate time (SPEC §2 "Service checks"): detection at gate start (services/resolve.ts), then each
 * round's range growing from the deploy's start up to rate-window. Errors and latency are not judged while traffic is
 * below min-traffic: the round's traffic query tells (the same request as the traffic check's own, through the round
 * cache, so a service costs three instant queries a round).
 */
import type { CheckSpec } from '../model/check-spec.ts'
import { formatMeasured } from '../prometheus/measure.ts'
import type { PrometheusClient } from '../prometheus/client.ts'
import { formatConfigDuration } from '../config/duration.ts'
import { rangeSinceDeployMs, serviceQueries } from '../services/queries.ts'
import {
  resolveServices,
  type MetadataClient,
  type ResolvedServices,
  type ServiceEvidence,
} from '../services/resolve.ts'
import type { DeployStart } from './deploy-start-checks.ts'
import type { Measure } from './run.ts'

export type { ServiceEvidence } from '../services/resolve.ts'

export interface ServiceChecks {
  /** Detects every service (concurrently) and gives the checks their queries; drops a latency check with no histogram. */
  resolve(checks: readonly CheckSpec[], signal?: AbortSignal): Promise<CheckSpec[]>
  /** Measures a service check through `base` with this round's range; other checks go to `base` as they are. */
  measure(base: Measure): Measure
  evidence(): ServiceEvidence[]
}

export function createServiceChecks(deps: {
  readonly client: MetadataClient & Pick<PrometheusClient, 'query'>
  readonly start: DeployStart
  readonly now: () => number
}): ServiceChecks {
  let resolved: ResolvedServices | undefined

  return {
    async resolve(checks, signal) {
      resolved = await resolveServices(deps.client, checks, deps.now(), signal)
      return resolved.checks
    },

    measure(base) {
      return async (spec, signal, round) => {
        if (spec.kind !== 'metric' || spec.service === undefined) return base(spec, signal, round)
        const b = spec.service
        const at = new Date(deps.now()).toISOString()
        const d = resolved?.detected.get(b.service)
        if (d === undefined || d instanceof Error || d.kind === 'unknown') {
          const problem = resolved?.evidence.find((e) => e.service === b.service)?.problem
          return { at, outcome: 'error', reason: problem ?? `no known HTTP metrics under ${b.selector}` }
        }
        const rangeText = formatConfigDuration(
          rangeSinceDeployMs(deps.now(), deps.start.atMs, b.rateWindowMs),
        )
        const q = serviceQueries(d, b.selector, rangeText, b.quantile)
        if (b.signal !== 'traffic') {
          const traffic = await trafficOf(q.traffic, signal)
          if (traffic !== undefined && traffic < b.minTraffic) {
            const reason = `not judged: ${formatMeasured(traffic)} req/s < min-traffic ${formatMeasured(b.minTraffic)}`
            return { at, outcome: 'pass', reason, range: rangeText }
          }
        }
        const m = await base({ ...spec, query: q[b.signal]!, baselineQuery: spec.query }, signal, round)
        return { ...m, range: rangeText }
      }
    },

    evidence: () => [...(resolved?.evidence ?? [])],
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
