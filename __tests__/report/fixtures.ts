/** Hand-built gate results with realistic samples, for the report tests. */
import type { CheckLimits, HttpCheckSpec, MetricCheckSpec } from '../../src/model/check-spec.ts'
import type { CheckOutcome, GateResult, Measurement, SeriesValue } from '../../src/model/gate-result.ts'

export const limits: CheckLimits = {
  maxConsecutiveFailures: 2,
  maxFailures: 3,
  maxConsecutiveErrors: 4,
  onNoData: 'fail',
}

const START_MS = Date.parse('2025-06-02T09:00:00.000Z')

/** ISO time of sample round `i` at a 10 s interval. */
export function at(i: number): string {
  return new Date(START_MS + 5_000 + i * 10_000).toISOString()
}

export function httpSpec(overrides: Partial<HttpCheckSpec> = {}): HttpCheckSpec {
  return {
    kind: 'http',
    name: 'http-1',
    url: 'https://api.example.com/actuator/health',
    method: 'GET',
    headers: {},
    timeoutMs: 5_000,
    followRedirects: false,
    enforce: true,
    limits,
    ...overrides,
  }
}

const VRAM_QUERY =
  '(100 * DCGM_FI_DEV_FB_USED{instance="10.1.0.7:9400"} / (DCGM_FI_DEV_FB_USED{instance="10.1.0.7:9400"} + ' +
  'DCGM_FI_DEV_FB_FREE{instance="10.1.0.7:9400"})) or (100 * nvidia_smi_memory_used_bytes{instance="10.1.0.7:9400"} ' +
  '/ nvidia_smi_memory_total_bytes{instance="10.1.0.7:9400"})'

const CPU_QUERY =
  '100 * (1 - sum by (instance) (rate(node_cpu_seconds_total{mode=~"idle|iowait|steal",' +
  'job="node",instance=~"web-1:9100|ai-1:9100"}[2m])) / sum by (instance) (rate(node_cpu_seconds_total{' +
  'job="node",instance=~"web-1:9100|ai-1:9100"}[2m])))'

export function vramSpec(overrides: Partial<MetricCheckSpec> = {}): MetricCheckSpec {
  return {
    kind: 'metric',
    name: 'vram',
    builtin: 'vram',
    selector: 'instance="10.1.0.7:9400"',
    query: VRAM_QUERY,
    max: 95,
    enforce: true,
    limits,
    ...overrides,
  }
}

export function cpuSpec(overrides: Partial<MetricCheckSpec> = {}): MetricCheckSpec {
  return {
    kind: 'metric',
    name: 'cpu',
    builtin: 'cpu',
    selector: 'job="node",instance=~"web-1:9100|ai-1:9100"',
    query: CPU_QUERY,
    max: 80,
    enforce: true,
    limits,
    ...overrides,
  }
}

export function latencySpec(overrides: Partial<MetricCheckSpec> = {}): MetricCheckSpec {
  return {
    kind: 'metric',
    name: 'api-p95-latency',
    query: 'histogram_quantile(0.95, sum by (le) (rate(http_server_requests_seconds_bucket{job="api"}[5m])))',
    max: 2,
    enforce: false,
    limits,
    ...overrides,
  }
}

export function pass(i: number, value: number): Measurement {
  return { at: at(i), outcome: 'pass', value }
}

export function breach(
  i: number,
  value: number,
  series: readonly SeriesValue[],
  reason: string,
): Measurement {
  return { at: at(i), outcome: 'breach', value, series, reason }
}

export function outcome(
  spec: CheckOutcome['spec'],
  result: CheckOutcome['result'],
  samples: Measurement[],
  reason?: string,
): CheckOutcome {
  return reason === undefined ? { spec, result, samples } : { spec, result, samples, reason }
}

