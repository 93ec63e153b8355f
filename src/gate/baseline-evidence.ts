/**
 * The evidence of checks that compare with the deploy's start (SPEC §2, issue 14): each series' baseline and its
 * change beside the value, pre-existing alerts in their own list, new alerts with alertname, labels and activeAt.
 * For the job summary (markdown, rendered through the shared markdown helpers) and the JSON report.
 */
import type { AlertsCheckSpec, BaselineSpec, MetricCheckSpec } from '../model/check-spec.ts'
import type { BaselineEvidence, DeployStart, PreExistingEvidence } from './deploy-start-checks.ts'
import { preExistingText } from '../prometheus/pre-existing.ts'
import { deployStartText } from './deploy-start-checks.ts'
import type { AlertSeen, CheckOutcome, Measurement, SeriesValue } from '../model/gate-result.ts'
import { changeText, valueWithBaseline, worstFirst } from '../prometheus/baseline.ts'
import { isPercent } from './check-facts.ts'
import { code, codeCell, escapeCell, table } from '../report/markdown.ts'
import { formatLabels } from './series.ts'

export interface ReportCompared {
  readonly labels: Readonly<Record<string, string>>
  readonly value: number
  /** null: the series had no baseline and was held to the absolute bounds only. */
  readonly baseline: number | null
  /** `+171 %`; null without a baseline. */
  readonly change: string | null
  /** The normal band `[lo, hi]` before the deploy; absent with `band: 0%` or without a baseline. */
  readonly band?: readonly [number, number]
}

export interface ReportAlerts {
  readonly new: readonly AlertSeen[]
  readonly preExisting: readonly AlertSeen[]
}

/** Every series of `m` worst first, with its baseline and change. */
export function comparedOfSample(m: Measurement, spec: MetricCheckSpec): ReportCompared[] {
  return ordered(m, spec).map((s) => ({
    labels: s.labels,
    value: s.value,
    baseline: s.baseline ?? null,
    change: s.baseline === undefined ? null : changeText(s.value, s.baseline),
    ...(s.band === undefined ? {} : { band: s.band }),
  }))
}

export function alertsOfSample(m: Measurement): ReportAlerts {
  return { new: m.alerts?.new ?? [], preExisting: m.alerts?.preExisting ?? [] }
}

/** Sorted once per measurement: the checks table, the comparison section and the JSON report all ask. Read-only. */
const orderedOf = new WeakMap<Measurement, readonly SeriesValue[]>()

function ordered(m: Measurement, spec: MetricCheckSpec): readonly SeriesValue[] {
  if (m.compared === undefined || spec.baseline === undefined) return m.compared ?? []
  let out = orderedOf.get(m)
  if (out === undefined) {
    out = worstFirst(m.compared, { min: spec.min, max: spec.max }, spec.baseline)
    orderedOf.set(m, out)
  }
  return out
}

type BaselineCheck = CheckOutcome & { readonly spec: MetricCheckSpec }
type AlertsCheck = CheckOutcome & { readonly spec: AlertsCheckSpec }

function isBaselineCheck(c: CheckOutcome): c is BaselineCheck {
  return c.spec.kind === 'metric' && c.spec.baseline !== undefined
}

function isAlertsCheck(c: CheckOutcome): c is AlertsCheck {
  return c.spec.kind === 'alerts'
}

/** The checks table's "Last" cell of a baseline check: `0.84 (+171 % vs 0.31 before the deploy)`; else undefined. */
export function lastWithBaseline(c: CheckOutcome): string | undefined {
  if (!isBaselineCheck(c)) return undefined
  const last = c.samples.at(-1)
  const worst = last === undefined ? undefined : ordered(last, c.spec)[0]
  if (worst === undefined) return undefined
  return valueWithBaseline(worst.value, worst.baseline, isPercent(c.spec) ? '%' : '', worst.band)
}

/** The worst series of a baseline check's last compared sample (the one the sparkline follows); else undefined. */
export function worstCompared(c: CheckOutcome): SeriesValue | undefined {
  if (!isBaselineCheck(c)) return undefined
  const last = c.samples.findLast((m) => m.compared !== undefined)
  return last === undefined ? undefined : ordered(last, c.spec)[0]
}

export interface EvidenceContext {
  readonly deployStart?: DeployStart
  readonly baselines?: readonly BaselineEvidence[]
  readonly preExisting?: readonly PreExistingEvidence[]
}

/** The "Compared with before the deploy" section; '' when no check compares with the deploy's start. */
export function renderDeployComparison(
  checks: readonly CheckOutcome[],
  ctx: EvidenceContext,
  seriesLimit: number,
): string {
  const baselineChecks = checks.filter(isBaselineCheck)
  const alertsChecks = checks.filter(isAlertsCheck)
  const preExisting = (ctx.preExisting ?? []).filter((p) => p.series.length > 0 || p.error !== undefined)
  if (baselineChecks.length === 0 && alertsChecks.length === 0 && preExisting.length === 0) return ''
  const parts = ['#### Compared with before the deploy']
  if (ctx.deployStart !== undefined) {
    parts.push(
      `Baseline windows end, and alerts count as pre-existing before, ${escapeCell(deployStartText(ctx.deployStart))}.`,
    )
  }
  for (const c of baselineChecks) parts.push(baselineBlock(c, ctx.baselines ?? [], seriesLimit))
  for (const c of alertsChecks) parts.push(alertsBlock(c, seriesLimit))
  for (const p of preExisting) {
    const check = checks.find((c) => c.spec.name === p.check)
    const unit = check !== undefined && check.spec.kind === 'metric' && isPercent(check.spec) ? '%' : ''
    parts.push(preExistingBlock(p, unit, seriesLimit))
  }
  return parts.join('\n\n')
}

