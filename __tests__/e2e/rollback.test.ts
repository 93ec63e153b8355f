/**
 * Rollback mode end to end (issue "Rollback mode … Done when"): dist/index.js run as the GitHub runner runs it (main,
 * then post) on a `workflow_dispatch` event, against the OpenAPI-checked GitHub fake on real time. What GitHub ends up
 * holding — re-run attempts, dispatched runs, deployment statuses — is read from the fake's state and request log.
 *
 * Slow on purpose, and few: the two `wait: true` tests each wait for the first poll (5 s after the re-run; the fake
 * completes the run on that poll), and the 502 test waits for plugin-retry's real back-off (1 s, then 4 s).
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fakeSha, isoTime, startGitHubFake, type GitHubFake } from '../../testkit/github-fake.ts'
import type { RunRecord } from '../../testkit/github-fake-state.ts'
import {
  cleanupActionRuns,
  runAction,
  type ActionResult,
  type RunActionOptions,
} from '../../testkit/runner.ts'
import { seedDeployHistory } from '../rollback/history.ts'

const R = '/repos/owner/repo'
const RUN_TIMEOUT_MS = 60_000
const TEST_TIMEOUT_MS = 120_000
const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS
/** This rollback run: the `log_url` of the mark. */
const ROLLBACK_RUN_ID = '9000001'
const ROLLBACK_RUN_URL = `https://github.com/owner/repo/actions/runs/${ROLLBACK_RUN_ID}/attempts/1`
const JOB_RERUN = '/repos/{owner}/{repo}/actions/jobs/{job_id}/rerun'

let fake: GitHubFake

beforeEach(async () => {
  fake = await startGitHubFake()
})

afterEach(async () => {
  try {
    fake.assertNoViolations()
  } finally {
    await fake.close()
  }
})

afterAll(async () => {
  await cleanupActionRuns()
})

function rollback(
  inputs: RunActionOptions['inputs'] = {},
  opts: Omit<RunActionOptions, 'inputs' | 'apiUrl'> = {},
): Promise<ActionResult> {
  return runAction({
    eventName: 'workflow_dispatch',
    timeoutMs: RUN_TIMEOUT_MS,
    ...opts,
    inputs: { mode: 'rollback', 'deploy-workflow': 'deploy.yml', wait: false, ...inputs },
    apiUrl: fake.url,
    env: { GITHUB_RUN_ID: ROLLBACK_RUN_ID, ...opts.env },
  })
}

/** The job's id in the run's latest attempt. */
function latestJobId(run: RunRecord, name: string): number {
  return run.attempts.at(-1)!.jobs.find((j) => j.name === name)!.id
}

