import { describe, expect, it } from 'vitest'
import type {
  CheckLimits,
  CheckSpec,
  HttpCheckSpec,
  MetricCheckSpec,
  Policy,
} from '../../src/model/check-spec.ts'
import type { Measurement, Outcome } from '../../src/model/gate-result.ts'
import { runGate, type GateDeps, type GateRound } from '../../src/gate/run.ts'
import { createFakeClock, type FakeClock } from '../../testkit/fake-clock.ts'

const LIMITS: CheckLimits = {
  maxConsecutiveFailures: 2,
  maxFailures: 3,
  maxConsecutiveErrors: 4,
  onNoData: 'fail',
}

function policy(over: Partial<Policy> = {}): Policy {
  const timing = { startupTimeoutMs: 120_000, startupTimeoutText: '2m', warmupMs: 0, durationMs: 60_000 }
  return { ...LIMITS, ...timing, intervalMs: 10_000, ...over }
}

function metric(name: string, over: Partial<MetricCheckSpec> = {}): CheckSpec {
  return { kind: 'metric', name, query: 'up', max: 95, enforce: true, limits: LIMITS, ...over }
}

function http(name: string, over: Partial<HttpCheckSpec> = {}): CheckSpec {
  const base = { kind: 'http', name, url: `https://${name}.example.com/health`, method: 'GET' } as const
  return {
    ...base,
    headers: {},
    timeoutMs: 5_000,
    followRedirects: false,
    enforce: true,
    limits: LIMITS,
    ...over,
  }
}

const REASONS = {
  metric: {
    breach: '96.3 > 95 on gpu="0"',
    'no-data': 'empty result',
    error: 'Prometheus unreachable: ECONNREFUSED',
  },
  http: { breach: 'HTTP 503 (expected 2xx)', 'no-data': 'no body', error: 'measurement failed' },
}

/**
 * A measure function playing a script: per check, the outcome of each call in turn (startup polls included); the
 * last outcome repeats. `'throw'` throws. Every call is recorded with its virtual time.
 */
function scripted(clock: FakeClock, script: Record<string, (Outcome | 'throw')[]> = {}) {
  const calls: { check: string; atMs: number }[] = []
  const measure = (spec: CheckSpec): Promise<Measurement> => {
    const n = calls.filter((c) => c.check === spec.name).length
    calls.push({ check: spec.name, atMs: clock.elapsedMs() })
    const steps = script[spec.name] ?? ['pass']
    const step = steps[Math.min(n, steps.length - 1)]!
    if (step === 'throw') throw new Error(`bug in ${spec.name}`)
    const at = new Date(clock.now()).toISOString()
    if (step === 'pass')
      return Promise.resolve({ at, outcome: step, value: spec.kind === 'http' ? 120 : 41.23 })
    return Promise.resolve({
      at,
      outcome: step,
      reason: REASONS[spec.kind === 'http' ? 'http' : 'metric'][step],
    })
  }
  const times = (check: string) => calls.filter((c) => c.check === check).map((c) => c.atMs)
  return { measure, calls, times }
}

function setup(
  checks: CheckSpec[],
  over: Partial<Policy> = {},
  script: Record<string, (Outcome | 'throw')[]> = {},
) {
  const clock = createFakeClock()
  const lines: string[] = []
  const rounds: GateRound[] = []
  const { measure, calls, times } = scripted(clock, script)
  const deps: GateDeps = {
    checks,
    policy: policy(over),
    measure,
    clock,
    sleep: (ms, signal) => clock.sleep(ms, signal),
    log: (line) => lines.push(line),
    onRound: (round) => rounds.push(round),
  }
  return { clock, lines, rounds, calls, times, deps }
}

