/**
 * What a rollback came to (SPEC §5.5): the plan, what carrying it out did, and the mark → the rollback's verdict and
 * whether the step fails. Pure; the plan itself (target, scope, age, job match) is plan.ts.
 */
import { formatDuration } from '../report/markdown.ts'
import type { ExecuteResult } from './execute.ts'
import type { Plan } from './plan.ts'

/**
 * `rolled-back`: the re-run or dispatched run completed with `success`; `requested`: accepted, not waited for;
 * `dry-run`: planned only; `timed-out`: still running at wait-timeout; `failed`: anything else.
 */
export type RollbackVerdict = 'rolled-back' | 'requested' | 'dry-run' | 'timed-out' | 'failed'

/** Everything a rollback did, for the summary, the report and the step's outcome. */
export interface RollbackRecord {
  readonly verdict: RollbackVerdict
  /** Why the step fails; undefined when it may end green. */
  readonly failure?: string
  /** Set once the facts could be read. */
  readonly plan?: Plan
  /** Set once a ready plan was carried out (or shown, in dry-run). */
  readonly result?: ExecuteResult
  /** A failure before there was a plan (reading deployments or runs). */
  readonly error?: string
}

export function decideRollback(
  parts: { plan?: Plan; result?: ExecuteResult; error?: string },
  waitTimeoutMs: number,
): RollbackRecord {
  const { plan, result, error } = parts
  const failed = (failure: string): RollbackRecord => ({ ...parts, verdict: 'failed', failure })
  if (error !== undefined) return failed(`rollback failed: ${error}`)
  if (!plan) return failed('rollback failed: no plan')
  if (!plan.ok) return failed(`rollback failed: ${plan.error}`)
  if (!result) return failed('rollback failed: the plan was not carried out')
  const url = result.run?.url ?? plan.target.runUrl
  const markProblem =
    result.mark.status === 'failed'
      ? `deployment ${result.mark.deploymentId} was not marked rolled back: ${result.mark.error}`
      : undefined
  switch (result.outcome) {
    case 'dry-run':
      return { ...parts, verdict: 'dry-run' }
    case 'error':
      return failed(`rollback failed: ${result.error ?? 'unknown error'}`)
    case 'timed-out':
      return {
        ...parts,
        verdict: 'timed-out',
        failure: `rollback run did not finish within wait-timeout ${formatDuration(waitTimeoutMs)}: ${url}`,
      }
    case 'completed':
      if (result.conclusion !== 'success') {
        return failed(`rollback run finished with conclusion ${result.conclusion ?? 'unknown'}: ${url}`)
      }
      return markProblem
        ? failed(`rollback run succeeded (${url}), but ${markProblem}`)
        : { ...parts, verdict: 'rolled-back' }
    case 'requested':
      return markProblem
        ? failed(`rollback requested (${url}), but ${markProblem}`)
        : { ...parts, verdict: 'requested' }
  }
}
