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
import { errorMeasurement, measureSeries } from '../prometheus/measure.ts'
import {
  findPreExisting,
  preExistingBounds,
  preExistingWindow,
  withPreExistingNote,
  type PreExistingSeries,
} from '../prometheus/pre-existing.ts'
import { thresholdOf } from './measure-check.ts'
import type { CheckOutcome, Measurement } from '../model/gate-result.ts'
import { seriesKey } from '../model/series-key.ts'

export {
  deployStart,
  deployStartText,
  type BaselineEvidence,
  type DeployStart,
  type PreExistingEvidence,
} from './deploy-start.ts'
import type { BaselineEvidence, DeployStart, PreExistingEvidence } from './deploy-start.ts'

type Client = Pick<HttpPrometheusClient, 'query' | 'queryRange' | 'alerts'>

export interface ExtraMeasurerDeps {
  readonly client: Client
  readonly start: DeployStart
  readonly intervalMs: number
  readonly now?: () => number
}

export interface ExtraMeasurer {
  /** One range query per baseline or `pre-existing: report` check, concurrently; a failure is retried by `measure`. */
  prefetch(checks: readonly CheckSpec[], signal?: AbortSignal): Promise<void>
  /** Whether `measure` handles this check (baseline, `pre-existing: report` and alerts checks). */
  handles(spec: CheckSpec): boolean
  measure(spec: CheckSpec, signal: AbortSignal): Promise<Measurement>
  /**
   * For `pre-existing: fail` checks that breached: one range query each, naming the breaching series that were
   * already beyond the bound before the deploy (only on this path: a gate without breaches asks nothing more).
   */
  explainBreaches(checks: readonly CheckOutcome[], signal?: AbortSignal): Promise<void>
  evidence(): BaselineEvidence[]
  preExisting(): PreExistingEvidence[]
  /** One series' values in a baseline check's window (time order), for its chart; undefined when it cannot be read. */
  historyOf(
    spec: MetricCheckSpec,
    labels: Readonly<Record<string, string>>,
    signal?: AbortSignal,
  ): Promise<number[] | undefined>
}

/** What a check learned from before the deploy. */
interface History {
  readonly baselines?: Baselines
  readonly preExisting?: readonly PreExistingSeries[]
}

function readsPreExisting(spec: CheckSpec): spec is MetricCheckSpec {
  return spec.kind === 'metric' && spec.preExisting === 'report'
}

function readsHistory(spec: CheckSpec): spec is MetricCheckSpec {
  return spec.kind === 'metric' && (spec.baseline !== undefined || spec.preExisting === 'report')
}