describe('runGate observation rounds', () => {
  it.each([
    [0, 10_000, 1],
    [60_000, 10_000, 7],
    [300_000, 15_000, 21],
    [65_000, 10_000, 7],
  ])('duration %i ms at interval %i ms → %i rounds at k·interval', async (durationMs, intervalMs, count) => {
    const { deps, times } = setup([metric('cpu')], { durationMs, intervalMs })
    const result = await runGate(deps)
    expect(times('cpu')).toEqual(Array.from({ length: count }, (_, k) => k * intervalMs))
    expect(result.checks[0]!.samples).toHaveLength(count)
    expect(result).toMatchObject({ verdict: 'stable', ended: 'completed', failedChecks: [] })
  })

  it('starts every check of a round before any of them finishes', async () => {
    const clock = createFakeClock()
    const events: string[] = []
    const names = ['cpu', 'vram', 'backend']
    let release!: () => void
    const barrier = new Promise<void>((resolve) => (release = resolve))
    const measure = async (spec: CheckSpec): Promise<Measurement> => {
      events.push(`start ${spec.name}`)
      if (events.filter((e) => e.startsWith('start')).length % names.length === 0) release()
      // A sequential loop would never reach the release; the macrotask turns that hang into a failed assertion.
      await Promise.race([barrier, new Promise((resolve) => setImmediate(resolve))])
      events.push(`end ${spec.name}`)
      return { at: new Date(clock.now()).toISOString(), outcome: 'pass', value: 1 }
    }
    const checks = [metric('cpu'), metric('vram'), metric('backend')]
    const sleep = (ms: number, signal?: AbortSignal) => clock.sleep(ms, signal)
    await runGate({ checks, policy: policy({ durationMs: 0 }), measure, clock, sleep, log: () => {} })
    expect(events.slice(0, 3).sort()).toEqual(['start backend', 'start cpu', 'start vram'])
    expect(events.slice(3).every((e) => e.startsWith('end'))).toBe(true)
  })

  it('keeps the schedule when a round takes time, and starts a late round at once', async () => {
    const { deps, clock, times } = setup([metric('cpu')], { durationMs: 30_000 })
    const slow: GateDeps = {
      ...deps,
      measure: async (spec, signal) => {
        const m = await deps.measure(spec, signal)
        clock.advance(times('cpu').length === 2 ? 25_000 : 3_000)
        return m
      },
    }
    await runGate(slow)
    expect(times('cpu')).toEqual([0, 10_000, 35_000, 38_000])
  })

  it('logs one line per round, naming each check, its outcome and value or reason', async () => {
    const checks = [metric('cpu'), metric('vram'), http('backend')]
    const { deps, lines } = setup(checks, { durationMs: 20_000 }, { vram: ['pass', 'breach', 'pass'] })
    await runGate(deps)
    expect(lines.filter((l) => l.startsWith('round '))).toEqual([
      'round 1/3 at +0s: cpu pass 41.2, vram pass 41.2, backend pass 120 ms',
      'round 2/3 at +10s: cpu pass 41.2, vram breach 96.3 > 95 on gpu="0", backend pass 120 ms',
      'round 3/3 at +20s: cpu pass 41.2, vram pass 41.2, backend pass 120 ms',
    ])
  })

  it('runs a 5-minute window of 21 rounds in virtual time and returns stable', async () => {
    const checks = [metric('cpu'), metric('memory'), metric('vram'), http('backend')]
    const { deps, lines, rounds, clock } = setup(checks, {
      warmupMs: 30_000,
      durationMs: 300_000,
      intervalMs: 15_000,
    })
    const result = await runGate(deps)
    expect(result).toMatchObject({ verdict: 'stable', failedChecks: [], ended: 'completed' })
    expect(result.checks.map((c) => [c.spec.name, c.result, c.samples.length])).toEqual([
      ['cpu', 'passed', 21],
      ['memory', 'passed', 21],
      ['vram', 'passed', 21],
      ['backend', 'passed', 21],
    ])
    expect(rounds.map((r) => r.offsetMs)).toEqual(Array.from({ length: 21 }, (_, k) => k * 15_000))
    expect(lines.filter((l) => l.startsWith('round '))).toHaveLength(21)
    expect(lines.at(-1)).toMatch(/^round 21\/21 at \+5m: cpu pass/)
    expect(result.startedAt).toBe(new Date(clock.startMs).toISOString())
    expect(Date.parse(result.finishedAt) - Date.parse(result.startedAt)).toBe(330_000)
  })
})

