/**
 * The rollback plan (SPEC §5), pure: facts about the current deployment, the target run, its artifacts and jobs, and
 * the time → what to re-run or dispatch, and why; or why nothing can be done. Fetching the facts is target.ts's job,
 * doing the plan is execute.ts's.
 */
import type { RollbackTarget } from '../config/settings.ts'
import { formatDuration } from '../report/markdown.ts'

export const DAY_MS = 86_400_000
/** GitHub re-runs only workflow runs created in the last 30 days. */
export const RERUN_MAX_AGE_MS = 30 * DAY_MS
/** Artifacts named like this are reports, never build artifacts. */
export const REPORT_ARTIFACT_PREFIX = 'deploy-gate-report'

export type RerunScope = 'deploy-job' | 'all-jobs' | 'dispatch'

/** A workflow run as the runs API shows its latest attempt. */
export interface RunFacts {
  readonly id: number
  /** The latest attempt. */
  readonly attempt: number
  readonly sha: string
  /** ISO 8601: when the run (its first attempt) was created. */
  readonly createdAt: string
  readonly htmlUrl: string
  readonly status: string | null
  readonly conclusion: string | null
  readonly event: string
  readonly headBranch: string | null
  readonly workflowId: number
  /** `.github/workflows/deploy.yml`; `''` when the API gave none. */
  readonly path: string
}

export interface ArtifactFacts {
  readonly id: number
  readonly name: string
  readonly expired: boolean
  /** ISO 8601, or null when the API gives none. */
  readonly createdAt: string | null
  readonly expiresAt: string | null
}

export interface JobFacts {
  readonly id: number
  readonly name: string
}

/** What is deployed now: a deployment record, or (fallback without records) the newest completed run. */
export type CurrentFacts =
  | {
      readonly kind: 'deployment'
      readonly deploymentId: number
      readonly sha: string
      readonly createdAt: string
      readonly runId: number
      readonly runAttempt: number
    }
  | { readonly kind: 'run'; readonly run: RunFacts }

/** How the target was found. */
export type TargetSource = 'ledger' | 'input-run' | 'input-sha-deployment' | 'input-sha-run' | 'run-history'

export interface TargetFacts {
  readonly source: TargetSource
  readonly run: RunFacts
  /** The stable deployment the target was chosen by (ledger and SHA-input targets). */
  readonly deployment?: {
    readonly id: number
    readonly createdAt: string
    /** The deploy job's display name recorded by the gate (`deploy (web)`). */
    readonly jobName?: string
  }
}

export interface PlanOptions {
  readonly environment: string
  readonly deployWorkflow: string
  readonly deployJob: string
  /** `[]`: every artifact of the run except report artifacts. */
  readonly artifactNames: readonly string[]
  readonly artifactRetentionDays: number
  readonly retentionMarginMs: number
  readonly reportArtifact: string
  readonly redeployInput?: string
  /** The branch for the run-history fallback and dispatch, resolved (default branch) when one of them needs it. */
  readonly branch?: string
  /** The `target` input, when given. */
  readonly target?: RollbackTarget
}

export interface PlanInput {
  readonly current?: CurrentFacts
  readonly target?: TargetFacts
  /** The target run's artifacts (all pages); undefined when not fetched (the run cannot be re-run). */
  readonly artifacts?: readonly ArtifactFacts[]
  /** Jobs of the target run's latest attempt; fetched only when the artifacts allow a deploy-job re-run. */
  readonly jobs?: readonly JobFacts[]
  readonly now: Date
  readonly options: PlanOptions
}

export interface PlanCurrent {
  readonly kind: 'deployment' | 'run'
  readonly sha: string
  readonly createdAt: string
  /** Set for a deployment record. */
  readonly deploymentId?: number
  readonly runId: number
  readonly runAttempt?: number
  /** Set for the run-history fallback. */
  readonly runUrl?: string
}

