/**
 * Runs the built action (`dist/index.js`) the way the GitHub runner does: a fresh process on Node 24 with a clean
 * environment of `INPUT_*`, `GITHUB_*` and `RUNNER_*` variables, file commands in a fresh temp dir, then (default)
 * the post step with `STATE_*` from the main step's saved state (`post-if: always()`: also after a failure or a
 * signal). Outputs, state, summary and workflow commands (annotations, masks) are parsed for the test.
 *
 * The one runner simulator: the tests use it as is, the benchmarks (`bench/action-process.ts`: timings, peak RSS,
 * `--import` hooks) and the demo (`demo/action.ts`: the log streamed as the runner shows it, files kept in one
 * folder) through its options.
 *
 *   const r = await runAction({ inputs: { mode: 'gate', 'health-urls': url }, apiUrl: fake.url })
 *   expect(r.exitCode).toBe(0); expect(r.outputs['verdict']).toBe('stable')
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import {
  parseFileCommand,
  parseWorkflowCommands,
  type Annotation,
  type WorkflowCommand,
} from './workflow-commands.ts'

export type { Annotation, WorkflowCommand } from './workflow-commands.ts'
export { parseFileCommand, parseWorkflowCommands } from './workflow-commands.ts'

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url))
/** Node 24 from the `node` dev dependency (the system node may be older). */
export const NODE_BIN = resolve(REPO_ROOT, 'node_modules/.bin/node')
export const DEFAULT_SHA = 'a3f1c2d4e5b60718293a4b5c6d7e8f9012345678'
export const DEFAULT_TOKEN = 'ghs_fakeTokenForTests0000000000000000'
/** `GITHUB_RUN_ID` default: the id the GitHub fake gives the first run seeded with `state.addRun()`. */
export const DEFAULT_RUN_ID = '4000001'

/** The directory holding action.yml (the repository root). */
export function actionPath(): string {
  return REPO_ROOT
}

export function distPath(): string {
  return join(REPO_ROOT, 'dist', 'index.js')
}

/** Throws a clear message when the action has not been built. */
export function assertBuilt(script = distPath()): void {
  if (!existsSync(script)) throw new Error(`${script} does not exist: run npm run build`)
}

export interface RunActionOptions {
  /** Input names as in action.yml (`health-urls`); become `INPUT_HEALTH-URLS`. */
  readonly inputs?: Readonly<Record<string, string | number | boolean>>
  /** Extra environment, applied last; `undefined` removes a default. */
  readonly env?: Readonly<Record<string, string | undefined>>
  /** `GITHUB_API_URL`, normally the GitHub fake's `url`. Default: a closed local port. */
  readonly apiUrl?: string
  /** Default `owner/repo`. */
  readonly repository?: string
  /** Default `push`. */
  readonly eventName?: string
  /** The event payload written to `GITHUB_EVENT_PATH`. Default: a plausible payload for `eventName`. */
  readonly event?: unknown
  /** Working directory and `GITHUB_WORKSPACE`. Default: a fresh empty directory. */
  readonly cwd?: string
  /**
   * Per step; the process is then killed (SIGKILL) and `timedOut` set. Default 20 s, so that main + post fit in
   * vitest's 30 s test timeout; a longer run needs both this and the test's timeout raised.
   */
  readonly timeoutMs?: number
  /** Send `signal` to the main step once its stdout matches (a cancelled job gets SIGINT, then SIGTERM). */
  readonly signalWhen?: { readonly stdoutMatches: RegExp; readonly signal: 'SIGTERM' | 'SIGINT' }
  /** Run the post step after the main step. Default true. */
  readonly post?: boolean
  /** Run this script for both steps instead of action.yml's `runs.main` / `runs.post` (then no action.yml defaults). */
  readonly script?: string
  /** The token `${{ github.token }}` stands for in action.yml defaults. */
  readonly token?: string
  /**
   * What `${{ job.check_run_id }}` stands for in action.yml defaults: the job's id (seed the job in the GitHub fake).
   * Default `''`, as on a server without that context (GHES).
   */
  readonly jobCheckRunId?: number | string
  /** Each output line as it arrives, with `performance.now()` at its arrival. */
  readonly onLine?: (line: string, from: LineSource) => void
  /** Node options before the script (`--import=…`). */
  readonly nodeArgs?: readonly string[]
  /** Read each step's peak RSS (`peakRssKiB`): see `peakRssMethod()`. */
  readonly peakRss?: boolean
  /** Aborting stops the running step (SIGTERM, then SIGKILL after 3 s) and skips the post step. */
  readonly abortSignal?: AbortSignal
  /** Keep the run's files in this folder (emptied first) instead of a temp dir that `cleanupActionRuns()` removes. */
  readonly dir?: string
  /** Return a report that does not match schema/report.schema.json (`reportCheck.errors`) instead of throwing. */
  readonly allowInvalidReport?: boolean
}

