/**
 * The demo's Prometheus: a real one when the `prometheus` binary is installed (started by the test suite's launcher,
 * testkit/prometheus.ts: fresh temp TSDB, 127.0.0.1, scrape every 1 s, history backfilled with promtool), otherwise
 * the embedded stand-in (fake-prometheus.ts, given the same history in memory). `DEMO_PROMETHEUS=real|embedded`
 * forces one; the default `auto` prefers the real one.
 *
 * History: the api service's counters since `API_HISTORY_SEC` ago (its 30-minute baseline window before each deploy)
 * and 2.5 minutes of the hosts' CPU counters.
 */
import { accessSync, constants } from 'node:fs'
import { delimiter, join } from 'node:path'
import { startPrometheus, waitForSeries } from '../testkit/prometheus.ts'
import type { SeriesValue } from '../src/model/gate-result.ts'
import type { ApiService } from './api-service.ts'
import type { ScrapeTarget } from './app.ts'
import { HOSTS, nodeCpuHistory } from './exposition.ts'
import { startFakePrometheus } from './fake-prometheus.ts'

/** How much CPU counter history a fresh real Prometheus gets (more than the cpu query's `rate(…[2m])`). */
const HISTORY_MS = 150_000

export interface DemoPrometheus {
  readonly kind: 'real' | 'embedded'
  /** Base URL, the action's `prometheus-url`. */
  readonly url: string
  /** One line for the console: which Prometheus and why. */
  readonly description: string
  /** Polls an instant query until `predicate` holds (first scrapes take a few seconds; rate() needs two). */
  waitFor(
    query: string,
    predicate: (series: readonly SeriesValue[]) => boolean,
    timeoutMs?: number,
  ): Promise<void>
  /** Queries the embedded one could not answer (always empty for the real one). */
  unsupportedQueries(): readonly string[]
  stop(): Promise<void>
}

type Choice = 'auto' | 'real' | 'embedded'

function choice(env: NodeJS.ProcessEnv): Choice {
  const value = (env['DEMO_PROMETHEUS'] ?? 'auto').trim() || 'auto'
  if (value === 'auto' || value === 'real' || value === 'embedded') return value
  throw new Error(`DEMO_PROMETHEUS must be auto, real or embedded, got "${value}"`)
}

/** The binary the launcher would run: `PROMETHEUS_BIN`, else `prometheus` on PATH. */
export function findPrometheus(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const fromEnv = env['PROMETHEUS_BIN']
  const candidates =
    fromEnv !== undefined && fromEnv !== ''
      ? [fromEnv]
      : (env['PATH'] ?? '')
          .split(delimiter)
          .filter((dir) => dir !== '')
          .map((dir) => join(dir, 'prometheus'))
  return candidates.find((file) => {
    try {
      accessSync(file, constants.X_OK)
      return true
    } catch {
      return false
    }
  })
}

export async function startDemoPrometheus(
  targets: readonly ScrapeTarget[],
  api: ApiService,
  log: (line: string) => void,
): Promise<DemoPrometheus> {
  const wanted = choice(process.env)
  const apiTarget = targets.find((t) => t.job === 'api')
  const apiLabels = { job: 'api', instance: apiTarget?.address ?? '' }
  const historyToSec = Math.floor(Date.now() / 1000) - 1
  const apiMinutes = Math.round((historyToSec - api.fromSec) / 60)
  const binary = wanted === 'embedded' ? undefined : findPrometheus()
  if (wanted === 'real' && binary === undefined) {
    throw new Error(
      'DEMO_PROMETHEUS=real but no prometheus binary: apt-get install prometheus, or set PROMETHEUS_BIN',
    )
  }
  if (binary !== undefined) {
    try {
      const jobs = (['node', 'dcgm', 'vllm', 'api'] as const).map((job) => ({
        job,
        targets: targets.filter((t) => t.job === job).map((t) => t.address),
      }))
      const nowMs = Date.now()
      const backfill = targets.flatMap((t) => {
        const host = HOSTS.find((h) => h.name === t.host)
        const labels = { job: t.job, instance: t.address }
        return host ? [nodeCpuHistory(host, labels, nowMs - HISTORY_MS, nowMs - 1000, 5000)] : []
      })
      backfill.push(api.openMetrics(api.fromSec, historyToSec, apiLabels))
      const prom = await startPrometheus({ jobs, scrapeIntervalMs: 1000, readyTimeoutMs: 20_000, backfill })
      return {
        kind: 'real',
        url: prom.url,
        description:
          `real Prometheus (${binary}), fresh TSDB in ${prom.tsdbDir}, scrape_interval 1s; history backfilled ` +
          `with promtool: ${apiMinutes} min of the api service, ${HISTORY_MS / 60_000} min of node CPU counters`,
        waitFor: async (query, predicate, timeoutMs = 20_000) => {
          await waitForSeries(prom, query, predicate, timeoutMs)
        },
        unsupportedQueries: () => [],
        stop: () => prom.stop(),
      }
    } catch (error) {
      if (wanted === 'real') throw error
      log(
        `could not start ${binary} (${String(error).split('\n')[0]}); using the embedded demo Prometheus instead`,
      )
    }
  }
  const fake = await startFakePrometheus({
    targets,
    scrapeIntervalMs: 1000,
    history: api.history(api.fromSec, historyToSec, apiLabels),
  })
  const settings = { url: fake.url, headers: {}, timeoutMs: 5_000 }
  const why = wanted === 'embedded' ? 'DEMO_PROMETHEUS=embedded' : 'no prometheus binary found on PATH'
  return {
    kind: 'embedded',
    url: fake.url,
    description:
      `EMBEDDED demo Prometheus (demo/fake-prometheus.ts; ${why}): a stand-in that scrapes every 1s, holds ` +
      `${apiMinutes} min of the api service's history in memory (no promtool backfill) and answers only ` +
      `deploy-gate's built-in queries and the demo's service checks — install prometheus for the real thing`,
    waitFor: async (query, predicate, timeoutMs = 20_000) => {
      await waitForSeries({ settings: () => settings }, query, predicate, timeoutMs)
    },
    unsupportedQueries: () => fake.unsupportedQueries(),
    stop: () => fake.close(),
  }
}
