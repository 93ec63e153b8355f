import { describe, expect, it } from 'vitest'
import type { GateResult } from '../../src/model/gate-result.ts'
import { sampleCountsText } from '../../src/gate/check-facts.ts'
import {
  DRY_RUN_NOTE,
  prometheusGraphUrl,
  renderGateSummary,
  STEP_SUMMARY_LIMIT_BYTES,
  type GateSummaryContext,
} from '../../src/gate/summary.ts'
import {
  failedVramResult,
  inconclusiveResult,
  limits,
  pass,
  stableResult,
  thousandSeriesResult,
  outcome,
  httpSpec,
} from '../report/fixtures.ts'

const ctx: GateSummaryContext = {
  environment: 'production',
  sha: '3f9c2a1b7d4e5f60718293a4b5c6d7e8f9012345',
  prometheusUrl: 'https://prom.example.com/prometheus/',
  dryRun: false,
  runUrl: 'https://github.com/acme/shop/actions/runs/1234/attempts/1',
}

describe('renderGateSummary', () => {
  it('renders a stable result', () => {
    const md = renderGateSummary(stableResult(), {
      ...ctx,
      deploymentUrl: 'https://github.com/acme/shop/deployments/production',
    })
    expect(md).toMatchInlineSnapshot(`
      "### ✅ deploy-gate: stable · production · \`3f9c2a1\` · 1m5s window

      3 of 3 enforced checks passed (+1 shadow check, not enforced).

      [Deployment](https://github.com/acme/shop/deployments/production) · [Workflow run](https://github.com/acme/shop/actions/runs/1234/attempts/1)

      | Check | Kind | Target / query | Threshold | Last | Worst | Samples | Result |
      | --- | --- | --- | --- | --- | --- | --- | --- |
      | http-1 | http | \`https://api.example.com/actuator/health\` | 2xx | 44ms | 51ms | 7 | ✅&nbsp;passed |
      | cpu | cpu | \`job="node",instance=~"web-1:9100\\|ai-1:9100"\` | ≤ 80% | 30.4% | 40.1% | 7 | ✅&nbsp;passed |
      | vram | vram | \`instance="10.1.0.7:9400"\` | ≤ 95% | 91.2% | 91.2% | 7 | ✅&nbsp;passed |
      | api-p95-latency | query (shadow) | \`histogram_quantile(0.95, sum by (le) (rate(http_server_requ…\` | ≤ 2 | 0.00077 | 0.0009 | 7 | ✅&nbsp;passed |

      #### Trends

      | Check | Over the window | Scale ▁ … █ | Min | Max |
      | --- | --- | --- | --- | --- |
      | cpu | \`▁▂▂▂▁▁▁\` | 29.9% … 80.0% | 29.9% | 40.1% |
      | vram | \`▁▁▁▁▁▁▁\` | 91.2% … 95.0% | 91.2% | 91.2% |
      | api-p95-latency | \`▁▁▁▁▁▁▁\` | 0.00071 … 2 | 0.00071 | 0.0009 |

      ▁ and █ are the ends of the row's Scale, which spans its values and its threshold (and baseline and normal band), so flat reads flat and a climb towards the threshold reads so; · = no value.

      <details><summary>Queries</summary>

      **cpu**

      \`\`\`promql
      100 * (1 - sum by (instance) (rate(node_cpu_seconds_total{mode=~"idle|iowait|steal",job="node",instance=~"web-1:9100|ai-1:9100"}[2m])) / sum by (instance) (rate(node_cpu_seconds_total{job="node",instance=~"web-1:9100|ai-1:9100"}[2m])))
      \`\`\`

      **vram**

      \`\`\`promql
      (100 * DCGM_FI_DEV_FB_USED{instance="10.1.0.7:9400"} / (DCGM_FI_DEV_FB_USED{instance="10.1.0.7:9400"} + DCGM_FI_DEV_FB_FREE{instance="10.1.0.7:9400"})) or (100 * nvidia_smi_memory_used_bytes{instance="10.1.0.7:9400"} / nvidia_smi_memory_total_bytes{instance="10.1.0.7:9400"})
      \`\`\`

      **api-p95-latency**

      \`\`\`promql
      histogram_quantile(0.95, sum by (le) (rate(http_server_requests_seconds_bucket{job="api"}[5m])))
      \`\`\`

      </details>
      "
    `)
  })

  it('renders a failed VRAM check: reason, worst series, sparkline and a Prometheus link', () => {
    const md = renderGateSummary(failedVramResult(), ctx)
    expect(md).toMatchInlineSnapshot(`
      "### ❌ deploy-gate: failed · production · \`3f9c2a1\` · 35s window

      0 of 2 enforced checks passed; failed: \`vram\`; 1 not decided when the gate stopped. The gate stopped early: an enforced check failed.

      [Workflow run](https://github.com/acme/shop/actions/runs/1234/attempts/1)

      | Check | Kind | Target / query | Threshold | Last | Worst | Samples | Result | Reason |
      | --- | --- | --- | --- | --- | --- | --- | --- | --- |
      | http-1 | http | \`https://api.example.com/actuator/health\` | 2xx | 47ms | 47ms | 4 | ⏸️&nbsp;pending |  |
      | vram | vram | \`instance="10.1.0.7:9400"\` | ≤ 95% | 96.3% | 96.3% | 2 passed / 2 breaches | ❌&nbsp;failed | 2 breaches in a row (max-consecutive-failures 2): 96.3 > 95 on gpu="0" |

      ⏸️ 1 check not decided — the gate stopped early (vram failed): \`http-1\`

      #### Trends

      | Check | Over the window | Scale ▁ … █ | Min | Max |
      | --- | --- | --- | --- | --- |
      | vram | \`▁▁██\` | 91.2% … 96.3% | 91.2% | 96.3% |

      ▁ and █ are the ends of the row's Scale, which spans its values and its threshold (and baseline and normal band), so flat reads flat and a climb towards the threshold reads so; · = no value.

      #### Findings

      **vram** · ❌ failed — 2 breaches in a row (max-consecutive-failures 2): 96.3 > 95 on gpu="0"

      | Breaching series (worst first) | Worst | Breaches |
      | --- | --- | --- |
      | \`DCGM_FI_DEV_FB_USED{gpu="0", instance="10.1.0.7:9400"}\` | 96.3% | 2 |

      [Open the query in Prometheus](https://prom.example.com/prometheus/graph?g0.expr=%28100%20%2A%20DCGM_FI_DEV_FB_USED%7Binstance%3D%2210.1.0.7%3A9400%22%7D%20%2F%20%28DCGM_FI_DEV_FB_USED%7Binstance%3D%2210.1.0.7%3A9400%22%7D%20%2B%20DCGM_FI_DEV_FB_FREE%7Binstance%3D%2210.1.0.7%3A9400%22%7D%29%29%20or%20%28100%20%2A%20nvidia_smi_memory_used_bytes%7Binstance%3D%2210.1.0.7%3A9400%22%7D%20%2F%20nvidia_smi_memory_total_bytes%7Binstance%3D%2210.1.0.7%3A9400%22%7D%29&g0.tab=0&g0.range_input=1h)

      <details><summary>Queries</summary>

      **vram**

      \`\`\`promql
      (100 * DCGM_FI_DEV_FB_USED{instance="10.1.0.7:9400"} / (DCGM_FI_DEV_FB_USED{instance="10.1.0.7:9400"} + DCGM_FI_DEV_FB_FREE{instance="10.1.0.7:9400"})) or (100 * nvidia_smi_memory_used_bytes{instance="10.1.0.7:9400"} / nvidia_smi_memory_total_bytes{instance="10.1.0.7:9400"})
      \`\`\`

      </details>
      "
    `)
    expect(md.startsWith('### ❌ deploy-gate: failed · production · `3f9c2a1`')).toBe(true)
    expect(md).toContain(
      '| vram | vram | `instance="10.1.0.7:9400"` | ≤ 95% | 96.3% | 96.3% | 2 passed / 2 breaches | ❌&nbsp;failed |',
    )
    expect(md).toContain('`DCGM_FI_DEV_FB_USED{gpu="0", instance="10.1.0.7:9400"}` | 96.3% | 2 |')
    const query = failedVramResult().checks[1]!.spec
    expect(query.kind).toBe('metric')
    if (query.kind !== 'metric') return
    const url = prometheusGraphUrl(ctx.prometheusUrl!, query.query)
    expect(url).toBe(
      'https://prom.example.com/prometheus/graph?g0.expr=' +
        encodeURIComponent(query.query).replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/\*/g, '%2A') +
        '&g0.tab=0&g0.range_input=1h',
    )
    expect(decodeURIComponent(new URL(url).searchParams.get('g0.expr')!)).toBe(query.query)
    expect(md).toContain(`[Open the query in Prometheus](${url})`)
  })

  it('renders an inconclusive result without a verdict-changing dry-run note', () => {
    const md = renderGateSummary(inconclusiveResult(), ctx)
    expect(md.split('\n')[0]).toBe('### ⚠️ deploy-gate: inconclusive · production · `3f9c2a1` · 1m5s window')
    expect(md).toContain('2 passed / 4 errors')
    expect(md).toContain('| cpu | `▁▁····` | 33.1% … 80.0% | 33.1% | 34.2% |')
    expect(md).toContain('**cpu** · ⚠️ inconclusive — 4 errors in a row')
    expect(md).toContain('[Open the query in Prometheus](https://prom.example.com/prometheus/graph?g0.expr=')
    expect(md).not.toContain(DRY_RUN_NOTE)
  })

  it('says on the verdict line that a dry run does not fail the step', () => {
    const md = renderGateSummary(failedVramResult(), { ...ctx, dryRun: true })
    expect(md.split('\n')[0]).toBe(
      '### ❌ deploy-gate: failed · production · `3f9c2a1` · 35s window (dry run — the step does not fail on the verdict)',
    )
  })

  it('leaves out the Prometheus link when no URL is known, and strips userinfo from URLs shown', () => {
    const md = renderGateSummary(failedVramResult(), {
      ...ctx,
      prometheusUrl: undefined,
      runUrl: 'https://user:hunter2@ci.example.com/run/1',
    })
    expect(md).not.toContain('/graph?')
    expect(md).not.toContain('hunter2')
    expect(prometheusGraphUrl('https://u:p@prom.example.com/', 'up')).toBe(
      'https://prom.example.com/graph?g0.expr=up&g0.tab=0&g0.range_input=1h',
    )
  })

  it('shows the HTTP target without userinfo and the expectations as the threshold', () => {
    const spec = httpSpec({
      url: 'https://svc:s3cr3t@api.example.com/health',
      method: 'HEAD',
      expectStatus: [200, 204],
      maxLatencyMs: 2_000,
    })
    const result: GateResult = {
      ...stableResult(),
      checks: [outcome(spec, 'passed', [pass(0, 120)])],
    }
    const md = renderGateSummary(result, ctx)
    expect(md).toContain(
      '| http-1 | http | `HEAD https://api.example.com/health` | 200, 204, ≤ 2s | 120ms | 120ms | 1 |',
    )
    expect(md).not.toContain('s3cr3t')
  })

  it('names a pending check as not decided', () => {
    const md = renderGateSummary(failedVramResult(), ctx)
    expect(md).toContain('| ⏸️&nbsp;pending |  |')
    expect(md).toContain('⏸️ 1 check not decided — the gate stopped early (vram failed): `http-1`')
    expect(md).toContain(
      '0 of 2 enforced checks passed; failed: `vram`; 1 not decided when the gate stopped.',
    )
    expect(md).toContain('The gate stopped early: an enforced check failed.')
  })

  it('says the shared reason of pending checks once, in one line naming them, not in every row', () => {
    const base = failedVramResult()
    const pending = base.checks[0]!
    const others = ['cpu', 'memory', 'disk'].map((name) => ({ ...pending, spec: { ...pending.spec, name } }))
    const md = renderGateSummary({ ...base, checks: [...base.checks, ...others] }, ctx)
    expect(md.split('the gate stopped early (vram failed)')).toHaveLength(2)
    expect(md).toContain(
      '⏸️ 4 checks not decided — the gate stopped early (vram failed): `http-1`, `cpu`, `memory`, `disk`',
    )
  })

  it.each([
    [['pass', 'breach', 'breach'], '1 passed / 2 breaches'],
    [['breach', 'pass'], '1 passed / 1 breach'],
    [['error', 'no-data', 'no-data'], '2 no data / 1 error'],
    [['error', 'error'], '2 errors'],
  ] as const)('counts samples %j as %s (never "2 breach")', (outcomes, text) => {
    const samples = outcomes.map((outcome, i) => ({ at: new Date(i * 1000).toISOString(), outcome }))
    expect(sampleCountsText(samples)).toBe(text)
  })

  it('names NaN series left out of the comparison', () => {
    const base = failedVramResult()
    const vram = base.checks[1]!
    const withNaN = {
      ...vram,
      samples: vram.samples.map((m) => ({
        ...m,
        ignoredSeries: [{ labels: { gpu: '1', instance: '10.1.0.7:9400' }, value: Number.NaN }],
      })),
    }
    const md = renderGateSummary({ ...base, checks: [withNaN] }, ctx)
    expect(md).toContain('Left out as NaN/±Inf (not compared): `{gpu="1", instance="10.1.0.7:9400"}`')
  })
})

