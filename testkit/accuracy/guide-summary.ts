/**
 * The few lines docs/gate.md says about accuracy (issue 22: the guide states, with the figure, how many good deploys
 * per 100 each recommended setting failed and how many injected shifts it caught), rendered from
 * docs/accuracy-results.json between `<!-- accuracy-summary:start -->` and `<!-- accuracy-summary:end -->`, so the
 * guide cannot drift from the measurement. `npm run accuracy -- --render-only` regenerates it.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { pretty } from './doc-file.ts'
import { combined, replaceBlock } from './render.ts'
import { REAL_FAMILIES, type AccuracyResults } from './tally.ts'

export const GUIDE_DOC = fileURLToPath(new URL('../../docs/gate.md', import.meta.url))
export const README_DOC = fileURLToPath(new URL('../../README.md', import.meta.url))
const START = '<!-- accuracy-summary:start (generated from docs/accuracy-results.json) -->'
const END = '<!-- accuracy-summary:end -->'
const README_START = '<!-- accuracy-readme:start (generated from docs/accuracy-results.json) -->'
const README_END = '<!-- accuracy-readme:end -->'

/** The recommended settings and the old rule they replace (`<name>-band-0`). */
const RECOMMENDED: readonly { readonly name: string; readonly used: string }[] = [
  { name: 'increase-100', used: 'errors (`max-increase: 100%`)' },
  { name: 'increase-50', used: 'latency, CPU, memory (`max-increase: 50%`)' },
  { name: 'decrease-50', used: 'traffic (`max-decrease: 50%`)' },
  { name: 'increase-200', used: 'vLLM queue (`max-increase: 200%`)' },
]

function realSeries(results: AccuracyResults, name: string): ReturnType<typeof combined> {
  const s = results.settings.find((x) => x.name === name)
  if (s === undefined) throw new Error(`docs/accuracy-results.json has no setting ${name}`)
  return combined(s, REAL_FAMILIES)
}

/** The README's one paragraph: the recommended settings' range of false fails and of caught shifts. */
export function renderReadmeLine(results: AccuracyResults): string {
  const measured = RECOMMENDED.map(({ name }) => realSeries(results, name))
  const perHundred = measured.map((c) => (100 * c.falseFails) / c.good)
  const caught = measured.filter((c) => c.required > 0).map((c) => (100 * c.caught) / c.required)
  const range = (xs: number[], digits: number) =>
    `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}`
  return [
    README_START,
    '',
    `**How far to trust a baseline breach**: on real series ([docs/accuracy.md](docs/accuracy.md)), the recommended baselines failed ${range(perHundred, 1)} of 100 good deploys and caught ${range(caught, 0)} % of the injected level shifts they should catch within 5 rounds. No setting meets the targets of at most 1 in 100 and every shift, and none can on that data ([why](docs/decisions.md)). A failed baseline check is strong evidence for a person to weigh — which is how the gate is meant to be used: it never rolls back on its own.`,
    '',
    README_END,
  ].join('\n')
}

export async function renderedReadme(doc: string, results: AccuracyResults): Promise<string> {
  const markers = { startMarker: README_START, endMarker: README_END, file: 'README.md' }
  return pretty(replaceBlock(doc, renderReadmeLine(results), markers), README_DOC)
}

export function readReadme(): string {
  return readFileSync(README_DOC, 'utf8')
}

export function renderGuideSummary(results: AccuracyResults): string {
  const row = (name: string): { ff: string; caught: string } => {
    const c = realSeries(results, name)
    return {
      ff: `${((100 * c.falseFails) / c.good).toFixed(1)} of 100 (${c.falseFails}/${c.good})`,
      // ×3 is the largest shift: a setting that allows 200 % has none it must catch.
      caught:
        c.required === 0
          ? '— (none required)'
          : `${Math.round((100 * c.caught) / c.required)} % (${c.caught}/${c.required})`,
    }
  }
  const rows = RECOMMENDED.map(({ name, used }) => {
    const now = row(name)
    const before = row(`${name}-band-0`)
    return `| ${used} | ${now.ff} | ${now.caught} | ${before.ff} | ${before.caught} |`
  })
  return [
    START,
    '',
    'Measured on the real series of the corpus (NAB tweets and road traffic, one sample per round, a 120-sample window, 21 rounds, `min-delta` 0):',
    '',
    '| setting (used for) | good deploys failed, default band | required shifts caught within 5 rounds | good deploys failed, `band: 0%` (the old rule) | shifts caught, `band: 0%` |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    '**No setting meets the targets** (at most 1 false fail per 100 good deploys, every required shift caught within 5 rounds): the band cuts false fails by three quarters or more, and misses shifts that stay inside the series’ own normal range. No band or summary could: on this corpus a rule that catches every required shift must fail at least 3.5 to 10.9 of 100 good deploys ([decisions.md](decisions.md), “The accuracy targets cannot all be met”). Read a baseline breach as a strong hint, not as proof; see [accuracy.md](accuracy.md) for every family and shift.',
    '',
    END,
  ].join('\n')
}

export async function renderedGuide(doc: string, results: AccuracyResults): Promise<string> {
  const markers = { startMarker: START, endMarker: END, file: 'docs/gate.md' }
  return pretty(replaceBlock(doc, renderGuideSummary(results), markers), GUIDE_DOC)
}

export function readGuide(): string {
  return readFileSync(GUIDE_DOC, 'utf8')
}
