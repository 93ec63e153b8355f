/**
 * Figures 5 and 6 — rollback API cost and latency, in-process (`runRollbackMode` from src/rollback/mode.ts and
 * `publish`, the Octokit client main.ts builds from `github-token` and `GITHUB_API_URL`, `wait: false`) against the OpenAPI-checked GitHub fake,
 * seeded with __tests__/rollback/history.ts: ledger histories of 10, 500 and 5,000 deploys with two gated jobs per
 * run (two deploy-gate records per run attempt: web host and AI host; newest current, the second newest the target),
 * one of 5,000 deploys with one gated job, and the run-history fallback with 10,000 runs and no deployment records.
 *
 * 5: requests the fake logged from the start up to and including the (first) re-run POST (floor 3: find the target,
 *    list its artifacts, re-run). 6: with the fake answering every request after 50 ms, start → the re-run POST
 *    answered (its arrival at the fake + the fake's 50 ms), and the round trips on that path (requests sent after
 *    the previous wave was answered; parallel reads share one); floor 3 round trips, target ≤ 4.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startGitHubFake, type GitHubFake } from '../testkit/github-fake.ts'
import { seedDeployHistory, seedRunHistory } from '../__tests__/rollback/history.ts'
import { publish } from '../src/publish.ts'
import { runRollbackMode } from '../src/rollback/mode.ts'
import { testModeDeps } from '../testkit/mode-deps.ts'
import { TEST_TOKEN, rollbackSettings } from '../testkit/settings.ts'
import { summarize } from './stats.ts'
import type { Row } from './table.ts'

const RUNS = 5
const LATENCY_MS = 50
const FLOOR_REQUESTS = 3
const MAX_REQUESTS = 6
const MAX_ROUND_TRIPS = 4

interface History {
  readonly name: string
  readonly seed: (fake: GitHubFake) => { targetRunId: number }
  /** Round trips to the re-run POST at most; the fallback also reads the default branch and the run list first. */
  readonly maxRoundTrips: number
}

const TWO_HOSTS = { gatedJobs: ['deploy-ai', 'deploy-web'] } as const

const HISTORIES: readonly History[] = [
  ...[10, 500, 5_000].map((count): History => ({
    name: `${count.toLocaleString('en')} deploys, 2 gated jobs per run`,
    seed: (fake) => ({ targetRunId: seedDeployHistory(fake.state, count, TWO_HOSTS).target.run.id }),
    maxRoundTrips: MAX_ROUND_TRIPS,
  })),
  {
    name: '5,000 deploys, 1 gated job per run',
    seed: (fake) => ({ targetRunId: seedDeployHistory(fake.state, 5_000).target.run.id }),
    maxRoundTrips: MAX_ROUND_TRIPS,
  },
  {
    name: 'run-history fallback, 10,000 runs',
    seed: (fake) => ({ targetRunId: seedRunHistory(fake.state, 10_000).target.id }),
    maxRoundTrips: MAX_ROUND_TRIPS + 1,
  },
]

export async function rollbackCost(): Promise<Row[]> {
  const costRows: Row[] = []
  const latencyRows: Row[] = []
  let previousList = ''
  for (const history of HISTORIES) {
    const counts: number[] = []
    const latencies: number[] = []
    const trips: number[] = []
    let requests: string[] = []
    for (let run = 1; run <= RUNS; run++) {
      const measured = await rollbackOnce(history, LATENCY_MS)
      counts.push(measured.requests.length)
      latencies.push(measured.toRerunMs)
      trips.push(measured.roundTrips)
      requests = measured.requests
    }
    const cost = summarize(counts)
    if (cost.min !== cost.max)
      throw new Error(`rollback-cost: ${history.name}: ${cost.min}–${cost.max} requests`)
    const list = requests.join(', ')
    costRows.push({
      figure: 'rollback-cost',
      measure: `requests start → re-run POST, ${history.name}`,
      unit: 'requests',
      stats: cost,
      floor: { value: FLOOR_REQUESTS, what: 'target, artifacts, re-run' },
      target: { text: `≤ ${MAX_REQUESTS}, flat`, max: MAX_REQUESTS },
      note: list === previousList ? 'the same requests' : list,
    })
    previousList = list
    latencyRows.push({
      figure: 'rollback-cost',
      measure: `round trips start → re-run POST answered, ${history.name}`,
      unit: 'round trips',
      stats: summarize(trips),
      floor: { value: FLOOR_REQUESTS, what: 'target, artifacts, re-run' },
      target: { text: `≤ ${history.maxRoundTrips}`, max: history.maxRoundTrips },
    })
    latencyRows.push({
      figure: 'rollback-cost',
      measure: `latency start → re-run POST answered, ${history.name}, ${LATENCY_MS} ms per API round trip`,
      unit: 'ms',
      stats: summarize(latencies),
      floor: { value: FLOOR_REQUESTS * LATENCY_MS, what: `${FLOOR_REQUESTS} round trips` },
      // No pass/fail here: above the round trips it is this machine's CPU (shared), the round-trip row is the target.
      note: `${history.maxRoundTrips} round trips = ${history.maxRoundTrips * LATENCY_MS} ms; the rest is CPU`,
    })
  }
  const counts = costRows.map((r) => r.stats!.median)
  const flat = Math.max(...counts) === Math.min(...counts)
  return [
    ...costRows.map((row) => (flat ? row : { ...row, target: { ...row.target!, ok: false } })),
    ...latencyRows,
  ]
}

