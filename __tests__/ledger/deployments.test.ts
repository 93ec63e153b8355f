import { afterEach, describe, expect, it } from 'vitest'
import { createGitHubClient } from '../../src/github/client.ts'
import {
  buildLogUrl,
  createDeploymentLedger,
  findCurrent,
  findCurrentAndTarget,
  findStableBefore,
  findStableForSha,
  isReleaseStable,
  isStable,
  parseGatePayload,
  truncateDescription,
} from '../../src/ledger/deployments.ts'
import type { GatePayload, LedgerDeployment, LedgerStatus } from '../../src/ledger/deployments.ts'
import { startScriptedServer } from '../github/scripted-server.ts'
import type { Reply, Route, ScriptedServer } from '../github/scripted-server.ts'

const REPO = { owner: 'acme', repo: 'app' }
const DEPLOYMENTS = 'GET /repos/acme/app/deployments'
const STATUSES = 'GET /repos/acme/app/deployments/{id}/statuses'
const SHA_A = 'a'.repeat(40)
const SHA_B = 'b'.repeat(40)
const SHA_C = 'c'.repeat(40)

function payload(runId: number, runAttempt = 1, extra: Partial<GatePayload> = {}): GatePayload {
  return {
    version: 1,
    run_id: runId,
    run_attempt: runAttempt,
    workflow_ref: 'acme/app/.github/workflows/deploy.yml@refs/heads/main',
    job: 'deploy',
    ...extra,
  }
}

function status(state: string, minute: number): LedgerStatus {
  return { state, description: '', createdAt: `2025-01-01T00:${String(minute).padStart(2, '0')}:00Z` }
}

/** A deployment created `minute` minutes after 10:00. */
function dep(id: number, sha: string, minute: number, withPayload = true): LedgerDeployment {
  return {
    id,
    sha,
    ref: sha,
    environment: 'production',
    createdAt: `2025-01-01T10:${String(minute).padStart(2, '0')}:00Z`,
    ...(withPayload ? { payload: payload(100 + id) } : {}),
  }
}

describe('isStable', () => {
  it.each<[string, string[], boolean]>([
    ['success', ['in_progress', 'success'], true],
    ['success then inactive', ['in_progress', 'success', 'inactive'], true],
    ['success then failure', ['in_progress', 'success', 'failure'], false],
    ['success then error', ['in_progress', 'success', 'error'], false],
    ['failure then success', ['in_progress', 'failure', 'success'], true],
    ['error then success then inactive', ['error', 'success', 'inactive'], true],
    ['success then in_progress', ['success', 'in_progress'], true],
    ['only in_progress', ['in_progress'], false],
    ['only failure', ['in_progress', 'failure'], false],
    ['only inactive', ['inactive'], false],
    ['no statuses', [], false],
  ])('%s → %s', (_name, oldestFirst, expected) => {
    const newestFirst = oldestFirst.map((state, i) => status(state, i)).reverse()
    expect(isStable(newestFirst)).toBe(expected)
  })

  it('orders by createdAt, whatever order the statuses come in', () => {
    expect(isStable([status('success', 1), status('failure', 2)])).toBe(false)
    expect(isStable([status('failure', 1), status('success', 2)])).toBe(true)
  })

  it('keeps the given newest-first order for statuses of the same second', () => {
    expect(isStable([status('failure', 1), status('success', 1)])).toBe(false)
  })

  it('rolled back is final: a success after the rollback mark does not make it stable again', () => {
    const mark = { ...status('failure', 2), description: 'rolled back to abcdef1 (run 42)' }
    // in_progress → rollback mark → the still-watching gate's success (SPEC §4)
    expect(isStable([status('success', 3), mark, status('in_progress', 1)])).toBe(false)
    // a plain failure followed by success is stable (a re-run of the gate's verdict); only the mark is final
    expect(isStable([status('success', 3), status('failure', 2), status('in_progress', 1)])).toBe(true)
  })
})

