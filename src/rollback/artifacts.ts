/** SPEC §5.3: whether the target run's build artifacts allow re-running only the deploy job. Pure. */
import { formatDuration } from '../report/markdown.ts'
import type { ArtifactFacts, PlanArtifact, PlanOptions } from './types.ts'
import { DAY_MS, REPORT_ARTIFACT_PREFIX } from './types.ts'

/** A report: named like `deploy-gate-report…`, or the `report-artifact` prefix itself or with the job and attempt added. */
export function isReportArtifact(name: string, reportArtifact: string): boolean {
  return (
    name.startsWith(REPORT_ARTIFACT_PREFIX) ||
    name === reportArtifact ||
    name.startsWith(`${reportArtifact}-`)
  )
}

export interface ArtifactAssessment {
  readonly scope: 'deploy-job' | 'all-jobs'
  readonly reason: string
  readonly artifacts: PlanArtifact[]
  readonly ignored: string[]
  readonly warnings: string[]
}

/** SPEC §5.3: `deploy-job` when every required artifact is there, not expired and not expiring within the margin. */
export function assessArtifacts(
  all: readonly ArtifactFacts[],
  options: Pick<
    PlanOptions,
    'artifactNames' | 'artifactRetentionDays' | 'retentionMarginMs' | 'reportArtifact'
  >,
  now: Date,
): ArtifactAssessment {
  const isReport = (name: string): boolean => isReportArtifact(name, options.reportArtifact)
  const warnings: string[] = []
  const ignored = unique(all.filter((a) => isReport(a.name)).map((a) => a.name))
  const builds = all.filter((a) => !isReport(a.name))
  let required = unique(builds.map((a) => a.name))
  if (options.artifactNames.length > 0) {
    const reports = options.artifactNames.filter(isReport)
    if (reports.length > 0) {
      warnings.push(`artifact-names lists report artifacts, which are never counted: ${reports.join(', ')}`)
    }
    required = unique(options.artifactNames.filter((n) => !isReport(n)))
  }
  if (required.length === 0) {
    const reason =
      options.artifactNames.length > 0
        ? 'artifact-names names no build artifact, so every job runs again'
        : 'the run has no build artifacts (report artifacts are not counted), so every job runs again'
    return { scope: 'all-jobs', reason, artifacts: [], ignored, warnings }
  }
  const marginEnd = now.getTime() + options.retentionMarginMs
  const margin = formatDuration(options.retentionMarginMs)
  const artifacts = required.map((name) =>
    assessArtifact(
      name,
      newestNamed(builds, name),
      now.getTime(),
      marginEnd,
      margin,
      options.artifactRetentionDays,
    ),
  )
  const bad = artifacts.filter((a) => a.status !== 'ok')
  if (bad.length > 0) {
    const list = bad.map((a) => `${a.name} ${a.note}`).join('; ')
    return {
      scope: 'all-jobs',
      reason: `build artifacts are not reusable (${list})`,
      artifacts,
      ignored,
      warnings,
    }
  }
  const earliest = artifacts
    .map((a) => a.expiresAt ?? '')
    .sort()
    .at(0)
  const which =
    required.length === 1
      ? `the required artifact ${required[0]} stays`
      : `all ${required.length} required artifacts (${required.join(', ')}) stay`
  const reason = `${which} available beyond now + retention-margin ${margin} (earliest expiry ${earliest})`
  return { scope: 'deploy-job', reason, artifacts, ignored, warnings }
}

function assessArtifact(
  name: string,
  artifact: ArtifactFacts | undefined,
  nowMs: number,
  marginEndMs: number,
  margin: string,
  retentionDays: number,
): PlanArtifact {
  if (!artifact) return { name, status: 'missing', note: 'is not among the run’s artifacts' }
  let expiresAt = artifact.expiresAt ?? undefined
  let source: PlanArtifact['expiresAtSource'] = 'api'
  if (expiresAt === undefined && artifact.createdAt) {
    expiresAt = isoSeconds(Date.parse(artifact.createdAt) + retentionDays * DAY_MS)
    source = 'retention-days'
  }
  const known = expiresAt === undefined ? {} : { expiresAt, expiresAtSource: source }
  const base = { name, id: artifact.id, ...known }
  if (artifact.expired) return { ...base, status: 'expired', note: 'has expired' }
  if (expiresAt === undefined)
    return { ...base, status: 'unknown', note: 'has neither expires_at nor created_at' }
  const at = Date.parse(expiresAt)
  if (at <= nowMs) return { ...base, status: 'expired', note: `expired at ${expiresAt}` }
  if (at <= marginEndMs) {
    return { ...base, status: 'expiring', note: `expires at ${expiresAt}, within retention-margin ${margin}` }
  }
  return { ...base, status: 'ok', note: `expires at ${expiresAt}` }
}

/** The newest artifact of that name (a run may hold several after re-runs). */
function newestNamed(artifacts: readonly ArtifactFacts[], name: string): ArtifactFacts | undefined {
  return artifacts
    .filter((a) => a.name === name)
    .sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || b.id - a.id)
    .at(0)
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)]
}

/** GitHub's timestamp format: ISO 8601 to the second. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}
