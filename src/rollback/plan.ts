/**
 * The rollback plan (SPEC §5), pure: facts about the current deployment, the target run, its artifacts and jobs, and
 * the time → what to re-run or dispatch, and why; or why nothing can be done. Fetching the facts is target.ts's job,
 * doing the plan is execute.ts's.
 */
import { assessArtifacts } from './artifacts.ts'
import type {
  CurrentFacts,
  DispatchRequest,
  FailedPlan,
  JobFacts,
  Plan,
  PlanCurrent,
  PlannedJob,
  PlanInput,
  PlanOptions,
  PlanTarget,
  RunFacts,
  TargetFacts,
} from './types.ts'
import { DAY_MS } from './types.ts'
import { isTooOldToRerun, oneMonthBefore } from './rerun-age.ts'

export * from './types.ts'
export { isTooOldToRerun } from './rerun-age.ts'
export { assessArtifacts, isReportArtifact, isoSeconds, type ArtifactAssessment } from './artifacts.ts'

/**
 * What the plan reads beyond the current and target facts — the planner's own rules, so that target.ts fetches
 * exactly that: no artifacts or jobs for a target that is the current commit or too old to re-run (the plan fails
 * or dispatches), no jobs when the target attempt has several gated jobs (they go back together), the default
 * branch only for a dispatch without `branch`.
 */
export function factsNeeded(facts: Pick<PlanInput, 'now' | 'current' | 'target' | 'options'>): {
  readonly artifacts: boolean
  readonly jobs: boolean
  readonly branch: boolean
} {
  const { target, options } = facts
  const current = facts.current ? planCurrent(facts.current) : undefined
  const conflict = target !== undefined && current !== undefined && sameCommit(current.sha, target.run.sha)
  const tooOld = target !== undefined && isTooOldToRerun(target.run, facts.now)
  const rerun = target !== undefined && !conflict && !tooOld
  return {
    artifacts: rerun,
    jobs: rerun && picksOneJob(target.deployment?.records?.length ?? 0),
    branch: target !== undefined && !conflict && tooOld && !!options.redeployInput && !options.branch,
  }
}

/** A target attempt with several gated jobs goes back whole (one all-jobs re-run), so no job is picked for it. */
export function picksOneJob(gatedJobs: number): boolean {
  return gatedJobs <= 1
}

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
  if (!current)
    warnings.push(`no current deployment found in ${options.environment}: nothing will be marked rolled back`)
  const workflowWarning = otherWorkflowWarning(input.target.run, options.deployWorkflow)
  if (workflowWarning) warnings.push(workflowWarning)

  if (input.refusedAsTooOld || isTooOldToRerun(target, now)) {
    const full = target.sha
    const when = input.refusedAsTooOld
      ? `was refused a re-run by GitHub (created over a month ago)`
      : `was created ${target.ageDays} days ago, before ${oneMonthBefore(now).toISOString()}; GitHub re-runs ` +
        'only runs created in the last month'
    if (!options.redeployInput) {
      return failed(
        `workflow run ${target.runId} of ${full} ${when}. To roll back to ${full}, set redeploy-input to the ` +
          `workflow_dispatch input of ${options.deployWorkflow} that takes a commit SHA (deploy-gate then dispatches it), ` +
          `or deploy ${full} by hand`,
        target,
      )
    }
    if (!options.branch)
      return failed(`cannot dispatch ${options.deployWorkflow}: no branch to run it on`, target)
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
  const records = target.records ?? []
  if (!picksOneJob(records.length)) {
    // GitHub re-runs one job per new attempt and refuses a second job re-run while that attempt runs (403 "The
    // workflow run containing this job is already running"), so several gated jobs go back together in one re-run.
    const names = records.map((r) => (r.jobName ? `"${r.jobName}"` : `job ${r.jobId ?? '?'}`)).join(', ')
    const scopeReason =
      `${assessed.reason}, but run ${target.runId} attempt ${target.runAttempt} has ${records.length} gated jobs ` +
      `(${names}); GitHub re-runs one job per attempt and refuses another while it runs, so all jobs are re-run ` +
      'to bring every one of them back'
    return { ok: true, ...withArtifacts, target, scope: 'all-jobs', scopeReason }
  }
  const picked = pickJob(
    input.jobs ?? [],
    { jobId: target.jobId, jobName: target.jobName },
    options.deployJob,
    target.runId,
  )
  if (!picked.job) {
    warnings.push(picked.problem)
    const scopeReason = `${assessed.reason}, but ${picked.problem}`
    return { ok: true, ...withArtifacts, target, scope: 'all-jobs', scopeReason }
  }
  return {
    ok: true,
    ...withArtifacts,
    target,
    scope: 'deploy-job',
    scopeReason: assessed.reason,
    job: picked.job,
  }
}

