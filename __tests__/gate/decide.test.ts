import { describe, expect, it } from 'vitest'
import {
  checkRunConclusion,
  deploymentState,
  recordsDeployment,
  stepEnd,
  type StepEnd,
} from '../../src/gate/decide.ts'
import type { CheckOutcome, CheckResult, Verdict } from '../../src/model/gate-result.ts'

function check(enforce: boolean, result: CheckResult): CheckOutcome {
  return {
    spec: {
      kind: 'http',
      name: `${enforce ? 'enforced' : 'shadow'}-${result}`,
      url: 'http://127.0.0.1:1/health',
      method: 'GET',
      headers: {},
      timeoutMs: 1_000,
      followRedirects: false,
      enforce,
      limits: { maxConsecutiveFailures: 1, maxFailures: 1, maxConsecutiveErrors: 1, onNoData: 'fail' },
    },
    result,
    samples: [],
  }
}

describe('recordsDeployment', () => {
  it.each([
    [true, false, 'push', true],
    [true, false, 'workflow_dispatch', true],
    [false, false, 'push', false],
    [true, true, 'push', false],
    [true, false, 'pull_request', false],
    [true, false, 'pull_request_target', false],
  ])('record %s, dry-run %s, event %s → %s', (record, dryRun, eventName, expected) => {
    expect(recordsDeployment({ record, dryRun, eventName })).toBe(expected)
  })
})

describe('deploymentState', () => {
  it.each([
    ['stable', 'success'],
    ['failed', 'failure'],
    ['inconclusive', 'error'],
  ] as const)('%s → %s', (verdict, state) => {
    expect(deploymentState(verdict)).toBe(state)
  })
})

describe('checkRunConclusion', () => {
  const passedOnly = [check(true, 'passed'), check(false, 'passed')]
  const shadowFailed = [check(true, 'passed'), check(false, 'failed')]
  const shadowPending = [check(true, 'passed'), check(false, 'pending')]
  it.each<[Verdict, CheckOutcome[], boolean, string]>([
    ['stable', passedOnly, false, 'success'],
    ['stable', shadowFailed, false, 'neutral'],
    ['stable', shadowPending, false, 'neutral'],
    ['failed', shadowFailed, false, 'failure'],
    ['inconclusive', passedOnly, false, 'failure'],
    ['stable', passedOnly, true, 'neutral'],
    ['failed', passedOnly, true, 'neutral'],
  ])('%s with %j, dry-run %s → %s', (verdict, checks, dryRun, expected) => {
    expect(checkRunConclusion({ verdict, checks }, dryRun)).toBe(expected)
  })
})

describe('stepEnd', () => {
  const why = 'failed: cpu 2 breaches in a row'
  it.each<[Verdict, boolean, boolean, StepEnd]>([
    ['stable', false, true, { kind: 'pass' }],
    ['failed', false, true, { kind: 'fail', message: `deploy-gate: ${why}` }],
    ['inconclusive', false, true, { kind: 'fail', message: `deploy-gate: ${why}` }],
    [
      'inconclusive',
      false,
      false,
      { kind: 'warning', message: `gate inconclusive (fail-on-inconclusive: false): ${why}` },
    ],
    ['failed', false, false, { kind: 'fail', message: `deploy-gate: ${why}` }],
    [
      'failed',
      true,
      true,
      { kind: 'notice', message: 'dry run: verdict failed; the step does not fail on the verdict' },
    ],
    [
      'inconclusive',
      true,
      true,
      { kind: 'notice', message: 'dry run: verdict inconclusive; the step does not fail on the verdict' },
    ],
    [
      'stable',
      true,
      false,
      { kind: 'notice', message: 'dry run: verdict stable; the step does not fail on the verdict' },
    ],
  ])('%s, dry-run %s, fail-on-inconclusive %s', (verdict, dryRun, failOnInconclusive, expected) => {
    expect(stepEnd(verdict, { dryRun, failOnInconclusive }, why)).toEqual(expected)
  })
})
