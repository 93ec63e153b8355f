/** The one-line verdict for the deployment status and the step's failure message (GitHub keeps 140 characters). */
import type { CheckOutcome, GateResult } from '../model/gate-result.ts'

export function describeVerdict(result: GateResult): string {
  const enforced = result.checks.filter((c) => c.spec.enforce)
  if (result.verdict === 'stable') {
    const passed = enforced.filter((c) => c.result === 'passed').length
    return `stable: ${passed}/${enforced.length} checks passed`
  }
  const worst = enforced.find((c) => c.result === 'failed') ?? enforced.find((c) => c.result !== 'passed')
  const others = result.failedChecks.length - 1
  const more = others > 0 ? `; +${others} more check${others === 1 ? '' : 's'}` : ''
  return `${result.verdict}: ${worst ? `${worst.spec.name} ${evidence(worst)}` : 'no enforced checks'}${more}`
}

/** The last measured evidence (`96.3% > 95% on gpu="0"`), else the check's own reason. */
function evidence(check: CheckOutcome): string {
  const last = [...check.samples].reverse().find((m) => m.outcome !== 'pass' && m.reason)
  if (check.reason?.startsWith('not healthy within')) return check.reason
  return last?.reason ?? check.reason ?? check.result
}
