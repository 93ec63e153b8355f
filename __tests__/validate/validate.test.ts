/** The validate verdict (src/validate/validate.ts), in-process: config problems, then each query's answer. */
import { describe, expect, it } from 'vitest'
import type { MetricCheckSpec } from '../../src/model/check-spec.ts'
import { validate, type ProbeQuery, type ValidateInput } from '../../src/validate/validate.ts'

function metric(name: string, query = `up{job="${name}"}`): MetricCheckSpec {
  return {
    kind: 'metric',
    name,
    query,
    max: 1,
    enforce: true,
    limits: { maxConsecutiveFailures: 1, maxFailures: 1, maxConsecutiveErrors: 1, onNoData: 'fail' },
    queryLine: 7,
  }
}

type Answer = Awaited<ReturnType<ProbeQuery>>

/** A probe answering each query from `answers`, recording what it was asked. */
function probe(answers: Record<string, Answer>): { query: ProbeQuery; asked: string[] } {
  const asked: string[] = []
  return {
    asked,
    query: (promql) => {
      asked.push(promql)
      const answer = answers[promql]
      if (!answer) throw new Error(`unexpected query ${promql}`)
      return Promise.resolve(answer)
    },
  }
}

function input(over: Partial<ValidateInput>): ValidateInput {
  return {
    problems: [],
    metricChecks: [],
    sourceOf: (check) => ({ path: `checks.${check.name}`, file: 'gate.yml', line: check.queryLine }),
    ...over,
  }
}

describe('validate', () => {
  it('nothing to check and no problem: valid, no findings', async () => {
    expect(await validate(input({}))).toEqual({
      verdict: 'valid',
      findings: [],
      queries: [],
      failedChecks: [],
    })
  })

  it('config problems are errors: invalid, each named by its check or as config', async () => {
    const r = await validate(
      input({
        problems: [
          { path: 'http[0].url', message: 'expected an http:// or https:// URL', check: 'api' },
          { path: 'policy.duration', message: 'expected a duration' },
        ],
      }),
    )
    expect(r.verdict).toBe('invalid')
    expect(r.findings.map((f) => f.severity)).toEqual(['error', 'error'])
    expect(r.failedChecks).toEqual(['api', 'config'])
  })

  it('without Prometheus every query is not checked, and that alone is valid', async () => {
    const r = await validate(input({ metricChecks: [metric('cpu')] }))
    expect(r.verdict).toBe('valid')
    expect(r.queries).toEqual([
      { check: 'cpu', query: 'up{job="cpu"}', result: 'not-checked', message: undefined },
    ])
  })

  it.each<[string, Answer, 'valid' | 'invalid', string, 'error' | 'warning' | undefined, string | undefined]>(
    [
      ['series', { ok: true, seriesCount: 3 }, 'valid', 'ok', undefined, undefined],
      [
        'no series',
        { ok: true, seriesCount: 0 },
        'valid',
        'no-series',
        'warning',
        'matches no series right now (selector or metric names may be wrong, or the exporter is down)',
      ],
      [
        'no series, reason known',
        { ok: true, seriesCount: 0, noDataReason: 'no target of job="cpu" is up' },
        'valid',
        'no-series',
        'warning',
        'matches no series right now: no target of job="cpu" is up',
      ],
      [
        'rejected',
        { ok: false, kind: 'rejected', message: 'bad_data: parse error at char 4' },
        'invalid',
        'rejected',
        'error',
        'Prometheus rejects the query: bad_data: parse error at char 4',
      ],
    ],
  )('one query answered with %s', async (_, answer, verdict, result, severity, message) => {
    const { query } = probe({ 'up{job="cpu"}': answer })
    const r = await validate(input({ metricChecks: [metric('cpu')], query }))
    expect(r.verdict).toBe(verdict)
    expect(r.queries[0]?.result).toBe(result)
    if (severity === undefined) expect(r.findings).toEqual([])
    else
      expect(r.findings).toEqual([
        { path: 'checks.cpu', file: 'gate.yml', line: 7, check: 'cpu', message, severity },
      ])
    expect(r.failedChecks).toEqual(verdict === 'invalid' ? ['cpu'] : [])
  })

  it('Prometheus unavailable: asked once, the rest not checked with the same reason, a warning, still valid', async () => {
    const { query, asked } = probe({
      'up{job="cpu"}': { ok: false, kind: 'unavailable', message: 'connect ECONNREFUSED 127.0.0.1:9090' },
    })
    const r = await validate(input({ metricChecks: [metric('cpu'), metric('vram')], query }))
    expect(asked).toEqual(['up{job="cpu"}'])
    expect(r.verdict).toBe('valid')
    expect(r.queries.map((q) => [q.check, q.result, q.message])).toEqual([
      ['cpu', 'not-checked', 'connect ECONNREFUSED 127.0.0.1:9090'],
      ['vram', 'not-checked', 'connect ECONNREFUSED 127.0.0.1:9090'],
    ])
    expect(r.findings).toEqual([
      {
        path: 'prometheus',
        message: 'queries not checked: connect ECONNREFUSED 127.0.0.1:9090',
        severity: 'warning',
      },
    ])
  })

  it('a rejected query and a config problem: both errors, both checks failed, in order', async () => {
    const { query } = probe({
      'up{job="cpu"}': { ok: true, seriesCount: 1 },
      'rate(x[': { ok: false, kind: 'rejected', message: 'unclosed left bracket' },
    })
    const r = await validate(
      input({
        problems: [{ path: 'http[0].timeout', message: 'expected a duration', check: 'api' }],
        metricChecks: [metric('cpu'), metric('bad', 'rate(x[')],
        query,
      }),
    )
    expect(r.verdict).toBe('invalid')
    expect(r.failedChecks).toEqual(['api', 'bad'])
  })
})
