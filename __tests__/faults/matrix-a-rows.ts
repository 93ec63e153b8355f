/**
 * The config, Prometheus and HTTP-health rows of the fault matrix (issue #6) as plain data, for docs/reliability.md:
 * one entry per row, in table order, naming the test file that runs it.
 */
import { configRows, DIST_ONLY } from './config-rows.ts'
import { httpRows } from './http-rows.ts'
import type { FaultRow } from './matrix-a-table.ts'
import { prometheusRows } from './prometheus-rows.ts'

export { configRows } from './config-rows.ts'
export { httpRows } from './http-rows.ts'
export { prometheusRows } from './prometheus-rows.ts'

export interface MatrixRowA {
  readonly area: 'config' | 'prometheus' | 'http'
  readonly fault: string
  readonly expected: string
  /** The test file that runs the row, from the repository root. */
  readonly test: string
}

function entries(area: MatrixRowA['area'], rows: readonly FaultRow[], test: string): MatrixRowA[] {
  return rows.map((row) => ({ area, fault: row.fault, expected: row.expected, test }))
}

export const rowsA: readonly MatrixRowA[] = [
  // Every config row runs in-process; the dist-only ones (and a handful more, THROUGH_DIST) through dist too.
  ...entries(
    'config',
    configRows.filter((r) => !DIST_ONLY.has(r.id)),
    '__tests__/config/config-rows.test.ts',
  ),
  ...entries(
    'config',
    configRows.filter((r) => DIST_ONLY.has(r.id)),
    '__tests__/faults/config-faults.test.ts',
  ),
  ...entries('prometheus', prometheusRows, '__tests__/faults/prometheus-faults.test.ts'),
  ...entries('http', httpRows, '__tests__/faults/http-faults.test.ts'),
]
