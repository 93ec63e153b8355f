/**
 * Rollback against the GitHub fake, in process: the requests sent, the mark, dry-run, GitHub's refusals, waiting,
 * retries, target selection and the run-history fallback, dispatch, and the request count before the re-run.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createGitHubClient, type GitHubClient } from '../../src/github/client.ts'
import type { RollbackSettings } from '../../src/config/settings.ts'
import type { ModeDeps } from '../../src/deps.ts'
import { publish } from '../../src/publish.ts'
import { runRollbackMode } from '../../src/rollback/mode.ts'
import type { RollbackRecord } from '../../src/rollback/verdict.ts'
import { createFakeClock, type FakeClock } from '../../testkit/fake-clock.ts'
import {
  fakeSha,
  startGitHubFake,
  type GitHubFake,
  type GitHubFakeOptions,
} from '../../testkit/github-fake.ts'
import {
  gatePayload,
  requestsUntilFirstWrite,
  rollbackSettings,
  seedDeployHistory,
  seedRunHistory,
} from './history.ts'
import { testModeDeps } from '../../testkit/mode-deps.ts'
import { recordingCore, type RecordedCalls } from '../../testkit/recording-core.ts'

const START_MS = Date.UTC(2025, 5, 1, 12)
const DAY_MS = 86_400_000
const R = '/repos/owner/repo'
const ROLLBACK_RUN_URL = 'https://github.com/owner/repo/actions/runs/9000001/attempts/1'

let clock: FakeClock
let fake: GitHubFake
let octokit: GitHubClient
let tmp: string
let calls: RecordedCalls
let core: ReturnType<typeof recordingCore>['core']

async function start(opts: GitHubFakeOptions = {}, startMs = START_MS): Promise<void> {
  await fake?.close()
  clock = createFakeClock(startMs)
  fake = await startGitHubFake({ now: () => new Date(clock.now()), ...opts })
  // Retries after 1 ms, 4 ms, 9 ms instead of seconds.
  octokit = createGitHubClient({
    token: 'ghs_rollbackTestToken000000000000000',
    baseUrl: fake.url,
    retry: { retryAfterBaseValueMs: 1 },
  })
}

function deps(): ModeDeps {
  return testModeDeps({
    github: () => Promise.resolve(octokit),
    core,
    clock: { now: () => clock.now(), sleep: (ms) => clock.sleep(ms) },
    env: {
      GITHUB_REPOSITORY: 'owner/repo',
      GITHUB_RUN_ID: '9000001',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      RUNNER_TEMP: tmp,
    },
  })
}

/** The mode, its outcome published (as main.ts does); what happened. */
async function runRollback(settings: RollbackSettings, d: ModeDeps): Promise<RollbackRecord> {
  const outcome = await runRollbackMode(settings, d)
  await publish(outcome, d)
  return outcome.record
}