/** One rollback on a freshly seeded fake; the requests up to the re-run POST, and the time until it was answered. */
async function rollbackOnce(
  history: History,
  latencyMs: number,
): Promise<{ requests: string[]; toRerunMs: number; roundTrips: number }> {
  const fake = await startGitHubFake({ latencyMs })
  const temp = await mkdtemp(join(tmpdir(), 'deploy-gate-bench-rollback-'))
  try {
    const { targetRunId } = history.seed(fake)
    const settings = rollbackSettings({ 'deploy-workflow': 'deploy.yml', wait: 'false' })
    const startEpochMs = Date.now()
    const deps = testModeDeps({
      token: TEST_TOKEN,
      env: {
        GITHUB_REPOSITORY: 'owner/repo',
        GITHUB_RUN_ID: '9000001',
        GITHUB_RUN_ATTEMPT: '1',
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_API_URL: fake.url,
        RUNNER_TEMP: temp,
      },
    })
    const outcome = await runRollbackMode(settings, deps)
    await publish(outcome, deps)
    const { record } = outcome
    if (
      !record.plan?.ok ||
      record.plan.target.runId !== targetRunId ||
      record.result?.outcome !== 'requested'
    ) {
      throw new Error(
        `rollback-cost: ${history.name}: ${record.verdict} ${record.failure ?? ''} (target ${record.plan?.target?.runId})`,
      )
    }
    fake.assertNoViolations()
    const rerun = fake.requests.findIndex((r) => r.method === 'POST' && /\/rerun$/.test(r.path))
    const firstWrite = fake.requests.findIndex((r) => r.method !== 'GET')
    if (rerun < 0 || firstWrite !== rerun)
      throw new Error(`rollback-cost: ${history.name}: no re-run POST first`)
    const upTo = fake.requests.slice(0, rerun + 1)
    return {
      requests: upTo.map((r) => `${r.method} ${shortPath(r.template ?? r.path)}`),
      toRerunMs: fake.requests[rerun]!.at + latencyMs - startEpochMs,
      roundTrips: roundTrips(
        upTo.map((r) => r.at),
        latencyMs,
      ),
    }
  } finally {
    await fake.close()
    await rm(temp, { recursive: true, force: true })
  }
}

/**
 * Sequential round trips in a request log: a request that arrived at least `latencyMs` after the first request of
 * the current wave was sent after an answer, so it starts a new wave; requests sent together share one.
 */
function roundTrips(arrivalsMs: readonly number[], latencyMs: number): number {
  let waves = 0
  let waveStartMs = -Infinity
  for (const at of [...arrivalsMs].sort((a, b) => a - b)) {
    if (at >= waveStartMs + latencyMs) {
      waves++
      waveStartMs = at
    }
  }
  return waves
}

/** `/actions/runs/{run_id}/jobs` for `/repos/{owner}/{repo}/actions/runs/{run_id}/jobs`; the repository itself stays. */
function shortPath(template: string): string {
  return template.replace(/^\/repos\/\{owner\}\/\{repo\}(?=\/)/, '')
}