describe('isReleaseStable: every record of the run attempt', () => {
  const web = { ...dep(1, SHA_A, 1), payload: payload(700, 1, { job: 'deploy-web', job_id: 71 }) }
  const ai = { ...dep(2, SHA_A, 2), payload: payload(700, 1, { job: 'deploy-ai', job_id: 72 }) }
  const other = { ...dep(3, SHA_A, 3), payload: payload(700, 2, { job: 'deploy-ai', job_id: 73 }) }
  const ok = [status('in_progress', 1), status('success', 2)].reverse()
  const bad = [status('in_progress', 1), status('failure', 2)].reverse()

  it.each<[string, Record<number, LedgerStatus[]>, boolean]>([
    ['both gates passed', { 1: ok, 2: ok, 3: bad }, true],
    ['the AI-host gate failed, the web-host gate passed later', { 1: ok, 2: bad, 3: ok }, false],
    ['the web-host gate failed', { 1: bad, 2: ok, 3: ok }, false],
  ])('%s → %s (another attempt does not count)', async (_name, byId, expected) => {
    const asked: number[] = []
    const statusesOf = (d: LedgerDeployment) => {
      asked.push(d.id)
      return byId[d.id] ?? []
    }
    expect(await isReleaseStable(ai, [web, ai, other], statusesOf)).toBe(expected)
    expect(asked.sort()).toEqual([1, 2])
  })

  it('findStableBefore skips a release whose other gate failed, whichever record is newer', async () => {
    const current = { ...dep(9, SHA_C, 30), payload: payload(900) }
    const older = { ...dep(5, SHA_B, 0), payload: payload(500) }
    const byId: Record<number, LedgerStatus[]> = { 1: ok, 2: bad, 5: ok }
    const target = await findStableBefore([current, ai, web, older], current, (d) => byId[d.id] ?? [])
    expect(target?.id).toBe(5)
  })
})

describe('findCurrent', () => {
  it('is the newest deployment carrying the payload', () => {
    const list = [dep(3, SHA_C, 3, false), dep(1, SHA_A, 1), dep(2, SHA_B, 2)]
    expect(findCurrent(list)?.id).toBe(2)
  })

  it('orders deployments created in the same second by id', () => {
    expect(findCurrent([dep(7, SHA_A, 5), dep(8, SHA_B, 5)])?.id).toBe(8)
  })

  it('is undefined when no deployment carries the payload', () => {
    expect(findCurrent([dep(1, SHA_A, 1, false)])).toBeUndefined()
    expect(findCurrent([])).toBeUndefined()
  })
})

describe('findStableBefore', () => {
  const stable = [status('success', 1)]
  const failed = [status('success', 1), status('failure', 2)].reverse()

  async function target(list: LedgerDeployment[], statuses: Record<number, LedgerStatus[]>) {
    const asked: number[] = []
    const current = findCurrent(list)!
    const found = await findStableBefore(list, current, (d) => {
      asked.push(d.id)
      return statuses[d.id] ?? []
    })
    return { found: found?.id, asked }
  }

  it('is the newest older stable deployment, asking statuses newest first and stopping there', async () => {
    const list = [dep(4, SHA_C, 4), dep(3, SHA_B, 3), dep(2, SHA_A, 2), dep(1, SHA_A, 1)]
    expect(await target(list, { 3: stable, 2: stable, 1: stable })).toEqual({ found: 3, asked: [3] })
  })

  it('never picks the current SHA, without asking for its statuses', async () => {
    const list = [dep(4, SHA_C, 4), dep(3, SHA_C, 3), dep(2, SHA_B, 2)]
    expect(await target(list, { 3: stable, 2: stable })).toEqual({ found: 2, asked: [2] })
  })

  it('skips unstable newer ones', async () => {
    const list = [dep(4, SHA_C, 4), dep(3, SHA_B, 3), dep(2, SHA_A, 2)]
    expect(await target(list, { 3: failed, 2: stable })).toEqual({ found: 2, asked: [3, 2] })
  })

  it('ignores deployments without the payload', async () => {
    const list = [dep(4, SHA_C, 4), dep(3, SHA_B, 3, false), dep(2, SHA_A, 2)]
    expect(await target(list, { 3: stable, 2: stable })).toEqual({ found: 2, asked: [2] })
  })

  it('ignores deployments newer than the current one even when given out of order', async () => {
    const current = dep(3, SHA_C, 3)
    const list = [dep(1, SHA_A, 1), dep(5, SHA_B, 5, false), current, dep(2, SHA_B, 2)]
    const found = await findStableBefore(list, current, () => stable)
    expect(found?.id).toBe(2)
  })

  it('is undefined when nothing older is stable', async () => {
    const list = [dep(3, SHA_C, 3), dep(2, SHA_B, 2), dep(1, SHA_A, 1)]
    expect(await target(list, { 2: failed })).toEqual({ found: undefined, asked: [2, 1] })
    expect(await target([dep(1, SHA_A, 1)], {})).toEqual({ found: undefined, asked: [] })
  })

  it('takes async statuses', async () => {
    const list = [dep(2, SHA_B, 2), dep(1, SHA_A, 1)]
    expect((await findStableBefore(list, list[0]!, () => Promise.resolve(stable)))?.id).toBe(1)
  })
})

