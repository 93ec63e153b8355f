/**
 * Builds the dependencies once, runs the mode, publishes its outcome. The ONLY place that calls core.setFailed and
 * handles the process' signals. Each mode is imported when it runs, so a gate never loads (or parses) the rollback
 * and validate code, and a client (Octokit, undici, `@actions/artifact`) is loaded only when first asked for.
 */
import { setFailed as failStep } from '@actions/core'
import { setTimeout as sleepMs } from 'node:timers/promises'
import { core, droppedAnnotationsNote } from './report/log.ts'
import { safeLine } from './report/redact.ts'
import { Inputs, State } from './constants.ts'
import type { ModeDeps } from './deps.ts'
import { readInputs } from './config/inputs.ts'
import { readConfigFile } from './config/read-config-file.ts'
import { configFileInput, resolveSettings } from './config/settings.ts'
import { ConfigError, configErrorReport, errorMessage } from './errors.ts'
import { readRunContext } from './github/context.ts'
import { githubClients } from './github/load-client.ts'
import type { ModeOutcome } from './model/outcome.ts'
import { uploadWithActionsArtifact } from './report/publish.ts'

export async function run(): Promise<void> {
  const onRejection = (reason: unknown): void => fail(reason)
  process.on('unhandledRejection', onRejection)
  try {
    core.saveState(State.IsPost, 'true')
    const raw = readInputs()
    // yaml and zod are loaded only for a config file.
    const parseFile = configFileInput(raw) ? (await import('./config/load.ts')).loadConfigFile : undefined
    const { settings, problems } = resolveSettings(raw, {
      env: process.env,
      parseFile,
      readFile: (path) => readConfigFile(path, process.env['GITHUB_WORKSPACE'] || process.cwd()),
    })
    for (const secret of settings?.secrets ?? []) core.setSecret(secret)
    const deps = modeDeps(settings?.token ?? raw[Inputs.GitHubToken], settings?.secrets ?? [])
    let outcome: ModeOutcome
    if (settings?.mode === 'validate') {
      const { runValidateMode } = await import('./validate/mode.ts')
      outcome = await runValidateMode(settings, problems, deps)
    } else if (!settings || problems.length > 0) {
      throw new ConfigError(problems)
    } else if (settings.mode === 'gate') {
      const { runGateMode } = await import('./gate/mode.ts')
      outcome = await runGateMode(settings, deps)
    } else {
      const { runRollbackMode } = await import('./rollback/mode.ts')
      outcome = await runRollbackMode(settings, deps)
    }
    const { publish } = await import('./publish.ts')
    await publish(outcome, deps)
    if (outcome.failure !== undefined) setFailed(outcome.failure)
  } catch (err) {
    fail(err)
  } finally {
    process.off('unhandledRejection', onRejection)
  }
}

export async function runPost(): Promise<void> {
  try {
    const { runGatePost } = await import('./gate/post.ts')
    await runGatePost(modeDeps(readInputs()[Inputs.GitHubToken], []))
  } catch (err) {
    // The post step only closes a record the main step left open; failing it would hide the main step's result.
    core.warning(`post step: ${errorMessage(err)}`)
  }
}

/** The outside world, once: the sanitising core, the runner's environment, the clock, and clients made on demand. */
function modeDeps(token: string, secrets: readonly string[]): ModeDeps {
  return {
    core,
    env: process.env,
    secrets,
    github: githubClients({ token, baseUrl: readRunContext(process.env).apiUrl }),
    clock: { now: () => Date.now(), sleep: (ms, signal) => sleepMs(ms, undefined, { signal }) },
    upload: uploadWithActionsArtifact,
    prober: async (options) => (await import('./probes/http.ts')).createHttpProber(options),
    prometheus: async (settings) => (await import('./prometheus/client.ts')).createPrometheusClient(settings),
    watchSignals,
  }
}

/**
 * The one place that handles the process' signals: until `stop()`, SIGTERM or SIGINT (a cancelled job gets SIGINT,
 * then SIGTERM) aborts the returned signal with `<what> cancelled (<signal>)` instead of ending the process.
 */
function watchSignals(what: string): { signal: AbortSignal; stop(): void } {
  const controller = new AbortController()
  const handlers = (['SIGTERM', 'SIGINT'] as const).map((name) => {
    const handler = (): void => controller.abort(new Error(`${what} cancelled (${name})`))
    process.once(name, handler)
    return [name, handler] as const
  })
  return {
    signal: controller.signal,
    stop: () => {
      for (const [name, handler] of handlers) process.off(name, handler)
    },
  }
}

function fail(err: unknown): void {
  if (err instanceof ConfigError) {
    const report = configErrorReport(err.problems)
    for (const { message, ...properties } of report.annotations) core.error(message, properties)
    const note = droppedAnnotationsNote()
    if (note !== undefined) core.info(note)
    setFailed(report.failure)
  } else {
    setFailed(errorMessage(err))
  }
  if (process.env['RUNNER_DEBUG'] === '1' && err instanceof Error && err.stack) core.debug(err.stack)
}

/** The step's failure: the one call of `core.setFailed`, its message through the same sanitiser as every line. */
function setFailed(message: string): void {
  failStep(safeLine(message))
}
