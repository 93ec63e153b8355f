/** The baseline rule of SPEC §2 ("Baselines"), pure: medians, the breach rule with min-delta, absolute bounds, gaps. */
import { describe, expect, it } from 'vitest'
import type { BaselineSpec } from '../../src/model/check-spec.ts'
import type { SeriesValue } from '../../src/model/gate-result.ts'
import {
  baselineStepMs,
  baselineLimits,
  changeText,
  computeBaselines,
  measureWithBaseline,
  normalBand,
  quantile,
  rollingMedians,
  valueWithBaseline,
} from '../../src/prometheus/baseline.ts'
import { seriesKey } from '../../src/model/series-key.ts'
import { decodeRangeAnswer } from '../../src/prometheus/range.ts'
import { PrometheusError } from '../../src/prometheus/errors.ts'
import { loadApiFixture } from '../../testkit/prometheus-api.ts'

const AT = '2026-12-02T15:00:00.000Z'
const API = { job: 'api', instance: 'api-1:8080' }
const rule = (r: Partial<BaselineSpec>): BaselineSpec => ({
  windowMs: 30 * 60_000,
  windowText: '30m',
  minDelta: 0,
  offsetMs: 0,
  offsetText: '0s',
  band: 0,
  ...r,
})
const base = (labels: Record<string, string>, b: number, band?: readonly [number, number]) =>
  new Map([[seriesKey(labels), band === undefined ? { median: b } : { median: b, band }]])
const one = (value: number, labels: Record<string, string> = API): SeriesValue[] => [{ labels, value }]

function fixtureRange(name: string) {
  const f = loadApiFixture(name)
  return decodeRangeAnswer({ status: f.status, contentType: 'application/json', body: f.body.toString() })
}

describe('computeBaselines', () => {
  it('is the median of the real samples; NaN and ±Inf left out', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100, NaN, Infinity, -Infinity]
    expect(computeBaselines([{ labels: API, values }], 0).get(seriesKey(API))).toEqual({ median: 5.5 })
    expect(computeBaselines([{ labels: API, values: [...values, 50] }], 0).get(seriesKey(API))).toEqual({
      median: 6,
    })
  })

  it('needs at least 10 real samples', () => {
    const nine = [1, 1, 1, 1, 1, 1, 1, 1, 1, NaN, NaN]
    expect(computeBaselines([{ labels: API, values: nine }], 0.98).size).toBe(0)
    expect(computeBaselines([{ labels: API, values: [...nine, 1] }], 0.98).size).toBe(1)
  })

  it('a recorded Prometheus range answer with 9 samples per series gives no baseline', () => {
    const range = fixtureRange('query-range-builtin-vram')
    expect(range.length).toBeGreaterThan(0)
    expect(range[0]!.values).toHaveLength(9)
    expect(computeBaselines(range, 0.98).size).toBe(0)
    expect(fixtureRange('query-range-empty')).toEqual([])
  })

  it('a rejected range query is a PrometheusError', () => {
    expect(() => fixtureRange('query-range-error-bad-step-400')).toThrow(PrometheusError)
  })

  it('matches series by their full label set, in any label order', () => {
    expect(seriesKey({ a: '1', b: '2' })).toBe(seriesKey({ b: '2', a: '1' }))
    expect(seriesKey({ a: '1' })).not.toBe(seriesKey({ a: '1', b: '' }))
    // A NUL inside a value cannot make two different label sets share a key.
    expect(seriesKey({ a: '1\u0000b\u00002' })).not.toBe(seriesKey({ a: '1', b: '2' }))
  })
})

describe('baselineStepMs: max(interval, window / 250), at least 1s', () => {
  it.each([
    [10_000, 30 * 60_000, 10_000],
    [1_000, 30 * 60_000, 7_200],
    [15_000, 24 * 3_600_000, 345_600],
    [0, 60_000, 1_000],
  ])('interval %d, window %d → %d', (interval, window, step) => {
    expect(baselineStepMs(interval, window)).toBe(step)
  })
})