export interface LineSource {
  readonly step: 'main' | 'post'
  readonly stream: 'stdout' | 'stderr'
  readonly atMs: number
}

export interface StepResult {
  readonly exitCode: number | null
  readonly signal: NodeJS.Signals | null
  readonly timedOut: boolean
  readonly stdout: string
  readonly stderr: string
  /** stdout as the runner shows it: every value registered with `::add-mask::` replaced by `***`. */
  readonly log: string
  readonly outputs: Record<string, string>
  readonly summary: string
  readonly state: Record<string, string>
  /** `GITHUB_ENV` of this step. */
  readonly exportedEnv: Record<string, string>
  readonly annotations: Annotation[]
  readonly commands: WorkflowCommand[]
  readonly masks: string[]
  /** The step's summary file (`GITHUB_STEP_SUMMARY`). */
  readonly summaryPath: string
  /** `performance.now()` at spawn and at exit. */
  readonly spawnedAt: number
  readonly exitedAt: number
  /** KiB, with `peakRss`. */
  readonly peakRssKiB?: number
}

export interface ActionResult extends StepResult {
  readonly post?: StepResult
  /** Temp dir holding RUNNER_TEMP, the file commands and the default workspace; removed by `cleanupActionRuns()`. */
  readonly tempDir: string
  readonly runnerTemp: string
  readonly workspace: string
  /**
   * The file at the `report-path` output checked against schema/report.schema.json: `errors` is `[]` when it matches.
   * Absent when no step wrote a report. A mismatch throws unless `allowInvalidReport`.
   */
  readonly reportCheck?: ReportCheck
}

export interface ReportCheck {
  readonly path: string
  readonly errors: readonly string[]
}

const tempDirs: string[] = []

/** Removes the temp dirs of every `runAction` so far (call in `afterAll`). */
export async function cleanupActionRuns(): Promise<void> {
  await Promise.all(tempDirs.splice(0).map((d) => rm(d, { recursive: true, force: true })))
}

export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

interface ActionYml {
  inputs?: Record<string, { default?: string | number | boolean | null }>
  runs?: { main?: string; post?: string }
}

function readActionYml(): ActionYml | undefined {
  const file = join(REPO_ROOT, 'action.yml')
  return existsSync(file) ? (parseYaml(readFileSync(file, 'utf8')) as ActionYml) : undefined
}

/** action.yml input defaults, as the runner evaluates them (only `github.token` and `job.check_run_id`). */
function inputDefaults(
  yml: ActionYml | undefined,
  token: string,
  jobCheckRunId: string,
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, spec] of Object.entries(yml?.inputs ?? {})) {
    if (spec.default === undefined || spec.default === null) continue
    const value = String(spec.default)
      .replace(/\$\{\{\s*github\.token\s*\}\}/g, token)
      .replace(/\$\{\{\s*job\.check_run_id\s*\}\}/g, jobCheckRunId)
    if (value.includes('${{'))
      throw new Error(`runner.ts: cannot evaluate the default of input ${name}: ${value}`)
    out[name] = value
  }
  return out
}

/** action.yml's input defaults as the runner evaluates them, for in-process tests that resolve inputs as a run does. */
export function actionInputDefaults(token = DEFAULT_TOKEN, jobCheckRunId = ''): Record<string, string> {
  return inputDefaults(readActionYml(), token, jobCheckRunId)
}