function writes(): string[] {
  return fake.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`)
}

function jobId(run: { attempts: { jobs: { id: number; name: string }[] }[] }, name: string): number {
  return run.attempts[0]!.jobs.find((j) => j.name === name)!.id
}

beforeEach(async () => {
  await start()
  tmp = await mkdtemp(path.join(tmpdir(), 'rollback-'))
  ;({ core, calls } = recordingCore())
})

afterEach(async () => {
  fake.assertNoViolations()
  await fake.close()
  await rm(tmp, { recursive: true, force: true })
})

describe('re-run requests and the mark', () => {
  it('deploy-job: re-runs the deploy job of the last stable run, then marks the current deployment', async () => {
    const h = seedDeployHistory(fake.state, 3)
    const record = await runRollback(rollbackSettings(), deps())

    expect(record.failure).toBeUndefined()
    expect(record.verdict).toBe('requested')
    expect(writes()).toEqual([
      `POST ${R}/actions/jobs/${jobId(h.target.run, 'deploy')}/rerun`,
      `POST ${R}/deployments/${h.current.deployment.id}/statuses`,
    ])
    expect(h.target.run.attempts).toHaveLength(2)
    expect(h.current.deployment.statuses.at(-1)).toMatchObject({
      state: 'failure',
      description: `rolled back to ${h.target.sha.slice(0, 7)} (run ${h.target.run.id})`,
      log_url: ROLLBACK_RUN_URL,
    })
    expect(record.result?.run).toEqual({
      id: h.target.run.id,
      attempt: 2,
      url: `https://github.com/owner/repo/actions/runs/${h.target.run.id}/attempts/2`,
    })
    expect(calls.outputs).toMatchObject({
      'target-sha': h.target.sha,
      'rerun-scope': 'deploy-job',
      'rerun-conclusion': '',
    })
  })

  it('all-jobs: an expired artifact re-runs the whole run', async () => {
    const h = seedDeployHistory(fake.state, 3, { artifacts: ['dist', 'image'] })
    h.target.run.artifacts[1]!.expired = true
    const record = await runRollback(rollbackSettings(), deps())
    expect(record.plan).toMatchObject({ ok: true, scope: 'all-jobs' })
    expect(writes()).toEqual([
      `POST ${R}/actions/runs/${h.target.run.id}/rerun`,
      `POST ${R}/deployments/${h.current.deployment.id}/statuses`,
    ])
    // The jobs are read beside the artifacts (in parallel, before the artifacts decide), once.
    expect(fake.countRequests({ path: `${R}/actions/runs/${h.target.run.id}/jobs` })).toBe(1)
  })

  it('matrix: re-runs the leg recorded as job_name', async () => {
    fake.state.addWorkflow({ jobs: ['build', 'deploy (web)', 'deploy (api)'] })
    const h = seedDeployHistory(fake.state, 2, { jobName: 'deploy (api)' })
    await runRollback(rollbackSettings(), deps())
    expect(writes()[0]).toBe(`POST ${R}/actions/jobs/${jobId(h.target.run, 'deploy (api)')}/rerun`)
  })

  it('dry-run sends no POST, PATCH or dispatch at all, and prints the full plan', async () => {
    const h = seedDeployHistory(fake.state, 3)
    const record = await runRollback(rollbackSettings({ dryRun: true, wait: true }), deps())
    expect(record.verdict).toBe('dry-run')
    expect(record.failure).toBeUndefined()
    expect(fake.countRequests({ method: ['POST', 'PATCH', 'PUT', 'DELETE'] })).toBe(0)
    expect(h.target.run.attempts).toHaveLength(1)
    expect(h.current.deployment.statuses.map((s) => s.state)).toEqual(['in_progress', 'success'])
    const log = calls.infos.join('\n')
    expect(log).toContain('rollback plan for production:')
    expect(log).toContain(`current: deployment ${h.current.deployment.id} of ${h.current.sha}`)
    expect(log).toContain(`target: run ${h.target.run.id} of ${h.target.sha}`)
    expect(log).toContain('why this target: newest stable deployment in production')
    expect(log).toMatch(/artifact dist: ok, expires at /)
    expect(log).toContain(`dry run: would send POST …/actions/jobs/${jobId(h.target.run, 'deploy')}/rerun`)
    expect(calls.outputs).toMatchObject({
      'target-run-id': String(h.target.run.id),
      'rerun-scope': 'deploy-job',
      'rerun-url': '',
    })
  })
})

