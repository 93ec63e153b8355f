/**
 * Writes schema/deploy-gate.schema.json from the zod schema (`npm run schema`). The output is stable: keys sorted
 * (the JSON Schema keywords that name the document first), 2-space JSON, trailing newline — so the committed file
 * changes only when the schema does, and __tests__/config/schema-file.test.ts can compare it byte for byte.
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { configJsonSchema } from '../src/config/schema.ts'

export const SCHEMA_PATH = fileURLToPath(new URL('../schema/deploy-gate.schema.json', import.meta.url))

const FIRST = ['$schema', '$id', 'title', 'description', 'type']

/** Objects with their keys in a fixed order; arrays keep theirs (order matters in `required`, `enum`, `examples`). */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value === null || typeof value !== 'object') return value
  const rank = (key: string): number => (FIRST.includes(key) ? FIRST.indexOf(key) : FIRST.length)
  const keys = Object.keys(value).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
  return Object.fromEntries(keys.map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]))
}

/** The file's exact text. */
export function renderSchema(): string {
  return JSON.stringify(sortKeys(configJsonSchema()), null, 2) + '\n'
}

if (import.meta.main) {
  writeFileSync(SCHEMA_PATH, renderSchema())
  console.log(`wrote ${SCHEMA_PATH}`)
}
