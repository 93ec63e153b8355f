import { afterEach, describe, expect, it, vi } from 'vitest'
import { errorMessage } from '../../src/errors.ts'
import { createGitHubClient, isNotRepeatable } from '../../src/github/client.ts'
import { GitHubApiError, mapGitHubError, rateLimitWaitMs, repoFromEnv } from '../../src/github/errors.ts'
import type { RetryTimings } from '../../src/github/client.ts'
import { readRunContext } from '../../src/github/context.ts'
import { startScriptedServer } from './scripted-server.ts'
import type { Route, ScriptedServer } from './scripted-server.ts'

const TOKEN = `ghs_${'T0k3n'.repeat(8)}`
const REPO = { owner: 'acme', repo: 'app' }
const REPO_PATH = 'GET /repos/acme/app'
const NOT_INTEGRATION = {
  message: 'Resource not accessible by integration',
  documentation_url: 'https://docs.github.com/rest/deployments/deployments#create-a-deployment',
}

let server: ScriptedServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
  vi.unstubAllEnvs()
})

/** A client against a scripted server; every wait is recorded instead of slept. */
async function setup(routes: Record<string, Route>, timings: RetryTimings = {}) {
  server = await startScriptedServer(routes)
  const waits: number[] = []
  const logs: string[] = []
  const octokit = createGitHubClient({
    token: TOKEN,
    baseUrl: server.origin,
    retry: {
      retryAfterBaseValueMs: 1,
      sleep: (ms) => {
        waits.push(ms)
        return Promise.resolve()
      },
      log: (m) => logs.push(m),
      ...timings,
    },
  })
  return { server, octokit, waits, logs }
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (err) {
    return err
  }
  throw new Error('expected the call to fail')
}

