/**
 * A stateful fake of GitHub's REST API for one repository, on 127.0.0.1 (port 0), checked against GitHub's OpenAPI
 * description: every request and every response is validated, and what does not conform is collected in `violations`
 * (call `assertNoViolations()` in `afterEach`). See github-fake-routes.ts for the endpoints, github-fake-state.ts for
 * the state and its seeding helpers.
 *
 *   const fake = await startGitHubFake()
 *   const octokit = getOctokit('t', { baseUrl: fake.url })
 *   fake.state.addRun({ jobs: ['build', 'deploy'], artifacts: ['dist'] })
 *   fake.setFault({ method: 'POST', path: '/repos/{owner}/{repo}/deployments' }, [{ status: 502 }, { status: 502 }])
 */
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import type { ApiContext } from './github-fake-objects.ts'
import { apiError } from './github-fake-objects.ts'
import { notFound, routes, type RouteResponse } from './github-fake-routes.ts'
import { GitHubState, type AutoComplete, type Conclusion } from './github-fake-state.ts'
import { checkRequest, isDocumentedStatus, matchOperation, validateResponse } from './openapi.ts'

export interface GitHubFakeOptions {
  /** `owner/repo` served. Default `owner/repo`. */
  readonly repository?: string
  readonly defaultBranch?: string
  /** When set, only this token is accepted (401 `Bad credentials` otherwise); any token when unset. */
  readonly token?: string
  /** Delay before answering every request (benchmarks). */
  readonly latencyMs?: number
  /** Runs re-run or dispatched from now on go queued → in_progress → completed as they are polled. */
  readonly autoComplete?: AutoComplete
  /** Clock for timestamps, artifact expiry and the month re-run limit. Default: real time. */
  readonly now?: () => Date
  /**
   * Behave as a GitHub Enterprise Server without `return_run_details`: a dispatch body carrying it is refused with
   * 422 `"return_run_details" is not a permitted key.` (as GitHub refuses any body key it does not know).
   */
  readonly ghes?: boolean
}

export interface FaultMatcher {
  /** Any method when unset. */
  readonly method?: string
  /** A RegExp tested on the concrete path, an OpenAPI-style template (`/repos/{owner}/{repo}/deployments`) or a path. */
  readonly path: RegExp | string
}

export interface FaultResponse {
  /** Unset: only delay (`delayMs`), then handle the request normally. */
  readonly status?: number
  /** Default for an error status: GitHub's error body with a fitting message. */
  readonly body?: unknown
  readonly headers?: Readonly<Record<string, string>>
  readonly delayMs?: number
  /**
   * Destroy the connection instead of answering (after `delayMs`): a network error in the middle of the request.
   * Logged with status 0; nothing is handled.
   */
  readonly destroy?: boolean
  /**
   * Handle the request first — the write happens, as when GitHub accepted it — and only then answer with `status`
   * (e.g. 502 from a proxy) or drop the connection (`destroy`): the client cannot tell whether it was accepted.
   */
  readonly afterHandling?: boolean
}

export interface RequestLogEntry {
  readonly method: string
  readonly path: string
  readonly query: Readonly<Record<string, string>>
  readonly body: unknown
  /** 0 when the connection was destroyed without an answer (`FaultResponse.destroy`). */
  readonly status: number
  /** Epoch milliseconds when the request arrived. */
  readonly at: number
  /** The OpenAPI template it matched, when it matched one. */
  readonly template: string | undefined
  /** Answered from the fault queue. */
  readonly injected: boolean
}

export interface RequestFilter {
  readonly method?: string | readonly string[]
  readonly path?: RegExp | string
}

export interface GitHubFake {
  /** Base URL, e.g. `http://127.0.0.1:41234`; pass as `baseUrl` / `GITHUB_API_URL`. */
  readonly url: string
  readonly state: GitHubState
  readonly requests: RequestLogEntry[]
  readonly violations: string[]
  /** Injected error answers, and the fake's own GitHub-like refusals that the description does not list. */
  readonly undocumented: string[]
  /** Answer the next matching requests from `responses`, in order, before normal handling. */
  setFault(matcher: FaultMatcher, responses: readonly FaultResponse[]): void
  clearFaults(): void
  setAutoComplete(autoComplete: AutoComplete | undefined): void
  /** The run's latest attempt becomes `completed` with `conclusion` (default `success`). */
  completeRun(runId: number, conclusion?: Conclusion): void
  /** The run's latest attempt becomes `in_progress`. */
  startRun(runId: number): void
  /** Requests logged so far, optionally by method (`'POST'`, `['POST', 'PATCH']`) and path (as in `FaultMatcher`). */
  countRequests(filter?: RequestFilter | string): number
  /** Throws, listing them, when any request or response did not conform to GitHub's description. */
  assertNoViolations(): void
  close(): Promise<void>
}

