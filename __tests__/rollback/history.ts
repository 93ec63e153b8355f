/**
 * Seeds the GitHub fake with deploy histories for rollback tests and benchmarks, and counts the requests a rollback
 * sends before its first write.
 *
 *   const h = seedDeployHistory(fake.state, 5_000)   // h.target: the second newest, stable; h.current: the newest
 *   await runRollbackMode(settings, testModeDeps({ github: () => Promise.resolve(octokit), … }))
 *   requestsUntilFirstWrite(fake).count              // ≤ 6
 */
import type { GitHubFake } from '../../testkit/github-fake.ts'
import { fakeSha } from '../../testkit/github-fake.ts'
import type { DeploymentRecord, GitHubState, RunRecord } from '../../testkit/github-fake-state.ts'
import type { RollbackSettings } from '../../src/config/settings.ts'

const HOUR_MS = 3_600_000
const MINUTE_MS = 60_000

export interface SeededDeploy {
  readonly run: RunRecord
  /** The newest record of the run (with `gatedJobs`, the last gated job's). */
  readonly deployment: DeploymentRecord
  /** Every record of the run, oldest first (one per gated job). */
  readonly deployments: readonly DeploymentRecord[]
  readonly sha: string
}

export interface DeployHistoryOptions {
  readonly environment?: string
  /** The recorded job_name; `null` records none. Default `deploy`. */
  readonly jobName?: string | null
  /** Jobs of each run. Default `build`, `deploy`. */
  readonly jobs?: string[]
  /** Artifacts of each run (90-day expiry). Default `dist`. */
  readonly artifacts?: string[]
  /** Hours between deploys. Default 1. */
  readonly spacingHours?: number
  /**
   * Several gated jobs per run (two hosts): each run has these jobs after `build`, and one deploy-gate record per job
   * (payload `job`, `job_name` and `job_id` of that job), a few seconds apart. Default: one record, of `jobName`.
   */
  readonly gatedJobs?: readonly string[]
}

/** The gate's payload for a run. */
export function gatePayload(
  runId: number,
  jobName: string | null = 'deploy',
  runAttempt = 1,
  job: { readonly id?: number; readonly key?: string } = {},
): Record<string, unknown> {
  return {
    'deploy-gate': {
      version: 1,
      run_id: runId,
      run_attempt: runAttempt,
      workflow_ref: 'owner/repo/.github/workflows/deploy.yml@refs/heads/main',
      job: job.key ?? 'deploy',
      ...(jobName === null ? {} : { job_name: jobName }),
      ...(job.id !== undefined ? { job_id: job.id } : {}),
    },
  }
}

/**
 * `count` deploys, oldest first, one per hour up to an hour ago: each a successful run of deploy.yml (with jobs and
 * artifacts) and a deployment carrying the payload with `in_progress` then `success` (and `inactive` once a newer one
 * succeeded, as auto_inactive does). The newest is current; the second newest is the rollback target.
 */
export function seedDeployHistory(
  state: GitHubState,
  count: number,
  opts: DeployHistoryOptions = {},
): { deploys: SeededDeploy[]; current: SeededDeploy; target: SeededDeploy } {
  const nowMs = state.now().getTime()
  const spacing = (opts.spacingHours ?? 1) * HOUR_MS
  const workflow = state.workflow('deploy.yml') ?? state.addWorkflow()
  const deploys: SeededDeploy[] = []
  for (let i = 0; i < count; i++) {
    const createdMs = nowMs - (count - i) * spacing
    const sha = fakeSha(`deploy-${i}`)
    const gated = opts.gatedJobs
    const run = state.addRun({
      workflow_id: workflow.id,
      run_number: i + 1,
      head_sha: sha,
      created_at: new Date(createdMs),
      ...(opts.jobs ? { jobs: opts.jobs } : gated ? { jobs: ['build', ...gated] } : {}),
      artifacts: (opts.artifacts ?? ['dist']).map((name) => ({ name })),
    })
    const isNewest = i === count - 1
    const records = gated
      ? gated.map((name) => ({
          name,
          payload: gatePayload(run.id, name, 1, {
            key: name,
            id: run.attempts[0]!.jobs.find((j) => j.name === name)!.id,
          }),
        }))
      : [{ name: '', payload: gatePayload(run.id, opts.jobName === undefined ? 'deploy' : opts.jobName) }]
    const deployments = records.map((r, k) =>
      state.addDeployment({
        sha,
        environment: opts.environment ?? 'production',
        created_at: new Date(createdMs + MINUTE_MS + k * 1000),
        payload: r.payload,
        statuses: [
          { state: 'in_progress', created_at: new Date(createdMs + MINUTE_MS + k * 1000) },
          { state: 'success', created_at: new Date(createdMs + 5 * MINUTE_MS), auto_inactive: false },
          ...(isNewest
            ? []
            : [{ state: 'inactive' as const, created_at: new Date(createdMs + spacing + 5 * MINUTE_MS) }]),
        ],
      }),
    )
    deploys.push({ run, deployment: deployments.at(-1)!, deployments, sha })
  }
  return { deploys, current: deploys[count - 1]!, target: deploys[count - 2]! }
}

/**
 * `count` completed runs of deploy.yml on `main` and no deployment records (the run-history fallback): all successful,
 * one per 10 minutes up to now. The newest is current; the second newest the target.
 */
export function seedRunHistory(
  state: GitHubState,
  count: number,
): { runs: RunRecord[]; current: RunRecord; target: RunRecord } {
  const nowMs = state.now().getTime()
  const workflow = state.workflow('deploy.yml') ?? state.addWorkflow()
  const runs: RunRecord[] = []
  for (let i = 0; i < count; i++) {
    runs.push(
      state.addRun({
        workflow_id: workflow.id,
        run_number: i + 1,
        head_sha: fakeSha(`run-${i}`),
        created_at: new Date(nowMs - (count - i) * 10 * MINUTE_MS),
        artifacts: ['dist'],
      }),
    )
  }
  return { runs, current: runs[count - 1]!, target: runs[count - 2]! }
}

/** The requests up to and including the first POST/PATCH (the re-run or dispatch), as `METHOD path`. */
export function requestsUntilFirstWrite(fake: GitHubFake): { count: number; requests: string[] } {
  const index = fake.requests.findIndex((r) => r.method === 'POST' || r.method === 'PATCH')
  const upTo = index < 0 ? fake.requests : fake.requests.slice(0, index + 1)
  const requests = upTo.map((r) => {
    const query = new URLSearchParams(r.query).toString()
    return `${r.method} ${r.path}${query ? `?${query}` : ''}`
  })
  return { count: requests.length, requests }
}

/** Rollback settings as resolveSettings makes them, with the action's defaults. */
export function rollbackSettings(over: Partial<RollbackSettings> = {}): RollbackSettings {
  return {
    mode: 'rollback',
    token: 'ghs_rollbackTestToken000000000000000',
    environment: 'production',
    dryRun: false,
    secrets: ['ghs_rollbackTestToken000000000000000'],
    deployWorkflow: 'deploy.yml',
    deployJob: 'deploy',
    artifactNames: [],
    artifactRetentionDays: 7,
    retentionMarginMs: 30 * MINUTE_MS,
    wait: false,
    waitTimeoutMs: 30 * MINUTE_MS,
    reportArtifact: 'deploy-gate-report',
    ...over,
  }
}
