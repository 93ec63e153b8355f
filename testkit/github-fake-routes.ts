/**
 * The endpoints the GitHub fake implements, keyed by `METHOD /openapi/path/template`. Each handler reads the request
 * (already checked against the OpenAPI description) and answers as GitHub does, including its refusals.
 */
import * as api from './github-fake-objects.ts'
import type { ApiContext } from './github-fake-objects.ts'
import type {
  AnnotationRecord,
  Conclusion,
  DeploymentState,
  RunRecord,
  RunStatus,
} from './github-fake-state.ts'
import { isoTime } from './github-fake-state.ts'

/** Bodies are checked against the OpenAPI schema before a handler runs, so handlers read them loosely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = any

export interface RouteRequest {
  readonly method: string
  /** Concrete path, without the query. */
  readonly path: string
  readonly template: string
  readonly params: Readonly<Record<string, string>>
  readonly query: URLSearchParams
  /** Parsed JSON body (undefined when empty). Shapes are checked before the handler runs. */
  readonly body: Body
}

export interface RouteResponse {
  readonly status: number
  /** JSON body; undefined sends no body. */
  readonly body?: unknown
  readonly headers?: Readonly<Record<string, string>>
  /** A problem with the request that GitHub would refuse and the caller should never send (recorded as a violation). */
  readonly violation?: string
}

type Handler = (req: RouteRequest, ctx: ApiContext) => RouteResponse

const R = '/repos/{owner}/{repo}'

export function notFound(): RouteResponse {
  return { status: 404, body: api.apiError(404, 'Not Found') }
}

function unprocessable(message: string, violation?: string): RouteResponse {
  return { status: 422, body: api.apiError(422, message), ...(violation ? { violation } : {}) }
}

function int(s: string | undefined): number {
  return s !== undefined && /^\d+$/.test(s) ? Number(s) : NaN
}

/** One page of `items` (GitHub: `per_page` default 30, at most 100) and its `Link` header. */
function paginate<T>(
  items: readonly T[],
  req: RouteRequest,
  ctx: ApiContext,
): { items: T[]; headers: Record<string, string> } {
  const perPage = Math.min(100, Math.max(1, int(req.query.get('per_page') ?? '30') || 30))
  const pageNo = Math.max(1, int(req.query.get('page') ?? '1') || 1)
  const last = Math.max(1, Math.ceil(items.length / perPage))
  const link = (n: number, rel: string): string => {
    const q = new URLSearchParams(req.query)
    q.set('page', String(n))
    return `<${ctx.apiUrl}${req.path}?${q.toString()}>; rel="${rel}"`
  }
  const links: string[] = []
  if (pageNo > 1) links.push(link(Math.min(pageNo - 1, last), 'prev'))
  if (pageNo < last) links.push(link(pageNo + 1, 'next'), link(last, 'last'))
  if (pageNo > 1) links.push(link(1, 'first'))
  const headers: Record<string, string> = links.length > 0 ? { link: links.join(', ') } : {}
  return { items: items.slice((pageNo - 1) * perPage, pageNo * perPage), headers }
}

function newestFirst<T extends { created_at: string; id: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id)
}

function runOf(req: RouteRequest, ctx: ApiContext): RunRecord | undefined {
  return ctx.state.run(int(req.params['run_id']))
}

function attemptOf(run: RunRecord, req: RouteRequest): RunRecord['attempts'][number] | undefined {
  return run.attempts.find((a) => a.run_attempt === int(req.params['attempt_number']))
}

function listJobs(
  req: RouteRequest,
  ctx: ApiContext,
  run: RunRecord,
  jobs: RunRecord['attempts'][number]['jobs'],
): RouteResponse {
  const page = paginate(jobs, req, ctx)
  return {
    status: 200,
    body: { total_count: jobs.length, jobs: page.items.map((j) => api.job(ctx, run, j)) },
    headers: page.headers,
  }
}

function annotationsOf(body: Body): AnnotationRecord[] {
  return Array.isArray(body?.output?.annotations) ? (body.output.annotations as AnnotationRecord[]) : []
}

