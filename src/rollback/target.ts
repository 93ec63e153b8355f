/**
 * The facts a rollback plan needs (SPEC §5.1–5.3), read with as few requests as possible: a page of deployments and
 * the statuses of the candidates only until the target is known, the target run, its artifacts only when it can be
 * re-run, its jobs only when the artifacts allow a deploy-job re-run, the default branch only when needed.
 *
 * Typical cost up to the re-run request: deployments (1) + statuses of the target attempt's records (1 each, in
 * parallel) + run, artifacts and jobs (1 each, in parallel: the run id is in the record's payload) — 4 round trips in
 * all with the re-run; the jobs are not read when the target attempt has several gated jobs (they go back together
 * with an all-jobs re-run). The run-history fallback: deployments (1) + default branch (1, when `branch` is empty) +
 * runs (1 per 100 runs scanned) + artifacts and jobs (in parallel).
 */
import type { RollbackTarget } from '../config/settings.ts'
import type { DeploymentLedger, LedgerDeployment } from '../ledger/deployments.ts'
import {
  attemptRecords,
  cachedStatuses,
  findCurrent,
  findCurrentAndTarget,
  findStableForSha,
} from '../ledger/deployments.ts'
import type { WorkflowRunsApi } from './actions-api.ts'
import type {
  ArtifactFacts,
  CurrentFacts,
  JobFacts,
  Plan,
  PlanInput,
  PlanOptions,
  RecordedJob,
  RunFacts,
  TargetFacts,
} from './plan.ts'
import { factsNeeded, picksOneJob, plan, sameCommit } from './plan.ts'

/** Pages of 100 runs scanned in the run-history fallback; GitHub returns at most 1,000 runs with a branch filter. */
export const RUN_HISTORY_MAX_PAGES = 10

export interface GatherDeps {
  readonly ledger: Pick<DeploymentLedger, 'pages' | 'statuses'>
  readonly runs: WorkflowRunsApi
  readonly log?: (line: string) => void
}

/** The plan options as configured; `branch` is resolved here when it is needed. */
export type GatherOptions = Omit<PlanOptions, 'branch'> & { readonly branch?: string }

/**
 * The rollback decision as rollback mode makes it — current, target (ledger stable rule, run-history fallback),
 * age, artifact scope and the deploy job — without doing anything. ONE function for every caller that needs "the
 * rollback target the rollback mode would pick now" (a failed gate's "what to do next", SPEC §7).
 */
export async function findRollbackPlan(deps: GatherDeps, options: GatherOptions, now: Date): Promise<Plan> {
  return plan(await gatherPlanInput(deps, options, now))
}

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
  let target: TargetFacts | undefined
  let read: { artifacts: ArtifactFacts[]; jobs?: JobFacts[] } | undefined
  if (found.pending) {
    const pendingSha = found.pending.deployment.sha
    const currentSha = current?.kind === 'deployment' ? current.sha : undefined
    if (currentSha !== undefined && sameCommit(currentSha, pendingSha)) {
      target = await targetFromDeployment(deps.runs, found.pending)
    } else {
      // The run id is in the record: the run, its artifacts and its jobs are read at once.
      const [t, artifacts, jobs] = await Promise.all([
        targetFromDeployment(deps.runs, found.pending),
        deps.runs.listArtifacts(found.pending.runId),
        picksOneJob(found.pending.records.length) ? deps.runs.listLatestJobs(found.pending.runId) : undefined,
      ])
      target = t
      read = { artifacts, ...(jobs ? { jobs } : {}) }
    }
  }

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

  const input: PlanInput = { now, current, target, options: { ...options, ...(branch ? { branch } : {}) } }
  const needed = factsNeeded(input)
  if (needed.branch) await resolveBranch()
  const resolved: PlanInput = { ...input, options: { ...options, ...(branch ? { branch } : {}) } }
  if (!target || !needed.artifacts) return resolved
  if (read) return { ...resolved, ...read }
  const [artifacts, jobs] = await Promise.all([
    deps.runs.listArtifacts(target.run.id),
    needed.jobs ? deps.runs.listLatestJobs(target.run.id) : undefined,
  ])
  return { ...resolved, artifacts, ...(jobs ? { jobs } : {}) }
}