describe('createGitHubClient: retries', () => {
  it('retries 5xx answers and succeeds on the third attempt', async () => {
    const { octokit, server } = await setup({
      [REPO_PATH]: [{ status: 502 }, { status: 502 }, { body: { full_name: 'acme/app' } }],
    })
    const { data } = await octokit.rest.repos.get(REPO)
    expect(data.full_name).toBe('acme/app')
    expect(server.count(REPO_PATH)).toBe(3)
  })

  it('retries a dropped connection', async () => {
    const { octokit, server } = await setup({
      [REPO_PATH]: [{ destroy: true }, { body: { full_name: 'acme/app' } }],
    })
    const { data } = await octokit.rest.repos.get(REPO)
    expect(data.full_name).toBe('acme/app')
    expect(server.count(REPO_PATH)).toBe(2)
  })

  it.each<[string, string]>([
    ['a job re-run', 'POST /repos/acme/app/actions/jobs/7/rerun'],
    ['a run re-run', 'POST /repos/acme/app/actions/runs/9/rerun'],
    ['a dispatch', 'POST /repos/acme/app/actions/workflows/deploy.yml/dispatches'],
  ])(
    'never retries %s after a 502 or a dropped connection (it may have been accepted)',
    async (_name, route) => {
      for (const reply of [{ status: 502 }, { destroy: true }]) {
        const { octokit, server } = await setup({ [route]: [reply, { status: 201, body: {} }] })
        const [method, path] = route.split(' ') as [string, string]
        const err = await failure(octokit.request(`${method} ${path}`, { ref: 'main' }))
        expect(server.count(route)).toBe(1)
        expect(isNotRepeatable(method, path)).toBe(true)
        expect(String(err)).not.toBe('')
        await server.close()
      }
    },
  )

  it('still retries a POST that is safe to repeat (a deployment status) and a rate-limited re-run', async () => {
    const STATUS = 'POST /repos/acme/app/deployments/1/statuses'
    const { octokit, server } = await setup({ [STATUS]: [{ status: 502 }, { status: 201, body: { id: 5 } }] })
    await octokit.request(STATUS, { state: 'success' })
    expect(server.count(STATUS)).toBe(2)
    await server.close()
    const RERUN = 'POST /repos/acme/app/actions/jobs/7/rerun'
    const limited = await setup({
      [RERUN]: [
        { status: 429, headers: { 'retry-after': '1' }, body: { message: 'rate limited' } },
        { status: 201, body: {} },
      ],
    })
    await limited.octokit.request(RERUN)
    expect(limited.server.count(RERUN)).toBe(2)
  })

  it('gives up after the configured retries with the status in the message', async () => {
    const { octokit, server } = await setup(
      { [REPO_PATH]: { status: 503, body: { message: 'Service Unavailable' } } },
      { retries: 2 },
    )
    const err = mapGitHubError(await failure(octokit.rest.repos.get(REPO)), { action: 'read the repository' })
    expect(server.count(REPO_PATH)).toBe(3)
    expect(err.status).toBe(503)
    expect(err.message).toBe('could not read the repository: HTTP 503 (GitHub: Service Unavailable)')
  })

  it.each([
    [403, NOT_INTEGRATION],
    [404, { message: 'Not Found' }],
    [401, { message: 'Bad credentials' }],
    [422, { message: 'Validation Failed' }],
  ])('does not retry a %i', async (status, body) => {
    const { octokit, server } = await setup({ [REPO_PATH]: { status, body } })
    await failure(octokit.rest.repos.get(REPO))
    expect(server.count(REPO_PATH)).toBe(1)
  })

  it('honours retry-after on a 429', async () => {
    const { octokit, server, waits, logs } = await setup({
      [REPO_PATH]: [
        { status: 429, headers: { 'retry-after': '7' }, body: { message: 'Too Many Requests' } },
        {},
      ],
    })
    await octokit.rest.repos.get(REPO)
    expect(waits).toEqual([7000])
    expect(server.count(REPO_PATH)).toBe(2)
    expect(logs).toEqual(['GitHub rate limit on GET /repos/{owner}/{repo}: retrying in 7 s'])
  })

  it('waits a minute on a secondary rate limit 403 without retry-after', async () => {
    const secondary = {
      message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
    }
    const { octokit, waits } = await setup({ [REPO_PATH]: [{ status: 403, body: secondary }, {}] })
    await octokit.rest.repos.get(REPO)
    expect(waits).toEqual([60_000])
  })

  it('waits until x-ratelimit-reset when the primary limit is used up', async () => {
    const nowMs = 1_700_000_000_000
    const reset = String(nowMs / 1000 + 30)
    const { octokit, waits } = await setup(
      {
        [REPO_PATH]: [
          {
            status: 403,
            headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
            body: { message: 'API rate limit exceeded for installation ID 1.' },
          },
          {},
        ],
      },
      { now: () => nowMs },
    )
    await octokit.rest.repos.get(REPO)
    expect(waits).toEqual([31_000])
  })

  it('fails at once when GitHub asks for a longer wait than allowed', async () => {
    const nowMs = 1_700_000_000_000
    const { octokit, waits, server } = await setup(
      {
        [REPO_PATH]: {
          status: 403,
          headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(nowMs / 1000 + 3600) },
          body: { message: 'API rate limit exceeded for installation ID 1.' },
        },
      },
      { now: () => nowMs },
    )
    const err = mapGitHubError(await failure(octokit.rest.repos.get(REPO)), { action: 'read the repository' })
    expect(waits).toEqual([])
    expect(server.count(REPO_PATH)).toBe(1)
    expect(err.message).toBe(
      'could not read the repository: GitHub API rate limit exceeded until 2023-11-14T23:13:20.000Z ' +
        '(GitHub: API rate limit exceeded for installation ID 1.)',
    )
  })

  it('stops after the rate-limit retries', async () => {
    const { octokit, waits, server } = await setup(
      {
        [REPO_PATH]: { status: 429, headers: { 'retry-after': '1' }, body: { message: 'Too Many Requests' } },
      },
      { rateLimitRetries: 2 },
    )
    const err = await failure(octokit.rest.repos.get(REPO))
    expect(waits).toEqual([1000, 1000])
    expect(server.count(REPO_PATH)).toBe(3)
    expect(mapGitHubError(err, { action: 'read the repository' }).message).toContain('rate limit exceeded')
  })
})

