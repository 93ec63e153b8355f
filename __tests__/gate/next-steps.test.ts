/**
 * What to do next (issue 15), in process against the OpenAPI-checked GitHub fake: the rollback's own target and scope
 * decision, the cases the end-to-end test does not reach (all-jobs, past the 30-day re-run limit, an API error), and
 * the rendering of values from GitHub through the markdown helpers.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createGitHubClient } from '../../src/github/client.ts'
import { readRunContext } from '../../src/github/context.ts'
import { gateNextSteps, needsNextSteps, workflowFileOf, type NextSteps } from '../../src/gate/next-steps.ts'
import { ageText, renderNextSteps } from '../../src/gate/next-steps-summary.ts'
import { startGitHubFake, type GitHubFake } from '../../testkit/github-fake.ts'
import { seedDeployHistory } from '../rollback/history.ts'

const TOKEN = 'ghs_nextStepsTestToken000000000000000000'
const NOW = new Date(Date.UTC(2025, 5, 1, 12))
const DAY_MS = 86_400_000

let fake: GitHubFake

beforeEach(async () => {
  fake = await startGitHubFake({ now: () => NOW, token: TOKEN })
})

afterEach(async () => {
  fake.assertNoViolations()
  await fake.close()
})

function next(): Promise<NextSteps> {
  const octokit = createGitHubClient({ token: TOKEN, baseUrl: fake.url, retry: { retries: 0 } })
  const ctx = readRunContext({
    GITHUB_REPOSITORY: 'owner/repo',
    GITHUB_WORKFLOW_REF: 'owner/repo/.github/workflows/deploy.yml@refs/heads/main',
  })
  return gateNextSteps(
    { token: TOKEN, octokit, ctx, now: NOW },
    { environment: 'production', reportArtifact: 'deploy-gate-report' },
  )
}

describe('findNextSteps through gateNextSteps', () => {
  it('names the target the rollback picks (the stable deployment before the current one), deploy-job scope', async () => {
    const h = seedDeployHistory(fake.state, 3)
    const n = await next()
    // The newest seeded deployment is current here (this gate recorded nothing): the target is the one before it.
    expect(n).toMatchObject({
      kind: 'target',
      sha: h.target.sha,
      runId: h.target.run.id,
      runUrl: `https://github.com/owner/repo/actions/runs/${h.target.run.id}`,
      deployedAt: h.target.deployment.created_at,
      scope: 'deploy-job',
    })
  })

  it('all-jobs when the build artifacts have expired, in the rollback own words', async () => {
    const h = seedDeployHistory(fake.state, 2)
    for (const a of h.target.run.artifacts) a.expired = true
    const n = await next()
    expect(n).toMatchObject({ kind: 'target', scope: 'all-jobs', runId: h.target.run.id })
    expect(n.kind === 'target' && n.scopeReason).toMatch(/dist/)
  })

  it('dispatch (needs redeploy-input) for a run created over a month ago (GitHub re-runs none of those)', async () => {
    const h = seedDeployHistory(fake.state, 2, { spacingHours: 24 * 40 })
    const n = await next()
    expect(n).toMatchObject({ kind: 'target', scope: 'dispatch', runId: h.target.run.id })
    expect(n.kind === 'target' && n.scopeReason).toMatch(/over a month ago.*redeploy-input/)
    // The rollback reads the target run, its artifacts and its jobs at once (issue 11), so artifacts may be read.
    expect(fake.requests.some((r) => r.method !== 'GET')).toBe(false)
  })

  it('none, with the rollback own message, when there is no stable deployment before the current one', async () => {
    const h = seedDeployHistory(fake.state, 1)
    expect(await next()).toEqual({
      kind: 'none',
      reason: `no stable deployment before ${h.current.sha.slice(0, 7)} in production`,
    })
  })

  it('unknown, never a throw, when GitHub refuses (403) — and nothing at all without a token', async () => {
    fake.setFault({ method: 'GET', path: '/repos/owner/repo/deployments' }, [
      { status: 403, body: { message: 'Resource not accessible by integration' } },
    ])
    const n = await next()
    expect(n.kind).toBe('unknown')
    const ctx = readRunContext({ GITHUB_REPOSITORY: 'owner/repo' })
    const before = fake.requests.length
    expect(
      await gateNextSteps({ token: '', ctx }, { environment: 'production', reportArtifact: 'r' }),
    ).toEqual({
      kind: 'unknown',
      reason: 'github-token is empty, so the deployments could not be read',
    })
    expect(fake.requests.length).toBe(before)
  })
})

describe('needsNextSteps', () => {
  it.each([
    ['stable', false, 'push', false],
    ['failed', false, 'push', true],
    ['inconclusive', false, 'workflow_dispatch', true],
    ['failed', true, 'push', false],
    ['failed', false, 'pull_request', false],
    ['inconclusive', false, 'pull_request_target', false],
  ] as const)('%s, dry-run %s, %s → %s', (verdict, dryRun, event, expected) => {
    expect(needsNextSteps(verdict, dryRun, event)).toBe(expected)
  })

  it('reads the workflow file from GITHUB_WORKFLOW_REF', () => {
    expect(workflowFileOf('o/r/.github/workflows/deploy.yml@refs/heads/main')).toBe('deploy.yml')
    expect(workflowFileOf('')).toBe('')
  })
})

describe('renderNextSteps', () => {
  const ctx = { serverUrl: 'https://user:pw@ghe.example.com/', repository: 'acme/shop', now: NOW }
  const hostile: NextSteps = {
    kind: 'target',
    sha: 'abcdef0123456789abcdef0123456789abcdef01',
    runId: 42,
    runUrl: 'https://ghe.example.com/acme/shop/actions/runs/42',
    deployedAt: new Date(NOW.getTime() - 3 * DAY_MS).toISOString(),
    scope: 'all-jobs',
    scopeReason: 'artifact <img src=x> [click](https://evil.example) | `x` expired\n::error::boom',
  }

  it('links the rollback workflow page without userinfo, and escapes what GitHub sent', () => {
    const md = renderNextSteps(hostile, { ...ctx, rollbackWorkflow: 'rollback.yml' })
    expect(md).toContain(
      '**[Open rollback.yml](https://ghe.example.com/acme/shop/actions/workflows/rollback.yml)**',
    )
    expect(md).toContain('`abcdef0` ([run 42](https://ghe.example.com/acme/shop/actions/runs/42)), deployed ')
    expect(md).toContain('(3 days ago)')
    expect(md).not.toContain('<img')
    expect(md).not.toContain('[click](')
    expect(md).not.toMatch(/^::error::/m)
    expect(md).not.toContain('user:pw')
  })

  it('without rollback-workflow says how to link it; without a target says there is none and links nothing', () => {
    expect(renderNextSteps(hostile, ctx)).toContain('Set the `rollback-workflow` input')
    const none = renderNextSteps(
      { kind: 'none', reason: 'no stable deployment before abc1234 in production' },
      { ...ctx, rollbackWorkflow: 'rollback.yml' },
    )
    expect(none).toContain(
      'There is no stable release to roll back to: no stable deployment before abc1234 in production.',
    )
    expect(none).not.toContain('actions/workflows')
  })

  it('an inconclusive gate says to look at the measurements first', () => {
    expect(renderNextSteps(hostile, { ...ctx, verdict: 'inconclusive' })).toContain(
      'The gate could not decide',
    )
    expect(renderNextSteps(hostile, { ...ctx, verdict: 'failed' })).not.toContain('could not decide')
  })

  it.each([
    [30_000, '1 min ago'],
    [5 * 60_000, '5 min ago'],
    [3 * 3_600_000, '3 h ago'],
    [47 * 3_600_000, '47 h ago'],
    [3 * DAY_MS, '3 days ago'],
    [-5, 'just now'],
  ])('age %d ms → %s', (ms, text) => {
    expect(ageText(ms)).toBe(text)
  })
})
