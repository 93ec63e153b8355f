/** A live exporter for tests (its /metrics can change between scrapes) and exposition-text builders. */

import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Exporter {
  /** `http://127.0.0.1:<port>/metrics` */
  readonly url: string
  /** `127.0.0.1:<port>`, for a scrape job. */
  readonly target: string
  /** How many times /metrics was served. */
  scrapes(): number
  /** Resolves after the next /metrics answer was sent. */
  nextScrape(): Promise<void>
  /** Replaces the exposition text (the gauges set with `setGauge` are still appended). */
  set(text: string): void
  /** Sets one gauge series, appended after the text. Do not use a family the text already has. */
  setGauge(name: string, labels: Readonly<Record<string, string>>, value: number): void
  close(): Promise<void>
}

/** A live exporter on 127.0.0.1:0 serving `/metrics` as `text/plain; version=0.0.4`. */
export async function startExporter(initialText = ''): Promise<Exporter> {
  let text = initialText
  const gauges = new Map<string, { name: string; labels: Readonly<Record<string, string>>; value: number }>()
  let scrapeCount = 0
  let waiters: Array<() => void> = []
  const render = (): string => {
    const byName = new Map<string, string[]>()
    for (const gauge of gauges.values()) {
      const lines = byName.get(gauge.name) ?? [`# TYPE ${gauge.name} gauge`]
      lines.push(`${gauge.name}${labelBlock(gauge.labels)} ${formatSample(gauge.value)}`)
      byName.set(gauge.name, lines)
    }
    const extra = [...byName.values()].flat().join('\n')
    const base = text === '' || text.endsWith('\n') ? text : `${text}\n`
    return extra === '' ? base : `${base}${extra}\n`
  }
  const server = createServer((req, res) => {
    if (req.url !== '/metrics') {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' })
    res.end(render(), () => {
      scrapeCount += 1
      const done = waiters
      waiters = []
      for (const resolve of done) resolve()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/metrics`,
    target: `127.0.0.1:${port}`,
    scrapes: () => scrapeCount,
    nextScrape: () => new Promise<void>((resolve) => waiters.push(resolve)),
    set: (next) => {
      text = next
    },
    setGauge: (name, labels, value) => {
      gauges.set(`${name}${labelBlock(labels)}`, { name, labels: { ...labels }, value })
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** One gauge family in OpenMetrics, for `backfill`: points are `[unix seconds, value]`. */
export function openMetricsGauge(
  name: string,
  labels: Readonly<Record<string, string>>,
  points: ReadonlyArray<readonly [number, number]>,
): string {
  const series = `${name}${labelBlock(labels)}`
  return [
    `# TYPE ${name} gauge`,
    ...points.map(([sec, value]) => `${series} ${formatSample(value)} ${sec}`),
  ].join('\n')
}

export function labelBlock(labels: Readonly<Record<string, string>>): string {
  const pairs = Object.entries(labels).map(
    ([name, value]) => `${name}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`,
  )
  return pairs.length === 0 ? '' : `{${pairs.join(',')}}`
}

export function formatSample(value: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf'
  return String(value)
}
