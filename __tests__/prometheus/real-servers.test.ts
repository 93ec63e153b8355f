/**
 * Integration against real monitoring servers nobody here wrote (issue 12): Debian's node_exporter reading this
 * machine, scraped by a Prometheus started seconds before, and by VictoriaMetrics at its root URL and under
 * `-http.pathPrefix=/prometheus`. The built-ins are held against what /proc and statfs say at the same moment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SeriesValue } from '../../src/model/gate-result.ts'
import { builtinQuery } from '../../src/model/builtins.ts'
import { createPrometheusClient } from '../../src/prometheus/client.ts'
import { isQueryRejection, PrometheusError } from '../../src/prometheus/errors.ts'
import { startRealNodeExporter, startVictoriaMetrics } from '../../testkit/monitoring-servers.ts'
import type { NodeExporterInstance, VictoriaMetricsInstance } from '../../testkit/monitoring-servers.ts'
import {
  cpuBusyPercent,
  diskUsedPercent,
  memoryUsedPercent,
  readCpuSnapshot,
  type CpuSnapshot,
} from '../../testkit/os-readings.ts'
import { startPrometheus, waitForSeries } from '../../testkit/prometheus.ts'
import type { PrometheusInstance } from '../../testkit/prometheus.ts'

/** The formula before issue 12: `1 - rate(idle)` alone, which reads near 100 % on a fresh Prometheus. */
const OLD_CPU =
  '100 * (1 - avg by (instance) (sum without (mode) (rate(node_cpu_seconds_total{mode=~"idle|iowait|steal",job="node"}[2m]))))'
const BROKEN = 'sum(rate(node_cpu_seconds_total{job="node"}[2m])'
const SEL = 'job="node"'

const only = (series: readonly SeriesValue[]): number => {
  expect(series).toHaveLength(1)
  return series[0]!.value
}

describe('a real node_exporter on a Prometheus started seconds before', () => {
  let exporter: NodeExporterInstance
  let prom: PrometheusInstance
  let firstScrape: CpuSnapshot

  beforeAll(async () => {
    exporter = await startRealNodeExporter()
    prom = await startPrometheus({ jobs: [{ job: 'node', targets: [exporter.target] }] })
    await waitForSeries(prom, 'up{job="node"}', (s) => s[0]?.value === 1)
    firstScrape = readCpuSnapshot()
    // rate() needs two scrapes; then a few seconds of history, far less than the [2m] of the query.
    await waitForSeries(prom, builtinQuery('cpu', SEL), (s) => s.length === 1)
    await new Promise((resolve) => setTimeout(resolve, 6000))
  }, 90_000)

  afterAll(async () => {
    await prom?.stop()
    await exporter?.stop()
  })

  it('cpu reads the busy share /proc/stat gives over the same seconds; the old formula read far higher', async () => {
    const client = createPrometheusClient(prom.settings())
    const [cpu, old] = await Promise.all([client.query(builtinQuery('cpu', SEL)), client.query(OLD_CPU)])
    const os = cpuBusyPercent(firstScrape, readCpuSnapshot())
    const gate = only(cpu.series)
    console.info(
      `cpu: gate ${gate.toFixed(1)} %, /proc/stat ${os.toFixed(1)} %, old formula ${only(old.series).toFixed(1)} %`,
    )
    expect(Math.abs(gate - os)).toBeLessThan(8)
    // What the issue saw: the old formula divides a few seconds of idle time by two minutes.
    // The old formula sees at most half the true idle share with this much history (≈ 10 s of 120 s), at any load.
    expect(100 - only(old.series)).toBeLessThanOrEqual((100 - os) * 0.5 + 0.5)
  })

  it('memory and disk read what /proc/meminfo and statfs say', async () => {
    const client = createPrometheusClient(prom.settings())
    const memory = only((await client.query(builtinQuery('memory', SEL))).series)
    const memoryOs = memoryUsedPercent()
    const disk = (await client.query(builtinQuery('disk', `${SEL},mountpoint="/"`))).series
    const diskOs = diskUsedPercent('/')
    console.info(`memory: gate ${memory.toFixed(2)} %, /proc/meminfo ${memoryOs.toFixed(2)} %`)
    console.info(`disk /: gate ${only(disk).toFixed(2)} %, statfs ${diskOs.toFixed(2)} %`)
    expect(Math.abs(memory - memoryOs)).toBeLessThan(2)
    expect(Math.abs(only(disk) - diskOs)).toBeLessThan(0.5)
  })
})

