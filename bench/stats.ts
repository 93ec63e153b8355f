/** Summaries of repeated measurements: median, min and max (the machine is shared and noisy, so never a mean). */

export interface Summary {
  readonly median: number
  readonly min: number
  readonly max: number
  /** How many measurements. */
  readonly runs: number
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values')
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) throw new Error('summary of no values')
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values.length }
}

/** Runs `measure` `runs` times, one after another, and summarizes what it returned. */
export async function repeat(runs: number, measure: (run: number) => Promise<number>): Promise<Summary> {
  const values: number[] = []
  for (let run = 1; run <= runs; run++) values.push(await measure(run))
  return summarize(values)
}

/** `212`, `1.25`, `0.031`: three significant digits, no exponent. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value)
  if (Math.abs(value) >= 100 || Number.isInteger(value)) return String(Math.round(value))
  return String(Number(value.toPrecision(3)))
}
