/** Runs gate mode: record the deployment, observe, decide, report, close the record. The post step is in post.ts. */
import * as core from '@actions/core'
import { setTimeout as sleepMs } from 'node:timers/promises'
import { Outputs, State } from '../constants.ts'
import type { GateSettings } from '../config/settings.ts'
import type { CheckSpec, MetricCheckSpec } from '../config/types.ts'
import type { Threshold } from '../prometheus/builtins.ts'
import { ConfigError, errorMessage } from '../errors.ts'
import { createGitHubClient, type GitHubClient } from '../github/client.ts'
import { readRunContext, type RunContext } from '../github/context.ts'
import { createCheckRun } from '../github/check-runs.ts'
import { publishCheckRun } from '../github/publish-check-run.ts'
import {
  buildLogUrl,
  createDeploymentLedger,
  findJobName,
  type DeploymentLedger,
} from '../ledger/deployments.ts'
import type { ModeOutcome } from '../main.ts'
import { createHttpProber, type HttpProber } from '../probes/http.ts'
import { createPrometheusClient, type HttpPrometheusClient } from '../prometheus/client.ts'
import { errorMeasurement, measureSeries } from '../prometheus/measure.ts'
import { gateAnnotations } from '../report/annotations.ts'
import { publishGate, reportPathFor } from '../report/publish.ts'
import { redactText } from '../report/redact.ts'
import { buildGateReport, renderReportJson } from '../report/report.ts'
import { renderGateSummary } from '../report/summary.ts'
import { runGate } from './run.ts'
import type { GateResult, Measurement } from './types.ts'
import { describeVerdict } from './describe.ts'
import { checkRunAnnotations } from './check-run-annotations.ts'
import { createExtraMeasurer, deployStart, type ExtraMeasurer } from './deploy-start-checks.ts'

/** GitHub caps a check run's output.summary at 65,535 characters; the summary is rendered to fit (in bytes, so safely). */
const CHECK_RUN_SUMMARY_BYTES = 65_000

/** What the gate learns about its own job before it starts; the lead wires the job reader (issue 11) in here. */
export interface GateJobFacts {
  /** The deploy job's `started_at` (ms since the epoch), when it could be read. */
  readonly deployStartedAtMs?: number
}

