/**
 * Gate mode in-process (issue 13): runGateMode with its dependencies handed in — a fake clock, a local health server,
 * the OpenAPI-checked GitHub fake — and its outcome published as main.ts does. Each row is one way a gate ends: the
 * deployment status, the check run's conclusion, the closing annotation and whether the step fails.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ConfigError } from '../../src/errors.ts'
import { runGateMode } from '../../src/gate/mode.ts'
import { publish } from '../../src/publish.ts'
import { createFakeClock } from '../../testkit/fake-clock.ts'
import { startGitHubFake, type GitHubFake } from '../../testkit/github-fake.ts'
import { ok, startHealthServer, type HealthServer } from '../../testkit/health-server.ts'
import { freePort } from '../../testkit/local-server.ts'
import { startTestServer } from '../../testkit/prometheus-api.ts'
import { testModeDeps, type TestModeDeps } from '../../testkit/mode-deps.ts'
import { gateSettings, TEST_SHA, TEST_TOKEN } from '../../testkit/settings.ts'

const FAST = { duration: '2s', interval: '500ms', 'startup-timeout': '2s', 'check-name': 'deploy-gate' }

let health: HealthServer
let fake: GitHubFake
let tmp: string
let downUrl: string

beforeAll(async () => {
  health = await startHealthServer()
  downUrl = `http://127.0.0.1:${await freePort()}`
})
afterAll(async () => {
  await health.close()
})
beforeEach(async () => {
  fake = await startGitHubFake({ token: TEST_TOKEN })
  tmp = await mkdtemp(path.join(tmpdir(), 'gate-mode-'))
})
afterEach(async () => {
  fake.assertNoViolations()
  await fake.close()
  await rm(tmp, { recursive: true, force: true })
})

function deps(env: Record<string, string> = {}): TestModeDeps {
  const clock = createFakeClock()
  return testModeDeps({
    token: TEST_TOKEN,
    clock,
    env: {
      GITHUB_REPOSITORY: 'owner/repo',
      GITHUB_RUN_ID: '100',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_SHA: TEST_SHA,
      GITHUB_EVENT_NAME: 'push',
      GITHUB_JOB: 'deploy',
      GITHUB_WORKFLOW_REF: 'owner/repo/.github/workflows/deploy.yml@refs/heads/main',
      GITHUB_API_URL: fake.url,
      RUNNER_TEMP: tmp,
      ...env,
    },
  })
}

/** Runs the gate and publishes its outcome; what the step ended with. */
async function gate(inputs: Record<string, string>, d = deps()) {
  const outcome = await runGateMode(gateSettings({ ...FAST, ...inputs }), d)
  await publish(outcome, d)
  const deployment = fake.state.deployments[0]
  return {
    outcome,
    calls: d.calls,
    states: deployment?.statuses.map((s) => s.state) ?? [],
    checkRun: fake.state.checkRuns[0],
  }
}

const down = (): number => 503
/** A Prometheus on a closed port: every query an error, so the cpu check ends inconclusive. */
const PROMETHEUS_DOWN = {
  'prometheus-url': 'down',
  'host-selector': 'job="node"',
  'memory-max': '',
  'disk-max': '',
  'max-consecutive-errors': '2',
}

describe('how a gate ends (verdict → record, check run, step)', () => {
  const rows = [
    {
      name: 'stable: success recorded, check run green, step green',
      inputs: {},
      responder: ok,
      verdict: 'stable',
      states: ['in_progress', 'success'],
      conclusion: 'success',
      closing: [],
      fails: false,
    },
    {
      name: 'failed: failure recorded, check run red, step fails',
      inputs: { 'max-consecutive-failures': '2' },
      responder: down,
      verdict: 'failed',
      states: ['in_progress', 'failure'],
      conclusion: 'failure',
      closing: [],
      fails: true,
    },
    {
      name: 'failed in a dry run: nothing recorded, check run neutral, a notice, step green',
      inputs: { 'dry-run': 'true', 'max-consecutive-failures': '2' },
      responder: down,
      verdict: 'failed',
      states: [],
      conclusion: 'neutral',
      closing: ['notice'],
      fails: false,
    },
    {
      name: 'inconclusive (Prometheus down): error recorded, step fails',
      inputs: PROMETHEUS_DOWN,
      responder: ok,
      verdict: 'inconclusive',
      states: ['in_progress', 'error'],
      conclusion: 'failure',
      closing: [],
      fails: true,
    },
    {
      name: 'inconclusive with fail-on-inconclusive false: a warning, step green',
      inputs: { ...PROMETHEUS_DOWN, 'fail-on-inconclusive': 'false' },
      responder: ok,
      verdict: 'inconclusive',
      states: ['in_progress', 'error'],
      conclusion: 'failure',
      closing: ['warning'],
      fails: false,
    },
  ] as const

  it.each(rows)('$name', async (row) => {
    const url = health.route(`/${row.verdict}-${rows.indexOf(row)}`, row.responder)
    const inputs: Record<string, string> = { ...row.inputs }
    if (inputs['prometheus-url'] === 'down') inputs['prometheus-url'] = downUrl
    const r = await gate({ 'health-urls': url, ...inputs })
    expect(r.calls.outputs['verdict']).toBe(row.verdict)
    expect(r.states).toEqual(row.states)
    expect(r.checkRun).toMatchObject({ status: 'completed', conclusion: row.conclusion })
    expect(r.calls.outputs['check-run-id']).toBe(String(r.checkRun!.id))
    expect(r.outcome.closing.map((a) => a.level)).toEqual(row.closing)
    expect(r.outcome.failure !== undefined).toBe(row.fails)
    expect(r.calls.outputs['report-path']).toBe(path.join(tmp, 'deploy-gate', 'gate-report.json'))
    // A finished gate leaves the post step nothing to close.
    if (row.states.length > 0) expect(r.calls.state['finalStatusWritten']).toBe('true')
    expect(r.calls.state['checkRunCompleted']).toBe('true')
  })
})

