import { getOctokit } from '@actions/github'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fakeSha, startGitHubFake, type GitHubFake } from '../../testkit/github-fake.ts'
import { validateRequest, validateResponse } from '../../testkit/openapi.ts'

const DAY_MS = 86_400_000
let fake: GitHubFake
let octokit: ReturnType<typeof getOctokit>
const repo = { owner: 'owner', repo: 'repo' }

async function start(opts: Parameters<typeof startGitHubFake>[0] = {}): Promise<void> {
  await fake?.close()
  fake = await startGitHubFake(opts)
  octokit = getOctokit('test-token', { baseUrl: fake.url })
}

/** The expected violations, then none left over for afterEach. */
function takeViolations(): string[] {
  return fake.violations.splice(0)
}

beforeEach(async () => start())
afterEach(() => fake.assertNoViolations())
afterAll(async () => fake.close())

describe('deployments', () => {
  it('round-trips a deployment with statuses through Octokit, all conforming to the OpenAPI description', async () => {
    const created = await octokit.rest.repos.createDeployment({
      ...repo,
      ref: 'main',
      environment: 'production',
      task: 'deploy',
      auto_merge: false,
      required_contexts: [],
      production_environment: true,
      payload: { 'deploy-gate': { version: 1, run_id: 42, run_attempt: 1 } },
    })
    expect(created.status).toBe(201)
    const id = (created.data as { id: number }).id
    await octokit.rest.repos.createDeploymentStatus({
      ...repo,
      deployment_id: id,
      state: 'in_progress',
      log_url: 'https://github.com/owner/repo/actions/runs/42/attempts/1',
    })
    await octokit.rest.repos.createDeploymentStatus({
      ...repo,
      deployment_id: id,
      state: 'success',
      description: 'stable: 3/3 checks passed',
      environment_url: 'https://app.example.com',
    })

    const list = await octokit.rest.repos.listDeployments({ ...repo, environment: 'production' })
    expect(list.data.map((d) => d.id)).toEqual([id])
    expect(list.data[0]).toMatchObject({
      sha: fakeSha('main'),
      ref: 'main',
      task: 'deploy',
      payload: { 'deploy-gate': { run_id: 42 } },
    })
    const statuses = await octokit.rest.repos.listDeploymentStatuses({ ...repo, deployment_id: id })
    expect(statuses.data.map((s) => s.state)).toEqual(['success', 'in_progress'])
    expect(statuses.data[1]?.log_url).toBe('https://github.com/owner/repo/actions/runs/42/attempts/1')
    const one = await octokit.rest.repos.getDeployment({ ...repo, deployment_id: id })
    expect(one.data.production_environment).toBe(true)
    expect(fake.state.deployments[0]).toMatchObject({ auto_merge: false, required_contexts: [] })
    expect(fake.requests.map((r) => `${r.method} ${r.status}`)).toEqual([
      'POST 201',
      'POST 201',
      'POST 201',
      'GET 200',
      'GET 200',
      'GET 200',
    ])
    expect(fake.violations).toEqual([])
  })

  it('marks earlier successful, non-transient deployments of the environment inactive on a new success', async () => {
    const older = fake.state.addDeployment({ sha: fakeSha(1), statuses: [{ state: 'success' }] })
    const failed = fake.state.addDeployment({
      sha: fakeSha(2),
      statuses: [{ state: 'success' }, { state: 'failure' }],
    })
    const transient = fake.state.addDeployment({
      sha: fakeSha(3),
      transient_environment: true,
      statuses: [{ state: 'success' }],
    })
    const staging = fake.state.addDeployment({
      sha: fakeSha(4),
      environment: 'staging',
      statuses: [{ state: 'success' }],
    })
    const newest = fake.state.addDeployment({ sha: fakeSha(5) })
    await octokit.rest.repos.createDeploymentStatus({ ...repo, deployment_id: newest.id, state: 'success' })

    expect(older.statuses.map((s) => s.state)).toEqual(['success', 'inactive'])
    expect(failed.statuses.map((s) => s.state)).toEqual(['success', 'failure'])
    expect(transient.statuses.map((s) => s.state)).toEqual(['success'])
    expect(staging.statuses.map((s) => s.state)).toEqual(['success'])
  })

  it('reports a status with a bogus state, and a deployment without ref, as violations (GitHub answers 422)', async () => {
    const d = fake.state.addDeployment()
    const bogus = octokit.request('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
      ...repo,
      deployment_id: d.id,
      state: 'bogus' as 'success',
    })
    await expect(bogus).rejects.toMatchObject({ status: 422 })
    const noRef = octokit.request('POST /repos/{owner}/{repo}/deployments', {
      ...repo,
      environment: 'production',
    } as never)
    await expect(noRef).rejects.toMatchObject({ status: 422 })

    const found = takeViolations()
    expect(
      found.some(
        (v) => v.includes('/statuses') && v.includes('body/state must be equal to one of the allowed values'),
      ),
    ).toBe(true)
    expect(
      found.some(
        (v) => v.includes('POST /repos/owner/repo/deployments') && v.includes("required property 'ref'"),
      ),
    ).toBe(true)
    expect(d.statuses).toEqual([])
  })

  it('reports unknown body properties and query parameters, and unknown routes (404)', async () => {
    await octokit
      .request('POST /repos/{owner}/{repo}/deployments', { ...repo, ref: 'main', enviroment: 'x' } as never)
      .catch(() => undefined)
    await octokit.request('GET /repos/{owner}/{repo}/deployments', { ...repo, perpage: 5 } as never)
    await expect(octokit.request('GET /repos/{owner}/{repo}/nonsense', repo)).rejects.toMatchObject({
      status: 404,
    })
    const found = takeViolations()
    expect(found).toEqual([
      expect.stringContaining("must NOT have additional properties: 'enviroment'"),
      expect.stringContaining("unknown query parameter 'perpage'"),
      expect.stringContaining("no operation GET /repos/owner/repo/nonsense in GitHub's REST API description"),
    ])
  })

  it('paginates newest first with Link headers like GitHub, at most 100 per page', async () => {
    for (let i = 1; i <= 5; i++)
      fake.state.addDeployment({ sha: fakeSha(i), created_at: new Date(Date.UTC(2026, 0, i)) })
    const first = await octokit.rest.repos.listDeployments({ ...repo, per_page: 2 })
    expect(first.data.map((d) => d.sha)).toEqual([fakeSha(5), fakeSha(4)])
    expect(first.headers.link).toBe(
      `<${fake.url}/repos/owner/repo/deployments?per_page=2&page=2>; rel="next", <${fake.url}/repos/owner/repo/deployments?per_page=2&page=3>; rel="last"`,
    )
    const last = await octokit.rest.repos.listDeployments({ ...repo, per_page: 2, page: 3 })
    expect(last.data.map((d) => d.sha)).toEqual([fakeSha(1)])
    expect(last.headers.link).toContain('rel="prev"')
    expect(last.headers.link).toContain('rel="first"')
    expect(last.headers.link).not.toContain('rel="next"')
    const all = await octokit.paginate(octokit.rest.repos.listDeployments, { ...repo, per_page: 2 })
    expect(all.map((d) => d.sha)).toEqual([5, 4, 3, 2, 1].map(fakeSha))

    for (let i = 0; i < 100; i++) fake.state.addDeployment()
    const capped = await octokit.rest.repos.listDeployments({ ...repo, per_page: 500 })
    expect(capped.data).toHaveLength(100)
  })
})