describe("GitHub's refusals", () => {
  const monthOld = {
    message: 'Unable to retry this workflow run because it was created over a month ago',
    documentation_url: 'https://docs.github.com/rest/actions/workflow-runs#re-run-a-job-from-a-workflow-run',
  }
  it.each<[string, (h: ReturnType<typeof seedDeployHistory>) => void, RegExp]>([
    [
      'already running',
      (h) => {
        h.target.run.attempts[0]!.status = 'in_progress'
        h.target.run.attempts[0]!.conclusion = null
      },
      /could not re-run workflow run \d+ \(https:\/\/github\.com\/owner\/repo\/actions\/runs\/\d+\): it is already running; wait for it to finish/,
    ],
    [
      'cannot be retried',
      (h) => {
        h.target.run.rerunnable = false
      },
      /could not re-run workflow run \d+ \(.+\): GitHub says it cannot be retried/,
    ],
    [
      'Resource not accessible by integration',
      () =>
        fake.setFault({ method: 'POST', path: '/repos/{owner}/{repo}/actions/jobs/{job_id}/rerun' }, [
          { status: 403 },
        ]),
      /could not re-run job "deploy" \(\d+\) of workflow run \d+: the workflow token lacks actions: write/,
    ],
  ])('%s → a clear error naming the run; nothing marked', async (_name, arrange, message) => {
    const h = seedDeployHistory(fake.state, 3)
    arrange(h)
    const record = await runRollback(rollbackSettings(), deps())
    expect(record.verdict).toBe('failed')
    expect(record.failure).toMatch(message)
    expect(record.failure).toContain(String(h.target.run.id))
    expect(fake.countRequests({ method: 'POST', path: /\/statuses$/ })).toBe(0)
    expect(calls.outputs['rerun-url']).toBe('')
    expect(calls.summaries[0]).toContain('not accepted')
  })

  it('403 "created over a month ago" without redeploy-input → the error naming the SHA and both ways forward', async () => {
    const h = seedDeployHistory(fake.state, 3)
    fake.setFault({ method: 'POST', path: '/repos/{owner}/{repo}/actions/jobs/{job_id}/rerun' }, [
      { status: 403, body: monthOld },
    ])
    const record = await runRollback(rollbackSettings(), deps())
    expect(record.verdict).toBe('failed')
    expect(record.failure).toContain(
      `workflow run ${h.target.run.id} of ${h.target.sha} was refused a re-run by GitHub (created over a month ago)`,
    )
    expect(record.failure).toContain('set redeploy-input')
    expect(record.failure).toContain(`or deploy ${h.target.sha} by hand`)
    expect(fake.countRequests({ method: 'POST' })).toBe(1)
    expect(fake.countRequests({ method: 'POST', path: /\/statuses$/ })).toBe(0)
  })

  it('403 "created over a month ago" with redeploy-input → dispatches the deploy workflow instead, then marks', async () => {
    fake.state.addWorkflow({ inputs: ['sha'] })
    const h = seedDeployHistory(fake.state, 3)
    fake.setFault({ method: 'POST', path: '/repos/{owner}/{repo}/actions/jobs/{job_id}/rerun' }, [
      { status: 403, body: monthOld },
    ])
    const record = await runRollback(rollbackSettings({ redeployInput: 'sha' }), deps())
    expect(record.verdict).toBe('requested')
    expect(writes()).toEqual([
      `POST ${R}/actions/jobs/${jobId(h.target.run, 'deploy')}/rerun`,
      `POST ${R}/actions/workflows/deploy.yml/dispatches`,
      `POST ${R}/deployments/${h.current.deployment.id}/statuses`,
    ])
    expect(fake.state.runs.at(-1)).toMatchObject({
      event: 'workflow_dispatch',
      inputs: { sha: h.target.sha },
    })
    expect(calls.outputs).toMatchObject({ 'rerun-scope': 'dispatch' })
  })

  it('a mark the token may not write fails the step after the re-run, naming deployments: write', async () => {
    seedDeployHistory(fake.state, 3)
    fake.setFault({ method: 'POST', path: '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses' }, [
      { status: 403 },
    ])
    const record = await runRollback(rollbackSettings(), deps())
    expect(record.verdict).toBe('failed')
    expect(record.failure).toMatch(
      /rollback requested \(.+\/attempts\/2\), but deployment \d+ was not marked rolled back: .*deployments: write/,
    )
    expect(calls.outputs['rerun-url']).toMatch(/\/attempts\/2$/)
  })
})

