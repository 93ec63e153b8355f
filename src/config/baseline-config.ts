/** A metric check's `baseline:` block (SPEC §2 "Baselines") as the gate uses it. */
import { parseDuration } from './duration.ts'
import type { MetricCheckConfig } from './schema.ts'
import type { BaselineSpec } from '../model/check-spec.ts'
import { DEFAULT_BAND } from '../model/baseline-defaults.ts'

export const DEFAULT_BASELINE_WINDOW = '30m'

/** `50%` → 0.5. The schema has checked the form. */
function fraction(text: string | undefined): number | undefined {
  return text === undefined ? undefined : Number.parseFloat(text) / 100
}

export function baselineSpec(config: MetricCheckConfig['baseline']): BaselineSpec | undefined {
  if (config === undefined) return undefined
  const windowText = config.window ?? DEFAULT_BASELINE_WINDOW
  const maxIncrease = fraction(config['max-increase'])
  const maxDecrease = fraction(config['max-decrease'])
  return {
    windowMs: parseDuration(windowText)!,
    windowText,
    ...(maxIncrease === undefined ? {} : { maxIncrease }),
    ...(maxDecrease === undefined ? {} : { maxDecrease }),
    minDelta: config['min-delta'] ?? 0,
    offsetMs: parseDuration(config.offset ?? '0s')!,
    offsetText: config.offset ?? '0s',
    band: fraction(config.band) ?? DEFAULT_BAND,
  }
}
