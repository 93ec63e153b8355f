/**
 * Validate mode end to end (issue "Foundation … Done when"): dist/index.js run as the GitHub runner runs it, on config
 * files written into the workspace, against a real Prometheus scraping the exporter fixtures verbatim and the
 * OpenAPI-checked GitHub fake.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { builtinQuery } from '../../src/model/builtins.ts'
import type { GitHubFake } from '../../testkit/github-fake.ts'
import { fakeSha, startGitHubFake } from '../../testkit/github-fake.ts'
import { readExporterFixture } from '../../testkit/prometheus-api.ts'
import type { Exporter, PrometheusInstance } from '../../testkit/prometheus.ts'
import { startExporter, startPrometheus, waitForSeries } from '../../testkit/prometheus.ts'
import type { ActionResult, Annotation, RunActionOptions, StepResult } from '../../testkit/runner.ts'
import { cleanupActionRuns, DEFAULT_SHA, runAction } from '../../testkit/runner.ts'
import { freePort } from '../../testkit/local-server.ts'
import { GPU_FIXTURES, NODE_FIXTURE } from './live-exporters.ts'

const RUN_TIMEOUT_MS = 60_000
const TEST_TIMEOUT_MS = 120_000
const CONFIG = '.github/deploy-gate.yml'

interface ValidateReport {
  version: number
  mode: string
  verdict: string
  problems: { path: string; line: number | null; file: string | null; message: string; severity: string }[]
  queries: { check: string; result: string }[]
}

function readReport(r: ActionResult): ValidateReport {
  const path = r.outputs['report-path']
  expect(path, 'report-path output').toBeTruthy()
  return JSON.parse(readFileSync(path!, 'utf8')) as ValidateReport
}

function output(r: StepResult): string {
  return `exit ${r.exitCode}${r.timedOut ? ' (timed out)' : ''}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`
}

function ofLevel(r: StepResult, level: Annotation['level']): Annotation[] {
  return r.annotations.filter((a) => a.level === level)
}

/** The 1-based line of the first line of `yaml` that contains `text`. */
function lineOf(yaml: string, text: string): number {
  const index = yaml.split('\n').findIndex((line) => line.includes(text))
  if (index < 0) throw new Error(`"${text}" is not in the config`)
  return index + 1
}

