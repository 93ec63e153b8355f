/**
 * A real `/metrics` capture (`__tests__/fixtures/red/*.prom`) served as a live exporter whose counters and histograms
 * move: at each scrape a moving sample reads `captured value + rate × elapsed seconds`, so `rate()` and
 * `histogram_quantile()` over it give finite numbers instead of the 0 and NaN a static file gives.
 *
 * What moves (everything else is served as captured, line for line):
 * - samples of a `# TYPE … counter` family (not `_created`), and untyped samples ending in `_total`;
 * - a histogram's `_bucket`, `_count` and `_sum` (typed, or untyped `_bucket{le}` lines with their `_count`/`_sum`);
 * - a summary's `_count` and `_sum` (typed, or untyped `_count`/`_sum` without buckets); quantiles stay.
 *
 * Rates are derived deterministically from the capture: each family moves at `FAMILY_RATE_PER_S` in all, shared
 * among its series by `captured count + 1` (so the capture's mix — and its share of 5xx — is kept, and series at 0
 * still move a little). A histogram's new observations fall into its buckets in the captured proportions (all into
 * the first bucket above 0 when it has none), so its `+Inf` bucket stays equal to `_count` and buckets stay cumulative.
 * In `regressed` mode the series whose labels say 5xx (see `isServerError`) move `REGRESSED_FACTOR` times faster.
 *
 * Label names and values are untrusted text from the capture: they are only parsed to group series and to tell 5xx
 * series apart, and only ever written back into the exposition served here — never into a query.
 */
import { startExporter, type Exporter } from './exporter.ts'

export type ReplayMode = 'steady' | 'regressed'

/** Requests per second a family moves at in all, before the regressed factor. */
export const FAMILY_RATE_PER_S = 4
/** How much faster 5xx series move in `regressed` mode. */
export const REGRESSED_FACTOR = 25
/** How often the served text is brought forward. */
const REFRESH_MS = 100

export interface ReplayOptions {
  readonly mode?: ReplayMode
  /** Milliseconds since the epoch; default `Date.now`. */
  readonly now?: () => number
}

export interface LiveCapture {
  readonly exporter: Exporter
  /** The text as it would be served now. */
  render(): string
  /** Switches mode from now on; what already moved is kept, so every sample stays monotonic. */
  setMode(mode: ReplayMode): void
  close(): Promise<void>
}

/** One sample line of the capture that moves. */
interface Moving {
  readonly line: number
  /** The line up to the value (name, labels and the separating space). */
  readonly head: string
  readonly captured: number
  /** Increase per second in steady and regressed mode. */
  readonly rate: Readonly<Record<ReplayMode, number>>
}

interface Sample {
  readonly line: number
  readonly name: string
  readonly labels: ReadonlyMap<string, string>
  /** The label block without `le` (or `quantile`), as text: the key of a histogram's series. */
  readonly seriesKey: string
  readonly head: string
  readonly value: number
}

/** Labels that carry an HTTP status (numeric or class) in the catalogue's conventions. */
const STATUS_LABELS = ['code', 'status', 'status_code', 'response_code', 'http_status_code']

/** Whether a series' labels say it is a server error (5xx, Envoy class 5, Linkerd failure, vLLM abort/error…). */
export function isServerError(labels: ReadonlyMap<string, string>): boolean {
  for (const name of STATUS_LABELS) {
    const v = labels.get(name)
    if (v !== undefined && /^5(\d\d|xx)$/i.test(v)) return true
  }
  if (labels.get('envoy_response_code_class') === '5') return true
  if (labels.get('classification') === 'failure') return true
  if (labels.get('outcome') === 'SERVER_ERROR') return true
  const reason = labels.get('finished_reason')
  return reason === 'abort' || reason === 'error'
}

