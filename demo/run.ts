/**
 * `npm run demo`: the whole story of a deploy, told by the built action (dist/index.js) run as the GitHub runner runs
 * it, against a local environment — an app, node_exporter-, DCGM- and vLLM-shaped exporters, the `api` service being
 * deployed, Prometheus (the real one with promtool's backfill, or the embedded stand-in) and the project's GitHub API
 * fake:
 *
 *   1. deploy v1 → gate: stable, recorded
 *   2. deploy v2, a regression under every fixed bound → gate: failed by its baseline; the summary names v1
 *   3. the rollback button → v1's deploy job re-run
 *   4. v1's re-run → gate: stable
 *
 * Prints the story step by step with each step's verdict, writes each job summary as an HTML page (GitHub's markdown
 * rendering, Mermaid charts drawn) and names the pages at the end. Exits 0 only when every step came out as the story
 * says, so it is also a smoke test of the built action. See docs/demo.md.
 */
import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { spawn } from 'node:child_process'
import { builtinQuery } from '../src/model/builtins.ts'
import { staleDistReason } from '../scripts/source-hash.ts'
import { startDemoApp, type DemoApp } from './app.ts'
import { HOSTS } from './exposition.ts'
import { startDemoGitHub } from './github.ts'
import { startDemoPrometheus, type DemoPrometheus } from './prometheus.ts'
import { stepDeployV1, stepDeployV2, stepRerunV1, stepRollback } from './story.ts'
import { CONFIG_FILE, writeConfig, type StepResult, type StoryEnv } from './story-runs.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const DIST = join(ROOT, 'dist', 'index.js')
const startedMs = Date.now()
const cleanups: Array<() => Promise<void>> = []
const cancel = new AbortController()

const elapsed = (): string => `${((Date.now() - startedMs) / 1000).toFixed(1)}s`
const say = (line = ''): void => console.log(line)
const step = (text: string): void => say(`\n[${elapsed()}] ${text}`)
const shown = (file: string): string => {
  const rel = relative(process.cwd(), file)
  return rel.startsWith('..') ? file : rel
}

async function ensureBuilt(): Promise<void> {
  // A hash of the sources, not file times: after `git clone` every file is new, and the committed build is current.
  const why = staleDistReason(ROOT)
  if (why === undefined) {
    step('dist/ was built from these sources (dist/source-hash.txt): using the committed build')
    return
  }
  step(`${why}: running npm run build`)
  const npmCli = process.env['npm_execpath']
  const [command, args] = npmCli ? [process.execPath, [npmCli, 'run', 'build']] : ['npm', ['run', 'build']]
  const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit' })
  const stop = (): void => void child.kill('SIGTERM')
  cancel.signal.addEventListener('abort', stop, { once: true })
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject)
    child.once('close', resolve)
  }).finally(() => cancel.signal.removeEventListener('abort', stop))
  if (code !== 0 || !existsSync(DIST)) throw new Error(`npm run build failed (exit ${code})`)
}

/** Waits until Prometheus has every series the action will ask for (first scrapes, and two for rate()). */
async function waitForScrapes(prom: DemoPrometheus, app: DemoApp): Promise<void> {
  const excluded = /^(tmpfs|overlay|squashfs|ramfs|nsfs)$/
  const expected: Array<[string, number]> = [
    [builtinQuery('cpu', 'job="node"'), HOSTS.length],
    [builtinQuery('memory', 'job="node"'), HOSTS.length],
    [
      builtinQuery('disk', 'job="node"'),
      HOSTS.flatMap((h) => h.filesystems).filter((f) => !excluded.test(f.fstype)).length,
    ],
    [builtinQuery('vram', 'job="dcgm"'), app.gpus.length],
    [builtinQuery('kv-cache', 'job="vllm"'), 1],
    ['sum(rate(http_server_requests_seconds_count{job="api"}[4s]))', 1],
  ]
  await Promise.all(
    expected.map(([query, count]) =>
      prom.waitFor(
        query,
        (series) => series.length === count && series.every((s) => Number.isFinite(s.value)),
      ),
    ),
  )
}

let shuttingDown: Promise<void> | undefined
function shutdown(): Promise<void> {
  shuttingDown ??= (async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup()
      } catch (error) {
        say(`cleanup: ${String(error)}`)
      }
    }
  })()
  return shuttingDown
}

