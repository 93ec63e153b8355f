/** What the reports say about one check: its kind, threshold, values and sample counts, as plain text. Pure. */
import type { Builtin, CheckSpec, MetricCheckSpec } from '../model/check-spec.ts'
import type { CheckResult, Measurement, Outcome, Verdict } from '../model/gate-result.ts'
import { formatDuration, formatValue, Icons, shorten } from '../report/markdown.ts'

/** `http`, the built-in's name, `query` for a custom PromQL check, or `alerts`. */
export type CheckKind = 'http' | Builtin | 'query' | 'alerts'

export function checkKind(spec: CheckSpec): CheckKind {
  if (spec.kind === 'http' || spec.kind === 'alerts') return spec.kind
  return spec.builtin ?? 'query'
}

const PERCENT_BUILTINS: ReadonlySet<Builtin> = new Set<Builtin>(['cpu', 'memory', 'disk', 'vram', 'kv-cache'])

/** Built-ins whose value is a percentage (all but `up`); custom queries are shown as plain numbers. */
export function isPercent(spec: CheckSpec): boolean {
  return spec.kind === 'metric' && spec.builtin !== undefined && PERCENT_BUILTINS.has(spec.builtin)
}

/** A measured value in the check's unit: latency for HTTP, `96.3%` for percent built-ins, else a plain number. */
export function formatCheckValue(spec: CheckSpec, value: number | undefined): string {
  if (value === undefined) return '—'
  if (spec.kind === 'http') return formatDuration(value)
  if (spec.kind === 'alerts') return value === 1 ? '1 new alert' : `${value} new alerts`
  return formatValue(value, { percent: isPercent(spec) && Number.isFinite(value) })
}

/** `≤ 80%`, `≥ 50`, `50–95%`; HTTP: `2xx` or `200, 204`, then latency, body and JSON expectations. */
export function thresholdText(spec: CheckSpec): string {
  if (spec.kind === 'http') {
    const parts = [spec.expectStatus?.length ? spec.expectStatus.join(', ') : '2xx']
    if (spec.maxLatencyMs !== undefined) parts.push(`≤ ${formatDuration(spec.maxLatencyMs)}`)
    if (spec.expectBody !== undefined) parts.push(`body contains ${shorten(spec.expectBody, 40)}`)
    if (spec.expectJson !== undefined) {
      parts.push(`${spec.expectJson.path} = ${shorten(JSON.stringify(spec.expectJson.equals), 40)}`)
    }
    return parts.join(', ')
  }
  if (spec.kind === 'alerts')
    return spec.includePending ? 'no new firing or pending alerts' : 'no new firing alerts'
  const unit = isPercent(spec) ? '%' : ''
  const num = (n: number): string => `${formatValue(n)}${unit}`
  const rule = baselineRuleText(spec)
  if (rule !== '' && (spec.min !== undefined || spec.max !== undefined)) {
    return `${thresholdText({ ...spec, baseline: undefined })}; ${rule}`
  }
  if (rule !== '') return rule
  if (spec.min !== undefined && spec.max !== undefined) return `${formatValue(spec.min)}–${num(spec.max)}`
  if (spec.max !== undefined) return `≤ ${num(spec.max)}`
  if (spec.min !== undefined) return `≥ ${num(spec.min)}`
  return spec.baseline !== undefined ? 'vs baseline' : '—'
}

/** `≤ +100 % / ≥ -50 % vs the 30m before the deploy`; '' without a baseline. */
export function baselineRuleText(spec: MetricCheckSpec): string {
  const b = spec.baseline
  if (b === undefined) return ''
  const pct = (f: number): string => `${Math.round(f * 1000) / 10} %`
  const parts = [
    ...(b.maxIncrease === undefined ? [] : [`≤ +${pct(b.maxIncrease)}`]),
    ...(b.maxDecrease === undefined ? [] : [`≥ -${pct(b.maxDecrease)}`]),
  ]
  const delta = b.minDelta > 0 ? ` (min-delta ${formatValue(b.minDelta)})` : ''
  return `${parts.join(' / ')} vs the ${b.windowText} before the deploy${delta}`
}

