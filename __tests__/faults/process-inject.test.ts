/**
 * Fault matrix, process rows P09 and P10 (matrix-b-rows.ts): an exception thrown inside a check, in process.
 *
 * - P09 hands `runGate` a `measure` that throws — every kind of thing JavaScript can throw, sync or as a rejection —
 *   or resolves to something that is not a Measurement, on every call or only on the last round, with the most lenient
 *   policy (`on-no-data: pass`). The check must never pass on it and the verdict must never be `stable`.
 *   (__tests__/gate/run.test.ts covers a thrown Error; this row covers the rest.)
 * - P10 runs main.ts `run()` — the same code dist runs — with the HTTP prober replaced (`vi.mock`: main.ts builds its
 *   dependencies itself, so a module mock is the only seam) by one that passes startup and then throws. The step must
 *   fail: `process.exitCode` 1 and an `::error::` line, never green.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CheckLimits, CheckSpec, Policy } from '../../src/model/check-spec.ts'
import type * as HttpProbes from '../../src/probes/http.ts'
import { runGate, type Measure } from '../../src/gate/run.ts'
import type { Measurement } from '../../src/model/gate-result.ts'
import { createFakeClock } from '../../testkit/fake-clock.ts'
import { parseFileCommand, parseWorkflowCommands } from '../../testkit/workflow-commands.ts'
import { testName } from './matrix-b-rows.ts'

/** What the replaced prober does on its n-th call (1-based); set per test. */
const prober = vi.hoisted(() => ({
  probe: (_n: number): Promise<Measurement> => Promise.reject(new Error('prober not set')),
}))

vi.mock('../../src/probes/http.ts', async (importOriginal) => {
  const original = await importOriginal<typeof HttpProbes>()
  return {
    ...original,
    createHttpProber: () => {
      let calls = 0
      return {
        probe: () => prober.probe(++calls),
        close: () => Promise.resolve(),
      }
    },
  }
})

const LENIENT: CheckLimits = {
  maxConsecutiveFailures: 2,
  maxFailures: 3,
  maxConsecutiveErrors: 4,
  onNoData: 'pass',
}
const POLICY: Policy = {
  ...LENIENT,
  startupTimeoutMs: 30_000,
  startupTimeoutText: '30s',
  warmupMs: 0,
  durationMs: 30_000,
  intervalMs: 10_000,
}
const METRIC: CheckSpec = {
  kind: 'metric',
  name: 'cpu',
  query: 'up',
  max: 80,
  enforce: true,
  limits: LENIENT,
}
const HTTP: CheckSpec = {
  kind: 'http',
  name: 'api',
  url: 'https://api.example.com/health',
  method: 'GET',
  headers: {},
  timeoutMs: 5_000,
  followRedirects: false,
  enforce: true,
  limits: LENIENT,
}

/** Things a buggy measurement can throw or resolve to; none of them is a measurement taken. */
const THROWN: readonly { readonly kind: string; readonly fail: () => Promise<unknown> }[] = [
  { kind: 'an Error', fail: () => Promise.reject(new Error('bug')) },
  { kind: 'a TypeError, thrown synchronously', fail: () => (null as unknown as { x: () => never }).x() },
  { kind: 'an Error with an empty message', fail: () => Promise.reject(new Error('')) },
  { kind: 'a string', fail: () => Promise.reject('bug') }, // eslint-disable-line @typescript-eslint/prefer-promise-reject-errors
  { kind: 'undefined', fail: () => Promise.reject(undefined) }, // eslint-disable-line @typescript-eslint/prefer-promise-reject-errors
  { kind: 'null', fail: () => Promise.reject(null) }, // eslint-disable-line @typescript-eslint/prefer-promise-reject-errors
  { kind: 'a plain object', fail: () => Promise.reject({ code: 42 }) }, // eslint-disable-line @typescript-eslint/prefer-promise-reject-errors
  { kind: 'an object without a prototype', fail: () => Promise.reject(Object.create(null)) }, // eslint-disable-line @typescript-eslint/prefer-promise-reject-errors
  { kind: 'a symbol', fail: () => Promise.reject(Symbol('bug')) }, // eslint-disable-line @typescript-eslint/prefer-promise-reject-errors
  { kind: 'resolves undefined', fail: () => Promise.resolve(undefined) },
  { kind: 'resolves a string "pass"', fail: () => Promise.resolve('pass') },
  { kind: 'resolves an unknown outcome', fail: () => Promise.resolve({ at: 'x', outcome: 'ok' }) },
  {
    kind: 'resolves an object whose outcome getter throws',
    fail: () =>
      Promise.resolve({
        get outcome(): string {
          throw new Error('getter bug')
        },
      }),
  },
]

