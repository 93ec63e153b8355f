/**
 * The lower bound of scripts/accuracy-bound.ts rests on one premise: a rule of SPEC §2's form is monotone, so a
 * required shift that dominates a good deploy and is caught within five rounds drags the good deploy down with it.
 * Held here against the gate's own rule (judged in-process by its pure functions) on the real corpus, at the default
 * band and the median alone, with the default counting and a stricter one.
 */
import { describe, expect, it } from 'vitest'
import { boundPoint, dominatingShift, forcedFalseFails, type Point } from '../../testkit/accuracy/bound.ts'
import { buildCases, isRequired, median, type Factor } from '../../testkit/accuracy/corpus.ts'
import { DEFAULT_LIMITS, judgeInProcess } from '../../testkit/accuracy/in-process.ts'
import { loadNab } from '../../testkit/accuracy/nab.ts'

const point = (id: string, rounds: number[], spread: number[]): Point => ({ id, rounds, spread })

describe('dominatingShift', () => {
  const shift = point('s', [2, 2, 2, 2, 2], [3])

  it('finds a shift no higher in any round and with a band at least as wide (increases)', () => {
    expect(dominatingShift(point('g', [2, 3, 2, 5, 2], [2.5]), [shift], true)).toBe(shift)
    expect(dominatingShift(point('g', [2, 2, 2, 2, 2], [3]), [shift], true)).toBe(shift)
  })

  it('does not when one round is lower or the good deploy’s band is wider', () => {
    expect(dominatingShift(point('g', [2, 3, 1.9, 5, 2], [2.5]), [shift], true)).toBeUndefined()
    expect(dominatingShift(point('g', [9, 9, 9, 9, 9], [3.1]), [shift], true)).toBeUndefined()
  })

  it('turns both comparisons round for decreases', () => {
    const down = point('s', [0.3, 0.3, 0.3, 0.3, 0.3], [0.2])
    expect(dominatingShift(point('g', [0.3, 0.1, 0.2, 0.3, 0.25], [0.25]), [down], false)).toBe(down)
    expect(dominatingShift(point('g', [0.3, 0.1, 0.2, 0.3, 0.25], [0.15]), [down], false)).toBeUndefined()
    expect(forcedFalseFails([point('g', [0.4, 0.1, 0.1, 0.1, 0.1], [0.3])], [down], false)).toEqual([])
  })
})

describe('the premise, held on the real corpus: higher rounds and a narrower window never make the rule fail later', () => {
  const cases = buildCases(loadNab(['tweets', 'traffic']), { tweets: 700, traffic: 60, artificial: 700 })
  const rules = [
    { name: 'max-increase 50%, default band', baseline: { 'max-increase': '50%' }, up: true },
    { name: 'max-increase 50%, band 0%', baseline: { 'max-increase': '50%', band: '0%' }, up: true },
    { name: 'max-increase 100%, band 90%', baseline: { 'max-increase': '100%', band: '90%' }, up: true },
    { name: 'max-decrease 50%, default band', baseline: { 'max-decrease': '50%' }, up: false },
  ]
  const countings = [DEFAULT_LIMITS, { ...DEFAULT_LIMITS, maxConsecutiveFailures: 3, maxFailures: 4 }]
  /** A fixed pseudo-random sequence (mulberry32), so a failure names the same case every run. */
  const random = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  for (const { name, baseline, up } of rules) {
    for (const limits of countings) {
      it(`${name}, ${limits.maxConsecutiveFailures} in a row or ${limits.maxFailures} in the window`, () => {
        const next = random(22)
        let failedBefore = 0
        for (const c of cases) {
          for (const factor of up ? [1, 2, 3] : [1, 0.3]) {
            const window = c.series.values.slice(c.deployIndex - 120, c.deployIndex)
            const rounds = c.series.values.slice(c.deployIndex, c.deployIndex + 21).map((v) => v * factor)
            const before = judgeInProcess(window, rounds, baseline, limits)
            // Each round moved further in the direction judged; the window's values beyond its median drawn
            // towards it (the band narrows; the median, if it moves, moves towards a breach).
            const b = median(window)
            const pushed = rounds.map((v) => (up ? v * (1 + next() * 0.3) : v * (1 - next() * 0.3)))
            const narrowed = window.map((v) => ((up ? v > b : v < b) ? b + (v - b) * next() : v))
            const after = judgeInProcess(narrowed, pushed, baseline, limits)
            if (before.failedRound === undefined) continue
            failedBefore++
            expect(after.result, `${c.id} ×${factor}`).toBe('failed')
            expect(after.failedRound!, `${c.id} ×${factor}`).toBeLessThanOrEqual(before.failedRound)
          }
        }
        expect(failedBefore).toBeGreaterThan(20)
      })
    }
  }
})

describe('forcedFalseFails on the real corpus', () => {
  it('counts a good deploy only when the rule, made to catch its dominating shift, would fail it', () => {
    const cases = buildCases(loadNab(['tweets']), { tweets: 700, traffic: 60, artificial: 700 })
    const band = { share: 0.98, k: 1 }
    const good = cases.flatMap((c) => boundPoint(c, 1, band, true) ?? [])
    const required = ([2, 3] as Factor[]).flatMap((f) =>
      cases
        .filter((c) => isRequired(c, f, { maxIncrease: 0.5, minDelta: 0 }))
        .flatMap((c) => boundPoint(c, f, band, true) ?? []),
    )
    const forced = forcedFalseFails(good, required, true)
    expect(forced.length).toBeGreaterThan(0)
    for (const g of forced) {
      const s = dominatingShift(g, required, true)!
      expect(s.spread[0]!).toBeGreaterThanOrEqual(g.spread[0]!)
      g.rounds.forEach((v, i) => expect(v).toBeGreaterThanOrEqual(s.rounds[i]!))
    }
  })
})