describe('findStableForSha', () => {
  it('is the newest stable deployment of an abbreviated SHA', async () => {
    const list = [dep(3, SHA_B, 3), dep(2, SHA_B, 2), dep(1, SHA_A, 1)]
    const statuses: Record<number, LedgerStatus[]> = { 3: [status('failure', 1)], 2: [status('success', 1)] }
    expect((await findStableForSha(list, 'BBBBBBB', (d) => statuses[d.id] ?? []))?.id).toBe(2)
    expect(await findStableForSha(list, 'ccccccc', () => [status('success', 1)])).toBeUndefined()
  })
})

describe('truncateDescription', () => {
  it.each([
    ['short', 'stable: 9/9 checks passed', 'stable: 9/9 checks passed'],
    ['exactly 140', 'x'.repeat(140), 'x'.repeat(140)],
    ['141', 'x'.repeat(141), `${'x'.repeat(139)}…`],
    ['emoji at the cut', `${'x'.repeat(138)}🔥🔥🔥`, `${'x'.repeat(138)}🔥…`],
  ])('%s', (_name, text, expected) => {
    const cut = truncateDescription(text)
    expect(cut).toBe(expected)
    expect(Array.from(cut).length).toBeLessThanOrEqual(140)
  })
})

describe('parseGatePayload', () => {
  it.each<[string, unknown, GatePayload | undefined]>([
    ['an object', { 'deploy-gate': payload(5, 2) }, payload(5, 2)],
    [
      'a JSON string',
      JSON.stringify({ 'deploy-gate': payload(5, 2, { job_name: 'deploy (web)' }) }),
      payload(5, 2, { job_name: 'deploy (web)' }),
    ],
    ['another tool', { foo: 1 }, undefined],
    ['empty', {}, undefined],
    ['a string that is not JSON', 'hello', undefined],
    ['another version', { 'deploy-gate': { ...payload(5), version: 2 } }, undefined],
    ['no run id', { 'deploy-gate': { ...payload(5), run_id: '5' } }, undefined],
  ])('%s', (_name, raw, expected) => {
    expect(parseGatePayload(raw)).toEqual(expected)
  })
})

describe('buildLogUrl', () => {
  it('links the run attempt', () => {
    expect(buildLogUrl('https://github.com/', 'acme/app', 42, 3)).toBe(
      'https://github.com/acme/app/actions/runs/42/attempts/3',
    )
  })
})

// ---------------------------------------------------------------------------------------------------------------
// Against a scripted local server.

let server: ScriptedServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function setup(routes: Record<string, Route>) {
  server = await startScriptedServer(routes)
  const octokit = createGitHubClient({ token: 'test-token', baseUrl: server.origin, retry: { retries: 0 } })
  return { server, octokit, ledger: createDeploymentLedger(octokit, REPO) }
}

interface RawDeployment {
  id: number
  sha: string
  ref: string
  environment: string
  created_at: string
  payload: unknown
}

