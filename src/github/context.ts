/** The run's context from the runner's GITHUB_* environment, read when asked (never at import time). */
import { readFileSync } from 'node:fs'

export interface RunContext {
  readonly owner: string
  readonly repo: string
  readonly eventName: string
  /** GITHUB_SHA. */
  readonly sha: string
  /** Where check runs go: the PR head on pull_request events, else GITHUB_SHA. */
  readonly headSha: string
  readonly runId: number
  readonly runAttempt: number
  readonly job: string
  readonly workflowRef: string
  readonly serverUrl: string
  /** GITHUB_API_URL without trailing slashes; `https://api.github.com` when unset or empty. */
  readonly apiUrl: string
  readonly runnerName: string
  readonly runnerTemp: string
  /** `<server>/<owner>/<repo>/actions/runs/<id>/attempts/<n>`. */
  readonly runUrl: string
}

/** `env` is the runner's environment, passed in from main.ts (the only reader of `process.env` besides index.ts). */
export function readRunContext(env: Readonly<Record<string, string | undefined>>): RunContext {
  const [owner = '', repo = ''] = (env['GITHUB_REPOSITORY'] ?? '').split('/')
  const eventName = env['GITHUB_EVENT_NAME'] ?? ''
  const sha = env['GITHUB_SHA'] ?? ''
  const runId = Number(env['GITHUB_RUN_ID'] ?? 0)
  const runAttempt = Number(env['GITHUB_RUN_ATTEMPT'] ?? 1)
  const serverUrl = (env['GITHUB_SERVER_URL'] ?? 'https://github.com').replace(/\/+$/, '')
  return {
    owner,
    repo,
    eventName,
    sha,
    headSha: pullRequestHead(env['GITHUB_EVENT_PATH'], eventName) ?? sha,
    runId,
    runAttempt,
    job: env['GITHUB_JOB'] ?? '',
    workflowRef: env['GITHUB_WORKFLOW_REF'] ?? '',
    serverUrl,
    apiUrl: (env['GITHUB_API_URL'] || 'https://api.github.com').replace(/\/+$/, ''),
    runnerName: env['RUNNER_NAME'] ?? '',
    runnerTemp: env['RUNNER_TEMP'] ?? '',
    runUrl: `${serverUrl}/${owner}/${repo}/actions/runs/${runId}/attempts/${runAttempt}`,
  }
}

function pullRequestHead(eventPath: string | undefined, eventName: string): string | undefined {
  if (!eventPath || !eventName.startsWith('pull_request')) return undefined
  try {
    const event = JSON.parse(readFileSync(eventPath, 'utf8')) as {
      pull_request?: { head?: { sha?: unknown } }
    }
    const head = event.pull_request?.head?.sha
    return typeof head === 'string' ? head : undefined
  } catch {
    return undefined
  }
}
