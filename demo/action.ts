/**
 * Runs the built action the way the GitHub runner does — `node dist/index.js` with `INPUT_<NAME>` (upper case,
 * hyphens kept), the `GITHUB_*` / `RUNNER_*` variables and file commands, then the post step (`post-if: always()`)
 * with `STATE_*` from the main step — and streams its log while it runs, with workflow commands shown as the runner
 * shows them (annotations, groups) and `::add-mask::` values replaced by `***`.
 *
 * Unlike __tests__/helpers/runner.ts (which buffers the output until the step ends and keeps its files in the OS temp
 * dir), everything stays in one folder the demo prints: `<dir>/step-summary.md`, `<dir>/runner-temp/…`, `<dir>/action.log`.
 */
import { spawn } from 'node:child_process'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import {
  parseCommandLine,
  parseFileCommand,
  parseWorkflowCommands,
  type Annotation,
} from '../__tests__/helpers/workflow-commands.ts'

export interface ActionRunOptions {
  /** `dist/index.js` */
  readonly script: string
  /** The run's folder; emptied first. */
  readonly dir: string
  /** Input names as in action.yml (`health-urls`). */
  readonly inputs: Readonly<Record<string, string>>
  readonly sha: string
  /** One rendered log line (the caller prefixes it). */
  readonly print: (line: string) => void
  /** Per step; the step is killed after it. Default 60 s. */
  readonly timeoutMs?: number
  /** Aborting stops the running step (SIGTERM, then SIGKILL after 3 s) and skips the post step. */
  readonly signal?: AbortSignal
}

export interface StepRun {
  readonly exitCode: number | null
  readonly killedBy: NodeJS.Signals | null
  readonly timedOut: boolean
  readonly outputs: Record<string, string>
  readonly annotations: Annotation[]
}

export interface ActionRun {
  readonly main: StepRun
  readonly post?: StepRun
  readonly summaryPath: string
  readonly summary: string
  readonly logPath: string
}

/** `INPUT_HEALTH-URLS`: what the runner sets for input `health-urls` (spaces become `_`, hyphens stay). */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/** Renders one stdout line as the runner's log shows it; undefined for lines the log hides. */
function renderLine(line: string, masks: string[]): string | undefined {
  const mask = (text: string): string =>
    [...masks].sort((a, b) => b.length - a.length).reduce((t, m) => t.split(m).join('***'), text)
  const cmd = parseCommandLine(line)
  if (cmd === undefined) return mask(line)
  switch (cmd.command) {
    case 'add-mask':
      if (cmd.message !== '') masks.push(cmd.message)
      return undefined
    case 'debug':
      return process.env['RUNNER_DEBUG'] === '1' ? mask(`##[debug]${cmd.message}`) : undefined
    case 'error':
    case 'warning':
    case 'notice': {
      const title = cmd.properties['title']
      return mask(`${cmd.command.toUpperCase()}: ${title ? `${title}: ` : ''}${cmd.message}`)
    }
    case 'group':
      return mask(`▸ ${cmd.message}`)
    case 'endgroup':
      return undefined
    default:
      return mask(line)
  }
}

function baseEnv(opts: ActionRunOptions, dir: string): Record<string, string> {
  const repository = 'deploy-gate/demo'
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    HOME: process.env['HOME'] ?? dir,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION: '__deploy-gate_deploy-gate',
    GITHUB_ACTOR: 'demo',
    // Nothing is recorded (record: false); a closed port makes any unexpected API call fail fast, offline.
    GITHUB_API_URL: 'http://127.0.0.1:9',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: 'deploy-gate',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    GITHUB_SHA: opts.sha,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_RUN_ID: String(4_000_000 + (Date.now() % 1_000_000)),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_RUN_NUMBER: '1',
    GITHUB_JOB: 'deploy',
    GITHUB_WORKFLOW: 'Deploy',
    GITHUB_WORKFLOW_REF: `${repository}/.github/workflows/deploy.yml@refs/heads/main`,
    GITHUB_WORKSPACE: join(dir, 'workspace'),
    RUNNER_NAME: 'demo-runner',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_TEMP: join(dir, 'runner-temp'),
    RUNNER_TOOL_CACHE: join(dir, 'tool-cache'),
  }
  if (process.env['RUNNER_DEBUG'] === '1') env['RUNNER_DEBUG'] = '1'
  // action.yml's default is `github-token: ${{ github.token }}`; the demo has no GitHub, so it runs without a token:
  // nothing is recorded, and a failed gate says it could not read the rollback target instead of calling an API.
  env[inputEnvName('github-token')] = ''
  for (const [name, value] of Object.entries(opts.inputs)) env[inputEnvName(name)] = value
  return env
}

