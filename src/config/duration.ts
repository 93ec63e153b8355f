/**
 * Durations as users write them: `500ms`, `10s`, `5m`, `1h`, `1h30m`, and days for a baseline's `offset` (`1d`, `7d`)
 * — Prometheus' own units. Anything else is rejected, never guessed.
 */

const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000, ms: 1 } as const
const ORDER = ['d', 'h', 'm', 's', 'ms'] as const

/** Each unit at most once, largest first. Also emitted into the JSON Schema, so editors check durations too. */
export const DURATION_PATTERN = /^(?=\d)(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+)s)?(?:(\d+)ms)?$/

export const DURATION_HINT = 'expected a duration like 500ms, 10s, 5m, 1h, 1h30m or 1d'

/** Milliseconds, or undefined when `text` is not a duration. */
export function parseDuration(text: string): number | undefined {
  const m = DURATION_PATTERN.exec(text.trim())
  if (!m) return undefined
  let total = 0
  ORDER.forEach((unit, i) => {
    const n = m[i + 1]
    if (n !== undefined) total += Number(n) * UNIT_MS[unit]
  })
  return Number.isSafeInteger(total) ? total : undefined
}

/** The shortest form of `ms` in the same syntax (also Prometheus' duration syntax). */
export function formatConfigDuration(ms: number): string {
  if (ms === 0) return '0s'
  let rest = ms
  let out = ''
  for (const unit of ORDER) {
    const n = Math.floor(rest / UNIT_MS[unit])
    if (n > 0) {
      out += `${n}${unit}`
      rest -= n * UNIT_MS[unit]
    }
  }
  return out
}
