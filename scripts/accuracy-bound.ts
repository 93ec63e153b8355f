/**
 * Can any rule of SPEC §2's form meet the verdict-accuracy targets on this corpus? A lower bound on its false fails
 * when it catches every required shift within five rounds, per band and value compared, whatever its counting
 * (the argument: testkit/accuracy/bound.ts; the table: docs/decisions.md, "The accuracy targets cannot all be met").
 *
 *   node scripts/accuracy-bound.ts                 # the table, markdown, on stdout (about half a minute)
 *   node scripts/accuracy-bound.ts --window 288    # the same with a longer window (here one day of samples)
 */
import { parseArgs } from 'node:util'
import {
  buildCases,
  isCleanDeploy,
  isRequired,
  WINDOW_SAMPLES,
  type ChangeRule,
  type Factor,
} from '../testkit/accuracy/corpus.ts'
import { BANDS, boundPoint, forcedFalseFails } from '../testkit/accuracy/bound.ts'
import { loadNab } from '../testkit/accuracy/nab.ts'

const RULES: ReadonlyArray<{ name: string; rule: ChangeRule; factors: readonly Factor[] }> = [
  { name: 'max-increase 50%', rule: { maxIncrease: 0.5, minDelta: 0 }, factors: [2, 3] },
  { name: 'max-increase 100%', rule: { maxIncrease: 1, minDelta: 0 }, factors: [3] },
  { name: 'max-decrease 50%', rule: { maxDecrease: 0.5, minDelta: 0 }, factors: [0.3] },
]

function main(): void {
  const { values } = parseArgs({ options: { window: { type: 'string', default: String(WINDOW_SAMPLES) } } })
  const window = Number(values.window)
  if (!Number.isInteger(window) || window < 10) throw new Error(`--window: a whole number of samples ≥ 10`)
  // A longer window needs that much clean history before the deploy: the deploys that have it.
  const cases = buildCases(loadNab(['tweets', 'traffic']), {
    tweets: 100,
    traffic: 100,
    artificial: 100,
  }).filter((c) => isCleanDeploy(c.series, c.deployIndex, window))
  console.log(
    `Real series (tweets and road traffic), a ${window}-sample window, a deploy every 100 samples: ${cases.length} good deploys. Each cell: the good deploys that any rule of SPEC §2's form with this band — whatever its counting — fails when it fails every required shift within 5 rounds, per 100 (count).\n`,
  )
  console.log(`| band | value compared | ${RULES.map((r) => r.name).join(' | ')} |`)
  console.log(`| --- | --- | ${RULES.map(() => '---').join(' | ')} |`)
  const least = RULES.map(() => Number.POSITIVE_INFINITY)
  for (const band of BANDS) {
    const cells = RULES.map(({ rule, factors }, i) => {
      const increase = rule.maxIncrease !== undefined
      const good = cases.flatMap((c) => boundPoint(c, 1, band, increase, window) ?? [])
      const required = factors.flatMap((f) =>
        cases
          .filter((c) => isRequired(c, f, rule, 0, window))
          .flatMap((c) => boundPoint(c, f, band, increase, window) ?? []),
      )
      const forced = forcedFalseFails(good, required, increase).length
      least[i] = Math.min(least[i]!, forced)
      return `${per100(forced, cases.length)} (${forced})`
    })
    const compared = band.k === 1 ? 'sample' : `median of the last ${band.k}`
    console.log(`| ${Math.round(band.share * 100)} % | ${compared} | ${cells.join(' | ')} |`)
  }
  console.log(`| **least** | | ${least.map((n) => `**${per100(n, cases.length)}**`).join(' | ')} |`)
}

function per100(n: number, of: number): string {
  return ((n / of) * 100).toFixed(1)
}

main()
