/** runRollbackMode's reporting: outputs, job summary, JSON report under RUNNER_TEMP, the report artifact, the outcome. */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createGitHubClient } from '../../src/github/client.ts'
import type { ModeDeps } from '../../src/deps.ts'
import { publish } from '../../src/publish.ts'
import type { RollbackSettings } from '../../src/config/settings.ts'
import { runRollbackMode, type RollbackOutcome } from '../../src/rollback/mode.ts'
import type { UploadArtifact } from '../../src/report/publish.ts'
import { createFakeClock, type FakeClock } from '../../testkit/fake-clock.ts'
import { startGitHubFake, type GitHubFake } from '../../testkit/github-fake.ts'
import { rollbackSettings, seedDeployHistory } from './history.ts'
import { testModeDeps } from '../../testkit/mode-deps.ts'
import type { RecordedCalls } from '../../testkit/recording-core.ts'

const TOKEN = 'ghs_rollbackTestToken000000000000000'
let clock: FakeClock
let fake: GitHubFake
let tmp: string
let calls: RecordedCalls
let deps: ModeDeps
let uploads: Parameters<UploadArtifact>[]

beforeEach(async () => {
  clock = createFakeClock(Date.UTC(2025, 5, 1, 12))
  fake = await startGitHubFake({ now: () => new Date(clock.now()), token: TOKEN })
  tmp = await mkdtemp(path.join(tmpdir(), 'rollback-mode-'))
  uploads = []
  const d = testModeDeps({
    token: TOKEN,
    clock: { now: () => clock.now(), sleep: (ms) => clock.sleep(ms) },
    upload: (...args) => {
      uploads.push(args)
      return Promise.resolve()
    },
    env: {
      GITHUB_REPOSITORY: 'owner/repo',
      GITHUB_RUN_ID: '9000001',
      GITHUB_RUN_ATTEMPT: '2',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: fake.url,
      RUNNER_TEMP: tmp,
      ACTIONS_RUNTIME_TOKEN: 'runtime-token',
    },
  })
  calls = d.calls
  deps = d
})

/** The mode, then its outcome published (as main.ts does). */
async function rollback(settings: RollbackSettings, d: ModeDeps = deps): Promise<RollbackOutcome> {
  const outcome = await runRollbackMode(settings, d)
  await publish(outcome, d)
  return outcome
}

afterEach(async () => {
  fake.assertNoViolations()
  await fake.close()
  await rm(tmp, { recursive: true, force: true })
})

async function readReport(): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(calls.outputs['report-path']!, 'utf8'))
}

