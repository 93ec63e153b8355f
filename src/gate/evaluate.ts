/**
 * The verdict rule (SPEC §3.4 and §3.6), pure: measurements → check states → check outcomes → verdict.
 * No clock, no I/O; run.ts decides when to measure, this module decides what the measurements mean.
 */
import type { CheckLimits, CheckSpec, OnNoData } from '../model/check-spec.ts'
import { failingCountText } from './failing-count.ts'
import type { CheckOutcome, CheckResult, Measurement, Verdict } from '../model/gate-result.ts'

/** How a measurement counts against the limits once `on-no-data` is applied. */
export type CountedAs = 'pass' | 'breach' | 'error'

/** One check while the gate runs. `failed` and `inconclusive` are final; `passed` is only given by `finishCheck`. */
export interface CheckState {
  readonly spec: CheckSpec
  readonly result: CheckResult
  readonly reason?: string
  readonly consecutiveBreaches: number
  /** Breaches anywhere in the window; a pass never resets it. */
  readonly windowBreaches: number
  readonly consecutiveErrors: number
  /** How the last measurement counted (after `on-no-data`); undefined before the first. */
  readonly lastCountedAs?: CountedAs
  /** Measurements as taken (a no-data measurement keeps its own outcome here, whatever it counted as). */
  readonly samples: readonly Measurement[]
}

export function initialState(spec: CheckSpec): CheckState {
  return {
    spec,
    result: 'pending',
    consecutiveBreaches: 0,
    windowBreaches: 0,
    consecutiveErrors: 0,
    samples: [],
  }
}

export function countAs(outcome: Measurement['outcome'], onNoData: OnNoData): CountedAs {
  switch (outcome) {
    case 'pass':
    case 'breach':
    case 'error':
      return outcome
    case 'no-data':
      return onNoData === 'fail' ? 'breach' : onNoData === 'pass' ? 'pass' : 'error'
  }
}

/** The evidence a reason quotes: the measurement's own reason, else a short description of it. */
export function evidenceOf(m: Measurement): string {
  if (m.reason !== undefined && m.reason !== '') return m.reason
  switch (m.outcome) {
    case 'no-data':
      return 'no data'
    case 'error':
      return 'measurement could not be taken'
    case 'breach':
      return m.value === undefined ? 'breach' : `value ${m.value}`
    case 'pass':
      return m.value === undefined ? 'pass' : `value ${m.value}`
  }
}

function count(n: number, singular: string, plural: string): string {
  return `${n} ${n === 1 ? singular : plural}`
}

/** Applies one measurement; returns a new state. A final state (`failed`, `inconclusive`) is returned unchanged. */
export function applyMeasurement(state: CheckState, m: Measurement, limits: CheckLimits): CheckState {
  if (state.result !== 'pending') return state
  const countedAs = countAs(m.outcome, limits.onNoData)
  const samples = [...state.samples, m]
  switch (countedAs) {
    case 'pass':
      return { ...state, consecutiveBreaches: 0, consecutiveErrors: 0, lastCountedAs: countedAs, samples }
    case 'breach': {
      // An error neither breaks nor extends a run of breaches, so consecutiveErrors is left as it is.
      const consecutiveBreaches = state.consecutiveBreaches + 1
      const windowBreaches = state.windowBreaches + 1
      const next: CheckState = {
        ...state,
        consecutiveBreaches,
        windowBreaches,
        lastCountedAs: countedAs,
        samples,
      }
      // Counted as breaches, in the window and in the current run (errors skipped, a pass ends it).
      const failing = samples.filter((s) => countAs(s.outcome, limits.onNoData) === 'breach')
      if (consecutiveBreaches >= limits.maxConsecutiveFailures) {
        const rule = `max-consecutive-failures ${limits.maxConsecutiveFailures}`
        const run = failing.slice(-consecutiveBreaches).map((s) => s.outcome)
        const reason = `${failingCountText(consecutiveBreaches, run)} in a row (${rule}): ${evidenceOf(m)}`
        return { ...next, result: 'failed', reason }
      }
      if (windowBreaches >= limits.maxFailures) {
        const rule = `max-failures ${limits.maxFailures}`
        const all = failing.map((s) => s.outcome)
        const reason = `${failingCountText(windowBreaches, all)} in the window (${rule}): ${evidenceOf(m)}`
        return { ...next, result: 'failed', reason }
      }
      return next
    }
    case 'error': {
      // A breach neither breaks nor extends a run of errors, so consecutiveBreaches is left as it is.
      const consecutiveErrors = state.consecutiveErrors + 1
      const next: CheckState = { ...state, consecutiveErrors, lastCountedAs: countedAs, samples }
      if (consecutiveErrors >= limits.maxConsecutiveErrors) {
        const rule = `max-consecutive-errors ${limits.maxConsecutiveErrors}`
        const reason = `${count(consecutiveErrors, 'error', 'errors')} in a row (${rule}): ${evidenceOf(m)}`
        return { ...next, result: 'inconclusive', reason }
      }
      return next
    }
  }
}

