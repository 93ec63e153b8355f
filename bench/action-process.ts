/**
 * Runs the built action (`dist/index.js`, or `BENCH_DIST`) as the runner does: a fresh Node 24 process with INPUT_*,
 * GITHUB_* and RUNNER_* variables and its file commands in a temp dir. Times are `performance.now()` of this process.
 * With `peakRss`, the child's peak RSS is read from `/usr/bin/time -f %M` (the kernel's ru_maxrss of the child, from
 * wait4), or, without GNU time, from `process.resourceUsage().maxRSS` written by a one-line `--import` at exit.
 */
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { inputEnvName, parseFileCommand } from '../__tests__/helpers/runner.ts'
import { BENCH_SHA, BENCH_TOKEN } from './settings.ts'

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url))
/** The Node the runner uses for `node24` actions: the `node` dev dependency (the system node may be older). */
export const NODE_BIN = resolve(REPO_ROOT, 'node_modules/.bin/node')
const GNU_TIME = '/usr/bin/time'

/** `BENCH_DIST` (another build, e.g. `ncc build src/index.ts -o /tmp/x`) or the repository's dist/index.js. */
export function distScript(): string {
  return process.env['BENCH_DIST'] ? resolve(process.env['BENCH_DIST']) : join(REPO_ROOT, 'dist', 'index.js')
}

/** A warning when a file under src/ is newer than the bundle measured (the figures then describe an older build). */
export function staleDistNote(): string | undefined {
  const script = distScript()
  if (!existsSync(script)) throw new Error(`${script} does not exist: run npm run build`)
  if (process.env['BENCH_DIST']) return `measured ${script}`
  const builtMs = statSync(script).mtimeMs
  const newer = listFiles(join(REPO_ROOT, 'src')).filter((f) => statSync(f).mtimeMs > builtMs)
  return newer.length === 0 ? undefined : `dist is older than ${newer.length} src file(s): run npm run build`
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)],
  )
}

export interface ActionRunOptions {
  /** Input names as in action.yml. No action.yml defaults are applied: defaults in code are what is measured. */
  readonly inputs: Readonly<Record<string, string>>
  readonly env?: Readonly<Record<string, string | undefined>>
  readonly nodeArgs?: readonly string[]
  readonly peakRss?: boolean
  /** Killed (SIGKILL) after this long. Default 60 s. */
  readonly timeoutMs?: number
  /** Each stdout line as it arrives, with its arrival time. */
  readonly onLine?: (line: string, atMs: number) => void
}

export interface ActionRun {
  readonly spawnedAt: number
  readonly exitedAt: number
  readonly exitCode: number | null
  readonly stdout: string
  readonly stderr: string
  readonly outputs: Record<string, string>
  readonly summary: string
  /** KiB, with `peakRss`. */
  readonly peakRssKiB?: number
}

export function peakRssMethod(): string {
  return existsSync(GNU_TIME)
    ? 'peak RSS = ru_maxrss of the node process, via /usr/bin/time -f %M'
    : 'peak RSS = process.resourceUsage().maxRSS at exit, via --import'
}

const RSS_AT_EXIT =
  'data:text/javascript,' +
  encodeURIComponent(
    "import { writeFileSync } from 'node:fs';" +
      "process.on('exit', () => writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)))",
  )

export async function runActionProcess(opts: ActionRunOptions): Promise<ActionRun> {
  const temp = await mkdtemp(join(tmpdir(), 'deploy-gate-bench-'))
  try {
    return await runIn(temp, opts)
  } finally {
    await rm(temp, { recursive: true, force: true })
  }
}

async function runIn(temp: string, opts: ActionRunOptions): Promise<ActionRun> {
  const runnerTemp = join(temp, 'runner_temp')
  const workspace = join(temp, 'workspace')
  await mkdir(runnerTemp, { recursive: true })
  await mkdir(workspace, { recursive: true })
  const files = {
    GITHUB_OUTPUT: join(temp, 'output'),
    GITHUB_STATE: join(temp, 'state'),
    GITHUB_ENV: join(temp, 'env'),
    GITHUB_PATH: join(temp, 'path'),
    GITHUB_STEP_SUMMARY: join(temp, 'summary'),
  }
  for (const f of Object.values(files)) await writeFile(f, '')
  const eventPath = join(temp, 'event.json')
  await writeFile(eventPath, JSON.stringify({ ref: 'refs/heads/main', after: BENCH_SHA }))
  const rssFile = join(temp, 'rss')

  const env: Record<string, string> = {}
  const all: Record<string, string | undefined> = {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_API_URL: 'http://127.0.0.1:9',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'owner/repo',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: BENCH_SHA,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_RUN_ID: '4000001',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'deploy',
    GITHUB_WORKFLOW_REF: 'owner/repo/.github/workflows/deploy.yml@refs/heads/main',
    GITHUB_WORKSPACE: workspace,
    RUNNER_NAME: 'GitHub-Actions-1000000242',
    RUNNER_TEMP: runnerTemp,
    BENCH_RSS_FILE: rssFile,
    ...files,
    [inputEnvName('github-token')]: BENCH_TOKEN,
  }
  for (const [k, v] of Object.entries(opts.inputs)) all[inputEnvName(k)] = v
  Object.assign(all, opts.env)
  for (const [k, v] of Object.entries(all)) if (v !== undefined) env[k] = v

  const useTime = opts.peakRss === true && existsSync(GNU_TIME)
  const nodeArgs = [
    ...(opts.nodeArgs ?? []),
    ...(opts.peakRss && !useTime ? [`--import=${RSS_AT_EXIT}`] : []),
  ]
  const [command, args] = useTime
    ? [GNU_TIME, ['-f', '%M', '-o', rssFile, NODE_BIN, ...nodeArgs, distScript()]]
    : [NODE_BIN, [...nodeArgs, distScript()]]

  const spawnedAt = performance.now()
  const child = spawn(command, args, { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  let pending = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const at = performance.now()
    stdout += chunk
    pending += chunk
    const lines = pending.split('\n')
    pending = lines.pop() ?? ''
    for (const line of lines) opts.onLine?.(line, at)
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000)
  const exitCode = await new Promise<number | null>((done, fail) => {
    child.once('error', fail)
    child.once('exit', (code) => done(code))
  }).finally(() => clearTimeout(timer))
  const exitedAt = performance.now()
  await new Promise<void>((done) => (child.stdout.readableEnded ? done() : child.stdout.once('end', done)))

  let peakRssKiB: number | undefined
  if (opts.peakRss) {
    const text = (await readFile(rssFile, 'utf8').catch(() => '')).trim().split('\n').at(-1) ?? ''
    peakRssKiB = Number(text)
    if (!Number.isFinite(peakRssKiB) || peakRssKiB <= 0) throw new Error(`no peak RSS read: "${text}"`)
  }
  return {
    spawnedAt,
    exitedAt,
    exitCode,
    stdout,
    stderr,
    outputs: parseFileCommand(await readFile(files.GITHUB_OUTPUT, 'utf8')),
    summary: await readFile(files.GITHUB_STEP_SUMMARY, 'utf8'),
    ...(peakRssKiB === undefined ? {} : { peakRssKiB }),
  }
}

/** Spawn → exit of `node <args>` (e.g. `-e 0`): the floor of any process start on this Node. */
export async function nodeStartMs(args: readonly string[]): Promise<number> {
  const start = performance.now()
  const child = spawn(NODE_BIN, args, { stdio: 'ignore' })
  await new Promise<void>((done, fail) => {
    child.once('error', fail)
    child.once('exit', () => done())
  })
  return performance.now() - start
}
