/** The gate's job summary: a pure function of the result, kept under GitHub's 1 MiB step-summary limit. */
import type { CheckSpec, MetricCheckSpec } from '../model/check-spec.ts'
import type { CheckOutcome, GateResult } from '../model/gate-result.ts'
import {
  checkKind,
  formatCheckValue,
  lastValueText,
  resultText,
  sampleCountsText,
  thresholdText,
  VERDICT_ICONS,
  worstSample,
} from './check-facts.ts'
import {
  code,
  codeCell,
  details,
  escapeCell,
  fence,
  formatDuration,
  link,
  shorten,
  table,
  verdictLine,
} from '../report/markdown.ts'
import type { BaselineEvidence, DeployStart, PreExistingEvidence } from './deploy-start-checks.ts'
import { lastWithBaseline, renderDeployComparison } from './baseline-evidence.ts'
import { withoutUserinfo } from '../report/redact.ts'
import { pendingChecksLines } from './pending-checks.ts'
import { trendsSection } from './trends.ts'
import { renderServices } from '../report/services.ts'
import { chartsSection, type ChartHistory } from './charts.ts'
import type { ServiceEvidence } from './service-checks.ts'
import { breachingSeries, formatLabels, ignoredSeries, type SeriesTally } from './series.ts'

export interface GateSummaryContext {
  readonly environment: string
  readonly sha: string
  /** Prometheus base URL for graph links; userinfo is removed anyway. */
  readonly prometheusUrl?: string
  readonly dryRun: boolean
  readonly deploymentUrl?: string
  readonly runUrl?: string
  /** The "What to do next" section (next-steps-summary.ts), ending a failed or inconclusive gate's summary. */
  readonly nextSteps?: string
  /** The uploaded name of the JSON report artifact, when one is uploaded. */
  readonly reportArtifact?: string
  /** Size budget in bytes; default 1,000,000 — under GitHub's 1 MiB step-summary limit, with room to spare. */
  readonly maxBytes?: number
  /** Baseline and alerts checks: when the deploy started, and how each baseline query went. */
  readonly deployStart?: DeployStart
  readonly baselines?: readonly BaselineEvidence[]
  /** Series beyond a check's bound before the deploy (`pre-existing: report`, or breaching ones with `fail`). */
  readonly preExisting?: readonly PreExistingEvidence[]
  readonly services?: readonly ServiceEvidence[]
  /**
   * The charted checks' series before the deploy. Given → the Charts section (Mermaid, which job summaries render);
   * absent → none (check-run text keeps the sparklines).
   */
  readonly charts?: ChartHistory
}

export { STEP_SUMMARY_LIMIT_BYTES } from '../report/log.ts'
const DEFAULT_MAX_BYTES = 1_000_000
/** Queries longer than this are cut in the table; the full text is in the `Queries` section. */
const QUERY_CELL_CHARS = 60
export const DRY_RUN_NOTE = '(dry run — the step does not fail on the verdict)'

/** How much detail one rendering carries; the summary drops detail until it fits its byte budget. */
interface Detail {
  /** Breaching series named per check (then `… and N more`). */
  readonly seriesLimit: number
  readonly queries: boolean
  readonly reasonChars: number
  readonly shortened: boolean
}

const LEVELS: readonly Detail[] = [
  { seriesLimit: 10, queries: true, reasonChars: 500, shortened: false },
  { seriesLimit: 3, queries: false, reasonChars: 200, shortened: true },
  { seriesLimit: 0, queries: false, reasonChars: 100, shortened: true },
]

const SHORTENED_NOTE =
  "> [!NOTE]\n> This summary was shortened to stay under GitHub's 1 MiB step-summary limit (per-check series " +
  'listings first); the JSON report artifact has every check, sample and series.'

/**
 * Markdown for the job summary: the verdict line, a table of checks, sparklines of the metrics, then for each
 * check that did not pass (or had breaching series) its worst series and a link to its query in Prometheus.
 */
export function renderGateSummary(result: GateResult, ctx: GateSummaryContext): string {
  // What to do next ends the summary and is never cut: the rest is fitted into what it leaves.
  const tail = ctx.nextSteps ? `\n${ctx.nextSteps}\n` : ''
  const maxBytes = (ctx.maxBytes ?? DEFAULT_MAX_BYTES) - Buffer.byteLength(tail)
  const series = seriesOf(result.checks)
  let text = ''
  for (const detail of LEVELS) {
    text = render(result, ctx, detail, series)
    if (Buffer.byteLength(text) <= maxBytes) return text + tail
  }
  return cutToBytes(text, maxBytes) + tail
}

/** Breaching and left-out series of each metric check, tallied once for every rendering. */
interface CheckSeries {
  readonly breaching: readonly SeriesTally[]
  readonly ignored: readonly SeriesTally[]
}