describe('createGitHubClient: base URL', () => {
  it('honours a GHES-style base URL with its /api/v3 prefix', async () => {
    server = await startScriptedServer({ 'GET /api/v3/repos/acme/app': { body: { full_name: 'acme/app' } } })
    const octokit = createGitHubClient({ token: TOKEN, baseUrl: `${server.origin}/api/v3/` })
    const { data } = await octokit.rest.repos.get(REPO)
    expect(data.full_name).toBe('acme/app')
    expect(server.requests[0]?.headers['authorization']).toBe(`token ${TOKEN}`)
    expect(server.requests[0]?.headers['user-agent']).toMatch(/^deploy-gate /)
  })

  it('takes GITHUB_API_URL from the run context it is given, never from process.env', async () => {
    server = await startScriptedServer({ 'GET /api/v3/repos/acme/app': { body: { full_name: 'acme/app' } } })
    vi.stubEnv('GITHUB_API_URL', 'http://127.0.0.1:1/not-this-one')
    const ctx = readRunContext({ GITHUB_API_URL: `${server.origin}/api/v3/` })
    expect(ctx.apiUrl).toBe(`${server.origin}/api/v3`)
    const { data } = await createGitHubClient({ token: TOKEN, baseUrl: ctx.apiUrl }).rest.repos.get(REPO)
    expect(data.full_name).toBe('acme/app')
  })

  it('defaults the API URL to api.github.com when GITHUB_API_URL is unset or empty', () => {
    expect(readRunContext({}).apiUrl).toBe('https://api.github.com')
    expect(readRunContext({ GITHUB_API_URL: '' }).apiUrl).toBe('https://api.github.com')
  })

  it('refuses an empty token', () => {
    expect(() => createGitHubClient({ token: '' })).toThrow('the github-token input is empty')
  })
})

