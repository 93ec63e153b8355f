/**
 * Runs the built action the way the GitHub runner does — `node dist/index.js` with `INPUT_<NAME>` (upper case,
 * hyphens kept), the `GITHUB_*` / `RUNNER_*` variables and file commands, then the post step (`post-if: always()`)
 * with `STATE_*` from the main step — and streams its log while it runs, with workflow commands shown as the runner
 * shows them (annotations, groups) and `::add-mask::` values replaced by `***`.
 *
 * The demo's use of the one runner simulator (`testkit/runner.ts`): everything stays in one folder the demo prints
 * (`<dir>/step-summary.md`, `<dir>/runner_temp/…`, `<dir>/action.log`), and each line is rendered as it arrives.
 */
import { copyFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { runAction, type StepResult } from '../testkit/runner.ts'
import { parseCommandLine, type Annotation } from '../testkit/workflow-commands.ts'

/** The repository the demo's runs belong to (and the GitHub fake serves). */
export const DEMO_REPOSITORY = 'deploy-gate/demo'
/** Any token: the GitHub fake accepts every token. */
const DEMO_TOKEN = 'ghs_demoToken000000000000000000000000000'

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
  /** `GITHUB_API_URL` (the GitHub fake). Default: a closed local port, and no token. */
  readonly apiUrl?: string
  /** Default `push`. */
  readonly eventName?: 'push' | 'workflow_dispatch'
  /** `GITHUB_WORKSPACE`, where a `config` input is read from. Default: a fresh folder in `dir`. */
  readonly workspace?: string
  /** More `GITHUB_*` variables (`GITHUB_RUN_ID`, `GITHUB_RUN_ATTEMPT`, `GITHUB_JOB`, `GITHUB_WORKFLOW`). */
  readonly env?: Readonly<Record<string, string>>
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

export async function runActionAsRunner(opts: ActionRunOptions): Promise<ActionRun> {
  const dir = resolve(opts.dir)
  const log: string[] = []
  const masks: string[] = []
  const repository = DEMO_REPOSITORY
  const eventName = opts.eventName ?? 'push'
  const repo = {
    full_name: repository,
    name: 'demo',
    owner: { login: 'deploy-gate' },
    default_branch: 'main',
  }
  const sender = { login: 'demo', type: 'User' }
  const run = await runAction({
    script: opts.script,
    dir,
    // With the GitHub fake the token is any token (the fake accepts any); without it the demo has no GitHub, so it
    // runs without one, and the default GITHUB_API_URL is a closed port: any call fails fast, offline.
    inputs: { 'github-token': opts.apiUrl ? DEMO_TOKEN : '', ...opts.inputs },
    repository,
    eventName,
    ...(opts.apiUrl ? { apiUrl: opts.apiUrl } : {}),
    ...(opts.workspace ? { cwd: opts.workspace } : {}),
    event:
      eventName === 'workflow_dispatch'
        ? {
            inputs: {},
            ref: 'refs/heads/main',
            repository: repo,
            sender,
            workflow: '.github/workflows/rollback.yml',
          }
        : { ref: 'refs/heads/main', after: opts.sha, repository: repo, sender },
    env: {
      GITHUB_SHA: opts.sha,
      GITHUB_ACTOR: 'demo',
      GITHUB_RUN_ID: String(4_000_000 + (Date.now() % 1_000_000)),
      RUNNER_NAME: 'demo-runner',
      RUNNER_DEBUG: process.env['RUNNER_DEBUG'] === '1' ? '1' : undefined,
      ...opts.env,
    },
    timeoutMs: opts.timeoutMs ?? 60_000,
    ...(opts.signal ? { abortSignal: opts.signal } : {}),
    onLine: (line, from) => {
      const rendered = renderLine(line, masks)
      const text = from.stream === 'stderr' ? `stderr: ${rendered ?? ''}` : rendered
      if (text === undefined) return
      log.push(text)
      opts.print(from.step === 'main' ? text : `(post) ${text}`)
    },
  })
  const logPath = join(dir, 'action.log')
  await writeFile(logPath, `${log.join('\n')}\n`)
  const summaryPath = join(dir, 'step-summary.md')
  await copyFile(run.summaryPath, summaryPath)
  return {
    main: stepRun(run),
    ...(run.post ? { post: stepRun(run.post) } : {}),
    summaryPath,
    summary: run.summary,
    logPath,
  }
}

function stepRun(step: StepResult): StepRun {
  return {
    exitCode: step.exitCode,
    killedBy: step.signal,
    timedOut: step.timedOut,
    outputs: step.outputs,
    annotations: step.annotations,
  }
}