describe('validateResponse', () => {
  it("checks the fake's own responses: a record that makes an invalid object is reported", async () => {
    const d = fake.state.addDeployment()
    ;(d as { payload: unknown }).payload = 42
    await octokit.rest.repos.getDeployment({ ...repo, deployment_id: d.id })
    const found = takeViolations()
    expect(found[0]).toContain(
      `GET /repos/owner/repo/deployments/${d.id} → 200: response body/payload must be object`,
    )
  })

  it('accepts what the fake sends and catches a broken deployment object', async () => {
    const d = fake.state.addDeployment()
    const { data } = await octokit.rest.repos.getDeployment({ ...repo, deployment_id: d.id })
    const template = '/repos/{owner}/{repo}/deployments/{deployment_id}'
    expect(validateResponse('GET', template, 200, data)).toEqual([])

    const broken: Record<string, unknown> = { ...data, id: 'x', creator: { login: 'a' } }
    delete broken['sha']
    const problems = validateResponse('GET', '/repos/owner/repo/deployments/1', 200, broken)
    expect(problems).toContain("response body must have required property 'sha'")
    expect(problems).toContain('response body/id must be integer')
    expect(problems.some((p) => p.startsWith('response body/creator'))).toBe(true)
  })

  it('checks status codes and empty bodies', () => {
    const dispatch = '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches'
    expect(validateResponse('POST', dispatch, 204, undefined)).toEqual([])
    expect(validateResponse('POST', dispatch, 204, {})).toEqual([
      'status 204 has no content in the spec, but a body was sent',
    ])
    expect(validateResponse('POST', dispatch, 200, undefined)).toEqual([
      'status 200 needs a JSON body, but the body is empty',
    ])
    expect(validateResponse('POST', dispatch, 418, undefined)).toEqual([
      `status 418 is not documented for POST ${dispatch}`,
    ])
  })

  it('checks path and query parameter types and enums', () => {
    expect(
      validateRequest('GET', '/repos/o/r/actions/runs/abc/jobs', { filter: 'newest' }, undefined),
    ).toEqual([
      'path parameter run_id="abc" must be integer',
      'query parameter filter="newest" must be equal to one of the allowed values ("latest", "all")',
    ])
    expect(
      validateRequest(
        'GET',
        '/repos/o/r/actions/workflows/deploy.yml/runs',
        { branch: 'main', per_page: 100 },
        undefined,
      ),
    ).toEqual([])
  })
})

