/** SPEC §2's no-data explanation: which `up` query explains a check, and what its answer means. */
import { describe, expect, it } from 'vitest'
import type { MetricCheckSpec } from '../../src/model/check-spec.ts'
import type { Measurement, SeriesValue } from '../../src/model/gate-result.ts'
import { builtinQuery } from '../../src/model/builtins.ts'
import type { PrometheusClient } from '../../src/prometheus/client.ts'
import { PrometheusError } from '../../src/prometheus/errors.ts'
import { explainNoData, upQueryOf, withNoDataReason } from '../../src/prometheus/no-data.ts'
import { upOnOwnMatchers, vectorSelectors } from '../../src/prometheus/vector-selectors.ts'

const LIMITS = {
  maxConsecutiveFailures: 2,
  maxFailures: 3,
  maxConsecutiveErrors: 4,
  onNoData: 'fail',
} as const

function spec(over: Partial<MetricCheckSpec>): MetricCheckSpec {
  return { kind: 'metric', name: 'm', query: 'x', enforce: true, limits: LIMITS, ...over }
}

const up = (instance: string, value: number): SeriesValue => ({
  labels: { __name__: 'up', instance, job: 'node' },
  value,
})

describe('vectorSelectors', () => {
  it.each<[string, string | undefined]>([
    ['node_uname_info{job="node"}', 'up{job="node"}'],
    [
      'sum(rate(http_server_requests_seconds_count{job="api",status=~"5.."}[1m]))',
      'up{job="api",status=~"5.."}',
    ],
    ['histogram_quantile(0.95, sum by (le) (rate(http_bucket{job="api"}[5m])))', 'up{job="api"}'],
    ['my_metric', 'up'],
    ['{__name__="my_metric", job=\'a,b\'}', "up{job='a,b'}"],
    ['max without (gpu) (DCGM_FI_DEV_GPU_TEMP{instance="x"}) offset 5m > bool 80', 'up{instance="x"}'],
    ['label_replace(m{a="1"}, "dst", "$1", "src", "(.*)")', 'up{a="1"}'],
    ['sum(rate(a{job="x"}[1m])) / sum(rate(b{job="x"}[1m]))', undefined],
    ['a / on(instance) group_left(nodename) node_uname_info', undefined],
    ['vector(1)', undefined],
    ['m{a="unterminated}', undefined],
  ])('%s → %s', (query, expected) => {
    expect(upOnOwnMatchers(query)).toBe(expected)
  })

  it('finds every selector with its name', () => {
    expect(vectorSelectors('a{x="1"} + on(y) b # c{z="2"}\n')).toEqual([
      { name: 'a', matchers: ['x="1"'] },
      { name: 'b', matchers: [] },
    ])
  })
})

describe('upQueryOf', () => {
  it('is up{SEL} for a built-in, with the selector exactly as the built-in query has it', () => {
    const sel = 'job="node",instance=~"web-1:9100|ai-1:9100"'
    expect(upQueryOf(spec({ builtin: 'memory', selector: sel, query: builtinQuery('memory', sel) }))).toBe(
      `up{${sel}}`,
    )
    expect(upQueryOf(spec({ builtin: 'cpu', selector: '', query: builtinQuery('cpu', '') }))).toBe('up')
  })

  it("is up on a query check's own matchers when it has one selector, else none", () => {
    expect(upQueryOf(spec({ query: 'sum(rate(x_total{job="api"}[1m]))' }))).toBe('up{job="api"}')
    expect(upQueryOf(spec({ query: 'a{job="x"} / b{job="x"}' }))).toBeUndefined()
  })
})

describe('explainNoData', () => {
  it.each<[string, SeriesValue[], string]>([
    ['no target', [], 'no target matches the selector (up{job="node"} is empty)'],
    ['the target is down', [up('h:9100', 0)], 'the target is down (up 0 on instance="h:9100",job="node")'],
    [
      'every target down',
      [up('a:9100', 0), up('b:9100', 0)],
      'all 2 targets are down (up 0 on instance="a:9100",job="node" (+1 more))',
    ],
    [
      'up but not exported',
      [up('h:9100', 1)],
      'the target is up but does not export the metric (up 1 on instance="h:9100",job="node")',
    ],
    [
      'one of two down',
      [up('a:9100', 1), up('b:9100', 0)],
      '1 of 2 targets down (up 0 on instance="b:9100",job="node"); the target is up but does not export the metric (up 1 on instance="a:9100",job="node")',
    ],
  ])('%s', (_name, series, reason) => {
    const text = explainNoData('up{job="node"}', series)
    expect(text).toBe(reason)
    expect(text).not.toMatch(/breach/i)
  })
})

describe('withNoDataReason', () => {
  const AT = '2026-12-01T00:00:00.000Z'
  const empty: Measurement = { at: AT, outcome: 'no-data', reason: 'no series matched' }
  const memory = spec({
    builtin: 'memory',
    selector: 'job="node"',
    query: builtinQuery('memory', 'job="node"'),
  })
  const client = (answer: () => SeriesValue[]): PrometheusClient & { asked: string[] } => {
    const asked: string[] = []
    return {
      asked,
      query(q) {
        asked.push(q)
        return new Promise((resolve) => resolve({ resultType: 'vector', series: answer(), warnings: [] }))
      },
    }
  }

  it('asks up{SEL} once and says the target is down', async () => {
    const c = client(() => [up('h:9100', 0)])
    const m = await withNoDataReason(empty, [], memory, c, new AbortController().signal)
    expect(c.asked).toEqual(['up{job="node"}'])
    expect(m).toEqual({
      ...empty,
      reason: 'no series matched: the target is down (up 0 on instance="h:9100",job="node")',
    })
  })

  it('leaves other measurements, NaN-only results and failed up queries as they are, without asking twice', async () => {
    const c = client(() => {
      throw new PrometheusError('Prometheus unreachable: ECONNREFUSED', { kind: 'network' })
    })
    const signal = new AbortController().signal
    const pass: Measurement = { at: AT, outcome: 'pass', value: 1, series: [] }
    expect(await withNoDataReason(pass, [up('h', 1)], memory, c, signal)).toBe(pass)
    const nan: Measurement = { at: AT, outcome: 'no-data', reason: 'the only series is NaN' }
    expect(await withNoDataReason(nan, [{ labels: {}, value: Number.NaN }], memory, c, signal)).toBe(nan)
    expect(c.asked).toEqual([])
    expect(await withNoDataReason(empty, [], memory, c, signal)).toBe(empty)
    expect(c.asked).toEqual(['up{job="node"}'])
  })
})
