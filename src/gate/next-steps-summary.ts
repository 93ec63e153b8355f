/**
 * The "What to do next" section that ends a failed or inconclusive gate's summary (SPEC §7): the rollback target the
 * rollback mode would pick now, whether its artifacts allow a deploy-job re-run, and the link to the rollback
 * workflow's page where the Run workflow button is. Pure; every value from GitHub goes through the markdown helpers.
 */
import type { NextSteps } from './next-steps.ts'
import { code, escapeCell, link, shorten } from '../report/markdown.ts'
import { withoutUserinfo } from '../report/redact.ts'

export interface NextStepsContext {
  /** `GITHUB_SERVER_URL`, e.g. `https://github.com`. */
  readonly serverUrl: string
  /** `owner/repo`. */
  readonly repository: string
  /** The `rollback-workflow` input (a validated file name). */
  readonly rollbackWorkflow?: string
  /** An inconclusive gate adds that the measurements come first: a broken Prometheus is no reason to roll back. */
  readonly verdict?: 'failed' | 'inconclusive'
  readonly now: Date
}

const REASON_CHARS = 300
const HOUR_MS = 3_600_000

export const NEXT_STEPS_HEADING = '#### What to do next'

/** `<server>/<repo>/actions/workflows/<file>`: the workflow's page, with its Run workflow button. */
export function rollbackWorkflowUrl(
  ctx: Pick<NextStepsContext, 'serverUrl' | 'repository'>,
  file: string,
): string {
  const server = withoutUserinfo(ctx.serverUrl).replace(/\/+$/, '')
  return `${server}/${ctx.repository}/actions/workflows/${encodeURIComponent(file)}`
}

export function renderNextSteps(next: NextSteps, ctx: NextStepsContext): string {
  const lines = [NEXT_STEPS_HEADING]
  if (ctx.verdict === 'inconclusive') {
    lines.push(
      'The gate could not decide: look first at why the measurements could not be taken (above); if the release ' +
        'itself is bad, this is the way back.',
    )
  }
  const button = ctx.rollbackWorkflow
    ? `**${link(`Open ${ctx.rollbackWorkflow}`, rollbackWorkflowUrl(ctx, ctx.rollbackWorkflow))}** and press ` +
      '**Run workflow** to go back to it, or fix forward.'
    : 'Set the `rollback-workflow` input to link the rollback workflow (its **Run workflow** button) here.'
  switch (next.kind) {
    case 'target':
      lines.push(targetLine(next, ctx.now), scopeLine(next), button)
      break
    case 'none':
      lines.push(
        `There is no stable release to roll back to: ${escapeCell(shorten(next.reason, REASON_CHARS))}. ` +
          'Fix forward, or deploy a known-good commit by hand.',
      )
      break
    case 'unknown':
      lines.push(
        `The rollback target could not be read: ${escapeCell(shorten(next.reason, REASON_CHARS))}.`,
        ...(ctx.rollbackWorkflow ? [button] : []),
      )
      break
  }
  return lines.join('\n\n')
}

function targetLine(next: Extract<NextSteps, { kind: 'target' }>, now: Date): string {
  const run = link(`run ${next.runId}`, withoutUserinfo(next.runUrl))
  const at = Date.parse(next.deployedAt)
  const when = Number.isFinite(at)
    ? `, deployed ${escapeCell(new Date(at).toISOString().slice(0, 16).replace('T', ' '))} UTC (${ageText(now.getTime() - at)})`
    : ''
  return `The rollback would go back to ${code(next.sha.slice(0, 7))} (${run})${when}, the last stable release before this one.`
}

function scopeLine(next: Extract<NextSteps, { kind: 'target' }>): string {
  const reason = escapeCell(shorten(next.scopeReason, REASON_CHARS))
  switch (next.scope) {
    case 'deploy-job':
      return `Its build artifacts are still there, so only its deploy job would run again (\`deploy-job\`): ${reason}.`
    case 'all-jobs':
      return `All of its jobs would run again (\`all-jobs\`): ${reason}.`
    case 'dispatch':
      return `It is too old to re-run (\`dispatch\`): ${reason}.`
  }
}

/** `5 min ago`, `3 h ago`, `4 days ago`. */
export function ageText(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return 'just now'
  if (ms < HOUR_MS) return `${Math.max(1, Math.round(ms / 60_000))} min ago`
  if (ms < 48 * HOUR_MS) return `${Math.round(ms / HOUR_MS)} h ago`
  return `${Math.floor(ms / (24 * HOUR_MS))} days ago`
}
