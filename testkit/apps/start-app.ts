/**
 * Real HTTP services instrumented with the libraries users use (README.md beside this file says which, and what
 * each emits): each runs as its own process on 127.0.0.1 with a port found free, serves GET /work and /metrics, and
 * can be restarted on the SAME port (a fresh process, counters reset: a deploy, as Prometheus sees it).
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { setTimeout as sleep } from 'node:timers/promises'
import { freePort } from '../local-server.ts'
import { buildGoApp } from './go-build.ts'

export const APP_KINDS = [
  'express',
  'fastify',
  'otel',
  'otel-legacy',
  'django',
  'python-client',
  'go',
] as const
/**
 * `otel`: the current @opentelemetry/instrumentation-http (stable conventions only); `otel-legacy`: its 0.220.0,
 * which emits the old conventions by default and reads OTEL_SEMCONV_STABILITY_OPT_IN. `python-client`:
 * prometheus_client by hand; `go`: client_golang promhttp.
 */
export type AppKind = (typeof APP_KINDS)[number]

export interface Behaviour {
  /** How long /work sleeps before answering. */
  readonly latencyMs: number
  /** Share of /work requests answered 500, spread evenly (0.2 → every 5th). */
  readonly errorRatio: number
}

export interface StartAppOptions {
  /** OTEL_SEMCONV_STABILITY_OPT_IN for the otel kinds (`http`: stable only; `http/dup`: both). */
  readonly semconvOptIn?: 'http' | 'http/dup'
  /** How long to wait for /metrics to answer 200 after a start. Default 60 s (a first Go build takes ~25 s). */
  readonly readyTimeoutMs?: number
}

export interface RunningApp {
  readonly kind: AppKind
  /** `http://127.0.0.1:<port>` */
  readonly url: string
  /** `127.0.0.1:<port>`, for a scrape job; the same across restarts. */
  readonly target: string
  readonly metricsPath: '/metrics'
  readonly workPath: '/work'
  /** The behaviour of the process running now. */
  behaviour(): Behaviour
  /** The process' last output (stdout and stderr), for a failure message. */
  log(): string
  /** Ends the process (SIGTERM, then SIGKILL after 5 s) and removes its temp dir. */
  stop(): Promise<void>
  /** Ends the process and starts a fresh one on the same port with `next`: every counter starts again. */
  restart(next: Behaviour): Promise<void>
}

const here = dirname(fileURLToPath(import.meta.url))
const running = new Set<ChildProcess>()
let exitHookInstalled = false

function python(): string {
  return process.env.APPS_PYTHON ?? '/usr/bin/python3'
}

interface Launch {
  readonly command: string
  readonly args: readonly string[]
  readonly cwd: string
}

async function launchFor(kind: AppKind, dir: string, port: number): Promise<Launch> {
  switch (kind) {
    case 'express':
    case 'fastify':
      return { command: process.execPath, args: [join(here, `${kind}-app.ts`)], cwd: dir }
    case 'otel':
    case 'otel-legacy':
      return { command: process.execPath, args: [join(here, 'otel-app.ts')], cwd: dir }
    case 'python-client':
      return { command: python(), args: ['-u', join(here, 'prometheus-client-app.py')], cwd: dir }
    case 'django':
      // Copied to the temp dir once (Python may write there); a restart runs it again from there.
      if (!existsSync(join(dir, 'project')))
        await cp(join(here, 'django-project'), join(dir, 'project'), { recursive: true })
      return {
        command: python(),
        args: ['-u', 'manage.py', 'runserver', '--noreload', `127.0.0.1:${port}`],
        cwd: join(dir, 'project'),
      }
    case 'go':
      return { command: await buildGoApp(), args: [], cwd: dir }
  }
}

function envFor(kind: AppKind, port: number, b: Behaviour, opts: StartAppOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    APP_PORT: String(port),
    APP_LATENCY_MS: String(b.latencyMs),
    APP_ERROR_RATIO: String(b.errorRatio),
    PYTHONDONTWRITEBYTECODE: '1',
  }
  // Only what the test asks for: an opt-in inherited from the caller's shell would change what the app emits.
  delete env.OTEL_SEMCONV_STABILITY_OPT_IN
  if (opts.semconvOptIn !== undefined) env.OTEL_SEMCONV_STABILITY_OPT_IN = opts.semconvOptIn
  if (kind === 'otel-legacy') env.APP_OTEL_LEGACY = '1'
  return env
}

