/** Check runs for gate and validate (SPEC §1 `check-name`): created in_progress, completed with ≤ 50 annotations a request. */
import type { GitHubClient, Repo } from './client.ts'
import { mapGitHubError } from './client.ts'

export interface CheckAnnotation {
  readonly path: string
  readonly start_line: number
  readonly end_line: number
  readonly annotation_level: 'notice' | 'warning' | 'failure'
  readonly title?: string
  readonly message: string
}

export interface CheckRunOutput {
  readonly title: string
  readonly summary: string
  readonly text?: string
  readonly annotations: readonly CheckAnnotation[]
}

/** GitHub accepts at most 50 annotations per request; the rest are appended with PATCH. */
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

export async function completeCheckRun(
  octokit: GitHubClient,
  repo: Repo,
  id: number,
  conclusion: 'success' | 'failure' | 'neutral' | 'cancelled',
  output: CheckRunOutput,
): Promise<void> {
  const batches: CheckAnnotation[][] = []
  for (let i = 0; i < output.annotations.length; i += ANNOTATIONS_PER_REQUEST) {
    batches.push(output.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST))
  }
  const base = {
    title: output.title,
    summary: clip(output.summary),
    ...(output.text ? { text: clip(output.text) } : {}),
  }
  try {
    await octokit.rest.checks.update({
      ...repo,
      check_run_id: id,
      status: 'completed',
      conclusion,
      completed_at: new Date().toISOString(),
      output: { ...base, annotations: batches[0] ?? [] },
    })
    for (const batch of batches.slice(1)) {
      await octokit.rest.checks.update({ ...repo, check_run_id: id, output: { ...base, annotations: batch } })
    }
  } catch (err) {
    throw mapGitHubError(err, { action: 'complete the check run', permission: 'checks: write' })
  }
}

function clip(text: string): string {
  return text.length <= OUTPUT_MAX_CHARS
    ? text
    : `${text.slice(0, OUTPUT_MAX_CHARS - 40)}\n\n… (cut to GitHub's size limit)`
}
