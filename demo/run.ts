/**
 * `npm run demo`: the built action (dist/index.js) in gate mode, end to end, against a local demo environment — an app
 * with health endpoints and node_exporter-, DCGM- and vLLM-shaped metrics, scraped by a real Prometheus (or, without
 * one, the embedded stand-in). Two runs: healthy (expect `stable`, exit 0), then GPU 0's VRAM at 96 % (expect
 * `failed`, exit 1, an annotation naming vram and the GPU). Exits 0 only when both came out as expected, so it is also
 * a smoke test. See docs/demo.md.
 */
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { builtinQuery } from '../src/model/builtins.ts'
import { staleDistReason } from '../scripts/source-hash.ts'
import { runActionAsRunner, type ActionRun } from './action.ts'
import { startDemoApp, type DemoApp } from './app.ts'
import { HOSTS } from './exposition.ts'
import { startDemoPrometheus, type DemoPrometheus } from './prometheus.ts'

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

function headSha(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: 'pipe',
    }).trim()
    if (/^[0-9a-f]{40}$/.test(sha)) return sha
  } catch {
    // not a git checkout
  }
  return 'd3e0a1b2c3d4e5f60718293a4b5c6d7e8f901234'
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

interface Expectation {
  readonly verdict: 'stable' | 'failed'
  readonly exitCode: number
  /** Each must match one error annotation (title and message). */
  readonly annotations: readonly RegExp[]
}

/** Prints the outcome of one run; returns the expectations it missed. */
function report(label: string, run: ActionRun, expect: Expectation): string[] {
  const { main, post } = run
  const outputs = main.outputs
  const reportPath = outputs['report-path'] ?? ''
  const missed: string[] = []
  const check = (ok: boolean, what: string): void => {
    if (!ok) missed.push(`${label}: ${what}`)
  }
  check(
    outputs['verdict'] === expect.verdict,
    `verdict ${outputs['verdict'] ?? '(none)'}, expected ${expect.verdict}`,
  )
  check(main.exitCode === expect.exitCode, `exit code ${main.exitCode}, expected ${expect.exitCode}`)
  check(!main.timedOut, 'the step timed out')
  check(post === undefined || post.exitCode === 0, `post step exit code ${post?.exitCode}`)
  check(run.summary.trim() !== '', 'the job summary is empty')
  let reportVerdict: unknown
  try {
    reportVerdict = (JSON.parse(readFileSync(reportPath, 'utf8')) as { verdict?: unknown }).verdict
  } catch {
    reportVerdict = undefined
  }
  check(
    reportVerdict === expect.verdict,
    `JSON report ${reportPath || '(no report-path output)'} has verdict ${String(reportVerdict)}`,
  )
  const errors = main.annotations
    .filter((a) => a.level === 'error')
    .map((a) => `${a.title ?? ''} ${a.message}`)
  for (const re of expect.annotations)
    check(
      errors.some((e) => re.test(e)),
      `no error annotation matching ${re}`,
    )

  say(`\n  verdict:       ${outputs['verdict'] ?? '(not set)'}`)
  say(
    `  exit code:     ${main.exitCode ?? `killed by ${main.killedBy}`}${post ? `   (post step: ${post.exitCode})` : ''}`,
  )
  say(`  failed-checks: ${outputs['failed-checks'] || '(none)'}`)
  for (const a of main.annotations)
    say(`  annotation:    ${a.level}: ${a.title ? `${a.title}: ` : ''}${a.message}`)
  say(`  job summary:   ${shown(run.summaryPath)}   (GITHUB_STEP_SUMMARY)`)
  say(`  JSON report:   ${reportPath ? shown(reportPath) : '(no report-path output)'}`)
  say(`  full log:      ${shown(run.logPath)}`)
  say(`\n  ── job summary (${shown(run.summaryPath)}) ──`)
  for (const line of run.summary.trimEnd().split('\n')) say(`  ${line}`)
  say(`  ── end of job summary ──`)
  say(missed.length === 0 ? `\n  ✔ ${label}: as expected` : missed.map((m) => `\n  ✘ ${m}`).join(''))
  return missed
}