export interface PlanTarget {
  readonly source: TargetSource
  readonly runId: number
  /** The run's latest attempt when planned; a re-run creates attempt + 1. */
  readonly runAttempt: number
  readonly sha: string
  readonly createdAt: string
  readonly ageDays: number
  readonly runUrl: string
  readonly deploymentId?: number
  readonly jobName?: string
  /** Why this target, for people. */
  readonly reason: string
}

export type ArtifactStatus = 'ok' | 'expired' | 'expiring' | 'missing' | 'unknown'

export interface PlanArtifact {
  readonly name: string
  readonly id?: number
  readonly status: ArtifactStatus
  /** ISO 8601; from the API, or `created_at` + artifact-retention-days when the API gives none. */
  readonly expiresAt?: string
  readonly expiresAtSource?: 'api' | 'retention-days'
  /** For people: `expired`, `expires within retention-margin (30m)`, … */
  readonly note: string
}

export interface PlannedJob {
  readonly id: number
  readonly name: string
  readonly matchedBy: 'job_name' | 'deploy-job' | 'matrix-prefix'
}

export interface DispatchRequest {
  /** Workflow file name or id. */
  readonly workflow: string
  readonly ref: string
  readonly inputs: Readonly<Record<string, string>>
}

interface PlanCommon {
  readonly current?: PlanCurrent
  readonly target?: PlanTarget
  readonly artifacts: readonly PlanArtifact[]
  /** Report artifacts of the run, never counted. */
  readonly ignoredArtifacts: readonly string[]
  readonly warnings: readonly string[]
}

export interface ReadyPlan extends PlanCommon {
  readonly ok: true
  readonly target: PlanTarget
  readonly scope: RerunScope
  readonly scopeReason: string
  /** Set for scope `deploy-job`. */
  readonly job?: PlannedJob
  /** Set for scope `dispatch`. */
  readonly dispatch?: DispatchRequest
}

export interface FailedPlan extends PlanCommon {
  readonly ok: false
  readonly error: string
}

export type Plan = ReadyPlan | FailedPlan

export function plan(input: PlanInput): Plan {
  const { options, now } = input
  const warnings: string[] = []
  const current = input.current ? planCurrent(input.current) : undefined
  const base = { current, artifacts: [], ignoredArtifacts: [], warnings }
  const failed = (error: string, target?: PlanTarget): FailedPlan => ({ ok: false, ...base, target, error })

  if (!input.target) return failed(noTargetError(current, options))
  const target = planTarget(input.target, now, options)
  if (current && sameCommit(current.sha, target.sha)) {
    return failed(
      `the target ${target.sha.slice(0, 7)} (run ${target.runId}) is the commit deployed now in ${options.environment}; ` +
        'the rollback target is never the current SHA',
      target,
    )
  }
  if (!current) warnings.push(`no current deployment found in ${options.environment}: nothing will be marked rolled back`)
  const workflowWarning = otherWorkflowWarning(input.target.run, options.deployWorkflow)
  if (workflowWarning) warnings.push(workflowWarning)

  const ageMs = now.getTime() - Date.parse(target.createdAt)
  if (ageMs > RERUN_MAX_AGE_MS) {
    const full = target.sha
    const when = `was created ${target.ageDays} days ago; GitHub re-runs only runs from the last 30 days`
    if (!options.redeployInput) {
      return failed(
        `workflow run ${target.runId} of ${full} ${when}. To roll back to ${full}, set redeploy-input to the ` +
          `workflow_dispatch input of ${options.deployWorkflow} that takes a commit SHA (deploy-gate then dispatches it), ` +
          `or deploy ${full} by hand`,
        target,
      )
    }
    if (!options.branch) return failed(`cannot dispatch ${options.deployWorkflow}: no branch to run it on`, target)
    const dispatch: DispatchRequest = {
      workflow: options.deployWorkflow,
      ref: options.branch,
      inputs: { [options.redeployInput]: full },
    }
    const scopeReason =
      `workflow run ${target.runId} ${when}, so ${options.deployWorkflow} is dispatched on ${options.branch} ` +
      `with ${options.redeployInput}=${full}`
    return { ok: true, ...base, target, scope: 'dispatch', scopeReason, dispatch }
  }

  const assessed = assessArtifacts(input.artifacts ?? [], options, now)
  warnings.push(...assessed.warnings)
  const withArtifacts = { ...base, artifacts: assessed.artifacts, ignoredArtifacts: assessed.ignored }
  if (assessed.scope === 'all-jobs') {
    return { ok: true, ...withArtifacts, target, scope: 'all-jobs', scopeReason: assessed.reason }
  }
  const picked = pickJob(input.jobs ?? [], target.jobName, options.deployJob, target.runId)
  if (!picked.job) {
    warnings.push(picked.problem)
    const scopeReason = `${assessed.reason}, but ${picked.problem}`
    return { ok: true, ...withArtifacts, target, scope: 'all-jobs', scopeReason }
  }
  return { ok: true, ...withArtifacts, target, scope: 'deploy-job', scopeReason: assessed.reason, job: picked.job }
}

