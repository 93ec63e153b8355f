import { describe, expect, it } from 'vitest'
import type { GateResult } from '../../src/model/gate-result.ts'
import { buildGateReport, type GateReportContext } from '../../src/gate/report.ts'
import { jsonNumber, renderReportJson } from '../../src/report/json.ts'
import {
  at,
  failedVramResult,
  httpSpec,
  latencySpec,
  outcome,
  pass,
  stableResult,
  vramSpec,
} from '../report/fixtures.ts'

const ctx: GateReportContext = {
  environment: 'production',
  sha: '3f9c2a1b7d4e5f60718293a4b5c6d7e8f9012345',
  run: { id: 1234, attempt: 2, url: 'https://github.com/acme/shop/actions/runs/1234/attempts/2' },
  config: { policy: { durationMs: 60_000, intervalMs: 10_000 } },
  secrets: [],
}

describe('buildGateReport', () => {
  it('has every key of SPEC §7, in order', () => {
    const report = buildGateReport(failedVramResult(), ctx)
    expect(Object.keys(report)).toEqual([
      'version',
      'mode',
      'verdict',
      'environment',
      'sha',
      'run',
      'startedAt',
      'finishedAt',
      'config',
      'checks',
    ])
    expect(report).toMatchObject({
      version: 1,
      mode: 'gate',
      verdict: 'failed',
      environment: 'production',
      sha: ctx.sha,
      run: { id: 1234, attempt: 2, url: ctx.run.url },
      startedAt: '2025-06-02T09:00:00.000Z',
      finishedAt: '2025-06-02T09:00:35.000Z',
      config: ctx.config,
    })
    const [http, vram] = report.checks
    expect(Object.keys(http!)).toEqual([
      'name',
      'kind',
      'enforce',
      'target',
      'threshold',
      'result',
      'reason',
      'samples',
    ])
    expect(Object.keys(vram!)).toEqual([
      'name',
      'kind',
      'enforce',
      'query',
      'threshold',
      'result',
      'reason',
      'samples',
    ])
    expect(vram).toMatchObject({
      name: 'vram',
      kind: 'vram',
      enforce: true,
      threshold: { min: null, max: 95 },
      result: 'failed',
      reason: '2 breaches in a row (max-consecutive-failures 2): 96.3 > 95 on gpu="0"',
    })
    expect(vram!.samples[3]).toEqual({
      at: at(3),
      outcome: 'breach',
      reason: '96.3 > 95 on gpu="0"',
      value: 96.3,
      series: [
        { labels: { __name__: 'DCGM_FI_DEV_FB_USED', gpu: '0', instance: '10.1.0.7:9400' }, value: 96.3 },
      ],
    })
    expect(vram!.samples[0]).toEqual({ at: at(0), outcome: 'pass', value: 91.2, series: [] })
  })

  it('writes kinds and thresholds for every kind of check', () => {
    const result: GateResult = {
      ...stableResult(),
      checks: [
        outcome(httpSpec({ maxLatencyMs: 2000 }), 'passed', [pass(0, 40)]),
        outcome(latencySpec(), 'passed', [pass(0, 0.4)]),
        outcome(vramSpec({ min: 50 }), 'passed', [pass(0, 91)]),
      ],
    }
    const checks = buildGateReport(result, ctx).checks
    expect(checks.map((c) => [c.kind, c.enforce, c.threshold, c.reason])).toEqual([
      ['http', true, { min: null, max: 2000 }, null],
      ['query', false, { min: null, max: 2 }, null],
      ['vram', true, { min: 50, max: 95 }, null],
    ])
    expect(checks[0]).toMatchObject({ target: 'https://api.example.com/actuator/health' })
    expect(checks[1]).toMatchObject({ query: latencySpec().query })
  })

  it('keeps NaN and ±Inf through JSON as "NaN", "+Inf", "-Inf", and a missing value as null', () => {
    const spec = vramSpec()
    const result: GateResult = {
      ...stableResult(),
      checks: [
        outcome(spec, 'failed', [
          { at: at(0), outcome: 'no-data', value: Number.NaN },
          {
            at: at(1),
            outcome: 'breach',
            value: Infinity,
            series: [{ labels: { gpu: '0' }, value: Infinity }],
          },
          {
            at: at(2),
            outcome: 'pass',
            value: -Infinity,
            series: [{ labels: { gpu: '1' }, value: -Infinity }],
          },
          { at: at(3), outcome: 'error', reason: 'timeout' },
        ]),
      ],
    }
    const json = renderReportJson(buildGateReport(result, ctx))
    const parsed = JSON.parse(json)
    expect(parsed.checks[0].samples.map((s: { value: unknown }) => s.value)).toEqual([
      'NaN',
      '+Inf',
      '-Inf',
      null,
    ])
    expect(parsed.checks[0].samples[1].series[0].value).toBe('+Inf')
    expect(parsed.checks[0].samples[2].series[0].value).toBe('-Inf')
    expect(jsonNumber(1.5)).toBe(1.5)
  })

  it('redacts secrets everywhere: header values, URL userinfo, reasons, config', () => {
    const token = 'tok-9f8e7d6c5b4a'
    const password = 'hunter2-XYZ'
    const spec = httpSpec({
      url: `https://svc:${password}@api.example.com/health`,
      headers: { Authorization: `Bearer ${token}` },
    })
    const result: GateResult = {
      ...stableResult(),
      checks: [
        outcome(
          spec,
          'failed',
          [{ at: at(0), outcome: 'breach', value: 12, reason: `HTTP 401: invalid token ${token}` }],
          `not healthy within 2m: HTTP 401: invalid token ${token}`,
        ),
      ],
    }
    const report = buildGateReport(result, {
      ...ctx,
      secrets: [token, password],
      config: {
        token: 'ghs_unlisted',
        prometheus: {
          url: `https://grafana:${password}@prom.example.com`,
          bearerToken: token,
          headers: { 'X-Scope-OrgID': 'team-a' },
        },
        checks: [spec],
      },
    })
    const json = renderReportJson(report)
    expect(json).not.toContain(token)
    expect(json).not.toContain(password)
    expect(json).not.toContain('ghs_unlisted')
    expect(json).not.toContain('team-a')
    const parsed = JSON.parse(json)
    expect(parsed.checks[0].target).toBe('https://***@api.example.com/health')
    expect(parsed.checks[0].reason).toBe('not healthy within 2m: HTTP 401: invalid token ***')
    expect(parsed.config.prometheus).toEqual({
      url: 'https://***@prom.example.com',
      bearerToken: '***',
      headers: { 'X-Scope-OrgID': '***' },
    })
    expect(parsed.config.checks[0].headers).toEqual({ Authorization: '***' })
  })
})

describe('renderReportJson', () => {
  it('is pretty JSON with two spaces and a trailing newline', () => {
    const json = renderReportJson({ a: [1], b: Number.NaN })
    expect(json).toBe('{\n  "a": [\n    1\n  ],\n  "b": "NaN"\n}\n')
  })
})
