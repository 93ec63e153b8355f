/**
 * Fault matrix, GitHub API rows (matrix-b-rows.ts `G…`): dist/index.js run as the runner runs it (main, then post)
 * against the OpenAPI-checked GitHub fake with faults injected per request, a local health endpoint and a Prometheus
 * stub. Each row asserts exit code, verdict, message, what GitHub ends up holding (never an `in_progress` left after
 * the post step) and that no secret is shown. Recording on the happy path, re-runs, job names and check runs are
 * covered by __tests__/e2e/ledger.test.ts; these rows are about what goes wrong.
 *
 * Cost: plugin-retry waits 1 s before its first retry and 1 + 4 + 9 s before giving up (retry base 1000 ms in
 * src/github/client.ts, which dist cannot lower), so the rows that retry a 5xx or a network error take a second
 * more, and G11 (every attempt fails) fourteen.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { apiError } from '../../testkit/github-fake-objects.ts'
import { startGitHubFake, type GitHubFake } from '../../testkit/github-fake.ts'
import { cleanupActionRuns, DEFAULT_SHA, type ActionResult } from '../../testkit/runner.ts'
import { ok, startHealthServer, type HealthServer } from '../../testkit/health-server.ts'
import {
  arrivals,
  CHECK_RUN,
  CHECK_RUNS,
  DEPLOYMENTS,
  ENDLESS,
  errorsOf,
  expectNoSecretShown,
  expectNothingDangling,
  onlyDeployment,
  output,
  runGate,
  seedRun,
  startPrometheusStub,
  STATUSES,
  statesOf,
  type PrometheusStub,
} from './matrix-b-fixtures.ts'
import { testName } from './matrix-b-rows.ts'

const SHA7 = DEFAULT_SHA.slice(0, 7)
const SECONDARY_RATE_LIMIT =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'

let fake: GitHubFake
let health: HealthServer
let prom: PrometheusStub
/** Prometheus queries before this row ran (the stub is shared). */
let queriesBefore = 0

beforeAll(async () => {
  health = await startHealthServer({ keepAliveTimeoutMs: 1000 })
  prom = await startPrometheusStub()
})

afterAll(async () => {
  await health.close()
  await prom.close()
  await cleanupActionRuns()
})

beforeEach(async () => {
  fake = await startGitHubFake()
  seedRun(fake)
  queriesBefore = prom.queries()
})

afterEach(async () => {
  try {
    fake.assertNoViolations()
  } finally {
    await fake.close()
  }
})

/** A fresh health path per row, so `health.hits` counts this row only. */
let pathCount = 0
function healthUrl(responder = ok): { url: string; path: string } {
  const path = `/gh-${++pathCount}`
  return { url: health.route(path, responder), path }
}

/** The gate ran to a stable verdict and closed its one deployment `in_progress` → `success`. */
function expectStableAndRecorded(r: ActionResult): void {
  expect(r.exitCode, output(r)).toBe(0)
  expect(r.outputs['verdict']).toBe('stable')
  const d = onlyDeployment(fake)
  expect(statesOf(d)).toEqual(['in_progress', 'success'])
  expect(r.outputs['deployment-id']).toBe(String(d.id))
  expect(r.post?.exitCode).toBe(0)
  expectNothingDangling(fake)
  expectNoSecretShown(r)
}

/** The step failed before the gate measured anything: exit 1, no record, no health request, the post step idle. */
function expectRefusedBeforeMeasuring(r: ActionResult, path: string): string {
  expect(r.exitCode, output(r)).toBe(1)
  expect(r.outputs['verdict'] ?? '').toBe('')
  expect(fake.state.deployments).toHaveLength(0)
  expect(fake.countRequests({ method: 'POST', path: STATUSES })).toBe(0)
  expect(health.hits(path)).toBe(0)
  expect(prom.queries() - queriesBefore).toBe(0)
  expect(r.post?.exitCode).toBe(0)
  expect(r.post?.stdout ?? '').not.toMatch(/marked error/)
  expectNoSecretShown(r)
  return errorsOf(r)
}

