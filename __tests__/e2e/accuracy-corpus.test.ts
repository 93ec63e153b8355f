/**
 * The verdict-accuracy corpus, its npm-test subset (testkit/accuracy/settings.ts: a few deploys per family, a couple
 * of settings, every shift) replayed through a real Prometheus and dist/index.js in one gate run, as `npm run
 * accuracy` replays the whole corpus. It holds the replay to three things: it is aligned (every window read back and
 * every reported sample is its round's value), each verdict is the one the gate's own pure functions reach
 * in-process, and for the settings that docs/accuracy-results.json shows meeting the targets, the subset meets them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pickCases, WINDOW_SAMPLES } from '../../testkit/accuracy/corpus.ts'
import { readResults } from '../../testkit/accuracy/doc-file.ts'
import { FAMILIES, loadNab } from '../../testkit/accuracy/nab.ts'
import { planRuns, type PlannedRun } from '../../testkit/accuracy/plan.ts'
import { replayGate, type ReplayRun } from '../../testkit/accuracy/replay.ts'
import { settingNamed, SUBSET_CASES, SUBSET_SETTINGS } from '../../testkit/accuracy/settings.ts'
import { meetsTargets, REAL_FAMILIES, tallySetting } from '../../testkit/accuracy/tally.ts'
import { inProcessDisagreements, verdictsOf } from '../../testkit/accuracy/verdicts.ts'
import { cleanupActionRuns } from '../../testkit/runner.ts'
import { recordedSourceHash } from '../../scripts/source-hash.ts'

const INTERVAL_MS = 2000
const settings = SUBSET_SETTINGS.map(settingNamed)
const stored = readResults()
/** The stored results were measured on the build under test (global setup has rebuilt a stale dist by now). */
const sameBuild = stored.replay.distSourceHash === recordedSourceHash()
let planned: PlannedRun
let replayed: ReplayRun

beforeAll(async () => {
  const runs = planRuns(pickCases(loadNab(), SUBSET_CASES), settings, Number.POSITIVE_INFINITY)
  expect(runs).toHaveLength(1)
  planned = runs[0]!
  replayed = await replayGate({
    series: planned.series,
    checks: planned.checks,
    intervalMs: INTERVAL_MS,
    windowSamples: WINDOW_SAMPLES,
  })
}, 120_000)

afterAll(async () => {
  await cleanupActionRuns()
})

describe('the accuracy corpus subset through Prometheus and dist/index.js', () => {
  it('is aligned: every window read back exactly, every sample the value of its round', () => {
    expect(replayed.alignment.mismatches).toEqual([])
    expect(replayed.alignment.windowsChecked).toBe(planned.series.length)
    const samples = [...replayed.results.values()].reduce((n, r) => n + r.samples, 0)
    expect(replayed.alignment.samplesChecked).toBe(samples)
    expect(replayed.results.size).toBe(planned.checks.length)
  })

  it('reaches, for every check, the verdict and failing round of the in-process evaluation', () => {
    expect(inProcessDisagreements(planned, replayed, INTERVAL_MS, WINDOW_SAMPLES)).toEqual([])
    const results = new Set([...replayed.results.values()].map((r) => r.result))
    expect(results).toEqual(new Set(['passed', 'failed']))
  })

  it('meets the targets on the subset for every setting the results table shows meeting them', () => {
    const verdicts = verdictsOf(planned, replayed)
    const meeting = new Set(stored.settings.filter((s) => s.meetsTargets).map((s) => s.name))
    for (const setting of settings) {
      const tally = tallySetting(setting, verdicts)
      const real = REAL_FAMILIES.map((f) => tally.families[f])
      expect(real.every((f) => f.good > 0)).toBe(true)
      if (meeting.has(setting.name)) expect(meetsTargets(real), setting.name).toBe(true)
    }
  })

  it.skipIf(!sameBuild)(
    'reproduces, on this build, the stored false fails and missed shifts of the subset',
    () => {
      const verdicts = verdictsOf(planned, replayed)
      const subset = new Set(planned.checks.map((c) => c.deploy.id))
      const mine = (ids: readonly string[]) => ids.filter((id) => subset.has(id)).sort()
      for (const setting of settings) {
        const full = stored.settings.find((s) => s.name === setting.name)
        if (full === undefined) continue
        const tally = tallySetting(setting, verdicts)
        for (const family of FAMILIES) {
          const [got, want] = [tally.families[family], full.families[family]]
          expect([...got.falseFailCases].sort(), `${setting.name} ${family}`).toEqual(
            mine(want.falseFailCases),
          )
          for (const [factor, shift] of Object.entries(got.shifts))
            expect([...(shift.missed ?? [])].sort(), `${setting.name} ${family} ×${factor}`).toEqual(
              mine(want.shifts[factor]?.missed ?? []),
            )
        }
      }
    },
  )
})
