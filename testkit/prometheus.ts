/**
 * A real Prometheus for tests: started on a free 127.0.0.1 port with a fresh TSDB, optional basic auth, route prefix
 * and backfilled history. Live exporters (exporter.ts) are re-exported here.
 *
 * Binaries: `PROMETHEUS_BIN` / `PROMTOOL_BIN`, else `prometheus` / `promtool` on PATH (Debian: apt-get install
 * prometheus). A missing binary is an error, never a silent skip.
 *
 * Backfill: `promtool tsdb create-blocks-from openmetrics` writes blocks into the TSDB directory before Prometheus
 * starts, so they are loaded at start-up (no restart needed). Prometheus ≥ 2.39 always allows overlapping blocks
 * (2.42 keeps `--storage.tsdb.allow-overlapping-blocks` only as a hidden no-op), so history up to a few minutes ago
 * is queryable without that flag: the backfill test in real-prometheus.test.ts shows it. The samples must be newer
 * than the retention (15 days by default) or Prometheus deletes the blocks at start-up.
 */

import { execFile, spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { promisify } from 'node:util'
import type { PrometheusSettings } from '../src/model/check-spec.ts'
import type { SeriesValue } from '../src/model/gate-result.ts'
import { createPrometheusClient } from '../src/prometheus/client.ts'
import { freePort } from './local-server.ts'

export { openMetricsGauge, startExporter } from './exporter.ts'
export type { Exporter } from './exporter.ts'

/** The user that `basicAuth: true` protects Prometheus with. */
export const TEST_BASIC_AUTH = { username: 'deploy-gate', password: 'deploy-gate-test-password' } as const
/**
 * bcrypt (cost 5) of 'deploy-gate-test-password', made once with libxcrypt (htpasswd is not installed):
 * python3 -c "import crypt; print(crypt.crypt('deploy-gate-test-password', '\$2b\$05\$DeployGateTestSaltSalt.'))"
 */
const TEST_BASIC_AUTH_BCRYPT = '$2b$05$DeployGateTestSaltSaleV.8fcxIbyS334KOD3.z3h0Pqc8npu02'

export interface ScrapeJob {
  readonly job: string
  /** `host:port` of each target, e.g. an exporter's `target`. */
  readonly targets: readonly string[]
}

export interface StartPrometheusOptions {
  readonly jobs?: readonly ScrapeJob[]
  /** Default 1000. */
  readonly scrapeIntervalMs?: number
  /** Protect every endpoint with `TEST_BASIC_AUTH` through `--web.config.file`. */
  readonly basicAuth?: boolean
  /** Serve under a path prefix (`/prometheus`), through `--web.route-prefix` and `--web.external-url`. */
  readonly routePrefix?: string
  /** OpenMetrics texts (ending in `# EOF`, added when missing) written as TSDB blocks before start. */
  readonly backfill?: readonly string[]
  readonly extraArgs?: readonly string[]
  /** Alerting/recording rule groups (`groups:` of a rule file), loaded through `rule_files`. */
  readonly ruleGroups?: readonly object[]
  /** How long to wait for `/-/ready`. Default 60000. */
  readonly readyTimeoutMs?: number
}

export interface PrometheusInstance {
  /** Base URL including the route prefix, without a trailing slash. */
  readonly url: string
  readonly tsdbDir: string
  readonly basicAuth?: { readonly username: string; readonly password: string }
  /** Client settings for this instance (credentials included when it has basic auth). */
  settings(overrides?: Partial<PrometheusSettings>): PrometheusSettings
  /** What Prometheus logged so far (the last 64 KiB). */
  logs(): string
  /** SIGTERM, then SIGKILL after 5 s; removes the temp directory. Safe to call twice. */
  stop(): Promise<void>
}

const running = new Set<ChildProcess>()
let exitHookInstalled = false

export async function startPrometheus(opts: StartPrometheusOptions = {}): Promise<PrometheusInstance> {
  const binary = findBinary('PROMETHEUS_BIN', 'prometheus')
  const dir = await mkdtemp(join(tmpdir(), 'deploy-gate-prom-'))
  try {
    const tsdbDir = join(dir, 'data')
    for (const [index, text] of (opts.backfill ?? []).entries()) {
      await backfillBlocks(tsdbDir, text, join(dir, `backfill-${index}.om`))
    }
    const rules = opts.ruleGroups === undefined ? undefined : join(dir, 'rules.yml')
    if (rules !== undefined) await writeFile(rules, JSON.stringify({ groups: opts.ruleGroups }))
    await writeFile(join(dir, 'prometheus.yml'), JSON.stringify(scrapeConfig(opts, rules)))
    if (opts.basicAuth === true) {
      const webConfig = { basic_auth_users: { [TEST_BASIC_AUTH.username]: TEST_BASIC_AUTH_BCRYPT } }
      await writeFile(join(dir, 'web.yml'), JSON.stringify(webConfig))
    }
    let lastError: unknown
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        return await launch(binary, dir, tsdbDir, opts)
      } catch (error) {
        lastError = error
        if (!String(error).includes('address already in use')) break
      }
    }
    throw lastError
  } catch (error) {
    await rm(dir, { recursive: true, force: true })
    throw error
  }
}

