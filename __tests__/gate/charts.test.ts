/** Mermaid charts in the job summary (SPEC §7): which checks, what is drawn, and nothing from outside in them. */
import { describe, expect, it } from 'vitest'
import { chartedChecks, chartsSection, MAX_CHARTS, renderChart } from '../../src/gate/charts.ts'
import { renderGateSummary } from '../../src/gate/summary.ts'
import { measureWithBaseline } from '../../src/prometheus/baseline.ts'
import { seriesKey } from '../../src/model/series-key.ts'
import { at, breach, failedVramResult, latencySpec, outcome, pass, stableResult } from '../report/fixtures.ts'
import type { MetricCheckSpec } from '../../src/model/check-spec.ts'
import { baselineSpec } from '../../src/config/baseline-config.ts'

const HOSTILE = { instance: '"] \r::error::x\n```', job: 'api' }

function baselineCheck() {
  const spec: MetricCheckSpec = latencySpec({
    name: 'latency',
    baseline: baselineSpec({ 'max-increase': '100%' })!, // 30m, the default band
  })
  const b = new Map([[seriesKey(HOSTILE), { median: 0.3, band: [0.22, 0.41] as const }]])
  const samples = [0.31, 0.84, 0.9].map((v, i) =>
    measureWithBaseline([{ labels: HOSTILE, value: v }], { max: 2 }, spec.baseline!, b, at(i)),
  )
  return outcome(spec, 'failed', samples, 'latency doubled')
}

describe('charts', () => {
  it('a failed check gets a Mermaid xychart with its series before and after the deploy, the bound and the band', () => {
    const c = baselineCheck()
    const chart = renderChart(c as Parameters<typeof renderChart>[0], [0.3, 0.31, 0.29, 0.33, 0.3])
    expect(chart).toMatch(
      /^```mermaid\n%%\{init: .*"plotColorPalette": "#0969da, #cf222e, #8250df, #8250df".*\}%%\nxychart-beta\n {2}title "latency: before and after the deploy"\n/,
    )
    expect(chart).toContain('  x-axis ["-5", "-4", "-3", "-2", "-1", "deploy", "+1", "+2"]')
    expect(chart).toContain('  line [0.3, 0.31, 0.29, 0.33, 0.3, 0.31, 0.84, 0.9]')
    expect(chart).toContain('  line [2, 2, 2, 2, 2, 2, 2, 2]') // max 2
    expect(chart).toContain('  line [0.22, 0.22, 0.22, 0.22, 0.22, 0.22, 0.22, 0.22]')
    expect(chart).toContain('  line [0.41, 0.41, 0.41, 0.41, 0.41, 0.41, 0.41, 0.41]')
    expect(chart).toContain(
      'Lines, in order: 1. the value · 2. max 2 · 3. normal band, low end · 4. normal band, high end.',
    )
  })

  it('holds nothing read from outside: the labels of the series never appear', () => {
    const chart = chartsSection([baselineCheck()], new Map([['latency', [0.3, 0.3]]]))
    expect(chart).not.toContain('::error')
    expect(chart).not.toContain('\r')
    expect(chart.match(/```/g)).toHaveLength(2)
  })

  it('charts failed checks, then those that breached, at most 6; none for a stable gate', () => {
    expect(chartedChecks(stableResult().checks)).toEqual([])
    const failed = failedVramResult()
    expect(chartedChecks(failed.checks).map((c) => c.spec.name)).toEqual(['vram'])
    const many = Array.from({ length: 8 }, (_, i) =>
      outcome(latencySpec({ name: `c${i}` }), 'passed', [
        pass(0, 0.1),
        breach(1, 3, [{ labels: { i: String(i) }, value: 3 }], '3 > 2'),
        pass(2, 0.1),
      ]),
    )
    expect(chartedChecks(many)).toHaveLength(MAX_CHARTS)
  })

  it('in the job summary when chart history is given; not in check-run text (none given)', () => {
    const failed = failedVramResult()
    const base = { environment: 'production', sha: 'a'.repeat(40), dryRun: false }
    expect(renderGateSummary(failed, { ...base, charts: new Map() })).toMatch(
      /#### Charts\n\n```mermaid\n%%\{init[^\n]*\nxychart-beta/,
    )
    expect(renderGateSummary(failed, base)).not.toContain('```mermaid')
  })
})
