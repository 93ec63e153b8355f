/**
 * `npm run demo` end to end (issue 24): the demo process as a user runs it (`node demo/run.ts`, Node 24), with the real
 * Prometheus (backfilled with promtool) and with the embedded stand-in. It must tell the whole story — v1 stable and
 * recorded, v2 failed by its baseline with v1 named as the rollback target, the rollback re-running v1's deploy job,
 * v1's re-run stable — with a closing line per step, exit 0, write each job summary as an HTML page (GitHub's markdown
 * rendering, the Mermaid charts with the bundle inlined), and stay under a minute.
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { NODE_BIN } from '../../testkit/runner.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
/** The target of issue 24: the whole story in under a minute. */
const TARGET_MS = 60_000

interface DemoRun {
  readonly exitCode: number | null
  readonly stdout: string
  readonly stderr: string
  readonly wallMs: number
}

function runDemo(env: Record<string, string>): Promise<DemoRun> {
  const startedMs = performance.now()
  const child = spawn(NODE_BIN, ['demo/run.ts'], {
    cwd: ROOT,
    env: { ...process.env, DEMO_VERBOSE: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const timer = setTimeout(() => child.kill('SIGTERM'), 120_000)
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (exitCode) => {
      clearTimeout(timer)
      resolve({ exitCode, stdout, stderr, wallMs: performance.now() - startedMs })
    })
  })
}

/** The pages the demo names at the end. */
function pages(stdout: string): string[] {
  const tail = stdout.slice(stdout.indexOf('job summaries (HTML'))
  return [...tail.matchAll(/^\s+(\S+summary\.html)$/gm)].map((m) => join(ROOT, m[1]!))
}

function expectStory(run: DemoRun, prometheus: 'real' | 'embedded'): void {
  const out = run.stdout
  expect(run.exitCode, `${out}\n${run.stderr}`).toBe(0)
  expect(out).not.toContain('✘')
  expect(out).toContain(`the story, with the ${prometheus} Prometheus and the GitHub fake`)
  for (const header of [
    'step 1/4 · deploy v1',
    'step 2/4 · deploy v2',
    'step 3/4 · the rollback button',
    "step 4/4 · v1's re-run",
  ])
    expect(out).toContain(header)

  // Each step's closing line and verdict, printed after the step and again at the end.
  const closing = [
    /✔ step 1 · deploy v1 → stable \(exit 0\), recorded as deployment \d+ \(success\)/g,
    /✔ step 2 · deploy v2 → failed \(exit 1\) by its baseline \(api-errors, api-p95-latency\), under every fixed bound; rollback target v1 \([0-9a-f]{7}, run \d+\)/g,
    /✔ step 3 · rollback → re-ran v1's deploy job \(deploy-job, exit 0\): run \d+ attempt 2; had dist expired: all-jobs/g,
    /✔ step 4 · v1's re-run → stable \(exit 0\), recorded as deployment \d+/g,
  ]
  for (const re of closing) expect(out.match(re), String(re)).toHaveLength(2)

  // Step 2 is caught by the comparison with before the deploy, whose window ends at the deploy job's started_at.
  expect(out).toMatch(/failed api-p95-latency: 2 breaches in a row .*vs 0\.1\d+ before the deploy; normal/)
  expect(out).toMatch(/the window before the deploy: the deploy job's start \(\d{4}-\d\d-\d\dT/)
  expect(out).toMatch(/next: The rollback would go back to [0-9a-f]{7} \(run \d+\)/)
  expect(out).toContain('only its deploy job would run again (deploy-job)')
  // Step 3: the job re-run, not the whole run.
  expect(out).toMatch(/GitHub: POST \/repos\/deploy-gate\/demo\/actions\/jobs\/\d+\/rerun → 201/)
  expect(out).toMatch(/v2's deployment \d+: failure "rolled back to [0-9a-f]{7} \(run \d+\)"/)
}

function expectPages(run: DemoRun): void {
  const files = pages(run.stdout)
  expect(files.map((f) => f.slice(ROOT.length))).toEqual([
    '.tmp/demo/1-deploy-v1/summary.html',
    '.tmp/demo/2-deploy-v2/summary.html',
    '.tmp/demo/3-rollback/summary.html',
    '.tmp/demo/4-rerun-v1/summary.html',
  ])
  for (const f of files) expect(existsSync(f), f).toBe(true)
  const [v1, v2, rollback, rerun] = files.map((f) => readFileSync(f, 'utf8'))
  // GitHub's markdown rendering: headings, GFM tables, the github-markdown-css page.
  for (const html of [v1!, v2!, rollback!, rerun!]) {
    expect(html).toContain('<article class="markdown-body">')
    expect(html).toContain('<table>')
    expect(html).not.toContain('| --- |')
  }
  expect(v1).toMatch(/<h3>✅ deploy-gate: stable · production · <code>[0-9a-f]{7}<\/code>/)
  expect(rerun).toMatch(/<h3>✅ deploy-gate: stable/)
  expect(v2).toMatch(/<h3>❌ deploy-gate: failed/)
  expect(v2).toContain('<h4>What to do next</h4>')
  // The Mermaid charts: left for the inlined bundle to draw, one per failed check; no CDN, no network.
  expect(
    v2!.match(
      /<pre class="mermaid">(%%\{init[^\n]*\n)?xychart-beta\n {2}title "api-[a-z0-9-]+: before and after the deploy"/g,
    ),
  ).toHaveLength(2)
  expect(v2).toContain(".run({ querySelector: 'pre.mermaid' })")
  // The bundle itself (~3.5 MB), inlined.
  expect(v2!.length).toBeGreaterThan(1_000_000)
  expect(v2).not.toMatch(/<script[^>]+src=/)
  expect(v1).not.toContain('mermaid.run')
  expect(rollback).toMatch(/rollback/i)
}

describe('npm run demo', () => {
  it(
    'tells the story with the real Prometheus: stable, failed by its baseline, rolled back, stable; pages written',
    { timeout: 150_000 },
    async () => {
      const run = await runDemo({ DEMO_PROMETHEUS: 'real' })
      console.log(`npm run demo (real Prometheus): ${(run.wallMs / 1000).toFixed(1)} s wall time`)
      expectStory(run, 'real')
      expect(run.stdout).toMatch(/history backfilled with promtool: 3\d min of the api service/)
      expectPages(run)
      expect(run.wallMs, 'the whole story in under a minute').toBeLessThan(TARGET_MS)
    },
  )

  it('tells the same story with the embedded stand-in, and says so', { timeout: 150_000 }, async () => {
    const run = await runDemo({ DEMO_PROMETHEUS: 'embedded' })
    console.log(`npm run demo (embedded Prometheus): ${(run.wallMs / 1000).toFixed(1)} s wall time`)
    expectStory(run, 'embedded')
    expect(run.stdout).toContain('EMBEDDED demo Prometheus')
    expect(run.stdout).toContain('the EMBEDDED stand-in, not Prometheus')
    expectPages(run)
    expect(run.wallMs, 'the whole story in under a minute').toBeLessThan(TARGET_MS)
  })
})
