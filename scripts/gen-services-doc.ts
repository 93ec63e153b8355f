/**
 * Regenerates the conventions table of docs/services.md from the catalogue (`src/services/catalogue.ts`), between
 * `<!-- start conventions -->` and `<!-- end conventions -->`, so the page cannot drift from the code
 * (`node scripts/gen-services-doc.ts`; __tests__/services/services-doc.test.ts fails when it has).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import * as prettier from 'prettier'
import { CATALOGUE, type Convention } from '../src/services/catalogue.ts'
import { replaceSection } from './gen-docs.ts'

export const SERVICES_DOC = fileURLToPath(new URL('../docs/services.md', import.meta.url))

const cell = (text: string): string => text.replaceAll('|', '\\|').replace(/\s*\n\s*/g, ' ')
const code = (text: string): string => `\`${text}\``

function row(c: Convention): string[] {
  const names = c.names
    .map((n) =>
      [n.requests, n.responses]
        .filter((x) => x !== undefined)
        .map((x) => code(x))
        .join(' + '),
    )
    .join(' or ')
  const labels = c.labels === undefined ? '' : ` with ${c.labels.map(code).join(', ')}`
  const without = c.withoutLabels === undefined ? '' : `, without ${c.withoutLabels.map(code).join(', ')}`
  const latency = c.names
    .filter((n) => n.bucket !== undefined)
    .map((n) => `${code(n.bucket!)} (${n.unit === 'milliseconds' ? 'ms ÷ 1000' : 's'})`)
  const filter = c.filter === undefined ? '' : ` (only ${code(c.filter)})`
  return [
    code(c.id),
    cell(c.title),
    cell(`${names}${labels}${without}${filter}`),
    cell([...new Set(c.names.map((n) => n.errors ?? c.errors))].map(code).join(' or ')),
    cell(latency.length > 0 ? latency.join(' or ') : `none: ${c.noLatency}`),
    cell([...(latency.length > 0 ? [`without it: ${c.noLatency}`] : []), ...c.pitfalls].join('; ')),
  ]
}

export function renderConventionsTable(): string {
  const header = ['convention', 'instrumentation', 'recognised by', '5xx', 'p95 from', 'to know']
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...CATALOGUE.map((c) => line(row(c)))].join('\n')
}

export async function renderServicesDoc(doc: string): Promise<string> {
  const options = (await prettier.resolveConfig(SERVICES_DOC)) ?? {}
  return prettier.format(replaceSection(doc, 'conventions', renderConventionsTable()), {
    ...options,
    filepath: SERVICES_DOC,
  })
}

if (import.meta.main) {
  const before = readFileSync(SERVICES_DOC, 'utf8')
  const after = await renderServicesDoc(before)
  if (after !== before) writeFileSync(SERVICES_DOC, after)
  console.log(
    after === before ? 'docs/services.md is up to date' : 'docs/services.md: conventions table regenerated',
  )
}
