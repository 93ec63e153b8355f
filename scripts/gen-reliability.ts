/**
 * Regenerates the fault matrix of docs/reliability.md (`node scripts/gen-reliability.ts`) between
 * `<!-- start matrix -->` and `<!-- end matrix -->` from the rows the fault tests are named after: `rowsA` from
 * __tests__/faults/matrix-a-rows.ts (config, Prometheus and HTTP faults; optional until that file exists) and `rowsB`
 * from __tests__/faults/matrix-b-rows.ts (GitHub, process, property), and the Security section's threat table between
 * `<!-- start threats -->` and `<!-- end threats -->` from __tests__/security/threat-rows.ts. The rest of the
 * document is hand-written and left alone. __tests__/faults/reliability-doc.test.ts fails when the table is stale.
 *
 * Output is laid out by Prettier, as `prettier --check` (in lint) expects, like scripts/gen-docs.ts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { basename } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import * as prettier from 'prettier'
import { threatRows, type ThreatRow } from '../__tests__/security/threat-rows.ts'

export const RELIABILITY_PATH = fileURLToPath(new URL('../docs/reliability.md', import.meta.url))
export const ROWS_A_PATH = fileURLToPath(new URL('../__tests__/faults/matrix-a-rows.ts', import.meta.url))
export const ROWS_B_PATH = fileURLToPath(new URL('../__tests__/faults/matrix-b-rows.ts', import.meta.url))

/** One row of the rendered matrix. */
export interface MatrixEntry {
  readonly area: string
  readonly fault: string
  readonly expected: string
  /** The test file, from the repository root, when the row names one. */
  readonly file?: string
  /** How to find the test in that file: its name, or the row id it starts with. */
  readonly test?: string
  readonly part: 'A' | 'B'
}

function text(row: Record<string, unknown>, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = row[key]
    if (typeof value === 'string' && value.trim() !== '') return value.trim()
  }
  return undefined
}

/**
 * A row as either part writes it. Part B: `{id, area, fault, expected, file, test?}`. Part A may name its fields a
 * little differently (`outcome` for `expected`, `testName` or `name` for `test`); a row without a fault or an expected
 * outcome is an error naming the row, so a table never shows an empty cell.
 */
export function toEntry(raw: unknown, part: 'A' | 'B', index: number): MatrixEntry {
  const row = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>
  const where = `rows${part}[${index}]${text(row, 'id') ? ` (${text(row, 'id')})` : ''}`
  const fault = text(row, 'fault', 'input', 'case')
  const expected = text(row, 'expected', 'outcome', 'expect')
  if (!fault || !expected) throw new Error(`${where}: a matrix row needs a fault and an expected outcome`)
  let test = text(row, 'test', 'testName', 'name') ?? text(row, 'id')
  let file = text(row, 'file', 'testFile')
  // A `test` that is a test file's path names the file (part A names files only).
  if (!file && test && /\.test\.ts$/.test(test)) [file, test] = [test, undefined]
  if (!file && !test) throw new Error(`${where}: a matrix row needs a test file, a test name or an id`)
  return {
    area: text(row, 'area') ?? 'other',
    fault,
    expected,
    part,
    ...(file ? { file } : {}),
    ...(test ? { test } : {}),
  }
}

/** Every row: part A's when its file exists, then part B's. */
export async function loadRows(): Promise<{ entries: MatrixEntry[]; hasRowsA: boolean }> {
  const entries: MatrixEntry[] = []
  const hasRowsA = existsSync(ROWS_A_PATH)
  if (hasRowsA) {
    const a = (await import(pathToFileURL(ROWS_A_PATH).href)) as { rowsA?: unknown }
    if (!Array.isArray(a.rowsA)) throw new Error(`${ROWS_A_PATH} does not export an array rowsA`)
    entries.push(...a.rowsA.map((row, i) => toEntry(row, 'A', i)))
  }
  const b = (await import(pathToFileURL(ROWS_B_PATH).href)) as { rowsB: readonly unknown[] }
  entries.push(...b.rowsB.map((row, i) => toEntry(row, 'B', i)))
  return { entries, hasRowsA }
}

