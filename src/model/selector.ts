/**
 * Validation of a check's selector (SPEC §2): a comma-separated list of `label(=|!=|=~|!~)"value"` matchers, which the
 * built-in queries paste into PromQL. Anything else is rejected, so a selector can never end the `{…}` it is pasted
 * into (`"}) or vector(1) #` fails at position 1).
 *
 * The scanner follows Prometheus' own lexer for double-quoted strings (escapes `\a \b \f \n \r \t \v \\ \"`, `\ooo`,
 * `\xhh`, `\uhhhh`, `\Uhhhhhhhh`; no raw newline), so every string it accepts ends exactly where Prometheus ends it.
 * It is stricter than PromQL: no single quotes or backticks, no trailing comma, no `__name__` matcher.
 */

const LABEL_NAME = /[a-zA-Z_][a-zA-Z0-9_]*/y
const OPERATOR = /=~|!~|!=|=/y
const WHITESPACE = /[ \t\r\n]*/y
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  '"': '"',
}

/**
 * Returns the problems of `text` as a selector; an empty array means valid (an empty or blank selector is valid: no
 * matchers). Positions are 1-based character offsets into `text`.
 */
export function validateSelector(text: string): string[] {
  let pos = skipWhitespace(text, 0)
  if (pos === text.length) return []
  const problems: string[] = []
  for (;;) {
    const label = matchAt(LABEL_NAME, text, pos)
    if (label === undefined) return [`expected a matcher like label="value" at position ${pos + 1}`]
    if (label === '__name__') return [`the __name__ label cannot be matched at position ${pos + 1}`]
    pos = skipWhitespace(text, pos + label.length)
    const operator = matchAt(OPERATOR, text, pos)
    if (operator === undefined) {
      return [`expected one of = != =~ !~ after label ${label} at position ${pos + 1}`]
    }
    pos = skipWhitespace(text, pos + operator.length)
    const value = scanString(text, pos)
    if (!value.ok) return [value.problem]
    if (operator === '=~' || operator === '!~') {
      const regexProblem = checkRegex(value.value)
      if (regexProblem !== undefined)
        problems.push(`invalid regex for ${label} at position ${pos + 1}: ${regexProblem}`)
    }
    pos = skipWhitespace(text, value.end)
    if (pos === text.length) return problems
    if (text[pos] !== ',')
      return [...problems, `expected "," or the end of the selector at position ${pos + 1}`]
    const commaPos = pos
    pos = skipWhitespace(text, pos + 1)
    if (pos === text.length) return [...problems, `trailing "," at position ${commaPos + 1}`]
  }
}

export interface Matcher {
  readonly label: string
  readonly op: '=' | '!=' | '=~' | '!~'
  /** Decoded value (escapes resolved). */
  readonly value: string
}

/** The matchers of a selector `validateSelector` accepts; throws on one it rejects (validate first). */
export function parseSelector(text: string): Matcher[] {
  const problems = validateSelector(text)
  if (problems.length > 0) throw new Error(`invalid selector: ${problems.join('; ')}`)
  const matchers: Matcher[] = []
  let pos = skipWhitespace(text, 0)
  while (pos < text.length) {
    const label = matchAt(LABEL_NAME, text, pos)!
    pos = skipWhitespace(text, pos + label.length)
    const op = matchAt(OPERATOR, text, pos) as Matcher['op']
    pos = skipWhitespace(text, pos + op.length)
    const value = scanString(text, pos) as Extract<Scanned, { ok: true }>
    matchers.push({ label, op, value: value.value })
    pos = skipWhitespace(text, value.end)
    if (text[pos] === ',') pos = skipWhitespace(text, pos + 1)
  }
  return matchers
}

/**
 * A regex matcher's pattern as JavaScript runs it, anchored as PromQL anchors it; RE2's `(?i)` becomes the `i` flag
 * (other RE2-only flags are dropped, as `checkRegex` does).
 */