/** Parses `name{a="x",b="y"} value [timestamp]`; undefined for comments, blank and unparsable lines. */
function parseSample(text: string, line: number): Sample | undefined {
  if (text === '' || text.startsWith('#')) return undefined
  const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)/.exec(text)
  if (!m) return undefined
  const name = m[1]!
  let i = name.length
  const labels = new Map<string, string>()
  const kept: string[] = []
  if (text[i] === '{') {
    i += 1
    for (;;) {
      while (text[i] === ',' || text[i] === ' ') i += 1
      if (text[i] === '}') {
        i += 1
        break
      }
      const ln = /^[a-zA-Z_][a-zA-Z0-9_]*/.exec(text.slice(i))
      if (!ln || text[i + ln[0].length] !== '=' || text[i + ln[0].length + 1] !== '"') return undefined
      const labelName = ln[0]
      const start = i
      i += labelName.length + 2
      let value = ''
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < text.length) {
          const next = text[i + 1]!
          value += next === 'n' ? '\n' : next
          i += 2
        } else {
          value += text[i]
          i += 1
        }
      }
      if (text[i] !== '"') return undefined
      i += 1
      labels.set(labelName, value)
      if (labelName !== 'le' && labelName !== 'quantile') kept.push(text.slice(start, i))
    }
  }
  const rest = text.slice(i)
  const vm = /^(\s+)(\S+)(\s+\S+)?\s*$/.exec(rest)
  if (!vm) return undefined
  const value = Number(vm[2] === '+Inf' ? Infinity : vm[2] === '-Inf' ? -Infinity : vm[2])
  if (Number.isNaN(value) && vm[2] !== 'NaN') return undefined
  return {
    line,
    name,
    labels,
    seriesKey: `{${kept.sort().join(',')}}`,
    head: text.slice(0, i) + vm[1],
    value,
  }
}

/** `# TYPE name type` lines: family name → type. */
function familyTypes(lines: readonly string[]): Map<string, string> {
  const types = new Map<string, string>()
  for (const l of lines) {
    const m = /^#\s*TYPE\s+(\S+)\s+(\S+)/.exec(l)
    if (m) types.set(m[1]!, m[2]!)
  }
  return types
}

const stripSuffix = (name: string, suffix: string): string | undefined =>
  name.endsWith(suffix) ? name.slice(0, -suffix.length) : undefined

/** FNV-1a: a small deterministic spread for series without observations. */
function hash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

