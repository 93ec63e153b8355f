/** Runs gate mode: record the deployment, observe, decide, report, close the record. The post step is in post.ts. */
import { core } from '../report/log.ts'
import { setTimeout as sleepMs } from 'node:timers/promises'
import { Outputs, State } from '../constants.ts'
import type { GateSettings } from '../config/settings.ts'
import { ConfigError, errorMessage } from '../errors.ts'
import type { GitHubClient } from '../github/client.ts'
import { loadGitHubClient } from '../github/load-client.ts'
import { readRunContext, type RunContext } from '../github/context.ts'
import { createCheckRun } from '../github/check-runs.ts'
import { publishCheckRun } from '../github/publish-check-run.ts'
import {
  createDeploymentLedger,
  parseJobId,
  readJobIdentity,
  type JobIdentity,
} from '../ledger/deployments.ts'
import type { Env } from '../model/env.ts'
import type { ModeOutcome } from '../model/outcome.ts'
import { createHttpProber, type HttpProber } from '../probes/http.ts'
import { createPrometheusClient, type HttpPrometheusClient } from '../prometheus/client.ts'
import { gateAnnotations } from './annotations.ts'
import { publishGate, reportPathFor } from '../report/publish.ts'
import { redactText } from '../report/redact.ts'
import { buildGateReport } from './report.ts'
import { renderReportJson } from '../report/json.ts'
import { renderGateSummary } from './summary.ts'
import { renderNextSteps } from './next-steps-summary.ts'
import { gateNextSteps, needsNextSteps } from './next-steps.ts'
import { runGate } from './run.ts'
import { checkRunConclusion, deploymentState, recordsDeployment, stepEnd } from './decide.ts'
import { measureCheck } from './measure-check.ts'
import type { GateResult } from '../model/gate-result.ts'
import { describeVerdict } from './describe.ts'
import { checkRunAnnotations } from './check-run-annotations.ts'
import { closeRecord, openRecord } from './record.ts'
import { reportArtifactName } from '../report/artifact-name.ts'
import { createExtraMeasurer, deployStart, type ExtraMeasurer } from './deploy-start-checks.ts'

/** GitHub caps a check run's output.summary at 65,535 characters; the summary is rendered to fit (in bytes, so safely). */
const CHECK_RUN_SUMMARY_BYTES = 65_000

/** What gate mode gets from main.ts besides its settings. */
export interface GateModeDeps {
  readonly env: Env
  /** Turns SIGTERM / SIGINT into an abort of the returned signal until `stop()` (main.ts owns the process' signals). */
  readonly watchSignals: (what: string) => { readonly signal: AbortSignal; stop(): void }
}

