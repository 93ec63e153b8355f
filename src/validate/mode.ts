/** Runs validate mode: check the config, run each query once, report on the config file lines and in a check run. */
import { core } from '../report/log.ts'
import { Inputs, Outputs } from '../constants.ts'
import type { ValidateSettings } from '../config/settings.ts'
import type { AlertsCheckSpec, MetricCheckSpec } from '../model/check-spec.ts'
import type { Problem } from '../errors.ts'
import { errorMessage } from '../errors.ts'
import { readRunContext } from '../github/context.ts'
import type { ModeOutcome } from '../model/outcome.ts'
import { createPrometheusClient } from '../prometheus/client.ts'
import { validateSelector } from '../model/builtins.ts'
import { isQueryRejection, PrometheusError } from '../prometheus/errors.ts'
import { noDataReason } from '../prometheus/no-data.ts'
import { redact, redactText } from '../report/redact.ts'
import { publishEvidence, reportPathFor } from '../report/publish.ts'
import { renderReportJson } from '../report/json.ts'
import { renderValidateSummary, where } from './summary.ts'
import { publishCheckRun } from '../github/publish-check-run.ts'
import { validate, type ProbeQuery, type ValidateResult } from './validate.ts'

export async function runValidateMode(
  settings: ValidateSettings,
  problems: readonly Problem[],
  env: Readonly<Record<string, string | undefined>>,
): Promise<ModeOutcome> {
  const ctx = readRunContext(env)
  const startedAt = new Date().toISOString()
  const prometheus = settings.prometheus ? createPrometheusClient(settings.prometheus) : undefined
  const metricChecks = settings.checks.filter(
    (c): c is MetricCheckSpec => c.kind === 'metric' && validateSelector(c.selector ?? '').length === 0,
  )
  const query: ProbeQuery | undefined = prometheus
    ? async (promql, check) => {
        try {
          const result = await prometheus.query(promql)
          if (result.series.length > 0) return { ok: true, seriesCount: result.series.length }
          const why = await noDataReason(check, prometheus)
          return { ok: true, seriesCount: 0, ...(why === undefined ? {} : { noDataReason: why }) }
        } catch (err) {
          const kind = isQueryRejection(err) ? 'rejected' : 'unavailable'
          return { ok: false, kind, message: errorMessage(err) }
        }
      }
    : undefined
  const result = await validate({
    problems,
    metricChecks,
    configFile: settings.configFile?.path,
    sourceOf: (check) =>
      check.line !== undefined && settings.configFile
        ? { path: `${check.name}`, file: settings.configFile.path, line: check.queryLine ?? check.line }
        : { path: check.builtin ? builtinInput(check) : Inputs.Config },
    query,
    alertsChecks: settings.checks.filter((c): c is AlertsCheckSpec => c.kind === 'alerts'),
    alerts: prometheus
      ? async () => {
          try {
            return { ok: true, alertCount: (await prometheus.alerts()).length }
          } catch (err) {
            const status = err instanceof PrometheusError ? err.status : undefined
            return { ok: false, message: errorMessage(err), ...(status === undefined ? {} : { status }) }
          }
        }
      : undefined,
    alertsSourceOf: (check) =>
      check.line !== undefined && settings.configFile
        ? { path: check.name, file: settings.configFile.path, line: check.line }
        : { path: Inputs.AlertSelector },
  })
  await prometheus?.close?.()

  const scrub = (text: string): string => redactText(text, settings.secrets)
  for (const f of result.findings) {
    const props = { title: `deploy-gate config: ${f.check ?? f.path}`, file: f.file, startLine: f.line }
    if (f.severity === 'error') core.error(scrub(`${f.path}: ${f.message}`), props)
    else core.warning(scrub(`${f.path}: ${f.message}`), props)
  }
  const summary = scrub(
    renderValidateSummary(result, { configFile: settings.configFile?.path, checks: settings.checks.length }),
  )
  const { reportPath } = await publishEvidence({
    core,
    summaryMarkdown: summary,
    reportJson: renderReportJson(redact(validateReport(result, settings, ctx, startedAt), settings.secrets)),
    reportPath: reportPathFor(ctx.runnerTemp || '.', 'validate'),
    secrets: settings.secrets,
    env,
  })

  core.setOutput(Outputs.Verdict, result.verdict)
  core.setOutput(Outputs.FailedChecks, result.failedChecks.join(','))
  core.setOutput(Outputs.ReportPath, reportPath)
  const checkRunId = settings.checkName
    ? await publishCheckRun({
        token: settings.token,
        context: ctx,
        name: settings.checkName,
        conclusion: result.verdict === 'valid' ? 'success' : 'failure',
        title: `config ${result.verdict}: ${result.findings.filter((f) => f.severity === 'error').length} problems`,
        summary,
        annotations: result.findings
          .filter((f) => f.file && f.line)
          .map((f) => ({
            path: f.file!,
            start_line: f.line!,
            end_line: f.line!,
            annotation_level: f.severity === 'error' ? 'failure' : 'warning',
            title: f.check ?? f.path,
            message: scrub(f.message),
          })),
      })
    : undefined
  core.setOutput(Outputs.CheckRunId, checkRunId === undefined ? '' : String(checkRunId))
  if (result.verdict === 'valid') return {}
  const count = result.findings.filter((f) => f.severity === 'error').length
  return {
    failure: `deploy-gate config is invalid: ${count} problem${count === 1 ? '' : 's'} (${result.failedChecks.join(', ')})`,
  }
}

function builtinInput(check: MetricCheckSpec): string {
  if (check.builtin === 'vram') return Inputs.GpuSelector
  if (check.builtin === 'kv-cache') return Inputs.VllmSelector
  return Inputs.HostSelector
}

function validateReport(
  result: ValidateResult,
  settings: ValidateSettings,
  ctx: ReturnType<typeof readRunContext>,
  startedAt: string,
): Record<string, unknown> {
  return {
    version: 1,
    mode: 'validate',
    verdict: result.verdict,
    environment: settings.environment,
    sha: ctx.headSha,
    run: { id: ctx.runId, attempt: ctx.runAttempt, url: ctx.runUrl },
    startedAt,
    finishedAt: new Date().toISOString(),
    config: settings.configFile?.path ?? null,
    problems: result.findings.map((f) => ({
      path: f.path,
      line: f.line ?? null,
      file: f.file ?? null,
      message: f.message,
      severity: f.severity,
      check: f.check ?? null,
      where: where(f),
    })),
    queries: result.queries,
    ...(result.alertsApi === undefined ? {} : { alertsApi: result.alertsApi }),
  }
}