/** A table cell: one line, pipes escaped. */
function cell(value: string): string {
  return value.replace(/\s*\n\s*/g, ' ').replaceAll('|', '\\|')
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

/** The generated section: counts per area and in total, then the matrix grouped by area. */
export function renderMatrix(entries: readonly MatrixEntry[], hasRowsA: boolean): string {
  const areas = [...new Set(entries.map((e) => e.area))]
  const counts = areas.map((area) => [area, String(entries.filter((e) => e.area === area).length)])
  const byArea = areas.flatMap((area) => entries.filter((e) => e.area === area))
  const testCell = (e: MatrixEntry): string =>
    [e.file ? `\`${basename(e.file)}\`` : undefined, e.test].filter(Boolean).join(' › ')
  const note = hasRowsA
    ? ''
    : '\n\n_Part A (config, Prometheus and HTTP rows, `__tests__/faults/matrix-a-rows.ts`) is not in the table yet._'
  return [
    `${entries.length} rows, each held by a test in the file named (where a row has an id, the test's name starts ` +
      `with it).${note}`,
    table(['area', 'rows'], [...counts, ['**total**', `**${entries.length}**`]]),
    table(
      ['area', 'fault', 'expected outcome', 'test'],
      byArea.map((e) => [e.area, e.fault, e.expected, testCell(e)]),
    ),
  ].join('\n\n')
}

/** The document with what lies between `<!-- start matrix -->` and `<!-- end matrix -->` regenerated. Pure. */
export function renderReliability(doc: string, entries: readonly MatrixEntry[], hasRowsA: boolean): string {
  const start = '<!-- start matrix -->'
  const end = '<!-- end matrix -->'
  const from = doc.indexOf(start)
  const to = doc.indexOf(end)
  if (from < 0 || to < from) throw new Error(`docs/reliability.md has no "${start}" … "${end}" section`)
  return `${doc.slice(0, from + start.length)}\n\n${renderMatrix(entries, hasRowsA)}\n\n${doc.slice(to)}`
}

/** The threat table of the Security section (issue 10): each threat, the rule, the test. */
export function renderThreats(rows: readonly ThreatRow[]): string {
  return table(
    ['id', 'threat', 'rule', 'test'],
    rows.map((r) => [r.id, r.threat, r.rule, `\`${basename(r.file)}\` › ${r.test.replace(/^'|'$/g, '')}`]),
  )
}

/** The document with what lies between `<!-- start threats -->` and `<!-- end threats -->` regenerated. Pure. */
export function renderThreatSection(doc: string, rows: readonly ThreatRow[]): string {
  const start = '<!-- start threats -->'
  const end = '<!-- end threats -->'
  const from = doc.indexOf(start)
  const to = doc.indexOf(end)
  if (from < 0 || to < from) throw new Error(`docs/reliability.md has no "${start}" … "${end}" section`)
  return `${doc.slice(0, from + start.length)}\n\n${renderThreats(rows)}\n\n${doc.slice(to)}`
}

/** `renderReliability` and `renderThreatSection`, then laid out by Prettier. */
export async function renderFormattedReliability(
  doc: string,
  entries: readonly MatrixEntry[],
  hasRowsA: boolean,
): Promise<string> {
  const options = (await prettier.resolveConfig(RELIABILITY_PATH)) ?? {}
  return prettier.format(renderThreatSection(renderReliability(doc, entries, hasRowsA), threatRows), {
    ...options,
    filepath: RELIABILITY_PATH,
  })
}

if (import.meta.main) {
  const { entries, hasRowsA } = await loadRows()
  const before = readFileSync(RELIABILITY_PATH, 'utf8')
  const after = await renderFormattedReliability(before, entries, hasRowsA)
  if (after !== before) writeFileSync(RELIABILITY_PATH, after)
  console.log(
    `${after === before ? 'docs/reliability.md is up to date' : 'docs/reliability.md: fault matrix regenerated'} ` +
      `(${entries.length} rows${hasRowsA ? '' : '; no matrix-a-rows.ts yet'})`,
  )
}
