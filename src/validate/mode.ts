/**
 * Runs validate mode: check the config, run each query once, and hand back the outcome — annotations on the config
 * file's lines, the summary and report, the check run — for `publish.ts`.
 */
import type { ModeDeps } from '../deps.ts'
import { Inputs, Outputs } from '../constants.ts'
import type { ValidateSettings } from '../config/settings.ts'
import type { AlertsCheckSpec, MetricCheckSpec } from '../model/check-spec.ts'
import type { Problem } from '../errors.ts'
import { errorMessage } from '../errors.ts'
import { readRunContext } from '../github/context.ts'
import type { ModeOutcome } from '../model/outcome.ts'
import { validateSelector } from '../model/builtins.ts'
import { isQueryRejection, PrometheusError } from '../prometheus/errors.ts'
import { noDataReason } from '../prometheus/no-data.ts'
import { redact } from '../report/redact.ts'
import { reportPathFor } from '../report/publish.ts'
import { renderReportJson } from '../report/json.ts'
import { renderValidateSummary } from './summary.ts'
import { buildValidateReport } from './report.ts'
import { validate, type ProbeQuery } from './validate.ts'
import { validateServices } from './services.ts'
import { renderServices } from '../report/services.ts'

/** `problems`: what reading the settings found; validate reports them all and still runs the valid queries. */
export async function runValidateMode(
  settings: ValidateSettings,
  problems: readonly Problem[],
  deps: Pick<ModeDeps, 'env' | 'clock' | 'prometheus'>,
): Promise<ModeOutcome> {
  const ctx = readRunContext(deps.env)
  const startedAt = new Date(deps.clock.now()).toISOString()
  const prometheus = settings.prometheus ? await deps.prometheus(settings.prometheus) : undefined
  const services = await validateServices(
    settings.checks,
    prometheus,
    deps.clock.now(),
    settings.configFile?.path,
  )
  const metricChecks = services.checks.filter(
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
    problems: [...problems, ...services.problems],
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

  // Summary, annotations and check run are redacted where they are written (publish.ts), like every mode's.
  const errors = result.findings.filter((f) => f.severity === 'error').length
  const servicesSection = renderServices(services.services)
  const summary = `${renderValidateSummary(result, {
    configFile: settings.configFile?.path,
    checks: settings.checks.length,
  })}${servicesSection === '' ? '' : `\n${servicesSection}\n`}`
  const finishedAt = new Date(deps.clock.now()).toISOString()
  return {
    outputs: {
      [Outputs.Verdict]: result.verdict,
      [Outputs.FailedChecks]: result.failedChecks.join(','),
      ...(settings.checkName ? {} : { [Outputs.CheckRunId]: '' }),
    },
    annotations: result.findings.map((f) => ({
      level: f.severity,
      message: `${f.path}: ${f.message}`,
      title: `deploy-gate config: ${f.check ?? f.path}`,
      ...(f.file === undefined ? {} : { file: f.file }),
      ...(f.line === undefined ? {} : { startLine: f.line }),
    })),
    evidence: {
      summary,
      reportJson: renderReportJson(
        redact(
          buildValidateReport(result, settings, ctx, { startedAt, finishedAt }, services.services),
          settings.secrets,
        ),
      ),
      reportPath: reportPathFor(ctx.runnerTemp || '.', 'validate'),
    },
    ...(settings.checkName
      ? {
          checkRun: {
            name: settings.checkName,
            conclusion: result.verdict === 'valid' ? 'success' : 'failure',
            title: `config ${result.verdict}: ${errors} problems`,
            summary,
            annotations: result.findings
              .filter((f) => f.file && f.line)
              .map((f) => ({
                path: f.file!,
                start_line: f.line!,
                end_line: f.line!,
                annotation_level: f.severity === 'error' ? 'failure' : 'warning',
                title: f.check ?? f.path,
                message: f.message,
              })),
          },
        }
      : {}),
    closing: [],
    ...(result.verdict === 'valid'
      ? {}
      : {
          failure: `deploy-gate config is invalid: ${errors} problem${errors === 1 ? '' : 's'} (${result.failedChecks.join(', ')})`,
        }),
  }
}

function builtinInput(check: MetricCheckSpec): string {
  if (check.builtin === 'vram') return Inputs.GpuSelector
  if (check.builtin === 'kv-cache') return Inputs.VllmSelector
  return Inputs.HostSelector
}