describe('actions', () => {
  it('serves workflows by id and file name, and the repository with its default branch', async () => {
    const w = fake.state.addWorkflow({ name: 'Deploy', path: '.github/workflows/deploy.yml' })
    const byName = await octokit.rest.actions.getWorkflow({ ...repo, workflow_id: 'deploy.yml' })
    const byId = await octokit.rest.actions.getWorkflow({ ...repo, workflow_id: w.id })
    expect(byName.data.id).toBe(w.id)
    expect(byId.data.path).toBe('.github/workflows/deploy.yml')
    const r = await octokit.rest.repos.get(repo)
    expect(r.data.default_branch).toBe('main')
  })

  it('re-runs one job as attempt 2: earlier jobs carried over, the job and later ones queued', async () => {
    const run = fake.state.addRun({ jobs: ['build', 'deploy', 'smoke'], artifacts: ['dist'] })
    const deploy = run.attempts[0]!.jobs[1]!
    const res = await octokit.rest.actions.reRunJobForWorkflowRun({ ...repo, job_id: deploy.id })
    expect(res.status).toBe(201)

    const got = await octokit.rest.actions.getWorkflowRun({ ...repo, run_id: run.id })
    expect(got.data).toMatchObject({ run_attempt: 2, status: 'queued', conclusion: null })
    expect(got.data.previous_attempt_url).toBe(
      `${fake.url}/repos/owner/repo/actions/runs/${run.id}/attempts/1`,
    )
    const latest = await octokit.rest.actions.listJobsForWorkflowRun({
      ...repo,
      run_id: run.id,
      filter: 'latest',
    })
    expect(latest.data.jobs.map((j) => [j.name, j.run_attempt, j.status])).toEqual([
      ['build', 1, 'completed'],
      ['deploy', 2, 'queued'],
      ['smoke', 2, 'queued'],
    ])
    expect(latest.data.jobs[1]?.id).not.toBe(deploy.id)

    fake.completeRun(run.id, 'success')
    const attempt2 = await octokit.rest.actions.getWorkflowRunAttempt({
      ...repo,
      run_id: run.id,
      attempt_number: 2,
    })
    expect(attempt2.data).toMatchObject({ status: 'completed', conclusion: 'success' })
    const jobs2 = await octokit.rest.actions.listJobsForWorkflowRunAttempt({
      ...repo,
      run_id: run.id,
      attempt_number: 2,
    })
    expect(jobs2.data.jobs.every((j) => j.status === 'completed' && j.runner_name === 'GitHub Actions')).toBe(
      true,
    )
    const job = await octokit.rest.actions.getJobForWorkflowRun({ ...repo, job_id: jobs2.data.jobs[2]!.id })
    expect(job.data).toMatchObject({ name: 'smoke', run_attempt: 2, conclusion: 'success' })
    const all = await octokit.rest.actions.listJobsForWorkflowRun({ ...repo, run_id: run.id, filter: 'all' })
    expect(all.data.total_count).toBe(5)
  })

  it('refuses re-runs like GitHub: a running run, a run over 30 days old (not spec violations)', async () => {
    const running = fake.state.addRun({ status: 'in_progress' })
    const old = fake.state.addRun({ created_at: new Date(Date.now() - 31 * DAY_MS) })
    await expect(octokit.rest.actions.reRunWorkflow({ ...repo, run_id: running.id })).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('This workflow is already running'),
    })
    const oldJob = old.attempts[0]!.jobs[1]!
    await expect(
      octokit.rest.actions.reRunJobForWorkflowRun({ ...repo, job_id: oldJob.id }),
    ).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('created over a month ago'),
    })
    expect(old.attempts).toHaveLength(1)
    expect(fake.undocumented).toEqual([`POST /repos/owner/repo/actions/runs/${running.id}/rerun → 403`])
  })

  it('re-runs all jobs; with autoComplete, polls see queued → in_progress → completed', async () => {
    await start({ autoComplete: { afterPolls: 3, conclusion: 'failure' } })
    const run = fake.state.addRun({ conclusion: 'failure' })
    await octokit.rest.actions.reRunWorkflow({ ...repo, run_id: run.id })
    const seen: string[] = []
    for (let i = 0; i < 4; i++) {
      const r = await octokit.rest.actions.getWorkflowRunAttempt({
        ...repo,
        run_id: run.id,
        attempt_number: 2,
      })
      seen.push(`${r.data.status}/${r.data.conclusion}`)
    }
    expect(seen).toEqual(['queued/null', 'in_progress/null', 'completed/failure', 'completed/failure'])
    expect(run.attempts[1]!.jobs.map((j) => j.status)).toEqual(['completed', 'completed'])
  })

  it('dispatches a workflow: 204, or 200 with run details; the run has event workflow_dispatch', async () => {
    const w = fake.state.addWorkflow({ inputs: ['sha'] })
    const sha = fakeSha('target')
    const plain = await octokit.rest.actions.createWorkflowDispatch({
      ...repo,
      workflow_id: 'deploy.yml',
      ref: 'main',
      inputs: { sha },
    })
    expect(plain.status).toBe(204)
    const detailed = await octokit.request(
      'POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches',
      {
        ...repo,
        workflow_id: w.id,
        ref: 'main',
        inputs: { sha },
        return_run_details: true,
      },
    )
    expect(detailed.status).toBe(200)
    const runId = (detailed.data as { workflow_run_id: number }).workflow_run_id
    expect(fake.state.run(runId)).toMatchObject({
      event: 'workflow_dispatch',
      inputs: { sha },
      head_branch: 'main',
    })

    const runs = await octokit.rest.actions.listWorkflowRuns({
      ...repo,
      workflow_id: 'deploy.yml',
      event: 'workflow_dispatch',
      branch: 'main',
    })
    expect(runs.data.total_count).toBe(2)
    expect(runs.data.workflow_runs[0]?.id).toBe(runId)
    await expect(
      octokit.rest.actions.createWorkflowDispatch({
        ...repo,
        workflow_id: w.id,
        ref: 'main',
        inputs: { commit: sha },
      }),
    ).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining('Unexpected inputs provided: ["commit"]'),
    })
  })

  it('lists artifacts with expiry: expired flag from expires_at, null expires_at kept', async () => {
    const run = fake.state.addRun({
      created_at: new Date(Date.now() - 10 * DAY_MS),
      artifacts: [
        'dist',
        { name: 'old', expires_at: new Date(Date.now() - DAY_MS) },
        { name: 'forever', expires_at: null },
      ],
    })
    const all = await octokit.paginate(octokit.rest.actions.listWorkflowRunArtifacts, {
      ...repo,
      run_id: run.id,
      per_page: 1,
    })
    const byName = Object.fromEntries(all.map((a) => [a.name, a]))
    expect(byName['dist']).toMatchObject({ expired: false, workflow_run: { id: run.id } })
    expect(byName['old']?.expired).toBe(true)
    expect(byName['forever']).toMatchObject({ expired: false, expires_at: null })
  })
})

