/**
 * The records the GitHub fake keeps (snake_case fields, named as the API names them) and the seeds that create them.
 */

export type DeploymentState =
  'error' | 'failure' | 'inactive' | 'in_progress' | 'queued' | 'pending' | 'success'
export type RunStatus = 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending'
export type Conclusion =
  'success' | 'failure' | 'neutral' | 'cancelled' | 'skipped' | 'timed_out' | 'action_required'

export interface DeploymentStatusRecord {
  id: number
  state: DeploymentState
  description: string
  environment: string
  log_url: string
  environment_url: string
  created_at: string
}

export interface DeploymentRecord {
  id: number
  sha: string
  ref: string
  task: string
  payload: Record<string, unknown> | string
  environment: string
  original_environment: string
  description: string | null
  transient_environment: boolean
  production_environment: boolean
  auto_merge: boolean
  required_contexts: string[] | undefined
  created_at: string
  updated_at: string
  /** Oldest first (the API lists them newest first). */
  statuses: DeploymentStatusRecord[]
}

export interface WorkflowRecord {
  id: number
  name: string
  /** `.github/workflows/deploy.yml`; the API also accepts the file name as `workflow_id`. */
  path: string
  state: 'active' | 'deleted' | 'disabled_fork' | 'disabled_inactivity' | 'disabled_manually'
  /** Job names a dispatched run gets, in order. */
  jobs: string[]
  /** Declared `workflow_dispatch` inputs; a dispatch with any other input is refused (422). Undefined: any input. */
  inputs: string[] | undefined
  created_at: string
}

export interface StepRecord {
  name: string
  number: number
  status: 'queued' | 'in_progress' | 'completed'
  conclusion: string | null
  started_at: string | null
  completed_at: string | null
}

export interface JobRecord {
  id: number
  name: string
  /** The attempt that executed this job; jobs carried into a later partial re-run keep theirs. */
  run_attempt: number
  status: RunStatus
  conclusion: Conclusion | null
  runner_name: string | null
  labels: string[]
  created_at: string
  started_at: string
  completed_at: string | null
  steps: StepRecord[]
}

export interface AutoComplete {
  /** The poll (GET of the run or the attempt) that first sees `completed`; earlier polls see queued, then in_progress. */
  readonly afterPolls: number
  readonly conclusion: Conclusion
}

export interface AttemptRecord {
  run_attempt: number
  status: RunStatus
  conclusion: Conclusion | null
  run_started_at: string
  updated_at: string
  jobs: JobRecord[]
  /** Set on attempts created by a re-run or dispatch while the fake's auto-complete option was on. */
  autoComplete?: AutoComplete & { polls: number }
}

export interface ArtifactRecord {
  id: number
  name: string
  size_in_bytes: number
  /** Undefined: derived from `expires_at` at read time. */
  expired: boolean | undefined
  created_at: string
  expires_at: string | null
  updated_at: string
  digest: string
}

export interface RunRecord {
  id: number
  workflow_id: number
  run_number: number
  name: string
  display_title: string
  head_sha: string
  head_branch: string | null
  event: string
  actor: string
  created_at: string
  /** Dispatch inputs, for runs created by a dispatch. */
  inputs: Record<string, unknown> | undefined
  /** `false`: GitHub refuses to re-run it ("cannot be retried"). */
  rerunnable: boolean
  artifacts: ArtifactRecord[]
  /** Attempt 1 first. */
  attempts: AttemptRecord[]
}

export interface AnnotationRecord {
  path: string
  start_line: number
  end_line: number
  start_column?: number
  end_column?: number
  annotation_level: 'notice' | 'warning' | 'failure'
  message: string
  title?: string
  raw_details?: string
}

export interface CheckRunRecord {
  id: number
  name: string
  head_sha: string
  status: RunStatus
  conclusion: Conclusion | 'stale' | null
  started_at: string | null
  completed_at: string | null
  details_url: string | null
  external_id: string | null
  output: {
    title: string | null
    summary: string | null
    text: string | null
    annotations: AnnotationRecord[]
  }
}

export type TimeInput = string | Date

export interface DeploymentSeed extends Partial<Omit<DeploymentRecord, 'id' | 'statuses' | 'created_at'>> {
  created_at?: TimeInput
  statuses?: (Partial<Omit<DeploymentStatusRecord, 'id' | 'created_at'>> & {
    state: DeploymentState
    created_at?: TimeInput
    auto_inactive?: boolean
  })[]
}

export interface JobSeed extends Partial<Omit<JobRecord, 'id' | 'steps'>> {
  name: string
  steps?: string[]
}

export interface ArtifactSeed extends Partial<Omit<ArtifactRecord, 'id' | 'created_at' | 'expires_at'>> {
  name: string
  created_at?: TimeInput
  /** Default: `created_at` + 90 days (GitHub's default retention). `null`: the API gives none. */
  expires_at?: TimeInput | null
}

export interface RunSeed extends Partial<Omit<RunRecord, 'id' | 'attempts' | 'artifacts' | 'created_at'>> {
  id?: number
  created_at?: TimeInput
  status?: RunStatus
  conclusion?: Conclusion | null
  /** Default: the workflow's jobs (`build`, `deploy`), with the run's status and conclusion. */
  jobs?: (JobSeed | string)[]
  artifacts?: (ArtifactSeed | string)[]
}

export interface StateOptions {
  readonly owner: string
  readonly repo: string
  readonly defaultBranch: string
  readonly now: () => Date
  readonly autoComplete?: AutoComplete
}
