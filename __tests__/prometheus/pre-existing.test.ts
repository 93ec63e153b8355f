/** Pre-existing breaches (SPEC §2), pure: which series were already beyond the bound, and how they are held. */
import { describe, expect, it } from 'vitest'
import { measureSeries } from '../../src/prometheus/measure.ts'
import {
  findPreExisting,
  preExistingBounds,
  preExistingText,
  withPreExistingNote,
} from '../../src/prometheus/pre-existing.ts'

const AT = '2026-12-07T10:00:00.000Z'
const WEB = { instance: 'web-1:9100', mountpoint: '/data' }
const AI = { instance: 'ai-1:9100', mountpoint: '/data' }
const times = (n: number, v: number): number[] => Array.from({ length: n }, () => v)

describe('findPreExisting: beyond the bound in at least 90 % of the real samples', () => {
  it.each<[string, number[], boolean]>([
    ['all 120 samples above', times(120, 92), true],
    ['90 % above', [...times(108, 92), ...times(12, 70)], true],
    ['89 % above', [...times(107, 92), ...times(13, 70)], false],
    ['exactly at the bound is not beyond it', times(120, 85), false],
    ['NaN left out of the share', [...times(100, 92), ...times(50, Number.NaN)], true],
    ['fewer than 10 real samples', times(9, 99), false],
  ])('%s → %s', (_name, values, pre) => {
    expect(findPreExisting([{ labels: WEB, values }], { max: 85 }).length).toBe(pre ? 1 : 0)
  })

  it('gives the side, the bound, the worst value before the deploy and the share', () => {
    const values = [...times(100, 91), 96, ...times(9, 70)]
    expect(findPreExisting([{ labels: WEB, values }], { max: 85 })).toEqual([
      { labels: WEB, side: 'max', bound: 85, worst: 96, share: 101 / 110 },
    ])
    expect(findPreExisting([{ labels: WEB, values: times(20, 0) }], { min: 1 })).toEqual([
      { labels: WEB, side: 'min', bound: 1, worst: 0, share: 1 },
    ])
  })
})

describe('pre-existing: report — a pre-existing series is held to its own worst value before the deploy', () => {
  const found = findPreExisting([{ labels: WEB, values: [...times(50, 92), 93] }], { max: 85, unit: '%' })
  const bounds = preExistingBounds(found, { max: 85, unit: '%' })

  it.each<[string, number, number, string]>([
    ['no worse than before passes', 93, 40, 'pass'],
    ['better than before passes', 88, 40, 'pass'],
    ['worse than before breaches', 93.5, 40, 'breach'],
    ['another series crossing after the deploy breaches as usual', 90, 86, 'breach'],
  ])('%s', (_name, web, ai, outcome) => {
    const series = [
      { labels: WEB, value: web },
      { labels: AI, value: ai },
    ]
    const m = measureSeries(series, { max: 85, unit: '%' }, AT, bounds)
    expect(m.outcome).toBe(outcome)
  })

  it('says which series passed only because they were already beyond the bound', () => {
    const series = [
      { labels: WEB, value: 93 },
      { labels: AI, value: 40 },
    ]
    const m = withPreExistingNote(measureSeries(series, { max: 85 }, AT, bounds), series, found, { max: 85 })
    expect(m).toMatchObject({
      outcome: 'pass',
      reason: '1 series beyond the bound as before the deploy (pre-existing: report)',
    })
  })

  it('says that a pre-existing series got worse', () => {
    const series = [{ labels: WEB, value: 97 }]
    const threshold = { max: 85, unit: '%' }
    const m = withPreExistingNote(measureSeries(series, threshold, AT, bounds), series, found, threshold)
    expect(m.outcome).toBe('breach')
    expect(m.reason).toBe(
      '97% > 93% on instance="web-1:9100",mountpoint="/data" (pre-existing, worse than its 93% before the deploy)',
    )
  })

  it('nothing pre-existing: no per-series bounds, the measurement unchanged', () => {
    expect(preExistingBounds([], { max: 85 })).toBeUndefined()
    const m = measureSeries([{ labels: WEB, value: 90 }], { max: 85 }, AT)
    expect(withPreExistingNote(m, [{ labels: WEB, value: 90 }], [], { max: 85 })).toBe(m)
  })

  it('reads as the SPEC writes it', () => {
    expect(preExistingText(found[0]!, '30m', '%')).toBe(
      'already above 85% for the 30m before the deploy (100 % of its samples; worst 93%)',
    )
  })
})