function onSignal(signal: NodeJS.Signals): void {
  say(`\n[${elapsed()}] ${signal}: stopping the action, Prometheus, the GitHub fake and the demo servers`)
  cancel.abort()
  void shutdown().then(() => process.exit(signal === 'SIGINT' ? 130 : 143))
}
process.once('SIGINT', onSignal)
process.once('SIGTERM', onSignal)

async function main(): Promise<number> {
  say(
    'deploy-gate demo: deploy v1, deploy v2 (a regression under every fixed bound), roll back, gate v1 again',
  )
  await ensureBuilt()
  const outDir = join(ROOT, '.tmp', 'demo')
  await rm(outDir, { recursive: true, force: true })

  step('setting up on 127.0.0.1')
  const app = await startDemoApp()
  cleanups.push(() => app.close())
  say(
    `  app ${app.url} (health ${app.healthUrls.join(' ')}) and the api service (health ${app.api.healthUrl})`,
  )
  for (const t of app.targets) say(`  scrape job=${t.job.padEnd(5)} ${t.address}  ${t.role}`)
  const prom = await startDemoPrometheus(app.targets, app.api.service, (line) => say(`  ${line}`))
  cleanups.push(() => prom.stop())
  say(`  Prometheus ${prom.url} (ready at ${elapsed()}): the ${prom.description}`)
  const github = await startDemoGitHub()
  cleanups.push(() => github.close())
  say(
    `  GitHub: the API fake (testkit/github-fake.ts) ${github.fake.url}, repository deploy-gate/demo, deploy.yml + rollback.yml`,
  )
  const env: StoryEnv = {
    app,
    prom,
    github,
    script: DIST,
    outDir,
    say,
    verbose: process.env['DEMO_VERBOSE'] === '1',
    signal: cancel.signal,
    shown,
    elapsed,
  }
  const workspace = await writeConfig(env)
  say(
    `  the gate's config: ${shown(join(workspace, CONFIG_FILE))} — api-errors (max 0.05), api-p95-latency (max 2 s),`,
  )
  say(
    '  api-traffic, each also against the 30 minutes before the deploy job started; plus the health URLs and the',
  )
  say('  built-in cpu, memory, disk, vram and kv-cache checks (inputs)')
  await waitForScrapes(prom, app)
  say(`  Prometheus has every series the gate asks for (${elapsed()})`)

  const results: StepResult[] = []
  step('step 1/4 · deploy v1')
  const one = await stepDeployV1(env)
  results.push(one)
  closing(one)
  step('step 2/4 · deploy v2')
  const two = await stepDeployV2(env, one.v1)
  results.push(two)
  closing(two)
  step('step 3/4 · the rollback button')
  const three = await stepRollback(env, one.v1, two.v2)
  results.push(three)
  closing(three)
  step("step 4/4 · v1's re-run")
  const four = await stepRerunV1(env, one.v1)
  results.push(four)
  closing(four)

  const missed = results.flatMap((r) => r.missed)
  const unsupported = prom.unsupportedQueries()
  if (unsupported.length > 0)
    missed.push(`the embedded Prometheus could not answer: ${unsupported.join(' ; ')}`)
  missed.push(...github.fake.violations.map((v) => `GitHub fake: ${v}`))

  step(`the story, with the ${prom.kind} Prometheus and the GitHub fake`)
  if (prom.kind === 'embedded')
    say(
      '  (the EMBEDDED stand-in, not Prometheus: its history was given in memory, not backfilled with promtool)',
    )
  for (const r of results) say(`  ${r.missed.length === 0 ? '✔' : '✘'} ${r.closing}`)
  say('  job summaries (HTML, as GitHub renders the markdown; Mermaid charts drawn in the page):')
  for (const r of results) say(`    ${shown(r.page)}`)
  if (missed.length === 0) return 0
  for (const m of missed) say(`  ✘ ${m}`)
  return 1
}

function closing(r: StepResult): void {
  say(`  ${r.missed.length === 0 ? '✔' : '✘'} ${r.closing}`)
}

let exitCode: number
try {
  exitCode = await main()
} catch (error) {
  if (!cancel.signal.aborted)
    say(`\n[${elapsed()}] demo failed: ${error instanceof Error ? error.message : String(error)}`)
  exitCode = 2
} finally {
  await shutdown()
}
if (!cancel.signal.aborted) {
  say(`[${elapsed()}] stopped Prometheus, the GitHub fake and the demo servers; exit ${exitCode}`)
  process.exitCode = exitCode
}