function raw(
  id: number,
  sha: string,
  p: unknown = { 'deploy-gate': payload(100 + id) },
  minutesAgo = 0,
): RawDeployment {
  return {
    id,
    sha,
    ref: sha,
    environment: 'production',
    created_at: new Date(Date.UTC(2025, 0, 10) - minutesAgo * 60_000).toISOString(),
    payload: p,
  }
}

/** GitHub's list endpoint over a history (newest first): filters, pages and Link headers. */
function listRoute(history: readonly RawDeployment[]): Route {
  return (req, origin) => {
    const perPage = Number(req.query.get('per_page') ?? 30)
    const page = Number(req.query.get('page') ?? 1)
    const sha = req.query.get('sha')
    const environment = req.query.get('environment')
    const matching = history.filter(
      (d) => (!sha || d.sha === sha) && (!environment || d.environment === environment),
    )
    const lastPage = Math.max(1, Math.ceil(matching.length / perPage))
    const link = (n: number, rel: string) => {
      const query = new URLSearchParams(req.query)
      query.set('page', String(n))
      return `<${origin}${req.path}?${query.toString()}>; rel="${rel}"`
    }
    const headers: Record<string, string> =
      page < lastPage ? { link: `${link(page + 1, 'next')}, ${link(lastPage, 'last')}` } : {}
    return { body: matching.slice((page - 1) * perPage, page * perPage), headers }
  }
}

describe('DeploymentLedger.findOrCreate', () => {
  const request = {
    sha: SHA_A,
    environment: 'production',
    payload: payload(555, 1),
    productionEnvironment: true,
  }

  it('reuses the deployment of the same run attempt (a step re-run)', async () => {
    const { ledger, server } = await setup({
      [DEPLOYMENTS]: listRoute([
        raw(12, SHA_A, { 'deploy-gate': payload(555, 1) }),
        raw(11, SHA_A, { 'deploy-gate': payload(554, 1) }),
      ]),
    })
    expect(await ledger.findOrCreate(request)).toMatchObject({ id: 12, reused: true })
    expect(server.count('POST /repos/acme/app/deployments')).toBe(0)
    const lookup = server.requests[0]!
    expect(Object.fromEntries(lookup.query)).toEqual({
      sha: SHA_A,
      environment: 'production',
      per_page: '100',
    })
  })

  it.each<[string, Partial<GatePayload>, Partial<GatePayload>, boolean]>([
    ['the same job_id', { job_id: 7 }, { job_id: 7 }, true],
    ['another job_id (a second gated job or matrix leg)', { job_id: 7 }, { job_id: 8 }, false],
    [
      'no job_id, the same job and job_name',
      { job_name: 'deploy (web)' },
      { job_name: 'deploy (web)' },
      true,
    ],
    [
      'no job_id, another job_name (matrix leg)',
      { job_name: 'deploy (web)' },
      { job_name: 'deploy (ai)' },
      false,
    ],
    ['no job_id, another job (two hosts)', { job: 'deploy-web' }, { job: 'deploy-ai' }, false],
  ])('one record per job of a run attempt: %s → reused %s', async (_name, existing, wanted, reused) => {
    const { ledger, server } = await setup({
      [DEPLOYMENTS]: listRoute([raw(12, SHA_A, { 'deploy-gate': payload(555, 1, existing) })]),
      'POST /repos/acme/app/deployments': { status: 201, body: { id: 13 } },
    })
    const result = await ledger.findOrCreate({ ...request, payload: payload(555, 1, wanted) })
    expect(result).toMatchObject({ id: reused ? 12 : 13, reused })
    expect(server.count('POST /repos/acme/app/deployments')).toBe(reused ? 0 : 1)
    expect(result.others.map((d) => d.id)).toEqual(reused ? [] : [12])
  })

  it('creates a new deployment for a new attempt of the same run', async () => {
    const { ledger, server } = await setup({
      [DEPLOYMENTS]: listRoute([raw(12, SHA_A, { 'deploy-gate': payload(555, 1) })]),
      'POST /repos/acme/app/deployments': { status: 201, body: { id: 13 } },
    })
    const attempt2 = {
      ...request,
      payload: payload(555, 2, { job_name: 'deploy (web)' }),
      description: 'deploy-gate',
    }
    expect(await ledger.findOrCreate(attempt2)).toMatchObject({ id: 13, reused: false })
    const post = server.requests.find((r) => r.method === 'POST')!
    expect(post.body).toEqual({
      ref: SHA_A,
      environment: 'production',
      task: 'deploy',
      auto_merge: false,
      required_contexts: [],
      production_environment: true,
      description: 'deploy-gate',
      payload: { 'deploy-gate': payload(555, 2, { job_name: 'deploy (web)' }) },
    })
  })

  it('treats a 202 (an auto-merge, no deployment) as an error', async () => {
    const { ledger } = await setup({
      [DEPLOYMENTS]: { body: [] },
      'POST /repos/acme/app/deployments': {
        status: 202,
        body: { message: 'Auto-merged main into topic branch.' },
      },
    })
    await expect(ledger.findOrCreate(request)).rejects.toThrow(
      'could not create a deployment of aaaaaaa in production: GitHub answered 202 without a deployment id (GitHub: Auto-merged main into topic branch.)',
    )
  })

  it('names deployments: write on a 403', async () => {
    const { ledger } = await setup({
      [DEPLOYMENTS]: { body: [] },
      'POST /repos/acme/app/deployments': {
        status: 403,
        body: { message: 'Resource not accessible by integration' },
      },
    })
    await expect(ledger.findOrCreate(request)).rejects.toThrow(
      'could not create a deployment of aaaaaaa in production: the workflow token lacks deployments: write; add "permissions: deployments: write" to the job',
    )
  })
})