/** A target deployment whose run is still to be read. */
interface PendingTarget {
  readonly deployment: LedgerDeployment
  readonly runId: number
  readonly source: 'ledger' | 'input-sha-deployment' | 'input-run'
  /** Every deploy-gate record of its run attempt. */
  readonly records: readonly LedgerDeployment[]
}

interface Found {
  readonly current?: CurrentFacts
  readonly pending?: PendingTarget
}

function pendingOf(
  d: LedgerDeployment | undefined,
  source: PendingTarget['source'],
  records: readonly LedgerDeployment[] = d ? [d] : [],
): PendingTarget | undefined {
  return d?.payload ? { deployment: d, runId: d.payload.run_id, source, records } : undefined
}

/** No target input: current and the newest stable deployment before it (select.ts). */
async function fromLedger(deps: GatherDeps, environment: string): Promise<Found> {
  const { current, currentRecords, target, targetRecords } = await findCurrentAndTarget(
    deps.ledger,
    environment,
  )
  const pending = pendingOf(target, 'ledger', targetRecords)
  return {
    ...(current ? { current: currentFacts(current, currentRecords) } : {}),
    ...(pending ? { pending } : {}),
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
): Promise<Found> {
  let current: LedgerDeployment | undefined
  let stable: LedgerDeployment | undefined
  let ofRun: LedgerDeployment | undefined
  const seen: LedgerDeployment[] = []
  const statusesOf = cachedStatuses((d) => deps.ledger.statuses(d.id))
  for await (const page of deps.ledger.pages(environment)) {
    seen.push(...page)
    current ??= findCurrent(page)
    if (wanted.kind === 'sha') {
      stable ??= await findStableForSha(page, wanted.sha, statusesOf, seen)
    } else {
      ofRun ??= page.find((d) => d.payload?.run_id === wanted.runId)
    }
    if (current && (wanted.kind === 'run' || stable)) break
  }
  const found = wanted.kind === 'run' ? ofRun : stable
  const source = wanted.kind === 'run' ? 'input-run' : 'input-sha-deployment'
  const pending = found && pendingOf(found, source, attemptRecords(seen, found))
  return {
    ...(current ? { current: currentFacts(current, attemptRecords(seen, current)) } : {}),
    ...(pending ? { pending } : {}),
  }
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
        // A cancelled or skipped run deployed nothing: the current deploy is the newest run that ran.
        if (run.conclusion === 'cancelled' || run.conclusion === 'skipped') continue
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

async function targetFromDeployment(runs: WorkflowRunsApi, p: PendingTarget): Promise<TargetFacts> {
  const d = p.deployment
  const run = await runs.getRun(p.runId)
  const jobName = d.payload?.job_name
  const jobId = d.payload?.job_id
  return {
    source: p.source,
    // The deployment's SHA is the one deployed; a workflow that deploys another commit than it ran on records it.
    run: { ...run, sha: d.sha },
    deployment: {
      id: d.id,
      createdAt: d.createdAt,
      ...(jobName !== undefined ? { jobName } : {}),
      ...(jobId !== undefined ? { jobId } : {}),
      records: p.records.map(recordedJob),
    },
  }
}

function recordedJob(d: LedgerDeployment): RecordedJob {
  return {
    deploymentId: d.id,
    ...(d.payload?.job_id !== undefined ? { jobId: d.payload.job_id } : {}),
    ...(d.payload?.job_name !== undefined ? { jobName: d.payload.job_name } : {}),
  }
}

function currentFacts(d: LedgerDeployment, records: readonly LedgerDeployment[] = [d]): CurrentFacts {
  return {
    kind: 'deployment',
    deploymentId: d.id,
    deploymentIds: records.map((r) => r.id),
    sha: d.sha,
    createdAt: d.createdAt,
    runId: d.payload?.run_id ?? 0,
    runAttempt: d.payload?.run_attempt ?? 0,
  }
}
