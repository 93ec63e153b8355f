/**
 * Runs rollback mode (SPEC §5): read the facts, plan, re-run or dispatch (not in dry-run), mark the bad deployment,
 * wait, then report — outputs, job summary, JSON report under RUNNER_TEMP and its artifact. Everything comes from the
 * settings and the runner's environment (`GITHUB_*`, `RUNNER_TEMP`, `GITHUB_API_URL`); tests inject the rest.
 */
import { core as actionsCore } from '../report/log.ts'
import { setTimeout as sleepMs } from 'node:timers/promises'
import { Defaults, Outputs } from '../constants.ts'
import type { RollbackSettings } from '../config/settings.ts'
import { errorMessage } from '../errors.ts'
import { createGitHubClient, type GitHubClient } from '../github/client.ts'
import { repoFromEnv } from '../github/errors.ts'
import { readRunContext } from '../github/context.ts'
import { createDeploymentLedger } from '../ledger/deployments.ts'
import type { ModeOutcome } from '../model/outcome.ts'
import { renderReportJson } from '../report/json.ts'
import { type ReportingCore, type UploadArtifact, publishEvidence, reportPathFor } from '../report/publish.ts'
import { redactText } from '../report/redact.ts'
import { renderRollbackSummary } from './summary.ts'
import { createWorkflowRunsApi } from './actions-api.ts'
import { executePlan, type ExecuteResult } from './execute.ts'
import { plan as planRollback, type Plan, type PlanInput, type ReadyPlan } from './plan.ts'
import { reportArtifactName } from '../report/artifact-name.ts'
import { buildRollbackReport, decideRollback, planLines, type RollbackRecord } from './report.ts'
import { gatherPlanInput, type GatherOptions } from './target.ts'

export interface RollbackDeps {
  /** Default: a client for `github-token` on `GITHUB_API_URL`. */
  readonly octokit?: GitHubClient
  /** Default: the sanitising logger (`report/log.ts`). */
  readonly core?: ReportingCore
  /** Default: a real timer. */
  readonly sleep?: (ms: number) => Promise<void>
  /** Epoch milliseconds; default `Date.now`. */
  readonly now?: () => number
  /** The runner's environment, from main.ts. */
  readonly env: Readonly<Record<string, string | undefined>>
  /** Default `@actions/artifact`, loaded only when an upload happens. */
  readonly upload?: UploadArtifact
}

export async function runRollbackMode(settings: RollbackSettings, deps: RollbackDeps): Promise<ModeOutcome> {
  const record = await runRollback(settings, deps)
  return record.failure === undefined ? {} : { failure: record.failure }
}

/** The whole rollback, reported; returns what happened (runRollbackMode turns it into the step's outcome). */
export async function runRollback(settings: RollbackSettings, deps: RollbackDeps): Promise<RollbackRecord> {
  const core = deps.core ?? actionsCore
  const env = deps.env
  const now = deps.now ?? Date.now
  const sleep = deps.sleep ?? ((ms: number) => sleepMs(ms))
  const scrub = (text: string): string => redactText(text, settings.secrets)
  const log = (line: string): void => core.info(scrub(line))
  const warn = (line: string): void => core.warning(scrub(line))

  const ctx = readRunContext(env)
  const repo = repoFromEnv(env)
  const startedAt = new Date(now()).toISOString()
  const octokit =
    deps.octokit ??
    createGitHubClient({
      token: settings.token,
      ...(env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}),
    })
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

  core.setOutput(Outputs.TargetRunId, plan?.target ? String(plan.target.runId) : '')
  core.setOutput(Outputs.TargetSha, plan?.target?.sha ?? '')
  core.setOutput(Outputs.RerunScope, plan?.ok ? plan.scope : '')
  core.setOutput(Outputs.RerunUrl, result?.run?.url ?? '')
  core.setOutput(Outputs.RerunConclusion, result?.outcome === 'completed' ? (result.conclusion ?? '') : '')

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
  const { reportPath } = await publishEvidence({
    core,
    summaryMarkdown: summary,
    reportJson: renderReportJson(report),
    reportPath: reportPathFor(ctx.runnerTemp || '.', 'rollback'),
    artifact: {
      name: artifactName,
      retentionDays: Defaults.reportRetentionDays,
      ...(deps.upload ? { upload: deps.upload } : {}),
    },
    secrets: settings.secrets,
    env,
  })
  core.setOutput(Outputs.ReportPath, reportPath)
  return record
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