describe('waiting for the re-run', () => {
  it('polls the run, then its new attempt, after 5 s, 10 s, 20 s, … and reports success', async () => {
    const h = seedDeployHistory(fake.state, 3)
    fake.setAutoComplete({ afterPolls: 3, conclusion: 'success' })
    const record = await runRollback(rollbackSettings({ wait: true }), deps())

    expect(record.verdict).toBe('rolled-back')
    expect(record.failure).toBeUndefined()
    expect(record.result).toMatchObject({ outcome: 'completed', conclusion: 'success', waitedMs: 35_000 })
    expect(clock.sleeps.map((s) => s.ms)).toEqual([5_000, 10_000, 20_000])
    const id = h.target.run.id
    const afterRerun = fake.requests.slice(fake.requests.findIndex((r) => r.method === 'POST'))
    expect(afterRerun.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST ${R}/actions/jobs/${jobId(h.target.run, 'deploy')}/rerun`,
      `POST ${R}/deployments/${h.current.deployment.id}/statuses`,
      `GET ${R}/actions/runs/${id}`,
      `GET ${R}/actions/runs/${id}/attempts/2`,
      `GET ${R}/actions/runs/${id}/attempts/2`,
    ])
    expect(calls.outputs['rerun-conclusion']).toBe('success')
    expect(calls.infos.filter((l) => l.startsWith(`run ${id} attempt 2: `))).toEqual([
      `run ${id} attempt 2: queued after 5s`,
      `run ${id} attempt 2: in_progress after 15s`,
      `run ${id} attempt 2: completed (success) after 35s`,
    ])
  })

  it('doubles the delay up to 30 s', async () => {
    seedDeployHistory(fake.state, 2)
    fake.setAutoComplete({ afterPolls: 6, conclusion: 'success' })
    await runRollback(rollbackSettings({ wait: true }), deps())
    expect(clock.sleeps.map((s) => s.ms)).toEqual([5_000, 10_000, 20_000, 30_000, 30_000, 30_000])
  })

  it('a failure conclusion fails the step with the run URL', async () => {
    const h = seedDeployHistory(fake.state, 3)
    fake.setAutoComplete({ afterPolls: 2, conclusion: 'failure' })
    const record = await runRollback(rollbackSettings({ wait: true }), deps())
    expect(record.verdict).toBe('failed')
    expect(record.failure).toBe(
      `rollback run finished with conclusion failure: https://github.com/owner/repo/actions/runs/${h.target.run.id}/attempts/2`,
    )
    expect(calls.outputs['rerun-conclusion']).toBe('failure')
  })

  it('running out of wait-timeout fails with the run URL and leaves rerun-conclusion empty', async () => {
    const h = seedDeployHistory(fake.state, 3)
    const record = await runRollback(rollbackSettings({ wait: true, waitTimeoutMs: 60_000 }), deps())
    expect(record.verdict).toBe('timed-out')
    expect(record.failure).toBe(
      `rollback run did not finish within wait-timeout 1m: https://github.com/owner/repo/actions/runs/${h.target.run.id}/attempts/2`,
    )
    expect(clock.sleeps.map((s) => s.ms)).toEqual([5_000, 10_000, 20_000, 25_000])
    expect(calls.outputs['rerun-conclusion']).toBe('')
    expect(calls.outputs['rerun-url']).toBe(
      `https://github.com/owner/repo/actions/runs/${h.target.run.id}/attempts/2`,
    )
  })

  it('keeps polling through a failed poll', async () => {
    const h = seedDeployHistory(fake.state, 2)
    fake.setAutoComplete({ afterPolls: 2, conclusion: 'success' })
    const attempt = `${R}/actions/runs/${h.target.run.id}/attempts/2`
    fake.setFault({ method: 'GET', path: attempt }, [{ status: 404 }])
    const record = await runRollback(rollbackSettings({ wait: true }), deps())
    expect(record.verdict).toBe('rolled-back')
    expect(calls.warnings.filter((w) => w.includes('polling again'))).toHaveLength(1)
  })
})

