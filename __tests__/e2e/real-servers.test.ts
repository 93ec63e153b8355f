/**
 * Issue 12 end to end: dist/index.js run as the runner runs it against real servers nobody here wrote — Debian's
 * node_exporter reading this machine, a Prometheus started seconds before, VictoriaMetrics at its root URL and under
 * `/prometheus` — with the readings held against /proc at the same moment.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { builtinQuery } from '../../src/model/builtins.ts'
import type { GitHubFake } from '../../testkit/github-fake.ts'
import { startGitHubFake } from '../../testkit/github-fake.ts'
import { startRealNodeExporter, startVictoriaMetrics } from '../../testkit/monitoring-servers.ts'
import type { NodeExporterInstance, VictoriaMetricsInstance } from '../../testkit/monitoring-servers.ts'
import {
  cpuBusyPercent,
  memoryUsedPercent,
  readCpuSnapshot,
  type CpuSnapshot,
} from '../../testkit/os-readings.ts'
import { startPrometheus, waitForSeries } from '../../testkit/prometheus.ts'
import type { PrometheusInstance } from '../../testkit/prometheus.ts'
import type { ActionResult, StepResult } from '../../testkit/runner.ts'
import { cleanupActionRuns, runAction } from '../../testkit/runner.ts'

const RUN_TIMEOUT_MS = 60_000
const TEST_TIMEOUT_MS = 120_000
const CONFIG = '.github/deploy-gate.yml'
/** A query missing its last `)`, as in the issue. */
const BROKEN = 'sum(rate(node_cpu_seconds_total{job="node"}[2m])'

interface Sample {
  outcome: string
  value: number | null
}
interface Check {
  name: string
  result: string
  reason: string | null
  samples: Sample[]
}

function checksOf(r: ActionResult): Check[] {
  const path = r.outputs['report-path']
  expect(path, 'report-path output').toBeTruthy()
  return (JSON.parse(readFileSync(path!, 'utf8')) as { checks: Check[] }).checks
}

function output(r: StepResult): string {
  return `exit ${r.exitCode}${r.timedOut ? ' (timed out)' : ''}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`
}

function lastValue(check: Check | undefined): number {
  const value = check?.samples.at(-1)?.value
  expect(value, `${check?.name} last value`).toBeTypeOf('number')
  return value!
}

afterAll(async () => {
  await cleanupActionRuns()
})