describe('validate mode through dist/index.js', () => {
  let node: Exporter
  let gpu: Exporter
  let prom: PrometheusInstance
  let fake: GitHubFake
  const workspaces: string[] = []

  beforeAll(async () => {
    node = await startExporter(readExporterFixture(NODE_FIXTURE))
    gpu = await startExporter(GPU_FIXTURES.map((name) => readExporterFixture(name)).join(''))
    prom = await startPrometheus({
      jobs: [
        { job: 'node', targets: [node.target] },
        { job: 'gpu', targets: [gpu.target] },
      ],
      scrapeIntervalMs: 1000,
    })
    await waitForSeries(prom, 'up', (s) => s.length === 2 && s.every((x) => x.value === 1), 60_000)
    // rate() needs two scrapes before the cpu built-in returns a series.
    await waitForSeries(prom, builtinQuery('cpu', 'job="node"'), (s) => s.length === 1, 60_000)
  }, 120_000)

  beforeEach(async () => {
    fake = await startGitHubFake()
  })

  afterEach(async () => {
    await fake.close()
    fake.assertNoViolations()
  })

  afterAll(async () => {
    await prom?.stop()
    await node?.close()
    await gpu?.close()
    await cleanupActionRuns()
    await Promise.all(workspaces.map((dir) => rm(dir, { recursive: true, force: true })))
  })

  /** A fresh workspace holding `yaml` at `.github/deploy-gate.yml`. */
  async function workspaceWith(yaml: string): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'deploy-gate-validate-'))
    workspaces.push(dir)
    await mkdir(dirname(join(dir, CONFIG)), { recursive: true })
    await writeFile(join(dir, CONFIG), yaml)
    return dir
  }

  async function validate(yaml: string, opts: RunActionOptions = {}): Promise<ActionResult> {
    return runAction({
      apiUrl: fake.url,
      ...opts,
      inputs: { mode: 'validate', config: CONFIG, ...opts.inputs },
      cwd: await workspaceWith(yaml),
      timeoutMs: RUN_TIMEOUT_MS,
    })
  }

  function goodConfig(prometheusUrl = prom.url): string {
    return [
      'version: 1',
      'policy:',
      '  duration: 2m',
      '  interval: 10s',
      'prometheus:',
      `  url: ${prometheusUrl}`,
      'http:',
      '  - name: backend',
      '    url: https://api.example.com/actuator/health',
      'metrics:',
      '  - name: web-cpu',
      '    builtin: cpu',
      `    selector: 'job="node"'`,
      '  - name: web-disk',
      '    builtin: disk',
      `    selector: 'job="node"'`,
      '  - name: ai-vram',
      '    builtin: vram',
      `    selector: 'job="gpu"'`,
      '  - name: uname',
      '    query: node_uname_info{job="node"}',
      '    min: 1',
      '',
    ].join('\n')
  }

  it(
    'a good config file → valid, exit 0, every query checked',
    async () => {
      const r = await validate(goodConfig())

      expect(r.exitCode, output(r)).toBe(0)
      expect(r.outputs['verdict']).toBe('valid')
      expect(r.outputs['failed-checks']).toBe('')
      expect(r.outputs['check-run-id']).toBe('')
      expect(ofLevel(r, 'error')).toEqual([])
      expect(ofLevel(r, 'warning')).toEqual([])
      const report = readReport(r)
      expect(report).toMatchObject({ version: 1, mode: 'validate', verdict: 'valid', problems: [] })
      expect(report.queries.map((q) => [q.check, q.result])).toEqual([
        ['web-cpu', 'ok'],
        ['web-disk', 'ok'],
        ['ai-vram', 'ok'],
        ['uname', 'ok'],
      ])
      expect(fake.requests).toEqual([])
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'alerts and baselines: a bad alert selector is a problem on its line; a good one is checked against the alerts API',
    async () => {
      const extra = [
        '  - name: load-vs-before',
        '    query: node_load1{job="node"}',
        '    baseline: { window: 30m, max-increase: 100% }',
        'alerts:',
        '  - name: team-alerts',
        '    selector: severity=critical',
        '',
      ]
      const bad = `${goodConfig()}${extra.join('\n')}`
      const r = await validate(bad)
      expect(r.exitCode, output(r)).toBe(1)
      expect(r.outputs['failed-checks']).toBe('team-alerts')
      expect(
        ofLevel(r, 'error')
          .filter((a) => a.file === CONFIG)
          .map((a) => [a.file, a.line, a.message]),
      ).toEqual([
        [
          CONFIG,
          lineOf(bad, 'selector: severity=critical'),
          'alerts[0].selector: expected a double-quoted value at position 10',
        ],
      ])

      // The alert-selector input adds a check named `alerts`: an error when the file has one of that name too.
      const good = bad.replace('selector: severity=critical', `selector: 'severity="critical"'`)
      const clash = await validate(good.replace('name: team-alerts', 'name: alerts'), {
        inputs: { 'alert-selector': 'all' },
      })
      expect(clash.exitCode, output(clash)).toBe(1)
      expect(
        ofLevel(clash, 'error')
          .filter((a) => a.file === CONFIG)
          .map((a) => a.message),
      ).toEqual([expect.stringContaining('duplicate check name "alerts"')])
      const fine = await validate(good, { inputs: { 'alert-selector': 'all' } })
      expect(fine.exitCode, output(fine)).toBe(0)
      const report = readReport(fine) as ValidateReport & { alertsApi?: { result: string } }
      expect(report.alertsApi).toEqual({ result: 'ok', alertCount: 0 })
      expect(report.queries.map((q) => [q.check, q.result])).toContainEqual(['load-vs-before', 'ok'])
    },
    TEST_TIMEOUT_MS,
  )

  function invalidConfig(): string {
    return [
      'version: 1',
      'policy:',
      '  duration: 5 minutes',
      'prometheus:',
      `  url: ${prom.url}`,
      'metrics:',
      '  - name: broken-promql',
      '    query: sum(rate(node_cpu_seconds_total{job="node"}[2m])',
      '    max: 80',
      '  - name: bad-selector',
      '    builtin: cpu',
      '    selector: job=node',
      '  - name: memory-ok',
      '    builtin: memory',
      `    selector: 'job="node"'`,
      '',
    ].join('\n')
  }

  /** The three problems of invalidConfig(), each an error annotation on its file line. */
  function expectInvalidConfigReported(r: ActionResult, yaml: string): void {
    expect(r.exitCode, output(r)).toBe(1)
    expect(r.outputs['verdict']).toBe('invalid')
    expect(r.outputs['failed-checks']?.split(',').sort()).toEqual(['bad-selector', 'broken-promql', 'config'])
    const onLines = ofLevel(r, 'error')
      .filter((a) => a.file === CONFIG)
      .map((a) => [a.line, a.message])
    expect(onLines).toEqual(
      expect.arrayContaining([
        [lineOf(yaml, 'duration: 5 minutes'), expect.stringContaining('policy.duration')],
        [
          lineOf(yaml, 'query: sum(rate(node_cpu_seconds_total'),
          expect.stringMatching(/Prometheus rejects the query.*parse error/),
        ],
        [lineOf(yaml, 'selector: job=node'), expect.stringContaining('metrics[1].selector')],
      ]),
    )
    expect(onLines).toHaveLength(3)
    expect(readReport(r).problems.filter((p) => p.severity === 'error')).toHaveLength(3)
  }

  it(
    'a PromQL syntax error, an invalid selector and a bad duration → invalid, exit 1, each on its file line; no request to GitHub',
    async () => {
      const yaml = invalidConfig()
      const r = await validate(yaml)

      expectInvalidConfigReported(r, yaml)
      expect(r.outputs['check-run-id']).toBe('')
      expect(fake.requests).toEqual([])
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'the same config with check-name → the only requests are the check run: created, then completed',
    async () => {
      const yaml = invalidConfig()
      const r = await validate(yaml, { inputs: { 'check-name': 'deploy-gate config' } })

      expectInvalidConfigReported(r, yaml)
      const [checkRun, ...others] = fake.state.checkRuns
      expect(others).toEqual([])
      expect(r.outputs['check-run-id']).toBe(String(checkRun!.id))
      expect(fake.requests.map((q) => `${q.method} ${q.path}`)).toEqual([
        'POST /repos/owner/repo/check-runs',
        `PATCH /repos/owner/repo/check-runs/${checkRun!.id}`,
      ])
      expect(checkRun).toMatchObject({
        name: 'deploy-gate config',
        head_sha: DEFAULT_SHA,
        status: 'completed',
        conclusion: 'failure',
      })
      expect(checkRun!.output.annotations.map((a) => a.start_line).sort((a, b) => a - b)).toEqual(
        [
          lineOf(yaml, 'duration: 5 minutes'),
          lineOf(yaml, 'query: sum(rate(node_cpu_seconds_total'),
          lineOf(yaml, 'selector: job=node'),
        ].sort((a, b) => a - b),
      )
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'a query matching no series → a warning on its line, still valid',
    async () => {
      const yaml = [
        'version: 1',
        'prometheus:',
        `  url: ${prom.url}`,
        'metrics:',
        '  - name: uname',
        '    query: node_uname_info{job="node"}',
        '    min: 1',
        '  - name: gone',
        '    query: node_uname_info{job="nope"}',
        '    min: 1',
        '',
      ].join('\n')
      const r = await validate(yaml)

      expect(r.exitCode, output(r)).toBe(0)
      expect(r.outputs['verdict']).toBe('valid')
      expect(r.outputs['failed-checks']).toBe('')
      expect(ofLevel(r, 'error')).toEqual([])
      const warnings = ofLevel(r, 'warning')
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toMatchObject({
        file: CONFIG,
        line: lineOf(yaml, 'query: node_uname_info{job="nope"}'),
      })
      expect(warnings[0]!.message).toBe(
        'gone: matches no series right now: no target matches the selector (up{job="nope"} is empty)',
      )
      expect(fake.requests).toEqual([])
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'Prometheus unreachable → a warning, still valid',
    async () => {
      const r = await validate(goodConfig(`http://127.0.0.1:${await freePort()}`))

      expect(r.exitCode, output(r)).toBe(0)
      expect(r.outputs['verdict']).toBe('valid')
      expect(ofLevel(r, 'error')).toEqual([])
      const warnings = ofLevel(r, 'warning')
      expect(warnings).toHaveLength(1)
      expect(warnings[0]!.message).toMatch(/queries not checked/)
      expect(readReport(r).queries.every((q) => q.result === 'not-checked')).toBe(true)
      expect(fake.requests).toEqual([])
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'check-name on pull_request → a check run on the PR head, failure, the first 50 of 60 annotations in one request',
    async () => {
      const head = fakeSha('pr-head')
      const merge = fakeSha('pr-merge')
      const checks = Array.from({ length: 60 }, (_, i) => [
        `  - name: bad-${i + 1}`,
        '    builtin: cpu',
        `    selector: job=node-${i + 1}`,
      ])
      const yaml = ['version: 1', 'prometheus:', `  url: ${prom.url}`, 'metrics:', ...checks.flat(), ''].join(
        '\n',
      )
      const repo = { full_name: 'owner/repo', name: 'repo', owner: { login: 'owner' } }
      const r = await validate(yaml, {
        eventName: 'pull_request',
        env: { GITHUB_SHA: merge, GITHUB_REF: 'refs/pull/7/merge' },
        event: {
          action: 'synchronize',
          number: 7,
          pull_request: {
            number: 7,
            head: { sha: head, ref: 'feature', repo },
            base: { sha: DEFAULT_SHA, ref: 'main', repo },
          },
          repository: repo,
        },
        inputs: { 'check-name': 'deploy-gate config' },
      })

      expect(r.exitCode, output(r)).toBe(1)
      expect(r.outputs['verdict']).toBe('invalid')
      expect(r.outputs['failed-checks']?.split(',')).toHaveLength(60)
      const [checkRun, ...others] = fake.state.checkRuns
      expect(others).toEqual([])
      expect(checkRun).toMatchObject({ head_sha: head, status: 'completed', conclusion: 'failure' })

      const updates = fake.requests.filter((q) => q.method === 'PATCH')
      const sizes = updates.map(
        (q) => (q.body as { output: { annotations: unknown[] } }).output.annotations.length,
      )
      // SPEC §7: the GitHub requests of a run do not grow with the config; the rest are counted in the summary.
      expect(sizes).toEqual([50])
      expect(checkRun!.output.summary).toContain('10 more annotations are not shown')
      expect(fake.countRequests({ method: 'POST', path: '/repos/{owner}/{repo}/check-runs' })).toBe(1)

      const annotations = checkRun!.output.annotations
      expect(annotations).toHaveLength(50)
      expect(annotations.map((a) => a.start_line)).toEqual(
        Array.from({ length: 50 }, (_, i) => lineOf(yaml, `selector: job=node-${i + 1}`)),
      )
      for (const a of annotations) {
        expect(a).toMatchObject({ path: CONFIG, annotation_level: 'failure' })
        expect(a.end_line).toBe(a.start_line)
      }
    },
    TEST_TIMEOUT_MS,
  )

  it.each([
    { config: 'valid', exitCode: 0 },
    { config: 'invalid', exitCode: 1 },
  ] as const)(
    'a 403 on check-run creation → a warning, the $config verdict stands (exit $exitCode)',
    async ({ config, exitCode }) => {
      fake.setFault({ method: 'POST', path: '/repos/{owner}/{repo}/check-runs' }, [{ status: 403 }])
      const r = await validate(config === 'valid' ? goodConfig() : invalidConfig(), {
        inputs: { 'check-name': 'deploy-gate config' },
      })

      expect(r.exitCode, output(r)).toBe(exitCode)
      expect(r.outputs['verdict']).toBe(config)
      expect(r.outputs['check-run-id']).toBe('')
      const warning = ofLevel(r, 'warning').find((a) => a.message.includes('check run'))
      expect(warning, JSON.stringify(r.annotations)).toBeDefined()
      expect(warning!.message).toContain('checks: write')
      expect(fake.requests.map((q) => [q.method, q.status])).toEqual([['POST', 403]])
      expect(fake.state.checkRuns).toEqual([])
    },
    TEST_TIMEOUT_MS,
  )
})
