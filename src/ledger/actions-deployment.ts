/**
 * SPEC §4: a deployment that GitHub Actions created for the gated job itself (`environment:` on the job). Actions
 * creates one for every job that names an environment, unless the job says `deployment: false`; its creator is
 * `github-actions[bot]`, it carries no deploy-gate payload, and when the job ends Actions posts its own status with
 * `auto_inactive`, which marks the gate's record `inactive`. The ledger ignores records without the payload, so
 * rollback stays correct either way; the gate only warns, once.
 */
import type { LedgerDeployment } from './deployments.ts'

export const ACTIONS_BOT = 'github-actions[bot]'
/** A job runs at most 6 h on GitHub-hosted runners (and 5 days self-hosted); without a job start, look back this far. */
const LOOKBACK_MS = 6 * 3_600_000
/** Timestamps are whole seconds; the deployment may be stamped a moment before the job's `created_at`. */
const SLACK_MS = 60_000

/**
 * The deployment of `sha` that Actions created for this job, among `sameSha` (that SHA's deployments in that
 * environment): no deploy-gate payload, created by `github-actions[bot]`, created since the job was created (or, when
 * that is unknown, in the last 6 hours).
 */
export function findActionsDeployment(
  sameSha: readonly LedgerDeployment[],
  sha: string,
  since: { readonly jobCreatedAt?: string; readonly nowMs: number },
): LedgerDeployment | undefined {
  const jobMs = since.jobCreatedAt ? Date.parse(since.jobCreatedAt) : NaN
  const fromMs = Number.isFinite(jobMs) ? jobMs - SLACK_MS : since.nowMs - LOOKBACK_MS
  return sameSha.find(
    (d) =>
      d.payload === undefined &&
      d.creator === ACTIONS_BOT &&
      d.sha.toLowerCase() === sha.toLowerCase() &&
      Date.parse(d.createdAt) >= fromMs,
  )
}

export function actionsDeploymentWarning(d: LedgerDeployment, environment: string): string {
  return (
    `GitHub Actions created its own deployment ${d.id} of this job in ${environment} (environment: on the job): two ` +
    `records per deploy, and Actions marks the gate's record inactive when the job ends, so the Environments page ` +
    `shows Actions' record without a verdict. Fix: environment: {name: ${environment}, deployment: false} on the ` +
    `deploy job (see the README). Rollback reads only the gate's records, so it is not affected`
  )
}
