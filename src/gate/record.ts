/**
 * The gate's deployment record (SPEC §4), opened at gate start: one per job of a run attempt, `in_progress`. The
 * outcome closes it with the verdict (`publish.ts`).
 */
import type { ModeCore } from '../deps.ts'
import { State } from '../constants.ts'
import type { GateSettings } from '../config/settings.ts'
import type { RunContext } from '../github/context.ts'
import { actionsDeploymentWarning, findActionsDeployment } from '../ledger/actions-deployment.ts'
import { buildLogUrl, type DeploymentLedger, type JobIdentity } from '../ledger/deployments.ts'

export async function openRecord(
  ledger: DeploymentLedger,
  identity: JobIdentity,
  settings: GateSettings,
  ctx: RunContext,
  core: ModeCore,
  nowMs: number,
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
    nowMs,
  })
  if (actions) core.warning(actionsDeploymentWarning(actions, settings.environment))
  return id
}
