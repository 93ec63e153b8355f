/**
 * A case judged in-process by the gate's own pure functions, as a gate run judges it: the baseline from the window's
 * samples (`computeBaselines`), each round's sample measured against it (`measureWithBaseline`) and counted
 * (`applyMeasurement`, `finishCheck`) with the default limits. The e2e test holds each replayed verdict to this.
 */
import { baselineSpec } from '../../src/config/baseline-config.ts'
import type { MetricCheckConfig } from '../../src/config/schema.ts'
import { Defaults } from '../../src/constants.ts'
import type { CheckLimits, MetricCheckSpec } from '../../src/model/check-spec.ts'
import { computeBaselines, measureWithBaseline } from '../../src/prometheus/baseline.ts'
import { applyMeasurement, finishCheck, initialState } from '../../src/gate/verdict.ts'

export const DEFAULT_LIMITS: CheckLimits = {
  maxConsecutiveFailures: Defaults.maxConsecutiveFailures,
  maxFailures: Defaults.maxFailures,
  maxConsecutiveErrors: Defaults.maxConsecutiveErrors,
  onNoData: Defaults.onNoData,
}

export interface InProcessVerdict {
  readonly result: string
  /** Round index (0-based) of the sample that failed the check. */
  readonly failedRound?: number
}

/**
 * `baseline` is the check's whole `baseline:` block as written in the config (window and offset included: they do
 * not change the values, which are the window's samples and the rounds given here).
 */
export function judgeInProcess(
  window: readonly number[],
  rounds: readonly number[],
  baseline: NonNullable<MetricCheckConfig['baseline']>,
  limits: CheckLimits = DEFAULT_LIMITS,
): InProcessVerdict {
  const rule = baselineSpec(baseline)!
  const labels = { case: 'in-process' }
  const spec: MetricCheckSpec = {
    kind: 'metric',
    name: 'x',
    query: 'x',
    baseline: rule,
    enforce: false,
    limits,
  }
  const baselines = computeBaselines([{ labels, values: window }], rule.band)
  let state = initialState(spec)
  for (const [k, value] of rounds.entries()) {
    const at = new Date(k * 1000).toISOString()
    state = applyMeasurement(state, measureWithBaseline([{ labels, value }], {}, rule, baselines, at), limits)
    if (state.result === 'failed') return { result: 'failed', failedRound: k }
  }
  return { result: finishCheck(state).result }
}
