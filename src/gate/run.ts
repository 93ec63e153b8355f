/**
 * The gate loop (SPEC §3.1–3.5): startup → warm-up → observation rounds, with every effect injected (measuring,
 * clock, sleep, log), so a 5-minute window runs in milliseconds under a fake clock. What a measurement means is
 * decided in verdict.ts; this module only decides when to measure and when to stop.
 *
 * Startup polls are not samples: they do not count against the limits and are not kept, except that an HTTP check
 * failing startup keeps its last poll as its one sample (the evidence its reason quotes).
 */
import { formatConfigDuration } from '../config/duration.ts'
import { errorMessage } from '../errors.ts'
import type { CheckSpec, Policy } from '../model/check-spec.ts'
import type { GateResult, Measurement } from '../model/gate-result.ts'
import { formatMeasured } from '../prometheus/measure.ts'
import {
  applyMeasurement,
  decideVerdict,
  failStartup,
  finishCheck,
  initialState,
  stopCheck,
  type CheckState,
} from './verdict.ts'

export interface GateClock {
  /** Milliseconds since the epoch. */
  now(): number
}

/** Resolves after `ms`; must reject promptly when `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>

/** Takes one measurement of one check. A throw is a bug: it is recorded as an `error` measurement. */
/** `round` is the observation round (1-based), absent while startup polls the HTTP checks. */
export type Measure = (spec: CheckSpec, signal: AbortSignal, round?: number) => Promise<Measurement>

/** One observation round, as reported to `onRound` after its measurements were applied. */
export interface GateRound {
  /** 1-based. */
  readonly round: number
  readonly rounds: number
  /** When the round started, from the start of observation. */
  readonly offsetMs: number
  readonly measurements: readonly { readonly check: string; readonly measurement: Measurement }[]
  /** Every check, in config order, after this round. */
  readonly states: readonly CheckState[]
}

export interface GateDeps {
  readonly checks: readonly CheckSpec[]
  readonly policy: Policy
  readonly measure: Measure
  readonly clock: GateClock
  readonly sleep: Sleep
  readonly log: (line: string) => void
  /** Aborting rejects `runGate` with an AbortError: cancellation means "could not decide". */
  readonly signal?: AbortSignal
  readonly onRound?: (round: GateRound) => void
}

const MAX_STARTUP_POLL_MS = 2_000
const OUTCOMES: readonly string[] = ['pass', 'breach', 'no-data', 'error']

export async function runGate(deps: GateDeps): Promise<GateResult> {
  const signal = deps.signal ?? new AbortController().signal
  throwIfAborted(signal)
  const startedAt = iso(deps.clock.now())
  let states = deps.checks.map(initialState)

  states = await runStartup(deps, states, signal)
  const startupFailure = states.find((s) => s.spec.enforce && s.result === 'failed')
  if (startupFailure !== undefined) {
    return result(deps, startedAt, states, 'startup-failed', `startup failed (${startupFailure.spec.name})`)
  }

  if (deps.policy.warmupMs > 0) {
    deps.log(`warm-up: waiting ${formatConfigDuration(deps.policy.warmupMs)} before the first sample`)
    await deps.sleep(deps.policy.warmupMs, signal)
    throwIfAborted(signal)
    deps.log('warm-up: done')
  }

  const observed = await observe(deps, states, signal)
  return result(deps, startedAt, observed.states, observed.ended, observed.why)
}

