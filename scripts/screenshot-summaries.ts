/**
 * `npm run screenshots`: renders the job summary of a healthy, a failed and an inconclusive gate (the real renderer,
 * on the report tests' hand-built results, with the Charts section the gate adds for a failed check) to HTML with
 * GitHub's markdown rules (scripts/render-summary-html.ts: marked with GFM tables and GitHub's alert syntax,
 * github-markdown-css, Mermaid charts drawn by the `mermaid` package inlined in the page) and takes a screenshot of
 * each with headless Chromium (Debian: `apt-get install -y chromium`). Writes docs/summary-{stable,failed,
 * inconclusive}.png, and the markdown and HTML next to them under .tmp/screenshots/ for a look in a browser.
 *
 * Chromium runs with a fresh profile, no GPU, no network beyond the local file, and no first-run or background work;
 * `--virtual-time-budget` lets the page's script draw the charts before the DOM is read and the picture taken. A page
 * whose charts did not render fails the script (it never writes a picture of raw Mermaid text).
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { GateResult } from '../src/model/gate-result.ts'
import type { NextSteps } from '../src/gate/next-steps.ts'
import { renderNextSteps } from '../src/gate/next-steps-summary.ts'
import { renderGateSummary, type GateSummaryContext } from '../src/gate/summary.ts'
import { failedVramResult, inconclusiveResult, stableResult } from '../__tests__/report/fixtures.ts'
import { PAGE_WIDTH_PX, summaryHtml } from './render-summary-html.ts'

export { summaryHtml } from './render-summary-html.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const OUT_DIR = join(ROOT, 'docs')
const WORK_DIR = join(ROOT, '.tmp', 'screenshots')
const WIDTH_PX = PAGE_WIDTH_PX
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
  // Runs the page's timers and promises (Mermaid drawing) before the DOM dump and the screenshot.
  '--virtual-time-budget=15000',
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
  // As the gate renders it: the Charts section for failed or breached metric checks (a check without a baseline has
  // no history before the deploy to draw, so the map is empty here).
  return renderGateSummary(result, { ...context, charts: new Map(), ...(nextSteps ? { nextSteps } : {}) })
}

function chromium(args: readonly string[], profile: string): string {
  return execFileSync(CHROMIUM, [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
    // The DOM dump holds the inlined Mermaid bundle (~3.5 MB).
    maxBuffer: 64 * 1024 * 1024,
  })
}

/** What the page said after its script ran (`data-rendered`, `data-height`), from Chromium's DOM dump. */
export function renderedState(dom: string): { rendered: string; heightPx: number; charts: number } {
  const body = /<body([^>]*)>/.exec(dom)?.[1] ?? ''
  const attr = (name: string): string | undefined =>
    new RegExp(`${name}="([^"]*)"`)
      .exec(body)?.[1]
      ?.replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
  return {
    rendered: attr('data-rendered') ?? 'pending',
    heightPx: Number(attr('data-height') ?? 2000),
    // Mermaid replaces each <pre class="mermaid"> text with an <svg> and marks it data-processed.
    charts: (dom.match(/<pre class="mermaid"[^>]*data-processed="true"[^>]*><svg/g) ?? []).length,
  }
}

/**
 * Takes a picture of the page as tall as it is. Returns what the DOM dump said; throws when the page's charts did not
 * render (a picture of raw Mermaid text would pass for a chart nobody looked at).
 */
export function screenshot(htmlFile: string, pngFile: string): { charts: number } {
  const profile = mkdtempSync(join(tmpdir(), 'deploy-gate-chromium-'))
  try {
    const url = `file://${htmlFile}`
    // First pass: the page's own height (the page writes it in data-height), so the picture has no blank tail.
    const dom = chromium([`--window-size=${WIDTH_PX},800`, '--dump-dom', url], profile)
    const state = renderedState(dom)
    if (state.rendered !== 'done') throw new Error(`${htmlFile}: the page did not render: ${state.rendered}`)
    chromium([`--window-size=${WIDTH_PX},${state.heightPx}`, `--screenshot=${pngFile}`, url], profile)
    return { charts: state.charts }
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
    const { charts } = screenshot(htmlFile, png)
    const blocks = (md.match(/```mermaid/g) ?? []).length
    if (charts !== blocks) throw new Error(`${c.name}: ${charts} of ${blocks} Mermaid charts rendered`)
    console.log(
      `${c.name}: ${png}${blocks > 0 ? ` (${charts} Mermaid chart${charts === 1 ? '' : 's'} rendered)` : ''}`,
    )
  }
}