describe(testName('P09'), () => {
  const cases = THROWN.flatMap((t) =>
    [METRIC, HTTP].flatMap((spec) =>
      (['every call', 'the last round'] as const).map((when) => ({ ...t, spec, when })),
    ),
  )

  it.each(cases)('$kind on $when of $spec.name', async ({ fail, spec, when }) => {
    const clock = createFakeClock()
    const rounds = POLICY.durationMs / POLICY.intervalMs + 1
    let calls = 0
    const measure: Measure = () => {
      calls += 1
      // Startup polls (HTTP) and rounds before the last one pass when only the last round fails.
      const lastRound = calls === rounds + (spec.kind === 'http' ? 1 : 0)
      if (when === 'every call' || lastRound) return fail() as Promise<Measurement>
      return Promise.resolve({ at: new Date(clock.now()).toISOString(), outcome: 'pass', value: 1 })
    }
    const lines: string[] = []
    const result = await runGate({
      checks: [spec],
      policy: POLICY,
      measure,
      clock,
      sleep: (ms, signal) => clock.sleep(ms, signal),
      log: (line) => lines.push(line),
    })

    expect(result.verdict).not.toBe('stable')
    expect(result.failedChecks).toEqual([spec.name])
    const check = result.checks[0]!
    expect(check.result).not.toBe('passed')
    const last = check.samples.at(-1)!
    expect(last.outcome).toBe('error')
    expect(last.reason).toBeTruthy()
  })
})

describe(testName('P10'), () => {
  let dir: string
  let stdout: string
  let files: Record<string, string>

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'process-inject-'))
    files = {
      GITHUB_OUTPUT: join(dir, 'output'),
      GITHUB_STATE: join(dir, 'state'),
      GITHUB_STEP_SUMMARY: join(dir, 'summary'),
      GITHUB_ENV: join(dir, 'env'),
    }
    for (const file of Object.values(files)) await writeFile(file, '')
    const env: Record<string, string> = {
      ...files,
      RUNNER_TEMP: dir,
      GITHUB_WORKSPACE: dir,
      GITHUB_REPOSITORY: 'owner/repo',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_SHA: 'a3f1c2d4e5b60718293a4b5c6d7e8f9012345678',
      GITHUB_RUN_ID: '4000001',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_API_URL: 'http://127.0.0.1:9',
      INPUT_MODE: 'gate',
      'INPUT_GITHUB-TOKEN': 'ghs_inProcessToken000000000000000000',
      'INPUT_HEALTH-URLS': 'https://api.example.com/health',
      INPUT_RECORD: 'false',
      'INPUT_REPORT-ARTIFACT': 'none',
      'INPUT_STARTUP-TIMEOUT': '10s',
      INPUT_INTERVAL: '500ms',
      INPUT_DURATION: '0s',
    }
    for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v)
    stdout = ''
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout += String(chunk)
      return true
    })
  })

  afterEach(async () => {
    vi.restoreAllMocks()
    vi.unstubAllEnvs()
    process.exitCode = undefined
    await rm(dir, { recursive: true, force: true })
  })

  it.each([
    { kind: 'an Error', thrown: () => new Error('prober bug') },
    { kind: 'a string', thrown: () => 'prober bug' },
    { kind: 'undefined', thrown: () => undefined },
  ])('the prober throws $kind after startup: the step fails', async ({ thrown }) => {
    prober.probe = (n) => {
      if (n === 1) return Promise.resolve({ at: new Date().toISOString(), outcome: 'pass', value: 3 })
      return Promise.reject(thrown()) // eslint-disable-line @typescript-eslint/prefer-promise-reject-errors
    }
    const { run } = await import('../../src/main.ts')
    await run()

    expect(process.exitCode, stdout).toBe(1)
    const outputs = parseFileCommand(await readFile(files['GITHUB_OUTPUT']!, 'utf8'))
    expect(outputs['verdict']).toBe('inconclusive')
    expect(outputs['failed-checks']).toBe('http-1')
    const errors = parseWorkflowCommands(stdout).annotations.filter((a) => a.level === 'error')
    expect(errors.map((a) => a.message).at(-1)).toMatch(/^deploy-gate: inconclusive: http-1 /)
    expect(stdout).toMatch(/round 1\/1 at [^:]+: http-1 error /)
  })
})