/**
 * How far `value` is past the check's threshold: positive when it breaches (`96.3` against `max: 95` → 1.3),
 * negative when inside. Without thresholds, the value itself (higher is worse).
 */
export function excessOf(spec: MetricCheckSpec, value: number): number {
  const over = spec.max !== undefined ? value - spec.max : -Infinity
  const under = spec.min !== undefined ? spec.min - value : -Infinity
  const excess = Math.max(over, under)
  return excess === -Infinity ? value : excess
}

/** Whether a sparkline should keep the lowest point of each bucket: checks that breach only below a minimum. */
export function lowIsWorse(spec: CheckSpec): boolean {
  if (spec.kind !== 'metric') return false
  return (spec.min !== undefined && spec.max === undefined) || decreaseOnly(spec)
}

/** A check with only a baseline `max-decrease` (traffic lost): lower values are worse. */
function decreaseOnly(spec: MetricCheckSpec): boolean {
  return (
    spec.min === undefined &&
    spec.max === undefined &&
    spec.baseline?.maxDecrease !== undefined &&
    spec.baseline.maxIncrease === undefined
  )
}

/** The sample with the worst real value: furthest past the threshold for metrics, slowest for HTTP. */
export function worstSample(spec: CheckSpec, samples: readonly Measurement[]): Measurement | undefined {
  let worst: Measurement | undefined
  let worstScore = -Infinity
  for (const m of samples) {
    if (m.value === undefined || !Number.isFinite(m.value)) continue
    const score = spec.kind === 'metric' ? (decreaseOnly(spec) ? -m.value : excessOf(spec, m.value)) : m.value
    if (worst === undefined || score > worstScore) {
      worst = m
      worstScore = score
    }
  }
  return worst
}

const OUTCOME_WORDS: Record<Outcome, string> = {
  pass: 'pass',
  breach: 'breach',
  'no-data': 'no data',
  error: 'error',
}

/** The last sample's value, or what it was instead (`no data`, `error`); `—` without samples. */
export function lastValueText(spec: CheckSpec, samples: readonly Measurement[]): string {
  const last = samples.at(-1)
  if (last === undefined) return '—'
  if (last.value === undefined) return OUTCOME_WORDS[last.outcome]
  return formatCheckValue(spec, last.value)
}

/** How many samples had an outcome, in words: `1 breach`, `2 breaches`, `5 passed`, `3 no data`, `2 errors`. */
export function outcomeCountText(outcome: Outcome, count: number): string {
  switch (outcome) {
    case 'pass':
      return `${count} passed`
    case 'breach':
      return `${count} ${count === 1 ? 'breach' : 'breaches'}`
    case 'no-data':
      return `${count} no data`
    case 'error':
      return `${count} ${count === 1 ? 'error' : 'errors'}`
  }
}

/** `7` when every sample passed, else `5 passed / 2 breaches` (outcomes that occurred, in a fixed order). */
export function sampleCountsText(samples: readonly Measurement[]): string {
  const counts: Record<Outcome, number> = { pass: 0, breach: 0, 'no-data': 0, error: 0 }
  for (const m of samples) counts[m.outcome]++
  if (counts.pass === samples.length) return String(samples.length)
  return (Object.keys(counts) as Outcome[])
    .filter((o) => counts[o] > 0)
    .map((o) => outcomeCountText(o, counts[o]))
    .join(' / ')
}

export const RESULT_ICONS: Record<CheckResult, string> = {
  passed: Icons.ok,
  failed: Icons.fail,
  inconclusive: Icons.warn,
  pending: Icons.pending,
}

/** `✅ passed`, `❌ failed`, `⚠️ inconclusive`, `⏸️ pending`. */
export function resultText(result: CheckResult): string {
  return `${RESULT_ICONS[result]} ${result}`
}

export const VERDICT_ICONS: Record<Verdict, string> = {
  stable: Icons.ok,
  failed: Icons.fail,
  inconclusive: Icons.warn,
}
