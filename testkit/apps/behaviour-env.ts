/**
 * What every Node app process reads from its environment (set by start-app.ts): where to listen and how to behave.
 * The Python and Go apps read the same variables and apply the same rule.
 */

export interface AppEnv {
  readonly port: number
  readonly latencyMs: number
  readonly errorRatio: number
}

export function readAppEnv(env: NodeJS.ProcessEnv = process.env): AppEnv {
  const port = Number(env.APP_PORT)
  const latencyMs = Number(env.APP_LATENCY_MS ?? '0')
  const errorRatio = Number(env.APP_ERROR_RATIO ?? '0')
  if (!Number.isInteger(port) || port <= 0) throw new Error(`APP_PORT: not a port: ${env.APP_PORT}`)
  if (!Number.isFinite(latencyMs) || latencyMs < 0) throw new Error(`APP_LATENCY_MS: ${env.APP_LATENCY_MS}`)
  if (!(errorRatio >= 0 && errorRatio <= 1)) throw new Error(`APP_ERROR_RATIO: ${env.APP_ERROR_RATIO}`)
  return { port, latencyMs, errorRatio }
}

/**
 * Whether the n-th request (1-based) is answered 500: exactly `errorRatio` of every run of requests, spread evenly
 * (0.2 → every 5th). Deterministic, so a test knows how many 500s to expect.
 */
export function isErrorRequest(n: number, errorRatio: number): boolean {
  return Math.floor(n * errorRatio) > Math.floor((n - 1) * errorRatio)
}

/** The request handler's behaviour: counts requests, says after the latency whether this one is a 500. */
export function behaviour(env: AppEnv): () => Promise<number> {
  let count = 0
  return async () => {
    count += 1
    const error = isErrorRequest(count, env.errorRatio)
    if (env.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, env.latencyMs))
    return error ? 500 : 200
  }
}
