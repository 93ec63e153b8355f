/** One line of the benchmark table, and the table itself (Markdown, so docs/performance.md can quote it as printed). */
import { formatNumber, type Summary } from './stats.ts'

export interface Row {
  /** The figure's name, as given to `npm run bench -- <figure>`. */
  readonly figure: string
  /** What was measured, and how. */
  readonly measure: string
  readonly unit: string
  /** Repeated measurements; or `value` for a single one (a size, a count that does not vary). */
  readonly stats?: Summary
  readonly value?: number
  /** The physical floor, in `unit`, and what it is. */
  readonly floor?: { readonly value: number; readonly what: string }
  /** An explicit ratio (e.g. sequential ÷ parallel, both measured in this run); else median ÷ floor. */
  readonly ratio?: { readonly value: number; readonly what: string }
  /** The median (or value) must be ≤ `max`; or `ok` says whether a yes/no target was met. */
  readonly target?: { readonly text: string; readonly max?: number; readonly ok?: boolean }
  readonly note?: string
}

/** The median, else the single value. */
export function central(row: Row): number | undefined {
  return row.stats?.median ?? row.value
}

export function passed(row: Row): boolean | undefined {
  const target = row.target
  if (target === undefined) return undefined
  if (target.ok !== undefined) return target.ok
  const value = central(row)
  return target.max !== undefined && value !== undefined && value <= target.max
}

function ratioText(row: Row): string {
  if (row.ratio !== undefined) return `${formatRatio(row.ratio.value)} ${row.ratio.what}`
  const value = central(row)
  if (row.floor === undefined || value === undefined || row.floor.value === 0) return ''
  return `${formatRatio(value / row.floor.value)} floor`
}

/** `1.07×`, `26.4×`. */
function formatRatio(ratio: number): string {
  return ratio < 10 ? `${ratio.toFixed(2)}×` : `${formatNumber(ratio)}×`
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}

export function renderTable(rows: readonly Row[]): string {
  const header = ['Figure', 'Measure', 'Median', 'Min–max', 'Runs', 'Floor', 'Ratio', 'Target', 'Result']
  const lines = rows.map((row) => {
    const unit = row.unit === '' ? '' : ` ${row.unit}`
    const value = central(row)
    const result = passed(row)
    return [
      row.figure,
      row.note ? `${row.measure} (${row.note})` : row.measure,
      value === undefined ? '—' : `${formatNumber(value)}${unit}`,
      row.stats ? `${formatNumber(row.stats.min)}–${formatNumber(row.stats.max)}` : '—',
      row.stats ? String(row.stats.runs) : '1',
      row.floor ? `${formatNumber(row.floor.value)}${unit} (${row.floor.what})` : '—',
      ratioText(row) || '—',
      row.target?.text ?? '—',
      result === undefined ? 'info' : result ? 'pass' : '**FAIL**',
    ].map(cell)
  })
  return [header, header.map(() => '---'), ...lines].map((cells) => `| ${cells.join(' | ')} |`).join('\n')
}