export function createExtraMeasurer(deps: ExtraMeasurerDeps): ExtraMeasurer {
  const now = deps.now ?? Date.now
  const baselineEvidence = new Map<string, BaselineEvidence>()
  const preExistingEvidence = new Map<string, PreExistingEvidence>()
  const loaded = new Map<string, History>()

  function rangeBefore(query: string, windowMs: number, offsetMs: number, signal?: AbortSignal) {
    const end = new Date(deps.start.atMs - offsetMs)
    const start = new Date(end.getTime() - windowMs)
    const stepMs = baselineStepMs(deps.intervalMs, windowMs)
    return { start, end, stepMs, run: () => deps.client.queryRange(query, { start, end, stepMs, signal }) }
  }

  /** The baseline's window; also the pre-existing one when it ends at the deploy (one query serves both). */
  async function loadBaseline(spec: MetricCheckSpec, signal?: AbortSignal): Promise<History> {
    const rule = spec.baseline!
    const q = rangeBefore(spec.baselineQuery ?? spec.query, rule.windowMs, rule.offsetMs, signal)
    const attempts = (baselineEvidence.get(spec.name)?.attempts ?? 0) + 1
    const base = {
      check: spec.name,
      windowText: rule.windowText,
      offsetText: rule.offsetText,
      windowStart: q.start.toISOString(),
      windowEnd: q.end.toISOString(),
      stepMs: q.stepMs,
      attempts,
    }
    try {
      const range = await q.run()
      const bandDropped = rule.band > 0 && rule.offsetMs === 0 && deps.start.source === 'gate-start'
      const baselines = computeBaselines(range, bandDropped ? 0 : rule.band)
      baselineEvidence.set(spec.name, {
        ...base,
        status: 'ready',
        seriesInWindow: range.length,
        seriesWithBaseline: baselines.size,
        ...(bandDropped ? { bandDropped } : {}),
      })
      const sameWindow = readsPreExisting(spec) && rule.offsetMs === 0
      return sameWindow ? { baselines, preExisting: found(spec, range) } : { baselines }
    } catch (err) {
      if (signal?.aborted === true) throw err
      const message = errorMeasurement(err, '').reason ?? 'baseline query failed'
      baselineEvidence.set(spec.name, { ...base, status: 'failed', error: message })
      throw new HistoryError(`baseline query failed: ${message}`, { cause: err })
    }
  }

  async function loadPreExisting(spec: MetricCheckSpec, signal?: AbortSignal): Promise<PreExistingSeries[]> {
    const window = preExistingWindow(spec)
    try {
      return found(spec, await rangeBefore(spec.baselineQuery ?? spec.query, window.ms, 0, signal).run())
    } catch (err) {
      if (signal?.aborted === true) throw err
      const message = errorMeasurement(err, '').reason ?? 'range query failed'
      preExistingEvidence.set(spec.name, {
        check: spec.name,
        mode: 'report',
        windowText: window.text,
        series: [],
        error: message,
      })
      throw new HistoryError(`pre-existing query failed: ${message}`, { cause: err })
    }
  }

  function found(spec: MetricCheckSpec, range: Parameters<typeof findPreExisting>[0]): PreExistingSeries[] {
    const series = findPreExisting(range, thresholdOf(spec))
    const mode = spec.preExisting === 'report' ? 'report' : 'fail'
    preExistingEvidence.set(spec.name, {
      check: spec.name,
      mode,
      windowText: preExistingWindow(spec).text,
      series,
    })
    return series
  }

  /** Loads what is missing (a failed query is asked again in the next round); a HistoryError until it succeeds. */
  async function history(spec: MetricCheckSpec, signal?: AbortSignal): Promise<History> {
    const known = loaded.get(spec.name) ?? {}
    let next = known
    // Each part is kept as soon as it is read: a failed pre-existing read does not make the baseline be read again.
    if (spec.baseline !== undefined && known.baselines === undefined) {
      next = { ...next, ...(await loadBaseline(spec, signal)) }
      loaded.set(spec.name, next)
    }
    if (readsPreExisting(spec) && next.preExisting === undefined) {
      next = { ...next, preExisting: await loadPreExisting(spec, signal) }
      loaded.set(spec.name, next)
    }
    return next
  }

  async function measureWithHistory(spec: MetricCheckSpec, signal: AbortSignal): Promise<Measurement> {
    const at = () => new Date(now()).toISOString()
    let h: History
    try {
      h = await history(spec, signal)
    } catch (err) {
      if (signal.aborted || !(err instanceof HistoryError)) throw err
      return { at: at(), outcome: 'error', reason: err.message }
    }
    const when = at()
    try {
      const result = await deps.client.query(spec.query, { signal })
      const threshold = thresholdOf(spec)
      const bounds = preExistingBounds(h.preExisting ?? [], threshold)
      const m =
        spec.baseline === undefined
          ? measureSeries(result.series, threshold, when, bounds)
          : measureWithBaseline(result.series, threshold, spec.baseline, h.baselines!, when, bounds)
      const noted = withPreExistingNote(m, result.series, h.preExisting ?? [], threshold)
      return result.warnings.length > 0 ? { ...noted, warnings: result.warnings } : noted
    } catch (err) {
      if (signal.aborted) throw err
      return errorMeasurement(err, when)
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

  async function explainBreaches(checks: readonly CheckOutcome[], signal?: AbortSignal): Promise<void> {
    const breached = checks.filter(
      (c): c is CheckOutcome & { spec: MetricCheckSpec } =>
        c.spec.kind === 'metric' &&
        c.spec.preExisting !== 'report' &&
        (c.spec.min !== undefined || c.spec.max !== undefined) &&
        c.samples.some((m) => m.outcome === 'breach'),
    )
    await Promise.all(
      breached.map(async (c) => {
        const window = preExistingWindow(c.spec)
        const breaching = new Set(
          c.samples
            .flatMap((m) => (m.outcome === 'breach' ? (m.series ?? []) : []))
            .map((s) => seriesKey(s.labels)),
        )
        try {
          const range = await rangeBefore(c.spec.baselineQuery ?? c.spec.query, window.ms, 0, signal).run()
          const series = findPreExisting(range, thresholdOf(c.spec)).filter((p) =>
            breaching.has(seriesKey(p.labels)),
          )
          if (series.length > 0) {
            preExistingEvidence.set(c.spec.name, {
              check: c.spec.name,
              mode: 'fail',
              windowText: window.text,
              series,
            })
          }
        } catch (err) {
          if (signal?.aborted === true) throw err
          // Only an explanation: a window that cannot be read leaves the check's evidence as it was.
        }
      }),
    )
  }

  return {
    async prefetch(checks, signal) {
      const first = checks.filter(readsHistory).map(async (c) => {
        try {
          await history(c, signal)
        } catch (err) {
          if (!(err instanceof HistoryError)) throw err
        }
      })
      await Promise.all(first)
    },
    handles: (spec) => spec.kind === 'alerts' || readsHistory(spec),
    measure(spec, signal) {
      if (spec.kind === 'alerts') return measureAlertsCheck(spec, signal)
      if (readsHistory(spec)) return measureWithHistory(spec, signal)
      return Promise.reject(new Error(`check ${spec.name} does not compare with before the deploy`))
    },
    explainBreaches,
    evidence: () => [...baselineEvidence.values()],
    preExisting: () => [...preExistingEvidence.values()],
    async historyOf(spec, labels, signal) {
      const rule = spec.baseline
      if (rule === undefined) return undefined
      try {
        const range = await rangeBefore(
          spec.baselineQuery ?? spec.query,
          rule.windowMs,
          rule.offsetMs,
          signal,
        ).run()
        const key = seriesKey(labels)
        return range.find((r) => seriesKey(r.labels) === key)?.values.slice()
      } catch (err) {
        if (signal?.aborted === true) throw err
        return undefined // only a chart: a window that cannot be read is drawn without its before part
      }
    },
  }
}

/** A window before the deploy that could not be read: the check's measurements are errors until it can. */
class HistoryError extends Error {}
