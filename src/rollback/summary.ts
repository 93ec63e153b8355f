/**
 * The rollback's job summary (SPEC §7): the plan — current, target, why this target, artifacts with their expiry,
 * scope and why — then the result. A pure function of what the rollback did.
 */
import type { ExecuteResult, MarkResult } from './execute.ts'
import type { PlanArtifact, PlanCurrent, Plan, PlanTarget } from './plan.ts'
import type { RollbackRecord, RollbackVerdict } from './verdict.ts'
import {
  code,
  codeCell,
  escapeCell,
  formatDuration,
  Icons,
  link,
  table,
  verdictLine,
} from '../report/markdown.ts'

export interface RollbackSummaryContext {
  readonly environment: string
  readonly deployWorkflow: string
  /** `<server>/<owner>/<repo>`, for links to runs. */
  readonly repositoryUrl: string
  /** This rollback run. */
  readonly runUrl?: string
  /** The uploaded name of the JSON report artifact, when one is uploaded. */
  readonly reportArtifact?: string
}

const VERDICT: Record<RollbackVerdict, { icon: string; title: string }> = {
  'rolled-back': { icon: Icons.ok, title: 'deploy-gate rollback: rolled back' },
  requested: { icon: Icons.ok, title: 'deploy-gate rollback: re-run requested' },
  'dry-run': { icon: Icons.info, title: 'deploy-gate rollback: plan only (dry run)' },
  'timed-out': { icon: Icons.warn, title: 'deploy-gate rollback: timed out waiting' },
  failed: { icon: Icons.fail, title: 'deploy-gate rollback: failed' },
}

const ARTIFACT_ICONS: Record<PlanArtifact['status'], string> = {
  ok: Icons.ok,
  expired: Icons.fail,
  expiring: Icons.warn,
  missing: Icons.fail,
  unknown: Icons.warn,
}

export function renderRollbackSummary(record: RollbackRecord, ctx: RollbackSummaryContext): string {
  const { plan, result } = record
  const v = VERDICT[record.verdict]
  const facts = [escapeCell(ctx.environment), ...(plan?.target ? [code(plan.target.sha.slice(0, 7))] : [])]
  const parts = [verdictLine(v.icon, v.title, facts)]
  if (record.failure) parts.push(`${Icons.fail} ${escapeCell(record.failure)}`)
  if (plan) parts.push(renderPlan(plan, ctx))
  if (plan?.ok && result) parts.push(renderResult(result))
  const warnings = plan?.warnings ?? []
  if (warnings.length > 0) {
    parts.push(['#### Warnings', ...warnings.map((w) => `- ${Icons.warn} ${escapeCell(w)}`)].join('\n'))
  }
  const footer = [
    ...(ctx.runUrl ? [link('rollback run', ctx.runUrl)] : []),
    ...(ctx.reportArtifact ? [`JSON report: artifact ${code(ctx.reportArtifact)}`] : []),
  ]
  if (footer.length > 0) parts.push(`<sub>${footer.join(' · ')}</sub>`)
  return `${parts.join('\n\n')}\n`
}

function renderPlan(plan: Plan, ctx: RollbackSummaryContext): string {
  const rows: string[][] = [['Current', currentCell(plan.current, ctx)]]
  if (plan.target) {
    rows.push(['Target', targetCell(plan.target)], ['Why this target', escapeCell(plan.target.reason)])
  } else {
    rows.push(['Target', 'none'])
  }
  if (plan.ok) {
    const job = plan.job
      ? ` — job ${codeCell(plan.job.name)} (id ${plan.job.id}, matched by ${plan.job.matchedBy})`
      : ''
    const dispatch = plan.dispatch
      ? ` — ${codeCell(plan.dispatch.workflow)} on ${codeCell(plan.dispatch.ref)} with ${Object.entries(
          plan.dispatch.inputs,
        )
          .map(([k, val]) => codeCell(`${k}=${val}`))
          .join(', ')}`
      : ''
    rows.push(
      ['Scope', `${codeCell(plan.scope)}${job}${dispatch}`],
      ['Why this scope', escapeCell(plan.scopeReason)],
    )
  } else {
    rows.push(['Problem', escapeCell(plan.error)])
  }
  const sections = ['#### Plan', table(['', ''], rows)]
  if (plan.artifacts.length > 0) sections.push('#### Artifacts', artifactsTable(plan.artifacts))
  if (plan.ignoredArtifacts.length > 0) {
    sections.push(`Report artifacts, never counted: ${plan.ignoredArtifacts.map((n) => code(n)).join(', ')}`)
  }
  return sections.join('\n\n')
}

