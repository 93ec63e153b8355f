/**
 * Runs gate mode: open the record and the check run, observe, decide — and hand back the outcome (outputs, evidence,
 * the record's final status, the check run, the step's end) for `publish.ts`. The post step is in post.ts.
 */
import type { ModeCore, ModeDeps } from '../deps.ts'
import { Outputs, State } from '../constants.ts'
import type { GateSettings } from '../config/settings.ts'
import { ConfigError, errorMessage } from '../errors.ts'
import type { GitHubClient } from '../github/client.ts'
import { readRunContext, type RunContext } from '../github/context.ts'
import { createCheckRun } from '../github/check-runs.ts'
import {
  buildLogUrl,
  createDeploymentLedger,
  parseJobId,
  readJobIdentity,
  type JobIdentity,
} from '../ledger/deployments.ts'
import type { Annotation, ModeOutcome } from '../model/outcome.ts'
import type { HttpProber } from '../probes/http.ts'
import type { HttpPrometheusClient } from '../prometheus/client.ts'
import { gateAnnotations } from './annotations.ts'
import { reportPathFor } from '../report/publish.ts'
import { redactText } from '../report/redact.ts'
import { buildGateReport } from './report.ts'
import { renderReportJson } from '../report/json.ts'
import { renderGateSummary } from './summary.ts'
import { renderNextSteps } from './next-steps-summary.ts'
import { gateNextSteps, needsNextSteps } from './next-steps.ts'
import { runGate } from './run.ts'
import { checkRunConclusion, deploymentState, recordsDeployment, stepEnd } from './verdict.ts'
import type { GateResult } from '../model/gate-result.ts'
import { describeVerdict } from './describe.ts'
import { checkRunAnnotations } from './check-run-annotations.ts'
import { openRecord } from './record.ts'
import { reportArtifactName } from '../report/artifact-name.ts'
import { deployStart } from './deploy-start-checks.ts'
import { createGateMeasuring, needsDeployStart } from './measuring.ts'
import type { ChartHistory } from './charts.ts'

/** GitHub caps a check run's output.summary at 65,535 characters; the summary is rendered to fit (in bytes, so safely). */
const CHECK_RUN_SUMMARY_BYTES = 65_000