function baselineBlock(c: BaselineCheck, evidence: readonly BaselineEvidence[], seriesLimit: number): string {
  const e = evidence.find((x) => x.check === c.spec.name)
  const head = `**${escapeCell(c.spec.name)}** · baseline: ${escapeCell(baselineWindowText(c.spec.baseline!))}`
  const status =
    e === undefined
      ? 'the baseline was never queried'
      : e.status === 'ready'
        ? `${e.seriesWithBaseline ?? 0} of ${e.seriesInWindow ?? 0} series in the window had a baseline (≥ 10 samples, step ${e.stepMs / 1000}s, ${e.windowStart} – ${e.windowEnd})${e.bandDropped === true ? BAND_DROPPED : ''}`
        : `the baseline query failed (${e.attempts} ${e.attempts === 1 ? 'attempt' : 'attempts'}): ${escapeCell(e.error ?? '')}`
  const lines = [`${head}; ${status}.`]
  const last = c.samples.findLast((m) => m.compared !== undefined)
  const compared = last === undefined ? [] : ordered(last, c.spec)
  const unit = isPercent(c.spec) ? '%' : ''
  const shown = compared.slice(0, Math.max(seriesLimit, 1))
  if (shown.length > 0) {
    const rows = shown.map((s) => [
      codeCell(formatLabels(s.labels)),
      escapeCell(valueWithBaseline(s.value, s.baseline, unit, s.band)),
    ])
    lines.push(table(['Series (last sample, worst first)', 'Value vs before the deploy'], rows))
  }
  const missing = compared.filter((s) => s.baseline === undefined)
  if (missing.length > 0) {
    const names = missing.slice(0, Math.max(seriesLimit, 1)).map((s) => code(formatLabels(s.labels)))
    const more = missing.length > names.length ? `, … and ${missing.length - names.length} more` : ''
    lines.push(`Without a baseline (held to the absolute bounds only): ${names.join(', ')}${more}`)
  }
  if (compared.length > shown.length)
    lines.push(`… and ${compared.length - shown.length} more series in the JSON report`)
  return lines.join('\n\n')
}

const BAND_DROPPED =
  "; the normal band was not used, only the median: the window ends at the gate's start, after the deploy, so its tails may hold the new release"

/**
 * `median and normal band (central 98 %) of each series over the 30m ending 1d before the deploy` — which window was
 * used, and what was taken from it.
 */
export function baselineWindowText(rule: BaselineSpec): string {
  const what =
    rule.band > 0
      ? `median and normal band (central ${Math.round(rule.band * 1000) / 10} % of the samples)`
      : 'median'
  const when = rule.offsetMs > 0 ? `ending ${rule.offsetText} before the deploy` : 'before the deploy'
  return `${what} of each series over the ${rule.windowText} ${when}`
}

/** A check's pre-existing series, listed apart: what they were before the deploy, and what that means here. */
function preExistingBlock(p: PreExistingEvidence, unit: string, seriesLimit: number): string {
  const head =
    p.mode === 'report'
      ? `**${escapeCell(p.check)}** · pre-existing (\`pre-existing: report\`): these series pass while they get no worse than before the deploy`
      : `**${escapeCell(p.check)}** · breaching series that were already beyond the bound before the deploy (\`pre-existing: fail\` counted them as usual; \`report\` would let them pass while they get no worse)`
  if (p.error !== undefined) {
    return `${head}.\n\nThe ${escapeCell(p.windowText)} before the deploy could not be read: ${escapeCell(p.error)}`
  }
  const shown = p.series.slice(0, Math.max(seriesLimit, 1))
  const rows = shown.map((s) => [
    codeCell(formatLabels(s.labels)),
    escapeCell(preExistingText(s, p.windowText, unit)),
  ])
  const more =
    p.series.length > shown.length
      ? `\n\n… and ${p.series.length - shown.length} more in the JSON report`
      : ''
  return `${head}.\n\n${table(['Series', 'Before the deploy'], rows)}${more}`
}

function alertsBlock(c: AlertsCheck, limit: number): string {
  const last = c.samples.findLast((m) => m.alerts !== undefined)?.alerts
  const selector = c.spec.selector === 'all' ? 'all alerts' : code(c.spec.selector)
  const lines = [`**${escapeCell(c.spec.name)}** · alerts matching ${selector}`]
  if (last === undefined) {
    lines.push('The alerts API was never read successfully.')
    return lines.join('\n\n')
  }
  const rows = (alerts: readonly AlertSeen[]): string[][] =>
    alerts
      .slice(0, Math.max(limit, 1))
      .map((a) => [
        codeCell(a.alertname || '(no alertname)'),
        codeCell(formatLabels(a.labels)),
        escapeCell(a.state),
        escapeCell(a.activeAt ?? '—'),
      ])
  const headers = (what: string): string[] => [what, 'Labels that tell it apart', 'State', 'activeAt']
  lines.push(
    last.new.length === 0
      ? 'New alerts: none.'
      : table(headers('New alert (since the deploy)'), rows(last.new)),
  )
  if (last.preExisting.length > 0) {
    lines.push(
      table(headers('Pre-existing alert (active before the deploy; never a breach)'), rows(last.preExisting)),
    )
  }
  const cut = Math.max(last.new.length, last.preExisting.length) - Math.max(limit, 1)
  if (cut > 0) lines.push('… more alerts are listed in the JSON report')
  return lines.join('\n\n')
}
