/**
 * How a count of failing samples reads in a check's reason. A no-data sample that `on-no-data: fail` counts as a
 * breach is never called one (SPEC §2): `2 breaches`, `2 samples without data`, or `3 failing samples (2 breaches,
 * 1 without data)`.
 */
import type { Measurement } from '../model/gate-result.ts'

/** The outcomes of the samples `n` counts (each `breach` or `no-data`), oldest first. */
export function failingCountText(n: number, counted: readonly Measurement['outcome'][]): string {
  const noData = counted.filter((o) => o === 'no-data').length
  const breaches = counted.length - noData
  const plural = (k: number, one: string, many: string): string => `${k} ${k === 1 ? one : many}`
  if (noData === 0) return plural(n, 'breach', 'breaches')
  if (breaches === 0) return plural(n, 'sample without data', 'samples without data')
  return `${plural(n, 'failing sample', 'failing samples')} (${plural(breaches, 'breach', 'breaches')}, ${noData} without data)`
}