/** Two SHAs name the same commit; either may be abbreviated (an explicit `target`). */
export function sameCommit(a: string, b: string): boolean {
  const x = a.toLowerCase()
  const y = b.toLowerCase()
  return x !== '' && y !== '' && (x.startsWith(y) || y.startsWith(x))
}

/**
 * SPEC §5.4: the job whose id is the recorded `job_id` (when the target's latest attempt still holds it); failing
 * that, whose name equals the recorded `job_name`; failing that, equals `deploy-job`; failing that, starts with
 * `<deploy-job> (` (a matrix expansion) or is `<caller> / <deploy-job>` or `<deploy-job> / <called>` (a job of a
 * called reusable workflow). Several matches at the first tier that matches → no job.
 */
export function pickJob(
  jobs: readonly JobFacts[],
  recorded: { readonly jobId?: number | undefined; readonly jobName?: string | undefined },
  deployJob: string,
  runId: number,
): { job: PlannedJob; problem?: undefined } | { job?: undefined; problem: string } {
  const { jobId, jobName } = recorded
  const isReusable = (name: string): boolean =>
    name.endsWith(` / ${deployJob}`) || name.startsWith(`${deployJob} / `)
  const tiers: [(j: JobFacts) => boolean, (j: JobFacts) => PlannedJob['matchedBy']][] = [
    [(j) => jobId !== undefined && j.id === jobId, () => 'job_id'],
    [(j) => jobName !== undefined && j.name === jobName, () => 'job_name'],
    [(j) => j.name === deployJob, () => 'deploy-job'],
    [
      (j) => j.name.startsWith(`${deployJob} (`) || isReusable(j.name),
      (j) => (isReusable(j.name) ? 'reusable-workflow' : 'matrix-prefix'),
    ],
  ]
  for (const [matches, by] of tiers) {
    const found = jobs.filter(matches)
    const first = found[0]
    if (found.length === 1 && first) return { job: { id: first.id, name: first.name, matchedBy: by(first) } }
    if (found.length > 1) {
      const names = found.map((j) => `"${j.name}"`).join(', ')
      return {
        problem: `${found.length} jobs of run ${runId} match the deploy job (${names}), so all jobs are re-run`,
      }
    }
  }
  const wanted = [
    ...(jobName !== undefined ? [`"${jobName}"`] : []),
    `"${deployJob}"`,
    `"${deployJob} (…)"`,
    `"… / ${deployJob}"`,
    `"${deployJob} / …"`,
  ]
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
      ...(c.deploymentIds ? { deploymentIds: c.deploymentIds } : {}),
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
    ...(deployment?.jobId !== undefined ? { jobId: deployment.jobId } : {}),
    ...(deployment?.records ? { records: deployment.records } : {}),
    reason: targetReason(t, options),
  }
}

function targetReason(t: TargetFacts, o: PlanOptions): string {
  const d = t.deployment
  switch (t.source) {
    case 'ledger':
      return (
        `newest stable deployment in ${o.environment} older than the current one with a different commit` +
        (d ? ` (deployment ${d.id}, created ${d.createdAt})` : '')
      )
    case 'input-run':
      return `the target input names workflow run ${t.run.id}`
    case 'input-sha-deployment':
      return `the target input names ${targetText(o)}: its newest stable deployment in ${o.environment}${d ? ` (deployment ${d.id})` : ''}`
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