describe('the breach rule', () => {
  it.each<[string, number, number, Partial<BaselineSpec>, string]>([
    ['doubled latency, max-increase 100%', 0.84, 0.31, { maxIncrease: 1 }, 'breach'],
    ['exactly at baseline × 2 passes', 0.62, 0.31, { maxIncrease: 1 }, 'pass'],
    ['5xx 0.2% → 3%, min-delta 0.01', 0.03, 0.002, { maxIncrease: 1, minDelta: 0.01 }, 'breach'],
    [
      '5xx 0.2% → 0.8%: ×4 but under min-delta 0.01',
      0.008,
      0.002,
      { maxIncrease: 1, minDelta: 0.01 },
      'pass',
    ],
    ['traffic -60%, max-decrease 50%', 40, 100, { maxDecrease: 0.5 }, 'breach'],
    ['traffic -40% passes max-decrease 50%', 60, 100, { maxDecrease: 0.5 }, 'pass'],
    ['traffic -60% of a tiny service, under min-delta', 0.4, 1, { maxDecrease: 0.5, minDelta: 1 }, 'pass'],
    ['an increase never breaches max-decrease', 300, 100, { maxDecrease: 0.5 }, 'pass'],
    ['a decrease never breaches max-increase', 1, 100, { maxIncrease: 0.5 }, 'pass'],
    ['from a baseline of 0', 0.5, 0, { maxIncrease: 1 }, 'breach'],
  ])('%s', (_name, value, baseline, r, outcome) => {
    const m = measureWithBaseline(one(value), {}, rule(r), base(API, baseline), AT)
    expect(m.outcome).toBe(outcome)
    expect(m.compared).toEqual([{ labels: API, value, baseline }])
  })

  it('names the series, its baseline and the change in the reason', () => {
    const m = measureWithBaseline(one(0.84), { max: 2 }, rule({ maxIncrease: 1 }), base(API, 0.31), AT)
    expect(m.outcome).toBe('breach')
    expect(m.value).toBe(0.84)
    expect(m.series).toEqual([{ labels: API, value: 0.84, baseline: 0.31 }])
    expect(m.reason).toBe('0.84 (+171 % vs 0.31 before the deploy), beyond +100 % on instance="api-1:8080"')
  })

  it('absolute bounds still apply, and the reason adds the baseline', () => {
    const m = measureWithBaseline(one(2.5), { max: 2 }, rule({ maxIncrease: 5 }), base(API, 1), AT)
    expect(m.outcome).toBe('breach')
    expect(m.reason).toBe('2.5 > 2 on instance="api-1:8080" (+150 % vs 1 before the deploy)')
  })

  it('a series without a baseline is held to the absolute bounds only and named', () => {
    const fresh = { job: 'api', instance: 'api-2:8080' }
    const series = [...one(0.3), { labels: fresh, value: 1.9 }]
    const m = measureWithBaseline(series, { max: 2 }, rule({ maxIncrease: 1 }), base(API, 0.3), AT)
    expect(m.outcome).toBe('pass')
    expect(m.reason).toBe('1 series has no baseline (absolute bounds only)')
    expect(m.compared).toContainEqual({ labels: fresh, value: 1.9 })
    const over = measureWithBaseline(
      [...one(0.3), { labels: fresh, value: 2.1 }],
      { max: 2 },
      rule({ maxIncrease: 1 }),
      base(API, 0.3),
      AT,
    )
    expect(over.outcome).toBe('breach')
  })

  it('no absolute bound and no series with a baseline: an error, never a pass', () => {
    const m = measureWithBaseline(one(5), {}, rule({ maxIncrease: 1 }), new Map(), AT)
    expect(m).toMatchObject({ outcome: 'error', reason: 'no baseline in the 30m before the deploy' })
  })

  it('no data stays no data', () => {
    expect(measureWithBaseline([], {}, rule({ maxIncrease: 1 }), base(API, 1), AT).outcome).toBe('no-data')
  })

  it('lists the worst series first', () => {
    const b = new Map([
      [seriesKey({ i: '1' }), { median: 1 }],
      [seriesKey({ i: '2' }), { median: 1 }],
    ])
    const series = [
      { labels: { i: '1' }, value: 2.5 },
      { labels: { i: '2' }, value: 4 },
    ]
    const m = measureWithBaseline(series, {}, rule({ maxIncrease: 1 }), b, AT)
    expect(m.series?.map((s) => s.labels.i)).toEqual(['2', '1'])
    expect(m.reason).toContain('(+1 more)')
  })
})

describe('evidence text', () => {
  it.each([
    [0.84, 0.31, '+171 %'],
    [40, 100, '-60 %'],
    [100.4, 100, '+0.4 %'],
    [0, 0, '+0 %'],
    [1, 0, 'new'],
  ])('%d vs %d → %s', (v, b, text) => expect(changeText(v, b)).toBe(text))

  it('reads as the issue writes it', () => {
    expect(valueWithBaseline(0.84, 0.31)).toBe('0.84 (+171 % vs 0.31 before the deploy)')
    expect(valueWithBaseline(0.84, 0.31, '', [0.22, 0.41])).toBe(
      '0.84 (+171 % vs 0.31 before the deploy; normal 0.22–0.41)',
    )
    expect(valueWithBaseline(91, 62, '%', [55, 70])).toBe(
      '91% (+47 % vs 62% before the deploy; normal 55%–70%)',
    )
    expect(valueWithBaseline(0.84, undefined)).toBe('0.84 (no baseline)')
  })
})

