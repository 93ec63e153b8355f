/**
 * Gate mode end to end (issue "Gate mode … Done when"): dist/index.js run as the GitHub runner runs it (main, then
 * post), against a real Prometheus scraping live exporters built from the fixture scrapes, local health endpoints,
 * and — where a ledger or its absence matters — the OpenAPI-checked GitHub fake.
 *
 * Windows are short (`duration: 2s`, `interval: 1s`, three rounds); timeouts are generous for a noisy 2-core machine.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { builtinQuery } from '../../src/model/builtins.ts'
import type { GitHubFake } from '../../testkit/github-fake.ts'
import { startGitHubFake } from '../../testkit/github-fake.ts'
import type { Exporter, PrometheusInstance } from '../../testkit/prometheus.ts'
import { startExporter, startPrometheus, TEST_BASIC_AUTH, waitForSeries } from '../../testkit/prometheus.ts'
import type { ActionResult, Annotation, RunActionOptions, StepResult } from '../../testkit/runner.ts'
import { cleanupActionRuns, DEFAULT_RUN_ID, DEFAULT_SHA, runAction } from '../../testkit/runner.ts'
import { ok, startHealthServer, type HealthServer } from '../../testkit/health-server.ts'
import { freePort } from '../../testkit/local-server.ts'
import {
  A100_UUID,
  gpuExporterText,
  HEALTHY_NODE,
  startNodeExporter,
  type LiveNodeExporter,
} from './live-exporters.ts'

const RUN_TIMEOUT_MS = 60_000
const TEST_TIMEOUT_MS = 150_000
/** Three sample rounds; HTTP checks get a generous startup on a busy machine. */
const WINDOW = { duration: '2s', interval: '1s', 'startup-timeout': '30s' } as const
const HOST = 'job="node"'
const GPU = 'job="gpu"'

interface ReportSample {
  at: string
  outcome: string
  value: number | string | null
  series: { labels: Record<string, string>; value: number | string }[]
}
interface ReportCheck {
  name: string
  kind: string
  enforce: boolean
  target?: string
  query?: string
  threshold: { min: number | null; max: number | null }
  result: string
  reason: string | null
  samples: ReportSample[]
}
interface GateReport {
  version: number
  mode: string
  verdict: string
  environment: string
  sha: string
  run: { id: number; attempt: number; url: string }
  startedAt: string
  finishedAt: string
  config: Record<string, unknown>
  checks: ReportCheck[]
}

function readReport(r: ActionResult): GateReport {
  const path = r.outputs['report-path']
  expect(path, 'report-path output').toBeTruthy()
  return JSON.parse(readFileSync(path!, 'utf8')) as GateReport
}

function check(report: GateReport, name: string): ReportCheck {
  const found = report.checks.find((c) => c.name === name)
  expect(found, `check ${name} in the report`).toBeDefined()
  return found!
}

function errorsOf(r: StepResult): Annotation[] {
  return r.annotations.filter((a) => a.level === 'error')
}

function annotationText(a: Annotation): string {
  return `${a.title ?? ''} ${a.message}`
}

/** stdout and stderr for a failing assertion's message. */
function output(r: StepResult): string {
  return `exit ${r.exitCode}${r.timedOut ? ' (timed out)' : ''}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`
}

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

/**
 * `secret` is in no log (as the runner shows it, and raw apart from the `::add-mask::` line that registers it), no
 * stderr, summary, output, report or any other file the run left (report, file commands, state): the report file is
 * what the artifact would upload.
 */
function expectNeverShown(r: ActionResult, secret: string): void {
  expect(r.masks, 'the secret is registered with ::add-mask::').toContain(secret)
  for (const step of [r, ...(r.post ? [r.post] : [])]) {
    expect(step.log).not.toContain(secret)
    const raw = step.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n')
    expect(raw).not.toContain(secret)
    expect(step.stderr).not.toContain(secret)
    expect(step.summary).not.toContain(secret)
    expect(JSON.stringify(step.outputs)).not.toContain(secret)
    expect(JSON.stringify(step.state)).not.toContain(secret)
  }
  const files = filesUnder(r.tempDir)
  expect(files).toContain(r.outputs['report-path'])
  for (const file of files) expect(readFileSync(file, 'utf8'), file).not.toContain(secret)
}

