/**
 * schema/report.schema.json (SPEC §7): generated from the report types, up to date, a valid 2020-12 schema, and true
 * of reports the builders make in-process. The e2e runs check every report dist writes (testkit/runner.ts).
 */
import { readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import { renderReportSchema, REPORT_SCHEMA_PATH, toDraft2020 } from '../../scripts/gen-report-schema.ts'
import { buildGateReport, type GateReportContext } from '../../src/gate/report.ts'
import type { GateResult } from '../../src/model/gate-result.ts'
import { renderReportJson } from '../../src/report/json.ts'
import { buildRollbackReport } from '../../src/rollback/report.ts'
import { runValidateMode } from '../../src/validate/mode.ts'
import { checkReport } from '../../testkit/runner.ts'
import { testModeDeps } from '../../testkit/mode-deps.ts'
import { resolveTestSettings } from '../../testkit/settings.ts'
import { at, failedVramResult, inconclusiveResult, outcome, stableResult, vramSpec } from './fixtures.ts'

const schema = JSON.parse(readFileSync(REPORT_SCHEMA_PATH, 'utf8'))
const ajv = new Ajv2020({ allErrors: true, strict: true })
addFormatsModule.default(ajv)
const validate = ajv.compile(schema)

/** The report as a consumer reads it: through the file's JSON. */
function asWritten(report: unknown): unknown {
  return JSON.parse(renderReportJson(report))
}

function expectValid(report: unknown): void {
  const ok = validate(report)
  expect(validate.errors ?? [], ajv.errorsText(validate.errors)).toEqual([])
  expect(ok).toBe(true)
}

const ctx: GateReportContext = {
  environment: 'production',
  sha: '3f9c2a1b7d4e5f60718293a4b5c6d7e8f9012345',
  run: { id: 1234, attempt: 2, url: 'https://github.com/acme/shop/actions/runs/1234/attempts/2' },
  config: { policy: { durationMs: 60_000, intervalMs: 10_000 } },
  secrets: [],
}

describe('schema/report.schema.json', () => {
  it('is up to date with the report types', { timeout: 60_000 }, () => {
    const committed = readFileSync(REPORT_SCHEMA_PATH, 'utf8')
    expect(committed, 'schema/report.schema.json is stale: run `npm run schema`').toBe(renderReportSchema())
  })

  it('is a JSON Schema 2020-12 beside the config schema, closed, with consumers told to ignore unknown keys', () => {
    expect(new Ajv2020({ strict: false }).validateSchema(schema)).toBe(true)
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    const configId: string = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../schema/deploy-gate.schema.json'), 'utf8'),
    ).$id
    expect(schema.$id).toBe(configId.replace('deploy-gate.schema.json', 'report.schema.json'))
    expect(schema.description).toContain('must ignore keys it does not know')
    expect(schema.$defs.GateReport.additionalProperties).toBe(false)
    expect(JSON.stringify(schema)).not.toMatch(/"definitions"|#\/definitions\//)
  })
})

describe('toDraft2020', () => {
  it('moves definitions to $defs and tuples to prefixItems, and refuses what it cannot move', () => {
    expect(
      toDraft2020({
        definitions: {
          Pair: { type: 'array', items: [{ type: 'number' }, { type: 'string' }], additionalItems: false },
        },
        properties: { p: { $ref: '#/definitions/Pair' }, list: { type: 'array', items: { type: 'number' } } },
      }),
    ).toEqual({
      $defs: { Pair: { type: 'array', prefixItems: [{ type: 'number' }, { type: 'string' }], items: false } },
      properties: { p: { $ref: '#/$defs/Pair' }, list: { type: 'array', items: { type: 'number' } } },
    })
    expect(() => toDraft2020({ dependencies: { a: ['b'] } })).toThrow(/dependencies/)
  })
})

describe('reports built in-process match it', () => {
  it.each([
    ['failed', failedVramResult],
    ['stable', stableResult],
    ['inconclusive', inconclusiveResult],
  ])('a %s gate report', (_name, result) => {
    expectValid(asWritten(buildGateReport(result(), ctx)))
  })

  it('a gate report with NaN and ±Inf values (spelled as Prometheus spells them)', () => {
    const result: GateResult = {
      ...stableResult(),
      checks: [
        outcome(vramSpec(), 'inconclusive', [
          { at: at(0), outcome: 'pass', value: NaN, series: [{ labels: { gpu: '0' }, value: NaN }] },
          { at: at(1), outcome: 'breach', value: Infinity, series: [{ labels: {}, value: Infinity }] },
          { at: at(2), outcome: 'error', reason: 'timeout' },
        ]),
      ],
    }
    expectValid(asWritten(buildGateReport(result, ctx)))
  })

  it('a rollback report that had no plan', () => {
    const report = buildRollbackReport(
      { verdict: 'failed', error: 'GET deployments: 403', failure: 'could not read the deployments' },
      { environment: 'production', run: ctx.run, startedAt: at(0), finishedAt: at(1), secrets: [] },
    )
    expectValid(asWritten(report))
  })

  it('a validate report (built as an untyped record: the schema describes it)', async () => {
    const config = [
      'version: 1',
      'prometheus:',
      '  url: http://prometheus.internal:9090',
      'metrics:',
      '  - name: broken',
      '    query: rate(http_requests_total[5m]',
      '    max: 1',
      '',
    ].join('\n')
    const { settings, problems } = resolveTestSettings({ mode: 'validate' }, config)
    if (settings?.mode !== 'validate') throw new Error('not validate settings')
    const deps = testModeDeps({
      env: { GITHUB_REPOSITORY: 'owner/repo', GITHUB_SHA: 'b'.repeat(40), RUNNER_TEMP: '/tmp/validate-mode' },
      prometheus: () =>
        Promise.resolve({
          query: () => Promise.reject(new Error('unreachable')),
          queryRange: () => Promise.resolve([]),
          alerts: () => Promise.resolve([]),
          metricNames: () => Promise.resolve([]),
          labelNames: () => Promise.resolve([]),
          close: () => Promise.resolve(),
        }),
    })
    const out = await runValidateMode(settings, problems, deps)
    const report = JSON.parse(out.evidence!.reportJson)
    expect(report.mode).toBe('validate')
    expectValid(report)
  })
})

describe('it rejects what the types do not allow', () => {
  const gate = asWritten(buildGateReport(failedVramResult(), ctx)) as Record<string, unknown>
  const check = (gate['checks'] as Record<string, unknown>[])[0]!

  it.each<[string, unknown]>([
    ['an unknown mode', { ...gate, mode: 'deploy' }],
    ['no mode', { ...gate, mode: undefined }],
    ['a key the types do not declare', { ...gate, extra: true }],
    ['version 2', { ...gate, version: 2 }],
    [
      'a check with both target and query',
      { ...gate, checks: [{ ...check, target: 'https://x', query: 'up' }] },
    ],
    [
      'a value spelled as JavaScript spells it',
      {
        ...gate,
        checks: [{ ...check, samples: [{ at: at(0), outcome: 'pass', value: 'Infinity', series: [] }] }],
      },
    ],
    ['a gate report with a rollback plan', { ...gate, plan: null }],
  ])('%s', (_name, report) => {
    expect(validate(JSON.parse(JSON.stringify(report)))).toBe(false)
  })
})

describe("the runner's check (testkit/runner.ts)", () => {
  it('gives the errors of a report that does not match, nothing for a run without a report', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'report-schema-'))
    try {
      await writeFile(join(dir, 'good.json'), renderReportJson(buildGateReport(stableResult(), ctx)))
      await writeFile(join(dir, 'bad.json'), JSON.stringify({ ...gateOf(), verdict: 'green' }))
      expect(await checkReport('good.json', dir)).toEqual({ path: join(dir, 'good.json'), errors: [] })
      const bad = await checkReport(join(dir, 'bad.json'), '/')
      expect(bad?.errors.join('\n')).toMatch(/\/verdict must be equal to one of the allowed values/)
      expect(await checkReport(undefined, dir)).toBeUndefined()
      expect(await checkReport('missing.json', dir)).toBeUndefined()
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

function gateOf(): Record<string, unknown> {
  return asWritten(buildGateReport(stableResult(), ctx)) as Record<string, unknown>
}
