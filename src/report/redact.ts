/**
 * Keeps secrets out of everything the action writes: reports, summaries, annotations, outputs. Pure and generic:
 * `redact` walks any JSON-like value.
 */

export const REDACTED = '***'

/**
 * Keys whose value is a secret whatever it holds, compared without case, `-` and `_`: `bearer-token`,
 * `bearerToken`, `password`, `Authorization`, … The whole value becomes `***`.
 */
const SECRET_KEYS: ReadonlySet<string> = new Set([
  'authorization',
  'proxyauthorization',
  'cookie',
  'setcookie',
  'password',
  'token',
  'bearertoken',
  'githubtoken',
  'prometheustoken',
  'prometheuspassword',
  'apikey',
  'secret',
  'secrets',
])

/** Keys holding headers: the names stay, every value becomes `***` (a string holds `Name: value` lines). */
const HEADER_KEYS: ReadonlySet<string> = new Set(['headers', 'prometheusheaders'])

/** What kind of key `key` is; memoised, since a report repeats the same few keys thousands of times. */
const keyKinds = new Map<string, 'secret' | 'headers' | 'plain'>()
function keyKind(key: string): 'secret' | 'headers' | 'plain' {
  let kind = keyKinds.get(key)
  if (kind === undefined) {
    const norm = key.toLowerCase().replace(/[-_]/g, '')
    kind = SECRET_KEYS.has(norm) ? 'secret' : HEADER_KEYS.has(norm) ? 'headers' : 'plain'
    if (keyKinds.size < 10_000) keyKinds.set(key, kind)
  }
  return kind
}

/**
 * A URL's userinfo: everything from `scheme://` to the last `@` before the host, so a password holding a raw `@`
 * (`https://user:p@ss@host`, which WHATWG URL parsers accept) goes whole, not up to its first `@`.
 */
const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#"'<>`]*@/gi

/** `scheme://user:pass@host` → `scheme://***@host`, anywhere in `text`. */
export function maskUserinfo(text: string): string {
  return text.replace(USERINFO, `$1${REDACTED}@`)
}

/** `https://user:pass@host/x` → `https://host/x`, anywhere in `text`: for URLs shown to people. */
export function withoutUserinfo(text: string): string {
  return text.replace(USERINFO, '$1')
}

/** Base64 runs shorter than this are not redacted on their own: they would blank common words. */
const MIN_BASE64_FRAGMENT = 8

/**
 * Every form in which a server could echo `secret`: raw, URL-encoded, form-encoded (`+` for spaces), base64 (also
 * URL-safe, unpadded) and the base64 characters that depend only on the secret's bytes at each of the three
 * alignments it can have inside a longer base64 text (`Basic <base64 of user:password>`, a JWT claim, …).
 */
export function encodingsOf(secret: string): string[] {
  if (secret === '') return []
  const out = new Set<string>([secret, encodeURIComponent(secret)])
  out.add(new URLSearchParams({ s: secret }).toString().slice(2))
  out.add(encodeURIComponent(secret).replace(/%20/g, '+'))
  const bytes = Buffer.from(secret, 'utf8')
  const b64 = bytes.toString('base64')
  out.add(b64)
  out.add(b64.replace(/=+$/, ''))
  out.add(bytes.toString('base64url'))
  for (let shift = 1; shift <= 2; shift++) {
    const shifted = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64')
    const whole = Math.floor((shift + bytes.length) / 3) * 4
    const inner = shifted.slice(4, whole)
    if (inner.length >= MIN_BASE64_FRAGMENT) out.add(inner)
  }
  const aligned = b64.slice(0, Math.floor(bytes.length / 3) * 4)
  if (aligned.length >= MIN_BASE64_FRAGMENT) out.add(aligned)
  return [...out]
}

/** Every distinct non-empty secret in every encoding (`encodingsOf`), longest first (a secret inside another goes last). */
function secretVariants(secrets: readonly string[]): string[] {
  const variants = new Set<string>()
  for (const secret of secrets) for (const v of encodingsOf(secret)) variants.add(v)
  return [...variants].sort((a, b) => b.length - a.length)
}

/** Replaces every occurrence of each secret in `text` with `***` and masks URL userinfo. */
export function redactText(text: string, secrets: readonly string[]): string {
  return redactWith(text, secretVariants(secrets))
}

/**
 * The secrets of this run (registered once by main through the logger), so that every cut (`shorten`) and every
 * printed line redacts them first, whatever module made the text.
 */
let registered: readonly string[] = []
let registeredVariants: readonly string[] = []

/** Adds secrets to this run's registry; their encodings are computed once, here. */
export function registerSecrets(secrets: readonly string[]): void {
  const fresh = secrets.filter((s) => s !== '' && !registered.includes(s))
  if (fresh.length === 0) return
  registered = [...registered, ...fresh]
  registeredVariants = secretVariants(registered)
}