describe('runRollbackMode', () => {
  it('with the clients main.ts builds (github-token on GITHUB_API_URL), sets every output, writes summary, report and artifact', async () => {
    const h = seedDeployHistory(fake.state, 3)
    fake.setAutoComplete({ afterPolls: 2, conclusion: 'success' })
    const outcome = await rollback(rollbackSettings({ token: TOKEN, wait: true }), deps)

    expect(outcome.failure).toBeUndefined()
    const id = h.target.run.id
    expect(calls.outputs).toEqual({
      'target-run-id': String(id),
      'target-sha': h.target.sha,
      'rerun-scope': 'deploy-job',
      'rerun-url': `https://github.com/owner/repo/actions/runs/${id}/attempts/2`,
      'rerun-conclusion': 'success',
      'report-path': path.join(tmp, 'deploy-gate', 'rollback-report.json'),
    })
    const summary = calls.summaries.join('')
    expect(summary).toContain('deploy-gate rollback: rolled back')
    expect(summary).toContain('Why this target')
    expect(summary).toContain('Why this scope')
    expect(summary).toMatch(/\| `dist` \| \d{4}-\d\d-\d\dT/)
    expect(summary).toContain(`rolled back to ${h.target.sha.slice(0, 7)} (run ${id})`)

    const report = await readReport()
    expect(report).toMatchObject({
      version: 1,
      mode: 'rollback',
      verdict: 'rolled-back',
      environment: 'production',
      sha: h.target.sha,
      run: { id: 9000001, attempt: 2, url: 'https://github.com/owner/repo/actions/runs/9000001/attempts/2' },
      startedAt: '2025-06-01T12:00:00.000Z',
      finishedAt: '2025-06-01T12:00:15.000Z',
      plan: { ok: true, scope: 'deploy-job', target: { runId: id, sha: h.target.sha } },
      result: { outcome: 'completed', conclusion: 'success', mark: { status: 'marked' }, failure: null },
    })
    expect(JSON.stringify(report)).not.toContain(TOKEN)
    expect(uploads).toEqual([
      ['deploy-gate-report-attempt-2', [calls.outputs['report-path']], path.join(tmp, 'deploy-gate'), 30],
    ])
  })

  it('fails the step with the plan error, still reporting', async () => {
    const h = seedDeployHistory(fake.state, 2)
    fake.state.addDeploymentStatus(h.target.deployment.id, { state: 'error' })
    const outcome = await rollback(rollbackSettings({ token: TOKEN, reportArtifact: 'none' }), deps)
    expect(outcome).toMatchObject({
      failure: `rollback failed: no stable deployment before ${h.current.sha.slice(0, 7)} in production`,
    })
    expect(calls.outputs).toMatchObject({
      'target-run-id': '',
      'target-sha': '',
      'rerun-scope': '',
      'rerun-url': '',
    })
    expect(calls.summaries.join('')).toContain('no stable deployment before')
    expect((await readReport())['verdict']).toBe('failed')
    expect(uploads).toEqual([])
  })

  it('a GitHub error while reading the facts fails the step with a clear message and a report', async () => {
    // No deployments and no deploy workflow: the run-history fallback finds no workflow.
    const outcome = await rollback(rollbackSettings({ token: TOKEN, branch: 'main' }), deps)
    expect(outcome.failure).toMatch(
      /^rollback failed: could not list the runs of deploy\.yml: workflow deploy\.yml not found/,
    )
    const report = await readReport()
    expect(report).toMatchObject({
      verdict: 'failed',
      plan: null,
      result: { error: expect.stringContaining('deploy.yml') },
    })
  })

  it('dry-run ends green with the plan in the outputs, summary and report', async () => {
    const h = seedDeployHistory(fake.state, 2)
    const outcome = await rollback(rollbackSettings({ token: TOKEN, dryRun: true }), deps)
    expect(outcome.failure).toBeUndefined()
    expect(fake.countRequests({ method: ['POST', 'PATCH'] })).toBe(0)
    expect(calls.outputs).toMatchObject({
      'target-run-id': String(h.target.run.id),
      'rerun-scope': 'deploy-job',
      'rerun-url': '',
    })
    expect(calls.summaries.join('')).toContain('not sent (dry run)')
    expect((await readReport())['result']).toMatchObject({
      outcome: 'dry-run',
      mark: { status: 'skipped', reason: 'dry run' },
    })
  })

  it('without an artifact runtime token the upload is a warning naming the artifact', async () => {
    seedDeployHistory(fake.state, 2)
    await rollback(rollbackSettings({ token: TOKEN, dryRun: true }), {
      ...deps,
      env: { ...deps.env, ACTIONS_RUNTIME_TOKEN: undefined },
    })
    expect(calls.warnings).toEqual([
      expect.stringContaining('report artifact deploy-gate-report-attempt-2 not uploaded'),
    ])
    expect(uploads).toEqual([])
  })

  it('reads GitHub only through deps.github, never from the environment or the settings', async () => {
    seedDeployHistory(fake.state, 2)
    const octokit = createGitHubClient({ token: TOKEN, baseUrl: fake.url })
    const outcome = await rollback(rollbackSettings({ token: 'unused', dryRun: true }), {
      ...deps,
      github: () => Promise.resolve(octokit),
      env: { ...deps.env, GITHUB_API_URL: 'http://127.0.0.1:9' },
    })
    expect(outcome.failure).toBeUndefined()
  })
})