async function runGate(label: string, app: DemoApp, prom: DemoPrometheus, sha: string): Promise<ActionRun> {
  const inputs = {
    'health-urls': app.healthUrls.join('\n'),
    'prometheus-url': prom.url,
    'host-selector': 'job="node"',
    'gpu-selector': 'job="dcgm"',
    'vllm-selector': 'job="vllm"',
    'kv-cache-max': '90',
    duration: '6s',
    interval: '2s',
    record: 'false',
    'report-artifact': 'none',
  }
  say('  inputs:')
  for (const [name, value] of Object.entries(inputs)) say(`    ${name}: ${value.split('\n').join(' | ')}`)
  say(`  ── action log ──`)
  const pad = `${label} │ `
  return runActionAsRunner({
    script: DIST,
    dir: join(ROOT, '.tmp', 'demo', label),
    inputs,
    sha,
    print: (line) => say(`  ${pad}${line}`),
    timeoutMs: 45_000,
    signal: cancel.signal,
  })
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
  say(`\n[${elapsed()}] ${signal}: stopping the action, Prometheus and the demo servers`)
  cancel.abort()
  void shutdown().then(() => process.exit(signal === 'SIGINT' ? 130 : 143))
}
process.once('SIGINT', onSignal)
process.once('SIGTERM', onSignal)

async function main(): Promise<number> {
  say('deploy-gate demo: the built action in gate mode against a local app, exporters and Prometheus')
  await ensureBuilt()

  step('starting the demo app and exporters on 127.0.0.1')
  const app = await startDemoApp()
  cleanups.push(() => app.close())
  say(`  app (health):  ${app.healthUrls.join('  ')}`)
  for (const t of app.targets) say(`  job=${t.job.padEnd(5)}     http://${t.address}/metrics   ${t.role}`)

  step('starting Prometheus')
  const prom = await startDemoPrometheus(app.targets, (line) => say(`  ${line}`))
  cleanups.push(() => prom.stop())
  say(`  using the ${prom.description}`)
  say(`  url: ${prom.url} (ready at ${elapsed()})`)
  await waitForScrapes(prom, app)
  say(`  every built-in query has its series (${elapsed()})`)

  const sha = headSha()
  step('run 1/2 "healthy": VRAM 91 % (vLLM at rest), KV cache ~35 %, CPU 30–40 %, memory ~55 %, disk ~60 %')
  const healthy = await runGate('healthy', app, prom, sha)
  const missed = report('healthy', healthy, { verdict: 'stable', exitCode: 0, annotations: [] })

  const gpu = app.gpus[0]!
  step(`run 2/2 "vram-96": GPU ${gpu.gpu} (${gpu.uuid}) VRAM 91 % → 96 % (leak or foreign process)`)
  app.setVramUsedPercent(96, gpu.gpu)
  const vram = builtinQuery('vram', 'job="dcgm"')
  await prom.waitFor(vram, (series) => series.some((s) => s.labels['gpu'] === gpu.gpu && s.value > 95))
  say(`  Prometheus sees it (${elapsed()})`)
  const failed = await runGate('vram-96', app, prom, sha)
  const gpuNamed = new RegExp(`gpu="${gpu.gpu}"|${gpu.uuid}`)
  missed.push(
    ...report('vram-96', failed, { verdict: 'failed', exitCode: 1, annotations: [/vram/] }),
    ...(failed.main.annotations.some(
      (a) => /vram/.test(`${a.title ?? ''} ${a.message}`) && gpuNamed.test(a.message),
    )
      ? []
      : [`vram-96: no vram annotation names GPU ${gpu.gpu} (gpu="${gpu.gpu}" or its UUID)`]),
  )
  const unsupported = prom.unsupportedQueries()
  if (unsupported.length > 0)
    missed.push(`the embedded Prometheus could not answer: ${unsupported.join(' ; ')}`)

  step(`done with the ${prom.kind} Prometheus`)
  if (missed.length === 0) {
    say('  ✔ both runs gave the expected verdicts (healthy → stable, exit 0; VRAM 96 % → failed, exit 1)')
    return 0
  }
  for (const m of missed) say(`  ✘ ${m}`)
  return 1
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
  say(`[${elapsed()}] stopped Prometheus and the demo servers; exit ${exitCode}`)
  process.exitCode = exitCode
}
