/** The current job's display name (for the payload's `job_name`) and the run attempt's log URL (for `log_url`). */
import type { GitHubClient } from '../github/client.ts'
import { mapGitHubError } from '../github/client.ts'

export interface JobNameQuery {
  readonly owner: string
  readonly repo: string
  readonly runId: number
  readonly runAttempt: number
  /** `RUNNER_NAME` of the runner running this step. */
  readonly runnerName: string
}

/**
 * The display name of the in-progress job of this run attempt that runs on `runnerName` — the name the jobs API shows,
 * with matrix values, e.g. `deploy (web)`. Undefined when the jobs cannot be read (401/403/404: the token lacks
 * `actions: read`; the caller warns) or no single job matches. Other failures (5xx after the retries) throw.
 */
export async function findJobName(octokit: GitHubClient, query: JobNameQuery): Promise<string | undefined> {
  if (!query.runnerName || !query.runId) return undefined
  let jobs
  try {
    jobs = await octokit.paginate(octokit.rest.actions.listJobsForWorkflowRunAttempt, {
      owner: query.owner,
      repo: query.repo,
      run_id: query.runId,
      attempt_number: query.runAttempt,
      per_page: 100,
    })
  } catch (err) {
    const mapped = mapGitHubError(err, {
      action: `list the jobs of run ${query.runId} attempt ${query.runAttempt}`,
      permission: 'actions: read',
      repository: `${query.owner}/${query.repo}`,
    })
    if (mapped.status === 401 || mapped.status === 403 || mapped.status === 404) return undefined
    throw mapped
  }
  const matches = jobs.filter((job) => job.status === 'in_progress' && job.runner_name === query.runnerName)
  return matches.length === 1 ? matches[0]?.name : undefined
}

/** `<server>/<owner>/<repo>/actions/runs/<id>/attempts/<n>`. */
export function buildLogUrl(
  serverUrl: string,
  repository: string,
  runId: number,
  runAttempt: number,
): string {
  return `${serverUrl.replace(/\/+$/, '')}/${repository}/actions/runs/${runId}/attempts/${runAttempt}`
}