/** Request shapes, including GitHub's limit of 50 annotations per request, are checked before a handler runs. */
export const routes: Record<string, Handler> = {
  [`GET ${R}`]: (_req, ctx) => ({ status: 200, body: api.fullRepository(ctx) }),

  [`POST ${R}/deployments`]: (req, ctx) => {
    const b = req.body ?? {}
    const sha = ctx.state.resolveRef(String(b.ref))
    if (!sha) return unprocessable(`No ref found for: ${String(b.ref)}`)
    let payload = b.payload ?? {}
    if (typeof payload === 'string') {
      try {
        payload = JSON.parse(payload)
      } catch {
        // GitHub keeps a payload that is not JSON as the string it got
      }
    }
    const d = ctx.state.addDeployment({
      sha,
      ref: b.ref,
      task: b.task,
      payload,
      environment: b.environment,
      description: b.description,
      transient_environment: b.transient_environment,
      production_environment: b.production_environment,
      auto_merge: b.auto_merge,
      required_contexts: b.required_contexts,
    })
    return { status: 201, body: api.deployment(ctx, d) }
  },

  [`GET ${R}/deployments`]: (req, ctx) => {
    const q = req.query
    const matches = ctx.state.deployments.filter(
      (d) =>
        (!q.has('sha') || d.sha === q.get('sha')) &&
        (!q.has('ref') || d.ref === q.get('ref')) &&
        (!q.has('task') || d.task === q.get('task')) &&
        (!q.has('environment') || d.environment === q.get('environment')),
    )
    const page = paginate(newestFirst(matches), req, ctx)
    return { status: 200, body: page.items.map((d) => api.deployment(ctx, d)), headers: page.headers }
  },

  [`GET ${R}/deployments/{deployment_id}`]: (req, ctx) => {
    const d = ctx.state.deployment(int(req.params['deployment_id']))
    return d ? { status: 200, body: api.deployment(ctx, d) } : notFound()
  },

  [`POST ${R}/deployments/{deployment_id}/statuses`]: (req, ctx) => {
    const d = ctx.state.deployment(int(req.params['deployment_id']))
    if (!d) return notFound()
    const b = req.body ?? {}
    if (typeof b.description === 'string' && b.description.length > 140) {
      const n = b.description.length
      return unprocessable(
        'Validation Failed',
        `status description is ${n} characters; GitHub allows at most 140`,
      )
    }
    const s = ctx.state.addDeploymentStatus(d.id, {
      state: b.state as DeploymentState,
      description: b.description,
      environment: b.environment,
      log_url: b.log_url ?? b.target_url,
      environment_url: b.environment_url,
      auto_inactive: b.auto_inactive,
    })
    const body = api.deploymentStatus(ctx, d, s)
    return { status: 201, body, headers: { location: String(body['url']) } }
  },

  [`GET ${R}/deployments/{deployment_id}/statuses`]: (req, ctx) => {
    const d = ctx.state.deployment(int(req.params['deployment_id']))
    if (!d) return notFound()
    const page = paginate(newestFirst(d.statuses), req, ctx)
    return {
      status: 200,
      body: page.items.map((s) => api.deploymentStatus(ctx, d, s)),
      headers: page.headers,
    }
  },

  [`GET ${R}/actions/workflows/{workflow_id}`]: (req, ctx) => {
    const w = ctx.state.workflow(req.params['workflow_id'] ?? '')
    return w ? { status: 200, body: api.workflow(ctx, w) } : notFound()
  },

  [`GET ${R}/actions/workflows/{workflow_id}/runs`]: (req, ctx) => {
    const w = ctx.state.workflow(req.params['workflow_id'] ?? '')
    if (!w) return notFound()
    const unsupported = ['created', 'check_suite_id'].filter((k) => req.query.has(k))
    if (unsupported.length > 0) {
      return {
        status: 501,
        body: api.apiError(501, 'Not implemented'),
        violation: `github-fake does not implement the ${unsupported.join(', ')} filter`,
      }
    }
    const q = req.query
    const matches = ctx.state.runs.filter((r) => {
      const a = ctx.state.latestAttempt(r)
      const status = q.get('status')
      return (
        r.workflow_id === w.id &&
        (!q.has('branch') || r.head_branch === q.get('branch')) &&
        (!q.has('event') || r.event === q.get('event')) &&
        (!q.has('actor') || r.actor === q.get('actor')) &&
        (!q.has('head_sha') || r.head_sha === q.get('head_sha')) &&
        (status === null || a.status === status || a.conclusion === status)
      )
    })
    const page = paginate(newestFirst(matches), req, ctx)
    const runs = page.items.map((r) => api.workflowRun(ctx, r, ctx.state.latestAttempt(r)))
    return { status: 200, body: { total_count: matches.length, workflow_runs: runs }, headers: page.headers }
  },

  [`GET ${R}/actions/runs/{run_id}`]: (req, ctx) => {
    const run = runOf(req, ctx)
    if (!run) return notFound()
    ctx.state.poll(run)
    return { status: 200, body: api.workflowRun(ctx, run, ctx.state.latestAttempt(run)) }
  },

  [`GET ${R}/actions/runs/{run_id}/attempts/{attempt_number}`]: (req, ctx) => {
    const run = runOf(req, ctx)
    if (run && attemptOf(run, req) === ctx.state.latestAttempt(run)) ctx.state.poll(run)
    const attempt = run && attemptOf(run, req)
    return run && attempt ? { status: 200, body: api.workflowRun(ctx, run, attempt) } : notFound()
  },

  [`GET ${R}/actions/runs/{run_id}/jobs`]: (req, ctx) => {
    const run = runOf(req, ctx)
    if (!run) return notFound()
    if (req.query.get('filter') !== 'all') return listJobs(req, ctx, run, ctx.state.latestAttempt(run).jobs)
    const seen = new Set<number>()
    const all = run.attempts.flatMap((a) => a.jobs).filter((j) => !seen.has(j.id) && seen.add(j.id))
    return listJobs(req, ctx, run, all)
  },

  [`GET ${R}/actions/runs/{run_id}/attempts/{attempt_number}/jobs`]: (req, ctx) => {
    const run = runOf(req, ctx)
    const attempt = run && attemptOf(run, req)
    return run && attempt ? listJobs(req, ctx, run, attempt.jobs) : notFound()
  },

  [`GET ${R}/actions/jobs/{job_id}`]: (req, ctx) => {
    const found = ctx.state.job(int(req.params['job_id']))
    return found ? { status: 200, body: api.job(ctx, found.run, found.job) } : notFound()
  },

  [`GET ${R}/actions/runs/{run_id}/artifacts`]: (req, ctx) => {
    const run = runOf(req, ctx)
    if (!run) return notFound()
    const name = req.query.get('name')
    const matches = newestFirst(run.artifacts.filter((a) => name === null || a.name === name))
    if (req.query.get('direction') === 'asc') matches.reverse()
    const page = paginate(matches, req, ctx)
    const artifacts = page.items.map((a) => api.artifact(ctx, run, a))
    return { status: 200, body: { total_count: matches.length, artifacts }, headers: page.headers }
  },

  [`POST ${R}/actions/runs/{run_id}/rerun`]: (req, ctx) => {
    const run = runOf(req, ctx)
    if (!run) return notFound()
    const refusal = ctx.state.rerunRefusal(run)
    if (refusal) return { status: 403, body: api.apiError(403, refusal) }
    ctx.state.rerun(run)
    return { status: 201, body: {} }
  },

  [`POST ${R}/actions/jobs/{job_id}/rerun`]: (req, ctx) => {
    const found = ctx.state.job(int(req.params['job_id']))
    if (!found) return notFound()
    const refusal = ctx.state.rerunRefusal(found.run, found.job)
    if (refusal) return { status: 403, body: api.apiError(403, refusal) }
    if (!found.inLatest)
      return { status: 403, body: api.apiError(403, 'This job is not part of the latest run attempt') }
    ctx.state.rerun(found.run, found.job.id)
    return { status: 201, body: {} }
  },

  [`POST ${R}/actions/workflows/{workflow_id}/dispatches`]: (req, ctx) => {
    const w = ctx.state.workflow(req.params['workflow_id'] ?? '')
    if (!w) return notFound()
    const b = req.body ?? {}
    if (ctx.state.rejectsReturnRunDetails && 'return_run_details' in b)
      return unprocessable('Invalid request.\n\n"return_run_details" is not a permitted key.')
    if (w.state !== 'active')
      return unprocessable("Cannot trigger a 'workflow_dispatch' on a disabled workflow")
    const sha = ctx.state.branches.get(String(b.ref).replace(/^refs\/(heads|tags)\//, ''))
    if (!sha) return unprocessable(`No ref found for: ${String(b.ref)}`)
    const inputs = (b.inputs ?? {}) as Record<string, unknown>
    const unexpected = w.inputs ? Object.keys(inputs).filter((k) => !w.inputs!.includes(k)) : []
    if (unexpected.length > 0)
      return unprocessable(`Unexpected inputs provided: ${JSON.stringify(unexpected)}`)
    const run = ctx.state.dispatch(w, String(b.ref), sha, inputs)
    if (b.return_run_details !== true) return { status: 204 }
    const runUrl = `${ctx.apiUrl}/repos/${ctx.state.owner}/${ctx.state.repo}/actions/runs/${run.id}`
    const htmlUrl = `${ctx.serverUrl}/${ctx.state.owner}/${ctx.state.repo}/actions/runs/${run.id}`
    return { status: 200, body: { workflow_run_id: run.id, run_url: runUrl, html_url: htmlUrl } }
  },

  [`POST ${R}/check-runs`]: (req, ctx) => {
    const b = req.body ?? {}
    const annotations = annotationsOf(b)
    const status: RunStatus = b.conclusion ? 'completed' : (b.status ?? 'queued')
    if (status === 'completed' && !b.conclusion)
      return unprocessable('Validation Failed', 'a completed check run needs a conclusion')
    const now = isoTime(ctx.state.now())
    const c = ctx.state.addCheckRun({
      name: b.name,
      head_sha: b.head_sha,
      status,
      conclusion: (b.conclusion as Conclusion | undefined) ?? null,
      started_at: b.started_at ?? now,
      completed_at: status === 'completed' ? (b.completed_at ?? now) : null,
      details_url: b.details_url ?? null,
      external_id: b.external_id ?? null,
      output: {
        title: b.output?.title ?? null,
        summary: b.output?.summary ?? null,
        text: b.output?.text ?? null,
        annotations: [...annotations],
      },
    })
    return { status: 201, body: api.checkRun(ctx, c) }
  },

  [`GET ${R}/check-runs/{check_run_id}`]: (req, ctx) => {
    const c = ctx.state.checkRun(int(req.params['check_run_id']))
    return c ? { status: 200, body: api.checkRun(ctx, c) } : notFound()
  },

  [`PATCH ${R}/check-runs/{check_run_id}`]: (req, ctx) => {
    const c = ctx.state.checkRun(int(req.params['check_run_id']))
    if (!c) return notFound()
    const b = req.body ?? {}
    const annotations = annotationsOf(b)
    const now = isoTime(ctx.state.now())
    for (const k of ['name', 'details_url', 'external_id', 'started_at'] as const)
      if (b[k] !== undefined) c[k] = b[k]
    if (b.status !== undefined) c.status = b.status
    if (b.conclusion !== undefined) {
      c.conclusion = b.conclusion
      c.status = 'completed'
    }
    if (c.status === 'completed') c.completed_at = b.completed_at ?? c.completed_at ?? now
    if (b.output) {
      for (const k of ['title', 'summary', 'text'] as const)
        if (b.output[k] !== undefined) c.output[k] = b.output[k]
      c.output.annotations.push(...annotations)
    }
    return { status: 200, body: api.checkRun(ctx, c) }
  },
}
