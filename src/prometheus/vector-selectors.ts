/**
 * Finds the vector selectors of a PromQL query (`metric{label="v"}`, `{job="x"}`), as far as the no-data explanation
 * needs them: the metric name and the label matchers as written. A light tokenizer, not a parser: strings, comments,
 * `[…]` ranges, function calls, keywords and the label lists of `by`/`without`/`on`/`ignoring`/`group_*` are skipped.
 * Returns undefined for anything it cannot read with certainty, so a caller never explains with the wrong matchers.
 */

export interface VectorSelector {
  /** The metric name, when written before the braces or as a `__name__="…"` matcher. */
  readonly name?: string
  /** `label op "value"` as written (quotes and escapes kept), without `__name__` matchers. */
  readonly matchers: readonly string[]
}

/** Keywords and aggregation operators: never a metric name (PromQL keywords are case-insensitive). */
const KEYWORDS = new Set([
  'and', 'or', 'unless', 'bool', 'offset', 'atan2', 'inf', 'nan',
  'sum', 'min', 'max', 'avg', 'group', 'stddev', 'stdvar', 'count', 'count_values', 'bottomk', 'topk',
  'quantile', 'limitk', 'limit_ratio',
]) // prettier-ignore
/** Keywords followed by a parenthesised list of label names. */
const GROUPING = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right'])
const IDENT_START = /[a-zA-Z_:]/
const IDENT_CHAR = /[a-zA-Z0-9_:]/
const MATCHER = /^([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`)$/s

export function vectorSelectors(query: string): VectorSelector[] | undefined {
  const out: VectorSelector[] = []
  let i = 0
  const skipSpace = (): void => {
    while (i < query.length) {
      if (/\s/.test(query[i]!)) i++
      else if (query[i] === '#') while (i < query.length && query[i] !== '\n') i++
      else break
    }
  }
  while (i < query.length) {
    const c = query[i]!
    if (c === '"' || c === "'" || c === '`') {
      const end = stringEnd(query, i)
      if (end === undefined) return undefined
      i = end
    } else if (c === '#' || /\s/.test(c)) {
      skipSpace()
    } else if (c === '[') {
      const end = query.indexOf(']', i)
      if (end < 0) return undefined
      i = end + 1
    } else if (c === '{') {
      const block = braces(query, i)
      if (block === undefined) return undefined
      out.push(block.selector)
      i = block.end
    } else if (/[0-9.]/.test(c)) {
      while (i < query.length && /[0-9a-zA-Z_.]/.test(query[i]!)) i++ // numbers, durations, 0x…, 1e3
    } else if (IDENT_START.test(c)) {
      const start = i
      while (i < query.length && IDENT_CHAR.test(query[i]!)) i++
      const word = query.slice(start, i)
      skipSpace()
      const next = query[i]
      const lower = word.toLowerCase()
      if (GROUPING.has(lower)) {
        if (next !== '(') continue
        const end = query.indexOf(')', i)
        if (end < 0) return undefined
        i = end + 1
      } else if (next === '(' || KEYWORDS.has(lower)) {
        continue // a function call or a keyword
      } else if (next === '{') {
        const block = braces(query, i)
        if (block === undefined) return undefined
        out.push({ ...block.selector, name: word })
        i = block.end
      } else {
        out.push({ name: word, matchers: [] })
      }
    } else {
      i++
    }
  }
  return out
}

/** The `up` query on the matchers of a query's only vector selector; undefined when it has none or several. */
export function upOnOwnMatchers(query: string): string | undefined {
  const selectors = vectorSelectors(query)
  if (selectors?.length !== 1) return undefined
  const [only] = selectors
  return only!.matchers.length === 0 ? 'up' : `up{${only!.matchers.join(',')}}`
}

/** The index just past the string literal starting at `start`; undefined when it is not closed. */
function stringEnd(text: string, start: number): number | undefined {
  const quote = text[start]
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\' && quote !== '`') i++
    else if (text[i] === quote) return i + 1
  }
  return undefined
}

/** The matchers of the `{…}` starting at `start`. */
function braces(text: string, start: number): { selector: VectorSelector; end: number } | undefined {
  const parts: string[] = []
  let part = ''
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i]!
    if (c === '"' || c === "'" || c === '`') {
      const end = stringEnd(text, i)
      if (end === undefined) return undefined
      part += text.slice(i, end)
      i = end - 1
    } else if (c === ',' || c === '}') {
      if (part.trim() !== '') parts.push(part.trim())
      part = ''
      if (c === '}') return toSelector(parts, i + 1)
    } else {
      part += c
    }
  }
  return undefined
}

function toSelector(
  parts: readonly string[],
  end: number,
): { selector: VectorSelector; end: number } | undefined {
  const matchers: string[] = []
  let name: string | undefined
  for (const part of parts) {
    const m = MATCHER.exec(part)
    if (!m) return undefined // a quoted label name, a bare "metric" (Prometheus 3): not read
    if (m[1] === '__name__') {
      if (m[2] !== '=') return undefined
      name = m[3]!.slice(1, -1)
      continue
    }
    matchers.push(`${m[1]}${m[2]}${m[3]}`)
  }
  return { selector: name === undefined ? { matchers } : { name, matchers }, end }
}
