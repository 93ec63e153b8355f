/**
 * The summary's Services section (SPEC §2 "Service checks", evidence): per service the convention found, the metric
 * names it was recognised by, other layers under the selector, why there is no latency check, what to know, and the
 * three queries. Names come from the monitored server: they go through the markdown helpers like every outside value.
 */
import { codeCell, details, escapeCell, fence, table } from './markdown.ts'
import type { ServiceEvidence } from '../model/service-evidence.ts'

export function renderServices(services: readonly ServiceEvidence[]): string {
  if (services.length === 0) return ''
  const rows = services.map((s) => [
    escapeCell(s.service),
    codeCell(s.selector),
    escapeCell(s.title ?? '—'),
    s.recognisedBy.length === 0 ? '—' : s.recognisedBy.map((n) => codeCell(n)).join(', '),
    escapeCell(s.problem ?? notes(s)),
  ])
  const parts = [
    '#### Services',
    table(['Service', 'Selector', 'Convention', 'Recognised by', 'Notes'], rows),
  ]
  const queries = services.filter((s) => s.queries !== undefined)
  if (queries.length > 0) {
    const blocks = queries.map((s) => {
      const q = s.queries!
      const lines = [`traffic: ${q.traffic}`, `errors:  ${q.errors}`, `latency: ${q.latency ?? '(none)'}`]
      return `**${escapeCell(s.service)}** (with rate-window; each round's range grows from the deploy's start)\n\n${fence(lines.join('\n'), 'promql')}`
    })
    parts.push(details('Service queries', blocks.join('\n\n')))
  }
  return parts.join('\n\n')
}

function notes(s: ServiceEvidence): string {
  const out: string[] = []
  if (s.attempts !== undefined)
    out.push(`detected at attempt ${s.attempts} (the metadata request failed before)`)
  if (s.noLatency !== undefined) out.push(`no latency check: ${s.noLatency}`)
  if (s.otherLayers.length > 0) out.push(`also present, not used: ${s.otherLayers.join(', ')}`)
  out.push(...s.pitfalls)
  return out.join('; ') || '—'
}
