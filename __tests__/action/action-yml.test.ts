/** action.yml is the interface users depend on: it must agree with the names and defaults in src/constants.ts. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { Defaults, Inputs, Modes, Outputs } from '../../src/constants.ts'
import { ACTION_PATH, splitDefault } from '../../scripts/gen-docs.ts'

interface Entry {
  readonly description?: string
  readonly required?: boolean
  readonly default?: string
}

const action = parse(readFileSync(ACTION_PATH, 'utf8')) as {
  name?: string
  description?: string
  inputs: Record<string, Entry>
  outputs: Record<string, Entry>
  runs: Record<string, unknown>
}

const sorted = (names: Iterable<string>): string[] => [...names].sort()

/** The input whose description states each default of `Defaults` (the rest are config-file defaults). */
const DEFAULT_OF: Partial<Record<keyof typeof Defaults, string>> = {
  environment: Inputs.Environment,
  cpuMax: Inputs.CpuMax,
  memoryMax: Inputs.MemoryMax,
  diskMax: Inputs.DiskMax,
  vramMax: Inputs.VramMax,
  startupTimeout: Inputs.StartupTimeout,
  warmup: Inputs.Warmup,
  duration: Inputs.Duration,
  interval: Inputs.Interval,
  maxConsecutiveFailures: Inputs.MaxConsecutiveFailures,
  maxFailures: Inputs.MaxFailures,
  maxConsecutiveErrors: Inputs.MaxConsecutiveErrors,
  onNoData: Inputs.OnNoData,
  preExisting: Inputs.PreExisting,
  reportArtifact: Inputs.ReportArtifact,
  reportRetentionDays: Inputs.ReportRetentionDays,
  deployJob: Inputs.DeployJob,
  artifactRetentionDays: Inputs.ArtifactRetentionDays,
  retentionMargin: Inputs.RetentionMargin,
  waitTimeout: Inputs.WaitTimeout,
}
/** Defaults that belong to the config file, with no input. */
const FILE_ONLY_DEFAULTS: readonly (keyof typeof Defaults)[] = ['prometheusTimeout', 'httpTimeout']

/** Defaults stated in descriptions that are not in `Defaults` (booleans and derived values; SPEC §1). */
const OTHER_DEFAULTS: Readonly<Record<string, string>> = {
  [Inputs.Mode]: '`gate`',
  [Inputs.GitHubToken]: '`${{ github.token }}`',
  [Inputs.Sha]: '`GITHUB_SHA`',
  [Inputs.DryRun]: '`false`',
  [Inputs.AlertSelector]: 'off',
  [Inputs.ServiceSelector]: 'off',
  [Inputs.KvCacheMax]: 'off',
  [Inputs.VllmSelector]: 'the value of `gpu-selector`',
  [Inputs.FailOnInconclusive]: '`true`',
  [Inputs.Record]: '`true`',
  [Inputs.DeployWorkflow]: 'required in rollback',
  [Inputs.ArtifactNames]: 'all artifacts of the run except report artifacts',
  [Inputs.Branch]: "the repository's default branch",
  [Inputs.Wait]: '`true`',
}

describe('action.yml', () => {
  it('declares exactly the inputs in src/constants.ts', () => {
    expect(sorted(Object.keys(action.inputs))).toEqual(sorted(Object.values(Inputs)))
  })

  it('declares exactly the outputs in src/constants.ts', () => {
    expect(sorted(Object.keys(action.outputs))).toEqual(sorted(Object.values(Outputs)))
  })

  it('lists inputs and outputs in the order of src/constants.ts (the README tables follow action.yml)', () => {
    expect(Object.keys(action.inputs)).toEqual(Object.values(Inputs))
    expect(Object.keys(action.outputs)).toEqual(Object.values(Outputs))
  })

  it('has a default only for github-token and job-check-run-id; every other default is applied in code', () => {
    const withDefault = Object.entries(action.inputs)
      .filter(([, entry]) => entry.default !== undefined)
      .map(([name]) => name)
    expect(withDefault).toEqual([Inputs.GitHubToken, Inputs.JobCheckRunId])
    expect(action.inputs[Inputs.GitHubToken]!.default).toBe('${{ github.token }}')
    expect(action.inputs[Inputs.JobCheckRunId]!.default).toBe('${{ job.check_run_id }}')
  })

  it('marks no input required (deploy-workflow is required in rollback mode only, checked in code)', () => {
    for (const [name, entry] of Object.entries(action.inputs))
      expect(entry.required ?? false, name).toBe(false)
  })

  it.each([...Object.entries({ ...action.inputs }), ...Object.entries({ ...action.outputs })])(
    '%s has a description',
    (_name, entry) => {
      expect(typeof entry.description).toBe('string')
      expect(entry.description?.trim()).not.toBe('')
    },
  )

  it('runs on node24 with main and post in dist/index.js, post always', () => {
    expect(action.runs).toEqual({
      using: 'node24',
      main: 'dist/index.js',
      post: 'dist/index.js',
      'post-if': 'always()',
    })
  })

  it('has a name and a description (required by the Marketplace)', () => {
    expect(action.name).toBe('deploy-gate')
    expect(action.description?.trim()).not.toBe('')
  })

  it('the mode input names every mode', () => {
    for (const mode of Modes) expect(action.inputs[Inputs.Mode]!.description).toContain(`\`${mode}\``)
  })
})

describe('action.yml descriptions state the defaults the code applies', () => {
  it('every default in src/constants.ts belongs to an input or to the config file', () => {
    expect(sorted([...Object.keys(DEFAULT_OF), ...FILE_ONLY_DEFAULTS])).toEqual(sorted(Object.keys(Defaults)))
  })

  it.each(Object.entries(DEFAULT_OF))('Defaults.%s is what the %s description says', (key, input) => {
    const expected = `\`${Defaults[key as keyof typeof Defaults]}\``
    expect(splitDefault(action.inputs[input]!).default).toBe(expected)
  })

  it.each(Object.entries(OTHER_DEFAULTS))('%s says its default is %s', (input, expected) => {
    expect(splitDefault(action.inputs[input]!).default).toBe(expected)
  })

  it('no other input claims a default', () => {
    const covered = new Set([...Object.values(DEFAULT_OF), ...Object.keys(OTHER_DEFAULTS)])
    const claiming = Object.entries(action.inputs)
      .filter(([name, entry]) => !covered.has(name) && /\bdefault\b/i.test(entry.description ?? ''))
      .map(([name]) => name)
    expect(claiming).toEqual([])
  })
})