function defaultEvent(eventName: string, repository: string, sha: string, ref: string): unknown {
  const [owner] = repository.split('/')
  const repo = {
    full_name: repository,
    name: repository.split('/')[1],
    owner: { login: owner },
    default_branch: 'main',
  }
  const sender = { login: 'octocat', id: 583231, type: 'User' }
  if (eventName === 'pull_request') {
    const head = { sha: 'b'.repeat(40), ref: 'feature', repo }
    return {
      action: 'synchronize',
      number: 7,
      pull_request: { number: 7, head, base: { sha, ref: 'main', repo } },
      repository: repo,
      sender,
    }
  }
  if (eventName === 'workflow_dispatch')
    return { inputs: {}, ref, repository: repo, sender, workflow: '.github/workflows/rollback.yml' }
  return { ref, after: sha, before: '0'.repeat(40), head_commit: { id: sha }, repository: repo, sender }
}

/** Runs main (and by default post) of the action; resolves when both ended, whatever their exit. */
export async function runAction(opts: RunActionOptions = {}): Promise<ActionResult> {
  const yml = opts.script ? undefined : readActionYml()
  const mainScript = opts.script ?? resolve(REPO_ROOT, yml?.runs?.main ?? 'dist/index.js')
  const postScript = opts.script ?? (yml?.runs?.post ? resolve(REPO_ROOT, yml.runs.post) : undefined)
  assertBuilt(mainScript)
  let tempDir: string
  if (opts.dir === undefined) {
    tempDir = await mkdtemp(join(tmpdir(), 'deploy-gate-run-'))
    tempDirs.push(tempDir)
  } else {
    tempDir = resolve(opts.dir)
    await rm(tempDir, { recursive: true, force: true })
  }
  const runnerTemp = join(tempDir, 'runner_temp')
  const workspace = opts.cwd ?? join(tempDir, 'workspace')
  await mkdir(join(runnerTemp, '_runner_file_commands'), { recursive: true })
  await mkdir(workspace, { recursive: true })

  const repository = opts.repository ?? 'owner/repo'
  const eventName = opts.eventName ?? 'push'
  const sha = opts.env?.['GITHUB_SHA'] ?? DEFAULT_SHA
  const ref = opts.env?.['GITHUB_REF'] ?? 'refs/heads/main'
  const eventPath = join(tempDir, 'event.json')
  await writeFile(
    eventPath,
    JSON.stringify(opts.event ?? defaultEvent(eventName, repository, sha, ref), null, 2),
  )

  const token = opts.token ?? DEFAULT_TOKEN
  const inputs: Record<string, string> = { ...inputDefaults(yml, token, String(opts.jobCheckRunId ?? '')) }
  for (const [k, v] of Object.entries(opts.inputs ?? {})) inputs[k] = String(v)
  const apiUrl = opts.apiUrl ?? 'http://127.0.0.1:9'
  const [owner = 'owner'] = repository.split('/')
  const base: Record<string, string | undefined> = {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION: '__acme_deploy-gate',
    GITHUB_ACTION_REPOSITORY: 'acme/deploy-gate',
    GITHUB_ACTION_REF: 'v1',
    GITHUB_ACTOR: 'octocat',
    GITHUB_ACTOR_ID: '583231',
    GITHUB_TRIGGERING_ACTOR: 'octocat',
    GITHUB_API_URL: apiUrl,
    GITHUB_GRAPHQL_URL: `${apiUrl}/graphql`,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_ID: '1296269',
    GITHUB_REPOSITORY_OWNER: owner,
    GITHUB_REPOSITORY_OWNER_ID: '583231',
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: sha,
    GITHUB_REF: ref,
    GITHUB_REF_NAME: ref.replace(/^refs\/(heads|tags)\//, ''),
    GITHUB_REF_TYPE: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    GITHUB_RUN_ID: DEFAULT_RUN_ID,
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_RUN_NUMBER: '1',
    GITHUB_JOB: 'deploy',
    GITHUB_WORKFLOW: 'Deploy',
    GITHUB_WORKFLOW_REF: `${repository}/.github/workflows/deploy.yml@${ref}`,
    GITHUB_WORKFLOW_SHA: sha,
    GITHUB_WORKSPACE: workspace,
    GITHUB_RETENTION_DAYS: '90',
    // A GitHub-hosted runner's name; the jobs API shows such jobs with the generic runner_name "GitHub Actions".
    RUNNER_NAME: 'GitHub-Actions-1000000242',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_ENVIRONMENT: 'github-hosted',
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: join(tempDir, 'toolcache'),
    RUNNER_WORKSPACE: resolve(workspace, '..'),
  }
  for (const [k, v] of Object.entries(inputs)) base[inputEnvName(k)] = v
  Object.assign(base, opts.env)

  const main = await runStep(mainScript, base, 'main', runnerTemp, workspace, opts)
  let post: StepResult | undefined
  if (opts.post !== false && postScript && opts.abortSignal?.aborted !== true) {
    const postEnv: Record<string, string | undefined> = { ...base }
    for (const [k, v] of Object.entries(main.state)) postEnv[`STATE_${k}`] = v
    post = await runStep(postScript, postEnv, 'post', runnerTemp, workspace, {
      ...opts,
      signalWhen: undefined,
    })
  }
  const reportCheck = await checkReport(
    post?.outputs['report-path'] ?? main.outputs['report-path'],
    workspace,
  )
  if (reportCheck !== undefined && reportCheck.errors.length > 0 && opts.allowInvalidReport !== true)
    throw new Error(
      `the report ${reportCheck.path} does not match schema/report.schema.json (pass allowInvalidReport: true ` +
        `to accept that):\n  ${reportCheck.errors.join('\n  ')}`,
    )
  return {
    ...main,
    ...(post ? { post } : {}),
    tempDir,
    runnerTemp,
    workspace,
    ...(reportCheck ? { reportCheck } : {}),
  }
}

let reportValidator: ValidateFunction | undefined

/** The report at `reportPath` (relative to the workspace) against the report schema, compiled once per process. */
export async function checkReport(
  reportPath: string | undefined,
  workspace: string,
): Promise<ReportCheck | undefined> {
  if (!reportPath) return undefined
  const path = resolve(workspace, reportPath)
  if (!existsSync(path)) return undefined
  if (reportValidator === undefined) {
    const ajv = new Ajv2020({ allErrors: true, strict: true })
    addFormatsModule.default(ajv)
    reportValidator = ajv.compile(
      JSON.parse(readFileSync(join(REPO_ROOT, 'schema/report.schema.json'), 'utf8')),
    )
  }
  let report: unknown
  try {
    report = JSON.parse(await readFile(path, 'utf8'))
  } catch (err) {
    return { path, errors: [`not JSON: ${String(err)}`] }
  }
  if (reportValidator(report)) return { path, errors: [] }
  const errors = reportValidator.errors ?? []
  return {
    path,
    errors: errors.map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`),
  }
}

async function runStep(
  script: string,
  baseEnv: Record<string, string | undefined>,
  step: 'main' | 'post',
  runnerTemp: string,
  cwd: string,
  opts: RunActionOptions,
): Promise<StepResult> {
  const dir = join(runnerTemp, '_runner_file_commands')
  const files = {
    GITHUB_OUTPUT: join(dir, `set_output_${step}`),
    GITHUB_STATE: join(dir, `save_state_${step}`),
    GITHUB_ENV: join(dir, `set_env_${step}`),
    GITHUB_PATH: join(dir, `add_path_${step}`),
    GITHUB_STEP_SUMMARY: join(dir, `step_summary_${step}`),
  }
  for (const f of Object.values(files)) await writeFile(f, '')
  const rssFile = join(dir, `peak_rss_${step}`)
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries({
    ...baseEnv,
    ...files,
    DEPLOY_GATE_RSS_FILE: opts.peakRss ? rssFile : undefined,
  }))
    if (v !== undefined) env[k] = v

  const [command, args] = stepCommand(script, opts, rssFile)
  const spawnedAt = performance.now()
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  let signalled = false
  let timedOut = false
  const lines = lineSplitter(step, opts.onLine)
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk
    lines.push('stdout', chunk)
    if (opts.signalWhen && !signalled && opts.signalWhen.stdoutMatches.test(stdout)) {
      signalled = true
      child.kill(opts.signalWhen.signal)
    }
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
    lines.push('stderr', chunk)
  })
  const timer = setTimeout(() => {
    timedOut = true
    child.kill('SIGKILL')
  }, opts.timeoutMs ?? 20_000)
  const abort = (): void => {
    child.kill('SIGTERM')
    setTimeout(() => child.kill('SIGKILL'), 3_000).unref()
  }
  opts.abortSignal?.addEventListener('abort', abort, { once: true })
  const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done, fail) => {
    child.once('error', fail)
    child.once('close', (code, sig) => done([code, sig]))
  }).finally(() => {
    clearTimeout(timer)
    opts.abortSignal?.removeEventListener('abort', abort)
  })
  const exitedAt = performance.now()
  lines.end()

  const parsed = parseWorkflowCommands(stdout)
  const peakRssKiB = opts.peakRss ? await readPeakRss(rssFile) : undefined
  return {
    exitCode,
    signal,
    timedOut,
    stdout,
    stderr,
    log: parsed.log,
    outputs: parseFileCommand(await readFile(files.GITHUB_OUTPUT, 'utf8')),
    summary: await readFile(files.GITHUB_STEP_SUMMARY, 'utf8'),
    summaryPath: files.GITHUB_STEP_SUMMARY,
    state: parseFileCommand(await readFile(files.GITHUB_STATE, 'utf8')),
    exportedEnv: parseFileCommand(await readFile(files.GITHUB_ENV, 'utf8')),
    annotations: parsed.annotations,
    commands: parsed.commands,
    masks: parsed.masks,
    spawnedAt,
    exitedAt,
    ...(peakRssKiB === undefined ? {} : { peakRssKiB }),
  }
}

/** Hands each complete line of each stream to `onLine`, and what is left when the step ends. */
function lineSplitter(
  step: 'main' | 'post',
  onLine: RunActionOptions['onLine'],
): { push(stream: 'stdout' | 'stderr', chunk: string): void; end(): void } {
  const pending = { stdout: '', stderr: '' }
  return {
    push(stream, chunk) {
      if (!onLine) return
      const atMs = performance.now()
      const parts = (pending[stream] + chunk).split('\n')
      pending[stream] = parts.pop() ?? ''
      for (const line of parts) onLine(line, { step, stream, atMs })
    },
    end() {
      if (!onLine) return
      const atMs = performance.now()
      for (const stream of ['stdout', 'stderr'] as const)
        if (pending[stream] !== '') onLine(pending[stream], { step, stream, atMs })
    },
  }
}

const GNU_TIME = '/usr/bin/time'

/** How `peakRss` is measured on this machine. */
export function peakRssMethod(): string {
  return existsSync(GNU_TIME)
    ? 'peak RSS = ru_maxrss of the node process, via /usr/bin/time -f %M'
    : 'peak RSS = process.resourceUsage().maxRSS at exit, via --import'
}

const RSS_AT_EXIT =
  'data:text/javascript,' +
  encodeURIComponent(
    "import { writeFileSync } from 'node:fs';" +
      "process.on('exit', () => writeFileSync(process.env.DEPLOY_GATE_RSS_FILE, String(process.resourceUsage().maxRSS)))",
  )

/**
 * `node [nodeArgs] script`; with `peakRss`, wrapped in GNU time (the kernel's ru_maxrss of the child, from wait4) or,
 * without it, with a one-line `--import` that writes `process.resourceUsage().maxRSS` at exit.
 */
function stepCommand(script: string, opts: RunActionOptions, rssFile: string): [string, string[]] {
  const useTime = opts.peakRss === true && existsSync(GNU_TIME)
  const nodeArgs = [
    ...(opts.nodeArgs ?? []),
    ...(opts.peakRss && !useTime ? [`--import=${RSS_AT_EXIT}`] : []),
  ]
  return useTime
    ? [GNU_TIME, ['-f', '%M', '-o', rssFile, NODE_BIN, ...nodeArgs, script]]
    : [NODE_BIN, [...nodeArgs, script]]
}

async function readPeakRss(file: string): Promise<number> {
  const text = (await readFile(file, 'utf8').catch(() => '')).trim().split('\n').at(-1) ?? ''
  const kib = Number(text)
  if (!Number.isFinite(kib) || kib <= 0) throw new Error(`no peak RSS read: "${text}"`)
  return kib
}
