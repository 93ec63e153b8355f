/**
 * How gate mode measures: one Prometheus client behind a round cache, the checks that compare with before the deploy
 * (baselines, pre-existing, alerts), the service checks (detected at gate start), and plain probes and queries.
 * Built once per gate; `prepare` runs at gate start (service detection, then the baselines' range queries).
 */
import type { CheckSpec } from '../model/check-spec.ts'
import type { CheckOutcome, GateResult } from '../model/gate-result.ts'
import type { HttpProber } from '../probes/http.ts'
import type { HttpPrometheusClient } from '../prometheus/client.ts'
import { roundCache } from '../prometheus/round-cache.ts'
import {
  createExtraMeasurer,
  type BaselineEvidence,
  type DeployStart,
  type PreExistingEvidence,
} from './deploy-start-checks.ts'
import { measureCheck } from './measure-check.ts'
import type { Measure } from './run.ts'
import { createServiceChecks, type ServiceEvidence } from './service-checks.ts'
import { chartedChecks, chartedSeries, type ChartHistory } from './charts.ts'

export interface GateMeasuring {
  /** Detects the services and reads the windows before the deploy; returns the checks as the gate will run them. */
  prepare(checks: readonly CheckSpec[], signal: AbortSignal): Promise<CheckSpec[]>
  readonly measure: Measure
  /** The result with each check's spec as it ended: a service detected only during the gate gets its queries. */
  settle(result: GateResult): GateResult
  explainBreaches(checks: readonly CheckOutcome[], signal: AbortSignal): Promise<void>
  baselines(): BaselineEvidence[]
  preExisting(): PreExistingEvidence[]
  services(): ServiceEvidence[]
  /** The charted checks' followed series in their baseline windows (one range query each, ≤ 6, only then). */
  chartHistory(checks: readonly CheckOutcome[], signal: AbortSignal): Promise<ChartHistory>
}

/** Whether a check needs the deploy's start: baselines, pre-existing, alerts, and service checks (their range). */
export function needsDeployStart(c: CheckSpec): boolean {
  return (
    c.kind === 'alerts' ||
    (c.kind === 'metric' &&
      (c.baseline !== undefined || c.preExisting === 'report' || c.service !== undefined))
  )
}

export function createGateMeasuring(deps: {
  readonly prober: HttpProber
  readonly prometheus: HttpPrometheusClient | undefined
  readonly start: DeployStart
  readonly intervalMs: number
  readonly now: () => number
}): GateMeasuring {
  const { prober } = deps
  if (deps.prometheus === undefined) {
    return {
      prepare: (checks) => Promise.resolve([...checks]),
      measure: (spec, signal) => measureCheck(spec, signal, { prober, prometheus: undefined }),
      settle: (result) => result,
      explainBreaches: () => Promise.resolve(),
      baselines: () => [],
      preExisting: () => [],
      services: () => [],
      chartHistory: () => Promise.resolve(new Map()),
    }
  }
  const cache = roundCache(deps.prometheus)
  const prometheus = cache.client
  const extra = createExtraMeasurer({ client: prometheus, start: deps.start, intervalMs: deps.intervalMs })
  const services = createServiceChecks({ client: prometheus, start: deps.start, now: deps.now })
  const base: Measure = (spec, signal) =>
    extra.handles(spec) ? extra.measure(spec, signal) : measureCheck(spec, signal, { prober, prometheus })
  const measure = services.measure(base)
  return {
    async prepare(checks, signal) {
      // Detection goes with the other checks' baseline queries; the services' own wait for their queries.
      const isService = (c: CheckSpec): boolean => c.kind === 'metric' && c.service !== undefined
      const [resolved] = await Promise.all([
        services.resolve(checks, signal),
        extra.prefetch(
          checks.filter((c) => !isService(c)),
          signal,
        ),
      ])
      // A service not detected yet has no query to read a window with: its checks read it once it is.
      await extra.prefetch(
        resolved.filter((c) => isService(c) && c.kind === 'metric' && c.query !== ''),
        signal,
      )
      return resolved
    },
    measure: (spec, signal, round) => {
      cache.begin(round)
      return measure(spec, signal, round)
    },
    settle: (result) => ({
      ...result,
      checks: result.checks.map((c) => ({ ...c, spec: services.withQuery(c.spec) })),
    }),
    explainBreaches: (checks, signal) => extra.explainBreaches(checks, signal),
    baselines: () => extra.evidence(),
    preExisting: () => extra.preExisting(),
    services: () => services.evidence(),
    async chartHistory(checks, signal) {
      const out = new Map<string, readonly number[]>()
      await Promise.all(
        chartedChecks(checks).map(async (c) => {
          const labels = chartedSeries(c)
          if (c.spec.baseline === undefined || labels === undefined) return
          const values = await extra.historyOf(c.spec, labels, signal)
          if (values !== undefined) out.set(c.spec.name, values)
        }),
      )
      return out
    },
  }
}
