/** The `alerts` checks (SPEC §2 "Alerts"): from the `alert-selector` input and the config file's `alerts:` list. */
import { Inputs as I } from '../constants.ts'
import { validateSelector } from '../model/selector.ts'
import { formatPath } from './config-path.ts'
import type { LoadedConfigFile } from './load.ts'
import type { InputReader } from './parse-input.ts'
import type { AlertsCheckSpec, CheckLimits } from '../model/check-spec.ts'

/** A selector that matches every alert. */
export const ALL_ALERTS = 'all'

interface NamedAlerts {
  readonly spec: AlertsCheckSpec
  readonly source: string
}

/** The problems of an alert selector: the matcher grammar of the other selectors, or `all`. */
export function alertSelectorProblems(text: string): string[] {
  const trimmed = text.trim()
  if (trimmed === ALL_ALERTS) return []
  if (trimmed === '') return [`expected label matchers such as severity="critical", or ${ALL_ALERTS}`]
  return validateSelector(trimmed)
}

export function alertChecks(
  r: InputReader,
  file: LoadedConfigFile | undefined,
  limits: CheckLimits,
): NamedAlerts[] {
  const out: NamedAlerts[] = []
  const fromInput = r.text(I.AlertSelector)
  if (fromInput !== undefined) {
    const problems = alertSelectorProblems(fromInput)
    for (const p of problems) r.fail(I.AlertSelector, p)
    if (problems.length === 0) {
      const spec = alertsSpec('alerts', fromInput, false, true, limits)
      out.push({ spec, source: I.AlertSelector })
    }
  }
  for (const [i, c] of (file?.config.alerts ?? []).entries()) {
    const path = ['alerts', i]
    const name = c.name ?? 'alerts'
    const problems = alertSelectorProblems(c.selector)
    for (const message of problems) {
      r.problems.push({
        path: formatPath([...path, 'selector']),
        message,
        file: file!.path,
        line: file!.lineOf([...path, 'selector']),
        check: name,
      })
    }
    if (problems.length > 0) continue
    const own: CheckLimits = {
      maxConsecutiveFailures: c['max-consecutive-failures'] ?? limits.maxConsecutiveFailures,
      maxFailures: c['max-failures'] ?? limits.maxFailures,
      maxConsecutiveErrors: c['max-consecutive-errors'] ?? limits.maxConsecutiveErrors,
      onNoData: c['on-no-data'] ?? limits.onNoData,
    }
    const spec = alertsSpec(name, c.selector, c['include-pending'] ?? false, c.enforce ?? true, own)
    out.push({ spec: { ...spec, line: file!.lineOf(path) }, source: formatPath(path) })
  }
  return out
}

function alertsSpec(
  name: string,
  selector: string,
  includePending: boolean,
  enforce: boolean,
  limits: CheckLimits,
): AlertsCheckSpec {
  return { kind: 'alerts', name, selector: selector.trim(), includePending, enforce, limits }
}
