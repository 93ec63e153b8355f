/** Gate check-run annotations on the config file lines of the checks that did not pass. Pure. */
import type { CheckRunAnnotation } from '../model/outcome.ts'
import { redactText } from '../report/redact.ts'
import type { GateResult } from '../model/gate-result.ts'

/**
 * The check run's annotations, on the config file: one per check from the file that ended failed or inconclusive, on
 * the check's line (enforced: `failure`, shadow: `warning`). Checks from inputs have no line to point at. Unlike a
 * step's annotations these are not capped at 10; completeCheckRun keeps the first 50 (one request).
 */
export function checkRunAnnotations(
  result: GateResult,
  configPath: string | undefined,
  secrets: readonly string[],
): CheckRunAnnotation[] {
  if (!configPath) return []
  return result.checks.flatMap((c): CheckRunAnnotation[] => {
    if ((c.result !== 'failed' && c.result !== 'inconclusive') || c.spec.line === undefined) return []
    const shadow = c.spec.enforce ? '' : ' (shadow check, not enforced)'
    return [
      {
        path: configPath,
        start_line: c.spec.line,
        end_line: c.spec.line,
        annotation_level: c.spec.enforce ? 'failure' : 'warning',
        title: `${c.spec.name} ${c.result}${shadow}`,
        message: redactText(c.reason || `${c.spec.name} ${c.result}`, secrets),
      },
    ]
  })
}
