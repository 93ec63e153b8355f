/**
 * The choices behind the baseline defaults (docs/decisions.md, "The normal band"), measured in-process on the whole
 * verdict-accuracy corpus: every deploy point of every NAB series (step 100 samples, tweets 100 too), each setting
 * judged by the gate's own pure functions — `computeBaselines`/`normalBand` for the band, `measureWithBaseline` for
 * the rule, `applyMeasurement` for counting — with one NAB sample per round as the replay feeds them. It explores
 * more than the replay can afford (band × value compared × counting); `npm run accuracy` measures the chosen settings
 * through a real Prometheus and the built action.
 *
 *   node scripts/accuracy-sweep.ts            # the table, markdown, on stdout (about a minute)
 */
import type { BaselineSpec, MetricCheckSpec } from '../src/model/check-spec.ts'
import { measureWithBaseline, normalBand, quantile } from '../src/prometheus/baseline.ts'
import { seriesKey } from '../src/model/series-key.ts'
import { applyMeasurement, initialState } from '../src/gate/verdict.ts'
import {
  baselineWindow,
  buildCases,
  CAUGHT_WITHIN_ROUNDS,
  FACTORS,
  isRequired,
  roundValues,
  type DeployCase,
  type Factor,
} from '../testkit/accuracy/corpus.ts'
import { FAMILIES, loadNab, type Family } from '../testkit/accuracy/nab.ts'

interface Choice {
  readonly band: number
  /** The value compared: the median of the last `rounds` rounds (1 = each round's sample). */
  readonly rounds: number
  readonly maxConsecutiveFailures: number
  readonly maxFailures: number
}

const LABELS = { case: 'x' }
const KEY = seriesKey(LABELS)

/** The round (0-based) at which the check failed, or -1. */
export function failedAt(c: DeployCase, factor: number, rule: BaselineSpec, choice: Choice): number {
  const window = baselineWindow(c).filter(Number.isFinite)
  const median = quantile(
    [...window].sort((a, b) => a - b),
    0.5,
  )
  const spec: MetricCheckSpec = {
    kind: 'metric',
    name: 'x',
    query: 'x',
    baseline: { ...rule, band: choice.band },
    enforce: false,
    limits: {
      maxConsecutiveFailures: choice.maxConsecutiveFailures,
      maxFailures: choice.maxFailures,
      maxConsecutiveErrors: 4,
      onNoData: 'fail',
    },
  }
  const bands = Array.from({ length: choice.rounds }, (_, j) => normalBand(window, choice.band, j + 1))
  const values = roundValues(c, factor)
  let state = initialState(spec)
  for (let k = 0; k < values.length; k++) {
    const recent = values.slice(Math.max(0, k - choice.rounds + 1), k + 1)
    const compared = quantile(
      [...recent].sort((a, b) => a - b),
      0.5,
    )
    const baselines = new Map([
      [KEY, choice.band > 0 ? { median, band: bands[recent.length - 1]! } : { median }],
    ])
    const m = measureWithBaseline([{ labels: LABELS, value: compared }], {}, spec.baseline!, baselines, '')
    state = applyMeasurement(state, m, spec.limits)
    if (state.result === 'failed') return k
  }
  return -1
}

const RULES: Record<string, BaselineSpec> = {
  'max-increase 50%': rule({ maxIncrease: 0.5 }),
  'max-increase 100%': rule({ maxIncrease: 1 }),
  'max-decrease 50%': rule({ maxDecrease: 0.5 }),
}

function rule(r: Partial<BaselineSpec>): BaselineSpec {
  return { windowMs: 1, windowText: '120 rounds', minDelta: 0, offsetMs: 0, offsetText: '0s', band: 0, ...r }
}

const CHOICES: Choice[] = [
  { band: 0, rounds: 1, maxConsecutiveFailures: 2, maxFailures: 3 },
  ...[0.9, 0.95, 0.98, 0.99, 1].map((band) => ({
    band,
    rounds: 1,
    maxConsecutiveFailures: 2,
    maxFailures: 3,
  })),
  ...[0.9, 0.98].flatMap((band) =>
    [3, 5].map((rounds) => ({ band, rounds, maxConsecutiveFailures: 2, maxFailures: 3 })),
  ),
  { band: 0.98, rounds: 1, maxConsecutiveFailures: 3, maxFailures: 5 },
  { band: 0.98, rounds: 1, maxConsecutiveFailures: 4, maxFailures: 5 },
]

function main(): void {
  const cases = buildCases(loadNab(), { tweets: 100, traffic: 100, artificial: 100 })
  const started = performance.now()
  const rows: string[] = []
  for (const [ruleName, r] of Object.entries(RULES)) {
    for (const choice of CHOICES) {
      const cells = FAMILIES.map((family) =>
        familyCell(
          cases.filter((c) => c.family === family),
          r,
          choice,
        ),
      )
      const limits = `${choice.maxConsecutiveFailures}/${choice.maxFailures}`
      rows.push(
        `| ${ruleName} | ${Math.round(choice.band * 100)}% | ${choice.rounds === 1 ? 'sample' : `median of ${choice.rounds}`} | ${limits} | ${cells.join(' | ')} |`,
      )
    }
  }
  const counts = FAMILIES.map((f: Family) => `${f} ${cases.filter((c) => c.family === f).length}`).join(', ')
  console.log(
    `Good deploys: ${counts}. Each cell: false fails per 100 good deploys · required shifts caught within ${CAUGHT_WITHIN_ROUNDS} rounds (caught/required).\n`,
  )
  console.log(`| rule | band | value compared | consecutive/window | ${FAMILIES.join(' | ')} |`)
  console.log(`| --- | --- | --- | --- | ${FAMILIES.map(() => '---').join(' | ')} |`)
  for (const row of rows) console.log(row)
  console.log(`\n${((performance.now() - started) / 1000).toFixed(0)} s`)
}

function familyCell(cases: readonly DeployCase[], r: BaselineSpec, choice: Choice): string {
  const falseFails = cases.filter((c) => failedAt(c, 1, r, choice) >= 0).length
  let required = 0
  let caught = 0
  for (const factor of FACTORS.filter((f): f is Factor => f !== 1)) {
    for (const c of cases) {
      if (
        !isRequired(c, factor, {
          minDelta: 0,
          ...(r.maxIncrease === undefined ? {} : { maxIncrease: r.maxIncrease }),
          ...(r.maxDecrease === undefined ? {} : { maxDecrease: r.maxDecrease }),
        })
      )
        continue
      required++
      const at = failedAt(c, factor, r, choice)
      if (at >= 0 && at < CAUGHT_WITHIN_ROUNDS) caught++
    }
  }
  return `${((falseFails / cases.length) * 100).toFixed(1)} · ${caught}/${required}`
}

main()
