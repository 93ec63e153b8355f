/**
 * In-process set-up shared by the figures: settings resolved from inputs (and a config file text) by the action's own
 * resolver, and one measurement per check the way gate mode takes it (src/gate/mode.ts: the HTTP prober for HTTP
 * checks, the Prometheus client + measureSeries for metric checks).
 */
import { readInputs } from '../src/config/inputs.ts'
import { loadConfigFile } from '../src/config/load.ts'
import { resolveSettings, type GateSettings, type RollbackSettings } from '../src/config/settings.ts'
import type { CheckSpec } from '../src/model/check-spec.ts'
import type { Measure } from '../src/gate/run.ts'
import type { Measurement } from '../src/model/gate-result.ts'
import type { HttpProber } from '../src/probes/http.ts'
import type { PrometheusClient } from '../src/prometheus/client.ts'
import { measureCheck } from '../src/gate/measure-check.ts'

export const BENCH_SHA = 'a3f1c2d4e5b60718293a4b5c6d7e8f9012345678'
export const BENCH_TOKEN = 'ghs_benchToken000000000000000000000000'
const CONFIG_PATH = 'bench/deploy-gate.yml'

function resolve(
  inputs: Readonly<Record<string, string>>,
  configText?: string,
): ReturnType<typeof resolveSettings> {
  const raw = readInputs((name) => inputs[name] ?? '')
  const withConfig = configText === undefined ? raw : { ...raw, config: CONFIG_PATH }
  return resolveSettings(withConfig, {
    env: { GITHUB_SHA: BENCH_SHA },
    parseFile: loadConfigFile,
    readFile: (path) => {
      if (path !== CONFIG_PATH || configText === undefined) throw new Error(`no file ${path}`)
      return configText
    },
  })
}

/** Gate settings from inputs (names as in action.yml) and, optionally, a config file's text; throws on problems. */
export function gateSettings(inputs: Readonly<Record<string, string>>, configText?: string): GateSettings {
  const { settings, problems } = resolve({ 'github-token': BENCH_TOKEN, ...inputs }, configText)
  if (problems.length > 0 || settings?.mode !== 'gate') {
    throw new Error(`bench: bad gate settings: ${problems.map((p) => p.message).join('; ')}`)
  }
  return settings
}

export function rollbackSettings(inputs: Readonly<Record<string, string>>): RollbackSettings {
  const { settings, problems } = resolve({ 'github-token': BENCH_TOKEN, mode: 'rollback', ...inputs })
  if (problems.length > 0 || settings?.mode !== 'rollback') {
    throw new Error(`bench: bad rollback settings: ${problems.map((p) => p.message).join('; ')}`)
  }
  return settings
}

/** One measurement of one check: gate mode's own `measureCheck`. */
export function gateMeasure(prober: HttpProber, prometheus: PrometheusClient | undefined): Measure {
  return (spec: CheckSpec, signal: AbortSignal): Promise<Measurement> =>
    measureCheck(spec, signal, { prober, prometheus })
}
