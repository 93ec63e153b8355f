/**
 * The deployment ledger (SPEC §4): deployment records in GitHub's Deployments API, REST only.
 *
 * Reading is lazy on purpose: `pages` fetches one page of 100 deployments at a time and `statuses` is asked per
 * deployment, so the rollback's selection (select.ts) stops reading as soon as it knows its answer.
 */
import type { GitHubClient } from '../github/client.ts'
import type { Repo } from '../github/errors.ts'
import { GitHubApiError, mapGitHubError } from '../github/errors.ts'
import { pagesOf } from '../github/pages.ts'
import { shorten } from '../report/markdown.ts'
import type { GatePayload, LedgerDeployment, ListOptions, DeploymentLedger } from './types.ts'

export {
  isStable,
  isReleaseStable,
  findCurrent,
  findStableBefore,
  findStableForSha,
  findCurrentAndTarget,
  findRolledBackMark,
  attemptRecords,
  cachedStatuses,
  ROLLED_BACK_PREFIX,
  type CurrentAndTarget,
} from './select.ts'
export { buildLogUrl } from './log-url.ts'
export { readJobIdentity, parseJobId, type JobIdentity } from './job-identity.ts'

/** Key of our data in a deployment's `payload`. */
export const PAYLOAD_KEY = 'deploy-gate'
/** GitHub's limit for a deployment status description. */
export const DESCRIPTION_MAX_CHARS = 140
export const DEPLOYMENTS_PER_PAGE = 100
/** SPEC §5: deployments are scanned at most 5 pages deep. */
export const DEFAULT_MAX_PAGES = 5
/** The permission every ledger request needs; gate and rollback both write. */
const PERMISSION = 'deployments: write'

export type {
  GatePayload,
  LedgerStatus,
  LedgerDeployment,
  FindOrCreateRequest,
  FindOrCreateResult,
  LedgerState,
  StatusUpdate,
  ListOptions,
  DeploymentLedger,
} from './types.ts'

export function createDeploymentLedger(octokit: GitHubClient, repo: Repo): DeploymentLedger {
  const repository = `${repo.owner}/${repo.repo}`
  const fail = (err: unknown, action: string): GitHubApiError =>
    mapGitHubError(err, { action, permission: PERMISSION, repository })

  async function* pages(
    environment: string,
    options?: ListOptions,
  ): AsyncGenerator<readonly LedgerDeployment[]> {
    const maxPages = options?.maxPages ?? DEFAULT_MAX_PAGES
    const params = { ...repo, environment, per_page: DEPLOYMENTS_PER_PAGE }
    yield* pagesOf(
      octokit.paginate.iterator(octokit.rest.repos.listDeployments, params),
      maxPages,
      toLedgerDeployment,
      (err) => fail(err, `list the deployments of ${environment}`),
    )
  }

  return {
    async findOrCreate(request) {
      const sha7 = request.sha.slice(0, 7)
      let existing: LedgerDeployment | undefined
      let others: LedgerDeployment[]
      try {
        // The same run attempt's record is among the newest of its SHA, so one page is enough.
        const { data } = await octokit.rest.repos.listDeployments({
          ...repo,
          sha: request.sha,
          environment: request.environment,
          per_page: DEPLOYMENTS_PER_PAGE,
        })
        const all = data.map(toLedgerDeployment)
        existing = all.find((d) => d.payload !== undefined && sameJobRecord(d.payload, request.payload))
        others = all.filter((d) => d !== existing)
      } catch (err) {
        throw fail(err, `look up the deployments of ${sha7} in ${request.environment}`)
      }
      if (existing) return { id: existing.id, reused: true, others }

      const action = `create a deployment of ${sha7} in ${request.environment}`
      let response
      try {
        response = await octokit.rest.repos.createDeployment({
          ...repo,
          ref: request.sha,
          environment: request.environment,
          task: 'deploy',
          auto_merge: false,
          required_contexts: [],
          production_environment: request.productionEnvironment,
          payload: { [PAYLOAD_KEY]: request.payload },
          description: request.description,
        })
      } catch (err) {
        throw fail(err, action)
      }
      // 202 means GitHub merged the default branch instead of creating a deployment (cannot happen with
      // auto_merge: false, but the answer then has no id and must not be taken for one).
      const data: unknown = response.data
      const id = isRecord(data) ? Number(data['id']) : NaN
      if (response.status !== 201 || !Number.isSafeInteger(id) || id <= 0) {
        const message =
          isRecord(data) && typeof data['message'] === 'string' ? ` (GitHub: ${data['message']})` : ''
        throw new GitHubApiError(
          `could not ${action}: GitHub answered ${response.status} without a deployment id${message}`,
          { status: response.status },
        )
      }
      return { id, reused: false, others }
    },

    async setStatus(id, status) {
      try {
        await octokit.rest.repos.createDeploymentStatus({
          ...repo,
          deployment_id: id,
          state: status.state,
          description: status.description === undefined ? undefined : truncateDescription(status.description),
          log_url: status.logUrl,
          environment_url: status.environmentUrl,
          auto_inactive: status.autoInactive,
        })
      } catch (err) {
        throw fail(err, `set the status of deployment ${id} to ${status.state}`)
      }
    },

    pages,

    async statuses(id) {
      try {
        const data = await octokit.paginate(octokit.rest.repos.listDeploymentStatuses, {
          ...repo,
          deployment_id: id,
          per_page: 100,
        })
        return data.map((s) => ({
          state: s.state,
          description: s.description ?? '',
          createdAt: s.created_at,
          ...(s.log_url ? { logUrl: s.log_url } : {}),
          ...(s.environment_url ? { environmentUrl: s.environment_url } : {}),
        }))
      } catch (err) {
        throw fail(err, `list the statuses of deployment ${id}`)
      }
    },
  }
}

