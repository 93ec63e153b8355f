/**
 * The uploaded name of the JSON report artifact (SPEC §1 `report-artifact`): the prefix, the job and the run attempt,
 * plus a leg discriminator, so that matrix legs, several gated jobs and re-runs of one run never collide
 * (upload-artifact v4 refuses a second artifact of the same name in a run with 409 Conflict).
 *
 *   deploy-gate-report-deploy-attempt-2                 one job `deploy`, attempt 2
 *   deploy-gate-report-deploy-attempt-1-deploy-web      matrix leg `deploy (web)` of job `deploy`
 *   deploy-gate-report-deploy-attempt-1-web-deploy      `web / deploy`, job `deploy` of a called reusable workflow
 *   deploy-gate-report-deploy-attempt-1-job-51725241954 display name unknown: the job id tells the legs apart
 */

export interface ArtifactNameFacts {
  /** `GITHUB_JOB`: the job's id in its workflow file (shared by matrix legs and by callers of one reusable workflow). */
  readonly job: string
  readonly runAttempt: number
  /** The display name as the jobs API shows it (`deploy (web)`), when known. */
  readonly jobName?: string
  /** The job id (`job-check-run-id`), when known. */
  readonly jobId?: number
}

/** Artifact names are cut here; GitHub allows more, but a name is for people. */
const MAX_CHARS = 200

/** `none` stays `none` (no upload). */
export function reportArtifactName(prefix: string, facts: ArtifactNameFacts): string {
  if (prefix === 'none') return prefix
  const job = slug(facts.job)
  const base = job ? `${prefix}-${job}-attempt-${facts.runAttempt}` : `${prefix}-attempt-${facts.runAttempt}`
  const leg = legOf(facts)
  return (leg ? `${base}-${leg}` : base).slice(0, MAX_CHARS)
}

/**
 * The display name tells legs apart when it is more than the job id (`deploy (web)`, `web / deploy`); without a
 * display name, the job id does (it may be one leg only, but nothing else says so).
 */
function legOf(facts: ArtifactNameFacts): string | undefined {
  if (facts.jobName !== undefined) {
    const name = slug(facts.jobName)
    return name !== '' && name !== slug(facts.job) ? name : undefined
  }
  return facts.jobId !== undefined ? `job-${facts.jobId}` : undefined
}

/**
 * Letters, digits, `.`, `_` and `-` only: artifact names may not hold `"` `:` `<` `>` `|` `*` `?` `\` `/` or line
 * breaks, and a name from outside must not carry anything else either.
 */
function slug(text: string): string {
  return text
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
}
