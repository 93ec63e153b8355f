/**
 * The row runner of the fault matrix's config, Prometheus and HTTP-health rows (issue #6): each row is one fault or
 * bad input, run through dist/index.js as the GitHub runner runs it (main, then post), with the OpenAPI-checked
 * GitHub fake recording (`record` left at its default `true`, `GITHUB_EVENT_NAME=push`).
 *
 * Every row is checked for the same things: exit code, `verdict` output (or none), the `::error::` annotations that
 * name what is wrong, what was recorded (nothing — no GitHub request at all and no request to Prometheus or a health
 * URL — before the config is valid; otherwise exactly `in_progress` → final status, never a dangling `in_progress`
 * after the post step), and that no secret — a Prometheus token, a password and a header value, all three given in
 * every row — appears in stdout (apart from `::add-mask::`), stderr, summary, outputs, state, the report, any file
 * under RUNNER_TEMP or any request recorded by the GitHub fake.
 *
 * Misbehaving servers: one `FaultServers` per test file listens on three origins (plain HTTP, a second plain HTTP
 * origin for cross-origin redirects, HTTPS with a certificate of a CA made here with openssl) and hands every request
 * under `/<row id>/` to that row's `serve` handler; `/<row id>/_healthy` always answers 200 (the default health URL).
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { expect } from 'vitest'
import { startGitHubFake, type GitHubFake } from '../../testkit/github-fake.ts'
import type { ActionResult, Annotation, StepResult } from '../../testkit/runner.ts'
import { runAction } from '../../testkit/runner.ts'
import {
  CONFIG_PATH,
  FAULT_SECRETS,
  type AreaDefaults,
  type FaultRow,
  type GateReport,
  type Inputs,
  type Origin,
  type ReceivedRequest,
  type RowContext,
  type RowRun,
} from './matrix-a-table.ts'
import { makeTestCa, type TestCa } from '../../testkit/test-ca.ts'

// ---------------------------------------------------------------------------------------------------------------
// Servers

export interface FaultServers {
  readonly origins: Readonly<Record<Origin, string>>
  readonly ca: TestCa
  /** Origin with nothing listening (a port that was free a moment ago). */
  readonly closedOrigin: string
  /** Requests under `/<id>/` so far. */
  requests(id: string): readonly ReceivedRequest[]
  close(): Promise<void>
}

/** Starts the three origins and routes `/<row id>/…` to the rows' handlers. */
export async function startFaultServers(rows: readonly FaultRow[]): Promise<FaultServers> {
  const byId = new Map(rows.map((row) => [row.id, row]))
  if (byId.size !== rows.length) throw new Error('row ids must be unique')
  const received = new Map<string, ReceivedRequest[]>()
  const hits = new Map<string, number>()
  const ca = makeTestCa()

  const handle = (origin: Origin) => (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://faults')
    const [, id = '', ...rest] = url.pathname.split('/')
    const path = `/${rest.join('/')}`
    const list = received.get(id) ?? []
    list.push({ origin, method: req.method ?? '', path, headers: req.headers })
    received.set(id, list)
    if (path === '/_healthy') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"UP"}')
      return
    }
    const row = byId.get(id)
    const hit = (hits.get(id) ?? 0) + 1
    hits.set(id, hit)
    if (row?.serve) row.serve(req, res, { hit, origin, path, ctx: contextFor(row, self) })
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('404 page not found\n')
  }

  const servers: Server[] = [
    createServer(handle('main')),
    createServer(handle('other')),
    createHttpsServer({ key: ca.key, cert: ca.cert }, handle('tls')),
  ]
  const ports: number[] = []
  for (const server of servers) {
    // Handlers that never answer keep their connection until the client gives up or the server closes.
    server.keepAliveTimeout = 1000
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(0, '127.0.0.1', () => resolve())
    })
    ports.push((server.address() as AddressInfo).port)
  }
  const closed = createServer()
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()))
  const closedPort = (closed.address() as AddressInfo).port
  await new Promise<void>((resolve) => closed.close(() => resolve()))

  const self: FaultServers = {
    origins: {
      main: `http://127.0.0.1:${ports[0]}`,
      other: `http://127.0.0.1:${ports[1]}`,
      tls: `https://127.0.0.1:${ports[2]}`,
    },
    ca,
    closedOrigin: `http://127.0.0.1:${closedPort}`,
    requests: (id) => received.get(id) ?? [],
    async close() {
      for (const server of servers) {
        server.closeAllConnections()
        await new Promise<void>((resolve) => server.close(() => resolve()))
      }
      rmSync(ca.dir, { recursive: true, force: true })
    },
  }
  return self
}

