/**
 * `ModeDeps` for a mode run in-process: a recording core, a runner environment, and clients on the real
 * implementations unless a test hands in its own (a fake clock, a GitHub fake's URL, a recording upload).
 */
import { setTimeout as sleepMs } from 'node:timers/promises'
import type { ModeDeps } from '../src/deps.ts'
import { githubClients } from '../src/github/load-client.ts'
import type { Env } from '../src/model/env.ts'
import { createHttpProber } from '../src/probes/http.ts'
import { createPrometheusClient } from '../src/prometheus/client.ts'
import { recordingCore, type RecordedCalls } from './recording-core.ts'

export interface TestModeDeps extends ModeDeps {
  /** What the recording core saw (stays empty when a test handed in a core of its own). */
  readonly calls: RecordedCalls
}

export function testModeDeps(
  options: Partial<ModeDeps> & {
    readonly env: Env
    /** With `github` absent: clients for this token on the env's `GITHUB_API_URL`, retrying after 1 ms. */
    readonly token?: string
  },
): TestModeDeps {
  const recorded = recordingCore()
  const { token, ...given } = options
  return {
    core: recorded.core,
    calls: recorded.calls,
    secrets: [],
    github: githubClients({
      token: token ?? '',
      baseUrl: options.env['GITHUB_API_URL'] ?? 'http://127.0.0.1:9',
      retry: { retryAfterBaseValueMs: 1 },
    }),
    clock: { now: () => Date.now(), sleep: (ms, signal) => sleepMs(ms, undefined, { signal }) },
    upload: () => Promise.reject(new Error('no upload in this test')),
    prober: (o) => Promise.resolve(createHttpProber(o)),
    prometheus: (s) => Promise.resolve(createPrometheusClient(s)),
    watchSignals: () => ({ signal: new AbortController().signal, stop: () => undefined }),
    ...given,
  }
}
