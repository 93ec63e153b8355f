/**
 * The gate's deployment record (SPEC §4): opened at gate start (one per job of a run attempt, `in_progress`), closed
 * with the verdict — unless a person rolled the deployment back while the gate was still watching: rolled back is
 * final, so the gate then writes no `success` over the mark and warns instead.
 */
import { core } from '../report/log.ts'
import { State } from '../constants.ts'
import type { GateSettings } from '../config/settings.ts'
import type { RunContext } from '../github/context.ts'
import { actionsDeploymentWarning, findActionsDeployment } from '../ledger/actions-deployment.ts'
import {
  buildLogUrl,
  findRolledBackMark,
  type DeploymentLedger,
  type JobIdentity,
  type LedgerState,
} from '../ledger/deployments.ts'
import { redactText } from '../report/redact.ts'

export async function openRecord(
  ledger: DeploymentLedger,
  identity: JobIdentity,
  settings: GateSettings,
  ctx: RunContext,
): Promise<number> {
  if (identity.warning) core.warning(identity.warning)
  const { id, reused, others } = await ledger.findOrCreate({
    sha: settings.sha,
    environment: settings.environment,
    productionEnvironment: settings.environment === 'production',
    payload: {
      version: 1,
      run_id: ctx.runId,
      run_attempt: ctx.runAttempt,
      workflow_ref: ctx.workflowRef,
      job: ctx.job,
      ...(identity.name === undefined ? {} : { job_name: identity.name }),
      ...(identity.id === undefined ? {} : { job_id: identity.id }),
    },
  })
  core.saveState(State.DeploymentId, String(id))
  await ledger.setStatus(id, {
    state: 'in_progress',
    description: 'deploy-gate is observing the deploy',
    logUrl: buildLogUrl(ctx.serverUrl, `${ctx.owner}/${ctx.repo}`, ctx.runId, ctx.runAttempt),
    environmentUrl: settings.environmentUrl,
  })
  core.info(
    `${reused ? 'reusing' : 'created'} deployment ${id} for ${settings.sha.slice(0, 7)} in ${settings.environment}`,
  )
  const actions = findActionsDeployment(others, settings.sha, {
    ...(identity.createdAt ? { jobCreatedAt: identity.createdAt } : {}),
    nowMs: Date.now(),
  })
  if (actions) core.warning(actionsDeploymentWarning(actions, settings.environment))
  return id
}

export interface CloseRecord {
  readonly state: Exclude<LedgerState, 'in_progress'>
  readonly description: string
}

/**
 * Writes the verdict. A `success` is written only when the record carries no rollback mark (read first); with a mark,
 * nothing is written and the gate warns. Either way the post step has nothing left to close.
 */
export async function closeRecord(
  ledger: DeploymentLedger,
  id: number,
  verdict: CloseRecord,
  settings: GateSettings,
  ctx: RunContext,
): Promise<void> {
  if (verdict.state === 'success') {
    const mark = findRolledBackMark(await ledger.statuses(id))
    if (mark) {
      core.warning(
        `deployment ${id} was rolled back while the gate ran (${redactText(mark.description ?? '', settings.secrets)}); ` +
          'rolled back is final, so the gate does not mark it stable',
      )
      core.saveState(State.FinalStatusWritten, 'true')
      return
    }
  }
  await ledger.setStatus(id, {
    state: verdict.state,
    description: redactText(verdict.description, settings.secrets),
    logUrl: buildLogUrl(ctx.serverUrl, `${ctx.owner}/${ctx.repo}`, ctx.runId, ctx.runAttempt),
    environmentUrl: settings.environmentUrl,
  })
  core.saveState(State.FinalStatusWritten, 'true')
}
