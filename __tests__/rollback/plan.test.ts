import { describe, expect, it } from 'vitest'
import {
  DAY_MS,
  factsNeeded,
  isTooOldToRerun,
  plan,
  type ArtifactFacts,
  type CurrentFacts,
  type JobFacts,
  type PlanInput,
  type PlanOptions,
  type ReadyPlan,
  type RunFacts,
  type TargetFacts,
} from '../../src/rollback/plan.ts'

const NOW = new Date('2025-06-01T12:00:00Z')
const NOW_MS = NOW.getTime()
const HOUR_MS = 3_600_000
const MINUTE_MS = 60_000
const CURRENT_SHA = 'c'.repeat(40)
const TARGET_SHA = 'a1b2c3d'.padEnd(40, '0')
const TARGET_RUN = 4_000_007

const OPTIONS: PlanOptions = {
  environment: 'production',
  deployWorkflow: 'deploy.yml',
  deployJob: 'deploy',
  artifactNames: [],
  artifactRetentionDays: 7,
  retentionMarginMs: 30 * MINUTE_MS,
  reportArtifact: 'deploy-gate-report',
  branch: 'main',
}

const CURRENT: CurrentFacts = {
  kind: 'deployment',
  deploymentId: 1_000_009,
  sha: CURRENT_SHA,
  createdAt: iso(NOW_MS - HOUR_MS),
  runId: 4_000_009,
  runAttempt: 1,
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

function run(over: Partial<RunFacts> = {}): RunFacts {
  return {
    id: TARGET_RUN,
    attempt: 1,
    sha: TARGET_SHA,
    createdAt: iso(NOW_MS - 2 * DAY_MS),
    htmlUrl: `https://github.com/owner/repo/actions/runs/${TARGET_RUN}`,
    status: 'completed',
    conclusion: 'success',
    event: 'push',
    headBranch: 'main',
    workflowId: 3_001,
    path: '.github/workflows/deploy.yml',
    ...over,
  }
}

function target(over: Partial<RunFacts> = {}, jobName: string | undefined = 'deploy'): TargetFacts {
  return {
    source: 'ledger',
    run: run(over),
    deployment: { id: 1_000_005, createdAt: iso(NOW_MS - 2 * DAY_MS), ...(jobName ? { jobName } : {}) },
  }
}

let nextArtifactId = 6_000_001
/** An artifact created 2 days ago that expires in `expiresInMs` (null: the API gives no expires_at). */
function artifact(
  name: string,
  expiresInMs: number | null = 5 * DAY_MS,
  over: Partial<ArtifactFacts> = {},
): ArtifactFacts {
  return {
    id: nextArtifactId++,
    name,
    expired: false,
    createdAt: iso(NOW_MS - 2 * DAY_MS),
    expiresAt: expiresInMs === null ? null : iso(NOW_MS + expiresInMs),
    ...over,
  }
}

const JOBS: JobFacts[] = [
  { id: 5_000_001, name: 'build' },
  { id: 5_000_002, name: 'deploy' },
]

function input(over: Partial<PlanInput> = {}, options: Partial<PlanOptions> = {}): PlanInput {
  return {
    current: CURRENT,
    target: target(),
    artifacts: [artifact('dist')],
    jobs: JOBS,
    now: NOW,
    options: { ...OPTIONS, ...options },
    ...over,
  }
}

function ready(p: ReturnType<typeof plan>): ReadyPlan {
  if (!p.ok) throw new Error(`expected a ready plan, got: ${p.error}`)
  return p
}

describe('plan: scope from the artifacts', () => {
  it.each<[string, ArtifactFacts[], Partial<PlanOptions>, 'deploy-job' | 'all-jobs', RegExp]>([
    [
      'fresh artifacts',
      [artifact('dist'), artifact('image', 80 * DAY_MS)],
      {},
      'deploy-job',
      /all 2 required artifacts \(dist, image\)/,
    ],
    [
      'one expired (flag)',
      [artifact('dist'), artifact('image', 2 * DAY_MS, { expired: true })],
      {},
      'all-jobs',
      /image has expired/,
    ],
    [
      'one past expires_at',
      [artifact('dist'), artifact('image', -MINUTE_MS)],
      {},
      'all-jobs',
      /image expired at /,
    ],
    [
      'expiring inside the margin',
      [artifact('dist', 29 * MINUTE_MS)],
      {},
      'all-jobs',
      /dist expires at .*within retention-margin 30m/,
    ],
    [
      'expiring exactly at the margin',
      [artifact('dist', 30 * MINUTE_MS)],
      {},
      'all-jobs',
      /within retention-margin 30m/,
    ],
    [
      'expiring just after the margin',
      [artifact('dist', 31 * MINUTE_MS)],
      {},
      'deploy-job',
      /dist stays available/,
    ],
    ['no artifacts', [], {}, 'all-jobs', /the run has no build artifacts/],
    [
      'only report artifacts',
      [artifact('deploy-gate-report'), artifact('deploy-gate-report-2')],
      {},
      'all-jobs',
      /no build artifacts/,
    ],
    [
      'report artifact named by report-artifact',
      [artifact('gate-json')],
      { reportArtifact: 'gate-json' },
      'all-jobs',
      /no build artifacts/,
    ],
    [
      'report artifacts uploaded as <report-artifact>-<job>-attempt-<n> (an expired one) are not counted',
      [artifact('dist'), artifact('gate-json-deploy-attempt-1-deploy-web', -DAY_MS, { expired: true })],
      { reportArtifact: 'gate-json' },
      'deploy-job',
      /the required artifact dist stays available/,
    ],
    [
      'an expired report artifact is not counted',
      [artifact('dist'), artifact('deploy-gate-report', -DAY_MS, { expired: true })],
      {},
      'deploy-job',
      /the required artifact dist stays available/,
    ],
    [
      'artifact-names: the listed subset is fresh, others expired',
      [artifact('dist'), artifact('coverage', -DAY_MS, { expired: true })],
      { artifactNames: ['dist'] },
      'deploy-job',
      /the required artifact dist stays available/,
    ],
    [
      'artifact-names: one missing',
      [artifact('dist')],
      { artifactNames: ['dist', 'image'] },
      'all-jobs',
      /image is not among the run’s artifacts/,
    ],
  ])('%s', (_name, artifacts, options, scope, reason) => {
    const p = ready(plan(input({ artifacts }, options)))
    expect(p.scope).toBe(scope)
    expect(p.scopeReason).toMatch(reason)
    expect(p.artifacts.map((a) => a.name)).not.toContain('deploy-gate-report')
  })

  it.each<[string, number, 'ok' | 'expiring' | 'expired', 'deploy-job' | 'all-jobs']>([
    ['created 3 days ago', 3 * DAY_MS, 'ok', 'deploy-job'],
    ['created 7 days minus 10 minutes ago', 7 * DAY_MS - 10 * MINUTE_MS, 'expiring', 'all-jobs'],
    ['created 8 days ago', 8 * DAY_MS, 'expired', 'all-jobs'],
  ])('expires_at null: created_at + artifact-retention-days (7), %s', (_name, ageMs, status, scope) => {
    const created = NOW_MS - ageMs
    const a = artifact('dist', null, { createdAt: iso(created) })
    const p = ready(plan(input({ artifacts: [a] })))
    expect(p.artifacts).toEqual([
      expect.objectContaining({
        name: 'dist',
        status,
        expiresAt: iso(created + 7 * DAY_MS),
        expiresAtSource: 'retention-days',
      }),
    ])
    expect(p.scope).toBe(scope)
  })

  it('uses the API expiry when there is one, and says so', () => {
    const p = ready(plan(input({ artifacts: [artifact('dist', 5 * DAY_MS)] })))
    expect(p.artifacts[0]).toMatchObject({
      status: 'ok',
      expiresAt: iso(NOW_MS + 5 * DAY_MS),
      expiresAtSource: 'api',
    })
  })

  it('lists the ignored report artifacts', () => {
    const p = ready(plan(input({ artifacts: [artifact('dist'), artifact('deploy-gate-report')] })))
    expect(p.ignoredArtifacts).toEqual(['deploy-gate-report'])
  })

  it('a report artifact listed in artifact-names is not counted, with a warning', () => {
    const p = ready(
      plan(input({ artifacts: [artifact('dist')] }, { artifactNames: ['dist', 'deploy-gate-report'] })),
    )
    expect(p.scope).toBe('deploy-job')
    expect(p.warnings).toEqual([expect.stringContaining('artifact-names lists report artifacts')])
  })

  it('with several artifacts of one name, the newest counts', () => {
    const old = artifact('dist', -DAY_MS, { expired: true, createdAt: iso(NOW_MS - 9 * DAY_MS) })
    const fresh = artifact('dist', 6 * DAY_MS, { createdAt: iso(NOW_MS - DAY_MS) })
    expect(ready(plan(input({ artifacts: [old, fresh] }))).scope).toBe('deploy-job')
  })
})

describe('plan: the job to re-run', () => {
  it.each<
    [
      string,
      JobFacts[],
      string | undefined,
      'deploy-job' | 'all-jobs',
      number | undefined,
      RegExp | undefined,
    ]
  >([
    [
      'by the recorded job_name',
      [
        { id: 1, name: 'build' },
        { id: 2, name: 'deploy (web)' },
        { id: 3, name: 'deploy (api)' },
      ],
      'deploy (web)',
      'deploy-job',
      2,
      undefined,
    ],
    [
      'by deploy-job',
      [
        { id: 1, name: 'build' },
        { id: 2, name: 'deploy' },
      ],
      undefined,
      'deploy-job',
      2,
      undefined,
    ],
    [
      'by deploy-job when the recorded name is gone',
      [
        { id: 1, name: 'build' },
        { id: 2, name: 'deploy' },
      ],
      'Deploy to prod',
      'deploy-job',
      2,
      undefined,
    ],
    [
      'by the "deploy (" prefix',
      [
        { id: 1, name: 'build' },
        { id: 7, name: 'deploy (prod)' },
      ],
      undefined,
      'deploy-job',
      7,
      undefined,
    ],
    [
      'a job of a called reusable workflow: "<caller> / deploy"',
      [
        { id: 1, name: 'build' },
        { id: 8, name: 'release / deploy' },
      ],
      undefined,
      'deploy-job',
      8,
      undefined,
    ],
    [
      'a called reusable workflow named deploy: "deploy / <called>"',
      [
        { id: 1, name: 'build' },
        { id: 9, name: 'deploy / ship' },
      ],
      undefined,
      'deploy-job',
      9,
      undefined,
    ],
    [
      'two callers of one reusable workflow → all-jobs with a warning',
      [
        { id: 8, name: 'web / deploy' },
        { id: 9, name: 'ai / deploy' },
      ],
      undefined,
      'all-jobs',
      undefined,
      /2 jobs of run 4000007 match the deploy job \("web \/ deploy", "ai \/ deploy"\)/,
    ],
    [
      'several matrix matches → all-jobs with a warning',
      [
        { id: 1, name: 'deploy (web)' },
        { id: 2, name: 'deploy (api)' },
      ],
      undefined,
      'all-jobs',
      undefined,
      /2 jobs of run 4000007 match the deploy job \("deploy \(web\)", "deploy \(api\)"\)/,
    ],
    [
      'no match → all-jobs with a warning',
      [
        { id: 1, name: 'build' },
        { id: 2, name: 'deployment' },
        { id: 3, name: 'deploy-web' },
      ],
      'ship',
      'all-jobs',
      undefined,
      /no job named "ship" or "deploy" or "deploy \(…\)" or "… \/ deploy" or "deploy \/ …" in the latest attempt of run 4000007/,
    ],
  ])('%s', (_name, jobs, jobName, scope, jobId, warning) => {
    const p = ready(plan(input({ target: target({}, jobName), jobs })))
    expect(p.scope).toBe(scope)
    expect(p.job?.id).toBe(jobId)
    if (warning) {
      expect(p.warnings).toEqual([expect.stringMatching(warning)])
      expect(p.scopeReason).toMatch(warning)
    } else {
      expect(p.warnings).toEqual([])
    }
  })

  it('the recorded job_id wins over every name (two legs with one display name)', () => {
    const t: TargetFacts = {
      ...target({}, 'deploy'),
      deployment: { id: 1_000_005, createdAt: iso(NOW_MS), jobName: 'deploy', jobId: 12 },
    }
    const jobs = [
      { id: 11, name: 'deploy' },
      { id: 12, name: 'deploy' },
    ]
    expect(ready(plan(input({ target: t, jobs }))).job).toEqual({
      id: 12,
      name: 'deploy',
      matchedBy: 'job_id',
    })
  })

  it('names a reusable-workflow match as such', () => {
    const p = ready(
      plan(input({ target: target({}, undefined), jobs: [{ id: 8, name: 'release / deploy' }] })),
    )
    expect(p.job).toEqual({ id: 8, name: 'release / deploy', matchedBy: 'reusable-workflow' })
  })

  it('several gated jobs in the target attempt → all-jobs, naming them and why (GitHub re-runs one job per attempt)', () => {
    const t: TargetFacts = {
      ...target({}, 'deploy-web'),
      deployment: {
        id: 1_000_006,
        createdAt: iso(NOW_MS),
        jobName: 'deploy-web',
        records: [
          { deploymentId: 1_000_006, jobName: 'deploy-web', jobId: 21 },
          { deploymentId: 1_000_005, jobName: 'deploy-ai', jobId: 22 },
        ],
      },
    }
    const p = ready(plan(input({ target: t, jobs: undefined })))
    expect(p.scope).toBe('all-jobs')
    expect(p.job).toBeUndefined()
    expect(p.scopeReason).toContain('has 2 gated jobs ("deploy-web", "deploy-ai")')
    expect(p.scopeReason).toContain('refuses another while it runs')
  })

  it('names how the job was matched', () => {
    const p = ready(
      plan(input({ target: target({}, 'deploy (web)'), jobs: [{ id: 9, name: 'deploy (web)' }] })),
    )
    expect(p.job).toEqual({ id: 9, name: 'deploy (web)', matchedBy: 'job_name' })
  })
})

describe('plan: a run created over a calendar month ago', () => {
  // NOW is 1 June 12:00: a month before is 1 May 12:00, 31 days back.
  const old = target({ createdAt: iso(NOW_MS - 32 * DAY_MS) })

  it('with redeploy-input: dispatches the deploy workflow on the branch with the full SHA', () => {
    const p = ready(
      plan(input({ target: old, artifacts: undefined, jobs: undefined }, { redeployInput: 'sha' })),
    )
    expect(p.scope).toBe('dispatch')
    expect(p.dispatch).toEqual({ workflow: 'deploy.yml', ref: 'main', inputs: { sha: TARGET_SHA } })
    expect(p.scopeReason).toContain('was created 32 days ago, before 2025-05-01T12:00:00.000Z')
    expect(p.artifacts).toEqual([])
  })

  it('without redeploy-input: an error naming the full SHA and both ways forward', () => {
    const p = plan(input({ target: old }))
    expect(p.ok).toBe(false)
    if (p.ok) return
    expect(p.error).toContain(TARGET_SHA)
    expect(p.error).toContain('set redeploy-input')
    expect(p.error).toContain(`deploy ${TARGET_SHA} by hand`)
    expect(p.target?.runId).toBe(TARGET_RUN)
  })

  it('31 days old in June is exactly one calendar month: it can still be re-run (30 × 24 h would refuse it)', () => {
    const p = ready(plan(input({ target: target({ createdAt: iso(NOW_MS - 31 * DAY_MS) }) })))
    expect(p.scope).toBe('deploy-job')
  })

  it('GitHub refused the re-run with its month-limit 403: planned as a run past the limit', () => {
    const p = ready(plan(input({ target: target(), refusedAsTooOld: true }, { redeployInput: 'sha' })))
    expect(p.scope).toBe('dispatch')
    expect(p.scopeReason).toContain('refused a re-run by GitHub (created over a month ago)')
    const without = plan(input({ target: target(), refusedAsTooOld: true }))
    expect(without.ok).toBe(false)
    if (!without.ok) expect(without.error).toContain('set redeploy-input')
  })
})

describe('isTooOldToRerun: the calendar month of Go’s AddDate(0, -1, 0)', () => {
  it.each<[string, string, string, boolean]>([
    // 31 March − 1 month = 31 February → 3 March (2025 is not a leap year): a 29-day-old run is too old.
    ['31 Mar, run of 2 Mar', '2025-03-31T10:00:00Z', '2025-03-02T10:00:00Z', true],
    ['31 Mar, run of 3 Mar 10:00 (the limit itself)', '2025-03-31T10:00:00Z', '2025-03-03T10:00:00Z', false],
    // 2024 is a leap year: 31 March − 1 month → 2 March.
    ['31 Mar 2024, run of 2 Mar', '2024-03-31T10:00:00Z', '2024-03-02T10:00:00Z', false],
    ['31 Mar 2024, run of 1 Mar', '2024-03-31T10:00:00Z', '2024-03-01T10:00:00Z', true],
    // 1 March − 1 month = 1 February: a 29-day-old run can still be re-run, a 30-day-old one not.
    ['1 Mar, run of 31 Jan', '2025-03-01T10:00:00Z', '2025-01-31T10:00:00Z', true],
    ['1 Mar, run of 1 Feb 11:00', '2025-03-01T10:00:00Z', '2025-02-01T11:00:00Z', false],
    ['15 Jan, run of 14 Dec', '2025-01-15T00:00:00Z', '2024-12-14T23:59:59Z', true],
  ])('%s → too old %s', (_name, now, created, tooOld) => {
    expect(isTooOldToRerun({ createdAt: created }, new Date(now))).toBe(tooOld)
  })
})

describe('plan: target and current', () => {
  it('no target → the SPEC error', () => {
    const p = plan(input({ target: undefined }))
    expect(p).toMatchObject({ ok: false, error: 'no stable deployment before ccccccc in production' })
  })

  it.each<[string, string]>([
    ['the same full SHA', CURRENT_SHA],
    ['an abbreviation of it', CURRENT_SHA.slice(0, 7)],
  ])('the target is never the current SHA: %s', (_name, sha) => {
    const p = plan(input({ target: target({ sha }) }))
    expect(p.ok).toBe(false)
    if (!p.ok) expect(p.error).toContain('never the current SHA')
  })

  it('an explicit SHA with nothing found names it', () => {
    const p = plan(input({ target: undefined }, { target: { kind: 'sha', sha: 'abcdef1' } }))
    expect(p).toMatchObject({
      ok: false,
      error: expect.stringContaining('target abcdef1: no stable deployment'),
    })
  })

  it('nothing at all: no records and no completed runs', () => {
    const p = plan(input({ current: undefined, target: undefined }))
    expect(p).toMatchObject({
      ok: false,
      error: expect.stringContaining('nothing to roll back in production'),
    })
  })

  it('run-history current: plans normally and keeps the run', () => {
    const current: CurrentFacts = { kind: 'run', run: run({ id: 4_000_009, sha: CURRENT_SHA }) }
    const p = ready(plan(input({ current, target: { source: 'run-history', run: run() } })))
    expect(p.current).toMatchObject({ kind: 'run', runId: 4_000_009, sha: CURRENT_SHA })
    expect(p.current?.deploymentId).toBeUndefined()
    expect(p.target.reason).toContain('no deployment in production carries deploy-gate records')
  })

  it('says why this target', () => {
    const p = ready(plan(input()))
    expect(p.target.reason).toBe(
      `newest stable deployment in production older than the current one with a different commit (deployment 1000005, created ${iso(NOW_MS - 2 * DAY_MS)})`,
    )
    expect(p.target).toMatchObject({
      runId: TARGET_RUN,
      sha: TARGET_SHA,
      ageDays: 2,
      deploymentId: 1_000_005,
      jobName: 'deploy',
    })
  })

  it('warns when the target run is not a run of deploy-workflow', () => {
    const p = ready(
      plan(input({ target: { source: 'input-run', run: run({ path: '.github/workflows/ci.yml' }) } })),
    )
    expect(p.warnings).toEqual([
      expect.stringContaining('belongs to .github/workflows/ci.yml, not to deploy-workflow deploy.yml'),
    ])
  })
})

describe('factsNeeded: what the plan reads beyond the target (target.ts fetches exactly this)', () => {
  const several = (): TargetFacts => {
    const t = target()
    return {
      ...t,
      deployment: {
        ...t.deployment!,
        records: [
          { deploymentId: 1, jobName: 'deploy (web)' },
          { deploymentId: 2, jobName: 'deploy (ai)' },
        ],
      },
    }
  }
  const old = (): TargetFacts => target({ createdAt: iso(NOW_MS - 40 * DAY_MS) })
  it.each([
    {
      name: 'no target: nothing',
      t: undefined,
      o: {},
      want: { artifacts: false, jobs: false, branch: false },
    },
    {
      name: 'a re-runnable target: artifacts and jobs',
      t: target(),
      o: {},
      want: { artifacts: true, jobs: true, branch: false },
    },
    {
      name: 'the current commit: nothing (the plan fails)',
      t: target({ sha: CURRENT_SHA }),
      o: {},
      want: { artifacts: false, jobs: false, branch: false },
    },
    {
      name: 'several gated jobs in the attempt: artifacts, no jobs (all jobs go back)',
      t: several(),
      o: {},
      want: { artifacts: true, jobs: false, branch: false },
    },
    {
      name: 'too old, no redeploy-input: nothing (the plan fails)',
      t: old(),
      o: {},
      want: { artifacts: false, jobs: false, branch: false },
    },
    {
      name: 'too old with redeploy-input and no branch: the default branch',
      t: old(),
      o: { redeployInput: 'sha', branch: undefined },
      want: { artifacts: false, jobs: false, branch: true },
    },
    {
      name: 'too old with redeploy-input and a branch: nothing more',
      t: old(),
      o: { redeployInput: 'sha' },
      want: { artifacts: false, jobs: false, branch: false },
    },
  ])('$name', ({ t, o, want }) => {
    const options = { ...OPTIONS, ...o }
    expect(factsNeeded({ now: NOW, current: CURRENT, target: t, options })).toEqual(want)
    // The plan agrees: without what it does not need, it fails or dispatches (no artifacts), or re-runs all jobs.
    const p = plan({ now: NOW, current: CURRENT, target: t, options })
    if (!want.artifacts) expect(p.ok ? p.scope : 'failed').toMatch(/^(failed|dispatch)$/)
    else if (!want.jobs) expect(p.ok && p.scope).toBe('all-jobs')
  })
})