describe('reading the facts', () => {
  it('two 502s on a GET are retried and the rollback succeeds', async () => {
    const h = seedDeployHistory(fake.state, 3)
    fake.setFault({ method: 'GET', path: `${R}/deployments` }, [{ status: 502 }, { status: 502 }])
    const record = await runRollback(rollbackSettings(), deps())
    expect(record.verdict).toBe('requested')
    expect(fake.countRequests({ method: 'GET', path: `${R}/deployments` })).toBe(3)
    expect(record.plan?.target?.runId).toBe(h.target.run.id)
  })

  it('the newest deployment stable but bad, older ones failed → the older stable SHA', async () => {
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
    const record = await runRollback(rollbackSettings(), deps())
    expect(record.plan?.target).toMatchObject({
      sha: stable!.sha,
      runId: stable!.run.id,
      deploymentId: stable!.deployment.id,
    })
    expect(writes()[0]).toBe(`POST ${R}/actions/jobs/${jobId(stable!.run, 'deploy')}/rerun`)
    expect(h.current.deployment.statuses.at(-1)?.description).toBe(
      `rolled back to ${stable!.sha.slice(0, 7)} (run ${stable!.run.id})`,
    )
  })

  it('no stable deployment before the current one → the SPEC error, nothing sent', async () => {
    const h = seedDeployHistory(fake.state, 2)
    fake.state.addDeploymentStatus(h.target.deployment.id, { state: 'failure' })
    const record = await runRollback(rollbackSettings(), deps())
    expect(record.failure).toBe(
      `rollback failed: no stable deployment before ${h.current.sha.slice(0, 7)} in production`,
    )
    expect(writes()).toEqual([])
  })

  it('no records → the run-history fallback on the default branch; nothing to mark, and the summary says so', async () => {
    const wf = fake.state.addWorkflow()
    const at = (hoursAgo: number): Date => new Date(START_MS - hoursAgo * 3_600_000)
    const target = fake.state.addRun({
      workflow_id: wf.id,
      head_sha: fakeSha('good'),
      created_at: at(5),
      artifacts: ['dist'],
    })
    fake.state.addRun({
      workflow_id: wf.id,
      head_sha: fakeSha('broken'),
      created_at: at(4),
      conclusion: 'failure',
    })
    const current = fake.state.addRun({ workflow_id: wf.id, head_sha: fakeSha('bad'), created_at: at(3) })
    fake.state.addRun({ workflow_id: wf.id, head_sha: fakeSha('bad'), created_at: at(2) }) // same commit again
    fake.state.addRun({
      workflow_id: wf.id,
      head_sha: fakeSha('feature'),
      created_at: at(1),
      head_branch: 'feature',
    })
    fake.state.addRun({
      workflow_id: wf.id,
      head_sha: fakeSha('running'),
      created_at: at(0),
      status: 'in_progress',
    })
    fake.state.addDeployment({ sha: fakeSha('bad'), payload: {} }) // not ours

    const record = await runRollback(rollbackSettings(), deps())
    expect(record.plan?.current).toMatchObject({ kind: 'run', sha: current.head_sha })
    expect(record.plan?.target).toMatchObject({
      source: 'run-history',
      runId: target.id,
      sha: target.head_sha,
    })
    expect(record.result?.mark).toEqual({
      status: 'skipped',
      reason: 'run-history fallback: no deployment record to mark',
    })
    expect(writes()).toEqual([`POST ${R}/actions/jobs/${jobId(target, 'deploy')}/rerun`])
    expect(fake.countRequests({ method: 'GET', path: R })).toBe(1)
    const runsQuery = fake.requests.find((r) => r.path === `${R}/actions/workflows/deploy.yml/runs`)?.query
    expect(runsQuery).toMatchObject({ branch: 'main', status: 'completed' })
    expect(calls.summaries[0]).toContain('not marked: run-history fallback: no deployment record to mark')
  })

  it('target input: a run id', async () => {
    const h = seedDeployHistory(fake.state, 4)
    const oldest = h.deploys[0]!
    const record = await runRollback(
      rollbackSettings({ target: { kind: 'run', runId: oldest.run.id } }),
      deps(),
    )
    expect(record.plan?.target).toMatchObject({
      source: 'input-run',
      runId: oldest.run.id,
      sha: oldest.sha,
      deploymentId: oldest.deployment.id,
      jobName: 'deploy',
      reason: `the target input names workflow run ${oldest.run.id}`,
    })
    expect(writes()[0]).toBe(`POST ${R}/actions/jobs/${jobId(oldest.run, 'deploy')}/rerun`)
  })

  it('target input: an abbreviated SHA with a stable deployment', async () => {
    const h = seedDeployHistory(fake.state, 4)
    const oldest = h.deploys[0]!
    const record = await runRollback(
      rollbackSettings({ target: { kind: 'sha', sha: oldest.sha.slice(0, 7) } }),
      deps(),
    )
    expect(record.plan?.target).toMatchObject({
      source: 'input-sha-deployment',
      runId: oldest.run.id,
      sha: oldest.sha,
    })
  })

  it('target input: a SHA without a deployment → its newest successful deploy-workflow run', async () => {
    seedDeployHistory(fake.state, 2)
    const sha = fakeSha('hotfix')
    const run = fake.state.addRun({ head_sha: sha, created_at: new Date(START_MS - 3 * DAY_MS) })
    const record = await runRollback(rollbackSettings({ target: { kind: 'sha', sha } }), deps())
    expect(record.plan?.target).toMatchObject({ source: 'input-sha-run', runId: run.id, sha })
    expect(fake.requests.find((r) => r.path.endsWith('/runs') && r.query['head_sha'])?.query).toMatchObject({
      head_sha: sha,
      status: 'success',
    })
  })

  it('target input: the current SHA is refused', async () => {
    const h = seedDeployHistory(fake.state, 2)
    const record = await runRollback(
      rollbackSettings({ target: { kind: 'sha', sha: h.current.sha } }),
      deps(),
    )
    expect(record.failure).toContain('never the current SHA')
    expect(writes()).toEqual([])
  })
})

