/**
 * What the verdict-accuracy corpus measures: the baseline settings (one table, edit it here), the deploy spacing per
 * family, and the fixed subset that `npm test` replays. `npm run accuracy` measures every setting on the full corpus.
 */
import type { Family } from './nab.ts'
import type { ChangeRule } from './corpus.ts'

export interface AccuracySetting {
  /** Short, unique: it names the setting's rows in docs/accuracy.md and its entry in the results. */
  readonly name: string
  /** The `baseline:` keys as a user writes them, without `window` (120 samples) and `offset`. */
  readonly baseline: Readonly<Record<string, string | number>>
  /** The window ends this many samples before the deploy (288 = one day of 5-minute samples); default 0. */
  readonly offsetSamples?: number
}

/** Every setting measured by `npm run accuracy`; band absent = the default band. min-delta 0 is the strict case. */
export const ACCURACY_SETTINGS: readonly AccuracySetting[] = [
  { name: 'increase-50', baseline: { 'max-increase': '50%' } },
  { name: 'increase-50-band-0', baseline: { 'max-increase': '50%', band: '0%' } },
  { name: 'increase-100', baseline: { 'max-increase': '100%' } },
  { name: 'increase-100-band-0', baseline: { 'max-increase': '100%', band: '0%' } },
  { name: 'decrease-50', baseline: { 'max-decrease': '50%' } },
  { name: 'decrease-50-band-0', baseline: { 'max-decrease': '50%', band: '0%' } },
  { name: 'increase-200', baseline: { 'max-increase': '200%' } },
  { name: 'increase-200-band-0', baseline: { 'max-increase': '200%', band: '0%' } },
  { name: 'increase-50-offset-1d', baseline: { 'max-increase': '50%' }, offsetSamples: 288 },
]

/** Deploy spacing in samples: about 200 good deploys per family. */
export const FULL_STEPS: Readonly<Record<Family, number>> = { tweets: 700, traffic: 60, artificial: 200 }

/** The npm-test subset: a few deploys per family (each a clean deploy point of the full corpus too). */
export const SUBSET_CASES: readonly string[] = [
  'realTweets/Twitter_volume_AAPL.csv@844',
  'realTweets/Twitter_volume_GOOG.csv@5744',
  'realTweets/Twitter_volume_KO.csv@10644',
  'realTweets/Twitter_volume_UPS.csv@2944',
  'realTraffic/TravelTime_387.csv@324',
  'realTraffic/occupancy_6005.csv@1344',
  'realTraffic/speed_6005.csv@864',
  'realTraffic/speed_t4013.csv@2004',
  'artificialNoAnomaly/art_daily_small_noise.csv@1344',
  'artificialNoAnomaly/art_noisy.csv@2544',
  'artificialWithAnomaly/art_daily_jumpsup.csv@744',
  'artificialWithAnomaly/art_load_balancer_spikes.csv@3544',
]

/** The settings the npm-test subset replays. */
export const SUBSET_SETTINGS: readonly string[] = ['increase-50', 'decrease-50-band-0']

export function settingNamed(name: string): AccuracySetting {
  const found = ACCURACY_SETTINGS.find((s) => s.name === name)
  if (found === undefined) throw new Error(`no accuracy setting named ${name}`)
  return found
}

/** `50%` → 0.5 */
function fraction(value: string | number | undefined): number | undefined {
  return value === undefined ? undefined : Number.parseFloat(String(value)) / 100
}

/** The part of a setting that decides which shifts are required. */
export function changeRule(setting: AccuracySetting): ChangeRule {
  const maxIncrease = fraction(setting.baseline['max-increase'])
  const maxDecrease = fraction(setting.baseline['max-decrease'])
  const minDelta = Number(setting.baseline['min-delta'] ?? 0)
  return {
    ...(maxIncrease === undefined ? {} : { maxIncrease }),
    ...(maxDecrease === undefined ? {} : { maxDecrease }),
    minDelta,
  }
}
