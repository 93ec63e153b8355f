/**
 * Writes that are never sent twice (SPEC §5.4): a re-run or dispatch POST that got a 5xx or no answer may still have
 * been accepted. Instead of retrying it (plugin-retry is told not to, src/github/client.ts), the action reads the run
 * back: a re-run was accepted when the run shows a newer attempt than the one planned on; a dispatch when a new
 * `workflow_dispatch` run of the workflow appeared after the request.
 */
import { errorMessage } from '../errors.ts'
import type { WorkflowRunsApi } from './actions-api.ts'
import type { RunFacts } from './plan.ts'

/** Waits before each read of the run after an uncertain re-run: GitHub creates the attempt within seconds. */
export const RERUN_READ_BACK_DELAYS_MS = [2_000, 4_000, 8_000]
/** Looking for a dispatched run when GitHub gave no run details: tries, and the wait before each. */
export const FIND_DISPATCHED_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 15_000]

export interface ReadBackDeps {
  readonly runs: Pick<WorkflowRunsApi, 'getRun' | 'runPages'>
  readonly sleep: (ms: number) => Promise<void>
  readonly log: (line: string) => void
}

/**
 * After an uncertain re-run POST: the new attempt, when the run shows one newer than `plannedAttempt`; undefined when
 * it never did (GitHub did not take the request).
 */
export async function readBackRerun(
  deps: ReadBackDeps,
  runId: number,
  plannedAttempt: number,
): Promise<number | undefined> {
  for (const delayMs of RERUN_READ_BACK_DELAYS_MS) {
    await deps.sleep(delayMs)
    try {
      const run = await deps.runs.getRun(runId)
      if (run.attempt > plannedAttempt) return run.attempt
      deps.log(`run ${runId} still shows attempt ${run.attempt}: the re-run has not appeared (yet)`)
    } catch (err) {
      deps.log(`could not read run ${runId} back: ${errorMessage(err)}`)
    }
  }
  return undefined
}

/** The newest `workflow_dispatch` run of `workflow` on `branch` created since `sinceMs`; undefined when none shows up. */
export async function findDispatchedRun(
  deps: ReadBackDeps,
  workflow: string,
  branch: string,
  sinceMs: number,
): Promise<RunFacts | undefined> {
  for (const delayMs of FIND_DISPATCHED_DELAYS_MS) {
    await deps.sleep(delayMs)
    try {
      for await (const page of deps.runs.runPages(
        workflow,
        { event: 'workflow_dispatch', branch, perPage: 10 },
        1,
      )) {
        const run = page.find((r) => Date.parse(r.createdAt) >= sinceMs)
        if (run) return run
      }
    } catch (err) {
      deps.log(`could not list the runs of ${workflow}: ${errorMessage(err)}`)
    }
  }
  return undefined
}