describe('the normal band (SPEC §2)', () => {
  const ramp = Array.from({ length: 101 }, (_, i) => i) // 0 … 100: the p-quantile is 100·p

  it.each<[number, number, readonly [number, number]]>([
    [0.98, 1, [1, 99]],
    [0.9, 1, [5, 95]],
    [1, 1, [0, 100]],
    [0.5, 1, [25, 75]],
  ])('band %d of single samples holds the central share: %j', (share, k, band) => {
    expect(normalBand(ramp, share, k)).toEqual(band)
  })

  it('of k-sample medians: a spike the series showed once widens the single-sample band, not the 3-median band', () => {
    const flat = Array.from({ length: 120 }, (_, i) => 10 + (i % 2)) // 10, 11, 10, 11 …
    const spiky = flat.map((v, i) => (i % 20 === 0 ? 40 : v)) // one spike in every 20 samples
    expect(normalBand(spiky, 0.98, 1)[1]).toBe(40)
    expect(normalBand(spiky, 0.98, 3)[1]).toBe(11)
    expect(rollingMedians([1, 9, 2, 8, 3], 3)).toEqual([2, 8, 3])
    expect(rollingMedians([1, 9], 1)).toEqual([1, 9])
  })

  it('is computed per series from its real samples, with the median; band 0% has none', () => {
    const values = [...ramp.slice(0, 50), NaN, Infinity, ...ramp.slice(50)]
    expect(computeBaselines([{ labels: API, values }], 0.98).get(seriesKey(API))).toEqual({
      median: 50,
      band: [1, 99],
    })
    expect(computeBaselines([{ labels: API, values }], 0).get(seriesKey(API))).toEqual({ median: 50 })
  })

  it('interpolates between ranks (R type 7) and takes ends exactly', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5)
    expect(quantile([1, 2, 3, 4], 0)).toBe(1)
    expect(quantile([1, 2, 3, 4], 1)).toBe(4)
    expect(quantile([7], 0.99)).toBe(7)
  })

  // b = 100, band [60, 180]: a breach needs the change AND to leave the band (SPEC §2).
  it.each<[string, number, Partial<BaselineSpec>, string]>([
    ['+60 % inside the band passes max-increase 50%', 160, { maxIncrease: 0.5 }, 'pass'],
    ['at the band’s top passes', 180, { maxIncrease: 0.5 }, 'pass'],
    ['above the band and +50 % breaches', 181, { maxIncrease: 0.5 }, 'breach'],
    ['above the band but not +100 % passes', 190, { maxIncrease: 1 }, 'pass'],
    ['above the band and +100 % breaches', 201, { maxIncrease: 1 }, 'breach'],
    ['-45 % inside the band passes max-decrease 40%', 61, { maxDecrease: 0.4 }, 'pass'],
    ['below the band and -40 % breaches', 59, { maxDecrease: 0.4 }, 'breach'],
    ['below the band but not -50 % passes', 55, { maxDecrease: 0.5 }, 'pass'],
    ['below the band, -50 %, under min-delta 60 passes', 45, { maxDecrease: 0.5, minDelta: 60 }, 'pass'],
    ['NaN is left out (no data)', NaN, { maxIncrease: 0.5 }, 'no-data'],
    ['+Inf is left out (no data)', Infinity, { maxIncrease: 0.5 }, 'no-data'],
  ])('%s', (_name, value, r, outcome) => {
    const m = measureWithBaseline(one(value), {}, rule(r), base(API, 100, [60, 180]), AT)
    expect(m.outcome).toBe(outcome)
  })

  it('the reason gives the band and says the series left it', () => {
    const m = measureWithBaseline(one(0.84), {}, rule({ maxIncrease: 1 }), base(API, 0.31, [0.22, 0.41]), AT)
    expect(m.reason).toBe(
      '0.84 (+171 % vs 0.31 before the deploy; normal 0.22–0.41), beyond the normal band and +100 % on instance="api-1:8080"',
    )
    expect(m.series).toEqual([{ labels: API, value: 0.84, baseline: 0.31, band: [0.22, 0.41] }])
  })

  it('baselineLimits: the larger of the band and the change', () => {
    expect(
      baselineLimits({ median: 100, band: [60, 180] }, rule({ maxIncrease: 0.5, maxDecrease: 0.5 })),
    ).toEqual({ upper: 180, lower: 50 })
    expect(baselineLimits({ median: 100 }, rule({ maxIncrease: 0.5 }))).toEqual({ upper: 150 })
  })
})