export async function runGateMode(settings: GateSettings, job: GateJobFacts = {}): Promise<ModeOutcome> {
  const gateStartMs = Date.now()
  const { prober, prometheus } = createMeasurers(settings)
  const start = deployStart(job.deployStartedAtMs, gateStartMs)
  const extra: ExtraMeasurer | undefined = prometheus
    ? createExtraMeasurer({ client: prometheus, start, intervalMs: settings.policy.intervalMs })
    : undefined
  const ctx = readRunContext()
  const recording = settings.record && !settings.dryRun && !ctx.eventName.startsWith('pull_request')
  const octokit = recording || settings.checkName ? createGitHubClient({ token: settings.token }) : undefined
  const repo = { owner: ctx.owner, repo: ctx.repo }
  const ledger = recording && octokit ? createDeploymentLedger(octokit, repo) : undefined
  const deploymentId = ledger ? await openRecord(ledger, octokit!, settings, ctx) : undefined
  // Set now, not after the final status: a step that fails later still tells the next steps which record it opened.
  core.setOutput(Outputs.DeploymentId, deploymentId === undefined ? '' : String(deploymentId))
  const checkRunId =
    settings.checkName && octokit ? await startCheckRun(octokit, settings.checkName, ctx) : undefined

  const controller = new AbortController()
  const onSignal = (name: string) => () => controller.abort(new Error(`gate cancelled (${name})`))
  const onTerm = onSignal('SIGTERM')
  const onInt = onSignal('SIGINT')
  process.once('SIGTERM', onTerm)
  process.once('SIGINT', onInt)
  let result: GateResult
  try {
    await extra?.prefetch(settings.checks, controller.signal)
    result = await runGate({
      checks: settings.checks,
      policy: settings.policy,
      measure: (spec, signal) =>
        extra?.handles(spec) === true
          ? extra.measure(spec, signal)
          : measure(spec, signal, prober, prometheus),
      clock: { now: () => Date.now() },
      sleep: (ms, signal) => sleepMs(ms, undefined, { signal }),
      log: (line) => core.info(redactText(line, settings.secrets)),
      signal: controller.signal,
    })
  } finally {
    process.off('SIGTERM', onTerm)
    process.off('SIGINT', onInt)
    await prober.close()
    await prometheus?.close()
  }

  const runInfo = { id: ctx.runId, attempt: ctx.runAttempt, url: ctx.runUrl }
  const description = describeVerdict(result)
  const summaryContext = {
    environment: settings.environment,
    sha: settings.sha,
    prometheusUrl: settings.prometheus?.url,
    dryRun: settings.dryRun,
    runUrl: ctx.runUrl,
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
    artifact: { name: settings.reportArtifact, retentionDays: settings.reportRetentionDays },
    secrets: settings.secrets,
  })

  if (ledger && deploymentId !== undefined) {
    await ledger.setStatus(deploymentId, {
      state: result.verdict === 'stable' ? 'success' : result.verdict === 'failed' ? 'failure' : 'error',
      description: redactText(description, settings.secrets),
      logUrl: buildLogUrl(ctx.serverUrl, `${ctx.owner}/${ctx.repo}`, ctx.runId, ctx.runAttempt),
      environmentUrl: settings.environmentUrl,
    })
    core.saveState(State.FinalStatusWritten, 'true')
  }
  if (checkRunId !== undefined && octokit) {
    const shadowFindings = result.checks.some((c) => !c.spec.enforce && c.result !== 'passed')
    const published = await publishCheckRun({
      token: settings.token,
      octokit,
      context: ctx,
      id: checkRunId,
      name: settings.checkName!,
      conclusion:
        settings.dryRun || (result.verdict === 'stable' && shadowFindings)
          ? 'neutral'
          : result.verdict === 'stable'
            ? 'success'
            : 'failure',
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

  if (settings.dryRun) {
    core.notice(`dry run: verdict ${result.verdict}; the step does not fail on the verdict`)
    return {}
  }
  if (result.verdict === 'stable') return {}
  const shown = redactText(description, settings.secrets)
  if (result.verdict === 'inconclusive' && !settings.failOnInconclusive) {
    core.warning(`gate inconclusive (fail-on-inconclusive: false): ${shown}`)
    return {}
  }
  return { failure: `deploy-gate: ${shown}` }
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

async function openRecord(
  ledger: DeploymentLedger,
  octokit: GitHubClient,
  settings: GateSettings,
  ctx: RunContext,
): Promise<number> {
  const jobName = await findJobName(octokit, {
    owner: ctx.owner,
    repo: ctx.repo,
    runId: ctx.runId,
    runAttempt: ctx.runAttempt,
    runnerName: ctx.runnerName,
  })
  if (jobName === undefined) {
    core.warning(
      'the job name could not be read (grant "actions: read"); rollback will match the deploy job by deploy-job',
    )
  }
  const { id, reused } = await ledger.findOrCreate({
    sha: settings.sha,
    environment: settings.environment,
    productionEnvironment: settings.environment === 'production',
    payload: {
      version: 1,
      run_id: ctx.runId,
      run_attempt: ctx.runAttempt,
      workflow_ref: ctx.workflowRef,
      job: ctx.job,
      ...(jobName === undefined ? {} : { job_name: jobName }),
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
  return id
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

async function measure(
  spec: CheckSpec,
  signal: AbortSignal,
  prober: ReturnType<typeof createHttpProber>,
  prometheus: ReturnType<typeof createPrometheusClient> | undefined,
): Promise<Measurement> {
  if (spec.kind === 'http') return prober.probe(spec, signal)
  const at = new Date().toISOString()
  if (!prometheus || spec.kind === 'alerts')
    return { at, outcome: 'error', reason: 'no Prometheus configured' }
  try {
    const result = await prometheus.query(spec.query, { signal })
    return {
      ...measureSeries(result.series, thresholdOf(spec), at),
      ...(result.warnings.length ? { warnings: result.warnings } : {}),
    }
  } catch (err) {
    if (signal.aborted) throw err
    return errorMeasurement(err, at)
  }
}

/** The check's bounds, with `%` for the percent built-ins so reasons read `96.3% > 95%`. */
function thresholdOf(spec: MetricCheckSpec): Threshold {
  const percent = spec.builtin !== undefined && spec.builtin !== 'up'
  return { min: spec.min, max: spec.max, ...(percent ? { unit: '%' } : {}) }
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