/** Polls the HTTP checks every min(interval, 2s) until each has passed once, or fails those that did not in time. */
async function runStartup(deps: GateDeps, initial: CheckState[], signal: AbortSignal): Promise<CheckState[]> {
  const { policy, clock, log } = deps
  const states = [...initial]
  const waiting = new Set(states.flatMap((s, i) => (s.spec.kind === 'http' ? [i] : [])))
  if (waiting.size === 0) {
    log('startup: no HTTP checks, nothing to wait for')
    return states
  }
  const pollMs = Math.min(
    policy.intervalMs > 0 ? policy.intervalMs : MAX_STARTUP_POLL_MS,
    MAX_STARTUP_POLL_MS,
  )
  const startMs = clock.now()
  const deadlineMs = startMs + policy.startupTimeoutMs
  const names = [...waiting].map((i) => states[i]!.spec.name).join(', ')
  const timeout = `timeout ${policy.startupTimeoutText}, every ${formatConfigDuration(pollMs)}`
  log(`startup: waiting for ${names} to pass once (${timeout})`)
  const lastPolls = new Map<number, Measurement>()
  for (let poll = 1; ; poll++) {
    const offsetMs = clock.now() - startMs
    const indices = [...waiting]
    const specs = indices.map((i) => states[i]!.spec)
    const polled = await measureAll(deps, specs, signal)
    log(`startup poll ${poll} at +${formatElapsed(offsetMs)}: ${describeAll(specs, polled)}`)
    indices.forEach((i, k) => {
      const m = polled[k]!
      if (m.outcome === 'pass') waiting.delete(i)
      else lastPolls.set(i, m)
    })
    if (waiting.size === 0) {
      log(`startup: every HTTP check passed, after ${formatElapsed(clock.now() - startMs)}`)
      return states
    }
    if (clock.now() >= deadlineMs) {
      for (const i of waiting) {
        states[i] = failStartup(states[i]!, policy.startupTimeoutText, lastPolls.get(i)!)
      }
      const failed = [...waiting].map((i) => `${states[i]!.spec.name}: ${states[i]!.reason ?? ''}`)
      log(`startup: ${failed.join('; ')}`)
      return states
    }
    await sleepUntil(deps, Math.min(startMs + poll * pollMs, deadlineMs), signal)
  }
}

interface Observed {
  readonly states: CheckState[]
  readonly ended: GateResult['ended']
  readonly why?: string
}

/** Rounds at start + k·interval while k·interval ≤ duration; a late round starts the next one at once. */
async function observe(deps: GateDeps, initial: CheckState[], signal: AbortSignal): Promise<Observed> {
  const { policy, clock, log } = deps
  const states = [...initial]
  const rounds = policy.intervalMs > 0 ? Math.floor(policy.durationMs / policy.intervalMs) + 1 : 1
  const startMs = clock.now()
  const every = `every ${formatConfigDuration(policy.intervalMs)} for ${formatConfigDuration(policy.durationMs)}`
  log(`observation: ${rounds} ${rounds === 1 ? 'round' : 'rounds'}, ${every}`)
  for (let round = 1; round <= rounds; round++) {
    if (!states.some((s) => s.result === 'pending')) {
      log(`observation: every check is decided, stopping before round ${round}/${rounds}`)
      return { states, ended: 'completed' }
    }
    await sleepUntil(deps, startMs + (round - 1) * policy.intervalMs, signal)
    const indices = states.flatMap((s, i) => (s.result === 'pending' ? [i] : []))
    const offsetMs = clock.now() - startMs
    const specs = indices.map((i) => states[i]!.spec)
    const taken = await measureAll(deps, specs, signal, round)
    indices.forEach((i, k) => {
      states[i] = applyMeasurement(states[i]!, taken[k]!, states[i]!.spec.limits)
    })
    log(`round ${round}/${rounds} at +${formatElapsed(offsetMs)}: ${describeAll(specs, taken)}`)
    const measurements = specs.map((spec, k) => ({ check: spec.name, measurement: taken[k]! }))
    deps.onRound?.({ round, rounds, offsetMs, measurements, states: [...states] })

    const failed = states.find((s) => s.spec.enforce && s.result === 'failed')
    if (failed !== undefined) {
      log(`fail fast: ${failed.spec.name} failed in round ${round}/${rounds}: ${failed.reason ?? ''}`)
      return { states, ended: 'fail-fast', why: `the gate stopped early, ${failed.spec.name} failed` }
    }
  }
  return { states, ended: 'completed' }
}

