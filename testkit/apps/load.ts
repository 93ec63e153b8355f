/**
 * A bounded load generator for the apps (or any URL): GET requests at a steady rate, never more than `maxInFlight`
 * at once. A slot that comes up while `maxInFlight` are still in flight is skipped and counted, not queued, so a
 * slow or stopped service never piles up requests (nor sockets).
 */
import { Agent, request } from 'node:http'

export interface LoadOptions {
  /** Requests per second (steady: the n-th request is due at n/rps seconds). */
  readonly rps: number
  /** Stops by itself after this long; otherwise runs until stop(). */
  readonly durationMs?: number
  /** Default 8. */
  readonly maxInFlight?: number
  /** Per request. Default 5000. */
  readonly timeoutMs?: number
  /** Default '/work'. */
  readonly path?: string
}

export interface Load {
  /** Requests sent. */
  readonly sent: number
  /** Requests answered (any status). */
  readonly answered: number
  /** Requests answered 5xx. */
  readonly status5xx: number
  /** Requests that got no answer: refused, reset, timed out. */
  readonly failed: number
  /** Slots skipped because `maxInFlight` requests were in flight. */
  readonly skipped: number
  readonly inFlight: number
  /** The most requests in flight at once so far. */
  readonly maxSeenInFlight: number
  /** Resolves when the load has ended (duration reached or stop()) and nothing is in flight. */
  readonly done: Promise<void>
  /** Sends no more; resolves when the requests in flight have ended. */
  stop(): Promise<void>
}

/** Starts sending to `target.url` + path (`target` is a RunningApp or anything with its origin as `url`). */
export function startLoad(target: { readonly url: string }, opts: LoadOptions): Load {
  if (!(opts.rps > 0 && Number.isFinite(opts.rps))) throw new Error(`rps: must be > 0: ${opts.rps}`)
  const maxInFlight = opts.maxInFlight ?? 8
  const timeoutMs = opts.timeoutMs ?? 5000
  const url = new URL(opts.path ?? '/work', target.url)
  const agent = new Agent({ keepAlive: true, maxSockets: maxInFlight })
  const counts = {
    sent: 0,
    answered: 0,
    status5xx: 0,
    failed: 0,
    skipped: 0,
    inFlight: 0,
    maxSeenInFlight: 0,
  }
  let running = true
  let idle: (() => void) | undefined
  let resolveDone!: () => void
  const done = new Promise<void>((resolve) => (resolveDone = resolve))

  const settle = (): void => {
    counts.inFlight -= 1
    if (!running && counts.inFlight === 0) idle?.()
  }
  const send = (): void => {
    counts.sent += 1
    counts.inFlight += 1
    counts.maxSeenInFlight = Math.max(counts.maxSeenInFlight, counts.inFlight)
    let ended = false
    const finish = (answered: boolean, status = 0): void => {
      if (ended) return
      ended = true
      if (answered) {
        counts.answered += 1
        if (status >= 500) counts.status5xx += 1
      } else {
        counts.failed += 1
      }
      settle()
    }
    const req = request(url, { agent, timeout: timeoutMs }, (res) => {
      res.resume()
      res.once('end', () => finish(true, res.statusCode ?? 0))
      res.once('error', () => finish(false))
    })
    req.once('timeout', () => req.destroy(new Error('timeout')))
    req.once('error', () => finish(false))
    req.end()
  }

  const startedAt = performance.now()
  let issued = 0
  const tickMs = Math.max(5, Math.min(50, 1000 / opts.rps))
  const timer = setInterval(() => {
    const elapsedMs = performance.now() - startedAt
    if (opts.durationMs !== undefined && elapsedMs >= opts.durationMs) {
      void stop()
      return
    }
    const due = Math.floor((elapsedMs * opts.rps) / 1000)
    for (; issued < due; issued += 1) {
      if (counts.inFlight < maxInFlight) send()
      else counts.skipped += 1
    }
  }, tickMs)

  const stop = async (): Promise<void> => {
    if (running) {
      running = false
      clearInterval(timer)
      if (counts.inFlight > 0) await new Promise<void>((resolve) => (idle = resolve))
      agent.destroy()
      resolveDone()
    }
    await done
  }

  return {
    get sent() {
      return counts.sent
    },
    get answered() {
      return counts.answered
    },
    get status5xx() {
      return counts.status5xx
    },
    get failed() {
      return counts.failed
    },
    get skipped() {
      return counts.skipped
    },
    get inFlight() {
      return counts.inFlight
    },
    get maxSeenInFlight() {
      return counts.maxSeenInFlight
    },
    done,
    stop,
  }
}
