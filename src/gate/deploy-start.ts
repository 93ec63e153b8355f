/**
 * When the deploy started (SPEC §2: baselines end there, alerts active before it are old), and what the report says
 * about each check's window before the deploy. Types and pure helpers only; the reads are deploy-start-checks.ts.
 */
import type { PreExistingSeries } from '../prometheus/pre-existing.ts'

/** When the deploy started, as far as the gate knows. */
export interface DeployStart {
  readonly atMs: number
  /** `deploy-job`: the job's `started_at`; `gate-start`: the job's start could not be read. */
  readonly source: 'deploy-job' | 'gate-start'
}

/** `deployStartedAtMs` from the job (GET /actions/jobs/{id}), else the gate's start. */
export function deployStart(deployStartedAtMs: number | undefined, gateStartMs: number): DeployStart {
  return deployStartedAtMs !== undefined && Number.isFinite(deployStartedAtMs)
    ? { atMs: deployStartedAtMs, source: 'deploy-job' }
    : { atMs: gateStartMs, source: 'gate-start' }
}

export function deployStartText(start: DeployStart): string {
  const at = new Date(start.atMs).toISOString()
  return start.source === 'deploy-job'
    ? `the deploy job's start (${at})`
    : `the gate's start (${at}), because the job's start could not be read`
}

/** What the report says about one check's baseline. */
export interface BaselineEvidence {
  readonly check: string
  readonly windowText: string
  /** `1d` when the window ends a day before the deploy; `0s` when it ends at the deploy. */
  readonly offsetText: string
  readonly windowStart: string
  readonly windowEnd: string
  readonly stepMs: number
  /** `ready` once the range query succeeded; `failed` until then, with the last error. */
  readonly status: 'ready' | 'failed'
  readonly seriesInWindow?: number
  readonly seriesWithBaseline?: number
  /**
   * The band the check asked for was not used: the window ends at the gate's start (the job's start could not be
   * read), so it may already hold the new release, and a band's tails would take it in as normal. The median is not
   * moved by a few minutes of it.
   */
  readonly bandDropped?: boolean
  readonly error?: string
  readonly attempts: number
}

/** What the report says about one check's series that were beyond its bound before the deploy. */
export interface PreExistingEvidence {
  readonly check: string
  /** `report`: they pass while no worse; `fail`: said only, for series that breached during the gate. */
  readonly mode: 'report' | 'fail'
  readonly windowText: string
  readonly series: readonly PreExistingSeries[]
  /** Set when the window could not be read. */
  readonly error?: string
}