function result(
  deps: GateDeps,
  startedAt: string,
  states: readonly CheckState[],
  ended: GateResult['ended'],
  why: string | undefined,
): GateResult {
  const checks = states.map((s) => (ended === 'completed' ? finishCheck(s) : stopCheck(s, why ?? ended)))
  const { verdict, failedChecks } = decideVerdict(checks)
  return { verdict, failedChecks, checks, startedAt, finishedAt: iso(deps.clock.now()), ended }
}

/** Measures the checks concurrently. Never rejects for a check's sake; rejects only when `signal` aborted. */
async function measureAll(
  deps: GateDeps,
  specs: readonly CheckSpec[],
  signal: AbortSignal,
  round?: number,
): Promise<Measurement[]> {
  throwIfAborted(signal)
  const all = Promise.all(specs.map((spec) => measureSafely(deps, spec, signal, round)))
  const taken = await untilAborted(all, signal)
  throwIfAborted(signal)
  return taken
}

/** Settles like `work`, or rejects as soon as `signal` aborts (a measurement that ignores the signal is left behind). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortError(signal))
    signal.addEventListener('abort', onAbort, { once: true })
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(err instanceof Error ? err : new Error(String(err)))
      },
    )
  })
}

async function measureSafely(
  deps: GateDeps,
  spec: CheckSpec,
  signal: AbortSignal,
  round?: number,
): Promise<Measurement> {
  try {
    const m: unknown = await deps.measure(spec, signal, round)
    if (isMeasurement(m)) return m
    return { at: iso(deps.clock.now()), outcome: 'error', reason: 'measurement returned no valid outcome' }
  } catch (err) {
    return {
      at: iso(deps.clock.now()),
      outcome: 'error',
      reason: errorMessage(err) || 'measurement threw an error',
    }
  }
}

function isMeasurement(m: unknown): m is Measurement {
  if (typeof m !== 'object' || m === null) return false
  const outcome: unknown = (m as { outcome?: unknown }).outcome
  return typeof outcome === 'string' && OUTCOMES.includes(outcome)
}

async function sleepUntil(deps: GateDeps, targetMs: number, signal: AbortSignal): Promise<void> {
  const waitMs = targetMs - deps.clock.now()
  if (waitMs > 0) await untilAborted(deps.sleep(waitMs, signal), signal)
  throwIfAborted(signal)
}

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw abortError(signal)
}

/** The abort reason when it is an Error (by default a DOMException named AbortError), else a new AbortError. */
function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason
  if (reason instanceof Error) return reason
  const detail = typeof reason === 'string' ? `: ${reason}` : ''
  return new DOMException(`the gate was aborted${detail}`, 'AbortError')
}

/** `cpu pass 41.2`, `vram breach 96.3 > 95 on gpu="0"`, `backend pass 120 ms`. */
function describeAll(specs: readonly CheckSpec[], taken: readonly Measurement[]): string {
  return specs.map((spec, k) => describe(spec, taken[k]!)).join(', ')
}

function describe(spec: CheckSpec, m: Measurement): string {
  const unit = spec.kind === 'http' ? ' ms' : ''
  const value = m.value === undefined ? '' : `${formatMeasured(m.value)}${unit}`
  const detail = m.outcome === 'pass' ? value : (m.reason ?? value)
  return detail === '' ? `${spec.name} ${m.outcome}` : `${spec.name} ${m.outcome} ${detail}`
}

/** Elapsed time for the log, in whole seconds (a real clock is a few ms late): `0s`, `20s`, `1m30s`. */
function formatElapsed(ms: number): string {
  return formatConfigDuration(ms >= 1_000 ? Math.round(ms / 1_000) * 1_000 : Math.max(0, Math.round(ms)))
}

function iso(ms: number): string {
  return new Date(ms).toISOString()
}
