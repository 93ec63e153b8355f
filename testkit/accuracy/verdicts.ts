/** A replayed run's checks as verdicts, and each held to the in-process evaluation of the same case. */
import { baselineWindow, roundValues } from './corpus.ts'
import { judgeInProcess } from './in-process.ts'
import type { PlannedRun } from './plan.ts'
import { baselineBlock, type ReplayRun } from './replay.ts'
import type { CheckVerdict } from './tally.ts'

export function verdictsOf(planned: PlannedRun, replayed: ReplayRun): CheckVerdict[] {
  return planned.checks.map((c) => {
    const got = replayed.results.get(c.name)
    if (got === undefined) throw new Error(`${c.name} (${c.seriesId}, ${c.setting.name}) has no result`)
    return {
      setting: c.setting.name,
      caseId: c.deploy.id,
      family: c.deploy.family,
      factor: c.factor,
      required: c.required,
      result: got.result,
      ...(got.failedRound === undefined ? {} : { failedRound: got.failedRound }),
    }
  })
}

/** Every check whose replayed result or failing round differs from the in-process one, described. */
export function inProcessDisagreements(
  planned: PlannedRun,
  replayed: ReplayRun,
  intervalMs: number,
  windowSamples: number,
): string[] {
  const out: string[] = []
  for (const c of planned.checks) {
    const got = replayed.results.get(c.name)
    const want = judgeInProcess(
      baselineWindow(c.deploy, c.offsetSamples),
      roundValues(c.deploy, c.factor),
      baselineBlock(c, intervalMs, windowSamples),
    )
    if (got?.result !== want.result || got.failedRound !== want.failedRound)
      out.push(
        `${c.seriesId} ${c.setting.name}: replayed ${got?.result} at round ${got?.failedRound}, ` +
          `in-process ${want.result} at round ${want.failedRound}`,
      )
  }
  return out
}
