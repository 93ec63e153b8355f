/**
 * The GitHub REST client. The only importer of `@actions/github`; what its errors mean is in github/errors.ts.
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
import { ONE_MINUTE_MS, rateLimitWaitMs } from './errors.ts'

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
