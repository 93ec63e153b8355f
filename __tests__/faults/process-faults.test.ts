/**
 * Fault matrix, process rows (matrix-b-rows.ts `P01`–`P08`): dist/index.js run as the runner runs it (main, then the
 * post step with the saved state) against the GitHub fake, a local health endpoint and a Prometheus stub.
 *
 * - Signals: the runner cancels a job with SIGINT, then SIGTERM. Each is sent during startup, warm-up and observation
 *   (`signalWhen` on the log line of that phase); the main step must fail (the gate could not decide) and the post
 *   step must close the deployment with `error` / `gate did not finish`. SIGTERM during observation and SIGINT during
 *   startup are rows P11/P12, held by __tests__/e2e/ledger.test.ts; they are not repeated here.
 * - Exceptions inside a check: no input makes a check throw through dist (the prober and the Prometheus client turn
 *   every failure of the target into a breach or an error measurement; the one input that did — a header undici
 *   refuses — is now a config error, P08). So P06/P07 inject the exception into dist with a `--import` preload
 *   (process-preload.ts) and show that it never ends green; process-inject.test.ts does the same in process.
 */
import { readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startGitHubFake, type GitHubFake } from '../../testkit/github-fake.ts'
import { cleanupActionRuns, type ActionResult } from '../../testkit/runner.ts'
import {
  down,
  ok,
  startHealthServer,
  type HealthServer,
  type Responder,
} from '../../testkit/health-server.ts'
import {
  ENDLESS,
  errorsOf,
  expectNoSecretShown,
  expectNothingDangling,
  GITHUB_TOKEN,
  onlyDeployment,
  output,
  PROMETHEUS_TOKEN,
  runGate,
  seedRun,
  startPrometheusStub,
  statesOf,
  type PrometheusStub,
} from './matrix-b-fixtures.ts'
import { testName } from './matrix-b-rows.ts'
import { HTTP_MARKER, METRIC_VALUE } from './process-preload.ts'

const PRELOAD = new URL('./process-preload.ts', import.meta.url).href
/** Three rounds (0, 500 ms, 1 s): fewer errors than max-consecutive-errors, so the last one decides. */
const THREE_ROUNDS = { duration: '1s', interval: '500ms', 'startup-timeout': '10s' } as const

let fake: GitHubFake
let health: HealthServer
let prom: PrometheusStub
let tempDir: string
let queriesBefore = 0

beforeAll(async () => {
  health = await startHealthServer({ keepAliveTimeoutMs: 1000 })
  prom = await startPrometheusStub()
  tempDir = await mkdtemp(join(tmpdir(), 'process-faults-'))
})

afterAll(async () => {
  await health.close()
  await prom.close()
  await cleanupActionRuns()
  await rm(tempDir, { recursive: true, force: true })
})

beforeEach(async () => {
  fake = await startGitHubFake()
  seedRun(fake)
  queriesBefore = prom.queries()
})

afterEach(async () => {
  try {
    fake.assertNoViolations()
  } finally {
    await fake.close()
  }
})

let pathCount = 0
function route(responder: Responder): { url: string; path: string } {
  const path = `/proc-${++pathCount}`
  return { url: health.route(path, responder), path }
}

interface Report {
  readonly verdict: string
  readonly checks: readonly {
    name: string
    result: string
    reason: string | null
    samples: readonly { outcome: string }[]
  }[]
}

function readReport(r: ActionResult): Report {
  const path = r.outputs['report-path']
  expect(path, 'report-path output').toBeTruthy()
  return JSON.parse(readFileSync(path!, 'utf8')) as Report
}

