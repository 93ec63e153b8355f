/**
 * The verdict-accuracy corpus replayed in full (docs/accuracy.md): every setting of testkit/accuracy/settings.ts on
 * every deploy of the NAB corpus, through a real Prometheus and the built action, in gate runs of many shadow checks.
 * Writes docs/accuracy-results.json and the generated block of docs/accuracy.md.
 *
 *   npm run accuracy                                  # about a quarter of an hour
 *   npm run accuracy -- --interval-ms 2000 --checks-per-run 1500 --concurrency 1 --settings increase-50,decrease-50
 *   npm run accuracy -- --render-only                 # docs/accuracy.md and docs/gate.md's figures again from docs/accuracy-results.json
 *
 * dist/ must be the build of the sources (it is rebuilt when not, or refused with DEPLOY_GATE_NO_BUILD=1); it is
 * copied once, so a rebuild during the replay does not change what is measured.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import {
  GUIDE_DOC,
  README_DOC,
  readGuide,
  readReadme,
  renderedGuide,
  renderedReadme,
} from '../testkit/accuracy/guide-summary.ts'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import freshDist from '../testkit/fresh-dist.ts'
import {
  buildCases,
  CAUGHT_WITHIN_ROUNDS,
  FACTORS,
  MARGIN_SAMPLES,
  ROUNDS,
  WINDOW_SAMPLES,
} from '../testkit/accuracy/corpus.ts'
import {
  ACCURACY_DOC,
  readResults,
  renderedDoc,
  RESULTS_FILE,
  resultsJson,
} from '../testkit/accuracy/doc-file.ts'
import { FAMILIES, loadNab } from '../testkit/accuracy/nab.ts'
import { planRuns, type PlannedRun } from '../testkit/accuracy/plan.ts'
import { assertAligned, replayGate, type ReplayRun } from '../testkit/accuracy/replay.ts'
import { ACCURACY_SETTINGS, FULL_STEPS, settingNamed } from '../testkit/accuracy/settings.ts'
import { tallySetting, type AccuracyResults, type CheckVerdict } from '../testkit/accuracy/tally.ts'
import { inProcessDisagreements, verdictsOf } from '../testkit/accuracy/verdicts.ts'
import { cleanupActionRuns } from '../testkit/runner.ts'
import { recordedSourceHash, REPO_ROOT, staleDistReason } from './source-hash.ts'

const ATTEMPTS = 3

const { values: args } = parseArgs({
  options: {
    'interval-ms': { type: 'string', default: '3000' },
    'checks-per-run': { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '1' },
    settings: { type: 'string' },
    'render-only': { type: 'boolean', default: false },
  },
})
const intervalMs = wholeNumber('interval-ms', 1000)
const maxChecksPerRun = wholeNumber('checks-per-run', 1)
const concurrency = wholeNumber('concurrency', 1)

function wholeNumber(name: keyof typeof args, min: number): number {
  const n = Number(args[name])
  if (!Number.isInteger(n) || n < min)
    throw new Error(`--${name}: expected a whole number ≥ ${min}, got ${args[name]}`)
  return n
}

function elapsed(fromMs: number): string {
  const s = Math.round((performance.now() - fromMs) / 1000)
  return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`
}

/** dist/ as built from the sources, copied; the copy's script and the hash of its sources. */
function snapshotDist(): { script: string; hash: string; dir: string } {
  freshDist()
  const dir = mkdtempSync(join(tmpdir(), 'deploy-gate-accuracy-dist-'))
  const hash = recordedSourceHash()
  cpSync(join(REPO_ROOT, 'dist'), dir, { recursive: true })
  const copied = readFileSync(join(dir, 'source-hash.txt'), 'utf8').trim()
  if (hash === undefined || copied !== hash || staleDistReason() !== undefined)
    throw new Error('dist/ changed while it was copied (a build running?): try again')
  return { script: join(dir, 'index.js'), hash, dir }
}

async function replayWithRetries(
  run: PlannedRun,
  script: string,
): Promise<{ replayed: ReplayRun; repeats: number }> {
  for (let attempt = 1; ; attempt++) {
    const replayed = await replayGate({
      series: run.series,
      checks: run.checks,
      intervalMs,
      windowSamples: WINDOW_SAMPLES,
      script,
    })
    if (replayed.alignment.mismatches.length === 0) return { replayed, repeats: attempt - 1 }
    const first = replayed.alignment.mismatches.slice(0, 3).join('; ')
    console.log(
      `  misaligned (${replayed.alignment.mismatches.length}: ${first}); rounds ${replayed.roundMs.join(' ')} ms`,
    )
    if (attempt === ATTEMPTS) assertAligned(replayed)
  }
}

