/**
 * The GitHub fake's state for one repository: its records (github-fake-records.ts), seeding helpers with defaults,
 * and the state changes GitHub makes (auto_inactive, re-runs, dispatches). Ids are deterministic: each kind counts up
 * from its own base, so an id of the wrong kind never finds anything.
 */
import { createHash } from 'node:crypto'
import type {
  DeploymentState,
  RunStatus,
  Conclusion,
  DeploymentStatusRecord,
  DeploymentRecord,
  WorkflowRecord,
  StepRecord,
  JobRecord,
  AutoComplete,
  AttemptRecord,
  ArtifactRecord,
  RunRecord,
  CheckRunRecord,
  TimeInput,
  DeploymentSeed,
  JobSeed,
  ArtifactSeed,
  RunSeed,
  StateOptions,
} from './github-fake-records.ts'

export type * from './github-fake-records.ts'

const DAY_MS = 86_400_000
/**
 * What the jobs API shows as `runner_name` for a job on a GitHub-hosted runner: a generic name, not the runner's
 * `RUNNER_NAME` (`GitHub-Actions-1000000242`). Seed `runner_name` for self-hosted runners, whose name it does show.
 */
export const HOSTED_RUNNER_NAME = 'GitHub Actions'
const RUNNER = HOSTED_RUNNER_NAME

function defaultSteps(jobName: string): string[] {
  return ['Set up job', `Run ${jobName}`, 'Complete job']
}

/** Steps mirroring their job: none while queued, all running or all done with the job's conclusion. */
function makeSteps(names: readonly string[], job: JobRecord): StepRecord[] {
  if (job.status === 'queued') return []
  const done = job.status === 'completed'
  return names.map((name, i) => ({
    name,
    number: i + 1,
    status: done ? 'completed' : 'in_progress',
    conclusion: done ? job.conclusion : null,
    started_at: job.started_at,
    completed_at: done ? job.completed_at : null,
  }))
}

/** A deterministic 40-hex commit SHA for any seed: `fakeSha(1)`, `fakeSha('v2')`. */
export function fakeSha(seed: number | string): string {
  return createHash('sha1').update(`commit:${seed}`).digest('hex')
}

