/**
 * The GitHub Actions REST calls rollback makes — runs, artifacts, jobs, re-runs, dispatches — behind one small
 * interface, with GitHub's errors mapped to messages that name the run and the fix.
 */
import type { GitHubClient } from '../github/client.ts'
import type { Repo } from '../github/errors.ts'
import { GitHubApiError, mapGitHubError } from '../github/errors.ts'
import { pagesOf } from '../github/pages.ts'
import type { ArtifactFacts, JobFacts, RunFacts } from './plan.ts'
import { isMonthLimitRefusal } from './rerun-age.ts'

const READ = 'actions: read'
const WRITE = 'actions: write'
const PER_PAGE = 100

export interface RunFilter {
  readonly branch?: string
  /** `completed`, `success`, … (GitHub filters on status or conclusion). */
  readonly status?: string
  readonly event?: string
  /** A full 40-hex SHA. */
  readonly headSha?: string
  /** Runs per page; default 100. */
  readonly perPage?: number
}

export interface DispatchAnswer {
  /** Set when GitHub answered with run details (`return_run_details`). */
  readonly runId?: number
  readonly htmlUrl?: string
  /** The answer's `Date` header (GitHub's clock), epoch ms, when present. */
  readonly serverDateMs?: number
}

export interface WorkflowRunsApi {
  getRun(runId: number): Promise<RunFacts>
  getRunAttempt(runId: number, attempt: number): Promise<RunFacts>
  /** Runs of a workflow, newest first, one page per request, fetched as iterated; at most `maxPages` pages. */
  runPages(workflow: string, filter: RunFilter, maxPages: number): AsyncIterable<readonly RunFacts[]>
  /** All artifacts of the run (every page). */
  listArtifacts(runId: number): Promise<ArtifactFacts[]>
  /** Jobs of the run's latest attempt (`filter=latest`, every page). */
  listLatestJobs(runId: number): Promise<JobFacts[]>
  rerunJob(job: JobFacts, run: RerunContext): Promise<void>
  rerunRun(run: RerunContext): Promise<void>
  dispatch(workflow: string, ref: string, inputs: Readonly<Record<string, string>>): Promise<DispatchAnswer>
  defaultBranch(): Promise<string>
}

/** What a re-run error message names. */
export interface RerunContext {
  readonly id: number
  readonly url: string
  readonly sha: string
  readonly deployWorkflow: string
}

export function createWorkflowRunsApi(octokit: GitHubClient, repo: Repo): WorkflowRunsApi {
  const repository = `${repo.owner}/${repo.repo}`
  const fail = (err: unknown, action: string, permission = READ, resource?: string): GitHubApiError =>
    mapGitHubError(err, { action, permission, repository, ...(resource ? { resource } : {}) })

  async function* runPages(
    workflow: string,
    filter: RunFilter,
    maxPages: number,
  ): AsyncGenerator<readonly RunFacts[]> {
    const params = {
      ...repo,
      workflow_id: workflow,
      per_page: filter.perPage ?? PER_PAGE,
      exclude_pull_requests: true,
      ...(filter.branch ? { branch: filter.branch } : {}),
      ...(filter.status ? { status: filter.status as 'completed' } : {}),
      ...(filter.event ? { event: filter.event } : {}),
      ...(filter.headSha ? { head_sha: filter.headSha } : {}),
    }
    yield* pagesOf(
      octokit.paginate.iterator(octokit.rest.actions.listWorkflowRuns, params),
      maxPages,
      toRunFacts,
      (err) => fail(err, `list the runs of ${workflow}`, READ, `workflow ${workflow}`),
    )
  }

  return {
    async getRun(runId) {
      try {
        const { data } = await octokit.rest.actions.getWorkflowRun({ ...repo, run_id: runId })
        return toRunFacts(data)
      } catch (err) {
        throw fail(err, `read workflow run ${runId}`, READ, `workflow run ${runId}`)
      }
    },

    async getRunAttempt(runId, attempt) {
      try {
        const { data } = await octokit.rest.actions.getWorkflowRunAttempt({
          ...repo,
          run_id: runId,
          attempt_number: attempt,
        })
        return toRunFacts(data)
      } catch (err) {
        throw fail(err, `read attempt ${attempt} of workflow run ${runId}`, READ, `workflow run ${runId}`)
      }
    },

    runPages,

    async listArtifacts(runId) {
      try {
        const artifacts = await octokit.paginate(octokit.rest.actions.listWorkflowRunArtifacts, {
          ...repo,
          run_id: runId,
          per_page: PER_PAGE,
        })
        return artifacts.map((a) => ({
          id: a.id,
          name: a.name,
          expired: a.expired,
          createdAt: a.created_at ?? null,
          expiresAt: a.expires_at ?? null,
        }))
      } catch (err) {
        throw fail(err, `list the artifacts of workflow run ${runId}`, READ, `workflow run ${runId}`)
      }
    },

    async listLatestJobs(runId) {
      try {
        const jobs = await octokit.paginate(octokit.rest.actions.listJobsForWorkflowRun, {
          ...repo,
          run_id: runId,
          filter: 'latest',
          per_page: PER_PAGE,
        })
        return jobs.map((j) => ({ id: j.id, name: j.name }))
      } catch (err) {
        throw fail(err, `list the jobs of workflow run ${runId}`, READ, `workflow run ${runId}`)
      }
    },

    async rerunJob(job, run) {
      try {
        await octokit.rest.actions.reRunJobForWorkflowRun({ ...repo, job_id: job.id })
      } catch (err) {
        throw rerunError(
          err,
          run,
          `re-run job "${job.name}" (${job.id}) of workflow run ${run.id}`,
          repository,
        )
      }
    },

    async rerunRun(run) {
      try {
        await octokit.rest.actions.reRunWorkflow({ ...repo, run_id: run.id })
      } catch (err) {
        throw rerunError(err, run, `re-run all jobs of workflow run ${run.id}`, repository)
      }
    },

    async dispatch(workflow, ref, inputs) {
      const list = Object.entries(inputs)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')
      const send = (details: boolean) =>
        octokit.request('POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', {
          ...repo,
          workflow_id: workflow,
          ref,
          inputs: { ...inputs },
          ...(details ? { return_run_details: true } : {}),
        })
      try {
        // `return_run_details` (2025) makes GitHub answer 200 with the new run's id; older servers answer 204, and a
        // GitHub Enterprise Server that does not know the field refuses the body with 422. A 422 dispatched nothing,
        // so the request is sent once more without the field (the run is then found by polling).
        let response
        try {
          response = await send(true)
        } catch (err) {
          if (statusOf(err) !== 422) throw err
          response = await send(false)
        }
        const data: unknown = response.data
        const date = Date.parse(String(response.headers.date ?? ''))
        const answer: DispatchAnswer = Number.isFinite(date) ? { serverDateMs: date } : {}
        if (isRecord(data) && typeof data['workflow_run_id'] === 'number') {
          const htmlUrl = typeof data['html_url'] === 'string' ? data['html_url'] : undefined
          return { ...answer, runId: data['workflow_run_id'], ...(htmlUrl ? { htmlUrl } : {}) }
        }
        return answer
      } catch (err) {
        throw fail(err, `dispatch ${workflow} on ${ref} with ${list}`, WRITE, `workflow ${workflow}`)
      }
    },

    async defaultBranch() {
      try {
        const { data } = await octokit.rest.repos.get({ ...repo })
        return data.default_branch
      } catch (err) {
        throw fail(err, `read the default branch of ${repository}`, 'contents: read')
      }
    },
  }
}