function seriesOf(checks: readonly CheckOutcome[]): ReadonlyMap<CheckOutcome, CheckSeries> {
  const out = new Map<CheckOutcome, CheckSeries>()
  for (const c of checks) {
    if (isMetric(c))
      out.set(c, { breaching: breachingSeries(c.spec, c.samples), ignored: ignoredSeries(c.samples) })
  }
  return out
}

function render(
  result: GateResult,
  ctx: GateSummaryContext,
  detail: Detail,
  series: ReadonlyMap<CheckOutcome, CheckSeries>,
): string {
  const metrics = result.checks.filter(isMetric)
  const parts = [header(result, ctx)]
  if (detail.shortened) parts.push(SHORTENED_NOTE)
  parts.push(checksTable(result.checks, detail))
  const pending = pendingChecksLines(result.checks, detail.reasonChars)
  if (pending) parts.push(pending)
  const charts = ctx.charts === undefined || detail.shortened ? '' : chartsSection(result.checks, ctx.charts)
  if (charts !== '') parts.push(charts)
  if (metrics.some((c) => c.samples.length > 0)) parts.push('#### Trends', trendsSection(metrics))
  const findings = result.checks
    .filter((c) => needsFinding(c, series.get(c)))
    .map((c) => finding(c, ctx, detail, series.get(c)))
  if (findings.length > 0) parts.push('#### Findings', ...findings)
  const comparison = renderDeployComparison(result.checks, ctx, detail.seriesLimit)
  if (comparison !== '') parts.push(comparison)
  const services = renderServices(ctx.services ?? [])
  if (services !== '') parts.push(services)
  if (detail.queries && metrics.length > 0) parts.push(queriesDetails(metrics))
  return `${parts.join('\n\n')}\n`
}

function isMetric(c: CheckOutcome): c is CheckOutcome & { readonly spec: MetricCheckSpec } {
  return c.spec.kind === 'metric'
}

function header(result: GateResult, ctx: GateSummaryContext): string {
  const facts = [escapeCell(ctx.environment), code(ctx.sha.slice(0, 7))]
  const windowMs = Date.parse(result.finishedAt) - Date.parse(result.startedAt)
  if (Number.isFinite(windowMs)) facts.push(`${formatDuration(windowMs)} window`)
  const heading = verdictLine(
    VERDICT_ICONS[result.verdict],
    `deploy-gate: ${result.verdict}`,
    facts,
    ctx.dryRun ? DRY_RUN_NOTE : undefined,
  )
  const enforced = result.checks.filter((c) => c.spec.enforce)
  const passed = enforced.filter((c) => c.result === 'passed').length
  const shadow = result.checks.length - enforced.length
  let line = `${passed} of ${enforced.length} enforced checks passed`
  if (shadow > 0) line += ` (+${shadow} shadow ${shadow === 1 ? 'check' : 'checks'}, not enforced)`
  const failed = enforced.filter((c) => c.result === 'failed').map((c) => c.spec.name)
  const inconclusive = enforced.filter((c) => c.result === 'inconclusive').map((c) => c.spec.name)
  const undecided = enforced.filter((c) => c.result === 'pending').length
  if (failed.length > 0) line += `; failed: ${failed.map(code).join(', ')}`
  if (inconclusive.length > 0) line += `; inconclusive: ${inconclusive.map(code).join(', ')}`
  if (undecided > 0) line += `; ${undecided} not decided when the gate stopped`
  line += '.'
  if (result.ended === 'startup-failed') line += ' The gate stopped at startup: a health check never passed.'
  if (result.ended === 'fail-fast') line += ' The gate stopped early: an enforced check failed.'
  const links = [
    ctx.deploymentUrl ? link('Deployment', withoutUserinfo(ctx.deploymentUrl)) : undefined,
    ctx.runUrl ? link('Workflow run', withoutUserinfo(ctx.runUrl)) : undefined,
    ctx.reportArtifact ? `JSON report: artifact ${code(ctx.reportArtifact)}` : undefined,
  ].filter((l) => l !== undefined)
  return [heading, line, ...(links.length > 0 ? [links.join(' · ')] : [])].join('\n\n')
}

function kindText(spec: CheckSpec): string {
  return spec.enforce ? checkKind(spec) : `${checkKind(spec)} (shadow)`
}

function targetCell(spec: CheckSpec): string {
  if (spec.kind === 'http') {
    const method = spec.method === 'GET' ? '' : `${spec.method} `
    return codeCell(`${method}${shorten(withoutUserinfo(spec.url), 120)}`)
  }
  if (spec.kind === 'alerts')
    return spec.selector === 'all' ? 'all alerts' : codeCell(shorten(spec.selector, 120))
  if (spec.builtin !== undefined) return spec.selector ? codeCell(shorten(spec.selector, 120)) : 'all series'
  return codeCell(shorten(spec.query, QUERY_CELL_CHARS))
}