/** `METHOD path` of every request that is not a GET, in order. */
function writes(): string[] {
  return fake.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`)
}

function errors(r: ActionResult): string {
  return r.annotations
    .filter((a) => a.level === 'error')
    .map((a) => a.message)
    .join('\n')
}

/** The step's own outcome: main exited as expected, and the post step (nothing to close for rollback) too. */
function expectExit(r: ActionResult, code: number): void {
  expect(r.timedOut, r.stdout).toBe(false)
  expect(r.exitCode, `${r.stderr}\n${r.log}`).toBe(code)
  expect(r.post?.exitCode).toBe(0)
}

function rolledBack(target: { sha: string; run: RunRecord }): string {
  return `rolled back to ${target.sha.slice(0, 7)} (run ${target.run.id})`
}

describe('scope: which re-run', () => {
  it(
    'fresh artifacts → re-runs the deploy job (its id in the latest attempt) and marks the current deployment',
    async () => {
      const h = seedDeployHistory(fake.state, 3)
      // The target run was re-run once already: attempt 2 holds a new deploy job, with a new id.
      const firstAttemptDeployJob = latestJobId(h.target.run, 'deploy')
      fake.state.rerun(h.target.run, firstAttemptDeployJob)
      fake.completeRun(h.target.run.id, 'success')
      const deployJob = latestJobId(h.target.run, 'deploy')
      expect(deployJob).not.toBe(firstAttemptDeployJob)

      const r = await rollback()

      expectExit(r, 0)
      expect(writes()).toEqual([
        `POST ${R}/actions/jobs/${deployJob}/rerun`,
        `POST ${R}/deployments/${h.current.deployment.id}/statuses`,
      ])
      expect(h.target.run.attempts).toHaveLength(3)
      // GitHub re-runs the deploy job; build's result is carried over from the attempt it ran in.
      const [build, deploy] = h.target.run.attempts[2]!.jobs
      expect(build).toMatchObject({ name: 'build', run_attempt: 1, status: 'completed' })
      expect(deploy).toMatchObject({ name: 'deploy', run_attempt: 3, status: 'queued' })
      expect(r.outputs).toMatchObject({
        'target-run-id': String(h.target.run.id),
        'target-sha': h.target.sha,
        'rerun-scope': 'deploy-job',
        'rerun-url': `https://github.com/owner/repo/actions/runs/${h.target.run.id}/attempts/3`,
        'rerun-conclusion': '',
      })
      expect(h.current.deployment.statuses.at(-1)).toMatchObject({
        state: 'failure',
        description: rolledBack(h.target),
        log_url: ROLLBACK_RUN_URL,
      })
      expect(r.summary).toContain('deploy-gate rollback: re-run requested')
      // Nothing else changed: the target's record and the older one keep their statuses.
      expect(fake.countRequests({ method: 'POST', path: /\/statuses$/ })).toBe(1)
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'expired artifacts → re-runs the whole run (all-jobs)',
    async () => {
      const h = seedDeployHistory(fake.state, 3, { artifacts: ['dist', 'image'] })
      const image = h.target.run.artifacts.find((a) => a.name === 'image')!
      image.expires_at = isoTime(new Date(Date.now() - HOUR_MS))
      image.expired = true

      const r = await rollback()

      expectExit(r, 0)
      expect(writes()).toEqual([
        `POST ${R}/actions/runs/${h.target.run.id}/rerun`,
        `POST ${R}/deployments/${h.current.deployment.id}/statuses`,
      ])
      // Every job of the new attempt runs again.
      expect(h.target.run.attempts[1]!.jobs.map((j) => [j.name, j.run_attempt])).toEqual([
        ['build', 2],
        ['deploy', 2],
      ])
      expect(r.outputs).toMatchObject({
        'target-sha': h.target.sha,
        'rerun-scope': 'all-jobs',
        'rerun-url': `https://github.com/owner/repo/actions/runs/${h.target.run.id}/attempts/2`,
      })
      expect(r.log).toMatch(/artifact image: expired/)
      expect(h.current.deployment.statuses.at(-1)).toMatchObject({
        state: 'failure',
        description: rolledBack(h.target),
      })
    },
    TEST_TIMEOUT_MS,
  )

  it.each<{ margin: string; inputs: Record<string, string>; scope: 'all-jobs' | 'deploy-job' }>([
    { margin: 'the default retention-margin (30m)', inputs: {}, scope: 'all-jobs' },
    { margin: 'retention-margin: 5m', inputs: { 'retention-margin': '5m' }, scope: 'deploy-job' },
  ])(
    'an artifact expiring in 10 minutes, $margin → $scope',
    async ({ inputs, scope }) => {
      const h = seedDeployHistory(fake.state, 3)
      h.target.run.artifacts[0]!.expires_at = isoTime(new Date(Date.now() + 10 * 60_000))
      const request =
        scope === 'all-jobs'
          ? `POST ${R}/actions/runs/${h.target.run.id}/rerun`
          : `POST ${R}/actions/jobs/${latestJobId(h.target.run, 'deploy')}/rerun`

      const r = await rollback(inputs)

      expectExit(r, 0)
      expect(r.outputs['rerun-scope']).toBe(scope)
      expect(writes()[0]).toBe(request)
      if (scope === 'all-jobs')
        expect(r.log).toMatch(/artifact dist: expiring, .*within retention-margin 30m/)
    },
    TEST_TIMEOUT_MS,
  )
})