function currentCell(current: PlanCurrent | undefined, ctx: RollbackSummaryContext): string {
  if (!current) return 'none found'
  const sha = codeCell(current.sha.slice(0, 7))
  const runPath = `${ctx.repositoryUrl}/actions/runs/${current.runId}`
  if (current.kind === 'deployment') {
    const attempt = current.runAttempt ? `/attempts/${current.runAttempt}` : ''
    return (
      `deployment ${current.deploymentId} of ${sha}, created ${escapeCell(current.createdAt)}, by ` +
      link(`run ${current.runId}`, `${runPath}${attempt}`)
    )
  }
  return (
    `${link(`run ${current.runId}`, current.runUrl ?? runPath)} of ${sha}, created ${escapeCell(current.createdAt)} ` +
    `(newest completed run of ${escapeCell(ctx.deployWorkflow)}; no deploy-gate records in ${escapeCell(ctx.environment)})`
  )
}

function targetCell(t: PlanTarget): string {
  const deployment = t.deploymentId !== undefined ? `, deployment ${t.deploymentId}` : ''
  return (
    `${link(`run ${t.runId}`, t.runUrl)} of ${codeCell(t.sha.slice(0, 7))} (${codeCell(t.sha)}), created ` +
    `${escapeCell(t.createdAt)} (${t.ageDays} day${t.ageDays === 1 ? '' : 's'} ago), latest attempt ${t.runAttempt}${deployment}`
  )
}

function artifactsTable(artifacts: readonly PlanArtifact[]): string {
  return table(
    ['artifact', 'expires', 'status'],
    artifacts.map((a) => [
      codeCell(a.name),
      a.expiresAt
        ? `${escapeCell(a.expiresAt)}${a.expiresAtSource === 'retention-days' ? ' (created_at + artifact-retention-days)' : ''}`
        : '—',
      `${ARTIFACT_ICONS[a.status]} ${escapeCell(a.status)}: ${escapeCell(a.note)}`,
    ]),
  )
}

function renderResult(result: ExecuteResult): string {
  const rows: string[][] = []
  if (result.outcome === 'dry-run') {
    rows.push(
      ['Request', `${codeCell(result.request)} — not sent (dry run)`],
      ['Mark', 'not marked (dry run)'],
    )
    return ['#### Result', table(['', ''], rows)].join('\n\n')
  }
  const accepted = result.run !== undefined
  rows.push(['Request', `${codeCell(result.request)} — ${accepted ? 'accepted' : 'not accepted'}`])
  if (result.run) {
    const label =
      result.run.attempt !== undefined
        ? `run ${result.run.id} attempt ${result.run.attempt}`
        : `run ${result.run.id}`
    rows.push(['Run', link(label, result.run.url)])
  }
  rows.push(['Mark', markCell(result.mark)])
  if (result.outcome === 'completed') {
    const icon = result.conclusion === 'success' ? Icons.ok : Icons.fail
    rows.push([
      'Conclusion',
      `${icon} ${codeCell(result.conclusion ?? 'unknown')} after ${formatDuration(result.waitedMs ?? 0)}`,
    ])
  } else if (result.outcome === 'timed-out') {
    rows.push([
      'Conclusion',
      `${Icons.warn} still running after ${formatDuration(result.waitedMs ?? 0)} (wait-timeout)`,
    ])
  } else if (result.outcome === 'requested') {
    rows.push(['Conclusion', 'not waited for (wait: false)'])
  }
  if (result.error) rows.push(['Error', `${Icons.fail} ${escapeCell(result.error)}`])
  return ['#### Result', table(['', ''], rows)].join('\n\n')
}

function markCell(mark: MarkResult): string {
  switch (mark.status) {
    case 'marked':
      return `deployment ${mark.deploymentId} → ${codeCell('failure')}: ${escapeCell(mark.description)}`
    case 'failed':
      return `${Icons.fail} deployment ${mark.deploymentId} not marked: ${escapeCell(mark.error)}`
    case 'skipped':
      return `not marked: ${escapeCell(mark.reason)}`
  }
}