describe('renderGateSummary at scale', () => {
  it('names only the worst 10 of 1,000 breaching series', () => {
    const md = renderGateSummary(thousandSeriesResult(), ctx)
    const listed = md.split('\n').filter((l) => l.startsWith('| `{instance='))
    expect(listed).toHaveLength(10)
    expect(listed[0]).toBe('| `{instance="web-49:9100", mountpoint="/m/0999"}` | 95.7% | 2 |')
    expect(listed[9]).toContain('mountpoint="/m/0990"')
    expect(md).toContain('\n… and 990 more\n')
    expect(Buffer.byteLength(md)).toBeLessThan(20_000)
  })

  it('stays under 1 MiB with thousands of checks, shortening and saying so', () => {
    const one = thousandSeriesResult()
    const disk = one.checks[0]!
    const fewerSeries = disk.samples.map((m) => ({ ...m, series: m.series!.slice(-20) }))
    const checks = Array.from({ length: 3000 }, (_, i) => ({
      ...disk,
      samples: fewerSeries,
      spec: { ...disk.spec, name: `disk-${i}` },
      reason: `2 breaches in a row: ${'x'.repeat(400)}`,
    }))
    const md = renderGateSummary({ ...one, checks, failedChecks: checks.map((c) => c.spec.name) }, ctx)
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(1_000_000)
    expect(Buffer.byteLength(md)).toBeLessThan(STEP_SUMMARY_LIMIT_BYTES)
    expect(md).toContain("shortened to stay under GitHub's 1 MiB step-summary limit")
    expect(md.split('\n')[0]).toBe('### ❌ deploy-gate: failed · production · `3f9c2a1` · 15s window')
  })

  it('cuts at a line boundary as a last resort', () => {
    const md = renderGateSummary(thousandSeriesResult(), { ...ctx, maxBytes: 1_000 })
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(1_000)
    expect(md).toMatch(/\n\n_… cut here to stay under the step-summary size limit; see the JSON report\._\n$/)
    expect(md.split('\n')[0]).toContain('deploy-gate: failed')
  })

  it('is quick and small for a long window', () => {
    const values = Array.from({ length: 2000 }, (_, i) => 30 + (i === 1234 ? 60 : (i % 7) * 0.5))
    const result: GateResult = {
      ...stableResult(),
      checks: [
        outcome(
          stableResult().checks[1]!.spec,
          'passed',
          values.map((v, i) => pass(i, v)),
        ),
      ],
    }
    const md = renderGateSummary(result, ctx)
    const trend = md.split('\n').find((l) => l.startsWith('| cpu | `'))
    expect(trend).toContain('█')
    expect(limits.maxFailures).toBe(3)
  })
})
