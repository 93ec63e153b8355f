/**
 * GitHub's re-run age limit (SPEC §5.2): a run created "over a month ago" cannot be re-run. GitHub and `gh` count a
 * calendar month on the run's `created_at` — `created_at` before now minus one month, with month-end overflow rolling
 * forward as Go's `time.AddDate(0, -1, 0)` does (31 March − 1 month = 31 February = 3 March, 2 March in a leap year) —
 * not 30 × 24 h. JavaScript's `setUTCMonth` normalises the same way.
 */

/** Now minus one calendar month, Go's `AddDate(0, -1, 0)` in UTC. */
export function oneMonthBefore(now: Date): Date {
  const d = new Date(now.getTime())
  d.setUTCMonth(d.getUTCMonth() - 1)
  return d
}

/** The run was created over a month ago: GitHub refuses to re-run it. */
export function isTooOldToRerun(run: { readonly createdAt: string }, now: Date): boolean {
  return Date.parse(run.createdAt) < oneMonthBefore(now).getTime()
}

/** GitHub's 403 texts for a run past the limit (`Unable to retry this workflow run because it was created over a month ago`). */
export function isMonthLimitRefusal(message: string): boolean {
  return /created over a month ago|unable to retry this workflow run/i.test(message)
}
