/**
 * The action runs of the demo's story (story.ts): the gate's config file and inputs, a gate or a rollback run as the
 * runner runs it (demo/action.ts) against the demo's Prometheus and the GitHub fake, what its JSON report and summary
 * say, the summary as an HTML page (scripts/render-summary-html.ts), and the expectations every gate step shares.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { summaryHtml } from '../scripts/render-summary-html.ts'
import { runActionAsRunner, type ActionRun } from './action.ts'
import { p95Seconds, type Release } from './api-service.ts'
import type { DemoApp } from './app.ts'
import type { DemoGitHub, DeployRun } from './github.ts'
import type { DemoPrometheus } from './prometheus.ts'

export interface StoryEnv {
  readonly app: DemoApp
  readonly prom: DemoPrometheus
  readonly github: DemoGitHub
  /** dist/index.js */
  readonly script: string
  /** `.tmp/demo`: one folder per step, and the workspace with the gate's config file. */
  readonly outDir: string
  readonly say: (line?: string) => void
  /** Stream each action's log (DEMO_VERBOSE=1). */
  readonly verbose: boolean
  readonly signal: AbortSignal
  /** Relative path for printing. */
  readonly shown: (file: string) => string
  /** Time since the demo started, `12.8s`. */
  readonly elapsed: () => string
}

export interface StepResult {
  /** `step 1 · deploy v1 → stable`: the step's closing line. */
  readonly closing: string
  readonly missed: readonly string[]
  /** The job summary as an HTML page. */
  readonly page: string
}

export const CONFIG_FILE = '.github/deploy-gate.yml'

/** The api service's checks, as the README's Spring Boot example has them (rate windows of 4 s for 1 s scrapes). */
export const CONFIG = `# deploy-gate config of the demo's api service (Spring Boot, Micrometer): each check has a fixed bound AND is
# compared with the 30 minutes before the deploy job started (its median and normal band).
version: 1
metrics:
  - name: api-errors
    query: sum(rate(http_server_requests_seconds_count{job="api",status=~"5.."}[4s])) / sum(rate(http_server_requests_seconds_count{job="api"}[4s]))
    max: 0.05
    baseline: { window: 30m, max-increase: 100%, min-delta: 0.01 }
  - name: api-p95-latency
    query: histogram_quantile(0.95, sum by (le) (rate(http_server_requests_seconds_bucket{job="api"}[4s])))
    max: 2
    baseline: { window: 30m, max-increase: 50%, min-delta: 0.05 }
  - name: api-traffic
    query: sum(rate(http_server_requests_seconds_count{job="api"}[4s]))
    baseline: { window: 30m, max-decrease: 50% }
`

export interface GateReport {
  readonly verdict?: string
  readonly deployStart?: { readonly source: string; readonly text: string }
  readonly checks?: ReadonlyArray<{
    readonly name: string
    readonly result: string
    readonly reason: string | null
    readonly threshold: { readonly min: number | null; readonly max: number | null }
    readonly samples: ReadonlyArray<{ readonly outcome: string; readonly value: number | string | null }>
  }>
}

function pct(ratio: number): string {
  return `${Number((ratio * 100).toPrecision(2))} %`
}

export function describe(r: Release): string {
  return `${r.rps} req/s, ${pct(r.errorRatio)} 5xx, p95 ≈ ${p95Seconds(r).toFixed(2)} s`
}

/** A markdown line as plain text: links to their text, no code ticks or bold. */
function plain(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*]/g, '')
    .trim()
}

