/**
 * Defaults of the baseline rule (SPEC §2 "Baselines" and "Pre-existing breaches"), chosen on the verdict-accuracy
 * corpus (docs/accuracy.md; the choice and what each alternative measured are in docs/decisions.md).
 */

/** The central share of the window's samples taken as a series' normal noise: the 1st to the 99th percentile. */
export const DEFAULT_BAND = 0.98
export const DEFAULT_BAND_TEXT = '98%'

/**
 * A series is pre-existing when it was beyond its absolute bound in at least this share of the window's samples
 * before the deploy.
 */
export const PRE_EXISTING_SHARE = 0.9

/** The window read for `pre-existing` on a check without a baseline. */
export const PRE_EXISTING_WINDOW_MS = 30 * 60_000
export const PRE_EXISTING_WINDOW_TEXT = '30m'