async function writeDoc(results: AccuracyResults): Promise<void> {
  writeFileSync(ACCURACY_DOC, await renderedDoc(readFileSync(ACCURACY_DOC, 'utf8'), results))
  writeFileSync(GUIDE_DOC, await renderedGuide(readGuide(), results))
  writeFileSync(README_DOC, await renderedReadme(readReadme(), results))
}

async function main(): Promise<void> {
  if (args['render-only']) {
    await writeDoc(readResults())
    console.log(`accuracy: rendered ${ACCURACY_DOC} from ${RESULTS_FILE}`)
    return
  }
  const startedMs = performance.now()
  const settings =
    args.settings === undefined ? ACCURACY_SETTINGS : args.settings.split(',').map(settingNamed)
  const dist = snapshotDist()
  const cases = buildCases(loadNab(), FULL_STEPS)
  const runs = planRuns(cases, settings, maxChecksPerRun)
  const checks = runs.reduce((n, r) => n + r.checks.length, 0)
  const perFamily = FAMILIES.map((f) => `${cases.filter((c) => c.family === f).length} ${f}`).join(', ')
  console.log(
    `accuracy: ${cases.length} deploys (${perFamily}) × ${FACTORS.length} variants × ${settings.length} settings = ` +
      `${checks} checks in ${runs.length} gate runs, interval ${intervalMs} ms, ${concurrency} at a time (build ${dist.hash.slice(0, 19)}…)`,
  )
  const verdicts: CheckVerdict[] = []
  const disagreements: string[] = []
  let samplesVerified = 0
  let slowestRoundMs = 0
  let repeatedRuns = 0
  let next = 0
  const lane = async (): Promise<void> => {
    while (next < runs.length) {
      const index = next++
      const run = runs[index]!
      const { replayed, repeats } = await replayWithRetries(run, dist.script)
      verdicts.push(...verdictsOf(run, replayed))
      disagreements.push(...inProcessDisagreements(run, replayed, intervalMs, WINDOW_SAMPLES))
      samplesVerified += replayed.alignment.samplesChecked
      const slowest = Math.max(...replayed.roundMs)
      slowestRoundMs = Math.max(slowestRoundMs, slowest)
      repeatedRuns += repeats
      const failed = [...replayed.results.values()].filter((r) => r.result === 'failed').length
      console.log(
        `gate run ${index + 1}/${runs.length}: ${run.checks.length} checks (${failed} failed), aligned ` +
          `(${replayed.alignment.samplesChecked} samples), slowest round ${slowest} ms, ` +
          `${Math.round(replayed.elapsedMs / 1000)} s${repeats > 0 ? `, after ${repeats} misaligned` : ''} [${elapsed(startedMs)}]`,
      )
    }
  }
  try {
    await Promise.all(Array.from({ length: concurrency }, lane))
  } finally {
    await cleanupActionRuns()
    rmSync(dist.dir, { recursive: true, force: true })
  }
  if (disagreements.length > 0)
    throw new Error(
      `${disagreements.length} replayed verdicts differ from the in-process evaluation:\n${disagreements.slice(0, 20).join('\n')}`,
    )
  const results: AccuracyResults = {
    corpus: {
      windowSamples: WINDOW_SAMPLES,
      rounds: ROUNDS,
      marginSamples: MARGIN_SAMPLES,
      caughtWithinRounds: CAUGHT_WITHIN_ROUNDS,
      steps: FULL_STEPS,
      factors: [...FACTORS],
    },
    replay: {
      measuredOn: new Date().toISOString().slice(0, 10),
      distSourceHash: dist.hash,
      intervalMs,
      maxChecksPerRun,
      concurrency,
      gateRuns: runs.length,
      repeatedRuns,
      checks,
      samplesVerified,
      slowestRoundMs,
      elapsedSeconds: Math.round((performance.now() - startedMs) / 1000),
      inProcessAgreement: checks - disagreements.length,
    },
    settings: settings.map((s) => tallySetting(s, verdicts)),
  }
  writeFileSync(RESULTS_FILE, await resultsJson(results))
  await writeDoc(results)
  for (const s of results.settings)
    console.log(`${s.name}: ${s.meetsTargets ? 'meets' : 'misses'} the targets`)
  console.log(`accuracy: wrote ${RESULTS_FILE} and ${ACCURACY_DOC} in ${elapsed(startedMs)}`)
}

await main()
