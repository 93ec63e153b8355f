/**
 * A virtual clock for code that takes `clock` and `sleep`: `sleep` advances virtual time at once and resolves on a
 * microtask, so a 5-minute gate window runs in milliseconds. Every sleep is recorded.
 */

export interface RecordedSleep {
  /** Virtual time the sleep started, from the clock's start. */
  readonly atMs: number
  readonly ms: number
  readonly signal?: AbortSignal
}

export interface FakeClock {
  /** Virtual milliseconds since the epoch. */
  readonly now: () => number
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  /** Moves virtual time forward without a sleep (e.g. a measurement that takes time). */
  advance(ms: number): void
  /** Virtual time since the clock's start. */
  elapsedMs(): number
  readonly startMs: number
  readonly sleeps: readonly RecordedSleep[]
}

export const FAKE_CLOCK_START_MS = Date.UTC(2025, 0, 1, 12, 0, 0)

export function createFakeClock(startMs: number = FAKE_CLOCK_START_MS): FakeClock {
  let nowMs = startMs
  const sleeps: RecordedSleep[] = []
  return {
    startMs,
    sleeps,
    now: () => nowMs,
    elapsedMs: () => nowMs - startMs,
    advance(ms: number): void {
      nowMs += Math.max(0, ms)
    },
    async sleep(ms: number, signal?: AbortSignal): Promise<void> {
      signal?.throwIfAborted()
      sleeps.push(
        signal === undefined ? { atMs: nowMs - startMs, ms } : { atMs: nowMs - startMs, ms, signal },
      )
      nowMs += Math.max(0, ms)
      await Promise.resolve()
      signal?.throwIfAborted()
    },
  }
}