describe('mapGitHubError', () => {
  it('names the missing permission on "Resource not accessible by integration"', async () => {
    const { octokit } = await setup({
      'POST /repos/acme/app/deployments': { status: 403, body: NOT_INTEGRATION },
    })
    const original = await failure(octokit.rest.repos.createDeployment({ ...REPO, ref: 'main' }))
    const err = mapGitHubError(original, { action: 'create a deployment', permission: 'deployments: write' })
    expect(err).toBeInstanceOf(GitHubApiError)
    expect(err.message).toBe(
      'could not create a deployment: the workflow token lacks deployments: write; ' +
        'add "permissions: deployments: write" to the job ' +
        '(GitHub: Resource not accessible by integration - https://docs.github.com/rest/deployments/deployments#create-a-deployment)',
    )
    expect(err.status).toBe(403)
    expect(err.permission).toBe('deployments: write')
    expect(err.cause).toBe(original)
    expect(errorMessage(err)).toBe(err.message)
    expect(err.message).not.toContain(TOKEN)
  })

  it('explains a 404 as missing repository access, naming the repository from the URL', async () => {
    const { octokit } = await setup({})
    const err = mapGitHubError(await failure(octokit.rest.repos.get(REPO)), { action: 'read the repository' })
    expect(err.status).toBe(404)
    expect(err.message).toMatch(
      /^could not read the repository: acme\/app not found, or the token cannot access acme\/app \(GitHub: Not Found/,
    )
  })

  it('names the resource of a 404 when given', async () => {
    const { octokit } = await setup({
      'GET /repos/acme/app/actions/runs/9': { status: 404, body: { message: 'Not Found' } },
    })
    const original = await failure(octokit.rest.actions.getWorkflowRun({ ...REPO, run_id: 9 }))
    const err = mapGitHubError(original, {
      action: 'read run 9',
      resource: 'workflow run 9',
      repository: 'acme/app',
    })
    expect(err.message).toBe(
      'could not read run 9: workflow run 9 not found, or the token cannot access acme/app (GitHub: Not Found)',
    )
  })

  it('says bad credentials on a 401', async () => {
    const { octokit } = await setup({ [REPO_PATH]: { status: 401, body: { message: 'Bad credentials' } } })
    const err = mapGitHubError(await failure(octokit.rest.repos.get(REPO)), { action: 'read the repository' })
    expect(err.status).toBe(401)
    expect(err.message).toBe(
      'could not read the repository: bad credentials: the github-token is invalid or has expired (GitHub: Bad credentials)',
    )
    expect(err.message).not.toContain(TOKEN)
  })

  it("keeps GitHub's message and errors for other statuses", async () => {
    const body = {
      message: 'Validation Failed',
      errors: [{ resource: 'Deployment', code: 'custom', message: 'bad ref' }],
    }
    const { octokit } = await setup({ 'POST /repos/acme/app/deployments': { status: 422, body } })
    const original = await failure(octokit.rest.repos.createDeployment({ ...REPO, ref: 'nope' }))
    const err = mapGitHubError(original, { action: 'create a deployment', permission: 'deployments: write' })
    expect(err.message).toBe(
      'could not create a deployment: HTTP 422 (GitHub: Validation Failed: {"resource":"Deployment","code":"custom","message":"bad ref"})',
    )
    expect(err.permission).toBeUndefined()
  })

  it('wraps a network failure after the retries, and anything thrown that is not an Error', async () => {
    const { octokit } = await setup({ [REPO_PATH]: { destroy: true } }, { retries: 1 })
    const network = mapGitHubError(await failure(octokit.rest.repos.get(REPO)), {
      action: 'read the repository',
    })
    expect(network.status).toBeUndefined()
    expect(network.message).toMatch(/^could not read the repository: \S/)

    const odd = mapGitHubError('boom', { action: 'read the repository' })
    expect(odd.message).toBe('could not read the repository: boom')
    expect(odd.cause).toBe('boom')
  })

  it('returns a GitHubApiError unchanged and scrubs tokens from messages', () => {
    const mapped = new GitHubApiError('could not x: y', { status: 500 })
    expect(mapGitHubError(mapped, { action: 'z' })).toBe(mapped)
    expect(mapGitHubError(new Error(`echo ${TOKEN}`), { action: 'x' }).message).toBe('could not x: echo ***')
  })
})

describe('rateLimitWaitMs', () => {
  const error = (status: number, headers: Record<string, string>, message = 'x') =>
    Object.assign(new Error(message), { status, response: { headers } })

  it.each([
    ['429 with retry-after', error(429, { 'retry-after': '3' }), 3000],
    ['429 without headers', error(429, {}), 60_000],
    ['403 with retry-after', error(403, { 'retry-after': '5' }), 5000],
    ['403 secondary limit', error(403, {}, 'You have exceeded a secondary rate limit'), 60_000],
    ['403 primary limit', error(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1010' }), 11_000],
    [
      '403 permission',
      error(403, { 'x-ratelimit-remaining': '4999' }, 'Resource not accessible by integration'),
      undefined,
    ],
    ['500', error(500, { 'retry-after': '3' }), undefined],
    ['not an HTTP error', new Error('boom'), undefined],
  ])('%s', (_name, err, expected) => {
    expect(rateLimitWaitMs(err, 1_000_000)).toBe(expected)
  })
})

describe('repoFromEnv', () => {
  it('splits GITHUB_REPOSITORY', () => {
    expect(repoFromEnv({ GITHUB_REPOSITORY: 'acme/app' })).toEqual({ owner: 'acme', repo: 'app' })
  })

  it.each([[''], ['acme'], ['acme/'], ['a/b/c']])('rejects %j', (value) => {
    expect(() => repoFromEnv({ GITHUB_REPOSITORY: value })).toThrow('GITHUB_REPOSITORY must be "owner/repo"')
  })

  it('reads only the env it is given, not process.env', () => {
    vi.stubEnv('GITHUB_REPOSITORY', 'octo/cat')
    expect(() => repoFromEnv({})).toThrow('GITHUB_REPOSITORY must be "owner/repo"')
  })
})
