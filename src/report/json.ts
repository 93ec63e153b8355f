/** JSON as every mode's report file writes it: NaN and ±Inf spelled as Prometheus spells them. */

/** A number as it survives JSON. */
export type JsonNumber = number | 'NaN' | '+Inf' | '-Inf'

export interface RunRef {
  readonly id: number
  readonly attempt: number
  readonly url: string
}

/** NaN and ±Inf as Prometheus spells them; finite numbers unchanged. */
export function jsonNumber(n: number): JsonNumber {
  if (Number.isNaN(n)) return 'NaN'
  if (n === Infinity) return '+Inf'
  if (n === -Infinity) return '-Inf'
  return n
}

/** Pretty JSON (2 spaces, trailing newline). Any stray non-finite number elsewhere is spelled as in `jsonNumber`. */
export function renderReportJson(report: unknown): string {
  const replacer = (_key: string, value: unknown): unknown =>
    typeof value === 'number' && !Number.isFinite(value) ? jsonNumber(value) : value
  return `${JSON.stringify(report, replacer, 2)}\n`
}