describe('DeploymentLedger.setStatus', () => {
  it('posts the status with a description cut to 140 characters', async () => {
    const { ledger, server } = await setup({
      'POST /repos/acme/app/deployments/{id}/statuses': { status: 201, body: { id: 1 } },
    })
    await ledger.setStatus(7, {
      state: 'failure',
      description: `failed: ${'vram 96.3% > 95% on gpu="0"; '.repeat(10)}`,
      logUrl: 'https://github.com/acme/app/actions/runs/1/attempts/1',
      environmentUrl: 'https://app.example.com',
      autoInactive: true,
    })
    await ledger.setStatus(7, { state: 'in_progress' })
    const [first, second] = server.requests
    expect(first!.path).toBe('/repos/acme/app/deployments/7/statuses')
    const body = first!.body as Record<string, unknown>
    expect(body).toMatchObject({
      state: 'failure',
      log_url: 'https://github.com/acme/app/actions/runs/1/attempts/1',
      environment_url: 'https://app.example.com',
      auto_inactive: true,
    })
    expect(Array.from(body['description'] as string)).toHaveLength(140)
    expect(body['description']).toMatch(/^failed: vram.*…$/)
    expect(second!.body).toEqual({ state: 'in_progress' })
  })
})

describe('DeploymentLedger reading', () => {
  /** 5,000 deployments, newest first; every 10th made by another tool (no payload). */
  const history = Array.from({ length: 5000 }, (_, i) => {
    const id = 5000 - i
    return raw(
      id,
      id % 2 ? SHA_A : SHA_B,
      id % 10 === 0 ? { other: true } : { 'deploy-gate': payload(id) },
      i,
    )
  })

  /** Every page `pages` yields, in order (what the rollback's selection reads lazily). */
  async function allPages(pages: AsyncIterable<readonly LedgerDeployment[]>): Promise<LedgerDeployment[]> {
    const all: LedgerDeployment[] = []
    for await (const page of pages) all.push(...page)
    return all
  }

  it('lists newest first, 100 a page, stopping after 5 pages', async () => {
    const { ledger, server } = await setup({ [DEPLOYMENTS]: listRoute(history) })
    const list = await allPages(ledger.pages('production'))
    expect(list).toHaveLength(500)
    expect(list[0]).toMatchObject({ id: 5000, sha: SHA_B, environment: 'production' })
    expect(list[0]!.payload).toBeUndefined()
    expect(list[1]!.payload).toEqual(payload(4999))
    expect(server.count(DEPLOYMENTS)).toBe(5)
    expect(server.requests.map((r) => r.query.get('page'))).toEqual([null, '2', '3', '4', '5'])
    expect(
      server.requests.every(
        (r) => r.query.get('per_page') === '100' && r.query.get('environment') === 'production',
      ),
    ).toBe(true)
  })

  it('stops when GitHub has no more pages', async () => {
    const { ledger, server } = await setup({ [DEPLOYMENTS]: listRoute(history.slice(0, 150)) })
    expect(await allPages(ledger.pages('production', { maxPages: 5 }))).toHaveLength(150)
    expect(server.count(DEPLOYMENTS)).toBe(2)
  })

  it('maps statuses newest first', async () => {
    const { ledger } = await setup({
      [STATUSES]: {
        body: [
          {
            id: 2,
            state: 'success',
            description: 'stable: 9/9 checks passed',
            created_at: '2025-01-01T00:02:00Z',
            log_url: 'https://x/log',
            environment_url: '',
          },
          {
            id: 1,
            state: 'in_progress',
            description: null,
            created_at: '2025-01-01T00:01:00Z',
            log_url: '',
            environment_url: '',
          },
        ],
      },
    })
    expect(await ledger.statuses(9)).toEqual([
      {
        state: 'success',
        description: 'stable: 9/9 checks passed',
        createdAt: '2025-01-01T00:02:00Z',
        logUrl: 'https://x/log',
      },
      { state: 'in_progress', description: '', createdAt: '2025-01-01T00:01:00Z' },
    ])
  })

  function statusRoute(stableIds: ReadonlySet<number>): Route {
    return (req): Reply => {
      const id = Number(req.path.split('/')[5])
      const state = stableIds.has(id) ? 'success' : 'failure'
      return { body: [{ id: 1, state, description: '', created_at: '2025-01-01T00:00:00Z' }] }
    }
  }

  it('finds current and target from one page and one status request', async () => {
    const { ledger, server } = await setup({
      [DEPLOYMENTS]: listRoute(history),
      [STATUSES]: statusRoute(new Set([4998, 4997])),
    })
    const { current, target } = await findCurrentAndTarget(ledger, 'production')
    expect(current?.id).toBe(4999)
    expect(target?.id).toBe(4998)
    expect(server.requests.map((r) => r.path)).toEqual([
      '/repos/acme/app/deployments',
      '/repos/acme/app/deployments/4998/statuses',
    ])
  })

  it('reads the next page only when the first holds no target', async () => {
    const { ledger, server } = await setup({
      [DEPLOYMENTS]: listRoute(history),
      [STATUSES]: statusRoute(new Set([4852])),
    })
    const { current, target } = await findCurrentAndTarget(ledger, 'production')
    expect(current?.id).toBe(4999)
    expect(target?.id).toBe(4852)
    expect(server.count(DEPLOYMENTS)).toBe(2)
  })

  it('gives up after maxPages without a target', async () => {
    const { ledger, server } = await setup({
      [DEPLOYMENTS]: listRoute(history.slice(0, 400)),
      [STATUSES]: statusRoute(new Set([4650])), // stable, but carries no payload
    })
    const { current, target } = await findCurrentAndTarget(ledger, 'production', { maxPages: 3 })
    expect(current?.id).toBe(4999)
    expect(target).toBeUndefined()
    expect(server.count(DEPLOYMENTS)).toBe(3)
    // Only deployments with the payload and another SHA than the current one are asked about.
    expect(server.count(STATUSES)).toBe(120) // even ids of 5000…4701 not divisible by 10
  })

  it('has no current when no deployment carries the payload', async () => {
    const { ledger } = await setup({ [DEPLOYMENTS]: listRoute([raw(2, SHA_B, {}), raw(1, SHA_A, 'x')]) })
    expect(await findCurrentAndTarget(ledger, 'production')).toEqual({})
  })
})