function checksTable(checks: readonly CheckOutcome[], detail: Detail): string {
  const rows = checks.map((c) => {
    const worst = worstSample(c.spec, c.samples)
    return [
      escapeCell(c.spec.name),
      escapeCell(kindText(c.spec)),
      targetCell(c.spec),
      escapeCell(thresholdText(c.spec)),
      escapeCell(lastWithBaseline(c) ?? lastValueText(c.spec, c.samples)),
      escapeCell(worst ? formatCheckValue(c.spec, worst.value) : '—'),
      escapeCell(sampleCountsText(c.samples)),
      // Icon and word on one line: in a squeezed table GitHub otherwise wraps the word under the icon.
      resultText(c.result).replace(' ', '&nbsp;'),
      // Pending checks share one reason, said once below the table (pending-checks.ts).
      c.result === 'pending' ? '' : escapeCell(shorten(reasonOf(c), detail.reasonChars)),
    ]
  })
  const headers = [
    'Check',
    'Kind',
    'Target / query',
    'Threshold',
    'Last',
    'Worst',
    'Samples',
    'Result',
    'Reason',
  ]
  // A column with no reason in any row only squeezes the others (seen on the rendered summary): leave it out.
  if (rows.every((r) => r.at(-1) === ''))
    return table(
      headers.slice(0, -1),
      rows.map((r) => r.slice(0, -1)),
    )
  return table(headers, rows)
}

function reasonOf(c: CheckOutcome): string {
  if (c.reason !== undefined && c.reason !== '') return c.reason
  if (c.result === 'pending') return 'not decided: the gate stopped first'
  return ''
}

function needsFinding(c: CheckOutcome, series: CheckSeries | undefined): boolean {
  if (c.result === 'failed' || c.result === 'inconclusive') return true
  // Series left out as NaN/±Inf are named even when the check passed (SPEC §3.3).
  return (series?.breaching.length ?? 0) > 0 || (series?.ignored.length ?? 0) > 0
}

function finding(
  c: CheckOutcome,
  ctx: GateSummaryContext,
  detail: Detail,
  series: CheckSeries = { breaching: [], ignored: [] },
): string {
  const reason = reasonOf(c)
  const lines = [
    `**${escapeCell(c.spec.name)}** · ${resultText(c.result)}${reason ? ` — ${escapeCell(shorten(reason, detail.reasonChars))}` : ''}`,
  ]
  if (isMetric(c)) {
    const { breaching, ignored } = series
    if (breaching.length > 0) {
      const named = breaching.slice(0, detail.seriesLimit)
      if (named.length > 0) {
        const rows = named.map((s) => [
          codeCell(formatLabels(s.labels)),
          escapeCell(formatCheckValue(c.spec, s.worstValue)),
          String(s.count),
        ])
        lines.push(table(['Breaching series (worst first)', 'Worst', 'Breaches'], rows))
      }
      const more = breaching.length - named.length
      if (more > 0) {
        lines.push(
          named.length > 0 ? `… and ${more} more` : `${more} breaching series (listed in the JSON report)`,
        )
      }
    }
    if (ignored.length > 0) {
      const limit = Math.max(detail.seriesLimit, 1)
      const names = ignored.slice(0, limit).map((s) => code(formatLabels(s.labels)))
      const more = ignored.length > limit ? `, … and ${ignored.length - limit} more` : ''
      lines.push(`Left out as NaN/±Inf (not compared): ${names.join(', ')}${more}`)
    }
    if ((c.result === 'failed' || c.result === 'inconclusive') && ctx.prometheusUrl) {
      lines.push(link('Open the query in Prometheus', prometheusGraphUrl(ctx.prometheusUrl, c.spec.query)))
    }
  }
  return lines.join('\n\n')
}

/** `<prometheus-url>/graph?g0.expr=…&g0.tab=0&g0.range_input=1h`, without userinfo; the query fully percent-encoded. */
export function prometheusGraphUrl(prometheusUrl: string, query: string): string {
  const base = withoutUserinfo(prometheusUrl).replace(/\/+$/, '')
  const expr = encodeURIComponent(query).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `${base}/graph?g0.expr=${expr}&g0.tab=0&g0.range_input=1h`
}

function queriesDetails(metrics: readonly (CheckOutcome & { readonly spec: MetricCheckSpec })[]): string {
  const body = metrics
    .map((c) => `**${escapeCell(c.spec.name)}**\n\n${fence(c.spec.query, 'promql')}`)
    .join('\n\n')
  return details('Queries', body)
}

/** Last resort: cut at a line boundary so that the text plus a note fits `maxBytes`. */
function cutToBytes(text: string, maxBytes: number): string {
  const note = '_… cut here to stay under the step-summary size limit; see the JSON report._\n'
  const budget = Math.max(0, maxBytes - Buffer.byteLength(note) - 2)
  const bytes = Buffer.from(text)
  const end = bytes.lastIndexOf(0x0a, budget)
  return `${bytes.subarray(0, Math.max(0, end)).toString('utf8')}\n\n${note}`
}
