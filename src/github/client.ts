/**
 * The GitHub REST client and its error mapping. The only importer of `@actions/github`.
 *
 * Retries, configured once here:
 * - 5xx answers and network errors: `@octokit/plugin-retry` (3 retries, waiting `retryAfterBaseValueMs` × n² before
 *   retry n: 1 s, 4 s, 9 s).
 * - Rate limits: plugin-retry v8 does not read `retry-after` (it backs off n² seconds on 429 and never retries a 403),
 *   so a small wrap hook below handles them the way GitHub documents: a 429, or a 403 that is a secondary rate limit
 *   (`retry-after` header or "secondary rate limit" message) or an exhausted primary limit (`x-ratelimit-remaining: 0`),
 *   is retried after `retry-after` seconds, else after `x-ratelimit-reset`, else after one minute, at most
 *   `rateLimitRetries` times, and only when the wait is at most `maxRateLimitWaitMs`; a longer wait fails at once with a
 *   rate-limit message rather than stalling a deploy job for an hour. 429 is taken out of plugin-retry so the two never
 *   both retry the same answer.
 * - Writes that must not be repeated — a re-run (`POST …/rerun`) or a workflow dispatch (`POST …/dispatches`) — are
 *   never retried after a 5xx or a network error: GitHub may have accepted the first one (a second dispatch starts a
 *   second deploy; a second re-run gets 403 `already running`). The caller reads the run back to learn whether it was
 *   accepted (src/rollback/read-back.ts). A rate-limit answer means "not done", so those are still retried.
 */
import { core } from '../report/log.ts'
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'

export type GitHubClient = ReturnType<typeof getOctokit>
type OctokitPlugin = NonNullable<Parameters<typeof getOctokit>[2]>

export interface RetryTimings {
  /** Retries after a 5xx or network error (plugin-retry). Default 3. */
  readonly retries?: number
  /** plugin-retry waits this × n² before retry n. Default 1000 (1 s, 4 s, 9 s); tests pass 1. */
  readonly retryAfterBaseValueMs?: number
  /** Retries after a rate-limit answer. Default 2. */
  readonly rateLimitRetries?: number
  /** The longest rate-limit wait accepted; GitHub asking for longer fails at once. Default 120 s. */
  readonly maxRateLimitWaitMs?: number
  /** Used for rate-limit waits. Default: a real timer. */
  readonly sleep?: (ms: number) => Promise<void>
  /** Epoch milliseconds, for `x-ratelimit-reset`. Default `Date.now`. */
  readonly now?: () => number
  /** Told about each rate-limit wait. Default `core.info`. */
  readonly log?: (message: string) => void
}

export interface GitHubClientOptions {
  readonly token: string
  /** REST base URL (GHES: `https://ghe.example.com/api/v3`). Default: `GITHUB_API_URL`, else `https://api.github.com`. */
  readonly baseUrl?: string
  readonly retry?: RetryTimings
  readonly userAgent?: string
}

/** Statuses plugin-retry gives up on at once: its defaults plus 429, which the rate-limit hook handles. */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451]
const ONE_MINUTE_MS = 60_000
/** Requests plugin-retry must never send twice: re-runs and workflow dispatches. */
const NOT_REPEATABLE = /\/(rerun|rerun-failed-jobs|dispatches)$/

/** A re-run or dispatch POST: sent once, never retried blindly after a 5xx or network error. */
export function isNotRepeatable(method: string, url: string): boolean {
  return method.toUpperCase() === 'POST' && NOT_REPEATABLE.test(url.split('?')[0] ?? '')
}

export function createGitHubClient(opts: GitHubClientOptions): GitHubClient {
  if (!opts.token) throw new Error('no GitHub token: the github-token input is empty')
  const baseUrl = (opts.baseUrl || 'https://api.github.com').replace(/\/+$/, '')
  const timings = opts.retry ?? {}
  return getOctokit(
    opts.token,
    {
      baseUrl,
      userAgent: opts.userAgent ?? 'deploy-gate',
      retry: {
        retries: timings.retries ?? 3,
        retryAfterBaseValue: timings.retryAfterBaseValueMs ?? 1000,
        doNotRetry: DO_NOT_RETRY,
      },
    },
    retry,
    rateLimitPlugin(timings),
  )
}

/** Applied after plugin-retry, so its hook wraps the whole retried request. */
function rateLimitPlugin(timings: RetryTimings): OctokitPlugin {
  const retries = timings.rateLimitRetries ?? 2
  const maxWaitMs = timings.maxRateLimitWaitMs ?? 2 * ONE_MINUTE_MS
  const sleep = timings.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  const now = timings.now ?? Date.now
  const log = timings.log ?? ((message: string) => core.info(message))
  return (octokit) => {
    octokit.hook.wrap('request', async (request, options) => {
      // plugin-retry reads `request.retries` of these options when the request fails.
      if (isNotRepeatable(options.method, options.url)) options.request = { ...options.request, retries: 0 }
      for (let attempt = 0; ; attempt++) {
        try {
          return await request(options)
        } catch (err) {
          const waitMs = rateLimitWaitMs(err, now())
          if (waitMs === undefined || attempt >= retries || waitMs > maxWaitMs) throw err
          log(
            `GitHub rate limit on ${options.method} ${options.url}: retrying in ${Math.ceil(waitMs / 1000)} s`,
          )
          await sleep(waitMs)
        }
      }
    })
  }
}

/** What an Octokit RequestError carries; duck-typed so nothing imports Octokit's internals. */
interface HttpErrorLike {
  readonly status: number
  readonly message: string
  readonly response?: { readonly headers?: Readonly<Record<string, unknown>> }
  readonly request?: { readonly url?: string }
}

