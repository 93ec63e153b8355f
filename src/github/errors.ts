/**
 * What a failed GitHub request means, without Octokit: rate-limit waits, the action's own error (`GitHubApiError`,
 * with the permission to add when one is missing) and the repository from the environment. Apart from the client
 * (github/client.ts) so that code which only maps errors does not load Octokit.
 */

export const ONE_MINUTE_MS = 60_000

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