describe('runGate startup and warm-up', () => {
  it('fails fast when an HTTP check is not healthy within the startup timeout, quoting the timeout as written', async () => {
    const checks = [http('backend'), metric('cpu')]
    const over = { startupTimeoutMs: 10_000, startupTimeoutText: '10s' }
    const { deps, times, lines } = setup(checks, over, { backend: ['breach'] })
    const result = await runGate(deps)
    expect(times('backend')).toEqual([0, 2_000, 4_000, 6_000, 8_000, 10_000])
    expect(times('cpu')).toEqual([])
    expect(result).toMatchObject({ verdict: 'failed', failedChecks: ['backend'], ended: 'startup-failed' })
    expect(result.checks[0]).toMatchObject({
      result: 'failed',
      reason: 'not healthy within 10s: HTTP 503 (expected 2xx)',
    })
    expect(result.checks[0]!.samples).toHaveLength(1)
    expect(result.checks[1]).toMatchObject({ result: 'pending', samples: [] })
    expect(Date.parse(result.finishedAt) - Date.parse(result.startedAt)).toBe(10_000)
    expect(lines.some((l) => l.startsWith('round '))).toBe(false)
  })

  it.each([
    [1_000, 1_000],
    [2_000, 2_000],
    [10_000, 2_000],
  ])(
    'at interval %i ms polls every %i ms, keeps the polls out of the samples',
    async (intervalMs, pollMs) => {
      const checks = [http('backend'), metric('cpu')]
      const { deps, times } = setup(
        checks,
        { intervalMs, durationMs: 0 },
        { backend: ['breach', 'error', 'pass'] },
      )
      const result = await runGate(deps)
      expect(times('backend')).toEqual([0, pollMs, 2 * pollMs, 2 * pollMs])
      expect(times('cpu')).toEqual([2 * pollMs])
      expect(result.checks[0]!.samples.map((m) => m.outcome)).toEqual(['pass'])
      expect(result.verdict).toBe('stable')
    },
  )

  it('does not poll a check again once it passed during startup', async () => {
    const checks = [http('a'), http('b')]
    const { deps, times } = setup(checks, { durationMs: 0 }, { b: ['breach', 'breach', 'pass'] })
    await runGate(deps)
    expect(times('a')).toEqual([0, 4_000])
    expect(times('b')).toEqual([0, 2_000, 4_000, 4_000])
  })

  it('starts at once without HTTP checks', async () => {
    const { deps, times, clock } = setup([metric('cpu')], { durationMs: 0 })
    await runGate(deps)
    expect(times('cpu')).toEqual([0])
    expect(clock.sleeps).toEqual([])
  })

  it('fails a shadow HTTP check that never got healthy, and goes on', async () => {
    const checks = [http('beta', { enforce: false }), metric('cpu')]
    const over = { startupTimeoutMs: 4_000, startupTimeoutText: '4s', durationMs: 0 }
    const { deps, times } = setup(checks, over, { beta: ['breach'] })
    const result = await runGate(deps)
    expect(result).toMatchObject({ verdict: 'stable', failedChecks: [], ended: 'completed' })
    expect(result.checks[0]).toMatchObject({
      result: 'failed',
      reason: 'not healthy within 4s: HTTP 503 (expected 2xx)',
    })
    expect(times('beta')).toEqual([0, 2_000, 4_000])
    expect(times('cpu')).toEqual([4_000])
  })

  it('delays the first metric sample by the warm-up, which starts when startup ends', async () => {
    const checks = [http('backend'), metric('cpu')]
    const over = { warmupMs: 30_000, durationMs: 10_000 }
    const { deps, times, lines, clock } = setup(checks, over, { backend: ['breach', 'pass'] })
    const result = await runGate(deps)
    expect(times('backend')).toEqual([0, 2_000, 32_000, 42_000])
    expect(times('cpu')).toEqual([32_000, 42_000])
    expect(result.checks[1]!.samples[0]!.at).toBe(new Date(clock.startMs + 32_000).toISOString())
    expect(clock.sleeps.map((s) => s.ms)).toEqual([2_000, 30_000, 10_000])
    expect(lines).toContain('warm-up: waiting 30s before the first sample')
    expect(lines.indexOf('warm-up: done')).toBeLessThan(lines.findIndex((l) => l.startsWith('round 1/')))
  })
})

