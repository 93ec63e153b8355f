/**
 * docs/reliability.md's fault matrix is generated from the rows (scripts/gen-reliability.ts); this fails when it is
 * stale, and when a row names a test that is not there.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  loadRows,
  RELIABILITY_PATH,
  renderFormattedReliability,
  renderReliability,
  toEntry,
  type MatrixEntry,
} from '../../scripts/gen-reliability.ts'
import { rowsB } from './matrix-b-rows.ts'
import { threatRows } from '../security/threat-rows.ts'

const ROOT = join(import.meta.dirname, '..', '..')
const doc = readFileSync(RELIABILITY_PATH, 'utf8')
let entries: MatrixEntry[]
let hasRowsA: boolean

beforeAll(async () => {
  ;({ entries, hasRowsA } = await loadRows())
})

describe('docs/reliability.md', () => {
  it('has the fault matrix of the rows', async () => {
    expect(doc, 'docs/reliability.md is stale: run `node scripts/gen-reliability.ts`').toBe(
      await renderFormattedReliability(doc, entries, hasRowsA),
    )
  })

  it('has each marker once, and the Security section after the matrix', () => {
    for (const marker of [
      '<!-- start matrix -->',
      '<!-- end matrix -->',
      '<!-- start threats -->',
      '<!-- end threats -->',
    ]) {
      expect(doc.split(marker).length - 1, marker).toBe(1)
    }
    expect(doc.indexOf('## Security')).toBeGreaterThan(doc.indexOf('<!-- end matrix -->'))
  })

  it.skipIf(!existsSync(join(ROOT, '__tests__/faults/matrix-a-rows.ts')))(
    'has at least 60 rows (issue #6)',
    () => {
      expect(entries.length).toBeGreaterThanOrEqual(60)
    },
  )
})

describe('the rows', () => {
  it('name test files that exist, and tests in them', () => {
    for (const e of entries) {
      if (!e.file) continue
      const path = join(ROOT, e.file)
      expect(existsSync(path), `${e.file} (${e.fault})`).toBe(true)
    }
    for (const row of rowsB) {
      const source = readFileSync(join(ROOT, row.file), 'utf8')
      // A row with its own test names it by id (`testName('G01')`, `id: 'P01'`); one pointing at an older test by name.
      const needle = row.test ? (row.test.split(' › ').at(-1) ?? row.test) : `'${row.id}'`
      expect(source, `${row.id}: ${row.file} has no test ${needle}`).toContain(needle)
    }
  })

  it('of the threat table name tests that exist (issue 10)', () => {
    for (const row of threatRows) {
      const source = readFileSync(join(ROOT, row.file), 'utf8')
      expect(source, `${row.id}: ${row.file} has no test ${row.test}`).toContain(row.test)
    }
    expect(new Set(threatRows.map((r) => r.id)).size).toBe(threatRows.length)
  })

  it('have unique ids', () => {
    const ids = rowsB.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
  })
})

describe('gen-reliability', () => {
  const row = (over: Record<string, unknown> = {}): MatrixEntry =>
    toEntry({ area: 'x', fault: 'f', expected: 'e', file: '__tests__/a.test.ts', id: 'X01', ...over }, 'B', 0)

  it('replaces only the marked section, idempotently', () => {
    const before = 'intro\n<!-- start matrix -->\nold\n<!-- end matrix -->\n## Security\nkept\n'
    const once = renderReliability(before, [row()], true)
    expect(once.startsWith('intro\n<!-- start matrix -->\n\n')).toBe(true)
    expect(once.endsWith('\n\n<!-- end matrix -->\n## Security\nkept\n')).toBe(true)
    expect(once).not.toContain('old')
    expect(renderReliability(once, [row()], true)).toBe(once)
  })

  it('counts rows per area and in total', () => {
    const out = renderReliability(
      '<!-- start matrix -->\n<!-- end matrix -->',
      [row({ area: 'a' }), row({ area: 'b' }), row({ area: 'a' })],
      true,
    )
    expect(out).toContain('| a | 2 |')
    expect(out).toContain('| b | 1 |')
    expect(out).toContain('| **total** | **3** |')
  })

  it('says so while part A is missing', () => {
    expect(renderReliability('<!-- start matrix -->\n<!-- end matrix -->', [row()], false)).toContain(
      'Part A',
    )
  })

  it('reads part A rows that name their test file as `test`, and rejects rows without a fault', () => {
    expect(
      toEntry({ area: 'config', fault: 'f', expected: 'e', test: '__tests__/faults/x.test.ts' }, 'A', 0),
    ).toEqual({
      area: 'config',
      fault: 'f',
      expected: 'e',
      part: 'A',
      file: '__tests__/faults/x.test.ts',
    })
    expect(() => toEntry({ area: 'config', expected: 'e' }, 'A', 3)).toThrow('rowsA[3]')
  })

  it('fails clearly without markers', () => {
    expect(() => renderReliability('# title\n', [row()], true)).toThrow('<!-- start matrix -->')
  })
})
