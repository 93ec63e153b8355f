/**
 * Ledger, end to end (SPEC §4): dist/index.js run as the runner runs it (main step, then the post step with the saved
 * state) against the OpenAPI-checked GitHub fake and a local health endpoint. What GitHub ends up holding — the
 * deployments, their statuses, the check runs — is read from the fake's state and request log.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startGitHubFake, type GitHubFake } from '../../testkit/github-fake.ts'
import type { DeploymentRecord, RunRecord } from '../../testkit/github-fake-state.ts'
import {
  cleanupActionRuns,
  DEFAULT_RUN_ID,
  DEFAULT_SHA,
  runAction,
  type ActionResult,
  type RunActionOptions,
} from '../../testkit/runner.ts'
import { down, ok, startHealthServer, type HealthServer } from '../../testkit/health-server.ts'

const DEPLOYMENTS = '/repos/{owner}/{repo}/deployments'
const STATUSES = '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses'
const JOBS = '/repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs'
const JOB = '/repos/{owner}/{repo}/actions/jobs/{job_id}'
const CHECK_RUNS = '/repos/{owner}/{repo}/check-runs'
const CHECK_RUN = '/repos/{owner}/{repo}/check-runs/{check_run_id}'
const RUN_ID = Number(DEFAULT_RUN_ID)
const WORKFLOW_REF = 'owner/repo/.github/workflows/deploy.yml@refs/heads/main'
/** Short windows: startup poll, then rounds at 0, 500 ms and 1 s. */
const FAST = { duration: '1s', interval: '500ms', 'startup-timeout': '5s' } as const
/** A window the gate never finishes on its own: only a signal ends it. */
const ENDLESS = { duration: '10m', interval: '500ms', 'startup-timeout': '10m' } as const

let fake: GitHubFake
let health: HealthServer
let tempDir: string
let run: RunRecord

beforeAll(async () => {
  health = await startHealthServer({ keepAliveTimeoutMs: 1000 })
  tempDir = await mkdtemp(join(tmpdir(), 'ledger-e2e-'))
})

afterAll(async () => {
  await health.close()
  await cleanupActionRuns()
  await rm(tempDir, { recursive: true, force: true })
})

beforeEach(async () => {
  fake = await startGitHubFake()
  // This run (GITHUB_RUN_ID's default) is in progress: `build` done elsewhere, `deploy (web)` on this runner.
  run = fake.state.addRun({
    status: 'in_progress',
    jobs: [
      { name: 'build', status: 'completed', conclusion: 'success', runner_name: 'GitHub Actions 1' },
      { name: 'deploy (web)', status: 'in_progress' },
    ],
  })
  expect(run.id).toBe(RUN_ID)
})

afterEach(async () => {
  health.onRequest(undefined)
  try {
    fake.assertNoViolations()
  } finally {
    await fake.close()
  }
})

/** This job's id: what `${{ job.check_run_id }}` gives the job-check-run-id input. */
function thisJobId(): number {
  return run.attempts[0]!.jobs.find((j) => j.name === 'deploy (web)')!.id
}

function gate(inputs: RunActionOptions['inputs'], opts: Omit<RunActionOptions, 'inputs' | 'apiUrl'> = {}) {
  return runAction({
    jobCheckRunId: thisJobId(),
    ...opts,
    inputs: { mode: 'gate', 'report-artifact': 'none', ...inputs },
    apiUrl: fake.url,
  })
}

/** The body the action sent with its (only) POST …/deployments. */
function deploymentRequest(): Record<string, unknown> {
  const posts = fake.requests.filter((r) => r.method === 'POST' && r.template === DEPLOYMENTS)
  expect(posts).toHaveLength(1)
  return posts[0]!.body as Record<string, unknown>
}

function states(d: DeploymentRecord): string[] {
  return d.statuses.map((s) => s.state)
}

/** `METHOD template` of every request the fake received, in order. */
function requestLog(): string[] {
  return fake.requests.map((r) => `${r.method} ${r.template ?? r.path}`)
}

function errorsOf(r: ActionResult): string {
  return r.annotations
    .filter((a) => a.level === 'error')
    .map((a) => a.message)
    .join('\n')
}

function warningsOf(r: ActionResult): string {
  return r.annotations
    .filter((a) => a.level === 'warning')
    .map((a) => a.message)
    .join('\n')
}

