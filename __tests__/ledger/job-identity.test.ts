/**
 * readJobIdentity (SPEC §1 job-check-run-id, §4) against the OpenAPI-checked GitHub fake: by id first, then the
 * RUNNER_NAME match (queued or in_progress), with a warning that says which way failed and why.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createGitHubClient } from '../../src/github/client.ts'
import { parseJobId, readJobIdentity } from '../../src/ledger/job-identity.ts'
import { startGitHubFake, type GitHubFake } from '../../testkit/github-fake.ts'
import { HOSTED_RUNNER_NAME } from '../../testkit/github-fake-state.ts'

const REPO = { owner: 'owner', repo: 'repo' }
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

function client() {
  return createGitHubClient({ token: 't', baseUrl: fake.url, retry: { retries: 0 } })
}

/** A running attempt of deploy.yml: build done, two deploy legs running on the given runners. */
function running(runners: [string | null, string | null] = [HOSTED_RUNNER_NAME, HOSTED_RUNNER_NAME]) {
  const run = fake.state.addRun({
    status: 'in_progress',
    jobs: [
      { name: 'build', status: 'completed', conclusion: 'success' },
      { name: 'release / deploy (web)', status: 'in_progress', runner_name: runners[0] },
      { name: 'release / deploy (ai)', status: 'queued', runner_name: runners[1] },
    ],
  })
  const [, web, ai] = run.attempts[0]!.jobs
  return { run, web: web!, ai: ai! }
}

describe('readJobIdentity', () => {
  it('by id: name (a reusable workflow matrix leg), id and started_at from GET /actions/jobs/{id}', async () => {
    const { run, web } = running()
    const ctx = { runId: run.id, runAttempt: 1, runnerName: 'GitHub-Actions-1000000242' }
    const identity = await readJobIdentity(client(), REPO, ctx, String(web.id))
    expect(identity).toEqual({
      id: web.id,
      name: 'release / deploy (web)',
      startedAt: web.started_at,
      createdAt: web.created_at,
    })
    expect(fake.countRequests({ path: `/repos/owner/repo/actions/jobs/${web.id}` })).toBe(1)
    expect(fake.countRequests({ path: /\/jobs$/ })).toBe(0)
  })

  it('hosted runner without job-check-run-id: the RUNNER_NAME match finds nothing (generic runner_name), and says so', async () => {
    const { run } = running()
    const ctx = { runId: run.id, runAttempt: 1, runnerName: 'GitHub-Actions-1000000242' }
    const identity = await readJobIdentity(client(), REPO, ctx, '')
    expect(identity.name).toBeUndefined()
    expect(identity.warning).toContain('by id: job-check-run-id is empty')
    expect(identity.warning).toContain(
      'by RUNNER_NAME: no queued or running job of this attempt shows runner_name',
    )
    expect(identity.warning).toContain('GitHub-hosted runners show a generic runner name')
    expect(identity.warning).not.toContain('actions: read')
  })

  it('self-hosted runner: the RUNNER_NAME match takes a job still shown as queued', async () => {
    const { run, ai } = running([HOSTED_RUNNER_NAME, 'gpu-box-1'])
    const ctx = { runId: run.id, runAttempt: 1, runnerName: 'gpu-box-1' }
    expect(await readJobIdentity(client(), REPO, ctx, '')).toMatchObject({
      id: ai.id,
      name: 'release / deploy (ai)',
    })
  })

  it('403 on the job: falls back to RUNNER_NAME, and the warning names actions: read for both', async () => {
    const { run, web } = running()
    fake.setFault({ path: /\/actions\/(jobs\/\d+|runs\/\d+\/attempts\/1\/jobs)$/ }, [
      { status: 403 },
      { status: 403 },
    ])
    const ctx = { runId: run.id, runAttempt: 1, runnerName: 'GitHub-Actions-1000000242' }
    const identity = await readJobIdentity(client(), REPO, ctx, String(web.id))
    expect(identity.id).toBe(web.id)
    expect(identity.name).toBeUndefined()
    expect(identity.warning).toMatch(/by id: could not read job \d+: the workflow token lacks actions: read/)
    expect(identity.warning).toMatch(
      /by RUNNER_NAME: could not list the jobs of run \d+ attempt 1: .*actions: read/,
    )
  })

  it('a 5xx on the job is a warning too (never a thrown error that would stop the gate)', async () => {
    const { run, web } = running([HOSTED_RUNNER_NAME, HOSTED_RUNNER_NAME])
    fake.setFault({ path: `/repos/owner/repo/actions/jobs/${web.id}` }, [{ status: 500 }])
    const ctx = { runId: run.id, runAttempt: 1, runnerName: 'nope' }
    const identity = await readJobIdentity(client(), REPO, ctx, String(web.id))
    expect(identity.warning).toMatch(/by id: could not read job \d+: HTTP 500/)
  })

  it.each([
    ['51725241954', 51725241954],
    ['', undefined],
    ['abc', undefined],
    ['0', undefined],
  ])('parseJobId(%j) → %s', (text, id) => {
    expect(parseJobId(text)).toBe(id)
  })
})
