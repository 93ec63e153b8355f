/**
 * The facts a rollback plan needs (SPEC §5.1–5.3), read with as few requests as possible: a page of deployments and
 * the statuses of the candidates only until the target is known, the target run, its artifacts only when it can be
 * re-run, its jobs only when the artifacts allow a deploy-job re-run, the default branch only when needed.
 *
 * Typical cost up to the re-run request: deployments (1) + statuses of the target (1) + run (1) + artifacts (1) +
 * jobs (1); the run-history fallback: deployments (1) + default branch (1, when `branch` is empty) + runs (1 per 100
 * runs scanned) + artifacts (1) + jobs (1).
 */
import type { RollbackTarget } from '../config/settings.ts'
import type { DeploymentLedger, LedgerDeployment } from '../ledger/deployments.ts'
import { findCurrent, findCurrentAndTarget, findStableForSha } from '../ledger/deployments.ts'
import type { WorkflowRunsApi } from './actions-api.ts'
import type { CurrentFacts, PlanInput, PlanOptions, RunFacts, TargetFacts } from './plan.ts'
import { assessArtifacts, isTooOldToRerun, sameCommit } from './plan.ts'

/** Pages of 100 runs scanned in the run-history fallback; GitHub returns at most 1,000 runs with a branch filter. */
export const RUN_HISTORY_MAX_PAGES = 10

export interface GatherDeps {
  readonly ledger: Pick<DeploymentLedger, 'pages' | 'statuses'>
  readonly runs: WorkflowRunsApi
  readonly log?: (line: string) => void
}

/** The plan options as configured; `branch` is resolved here when it is needed. */
export type GatherOptions = Omit<PlanOptions, 'branch'> & { readonly branch?: string }

export async function gatherPlanInput(
  deps: GatherDeps,
  options: GatherOptions,
  now: Date,
): Promise<PlanInput> {
  const log = deps.log ?? (() => undefined)
  let branch = options.branch
  const resolveBranch = async (): Promise<string> => (branch ??= await deps.runs.defaultBranch())

  const found = options.target
    ? await fromLedgerForTarget(deps, options.environment, options.target)
    : await fromLedger(deps, options.environment)
  let current: CurrentFacts | undefined = found.current
  let target = found.target

  if (!current) {
    const b = await resolveBranch()
    log(
      `no deployment in ${options.environment} carries deploy-gate records: reading the runs of ${options.deployWorkflow} on ${b}`,
    )
    const history = await fromRunHistory(deps.runs, options.deployWorkflow, b, !options.target)
    current = history.current && { kind: 'run', run: history.current }
    target ??= history.target
  }
  if (!target && options.target) target = await explicitTargetRun(deps.runs, options)

  const currentSha = current?.kind === 'deployment' ? current.sha : current?.run.sha
  const conflict = target && currentSha !== undefined && sameCommit(currentSha, target.run.sha)
  const tooOld = target !== undefined && isTooOldToRerun(target.run, now)
  if (target && !conflict && tooOld && options.redeployInput) await resolveBranch()
  const input: PlanInput = { now, current, target, options: { ...options, ...(branch ? { branch } : {}) } }
  // The plan fails on a conflict, and a run too old to re-run has no use for its artifacts or jobs.
  if (!target || conflict || tooOld) return input
  const artifacts = await deps.runs.listArtifacts(target.run.id)
  if (assessArtifacts(artifacts, options, now).scope === 'all-jobs') return { ...input, artifacts }
  const jobs = await deps.runs.listLatestJobs(target.run.id)
  return { ...input, artifacts, jobs }
}

/** No target input: current and the newest stable deployment before it (select.ts). */
async function fromLedger(
  deps: GatherDeps,
  environment: string,
): Promise<{ current?: CurrentFacts; target?: TargetFacts }> {
  const { current, target } = await findCurrentAndTarget(deps.ledger, environment)
  return {
    current: current && currentFacts(current),
    target: target && (await targetFromDeployment(deps.runs, target, 'ledger')),
  }
}

/**
 * A target input: the current deployment; for a SHA its newest stable deployment (pages read until found); for a run
 * id, a record of that run on the pages read anyway, for its deployed SHA and job_name.
 */
