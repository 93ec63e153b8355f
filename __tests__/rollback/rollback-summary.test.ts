import { describe, expect, it } from 'vitest'
import { renderRollbackSummary, type RollbackSummaryContext } from '../../src/rollback/summary.ts'
import type { ExecuteResult } from '../../src/rollback/execute.ts'
import { DAY_MS, plan, type PlanInput, type RunFacts } from '../../src/rollback/plan.ts'
import { decideRollback } from '../../src/rollback/verdict.ts'

const NOW_MS = Date.UTC(2025, 5, 1, 12)
const TARGET_SHA = '0123456789abcdef0123456789abcdef01234567'
const CURRENT_SHA = 'fedcba9876543210fedcba9876543210fedcba98'
const CTX: RollbackSummaryContext = {
  environment: 'production',
  deployWorkflow: 'deploy.yml',
  repositoryUrl: 'https://github.com/owner/repo',
  runUrl: 'https://github.com/owner/repo/actions/runs/9000001/attempts/1',
}

const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')

function run(over: Partial<RunFacts> = {}): RunFacts {
  return {
    id: 4_000_007,
    attempt: 1,
    sha: TARGET_SHA,
    createdAt: iso(NOW_MS - 2 * DAY_MS),
    htmlUrl: 'https://github.com/owner/repo/actions/runs/4000007',
    status: 'completed',
    conclusion: 'success',
    event: 'push',
    headBranch: 'main',
    workflowId: 3_001,
    path: '.github/workflows/deploy.yml',
    ...over,
  }
}

const INPUT: PlanInput = {
  now: new Date(NOW_MS),
  current: {
    kind: 'deployment',
    deploymentId: 1_000_009,
    sha: CURRENT_SHA,
    createdAt: iso(NOW_MS - 3_600_000),
    runId: 4_000_009,
    runAttempt: 1,
  },
  target: {
    source: 'ledger',
    run: run(),
    deployment: { id: 1_000_005, createdAt: iso(NOW_MS - 2 * DAY_MS), jobName: 'deploy (web)' },
  },
  artifacts: [
    {
      id: 1,
      name: 'dist',
      expired: false,
      createdAt: iso(NOW_MS - 2 * DAY_MS),
      expiresAt: iso(NOW_MS + 5 * DAY_MS),
    },
    { id: 2, name: 'image', expired: false, createdAt: iso(NOW_MS - 2 * DAY_MS), expiresAt: null },
    {
      id: 3,
      name: 'deploy-gate-report',
      expired: false,
      createdAt: iso(NOW_MS - 2 * DAY_MS),
      expiresAt: null,
    },
  ],
  jobs: [
    { id: 5_000_001, name: 'build' },
    { id: 5_000_002, name: 'deploy (web)' },
  ],
  options: {
    environment: 'production',
    deployWorkflow: 'deploy.yml',
    deployJob: 'deploy',
    artifactNames: [],
    artifactRetentionDays: 7,
    retentionMarginMs: 1_800_000,
    reportArtifact: 'deploy-gate-report',
    branch: 'main',
  },
}

const MARKED = {
  status: 'marked',
  deploymentId: 1_000_009,
  description: 'rolled back to 0123456 (run 4000007)',
} as const
const RUN = {
  id: 4_000_007,
  attempt: 2,
  url: 'https://github.com/owner/repo/actions/runs/4000007/attempts/2',
}

describe('renderRollbackSummary', () => {
  it.each<[string, PlanInput, ExecuteResult | undefined]>([
    [
      'rolled back (deploy-job, waited)',
      INPUT,
      {
        outcome: 'completed',
        request: 'POST …/actions/jobs/5000002/rerun',
        run: RUN,
        mark: MARKED,
        conclusion: 'success',
        waitedMs: 95_000,
      },
    ],
    [
      'dry run',
      INPUT,
      {
        outcome: 'dry-run',
        request: 'POST …/actions/jobs/5000002/rerun',
        mark: { status: 'skipped', reason: 'dry run' },
      },
    ],
    [
      'timed out (all-jobs, artifact expiring)',
      {
        ...INPUT,
        artifacts: [
          {
            id: 1,
            name: 'dist',
            expired: false,
            createdAt: iso(NOW_MS - DAY_MS),
            expiresAt: iso(NOW_MS + 600_000),
          },
        ],
      },
      {
        outcome: 'timed-out',
        request: 'POST …/actions/runs/4000007/rerun',
        run: RUN,
        mark: MARKED,
        waitedMs: 1_800_000,
      },
    ],
    [
      'run-history fallback, requested',
      {
        ...INPUT,
        current: { kind: 'run', run: run({ id: 4_000_009, sha: CURRENT_SHA }) },
        target: { source: 'run-history', run: run() },
      },
      {
        outcome: 'requested',
        request: 'POST …/actions/jobs/5000002/rerun',
        run: RUN,
        mark: { status: 'skipped', reason: 'run-history fallback: no deployment record to mark' },
      },
    ],
    [
      'dispatch refused',
      {
        ...INPUT,
        target: { source: 'ledger', run: run({ createdAt: iso(NOW_MS - 40 * DAY_MS) }) },
        options: { ...INPUT.options, redeployInput: 'sha' },
      },
      {
        outcome: 'error',
        request: 'POST …/actions/workflows/deploy.yml/dispatches',
        mark: { status: 'skipped', reason: 'the request was not accepted' },
        error:
          'could not dispatch deploy.yml on main with sha=0123…: the workflow token lacks actions: write',
      },
    ],
    ['no target', { ...INPUT, target: undefined }, undefined],
  ])('%s', (_name, input, result) => {
    const p = plan(input)
    const record = decideRollback({ plan: p, ...(result ? { result } : {}) }, 1_800_000)
    expect(renderRollbackSummary(record, CTX)).toMatchSnapshot()
  })

  it('an error before any plan', () => {
    const record = decideRollback(
      { error: 'could not list the deployments of production: HTTP 500' },
      1_800_000,
    )
    expect(renderRollbackSummary(record, CTX)).toMatchSnapshot()
  })

  it('escapes what it shows from GitHub', () => {
    const input = {
      ...INPUT,
      jobs: [{ id: 9, name: 'deploy (web)' }],
      target: { ...INPUT.target!, deployment: { id: 1, createdAt: iso(NOW_MS), jobName: 'deploy (web)' } },
    }
    const p = plan({
      ...input,
      artifacts: [
        { id: 1, name: 'a|b<script>', expired: false, createdAt: null, expiresAt: iso(NOW_MS + DAY_MS) },
      ],
    })
    const md = renderRollbackSummary(decideRollback({ plan: p }, 1), CTX)
    // In a code span `<script>` is text; elsewhere `<` becomes an entity and the pipe is escaped.
    expect(md).toContain('| `a\\|b<script>` |')
    expect(md).toContain('artifact a\\|b&lt;script> stays')
    expect(md.replace(/`[^`]*`/g, '')).not.toContain('<script>')
  })
})
