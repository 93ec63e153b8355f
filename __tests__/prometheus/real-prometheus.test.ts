/**
 * Integration: a real Prometheus scrapes the exporter fixtures (as the fixtures README describes under "How
 * prometheus-api/ was produced"), and every built-in query goes through createPrometheusClient. Expected values are
 * computed here by hand from the numbers in the fixture files.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Builtin } from '../../src/model/check-spec.ts'
import type { SeriesValue } from '../../src/model/gate-result.ts'
import { builtinQuery } from '../../src/model/builtins.ts'
import { Defaults } from '../../src/constants.ts'
import { createPrometheusClient } from '../../src/prometheus/client.ts'
import type { HttpPrometheusClient } from '../../src/prometheus/client.ts'
import { PrometheusError } from '../../src/prometheus/errors.ts'
import { measureSeries } from '../../src/prometheus/measure.ts'
import { readExporterFixture } from '../../testkit/prometheus-api.ts'
import {
  openMetricsGauge,
  startExporter,
  startPrometheus,
  TEST_BASIC_AUTH,
  waitForSeries,
} from '../../testkit/prometheus.ts'
import type { Exporter, PrometheusInstance } from '../../testkit/prometheus.ts'
import { VALID_SELECTORS } from '../../testkit/selectors.ts'

const AT = '2026-11-22T02:51:16.000Z'
const BUILTINS: readonly Builtin[] = ['cpu', 'memory', 'disk', 'vram', 'kv-cache', 'up']

async function rejection(promise: Promise<unknown>): Promise<PrometheusError> {
  const error = await promise.then(
    () => undefined,
    (err: unknown) => err,
  )
  expect(error).toBeInstanceOf(PrometheusError)
  return error as PrometheusError
}

function byLabel(series: readonly SeriesValue[], label: string): Record<string, number> {
  return Object.fromEntries(series.map((s) => [s.labels[label] ?? '', s.value]))
}

describe('built-in queries on the scraped exporter fixtures', () => {
  const exporters: Exporter[] = []
  let percona: Exporter
  let e2e: Exporter
  let gpu: Exporter
  let app: Exporter
  let prom: PrometheusInstance
  let client: HttpPrometheusClient

  beforeAll(async () => {
    percona = await startExporter(readExporterFixture('node_exporter-percona-pr2499-ubuntu-vm.prom'))
    e2e = await startExporter(readExporterFixture('node_exporter-e2e-output.prom'))
    gpu = await startExporter(
      [
        'dcgm-exporter-datadog-integrations-core-t4.prom',
        'dcgm-exporter-nvidia-docs-a100-mig.prom',
        'nvidia_gpu_exporter-linux-h100-80gb-hbm3-590.48.01-load.prom',
      ]
        .map(readExporterFixture)
        .join(''),
    )
    app = await startExporter()
    app.setGauge('deploy_gate_test_usage_percent', { pod: 'api-1' }, 50)
    exporters.push(percona, e2e, gpu, app)
    prom = await startPrometheus({
      jobs: [
        { job: 'node', targets: [percona.target, e2e.target] },
        { job: 'gpu', targets: [gpu.target] },
        { job: 'app', targets: [app.target] },
      ],
    })
    client = createPrometheusClient(prom.settings())
    await waitForSeries(prom, 'up', (s) => s.length === 4 && s.every((x) => x.value === 1))
    // rate() needs two scrapes of each node target.
    await waitForSeries(prom, builtinQuery('cpu', 'job="node"'), (s) => s.length === 2)
  })

  afterAll(async () => {
    await prom?.stop()
    await Promise.all(exporters.map((exporter) => exporter.close()))
  })

  it('memory: 100 * (1 - MemAvailable / MemTotal), only the host that has MemAvailable', async () => {
    const { series } = await client.query(builtinQuery('memory', 'job="node"'))
    expect(series).toHaveLength(1)
    expect(series[0]?.labels).toEqual({ instance: percona.target, job: 'node' })
    expect(series[0]?.value).toBeCloseTo(100 * (1 - 829747200 / 6226481152), 9)
    expect(measureSeries(series, { max: Defaults.memoryMax }, AT)).toMatchObject({
      outcome: 'breach',
      reason: `86.7 > 80 on instance="${percona.target}"`,
    })
  })

  it('vram: DCGM T4 and A100 from FB_USED/(USED+FREE), the H100 from nvidia_smi bytes', async () => {
    const { series } = await client.query(builtinQuery('vram', 'job="gpu"'))
    expect(series).toHaveLength(3)
    const dcgm = byLabel(
      series.filter((s) => s.labels.Hostname !== undefined),
      'Hostname',
    )
    expect(dcgm['424773df46e0']).toBe(0)
    expect(dcgm['ub20-a100-k8s']).toBeCloseTo((100 * 4845) / (4845 + 35690), 9)
    const h100 = series.find((s) => s.labels.uuid === '00000000-0000-0000-0000-000000000000')
    expect(h100?.value).toBeCloseTo((100 * 20780679168) / 85520809984, 9)
    expect(measureSeries(series, { max: Defaults.vramMax }, AT)).toMatchObject({
      outcome: 'pass',
      series: [],
    })
  })

  it('disk: per mount from avail/size, tmpfs left out, the 0-byte fuse mounts NaN and ignored', async () => {
    const { series } = await client.query(builtinQuery('disk', 'job="node"'))
    const byMount = byLabel(series, 'mountpoint')
    expect(Object.keys(byMount).sort()).toEqual([
      '/',
      '/boot/efi',
      '/media/sf_D_DRIVE',
      '/run/user/1000/doc',
      '/run/user/1000/gvfs',
    ])
    expect(byMount['/']).toBeCloseTo(100 * (1 - 3216375808 / 41475637248), 9)
    expect(byMount['/boot/efi']).toBeCloseTo(100 * (1 - 535801856 / 535805952), 9)
    expect(byMount['/media/sf_D_DRIVE']).toBeCloseTo(100 * (1 - 153864609792 / 1000202039296), 9)
    expect(byMount['/run/user/1000/doc']).toBeNaN()
    expect(byMount['/run/user/1000/gvfs']).toBeNaN()
    const measurement = measureSeries(series, { max: Defaults.diskMax }, AT)
    expect(measurement.outcome).toBe('breach')
    expect(measurement.reason).toBe(`92.2 > 85 on mountpoint="/"`)
    expect(measurement.ignoredSeries?.map((s) => s.labels.fstype).sort()).toEqual(['fuse', 'fuse.gvfsd-fuse'])
  })

  it('cpu: NaN on both hosts, because the static counters never move (0 idle / 0 total): no-data', async () => {
    const { series } = await client.query(builtinQuery('cpu', 'job="node"'))
    expect(Object.keys(byLabel(series, 'instance')).sort()).toEqual([percona.target, e2e.target].sort())
    expect(series.every((s) => Number.isNaN(s.value))).toBe(true)
    expect(measureSeries(series, { max: Defaults.cpuMax }, AT)).toMatchObject({
      outcome: 'no-data',
      reason: 'all 2 series are NaN or ±Inf',
    })
  })

  it('kv-cache: no vLLM metrics → empty vector → no-data', async () => {
    const result = await client.query(builtinQuery('kv-cache', 'job="gpu"'))
    expect(result).toEqual({ resultType: 'vector', series: [], warnings: [] })
    expect(measureSeries(result.series, { max: 90 }, AT)).toMatchObject({
      outcome: 'no-data',
      reason: 'no series matched',
    })
  })

  it('up: 1 for every target, a pass at min 1', async () => {
    const { series } = await client.query(builtinQuery('up', 'job=~"node|gpu"'))
    expect(series.map((s) => s.value)).toEqual([1, 1, 1])
    expect(measureSeries(series, { min: 1 }, AT)).toMatchObject({ outcome: 'pass', value: 1 })
    expect((await client.query(builtinQuery('up', ''))).series).toHaveLength(4)
  })

  it('accepts every built-in query with no selector and with each selector validateSelector accepts', async () => {
    const rejected: string[] = []
    for (const selector of VALID_SELECTORS) {
      for (const builtin of BUILTINS) {
        const query = builtinQuery(builtin, selector)
        await client.query(query).catch((error: unknown) => rejected.push(`${query}: ${String(error)}`))
      }
    }
    expect(rejected).toEqual([])
  })

  it('a selector keeps only its series', async () => {
    const { series } = await client.query(builtinQuery('vram', 'Hostname="ub20-a100-k8s"'))
    expect(series.map((s) => s.labels.Hostname)).toEqual(['ub20-a100-k8s'])
  })

  it('follows a live exporter from pass to breach', async () => {
    const query = 'deploy_gate_test_usage_percent{job="app"}'
    const before = await waitForSeries(prom, query, (s) => s[0]?.value === 50)
    expect(measureSeries(before, { max: 90 }, AT).outcome).toBe('pass')
    app.setGauge('deploy_gate_test_usage_percent', { pod: 'api-1' }, 97.5)
    const after = await waitForSeries(prom, query, (s) => s[0]?.value === 97.5)
    expect(measureSeries(after, { max: 90 }, AT).reason).toBe(
      `97.5 > 90 on instance="${app.target}",pod="api-1"`,
    )
  })

  it('maps Prometheus errors', async () => {
    const badData = await rejection(client.query('100 * (1 - node_memory_MemAvailable_bytes /'))
    expect(badData).toMatchObject({
      kind: 'api',
      status: 400,
      errorType: 'bad_data',
      message:
        'Prometheus answered HTTP 400 bad_data: invalid parameter "query": 1:44: parse error: unclosed left parenthesis',
    })
    const duplicate = await rejection(
      client.query('label_replace(node_cpu_seconds_total{job="node"}, "cpu", "x", "", "")'),
    )
    expect(duplicate).toMatchObject({
      kind: 'api',
      status: 422,
      errorType: 'execution',
      message: 'Prometheus answered HTTP 422 execution: vector cannot contain metrics with the same labelset',
    })
    const matrix = await rejection(client.query('up[1m]'))
    expect(matrix.kind).toBe('unexpected-result')
    const nameless = await rejection(client.query('{}'))
    expect(nameless.message).toMatch(/vector selector must contain at least one non-empty matcher$/)
  })

  it('reads scalars, NaN and ±Inf', async () => {
    expect((await client.query('scalar(vector(1))')).series).toEqual([{ labels: {}, value: 1 }])
    expect((await client.query('vector(0)/0')).series[0]?.value).toBeNaN()
    expect((await client.query('vector(1)/0')).series[0]?.value).toBe(Number.POSITIVE_INFINITY)
    expect((await client.query('vector(-1)/0')).series[0]?.value).toBe(Number.NEGATIVE_INFINITY)
  })
})

describe('Prometheus behind basic auth and a path prefix', () => {
  let prom: PrometheusInstance

  beforeAll(async () => {
    prom = await startPrometheus({ basicAuth: true, routePrefix: '/prometheus' })
  })

  afterAll(async () => {
    await prom?.stop()
  })

  it('answers with the credentials, under the prefix, with or without a trailing slash', async () => {
    expect(prom.url).toMatch(/\/prometheus$/)
    for (const url of [prom.url, `${prom.url}/`]) {
      const result = await createPrometheusClient(prom.settings({ url })).query('vector(7)')
      expect(result.series).toEqual([{ labels: {}, value: 7 }])
    }
  })

  it('takes the credentials from URL user info too', async () => {
    const { username, password } = TEST_BASIC_AUTH
    const url = prom.url.replace('http://', `http://${username}:${password}@`)
    const result = await createPrometheusClient({ url, headers: {}, timeoutMs: 10_000 }).query('vector(1)')
    expect(result.series[0]?.value).toBe(1)
  })

  it('is a 401 without credentials or with a wrong password', async () => {
    const anonymous = createPrometheusClient({ url: prom.url, headers: {}, timeoutMs: 10_000 })
    expect(await rejection(anonymous.query('vector(1)'))).toMatchObject({
      kind: 'http',
      status: 401,
      message: 'Prometheus answered HTTP 401: Unauthorized (check the Prometheus credentials)',
    })
    const wrong = createPrometheusClient(
      prom.settings({ basicAuth: { username: 'deploy-gate', password: 'nope' } }),
    )
    expect(await rejection(wrong.query('vector(1)'))).toMatchObject({ kind: 'http', status: 401 })
  })

  it('is a 404 without the path prefix', async () => {
    const url = prom.url.replace(/\/prometheus$/, '')
    const error = await rejection(createPrometheusClient(prom.settings({ url })).query('vector(1)'))
    expect(error).toMatchObject({ kind: 'http', status: 404 })
    expect(error.message).toMatch(/check the Prometheus URL and its path prefix/)
  })
})

describe('backfilled history (promtool tsdb create-blocks-from openmetrics)', () => {
  let prom: PrometheusInstance
  const nowSec = Math.floor(Date.now() / 1000)
  // 40 minutes of one sample a minute, ending 10 minutes ago: 0, 1, …, 39 (percent).
  const points = Array.from({ length: 40 }, (_, i): [number, number] => [nowSec - 50 * 60 + i * 60, i])

  beforeAll(async () => {
    prom = await startPrometheus({
      backfill: [openMetricsGauge('deploy_gate_history_percent', { instance: 'ai-1:9400' }, points)],
    })
  })

  afterAll(async () => {
    await prom?.stop()
  })

  it('queries the history through the client', async () => {
    const client = createPrometheusClient(prom.settings())
    const count = await client.query('count_over_time(deploy_gate_history_percent[1h])')
    expect(count.series).toEqual([{ labels: { instance: 'ai-1:9400' }, value: 40 }])
    const max = await client.query('max_over_time(deploy_gate_history_percent[1h])')
    expect(max.series[0]?.value).toBe(39)
    // The last sample is 10 minutes old: past the 5-minute lookback, so the instant vector is empty.
    expect((await client.query('deploy_gate_history_percent')).series).toEqual([])
  })
})

describe('startPrometheus without a prometheus binary', () => {
  it('fails with an install hint instead of skipping', async () => {
    const saved = { bin: process.env.PROMETHEUS_BIN, path: process.env.PATH }
    try {
      delete process.env.PROMETHEUS_BIN
      process.env.PATH = '/nonexistent-deploy-gate-bin'
      await expect(startPrometheus()).rejects.toThrow(
        "prometheus not found: install it with 'apt-get install prometheus' (Debian) or set PROMETHEUS_BIN",
      )
      process.env.PROMETHEUS_BIN = '/nonexistent-deploy-gate-bin/prometheus'
      await expect(startPrometheus()).rejects.toThrow(
        "prometheus not found (PROMETHEUS_BIN=/nonexistent-deploy-gate-bin/prometheus): install it with 'apt-get install prometheus' (Debian) or set PROMETHEUS_BIN",
      )
    } finally {
      process.env.PATH = saved.path
      if (saved.bin === undefined) delete process.env.PROMETHEUS_BIN
      else process.env.PROMETHEUS_BIN = saved.bin
    }
  })
})