function asHttpError(err: unknown): HttpErrorLike | undefined {
  if (!(err instanceof Error) || !('status' in err) || typeof err.status !== 'number') return undefined
  return err as HttpErrorLike
}

function header(err: HttpErrorLike, name: string): string | undefined {
  const value = err.response?.headers?.[name]
  if (typeof value === 'number') return String(value)
  return typeof value === 'string' ? value : undefined
}

/**
 * How long GitHub asks us to wait before retrying, or undefined when the error is not a rate limit.
 * GitHub: use `retry-after`; else, when `x-ratelimit-remaining` is 0, wait until `x-ratelimit-reset`; else one minute.
 */
export function rateLimitWaitMs(err: unknown, nowMs: number): number | undefined {
  const e = asHttpError(err)
  if (!e?.response || (e.status !== 403 && e.status !== 429)) return undefined
  const retryAfter = header(e, 'retry-after')
  if (retryAfter !== undefined) {
    const seconds = Number(retryAfter)
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
    const at = Date.parse(retryAfter)
    if (Number.isFinite(at)) return Math.max(0, at - nowMs)
  }
  const reset = Number(header(e, 'x-ratelimit-reset'))
  if (header(e, 'x-ratelimit-remaining') === '0' && Number.isFinite(reset)) {
    return Math.max(0, reset * 1000 - nowMs) + 1000
  }
  if (e.status === 429 || /secondary rate limit/i.test(e.message)) return ONE_MINUTE_MS
  return undefined
}

/** A repository, spread into Octokit's parameters. */
export interface Repo {
  readonly owner: string
  readonly repo: string
}

/** `GITHUB_REPOSITORY` (`owner/repo`), read when called. */
export function repoFromEnv(env: Readonly<Record<string, string | undefined>>): Repo {
  const value = env['GITHUB_REPOSITORY'] ?? ''
  const [owner, repo, ...rest] = value.split('/')
  if (!owner || !repo || rest.length > 0) {
    throw new Error(
      `GITHUB_REPOSITORY must be "owner/repo", got ${value ? JSON.stringify(value) : 'nothing'}`,
    )
  }
  return { owner, repo }
}

/** A GitHub API call that failed, with a message that says what to do. `status` is undefined without an HTTP answer. */
export class GitHubApiError extends Error {
  readonly status: number | undefined
  /** The workflow permission the token lacks, as written in a workflow (`deployments: write`), when that is the cause. */
  readonly permission: string | undefined

  constructor(message: string, opts: { status?: number; permission?: string; cause?: unknown } = {}) {
    super(message, { cause: opts.cause })
    this.name = 'GitHubApiError'
    this.status = opts.status
    this.permission = opts.permission
  }
}

export interface GitHubErrorContext {
  /** What was being done, completing "could not …": `create a deployment`. */
  readonly action: string
  /** The permission the request needs, as written in a workflow: `deployments: write`. */
  readonly permission?: string
  /** `owner/repo`, for the 404 message; read from the request URL when not given. */
  readonly repository?: string
  /** What a 404 means was not found, e.g. `workflow run 123`; default the repository. */
  readonly resource?: string
}

/** Wraps anything a GitHub call threw into a GitHubApiError that names the fix; the original is kept as `cause`. */
export function mapGitHubError(err: unknown, context: GitHubErrorContext): GitHubApiError {
  if (err instanceof GitHubApiError) return err
  const prefix = `could not ${context.action}`
  const e = asHttpError(err)
  if (!e?.response) {
    // No HTTP answer (network error after the retries, abort) or not an Octokit error at all.
    const text = err instanceof Error ? err.message : String(err)
    return new GitHubApiError(scrub(`${prefix}: ${text}`), { cause: err })
  }
  const status = e.status
  // Octokit's message is GitHub's `message` (plus its documentation URL); kept verbatim so nothing is lost.
  const github = `(GitHub: ${e.message})`
  let text: string
  let permission: string | undefined
  if (status === 403 && /resource not accessible by integration/i.test(e.message)) {
    permission = context.permission
    text = permission
      ? `the workflow token lacks ${permission}; add "permissions: ${permission}" to the job ${github}`
      : `the workflow token lacks a permission this request needs ${github}`
  } else if (rateLimitWaitMs(e, Date.now()) !== undefined) {
    const reset = Number(header(e, 'x-ratelimit-reset'))
    const until = Number.isFinite(reset) && reset > 0 ? ` until ${new Date(reset * 1000).toISOString()}` : ''
    text = `GitHub API rate limit exceeded${until} ${github}`
  } else if (status === 401) {
    text = `bad credentials: the github-token is invalid or has expired ${github}`
  } else if (status === 404) {
    const repository = context.repository ?? repositoryOf(e.request?.url) ?? 'the repository'
    text = `${context.resource ?? repository} not found, or the token cannot access ${repository} ${github}`
  } else {
    text = `HTTP ${status} ${github}`
  }
  return new GitHubApiError(scrub(`${prefix}: ${text}`), { status, permission, cause: err })
}

function repositoryOf(url: string | undefined): string | undefined {
  const match = url?.match(/\/repos\/([^/?#]+)\/([^/?#]+)/)
  return match ? `${decodeURIComponent(match[1] ?? '')}/${decodeURIComponent(match[2] ?? '')}` : undefined
}

/** Belt and braces: a GitHub token never reaches a message, even if an answer echoed one. */
function scrub(text: string): string {
  return text
    .replace(/\bgh[pousr]_[A-Za-z0-9_]{20,}/g, '***')
    .replace(/\bgithub_pat_[A-Za-z0-9_]{20,}/g, '***')
}