describe.each([
  ['at its root URL', ''],
  ['under -http.pathPrefix=/prometheus', '/prometheus'],
])('VictoriaMetrics %s scraping a real node_exporter', (_name, pathPrefix) => {
  let exporter: NodeExporterInstance
  let vm: VictoriaMetricsInstance

  beforeAll(async () => {
    exporter = await startRealNodeExporter()
    vm = await startVictoriaMetrics({ jobs: [{ job: 'node', targets: [exporter.target] }], pathPrefix })
    await waitForSeries(
      vm,
      builtinQuery('cpu', SEL),
      (s) => s.length === 1 && Number.isFinite(s[0]!.value),
      60_000,
    )
  }, 90_000)

  afterAll(async () => {
    await vm?.stop()
    await exporter?.stop()
  })

  it('answers every built-in on the node host, and an empty kv-cache', async () => {
    const client = createPrometheusClient(vm.settings())
    for (const builtin of ['cpu', 'memory', 'disk'] as const) {
      const { series } = await client.query(builtinQuery(builtin, SEL))
      expect(series.length, builtin).toBeGreaterThan(0)
      for (const s of series)
        expect(s.value, `${builtin} ${JSON.stringify(s.labels)}`).toBeGreaterThanOrEqual(0)
      for (const s of series) expect(s.value, builtin).toBeLessThanOrEqual(100)
    }
    expect(only((await client.query(builtinQuery('up', SEL))).series)).toBe(1)
    expect((await client.query(builtinQuery('kv-cache', SEL))).series).toEqual([])
    const memory = only((await client.query(builtinQuery('memory', SEL))).series)
    expect(Math.abs(memory - memoryUsedPercent())).toBeLessThan(3)
  })

  it('rejects a query missing a ")" with HTTP 422: a rejection, not "server unavailable"', async () => {
    const error = await createPrometheusClient(vm.settings())
      .query(BROKEN)
      .then(
        () => undefined,
        (err: unknown) => err,
      )
    expect(error).toBeInstanceOf(PrometheusError)
    expect(error).toMatchObject({ kind: 'api', status: 422, errorType: '422' })
    expect((error as Error).message).toMatch(/^Prometheus answered HTTP 422: error when executing query=/)
    expect(isQueryRejection(error)).toBe(true)
  })
})

describe('the launchers without their binaries', () => {
  it('fail with the install instruction instead of skipping', async () => {
    const saved = {
      path: process.env.PATH,
      node: process.env.NODE_EXPORTER_BIN,
      vm: process.env.VICTORIA_METRICS_BIN,
    }
    try {
      delete process.env.NODE_EXPORTER_BIN
      delete process.env.VICTORIA_METRICS_BIN
      process.env.PATH = '/nonexistent-deploy-gate-bin'
      await expect(startRealNodeExporter()).rejects.toThrow(
        "prometheus-node-exporter not found: install it with 'apt-get install prometheus-node-exporter' (Debian) or set NODE_EXPORTER_BIN",
      )
      await expect(startVictoriaMetrics()).rejects.toThrow(
        "victoria-metrics not found: install it with 'apt-get install victoria-metrics' (Debian) or set VICTORIA_METRICS_BIN",
      )
    } finally {
      process.env.PATH = saved.path
      for (const [name, value] of [
        ['NODE_EXPORTER_BIN', saved.node],
        ['VICTORIA_METRICS_BIN', saved.vm],
      ] as const) {
        if (value === undefined) delete process.env[name]
        else process.env[name] = value
      }
    }
  })
})
