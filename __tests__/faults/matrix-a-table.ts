/**
 * The data side of the fault matrix's config, Prometheus and HTTP-health rows: the row type, the secrets every row
 * gives the action, the inputs rows start from, and small answers misbehaving servers send. No servers and no runner
 * here, so that the row tables (config-rows.ts, prometheus-rows.ts, http-rows.ts) can be imported by docs tooling;
 * matrix-a-harness.ts runs them.
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'
import { expect } from 'vitest'
import type { GitHubFake } from '../../testkit/github-fake.ts'
import type { ActionResult } from '../../testkit/runner.ts'

/** The secrets every row gives the action; none may show up anywhere (SPEC §7). */
export const FAULT_SECRETS = {
  /** `prometheus-token` (or a `${DG_FAULT_TOKEN}` reference). */
  token: 'dgfault-token-Qm7Xw2Rv9K',
  /** Password of the default health URL's user info (or of a `${DG_FAULT_PASSWORD}` reference). */
  password: 'dgfault-pass-Hs6Tb3Lc',
  /** Value of the `X-Scope-OrgID` Prometheus header (or of a `${DG_FAULT_HEADER}` reference). */
  header: 'dgfault-hdr-Lm4Xp8Zn',
  /** The user name that goes with `password` (user names are not secrets). */
  user: 'deploy',
} as const

/** Where rows write a config file (relative to the workspace, as a workflow would give it). */
export const CONFIG_PATH = '.github/deploy-gate.yml'

export type Verdict = 'stable' | 'failed' | 'inconclusive'
export type Recorded = 'nothing' | 'success' | 'failure' | 'error'
export type Inputs = Record<string, string | number | boolean>
export type Handler = (req: IncomingMessage, res: ServerResponse, hit: RowHit) => void

export interface RowHit {
  /** 1-based count of this row's requests (on every origin, `_healthy` excluded). */
  readonly hit: number
  readonly origin: Origin
  /** The path after `/<row id>`, e.g. `/api/v1/query`. */
  readonly path: string
  /** The row's URLs, e.g. to redirect to another origin. */
  readonly ctx: RowContext
}

export type Origin = 'main' | 'other' | 'tls'

export interface ReceivedRequest {
  readonly origin: Origin
  readonly method: string
  readonly path: string
  readonly headers: IncomingHttpHeaders
}

/** What a row's inputs, env and config are built from. */
export interface RowContext {
  /** `http://127.0.0.1:<port>/<row id><path>` on the main origin. */
  url(path?: string): string
  /** The same row on a second origin (another port). */
  otherUrl(path?: string): string
  /** The same row on HTTPS, with a certificate of a CA that is not trusted unless `caFile` is given. */
  tlsUrl(path?: string): string
  /** PEM of that CA. */
  readonly caFile: string
  /** `http://deploy:<password>@127.0.0.1:<port>/<row id>/_healthy`: always 200. */
  readonly healthyUrl: string
  /** `http://127.0.0.1:<port>` with nothing listening. */
  readonly closedUrl: string
  readonly secrets: typeof FAULT_SECRETS
}

export interface RowExpectation {
  readonly exitCode: 0 | 1
  /** `null`: no verdict output at all (input and config errors). */
  readonly verdict: Verdict | null
  readonly failedChecks?: string
  /** Each must match an `::error::` annotation (`title message`). */
  readonly errors: readonly RegExp[]
  /** `nothing`: no GitHub request and no request to the row's servers; else the final deployment status. */
  readonly recorded: Recorded
}

export interface FaultRow {
  /** Unique in its table; also the row's path on the fault servers. */
  readonly id: string
  /** The fault or bad input, for people (docs/reliability.md). */
  readonly fault: string
  /** The expected outcome, for people. */
  readonly expected: string
  /** Inputs over the defaults of the table's area; `''` unsets a default. */
  readonly inputs?: (ctx: RowContext) => Inputs
  readonly env?: (ctx: RowContext) => Record<string, string>
  /** Written to `<workspace>/.github/deploy-gate.yml`, which the `config` input then names. */
  readonly config?: (ctx: RowContext) => string
  /** Answers this row's requests (Prometheus or health endpoint); unset: 404 (apart from `_healthy`). */
  readonly serve?: Handler
  readonly expect: RowExpectation
  /** Extra assertions (the report, what a server received). */
  readonly verify?: (run: RowRun) => void | Promise<void>
}

/** What `verify` gets. */
export interface RowRun {
  readonly result: ActionResult
  readonly ctx: RowContext
  readonly fake: GitHubFake
  /** Requests the row's servers received, in order (`_healthy` included). */
  readonly requests: readonly ReceivedRequest[]
  /** The parsed JSON report (`undefined` when none was written). */
  readonly report: GateReport | undefined
}

export interface GateReport {
  verdict: string
  config: Record<string, unknown>
  checks: {
    name: string
    result: string
    reason: string | null
    samples: {
      outcome: string
      value: unknown
      series: unknown[]
      ignoredSeries?: { labels: Record<string, string>; value: unknown }[]
      warnings?: string[]
    }[]
  }[]
}

/** The defaults of one area's rows (before the row's own inputs). */
export type AreaDefaults = (ctx: RowContext) => Inputs

/** Inputs every row starts from: the three secrets and a short window. */
export function baseInputs(ctx: RowContext): Inputs {
  return {
    'prometheus-url': ctx.url(),
    'prometheus-token': ctx.secrets.token,
    'prometheus-headers': `X-Scope-OrgID: ${ctx.secrets.header}`,
    'health-urls': ctx.healthyUrl,
    'startup-timeout': '1s',
    duration: '0s',
    interval: '1s',
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Handlers shared by rows

/** A Prometheus API answer. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
}

/** `{"status":"success"}` with an instant vector of `values`, one series per value. */
export function vectorAnswer(values: readonly string[], extra: Record<string, unknown> = {}): unknown {
  const at = Math.floor(Date.now() / 1000)
  return {
    status: 'success',
    data: {
      resultType: 'vector',
      result: values.map((value, i) => ({
        metric: { instance: `web-${i + 1}:9100`, job: 'node' },
        value: [at, value],
      })),
    },
    ...extra,
  }
}

/** The check named `name` in the report. */
export function reportCheck(run: RowRun, name: string): GateReport['checks'][number] {
  const check = run.report?.checks.find((c) => c.name === name)
  expect(check, `check ${name} in the report`).toBeDefined()
  return check!
}
