/** Pure parsers for input strings. Each returns the value or pushes a problem naming the input; none coerces. */
import type { Problem } from '../errors.ts'
import { DURATION_HINT, parseDuration } from './duration.ts'

export class InputReader {
  readonly problems: Problem[] = []
  private readonly raw: Readonly<Record<string, string>>

  constructor(raw: Readonly<Record<string, string>>) {
    this.raw = raw
  }

  /** The trimmed value, or undefined when empty (`''` means "not set"). */
  text(name: string): string | undefined {
    const v = this.raw[name]?.trim()
    return v ? v : undefined
  }

  fail(name: string, message: string): undefined {
    this.problems.push({ path: name, message })
    return undefined
  }

  /** Milliseconds and the text as written. */
  duration(name: string, fallback?: string): { ms: number; text: string } | undefined {
    const text = this.text(name) ?? fallback
    if (text === undefined) return undefined
    const ms = parseDuration(text)
    return ms === undefined ? this.fail(name, `${DURATION_HINT}, got "${text}"`) : { ms, text }
  }

  boolean(name: string, fallback: boolean): boolean {
    const text = this.text(name)
    if (text === undefined) return fallback
    if (/^(true|True|TRUE)$/.test(text)) return true
    if (/^(false|False|FALSE)$/.test(text)) return false
    this.fail(name, `expected true or false, got "${text}"`)
    return fallback
  }

  integer(name: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
    const text = this.text(name)
    if (text === undefined) return undefined
    if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`
      return this.fail(name, `expected a whole number ${range}, got "${text}"`)
    }
    return Number(text)
  }

  /** A percent threshold 0–100, `off`, or undefined when not set. */
  percent(name: string, allowOff: boolean): number | 'off' | undefined {
    const text = this.text(name)
    if (text === undefined) return undefined
    if (allowOff && text === 'off') return 'off'
    const n = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN
    if (!(n >= 0 && n <= 100)) {
      return this.fail(name, `expected a percent from 0 to 100${allowOff ? ' or off' : ''}, got "${text}"`)
    }
    return n
  }

  oneOf<T extends string>(name: string, values: readonly T[]): T | undefined {
    const text = this.text(name)
    if (text === undefined) return undefined
    return (values as readonly string[]).includes(text)
      ? (text as T)
      : this.fail(name, `expected one of ${values.join(', ')}, got "${text}"`)
  }

  lines(name: string): string[] {
    return (this.text(name) ?? '')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '')
  }
}