describe('dispatch (run older than 30 days)', () => {
  function seedOld(): ReturnType<typeof seedDeployHistory> {
    fake.state.addWorkflow({ inputs: ['sha'] })
    return seedDeployHistory(fake.state, 2, { spacingHours: 31 * 24 })
  }

  it('dispatches the deploy workflow with {<redeploy-input>: <full sha>}, marks, and waits for the dispatched run', async () => {
    const h = seedOld()
    fake.setAutoComplete({ afterPolls: 2, conclusion: 'success' })
    const record = await runRollback(rollbackSettings({ redeployInput: 'sha', wait: true }), deps())

    expect(record.verdict).toBe('rolled-back')
    const dispatch = fake.requests.find((r) => r.method === 'POST')!
    expect(dispatch.path).toBe(`${R}/actions/workflows/deploy.yml/dispatches`)
    expect(dispatch.body).toEqual({ ref: 'main', inputs: { sha: h.target.sha }, return_run_details: true })
    const dispatched = fake.state.runs.at(-1)!
    expect(dispatched).toMatchObject({ event: 'workflow_dispatch', inputs: { sha: h.target.sha } })
    expect(record.result?.run).toEqual({
      id: dispatched.id,
      url: `https://github.com/owner/repo/actions/runs/${dispatched.id}`,
    })
    expect(fake.countRequests({ method: 'GET', path: `${R}/actions/runs/${dispatched.id}` })).toBe(2)
    expect(h.current.deployment.statuses.at(-1)?.description).toBe(
      `rolled back to ${h.target.sha.slice(0, 7)} (run ${h.target.run.id})`,
    )
    expect(calls.outputs).toMatchObject({ 'rerun-scope': 'dispatch', 'rerun-conclusion': 'success' })
    // Artifacts and jobs are read beside the run (its age is not known before), once each, and not used.
    expect(fake.countRequests({ path: /\/(artifacts|jobs)$/ })).toBe(2)
  })

  it('without run details in the answer: the newest workflow_dispatch run created since the request', async () => {
    await start({}, Date.now()) // the answer's Date header is real time
    const h = seedOld()
    fake.setFault(
      { method: 'POST', path: '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches' },
      [{ status: 204 }],
    )
    const older = fake.state.addRun({
      event: 'workflow_dispatch',
      created_at: new Date(clock.now() - 3_600_000),
    })
    const dispatched = fake.state.dispatch(fake.state.workflow('deploy.yml')!, 'main', fakeSha('main'), {
      sha: h.target.sha,
    })
    const record = await runRollback(rollbackSettings({ redeployInput: 'sha' }), deps())
    expect(record.result?.run?.id).toBe(dispatched.id)
    expect(record.result?.run?.id).not.toBe(older.id)
    const lookup = fake.requests.find((r) => r.method === 'GET' && r.query['event'] === 'workflow_dispatch')
    expect(lookup?.query).toMatchObject({ event: 'workflow_dispatch', branch: 'main' })
  })

  it('without run details and no run found: fails, but the accepted dispatch still marks the deployment', async () => {
    await start({}, Date.now())
    const h = seedOld()
    fake.setFault(
      { method: 'POST', path: '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches' },
      [{ status: 204 }],
    )
    fake.setFault({ method: 'GET', path: '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs' }, [
      ...Array.from({ length: 20 }, () => ({
        status: 200,
        body: { total_count: 0, workflow_runs: [] },
      })),
    ])
    const record = await runRollback(rollbackSettings({ redeployInput: 'sha' }), deps())
    expect(record.failure).toContain('did not show up')
    expect(h.current.deployment.statuses.at(-1)?.description).toBe(
      `rolled back to ${h.target.sha.slice(0, 7)} (run ${h.target.run.id})`,
    )
  })

  it('without redeploy-input: fails naming the full SHA and both ways forward; nothing sent', async () => {
    const h = seedOld()
    const record = await runRollback(rollbackSettings(), deps())
    expect(record.failure).toContain(h.target.sha)
    expect(record.failure).toContain('set redeploy-input')
    expect(record.failure).toContain(`or deploy ${h.target.sha} by hand`)
    expect(writes()).toEqual([])
  })
})

