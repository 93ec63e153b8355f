import type { Row } from './table.ts'

/** Not written yet. */
export function rollbackCost(): Promise<Row[]> {
  return Promise.reject(new Error('rollback-cost: not written yet'))
}
