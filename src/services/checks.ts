/**
 * A service → its three metric checks (SPEC §2 "Service checks"): errors (share of 5xx answers), latency (p95 in
 * seconds) and traffic (requests per second), each with the defaults the README states, each replaceable or `off`.
 * Their queries are empty until the gate detects the service's convention (gate/service-checks.ts).
 */
import type {
  BaselineSpec,
  CheckLimits,
  MetricCheckSpec,
  PreExisting,
  ServiceBinding,
  ServiceSignal,
} from '../model/check-spec.ts'
import { DEFAULT_BAND } from '../model/baseline-defaults.ts'

export const SERVICE_SIGNALS: readonly ServiceSignal[] = ['errors', 'latency', 'traffic']
export const DEFAULT_RATE_WINDOW = '5m'
export const DEFAULT_MIN_TRAFFIC = 0.05
export const DEFAULT_QUANTILE = 0.95

/** One signal's settings as the user gave them (or the defaults); `off` drops the check. */
export interface SignalSettings {
  readonly min?: number
  readonly max?: number
  readonly baseline?: BaselineSpec
  readonly preExisting?: PreExisting
  readonly enforce: boolean
  readonly limits: CheckLimits
}

const baseline = (b: Partial<BaselineSpec>): BaselineSpec => ({
  windowMs: 30 * 60_000,
  windowText: '30m',
  minDelta: 0,
  offsetMs: 0,
  offsetText: '0s',
  band: DEFAULT_BAND,
  ...b,
})

/**
 * The defaults of each signal: errors `max: 0.05` (the team's HighErrorRate alert), latency `max: 2` s (their
 * SlowResponseTime alert), and the baselines the README recommends from the verdict-accuracy corpus.
 */
export const SIGNAL_DEFAULTS: Readonly<
  Record<ServiceSignal, Pick<SignalSettings, 'min' | 'max' | 'baseline'>>
> = {
  errors: { max: 0.05, baseline: baseline({ maxIncrease: 1, minDelta: 0.01 }) },
  latency: { max: 2, baseline: baseline({ maxIncrease: 0.5, minDelta: 0.05 }) },
  traffic: { baseline: baseline({ maxDecrease: 0.5 }) },
}

/** A service as configured: what each of its checks is bound to (less the signal), and each signal's settings. */
export interface ServiceDefinition extends Omit<ServiceBinding, 'service' | 'signal'> {
  readonly name: string
  readonly signals: Readonly<Record<ServiceSignal, SignalSettings | undefined>>
  /** `errors` for the input's service, `<name>-errors` for the file's. */
  readonly checkName: (signal: ServiceSignal) => string
  readonly line?: number
}

export function serviceCheckSpecs(def: ServiceDefinition): MetricCheckSpec[] {
  const { name, signals, checkName, line, ...bound } = def
  return SERVICE_SIGNALS.flatMap((signal): MetricCheckSpec[] => {
    const s = signals[signal]
    if (s === undefined) return []
    const service: ServiceBinding = { ...bound, service: name, signal }
    const bounded = s.min !== undefined || s.max !== undefined
    return [
      {
        kind: 'metric',
        name: checkName(signal),
        query: '',
        ...(s.min === undefined ? {} : { min: s.min }),
        ...(s.max === undefined ? {} : { max: s.max }),
        ...(s.baseline === undefined ? {} : { baseline: s.baseline }),
        ...(s.preExisting === 'report' && bounded ? { preExisting: s.preExisting } : {}),
        service,
        enforce: s.enforce,
        limits: s.limits,
        ...(line === undefined ? {} : { line }),
      },
    ]
  })
}
