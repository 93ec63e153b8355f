/**
 * Carries out a rollback plan (SPEC §5.4–5.6): the re-run or dispatch request, then the mark on the current
 * deployment once GitHub accepted it, then (with `wait`) polling the run until it completes or the wait times out.
 * In dry-run nothing is sent. Sleep and clock are injected.
 */
import { errorMessage } from '../errors.ts'
import type { DeploymentLedger } from '../ledger/deployments.ts'
import { formatDuration } from '../report/markdown.ts'
import type { RerunContext, WorkflowRunsApi } from './actions-api.ts'
import type { ReadyPlan, RunFacts } from './plan.ts'

export const FIRST_POLL_MS = 5_000
export const MAX_POLL_MS = 30_000
/** Polls that may fail in a row (after the client's own retries) before the wait gives up. */
const MAX_POLL_ERRORS = 3
/** Looking for a dispatched run when GitHub gave no run details: tries, and the wait before each. */
const FIND_DISPATCHED_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 15_000]
/** A dispatched run's `created_at` may precede the answer's `Date` by this much (processing, second precision). */
const DISPATCH_CLOCK_SLACK_MS = 5_000

export interface ExecuteDeps {
  readonly runs: WorkflowRunsApi
  readonly ledger: Pick<DeploymentLedger, 'setStatus'>
  readonly sleep: (ms: number) => Promise<void>
  /** Epoch milliseconds. */
  readonly now: () => number
  readonly log: (line: string) => void
  readonly warn: (line: string) => void
}

export interface ExecuteOptions {
  readonly dryRun: boolean
  readonly wait: boolean
  readonly waitTimeoutMs: number
  readonly deployWorkflow: string
  /** `<server>/<owner>/<repo>/actions`, for links when a dispatched run cannot be identified. */
  readonly actionsUrl: string
  /** This rollback run's URL: the `log_url` of the mark. */
  readonly logUrl?: string
}

export type MarkResult =
  | { readonly status: 'marked'; readonly deploymentId: number; readonly description: string }
  | { readonly status: 'skipped'; readonly reason: string }
  | {
      readonly status: 'failed'
      readonly deploymentId: number
      readonly description: string
      readonly error: string
    }

export type ExecuteOutcome = 'dry-run' | 'requested' | 'completed' | 'timed-out' | 'error'

export interface ExecuteResult {
  readonly outcome: ExecuteOutcome
  /** The request sent (or that would be sent in dry-run), e.g. `POST …/actions/jobs/42/rerun`. */
  readonly request: string
  /** The re-run attempt or dispatched run, once GitHub accepted the request. */
  readonly run?: { readonly id: number; readonly attempt?: number; readonly url: string }
  /** Set when waited for and completed. */
  readonly conclusion?: string
  readonly waitedMs?: number
  readonly mark: MarkResult
  readonly error?: string
}

export async function executePlan(
  plan: ReadyPlan,
  deps: ExecuteDeps,
  options: ExecuteOptions,
): Promise<ExecuteResult> {
  const request = describeRequest(plan)
  if (options.dryRun) {
    deps.log(`dry run: would send ${request}; nothing is re-run, dispatched or marked`)
    return { outcome: 'dry-run', request, mark: { status: 'skipped', reason: 'dry run' } }
  }
  const notMarked: MarkResult = { status: 'skipped', reason: 'the request was not accepted' }
  let run: { id: number; attempt?: number; url: string }
  try {
    run = await sendRequest(plan, deps, options)
  } catch (err) {
    if (!(err instanceof UnidentifiedRunError)) {
      return { outcome: 'error', request, mark: notMarked, error: errorMessage(err) }
    }
    // GitHub accepted the dispatch; only its run could not be found. The bad deployment is still marked (SPEC §4).
    deps.log(`${request} accepted; the dispatched run could not be identified`)
    const mark = await markRolledBack(plan, deps, options)
    return { outcome: 'error', request, mark, error: err.message }
  }
  deps.log(`${request} accepted: ${run.url}`)
  const mark = await markRolledBack(plan, deps, options)
  if (!options.wait) return { outcome: 'requested', request, run, mark }

  try {
    const waited = await waitForRun(deps, run, options.waitTimeoutMs)
    if (waited.conclusion === undefined) {
      return { outcome: 'timed-out', request, run, mark, waitedMs: waited.waitedMs }
    }
    return {
      outcome: 'completed',
      request,
      run,
      mark,
      conclusion: waited.conclusion,
      waitedMs: waited.waitedMs,
    }
  } catch (err) {
    return { outcome: 'error', request, run, mark, error: `waiting for ${run.url}: ${errorMessage(err)}` }
  }
}

/** The mark's description: names the target commit and run in every scope. */
export function rolledBackDescription(plan: ReadyPlan): string {
  return `rolled back to ${plan.target.sha.slice(0, 7)} (run ${plan.target.runId})`
}

export function describeRequest(plan: ReadyPlan): string {
  if (plan.scope === 'dispatch' && plan.dispatch) {
    return `POST …/actions/workflows/${plan.dispatch.workflow}/dispatches`
  }
  if (plan.scope === 'deploy-job' && plan.job) return `POST …/actions/jobs/${plan.job.id}/rerun`
  return `POST …/actions/runs/${plan.target.runId}/rerun`
}

