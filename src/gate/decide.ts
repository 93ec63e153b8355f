/**
 * What gate mode does with a verdict, in one place: whether it records at all, the deployment status it writes, the
 * check run's conclusion and how the step ends. Pure; `gate/mode.ts` puts the answers in its outcome, `publish.ts` applies it. (How samples become a
 * verdict is `gate/evaluate.ts`; how one sample is judged, `prometheus/measure.ts` and `probes/http-judge.ts`.)
 */
import type { GateResult, Verdict } from '../model/gate-result.ts'

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
