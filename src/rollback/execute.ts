/**
 * Carries out a rollback plan (SPEC §5.4–5.6): the re-run or dispatch request, then the mark on the current
 * deployment once GitHub accepted it, then (with `wait`) polling the run until it completes or the wait times out.
 * In dry-run nothing is sent. Sleep and clock are injected.
 */
import { errorMessage } from '../errors.ts'
import type { DeploymentLedger } from '../ledger/deployments.ts'
import { formatDuration } from '../report/markdown.ts'
import type { RerunContext, WorkflowRunsApi } from './actions-api.ts'
import { isUncertainWrite, MonthLimitError } from './actions-api.ts'
import type { ReadyPlan, RunFacts } from './plan.ts'
import { findDispatchedRun, readBackRerun } from './read-back.ts'

export const FIRST_POLL_MS = 5_000
export const MAX_POLL_MS = 30_000
/** Polls that may fail in a row (after the client's own retries) before the wait gives up. */
const MAX_POLL_ERRORS = 3
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
  /** GitHub refused the re-run with its month-limit 403; the caller plans a dispatch instead (SPEC §5.2). */
  readonly refusedAsTooOld?: boolean
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
      const refusedAsTooOld = err instanceof MonthLimitError ? { refusedAsTooOld: true } : {}
      return { outcome: 'error', request, mark: notMarked, error: errorMessage(err), ...refusedAsTooOld }
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
    let answer
    try {
      answer = await deps.runs.dispatch(workflow, ref, inputs)
    } catch (err) {
      if (!isUncertainWrite(err)) throw err
      // Never sent twice: a second dispatch would start a second deploy. Did the first one start a run?
      deps.warn(
        `${describeRequest(plan)}: ${errorMessage(err)}; not sent again, looking for the run it may have started`,
      )
      const found = await findDispatchedRun(deps, workflow, ref, sentAtMs - DISPATCH_CLOCK_SLACK_MS)
      if (found) return { id: found.id, url: found.htmlUrl }
      throw new Error(
        `${errorMessage(err)}. The dispatch was not sent again, and no new workflow_dispatch run of ${workflow} ` +
          `appeared on ${ref}: it was most likely not accepted. Check ${options.actionsUrl} before starting the ` +
          'rollback again',
        { cause: err },
      )
    }
    if (answer.runId !== undefined) {
      return { id: answer.runId, url: answer.htmlUrl ?? `${options.actionsUrl}/runs/${answer.runId}` }
    }
    const since = (answer.serverDateMs ?? sentAtMs) - DISPATCH_CLOCK_SLACK_MS
    const found = await findDispatchedRun(deps, workflow, ref, since)
    if (!found) {
      throw new UnidentifiedRunError(
        `${workflow} was dispatched on ${ref}, but its run did not show up; look for it under the workflow's runs`,
      )
    }
    return { id: found.id, url: found.htmlUrl }
  }
  const context: RerunContext = {
    id: target.runId,
    url: target.runUrl,
    sha: target.sha,
    deployWorkflow: options.deployWorkflow,
  }
  // A re-run is the run's next attempt.
  let attempt = target.runAttempt + 1
  try {
    if (plan.scope === 'deploy-job' && plan.job) await deps.runs.rerunJob(plan.job, context)
    else await deps.runs.rerunRun(context)
  } catch (err) {
    if (err instanceof MonthLimitError || !isUncertainWrite(err)) throw err
    // Never sent twice: GitHub may have taken it (a second one gets 403 "already running"). Read the run back.
    deps.warn(
      `${describeRequest(plan)}: ${errorMessage(err)}; not sent again, reading run ${target.runId} back`,
    )
    const seen = await readBackRerun(deps, target.runId, target.runAttempt)
    if (seen === undefined) {
      throw new Error(
        `${errorMessage(err)}. The re-run was not sent again, and run ${target.runId} shows no attempt after ` +
          `${target.runAttempt}: GitHub did not take it; nothing was re-run. Start the rollback again`,
        { cause: err },
      )
    }
    deps.log(`run ${target.runId} shows attempt ${seen}: GitHub accepted the re-run`)
    attempt = seen
  }
  return { id: target.runId, attempt, url: `${target.runUrl}/attempts/${attempt}` }
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
  // Every record of the current run attempt (several gated jobs) carries the mark, so none reads as stable.
  const ids =
    current.deploymentIds && current.deploymentIds.length > 0 ? current.deploymentIds : [deploymentId]
  const errors: string[] = []
  for (const id of ids) {
    try {
      await deps.ledger.setStatus(id, {
        state: 'failure',
        description,
        ...(options.logUrl ? { logUrl: options.logUrl } : {}),
      })
      deps.log(`deployment ${id} marked failure: ${description}`)
    } catch (err) {
      const error = errorMessage(err)
      deps.warn(`deployment ${id} not marked rolled back: ${error}`)
      errors.push(error)
    }
  }
  if (errors.length > 0) return { status: 'failed', deploymentId, description, error: errors.join('; ') }
  return { status: 'marked', deploymentId, description }
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
