/**
 * The validate report (SPEC §7): what `report-path` holds after a validate run, before secrets are redacted.
 * scripts/gen-report-schema.ts generates its part of schema/report.schema.json from these types.
 */
import type { ValidateSettings } from '../config/settings.ts'
import type { RunContext } from '../github/context.ts'
import type { ServiceEvidence } from '../model/service-evidence.ts'
import type { RunRef } from '../report/json.ts'
import type { AlertsApiCheck } from './alerts-api.ts'
import type { Finding, QueryCheck, ValidateResult } from './validate.ts'
import { where } from './summary.ts'

/** One finding of validate, as the report gives it. */
export interface ValidateReportProblem {
  /** `cpu-max` for an input, `metrics[2].max` for a config path, the check's name for a query. */
  readonly path: string
  readonly line: number | null
  readonly file: string | null
  readonly message: string
  readonly severity: Finding['severity']
  /** The check the problem belongs to; null when it belongs to none. */
  readonly check: string | null
  /** `path (file:line)`, as the job summary shows it. */
  readonly where: string
}

/** What validate writes to `report-path`: the verdict, every problem found, each query's answer. */
export interface ValidateReport {
  readonly version: 1
  readonly mode: 'validate'
  readonly verdict: ValidateResult['verdict']
  readonly environment: string
  readonly sha: string
  readonly run: RunRef
  readonly startedAt: string
  readonly finishedAt: string
  /** The config file's path; null when the checks come from inputs only. */
  readonly config: string | null
  readonly problems: readonly ValidateReportProblem[]
  /** Each metric check's query, run once. */
  readonly queries: readonly QueryCheck[]
  /** Whether `/api/v1/alerts` answered; absent without alerts checks. */
  readonly alertsApi?: AlertsApiCheck
  /** Per service: the convention found and the queries; absent without services. */
  readonly services?: readonly ServiceEvidence[]
}

export function buildValidateReport(
  result: ValidateResult,
  settings: ValidateSettings,
  ctx: Pick<RunContext, 'headSha' | 'runId' | 'runAttempt' | 'runUrl'>,
  times: { readonly startedAt: string; readonly finishedAt: string },
  services: readonly ServiceEvidence[],
): ValidateReport {
  return {
    version: 1,
    mode: 'validate',
    verdict: result.verdict,
    environment: settings.environment,
    sha: ctx.headSha,
    run: { id: ctx.runId, attempt: ctx.runAttempt, url: ctx.runUrl },
    startedAt: times.startedAt,
    finishedAt: times.finishedAt,
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
    ...(services.length === 0 ? {} : { services }),
  }
}
