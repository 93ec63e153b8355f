/** The gate's whole verdict rule (src/gate/verdict.ts), table by table: counting, verdict, what the verdict does. */
import { describe, expect, it } from 'vitest'
import type { CheckLimits, CheckSpec, MetricCheckSpec } from '../../src/model/check-spec.ts'
import type { CheckOutcome, CheckResult, Measurement, Outcome, Verdict } from '../../src/model/gate-result.ts'
import {
  applyMeasurement,
  checkRunConclusion,
  decideVerdict,
  deploymentState,
  failStartup,
  finishCheck,
  initialState,
  recordsDeployment,
  stepEnd,
  stopCheck,
  type CheckState,
  type StepEnd,
} from '../../src/gate/verdict.ts'

const LIMITS: CheckLimits = {
  maxConsecutiveFailures: 2,
  maxFailures: 3,
  maxConsecutiveErrors: 4,
  onNoData: 'fail',
}

function metric(name: string, over: Partial<MetricCheckSpec> = {}): CheckSpec {
  return { kind: 'metric', name, query: 'up', max: 95, enforce: true, limits: LIMITS, ...over }
}

const CODES: Record<string, Outcome> = { P: 'pass', B: 'breach', E: 'error', N: 'no-data' }

/** `'PBE'` → pass, breach, error; each measurement's reason names its outcome and 1-based position. */
function measurements(sequence: string): Measurement[] {
  return [...sequence].map((code, i) => {
    const outcome = CODES[code]!
    const at = new Date(Date.UTC(2025, 0, 1, 12, 0, i * 10)).toISOString()
    return outcome === 'pass' ? { at, outcome, value: 41 } : { at, outcome, reason: `${outcome} at ${i + 1}` }
  })
}

function run(sequence: string, limits: CheckLimits = LIMITS): CheckState {
  return measurements(sequence).reduce((s, m) => applyMeasurement(s, m, limits), initialState(metric('vram')))
}