describe('check runs', () => {
  it('creates and updates a check run, appending annotations as GitHub does', async () => {
    const annotation = (line: number) => ({
      path: '.github/deploy-gate.yml',
      start_line: line,
      end_line: line,
      annotation_level: 'failure' as const,
      message: `bad ${line}`,
    })
    const created = await octokit.rest.checks.create({
      ...repo,
      name: 'deploy-gate',
      head_sha: fakeSha(1),
      status: 'in_progress',
      output: { title: 'Validating', summary: 'running', annotations: [annotation(1), annotation(2)] },
    })
    const updated = await octokit.rest.checks.update({
      ...repo,
      check_run_id: created.data.id,
      conclusion: 'failure',
      output: { title: 'invalid', summary: '3 problems', annotations: [annotation(3)] },
    })
    expect(updated.data).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
      output: { title: 'invalid', annotations_count: 3 },
    })
    expect(fake.state.checkRun(created.data.id)?.output.annotations.map((a) => a.start_line)).toEqual([
      1, 2, 3,
    ])
    const got = await octokit.rest.checks.get({ ...repo, check_run_id: created.data.id })
    expect(got.data).toMatchObject({
      name: 'deploy-gate',
      head_sha: fakeSha(1),
      output: { summary: '3 problems' },
    })

    const tooMany = Array.from({ length: 51 }, (_, i) => annotation(i + 1))
    await expect(
      octokit.rest.checks.update({
        ...repo,
        check_run_id: created.data.id,
        output: { summary: 's', annotations: tooMany },
      }),
    ).rejects.toMatchObject({ status: 422 })
    expect(takeViolations()).toEqual([
      expect.stringContaining('body/output/annotations must NOT have more than 50 items'),
    ])
  })
})

