/**
 * `npm run screenshots`: renders the job summary of a healthy, a failed and an inconclusive gate (the real renderer,
 * on the report tests' hand-built results) to HTML with GitHub's markdown rules — marked with GFM tables and
 * GitHub's alert syntax, styled with github-markdown-css — and takes a screenshot of each with headless Chromium
 * (Debian: `apt-get install -y chromium`). Writes docs/summary-{stable,failed,inconclusive}.png, and the markdown and
 * HTML next to them under .tmp/screenshots/ for a look in a browser.
 *
 * Chromium runs with a fresh profile, no GPU, no network beyond the local file, and no first-run or background work.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { marked } from 'marked'
import markedAlert from 'marked-alert'
import type { GateResult } from '../src/model/gate-result.ts'
import type { NextSteps } from '../src/gate/next-steps.ts'
import { renderNextSteps } from '../src/gate/next-steps-summary.ts'
import { renderGateSummary, type GateSummaryContext } from '../src/gate/summary.ts'
import { failedVramResult, inconclusiveResult, stableResult } from '../__tests__/report/fixtures.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const OUT_DIR = join(ROOT, 'docs')
const WORK_DIR = join(ROOT, '.tmp', 'screenshots')
/** GitHub's job-summary pane is about this wide on a laptop screen. */
const WIDTH_PX = 1280
const CHROMIUM = process.env['CHROMIUM'] ?? 'chromium'
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--hide-scrollbars',
]

const NOW = new Date('2025-06-02T09:01:10Z')
const context: GateSummaryContext = {
  environment: 'production',
  sha: '3f9c2a1b7d4e5f60718293a4b5c6d7e8f9012345',
  prometheusUrl: 'https://prom.example.com/prometheus/',
  dryRun: false,
  runUrl: 'https://github.com/acme/shop/actions/runs/1234/attempts/1',
}
const nextStepsContext = {
  serverUrl: 'https://github.com',
  repository: 'acme/shop',
  rollbackWorkflow: 'rollback.yml',
  now: NOW,
}

function target(scope: 'deploy-job' | 'all-jobs', scopeReason: string): NextSteps {
  return {
    kind: 'target',
    sha: '8b1d0e4c2a9f7e6d5c4b3a29180716f5e4d3c2b1',
    runId: 1187,
    runUrl: 'https://github.com/acme/shop/actions/runs/1187',
    deployedAt: '2025-06-01T16:42:00Z',
    scope,
    scopeReason,
  }
}

const CASES: readonly { name: string; result: GateResult; next?: NextSteps }[] = [
  { name: 'stable', result: stableResult() },
  {
    name: 'failed',
    result: failedVramResult(),
    next: target(
      'deploy-job',
      'the required artifact dist stays available beyond now + retention-margin 30m (earliest expiry 2025-08-30T16:40:12Z)',
    ),
  },
  {
    name: 'inconclusive',
    result: inconclusiveResult(),
    next: target('all-jobs', 'dist expired on 2025-06-01T20:00:00Z, so every job runs again'),
  },
]

export function summaryMarkdown(result: GateResult, next?: NextSteps): string {
  const verdict = result.verdict === 'stable' ? undefined : result.verdict
  const nextSteps = next && renderNextSteps(next, { ...nextStepsContext, verdict })
  return renderGateSummary(result, { ...context, ...(nextSteps ? { nextSteps } : {}) })
}

/** The summary as GitHub shows it: GFM (tables, alerts), GitHub's markdown CSS, in a page as wide as the pane. */
export function summaryHtml(markdown: string): string {
  const require = createRequire(import.meta.url)
  const css = readFileSync(require.resolve('github-markdown-css/github-markdown-light.css'), 'utf8')
  const body = marked.use(markedAlert()).parse(markdown, { gfm: true, async: false })
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css}
body { margin: 0; background: #fff; }
.markdown-body { box-sizing: border-box; width: ${WIDTH_PX}px; padding: 24px 32px; }
</style></head><body><article class="markdown-body">${body}</article>
<script>document.title = String(document.documentElement.scrollHeight)</script></body></html>`
}

function chromium(args: readonly string[], profile: string): string {
  return execFileSync(CHROMIUM, [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  })
}

function screenshot(htmlFile: string, pngFile: string): void {
  const profile = mkdtempSync(join(tmpdir(), 'deploy-gate-chromium-'))
  try {
    const url = `file://${htmlFile}`
    // First pass: the page's own height (the script writes it into the title), so the picture has no blank tail.
    const dom = chromium([`--window-size=${WIDTH_PX},800`, '--dump-dom', url], profile)
    const height = Number(/<title>(\d+)<\/title>/.exec(dom)?.[1] ?? 2000)
    chromium([`--window-size=${WIDTH_PX},${height}`, `--screenshot=${pngFile}`, url], profile)
  } finally {
    rmSync(profile, { recursive: true, force: true })
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(WORK_DIR, { recursive: true })
  for (const c of CASES) {
    const md = summaryMarkdown(c.result, c.next)
    const html = summaryHtml(md)
    writeFileSync(join(WORK_DIR, `summary-${c.name}.md`), md)
    const htmlFile = join(WORK_DIR, `summary-${c.name}.html`)
    writeFileSync(htmlFile, html)
    const png = join(OUT_DIR, `summary-${c.name}.png`)
    screenshot(htmlFile, png)
    console.log(`${c.name}: ${png}`)
  }
}
