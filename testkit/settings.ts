/**
 * Settings for in-process tests, bench and demo, resolved from inputs (names as in action.yml) and, optionally, a
 * config file's text by the action's own resolver — the same path main.ts takes, without the runner.
 */
import { readInputs } from '../src/config/inputs.ts'
import { loadConfigFile } from '../src/config/load.ts'
import {
  resolveSettings,
  type GateSettings,
  type RollbackSettings,
  type Settings,
  type ValidateSettings,
} from '../src/config/settings.ts'
import type { Problem } from '../src/errors.ts'

export const TEST_SHA = 'a3f1c2d4e5b60718293a4b5c6d7e8f9012345678'
export const TEST_TOKEN = 'ghs_testkitToken00000000000000000000000'
/** The config file's path in the resolved settings (its text is the `configText` given). */
export const TEST_CONFIG_PATH = 'deploy-gate.yml'

export function resolveTestSettings(
  inputs: Readonly<Record<string, string>>,
  configText?: string,
  env: Readonly<Record<string, string | undefined>> = { GITHUB_SHA: TEST_SHA },
): { settings?: Settings; problems: Problem[] } {
  const raw = readInputs((name) => inputs[name] ?? '')
  const withConfig = configText === undefined ? raw : { ...raw, config: TEST_CONFIG_PATH }
  return resolveSettings(withConfig, {
    env,
    parseFile: loadConfigFile,
    readFile: (path) => {
      if (path !== TEST_CONFIG_PATH || configText === undefined) throw new Error(`no file ${path}`)
      return configText
    },
  })
}

function settingsOf<M extends Settings['mode']>(
  mode: M,
  inputs: Readonly<Record<string, string>>,
  configText?: string,
): Extract<Settings, { mode: M }> {
  const { settings, problems } = resolveTestSettings(
    { 'github-token': TEST_TOKEN, mode, ...inputs },
    configText,
  )
  if (problems.length > 0 || settings?.mode !== mode) {
    throw new Error(`bad ${mode} settings: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`)
  }
  return settings as Extract<Settings, { mode: M }>
}

/** Gate settings; throws on problems. */
export function gateSettings(inputs: Readonly<Record<string, string>>, configText?: string): GateSettings {
  return settingsOf('gate', inputs, configText)
}

/** Validate settings; throws on problems (`resolveTestSettings` keeps them). */
export function validateSettings(
  inputs: Readonly<Record<string, string>>,
  configText?: string,
): ValidateSettings {
  return settingsOf('validate', inputs, configText)
}

export function rollbackSettings(inputs: Readonly<Record<string, string>>): RollbackSettings {
  return settingsOf('rollback', inputs)
}
