/**
 * A lower bound on the false fails of any rule of SPEC §2's form that catches every required shift within five
 * rounds (docs/decisions.md, "The accuracy targets cannot all be met on this corpus"), pure.
 *
 * SPEC §2's rule — breach when the value compared is beyond max(band end, b·(1 ± change)), the value compared a
 * round's sample or the median of the last k rounds, a check failed at m breaches in a row or n in the window — is
 * monotone: relative to the window's median b, rounds that are higher (lower, for decreases) and a band that is no
 * wider never make it fail later. So when a required shift S dominates a good deploy G — each of G's rounds 0…4 at
 * least as high over b_G as S's over b_S, and G's band end no further out — a rule that fails S within five rounds
 * fails G too, by the same round. The good deploys some required shift dominates are false fails that no band,
 * summary or counting avoids while it catches every required shift. With min-delta 0 everything is relative to b,
 * so series in different units compare.
 */
import { normalBand } from '../../src/prometheus/baseline.ts'
import {
  baselineWindow,
  CAUGHT_WITHIN_ROUNDS,
  median,
  roundValues,
  WINDOW_SAMPLES,
  type DeployCase,
} from './corpus.ts'

export interface Point {
  readonly id: string
  /** Rounds 0…4 over the window's median. */
  readonly rounds: readonly number[]
  /**
   * The end of each band the rule uses, in the direction judged, over the window's median: of j-medians for
   * j = 1…k (the median of the last k rounds is of fewer rounds until k have been measured); 0 for the median alone.
   */
  readonly spread: readonly number[]
}

/** A band: the central `share` of the window's medians of `k` consecutive samples (`share` 0: the median alone). */
export interface BandKind {
  readonly share: number
  readonly k: number
}

export const BANDS: readonly BandKind[] = [
  { share: 0, k: 1 },
  ...[0.9, 0.95, 0.98, 0.99, 1].flatMap((share) => [1, 2, 3, 4, 5].map((k) => ({ share, k }))),
]

export function boundPoint(
  c: DeployCase,
  factor: number,
  band: BandKind,
  increase: boolean,
  windowSamples = WINDOW_SAMPLES,
): Point | undefined {
  const window = baselineWindow(c, 0, windowSamples).filter(Number.isFinite)
  const b = median(window)
  if (!(b > 0)) return undefined
  const rounds = roundValues(c, factor)
    .slice(0, CAUGHT_WITHIN_ROUNDS)
    .map((v) => v / b)
  const spread = Array.from({ length: band.k }, (_, j) =>
    band.share === 0 ? 0 : normalBand(window, band.share, j + 1)[increase ? 1 : 0] / b,
  )
  return { id: c.id, rounds, spread }
}

/** The good deploys some required shift dominates: false fails of every such rule that catches every required shift. */
export function forcedFalseFails(
  good: readonly Point[],
  required: readonly Point[],
  increase: boolean,
): Point[] {
  return good.filter((g) => dominatingShift(g, required, increase) !== undefined)
}

/** For a good deploy, the first required shift that dominates it, if any. */
export function dominatingShift(g: Point, required: readonly Point[], increase: boolean): Point | undefined {
  const beyond = (x: number, y: number): boolean => (increase ? x >= y : x <= y)
  return required.find(
    (s) =>
      s.spread.every((v, j) => beyond(v, g.spread[j]!)) &&
      s.rounds.every((v, i) => g.rounds[i] !== undefined && beyond(g.rounds[i], v)),
  )
}
