/**
 * "What to do next" end to end (issue 15, SPEC §7): dist/index.js run as the runner runs it against the OpenAPI-checked
 * GitHub fake. A failed gate with an older stable deployment names the target's SHA and run, says whether its
 * artifacts allow a deploy-job re-run, and links to `rollback-workflow`, in the job summary and the check run; without
 * one it says there is none; a stable gate reads neither the ledger's history nor any run's artifacts.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startGitHubFake, type GitHubFake } from '../../testkit/github-fake.ts'
import { cleanupActionRuns, DEFAULT_RUN_ID, runAction, type RunActionOptions } from '../../testkit/runner.ts'
import { seedDeployHistory } from '../rollback/history.ts'
import { down, ok, startHealthServer, type HealthServer } from '../../testkit/health-server.ts'

const RUN_ID = Number(DEFAULT_RUN_ID)
/** Startup fails after 1 s on a health URL that answers 503; a healthy one passes three quick rounds. */
const FAST = { duration: '1s', interval: '500ms', 'startup-timeout': '1s' } as const
const ROLLBACK_PAGE = 'https://github.com/owner/repo/actions/workflows/rollback.yml'
/** The reads only "what to do next" makes: deployment statuses, a run, its artifacts and its jobs. */
const NEXT_STEP_READS = [
  'GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
  'GET /repos/{owner}/{repo}/actions/runs/{run_id}',
  'GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts',
  'GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs',
]

let fake: GitHubFake
let health: HealthServer

beforeAll(async () => {
  health = await startHealthServer({ keepAliveTimeoutMs: 1000 })
})

afterAll(async () => {
  await health.close()
  await cleanupActionRuns()
})

beforeEach(async () => {
  fake = await startGitHubFake()
  // This run (GITHUB_RUN_ID's default), in progress on this runner.
  const run = fake.state.addRun({ status: 'in_progress', jobs: [{ name: 'deploy', status: 'in_progress' }] })
  expect(run.id).toBe(RUN_ID)
})

afterEach(async () => {
  try {
    fake.assertNoViolations()
  } finally {
    await fake.close()
  }
})

function gate(inputs: RunActionOptions['inputs']) {
  return runAction({
    inputs: { mode: 'gate', 'report-artifact': 'none', 'check-name': 'deploy-gate', ...FAST, ...inputs },
    apiUrl: fake.url,
    timeoutMs: 60_000,
  })
}

/** `METHOD template` of every GET the fake received. */
function reads(): string[] {
  return fake.requests.filter((r) => r.method === 'GET').map((r) => `GET ${r.template ?? r.path}`)
}

function checkRunSummary(): string {
  expect(fake.state.checkRuns).toHaveLength(1)
  return fake.state.checkRuns[0]!.output.summary ?? ''
}

describe('a failed gate says what to do next', () => {
  it('names the older stable release (SHA, run, deploy-job scope) and links to rollback-workflow', async () => {
    const history = seedDeployHistory(fake.state, 3)
    const target = history.current // the newest seeded deploy: stable, older than this one
    const r = await gate({ 'health-urls': health.route('/down', down), 'rollback-workflow': 'rollback.yml' })

    if (process.env.SHOW_SUMMARY) console.log(r.summary)
    expect(r.exitCode, r.stderr).toBe(1)
    expect(r.outputs['verdict']).toBe('failed')
    for (const text of [r.summary, checkRunSummary()]) {
      const next = text.slice(text.indexOf('#### What to do next'))
      expect(text).toContain('#### What to do next')
      expect(next).toContain(
        `The rollback would go back to \`${target.sha.slice(0, 7)}\` ([run ${target.run.id}](https://github.com/owner/repo/actions/runs/${target.run.id}))`,
      )
      expect(next).toMatch(/deployed \d{4}-\d\d-\d\d \d\d:\d\d UTC \(\d+ (min|h) ago\)/)
      expect(next).toContain('only its deploy job would run again (`deploy-job`)')
      expect(next).toContain(`**[Open rollback.yml](${ROLLBACK_PAGE})** and press **Run workflow**`)
    }
    // The summary ends with it.
    expect(r.summary.trimEnd().split('\n').at(-1)).toContain(ROLLBACK_PAGE)
    for (const read of NEXT_STEP_READS) expect(reads(), read).toContain(read)
  })

  it('says so when there is no stable release before this one', async () => {
    const r = await gate({
      'health-urls': health.route('/down-alone', down),
      'rollback-workflow': 'rollback.yml',
    })

    expect(r.outputs['verdict']).toBe('failed')
    expect(r.summary).toContain(
      'There is no stable release to roll back to: no stable deployment before a3f1c2d in production.',
    )
    expect(r.summary).not.toContain(ROLLBACK_PAGE)
    expect(checkRunSummary()).toContain('There is no stable release to roll back to')
  })

  it('without rollback-workflow, says how to get the button linked', async () => {
    seedDeployHistory(fake.state, 2)
    const r = await gate({ 'health-urls': health.route('/down-nolink', down) })

    expect(r.summary).toContain('The rollback would go back to')
    expect(r.summary).toContain('Set the `rollback-workflow` input to link the rollback workflow')
  })
})

describe('a stable gate', () => {
  it('reads no deployment history and no run artifacts, and has no "what to do next"', async () => {
    seedDeployHistory(fake.state, 3)
    const r = await gate({ 'health-urls': health.route('/ok', ok), 'rollback-workflow': 'rollback.yml' })

    expect(r.exitCode, r.stderr).toBe(0)
    expect(r.outputs['verdict']).toBe('stable')
    expect(r.summary).not.toContain('What to do next')
    // The gate reads its own record's statuses before the final write (rolled back is final, issue 11); what to do
    // next would read the statuses of the older records and the target run.
    const own = r.outputs['deployment-id']
    const foreignStatuses = fake.requests.filter(
      (q) => q.method === 'GET' && q.path.endsWith('/statuses') && !q.path.includes(`/deployments/${own}/`),
    )
    expect(foreignStatuses.map((q) => q.path)).toEqual([])
    for (const read of NEXT_STEP_READS.slice(1)) expect(reads(), read).not.toContain(read)
  })
})