describe('gate mode through dist/index.js', () => {
  let health: HealthServer
  let node: LiveNodeExporter
  let gpu: Exporter
  let prom: PrometheusInstance
  let fake: GitHubFake | undefined

  beforeAll(async () => {
    health = await startHealthServer()
    node = await startNodeExporter(HEALTHY_NODE)
    gpu = await startExporter(gpuExporterText())
    prom = await startPrometheus({
      jobs: [
        { job: 'node', targets: [node.exporter.target] },
        { job: 'gpu', targets: [gpu.target] },
      ],
      scrapeIntervalMs: 1000,
      backfill: [node.history('node')],
    })
    // Scraped twice; with the backfilled history the idle counters make the host read about 30 % busy.
    await waitForSeries(
      prom,
      'count_over_time(up[1m])',
      (s) => s.length === 2 && s.every((x) => x.value >= 2),
    )
    await waitForSeries(prom, builtinQuery('memory', HOST), (s) => s.length === 1, 60_000)
    await waitForSeries(prom, builtinQuery('cpu', HOST), (s) => s.length === 1 && s[0]!.value < 40, 60_000)
    await waitForSeries(prom, builtinQuery('vram', GPU), (s) => s.length === 2, 60_000)
  }, 120_000)

  afterEach(async () => {
    const current = fake
    fake = undefined
    if (current) {
      await current.close()
      current.assertNoViolations()
    }
  })

  afterAll(async () => {
    await prom?.stop()
    await node?.close()
    await gpu?.close()
    await health?.close()
    await cleanupActionRuns()
  })

  function gate(inputs: RunActionOptions['inputs'], opts: Omit<RunActionOptions, 'inputs'> = {}) {
    return runAction({
      inputs: { 'prometheus-url': prom.url, ...WINDOW, record: false, ...inputs },
      timeoutMs: RUN_TIMEOUT_MS,
      ...opts,
    })
  }

  it(
    'healthy app and hosts → stable, exit 0, outputs and a SPEC §7 report',
    async () => {
      const url = health.route('/healthy', ok)
      const r = await gate({ 'health-urls': url, 'host-selector': HOST, 'gpu-selector': GPU })

      expect(r.exitCode, output(r)).toBe(0)
      expect(r.outputs['verdict']).toBe('stable')
      expect(r.outputs['failed-checks']).toBe('')
      expect(r.outputs['report-path']).toBe(join(r.runnerTemp, 'deploy-gate', 'gate-report.json'))
      expect(r.outputs['deployment-id']).toBe('')
      expect(errorsOf(r)).toEqual([])
      expect(r.summary).toContain('stable')

      const report = readReport(r)
      expect(report).toMatchObject({
        version: 1,
        mode: 'gate',
        verdict: 'stable',
        environment: 'production',
        sha: DEFAULT_SHA,
        run: { id: Number(DEFAULT_RUN_ID), attempt: 1 },
      })
      expect(report.run.url).toContain(`/actions/runs/${DEFAULT_RUN_ID}/attempts/1`)
      expect(Date.parse(report.finishedAt)).toBeGreaterThanOrEqual(Date.parse(report.startedAt))
      expect(report.config).toBeTypeOf('object')
      expect(report.checks.map((c) => c.name)).toEqual(['http-1', 'cpu', 'memory', 'disk', 'vram'])
      for (const c of report.checks) {
        expect(c, c.name).toMatchObject({ enforce: true, result: 'passed', reason: null })
        expect(c.samples, c.name).toHaveLength(3)
        for (const s of c.samples) {
          expect(s.outcome, c.name).toBe('pass')
          expect(Number.isNaN(Date.parse(s.at)), s.at).toBe(false)
          expect(s.value, c.name).toBeTypeOf('number')
          expect(s.series).toEqual([])
        }
      }
      expect(check(report, 'http-1')).toMatchObject({ kind: 'http', target: url })
      expect(check(report, 'cpu')).toMatchObject({
        kind: 'cpu',
        query: builtinQuery('cpu', HOST),
        threshold: { min: null, max: 80 },
      })
      expect(check(report, 'memory').threshold).toEqual({ min: null, max: 80 })
      expect(check(report, 'disk').threshold).toEqual({ min: null, max: 85 })
      expect(check(report, 'vram')).toMatchObject({ kind: 'vram', threshold: { min: null, max: 95 } })
      // MemAvailable 4e9 of MemTotal 6226481152; the A100's 4845 of 40535 MiB is the highest GPU.
      expect(check(report, 'memory').samples[0]!.value).toBeCloseTo(35.76, 1)
      expect(check(report, 'vram').samples[0]!.value).toBeCloseTo(11.95, 1)
      // Idle counters gaining 0.7 s/s on every CPU: 30 % busy (a little off while the live samples are few).
      expect(check(report, 'cpu').samples[0]!.value).toBeGreaterThan(20)
      expect(check(report, 'cpu').samples[0]!.value).toBeLessThan(40)
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'a health URL alternating fail/pass on every request → failed on max-failures (flapping), exit 1',
    async () => {
      // Hit 1 is the startup poll (passes); the rounds then see 503, 200, 503, …
      const url = health.route('/flapping', (hit) => (hit % 2 === 1 ? 200 : 503))
      const r = await gate({ 'health-urls': url, 'max-failures': 2, 'max-consecutive-failures': 2 })

      expect(r.exitCode, output(r)).toBe(1)
      expect(r.outputs['verdict']).toBe('failed')
      expect(r.outputs['failed-checks']).toBe('http-1')
      const http = check(readReport(r), 'http-1')
      expect(http.result).toBe('failed')
      expect(http.samples.map((s) => s.outcome)).toEqual(['breach', 'pass', 'breach'])
      expect(http.reason).toContain('max-failures 2')
      expect(http.reason).not.toContain('in a row')
      expect(errorsOf(r).some((a) => annotationText(a).includes('http-1'))).toBe(true)
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'VRAM at 96 % (DCGM FB_USED / FB_FREE) → failed, exit 1, an error annotation naming vram and the GPU',
    async () => {
      // 38914 / (38914 + 1621) MiB = 96.0 % on the A100.
      gpu.set(gpuExporterText({ usedMiB: 38914, freeMiB: 1621 }))
      try {
        await waitForSeries(prom, builtinQuery('vram', GPU), (s) => s.some((x) => x.value > 95), 30_000)
        const r = await gate({ 'gpu-selector': GPU })

        expect(r.exitCode, output(r)).toBe(1)
        expect(r.outputs['verdict']).toBe('failed')
        expect(r.outputs['failed-checks']).toBe('vram')
        const annotation = errorsOf(r).find((a) => /vram/.test(annotationText(a)))
        expect(annotation, JSON.stringify(r.annotations)).toBeDefined()
        expect(annotationText(annotation!)).toMatch(new RegExp(`gpu="0"|${A100_UUID}`))

        const vram = check(readReport(r), 'vram')
        expect(vram.result).toBe('failed')
        const breach = vram.samples.find((s) => s.outcome === 'breach')
        expect(breach?.value).toBeCloseTo(96.0, 1)
        expect(breach?.series[0]?.labels).toMatchObject({ gpu: '0', UUID: A100_UUID })
      } finally {
        gpu.set(gpuExporterText())
        await waitForSeries(prom, builtinQuery('vram', GPU), (s) => s.every((x) => x.value < 95), 30_000)
      }
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'one failed health sample inside the window with max-consecutive-failures 2 → stable',
    async () => {
      // Hit 1: startup poll; hits 2, 3, 4: the three rounds — pass, breach, pass.
      const url = health.route('/blip', (hit) => (hit === 3 ? 503 : 200))
      const r = await gate({ 'health-urls': url, 'max-consecutive-failures': 2 })

      expect(r.exitCode, output(r)).toBe(0)
      expect(r.outputs['verdict']).toBe('stable')
      const http = check(readReport(r), 'http-1')
      expect(http.result).toBe('passed')
      expect(http.samples.map((s) => s.outcome)).toEqual(['pass', 'breach', 'pass'])
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'Prometheus down (a closed port) → inconclusive on max-consecutive-errors, exit 1',
    async () => {
      const down = `http://127.0.0.1:${await freePort()}`
      const r = await gate({
        'prometheus-url': down,
        'host-selector': HOST,
        'max-consecutive-errors': 2,
      })

      expect(r.exitCode, output(r)).toBe(1)
      expect(r.outputs['verdict']).toBe('inconclusive')
      expect(r.outputs['failed-checks']).toBe('cpu,memory,disk')
      const cpu = check(readReport(r), 'cpu')
      expect(cpu.result).toBe('inconclusive')
      expect(cpu.samples.map((s) => s.outcome)).toEqual(['error', 'error'])
      expect(cpu.reason).toContain('max-consecutive-errors 2')
      const titles = errorsOf(r).map((a) => a.title)
      for (const name of ['cpu', 'memory', 'disk'])
        expect(titles).toContain(`deploy-gate: ${name} inconclusive`)
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'a host selector matching nothing → failed (on-no-data fail), exit 1',
    async () => {
      const r = await gate({ 'host-selector': 'job="nope"' })

      expect(r.exitCode, output(r)).toBe(1)
      expect(r.outputs['verdict']).toBe('failed')
      expect(r.outputs['failed-checks']).toBe('cpu,memory,disk')
      const report = readReport(r)
      for (const name of ['cpu', 'memory', 'disk']) {
        const c = check(report, name)
        expect(c.result, name).toBe('failed')
        expect(c.samples.map((s) => s.outcome)).toEqual(['no-data', 'no-data'])
      }
      expect(errorsOf(r).some((a) => /no series/.test(annotationText(a)))).toBe(true)
    },
    TEST_TIMEOUT_MS,
  )

  describe('secrets', () => {
    let authProm: PrometheusInstance | undefined

    afterAll(async () => {
      await authProm?.stop()
    })

    it(
      'a prometheus-token never appears in logs, summary, outputs, state, report or any file',
      async () => {
        const token = 'dgtok-Zq7fK2mW9xR4vB8nT1'
        const url = health.route('/token', ok)
        const r = await gate({ 'health-urls': url, 'host-selector': HOST, 'prometheus-token': token })

        expect(r.exitCode, output(r)).toBe(0)
        expect(r.outputs['verdict']).toBe('stable')
        expectNeverShown(r, token)
        // The report's config did carry the token: it was replaced, not left out.
        const prometheus = readReport(r).config['prometheus'] as Record<string, unknown>
        expect(prometheus['bearerToken']).toBe('***')
      },
      TEST_TIMEOUT_MS,
    )

    it(
      'basic auth (prometheus-password) against Prometheus with --web.config.file works and never leaks',
      async () => {
        authProm = await startPrometheus({
          jobs: [{ job: 'node', targets: [node.exporter.target] }],
          basicAuth: true,
          backfill: [node.history('node')],
        })
        await waitForSeries(authProm, 'count_over_time(up[1m])', (s) => s.length === 1 && s[0]!.value >= 2)
        const r = await gate({
          'prometheus-url': authProm.url,
          'prometheus-username': TEST_BASIC_AUTH.username,
          'prometheus-password': TEST_BASIC_AUTH.password,
          'host-selector': HOST,
        })

        expect(r.exitCode, output(r)).toBe(0)
        expect(r.outputs['verdict']).toBe('stable')
        expectNeverShown(r, TEST_BASIC_AUTH.password)
        const basic = Buffer.from(`${TEST_BASIC_AUTH.username}:${TEST_BASIC_AUTH.password}`).toString(
          'base64',
        )
        for (const file of filesUnder(r.tempDir)) expect(readFileSync(file, 'utf8')).not.toContain(basic)
        expect(r.stdout).not.toContain(basic)
      },
      TEST_TIMEOUT_MS,
    )
  })

  it(
    'fail-on-inconclusive: false with an inconclusive verdict → exit 0 (an error at the last sample)',
    async () => {
      const down = `http://127.0.0.1:${await freePort()}`
      // Two rounds, both errors, fewer than max-consecutive-errors: inconclusive because the last one is an error.
      const r = await gate({
        'prometheus-url': down,
        'host-selector': HOST,
        'cpu-max': 'off',
        'disk-max': 'off',
        duration: '1s',
        'max-consecutive-errors': 10,
        'fail-on-inconclusive': false,
      })

      expect(r.exitCode, output(r)).toBe(0)
      expect(r.outputs['verdict']).toBe('inconclusive')
      expect(r.outputs['failed-checks']).toBe('memory')
      const memory = check(readReport(r), 'memory')
      expect(memory.samples.map((s) => s.outcome)).toEqual(['error', 'error'])
      expect(memory.reason).toContain('last measurement could not be taken')
      expect(r.annotations.some((a) => a.level === 'warning' && /fail-on-inconclusive/.test(a.message))).toBe(
        true,
      )
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'dry-run: true with a failed verdict → exit 0 and no deployment created',
    async () => {
      fake = await startGitHubFake()
      const url = health.route('/down-after-startup', (hit) => (hit === 1 ? 200 : 503))
      // record is left at its default (true): dry-run alone must keep the ledger untouched.
      const r = await runAction({
        inputs: { ...WINDOW, 'health-urls': url, 'dry-run': true },
        apiUrl: fake.url,
        timeoutMs: RUN_TIMEOUT_MS,
      })

      expect(r.exitCode, output(r)).toBe(0)
      expect(r.outputs['verdict']).toBe('failed')
      expect(r.outputs['deployment-id']).toBe('')
      expect(r.annotations.some((a) => a.level === 'notice' && /dry run/.test(a.message))).toBe(true)
      expect(fake.countRequests('POST')).toBe(0)
      expect(fake.requests).toEqual([])
      expect(fake.state.deployments).toEqual([])
      expect(r.post?.exitCode).toBe(0)
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'an input error (cpu-max: 150, interval: 5) → exit 1 naming both, and no request to GitHub, health or Prometheus',
    async () => {
      fake = await startGitHubFake()
      const url = health.route('/never', ok)
      const before = health.total()
      const r = await runAction({
        inputs: {
          'health-urls': url,
          // A counting server stands in for Prometheus, so a query would show up in health.total().
          'prometheus-url': url.replace('/never', '/prometheus'),
          'host-selector': HOST,
          'cpu-max': 150,
          interval: 5,
          'check-name': 'deploy-gate',
        },
        apiUrl: fake.url,
        timeoutMs: RUN_TIMEOUT_MS,
      })

      expect(r.exitCode, output(r)).toBe(1)
      const errors = errorsOf(r).map(annotationText).join('\n')
      expect(errors).toContain('cpu-max')
      expect(errors).toContain('interval')
      expect(r.stdout).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/) // no stack trace
      expect(r.outputs['verdict']).toBeUndefined()
      expect(health.total() - before).toBe(0)
      expect(fake.requests).toEqual([])
      expect(r.post?.exitCode).toBe(0)
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'the post step after a normal finish sends nothing: the final status is the last request',
    async () => {
      fake = await startGitHubFake()
      fake.state.addRun({ jobs: ['deploy'] })
      const url = health.route('/post', ok)
      const r = await runAction({
        inputs: { ...WINDOW, duration: '1s', 'health-urls': url },
        apiUrl: fake.url,
        timeoutMs: RUN_TIMEOUT_MS,
      })

      expect(r.exitCode, output(r)).toBe(0)
      expect(r.outputs['verdict']).toBe('stable')
      expect(r.state['finalStatusWritten']).toBe('true')
      expect(r.post, 'the post step ran').toBeDefined()
      expect(r.post!.exitCode, output(r.post!)).toBe(0)
      expect(r.post!.stdout).not.toContain('gate did not finish')

      const [deployment, ...others] = fake.state.deployments
      expect(others).toEqual([])
      expect(r.outputs['deployment-id']).toBe(String(deployment!.id))
      expect(deployment!.statuses.map((s) => s.state)).toEqual(['in_progress', 'success'])
      const last = fake.requests.at(-1)!
      expect(last.method).toBe('POST')
      expect(last.path).toBe(`/repos/owner/repo/deployments/${deployment!.id}/statuses`)
      expect(last.body).toMatchObject({ state: 'success' })
    },
    TEST_TIMEOUT_MS,
  )
})
