/** Publishes a finished check run; a check run that cannot be written is a warning, never a failure (SPEC §5). */
import { core } from '../report/log.ts'
import { errorMessage } from '../errors.ts'
import { completeCheckRun, createCheckRun, type CheckAnnotation } from './check-runs.ts'
import type { GitHubClient } from './client.ts'
import { loadGitHubClient } from './load-client.ts'
import type { RunContext } from './context.ts'

export interface PublishCheckRun {
  readonly token: string
  readonly context: RunContext
  readonly name: string
  readonly conclusion: 'success' | 'failure' | 'neutral'
  readonly title: string
  readonly summary: string
  readonly annotations: readonly CheckAnnotation[]
  /** An existing in-progress check run to complete instead of creating one. */
  readonly id?: number
  readonly octokit?: GitHubClient
}

/** The check run's id, or undefined when it could not be written (with a warning). */
export async function publishCheckRun(p: PublishCheckRun): Promise<number | undefined> {
  const repo = { owner: p.context.owner, repo: p.context.repo }
  try {
    const octokit = p.octokit ?? (await loadGitHubClient({ token: p.token, baseUrl: p.context.apiUrl }))
    const id = p.id ?? (await createCheckRun(octokit, repo, p.name, p.context.headSha, p.context.runUrl))
    await completeCheckRun(octokit, repo, id, p.conclusion, {
      title: p.title,
      summary: p.summary,
      annotations: p.annotations,
    })
    return id
  } catch (err) {
    core.warning(`check run "${p.name}" not published: ${errorMessage(err)}`)
    return undefined
  }
}
