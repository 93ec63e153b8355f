/**
 * The benchmarks' use of the one runner simulator (`testkit/runner.ts`): the built action (`dist/index.js`, or
 * `BENCH_DIST`), its main step only, no action.yml defaults (defaults in code are what is measured), with timings
 * (`performance.now()` of this process) and optionally the child's peak RSS.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { staleDistReason } from '../scripts/source-hash.ts'
import { cleanupActionRuns, NODE_BIN, runAction, type StepResult } from '../testkit/runner.ts'
import { TEST_SHA, TEST_TOKEN } from '../testkit/settings.ts'

export { NODE_BIN, peakRssMethod } from '../testkit/runner.ts'
export const REPO_ROOT = resolve(import.meta.dirname, '..')

/** `BENCH_DIST` (another build, e.g. `ncc build src/index.ts -o /tmp/x`) or the repository's dist/index.js. */
export function distScript(): string {
  return process.env['BENCH_DIST'] ? resolve(process.env['BENCH_DIST']) : join(REPO_ROOT, 'dist', 'index.js')
}

/** A warning when dist/ was built from other sources than src/ holds now (compared by hash, not by file times). */
export function staleDistNote(): string | undefined {
  const script = distScript()
  if (!existsSync(script)) throw new Error(`${script} does not exist: run npm run build`)
  if (process.env['BENCH_DIST']) return `measured ${script}`
  const stale = staleDistReason(REPO_ROOT)
  return stale === undefined ? undefined : `${stale}: run npm run build`
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

export async function runActionProcess(opts: ActionRunOptions): Promise<StepResult> {
  const onLine = opts.onLine
  return runAction({
    script: distScript(),
    post: false,
    inputs: { 'github-token': TEST_TOKEN, ...opts.inputs },
    env: { GITHUB_SHA: TEST_SHA, ...opts.env },
    event: { ref: 'refs/heads/main', after: TEST_SHA },
    timeoutMs: opts.timeoutMs ?? 60_000,
    ...(opts.nodeArgs ? { nodeArgs: opts.nodeArgs } : {}),
    ...(opts.peakRss ? { peakRss: true } : {}),
    ...(onLine ? { onLine: (line, from) => from.stream === 'stdout' && onLine(line, from.atMs) } : {}),
  }).finally(cleanupActionRuns)
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