export async function runGateMode(
  settings: GateSettings,
  { env, watchSignals }: GateModeDeps,
): Promise<ModeOutcome> {
  const gateStartMs = Date.now()
  const { prober, prometheus } = createMeasurers(settings)
  const ctx = readRunContext(env)
  const recording = recordsDeployment({ ...settings, eventName: ctx.eventName })
  const repo = { owner: ctx.owner, repo: ctx.repo }
  // Baselines end, and alerts count as new, at the deploy job's start (SPEC §2): read it whenever such a check exists.
  const needsDeployStart = settings.checks.some(
    (c) => c.kind === 'alerts' || (c.kind === 'metric' && c.baseline !== undefined),
  )
  const readsIdentity =
    recording || (needsDeployStart && settings.token !== '' && settings.jobCheckRunId !== '')
  const octokit =
    readsIdentity || settings.checkName
      ? await loadGitHubClient({ token: settings.token, baseUrl: ctx.apiUrl })
      : undefined
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
  if (!recording && identity.warning && needsDeployStart) core.warning(identity.warning)
  const start = deployStart(
    identity.startedAt === undefined ? undefined : Date.parse(identity.startedAt),
    gateStartMs,
  )
  const extra: ExtraMeasurer | undefined = prometheus
    ? createExtraMeasurer({ client: prometheus, start, intervalMs: settings.policy.intervalMs })
    : undefined
  const ledger = recording && octokit ? createDeploymentLedger(octokit, repo) : undefined
  const deploymentId = ledger ? await openRecord(ledger, identity, settings, ctx) : undefined
  // Set now, not after the final status: a step that fails later still tells the next steps which record it opened.
  core.setOutput(Outputs.DeploymentId, deploymentId === undefined ? '' : String(deploymentId))
  const checkRunId =
    settings.checkName && octokit ? await startCheckRun(octokit, settings.checkName, ctx) : undefined

  // Only the observation is cancelled by a signal: what follows writes the evidence and the records.
  const cancel = watchSignals('gate')
  let result: GateResult
  try {
    await extra?.prefetch(settings.checks, cancel.signal)
    result = await runGate({
      checks: settings.checks,
      policy: settings.policy,
      measure: (spec, signal) =>
        extra?.handles(spec) === true
          ? extra.measure(spec, signal)
          : measureCheck(spec, signal, { prober, prometheus }),
      clock: { now: () => Date.now() },
      sleep: (ms, signal) => sleepMs(ms, undefined, { signal }),
      log: (line) => core.info(redactText(line, settings.secrets)),
      signal: cancel.signal,
    })
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
        { token: settings.token, octokit, ctx },
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
        now: new Date(),
      }),
    ...(artifactName !== 'none' ? { reportArtifact: artifactName } : {}),
    deployStart: start,
    baselines: extra?.evidence() ?? [],
  }
  const summary = renderGateSummary(result, summaryContext)
  const report = buildGateReport(result, {
    environment: settings.environment,
    sha: settings.sha,
    run: runInfo,
    config: effectiveConfig(settings),
    secrets: settings.secrets,
    deployStart: start,
    baselines: extra?.evidence() ?? [],
  })
  await publishGate({
    core,
    result,
    summaryMarkdown: summary,
    annotations: gateAnnotations(result),
    reportJson: renderReportJson(report),
    reportPath: reportPathFor(ctx.runnerTemp || '.', 'gate'),
    artifact: { name: artifactName, retentionDays: settings.reportRetentionDays },
    secrets: settings.secrets,
    env,
  })

  if (ledger && deploymentId !== undefined) {
    const state = deploymentState(result.verdict)
    await closeRecord(ledger, deploymentId, { state, description }, settings, ctx)
  }
  if (checkRunId !== undefined && octokit) {
    const published = await publishCheckRun({
      token: settings.token,
      octokit,
      context: ctx,
      id: checkRunId,
      name: settings.checkName!,
      conclusion: checkRunConclusion(result, settings.dryRun),
      title: redactText(description, settings.secrets),
      summary: redactText(
        renderGateSummary(result, { ...summaryContext, maxBytes: CHECK_RUN_SUMMARY_BYTES }),
        settings.secrets,
      ),
      annotations: checkRunAnnotations(result, settings.configFile?.path, settings.secrets),
    })
    if (published !== undefined) core.saveState(State.CheckRunCompleted, 'true')
  }
  core.setOutput(Outputs.CheckRunId, checkRunId === undefined ? '' : String(checkRunId))

  const end = stepEnd(result.verdict, settings, redactText(description, settings.secrets))
  if (end.kind === 'notice') core.notice(end.message)
  if (end.kind === 'warning') core.warning(end.message)
  return end.kind === 'fail' ? { failure: end.message } : {}
}

/**
 * The HTTP prober and the Prometheus client, made before anything is recorded: both read `prometheus.ca-file`, and
 * one that cannot be read is a config error (SPEC §8), not a gate that could not decide.
 */
function createMeasurers(settings: GateSettings): {
  prober: HttpProber
  prometheus: HttpPrometheusClient | undefined
} {
  let prober: HttpProber | undefined
  try {
    prober = createHttpProber({ caFile: settings.prometheus?.caFile })
    const prometheus = settings.prometheus ? createPrometheusClient(settings.prometheus) : undefined
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