describe('gate records every gated deployment', () => {
  it('stable: one deployment with the deploy-gate payload, in_progress → success, output deployment-id', async () => {
    const url = health.route('/stable', ok)
    const r = await gate(
      { 'health-urls': url, 'environment-url': 'https://app.example.com', ...FAST },
      { env: { GITHUB_SERVER_URL: 'https://ghe.example.com' } },
    )

    expect(r.exitCode, r.stderr).toBe(0)
    expect(r.outputs['verdict']).toBe('stable')
    expect(fake.state.deployments).toHaveLength(1)
    const d = fake.state.deployments[0]!
    expect(r.outputs['deployment-id']).toBe(String(d.id))
    expect(deploymentRequest()).toEqual({
      ref: DEFAULT_SHA,
      environment: 'production',
      task: 'deploy',
      auto_merge: false,
      required_contexts: [],
      production_environment: true,
      payload: {
        'deploy-gate': {
          version: 1,
          run_id: RUN_ID,
          run_attempt: 1,
          workflow_ref: WORKFLOW_REF,
          job: 'deploy',
          job_name: 'deploy (web)',
          job_id: thisJobId(),
        },
      },
    })
    expect(d).toMatchObject({ sha: DEFAULT_SHA, environment: 'production', production_environment: true })
    expect(states(d)).toEqual(['in_progress', 'success'])
    const logUrl = `https://ghe.example.com/owner/repo/actions/runs/${RUN_ID}/attempts/1`
    for (const s of d.statuses) {
      expect(s.log_url).toBe(logUrl)
      expect(s.environment_url).toBe('https://app.example.com')
    }
    expect(d.statuses[1]!.description).toBe('stable: 1/1 checks passed')
    // The main step wrote the final status, so the post step leaves the record alone.
    expect(r.post?.exitCode).toBe(0)
    expect(fake.countRequests({ method: 'POST', path: STATUSES })).toBe(2)
  })

  it('failed: in_progress → failure naming the failing check, cut to 140 chars; ref is the sha input', async () => {
    const sha = 'c0ffee'.padEnd(40, '1')
    // The expected body is there for the startup poll, then gone: fails after 2 breaches in a row, with a reason long
    // enough that the description must be cut.
    const marker = `"version":"${'9'.repeat(100)}"`
    const url = health.route('/failing', (hit) => ({ status: 200, body: hit === 1 ? `{${marker}}` : '{}' }))
    const name = 'checkout-service-health-endpoint-behind-the-internal-load-balancer'.slice(0, 64)
    const config = join(tempDir, 'failed.yml')
    const check = `  - name: ${name}\n    url: ${url}\n    expect-body: '${marker}'\n`
    await writeFile(config, `version: 1\nhttp:\n${check}`)
    // The config must lie inside the workspace (SPEC §2).
    const r = await gate({ config, environment: 'staging', sha, ...FAST }, { cwd: tempDir })

    expect(r.exitCode).toBe(1)
    expect(r.outputs['verdict']).toBe('failed')
    expect(fake.state.deployments).toHaveLength(1)
    const d = fake.state.deployments[0]!
    expect(r.outputs['deployment-id']).toBe(String(d.id))
    expect(deploymentRequest()).toMatchObject({
      ref: sha,
      environment: 'staging',
      production_environment: false,
      task: 'deploy',
      auto_merge: false,
      required_contexts: [],
    })
    expect(d).toMatchObject({ sha, environment: 'staging', production_environment: false })
    expect(states(d)).toEqual(['in_progress', 'failure'])
    const failure = d.statuses[1]!
    expect(failure.description).toMatch(new RegExp(`^failed: ${name} HTTP 200 but body does not contain`))
    expect(Array.from(failure.description)).toHaveLength(140)
    expect(failure.description.endsWith('…')).toBe(true)
    expect(failure.log_url).toBe(`https://github.com/owner/repo/actions/runs/${RUN_ID}/attempts/1`)
    expect(failure.environment_url).toBe('')
    expect(errorsOf(r)).toContain(name)
    expect(fake.countRequests({ method: 'POST', path: STATUSES })).toBe(2)
  })

  it('the same run attempt twice reuses its deployment; a new attempt creates a second one', async () => {
    const url = health.route('/rerun', ok)
    const first = await gate({ 'health-urls': url, ...FAST })
    const again = await gate({ 'health-urls': url, ...FAST })

    expect(first.exitCode).toBe(0)
    expect(again.exitCode).toBe(0)
    expect(fake.countRequests({ method: 'POST', path: DEPLOYMENTS })).toBe(1)
    expect(fake.state.deployments).toHaveLength(1)
    const d = fake.state.deployments[0]!
    expect(again.outputs['deployment-id']).toBe(String(d.id))
    expect(first.outputs['deployment-id']).toBe(String(d.id))
    expect(again.log).toContain(`reusing deployment ${d.id}`)
    expect(states(d)).toEqual(['in_progress', 'success', 'in_progress', 'success'])

    // "Re-run jobs": attempt 2 re-runs the deploy job, on a runner again.
    fake.state.rerun(run, run.attempts[0]!.jobs[1]!.id)
    fake.state.startRun(run.id)
    const attempt2Job = run.attempts[1]!.jobs[1]!.id
    const next = await gate(
      { 'health-urls': url, ...FAST },
      { env: { GITHUB_RUN_ATTEMPT: '2' }, jobCheckRunId: attempt2Job },
    )

    expect(next.exitCode).toBe(0)
    expect(fake.state.deployments).toHaveLength(2)
    const second = fake.state.deployments[1]!
    expect(second.id).not.toBe(d.id)
    expect(next.outputs['deployment-id']).toBe(String(second.id))
    expect(second.payload).toEqual({
      'deploy-gate': {
        version: 1,
        run_id: RUN_ID,
        run_attempt: 2,
        workflow_ref: WORKFLOW_REF,
        job: 'deploy',
        job_name: 'deploy (web)',
        job_id: attempt2Job,
      },
    })
    expect(states(second)).toEqual(['in_progress', 'success'])
    expect(second.statuses[0]!.log_url).toBe(
      `https://github.com/owner/repo/actions/runs/${RUN_ID}/attempts/2`,
    )
    // GitHub's auto_inactive: the newer deployment's success makes the older one inactive (it stays stable).
    expect(states(d)).toEqual(['in_progress', 'success', 'in_progress', 'success', 'inactive'])
  })

  it('job_name unreadable (403 on the jobs API): a warning naming actions: read, no job_name in the payload', async () => {
    fake.setFault({ method: 'GET', path: JOB }, [{ status: 403 }])
    fake.setFault({ method: 'GET', path: JOBS }, [{ status: 403 }])
    const r = await gate({ 'health-urls': health.route('/no-jobs', ok), ...FAST })

    expect(r.exitCode).toBe(0)
    expect(fake.countRequests({ method: 'GET', path: JOB })).toBe(1)
    expect(fake.countRequests({ method: 'GET', path: JOBS })).toBe(1)
    expect(warningsOf(r)).toMatch(/by id: could not read job \d+: the workflow token lacks actions: read/)
    const payload = (deploymentRequest()['payload'] as Record<string, Record<string, unknown>>)['deploy-gate']
    expect(payload).toEqual({
      version: 1,
      run_id: RUN_ID,
      run_attempt: 1,
      workflow_ref: WORKFLOW_REF,
      job: 'deploy',
      job_id: thisJobId(),
    })
    expect(payload).not.toHaveProperty('job_name')
    expect(states(fake.state.deployments[0]!)).toEqual(['in_progress', 'success'])
  })

  it('403 on deployment creation: the step fails naming deployments: write, and no status is written', async () => {
    fake.setFault({ method: 'POST', path: DEPLOYMENTS }, [{ status: 403 }])
    const path = '/never-measured'
    const r = await gate({ 'health-urls': health.route(path, ok), ...FAST })

    expect(r.exitCode).toBe(1)
    expect(errorsOf(r)).toContain('deployments: write')
    expect(fake.countRequests({ method: 'POST', path: DEPLOYMENTS })).toBe(1)
    expect(fake.state.deployments).toHaveLength(0)
    expect(fake.countRequests({ method: 'POST', path: STATUSES })).toBe(0)
    expect(r.outputs['deployment-id'] ?? '').toBe('')
    expect(health.hits(path)).toBe(0)
    expect(r.post?.exitCode).toBe(0)
  })
})