/** GitHub's timestamp format: ISO 8601, seconds, `Z`. */
export function isoTime(t: TimeInput): string {
  return (typeof t === 'string' ? new Date(t) : t).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

export class GitHubState {
  readonly owner: string
  readonly repo: string
  readonly repoId = 1_296_269
  readonly ownerId = 583_231
  defaultBranch: string
  /** Branch (or tag) name → commit SHA; `ref`s of deployments and dispatches resolve through it. */
  readonly branches = new Map<string, string>()
  readonly deployments: DeploymentRecord[] = []
  readonly workflows: WorkflowRecord[] = []
  readonly runs: RunRecord[] = []
  readonly checkRuns: CheckRunRecord[] = []
  autoComplete: AutoComplete | undefined
  /** GHES without `return_run_details`: a dispatch body carrying it gets 422. */
  rejectsReturnRunDetails = false
  readonly now: () => Date
  private readonly ids = {
    deployment: 1_000_000,
    status: 2_000_000,
    workflow: 3_000,
    run: 4_000_000,
    job: 5_000_000,
    artifact: 6_000_000,
    checkRun: 7_000_000,
  }

  constructor(opts: StateOptions) {
    this.owner = opts.owner
    this.repo = opts.repo
    this.defaultBranch = opts.defaultBranch
    this.now = opts.now
    this.autoComplete = opts.autoComplete
    this.branches.set(opts.defaultBranch, fakeSha(opts.defaultBranch))
  }

  private nextId(kind: keyof GitHubState['ids']): number {
    return ++this.ids[kind]
  }

  private stamp(t?: TimeInput): string {
    return isoTime(t ?? this.now())
  }

  /** A branch and its head commit (default: a fake SHA derived from the name). */
  setBranch(name: string, sha = fakeSha(name)): string {
    this.branches.set(name, sha)
    return sha
  }

  /** A full SHA for a ref as GitHub resolves it: a branch or tag name, a full SHA, or a known SHA's prefix. */
  resolveRef(ref: string): string | undefined {
    const named = this.branches.get(ref.replace(/^refs\/(heads|tags)\//, ''))
    if (named) return named
    if (/^[0-9a-f]{40}$/i.test(ref)) return ref.toLowerCase()
    if (!/^[0-9a-f]{7,39}$/i.test(ref)) return undefined
    const known = [
      ...this.branches.values(),
      ...this.deployments.map((d) => d.sha),
      ...this.runs.map((r) => r.head_sha),
    ]
    return known.find((sha) => sha.startsWith(ref.toLowerCase()))
  }

  addDeployment(seed: DeploymentSeed = {}): DeploymentRecord {
    const environment = seed.environment ?? 'production'
    const sha =
      seed.sha ?? (seed.ref ? this.resolveRef(seed.ref) : undefined) ?? this.branches.get(this.defaultBranch)!
    const created = this.stamp(seed.created_at)
    const d: DeploymentRecord = {
      id: this.nextId('deployment'),
      sha,
      ref: seed.ref ?? sha,
      task: seed.task ?? 'deploy',
      payload: seed.payload ?? {},
      environment,
      original_environment: seed.original_environment ?? environment,
      description: seed.description === undefined ? '' : seed.description,
      transient_environment: seed.transient_environment ?? false,
      production_environment: seed.production_environment ?? environment === 'production',
      auto_merge: seed.auto_merge ?? true,
      required_contexts: seed.required_contexts,
      created_at: created,
      updated_at: seed.updated_at ?? created,
      statuses: [],
    }
    this.deployments.push(d)
    // seeded statuses date from the deployment unless told otherwise
    for (const s of seed.statuses ?? [])
      this.addDeploymentStatus(d.id, { ...s, created_at: s.created_at ?? created })
    return d
  }

  deployment(id: number): DeploymentRecord | undefined {
    return this.deployments.find((d) => d.id === id)
  }

  /**
   * A new status, as `POST …/statuses` makes it. With `auto_inactive` (default true), a `success` also adds an
   * `inactive` status to every earlier, non-transient deployment in the same environment whose latest status is
   * `success` (GitHub: "only added to deployments that had a success state").
   */
  addDeploymentStatus(
    deploymentId: number,
    seed: Partial<Omit<DeploymentStatusRecord, 'id' | 'created_at'>> & {
      state: DeploymentState
      created_at?: TimeInput
      auto_inactive?: boolean
    },
  ): DeploymentStatusRecord {
    const d = this.deployment(deploymentId)
    if (!d) throw new Error(`github-fake: no deployment ${deploymentId}`)
    if (seed.environment) d.environment = seed.environment
    const created = this.stamp(seed.created_at)
    const status: DeploymentStatusRecord = {
      id: this.nextId('status'),
      state: seed.state,
      description: seed.description ?? '',
      environment: d.environment,
      log_url: seed.log_url ?? '',
      environment_url: seed.environment_url ?? '',
      created_at: created,
    }
    d.statuses.push(status)
    d.updated_at = created
    if (status.state === 'success' && seed.auto_inactive !== false) {
      for (const other of this.deployments) {
        const earlier =
          other.created_at < d.created_at || (other.created_at === d.created_at && other.id < d.id)
        if (!earlier || other.environment !== d.environment || other.transient_environment) continue
        if (other.statuses.at(-1)?.state !== 'success') continue
        this.addDeploymentStatus(other.id, { state: 'inactive', created_at: created, auto_inactive: false })
      }
    }
    return status
  }

  addWorkflow(seed: Partial<WorkflowRecord> = {}): WorkflowRecord {
    const w: WorkflowRecord = {
      id: seed.id ?? this.nextId('workflow'),
      name: seed.name ?? 'Deploy',
      path: seed.path ?? '.github/workflows/deploy.yml',
      state: seed.state ?? 'active',
      jobs: seed.jobs ?? ['build', 'deploy'],
      inputs: seed.inputs,
      created_at: seed.created_at ?? this.stamp(new Date(this.now().getTime() - 365 * DAY_MS)),
    }
    this.workflows.push(w)
    return w
  }

  /** By numeric id or by file name (`deploy.yml`), as `workflow_id` accepts both. */
  workflow(idOrFile: string | number): WorkflowRecord | undefined {
    const s = String(idOrFile)
    return this.workflows.find((w) => String(w.id) === s || w.path === s || w.path.split('/').at(-1) === s)
  }

  addRun(seed: RunSeed = {}): RunRecord {
    const workflow =
      (seed.workflow_id !== undefined ? this.workflow(seed.workflow_id) : this.workflows[0]) ??
      this.addWorkflow()
    const created = this.stamp(seed.created_at)
    const status = seed.status ?? 'completed'
    const conclusion =
      seed.conclusion !== undefined ? seed.conclusion : status === 'completed' ? 'success' : null
    const headSha =
      seed.head_sha ?? this.branches.get(seed.head_branch ?? this.defaultBranch) ?? fakeSha(created)
    const run: RunRecord = {
      id: seed.id ?? this.nextId('run'),
      workflow_id: workflow.id,
      run_number: seed.run_number ?? this.runs.filter((r) => r.workflow_id === workflow.id).length + 1,
      name: seed.name ?? workflow.name,
      display_title: seed.display_title ?? `Deploy ${headSha.slice(0, 7)}`,
      head_sha: headSha,
      head_branch: seed.head_branch === undefined ? this.defaultBranch : seed.head_branch,
      event: seed.event ?? 'push',
      actor: seed.actor ?? 'octocat',
      created_at: created,
      inputs: seed.inputs,
      rerunnable: seed.rerunnable ?? true,
      artifacts: [],
      attempts: [],
    }
    const jobs = (seed.jobs ?? workflow.jobs).map((j) => (typeof j === 'string' ? { name: j } : j))
    run.attempts.push({
      run_attempt: 1,
      status,
      conclusion,
      run_started_at: created,
      updated_at: created,
      jobs: jobs.map((j) => this.makeJob(j, 1, status, conclusion, created)),
    })
    for (const a of seed.artifacts ?? []) this.addArtifact(run, typeof a === 'string' ? { name: a } : a)
    this.runs.push(run)
    return run
  }

  addArtifact(run: RunRecord, seed: ArtifactSeed): ArtifactRecord {
    const created = this.stamp(seed.created_at ?? run.created_at)
    const expires =
      seed.expires_at === null
        ? null
        : this.stamp(seed.expires_at ?? new Date(Date.parse(created) + 90 * DAY_MS))
    const a: ArtifactRecord = {
      id: this.nextId('artifact'),
      name: seed.name,
      size_in_bytes: seed.size_in_bytes ?? 1024,
      expired: seed.expired,
      created_at: created,
      expires_at: expires,
      updated_at: seed.updated_at ?? created,
      digest: seed.digest ?? `sha256:${createHash('sha256').update(seed.name).digest('hex')}`,
    }
    run.artifacts.push(a)
    return a
  }

  private makeJob(
    seed: JobSeed,
    attempt: number,
    status: RunStatus,
    conclusion: Conclusion | null,
    at: string,
  ): JobRecord {
    const jobStatus = seed.status ?? status
    const done = jobStatus === 'completed'
    const job: JobRecord = {
      id: this.nextId('job'),
      name: seed.name,
      run_attempt: seed.run_attempt ?? attempt,
      status: jobStatus,
      conclusion: seed.conclusion !== undefined ? seed.conclusion : done ? conclusion : null,
      runner_name: seed.runner_name !== undefined ? seed.runner_name : jobStatus === 'queued' ? null : RUNNER,
      labels: seed.labels ?? ['ubuntu-latest'],
      created_at: seed.created_at ?? at,
      started_at: seed.started_at ?? at,
      completed_at: seed.completed_at !== undefined ? seed.completed_at : done ? at : null,
      steps: [],
    }
    job.steps = makeSteps(seed.steps ?? defaultSteps(job.name), job)
    return job
  }

  /** Moves a job on to `status` in place (keeping its id), as a runner picking it up or finishing it would. */
  private advanceJob(j: JobRecord, status: RunStatus, conclusion: Conclusion | null, at: string): void {
    if (j.status === 'queued') j.started_at = at
    j.status = status
    j.conclusion = status === 'completed' ? conclusion : null
    j.completed_at = status === 'completed' ? at : null
    j.runner_name ??= RUNNER
    j.steps = makeSteps(j.steps.length > 0 ? j.steps.map((s) => s.name) : defaultSteps(j.name), j)
  }

  run(id: number): RunRecord | undefined {
    return this.runs.find((r) => r.id === id)
  }

  latestAttempt(run: RunRecord): AttemptRecord {
    return run.attempts.at(-1)!
  }

  /** The job and where it is; `inLatest` says whether it belongs to the run's latest attempt. */
  job(id: number): { run: RunRecord; attempt: AttemptRecord; job: JobRecord; inLatest: boolean } | undefined {
    for (const run of this.runs) {
      for (const attempt of [...run.attempts].reverse()) {
        const job = attempt.jobs.find((j) => j.id === id)
        if (job) return { run, attempt, job, inLatest: attempt === this.latestAttempt(run) }
      }
    }
    return undefined
  }

  /**
   * GitHub's refusal (403 message) for re-running this run (`job`: one of its jobs) now, or undefined when allowed.
   * The texts are GitHub's: a run re-run while it runs gets `This workflow is already running`, a job re-run
   * `The workflow run containing this job is already running`; a run created before now minus one calendar month
   * (Go's `AddDate(0, -1, 0)`, as `gh` checks it) gets `Unable to retry this workflow run because it was created over
   * a month ago`.
   */
  rerunRefusal(run: RunRecord, job?: JobRecord): string | undefined {
    if (this.latestAttempt(run).status !== 'completed') {
      return job
        ? 'The workflow run containing this job is already running'
        : 'This workflow is already running'
    }
    const monthAgo = this.now()
    monthAgo.setUTCMonth(monthAgo.getUTCMonth() - 1)
    if (Date.parse(run.created_at) < monthAgo.getTime())
      return 'Unable to retry this workflow run because it was created over a month ago'
    if (!run.rerunnable) return 'This workflow run cannot be retried'
    return undefined
  }

  /**
   * The deployment GitHub Actions creates for a job that names an environment (`environment:` without
   * `deployment: false`): no deploy-gate payload, created by github-actions[bot] (as every deployment here), ref the
   * run's branch, `in_progress` with the job's URL. `finishActionsDeployment` posts its `success` when the job ends,
   * with auto_inactive — which marks the gate's earlier record of that environment inactive.
   */
  addActionsDeployment(run: RunRecord, environment = 'production', jobId?: number): DeploymentRecord {
    const job = jobId ?? this.latestAttempt(run).jobs.at(-1)?.id
    const logUrl = `https://github.com/${this.owner}/${this.repo}/actions/runs/${run.id}/job/${job ?? 0}`
    const d = this.addDeployment({
      sha: run.head_sha,
      ref: run.head_branch ?? run.head_sha,
      environment,
      payload: {},
      auto_merge: false,
      required_contexts: [],
      statuses: [{ state: 'in_progress', log_url: logUrl }],
    })
    return d
  }

  /**
   * The job ended: Actions' deployment gets `success`, and every other deployment of the environment whose latest
   * status is `success` becomes `inactive` — including the gate's record created after Actions' one (what users see:
   * the Environments page then shows Actions' record as active; assumed from the issue report, GitHub's docs only say
   * "prior" deployments).
   */
  finishActionsDeployment(d: DeploymentRecord): void {
    const at = this.now()
    this.addDeploymentStatus(d.id, {
      state: 'success',
      log_url: d.statuses[0]?.log_url ?? '',
      created_at: at,
    })
    for (const other of this.deployments) {
      if (other.id === d.id || other.environment !== d.environment) continue
      if (other.statuses.at(-1)?.state !== 'success') continue
      this.addDeploymentStatus(other.id, { state: 'inactive', created_at: at, auto_inactive: false })
    }
  }

  /**
   * A new attempt, as a re-run makes it. All jobs (no `fromJobId`), or the job and every job declared after it (its
   * "dependents" in this model), are queued anew; earlier jobs are carried over with their results.
   */
  rerun(run: RunRecord, fromJobId?: number): AttemptRecord {
    const previous = this.latestAttempt(run)
    const at = this.stamp()
    const n = previous.run_attempt + 1
    const from = fromJobId === undefined ? 0 : previous.jobs.findIndex((j) => j.id === fromJobId)
    if (from < 0)
      throw new Error(`github-fake: job ${fromJobId} is not in the latest attempt of run ${run.id}`)
    const attempt: AttemptRecord = {
      run_attempt: n,
      status: 'queued',
      conclusion: null,
      run_started_at: at,
      updated_at: at,
      jobs: previous.jobs.map((j, i) =>
        i < from
          ? { ...j, steps: [...j.steps] }
          : this.makeJob({ name: j.name, labels: j.labels }, n, 'queued', null, at),
      ),
    }
    if (this.autoComplete) attempt.autoComplete = { ...this.autoComplete, polls: 0 }
    run.attempts.push(attempt)
    return attempt
  }

  /** A `workflow_dispatch` run of the workflow on `ref`, queued. */
  dispatch(
    workflow: WorkflowRecord,
    ref: string,
    sha: string,
    inputs: Record<string, unknown> | undefined,
  ): RunRecord {
    const run = this.addRun({
      workflow_id: workflow.id,
      head_sha: sha,
      head_branch: ref.replace(/^refs\/(heads|tags)\//, ''),
      event: 'workflow_dispatch',
      actor: 'github-actions[bot]',
      display_title: workflow.name,
      status: 'queued',
      inputs: inputs ?? {},
    })
    const attempt = this.latestAttempt(run)
    if (this.autoComplete) attempt.autoComplete = { ...this.autoComplete, polls: 0 }
    return run
  }

  /** The latest attempt starts: queued jobs get a runner. */
  startRun(runId: number): void {
    const attempt = this.requireRun(runId)
    const at = this.stamp()
    attempt.status = 'in_progress'
    attempt.updated_at = at
    for (const j of attempt.jobs) if (j.status === 'queued') this.advanceJob(j, 'in_progress', null, at)
  }

  /** The latest attempt ends with `conclusion`; its unfinished jobs end with it too. */
  completeRun(runId: number, conclusion: Conclusion = 'success'): void {
    const attempt = this.requireRun(runId)
    const at = this.stamp()
    attempt.status = 'completed'
    attempt.conclusion = conclusion
    attempt.updated_at = at
    for (const j of attempt.jobs)
      if (j.status !== 'completed') this.advanceJob(j, 'completed', conclusion, at)
  }

  /** Called on every GET of a run or attempt: moves an auto-completing attempt along. */
  poll(run: RunRecord): void {
    const attempt = this.latestAttempt(run)
    const auto = attempt.autoComplete
    if (!auto || attempt.status === 'completed') return
    auto.polls++
    if (auto.polls >= auto.afterPolls) this.completeRun(run.id, auto.conclusion)
    else if (auto.polls >= 2 && attempt.status === 'queued') this.startRun(run.id)
  }

  private requireRun(runId: number): AttemptRecord {
    const run = this.run(runId)
    if (!run) throw new Error(`github-fake: no workflow run ${runId}`)
    return this.latestAttempt(run)
  }

  addCheckRun(seed: Omit<CheckRunRecord, 'id'>): CheckRunRecord {
    const c: CheckRunRecord = { id: this.nextId('checkRun'), ...seed }
    this.checkRuns.push(c)
    return c
  }

  checkRun(id: number): CheckRunRecord | undefined {
    return this.checkRuns.find((c) => c.id === id)
  }
}