async function launch(
  binary: string,
  dir: string,
  tsdbDir: string,
  opts: StartPrometheusOptions,
): Promise<PrometheusInstance> {
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  const prefix = (opts.routePrefix ?? '').replace(/\/+$/, '')
  const args = [
    `--config.file=${join(dir, 'prometheus.yml')}`,
    `--storage.tsdb.path=${tsdbDir}`,
    `--web.listen-address=127.0.0.1:${port}`,
    ...(opts.basicAuth === true ? [`--web.config.file=${join(dir, 'web.yml')}`] : []),
    ...(prefix === '' ? [] : [`--web.route-prefix=${prefix}`, `--web.external-url=${origin}${prefix}`]),
    ...(opts.extraArgs ?? []),
  ]
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  running.add(child)
  installExitHook()
  let logText = ''
  const appendLog = (chunk: Buffer): void => {
    logText = (logText + chunk.toString('utf8')).slice(-65536)
  }
  child.stdout?.on('data', appendLog)
  child.stderr?.on('data', appendLog)
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve())
    child.once('error', (error) => {
      logText += `\n${String(error)}`
      resolve()
    })
  })
  void exited.then(() => running.delete(child))

  const basicAuth = opts.basicAuth === true ? { ...TEST_BASIC_AUTH } : undefined
  let stopped = false
  const stop = async (): Promise<void> => {
    if (!stopped) {
      stopped = true
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        const gone = await Promise.race([exited.then(() => true), sleep(5000, false, { ref: false })])
        if (!gone) {
          child.kill('SIGKILL')
          await exited
        }
      }
    }
    await rm(dir, { recursive: true, force: true })
  }
  const url = `${origin}${prefix}`
  try {
    await waitUntilReady(`${url}/-/ready`, basicAuth, exited, opts.readyTimeoutMs ?? 60_000, () => logText)
  } catch (error) {
    // Keep the directory for the next attempt; only end the process.
    stopped = true
    child.kill('SIGKILL')
    await exited
    throw error
  }
  return {
    url,
    tsdbDir,
    ...(basicAuth === undefined ? {} : { basicAuth }),
    settings: (overrides = {}) => ({
      url,
      headers: {},
      timeoutMs: 10_000,
      ...(basicAuth === undefined ? {} : { basicAuth }),
      ...overrides,
    }),
    logs: () => logText,
    stop,
  }
}

function scrapeConfig(opts: StartPrometheusOptions, ruleFile: string | undefined): object {
  const intervalMs = opts.scrapeIntervalMs ?? 1000
  const interval = `${intervalMs}ms`
  return {
    global: { scrape_interval: interval, scrape_timeout: interval, evaluation_interval: interval },
    ...(ruleFile === undefined ? {} : { rule_files: [ruleFile] }),
    scrape_configs: (opts.jobs ?? []).map((job) => ({
      job_name: job.job,
      static_configs: [{ targets: [...job.targets] }],
    })),
  }
}

