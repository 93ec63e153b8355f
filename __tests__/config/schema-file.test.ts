import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { loadConfigFile } from '../../src/config/load.ts'
import { resolveSettings } from '../../src/config/settings.ts'
import { Inputs } from '../../src/constants.ts'
import { renderSchema, SCHEMA_PATH } from '../../scripts/gen-schema.ts'

const ROOT = join(import.meta.dirname, '..', '..')
const EXAMPLES = join(ROOT, 'examples')
const SCHEMA_MARKER = /^# yaml-language-server: \$schema=\.\.\/schema\/deploy-gate\.schema\.json\s*$/m

/** The example config files: those that declare the schema (the workflow examples beside them do not). */
const exampleConfigs = readdirSync(EXAMPLES)
  .filter((f) => /\.ya?ml$/.test(f))
  .filter((f) => SCHEMA_MARKER.test(readFileSync(join(EXAMPLES, f), 'utf8')))
  .sort()

/** Every `${NAME}` of the examples, set, so that interpolation succeeds. */
const ENV: Record<string, string> = new Proxy({}, { get: (_t, name) => `value-of-${String(name)}` })

describe('schema/deploy-gate.schema.json', () => {
  it('is up to date with the zod schema', () => {
    const committed = readFileSync(SCHEMA_PATH, 'utf8')
    expect(committed, 'schema/deploy-gate.schema.json is stale: run `npm run schema`').toBe(renderSchema())
  })

  it('is a valid JSON Schema 2020-12', () => {
    const ajv = new Ajv2020({ strict: false })
    expect(ajv.validateSchema(JSON.parse(renderSchema()))).toBe(true)
  })
})

describe('examples', () => {
  it('include the two-host config', () => {
    expect(exampleConfigs).toContain('deploy-gate.yml')
  })

  const ajv = new Ajv2020({ allErrors: true, strict: false })
  const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')))

  it.each(exampleConfigs)('examples/%s starts with the schema comment', (name) => {
    const first = readFileSync(join(EXAMPLES, name), 'utf8').split('\n')[0]
    expect(first).toBe('# yaml-language-server: $schema=../schema/deploy-gate.schema.json')
  })

  it.each(exampleConfigs)('examples/%s validates against the JSON Schema', (name) => {
    const data: unknown = parse(readFileSync(join(EXAMPLES, name), 'utf8'))
    const valid = validate(data)
    expect(validate.errors ?? [], ajv.errorsText(validate.errors)).toEqual([])
    expect(valid).toBe(true)
  })

  it.each(exampleConfigs)('examples/%s loads without problems', (name) => {
    const { file, problems } = loadConfigFile(
      `examples/${name}`,
      readFileSync(join(EXAMPLES, name), 'utf8'),
      ENV,
    )
    expect(problems).toEqual([])
    expect(file?.config.version).toBe(1)
  })

  it.each(exampleConfigs)('examples/%s is a complete gate config (selectors, checks, Prometheus)', (name) => {
    const inputs = Object.fromEntries(Object.values(Inputs).map((n) => [n, '']))
    const { settings, problems } = resolveSettings(
      { ...inputs, mode: 'validate', config: `examples/${name}` } as Parameters<typeof resolveSettings>[0],
      { env: ENV, readFile: (path) => readFileSync(join(ROOT, path), 'utf8'), parseFile: loadConfigFile },
    )
    expect(problems).toEqual([])
    expect(settings?.mode).toBe('validate')
  })

  it('the JSON Schema rejects what the loader rejects, for the basics', () => {
    expect(validate({ version: 2 })).toBe(false)
    expect(validate({ version: 1, extra: true })).toBe(false)
    expect(validate({ version: 1, policy: { interval: '1y' } })).toBe(false)
    expect(validate({ version: 1, metrics: [{ name: 'x', builtin: 'gpu', max: 1 }] })).toBe(false)
    expect(validate({ version: 1, metrics: [{ name: 'bad name', builtin: 'up' }] })).toBe(false)
    expect(validate({ version: 1, policy: { interval: '1h30m' } })).toBe(true)
  })
})
