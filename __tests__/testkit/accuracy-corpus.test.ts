/**
 * The verdict-accuracy corpus definition (testkit/accuracy): where deploys go, which shifts are required, what a
 * replay feeds Prometheus and the gate, and how verdicts are counted. Fast, no Prometheus.
 */
import { describe, expect, it } from 'vitest'
import { loadConfigFile } from '../../src/config/load.ts'
import {
  buildCases,
  CAUGHT_WITHIN_ROUNDS,
  deployPoints,
  factorRole,
  isCleanDeploy,
  isRequired,
  MARGIN_SAMPLES,
  pickCases,
  ROUNDS,
  WINDOW_SAMPLES,
  type DeployCase,
} from '../../testkit/accuracy/corpus.ts'
import { loadNab, nabTimeMs, type NabSeries } from '../../testkit/accuracy/nab.ts'
import { planRuns } from '../../testkit/accuracy/plan.ts'
import { historyOpenMetrics } from '../../testkit/accuracy/replay-servers.ts'
import { configYaml } from '../../testkit/accuracy/replay.ts'
import {
  ACCURACY_SETTINGS,
  FULL_STEPS,
  SUBSET_CASES,
  SUBSET_SETTINGS,
  settingNamed,
} from '../../testkit/accuracy/settings.ts'
import { meetsTargets, tallySetting, type CheckVerdict } from '../../testkit/accuracy/tally.ts'

const MIN = 60_000

/** A series of `n` samples 5 minutes apart with value `at(i)` and the given labelled windows (sample indexes). */
function series(n: number, at: (i: number) => number, windows: [number, number][] = []): NabSeries {
  const timesMs = Array.from({ length: n }, (_, i) => i * 5 * MIN)
  return {
    file: 'test/x.csv',
    family: 'tweets',
    timesMs,
    values: timesMs.map((_, i) => at(i)),
    windowsMs: windows.map(([a, b]) => [timesMs[a]!, timesMs[b]!] as const),
  }
}

function deploy(s: NabSeries, p: number): DeployCase {
  return { id: `${s.file}@${p}`, family: s.family, series: s, deployIndex: p }
}

describe('deploy points', () => {
  it('start after the window and the margin, and leave the rounds and the margin before the end', () => {
    const points = deployPoints(400, 50)
    expect(points[0]).toBe(WINDOW_SAMPLES + MARGIN_SAMPLES)
    expect(points.at(-1)! + ROUNDS + MARGIN_SAMPLES).toBeLessThan(400)
    expect(points.at(-1)! + 50 + ROUNDS + MARGIN_SAMPLES).toBeGreaterThanOrEqual(400)
  })

  // p = 200 uses samples 200 − 120 − 24 = 56 … 200 + 21 + 24 = 245.
  it.each([
    ['ends just before the first sample used', [10, 55], true],
    ['touches the first sample used', [10, 56], false],
    ['lies inside the rounds', [210, 215], false],
    ['touches the last sample used', [245, 300], false],
    ['starts just after it', [246, 300], true],
  ] as const)('a labelled window that %s', (_name, [a, b], clean) => {
    expect(
      isCleanDeploy(
        series(400, () => 1, [[a, b]]),
        200,
      ),
    ).toBe(clean)
  })

  it('reads NAB times as UTC, with or without microseconds', () => {
    expect(nabTimeMs('2015-03-03 21:07:53')).toBe(Date.UTC(2015, 2, 3, 21, 7, 53))
    expect(nabTimeMs('2015-03-03 21:07:53.000000')).toBe(Date.UTC(2015, 2, 3, 21, 7, 53))
    expect(() => nabTimeMs('03/03/2015')).toThrow(/not a NAB timestamp/)
  })

  it('the npm-test subset is part of the full corpus, a few deploys of every family', () => {
    const nab = loadNab()
    const full = new Set(buildCases(nab, FULL_STEPS).map((c) => c.id))
    const subset = pickCases(nab, SUBSET_CASES)
    expect(subset.filter((c) => !full.has(c.id))).toEqual([])
    for (const family of ['tweets', 'traffic', 'artificial'])
      expect(subset.filter((c) => c.family === family).length).toBeGreaterThanOrEqual(3)
  })

  it('the full corpus has 100–300 good deploys per family', () => {
    const cases = buildCases(loadNab(), FULL_STEPS)
    for (const family of ['tweets', 'traffic', 'artificial']) {
      const n = cases.filter((c) => c.family === family).length
      expect(n, family).toBeGreaterThanOrEqual(100)
      expect(n, family).toBeLessThanOrEqual(300)
    }
  })
})