describe('faults, auth and the request log', () => {
  it('serves queued faults first: two 502s, then normal handling', async () => {
    fake.setFault({ method: 'GET', path: '/repos/{owner}/{repo}' }, [{ status: 502 }, { status: 502 }])
    const statuses: number[] = []
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${fake.url}/repos/owner/repo`, { headers: { authorization: 'token t' } })
      statuses.push(res.status)
      await res.arrayBuffer()
    }
    expect(statuses).toEqual([502, 502, 200])
    expect(fake.requests.map((r) => r.injected)).toEqual([true, true, false])
    expect(fake.undocumented).toEqual([
      'GET /repos/owner/repo → 502 (injected)',
      'GET /repos/owner/repo → 502 (injected)',
    ])
  })

  it('injects 403 permission errors and 429 with retry-after', async () => {
    fake.setFault({ method: 'POST', path: /\/deployments$/ }, [{ status: 403 }])
    fake.setFault({ path: '/repos/owner/repo/deployments' }, [
      { status: 429, headers: { 'retry-after': '1' } },
    ])
    await expect(octokit.rest.repos.createDeployment({ ...repo, ref: 'main' })).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('Resource not accessible by integration'),
    })
    await expect(octokit.rest.repos.listDeployments(repo)).rejects.toMatchObject({
      status: 429,
      response: { headers: { 'retry-after': '1' } },
    })
    expect((await octokit.rest.repos.listDeployments(repo)).status).toBe(200)
  })

  it('requires a token', async () => {
    const res = await fetch(`${fake.url}/repos/owner/repo`)
    expect(res.status).toBe(401)
    expect(await res.json()).toMatchObject({ message: 'Requires authentication' })
  })

  it('counts requests by method and path', async () => {
    fake.state.addDeployment()
    await octokit.rest.repos.listDeployments(repo)
    await octokit.rest.repos.createDeployment({ ...repo, ref: 'main', required_contexts: [] })
    await octokit.rest.repos.get(repo)
    expect(fake.countRequests()).toBe(3)
    expect(fake.countRequests('GET')).toBe(2)
    expect(fake.countRequests({ method: ['POST', 'PATCH'] })).toBe(1)
    expect(fake.countRequests({ path: '/repos/{owner}/{repo}/deployments' })).toBe(2)
    expect(fake.requests[1]).toMatchObject({
      method: 'POST',
      body: { ref: 'main', required_contexts: [] },
      status: 201,
    })
  })
})

describe('what github.com really does (issue 11)', () => {
  it('jobs on GitHub-hosted runners show the generic runner_name "GitHub Actions"; GET /actions/jobs/{id} has started_at', async () => {
    const run = fake.state.addRun({
      status: 'in_progress',
      jobs: [{ name: 'deploy (web)', status: 'in_progress' }],
    })
    const id = run.attempts[0]!.jobs[0]!.id
    const { data } = await octokit.rest.actions.getJobForWorkflowRun({ ...repo, job_id: id })
    expect(data).toMatchObject({
      id,
      name: 'deploy (web)',
      runner_name: 'GitHub Actions',
      status: 'in_progress',
    })
    expect(data.started_at).toMatch(/Z$/)
  })

  it('a job re-run while its run is running gets "The workflow run containing this job is already running"', async () => {
    const run = fake.state.addRun({ jobs: ['build', 'web / deploy', 'ai / deploy'] })
    const [, web, ai] = run.attempts[0]!.jobs
    await octokit.rest.actions.reRunJobForWorkflowRun({ ...repo, job_id: web!.id })
    // The second gated job of the same attempt: refused while the first re-run's attempt runs.
    const aiInLatest = run.attempts[1]!.jobs.find((j) => j.name === ai!.name)!
    const err = await octokit.rest.actions
      .reRunJobForWorkflowRun({ ...repo, job_id: aiInLatest.id })
      .catch((e: unknown) => e)
    expect(err).toMatchObject({
      status: 403,
      message: expect.stringContaining('The workflow run containing this job is already running'),
    })
    const runErr = await octokit.rest.actions
      .reRunWorkflow({ ...repo, run_id: run.id })
      .catch((e: unknown) => e)
    expect(runErr).toMatchObject({
      status: 403,
      message: expect.stringContaining('This workflow is already running'),
    })
  })

  it("the month rule is a calendar month on created_at (31 March → 3 March), with GitHub's text", async () => {
    await start({ now: () => new Date('2025-03-31T10:00:00Z') })
    const older = fake.state.addRun({ created_at: '2025-03-02T10:00:00Z' }) // 29 days, but before 3 March
    const newer = fake.state.addRun({ created_at: '2025-03-03T10:00:00Z' })
    const err = await octokit.rest.actions
      .reRunWorkflow({ ...repo, run_id: older.id })
      .catch((e: unknown) => e)
    expect(err).toMatchObject({
      status: 403,
      message: expect.stringContaining(
        'Unable to retry this workflow run because it was created over a month ago',
      ),
    })
    expect((await octokit.rest.actions.reRunWorkflow({ ...repo, run_id: newer.id })).status).toBe(201)
  })

  it('a POST GitHub accepted but answered 502 (afterHandling): the re-run happened', async () => {
    const run = fake.state.addRun({ jobs: ['build', 'deploy'] })
    fake.setFault({ method: 'POST', path: '/repos/{owner}/{repo}/actions/runs/{run_id}/rerun' }, [
      { status: 502, afterHandling: true },
    ])
    const bare = getOctokit('t', { baseUrl: fake.url, request: { retries: 0 } })
    const err = await bare.rest.actions.reRunWorkflow({ ...repo, run_id: run.id }).catch((e: unknown) => e)
    expect(err).toMatchObject({ status: 502 })
    expect(run.attempts).toHaveLength(2)
    expect(fake.undocumented).toContain(
      `POST /repos/owner/repo/actions/runs/${run.id}/rerun → 502 (injected)`,
    )
  })

  it('a dispatch whose connection drops after GitHub took it (afterHandling + destroy): the run exists', async () => {
    fake.state.addWorkflow({ inputs: ['sha'] })
    fake.setFault(
      { method: 'POST', path: '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches' },
      [{ destroy: true, afterHandling: true }],
    )
    const bare = getOctokit('t', { baseUrl: fake.url, request: { retries: 0 } })
    const err = await bare
      .request('POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', {
        ...repo,
        workflow_id: 'deploy.yml',
        ref: 'main',
        inputs: { sha: fakeSha(1) },
      })
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(Error)
    expect(fake.state.runs.filter((r) => r.event === 'workflow_dispatch')).toHaveLength(1)
    expect(fake.requests.at(-1)).toMatchObject({ status: 0, injected: true })
  })

  it('GHES without return_run_details: 422 with the field, 204 without', async () => {
    await start({ ghes: true })
    fake.state.addWorkflow()
    const send = (details: boolean) =>
      octokit
        .request('POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', {
          ...repo,
          workflow_id: 'deploy.yml',
          ref: 'main',
          ...(details ? { return_run_details: true } : {}),
        })
        .catch((e: unknown) => e)
    expect(await send(true)).toMatchObject({
      status: 422,
      message: expect.stringContaining('"return_run_details" is not a permitted key.'),
    })
    expect(await send(false)).toMatchObject({ status: 204 })
  })

  it("Actions' own deployment of a job (environment: on the job): no payload, github-actions[bot]; at job end the gate's record goes inactive", async () => {
    const run = fake.state.addRun({ status: 'in_progress', jobs: ['deploy'] })
    const actions = fake.state.addActionsDeployment(run)
    const gate = fake.state.addDeployment({
      sha: run.head_sha,
      payload: { 'deploy-gate': { version: 1 } },
      statuses: [{ state: 'success' }],
    })
    const { data } = await octokit.rest.repos.listDeployments({ ...repo, environment: 'production' })
    const listed = data.find((d) => d.id === actions.id)!
    expect(listed).toMatchObject({ payload: {}, creator: { login: 'github-actions[bot]' } })
    fake.state.finishActionsDeployment(actions)
    expect(gate.statuses.map((s) => s.state)).toEqual(['success', 'inactive'])
  })
})