async function waitUntilReady(
  readyUrl: string,
  basicAuth: { username: string; password: string } | undefined,
  exited: Promise<void>,
  timeoutMs: number,
  logs: () => string,
): Promise<void> {
  const headers: Record<string, string> =
    basicAuth === undefined
      ? {}
      : {
          authorization: `Basic ${Buffer.from(`${basicAuth.username}:${basicAuth.password}`).toString('base64')}`,
        }
  let hasExited = false
  void exited.then(() => (hasExited = true))
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (hasExited) throw new Error(`prometheus exited before it was ready:\n${logs()}`)
    try {
      const response = await fetch(readyUrl, { headers, signal: AbortSignal.timeout(2000) })
      await response.body?.cancel()
      if (response.status === 200) return
    } catch {
      // not listening yet
    }
    await sleep(100)
  }
  throw new Error(`prometheus was not ready within ${timeoutMs} ms:\n${logs()}`)
}

/** Writes an OpenMetrics text as TSDB blocks into `tsdbDir` with promtool (Prometheus must not be running on it). */
export async function backfillBlocks(
  tsdbDir: string,
  openMetricsText: string,
  inputFile: string,
): Promise<void> {
  const promtool = findBinary('PROMTOOL_BIN', 'promtool')
  const text = /# EOF\s*$/.test(openMetricsText)
    ? openMetricsText
    : `${openMetricsText.replace(/\n?$/, '\n')}# EOF\n`
  await writeFile(inputFile, text)
  try {
    await promisify(execFile)(promtool, ['tsdb', 'create-blocks-from', 'openmetrics', inputFile, tsdbDir])
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? ''
    throw new Error(`promtool create-blocks-from openmetrics failed: ${stderr}`, { cause: error })
  }
}

/**
 * Polls an instant query until `predicate` holds for its series and returns them; throws after `timeoutMs` with the
 * last result or error. The first scrape of a new target takes 1–5 s, and `rate()` needs two.
 */
export async function waitForSeries(
  prom: Pick<PrometheusInstance, 'settings'>,
  query: string,
  predicate: (series: readonly SeriesValue[]) => boolean,
  timeoutMs = 30_000,
): Promise<readonly SeriesValue[]> {
  const client = createPrometheusClient(prom.settings())
  const deadline = Date.now() + timeoutMs
  let last = 'no answer yet'
  while (Date.now() < deadline) {
    try {
      const { series } = await client.query(query)
      if (predicate(series)) return series
      last = JSON.stringify(series, (_key, value: unknown) =>
        typeof value === 'number' ? String(value) : value,
      )
    } catch (error) {
      last = String(error)
    }
    await sleep(200)
  }
  throw new Error(`waitForSeries: ${query} did not match within ${timeoutMs} ms; last: ${last}`)
}

/** The binary `command` (or `$envName`); throws the install instruction for Debian's `debianPackage` when missing. */
export function findBinary(envName: string, command: string, debianPackage = 'prometheus'): string {
  const fromEnv = process.env[envName]
  const candidates =
    fromEnv !== undefined && fromEnv !== ''
      ? [fromEnv]
      : (process.env.PATH ?? '')
          .split(delimiter)
          .filter((dir) => dir !== '')
          .map((dir) => join(dir, command))
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK)
      return candidate
    } catch {
      // not here
    }
  }
  const where = fromEnv !== undefined && fromEnv !== '' ? ` (${envName}=${fromEnv})` : ''
  throw new Error(
    `${command} not found${where}: install it with 'apt-get install ${debianPackage}' (Debian) or set ${envName}`,
  )
}

function installExitHook(): void {
  if (exitHookInstalled) return
  exitHookInstalled = true
  process.once('exit', () => {
    for (const child of running) child.kill('SIGKILL')
  })
}