describe('requests before the re-run POST', () => {
  it.each([10, 500, 5_000])('%i deployments: at most 6', async (count) => {
    seedDeployHistory(fake.state, count)
    const record = await runRollback(rollbackSettings(), deps())
    expect(record.verdict).toBe('requested')
    const { count: requests, requests: list } = requestsUntilFirstWrite(fake)
    expect(requests, list.join('\n')).toBeLessThanOrEqual(6)
    expect(list.at(-1)).toMatch(/^POST .*\/actions\/jobs\/\d+\/rerun$/)
  })

  it('run-history fallback over 10,000 runs, branch from the repository: at most 6', async () => {
    seedRunHistory(fake.state, 10_000)
    const record = await runRollback(rollbackSettings(), deps())
    expect(record.plan?.target?.source).toBe('run-history')
    const { count, requests } = requestsUntilFirstWrite(fake)
    expect(count, requests.join('\n')).toBeLessThanOrEqual(6)
  })

  it('the requests, in order', async () => {
    const h = seedDeployHistory(fake.state, 10)
    await runRollback(rollbackSettings(), deps())
    const id = h.target.run.id
    expect(requestsUntilFirstWrite(fake).requests).toEqual([
      `GET ${R}/deployments?environment=production&per_page=100`,
      `GET ${R}/deployments/${h.target.deployment.id}/statuses?per_page=100`,
      `GET ${R}/actions/runs/${id}`,
      `GET ${R}/actions/runs/${id}/artifacts?per_page=100`,
      `GET ${R}/actions/runs/${id}/jobs?filter=latest&per_page=100`,
      `POST ${R}/actions/jobs/${jobId(h.target.run, 'deploy')}/rerun`,
    ])
  })

  it('records without job_name still re-run the deploy job by deploy-job', async () => {
    const h = seedDeployHistory(fake.state, 3, { jobName: null })
    fake.state.deployments[0]!.payload = gatePayload(h.deploys[0]!.run.id, null)
    await runRollback(rollbackSettings(), deps())
    expect(writes()[0]).toBe(`POST ${R}/actions/jobs/${jobId(h.target.run, 'deploy')}/rerun`)
  })
})