/** The moving samples of a capture, with their rates (exported for tests of the replay itself). */
export function movingSamples(text: string): Moving[] {
  const lines = text.split('\n')
  const types = familyTypes(lines)
  const samples = lines.map(parseSample).filter((s): s is Sample => s !== undefined)

  // Histogram bases: typed histograms, and untyped names with `_bucket{le}` lines.
  const histogramBases = new Set<string>()
  for (const [name, type] of types) if (type === 'histogram') histogramBases.add(name)
  for (const s of samples) {
    const base = stripSuffix(s.name, '_bucket')
    if (base !== undefined && s.labels.has('le') && !types.has(s.name)) histogramBases.add(base)
  }
  const summaryBases = new Set<string>()
  for (const [name, type] of types) if (type === 'summary') summaryBases.add(name)
  for (const s of samples) {
    for (const suffix of ['_count', '_sum']) {
      const base = stripSuffix(s.name, suffix)
      if (base !== undefined && !histogramBases.has(base) && !types.has(s.name) && !types.has(base))
        summaryBases.add(base)
    }
  }
  const counterOf = (name: string): string | undefined => {
    if (name.endsWith('_created')) return undefined
    if (types.get(name) === 'counter') return name
    const base = stripSuffix(name, '_total')
    if (base !== undefined && types.get(base) === 'counter') return base
    if (base !== undefined && !types.has(name) && !types.has(base)) return name
    return undefined
  }

  // Groups: one per counter series, or per histogram/summary series (its buckets, count and sum move together).
  interface Group {
    family: string
    key: string
    count?: Sample
    sum?: Sample
    buckets: Sample[]
    counter?: Sample
    error: boolean
  }
  const groups = new Map<string, Group>()
  const groupOf = (family: string, s: Sample): Group => {
    const key = `${family}${s.seriesKey}`
    let g = groups.get(key)
    if (!g) {
      g = { family, key, buckets: [], error: isServerError(s.labels) }
      groups.set(key, g)
    }
    return g
  }
  for (const s of samples) {
    const bucketBase = stripSuffix(s.name, '_bucket')
    const countBase = stripSuffix(s.name, '_count')
    const sumBase = stripSuffix(s.name, '_sum')
    if (bucketBase !== undefined && histogramBases.has(bucketBase) && s.labels.has('le')) {
      groupOf(bucketBase, s).buckets.push(s)
    } else if (countBase !== undefined && (histogramBases.has(countBase) || summaryBases.has(countBase))) {
      groupOf(countBase, s).count = s
    } else if (sumBase !== undefined && (histogramBases.has(sumBase) || summaryBases.has(sumBase))) {
      groupOf(sumBase, s).sum = s
    } else {
      const family = counterOf(s.name)
      if (family !== undefined) groupOf(family, s).counter = s
    }
  }

  // Each family's rate, shared by weight.
  const weight = (g: Group): number => {
    const observed =
      g.counter?.value ?? g.count?.value ?? g.buckets.find((b) => b.labels.get('le') === '+Inf')?.value
    return Number.isFinite(observed) && observed! >= 0 ? observed! + 1 : 1
  }
  const familyWeight = new Map<string, number>()
  for (const g of groups.values()) familyWeight.set(g.family, (familyWeight.get(g.family) ?? 0) + weight(g))

  const moving: Moving[] = []
  const push = (s: Sample, perRequest: number, g: Group, groupRate: number): void => {
    if (!Number.isFinite(s.value)) return
    const steady = groupRate * perRequest
    moving.push({
      line: s.line,
      head: s.head,
      captured: s.value,
      rate: { steady, regressed: g.error ? steady * REGRESSED_FACTOR : steady },
    })
  }
  for (const g of groups.values()) {
    const rate = (FAMILY_RATE_PER_S * weight(g)) / familyWeight.get(g.family)!
    if (g.counter) push(g.counter, 1, g, rate)
    const bounds = g.buckets
      .map((b) => ({ b, le: Number(b.labels.get('le') === '+Inf' ? Infinity : b.labels.get('le')) }))
      .filter((x) => !Number.isNaN(x.le))
      .sort((x, y) => x.le - y.le)
    const inf = bounds.find((x) => x.le === Infinity)?.b.value
    const total = inf ?? g.count?.value ?? 0
    const firstPositive = bounds.find((x) => x.le > 0)?.le ?? Infinity
    for (const { b, le } of bounds) {
      // Cumulative share of new observations at or below `le`: the captured one, or all in the first bucket above 0.
      const share =
        total > 0 && Number.isFinite(b.value) ? Math.min(1, b.value / total) : le >= firstPositive ? 1 : 0
      push(b, le === Infinity ? 1 : share, g, rate)
    }
    if (g.count) push(g.count, 1, g, rate)
    if (g.sum) {
      const count = g.count?.value ?? total
      const mean =
        count > 0 && Number.isFinite(g.sum.value)
          ? g.sum.value / count
          : Number.isFinite(firstPositive)
            ? firstPositive / 2
            : 0.05 + (hash(g.key) % 100) / 1000
      push(g.sum, mean, g, rate)
    }
  }
  return moving
}

/** Serves `text` as a live exporter on 127.0.0.1, moving as described above. */
export async function startReplay(text: string, opts: ReplayOptions = {}): Promise<LiveCapture> {
  const now = opts.now ?? Date.now
  const lines = text.split('\n')
  const moving = movingSamples(text)
  let mode: ReplayMode = opts.mode ?? 'steady'
  let segmentStartMs = now()
  /** What each moving sample had gained before the current segment. */
  const gained = new Map<number, number>()
  const valueAt = (m: Moving, atMs: number): number =>
    m.captured + (gained.get(m.line) ?? 0) + (m.rate[mode] * Math.max(0, atMs - segmentStartMs)) / 1000
  const render = (): string => {
    const at = now()
    const out = [...lines]
    for (const m of moving) out[m.line] = `${m.head}${valueAt(m, at)}`
    return out.join('\n')
  }
  const exporter = await startExporter(render())
  const timer = setInterval(() => exporter.set(render()), REFRESH_MS)
  timer.unref()
  return {
    exporter,
    render,
    setMode(next) {
      const at = now()
      for (const m of moving) gained.set(m.line, valueAt(m, at) - m.captured)
      segmentStartMs = at
      mode = next
      exporter.set(render())
    },
    async close() {
      clearInterval(timer)
      await exporter.close()
    },
  }
}
