/**
 * Checks left `pending` when the gate stopped (fail fast, startup failure): all carry the same reason, so the summary
 * says it once — one line per distinct reason naming the checks — instead of repeating it in every table row. Pure.
 */
import type { CheckOutcome } from '../model/gate-result.ts'
import { RESULT_ICONS } from './check-facts.ts'
import { code, escapeCell, shorten } from '../report/markdown.ts'

/** Checks named per line before `… and N more` (keeps a 1,000-check summary small). */
const NAMES_PER_LINE = 20
const DEFAULT_REASON = 'not decided: the gate stopped first'

/** The reason of a pending check as the line shows it. */
function pendingReason(c: CheckOutcome): string {
  return c.reason !== undefined && c.reason !== '' ? c.reason : DEFAULT_REASON
}

/** `⏸️ 3 checks not decided: the gate stopped early (vram failed) — `a`, `b`, `c``; `''` when none is pending. */
export function pendingChecksLines(checks: readonly CheckOutcome[], reasonChars: number): string {
  const byReason = new Map<string, string[]>()
  for (const c of checks) {
    if (c.result !== 'pending') continue
    const reason = pendingReason(c)
    byReason.set(reason, [...(byReason.get(reason) ?? []), c.spec.name])
  }
  return [...byReason]
    .map(([reason, names]) => {
      const shown = names.slice(0, NAMES_PER_LINE).map(code).join(', ')
      const more = names.length > NAMES_PER_LINE ? `, … and ${names.length - NAMES_PER_LINE} more` : ''
      const count = names.length === 1 ? '1 check' : `${names.length} checks`
      const text = escapeCell(shorten(reason.replace(/^not decided: /, ''), reasonChars))
      return `${RESULT_ICONS.pending} ${count} not decided — ${text}: ${shown}${more}`
    })
    .join('\n\n')
}