describe('what a gate asks of the outside world', () => {
  it('from a pull request without a check name it asks for no GitHub client at all', async () => {
    const d = deps({ GITHUB_EVENT_NAME: 'pull_request' })
    const asked: unknown[] = []
    const outcome = await runGateMode(
      gateSettings({ ...FAST, 'check-name': '', 'health-urls': health.route('/pr', ok) }),
      {
        ...d,
        github: (o) => {
          asked.push(o)
          return Promise.reject(new Error('no client'))
        },
      },
    )
    expect(outcome.outputs['verdict']).toBe('stable')
    expect(asked).toEqual([])
    expect(outcome.deployment).toBeUndefined()
    expect(outcome.checkRun).toBeUndefined()
    expect(outcome.outputs['check-run-id']).toBe('')
  })

  it('observes on the clock it is given: a 2 s window at 500 ms is slept, not waited', async () => {
    const clock = createFakeClock()
    const d = { ...deps(), clock }
    await runGateMode(
      gateSettings({ ...FAST, 'check-name': '', 'health-urls': health.route('/clock', ok) }),
      d,
    )
    expect(clock.elapsedMs()).toBeGreaterThanOrEqual(2000)
    expect(clock.sleeps.length).toBeGreaterThanOrEqual(4)
  })

  it('a cancellation from watchSignals rejects with its reason, leaving the open record to the post step', async () => {
    const controller = new AbortController()
    controller.abort(new Error('gate cancelled (SIGTERM)'))
    const d = deps()
    const run = runGateMode(gateSettings({ ...FAST, 'health-urls': health.route('/cancel', ok) }), {
      ...d,
      watchSignals: () => ({ signal: controller.signal, stop: () => undefined }),
    })
    await expect(run).rejects.toThrow('gate cancelled (SIGTERM)')
    expect(fake.state.deployments[0]!.statuses.map((s) => s.state)).toEqual(['in_progress'])
    expect(d.calls.state['deploymentId']).toBe(String(fake.state.deployments[0]!.id))
    expect(d.calls.state['checkRunId']).toBe(String(fake.state.checkRuns[0]!.id))
    expect(d.calls.state['finalStatusWritten']).toBeUndefined()
  })

  it('an unreadable prometheus.ca-file is a config error, before anything is recorded', async () => {
    const settings = gateSettings({
      ...FAST,
      'health-urls': health.route('/ca', ok),
      'prometheus-url': 'https://127.0.0.1:9',
    })
    const withCa = {
      ...settings,
      prometheus: { ...settings.prometheus!, caFile: path.join(tmp, 'missing.pem') },
    }
    await expect(runGateMode(withCa, deps())).rejects.toBeInstanceOf(ConfigError)
    expect(fake.state.deployments).toEqual([])
  })
})

describe('a service whose detection failed at gate start', () => {
  it('is detected in a later round; the report gives the attempts and the queries the checks used', async () => {
    let namesAsked = 0
    const vector = (value: number) => ({
      status: 'success',
      data: { resultType: 'vector', result: [{ metric: {}, value: [0, String(value)] }] },
    })
    const prometheus = await startTestServer((req, res, recorded) => {
      const url = new URL(recorded.url, 'http://x')
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' })
        res.end(JSON.stringify(body))
      }
      if (url.pathname === '/api/v1/label/__name__/values') {
        if (++namesAsked === 1) return json(503, { status: 'error', errorType: 'unavailable', error: 'busy' })
        return json(200, {
          status: 'success',
          data: ['http_requests_total', 'http_request_duration_seconds_bucket'],
        })
      }
      if (url.pathname === '/api/v1/labels')
        return json(200, { status: 'success', data: ['__name__', 'code'] })
      if (url.pathname === '/api/v1/query_range') {
        const values = Array.from({ length: 30 }, (_, i) => [i, '10'])
        return json(200, {
          status: 'success',
          data: { resultType: 'matrix', result: [{ metric: {}, values }] },
        })
      }
      const q = url.searchParams.get('query') ?? new URLSearchParams(recorded.body).get('query') ?? ''
      return json(200, vector(q.includes('5..') ? 0 : q.includes('histogram_quantile') ? 0.1 : 10))
    })
    try {
      const r = await gate({ 'prometheus-url': prometheus.url, 'service-selector': 'job="api"' })
      expect(r.calls.outputs['verdict']).toBe('stable')
      expect(namesAsked).toBe(2)
      const report = JSON.parse(await readFile(r.calls.outputs['report-path']!, 'utf8')) as {
        services: Array<{ convention: string; attempts: number; problem?: string }>
        checks: Array<{ name: string; query: string; result: string }>
      }
      expect(report.services).toEqual([expect.objectContaining({ convention: 'go-promhttp', attempts: 2 })])
      expect(report.services[0]!.problem).toBeUndefined()
      expect(report.checks.map((c) => [c.name, c.result])).toEqual([
        ['errors', 'passed'],
        ['latency', 'passed'],
        ['traffic', 'passed'],
      ])
      expect(report.checks.find((c) => c.name === 'traffic')!.query).toBe(
        'sum(rate(http_requests_total{job="api"}[5m]))',
      )
      // No window was asked for with an empty query while the convention was unknown.
      const ranges = prometheus.requests.filter((q) => q.url.startsWith('/api/v1/query_range'))
      expect(
        ranges.map((q) => new URLSearchParams(q.body || q.url.split('?')[1]).get('query')),
      ).not.toContain('')
    } finally {
      await prometheus.close()
    }
  })
})
