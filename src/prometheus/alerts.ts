/**
 * The `alerts` check (SPEC §2 "Alerts"): decoding `GET /api/v1/alerts` and deciding on it. Pure.
 *
 * An alert counts when its labels match the selector and its state is `firing` (or `pending` with `include-pending`).
 * One that became active (`activeAt`) before the cutoff — the deploy job's start — is pre-existing: reported, never a
 * breach. An alert without a readable `activeAt` cannot be shown to be old, so it counts as new.
 */
import type { AlertsCheckSpec } from '../model/check-spec.ts'
import type { AlertSeen, Measurement, SeriesValue } from '../model/gate-result.ts'
import { distinguishing, labelText } from './measure.ts'
import { decodeEnvelope, decodeLabels, isObject, unexpected } from './response.ts'
import type { RawAnswer } from './response.ts'
import { matcherRegex, parseSelector, type Matcher } from '../model/selector.ts'

export interface PrometheusAlert {
  readonly labels: Readonly<Record<string, string>>
  readonly state: string
  /** ISO 8601 as the server wrote it. */
  readonly activeAt?: string
}

export function decodeAlertsAnswer(answer: RawAnswer): PrometheusAlert[] {
  const { value } = decodeEnvelope(answer)
  if (!isObject(value) || !Array.isArray(value.alerts)) throw unexpected('"data.alerts" is not an array')
  return value.alerts.map((alert) => {
    if (!isObject(alert)) throw unexpected('an alert is not an object')
    if (typeof alert.state !== 'string') throw unexpected('an alert has no "state"')
    const activeAt = typeof alert.activeAt === 'string' ? { activeAt: alert.activeAt } : {}
    return { labels: decodeLabels(alert.labels ?? {}), state: alert.state, ...activeAt }
  })
}

/** Whether `labels` satisfy every matcher (a missing label is the empty string, as in PromQL). */
export function matchesAll(labels: Readonly<Record<string, string>>, matchers: readonly Matcher[]): boolean {
  return matchers.every((m) => {
    const value = labels[m.label] ?? ''
    switch (m.op) {
      case '=':
        return value === m.value
      case '!=':
        return value !== m.value
      case '=~':
        return matcherRegex(m.value).test(value)
      case '!~':
        return !matcherRegex(m.value).test(value)
    }
  })
}

export interface AlertsVerdictInput {
  readonly spec: AlertsCheckSpec
  readonly alerts: readonly PrometheusAlert[]
  /** Alerts active before this instant (ms since the epoch) are pre-existing. */
  readonly cutoffMs: number
  readonly at: string
}

export function measureAlerts({ spec, alerts, cutoffMs, at }: AlertsVerdictInput): Measurement {
  const matchers = spec.selector === 'all' ? [] : parseSelector(spec.selector)
  const counted = alerts.filter(
    (a) =>
      (a.state === 'firing' || (spec.includePending && a.state === 'pending')) &&
      matchesAll(a.labels, matchers),
  )
  // The labels that tell an alert apart from the other alerts of its rule (alertname already does the rest).
  const byName = new Map<string, SeriesValue[]>()
  for (const a of counted) {
    const name = a.labels.alertname ?? ''
    byName.set(name, [...(byName.get(name) ?? []), { labels: a.labels, value: 1 }])
  }
  const seen = counted.map((a): AlertSeen & { readonly old: boolean } => {
    const activeMs = a.activeAt === undefined ? Number.NaN : Date.parse(a.activeAt)
    const { alertname: _name, ...rest } = distinguishing(a.labels, byName.get(a.labels.alertname ?? '') ?? [])
    return {
      alertname: a.labels.alertname ?? '',
      labels: rest,
      state: a.state === 'pending' ? 'pending' : 'firing',
      ...(a.activeAt === undefined ? {} : { activeAt: a.activeAt }),
      old: Number.isFinite(activeMs) && activeMs < cutoffMs,
    }
  })
  const strip = ({ old: _old, ...alert }: AlertSeen & { readonly old: boolean }): AlertSeen => alert
  const fresh = seen.filter((a) => !a.old).map(strip)
  const preExisting = seen.filter((a) => a.old).map(strip)
  const alertsPart = { alerts: { new: fresh, preExisting } }
  const preNote =
    preExisting.length === 0
      ? undefined
      : `${preExisting.length} pre-existing (active before the deploy): ${preExisting.slice(0, 3).map(alertText).join(', ')}${preExisting.length > 3 ? ', …' : ''}`
  if (fresh.length === 0) {
    return {
      at,
      outcome: 'pass',
      value: 0,
      ...alertsPart,
      ...(preNote === undefined ? {} : { reason: preNote }),
    }
  }
  const more = fresh.length > 1 ? ` (+${fresh.length - 1} more)` : ''
  return {
    at,
    outcome: 'breach',
    value: fresh.length,
    ...alertsPart,
    reason: `${alertText(fresh[0]!)}${more}`,
  }
}

/** `HighErrorRate firing since 2026-12-02T14:01:02Z on instance="api-1"`. */
export function alertText(a: AlertSeen): string {
  const labels = labelText(a.labels)
  const since = a.activeAt === undefined ? ' (no activeAt)' : ` since ${a.activeAt}`
  return `${a.alertname || '(no alertname)'} ${a.state}${since}${labels === '{}' ? '' : ` on ${labels}`}`
}