export function matcherRegex(source: string): RegExp {
  const caseless = /^\(\?[msU]*i[msU]*\)/.test(source)
  const translated = source
    .replace(/\(\?[imsU]*(-[imsU]*)?\)/g, '')
    .replace(/\(\?[imsU]*(-[imsU]*)?:/g, '(?:')
    .replace(/\(\?P</g, '(?<')
  return new RegExp(`^(?:${translated})$`, caseless ? 'is' : 's')
}

type Scanned = { ok: true; value: string; end: number } | { ok: false; problem: string }

/** Scans a double-quoted string starting at `start`; returns its decoded value and the index after the closing quote. */
function scanString(text: string, start: number): Scanned {
  if (text[start] !== '"') {
    const what =
      text[start] === "'" || text[start] === '`' ? 'use double quotes' : 'expected a double-quoted value'
    return { ok: false, problem: `${what} at position ${start + 1}` }
  }
  let value = ''
  let pos = start + 1
  while (pos < text.length) {
    const char = text[pos] as string
    if (char === '"') return { ok: true, value, end: pos + 1 }
    if (char === '\n') break
    if (char !== '\\') {
      value += char
      pos += 1
      continue
    }
    const escape = decodeEscape(text, pos)
    if (!escape.ok) return escape
    value += escape.value
    pos = escape.end
  }
  return { ok: false, problem: `unterminated string starting at position ${start + 1}` }
}

/** Decodes the escape sequence whose backslash is at `pos`, as Prometheus' lexer does. */
function decodeEscape(text: string, pos: number): Scanned {
  const kind = text[pos + 1]
  const bad = (why: string): Scanned => ({ ok: false, problem: `${why} at position ${pos + 1}` })
  if (kind === undefined) return bad('unterminated escape sequence')
  const simple = SIMPLE_ESCAPES[kind]
  if (simple !== undefined) return { ok: true, value: simple, end: pos + 2 }
  let digits: string
  let base: number
  let max: number
  if (/[0-7]/.test(kind)) {
    digits = text.slice(pos + 1, pos + 4)
    base = 8
    max = 255
  } else if (kind === 'x' || kind === 'u' || kind === 'U') {
    digits = text.slice(pos + 2, pos + 2 + (kind === 'x' ? 2 : kind === 'u' ? 4 : 8))
    base = 16
    max = kind === 'x' ? 255 : 0x10ffff
  } else {
    return bad(`unknown escape sequence \\${kind}`)
  }
  const expectedLength = base === 8 ? 3 : kind === 'x' ? 2 : kind === 'u' ? 4 : 8
  const pattern = base === 8 ? /^[0-7]+$/ : /^[0-9a-fA-F]+$/
  if (digits.length !== expectedLength || !pattern.test(digits))
    return bad(`incomplete escape sequence \\${kind}`)
  const code = Number.parseInt(digits, base)
  if (code > max || (code >= 0xd800 && code < 0xe000)) return bad('escape sequence is not a valid code point')
  const end = pos + 1 + (base === 8 ? 3 : 1 + expectedLength)
  return { ok: true, value: String.fromCodePoint(code), end }
}

/**
 * Checks a regex as far as JavaScript can tell what Go's RE2 would say. Conservative: RE2-only syntax JavaScript lacks
 * (`(?i)` flags, `(?P<name>…)`) is translated first, so it is never reported; lookarounds and backreferences, which
 * RE2 rejects, are reported.
 */
function checkRegex(source: string): string | undefined {
  const unsupported = findUnsupportedRegexSyntax(source)
  if (unsupported !== undefined) return unsupported
  const translated = source
    .replace(/\(\?[imsU]*(-[imsU]*)?\)/g, '')
    .replace(/\(\?[imsU]*(-[imsU]*)?:/g, '(?:')
    .replace(/\(\?P</g, '(?<')
  try {
    new RegExp(`^(?:${translated})$`)
    return undefined
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    // V8 says "Invalid regular expression: /^(?:…)$/: Unterminated group"; keep only the reason.
    return message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '').toLowerCase()
  }
}

/** Lookarounds and backreferences outside character classes: valid in JavaScript, rejected by RE2. */
function findUnsupportedRegexSyntax(source: string): string | undefined {
  let inClass = false
  for (let i = 0; i < source.length; i++) {
    const char = source[i]
    if (char === '\\') {
      const next = source[i + 1] ?? ''
      if (!inClass && /[1-9]/.test(next) && !/[0-7]/.test(source[i + 2] ?? '')) {
        return `backreferences like \\${next} are not supported by Prometheus`
      }
      i += 1
    } else if (inClass) {
      if (char === ']') inClass = false
    } else if (char === '[') {
      inClass = true
      if (source[i + 1] === '^') i += 1
      if (source[i + 1] === ']') i += 1
    } else if (char === '(' && /^\(\?(=|!|<=|<!)/.test(source.slice(i, i + 4))) {
      return 'lookaround groups like (?= and (?! are not supported by Prometheus'
    }
  }
  return undefined
}

function matchAt(pattern: RegExp, text: string, pos: number): string | undefined {
  pattern.lastIndex = pos
  return pattern.exec(text)?.[0]
}

function skipWhitespace(text: string, pos: number): number {
  WHITESPACE.lastIndex = pos
  WHITESPACE.exec(text)
  return WHITESPACE.lastIndex
}
