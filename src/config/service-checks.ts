/** The service checks (SPEC §2 "Service checks"): from the `service-selector` input and the file's `services:`. */
import { Inputs as I } from '../constants.ts'
import { validateSelector } from '../model/selector.ts'
import type { CheckLimits, MetricCheckSpec, PreExisting, ServiceSignal } from '../model/check-spec.ts'
import {
  DEFAULT_MIN_TRAFFIC,
  DEFAULT_QUANTILE,
  DEFAULT_RATE_WINDOW,
  SERVICE_SIGNALS,
  serviceCheckSpecs,
  SIGNAL_DEFAULTS,
  type SignalSettings,
} from '../services/checks.ts'
import { baselineSpec } from './baseline-config.ts'
import { formatPath } from './config-path.ts'
import { parseDuration } from './duration.ts'
import type { LoadedConfigFile } from './load.ts'
import type { InputReader } from './parse-input.ts'
import type { ServiceConfig } from './schema.ts'

interface NamedService {
  readonly spec: MetricCheckSpec
  readonly source: string
}

type SignalConfig = Exclude<ServiceConfig['errors'], undefined>

export function serviceChecks(
  r: InputReader,
  file: LoadedConfigFile | undefined,
  limits: CheckLimits,
  preExisting: PreExisting,
): NamedService[] {
  const out: NamedService[] = []
  const fromInput = r.text(I.ServiceSelector)
  if (fromInput !== undefined) {
    const problems = validateSelector(fromInput)
    for (const p of problems) r.fail(I.ServiceSelector, p)
    if (problems.length === 0) {
      const specs = serviceCheckSpecs({
        name: 'service',
        selector: fromInput.trim(),
        convention: 'auto',
        rateWindowMs: parseDuration(DEFAULT_RATE_WINDOW)!,
        rateWindowText: DEFAULT_RATE_WINDOW,
        minTraffic: DEFAULT_MIN_TRAFFIC,
        quantile: DEFAULT_QUANTILE,
        signals: signals({}, limits, preExisting),
        checkName: (signal) => signal,
      })
      out.push(...specs.map((spec) => ({ spec, source: I.ServiceSelector })))
    }
  }
  for (const [i, c] of (file?.config.services ?? []).entries()) {
    const path = ['services', i]
    const problems = validateSelector(c.selector)
    for (const message of problems) {
      r.problems.push({
        path: formatPath([...path, 'selector']),
        message,
        file: file!.path,
        line: file!.lineOf([...path, 'selector']),
        check: c.name,
      })
    }
    if (problems.length > 0) continue
    const rateWindowText = c['rate-window'] ?? DEFAULT_RATE_WINDOW
    const specs = serviceCheckSpecs({
      name: c.name,
      selector: c.selector.trim(),
      convention: c.convention ?? 'auto',
      rateWindowMs: parseDuration(rateWindowText)!,
      rateWindowText,
      minTraffic: c['min-traffic'] ?? DEFAULT_MIN_TRAFFIC,
      quantile: (c.latency === 'off' ? undefined : c.latency?.quantile) ?? DEFAULT_QUANTILE,
      signals: signals(c, limits, preExisting),
      checkName: (signal) => `${c.name}-${signal}`,
      line: file!.lineOf(path),
    })
    out.push(...specs.map((spec) => ({ spec, source: formatPath(path) })))
  }
  return out
}

function signals(
  c: Partial<Pick<ServiceConfig, ServiceSignal>>,
  limits: CheckLimits,
  preExisting: PreExisting,
): Record<ServiceSignal, SignalSettings | undefined> {
  const one = (signal: ServiceSignal): SignalSettings | undefined => {
    const given: SignalConfig | undefined = c[signal]
    if (given === 'off') return undefined
    const defaults = SIGNAL_DEFAULTS[signal]
    // A signal the user configured replaces the defaults' bounds and baseline as a whole; one left out keeps them.
    const own = given !== undefined && (given.min !== undefined || given.max !== undefined || given.baseline)
    return {
      ...(own
        ? {
            ...(given.min === undefined ? {} : { min: given.min }),
            ...(given.max === undefined ? {} : { max: given.max }),
            ...(given.baseline === undefined ? {} : { baseline: baselineSpec(given.baseline)! }),
          }
        : defaults),
      preExisting: given?.['pre-existing'] ?? preExisting,
      enforce: given?.enforce ?? true,
      limits: {
        maxConsecutiveFailures: given?.['max-consecutive-failures'] ?? limits.maxConsecutiveFailures,
        maxFailures: given?.['max-failures'] ?? limits.maxFailures,
        maxConsecutiveErrors: given?.['max-consecutive-errors'] ?? limits.maxConsecutiveErrors,
        onNoData: given?.['on-no-data'] ?? limits.onNoData,
      },
    }
  }
  return Object.fromEntries(SERVICE_SIGNALS.map((s) => [s, one(s)])) as Record<
    ServiceSignal,
    SignalSettings | undefined
  >
}