describe('runGate stopping', () => {
  it('stops as soon as an enforced check failed (fail fast)', async () => {
    const { deps, times, clock, lines } = setup(
      [metric('vram'), metric('cpu')],
      {},
      { vram: ['pass', 'breach'] },
    )
    const result = await runGate(deps)
    expect(result).toMatchObject({ verdict: 'failed', failedChecks: ['vram'], ended: 'fail-fast' })
    expect(times('vram')).toHaveLength(3)
    expect(times('cpu')).toHaveLength(3)
    expect(clock.elapsedMs()).toBe(20_000)
    expect(result.checks[1]).toMatchObject({
      result: 'pending',
      reason: expect.stringMatching(/^not decided/),
    })
    expect(lines.at(-1)).toBe(
      'fail fast: vram failed in round 3/7: 2 breaches in a row (max-consecutive-failures 2): 96.3 > 95 on gpu="0"',
    )
  })

  it('does not stop for an inconclusive check or a failed shadow check', async () => {
    const prom = metric('prom', { limits: { ...LIMITS, maxConsecutiveErrors: 2 } })
    const checks = [prom, metric('p95', { enforce: false }), metric('cpu')]
    const { deps, times } = setup(checks, {}, { prom: ['error'], p95: ['breach'] })
    const result = await runGate(deps)
    expect(result).toMatchObject({ verdict: 'inconclusive', failedChecks: ['prom'], ended: 'completed' })
    expect(result.checks.map((c) => c.result)).toEqual(['inconclusive', 'failed', 'passed'])
    expect([times('prom').length, times('p95').length, times('cpu').length]).toEqual([2, 2, 7])
  })

  it('stops when every check is decided', async () => {
    const limits = { ...LIMITS, maxConsecutiveErrors: 2 }
    const checks = [metric('a', { limits }), metric('b', { limits })]
    const { deps, times, clock } = setup(checks, {}, { a: ['error'], b: ['error'] })
    const result = await runGate(deps)
    expect(result).toMatchObject({ verdict: 'inconclusive', failedChecks: ['a', 'b'], ended: 'completed' })
    expect(times('a')).toHaveLength(2)
    expect(clock.elapsedMs()).toBe(10_000)
  })

  it('records a throwing measure as an error, never as a pass', async () => {
    const { deps } = setup([metric('cpu')], {}, { cpu: ['throw'] })
    const result = await runGate(deps)
    expect(result.verdict).toBe('inconclusive')
    expect(result.checks[0]!.samples.map((m) => [m.outcome, m.reason])).toEqual(
      Array.from({ length: 4 }, () => ['error', 'bug in cpu']),
    )
    expect(result.checks[0]!.reason).toBe('4 errors in a row (max-consecutive-errors 4): bug in cpu')
  })

  it('ends inconclusive when the last measurement threw', async () => {
    const { deps } = setup([metric('cpu')], { durationMs: 20_000 }, { cpu: ['pass', 'pass', 'throw'] })
    const result = await runGate(deps)
    expect(result.verdict).toBe('inconclusive')
    expect(result.checks[0]!.reason).toBe('last measurement could not be taken: bug in cpu')
  })
})

describe('runGate abort', () => {
  it('rejects with an AbortError when aborted mid-window', async () => {
    const controller = new AbortController()
    const { deps, times } = setup([metric('cpu')])
    const onRound = (round: GateRound) => (round.round === 3 ? controller.abort() : undefined)
    await expect(runGate({ ...deps, signal: controller.signal, onRound })).rejects.toMatchObject({
      name: 'AbortError',
    })
    expect(times('cpu')).toHaveLength(3)
  })

  it.each(['sleep', 'measure'] as const)('stops promptly while the %s hangs', async (hang) => {
    const controller = new AbortController()
    const { deps } = setup([metric('cpu')])
    let waiting!: () => void
    const started = new Promise<void>((resolve) => (waiting = resolve))
    const forever = (_: unknown, signal?: AbortSignal) => {
      expect(signal).toBe(controller.signal)
      waiting()
      return new Promise<never>(() => {})
    }
    const gate = runGate({ ...deps, signal: controller.signal, [hang]: forever })
    await started
    controller.abort()
    await expect(gate).rejects.toMatchObject({ name: 'AbortError' })
  })

  it('measures nothing when aborted before it starts', async () => {
    const { deps, calls } = setup([metric('cpu')])
    await expect(runGate({ ...deps, signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    })
    expect(calls).toEqual([])
  })
})