describe('target: which commit', () => {
  it(
    'the newest deployment stable but bad, the two before it failed → the older stable SHA',
    async () => {
      const h = seedDeployHistory(fake.state, 4)
      const [stable, failed, errored] = h.deploys
      fake.state.addDeploymentStatus(failed!.deployment.id, {
        state: 'failure',
        description: 'failed: cpu 97% > 80%',
      })
      fake.state.addDeploymentStatus(errored!.deployment.id, {
        state: 'error',
        description: 'gate did not finish',
      })
      const deployJob = latestJobId(stable!.run, 'deploy')

      const r = await rollback()

      expectExit(r, 0)
      expect(r.outputs).toMatchObject({
        'target-sha': stable!.sha,
        'target-run-id': String(stable!.run.id),
        'rerun-scope': 'deploy-job',
      })
      expect(writes()[0]).toBe(`POST ${R}/actions/jobs/${deployJob}/rerun`)
      expect(h.current.deployment.statuses.at(-1)?.description).toBe(rolledBack(stable!))
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'no deployment records → the run history of the deploy workflow; nothing marked, and the summary says so',
    async () => {
      const wf = fake.state.addWorkflow()
      const hoursAgo = (n: number): Date => new Date(Date.now() - n * HOUR_MS)
      const good = fake.state.addRun({
        workflow_id: wf.id,
        head_sha: fakeSha('good'),
        created_at: hoursAgo(4),
        artifacts: ['dist'],
      })
      fake.state.addRun({
        workflow_id: wf.id,
        head_sha: fakeSha('broken'),
        created_at: hoursAgo(3),
        conclusion: 'failure',
      })
      fake.state.addRun({ workflow_id: wf.id, head_sha: fakeSha('bad'), created_at: hoursAgo(2) })
      // A deployment without the deploy-gate payload is not a record.
      fake.state.addDeployment({ sha: fakeSha('bad'), payload: {} })
      const deployJob = latestJobId(good, 'deploy')

      const r = await rollback()

      expectExit(r, 0)
      expect(r.outputs).toMatchObject({
        'target-sha': good.head_sha,
        'target-run-id': String(good.id),
        'rerun-scope': 'deploy-job',
      })
      expect(writes()).toEqual([`POST ${R}/actions/jobs/${deployJob}/rerun`])
      expect(r.summary).toContain('not marked: run-history fallback: no deployment record to mark')
      expect(r.log).toContain('no deployment in production carries deploy-gate records')
    },
    TEST_TIMEOUT_MS,
  )
})

describe('older than 30 days', () => {
  /** The target's run and deployment 31 days old; the current one an hour old. */
  function seedMonthOld(): ReturnType<typeof seedDeployHistory> {
    fake.state.addWorkflow({ inputs: ['sha'] })
    const h = seedDeployHistory(fake.state, 2)
    const old = new Date(Date.now() - 31 * DAY_MS)
    h.target.run.created_at = isoTime(old)
    h.target.deployment.created_at = isoTime(old)
    return h
  }

  it(
    'without redeploy-input → fails naming the full SHA and the ways forward; nothing sent',
    async () => {
      const h = seedMonthOld()

      const r = await rollback()

      expectExit(r, 1)
      const message = errors(r)
      expect(message).toContain(h.target.sha)
      expect(message).toContain('31 days ago')
      expect(message).toContain('set redeploy-input')
      expect(message).toContain(`deploy ${h.target.sha} by hand`)
      expect(writes()).toEqual([])
      expect(r.outputs['target-sha']).toBe(h.target.sha)
      expect(r.outputs['rerun-scope']).toBe('')
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'with redeploy-input: sha → dispatches the deploy workflow with {sha: <full SHA>} and marks',
    async () => {
      const h = seedMonthOld()

      const r = await rollback({ 'redeploy-input': 'sha' })

      expectExit(r, 0)
      const dispatches = fake.requests.filter((q) => q.method === 'POST' && q.path.endsWith('/dispatches'))
      expect(dispatches).toHaveLength(1)
      expect(dispatches[0]!.path).toBe(`${R}/actions/workflows/deploy.yml/dispatches`)
      expect(dispatches[0]!.body).toMatchObject({ ref: 'main', inputs: { sha: h.target.sha } })
      expect(h.target.sha).toMatch(/^[0-9a-f]{40}$/)
      const dispatched = fake.state.runs.at(-1)!
      expect(dispatched).toMatchObject({ event: 'workflow_dispatch', inputs: { sha: h.target.sha } })
      expect(r.outputs).toMatchObject({
        'target-sha': h.target.sha,
        'rerun-scope': 'dispatch',
        'rerun-url': `https://github.com/owner/repo/actions/runs/${dispatched.id}`,
      })
      // No re-run of a run GitHub would refuse.
      expect(fake.countRequests({ method: 'POST', path: /\/rerun$/ })).toBe(0)
      expect(h.current.deployment.statuses.at(-1)).toMatchObject({
        state: 'failure',
        description: rolledBack(h.target),
      })
    },
    TEST_TIMEOUT_MS,
  )
})

describe('dry run and the event', () => {
  it.each(['workflow_dispatch', 'push'])(
    'dry-run: true on %s → the plan printed, zero POST/PATCH, exit 0',
    async (eventName) => {
      const h = seedDeployHistory(fake.state, 3)

      const r = await rollback({ 'dry-run': true, wait: true }, { eventName })

      expectExit(r, 0)
      expect(fake.countRequests({ method: ['POST', 'PATCH', 'PUT', 'DELETE'] })).toBe(0)
      expect(h.target.run.attempts).toHaveLength(1)
      expect(h.current.deployment.statuses.map((s) => s.state)).toEqual(['in_progress', 'success'])
      const deployJob = latestJobId(h.target.run, 'deploy') // no re-run happened: still attempt 1
      expect(r.log).toContain('rollback plan for production:')
      expect(r.log).toContain(`current: deployment ${h.current.deployment.id} of ${h.current.sha}`)
      expect(r.log).toContain(`target: run ${h.target.run.id} of ${h.target.sha}`)
      expect(r.log).toMatch(/artifact dist: ok, expires at /)
      expect(r.log).toContain(`scope: deploy-job — job "deploy" (id ${deployJob}`)
      expect(r.log).toContain(`dry run: would send POST …/actions/jobs/${deployJob}/rerun`)
      expect(r.summary).toContain('plan only (dry run)')
      expect(r.outputs).toMatchObject({
        'target-sha': h.target.sha,
        'rerun-scope': 'deploy-job',
        'rerun-url': '',
        'rerun-conclusion': '',
      })
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'a push event is refused before any request, naming workflow_dispatch',
    async () => {
      seedDeployHistory(fake.state, 3)

      const r = await rollback({}, { eventName: 'push' })

      expectExit(r, 1)
      expect(errors(r)).toMatch(/rollback runs only on workflow_dispatch \(this run was triggered by push\)/)
      expect(fake.requests).toEqual([])
    },
    TEST_TIMEOUT_MS,
  )
})

describe('wait: true', () => {
  it(
    'the re-run completes with success → exit 0, rerun-conclusion success',
    async () => {
      const h = seedDeployHistory(fake.state, 3)
      fake.setAutoComplete({ afterPolls: 1, conclusion: 'success' })

      const r = await rollback({ wait: true })

      expectExit(r, 0)
      expect(r.outputs).toMatchObject({ 'rerun-scope': 'deploy-job', 'rerun-conclusion': 'success' })
      expect(h.target.run.attempts.at(-1)).toMatchObject({
        run_attempt: 2,
        status: 'completed',
        conclusion: 'success',
      })
      expect(fake.countRequests({ method: 'GET', path: `${R}/actions/runs/${h.target.run.id}` })).toBe(2)
      expect(r.summary).toContain('deploy-gate rollback: rolled back')
      expect(h.current.deployment.statuses.at(-1)?.description).toBe(rolledBack(h.target))
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'the re-run completes with failure → exit 1 with the run URL, rerun-conclusion failure',
    async () => {
      const h = seedDeployHistory(fake.state, 3)
      fake.setAutoComplete({ afterPolls: 1, conclusion: 'failure' })

      const r = await rollback({ wait: true })

      expectExit(r, 1)
      expect(r.outputs['rerun-conclusion']).toBe('failure')
      expect(errors(r)).toContain(
        `rollback run finished with conclusion failure: https://github.com/owner/repo/actions/runs/${h.target.run.id}/attempts/2`,
      )
    },
    TEST_TIMEOUT_MS,
  )
})

describe('GitHub errors', () => {
  it(
    '403 Resource not accessible by integration on the re-run → names actions: write; nothing marked',
    async () => {
      const h = seedDeployHistory(fake.state, 3)
      fake.setFault({ method: 'POST', path: JOB_RERUN }, [{ status: 403 }])

      const r = await rollback()

      expectExit(r, 1)
      const message = errors(r)
      expect(message).toContain('actions: write')
      expect(message).toContain(`workflow run ${h.target.run.id}`)
      expect(fake.countRequests({ method: 'POST', path: /\/statuses$/ })).toBe(0)
      expect(h.current.deployment.statuses.map((s) => s.state)).toEqual(['in_progress', 'success'])
      expect(r.outputs['rerun-url']).toBe('')
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'two 502s on a GET are retried (plugin-retry waits 1 s, then 4 s) and the rollback succeeds',
    async () => {
      const h = seedDeployHistory(fake.state, 3)
      fake.setFault({ method: 'GET', path: `${R}/deployments` }, [{ status: 502 }, { status: 502 }])

      const r = await rollback()

      expectExit(r, 0)
      expect(
        fake.requests.filter((q) => q.method === 'GET' && q.path === `${R}/deployments`).map((q) => q.status),
      ).toEqual([502, 502, 200])
      expect(r.outputs).toMatchObject({ 'target-sha': h.target.sha, 'rerun-scope': 'deploy-job' })
      expect(h.current.deployment.statuses.at(-1)?.description).toBe(rolledBack(h.target))
    },
    TEST_TIMEOUT_MS,
  )
})