describe('gate through dist/index.js: a real node_exporter on a Prometheus started seconds before', () => {
  let host: NodeExporterInstance
  let doomed: NodeExporterInstance
  let prom: PrometheusInstance
  let firstScrape: CpuSnapshot

  beforeAll(async () => {
    host = await startRealNodeExporter()
    doomed = await startRealNodeExporter()
    prom = await startPrometheus({
      jobs: [
        { job: 'node', targets: [host.target] },
        { job: 'doomed', targets: [doomed.target] },
      ],
    })
    await waitForSeries(prom, 'up{job="node"}', (s) => s[0]?.value === 1)
    firstScrape = readCpuSnapshot()
    await waitForSeries(prom, builtinQuery('cpu', 'job=~"node|doomed"'), (s) => s.length === 2)
  }, 90_000)

  afterAll(async () => {
    await prom?.stop()
    await host?.stop()
    await doomed?.stop()
  })

  it(
    'reads CPU and memory within a few points of /proc/stat and /proc/meminfo; the verdict follows the OS',
    async () => {
      const r = await runAction({
        inputs: {
          'prometheus-url': prom.url,
          'host-selector': 'job="node"',
          'memory-max': 95,
          'disk-max': 99,
          duration: '3s',
          interval: '1s',
          record: false,
        },
        timeoutMs: RUN_TIMEOUT_MS,
      })
      const os = { cpu: cpuBusyPercent(firstScrape, readCpuSnapshot()), memory: memoryUsedPercent() }
      const checks = checksOf(r)
      const cpu = lastValue(checks.find((c) => c.name === 'cpu'))
      const memory = lastValue(checks.find((c) => c.name === 'memory'))
      console.info(
        `gate vs OS: cpu ${cpu.toFixed(1)} % vs /proc/stat ${os.cpu.toFixed(1)} %; ` +
          `memory ${memory.toFixed(2)} % vs /proc/meminfo ${os.memory.toFixed(2)} %; verdict ${r.outputs['verdict']}`,
      )
      expect(Math.abs(cpu - os.cpu), output(r)).toBeLessThan(8)
      expect(Math.abs(memory - os.memory)).toBeLessThan(2)
      // Stable on an idle machine, failed on a saturated one; near the 80 % line the readings above decide.
      if (os.cpu < 70) {
        expect(r.exitCode, output(r)).toBe(0)
        expect(r.outputs['verdict']).toBe('stable')
      } else if (os.cpu > 90) {
        expect(r.outputs['verdict'], output(r)).toBe('failed')
        expect(r.outputs['failed-checks']).toBe('cpu')
      }
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'the exporter killed mid-window → failed, and the reason says the target is down, never "breach"',
    async () => {
      const running = runAction({
        inputs: {
          'prometheus-url': prom.url,
          'host-selector': 'job="doomed"',
          'cpu-max': 'off',
          'memory-max': 99,
          'disk-max': 'off',
          duration: '15s',
          interval: '1s',
          record: false,
        },
        timeoutMs: RUN_TIMEOUT_MS,
      })
      await new Promise((resolve) => setTimeout(resolve, 3000))
      await doomed.kill()
      const r = await running

      expect(r.exitCode, output(r)).toBe(1)
      expect(r.outputs['verdict']).toBe('failed')
      expect(r.outputs['failed-checks']).toBe('memory')
      const memory = checksOf(r).find((c) => c.name === 'memory')!
      expect(memory.samples[0]?.outcome, 'measured before the kill').toBe('pass')
      expect(memory.reason).toMatch(
        /^2 samples without data in a row \(max-consecutive-failures 2\): no series matched: the target is down \(up 0 on instance="127\.0\.0\.1:\d+",job="doomed"\)$/,
      )
      const errors = r.annotations.filter((a) => a.level === 'error')
      expect(errors.some((a) => a.message.includes('the target is down'))).toBe(true)
      for (const a of errors) expect(a.message).not.toMatch(/breach/i)
    },
    TEST_TIMEOUT_MS,
  )
})

const GOOD = 'sum(rate(node_cpu_seconds_total{job="node"}[2m]))'

describe('validate through dist/index.js: the same broken query against Prometheus and VictoriaMetrics', () => {
  let exporter: NodeExporterInstance
  let prom: PrometheusInstance
  let vmRoot: VictoriaMetricsInstance
  let vmPrefixed: VictoriaMetricsInstance
  let fake: GitHubFake
  const workspaces: string[] = []
  const messages: string[] = []

  beforeAll(async () => {
    exporter = await startRealNodeExporter()
    const jobs = [{ job: 'node', targets: [exporter.target] }]
    ;[prom, vmRoot, vmPrefixed] = await Promise.all([
      startPrometheus({ jobs }),
      startVictoriaMetrics({ jobs }),
      startVictoriaMetrics({ jobs, pathPrefix: '/prometheus' }),
    ])
    for (const server of [prom, vmRoot, vmPrefixed]) {
      await waitForSeries(server, builtinQuery('memory', 'job="node"'), (s) => s.length === 1, 60_000)
      // rate() needs two scrapes: on a loaded machine the second can come seconds after the first.
      await waitForSeries(server, GOOD, (s) => s.length === 1, 60_000)
    }
    fake = await startGitHubFake()
  }, 120_000)

  afterAll(async () => {
    console.info(`validate messages for ${BROKEN}:\n${messages.join('\n')}`)
    await fake?.close()
    fake?.assertNoViolations()
    await Promise.all([prom?.stop(), vmRoot?.stop(), vmPrefixed?.stop()])
    await exporter?.stop()
    await Promise.all(workspaces.map((dir) => rm(dir, { recursive: true, force: true })))
  })

  /** The config names no URL: `prometheus:` only adds a timeout, the URL comes from the input (SPEC §2). */
  const yaml = (query: string): string =>
    [
      'version: 1',
      'prometheus:',
      '  timeout: 5s',
      'metrics:',
      '  - name: web-memory',
      '    builtin: memory',
      `    selector: 'job="node"'`,
      '  - name: broken',
      '    max: 1',
      `    query: '${query}'`,
      '',
    ].join('\n')

  async function validate(url: string, query: string): Promise<ActionResult> {
    const dir = await mkdtemp(join(tmpdir(), 'deploy-gate-validate-'))
    workspaces.push(dir)
    await mkdir(dirname(join(dir, CONFIG)), { recursive: true })
    await writeFile(join(dir, CONFIG), yaml(query))
    return runAction({
      apiUrl: fake.url,
      inputs: { mode: 'validate', config: CONFIG, 'prometheus-url': url },
      cwd: dir,
      timeoutMs: RUN_TIMEOUT_MS,
    })
  }

  it.each([
    ['Prometheus 2.42', () => prom.url, /HTTP 400 bad_data: invalid parameter "query": .*parse error/],
    ['VictoriaMetrics at its root URL', () => vmRoot.url, /HTTP 422: error when executing query=/],
    ['VictoriaMetrics under /prometheus', () => vmPrefixed.url, /HTTP 422: error when executing query=/],
  ])(
    '%s: the rejection is a problem on the query: line; a good query is valid',
    async (name, url, rejection) => {
      const bad = await validate(url(), BROKEN)
      expect(bad.exitCode, output(bad)).toBe(1)
      expect(bad.outputs['verdict']).toBe('invalid')
      expect(bad.outputs['failed-checks']).toBe('broken')
      const errors = bad.annotations.filter((a) => a.level === 'error' && a.file === CONFIG)
      expect(errors).toHaveLength(1)
      expect(errors[0]!.line).toBe(yaml(BROKEN).split('\n').indexOf(`    query: '${BROKEN}'`) + 1)
      expect(errors[0]!.message).toMatch(/^broken: Prometheus rejects the query: Prometheus answered /)
      expect(errors[0]!.message).toMatch(rejection)
      expect(bad.annotations.filter((a) => a.level === 'warning')).toEqual([])
      messages.push(`${name}: ${errors[0]!.message}`)

      const good = await validate(url(), GOOD)
      expect(good.exitCode, output(good)).toBe(0)
      expect(good.outputs['verdict']).toBe('valid')
      expect(good.annotations.filter((a) => a.level === 'error' || a.level === 'warning')).toEqual([])
    },
    TEST_TIMEOUT_MS,
  )
})
