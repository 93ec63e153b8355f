/**
 * Rollback as github.com really behaves (issue 11), end to end: dist/index.js run as the runner runs it against the
 * OpenAPI-checked GitHub fake, which has learnt GitHub's behaviours — reusable-workflow job names, a re-run or dispatch
 * POST accepted but answered 502 or dropped, GitHub's exact 403 texts and calendar-month rule, a GHES that refuses
 * `return_run_details`, several gate records per run attempt, cancelled runs in the history, the rollback mark.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startGitHubFake, type GitHubFake, type GitHubFakeOptions } from '../../testkit/github-fake.ts'
import type { RunRecord } from '../../testkit/github-fake-state.ts'
import {
  cleanupActionRuns,
  runAction,
  type ActionResult,
  type RunActionOptions,
} from '../../testkit/runner.ts'
import { seedDeployHistory, seedRunHistory } from '../rollback/history.ts'

const R = '/repos/owner/repo'
const JOB_RERUN = '/repos/{owner}/{repo}/actions/jobs/{job_id}/rerun'
const RUN_RERUN = '/repos/{owner}/{repo}/actions/runs/{run_id}/rerun'
const DISPATCH = '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches'
const TIMEOUT_MS = 90_000

let fake: GitHubFake

async function start(opts: GitHubFakeOptions = {}): Promise<void> {
  await fake?.close()
  fake = await startGitHubFake(opts)
}

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

function rollback(inputs: RunActionOptions['inputs'] = {}): Promise<ActionResult> {
  return runAction({
    eventName: 'workflow_dispatch',
    timeoutMs: 60_000,
    inputs: { mode: 'rollback', 'deploy-workflow': 'deploy.yml', wait: false, ...inputs },
    apiUrl: fake.url,
    env: { GITHUB_RUN_ID: '9000001', GITHUB_JOB: 'rollback' },
  })
}

function jobId(run: RunRecord, name: string): number {
  return run.attempts.at(-1)!.jobs.find((j) => j.name === name)!.id
}

function writes(): string[] {
  return fake.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`)
}

function errors(r: ActionResult): string {
  return r.annotations
    .filter((a) => a.level === 'error')
    .map((a) => a.message)
    .join('\n')
}

function warnings(r: ActionResult): string {
  return r.annotations
    .filter((a) => a.level === 'warning')
    .map((a) => a.message)
    .join('\n')
}

const mark = (t: { sha: string; run: RunRecord }): string =>
  `rolled back to ${t.sha.slice(0, 7)} (run ${t.run.id})`

describe('2. reusable workflows: a job named "<caller> / <deploy-job>"', () => {
  it('re-runs that job of the target run', { timeout: TIMEOUT_MS }, async () => {
    const h = seedDeployHistory(fake.state, 3, { jobs: ['build', 'release / deploy'], jobName: null })
    const job = jobId(h.target.run, 'release / deploy')
    const r = await rollback()
    expect(r.exitCode, errors(r)).toBe(0)
    expect(writes()[0]).toBe(`POST ${R}/actions/jobs/${job}/rerun`)
    expect(r.outputs['rerun-scope']).toBe('deploy-job')
  })
})

describe('3. re-run and dispatch POSTs are never retried blindly', () => {
  it(
    'a re-run GitHub accepted but answered 502: one POST, read back, marked',
    { timeout: TIMEOUT_MS },
    async () => {
      const h = seedDeployHistory(fake.state, 3)
      fake.setFault({ method: 'POST', path: JOB_RERUN }, [{ status: 502, afterHandling: true }])
      const r = await rollback()
      expect(r.exitCode, errors(r)).toBe(0)
      expect(fake.countRequests({ method: 'POST', path: JOB_RERUN })).toBe(1)
      expect(h.target.run.attempts).toHaveLength(2)
      expect(r.outputs['rerun-url']).toMatch(new RegExp(`/runs/${h.target.run.id}/attempts/2$`))
      expect(warnings(r)).toMatch(/not sent again, reading run \d+ back/)
      expect(h.current.deployment.statuses.at(-1)?.description).toBe(mark(h.target))
    },
  )

  it(
    'a re-run whose connection dropped before GitHub took it: one POST, not marked, says so',
    { timeout: TIMEOUT_MS },
    async () => {
      const h = seedDeployHistory(fake.state, 3)
      fake.setFault({ method: 'POST', path: RUN_RERUN }, [{ destroy: true }])
      fake.setFault({ method: 'POST', path: JOB_RERUN }, [{ destroy: true }])
      const r = await rollback()
      expect(r.exitCode).toBe(1)
      expect(fake.countRequests({ method: 'POST', path: /\/rerun$/ })).toBe(1)
      expect(h.target.run.attempts).toHaveLength(1)
      expect(errors(r)).toMatch(/shows no attempt after 1: GitHub did not take it; nothing was re-run/)
      expect(fake.countRequests({ method: 'POST', path: /\/statuses$/ })).toBe(0)
    },
  )

  it(
    'a dispatch GitHub accepted but whose answer was dropped: one POST, the run found, marked',
    { timeout: TIMEOUT_MS },
    async () => {
      fake.state.addWorkflow({ inputs: ['sha'] })
      const h = seedDeployHistory(fake.state, 2, { spacingHours: 40 * 24 })
      fake.setFault({ method: 'POST', path: DISPATCH }, [{ destroy: true, afterHandling: true }])
      const r = await rollback({ 'redeploy-input': 'sha' })
      expect(r.exitCode, errors(r)).toBe(0)
      expect(fake.countRequests({ method: 'POST', path: DISPATCH })).toBe(1)
      const dispatched = fake.state.runs.filter((run) => run.event === 'workflow_dispatch')
      expect(dispatched).toHaveLength(1)
      expect(r.outputs['rerun-url']).toBe(`https://github.com/owner/repo/actions/runs/${dispatched[0]!.id}`)
      expect(h.current.deployment.statuses.at(-1)?.description).toBe(mark(h.target))
    },
  )
})

describe("4. the month limit: GitHub's 403 text → dispatch", () => {
  it(
    'a re-run refused "created over a month ago" dispatches when redeploy-input is set',
    { timeout: TIMEOUT_MS },
    async () => {
      fake.state.addWorkflow({ inputs: ['sha'] })
      const h = seedDeployHistory(fake.state, 3)
      fake.setFault({ method: 'POST', path: JOB_RERUN }, [
        {
          status: 403,
          body: { message: 'Unable to retry this workflow run because it was created over a month ago' },
        },
      ])
      const r = await rollback({ 'redeploy-input': 'sha' })
      expect(r.exitCode, errors(r)).toBe(0)
      expect(r.outputs['rerun-scope']).toBe('dispatch')
      expect(fake.countRequests({ method: 'POST', path: DISPATCH })).toBe(1)
      expect(errors(r)).not.toContain('set redeploy-input')
      expect(h.current.deployment.statuses.at(-1)?.description).toBe(mark(h.target))
    },
  )

  it("the fake's own rule: a run older than a calendar month is refused with GitHub's exact text", () => {
    const run = fake.state.addRun({ created_at: new Date(Date.now() - 32 * 86_400_000) })
    expect(fake.state.rerunRefusal(run)).toBe(
      'Unable to retry this workflow run because it was created over a month ago',
    )
  })
})

describe('5. GHES without return_run_details', () => {
  it(
    'a 422 on the field: sent once more without it, the run found by polling',
    { timeout: TIMEOUT_MS },
    async () => {
      await start({ ghes: true })
      fake.state.addWorkflow({ inputs: ['sha'] })
      seedDeployHistory(fake.state, 2, { spacingHours: 40 * 24 })
      const r = await rollback({ 'redeploy-input': 'sha' })
      expect(r.exitCode, errors(r)).toBe(0)
      const posts = fake.requests.filter((q) => q.method === 'POST' && q.template === DISPATCH)
      expect(posts.map((p) => p.status)).toEqual([422, 204])
      expect(posts[0]!.body).toHaveProperty('return_run_details', true)
      expect(posts[1]!.body).not.toHaveProperty('return_run_details')
      const dispatched = fake.state.runs.filter((run) => run.event === 'workflow_dispatch')
      expect(dispatched).toHaveLength(1)
      expect(r.outputs['rerun-url']).toBe(`https://github.com/owner/repo/actions/runs/${dispatched[0]!.id}`)
    },
  )
})

describe('8. several gates in one run attempt', () => {
  it(
    'a release whose AI-host gate failed is not stable because its web-host gate passed later',
    { timeout: TIMEOUT_MS },
    async () => {
      const h = seedDeployHistory(fake.state, 4, { gatedJobs: ['deploy-ai', 'deploy-web'] })
      // The second newest release: the AI host failed, the web host passed after it (last writer would have won).
      // The AI host's gate wrote failure 2 minutes in; the web host's success (5 minutes in) came after it.
      const [ai] = h.deploys[2]!.deployments
      ai!.statuses = ai!.statuses.filter((st) => st.state === 'in_progress')
      const failedAt = new Date(Date.parse(ai!.created_at) + 2 * 60_000)
      fake.state.addDeploymentStatus(ai!.id, { state: 'failure', created_at: failedAt })
      const r = await rollback()
      expect(r.exitCode, errors(r)).toBe(0)
      expect(r.outputs['target-run-id']).toBe(String(h.deploys[1]!.run.id))
    },
  )

  it(
    'the target attempt has two gated jobs: every one goes back (all-jobs), both current records marked',
    { timeout: TIMEOUT_MS },
    async () => {
      const h = seedDeployHistory(fake.state, 3, { gatedJobs: ['deploy-ai', 'deploy-web'] })
      const r = await rollback()
      expect(r.exitCode, errors(r)).toBe(0)
      expect(r.outputs['rerun-scope']).toBe('all-jobs')
      expect(writes()).toEqual([
        `POST ${R}/actions/runs/${h.target.run.id}/rerun`,
        ...[...h.current.deployments].reverse().map((d) => `POST ${R}/deployments/${d.id}/statuses`),
      ])
      expect(r.log).toContain('has 2 gated jobs ("deploy-web", "deploy-ai")')
      for (const d of h.current.deployments) expect(d.statuses.at(-1)?.description).toBe(mark(h.target))
    },
  )
})

describe('9. the rollback report artifact is named for the job and attempt', () => {
  it('the summary names it', { timeout: TIMEOUT_MS }, async () => {
    seedDeployHistory(fake.state, 3)
    const r = await rollback({ 'report-artifact': 'deploy-gate-report' })
    expect(r.exitCode, errors(r)).toBe(0)
    expect(r.summary).toContain('artifact `deploy-gate-report-rollback-attempt-1`')
    expect(warnings(r)).toContain('report artifact deploy-gate-report-rollback-attempt-1 not uploaded')
  })
})

describe('10. run-history fallback: a cancelled or skipped run is not "current"', () => {
  it(
    'the newest run that ran is current; the target is the one before it',
    { timeout: TIMEOUT_MS },
    async () => {
      const h = seedRunHistory(fake.state, 4)
      h.runs[3]!.attempts[0]!.conclusion = 'cancelled'
      h.runs[2]!.attempts[0]!.conclusion = 'skipped'
      const r = await rollback()
      expect(r.exitCode, errors(r)).toBe(0)
      // current = runs[1] (the newest that ran); target = runs[0]
      expect(r.outputs['target-run-id']).toBe(String(h.runs[0]!.id))
    },
  )
})

describe('11. rolled back is final', () => {
  it(
    'a release marked rolled back and later written success is never the target again',
    { timeout: TIMEOUT_MS },
    async () => {
      const h = seedDeployHistory(fake.state, 4)
      // deploys[2] was rolled back while its gate still watched; the gate's success came after the mark.
      const d = h.deploys[2]!.deployment
      const at = Date.parse(d.created_at)
      fake.state.addDeploymentStatus(d.id, {
        state: 'failure',
        description: 'rolled back to 1234567 (run 1)',
        created_at: new Date(at + 6 * 60_000),
      })
      fake.state.addDeploymentStatus(d.id, {
        state: 'success',
        created_at: new Date(at + 7 * 60_000),
        auto_inactive: false,
      })
      const r = await rollback()
      expect(r.exitCode, errors(r)).toBe(0)
      expect(r.outputs['target-run-id']).toBe(String(h.deploys[1]!.run.id))
    },
  )
})