describe('required shifts', () => {
  const rule = { maxIncrease: 0.5, minDelta: 0 }

  it.each([
    [2, { maxIncrease: 0.5, minDelta: 0 }, 'required'],
    [3, { maxIncrease: 1, minDelta: 0 }, 'required'],
    [2, { maxIncrease: 1, minDelta: 0 }, 'measured'],
    [1.5, { maxIncrease: 0.2, minDelta: 0 }, 'measured'],
    [0.3, { maxIncrease: 0.5, minDelta: 0 }, 'off'],
    [0.3, { maxDecrease: 0.5, minDelta: 0 }, 'required'],
    [0.5, { maxDecrease: 0.5, minDelta: 0 }, 'measured'],
    [1, { maxDecrease: 0.5, minDelta: 0 }, 'good'],
  ] as const)('×%s under %j is %s', (factor, r, role) => {
    expect(factorRole(factor, r)).toBe(role)
  })

  it('a flat series at 10 shifted ×2 is required; its level must also clear b × 1.5 and min-delta', () => {
    const flat = deploy(
      series(400, () => 10),
      144,
    )
    expect(isRequired(flat, 2, rule)).toBe(true)
    expect(isRequired(flat, 2, { ...rule, minDelta: 10 })).toBe(false)
    // The rounds sit at a third of the window's median: ×2 lands below b × 1.5.
    const trough = deploy(
      series(400, (i) => (i >= 144 ? 3 : 10)),
      144,
    )
    expect(isRequired(trough, 2, rule)).toBe(false)
    expect(
      isRequired(
        deploy(
          series(400, () => 0),
          144,
        ),
        3,
        rule,
      ),
    ).toBe(false)
  })

  it('an offset moves the window the median is taken from', () => {
    // The window ending 100 samples back is at 1, the one ending at the deploy at 10; the rounds are at 10.
    const s = series(600, (i) => (i < 300 ? 1 : 10))
    const c = deploy(s, 400)
    expect(isRequired(c, 2, rule)).toBe(true)
    expect(isRequired(c, 2, rule, 200)).toBe(true)
    expect(
      isRequired(
        deploy(
          series(600, (i) => (i < 300 ? 30 : 10)),
          400,
        ),
        2,
        rule,
        200,
      ),
    ).toBe(false)
  })
})

