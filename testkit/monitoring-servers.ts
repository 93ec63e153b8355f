/**
 * Real monitoring servers nobody here wrote, next to the Prometheus launcher (prometheus.ts): Debian's node_exporter
 * (`prometheus-node-exporter`, reading this machine's /proc and /sys) and VictoriaMetrics (`victoria-metrics`, which
 * scrapes its targets itself through `-promscrape.config`). Each runs on 127.0.0.1 on a free port with its own temp
 * directory; the packages' services are never used.
 *
 * Binaries: `NODE_EXPORTER_BIN` / `VICTORIA_METRICS_BIN`, else the Debian paths on PATH. A missing binary is an error
 * with the install instruction, never a silent skip.
 */

import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import type { PrometheusSettings } from '../src/model/check-spec.ts'
import { freePort } from './local-server.ts'
import { findBinary } from './prometheus.ts'
import type { ScrapeJob } from './prometheus.ts'

export interface ServerProcess {
  /** What the process logged so far (the last 64 KiB). */
  logs(): string
  /** SIGKILL at once (a crashed host), without removing the temp directory. */
  kill(): Promise<void>
  /** SIGTERM, then SIGKILL after 5 s; removes the temp directory. Safe to call twice. */
  stop(): Promise<void>
}

export interface NodeExporterInstance extends ServerProcess {
  /** `127.0.0.1:<port>`, for a scrape config. */
  readonly target: string
}

export interface VictoriaMetricsInstance extends ServerProcess {
  /** Base URL including the path prefix, without a trailing slash. */
  readonly url: string
  settings(overrides?: Partial<PrometheusSettings>): PrometheusSettings
}

/**
 * The collectors the built-ins read (cpu, meminfo, filesystem) plus uname, for a fast scrape: the defaults include
 * slow and noisy ones (systemd, hwmon, …).
 */
const NODE_COLLECTORS = ['cpu', 'meminfo', 'filesystem', 'uname']

export async function startRealNodeExporter(): Promise<NodeExporterInstance> {
  const binary = findBinary('NODE_EXPORTER_BIN', 'prometheus-node-exporter', 'prometheus-node-exporter')
  const dir = await mkdtemp(join(tmpdir(), 'deploy-gate-node-exporter-'))
  const port = await freePort()
  const args = [
    `--web.listen-address=127.0.0.1:${port}`,
    '--collector.disable-defaults',
    ...NODE_COLLECTORS.map((c) => `--collector.${c}`),
  ]
  const server = await launch('node_exporter', binary, args, dir, `http://127.0.0.1:${port}/metrics`)
  return { ...server, target: `127.0.0.1:${port}` }
}

export interface StartVictoriaMetricsOptions {
  readonly jobs?: readonly ScrapeJob[]
  /** Default 1000. */
  readonly scrapeIntervalMs?: number
  /** `-http.pathPrefix`, e.g. `/prometheus`. */
  readonly pathPrefix?: string
  /**
   * `-search.latencyOffset`: VictoriaMetrics answers "now" with data at least this old (its default is 30s, which
   * real users meet). Default here `1s`, so that tests see a scrape within seconds.
   */
  readonly latencyOffset?: string
}

export async function startVictoriaMetrics(
  opts: StartVictoriaMetricsOptions = {},
): Promise<VictoriaMetricsInstance> {
  const binary = findBinary('VICTORIA_METRICS_BIN', 'victoria-metrics', 'victoria-metrics')
  const dir = await mkdtemp(join(tmpdir(), 'deploy-gate-vm-'))
  const intervalMs = opts.scrapeIntervalMs ?? 1000
  const scrape = {
    global: { scrape_interval: `${intervalMs}ms`, scrape_timeout: `${intervalMs}ms` },
    scrape_configs: (opts.jobs ?? []).map((job) => ({
      job_name: job.job,
      static_configs: [{ targets: [...job.targets] }],
    })),
  }
  await writeFile(join(dir, 'scrape.yml'), JSON.stringify(scrape))
  const port = await freePort()
  const prefix = (opts.pathPrefix ?? '').replace(/\/+$/, '')
  const args = [
    `-httpListenAddr=127.0.0.1:${port}`,
    `-storageDataPath=${join(dir, 'data')}`,
    '-retentionPeriod=1d',
    `-promscrape.config=${join(dir, 'scrape.yml')}`,
    `-search.latencyOffset=${opts.latencyOffset ?? '1s'}`,
    '-search.disableCache',
    ...(prefix === '' ? [] : [`-http.pathPrefix=${prefix}`]),
  ]
  const url = `http://127.0.0.1:${port}${prefix}`
  const server = await launch('victoria-metrics', binary, args, dir, `${url}/health`)
  return {
    ...server,
    url,
    settings: (overrides = {}) => ({ url, headers: {}, timeoutMs: 10_000, ...overrides }),
  }
}

const running = new Set<ChildProcess>()
let exitHookInstalled = false

/** Spawns `binary` and waits until `readyUrl` answers 200; on failure the error carries the process' log. */
async function launch(
  what: string,
  binary: string,
  args: readonly string[],
  dir: string,
  readyUrl: string,
): Promise<ServerProcess> {
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir })
  running.add(child)
  if (!exitHookInstalled) {
    exitHookInstalled = true
    process.once('exit', () => {
      for (const c of running) c.kill('SIGKILL')
    })
  }
  let logText = ''
  const append = (chunk: Buffer): void => {
    logText = (logText + chunk.toString('utf8')).slice(-65536)
  }
  child.stdout?.on('data', append)
  child.stderr?.on('data', append)
  let hasExited = false
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve())
    child.once('error', (error) => {
      logText += `\n${String(error)}`
      resolve()
    })
  })
  void exited.then(() => {
    hasExited = true
    running.delete(child)
  })
  const kill = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    await exited
  }
  let stopped = false
  const stop = async (): Promise<void> => {
    if (!stopped) {
      stopped = true
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        const gone = await Promise.race([exited.then(() => true), sleep(5000, false, { ref: false })])
        if (!gone) await kill()
      }
    }
    await rm(dir, { recursive: true, force: true })
  }
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (hasExited) {
      await rm(dir, { recursive: true, force: true })
      throw new Error(`${what} exited before it was ready:\n${logText}`)
    }
    try {
      const response = await fetch(readyUrl, { signal: AbortSignal.timeout(2000) })
      await response.body?.cancel()
      if (response.status === 200) return { logs: () => logText, kill, stop }
    } catch {
      // not listening yet
    }
    await sleep(100)
  }
  await stop()
  throw new Error(`${what} was not ready within 30 s:\n${logText}`)
}
