/**
 * Validate mode in-process (issue 13): runValidateMode with a Prometheus client handed in through deps, and its
 * outcome — annotations on the config file's lines, outputs, the report, the check run, the failure — as publish
 * receives it.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import type { ModeDeps } from '../../src/deps.ts'
import type { HttpPrometheusClient } from '../../src/prometheus/client.ts'
import { PrometheusError } from '../../src/prometheus/errors.ts'
import type { QueryResult } from '../../src/prometheus/response.ts'
import { runValidateMode } from '../../src/validate/mode.ts'
import { testModeDeps } from '../../testkit/mode-deps.ts'
import { resolveTestSettings, TEST_CONFIG_PATH } from '../../testkit/settings.ts'

const CONFIG = [
  'version: 1',
  'prometheus:',
  '  url: http://prometheus.internal:9090',
  'metrics:',
  '  - name: web-cpu',
  '    builtin: cpu',
  `    selector: 'job="node"'`,
  '  - name: broken',
  '    query: rate(http_requests_total[5m]',
  '    max: 1',
  '',
].join('\n')

/** A Prometheus that answers with one series, and rejects a query with unbalanced parentheses as Prometheus does. */
function stubPrometheus(asked: string[]): HttpPrometheusClient {
  return {
    query: (promql) => {
      asked.push(promql)
      if (promql.split('(').length !== promql.split(')').length) {
        return Promise.reject(
          new PrometheusError('bad_data: parse error: unclosed left parenthesis', {
            kind: 'api',
            status: 400,
            errorType: 'bad_data',
          }),
        )
      }
      const answer: QueryResult = {
        resultType: 'vector',
        series: [{ labels: { instance: 'web:9100' }, value: 12 }],
        warnings: [],
      }
      return Promise.resolve(answer)
    },
    queryRange: () => Promise.resolve([]),
    alerts: () => Promise.resolve([]),
    metricNames: () => Promise.resolve([]),
    labelNames: () => Promise.resolve([]),
    close: () => Promise.resolve(),
  }
}

let asked: string[]
let deps: ModeDeps
beforeEach(() => {
  asked = []
  deps = testModeDeps({
    env: { GITHUB_REPOSITORY: 'owner/repo', GITHUB_SHA: 'b'.repeat(40), RUNNER_TEMP: '/tmp/validate-mode' },
    prometheus: () => Promise.resolve(stubPrometheus(asked)),
  })
})

function settingsFor(config: string, inputs: Record<string, string> = {}) {
  const { settings, problems } = resolveTestSettings({ mode: 'validate', ...inputs }, config)
  if (settings?.mode !== 'validate') throw new Error('not validate settings')
  return { settings, problems }
}

describe('runValidateMode', () => {
  it('a query Prometheus rejects: invalid, an error on its config line, the step fails naming it', async () => {
    const { settings, problems } = settingsFor(CONFIG, { 'check-name': 'deploy-gate config' })
    const outcome = await runValidateMode(settings, problems, deps)

    expect(asked).toHaveLength(2)
    expect(outcome.outputs).toEqual({ verdict: 'invalid', 'failed-checks': 'broken' })
    const errors = outcome.annotations.filter((a) => a.level === 'error')
    expect(errors).toEqual([
      expect.objectContaining({ file: TEST_CONFIG_PATH, startLine: 9, title: 'deploy-gate config: broken' }),
    ])
    expect(errors[0]!.message).toContain('unclosed left parenthesis')
    expect(outcome.checkRun).toMatchObject({ name: 'deploy-gate config', conclusion: 'failure' })
    expect(outcome.checkRun?.annotations).toEqual([
      expect.objectContaining({ path: TEST_CONFIG_PATH, start_line: 9, annotation_level: 'failure' }),
    ])
    expect(outcome.failure).toBe('deploy-gate config is invalid: 1 problem (broken)')
    expect(JSON.parse(outcome.evidence!.reportJson)).toMatchObject({ mode: 'validate', verdict: 'invalid' })
  })

  it('config problems are reported with the valid queries still run', async () => {
    const { settings, problems } = settingsFor(CONFIG.replace('    max: 1\n', '    max: lots\n'))
    expect(problems.length).toBeGreaterThan(0)
    const outcome = await runValidateMode(settings, problems, deps)
    expect(outcome.outputs['verdict']).toBe('invalid')
    expect(asked.some((q) => q.includes('node_cpu_seconds_total'))).toBe(true)
    expect(outcome.failure).toMatch(/^deploy-gate config is invalid: \d+ problems? /)
    // Without check-name there is no check run, and the output says so.
    expect(outcome.checkRun).toBeUndefined()
    expect(outcome.outputs['check-run-id']).toBe('')
  })

  it('a good config: valid, no failure, no error annotation', async () => {
    const good = CONFIG.replace('rate(http_requests_total[5m]', 'rate(http_requests_total[5m])')
    const { settings, problems } = settingsFor(good)
    const outcome = await runValidateMode(settings, problems, deps)
    expect(outcome.outputs['verdict']).toBe('valid')
    expect(outcome.annotations.filter((a) => a.level === 'error')).toEqual([])
    expect(outcome.failure).toBeUndefined()
  })
})

describe('runValidateMode: services (SPEC §2 "Service checks")', () => {
  const SERVICES = [
    'version: 1',
    'prometheus:',
    '  url: http://prometheus.internal:9090',
    'services:',
    '  - name: api',
    `    selector: 'job="api"'`,
    '  - name: shop',
    `    selector: 'job="shop"'`,
    '',
  ].join('\n')

  it('shows each service’s convention and names; a problem on the line of one nothing is recognised under', async () => {
    const stub = stubPrometheus(asked)
    const names: Record<string, string[]> = {
      '{job="api"}': ['http_server_requests_seconds_count', 'http_server_requests_seconds_bucket'],
      '{job="shop"}': ['shop_orders_total', 'process_cpu_seconds_total'],
    }
    const d = testModeDeps({
      env: { GITHUB_REPOSITORY: 'owner/repo', GITHUB_SHA: 'b'.repeat(40), RUNNER_TEMP: '/tmp/validate-mode' },
      prometheus: () =>
        Promise.resolve({ ...stub, metricNames: (m: string) => Promise.resolve(names[m] ?? []) }),
    })
    const { settings, problems } = settingsFor(SERVICES)
    const outcome = await runValidateMode(settings, problems, d)
    expect(outcome.outputs).toMatchObject({ verdict: 'invalid', 'failed-checks': 'shop' })
    expect(outcome.annotations).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: 'services.shop: no known HTTP metrics under job="shop": found shop_orders_total',
        file: TEST_CONFIG_PATH,
        startLine: 7,
      }),
    )
    // The recognised service's three queries were run; the unknown one's none.
    expect(asked.filter((q) => q.includes('http_server_requests_seconds'))).toHaveLength(3)
    expect(asked.some((q) => q.includes('shop'))).toBe(false)
    expect(outcome.evidence!.summary).toContain('#### Services')
    expect(outcome.evidence!.summary).toContain('Spring Boot / Micrometer')
    const report = JSON.parse(outcome.evidence!.reportJson) as {
      services: { service: string; convention?: string }[]
    }
    expect(report.services.map((s) => [s.service, s.convention])).toEqual([
      ['api', 'spring-micrometer'],
      ['shop', undefined],
    ])
  })
})
