/**
 * A job summary (GitHub-flavoured markdown) as an HTML page that looks like GitHub's job-summary pane: marked with GFM
 * tables and GitHub's alert syntax, github-markdown-css, a page as wide as the pane — and ```mermaid blocks drawn by
 * the `mermaid` package's browser bundle, inlined in the page so it works offline (no CDN, no network). Used by the
 * screenshots (scripts/screenshot-summaries.ts) and the demo's pages (demo/run.ts).
 *
 * GitHub draws Mermaid itself (in an iframe of its own); this renders the same diagram source with the same library
 * in the page, which is close but not GitHub's pixels.
 *
 * The page marks itself when it is done: `<body data-rendered="done" data-height="…">` (or `data-rendered="error: …"`
 * when Mermaid could not draw a chart), so a headless browser's `--dump-dom` can tell both.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Marked, type Tokens } from 'marked'
import markedAlert from 'marked-alert'

/** GitHub's job-summary pane is about this wide on a laptop screen. */
export const PAGE_WIDTH_PX = 1280

const require = createRequire(import.meta.url)
let cachedCss: string | undefined
let cachedMermaid: string | undefined

function css(): string {
  cachedCss ??= readFileSync(require.resolve('github-markdown-css/github-markdown-light.css'), 'utf8')
  return cachedCss
}

/** The Mermaid browser bundle (an IIFE defining `window.mermaid`), safe to put inside a <script> element. */
function mermaidBundle(): string {
  cachedMermaid ??= readFileSync(require.resolve('mermaid/dist/mermaid.min.js'), 'utf8').replace(
    /<\/script/gi,
    '<\\/script',
  )
  return cachedMermaid
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** The summary's body as GitHub renders markdown: GFM, alerts, and ```mermaid blocks left for Mermaid to draw. */
export function summaryBodyHtml(markdown: string): { html: string; charts: number } {
  let charts = 0
  const marked = new Marked({ gfm: true, async: false }, markedAlert(), {
    renderer: {
      code(token: Tokens.Code): string | false {
        if (token.lang?.trim() !== 'mermaid') return false
        charts++
        return `<pre class="mermaid">${escapeHtml(token.text)}</pre>\n`
      },
    },
  })
  const html = marked.parse(markdown) as string
  return { html, charts }
}

/** A whole page; `title` is the browser tab's. */
export function summaryHtml(markdown: string, title = 'deploy-gate job summary'): string {
  const { html, charts } = summaryBodyHtml(markdown)
  const done = `document.body.dataset.height = String(document.documentElement.scrollHeight)
    document.body.dataset.rendered = 'done'`
  const script =
    charts === 0
      ? `<script>${done}</script>`
      : `<script>${mermaidBundle()}</script>
<script>
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default' })
  mermaid
    .run({ querySelector: 'pre.mermaid' })
    .then(() => {
    ${done}
    })
    .catch((error) => {
      document.body.dataset.height = String(document.documentElement.scrollHeight)
      document.body.dataset.rendered = 'error: ' + String(error && error.message ? error.message : error)
    })
</script>`
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${css()}
body { margin: 0; background: #fff; }
.markdown-body { box-sizing: border-box; width: ${PAGE_WIDTH_PX}px; padding: 24px 32px; }
.markdown-body pre.mermaid { background: #fff; text-align: center; }
</style></head><body data-rendered="pending"><article class="markdown-body">
${html}</article>
${script}
</body></html>
`
}