async function sendRequest(
  plan: ReadyPlan,
  deps: ExecuteDeps,
  options: ExecuteOptions,
): Promise<{ id: number; attempt?: number; url: string }> {
  const target = plan.target
  if (plan.scope === 'dispatch' && plan.dispatch) {
    const { workflow, ref, inputs } = plan.dispatch
    const sentAtMs = deps.now()
    const answer = await deps.runs.dispatch(workflow, ref, inputs)
    if (answer.runId !== undefined) {
      return { id: answer.runId, url: answer.htmlUrl ?? `${options.actionsUrl}/runs/${answer.runId}` }
    }
    const since = (answer.serverDateMs ?? sentAtMs) - DISPATCH_CLOCK_SLACK_MS
    const found = await findDispatchedRun(deps, workflow, ref, since)
    return { id: found.id, url: found.htmlUrl }
  }
  const context: RerunContext = {
    id: target.runId,
    url: target.runUrl,
    sha: target.sha,
    deployWorkflow: options.deployWorkflow,
  }
  if (plan.scope === 'deploy-job' && plan.job) await deps.runs.rerunJob(plan.job, context)
  else await deps.runs.rerunRun(context)
  // A re-run is the run's next attempt.
  const attempt = target.runAttempt + 1
  return { id: target.runId, attempt, url: `${target.runUrl}/attempts/${attempt}` }
}

/** GitHub answered the dispatch without run details: the newest workflow_dispatch run created since the request. */
async function findDispatchedRun(
  deps: ExecuteDeps,
  workflow: string,
  branch: string,
  sinceMs: number,
): Promise<RunFacts> {
  for (const delayMs of FIND_DISPATCHED_DELAYS_MS) {
    await deps.sleep(delayMs)
    for await (const page of deps.runs.runPages(
      workflow,
      { event: 'workflow_dispatch', branch, perPage: 10 },
      1,
    )) {
      const run = page.find((r) => Date.parse(r.createdAt) >= sinceMs)
      if (run) return run
    }
  }
  throw new UnidentifiedRunError(
    `${workflow} was dispatched on ${branch}, but its run did not show up; look for it under the workflow's runs`,
  )
}

/** The dispatch was accepted, but the run it started could not be found. */
class UnidentifiedRunError extends Error {}

async function markRolledBack(
  plan: ReadyPlan,
  deps: ExecuteDeps,
  options: ExecuteOptions,
): Promise<MarkResult> {
  const current = plan.current
  if (current?.kind !== 'deployment' || current.deploymentId === undefined) {
    const reason = current
      ? 'run-history fallback: no deployment record to mark'
      : 'no current deployment: nothing to mark'
    deps.log(reason)
    return { status: 'skipped', reason }
  }
  const deploymentId = current.deploymentId
  const description = rolledBackDescription(plan)
  try {
    await deps.ledger.setStatus(deploymentId, {
      state: 'failure',
      description,
      ...(options.logUrl ? { logUrl: options.logUrl } : {}),
    })
    deps.log(`deployment ${deploymentId} marked failure: ${description}`)
    return { status: 'marked', deploymentId, description }
  } catch (err) {
    const error = errorMessage(err)
    deps.warn(`deployment ${deploymentId} not marked rolled back: ${error}`)
    return { status: 'failed', deploymentId, description, error }
  }
}

/**
 * Polls the re-run attempt (`GET …/runs/{id}` until it shows the attempt, then `…/attempts/{n}`) or the dispatched run,
 * first after 5 s, doubling up to 30 s, until it completes (→ its conclusion) or the timeout (→ no conclusion).
 */
export async function waitForRun(
  deps: Pick<ExecuteDeps, 'runs' | 'sleep' | 'now' | 'log' | 'warn'>,
  run: { readonly id: number; readonly attempt?: number; readonly url: string },
  timeoutMs: number,
): Promise<{ conclusion?: string; waitedMs: number }> {
  const startMs = deps.now()
  const deadlineMs = startMs + timeoutMs
  let delayMs = FIRST_POLL_MS
  let attemptSeen = false
  let errors = 0
  for (;;) {
    const remainingMs = deadlineMs - deps.now()
    if (remainingMs <= 0) {
      deps.log(`gave up waiting for ${run.url} after ${formatDuration(deps.now() - startMs)} (wait-timeout)`)
      return { waitedMs: deps.now() - startMs }
    }
    await deps.sleep(Math.min(delayMs, remainingMs))
    delayMs = Math.min(delayMs * 2, MAX_POLL_MS)
    let facts: RunFacts
    try {
      facts =
        run.attempt !== undefined && attemptSeen
          ? await deps.runs.getRunAttempt(run.id, run.attempt)
          : await deps.runs.getRun(run.id)
      errors = 0
    } catch (err) {
      if (++errors >= MAX_POLL_ERRORS) throw err
      deps.warn(`could not read ${run.url}, polling again: ${errorMessage(err)}`)
      continue
    }
    const elapsed = formatDuration(deps.now() - startMs)
    if (run.attempt !== undefined && facts.attempt < run.attempt) {
      deps.log(`run ${run.id}: attempt ${run.attempt} not visible yet (${elapsed})`)
      continue
    }
    if (run.attempt !== undefined && facts.attempt > run.attempt && !attemptSeen) {
      // Someone re-ran it again already: follow our attempt from now on.
      attemptSeen = true
      continue
    }
    attemptSeen = true
    const conclusion = facts.status === 'completed' ? (facts.conclusion ?? 'unknown') : undefined
    const label = run.attempt !== undefined ? `run ${run.id} attempt ${run.attempt}` : `run ${run.id}`
    deps.log(`${label}: ${facts.status ?? 'unknown'}${conclusion ? ` (${conclusion})` : ''} after ${elapsed}`)
    if (conclusion !== undefined) return { conclusion, waitedMs: deps.now() - startMs }
  }
}
