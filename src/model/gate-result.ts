import type { CheckSpec } from './check-spec.ts'

/** What the gate measures and decides. Shared by probes, the Prometheus client, the evaluator and the reports. */

export type Outcome = 'pass' | 'breach' | 'no-data' | 'error'

/** One series of a Prometheus result: its labels as Prometheus returned them and its value (NaN/±Inf kept as such). */
export interface SeriesValue {
  readonly labels: Readonly<Record<string, string>>
  readonly value: number
  /** Baseline checks: the series' median in the window before the deploy; absent when it has none. */
  readonly baseline?: number
  /** Baseline checks with a `band`: the series' normal band `[lo, hi]` before the deploy. */
  readonly band?: readonly [number, number]
}

/** One alert of the `alerts` check, as the report names it. */
export interface AlertSeen {
  readonly alertname: string
  /** The labels that tell it apart from the other alerts (alertname excluded). */
  readonly labels: Readonly<Record<string, string>>
  readonly state: 'firing' | 'pending'
  /** ISO 8601, as the alerts API gave it; undefined when it gave none. */
  readonly activeAt?: string
}

/** One measurement of one check in one sample round. */
export interface Measurement {
  /** ISO 8601 time the measurement was taken. */
  readonly at: string
  readonly outcome: Outcome
  /**
   * The value that decided the outcome: for metrics the worst real series value (highest above max, lowest below min,
   * else the one nearest a threshold); for HTTP the latency in milliseconds. Undefined when nothing was measured.
   */
  readonly value?: number
  /** Metric series that breached (or, on a pass, none); named in the report by their labels. */
  readonly series?: readonly SeriesValue[]
  /** Series left out because their value was NaN or ±Inf while others had real values. */
  readonly ignoredSeries?: readonly SeriesValue[]
  /** Human-readable reason for anything but a plain pass, e.g. `96.3 > 95 on gpu="0"` or `HTTP 503`. */
  readonly reason?: string
  /** Warnings returned by Prometheus with the result. */
  readonly warnings?: readonly string[]
  /**
   * Baseline checks: every real-valued series compared, with its `baseline` (absent for a series without one, which
   * is held to the absolute bounds only), in the order of the answer (`worstFirst` in prometheus/baseline.ts orders
   * them for reports).
   */
  readonly compared?: readonly SeriesValue[]
  /** Service checks: the range of `rate()` in this round (the time since the deploy started, up to rate-window). */
  readonly range?: string
  /** Alerts checks: new alerts (breaches) and pre-existing ones (active before the deploy; never a breach). */
  readonly alerts?: { readonly new: readonly AlertSeen[]; readonly preExisting: readonly AlertSeen[] }
}

export type CheckResult = 'pending' | 'passed' | 'failed' | 'inconclusive'

export type Verdict = 'stable' | 'failed' | 'inconclusive'

/** The final state of one check after the gate ended. */
export interface CheckOutcome {
  readonly spec: CheckSpec
  /** `pending` only for a check the gate never got to decide (e.g. it stopped fail-fast first); treated as not passed. */
  readonly result: CheckResult
  /** Why the check failed or is inconclusive, e.g. `2 breaches in a row: 96.3 > 95 on gpu="0"`. */
  readonly reason?: string
  readonly samples: readonly Measurement[]
}

export interface GateResult {
  readonly verdict: Verdict
  /** Enforced checks that ended `failed` or `inconclusive`, in config order. */
  readonly failedChecks: readonly string[]
  readonly checks: readonly CheckOutcome[]
  /** ISO 8601. */
  readonly startedAt: string
  readonly finishedAt: string
  /** How the gate ended: a check never became healthy, an enforced check failed early, or the window ran out. */
  readonly ended: 'startup-failed' | 'fail-fast' | 'completed'
}
