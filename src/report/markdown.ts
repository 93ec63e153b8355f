/**
 * Small, pure building blocks for GitHub-flavoured markdown: escaping, code spans, links, tables, `<details>`,
 * sparklines and human-readable numbers. Shared by the gate, validate and rollback renderers.
 */
import { escapeControlChars, redactRegistered } from './redact.ts'

export const Icons = {
  ok: '✅',
  fail: '❌',
  warn: '⚠️',
  pending: '⏸️',
  info: 'ℹ️',
} as const

/**
 * Plain text → safe inline markdown, also inside a table cell: markdown punctuation and pipes are
 * backslash-escaped, `&` and `<` become entities (no raw HTML), line breaks become `<br>`, other control characters
 * `\xNN`, and bare URLs (`https://…`, `www.…`) are written so that GitHub does not turn them into links.
 */
export function escapeCell(text: string): string {
  return escapeControlChars(
    delink(
      text
        .replace(/[\\`*_~[\]|]/g, (c) => `\\${c}`)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/\r\n|\r|\n/g, '<br>'),
    ),
  )
}

/**
 * GitHub's autolinker fires on a literal `:` of `scheme://` and on `www.`; written as entities they render the same
 * text, and no link. For escaped text only (`escapeCell`).
 */
function delink(text: string): string {
  return text.replace(/:\/\//g, '&#58;//').replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}&#46;`)
}

/** Text for HTML contexts (`<summary>`, attributes): `&`, `<`, `>`, `"` as entities. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

function backtickFence(text: string, minLength: number): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length))
  return '`'.repeat(Math.max(minLength, longestRun + 1))
}

/** A code span for prose (not for table cells: use `codeCell`). Line breaks become spaces, as in any code span. */
export function code(text: string): string {
  const flat = text.replace(/\r\n|\r|\n/g, ' ')
  if (flat === '') return ''
  const fence = backtickFence(flat, 1)
  const pad = flat.startsWith('`') || flat.endsWith('`') || /^ .* $/.test(flat) ? ' ' : ''
  return `${fence}${pad}${flat}${pad}${fence}`
}

/**
 * A code span that is safe inside a table cell: pipes are escaped (GitHub unescapes `\|` inside code spans in
 * tables). Text holding a backslash before a pipe cannot be written that way, so it becomes `<code>` with entities.
 */
export function codeCell(text: string): string {
  const flat = text.replace(/\r\n|\r|\n/g, ' ')
  if (flat === '') return ''
  if (/\\\|/.test(flat)) {
    const entities = flat.replace(/[&<>"|\\`*_~[\]]/g, (c) => `&#${c.charCodeAt(0)};`)
    return `<code>${entities}</code>`
  }
  return code(flat).replace(/\|/g, '\\|')
}

/** A fenced code block whose fence is longer than any backtick run in `text`. */
export function fence(text: string, lang = ''): string {
  const marks = backtickFence(text, 3)
  return `${marks}${lang}\n${text}\n${marks}`
}

/** `[text](url)`; the URL is percent-encoded where markdown or a table would misread it (spaces, parens, pipes). */
export function link(text: string, url: string): string {
  const safeUrl = url.replace(/[\s()<>|`]/g, (c) => encodeURIComponent(c).replace(/[()]/g, percent))
  return `[${escapeCell(text)}](${safeUrl})`
}

function percent(c: string): string {
  return `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
}

/**
 * A GitHub markdown table. Cells are inline markdown (build them with `escapeCell`, `codeCell`, `link`); as a
 * safety net, raw line breaks become `<br>` and pipes not already escaped are escaped. Short rows are padded.
 */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const width = Math.max(headers.length, ...rows.map((r) => r.length))
  const line = (cells: readonly string[]): string => {
    const padded = Array.from({ length: width }, (_, i) => cellSafe(cells[i] ?? ''))
    return `| ${padded.join(' | ')} |`
  }
  const separator = `|${' --- |'.repeat(width)}`
  return [line(headers), separator, ...rows.map(line)].join('\n')
}

function cellSafe(cell: string): string {
  return cell.replace(/\r\n|\r|\n/g, '<br>').replace(/(?<!\\)\|/g, '\\|')
}

/** A collapsed section; `summary` is plain text, `body` is markdown. */
export function details(summary: string, body: string): string {
  return `<details><summary>${escapeHtml(summary)}</summary>\n\n${body}\n\n</details>`
}

/**
 * The verdict heading every mode starts with, e.g. `### ✅ deploy-gate: stable · production · `abc1234``.
 * `facts` are inline markdown (escape them first); `note` is inline markdown appended after a space.
 */
export function verdictLine(
  icon: string,
  title: string,
  facts: readonly string[] = [],
  note?: string,
): string {
  const tail = facts.length > 0 ? ` · ${facts.join(' · ')}` : ''
  return `### ${icon} ${escapeCell(title)}${tail}${note ? ` ${note}` : ''}`
}

const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const
/** What a missing, NaN or ±Inf point shows as. */
export const SPARK_GAP = '·'

export interface SparklineOptions {
  /** At most this many characters (default 40). */
  readonly width?: number
  /** Which point of a bucket survives downsampling: `max` (default), or `min` for checks that breach below a minimum. */
  readonly keep?: 'max' | 'min'
  /**
   * Reference values the scale must reach — the threshold, the baseline — so that a flat series far from its
   * threshold reads flat and low, and one creeping towards it reads so. NaN/±Inf and undefined are ignored.
   */
  readonly include?: readonly (number | undefined)[]
}

/** The ends of a sparkline's scale: the lowest and highest of its real values and its reference values. */
export function sparklineScale(
  values: readonly number[],
  include: readonly (number | undefined)[] = [],
): { readonly low: number; readonly high: number } | undefined {
  let low = Infinity
  let high = -Infinity
  for (const v of [...values, ...include]) {
    if (v === undefined || !Number.isFinite(v)) continue
    if (v < low) low = v
    if (v > high) high = v
  }
  return low <= high ? { low, high } : undefined
}

/**
 * A sparkline of `values`, at most `width` characters, on the scale `sparklineScale(values, include)`: ▁ is its low
 * end, █ its high end. Longer series are downsampled by bucket, keeping each bucket's maximum (or minimum with
 * `keep: 'min'`), so a spike is never averaged away. NaN/±Inf points show as `·`; when the scale has no extent (every
 * value and reference equal) the line is a flat middle bar.
 */
export function sparkline(values: readonly number[], opts: SparklineOptions = {}): string {
  const points = downsample(values, Math.max(1, Math.floor(opts.width ?? 40)), opts.keep ?? 'max')
  const scale = sparklineScale(values, opts.include)
  if (!points.some(Number.isFinite) || scale === undefined) return SPARK_GAP.repeat(points.length)
  return points.map((v) => sparkGlyph(v, scale)).join('')
}

/** The glyph `v` gets on a sparkline drawn on `scale` (`·` for NaN/±Inf); clamped to the scale's ends. */
export function sparkGlyph(v: number, scale: { readonly low: number; readonly high: number }): string {
  if (!Number.isFinite(v)) return SPARK_GAP
  const { low, high } = scale
  if (high === low) return BARS[3]
  const at = Math.round(((v - low) / (high - low)) * (BARS.length - 1))
  return BARS[Math.min(BARS.length - 1, Math.max(0, at))]!
}

function downsample(values: readonly number[], width: number, keep: 'max' | 'min'): number[] {
  if (values.length <= width) return [...values]
  const out: number[] = []
  for (let i = 0; i < width; i++) {
    const start = Math.floor((i * values.length) / width)
    const end = Math.floor(((i + 1) * values.length) / width)
    const finite = values.slice(start, end).filter(Number.isFinite)
    if (finite.length === 0) out.push(Number.NaN)
    else out.push(keep === 'max' ? Math.max(...finite) : Math.min(...finite))
  }
  return out
}

/**
 * A number for humans: `96.3`, `0.000764`, `1.23e+9`, `123457`; NaN and ±Inf as Prometheus writes them
 * (`NaN`, `+Inf`, `-Inf`). With `percent`, one decimal and a `%` sign: `96.3%`.
 */
export function formatValue(n: number, opts: { percent?: boolean } = {}): string {
  if (Number.isNaN(n)) return 'NaN'
  if (n === Infinity) return '+Inf'
  if (n === -Infinity) return '-Inf'
  if (opts.percent) return `${n.toFixed(1)}%`
  const abs = Math.abs(n)
  if (abs === 0) return '0'
  if (abs >= 1e6) return trimExponential(n.toExponential(2))
  if (abs >= 1000) return String(Math.round(n))
  if (abs >= 1) return String(Number.parseFloat(n.toPrecision(4)))
  if (abs < 1e-6) return trimExponential(n.toExponential(2))
  return String(Number.parseFloat(n.toPrecision(3)))
}

function trimExponential(text: string): string {
  return text.replace(/\.?0+e/, 'e')
}

/** A duration for humans: `500ms`, `1.25s`, `10s`, `1m30s`, `2m`, `1h5m`. Not meant to be parsed back. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return formatValue(ms)
  const sign = ms < 0 ? '-' : ''
  const abs = Math.abs(ms)
  if (abs < 1000) return `${sign}${Number.parseFloat(abs.toFixed(abs < 10 ? 1 : 0))}ms`
  if (abs < 60_000) return `${sign}${Number.parseFloat((abs / 1000).toFixed(2))}s`
  const totalSeconds = Math.round(abs / 1000)
  const h = Math.floor(totalSeconds / 3600)
  const m = Math.floor((totalSeconds % 3600) / 60)
  const s = totalSeconds % 60
  return `${sign}${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s ? `${s}s` : ''}`
}

/** Shortens `text` to at most `maxChars` characters, ending with `…` when it was cut. */
export function shorten(text: string, maxChars: number): string {
  // Redact before the cut: a secret cut in half would no longer match (SPEC §7).
  const chars = Array.from(redactRegistered(text))
  if (chars.length <= maxChars) return chars.join('')
  return `${chars.slice(0, Math.max(0, maxChars - 1)).join('')}…`
}