/** `text` with this run's registered secrets (every encoding) and URL userinfo redacted. */
export function redactRegistered(text: string): string {
  return redactWith(text, registeredVariants)
}

/**
 * One value from outside made safe for one line of a step's log, an annotation message or title: C0/C1 control
 * characters escaped (`\r`, `\n`, `\t` kept as tab, others `\xNN`), `::` at the start (after whitespace) broken
 * as `:\:`, and `##[` anywhere broken as `#\#[` — the runner reads both as workflow commands.
 */
export function sanitizeLine(text: string): string {
  return escapeControlChars(text)
    .replace(/[\u2028\u2029]/g, escapeControl)
    .replace(/\n/g, '\\n')
    .replace(/##\[/g, '#\\#[')
    .replace(/^(\s*):(?=:)/, '$1:\\')
}

/** C0 and C1 control characters other than tab and line feed. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g

/** Control characters other than tab and line feed as `\r` / `\xNN`: for markdown, where line feeds are kept. */
export function escapeControlChars(text: string): string {
  return text.replace(CONTROL_CHARS, escapeControl)
}

function escapeControl(c: string): string {
  if (c === '\r') return '\\r'
  const code = c.charCodeAt(0)
  return code > 0xff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\x${code.toString(16).padStart(2, '0')}`
}

/** `sanitizeLine` after `redactRegistered`: what the logger applies to every message, title and property. */
export function safeLine(text: string): string {
  return sanitizeLine(redactRegistered(text))
}

function redactWith(text: string, variants: readonly string[]): string {
  let out = text
  for (const secret of variants) if (out.includes(secret)) out = out.split(secret).join(REDACTED)
  // Userinfo needs an `@`: most strings (label values, check names) have none and skip the regular expression.
  return out.includes('@') ? maskUserinfo(out) : out
}

/**
 * `value` with every string redacted (`redactText`), the values of secret keys (`password`, `bearer-token`,
 * `Authorization`, …) replaced by `***` whatever they were, and header values replaced by `***` (names kept). Arrays
 * and plain objects are walked; other values are returned as they are. Cycles become `[circular]`. The result has the
 * same shape, except where a secret key held a non-string. Parts with nothing to redact are shared with `value`, not
 * copied (a report of thousands of series is walked without being rebuilt): treat the result as read-only.
 */
export function redact<T>(value: T, secrets: readonly string[]): T {
  const variants = secretVariants(secrets)
  // A report repeats the same keys and label values thousands of times, and shares label objects between its lists:
  // each string and each object is redacted once per call.
  const texts = new Map<string, string>()
  const text = (t: string): string => {
    let out = texts.get(t)
    if (out === undefined) {
      out = redactWith(t, variants)
      texts.set(t, out)
    }
    return out
  }
  const done = new Map<object, unknown>()
  const seen = new WeakSet<object>()
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return text(v)
    if (v === null || typeof v !== 'object') return v
    const known = done.get(v)
    if (known !== undefined) return known
    if (seen.has(v)) return '[circular]'
    seen.add(v)
    let out: unknown = v
    if (Array.isArray(v)) {
      const items = v.map(walk)
      if (items.some((item, i) => item !== v[i])) out = items
    } else if (isPlainObject(v)) {
      // Built only once something changes: most objects of a report (samples, series) have nothing to redact.
      let entries: [string, unknown][] | undefined
      const keys = Object.keys(v)
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!
        const inner = v[key]
        const kind = keyKind(key)
        const entry: [string, unknown] =
          kind === 'secret'
            ? [text(key), inner == null ? inner : REDACTED]
            : kind === 'headers'
              ? [key, maskHeaders(inner, variants)]
              : [text(key), walk(inner)]
        if (entries === undefined && (entry[0] !== key || entry[1] !== inner)) {
          entries = keys.slice(0, i).map((k): [string, unknown] => [k, v[k]])
        }
        entries?.push(entry)
      }
      if (entries !== undefined) out = Object.fromEntries(entries)
    }
    seen.delete(v)
    done.set(v, out)
    return out
  }
  return walk(value) as T
}

function maskHeaders(headers: unknown, variants: readonly string[]): unknown {
  if (typeof headers === 'string') {
    return headers.replace(/^([^:\r\n]*:)[ \t]*\S.*$/gm, `$1 ${REDACTED}`)
  }
  if (Array.isArray(headers)) return headers.map((h) => maskHeaders(h, variants))
  if (headers !== null && typeof headers === 'object' && isPlainObject(headers)) {
    return Object.fromEntries(Object.keys(headers).map((name) => [redactWith(name, variants), REDACTED]))
  }
  return headers == null ? headers : REDACTED
}

function isPlainObject(v: object): v is Record<string, unknown> {
  const proto = Object.getPrototypeOf(v) as unknown
  return proto === Object.prototype || proto === null
}