/** GitHub rejects descriptions over 140 characters; longer ones are cut to 139 and end with `…`. */
export function truncateDescription(text: string, maxChars = DESCRIPTION_MAX_CHARS): string {
  return shorten(text, maxChars) // redacted first; code points, so an emoji is never cut in half
}

/**
 * SPEC §4: the same gate step's record — same run_id and run_attempt, and the same job: by `job_id` when both have one,
 * else by `job` + `job_name`. Two gated jobs of one attempt (two hosts, matrix legs) each have their own record.
 */
export function sameJobRecord(a: GatePayload, b: GatePayload): boolean {
  if (a.run_id !== b.run_id || a.run_attempt !== b.run_attempt) return false
  if (a.job_id !== undefined && b.job_id !== undefined) return a.job_id === b.job_id
  return a.job === b.job && a.job_name === b.job_name
}

interface RawDeployment {
  readonly id: number | bigint
  readonly sha: string
  readonly ref: string
  readonly environment: string
  readonly created_at: string
  readonly payload: unknown
  readonly creator?: { readonly login?: string } | null
}

function toLedgerDeployment(d: RawDeployment): LedgerDeployment {
  const payload = parseGatePayload(d.payload)
  const creator = d.creator?.login
  return {
    id: Number(d.id),
    sha: d.sha,
    ref: d.ref,
    environment: d.environment,
    createdAt: d.created_at,
    ...(payload ? { payload } : {}),
    ...(creator ? { creator } : {}),
  }
}

/** Our part of a deployment payload (an object, or a JSON string from older API clients); undefined when absent or not ours. */
export function parseGatePayload(payload: unknown): GatePayload | undefined {
  let value = payload
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value)
    } catch {
      return undefined
    }
  }
  const gate = isRecord(value) ? value[PAYLOAD_KEY] : undefined
  if (!isRecord(gate) || gate['version'] !== 1) return undefined
  const runId = gate['run_id']
  const runAttempt = gate['run_attempt']
  if (!isPositiveInteger(runId) || !isPositiveInteger(runAttempt)) return undefined
  const jobName = gate['job_name']
  const jobId = gate['job_id']
  return {
    version: 1,
    run_id: runId,
    run_attempt: runAttempt,
    workflow_ref: typeof gate['workflow_ref'] === 'string' ? gate['workflow_ref'] : '',
    job: typeof gate['job'] === 'string' ? gate['job'] : '',
    ...(typeof jobName === 'string' && jobName !== '' ? { job_name: jobName } : {}),
    ...(isPositiveInteger(jobId) ? { job_id: jobId } : {}),
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0
}
