/**
 * Shared by the part-B fault tests (github-faults, process-faults): distinctive secrets, a Prometheus stub that
 * answers every instant query with one healthy series (and demands the bearer token), a gate runner against the GitHub
 * fake, and the assertions every row makes — no secret shown anywhere, no record left `in_progress`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import type { GitHubFake } from '../../testkit/github-fake.ts'
import { startTestServer } from '../../testkit/prometheus-api.ts'
import type { DeploymentRecord } from '../../testkit/github-fake-state.ts'
import { runAction, type ActionResult, type RunActionOptions, type StepResult } from '../../testkit/runner.ts'

/** A github-token shaped like GitHub's installation tokens, unlike the harness default so a leak is unmistakable. */
export const GITHUB_TOKEN = 'ghs_MatrixB0fault0Zq7Xw3Lp9Rk2Vt5Ny8'
export const PROMETHEUS_TOKEN = 'dgprom-MatrixB-Vx8Kq3Tz6Wn1Hs4'
export const SECRETS = [GITHUB_TOKEN, PROMETHEUS_TOKEN] as const

export const DEPLOYMENTS = '/repos/{owner}/{repo}/deployments'
export const STATUSES = '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses'
export const CHECK_RUNS = '/repos/{owner}/{repo}/check-runs'
export const CHECK_RUN = '/repos/{owner}/{repo}/check-runs/{check_run_id}'

/** Startup poll, then rounds at 0 and 500 ms. */
export const SHORT = { duration: '500ms', interval: '500ms', 'startup-timeout': '10s' } as const
/** A window the gate never finishes on its own: only a signal ends it. */
export const ENDLESS = { duration: '10m', interval: '500ms', 'startup-timeout': '10m' } as const

export interface PrometheusStub {
  readonly url: string
  /** Instant queries answered so far. */
  queries(): number
  close(): Promise<void>
}

/**
 * `/api/v1/query` answering every query with one series `{instance="web-1:9100"}` of `value` (default 12.5); 401
 * without `Authorization: Bearer <PROMETHEUS_TOKEN>`.
 */
export async function startPrometheusStub(value = '12.5'): Promise<PrometheusStub> {
  let queries = 0
  const server = await startTestServer((req, res) => {
    if (req.headers.authorization !== `Bearer ${PROMETHEUS_TOKEN}`) {
      res.writeHead(401, { 'content-type': 'text/plain' })
      res.end('Unauthorized')
      return
    }
    queries += 1
    const sample = { metric: { instance: 'web-1:9100' }, value: [Date.now() / 1000, value] }
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [sample] } }))
  })
  return { url: server.url, queries: () => queries, close: () => server.close() }
}

/**
 * Runs the gate through dist against `fake`: `health-urls` = `healthUrl`, the `cpu` check on `prom` with the
 * prometheus-token, the distinctive github-token, no artifact upload (the report file is still written).
 */
export function runGate(
  fake: GitHubFake,
  prom: PrometheusStub,
  healthUrl: string,
  inputs: RunActionOptions['inputs'] = {},
  opts: Omit<RunActionOptions, 'inputs' | 'apiUrl' | 'token'> = {},
): Promise<ActionResult> {
  return runAction({
    ...opts,
    token: GITHUB_TOKEN,
    apiUrl: fake.url,
    inputs: {
      mode: 'gate',
      'report-artifact': 'none',
      'health-urls': healthUrl,
      'prometheus-url': prom.url,
      'prometheus-token': PROMETHEUS_TOKEN,
      'host-selector': 'job="node"',
      'memory-max': 'off',
      'disk-max': 'off',
      ...SHORT,
      ...inputs,
    },
  })
}

/** Seeds the run the harness's `GITHUB_RUN_ID` names, with the deploy job on this runner (so `job_name` resolves). */
export function seedRun(fake: GitHubFake): void {
  fake.state.addRun({
    status: 'in_progress',
    jobs: [
      { name: 'build', status: 'completed', conclusion: 'success', runner_name: 'GitHub Actions 1' },
      { name: 'deploy', status: 'in_progress' },
    ],
  })
}

export function errorsOf(r: StepResult): string {
  return r.annotations
    .filter((a) => a.level === 'error')
    .map((a) => a.message)
    .join('\n')
}

export function warningsOf(r: StepResult): string {
  return r.annotations
    .filter((a) => a.level === 'warning')
    .map((a) => a.message)
    .join('\n')
}

/** stdout and stderr of both steps, for a failing assertion's message. */
export function output(r: ActionResult): string {
  const step = (name: string, s: StepResult): string =>
    `--- ${name}: exit ${s.exitCode}${s.timedOut ? ' (timed out)' : ''}\n${s.stdout}\n--- ${name} stderr\n${s.stderr}`
  return [step('main', r), ...(r.post ? [step('post', r.post)] : [])].join('\n')
}

export function statesOf(d: DeploymentRecord): string[] {
  return d.statuses.map((s) => s.state)
}

/** The one deployment in the fake, with its statuses. */
export function onlyDeployment(fake: GitHubFake): DeploymentRecord {
  expect(fake.state.deployments).toHaveLength(1)
  return fake.state.deployments[0]!
}

/** Every deployment's newest status is final and every check run is completed: nothing is left `in_progress`. */
export function expectNothingDangling(fake: GitHubFake): void {
  for (const d of fake.state.deployments) {
    const last = d.statuses.at(-1)?.state
    expect(
      ['success', 'failure', 'error', 'inactive'],
      `deployment ${d.id}: ${statesOf(d).join(' → ')}`,
    ).toContain(last)
  }
  for (const c of fake.state.checkRuns) expect(c.status, `check run ${c.id}`).toBe('completed')
}

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

/**
 * Neither secret appears in either step's log (as the runner shows it, nor raw apart from the `::add-mask::` line),
 * stderr, summary, outputs or state, nor in any file the run left (report, file commands): the same rule as
 * __tests__/e2e/gate.test.ts, for both secrets at once. Each secret must have been registered with `::add-mask::`.
 */
export function expectNoSecretShown(r: ActionResult, secrets: readonly string[] = SECRETS): void {
  for (const secret of secrets) {
    expect(r.masks, `${secret.slice(0, 8)}… is registered with ::add-mask::`).toContain(secret)
    for (const step of [r, ...(r.post ? [r.post] : [])]) {
      const raw = step.stdout
        .split('\n')
        .filter((line) => !line.startsWith('::add-mask::'))
        .join('\n')
      expect(raw).not.toContain(secret)
      expect(step.log).not.toContain(secret)
      expect(step.stderr).not.toContain(secret)
      expect(step.summary).not.toContain(secret)
      expect(JSON.stringify(step.outputs)).not.toContain(secret)
      expect(JSON.stringify(step.state)).not.toContain(secret)
    }
    for (const file of filesUnder(r.tempDir)) expect(readFileSync(file, 'utf8'), file).not.toContain(secret)
  }
}

/** Epoch ms of the requests matching method and template, in order. */
export function arrivals(fake: GitHubFake, method: string, template: string): number[] {
  return fake.requests.filter((q) => q.method === method && q.template === template).map((q) => q.at)
}