/** The paragraphs of the summary's "What to do next" section, as plain text. */
export function nextSteps(summary: string): string[] {
  const at = summary.indexOf('#### What to do next')
  if (at < 0) return []
  const rest = summary.slice(at).split('\n').slice(1)
  const end = rest.findIndex((l) => /^#{1,4} /.test(l))
  return (end < 0 ? rest : rest.slice(0, end)).filter((l) => l.trim() !== '').map(plain)
}

export async function readReport(run: ActionRun): Promise<GateReport> {
  const path = run.main.outputs['report-path']
  if (!path) return {}
  try {
    return JSON.parse(await readFile(path, 'utf8')) as GateReport
  } catch {
    return {}
  }
}

export async function writePage(run: ActionRun, title: string): Promise<string> {
  const page = join(run.summaryPath, '..', 'summary.html')
  await writeFile(page, summaryHtml(run.summary, title))
  return page
}

export async function writeConfig(env: StoryEnv): Promise<string> {
  const workspace = join(env.outDir, 'workspace')
  await mkdir(join(workspace, '.github'), { recursive: true })
  await writeFile(join(workspace, CONFIG_FILE), CONFIG)
  return workspace
}

function gateInputs(env: StoryEnv, deploy: DeployRun): Record<string, string> {
  return {
    config: CONFIG_FILE,
    'health-urls': [env.app.api.healthUrl, env.app.healthUrls[0]!].join('\n'),
    'prometheus-url': env.prom.url,
    'host-selector': 'job="node"',
    'gpu-selector': 'job="dcgm"',
    'vllm-selector': 'job="vllm"',
    'kv-cache-max': '90',
    // The api checks' rate windows are 4 s: 5 s after the health URLs pass they hold only the new release.
    warmup: '5s',
    duration: '2s',
    interval: '1s',
    environment: 'production',
    'rollback-workflow': 'rollback.yml',
    'report-artifact': 'none',
    // `${{ job.check_run_id }}`: the deploy job's id, from which the gate reads its started_at.
    'job-check-run-id': String(deploy.deployJob.id),
  }
}

function runEnv(deploy: DeployRun): Record<string, string> {
  return {
    GITHUB_RUN_ID: String(deploy.run.id),
    GITHUB_RUN_ATTEMPT: String(deploy.attempt),
    GITHUB_JOB: 'deploy',
    GITHUB_WORKFLOW: 'Deploy',
  }
}

export async function runGate(env: StoryEnv, label: string, deploy: DeployRun): Promise<ActionRun> {
  return runActionAsRunner({
    script: env.script,
    dir: join(env.outDir, label),
    inputs: gateInputs(env, deploy),
    sha: deploy.sha,
    apiUrl: env.github.fake.url,
    workspace: join(env.outDir, 'workspace'),
    env: runEnv(deploy),
    print: env.verbose
      ? (line) => env.say(`    ${env.elapsed().padStart(6)} ${label} │ ${line}`)
      : () => undefined,
    timeoutMs: 45_000,
    signal: env.signal,
  })
}

/** Checks shared by the gate steps; returns what was missed. */
export function gateExpectations(
  label: string,
  run: ActionRun,
  report: GateReport,
  verdict: 'stable' | 'failed',
): string[] {
  const missed: string[] = []
  const check = (ok: boolean, what: string): void => {
    if (!ok) missed.push(`${label}: ${what}`)
  }
  check(
    run.main.outputs['verdict'] === verdict,
    `verdict ${run.main.outputs['verdict'] ?? '(none)'}, expected ${verdict}`,
  )
  check(run.main.exitCode === (verdict === 'stable' ? 0 : 1), `exit code ${run.main.exitCode}`)
  check(!run.main.timedOut, 'the step timed out')
  check(run.post === undefined || run.post.exitCode === 0, `post step exit code ${run.post?.exitCode}`)
  check(report.verdict === verdict, `JSON report verdict ${report.verdict}`)
  check(
    report.deployStart?.source === 'deploy-job',
    `the baseline window did not end at the deploy job's started_at (${report.deployStart?.source ?? 'no deployStart'})`,
  )
  check((run.main.outputs['deployment-id'] ?? '') !== '', 'no deployment recorded')
  return missed
}

export function printGate(env: StoryEnv, run: ActionRun, report: GateReport, page: string): void {
  const { say } = env
  say(`  the window before the deploy: ${report.deployStart?.text ?? '(none)'}`)
  for (const c of report.checks ?? []) {
    if (c.result !== 'failed') continue
    say(`  failed ${c.name}: ${c.reason ?? ''}`)
  }
  const outputs = run.main.outputs
  say(
    `  verdict ${outputs['verdict'] ?? '(none)'} · exit ${run.main.exitCode ?? run.main.killedBy} · ` +
      `recorded as deployment ${outputs['deployment-id'] || '(none)'}`,
  )
  say(`  job summary: ${env.shown(page)}   (log: ${env.shown(run.logPath)})`)
}

export async function runRollback(
  env: StoryEnv,
  label: string,
  inputs: Record<string, string>,
  quiet: boolean,
): Promise<ActionRun> {
  const run = env.github.pressRollback()
  return runActionAsRunner({
    script: env.script,
    dir: join(env.outDir, label),
    inputs: {
      mode: 'rollback',
      'deploy-workflow': 'deploy.yml',
      environment: 'production',
      'report-artifact': 'none',
      ...inputs,
    },
    sha: run.head_sha,
    apiUrl: env.github.fake.url,
    eventName: 'workflow_dispatch',
    env: { GITHUB_RUN_ID: String(run.id), GITHUB_JOB: 'rollback', GITHUB_WORKFLOW: 'Rollback' },
    print:
      env.verbose && !quiet
        ? (line) => env.say(`    ${env.elapsed().padStart(6)} ${label} │ ${line}`)
        : () => undefined,
    timeoutMs: 45_000,
    signal: env.signal,
  })
}