const DEFAULT_MESSAGES: Record<number, string> = {
  401: 'Bad credentials',
  403: 'Resource not accessible by integration',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Validation Failed',
  429: 'API rate limit exceeded',
  500: 'Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
}

function pathMatcher(p: RegExp | string): (path: string) => boolean {
  if (p instanceof RegExp) return (path) => p.test(path)
  if (!p.includes('{')) return (path) => path === p
  const source = p
    .split(/\{\w+\}/)
    .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]+')
  const re = new RegExp(`^${source}$`)
  return (path) => re.test(path)
}

function methodMatches(want: string | readonly string[] | undefined, method: string): boolean {
  if (want === undefined) return true
  return (typeof want === 'string' ? [want] : want).some((m) => m.toUpperCase() === method)
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export async function startGitHubFake(opts: GitHubFakeOptions = {}): Promise<GitHubFake> {
  const [owner = 'owner', repo = 'repo'] = (opts.repository ?? 'owner/repo').split('/')
  const state = new GitHubState({
    owner,
    repo,
    defaultBranch: opts.defaultBranch ?? 'main',
    now: opts.now ?? (() => new Date()),
    ...(opts.autoComplete ? { autoComplete: opts.autoComplete } : {}),
  })
  if (opts.ghes) state.rejectsReturnRunDetails = true
  const requests: RequestLogEntry[] = []
  const violations: string[] = []
  const undocumented: string[] = []
  const faults: { match: (method: string, path: string) => boolean; queue: FaultResponse[] }[] = []
  let closed = false
  const ctx: { -readonly [K in keyof ApiContext]: ApiContext[K] } = {
    apiUrl: '',
    serverUrl: 'https://github.com',
    state,
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now()
    const raw = await readBody(req)
    if (opts.latencyMs) await sleep(opts.latencyMs)
    const method = (req.method ?? 'GET').toUpperCase()
    const url = new URL(req.url ?? '/', 'http://fake')
    const path = url.pathname
    const label = `${method} ${path}`
    const op = matchOperation(method, path)
    let body: unknown = undefined
    let injected = false
    let bodyError = false
    if (raw !== '') {
      try {
        body = JSON.parse(raw)
      } catch {
        bodyError = true
        violations.push(`${label}: request body is not JSON: ${raw.slice(0, 80)}`)
      }
    }

    const send = (r: RouteResponse): void => {
      if (r.violation) violations.push(`${label}: ${r.violation}`)
      if (op) {
        const documented = isDocumentedStatus(method, op.template, r.status)
        if (documented) {
          for (const v of validateResponse(method, op.template, r.status, r.body))
            violations.push(`${label} → ${r.status}: ${v}`)
        } else if (injected || r.status >= 400) {
          undocumented.push(`${label} → ${r.status}${injected ? ' (injected)' : ''}`)
        } else {
          violations.push(`${label} → ${r.status}: status not documented for ${method} ${op.template}`)
        }
      }
      requests.push({
        method,
        path,
        query: Object.fromEntries(url.searchParams),
        body,
        status: r.status,
        at,
        template: op?.template,
        injected,
      })
      if (closed) return
      const headers: Record<string, string> = {
        'x-github-request-id': randomUUID().toUpperCase().slice(0, 23),
        'x-github-api-version-selected': '2022-11-28',
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': String(Math.max(1, 4999 - requests.length)),
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
        'x-ratelimit-used': String(requests.length),
        'x-ratelimit-resource': 'core',
        ...(r.body !== undefined ? { 'content-type': 'application/json; charset=utf-8' } : {}),
        ...r.headers,
      }
      res.writeHead(r.status, headers)
      res.end(r.body !== undefined ? JSON.stringify(r.body) : undefined)
    }

    const auth = req.headers.authorization ?? ''
    const token = /^(?:token|bearer)\s+(\S+)$/i.exec(auth)?.[1]
    const problems = bodyError ? [] : checkRequest(method, path, url.searchParams, body)
    for (const p of problems) violations.push(`${label}: ${p.message}`)

    if (!token) return send({ status: 401, body: apiError(401, 'Requires authentication') })
    if (opts.token !== undefined && token !== opts.token)
      return send({ status: 401, body: apiError(401, 'Bad credentials') })

    const fault = faults.find((f) => f.queue.length > 0 && f.match(method, path))
    const queued = fault?.queue.shift()
    const late = queued?.afterHandling ? queued : undefined
    const next = late ? undefined : queued
    if (queued?.delayMs) await sleep(queued.delayMs)
    if (next?.destroy) {
      const entry = { method, path, query: Object.fromEntries(url.searchParams), body, status: 0, at }
      requests.push({ ...entry, template: op?.template, injected: true })
      req.socket.destroy()
      return
    }
    if (next?.status !== undefined) {
      injected = true
      const status = next.status
      const errorBody = status >= 400 ? apiError(status, DEFAULT_MESSAGES[status] ?? 'Error') : undefined
      return send({
        status,
        body: next.body ?? errorBody,
        ...(next.headers ? { headers: next.headers } : {}),
      })
    }

    if (bodyError) return send({ status: 400, body: apiError(400, 'Problems parsing JSON') })
    if (!op) return send(notFound())
    const p = op.pathParams
    if (
      p['owner'] !== undefined &&
      `${p['owner']}/${p['repo']}`.toLowerCase() !== `${owner}/${repo}`.toLowerCase()
    ) {
      violations.push(`${label}: the fake serves ${owner}/${repo}, not ${p['owner']}/${p['repo']}`)
      return send(notFound())
    }
    const handler = routes[`${method} ${op.template}`]
    if (!handler) {
      violations.push(`${label}: ${method} ${op.template} is not implemented by the GitHub fake`)
      return send(notFound())
    }
    const bodyProblems = problems.filter((x) => x.where === 'body')
    if (bodyProblems.length > 0) {
      return send({
        status: 422,
        body: apiError(422, `Invalid request.\n\n${bodyProblems.map((x) => x.message).join('\n')}`),
      })
    }
    const handled = handler(
      { method, path, template: op.template, params: p, query: url.searchParams, body },
      ctx,
    )
    if (!late) return send(handled)
    // The write happened; the answer is lost or replaced.
    injected = true
    if (late.destroy) {
      const entry = { method, path, query: Object.fromEntries(url.searchParams), body, status: 0, at }
      requests.push({ ...entry, template: op.template, injected: true })
      req.socket.destroy()
      return
    }
    const status = late.status ?? 502
    send({ status, body: late.body ?? apiError(status, DEFAULT_MESSAGES[status] ?? 'Error') })
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      violations.push(
        `github-fake crashed on ${req.method} ${req.url}: ${err instanceof Error ? err.stack : String(err)}`,
      )
      if (!res.headersSent && !closed) res.writeHead(500, { 'content-type': 'application/json' })
      res.end(JSON.stringify(apiError(500, 'Server Error')))
    })
  })
  server.keepAliveTimeout = 1000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  ctx.apiUrl = url

  return {
    url,
    state,
    requests,
    violations,
    undocumented,
    setFault(matcher, responses) {
      const matchPath = pathMatcher(matcher.path)
      faults.push({
        match: (m, p) => methodMatches(matcher.method, m) && matchPath(p),
        queue: [...responses],
      })
    },
    clearFaults() {
      faults.length = 0
    },
    setAutoComplete(autoComplete) {
      state.autoComplete = autoComplete
    },
    completeRun(runId, conclusion = 'success') {
      state.completeRun(runId, conclusion)
    },
    startRun(runId) {
      state.startRun(runId)
    },
    countRequests(filter = {}) {
      const f: RequestFilter = typeof filter === 'string' ? { method: filter } : filter
      const matchPath = f.path === undefined ? () => true : pathMatcher(f.path)
      return requests.filter((r) => methodMatches(f.method, r.method) && matchPath(r.path)).length
    },
    assertNoViolations() {
      if (violations.length === 0) return
      throw new Error(
        `GitHub fake: ${violations.length} violation(s) of GitHub's REST API description:\n - ${violations.join('\n - ')}`,
      )
    },
    async close() {
      closed = true
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

export type { AutoComplete, Conclusion } from './github-fake-state.ts'
export { fakeSha, isoTime } from './github-fake-state.ts'