async function runStep(
  step: 'main' | 'post',
  opts: ActionRunOptions,
  env: Record<string, string>,
  log: string[],
): Promise<StepRun & { state: Record<string, string> }> {
  const prefix = step === 'main' ? '' : 'post-'
  const files = {
    GITHUB_OUTPUT: join(opts.dir, `${prefix}output.txt`),
    GITHUB_STATE: join(opts.dir, `${prefix}state.txt`),
    GITHUB_ENV: join(opts.dir, `${prefix}env.txt`),
    GITHUB_PATH: join(opts.dir, `${prefix}path.txt`),
    GITHUB_STEP_SUMMARY: join(opts.dir, `${prefix}step-summary.md`),
  }
  for (const file of Object.values(files)) await writeFile(file, '')
  const child = spawn(process.execPath, [opts.script], {
    cwd: env['GITHUB_WORKSPACE'],
    env: { ...env, ...files },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const masks: string[] = []
  let stdout = ''
  const show = (text: string): void => {
    log.push(text)
    opts.print(step === 'main' ? text : `(post) ${text}`)
  }
  createInterface({ input: child.stdout }).on('line', (line) => {
    stdout += `${line}\n`
    const text = renderLine(line, masks)
    if (text !== undefined) show(text)
  })
  createInterface({ input: child.stderr }).on('line', (line) =>
    show(`stderr: ${renderLine(line, masks) ?? ''}`),
  )
  let timedOut = false
  const kill = (): void => {
    child.kill('SIGTERM')
    setTimeout(() => child.kill('SIGKILL'), 3_000).unref()
  }
  const timer = setTimeout(() => {
    timedOut = true
    kill()
  }, opts.timeoutMs ?? 60_000)
  opts.signal?.addEventListener('abort', kill, { once: true })
  const [exitCode, killedBy] = await new Promise<[number | null, NodeJS.Signals | null]>((done, fail) => {
    child.once('error', fail)
    child.once('close', (code, sig) => done([code, sig]))
  }).finally(() => {
    clearTimeout(timer)
    opts.signal?.removeEventListener('abort', kill)
  })
  return {
    exitCode,
    killedBy,
    timedOut,
    outputs: parseFileCommand(await readFile(files.GITHUB_OUTPUT, 'utf8')),
    state: parseFileCommand(await readFile(files.GITHUB_STATE, 'utf8')),
    annotations: parseWorkflowCommands(stdout).annotations,
  }
}

export async function runActionAsRunner(opts: ActionRunOptions): Promise<ActionRun> {
  const dir = resolve(opts.dir)
  await rm(dir, { recursive: true, force: true })
  for (const sub of ['workspace', 'runner-temp', 'tool-cache'])
    await mkdir(join(dir, sub), { recursive: true })
  const env = baseEnv(opts, dir)
  const event = {
    ref: 'refs/heads/main',
    after: opts.sha,
    repository: {
      full_name: 'deploy-gate/demo',
      name: 'demo',
      owner: { login: 'deploy-gate' },
      default_branch: 'main',
    },
    sender: { login: 'demo', type: 'User' },
  }
  await writeFile(env['GITHUB_EVENT_PATH']!, JSON.stringify(event, null, 2))
  const log: string[] = []
  const main = await runStep('main', { ...opts, dir }, env, log)
  let post: StepRun | undefined
  if (opts.signal?.aborted !== true) {
    const postEnv = { ...env }
    for (const [name, value] of Object.entries(main.state)) postEnv[`STATE_${name}`] = value
    post = await runStep('post', { ...opts, dir }, postEnv, log)
  }
  const logPath = join(dir, 'action.log')
  await writeFile(logPath, `${log.join('\n')}\n`)
  const summaryPath = join(dir, 'step-summary.md')
  return {
    main,
    ...(post ? { post } : {}),
    summaryPath,
    summary: await readFile(summaryPath, 'utf8'),
    logPath,
  }
}
