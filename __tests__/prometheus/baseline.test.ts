/** The baseline rule of SPEC §2 ("Baselines"), pure: medians, the breach rule with min-delta, absolute bounds, gaps. */
import { describe, expect, it } from 'vitest'
import type { BaselineSpec } from '../../src/model/check-spec.ts'
import type { SeriesValue } from '../../src/model/gate-result.ts'
import {
  baselineStepMs,
  changeText,
  computeBaselines,
  measureWithBaseline,
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
  ...r,
})
const base = (labels: Record<string, string>, b: number) => new Map([[seriesKey(labels), b]])
const one = (value: number, labels: Record<string, string> = API): SeriesValue[] => [{ labels, value }]

function fixtureRange(name: string) {
  const f = loadApiFixture(name)
  return decodeRangeAnswer({ status: f.status, contentType: 'application/json', body: f.body.toString() })
}

describe('computeBaselines', () => {
  it('is the median of the real samples; NaN and ±Inf left out', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100, NaN, Infinity, -Infinity]
    expect(computeBaselines([{ labels: API, values }]).get(seriesKey(API))).toBe(5.5)
    expect(computeBaselines([{ labels: API, values: [...values, 50] }]).get(seriesKey(API))).toBe(6)
  })

  it('needs at least 10 real samples', () => {
    const nine = [1, 1, 1, 1, 1, 1, 1, 1, 1, NaN, NaN]
    expect(computeBaselines([{ labels: API, values: nine }]).size).toBe(0)
    expect(computeBaselines([{ labels: API, values: [...nine, 1] }]).size).toBe(1)
  })

  it('a recorded Prometheus range answer with 9 samples per series gives no baseline', () => {
    const range = fixtureRange('query-range-builtin-vram')
    expect(range.length).toBeGreaterThan(0)
    expect(range[0]!.values).toHaveLength(9)
    expect(computeBaselines(range).size).toBe(0)
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
      [seriesKey({ i: '1' }), 1],
      [seriesKey({ i: '2' }), 1],
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
    expect(valueWithBaseline(0.84, undefined)).toBe('0.84 (no baseline)')
  })
})