describe('applyMeasurement and finishCheck', () => {
  const ROW = (n: number, at: number) =>
    `${n} breaches in a row (max-consecutive-failures ${n}): breach at ${at}`
  const WINDOW = (n: number, at: number) => `${n} breaches in the window (max-failures ${n}): breach at ${at}`
  const ERRORS = (n: number, what: string) => `${n} errors in a row (max-consecutive-errors ${n}): ${what}`

  // prettier-ignore
  it.each<[string, string, Partial<CheckLimits>, CheckResult, string | undefined]>([
    ['one transient breach passes', 'PBP', {}, 'passed', undefined],
    ['consecutive limit reached', 'PBB', {}, 'failed', ROW(2, 3)],
    ['a pass resets the run of breaches', 'BPBP', {}, 'passed', undefined],
    ['flapping fails on the window count', 'PBPBPB', {}, 'failed', WINDOW(3, 6)],
    ['a pass never resets the window count', 'BPPPPBPPB', {}, 'failed', WINDOW(3, 9)],
    ['an error does not break a run of breaches', 'BEB', {}, 'failed', ROW(2, 3)],
    ['an error does not extend a run of breaches', 'BEBP', { maxConsecutiveFailures: 3 }, 'passed', undefined],
    ['a breach does not break a run of errors', 'EBE', { maxConsecutiveErrors: 2 }, 'inconclusive', ERRORS(2, 'error at 3')],
    ['a breach does not extend a run of errors', 'EBEP', { maxConsecutiveErrors: 3 }, 'passed', undefined],
    ['a pass resets the run of errors', 'EEEPEEEP', {}, 'passed', undefined],
    ['consecutive errors reached', 'PEEEE', {}, 'inconclusive', ERRORS(4, 'error at 5')],
    ['no-data counts as a breach with fail, never called one', 'NN', { onNoData: 'fail' }, 'failed', '2 samples without data in a row (max-consecutive-failures 2): no-data at 2'],
    ['a breach then no-data: the run says what it holds', 'BEN', { onNoData: 'fail' }, 'failed', '2 failing samples (1 breach, 1 without data) in a row (max-consecutive-failures 2): no-data at 3'],
    ['no-data in the window', 'NPBPN', { onNoData: 'fail' }, 'failed', '3 failing samples (1 breach, 2 without data) in the window (max-failures 3): no-data at 5'],
    ['only no-data in the window', 'NPNPN', { onNoData: 'fail' }, 'failed', '3 samples without data in the window (max-failures 3): no-data at 5'],
    ['no-data counts as a pass with pass', 'NNNNNP', { onNoData: 'pass' }, 'passed', undefined],
    ['no-data counted as a pass resets a run of breaches', 'BNB', { onNoData: 'pass' }, 'passed', undefined],
    ['no-data counts as an error with inconclusive', 'NN', { onNoData: 'inconclusive', maxConsecutiveErrors: 2 }, 'inconclusive', ERRORS(2, 'no-data at 2')],
    ['no-data as an error does not break a run of breaches', 'BNB', { onNoData: 'inconclusive' }, 'failed', ROW(2, 3)],
    ['last measurement an error → inconclusive', 'PPE', {}, 'inconclusive', 'last measurement could not be taken: error at 3'],
    ['last no-data counted as error → inconclusive', 'PN', { onNoData: 'inconclusive' }, 'inconclusive', 'last measurement could not be taken: no-data at 2'],
    ['an error before the last pass is forgiven', 'PEP', {}, 'passed', undefined],
    ['one breach as the last measurement passes', 'PPB', {}, 'passed', undefined],
    ['failed is final', 'BBPPPP', {}, 'failed', ROW(2, 2)],
    ['inconclusive is final', 'EEEEBBB', {}, 'inconclusive', ERRORS(4, 'error at 4')],
    ['per-check limit: one breach fails', 'PB', { maxConsecutiveFailures: 1 }, 'failed', '1 breach in a row (max-consecutive-failures 1): breach at 2'],
    ['per-check limit: window of 2', 'BPB', { maxFailures: 2 }, 'failed', WINDOW(2, 3)],
    ['per-check limit: looser consecutive', 'BBBP', { maxConsecutiveFailures: 4, maxFailures: 5 }, 'passed', undefined],
    ['never measured', '', {}, 'inconclusive', 'never measured'],
  ])('%s: %s', (_label, sequence, over, result, reason) => {
    const outcome = finishCheck(run(sequence, { ...LIMITS, ...over }))
    expect(outcome.result).toBe(result)
    expect(outcome.reason).toBe(reason)
  })

  it.each<[string, number, number, number]>([
    ['BPB', 1, 2, 0],
    ['BEB', 2, 2, 1],
    ['EBE', 1, 1, 2],
    ['BEP', 0, 1, 0],
  ])(
    'counters after %s: %i in a row, %i in the window, %i errors in a row',
    (sequence, row, window, errors) => {
      const state = run(sequence, { ...LIMITS, maxConsecutiveFailures: 9, maxFailures: 9 })
      expect(state).toMatchObject({
        consecutiveBreaches: row,
        windowBreaches: window,
        consecutiveErrors: errors,
      })
    },
  )

  it('stops measuring final checks: later measurements are not kept', () => {
    expect(run('BBPPP').samples).toHaveLength(2)
    expect(run('EEEEP').samples).toHaveLength(4)
  })

  it('keeps a no-data measurement as no-data in the samples, whatever it counted as', () => {
    const state = run('NP', { ...LIMITS, onNoData: 'inconclusive' })
    expect(state.samples.map((m) => m.outcome)).toEqual(['no-data', 'pass'])
  })

  it('returns a new state and leaves the old one as it was', () => {
    const before = initialState(metric('cpu'))
    const after = applyMeasurement(before, measurements('B')[0]!, LIMITS)
    expect(after).not.toBe(before)
    expect(before).toMatchObject({ consecutiveBreaches: 0, windowBreaches: 0, samples: [] })
    expect(after).toMatchObject({ consecutiveBreaches: 1, windowBreaches: 1, result: 'pending' })
  })

  it('names the rule and quotes the evidence in the reason', () => {
    const spec = metric('vram')
    const at = '2025-01-01T12:00:00.000Z'
    const apply = (reasons: [Outcome, string][], limits = LIMITS): string | undefined =>
      reasons.reduce(
        (s, [outcome, reason]) => applyMeasurement(s, { at, outcome, reason }, limits),
        initialState(spec),
      ).reason
    expect(
      apply([
        ['breach', '96.1 > 95 on gpu="0"'],
        ['breach', '96.3 > 95 on gpu="0"'],
      ]),
    ).toBe('2 breaches in a row (max-consecutive-failures 2): 96.3 > 95 on gpu="0"')
    const flapping: [Outcome, string][] = [
      ['breach', 'HTTP 503 (expected 2xx)'],
      ['pass', ''],
      ['breach', 'HTTP 502 (expected 2xx)'],
      ['pass', ''],
      ['breach', 'HTTP 503 (expected 2xx)'],
    ]
    expect(apply(flapping)).toBe('3 breaches in the window (max-failures 3): HTTP 503 (expected 2xx)')
    const down: [Outcome, string] = ['error', 'Prometheus unreachable: connect ECONNREFUSED']
    expect(apply([down, down, down, down])).toBe(
      '4 errors in a row (max-consecutive-errors 4): Prometheus unreachable: connect ECONNREFUSED',
    )
  })

  it('describes evidence without a reason from the outcome and value', () => {
    const at = '2025-01-01T12:00:00.000Z'
    const limits = { ...LIMITS, maxConsecutiveFailures: 1 }
    const state = applyMeasurement(initialState(metric('cpu')), { at, outcome: 'breach', value: 97 }, limits)
    expect(state.reason).toBe('1 breach in a row (max-consecutive-failures 1): value 97')
  })
})

