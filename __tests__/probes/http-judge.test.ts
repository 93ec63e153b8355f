import { describe, expect, it } from 'vitest'
import { judgeResponse, lookupJsonPath } from '../../src/probes/http-judge.ts'
import type { HttpResponseSummary } from '../../src/probes/http-judge.ts'

function response(overrides: Partial<HttpResponseSummary> = {}): HttpResponseSummary {
  return { status: 200, body: '{"status":"UP"}', bodyTruncated: false, latencyMs: 50, ...overrides }
}

describe('judgeResponse', () => {
  it.each([
    [200, undefined, 'pass'],
    [299, undefined, 'pass'],
    [199, undefined, 'breach'],
    [301, undefined, 'breach'],
    [503, [503], 'pass'],
    [200, [204], 'breach'],
  ] as const)('HTTP %i with expectStatus %j: %s', (status, expectStatus, outcome) => {
    expect(judgeResponse({ expectStatus }, response({ status })).outcome).toBe(outcome)
  })

  it('reports a wrong status alone', () => {
    expect(
      judgeResponse({ expectBody: 'nope', maxLatencyMs: 1 }, response({ status: 503, latencyMs: 2350 })),
    ).toEqual({ outcome: 'breach', reason: 'HTTP 503 (expected 2xx)' })
  })

  it('lists every other unmet expectation', () => {
    const judgement = judgeResponse(
      { expectBody: '"db"', expectJson: { path: 'status', equals: 'DOWN' }, maxLatencyMs: 2000 },
      response({ latencyMs: 2350 }),
    )
    expect(judgement).toEqual({
      outcome: 'breach',
      reason:
        'HTTP 200 but body does not contain "\\"db\\""; status is "UP", expected "DOWN"; latency 2350 ms > 2000 ms',
    })
  })

  it.each([
    [2000, 'pass'],
    [2001, 'breach'],
  ] as const)('latency %i ms against max 2000 ms: %s', (latencyMs, outcome) => {
    expect(judgeResponse({ maxLatencyMs: 2000 }, response({ latencyMs })).outcome).toBe(outcome)
  })

  it('mentions truncation only when the body decided the breach', () => {
    const truncated = response({ body: '{"status":', bodyTruncated: true })
    expect(judgeResponse({}, truncated)).toEqual({ outcome: 'pass' })
    expect(judgeResponse({ expectJson: { path: 'status', equals: 'UP' } }, truncated)).toEqual({
      outcome: 'breach',
      reason: 'body is not JSON, cannot read status (body truncated at 1 MiB)',
    })
  })

  it('says so when a JSON check meets an empty body', () => {
    expect(judgeResponse({ expectJson: { path: 'status', equals: 'UP' } }, response({ body: '' }))).toEqual({
      outcome: 'breach',
      reason: 'body is empty, cannot read status',
    })
  })
})

describe('lookupJsonPath', () => {
  const document = { a: { b: [10, { c: null }] }, 'x-y': 1 }

  it.each([
    ['a.b.0', { found: true, value: 10 }],
    ['a.b.1.c', { found: true, value: null }],
    ['x-y', { found: true, value: 1 }],
    ['a.b.2', { found: false }],
    ['a.b.first', { found: false }],
    ['a.missing', { found: false }],
    ['a.b.0.deeper', { found: false }],
    ['a.toString', { found: false }],
  ])('%s', (path, expected) => {
    expect(lookupJsonPath(document, path)).toEqual(expected)
  })
})