/** A full 1-minute window: every check passed. */
export function stableResult(): GateResult {
  return {
    verdict: 'stable',
    failedChecks: [],
    startedAt: new Date(START_MS).toISOString(),
    finishedAt: new Date(START_MS + 65_000).toISOString(),
    ended: 'completed',
    checks: [
      outcome(
        httpSpec(),
        'passed',
        [42, 38.5, 51, 47, 40, 39, 44].map((ms, i) => pass(i, ms)),
      ),
      outcome(
        cpuSpec(),
        'passed',
        [31.2, 35.8, 40.1, 38.7, 33.3, 29.9, 30.4].map((v, i) => pass(i, v)),
      ),
      outcome(
        vramSpec(),
        'passed',
        [91.2, 91.2, 91.2, 91.2, 91.2, 91.2, 91.2].map((v, i) => pass(i, v)),
      ),
      outcome(
        latencySpec(),
        'passed',
        [0.000764, 0.00081, 0.0009, 0.00071, 0.00075, 0.0008, 0.00077].map((v, i) => pass(i, v)),
      ),
    ],
  }
}

const GPU0 = { __name__: 'DCGM_FI_DEV_FB_USED', gpu: '0', instance: '10.1.0.7:9400' }

/** VRAM 96.3% on gpu="0" for two rounds in a row: failed fast after four rounds. */
export function failedVramResult(): GateResult {
  return {
    verdict: 'failed',
    failedChecks: ['vram'],
    startedAt: new Date(START_MS).toISOString(),
    finishedAt: new Date(START_MS + 35_000).toISOString(),
    ended: 'fail-fast',
    checks: [
      outcome(
        httpSpec(),
        'pending',
        [42, 45, 44, 47].map((ms, i) => pass(i, ms)),
        'not decided: the gate stopped early (vram failed)',
      ),
      outcome(
        vramSpec(),
        'failed',
        [
          pass(0, 91.2),
          pass(1, 91.4),
          breach(2, 96.1, [{ labels: GPU0, value: 96.1 }], '96.1 > 95 on gpu="0"'),
          breach(3, 96.3, [{ labels: GPU0, value: 96.3 }], '96.3 > 95 on gpu="0"'),
        ],
        '2 breaches in a row (max-consecutive-failures 2): 96.3 > 95 on gpu="0"',
      ),
    ],
  }
}

/** Prometheus unreachable for four rounds in a row. */
export function inconclusiveResult(): GateResult {
  const refused = (i: number): Measurement => ({
    at: at(i),
    outcome: 'error',
    reason: 'Prometheus unreachable: connect ECONNREFUSED 10.0.0.9:9090',
  })
  return {
    verdict: 'inconclusive',
    failedChecks: ['cpu'],
    startedAt: new Date(START_MS).toISOString(),
    finishedAt: new Date(START_MS + 65_000).toISOString(),
    ended: 'completed',
    checks: [
      outcome(
        httpSpec(),
        'passed',
        [42, 45, 44, 47, 41, 43, 40].map((ms, i) => pass(i, ms)),
      ),
      outcome(
        cpuSpec(),
        'inconclusive',
        [pass(0, 33.1), pass(1, 34.2), refused(2), refused(3), refused(4), refused(5)],
        '4 errors in a row (max-consecutive-errors 4): Prometheus unreachable: connect ECONNREFUSED 10.0.0.9:9090',
      ),
    ],
  }
}

/** A disk check over 1,000 mounts that all breached; mount `/m/0999` is the worst. */
export function thousandSeriesResult(): GateResult {
  const spec: MetricCheckSpec = {
    kind: 'metric',
    name: 'disk',
    builtin: 'disk',
    selector: 'job="node"',
    query: '100 * (1 - node_filesystem_avail_bytes{job="node"} / node_filesystem_size_bytes{job="node"})',
    max: 85,
    enforce: true,
    limits,
  }
  const round = (i: number, bump: number): Measurement => {
    const series = Array.from({ length: 1000 }, (_, n) => ({
      labels: { instance: `web-${n % 50}:9100`, mountpoint: `/m/${String(n).padStart(4, '0')}` },
      value: 85.5 + n * 0.01 + bump,
    }))
    return breach(i, 85.5 + 999 * 0.01 + bump, series, `1000 series > 85`)
  }
  return {
    verdict: 'failed',
    failedChecks: ['disk'],
    startedAt: new Date(START_MS).toISOString(),
    finishedAt: new Date(START_MS + 15_000).toISOString(),
    ended: 'fail-fast',
    checks: [outcome(spec, 'failed', [round(0, 0), round(1, 0.2)], '2 breaches in a row: 1000 series > 85')],
  }
}