describe('failStartup and stopCheck', () => {
  it('fails a check at startup with the timeout as written and keeps the last poll as evidence', () => {
    const poll: Measurement = {
      at: '2025-01-01T12:02:00.000Z',
      outcome: 'breach',
      reason: 'HTTP 503 (expected 2xx)',
    }
    const outcome = finishCheck(failStartup(initialState(metric('backend')), '2m', poll))
    expect(outcome).toMatchObject({
      result: 'failed',
      reason: 'not healthy within 2m: HTTP 503 (expected 2xx)',
    })
    expect(outcome.samples).toEqual([poll])
  })

  it('leaves a pending check pending when the gate stopped early, and a final one as it was', () => {
    expect(stopCheck(run('P'), 'the gate stopped early')).toMatchObject({
      result: 'pending',
      reason: 'not decided: the gate stopped early',
    })
    expect(stopCheck(run('BB'), 'x').result).toBe('failed')
  })
})

describe('decideVerdict', () => {
  function outcome(name: string, result: CheckResult, enforce = true): CheckOutcome {
    return { spec: metric(name, { enforce }), result, samples: [] }
  }

  // prettier-ignore
  it.each<[string, CheckOutcome[], string, string[]]>([
    ['all passed', [outcome('a', 'passed'), outcome('b', 'passed')], 'stable', []],
    ['failed wins over inconclusive', [outcome('a', 'inconclusive'), outcome('b', 'failed')], 'failed', ['a', 'b']],
    ['inconclusive wins over passed', [outcome('a', 'passed'), outcome('b', 'inconclusive')], 'inconclusive', ['b']],
    ['an undecided (pending) check is not a pass', [outcome('a', 'passed'), outcome('b', 'pending')], 'inconclusive', []],
    ['a failed shadow check is ignored', [outcome('a', 'failed', false), outcome('b', 'passed')], 'stable', []],
    ['an inconclusive shadow check is ignored', [outcome('a', 'inconclusive', false), outcome('b', 'passed')], 'stable', []],
    ['shadow checks are not in failedChecks', [outcome('s', 'failed', false), outcome('b', 'failed')], 'failed', ['b']],
    ['failedChecks in config order', [outcome('z', 'failed'), outcome('m', 'passed'), outcome('a', 'inconclusive'), outcome('c', 'failed')], 'failed', ['z', 'a', 'c']],
  ])('%s', (_label, outcomes, verdict, failedChecks) => {
    expect(decideVerdict(outcomes)).toEqual({ verdict, failedChecks })
  })
})

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