function checkBehaviour(b: Behaviour): void {
  if (!Number.isFinite(b.latencyMs) || b.latencyMs < 0) throw new Error(`latencyMs: ${b.latencyMs}`)
  if (!(b.errorRatio >= 0 && b.errorRatio <= 1)) throw new Error(`errorRatio: not in 0..1: ${b.errorRatio}`)
}

interface Process {
  readonly child: ChildProcess
  readonly exited: Promise<void>
  log(): string
}

function spawnApp(launch: Launch, env: NodeJS.ProcessEnv): Process {
  const child = spawn(launch.command, launch.args, {
    cwd: launch.cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  running.add(child)
  if (!exitHookInstalled) {
    exitHookInstalled = true
    process.once('exit', () => {
      for (const each of running) each.kill('SIGKILL')
    })
  }
  let text = ''
  const append = (chunk: Buffer): void => {
    text = (text + chunk.toString('utf8')).slice(-16_384)
  }
  child.stdout?.on('data', append)
  child.stderr?.on('data', append)
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      text += `\n[exited: ${signal ?? code}]`
      resolve()
    })
    child.once('error', (error) => {
      text += `\n[${String(error)}]`
      resolve()
    })
  })
  void exited.then(() => running.delete(child))
  return { child, exited, log: () => text }
}

async function end(proc: Process): Promise<void> {
  const { child } = proc
  if (child.exitCode !== null || child.signalCode !== null) return proc.exited
  child.kill('SIGTERM')
  const gone = await Promise.race([proc.exited.then(() => true), sleep(5000, false, { ref: false })])
  if (!gone) {
    child.kill('SIGKILL')
    await proc.exited
  }
}

async function waitUntilReady(kind: AppKind, url: string, proc: Process, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let exited = false
  void proc.exited.then(() => (exited = true))
  let last = ''
  while (Date.now() < deadline && !exited) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) })
      await res.arrayBuffer()
      if (res.status === 200) return
      last = `HTTP ${res.status}`
    } catch (error) {
      last = String(error)
    }
    await sleep(100)
  }
  const why = exited ? 'the process exited' : `not ready after ${timeoutMs} ms (${last})`
  const hint =
    kind === 'django' || kind === 'python-client'
      ? ' (Debian packages missing? sh scripts/ensure-apps.sh)'
      : ''
  throw new Error(`${kind} app: ${why}${hint}; its output:\n${proc.log()}`)
}

/** Starts `kind` with `behaviour` on 127.0.0.1 and resolves when its /metrics answers 200. */
export async function startApp(
  kind: AppKind,
  behaviour: Behaviour,
  opts: StartAppOptions = {},
): Promise<RunningApp> {
  checkBehaviour(behaviour)
  const port = await freePort()
  const dir = await mkdtemp(join(tmpdir(), `deploy-gate-app-${kind}-`))
  const url = `http://127.0.0.1:${port}`
  const readyTimeoutMs = opts.readyTimeoutMs ?? 60_000
  let current = behaviour
  let proc: Process | undefined
  const launchOnce = async (b: Behaviour): Promise<void> => {
    const started = spawnApp(await launchFor(kind, dir, port), envFor(kind, port, b, opts))
    proc = started
    try {
      await waitUntilReady(kind, `${url}/metrics`, started, readyTimeoutMs)
    } catch (error) {
      await end(started)
      throw error
    }
    current = b
  }
  try {
    await launchOnce(behaviour)
  } catch (error) {
    await rm(dir, { recursive: true, force: true })
    throw error
  }
  let stopped = false
  return {
    kind,
    url,
    target: `127.0.0.1:${port}`,
    metricsPath: '/metrics',
    workPath: '/work',
    behaviour: () => current,
    log: () => proc?.log() ?? '',
    stop: async () => {
      if (stopped) return
      stopped = true
      if (proc !== undefined) await end(proc)
      await rm(dir, { recursive: true, force: true })
    },
    restart: async (next) => {
      checkBehaviour(next)
      if (stopped) throw new Error(`${kind} app: restart after stop`)
      if (proc !== undefined) await end(proc)
      await launchOnce(next)
    },
  }
}