async function fromLedgerForTarget(
  deps: GatherDeps,
  environment: string,
  wanted: RollbackTarget,
): Promise<{ current?: CurrentFacts; target?: TargetFacts }> {
  let current: LedgerDeployment | undefined
  let stable: LedgerDeployment | undefined
  let ofRun: LedgerDeployment | undefined
  for await (const page of deps.ledger.pages(environment)) {
    current ??= findCurrent(page)
    if (wanted.kind === 'sha') {
      stable ??= await findStableForSha(page, wanted.sha, (d) => deps.ledger.statuses(d.id))
    } else {
      ofRun ??= page.find((d) => d.payload?.run_id === wanted.runId)
    }
    if (current && (wanted.kind === 'run' || stable)) break
  }
  let target: TargetFacts | undefined
  if (wanted.kind === 'run') {
    target = ofRun
      ? await targetFromDeployment(deps.runs, ofRun, 'input-run')
      : { source: 'input-run', run: await deps.runs.getRun(wanted.runId) }
  } else if (stable) target = await targetFromDeployment(deps.runs, stable, 'input-sha-deployment')
  return { current: current && currentFacts(current), target }
}

/** SPEC §5.1 fallback: the newest completed run is current; the target the newest older success of another commit. */
async function fromRunHistory(
  runs: WorkflowRunsApi,
  workflow: string,
  branch: string,
  wantTarget: boolean,
): Promise<{ current?: RunFacts; target?: TargetFacts }> {
  let current: RunFacts | undefined
  for await (const page of runs.runPages(workflow, { branch, status: 'completed' }, RUN_HISTORY_MAX_PAGES)) {
    for (const run of page) {
      if (!current) {
        current = run
        if (!wantTarget) return { current }
        continue
      }
      // Pages come newest first; a run created in the same second is older when its id is lower.
      const age = Date.parse(current.createdAt) - Date.parse(run.createdAt)
      const older = age > 0 || (age === 0 && run.id < current.id)
      if (run.conclusion === 'success' && older && !sameCommit(run.sha, current.sha)) {
        return { current, target: { source: 'run-history', run } }
      }
    }
  }
  return current ? { current } : {}
}

/** A target input with no stable deployment: the run itself, or the newest successful deploy-workflow run of the SHA. */
async function explicitTargetRun(
  runs: WorkflowRunsApi,
  options: GatherOptions,
): Promise<TargetFacts | undefined> {
  const wanted = options.target
  if (!wanted) return undefined
  if (wanted.kind === 'run') return { source: 'input-run', run: await runs.getRun(wanted.runId) }
  const full = wanted.sha.length === 40
  // GitHub's head_sha filter needs the full SHA; an abbreviated one is matched by prefix while scanning.
  const filter = full ? { status: 'success', headSha: wanted.sha } : { status: 'success' }
  for await (const page of runs.runPages(options.deployWorkflow, filter, full ? 1 : RUN_HISTORY_MAX_PAGES)) {
    const run = page.find((r) => sameCommit(r.sha, wanted.sha) && r.conclusion === 'success')
    if (run) return { source: 'input-sha-run', run }
  }
  return undefined
}

async function targetFromDeployment(
  runs: WorkflowRunsApi,
  d: LedgerDeployment,
  source: 'ledger' | 'input-sha-deployment' | 'input-run',
): Promise<TargetFacts | undefined> {
  if (!d.payload) return undefined
  const run = await runs.getRun(d.payload.run_id)
  const jobName = d.payload.job_name
  return {
    source,
    // The deployment's SHA is the one deployed; a workflow that deploys another commit than it ran on records it.
    run: { ...run, sha: d.sha },
    deployment: { id: d.id, createdAt: d.createdAt, ...(jobName !== undefined ? { jobName } : {}) },
  }
}

function currentFacts(d: LedgerDeployment): CurrentFacts {
  return {
    kind: 'deployment',
    deploymentId: d.id,
    sha: d.sha,
    createdAt: d.createdAt,
    runId: d.payload?.run_id ?? 0,
    runAttempt: d.payload?.run_attempt ?? 0,
  }
}
