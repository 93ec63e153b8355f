/**
 * Writes schema/report.schema.json — the JSON Schema (2020-12) of the report every mode writes to `report-path`
 * (SPEC §7) — from the TypeScript types, with ts-json-schema-generator (`npm run schema`): src/gate/report.ts,
 * src/rollback/report.ts and src/validate/report.ts (the e2e runs check the reports dist writes against it:
 * testkit/runner.ts).
 *
 * The generator writes draft-07; `toDraft2020` moves it to 2020-12 (`$defs`, `prefixItems`) and refuses any other
 * draft-07-only keyword rather than pass it on. The output is stable (keys sorted, 2-space JSON, trailing newline),
 * so __tests__/report/report-schema.test.ts can compare the committed file byte for byte.
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createGenerator } from 'ts-json-schema-generator'
import type { GateReport } from '../src/gate/report.ts'
import type { RollbackReport } from '../src/rollback/report.ts'
import type { ValidateReport } from '../src/validate/report.ts'

export const REPORT_SCHEMA_PATH = fileURLToPath(new URL('../schema/report.schema.json', import.meta.url))

const ROOT_TYPE = 'DeployGateReport'
const ID = 'https://raw.githubusercontent.com/deploy-gate/deploy-gate/main/schema/report.schema.json'
const DESCRIPTION = [
  'The JSON report deploy-gate writes to `report-path` and uploads as an artifact (SPEC §7), one shape per `mode`.',
  'Generated from the TypeScript types by scripts/gen-report-schema.ts; do not edit.',
  'Version 1 grows by adding keys, so a consumer must ignore keys it does not know.',
  'This schema is closed (`additionalProperties: false`): it says exactly what the release that carries it writes,',
  "so the project's tests catch a key its types do not declare. Validate a report with the schema of the release",
  'that wrote it. Numbers that JSON cannot hold are spelled as Prometheus spells them: "NaN", "+Inf", "-Inf".',
].join(' ')

/**
 * A deploy-gate report.
 *
 * @discriminator mode
 */
export type DeployGateReport = GateReport | RollbackReport | ValidateReport

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** The generator's draft-07 output as 2020-12: `definitions` → `$defs`, tuple `items` → `prefixItems`. */
export function toDraft2020(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(toDraft2020)
  if (schema === null || typeof schema !== 'object') return schema
  const out: { [key: string]: Json } = {}
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'definitions') out['$defs'] = toDraft2020(value)
    else if (key === '$ref' && typeof value === 'string')
      out[key] = value.replace(/^#\/definitions\//, '#/$defs/')
    else if (key === 'items' && Array.isArray(value)) {
      out['prefixItems'] = toDraft2020(value)
      if (schema['additionalItems'] !== undefined) out['items'] = toDraft2020(schema['additionalItems'])
    } else if (key === 'additionalItems') continue
    else if (key === 'dependencies' || key === '$recursiveRef')
      throw new Error(`gen-report-schema: no 2020-12 rendering for "${key}"`)
    else out[key] = toDraft2020(value)
  }
  return out
}

const FIRST = ['$schema', '$id', 'title', 'description', 'type']

/** Objects with their keys in a fixed order; arrays keep theirs (order matters in `required`, `enum`, `prefixItems`). */
function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value === null || typeof value !== 'object') return value
  const rank = (key: string): number => (FIRST.includes(key) ? FIRST.indexOf(key) : FIRST.length)
  const keys = Object.keys(value).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
  return Object.fromEntries(keys.map((k) => [k, sortKeys(value[k]!)]))
}

/** The schema as an object: the root is the discriminated union itself, its parts under `$defs`. */
export function reportJsonSchema(): Json {
  const generator = createGenerator({
    path: fileURLToPath(import.meta.url),
    tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)),
    type: ROOT_TYPE,
    topRef: false,
    // tsc (npm run typecheck) checks these files; the generator only reads their types.
    skipTypeCheck: true,
  })
  const { $schema: _draft07, ...generated } = generator.createSchema(ROOT_TYPE) as { [key: string]: Json }
  return toDraft2020({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: ID,
    title: 'deploy-gate report',
    ...generated,
    description: DESCRIPTION,
  })
}

/** The file's exact text. */
export function renderReportSchema(): string {
  return JSON.stringify(sortKeys(reportJsonSchema()), null, 2) + '\n'
}

if (import.meta.main) {
  writeFileSync(REPORT_SCHEMA_PATH, renderReportSchema())
  console.log(`wrote ${REPORT_SCHEMA_PATH}`)
}
