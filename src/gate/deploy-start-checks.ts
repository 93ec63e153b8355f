/**
 * The baselines of a gate run (SPEC §2): one range query per baseline check at gate start, retried in each round
 * until it succeeds; and the alerts check's cutoff. Both reference "when the deploy job started": the job's
 * `started_at` when it could be read, else the gate's own start, and the report says which.
 */
import type { AlertsCheckSpec, CheckSpec, MetricCheckSpec } from '../model/check-spec.ts'
import { measureAlerts } from '../prometheus/alerts.ts'
import {
  baselineStepMs,
  computeBaselines,
  measureWithBaseline,
  type Baselines,
} from '../prometheus/baseline.ts'
import type { HttpPrometheusClient } from '../prometheus/client.ts'
import { errorMeasurement } from '../prometheus/measure.ts'
import type { Threshold } from '../model/builtins.ts'
import type { Measurement } from '../model/gate-result.ts'

/** When the deploy started, as far as the gate knows. */
export interface DeployStart {
  readonly atMs: number
  /** `deploy-job`: the job's `started_at`; `gate-start`: the job's start could not be read. */
  readonly source: 'deploy-job' | 'gate-start'
}

/** `deployStartedAtMs` from the job (GET /actions/jobs/{id}), else the gate's start. */
export function deployStart(deployStartedAtMs: number | undefined, gateStartMs: number): DeployStart {
  return deployStartedAtMs !== undefined && Number.isFinite(deployStartedAtMs)
    ? { atMs: deployStartedAtMs, source: 'deploy-job' }
    : { atMs: gateStartMs, source: 'gate-start' }
}

export function deployStartText(start: DeployStart): string {
  const at = new Date(start.atMs).toISOString()
  return start.source === 'deploy-job'
    ? `the deploy job's start (${at})`
    : `the gate's start (${at}), because the job's start could not be read`
}

/** What the report says about one check's baseline. */
export interface BaselineEvidence {
  readonly check: string
  readonly windowText: string
  readonly windowStart: string
  readonly windowEnd: string
  readonly stepMs: number
  /** `ready` once the range query succeeded; `failed` until then, with the last error. */
  readonly status: 'ready' | 'failed'
  readonly seriesInWindow?: number
  readonly seriesWithBaseline?: number
  readonly error?: string
  readonly attempts: number
}

type Client = Pick<HttpPrometheusClient, 'query' | 'queryRange' | 'alerts'>

export interface ExtraMeasurerDeps {
  readonly client: Client
  readonly start: DeployStart
  readonly intervalMs: number
  readonly now?: () => number
}

export interface ExtraMeasurer {
  /** One range query per baseline check, concurrently; a failure is kept and retried by `measure`. */
  prefetch(checks: readonly CheckSpec[], signal?: AbortSignal): Promise<void>
  /** Whether `measure` handles this check (baseline metric checks and alerts checks). */
  handles(spec: CheckSpec): boolean
  measure(spec: CheckSpec, signal: AbortSignal): Promise<Measurement>
  evidence(): BaselineEvidence[]
}

export function createExtraMeasurer(deps: ExtraMeasurerDeps): ExtraMeasurer {
  const now = deps.now ?? Date.now
  const loaded = new Map<string, { baselines?: Baselines; evidence: BaselineEvidence }>()

  async function load(spec: MetricCheckSpec, signal?: AbortSignal): Promise<Baselines | Error> {
    const rule = spec.baseline!
    const end = new Date(deps.start.atMs)
    const start = new Date(deps.start.atMs - rule.windowMs)
    const stepMs = baselineStepMs(deps.intervalMs, rule.windowMs)
    const attempts = (loaded.get(spec.name)?.evidence.attempts ?? 0) + 1
    const base = {
      check: spec.name,
      windowText: rule.windowText,
      windowStart: start.toISOString(),
      windowEnd: end.toISOString(),
      stepMs,
      attempts,
    }
    try {
      const range = await deps.client.queryRange(spec.query, { start, end, stepMs, signal })
      const baselines = computeBaselines(range)
      const evidence: BaselineEvidence = {
        ...base,
        status: 'ready',
        seriesInWindow: range.length,
        seriesWithBaseline: baselines.size,
      }
      loaded.set(spec.name, { baselines, evidence })
      return baselines
    } catch (err) {
      if (signal?.aborted === true) throw err
      const message = errorMeasurement(err, '').reason ?? 'baseline query failed'
      loaded.set(spec.name, { evidence: { ...base, status: 'failed', error: message } })
      return err instanceof Error ? err : new Error(message)
    }
  }

  async function measureBaseline(spec: MetricCheckSpec, signal: AbortSignal): Promise<Measurement> {
    const known = loaded.get(spec.name)?.baselines
    const baselines = known ?? (await load(spec, signal))
    const at = new Date(now()).toISOString()
    if (baselines instanceof Error) {
      const m = errorMeasurement(baselines, at)
      return { ...m, reason: `baseline query failed: ${m.reason ?? ''}` }
    }
    try {
      const result = await deps.client.query(spec.query, { signal })
      const m = measureWithBaseline(result.series, thresholdOf(spec), spec.baseline!, baselines, at)
      return result.warnings.length > 0 ? { ...m, warnings: result.warnings } : m
    } catch (err) {
      if (signal.aborted) throw err
      return errorMeasurement(err, at)
    }
  }

  async function measureAlertsCheck(spec: AlertsCheckSpec, signal: AbortSignal): Promise<Measurement> {
    const at = new Date(now()).toISOString()
    try {
      const alerts = await deps.client.alerts({ signal })
      return measureAlerts({ spec, alerts, cutoffMs: deps.start.atMs, at })
    } catch (err) {
      if (signal.aborted) throw err
      return errorMeasurement(err, at)
    }
  }

  return {
    async prefetch(checks, signal) {
      const baselineChecks = checks.filter(
        (c): c is MetricCheckSpec => c.kind === 'metric' && c.baseline !== undefined,
      )
      await Promise.all(baselineChecks.map((c) => load(c, signal)))
    },
    handles: (spec) => spec.kind === 'alerts' || (spec.kind === 'metric' && spec.baseline !== undefined),
    measure(spec, signal) {
      if (spec.kind === 'alerts') return measureAlertsCheck(spec, signal)
      if (spec.kind === 'metric') return measureBaseline(spec, signal)
      return Promise.reject(new Error(`check ${spec.name} is not a baseline or alerts check`))
    },
    evidence: () => [...loaded.values()].map((l) => l.evidence),
  }
}

/** The check's bounds, with `%` for the percent built-ins so reasons read `96.3% > 95%`. */
export function thresholdOf(spec: MetricCheckSpec): Threshold {
  const percent = spec.builtin !== undefined && spec.builtin !== 'up'
  return { min: spec.min, max: spec.max, ...(percent ? { unit: '%' } : {}) }
}