/** The HTTP status of a failed request; undefined without an answer (network error, timeout). */
export function statusOf(err: unknown): number | undefined {
  const cause = err instanceof GitHubApiError ? err.cause : err
  const status = (cause as { status?: unknown } | null)?.status
  const response = (cause as { response?: unknown } | null)?.response
  return typeof status === 'number' && response !== undefined ? status : undefined
}

/**
 * A write whose fate is unknown: GitHub answered 5xx, or nothing came back (network error, timeout). It may have been
 * accepted; the caller reads the run back instead of sending it again.
 */
export function isUncertainWrite(err: unknown): boolean {
  const status = statusOf(err)
  return status === undefined || status >= 500
}

/** GitHub refused the re-run because the run was created over a month ago: plan a dispatch instead. */
export class MonthLimitError extends GitHubApiError {}

/** GitHub's 403 answers to a re-run, as errors that name the run and the way forward. */
export function rerunError(
  err: unknown,
  run: RerunContext,
  action: string,
  repository: string,
): GitHubApiError {
  const mapped = mapGitHubError(err, {
    action,
    permission: WRITE,
    repository,
    resource: `workflow run ${run.id}`,
  })
  if (mapped.status !== 403 || mapped.permission !== undefined) return mapped
  const github = err instanceof Error ? ` (GitHub: ${err.message})` : ''
  const sha7 = run.sha.slice(0, 7)
  let why: string | undefined
  if (/already running/i.test(mapped.message)) {
    why = 'it is already running; wait for it to finish (or cancel it), then start the rollback again'
  } else if (isMonthLimitRefusal(mapped.message)) {
    const text =
      `could not re-run workflow run ${run.id} (${run.url}): it was created over a month ago and GitHub no longer ` +
      `re-runs it; set redeploy-input so deploy-gate dispatches ${run.deployWorkflow} for ${run.sha}, or deploy ` +
      `${sha7} by hand${github}`
    return new MonthLimitError(text, { status: 403, cause: err })
  } else if (/cannot be retried/i.test(mapped.message)) {
    why = `GitHub says it cannot be retried; deploy ${sha7} by hand, or pick another run with the target input`
  }
  if (!why) return mapped
  return new GitHubApiError(`could not re-run workflow run ${run.id} (${run.url}): ${why}${github}`, {
    status: 403,
    cause: err,
  })
}

interface RawRun {
  readonly id: number
  readonly run_attempt?: number
  readonly head_sha: string
  readonly created_at: string
  readonly html_url: string
  readonly status: string | null
  readonly conclusion: string | null
  readonly event: string
  readonly head_branch: string | null
  readonly workflow_id: number
  readonly path?: string
}

export function toRunFacts(r: RawRun): RunFacts {
  return {
    id: r.id,
    attempt: r.run_attempt ?? 1,
    sha: r.head_sha,
    createdAt: r.created_at,
    htmlUrl: r.html_url,
    status: r.status,
    conclusion: r.conclusion,
    event: r.event,
    headBranch: r.head_branch,
    workflowId: r.workflow_id,
    path: r.path ?? '',
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
