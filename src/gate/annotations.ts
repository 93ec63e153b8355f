/**
 * The gate's annotations. Enforced checks that ended `failed` or `inconclusive` become `error` annotations, at most
 * 10 (GitHub shows no more per step); when there are more, the 10th says how many were left out. Shadow checks
 * (`enforce: false`) never change the verdict, so they never raise an `error`: theirs are `notice`s, also at most 10.
 * Passed and `pending` checks get none.
 */
import type { CheckOutcome, GateResult } from '../model/gate-result.ts'
import { MAX_ANNOTATIONS_PER_LEVEL, type Annotation } from '../model/outcome.ts'

export function gateAnnotations(result: GateResult): Annotation[] {
  const ended = (c: CheckOutcome): boolean => c.result === 'failed' || c.result === 'inconclusive'
  const enforced = result.checks.filter((c) => c.spec.enforce && ended(c))
  const shadow = result.checks.filter((c) => !c.spec.enforce && ended(c))
  return [
    ...capped(
      enforced.map((c) => ({
        level: 'error',
        title: `deploy-gate: ${c.spec.name} ${c.result}`,
        message: messageOf(c),
      })),
      (more) => ({
        level: 'error',
        title: `deploy-gate: +${more} more checks failed`,
        message: `+${more} more checks failed — see the job summary`,
      }),
    ),
    ...capped(
      shadow.map((c) => ({
        level: 'notice',
        title: `deploy-gate: ${c.spec.name} ${c.result} (shadow check, not enforced)`,
        message: messageOf(c),
      })),
      (more) => ({
        level: 'notice',
        title: `deploy-gate: +${more} more shadow checks`,
        message: `+${more} more shadow checks failed or were inconclusive — see the job summary`,
      }),
    ),
  ]
}

function messageOf(c: CheckOutcome): string {
  return c.reason !== undefined && c.reason !== '' ? c.reason : `${c.spec.name} ${c.result}`
}

/** At most 10; when more, the first 9 and a 10th that counts the rest. */
function capped(all: Annotation[], more: (count: number) => Annotation): Annotation[] {
  if (all.length <= MAX_ANNOTATIONS_PER_LEVEL) return all
  const kept = all.slice(0, MAX_ANNOTATIONS_PER_LEVEL - 1)
  return [...kept, more(all.length - kept.length)]
}
