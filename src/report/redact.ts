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

function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[-_]/g, '')
}

/** `scheme://user:pass@host` → `scheme://***@host`, anywhere in `text`. */
export function maskUserinfo(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>`]+@/gi, `$1${REDACTED}@`)
}

/** `https://user:pass@host/x` → `https://host/x`, anywhere in `text`: for URLs shown to people. */
export function withoutUserinfo(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>`]+@/gi, '$1')
}

/** Every distinct non-empty secret and its URL-encoded form, longest first (so a secret inside another goes last). */
function secretVariants(secrets: readonly string[]): string[] {
  const variants = new Set<string>()
  for (const secret of secrets) {
    if (secret === '') continue
    variants.add(secret)
    variants.add(encodeURIComponent(secret))
  }
  return [...variants].sort((a, b) => b.length - a.length)
}

/** Replaces every occurrence of each secret in `text` with `***` and masks URL userinfo. */
export function redactText(text: string, secrets: readonly string[]): string {
  return redactWith(text, secretVariants(secrets))
}

function redactWith(text: string, variants: readonly string[]): string {
  let out = text
  for (const secret of variants) if (out.includes(secret)) out = out.split(secret).join(REDACTED)
  // Userinfo needs an `@`: most strings (label values, check names) have none and skip the regular expression.
  return out.includes('@') ? maskUserinfo(out) : out
}

/**
 * A deep copy of `value` with every string redacted (`redactText`), the values of secret keys (`password`,
 * `bearer-token`, `Authorization`, …) replaced by `***` whatever they were, and header values replaced by `***`
 * (names kept). Arrays and plain objects are walked; other values are returned as they are. Cycles become
 * `[circular]`. The result has the same shape, except where a secret key held a non-string.
 */
export function redact<T>(value: T, secrets: readonly string[]): T {
  const variants = secretVariants(secrets)
  const seen = new WeakSet<object>()
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return redactWith(v, variants)
    if (v === null || typeof v !== 'object') return v
    if (seen.has(v)) return '[circular]'
    seen.add(v)
    let out: unknown
    if (Array.isArray(v)) out = v.map(walk)
    else if (isPlainObject(v)) {
      const entries = Object.entries(v).map(([key, inner]): [string, unknown] => {
        const norm = normalizeKey(key)
        if (SECRET_KEYS.has(norm)) return [redactWith(key, variants), inner == null ? inner : REDACTED]
        if (HEADER_KEYS.has(norm)) return [key, maskHeaders(inner, variants)]
        return [redactWith(key, variants), walk(inner)]
      })
      out = Object.fromEntries(entries)
    } else out = v
    seen.delete(v)
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
