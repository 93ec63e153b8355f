/**
 * The real instrumented apps (testkit/apps): each variant is started at once, driven for 3 s at 20 req/s with every
 * 5th request answered 500, and its /metrics must show what testkit/apps/README.md says the library emits: names,
 * label names, units, and exactly the requests and 500s the load generator saw. Then every app is restarted on the
 * same port, and its counters must start again from zero.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHttpServer } from '../../testkit/local-server.ts'
import type { LocalServer } from '../../testkit/local-server.ts'
import {
  familyMeta,
  parseSamples,
  scrapeMetrics,
  startApp,
  startLoad,
  sumOf,
} from '../../testkit/apps/index.ts'
import type { Load, RunningApp, Sample } from '../../testkit/apps/index.ts'
import { APP_ROWS } from './real-apps-rows.ts'
import type { AppRow } from './real-apps-rows.ts'

function labelNames(samples: readonly Sample[], name: string): string[][] {
  const sets = new Set(
    samples.filter((s) => s.name === name).map((s) => Object.keys(s.labels).sort().join(',')),
  )
  return [...sets].sort().map((set) => (set === '' ? [] : set.split(',')))
}

function bounds(samples: readonly Sample[], bucket: string): string[] {
  return [...new Set(samples.filter((s) => s.name === bucket).map((s) => s.labels.le!))]
}

/** Names, label names, units and buckets, as the row (and README.md) states them. */
function expectShape(row: AppRow, text: string, samples: readonly Sample[]): void {
  const meta = familyMeta(text)
  for (const [family, expected] of Object.entries(row.families))
    expect(meta.get(family), family).toEqual(expected)
  for (const [name, sets] of Object.entries(row.labels)) {
    const expected = sets.map((set) => [...set].sort().join(',')).sort()
    expect(
      labelNames(samples, name).map((set) => set.join(',')),
      name,
    ).toEqual(expected)
  }
  for (const [name, les] of Object.entries(row.buckets)) expect(bounds(samples, name), name).toEqual(les)
  for (const { name, where } of row.present) expect(sumOf(samples, name, where), name).toBeGreaterThan(0)
  for (const prefix of row.absent ?? []) expect(samples.filter((s) => s.name.startsWith(prefix))).toEqual([])
}

/** Scrapes until `done` holds for the samples (an answer can reach the client just before it is recorded). */
async function scrapeUntil(
  app: RunningApp,
  done: (s: Sample[]) => boolean,
): Promise<{ text: string; samples: Sample[] }> {
  const deadline = Date.now() + 3000
  for (;;) {
    const text = await scrapeMetrics(app)
    const samples = parseSamples(text)
    if (done(samples) || Date.now() > deadline) return { text, samples }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe('real instrumented apps', () => {
  const apps = new Map<string, RunningApp>()
  const loads = new Map<string, Load>()

  beforeAll(async () => {
    const started = await Promise.allSettled(
      APP_ROWS.map(async (row) =>
        apps.set(row.name, await startApp(row.kind, { latencyMs: 2, errorRatio: 0.2 }, row.opts)),
      ),
    )
    const failures = started.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    if (failures.length > 0) throw new Error(failures.map((f) => String(f.reason)).join('\n\n'))
    for (const row of APP_ROWS)
      loads.set(row.name, startLoad(apps.get(row.name)!, { rps: 20, durationMs: 3000 }))
    await Promise.all([...loads.values()].map((l) => l.done))
  }, 150_000)

  afterAll(async () => {
    await Promise.all([...apps.values()].map((app) => app.stop()))
  })

  it.each(APP_ROWS)('$name: names, labels and units; every request and every 500 counted', async (row) => {
    const app = apps.get(row.name)!
    const load = loads.get(row.name)!
    expect({ failed: load.failed, skipped: load.skipped }).toEqual({ failed: 0, skipped: 0 })
    expect(load.answered).toBeGreaterThanOrEqual(50)
    expect(load.status5xx).toBe(Math.floor(load.answered * 0.2))
    const { text, samples } = await scrapeUntil(app, (s) => row.requests(s) >= load.answered)
    expectShape(row, text, samples)
    expect({ requests: row.requests(samples), errors: row.errors(samples) }).toEqual({
      requests: load.answered,
      errors: load.status5xx,
    })
    if (row.errorsAlso !== undefined) expect(row.errorsAlso(samples)).toBe(load.status5xx)
  })

  it('restart: a fresh process on the same target, its counters from zero, the new behaviour', async () => {
    const targets = new Map([...apps].map(([name, app]) => [name, app.target]))
    await Promise.all([...apps.values()].map((app) => app.restart({ latencyMs: 0, errorRatio: 0 })))
    for (const row of APP_ROWS) {
      const app = apps.get(row.name)!
      expect(app.target).toBe(targets.get(row.name))
      const before = parseSamples(await scrapeMetrics(app))
      expect({ kind: row.name, requests: row.requests(before), errors: row.errors(before) }).toEqual({
        kind: row.name,
        requests: 0,
        errors: 0,
      })
      for (let i = 0; i < 3; i += 1) expect((await fetch(`${app.url}/work`)).status).toBe(200)
      const { samples } = await scrapeUntil(app, (s) => row.requests(s) >= 3)
      expect({ kind: row.name, requests: row.requests(samples), errors: row.errors(samples) }).toEqual({
        kind: row.name,
        requests: 3,
        errors: 0,
      })
    }
  }, 60_000)
})

describe('startLoad', () => {
  let slow: LocalServer
  beforeAll(async () => {
    slow = await startHttpServer((_req, res) => {
      setTimeout(() => res.end('ok'), 200)
    })
  })
  afterAll(() => slow.close())

  it('never has more than maxInFlight requests in flight; the slots beyond are skipped, not queued', async () => {
    const load = startLoad({ url: slow.origin }, { rps: 50, durationMs: 1000, maxInFlight: 3 })
    await load.done
    expect(load.maxSeenInFlight).toBe(3)
    expect(load.inFlight).toBe(0)
    expect(load.skipped).toBeGreaterThan(20)
    expect(load.sent + load.skipped).toBeGreaterThanOrEqual(45)
    expect(load.answered).toBe(load.sent)
    expect(slow.requests.length).toBe(load.sent)
  })
})
