/**
 * The current job's identity (SPEC §1 `job-check-run-id`, §4): its id, display name and start time.
 *
 * 1. `GET /repos/{o}/{r}/actions/jobs/{job-check-run-id}` — a job's check run id is its job id, and the runner hands
 *    it to the action as the `job-check-run-id` input default `${{ job.check_run_id }}`.
 * 2. Else (input empty, e.g. GHES without that context, or the GET failed): the one job of this run attempt, in state
 *    `queued` or `in_progress` (a running job may still show `queued`), whose `runner_name` equals `RUNNER_NAME`.
 *    This works on self-hosted runners only: GitHub-hosted runners show a generic `runner_name` ("GitHub Actions")
 *    in the jobs API while `RUNNER_NAME` is `GitHub-Actions-1000000242`.
 *
 * Never throws: what could not be read comes back as `warning`, saying which of the two ways failed and why (a 401,
 * 403 or 404 names `actions: read`).
 */
import type { GitHubClient } from '../github/client.ts'
import type { Repo } from '../github/errors.ts'
import { mapGitHubError } from '../github/errors.ts'

export interface JobIdentityContext {
  readonly runId: number
  readonly runAttempt: number
  /** `RUNNER_NAME` of the runner running this step. */
  readonly runnerName: string
}

export interface JobIdentity {
  /** The job id (= `job-check-run-id`), when given. */
  readonly id?: number
  /** Display name as the jobs API shows it: `deploy (web)`, `release / deploy`. */
  readonly name?: string
  /** ISO 8601: when the job started on its runner. */
  readonly startedAt?: string
  /** ISO 8601: when the job was created (queued). */
  readonly createdAt?: string
  /** Set when the name could not be read: which way failed and why. */
  readonly warning?: string
}

interface RawJob {
  readonly id: number
  readonly name: string
  readonly status: string
  readonly runner_name: string | null
  readonly started_at: string
  readonly created_at?: string
}

const PERMISSION = 'actions: read'

/** `job-check-run-id` as a job id: digits only, else undefined. */
export function parseJobId(value: string | undefined): number | undefined {
  const text = (value ?? '').trim()
  if (!/^\d{1,16}$/.test(text)) return undefined
  const id = Number(text)
  return Number.isSafeInteger(id) && id > 0 ? id : undefined
}

export async function readJobIdentity(
  octokit: GitHubClient,
  repo: Repo,
  ctx: JobIdentityContext,
  jobCheckRunId: string | undefined,
): Promise<JobIdentity> {
  const id = parseJobId(jobCheckRunId)
  let byIdProblem: string
  if (id === undefined) {
    byIdProblem =
      jobCheckRunId && jobCheckRunId.trim() !== ''
        ? `job-check-run-id is not a job id`
        : 'job-check-run-id is empty (no job.check_run_id on this server)'
  } else {
    try {
      const { data } = await octokit.rest.actions.getJobForWorkflowRun({ ...repo, job_id: id })
      return identityOf(data, id)
    } catch (err) {
      byIdProblem = explain(err, `read job ${id}`, repo)
    }
  }
  const fallback = await byRunnerName(octokit, repo, ctx)
  if (fallback.job) return identityOf(fallback.job, id)
  return {
    ...(id !== undefined ? { id } : {}),
    warning:
      `the job's display name could not be read, so rollback will match the deploy job by deploy-job: ` +
      `by id: ${byIdProblem}; by RUNNER_NAME: ${fallback.problem}`,
  }
}

function identityOf(job: RawJob, id: number | undefined): JobIdentity {
  return {
    id: id ?? job.id,
    name: job.name,
    ...(job.started_at ? { startedAt: job.started_at } : {}),
    ...(job.created_at ? { createdAt: job.created_at } : {}),
  }
}

async function byRunnerName(
  octokit: GitHubClient,
  repo: Repo,
  ctx: JobIdentityContext,
): Promise<{ job: RawJob; problem?: undefined } | { job?: undefined; problem: string }> {
  if (!ctx.runnerName) return { problem: 'RUNNER_NAME is not set' }
  if (!ctx.runId) return { problem: 'GITHUB_RUN_ID is not set' }
  let jobs: RawJob[]
  try {
    jobs = await octokit.paginate(octokit.rest.actions.listJobsForWorkflowRunAttempt, {
      ...repo,
      run_id: ctx.runId,
      attempt_number: ctx.runAttempt,
      per_page: 100,
    })
  } catch (err) {
    return { problem: explain(err, `list the jobs of run ${ctx.runId} attempt ${ctx.runAttempt}`, repo) }
  }
  const matches = jobs.filter(
    (j) => (j.status === 'in_progress' || j.status === 'queued') && j.runner_name === ctx.runnerName,
  )
  const first = matches[0]
  if (matches.length === 1 && first) return { job: first }
  if (matches.length > 1)
    return { problem: `${matches.length} running jobs show runner_name ${ctx.runnerName}` }
  return {
    problem:
      `no queued or running job of this attempt shows runner_name ${JSON.stringify(ctx.runnerName)} ` +
      '(GitHub-hosted runners show a generic runner name in the jobs API)',
  }
}

function explain(err: unknown, action: string, repo: Repo): string {
  const mapped = mapGitHubError(err, {
    action,
    permission: PERMISSION,
    repository: `${repo.owner}/${repo.repo}`,
  })
  if (mapped.status === 401 || mapped.status === 403 || mapped.status === 404) {
    return `${mapped.message} (grant "${PERMISSION}" to the job)`
  }
  return mapped.message
}