describe('GitHub answers 5xx: retried, the gate goes on', () => {
  it(testName('G01'), async () => {
    fake.setFault({ method: 'POST', path: DEPLOYMENTS }, [{ status: 502 }])
    const r = await runGate(fake, prom, healthUrl().url)

    expectStableAndRecorded(r)
    expect(
      fake.requests.filter((q) => q.template === DEPLOYMENTS && q.method === 'POST').map((q) => q.status),
    ).toEqual([502, 201])
  })

  it(testName('G02'), async () => {
    fake.setFault({ method: 'GET', path: DEPLOYMENTS }, [{ status: 503 }])
    const r = await runGate(fake, prom, healthUrl().url)

    expectStableAndRecorded(r)
    expect(
      fake.requests.filter((q) => q.template === DEPLOYMENTS && q.method === 'GET').map((q) => q.status),
    ).toEqual([503, 200])
    expect(fake.countRequests({ method: 'POST', path: DEPLOYMENTS })).toBe(1)
  })
})

describe('rate limits: the hinted wait is honoured', () => {
  it(testName('G03'), async () => {
    fake.setFault({ method: 'POST', path: DEPLOYMENTS }, [
      { status: 403, body: apiError(403, SECONDARY_RATE_LIMIT), headers: { 'retry-after': '1' } },
    ])
    const r = await runGate(fake, prom, healthUrl().url)

    expectStableAndRecorded(r)
    const [limited, retried] = arrivals(fake, 'POST', DEPLOYMENTS)
    expect(arrivals(fake, 'POST', DEPLOYMENTS)).toHaveLength(2)
    expect(retried! - limited!).toBeGreaterThanOrEqual(900)
    expect(r.log).toContain('GitHub rate limit on POST /repos/{owner}/{repo}/deployments: retrying in 1 s')
  })

  it(testName('G04'), async () => {
    fake.setFault({ method: 'POST', path: STATUSES }, [{ status: 429, headers: { 'retry-after': '1' } }])
    const r = await runGate(fake, prom, healthUrl().url)

    expectStableAndRecorded(r)
    const posts = fake.requests.filter((q) => q.method === 'POST' && q.template === STATUSES)
    expect(posts.map((q) => [q.status, (q.body as { state: string }).state])).toEqual([
      [429, 'in_progress'],
      [201, 'in_progress'],
      [201, 'success'],
    ])
    expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(900)
  })

  it(testName('G05'), async () => {
    fake.setFault({ method: 'POST', path: DEPLOYMENTS }, [
      { status: 403, body: apiError(403, SECONDARY_RATE_LIMIT), headers: { 'retry-after': '3600' } },
    ])
    const { url, path } = healthUrl()
    const r = await runGate(fake, prom, url)

    const errors = expectRefusedBeforeMeasuring(r, path)
    expect(errors).toContain(
      `could not create a deployment of ${SHA7} in production: GitHub API rate limit exceeded`,
    )
    expect(fake.countRequests({ method: 'POST', path: DEPLOYMENTS })).toBe(1)
  })
})

