/** The gate's post step (`runs.post`, `post-if: always()`). */
import type { ModeDeps } from '../deps.ts'
import { State } from '../constants.ts'
import { errorMessage } from '../errors.ts'
import { completeCheckRun } from '../github/check-runs.ts'
import { readRunContext } from '../github/context.ts'
import { buildLogUrl, createDeploymentLedger } from '../ledger/deployments.ts'

/** What the post step writes on the records of a gate that did not finish (SPEC §4). */
const DID_NOT_FINISH = 'gate did not finish'

/**
 * Post step: closes what a gate that did not finish (cancelled, crashed, or unable to write its results) left open —
 * the deployment it created or reused gets `error` / `gate did not finish` when no final status was written to it
 * (SPEC §4), and its check run, when one was started and never completed, is completed `cancelled` with the same title,
 * so that no record stays `in_progress`. Otherwise the post step does nothing.
 */
export async function runGatePost({
  core,
  env,
  github,
}: Pick<ModeDeps, 'core' | 'env' | 'github'>): Promise<void> {
  const deploymentId = core.getState(State.DeploymentId)
  const checkRunId = core.getState(State.CheckRunId)
  const openDeployment = deploymentId !== '' && core.getState(State.FinalStatusWritten) !== 'true'
  const openCheckRun = checkRunId !== '' && core.getState(State.CheckRunCompleted) !== 'true'
  if (!openDeployment && !openCheckRun) return
  const ctx = readRunContext(env)
  const octokit = await github()
  const repo = { owner: ctx.owner, repo: ctx.repo }
  const failures: string[] = []
  if (openDeployment) {
    try {
      await createDeploymentLedger(octokit, repo).setStatus(Number(deploymentId), {
        state: 'error',
        description: DID_NOT_FINISH,
        logUrl: buildLogUrl(ctx.serverUrl, `${ctx.owner}/${ctx.repo}`, ctx.runId, ctx.runAttempt),
      })
      core.info(`deployment ${deploymentId} marked error: ${DID_NOT_FINISH}`)
    } catch (err) {
      failures.push(errorMessage(err))
    }
  }
  if (openCheckRun) {
    try {
      await completeCheckRun(octokit, repo, Number(checkRunId), 'cancelled', {
        title: DID_NOT_FINISH,
        summary: `deploy-gate did not finish (cancelled, or it failed before it could publish a verdict): ${ctx.runUrl}`,
        annotations: [],
      })
      core.info(`check run ${checkRunId} completed as cancelled: ${DID_NOT_FINISH}`)
    } catch (err) {
      failures.push(errorMessage(err))
    }
  }
  if (failures.length > 0) throw new Error(failures.join('; '))
}