describe('what a replay feeds Prometheus and the gate', () => {
  it('writes history sample i of n at T0 − (n − i)·I − I/2, with the labels a scrape adds', () => {
    const text = historyOpenMetrics(
      [{ id: 'a@1x2', history: [5, 6, 7], rounds: [] }],
      '127.0.0.1:9',
      100_000,
      2000,
    )
    expect(text.split('\n')).toEqual([
      '# TYPE nab gauge',
      'nab{case="a@1x2",instance="127.0.0.1:9",job="nab"} 5 93',
      'nab{case="a@1x2",instance="127.0.0.1:9",job="nab"} 6 95',
      'nab{case="a@1x2",instance="127.0.0.1:9",job="nab"} 7 97',
      '# EOF',
      '',
    ])
  })

  it('every setting, as a replay writes it, is a config the gate accepts', () => {
    const checks = ACCURACY_SETTINGS.map((s, i) => ({
      name: `k${i}`,
      seriesId: 'realTweets/Twitter_volume_AAPL.csv@844x0.3',
      baseline: s.baseline,
      offsetSamples: s.offsetSamples ?? 0,
    }))
    const { problems } = loadConfigFile('deploy-gate.yml', configYaml(checks, 3000, WINDOW_SAMPLES), {})
    expect(problems).toEqual([])
    expect(new Set(ACCURACY_SETTINGS.map((s) => s.name)).size).toBe(ACCURACY_SETTINGS.length)
    for (const name of SUBSET_SETTINGS) expect(settingNamed(name).name).toBe(name)
  })

  it('plans whole cases per run, every setting that fits, at most the limit of checks', () => {
    const nab = loadNab(['traffic'])
    const cases = buildCases(nab, { tweets: 1, traffic: 200, artificial: 1 })
    const runs = planRuns(cases, ACCURACY_SETTINGS, 100)
    const checks = runs.flatMap((r) => r.checks)
    expect(Math.max(...runs.map((r) => r.checks.length))).toBeLessThanOrEqual(100)
    for (const run of runs) {
      const ids = new Set(run.series.map((s) => s.id))
      expect(run.checks.every((c) => ids.has(c.seriesId))).toBe(true)
      expect(new Set(run.checks.map((c) => c.name)).size).toBe(run.checks.length)
    }
    const offset = checks.filter((c) => c.offsetSamples > 0)
    expect(offset.length).toBeGreaterThan(0)
    expect(offset.length).toBeLessThan(checks.length / ACCURACY_SETTINGS.length)
    expect(new Set(checks.map((c) => c.deploy.id)).size).toBe(cases.length)
  })

  it('writes only the windows of a series: a gap after each, so no window reads a sample of another', () => {
    const [c] = buildCases(loadNab(['traffic']), { tweets: 1, traffic: 1000, artificial: 1 }).filter(
      (x) => x.deployIndex >= 1000,
    )
    const [run] = planRuns([c!], ACCURACY_SETTINGS, 1000)
    const history = run!.series[0]!.history
    const offset = Math.max(...ACCURACY_SETTINGS.map((s) => s.offsetSamples ?? 0))
    expect(history).toHaveLength(offset + WINDOW_SAMPLES)
    const written = (from: number, to: number) => history.slice(history.length - to, history.length - from)
    expect(written(0, WINDOW_SAMPLES).every((v) => v !== null)).toBe(true)
    expect(written(WINDOW_SAMPLES, offset).every((v) => v === null)).toBe(true)
    expect(written(offset, offset + WINDOW_SAMPLES).every((v) => v !== null)).toBe(true)
    expect(() =>
      planRuns([c!], [{ name: 'near', baseline: { 'max-increase': '50%' }, offsetSamples: 100 }], 1000),
    ).toThrow(/windows must not touch/)
  })
})

describe('tallies', () => {
  const setting = settingNamed('increase-50')
  const verdict = (caseId: string, factor: CheckVerdict['factor'], failedRound?: number): CheckVerdict => ({
    setting: setting.name,
    caseId,
    family: 'tweets',
    factor,
    required: factor === 2 || factor === 3,
    result: failedRound === undefined ? 'passed' : 'failed',
    ...(failedRound === undefined ? {} : { failedRound }),
  })

  it('counts false fails, shifts caught within 5 rounds, and the median failing round', () => {
    const t = tallySetting(setting, [
      verdict('a', 1),
      verdict('b', 1, 12),
      verdict('a', 2, 1),
      verdict('b', 2, CAUGHT_WITHIN_ROUNDS),
      verdict('a', 1.5, 3),
      verdict('b', 1.5),
    ]).families.tweets
    expect(t).toMatchObject({ good: 2, falseFails: 1, medianFalseFailRound: 12, falseFailCases: ['b'] })
    expect(t.shifts['2']).toEqual({
      role: 'required',
      cases: 2,
      caught: 1,
      medianFailedRound: 3,
      missed: ['b'],
    })
    expect(t.shifts['1.5']).toEqual({ role: 'measured', cases: 2, caught: 1, medianFailedRound: 3 })
    expect(t.shifts['0.3']).toEqual({ role: 'off', cases: 0, caught: 0, medianFailedRound: null })
  })

  it('meets the targets with at most 1 false fail per 100 and no required shift missed', () => {
    const family = (good: number, falseFails: number, caught: number) => ({
      good,
      falseFails,
      medianFalseFailRound: null,
      falseFailCases: [],
      shifts: { '2': { role: 'required' as const, cases: 10, caught, medianFailedRound: 1 } },
    })
    expect(meetsTargets([family(100, 1, 10), family(100, 1, 10)])).toBe(true)
    expect(meetsTargets([family(100, 2, 10), family(99, 1, 10)])).toBe(false)
    expect(meetsTargets([family(100, 0, 9)])).toBe(false)
    expect(meetsTargets([family(0, 0, 10)])).toBe(false)
  })
})