/** Two SHAs name the same commit; either may be abbreviated (an explicit `target`). */
export function sameCommit(a: string, b: string): boolean {
  const x = a.toLowerCase()
  const y = b.toLowerCase()
  return x !== '' && y !== '' && (x.startsWith(y) || y.startsWith(x))
}

/** The run was created more than 30 days before `now`: GitHub refuses to re-run it. */
export function isTooOldToRerun(run: Pick<RunFacts, 'createdAt'>, now: Date): boolean {
  return now.getTime() - Date.parse(run.createdAt) > RERUN_MAX_AGE_MS
}

export function isReportArtifact(name: string, reportArtifact: string): boolean {
  return name.startsWith(REPORT_ARTIFACT_PREFIX) || name === reportArtifact
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
  options: Pick<PlanOptions, 'artifactNames' | 'artifactRetentionDays' | 'retentionMarginMs' | 'reportArtifact'>,
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
    assessArtifact(name, newestNamed(builds, name), now.getTime(), marginEnd, margin, options.artifactRetentionDays),
  )
  const bad = artifacts.filter((a) => a.status !== 'ok')
  if (bad.length > 0) {
    const list = bad.map((a) => `${a.name} ${a.note}`).join('; ')
    return { scope: 'all-jobs', reason: `build artifacts are not reusable (${list})`, artifacts, ignored, warnings }
  }
  const earliest = artifacts
    .map((a) => a.expiresAt ?? '')
    .sort()
    .at(0)
  const reason =
    `all ${artifacts.length} required artifact${artifacts.length === 1 ? '' : 's'} (${required.join(', ')}) ` +
    `stay available beyond now + retention-margin ${margin} (earliest expiry ${earliest})`
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
  if (expiresAt === undefined) return { ...base, status: 'unknown', note: 'has neither expires_at nor created_at' }
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

/**
 * SPEC §5.4: the job whose name equals the recorded `job_name`; failing that, equals `deploy-job`; failing that,
 * starts with `<deploy-job> (` (a matrix expansion). Several matches at the first tier that matches → no job.
 */
export function pickJob(
  jobs: readonly JobFacts[],
  jobName: string | undefined,
  deployJob: string,
  runId: number,
): { job: PlannedJob; problem?: undefined } | { job?: undefined; problem: string } {
  const tiers: [PlannedJob['matchedBy'], (name: string) => boolean][] = [
    ['job_name', (name) => jobName !== undefined && name === jobName],
    ['deploy-job', (name) => name === deployJob],
    ['matrix-prefix', (name) => name.startsWith(`${deployJob} (`)],
  ]
  for (const [matchedBy, matches] of tiers) {
    const found = jobs.filter((j) => matches(j.name))
    const first = found[0]
    if (found.length === 1 && first) return { job: { id: first.id, name: first.name, matchedBy } }
    if (found.length > 1) {
      const names = found.map((j) => `"${j.name}"`).join(', ')
      return {
        problem: `${found.length} jobs of run ${runId} match the deploy job (${names}), so all jobs are re-run`,
      }
    }
  }
  const wanted = [...(jobName !== undefined ? [`"${jobName}"`] : []), `"${deployJob}"`, `"${deployJob} (…)"`]
  return {
    problem: `no job named ${wanted.join(' or ')} in the latest attempt of run ${runId}, so all jobs are re-run`,
  }
}

