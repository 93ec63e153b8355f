/**
 * What a rollback came to, and its JSON report (SPEC §7: `plan` and `result` instead of `checks`). Pure.
 */
import { formatDuration } from '../report/markdown.ts'
import { redact } from '../report/redact.ts'
import type { RunRef } from '../report/json.ts'
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

export interface RollbackReport {
  readonly version: 1
  readonly mode: 'rollback'
  readonly verdict: RollbackVerdict
  readonly environment: string
  /** The target commit (what the rollback deploys); `''` when there is none. */
  readonly sha: string
  readonly run: RunRef
  readonly startedAt: string
  readonly finishedAt: string
  readonly plan: Plan | null
  readonly result:
    | (ExecuteResult & { readonly failure: string | null })
    | { readonly error: string | null; readonly failure: string | null }
}

export function buildRollbackReport(
  record: RollbackRecord,
  ctx: {
    environment: string
    run: RunRef
    startedAt: string
    finishedAt: string
    secrets: readonly string[]
  },
): RollbackReport {
  const failure = record.failure ?? null
  const report: RollbackReport = {
    version: 1,
    mode: 'rollback',
    verdict: record.verdict,
    environment: ctx.environment,
    sha: record.plan?.target?.sha ?? '',
    run: ctx.run,
    startedAt: ctx.startedAt,
    finishedAt: ctx.finishedAt,
    plan: record.plan ?? null,
    result: record.result ? { ...record.result, failure } : { error: record.error ?? null, failure },
  }
  return redact(report, ctx.secrets)
}

/** The plan as log lines, in full: dry-run shows exactly this. */
export function planLines(plan: Plan, environment: string): string[] {
  const lines = [`rollback plan for ${environment}:`]
  const c = plan.current
  if (!c) lines.push('  current: none found')
  else if (c.kind === 'deployment') {
    lines.push(
      `  current: deployment ${c.deploymentId} of ${c.sha} (run ${c.runId} attempt ${c.runAttempt}, created ${c.createdAt})`,
    )
  } else {
    lines.push(
      `  current: run ${c.runId} of ${c.sha} (newest completed run, created ${c.createdAt}; no deployment record)`,
    )
  }
  const t = plan.target
  if (t) {
    lines.push(
      `  target: run ${t.runId} of ${t.sha} (created ${t.createdAt}, ${t.ageDays} day${t.ageDays === 1 ? '' : 's'} ago, latest attempt ${t.runAttempt}) ${t.runUrl}`,
      `  why this target: ${t.reason}`,
    )
  } else lines.push('  target: none')
  for (const a of plan.artifacts) lines.push(`  artifact ${a.name}: ${a.status}, ${a.note}`)
  if (plan.ignoredArtifacts.length > 0)
    lines.push(`  report artifacts, not counted: ${plan.ignoredArtifacts.join(', ')}`)
  if (!plan.ok) {
    lines.push(`  problem: ${plan.error}`)
    return lines
  }
  const job = plan.job
    ? ` — job "${plan.job.name}" (id ${plan.job.id}, matched by ${plan.job.matchedBy})`
    : ''
  const dispatch = plan.dispatch
    ? ` — ${plan.dispatch.workflow} on ${plan.dispatch.ref} with ${JSON.stringify(plan.dispatch.inputs)}`
    : ''
  lines.push(`  scope: ${plan.scope}${job}${dispatch}`, `  why this scope: ${plan.scopeReason}`)
  return lines
}