function contextFor(row: FaultRow, servers: FaultServers): RowContext {
  const at =
    (origin: string) =>
    (path = '') =>
      `${origin}/${row.id}${path}`
  const main = new URL(servers.origins.main)
  return {
    url: at(servers.origins.main),
    otherUrl: at(servers.origins.other),
    tlsUrl: at(servers.origins.tls),
    caFile: servers.ca.caFile,
    healthyUrl: `http://${FAULT_SECRETS.user}:${FAULT_SECRETS.password}@${main.host}/${row.id}/_healthy`,
    closedUrl: servers.closedOrigin,
    secrets: FAULT_SECRETS,
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Running a row

const workspaces: string[] = []

/** Removes the rows' workspaces (call in `afterAll`, next to `cleanupActionRuns`). */
export async function cleanupRowWorkspaces(): Promise<void> {
  await Promise.all(workspaces.splice(0).map((d) => rm(d, { recursive: true, force: true })))
}

/** Runs one row through dist/index.js and asserts the outcome every row shares; then the row's own `verify`. */
export async function runRow(row: FaultRow, servers: FaultServers, defaults: AreaDefaults): Promise<RowRun> {
  const ctx = contextFor(row, servers)
  const workspace = await mkdtemp(join(tmpdir(), 'deploy-gate-faults-ws-'))
  workspaces.push(workspace)
  const configText = row.config?.(ctx)
  if (configText !== undefined) {
    await mkdir(dirname(join(workspace, CONFIG_PATH)), { recursive: true })
    await writeFile(join(workspace, CONFIG_PATH), configText)
  }
  const inputs: Inputs = {
    ...defaults(ctx),
    ...(configText === undefined ? {} : { config: CONFIG_PATH }),
    ...row.inputs?.(ctx),
  }
  const env = row.env?.(ctx) ?? {}
  assertEverySecretGiven(row, inputs, env, configText)

  const fake = await startGitHubFake()
  try {
    fake.state.addRun({ jobs: ['deploy'] })
    const result = await runAction({ inputs, env, apiUrl: fake.url, cwd: workspace, timeoutMs: 25_000 })
    const requests = servers.requests(row.id)
    const report = readReport(result)
    const run: RowRun = { result, ctx, fake, requests, report }
    assertOutcome(row, run)
    assertNoSecretShown(result, fake)
    await row.verify?.(run)
    fake.assertNoViolations()
    return run
  } finally {
    await fake.close()
  }
}

/** A row must give the action all three secrets, or its leak check would prove nothing. */
function assertEverySecretGiven(
  row: FaultRow,
  inputs: Inputs,
  env: Record<string, string>,
  configText: string | undefined,
): void {
  const given = JSON.stringify({ inputs, env, configText })
  for (const [name, value] of Object.entries(FAULT_SECRETS)) {
    if (name === 'user') continue
    expect(given, `row ${row.id} must give the action the ${name} secret`).toContain(value)
  }
}

function readReport(r: ActionResult): GateReport | undefined {
  const path = r.outputs['report-path']
  if (!path) return undefined
  return JSON.parse(readFileSync(path, 'utf8')) as GateReport
}

/** stdout and stderr of both steps, for a failing assertion's message. */
export function transcript(r: ActionResult): string {
  const step = (name: string, s: StepResult): string =>
    `--- ${name}: exit ${s.exitCode}${s.timedOut ? ' (timed out)' : ''}\n${s.stdout}${s.stderr ? `--- ${name} stderr\n${s.stderr}` : ''}`
  return [step('main', r), ...(r.post ? [step('post', r.post)] : [])].join('\n')
}

export function errorAnnotations(r: StepResult): Annotation[] {
  return r.annotations.filter((a) => a.level === 'error')
}

function annotationText(a: Annotation): string {
  return `${a.title ?? ''} ${a.message}`
}

function assertOutcome(row: FaultRow, run: RowRun): void {
  const { result: r, fake } = run
  const want = row.expect
  const log = transcript(r)
  expect(r.timedOut, log).toBe(false)
  expect(r.exitCode, log).toBe(want.exitCode)
  expect(r.outputs['verdict'], log).toBe(want.verdict ?? undefined)
  if (want.failedChecks !== undefined) expect(r.outputs['failed-checks'], log).toBe(want.failedChecks)

  const errors = errorAnnotations(r).map(annotationText)
  for (const pattern of want.errors) {
    expect(
      errors.some((e) => pattern.test(e)),
      `an ::error:: matching ${pattern}; got:\n${errors.join('\n')}`,
    ).toBe(true)
  }
  // No stack trace, ever (SPEC §8: stack under RUNNER_DEBUG=1 only).
  for (const text of [r.stdout, r.stderr, r.post?.stdout ?? '', r.post?.stderr ?? '']) {
    expect(text).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/)
  }
  expect(r.post, 'the post step ran').toBeDefined()
  expect(r.post!.exitCode, log).toBe(0)

  if (want.recorded === 'nothing') {
    expect(want.exitCode).toBe(1)
    expect(
      errors.some((e) => /\d+ input or config problems?; nothing was recorded/.test(e)),
      `the step fails with "… input or config problem(s); nothing was recorded"; got:\n${errors.join('\n')}`,
    ).toBe(true)
    expect(fake.requests, 'no request to GitHub before the config is valid').toEqual([])
    expect(fake.state.deployments).toEqual([])
    expect(run.requests, 'no request to Prometheus or a health URL before the config is valid').toEqual([])
    expect(r.outputs['report-path']).toBeUndefined()
    return
  }

  // Valid config: the report was written, the secrets were registered as masks, and exactly one deployment went
  // in_progress → final status, the post step adding nothing (no dangling in_progress).
  expect(run.report, 'a report was written').toBeDefined()
  expect(run.report!.verdict).toBe(want.verdict)
  for (const secret of [FAULT_SECRETS.token, FAULT_SECRETS.password, FAULT_SECRETS.header]) {
    expect(r.masks, 'every secret is masked').toContain(secret)
  }
  expect(fake.state.deployments, log).toHaveLength(1)
  const deployment = fake.state.deployments[0]!
  expect(
    deployment.statuses.map((s) => s.state),
    log,
  ).toEqual(['in_progress', want.recorded])
  expect(r.outputs['deployment-id']).toBe(String(deployment.id))
  expect(r.state['finalStatusWritten']).toBe('true')
  expect(deployment.statuses.at(-1)!.description.length).toBeLessThanOrEqual(140)
}

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

/** The strings no output may hold: the three secrets and the basic-auth header made from the password. */
export function forbiddenStrings(): string[] {
  const basic = Buffer.from(`${FAULT_SECRETS.user}:${FAULT_SECRETS.password}`).toString('base64')
  return [FAULT_SECRETS.token, FAULT_SECRETS.password, FAULT_SECRETS.header, basic]
}

function assertNoSecretShown(r: ActionResult, fake: GitHubFake): void {
  const places: [string, string][] = []
  for (const [name, step] of [
    ['main', r],
    ['post', r.post],
  ] as const) {
    if (!step) continue
    const raw = step.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n')
    places.push(
      [`${name} stdout`, raw],
      [`${name} stderr`, step.stderr],
      [`${name} summary`, step.summary],
      [`${name} outputs`, JSON.stringify(step.outputs)],
      [`${name} state`, JSON.stringify(step.state)],
    )
  }
  // RUNNER_TEMP holds the report (what the artifact uploads) and the file commands.
  for (const file of filesUnder(r.runnerTemp)) places.push([file, readFileSync(file, 'utf8')])
  places.push(['requests recorded by the GitHub fake', JSON.stringify(fake.requests)])
  places.push(['deployments in the GitHub fake', JSON.stringify(fake.state.deployments)])
  for (const secret of forbiddenStrings()) {
    for (const [where, text] of places)
      expect(text, `${where} must not contain a secret`).not.toContain(secret)
  }
}