describe('GitHub refuses: the step fails naming the cause, nothing is recorded', () => {
  it(testName('G06'), async () => {
    fake.setFault({ method: 'POST', path: DEPLOYMENTS }, [{ status: 403 }])
    const { url, path } = healthUrl()
    const r = await runGate(fake, prom, url)

    const errors = expectRefusedBeforeMeasuring(r, path)
    expect(errors).toContain(
      `could not create a deployment of ${SHA7} in production: the workflow token lacks deployments: write; ` +
        'add "permissions: deployments: write" to the job',
    )
    expect(fake.countRequests({ method: 'POST', path: DEPLOYMENTS })).toBe(1)
  })

  it(testName('G07'), async () => {
    fake.setFault(
      { path: /^\/repos\/owner\/repo\// },
      Array.from({ length: 10 }, () => ({ status: 404 })),
    )
    const { url, path } = healthUrl()
    const r = await runGate(fake, prom, url)

    const errors = expectRefusedBeforeMeasuring(r, path)
    expect(errors).toContain(
      `could not look up the deployments of ${SHA7} in production: owner/repo not found, or the token cannot access ` +
        'owner/repo',
    )
    expect(fake.countRequests({ method: 'POST' })).toBe(0)
  })

  it(testName('G08'), async () => {
    await fake.close()
    fake = await startGitHubFake({ token: 'ghs_theOnlyTokenThisFakeAccepts000000' })
    seedRun(fake)
    const { url, path } = healthUrl()
    const r = await runGate(fake, prom, url)

    const errors = expectRefusedBeforeMeasuring(r, path)
    expect(errors).toContain('bad credentials: the github-token is invalid or has expired')
    expect(fake.requests.every((q) => q.status === 401)).toBe(true)
  })

  it(testName('G09'), async () => {
    const body = apiError(422, `No ref found for: ${DEFAULT_SHA}`)
    fake.setFault({ method: 'POST', path: DEPLOYMENTS }, [{ status: 422, body }])
    const { url, path } = healthUrl()
    const r = await runGate(fake, prom, url)

    const errors = expectRefusedBeforeMeasuring(r, path)
    expect(errors).toContain(`could not create a deployment of ${SHA7} in production: HTTP 422`)
    expect(errors).toContain(`No ref found for: ${DEFAULT_SHA}`)
    expect(fake.countRequests({ method: 'POST', path: DEPLOYMENTS })).toBe(1)
  })
})

describe('the final status write', () => {
  it(testName('G10'), async () => {
    // The first status write (in_progress) goes through; the connection of the second (final) one is destroyed.
    fake.setFault({ method: 'POST', path: STATUSES }, [{}, { destroy: true }])
    const r = await runGate(fake, prom, healthUrl().url)

    expectStableAndRecorded(r)
    const posts = fake.requests.filter((q) => q.method === 'POST' && q.template === STATUSES)
    expect(posts.map((q) => [q.status, (q.body as { state: string }).state])).toEqual([
      [201, 'in_progress'],
      [0, 'success'],
      [201, 'success'],
    ])
  })

  it(
    testName('G11'),
    async () => {
      // Four attempts (plugin-retry: 1 + 3 retries) of the final write lose their connection; the post step's
      // write then goes through.
      const destroyed = Array.from({ length: 4 }, () => ({ destroy: true }))
      fake.setFault({ method: 'POST', path: STATUSES }, [{}, ...destroyed])
      const r = await runGate(
        fake,
        prom,
        healthUrl().url,
        { 'check-name': 'deploy-gate' },
        { timeoutMs: 60_000 },
      )

      expect(r.timedOut, output(r)).toBe(false)
      expect(r.exitCode, output(r)).toBe(1)
      const d = onlyDeployment(fake)
      expect(errorsOf(r)).toContain(`could not set the status of deployment ${d.id} to success`)
      // The verdict was reached and published; the record could not be closed, so the step fails loudly.
      expect(r.outputs['verdict']).toBe('stable')
      expect(r.outputs['deployment-id']).toBe(String(d.id))
      expect(r.state['finalStatusWritten']).toBeUndefined()
      expect(r.post?.exitCode).toBe(0)
      expect(r.post?.log).toContain(`deployment ${d.id} marked error: gate did not finish`)
      expect(statesOf(d)).toEqual(['in_progress', 'error'])
      expect(d.statuses[1]!.description).toBe('gate did not finish')
      const finalAttempts = fake.requests.filter(
        (q) =>
          q.method === 'POST' && q.template === STATUSES && (q.body as { state: string }).state === 'success',
      )
      expect(finalAttempts.map((q) => q.status)).toEqual([0, 0, 0, 0])
      // The check run the main step never got to complete is closed by the post step too.
      expect(fake.state.checkRuns).toHaveLength(1)
      expect(fake.state.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'cancelled' })
      expect(fake.countRequests({ method: 'POST', path: CHECK_RUNS })).toBe(1)
      expect(fake.countRequests({ method: 'PATCH', path: CHECK_RUN })).toBe(1)
      expectNothingDangling(fake)
      expectNoSecretShown(r)
    },
    90_000,
  )

  it(testName('G12'), async () => {
    fake.setFault({ method: 'POST', path: STATUSES }, [{}, { status: 502 }])
    const r = await runGate(fake, prom, healthUrl(ok).url, ENDLESS, {
      signalWhen: { stdoutMatches: /round 2\//, signal: 'SIGTERM' },
    })

    expect(r.timedOut, output(r)).toBe(false)
    expect(r.exitCode, output(r)).toBe(1)
    expect(errorsOf(r)).toContain('gate cancelled (SIGTERM)')
    expect(r.post?.exitCode).toBe(0)
    const d = onlyDeployment(fake)
    expect(statesOf(d)).toEqual(['in_progress', 'error'])
    expect(d.statuses[1]!.description).toBe('gate did not finish')
    const posts = fake.requests.filter((q) => q.method === 'POST' && q.template === STATUSES)
    expect(posts.map((q) => [q.status, (q.body as { state: string }).state])).toEqual([
      [201, 'in_progress'],
      [502, 'error'],
      [201, 'error'],
    ])
    expectNothingDangling(fake)
    expectNoSecretShown(r)
  })
})