function planCurrent(c: CurrentFacts): PlanCurrent {
  if (c.kind === 'deployment') {
    return {
      kind: 'deployment',
      sha: c.sha,
      createdAt: c.createdAt,
      deploymentId: c.deploymentId,
      runId: c.runId,
      runAttempt: c.runAttempt,
    }
  }
  return {
    kind: 'run',
    sha: c.run.sha,
    createdAt: c.run.createdAt,
    runId: c.run.id,
    runAttempt: c.run.attempt,
    runUrl: c.run.htmlUrl,
  }
}

function planTarget(t: TargetFacts, now: Date, options: PlanOptions): PlanTarget {
  const { run, deployment } = t
  return {
    source: t.source,
    runId: run.id,
    runAttempt: run.attempt,
    sha: run.sha,
    createdAt: run.createdAt,
    ageDays: Math.max(0, Math.floor((now.getTime() - Date.parse(run.createdAt)) / DAY_MS)),
    runUrl: run.htmlUrl,
    ...(deployment ? { deploymentId: deployment.id } : {}),
    ...(deployment?.jobName !== undefined ? { jobName: deployment.jobName } : {}),
    reason: targetReason(t, options),
  }
}

function targetReason(t: TargetFacts, o: PlanOptions): string {
  const d = t.deployment
  switch (t.source) {
    case 'ledger':
      return (
        `newest stable deployment in ${o.environment} older than the current one with a different commit ` +
        `(deployment ${d?.id}, created ${d?.createdAt})`
      )
    case 'input-run':
      return `the target input names workflow run ${t.run.id}`
    case 'input-sha-deployment':
      return `the target input names ${targetText(o)}: its newest stable deployment in ${o.environment} (deployment ${d?.id})`
    case 'input-sha-run':
      return (
        `the target input names ${targetText(o)}, which has no stable deployment in ${o.environment}: ` +
        `the newest successful run of ${o.deployWorkflow} for it`
      )
    case 'run-history':
      return (
        `no deployment in ${o.environment} carries deploy-gate records, so from the run history of ` +
        `${o.deployWorkflow} on ${o.branch ?? 'the default branch'}: the newest successful run older than the ` +
        'newest completed one, with a different commit'
      )
  }
}

function targetText(o: PlanOptions): string {
  if (!o.target) return 'a target'
  return o.target.kind === 'run' ? `workflow run ${o.target.runId}` : `commit ${o.target.sha}`
}

function noTargetError(current: PlanCurrent | undefined, o: PlanOptions): string {
  if (o.target?.kind === 'sha') {
    return (
      `target ${o.target.sha}: no stable deployment of that commit in ${o.environment} and no successful run of ` +
      `${o.deployWorkflow} for it`
    )
  }
  if (!current) {
    return (
      `nothing to roll back in ${o.environment}: no deployment there carries deploy-gate records, and ` +
      `${o.deployWorkflow} has no completed run on ${o.branch ?? 'the default branch'}`
    )
  }
  return `no stable deployment before ${current.sha.slice(0, 7)} in ${o.environment}`
}

/** A warning when the target run is not a run of the deploy workflow (an explicit run id, or a gate elsewhere). */
function otherWorkflowWarning(run: RunFacts, deployWorkflow: string): string | undefined {
  const byId = /^\d+$/.test(deployWorkflow)
  const matches = byId
    ? run.workflowId === Number(deployWorkflow)
    : run.path === '' || run.path.split('@')[0]?.split('/').at(-1) === deployWorkflow
  return matches
    ? undefined
    : `workflow run ${run.id} belongs to ${run.path || `workflow ${run.workflowId}`}, not to deploy-workflow ${deployWorkflow}`
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)]
}

/** GitHub's timestamp format: ISO 8601 to the second. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}
