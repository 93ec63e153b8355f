/**
 * "What to do next" for a failed or inconclusive gate (SPEC §7): the target the rollback mode would pick now and the
 * scope its artifacts allow — decided by the rollback's own code (`gatherPlanInput` + `plan`, rollback/target.ts and
 * rollback/plan.ts), never a second copy of its rules. Called only on that path, so a stable gate reads nothing.
 *
 * The narrow interface (`findNextSteps(deps, options, now) → NextSteps`) is what the summary renders; re-point its
 * body when the rollback's decision moves.
 */
import { Defaults } from '../constants.ts'
import { parseDuration } from '../config/duration.ts'
import { errorMessage } from '../errors.ts'
import type { GitHubClient } from '../github/client.ts'
import type { RunContext } from '../github/context.ts'
import { createDeploymentLedger } from '../ledger/deployments.ts'
import { createWorkflowRunsApi } from '../rollback/actions-api.ts'
import { isTooOldToRerun, plan, type RerunScope } from '../rollback/plan.ts'
import type { Verdict } from '../model/gate-result.ts'
import { gatherPlanInput, type GatherDeps, type GatherOptions } from '../rollback/target.ts'

export type NextSteps =
  | {
      readonly kind: 'target'
      readonly sha: string
      readonly runId: number
      readonly runUrl: string
      /** When the target was deployed: its stable deployment's creation, else its run's. */
      readonly deployedAt: string
      /** What the rollback would re-run; `dispatch` needs the rollback workflow's `redeploy-input`. */
      readonly scope: RerunScope
      /** Why that scope, in the rollback's own words. */
      readonly scopeReason: string
    }
  | { readonly kind: 'none'; readonly reason: string }
  | { readonly kind: 'unknown'; readonly reason: string }

export interface NextStepsOptions {
  readonly environment: string
  /** The deploy workflow's file name, for the rollback's run-history fallback (the gate's own workflow). */
  readonly deployWorkflow: string
  readonly reportArtifact: string
}

/**
 * The rollback's decision as a rollback with default inputs (`deploy-job`, `artifact-names`, `retention-margin`,
 * `artifact-retention-days`) would make it now. Never throws: a read that fails is `unknown` with the reason.
 */
export async function findNextSteps(
  deps: GatherDeps,
  options: NextStepsOptions,
  now: Date,
): Promise<NextSteps> {
  const gather: GatherOptions = {
    environment: options.environment,
    deployWorkflow: options.deployWorkflow,
    deployJob: Defaults.deployJob,
    artifactNames: [],
    artifactRetentionDays: Defaults.artifactRetentionDays,
    retentionMarginMs: parseDuration(Defaults.retentionMargin) ?? 0,
    reportArtifact: options.reportArtifact,
  }
  try {
    const input = await gatherPlanInput(deps, gather, now)
    const decided = plan(input)
    const target = decided.target
    const deployedAt = input.target?.deployment?.createdAt ?? target?.createdAt ?? ''
    if (decided.ok) {
      const { sha, runId, runUrl } = decided.target
      return {
        kind: 'target',
        sha,
        runId,
        runUrl,
        deployedAt,
        scope: decided.scope,
        scopeReason: decided.scopeReason,
      }
    }
    if (target && isTooOldToRerun(target, now)) {
      const scopeReason =
        `run ${target.runId} was created ${target.ageDays} days ago and GitHub re-runs no run created over a month ` +
        'ago, so the rollback dispatches the deploy workflow for that commit (it needs redeploy-input)'
      const { sha, runId, runUrl } = target
      return { kind: 'target', sha, runId, runUrl, deployedAt, scope: 'dispatch', scopeReason }
    }
    return { kind: 'none', reason: decided.error }
  } catch (err) {
    return { kind: 'unknown', reason: errorMessage(err) }
  }
}

/**
 * Whether a gate's summary ends with what to do next: a failed or inconclusive verdict of a real deploy. A dry run
 * (a rehearsal that touches no GitHub API) and a pull_request gate (which records nothing, so deployed nothing the
 * environment's rollback would undo) read nothing.
 */
export function needsNextSteps(verdict: Verdict, dryRun: boolean, eventName: string): boolean {
  return verdict !== 'stable' && !dryRun && !eventName.startsWith('pull_request')
}

/** `deploy.yml` from `GITHUB_WORKFLOW_REF` (`owner/repo/.github/workflows/deploy.yml@refs/heads/main`). */
export function workflowFileOf(workflowRef: string): string {
  return workflowRef.split('@')[0]?.split('/').at(-1) ?? ''
}

/** For gate mode: the clients from the token (reusing the gate's own), then `findNextSteps` for this run. */
export async function gateNextSteps(
  input: {
    readonly token: string
    /** The gate's own client, when it has one. */
    readonly octokit?: GitHubClient
    /** Otherwise one is asked for, without retries. */
    readonly github?: (options: { readonly retries: number }) => Promise<GitHubClient>
    readonly ctx: RunContext
    readonly now?: Date
  },
  options: Omit<NextStepsOptions, 'deployWorkflow'>,
): Promise<NextSteps> {
  // Advice must not hold up a failing step: a client of its own (a gate that records nothing) does not retry, so an
  // unreachable API costs one failed request, not plugin-retry's 14 s of back-off.
  const octokit =
    input.octokit ?? (input.token && input.github ? await input.github({ retries: 0 }) : undefined)
  if (!octokit)
    return { kind: 'unknown', reason: 'github-token is empty, so the deployments could not be read' }
  const repo = { owner: input.ctx.owner, repo: input.ctx.repo }
  const deps: GatherDeps = {
    ledger: createDeploymentLedger(octokit, repo),
    runs: createWorkflowRunsApi(octokit, repo),
  }
  const deployWorkflow = workflowFileOf(input.ctx.workflowRef)
  return findNextSteps(deps, { ...options, deployWorkflow }, input.now ?? new Date())
}
