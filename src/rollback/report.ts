/** The rollback's JSON report (SPEC §7: `plan` and `result` instead of `checks`) and its plan lines for the log. Pure. */
import { redact } from '../report/redact.ts'
import type { RunRef } from '../report/json.ts'
import type { ExecuteResult } from './execute.ts'
import type { Plan } from './plan.ts'
import type { RollbackRecord, RollbackVerdict } from './verdict.ts'

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
