/**
 * The gate's side of issue 11, end to end through dist/index.js against the OpenAPI-checked GitHub fake: job identity
 * on a GitHub-hosted runner (generic runner_name), Actions' own deployment of the job, one record per gated job of a
 * run attempt, report artifact names that never collide, and a rollback pressed while the gate still watches.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startGitHubFake, type GitHubFake } from '../../testkit/github-fake.ts'
import type { JobRecord, RunRecord } from '../../testkit/github-fake-state.ts'
import {
  cleanupActionRuns,
  DEFAULT_SHA,
  runAction,
  type ActionResult,
  type RunActionOptions,
} from '../../testkit/runner.ts'
import { ok, startHealthServer, type HealthServer } from '../../testkit/health-server.ts'

const FAST = { duration: '1s', interval: '500ms', 'startup-timeout': '5s' } as const

let fake: GitHubFake
let health: HealthServer
let run: RunRecord

beforeAll(async () => {
  health = await startHealthServer({ keepAliveTimeoutMs: 1000 })
})
afterAll(async () => {
  await health.close()
  await cleanupActionRuns()
})
beforeEach(async () => {
  fake = await startGitHubFake()
  // This run: build done; two gated jobs running on GitHub-hosted runners (runner_name "GitHub Actions" in the API).
  run = fake.state.addRun({
    status: 'in_progress',
    head_sha: DEFAULT_SHA,
    jobs: [
      { name: 'build', status: 'completed', conclusion: 'success' },
      { name: 'deploy (web)', status: 'in_progress' },
      { name: 'deploy (ai)', status: 'in_progress' },
    ],
  })
})
afterEach(async () => {
  health.onRequest(undefined)
  try {
    fake.assertNoViolations()
  } finally {
    await fake.close()
  }
})

function job(name: string): JobRecord {
  return run.attempts[0]!.jobs.find((j) => j.name === name)!
}

function gate(
  inputs: RunActionOptions['inputs'],
  opts: Omit<RunActionOptions, 'inputs' | 'apiUrl'> = {},
): Promise<ActionResult> {
  return runAction({ ...opts, inputs: { mode: 'gate', ...FAST, ...inputs }, apiUrl: fake.url })
}

function warnings(r: ActionResult): string {
  return r.annotations
    .filter((a) => a.level === 'warning')
    .map((a) => a.message)
    .join('\n')
}

function payloadOf(i: number): Record<string, unknown> {
  const p = fake.state.deployments[i]!.payload as Record<string, Record<string, unknown>>
  return p['deploy-gate']!
}

describe('1. job identity on GitHub-hosted runners', () => {
  it('by job-check-run-id: job_name, job_id and no warning, although runner_name is generic', async () => {
    const r = await gate(
      { 'health-urls': health.route('/id', ok) },
      { jobCheckRunId: job('deploy (web)').id },
    )
    expect(r.exitCode, r.stderr).toBe(0)
    expect(payloadOf(0)).toMatchObject({ job_name: 'deploy (web)', job_id: job('deploy (web)').id })
    expect(warnings(r)).not.toContain('display name')
  })

  it('without it (GHES-like): the RUNNER_NAME match fails on a hosted runner, and the warning says why — not actions: read', async () => {
    const r = await gate({ 'health-urls': health.route('/noid', ok) })
    expect(r.exitCode, r.stderr).toBe(0)
    expect(payloadOf(0)).not.toHaveProperty('job_name')
    expect(payloadOf(0)).not.toHaveProperty('job_id')
    expect(warnings(r)).toContain('by id: job-check-run-id is empty')
    expect(warnings(r)).toContain('GitHub-hosted runners show a generic runner name')
    expect(warnings(r)).not.toContain('actions: read')
  })
})

describe('7. a deployment GitHub Actions created for this job (environment: on the job)', () => {
  it('warns once, naming the fix deployment: false; the gate still records and decides', async () => {
    const actions = fake.state.addActionsDeployment(run, 'production', job('deploy (web)').id)
    const r = await gate(
      { 'health-urls': health.route('/env', ok) },
      { jobCheckRunId: job('deploy (web)').id },
    )
    expect(r.exitCode, r.stderr).toBe(0)
    const w = warnings(r)
    expect(w).toContain(`GitHub Actions created its own deployment ${actions.id} of this job in production`)
    expect(w).toContain('environment: {name: production, deployment: false}')
    expect(w.match(/GitHub Actions created its own deployment/g)).toHaveLength(1)
    // When the job ends Actions posts success with auto_inactive: the gate's record goes inactive, and stays stable.
    fake.state.finishActionsDeployment(actions)
    const gateRecord = fake.state.deployments.find((d) => d.id !== actions.id)!
    expect(gateRecord.statuses.map((s) => s.state)).toEqual(['in_progress', 'success', 'inactive'])
  })

  it('no warning without such a deployment', async () => {
    const r = await gate(
      { 'health-urls': health.route('/noenv', ok) },
      { jobCheckRunId: job('deploy (web)').id },
    )
    expect(warnings(r)).not.toContain('GitHub Actions created its own deployment')
  })
})

describe('8 + 9. two gated jobs (matrix legs) of one run attempt', () => {
  it('each has its own record and its own report artifact name, named in its summary', async () => {
    const url = health.route('/legs', ok)
    const inputs = { 'health-urls': url, 'report-artifact': 'deploy-gate-report' }
    const web = await gate(inputs, { jobCheckRunId: job('deploy (web)').id })
    const ai = await gate(inputs, { jobCheckRunId: job('deploy (ai)').id })
    expect(web.exitCode, web.stderr).toBe(0)
    expect(ai.exitCode, ai.stderr).toBe(0)
    expect(fake.state.deployments).toHaveLength(2)
    expect(payloadOf(0)).toMatchObject({ job: 'deploy', job_name: 'deploy (web)' })
    expect(payloadOf(1)).toMatchObject({ job: 'deploy', job_name: 'deploy (ai)' })
    expect(web.summary).toContain('artifact `deploy-gate-report-deploy-attempt-1-deploy-web`')
    expect(ai.summary).toContain('artifact `deploy-gate-report-deploy-attempt-1-deploy-ai`')
    // No runtime token here: the upload is a warning naming the artifact (a real runner uploads it).
    expect(warnings(web)).toContain(
      'report artifact deploy-gate-report-deploy-attempt-1-deploy-web not uploaded',
    )
  })
})

describe('11. a rollback pressed while the gate still watches', () => {
  it('the gate writes no success over the mark, warns, and its step still follows its verdict', async () => {
    const url = health.route('/watched', ok)
    let marked = false
    health.onRequest(() => {
      const d = fake.state.deployments[0]
      if (marked || !d || health.hits('/watched') < 2) return
      marked = true
      fake.state.addDeploymentStatus(d.id, {
        state: 'failure',
        description: 'rolled back to 1234567 (run 77)',
      })
    })
    const r = await gate({ 'health-urls': url }, { jobCheckRunId: job('deploy (web)').id })
    expect(marked).toBe(true)
    expect(r.exitCode, r.stderr).toBe(0)
    expect(r.outputs['verdict']).toBe('stable')
    const d = fake.state.deployments[0]!
    expect(d.statuses.map((s) => s.state)).toEqual(['in_progress', 'failure'])
    expect(warnings(r)).toContain('was rolled back while the gate ran (rolled back to 1234567 (run 77))')
    // The post step has nothing to close: no "gate did not finish" over the mark either.
    expect(r.post?.exitCode).toBe(0)
    expect(d.statuses).toHaveLength(2)
  })
})
