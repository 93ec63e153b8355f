/**
 * The gate's verdict rule, whole and pure (SPEC §3.4, §3.6, §4): measurements → check states → check outcomes →
 * verdict → what the verdict does (whether the gate records, the deployment status, the check run's conclusion and
 * how the step ends). No clock, no I/O: run.ts decides when to measure, `gate/mode.ts` puts the answers in its
 * outcome. How one answer becomes a measurement is `prometheus/measure.ts` (thresholds) and `probes/http-judge.ts`
 * (HTTP expectations).
 */
import type { CheckLimits, CheckSpec, OnNoData } from '../model/check-spec.ts'
import { failingCountText } from './failing-count.ts'
import type { CheckOutcome, CheckResult, GateResult, Measurement, Verdict } from '../model/gate-result.ts'

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

export interface GateDecisionInput {
  readonly record: boolean
  readonly dryRun: boolean
  readonly failOnInconclusive: boolean
  /** `GITHUB_EVENT_NAME`. */
  readonly eventName: string
}

/** A deployment is recorded only for a real deploy: not in a dry run, not from a pull request (SPEC §2). */
export function recordsDeployment(
  input: Pick<GateDecisionInput, 'record' | 'dryRun' | 'eventName'>,
): boolean {
  return input.record && !input.dryRun && !input.eventName.startsWith('pull_request')
}

/** The final deployment status: `success`, `failure`, or `error` for a gate that could not decide. */
export function deploymentState(verdict: Verdict): 'success' | 'failure' | 'error' {
  return verdict === 'stable' ? 'success' : verdict === 'failed' ? 'failure' : 'error'
}

/**
 * The check run's conclusion: `neutral` in a dry run, and for a stable gate whose shadow checks (`enforce: false`)
 * found something — green would hide them, red would block on checks the team chose not to enforce.
 */
export function checkRunConclusion(
  result: Pick<GateResult, 'verdict' | 'checks'>,
  dryRun: boolean,
): 'success' | 'failure' | 'neutral' {
  const shadowFindings = result.checks.some((c) => !c.spec.enforce && c.result !== 'passed')
  if (dryRun || (result.verdict === 'stable' && shadowFindings)) return 'neutral'
  return result.verdict === 'stable' ? 'success' : 'failure'
}

/** How the step ends; `description` is the verdict's one line, already redacted. */
export type StepEnd =
  | { readonly kind: 'pass' }
  | { readonly kind: 'notice' | 'warning'; readonly message: string }
  | { readonly kind: 'fail'; readonly message: string }

/**
 * A dry run never fails on the verdict (a notice says what it was); stable passes; inconclusive fails unless
 * `fail-on-inconclusive: false` (then a warning); failed fails.
 */
export function stepEnd(
  verdict: Verdict,
  input: Pick<GateDecisionInput, 'dryRun' | 'failOnInconclusive'>,
  description: string,
): StepEnd {
  if (input.dryRun)
    return { kind: 'notice', message: `dry run: verdict ${verdict}; the step does not fail on the verdict` }
  if (verdict === 'stable') return { kind: 'pass' }
  if (verdict === 'inconclusive' && !input.failOnInconclusive)
    return { kind: 'warning', message: `gate inconclusive (fail-on-inconclusive: false): ${description}` }
  return { kind: 'fail', message: `deploy-gate: ${description}` }
}
