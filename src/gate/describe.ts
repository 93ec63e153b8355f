/** The one-line verdict for the deployment status and the step's failure message (≤ 140 characters on GitHub). */
import type { GateResult } from './types.ts'

export function describeVerdict(result: GateResult): string {
  const enforced = result.checks.filter((c) => c.spec.enforce)
  if (result.verdict === 'stable') {
    const passed = enforced.filter((c) => c.result === 'passed').length
    return `stable: ${passed}/${enforced.length} checks passed`
  }
  const worst =
    enforced.find((c) => c.result === 'failed') ?? enforced.find((c) => c.result !== 'passed') ?? enforced[0]
  const more = result.failedChecks.length > 1 ? ` (+${result.failedChecks.length - 1} more)` : ''
  return `${result.verdict}: ${worst ? `${worst.spec.name} ${worst.reason ?? worst.result}` : 'no checks'}${more}`
}