describe('a gate that does not finish leaves error / gate did not finish (post step)', () => {
  it.each([
    {
      when: 'SIGTERM during the observation window',
      responder: ok,
      signalWhen: { stdoutMatches: /round 2\//, signal: 'SIGTERM' as const },
    },
    {
      when: 'SIGINT during startup (the health URL never passes)',
      responder: down,
      signalWhen: { stdoutMatches: /startup poll 1 /, signal: 'SIGINT' as const },
    },
  ])('$when', async ({ when, responder, signalWhen }) => {
    const url = health.route(`/cancel-${signalWhen.signal}`, responder)
    const r = await gate({ 'health-urls': url, ...ENDLESS }, { signalWhen })

    expect(r.timedOut, when).toBe(false)
    expect(r.exitCode).not.toBe(0)
    expect(r.exitCode).not.toBeNull()
    expect(errorsOf(r)).toContain(signalWhen.signal)
    expect(r.post?.exitCode).toBe(0)
    expect(fake.state.deployments).toHaveLength(1)
    const d = fake.state.deployments[0]!
    expect(states(d)).toEqual(['in_progress', 'error'])
    const newest = d.statuses.at(-1)!
    expect(newest.description).toBe('gate did not finish')
    expect(newest.log_url).toBe(`https://github.com/owner/repo/actions/runs/${RUN_ID}/attempts/1`)
  })
})

describe('check runs', () => {
  const PR_HEAD = 'feed'.repeat(10)
  const prEvent = {
    action: 'synchronize',
    number: 7,
    pull_request: {
      number: 7,
      head: { sha: PR_HEAD, ref: 'feature' },
      base: { sha: DEFAULT_SHA, ref: 'main' },
    },
    repository: { full_name: 'owner/repo', name: 'repo', owner: { login: 'owner' } },
  }

  it.each([
    { verdict: 'stable', responder: ok, conclusion: 'success', exitCode: 0 },
    {
      verdict: 'failed',
      responder: (hit: number) => (hit === 1 ? 200 : 503),
      conclusion: 'failure',
      exitCode: 1,
    },
  ])(
    'pull_request, $verdict: nothing recorded; a check run on the PR head, in_progress then $conclusion',
    async ({ verdict, responder, conclusion, exitCode }) => {
      const path = `/pr-${verdict}`
      const url = health.route(path, responder)
      const seenWhileMeasuring: string[] = []
      health.onRequest((p) => {
        if (p === path) seenWhileMeasuring.push(...fake.state.checkRuns.map((c) => c.status))
      })
      const r = await gate(
        { 'health-urls': url, 'check-name': 'deploy-gate', ...FAST },
        { eventName: 'pull_request', event: prEvent },
      )

      expect(r.exitCode).toBe(exitCode)
      expect(r.outputs['verdict']).toBe(verdict)
      // No job lookup, no deployment: only the check run.
      expect(requestLog()).toEqual([`POST ${CHECK_RUNS}`, `PATCH ${CHECK_RUN}`])
      expect(r.outputs['deployment-id']).toBe('')
      // Created in_progress before the first measurement, completed at the end.
      expect(seenWhileMeasuring.length).toBeGreaterThan(0)
      expect(new Set(seenWhileMeasuring)).toEqual(new Set(['in_progress']))
      const created = fake.requests.find((q) => q.method === 'POST' && q.template === CHECK_RUNS)
      expect(created?.body).toMatchObject({ name: 'deploy-gate', head_sha: PR_HEAD, status: 'in_progress' })
      expect(created?.body).not.toHaveProperty('conclusion')
      expect(fake.state.checkRuns).toHaveLength(1)
      const check = fake.state.checkRuns[0]!
      expect(check).toMatchObject({ name: 'deploy-gate', head_sha: PR_HEAD, status: 'completed', conclusion })
      expect(r.outputs['check-run-id']).toBe(String(check.id))
      expect(fake.countRequests({ method: 'PATCH', path: CHECK_RUN })).toBe(1)
    },
  )

  it('a 403 on check-run creation is a warning and the verdict stands', async () => {
    fake.setFault({ method: 'POST', path: CHECK_RUNS }, [{ status: 403 }])
    const r = await gate({
      'health-urls': health.route('/check-403', ok),
      'check-name': 'deploy-gate',
      ...FAST,
    })

    expect(r.exitCode).toBe(0)
    expect(r.outputs['verdict']).toBe('stable')
    expect(warningsOf(r)).toMatch(/check run "deploy-gate" not published: .*checks: write/)
    expect(r.outputs['check-run-id']).toBe('')
    expect(fake.countRequests({ method: 'PATCH', path: CHECK_RUN })).toBe(0)
    expect(states(fake.state.deployments[0]!)).toEqual(['in_progress', 'success'])
  })

  it('120 failed checks from the config file: the first 50 annotated on their lines in one request, the rest counted', async () => {
    const url = health.route('/all-down', down)
    const names = Array.from({ length: 120 }, (_, i) => `svc-${i + 1}`)
    const yaml = [
      'version: 1',
      'policy:',
      '  startup-timeout: 1s',
      '  interval: 500ms',
      '  duration: 1s',
      'http:',
      ...names.flatMap((name) => [`  - name: ${name}`, `    url: ${url}`]),
      '',
    ].join('\n')
    const lines = yaml.split('\n')
    const lineOf = (name: string): number => lines.indexOf(`  - name: ${name}`) + 1
    const workspace = join(tempDir, 'workspace-120')
    await mkdir(join(workspace, '.github'), { recursive: true })
    await writeFile(join(workspace, '.github', 'deploy-gate.yml'), yaml)

    const r = await gate(
      { config: '.github/deploy-gate.yml', 'check-name': 'deploy-gate' },
      { cwd: workspace },
    )

    expect(r.exitCode).toBe(1)
    expect(r.outputs['verdict']).toBe('failed')
    expect(r.outputs['failed-checks']?.split(',')).toHaveLength(120)
    const withAnnotations = fake.requests
      .filter((q) => q.template === CHECK_RUNS || q.template === CHECK_RUN)
      .map((q) => {
        const body = q.body as { output?: { annotations?: unknown[] } }
        return `${q.method} ${body.output?.annotations?.length ?? 0}`
      })
    // SPEC §7: the GitHub requests of a run do not grow with the number of checks.
    expect(withAnnotations).toEqual(['POST 0', 'PATCH 50'])
    const check = fake.state.checkRuns[0]!
    expect(check).toMatchObject({ status: 'completed', conclusion: 'failure' })
    expect(check.output.annotations).toHaveLength(50)
    expect(
      check.output.annotations.map((a) => [a.path, a.start_line, a.end_line, a.annotation_level]),
    ).toEqual(
      names.slice(0, 50).map((name) => ['.github/deploy-gate.yml', lineOf(name), lineOf(name), 'failure']),
    )
    expect(check.output.annotations[49]).toMatchObject({ title: 'svc-50 failed' })
    expect(check.output.annotations[49]!.message).toMatch(/^not healthy within 1s/)
    expect(check.output.summary).toContain('70 more annotations are not shown')
    const d = fake.state.deployments[0]!
    expect(states(d)).toEqual(['in_progress', 'failure'])
    expect(d.statuses[1]!.description).toMatch(/^failed: svc-1 .*; \+119 more checks$/)
    expect(Array.from(d.statuses[1]!.description).length).toBeLessThanOrEqual(140)
  })
})

describe('API requests of a stable gate run', () => {
  interface Case {
    readonly label: string
    readonly inputs: Readonly<Record<string, string>>
    readonly expected: readonly string[]
  }
  it.each<Case>([
    {
      label: 'without check-name',
      inputs: {},
      expected: [
        `GET ${JOB}`,
        `GET ${DEPLOYMENTS}`,
        `POST ${DEPLOYMENTS}`,
        `POST ${STATUSES}`,
        // Before writing success: is the record marked rolled back? (rolled back is final, SPEC §4)
        `GET ${STATUSES}`,
        `POST ${STATUSES}`,
      ],
    },
    {
      label: 'with check-name',
      inputs: { 'check-name': 'deploy-gate' },
      expected: [
        `GET ${JOB}`,
        `GET ${DEPLOYMENTS}`,
        `POST ${DEPLOYMENTS}`,
        `POST ${STATUSES}`,
        `POST ${CHECK_RUNS}`,
        `GET ${STATUSES}`,
        `POST ${STATUSES}`,
        `PATCH ${CHECK_RUN}`,
      ],
    },
  ])('$label: $expected.length requests', async ({ inputs, expected }) => {
    // The default report artifact: without a runtime token its upload is a warning and costs no API request.
    const artifact = { 'report-artifact': 'deploy-gate-report' }
    const r = await gate({ 'health-urls': health.route('/count', ok), ...FAST, ...artifact, ...inputs })

    expect(r.exitCode).toBe(0)
    expect(requestLog()).toEqual(expected)
    expect(fake.requests).toHaveLength(expected.length)
  })
})
