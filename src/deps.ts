/**
 * The outside world every mode is handed: built once in main.ts, by tests from `testkit/mode-deps.ts`. A mode reads
 * no `process.env`, installs no signal handler, builds no client and imports no `@actions/core`: it asks `deps`.
 */
import type { PrometheusSettings } from './model/check-spec.ts'
import type { GitHubClient } from './github/client.ts'
import type { Env } from './model/env.ts'
import type { HttpProber, HttpProberOptions } from './probes/http.ts'
import type { HttpPrometheusClient } from './prometheus/client.ts'
import type { ReportingCore, UploadArtifact } from './report/publish.ts'

/** The runner as a mode sees it: the sanitising logger plus the step's saved state (for the post step). */
export interface ModeCore extends ReportingCore {
  saveState(name: string, value: string): void
  getState(name: string): string
}

export interface Clock {
  /** Epoch milliseconds. */
  readonly now: () => number
  /** Resolves after `ms`; rejects with the signal's reason when it aborts first. */
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>
}

export interface ModeDeps {
  readonly core: ModeCore
  /** The runner's environment (`GITHUB_*`, `RUNNER_TEMP`, `ACTIONS_RUNTIME_TOKEN`). */
  readonly env: Env
  /** The secrets of this run, redacted once more from everything published (a safety net over `core`'s). */
  readonly secrets: readonly string[]
  /**
   * The GitHub client for `github-token` on `GITHUB_API_URL`, Octokit loaded on first use and the client kept;
   * `{ retries: 0 }` asks for one that does not retry (advice that must not hold up a failing step).
   */
  readonly github: (options?: { readonly retries?: number }) => Promise<GitHubClient>
  readonly clock: Clock
  /** Uploads a report artifact (`@actions/artifact`, loaded on first use). */
  readonly upload: UploadArtifact
  /** The HTTP prober; throws when its CA file cannot be read (a config error). */
  readonly prober: (options: HttpProberOptions) => Promise<HttpProber>
  /** The Prometheus client; throws when the URL or CA file is unusable (a config error). */
  readonly prometheus: (settings: PrometheusSettings) => Promise<HttpPrometheusClient>
  /**
   * Until `stop()`, SIGTERM or SIGINT aborts the returned signal with `<what> cancelled (<signal>)` instead of
   * ending the process (main.ts owns the process' signals).
   */
  readonly watchSignals: (what: string) => { readonly signal: AbortSignal; stop(): void }
}