export async function runGateMode(settings: GateSettings, deps: ModeDeps): Promise<ModeOutcome> {
  const { core, clock } = deps
  const gateStartMs = clock.now()
  const { prober, prometheus } = await createMeasurers(settings, deps)
  const ctx = readRunContext(deps.env)
  const recording = recordsDeployment({ ...settings, eventName: ctx.eventName })
  const repo = { owner: ctx.owner, repo: ctx.repo }
  // Baselines end, and alerts count as new, at the deploy job's start (SPEC §2): read it whenever such a check exists.
  const needsStart = settings.checks.some(needsDeployStart)
  const readsIdentity = recording || (needsStart && settings.token !== '' && settings.jobCheckRunId !== '')
  const octokit = readsIdentity || settings.checkName ? await deps.github() : undefined
  // The job's name, id and start (for the record, the report artifact's name and the baseline window) are read only
  // when recording or when a check needs the deploy's start; otherwise the id alone, from the input, tells matrix
  // legs' artifacts apart.
  const jobId = parseJobId(settings.jobCheckRunId)
  const identity: JobIdentity =
    readsIdentity && octokit
      ? await readJobIdentity(octokit, repo, ctx, settings.jobCheckRunId)
      : jobId !== undefined
        ? { id: jobId }
        : {}
  if (!recording && identity.warning && needsStart) core.warning(identity.warning)
  const start = deployStart(
    identity.startedAt === undefined ? undefined : Date.parse(identity.startedAt),
    gateStartMs,
  )
  const measuring = createGateMeasuring({
    prober,
    prometheus,
    start,
    intervalMs: settings.policy.intervalMs,
    now: clock.now,
  })
  const ledger = recording && octokit ? createDeploymentLedger(octokit, repo) : undefined
  const deploymentId = ledger
    ? await openRecord(ledger, identity, settings, ctx, core, clock.now())
    : undefined
  // Set now, not after the final status: a step that fails later still tells the next steps which record it opened.
  core.setOutput(Outputs.DeploymentId, deploymentId === undefined ? '' : String(deploymentId))
  const checkRunId =
    settings.checkName && octokit ? await startCheckRun(octokit, settings.checkName, ctx, core) : undefined

  // Only the observation is cancelled by a signal: what follows writes the evidence and the records.
  const cancel = deps.watchSignals('gate')
  let result: GateResult
  let chartHistory: ChartHistory
  try {
    const checks = await measuring.prepare(settings.checks, cancel.signal)
    result = measuring.settle(
      await runGate({
        checks,
        policy: settings.policy,
        measure: measuring.measure,
        clock: { now: clock.now },
        sleep: clock.sleep,
        log: (line) => core.info(redactText(line, settings.secrets)),
        signal: cancel.signal,
      }),
    )
    await measuring.explainBreaches(result.checks, cancel.signal)
    chartHistory = await measuring.chartHistory(result.checks, cancel.signal)
  } finally {
    cancel.stop()
    await prober.close()
    await prometheus?.close()
  }

  const runInfo = { id: ctx.runId, attempt: ctx.runAttempt, url: ctx.runUrl }
  const description = describeVerdict(result)
  // The ledger and the target run are read only for a failed or inconclusive verdict (SPEC §7).
  const next = !needsNextSteps(result.verdict, settings.dryRun, ctx.eventName)
    ? undefined
    : await gateNextSteps(
        {
          token: settings.token,
          ctx,
          github: deps.github,
          now: new Date(clock.now()),
          ...(octokit ? { octokit } : {}),
        },
        { environment: settings.environment, reportArtifact: settings.reportArtifact },
      )
  if (next?.kind === 'unknown')
    core.warning(redactText(`rollback target not read: ${next.reason}`, settings.secrets))
  const artifactName = reportArtifactName(settings.reportArtifact, {
    job: ctx.job,
    runAttempt: ctx.runAttempt,
    ...(identity.name !== undefined ? { jobName: identity.name } : {}),
    ...(identity.id !== undefined ? { jobId: identity.id } : {}),
  })
  const summaryContext = {
    environment: settings.environment,
    sha: settings.sha,
    prometheusUrl: settings.prometheus?.url,
    dryRun: settings.dryRun,
    // Outside a workflow run (a laptop run) there is no run to link to.
    runUrl: ctx.runId ? ctx.runUrl : undefined,
    nextSteps:
      next &&
      renderNextSteps(next, {
        serverUrl: ctx.serverUrl,
        repository: `${ctx.owner}/${ctx.repo}`,
        rollbackWorkflow: settings.rollbackWorkflow,
        verdict: result.verdict === 'stable' ? undefined : result.verdict,
        now: new Date(clock.now()),
      }),
    ...(artifactName !== 'none' ? { reportArtifact: artifactName } : {}),
    deployStart: start,
    baselines: measuring.baselines(),
    preExisting: measuring.preExisting(),
    services: measuring.services(),
  }
  const summary = renderGateSummary(result, { ...summaryContext, charts: chartHistory })
  const report = buildGateReport(result, {
    environment: settings.environment,
    sha: settings.sha,
    run: runInfo,
    config: effectiveConfig(settings),
    secrets: settings.secrets,
    deployStart: start,
    baselines: measuring.baselines(),
    preExisting: measuring.preExisting(),
    services: measuring.services(),
  })
  const end = stepEnd(result.verdict, settings, redactText(description, settings.secrets))
  const closing: Annotation[] =
    end.kind === 'notice' || end.kind === 'warning' ? [{ level: end.kind, message: end.message }] : []
  return {
    outputs: {
      [Outputs.Verdict]: result.verdict,
      [Outputs.FailedChecks]: result.failedChecks.join(','),
      ...(checkRunId === undefined ? { [Outputs.CheckRunId]: '' } : {}),
    },
    annotations: gateAnnotations(result),
    evidence: {
      summary,
      reportJson: renderReportJson(report),
      reportPath: reportPathFor(ctx.runnerTemp || '.', 'gate'),
      artifact: { name: artifactName, retentionDays: settings.reportRetentionDays },
    },
    ...(deploymentId === undefined
      ? {}
      : {
          deployment: {
            id: deploymentId,
            state: deploymentState(result.verdict),
            description,
            logUrl: buildLogUrl(ctx.serverUrl, `${ctx.owner}/${ctx.repo}`, ctx.runId, ctx.runAttempt),
            ...(settings.environmentUrl === undefined ? {} : { environmentUrl: settings.environmentUrl }),
          },
        }),
    ...(checkRunId === undefined
      ? {}
      : {
          checkRun: {
            id: checkRunId,
            name: settings.checkName ?? '',
            conclusion: checkRunConclusion(result, settings.dryRun),
            title: description,
            summary: renderGateSummary(result, { ...summaryContext, maxBytes: CHECK_RUN_SUMMARY_BYTES }),
            annotations: checkRunAnnotations(result, settings.configFile?.path, settings.secrets),
          },
        }),
    closing,
    ...(end.kind === 'fail' ? { failure: end.message } : {}),
  }
}

/**
 * The HTTP prober and the Prometheus client, made before anything is recorded: both read `prometheus.ca-file`, and
 * one that cannot be read is a config error (SPEC §8), not a gate that could not decide.
 */
async function createMeasurers(
  settings: GateSettings,
  deps: Pick<ModeDeps, 'prober' | 'prometheus'>,
): Promise<{ prober: HttpProber; prometheus: HttpPrometheusClient | undefined }> {
  let prober: HttpProber | undefined
  try {
    prober = await deps.prober({ caFile: settings.prometheus?.caFile })
    const prometheus = settings.prometheus ? await deps.prometheus(settings.prometheus) : undefined
    return { prober, prometheus }
  } catch (err) {
    void prober?.close()
    const path = ['prometheus', 'ca-file']
    const file = settings.configFile
    throw new ConfigError([
      { path: path.join('.'), message: errorMessage(err), file: file?.path, line: file?.lineOf(path) },
    ])
  }
}

async function startCheckRun(
  octokit: GitHubClient,
  name: string,
  ctx: RunContext,
  core: ModeCore,
): Promise<number | undefined> {
  try {
    const id = await createCheckRun(
      octokit,
      { owner: ctx.owner, repo: ctx.repo },
      name,
      ctx.headSha,
      ctx.runUrl,
    )
    core.saveState(State.CheckRunId, String(id))
    return id
  } catch (err) {
    core.warning(`check run "${name}" not published: ${errorMessage(err)}`)
    return undefined
  }
}

/** The config as used, for the report (secrets are redacted by the report builder). */
function effectiveConfig(settings: GateSettings): Record<string, unknown> {
  return {
    file: settings.configFile?.path ?? null,
    environment: settings.environment,
    policy: settings.policy,
    prometheus: settings.prometheus ?? null,
    checks: settings.checks,
    failOnInconclusive: settings.failOnInconclusive,
    dryRun: settings.dryRun,
  }
}
