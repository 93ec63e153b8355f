/**
 * Runs rollback mode (SPEC §5): read the facts, plan, re-run or dispatch (not in dry-run), mark the bad deployment,
 * wait — and hand back the outcome (outputs, job summary, JSON report and its artifact) for `publish.ts`, with the
 * rollback's record.
 */
import type { ModeDeps } from '../deps.ts'
import { Defaults, Outputs } from '../constants.ts'
import type { RollbackSettings } from '../config/settings.ts'
import { errorMessage } from '../errors.ts'
import { repoFromEnv } from '../github/errors.ts'
import { readRunContext } from '../github/context.ts'
import { createDeploymentLedger } from '../ledger/deployments.ts'
import type { ModeOutcome } from '../model/outcome.ts'
import { renderReportJson } from '../report/json.ts'
import { reportPathFor } from '../report/publish.ts'
import { redactText } from '../report/redact.ts'
import { renderRollbackSummary } from './summary.ts'
import { createWorkflowRunsApi } from './actions-api.ts'
import { executePlan, type ExecuteResult } from './execute.ts'
import { plan as planRollback, type Plan, type PlanInput, type ReadyPlan } from './plan.ts'
import { reportArtifactName } from '../report/artifact-name.ts'
import { buildRollbackReport, planLines } from './report.ts'
import { decideRollback, type RollbackRecord } from './verdict.ts'
import { gatherPlanInput, type GatherOptions } from './target.ts'

export type RollbackDeps = Pick<ModeDeps, 'core' | 'env' | 'github' | 'clock'>

/** The outcome, and what happened (for tests and the bench). */
export interface RollbackOutcome extends ModeOutcome {
  readonly record: RollbackRecord
}

export async function runRollbackMode(
  settings: RollbackSettings,
  deps: RollbackDeps,
): Promise<RollbackOutcome> {
  const { core, env } = deps
  const now = deps.clock.now
  const sleep = (ms: number): Promise<void> => deps.clock.sleep(ms)
  const scrub = (text: string): string => redactText(text, settings.secrets)
  const log = (line: string): void => core.info(scrub(line))
  const warn = (line: string): void => core.warning(scrub(line))

  const ctx = readRunContext(env)
  const repo = repoFromEnv(env)
  const startedAt = new Date(now()).toISOString()
  const octokit = await deps.github()
  const runs = createWorkflowRunsApi(octokit, repo)
  const ledger = createDeploymentLedger(octokit, repo)
  const repositoryUrl = `${ctx.serverUrl}/${repo.owner}/${repo.repo}`

  let plan: Plan | undefined
  let input: PlanInput | undefined
  let result: ExecuteResult | undefined
  let error: string | undefined
  try {
    input = await gatherPlanInput({ ledger, runs, log }, gatherOptions(settings), new Date(now()))
    plan = planRollback(input)
  } catch (err) {
    error = errorMessage(err)
  }
  if (plan) {
    for (const line of planLines(plan, settings.environment)) log(line)
    for (const w of plan.warnings) warn(w)
  }
  const execute = (ready: ReadyPlan): Promise<ExecuteResult> =>
    executePlan(
      ready,
      { runs, ledger, sleep, now, log, warn },
      {
        dryRun: settings.dryRun,
        wait: settings.wait,
        waitTimeoutMs: settings.waitTimeoutMs,
        deployWorkflow: settings.deployWorkflow,
        actionsUrl: `${repositoryUrl}/actions`,
        ...(ctx.runId ? { logUrl: ctx.runUrl } : {}),
      },
    )
  if (plan?.ok) result = await execute(plan)
  if (result?.refusedAsTooOld && input) {
    // SPEC §5.2: GitHub's month-limit 403 is treated as a run past the limit — dispatch when redeploy-input is set.
    log(`GitHub refused the re-run (created over a month ago): planning again as for a run past the limit`)
    try {
      const branch = input.options.branch ?? (settings.redeployInput ? await runs.defaultBranch() : undefined)
      plan = planRollback({
        ...input,
        refusedAsTooOld: true,
        options: { ...input.options, ...(branch ? { branch } : {}) },
      })
      for (const line of planLines(plan, settings.environment)) log(line)
      result = plan.ok ? await execute(plan) : undefined
    } catch (err) {
      result = undefined
      error = errorMessage(err)
    }
  }
  const record = decideRollback({ plan, result, error }, settings.waitTimeoutMs)

  const artifactName = reportArtifactName(settings.reportArtifact, {
    job: ctx.job,
    runAttempt: ctx.runAttempt,
  })
  const summary = renderRollbackSummary(record, {
    environment: settings.environment,
    deployWorkflow: settings.deployWorkflow,
    repositoryUrl,
    ...(ctx.runId ? { runUrl: ctx.runUrl } : {}),
    ...(artifactName !== 'none' ? { reportArtifact: artifactName } : {}),
  })
  const report = buildRollbackReport(record, {
    environment: settings.environment,
    run: { id: ctx.runId, attempt: ctx.runAttempt, url: ctx.runUrl },
    startedAt,
    finishedAt: new Date(now()).toISOString(),
    secrets: settings.secrets,
  })
  return {
    record,
    outputs: {
      [Outputs.TargetRunId]: plan?.target ? String(plan.target.runId) : '',
      [Outputs.TargetSha]: plan?.target?.sha ?? '',
      [Outputs.RerunScope]: plan?.ok ? plan.scope : '',
      [Outputs.RerunUrl]: result?.run?.url ?? '',
      [Outputs.RerunConclusion]: result?.outcome === 'completed' ? (result.conclusion ?? '') : '',
    },
    annotations: [],
    evidence: {
      summary,
      reportJson: renderReportJson(report),
      reportPath: reportPathFor(ctx.runnerTemp || '.', 'rollback'),
      artifact: { name: artifactName, retentionDays: Defaults.reportRetentionDays },
    },
    closing: [],
    ...(record.failure === undefined ? {} : { failure: record.failure }),
  }
}

function gatherOptions(s: RollbackSettings): GatherOptions {
  return {
    environment: s.environment,
    deployWorkflow: s.deployWorkflow,
    deployJob: s.deployJob,
    artifactNames: s.artifactNames,
    artifactRetentionDays: s.artifactRetentionDays,
    retentionMarginMs: s.retentionMarginMs,
    reportArtifact: s.reportArtifact,
    ...(s.redeployInput ? { redeployInput: s.redeployInput } : {}),
    ...(s.branch ? { branch: s.branch } : {}),
    ...(s.target ? { target: s.target } : {}),
  }
}
