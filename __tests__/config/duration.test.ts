import { describe, expect, it } from 'vitest'
import { DURATION_PATTERN, formatConfigDuration, parseDuration } from '../../src/config/duration.ts'

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['10s', 10_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['0s', 0],
    ['0ms', 0],
    ['2m30s', 150_000],
    ['1s500ms', 1_500],
    ['1h2m3s4ms', 3_723_004],
    ['90s', 90_000],
    [' 10s ', 10_000],
    ['1d', 86_400_000],
    ['7d', 604_800_000],
    ['1d12h', 129_600_000],
  ])('%j is %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms)
  })

  it.each([
    '5',
    '-1s',
    '1y',
    '1w',
    '1h1d',
    '1.5s',
    '1h1h',
    '5s1m',
    '30m1h',
    '10ms5s',
    '',
    ' ',
    'ms',
    's',
    '1 s',
    '1S',
    '+1s',
    '1e3ms',
    'PT1M',
    '99999999999999999999h',
  ])('%j is rejected', (text) => {
    expect(parseDuration(text)).toBeUndefined()
  })

  it('the JSON Schema pattern accepts exactly what parseDuration accepts (untrimmed)', () => {
    for (const text of ['500ms', '1h30m', '0s', '5', '1h1h', 'ms', '1.5s']) {
      expect(DURATION_PATTERN.test(text), text).toBe(parseDuration(text) !== undefined)
    }
  })
})

describe('formatConfigDuration', () => {
  it.each([
    [0, '0s'],
    [500, '500ms'],
    [10_000, '10s'],
    [300_000, '5m'],
    [3_600_000, '1h'],
    [5_400_000, '1h30m'],
    [1_500, '1s500ms'],
    [3_723_004, '1h2m3s4ms'],
    [90_000, '1m30s'],
  ])('%i ms is %j', (ms, text) => {
    expect(formatConfigDuration(ms)).toBe(text)
  })

  it.each([0, 1, 999, 1_000, 59_999, 60_000, 61_001, 3_599_999, 3_600_000, 86_400_000, 360_000_000])(
    '%i ms round-trips',
    (ms) => {
      expect(parseDuration(formatConfigDuration(ms))).toBe(ms)
    },
  )

  it.each(['500ms', '10s', '5m', '1h', '1h30m', '0s', '2m30s'])(
    '%j round-trips through milliseconds',
    (text) => {
      expect(formatConfigDuration(parseDuration(text)!)).toBe(text)
    },
  )
})
