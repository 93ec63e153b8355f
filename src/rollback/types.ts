/** The rollback's facts (what GitHub says) and plan (what to do), as plain data. See plan.ts for the rules. */
import type { RollbackTarget } from '../config/settings.ts'

export const DAY_MS = 86_400_000
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

/** One deploy-gate record of the target run attempt: the job it gated. */
export interface RecordedJob {
  readonly deploymentId: number
  /** The job id the gate recorded (`job-check-run-id`). */
  readonly jobId?: number
  /** The display name the gate recorded (`deploy (web)`). */
  readonly jobName?: string
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
      /** Every deploy-gate record of the current run attempt (several gated jobs); all are marked rolled back. */
      readonly deploymentIds?: readonly number[]
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
    /** The deploy job's id recorded by the gate. */
    readonly jobId?: number
    /** Every deploy-gate record of the target run attempt (this one included): the gated jobs to bring back. */
    readonly records?: readonly RecordedJob[]
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
  /** Jobs of the target run's latest attempt (read beside the artifacts). */
  readonly jobs?: readonly JobFacts[]
  /** GitHub refused the re-run with its month-limit 403: plan as for a run past the limit (dispatch). */
  readonly refusedAsTooOld?: boolean
  readonly now: Date
  readonly options: PlanOptions
}

export interface PlanCurrent {
  readonly kind: 'deployment' | 'run'
  readonly sha: string
  readonly createdAt: string
  /** Set for a deployment record. */
  readonly deploymentId?: number
  /** Every deploy-gate record of the current run attempt (several gated jobs). */
  readonly deploymentIds?: readonly number[]
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
  readonly jobId?: number
  /** The gated jobs of the target attempt (one record each); more than one means several hosts go back. */
  readonly records?: readonly RecordedJob[]
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
  readonly matchedBy: 'job_id' | 'job_name' | 'deploy-job' | 'matrix-prefix' | 'reusable-workflow'
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
