/** The ledger's vocabulary: what a deployment record and its statuses look like, and what the ledger can do. */
/** What the gate writes under `payload["deploy-gate"]`. */
export interface GatePayload {
  readonly version: 1
  readonly run_id: number
  readonly run_attempt: number
  readonly workflow_ref: string
  /** `GITHUB_JOB`: the job's id in the workflow file. */
  readonly job: string
  /** The job's display name as the jobs API shows it; absent when it could not be read. */
  readonly job_name?: string
  /** The job's id (`job-check-run-id`); absent when that input was empty. */
  readonly job_id?: number
}

export interface LedgerStatus {
  /** `success`, `failure`, `error`, `inactive`, `in_progress`, `queued` or `pending`. */
  readonly state: string
  readonly description: string
  /** ISO 8601. */
  readonly createdAt: string
  readonly logUrl?: string
  readonly environmentUrl?: string
}

export interface LedgerDeployment {
  readonly id: number
  readonly sha: string
  readonly ref: string
  readonly environment: string
  /** ISO 8601. */
  readonly createdAt: string
  /** Set only when the deployment carries a valid deploy-gate payload. */
  readonly payload?: GatePayload
  /** The creator's login (`github-actions[bot]` for the workflow token and for Actions' own deployments). */
  readonly creator?: string
}

export interface FindOrCreateRequest {
  readonly sha: string
  readonly environment: string
  readonly payload: GatePayload
  /** True for `production`. */
  readonly productionEnvironment: boolean
  readonly description?: string
}

export interface FindOrCreateResult {
  readonly id: number
  readonly reused: boolean
  /** The other deployments of that SHA in that environment, as read for the lookup (newest first, one page). */
  readonly others: readonly LedgerDeployment[]
}

export type LedgerState = 'in_progress' | 'success' | 'failure' | 'error'

export interface StatusUpdate {
  readonly state: LedgerState
  /** Cut to 140 characters, ending with `…`. */
  readonly description?: string
  readonly logUrl?: string
  readonly environmentUrl?: string
  /** GitHub's `auto_inactive`: mark older deployments of the environment inactive on `success`. */
  readonly autoInactive?: boolean
}

export interface ListOptions {
  /** Pages of 100 to read at most. Default 5. */
  readonly maxPages?: number
}

export interface DeploymentLedger {
  /**
   * The deployment of `sha` in `environment` whose payload has the same run_id and run_attempt (a step re-run), else a
   * new one. The caller posts the `in_progress` status.
   */
  findOrCreate(request: FindOrCreateRequest): Promise<FindOrCreateResult>
  setStatus(id: number, status: StatusUpdate): Promise<void>
  /** Deployments of the environment, newest first, one page of 100 per request, fetched as iterated. */
  pages(environment: string, options?: ListOptions): AsyncIterable<readonly LedgerDeployment[]>
  /** A deployment's statuses, newest first. */
  statuses(id: number): Promise<LedgerStatus[]>
}
