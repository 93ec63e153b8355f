/**
 * How a replay proves it is aligned (replay.ts): the window each series reads back, the round values shown while the
 * gate runs, and every reported sample compared with the value of its round.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { baselineStepMs } from '../../src/prometheus/baseline.ts'
import { createPrometheusClient } from '../../src/prometheus/client.ts'
import { METRIC, type ReplaySeries, type ReplayServers } from './replay-servers.ts'
import type { ReplayCheck, ReplayCheckResult, ReplayOptions } from './replay.ts'

const ROUND_LINE = /^round (\d+)\/(\d+) at /

interface ReportSample {
  readonly value: number | string | null
}

/** The parts of the gate's JSON report read here. */
export interface Report {
  readonly deployStart?: { readonly at: string; readonly source: string }
  readonly checks: readonly { name: string; result: string; samples: readonly ReportSample[] }[]
}

/** The gate's own range query, made here first: each series must read back exactly its window. */
export async function checkWindows(
  servers: ReplayServers,
  opts: ReplayOptions,
  byId: ReadonlyMap<string, ReplaySeries>,
  mismatches: string[],
): Promise<number> {
  const client = createPrometheusClient(servers.prom.settings())
  const windowMs = opts.windowSamples * opts.intervalMs
  const stepMs = baselineStepMs(opts.intervalMs, windowMs)
  let checked = 0
  try {
    for (const offset of new Set(opts.checks.map((c) => c.offsetSamples))) {
      const end = new Date(servers.t0Ms - offset * opts.intervalMs)
      const start = new Date(end.getTime() - windowMs)
      const range = await client.queryRange(METRIC, { start, end, stepMs })
      const read = new Map(range.map((s) => [s.labels['case'], s.values]))
      const ids = new Set(opts.checks.filter((c) => c.offsetSamples === offset).map((c) => c.seriesId))
      for (const id of ids) {
        const history = byId.get(id)!.history
        const n = history.length
        const expected = history.slice(n - offset - opts.windowSamples, n - offset)
        const got = read.get(id) ?? []
        if (expected.length !== opts.windowSamples || !sameValues(got, expected)) {
          const at = got.findIndex((v, i) => !Object.is(v, expected[i]))
          mismatches.push(
            `${id} offset ${offset}: window read ${got.length} samples for its ${expected.length}, ` +
              `first difference at ${at < 0 ? Math.min(got.length, expected.length) : at}`,
          )
        }
        checked++
      }
    }
  } finally {
    await client.close()
  }
  return checked
}

function sameValues(a: readonly number[], b: readonly (number | null)[]): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]))
}

/** Until every series shows its round-`index` value in Prometheus. */
export async function waitForRound(
  servers: ReplayServers,
  series: readonly ReplaySeries[],
  index: number,
): Promise<void> {
  const client = createPrometheusClient(servers.prom.settings())
  const deadline = Date.now() + 30_000
  try {
    for (;;) {
      const { series: got } = await client.query(METRIC)
      const values = new Map(got.map((s) => [s.labels['case'], s.value]))
      if (series.every((s) => Object.is(values.get(s.id), s.rounds[index]))) return
      if (Date.now() > deadline) throw new Error(`round ${index} values not scraped within 30 s`)
      await sleep(100)
    }
  } finally {
    await client.close()
  }
}

/**
 * Shows round k at max(start + (k − ½)·I, the moment round k (1-based, index k − 1) was logged), from the line
 * `observation: …` on.
 */
export function roundDriver(servers: ReplayServers, intervalMs: number, rounds: number) {
  let startMs: number | undefined
  let stopped = false
  const roundMs: number[] = []
  const logged: Array<() => void> = []
  const loggedAt = Array.from({ length: rounds + 1 }, (_, k) => new Promise<void>((ok) => (logged[k] = ok)))
  const drive = async (): Promise<void> => {
    for (let k = 1; k < rounds && !stopped; k++) {
      const dueMs = startMs! + (k - 0.5) * intervalMs - performance.now()
      await Promise.all([sleep(Math.max(0, dueMs)), loggedAt[k]])
      if (!stopped) servers.showRound(k)
    }
  }
  return {
    onLine(line: string): void {
      if (startMs === undefined && line.startsWith('observation: ')) {
        startMs = performance.now()
        void drive()
        return
      }
      const match = ROUND_LINE.exec(line)
      if (match !== null && startMs !== undefined) {
        const round = Number(match[1])
        roundMs[round - 1] = Math.round(performance.now() - startMs - (round - 1) * intervalMs)
        logged[round]?.()
      }
      if (line.startsWith('observation: every check is decided')) stopped = true
    },
    stop(): void {
      stopped = true
      for (const ok of logged) ok()
    },
    roundMs: () => [...roundMs],
  }
}

export function readResults(
  report: Report,
  checks: readonly ReplayCheck[],
  byId: ReadonlyMap<string, ReplaySeries>,
  mismatches: string[],
): { results: Map<string, ReplayCheckResult>; samplesChecked: number } {
  const results = new Map<string, ReplayCheckResult>()
  const byName = new Map(report.checks.map((c) => [c.name, c]))
  let samplesChecked = 0
  for (const check of checks) {
    const got = byName.get(check.name)
    if (got === undefined) {
      mismatches.push(`${check.name}: not in the report`)
      continue
    }
    const rounds = byId.get(check.seriesId)!.rounds
    got.samples.forEach((sample, k) => {
      samplesChecked++
      if (!Object.is(sample.value, rounds[k]))
        mismatches.push(
          `${check.name} (${check.seriesId}) round ${k}: read ${sample.value}, expected ${rounds[k]}`,
        )
    })
    if (got.result !== 'failed' && got.samples.length !== rounds.length)
      mismatches.push(`${check.name}: ${got.result} after ${got.samples.length} of ${rounds.length} rounds`)
    results.set(check.name, {
      result: got.result,
      samples: got.samples.length,
      ...(got.result === 'failed' ? { failedRound: got.samples.length - 1 } : {}),
    })
  }
  return { results, samplesChecked }
}
