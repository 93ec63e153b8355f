/**
 * The evidence every mode leaves — report file, job summary, report artifact — written one way (`publishEvidence`,
 * called by `publish.ts`). `core` is passed in (tests hand in a recording object); `@actions/artifact` is imported
 * only when an upload happens, so a run without one never loads it. Problems become warnings: evidence never
 * changes a verdict.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { errorMessage } from '../errors.ts'
import { redactText } from './redact.ts'

/** The part of `@actions/core` reporting uses; `@actions/core` itself satisfies it. */
export interface ReportingCore {
  setOutput(name: string, value: string): void
  error(message: string, properties?: { title?: string }): void
  notice(message: string, properties?: { title?: string }): void
  warning(message: string, properties?: { title?: string }): void
  info(message: string): void
  readonly summary: { addRaw(text: string, addEOL?: boolean): { write(): Promise<unknown> } }
}

/** Uploads `files` (under `rootDir`) as artifact `name`. */
export type UploadArtifact = (
  name: string,
  files: string[],
  rootDir: string,
  retentionDays: number,
) => Promise<void>

export interface ArtifactSettings {
  /** Artifact name; `none` disables the upload. */
  readonly name: string
  readonly retentionDays: number
  /** Defaults to `@actions/artifact`'s `DefaultArtifactClient`, loaded on first use. */
  readonly upload?: UploadArtifact
}

export interface PublishOutcome {
  /** `''` when the report could not be written. */
  readonly reportPath: string
  readonly artifactUploaded: boolean
}

/** `<RUNNER_TEMP>/deploy-gate/<mode>-report.json`. */
export function reportPathFor(runnerTemp: string, mode: 'gate' | 'validate' | 'rollback'): string {
  return path.join(runnerTemp, 'deploy-gate', `${mode}-report.json`)
}

/** What every mode leaves as evidence. */
export interface Evidence {
  readonly core: ReportingCore
  /** Redacted here once more, as a safety net. */
  readonly summaryMarkdown: string
  /** Already redacted. */
  readonly reportJson: string
  /** Under `RUNNER_TEMP` (see `reportPathFor`); directories are created. */
  readonly reportPath: string
  /** Without it, no upload. */
  readonly artifact?: ArtifactSettings
  readonly secrets: readonly string[]
  /** Where `ACTIONS_RUNTIME_TOKEN` is looked up: the runner's environment, from main.ts. */
  readonly env: Readonly<Record<string, string | undefined>>
}

/**
 * The one way every mode writes its evidence: the JSON report file, the job summary, then the report artifact. A
 * problem with any of them is a warning naming it, never a failure: evidence never changes a verdict.
 */
export async function publishEvidence(e: Evidence): Promise<PublishOutcome> {
  const warn = (message: string): void => e.core.warning(redactText(message, e.secrets))
  const reportPath = await writeReportFile(e.reportPath, e.reportJson, warn)
  try {
    await e.core.summary.addRaw(redactText(e.summaryMarkdown, e.secrets), true).write()
  } catch (err) {
    warn(`job summary not written: ${errorMessage(err)}`)
  }
  const artifactUploaded =
    reportPath !== '' &&
    e.artifact !== undefined &&
    (await uploadReportArtifact({
      ...e.artifact,
      file: reportPath,
      env: e.env,
      log: (m) => e.core.info(redactText(m, e.secrets)),
      warn,
    }))
  return { reportPath, artifactUploaded }
}

/** Writes the JSON report (directories created); `''` with a warning when it cannot. Shared by every mode. */
export async function writeReportFile(
  reportPath: string,
  json: string,
  warn: (m: string) => void,
): Promise<string> {
  try {
    await mkdir(path.dirname(reportPath), { recursive: true })
    await writeFile(reportPath, json, 'utf8')
    return reportPath
  } catch (err) {
    warn(`report not written to ${reportPath}: ${errorMessage(err)}`)
    return ''
  }
}

/**
 * Uploads the report as artifact `name`: `none` disables it; no runtime token or a failed upload is a warning that
 * names the artifact, never a failure. Shared by gate and rollback.
 */
export async function uploadReportArtifact(a: {
  readonly name: string
  readonly retentionDays: number
  readonly file: string
  readonly upload?: UploadArtifact
  readonly env: Readonly<Record<string, string | undefined>>
  readonly log: (m: string) => void
  readonly warn: (m: string) => void
}): Promise<boolean> {
  if (a.name === 'none') return false
  if (!a.env.ACTIONS_RUNTIME_TOKEN) {
    a.warn(
      `report artifact ${a.name} not uploaded: ACTIONS_RUNTIME_TOKEN is not set (not running in GitHub Actions?)`,
    )
    return false
  }
  try {
    await (a.upload ?? uploadWithActionsArtifact)(a.name, [a.file], path.dirname(a.file), a.retentionDays)
    a.log(`report artifact ${a.name} uploaded`)
    return true
  } catch (err) {
    a.warn(`report artifact ${a.name} not uploaded: ${errorMessage(err)}`)
    return false
  }
}

/** The real upload; `@actions/artifact` is loaded here and nowhere else, only when an upload happens. */
export const uploadWithActionsArtifact: UploadArtifact = async (name, files, rootDir, retentionDays) => {
  const { DefaultArtifactClient } = await import('@actions/artifact')
  await new DefaultArtifactClient().uploadArtifact(name, files, rootDir, { retentionDays })
}
