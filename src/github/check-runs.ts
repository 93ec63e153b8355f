/** Check runs for gate and validate (SPEC §1 `check-name`): created in_progress, completed in one request with ≤ 50 annotations. */
import type { GitHubClient } from './client.ts'
import type { Repo } from './errors.ts'
import { mapGitHubError } from './errors.ts'
import { safeMarkdown } from '../report/log.ts'
import { safeLine } from '../report/redact.ts'
import type { CheckRunAnnotation } from '../model/outcome.ts'

export interface CheckRunOutput {
  readonly title: string
  readonly summary: string
  readonly text?: string
  readonly annotations: readonly CheckRunAnnotation[]
}

/** GitHub accepts at most 50 annotations per request; a run sends one request, so at most 50 in all. */
export const ANNOTATIONS_PER_REQUEST = 50
/** GitHub's limit for output.summary and output.text. */
const OUTPUT_MAX_CHARS = 65_535

export async function createCheckRun(
  octokit: GitHubClient,
  repo: Repo,
  name: string,
  headSha: string,
  detailsUrl?: string,
): Promise<number> {
  try {
    const { data } = await octokit.rest.checks.create({
      ...repo,
      name,
      head_sha: headSha,
      status: 'in_progress',
      started_at: new Date().toISOString(),
      ...(detailsUrl ? { details_url: detailsUrl } : {}),
    })
    return data.id
  } catch (err) {
    throw mapGitHubError(err, { action: 'create the check run', permission: 'checks: write' })
  }
}

/**
 * Completes the check run in ONE request, whatever the number of checks: at most `ANNOTATIONS_PER_REQUEST`
 * annotations, the rest counted in the summary (SPEC §7: GitHub requests do not grow with the config). Title,
 * summary and annotations are redacted and their control characters escaped here, for every caller.
 */
export async function completeCheckRun(
  octokit: GitHubClient,
  repo: Repo,
  id: number,
  conclusion: 'success' | 'failure' | 'neutral' | 'cancelled',
  output: CheckRunOutput,
): Promise<void> {
  const kept = output.annotations.slice(0, ANNOTATIONS_PER_REQUEST).map((a) => ({
    ...a,
    message: safeLine(a.message),
    ...(a.title !== undefined ? { title: safeLine(a.title) } : {}),
  }))
  const left = output.annotations.length - kept.length
  const more =
    left > 0 ? `\n\n_${left} more annotations are not shown; the job summary lists every problem._\n` : ''
  try {
    await octokit.rest.checks.update({
      ...repo,
      check_run_id: id,
      status: 'completed',
      conclusion,
      completed_at: new Date().toISOString(),
      output: {
        title: safeLine(output.title),
        summary: clip(output.summary, more),
        ...(output.text ? { text: clip(output.text) } : {}),
        annotations: kept,
      },
    })
  } catch (err) {
    throw mapGitHubError(err, { action: 'complete the check run', permission: 'checks: write' })
  }
}

function clip(raw: string, tail = ''): string {
  const text = safeMarkdown(raw)
  return text.length + tail.length <= OUTPUT_MAX_CHARS
    ? `${text}${tail}`
    : `${text.slice(0, OUTPUT_MAX_CHARS - 40 - tail.length)}\n\n… (cut to GitHub's size limit)${tail}`
}