/**
 * SPEC §3.1: an HTTP check that did not pass once within `startup-timeout` is failed. Startup polls are not samples;
 * the last one is kept as the check's only sample, the evidence its reason quotes.
 */
export function failStartup(
  state: CheckState,
  startupTimeoutText: string,
  lastPoll: Measurement,
): CheckState {
  const reason = `not healthy within ${startupTimeoutText}: ${evidenceOf(lastPoll)}`
  return { ...state, result: 'failed', reason, samples: [lastPoll] }
}

function toOutcome(state: CheckState, result: CheckResult, reason: string | undefined): CheckOutcome {
  return reason === undefined
    ? { spec: state.spec, result, samples: state.samples }
    : { spec: state.spec, result, reason, samples: state.samples }
}

/**
 * The check's outcome when the window ran out. A still-pending check passes only if it was measured and its last
 * measurement was actually taken: nothing decides `stable` on a measurement that was never taken.
 */
export function finishCheck(state: CheckState): CheckOutcome {
  if (state.result !== 'pending') return toOutcome(state, state.result, state.reason)
  const last = state.samples.at(-1)
  if (last === undefined) return toOutcome(state, 'inconclusive', 'never measured')
  if (state.lastCountedAs === 'error') {
    return toOutcome(state, 'inconclusive', `last measurement could not be taken: ${evidenceOf(last)}`)
  }
  return toOutcome(state, 'passed', undefined)
}

/**
 * The check's outcome when the gate stopped before the window ran out (fail fast, startup failure): a check that
 * was still pending stays `pending` (not decided, so not passed), with `why` as its reason.
 */
export function stopCheck(state: CheckState, why: string): CheckOutcome {
  if (state.result !== 'pending') return toOutcome(state, state.result, state.reason)
  return toOutcome(state, 'pending', `not decided: ${why}`)
}

/**
 * SPEC §3.6: `failed` if any enforced check failed; else `inconclusive` if any enforced check did not pass
 * (inconclusive, or pending); else `stable`. Shadow checks (`enforce: false`) never change the verdict.
 * `failedChecks` lists the enforced checks that ended `failed` or `inconclusive`, in the order given.
 */
export function decideVerdict(outcomes: readonly CheckOutcome[]): {
  verdict: Verdict
  failedChecks: string[]
} {
  const enforced = outcomes.filter((o) => o.spec.enforce)
  const failedChecks = enforced
    .filter((o) => o.result === 'failed' || o.result === 'inconclusive')
    .map((o) => o.spec.name)
  const verdict: Verdict = enforced.some((o) => o.result === 'failed')
    ? 'failed'
    : enforced.some((o) => o.result !== 'passed')
      ? 'inconclusive'
      : 'stable'
  return { verdict, failedChecks }
}