/** The main step failed because it was cancelled; the post step closed the record. */
function expectCancelledAndClosed(r: ActionResult, signal: string): void {
  expect(r.timedOut, output(r)).toBe(false)
  // Exit 1 from setFailed, not death by the signal: the gate caught it, aborted the window and reported.
  expect(r.exitCode, output(r)).toBe(1)
  expect(r.signal).toBeNull()
  expect(errorsOf(r)).toContain(`gate cancelled (${signal})`)
  // Nothing was decided, so nothing was published as a verdict.
  expect(r.outputs['verdict'] ?? '').toBe('')
  expect(r.post?.exitCode, output(r)).toBe(0)
  const d = onlyDeployment(fake)
  expect(r.outputs['deployment-id']).toBe(String(d.id))
  expect(statesOf(d)).toEqual(['in_progress', 'error'])
  expect(d.statuses[1]!.description).toBe('gate did not finish')
  expect(r.post?.log).toContain(`deployment ${d.id} marked error: gate did not finish`)
  expectNothingDangling(fake)
  expectNoSecretShown(r)
}

describe('cancelled by the runner: the step fails, the post step closes the record', () => {
  interface SignalRow {
    readonly id: string
    readonly signal: 'SIGTERM' | 'SIGINT'
    readonly phase: RegExp
    readonly responder: Responder
    readonly inputs: Readonly<Record<string, string>>
    /** Whether a metric sample was taken before the signal. */
    readonly measured: boolean
  }
  const rows: readonly SignalRow[] = [
    { id: 'P01', signal: 'SIGTERM', phase: /startup poll 1 /, responder: down, inputs: {}, measured: false },
    {
      id: 'P02',
      signal: 'SIGTERM',
      phase: /warm-up: waiting/,
      responder: ok,
      inputs: { warmup: '10m' },
      measured: false,
    },
    {
      id: 'P03',
      signal: 'SIGINT',
      phase: /warm-up: waiting/,
      responder: ok,
      inputs: { warmup: '10m' },
      measured: false,
    },
    { id: 'P04', signal: 'SIGINT', phase: /round 2\//, responder: ok, inputs: {}, measured: true },
  ]

  it.each(rows.map((row) => ({ ...row, name: testName(row.id) })))('$name', async (row) => {
    const { signal, phase, responder, inputs, measured } = row
    const { url, path } = route(responder)
    const r = await runGate(
      fake,
      prom,
      url,
      { ...ENDLESS, ...inputs },
      {
        signalWhen: { stdoutMatches: phase, signal },
      },
    )

    expectCancelledAndClosed(r, signal)
    expect(health.hits(path)).toBeGreaterThan(0)
    const queries = prom.queries() - queriesBefore
    if (measured) expect(queries).toBeGreaterThan(0)
    else expect(queries).toBe(0)
  })

  it(testName('P05'), async () => {
    const r = await runGate(
      fake,
      prom,
      route(ok).url,
      { ...ENDLESS, 'check-name': 'deploy-gate' },
      {
        signalWhen: { stdoutMatches: /round 2\//, signal: 'SIGTERM' },
      },
    )

    expectCancelledAndClosed(r, 'SIGTERM')
    expect(fake.state.checkRuns).toHaveLength(1)
    const check = fake.state.checkRuns[0]!
    expect(check).toMatchObject({ status: 'completed', conclusion: 'cancelled' })
    expect(check.output.title).toBe('gate did not finish')
    expect(r.post?.log).toContain(`check run ${check.id} completed as cancelled`)
  })
})

describe('an exception inside a check never ends green', () => {
  const inject = (fault: string) => ({ NODE_OPTIONS: `--import ${PRELOAD}`, MATRIX_B_FAULT: fault })

  it(testName('P06'), async () => {
    // The startup poll passes; from the first round on, the body holds the marker and decoding it throws.
    const { url } = route((hit) => ({
      status: 200,
      body: hit === 1 ? '{"status":"UP"}' : `{"status":"UP","note":"${HTTP_MARKER}"}`,
    }))
    const r = await runGate(fake, prom, url, THREE_ROUNDS, { env: inject('http-decode') })

    expect(r.exitCode, output(r)).toBe(1)
    expect(r.outputs['verdict']).toBe('inconclusive')
    expect(r.outputs['failed-checks']).toBe('http-1')
    const http = readReport(r).checks.find((c) => c.name === 'http-1')!
    expect(http.result).toBe('inconclusive')
    expect(http.samples.length).toBeGreaterThan(0)
    expect(http.samples.map((s) => s.outcome)).toEqual(http.samples.map(() => 'error'))
    expect(http.reason).toBe(
      'last measurement could not be taken: internal error: injected fault: the body decoder threw',
    )
    expect(r.log).toMatch(
      /round 1\/3 at [^:]+: .*http-1 error internal error: injected fault: the body decoder threw/,
    )
    expect(errorsOf(r)).toContain('http-1')
    expect(statesOf(onlyDeployment(fake))).toEqual(['in_progress', 'error'])
    expect(r.post?.exitCode).toBe(0)
    expectNothingDangling(fake)
    expectNoSecretShown(r)
  })

  it(testName('P07'), async () => {
    const poisoned = await startPrometheusStub(String(METRIC_VALUE))
    try {
      const r = await runGate(fake, poisoned, route(ok).url, THREE_ROUNDS, { env: inject('metric-value') })

      expect(r.exitCode, output(r)).toBe(1)
      expect(r.outputs['verdict']).toBe('inconclusive')
      expect(r.outputs['failed-checks']).toBe('cpu')
      const cpu = readReport(r).checks.find((c) => c.name === 'cpu')!
      expect(cpu.result).toBe('inconclusive')
      expect(cpu.samples.length).toBeGreaterThan(0)
      expect(cpu.samples.map((s) => s.outcome)).toEqual(cpu.samples.map(() => 'error'))
      expect(cpu.reason).toBe(
        'last measurement could not be taken: unexpected error: injected fault: Number.isFinite threw',
      )
      expect(r.log).toMatch(
        /round 1\/3 at [^:]+: .*cpu error unexpected error: injected fault: Number.isFinite threw/,
      )
      expect(poisoned.queries()).toBeGreaterThan(0)
      expect(statesOf(onlyDeployment(fake))).toEqual(['in_progress', 'error'])
      expectNothingDangling(fake)
      expectNoSecretShown(r)
    } finally {
      await poisoned.close()
    }
  })

  it(testName('P08'), async () => {
    // A token pasted with a typographic dash (U+2013) and a header name with a space: undici refused both inside
    // every probe ("internal error: invalid authorization header"), after the deployment had been recorded. A value
    // ending in a newline is part A's row (config-rows.ts, header-value-trailing-newline).
    const healthToken = 'hc-Qm4Rt8Wz5Lp2Xs7Dv\u2013prod'
    const { url, path } = route(ok)
    const config = join(tempDir, 'bad-headers.yml')
    await writeFile(
      config,
      [
        'version: 1',
        'http:',
        '  - name: api',
        `    url: ${url}`,
        '    headers:',
        '      Authorization: "Bearer ${HEALTH_TOKEN}"',
        '      X Tenant: team-a',
        '',
      ].join('\n'),
    )
    const r = await runGate(fake, prom, url, { config }, { env: { HEALTH_TOKEN: healthToken }, cwd: tempDir })

    expect(r.exitCode, output(r)).toBe(1)
    const errors = errorsOf(r)
    expect(errors).toContain(
      `http[0].headers.Authorization: expected a header value without line breaks, control characters or ` +
        `characters beyond Latin-1 (check a \${NAME} value for a trailing newline) (${config}:6)`,
    )
    expect(errors).toContain(
      `http[0].headers.X Tenant: expected a header name of letters, digits and !#$%&'*+.^_\`|~- (no spaces or colons) (${config}:7)`,
    )
    expect(errors).toContain('2 input or config problems; nothing was recorded')
    // Before any network call: not one request to GitHub, the health URL or Prometheus.
    expect(fake.requests).toHaveLength(0)
    expect(health.hits(path)).toBe(0)
    expect(prom.queries() - queriesBefore).toBe(0)
    expect(r.post?.exitCode).toBe(0)
    expectNoSecretShown(r, [GITHUB_TOKEN, PROMETHEUS_TOKEN, healthToken])
  })
})
