/**
 * Just enough PromQL for the embedded demo Prometheus: it recognises deploy-gate's built-in queries by the metric
 * names they contain (SPEC §2) and evaluates each one's fixed shape over the scraped series, honouring the label
 * matchers written in the query (so `job="node"` and the disk query's `fstype!~"tmpfs|…"` work as in Prometheus).
 * It also evaluates the three shapes of the demo's own service checks (service-queries below): `sum(rate(m{…}[w]))`,
 * a ratio of two of them, and `histogram_quantile(q, sum by (le) (rate(m_bucket{…}[w])))`. Anything else is answered
 * as Prometheus answers a query it cannot run: `bad_data`.
 */

export type Labels = Readonly<Record<string, string>>

export interface Sample {
  readonly labels: Labels
  readonly value: number
}

export interface Series {
  readonly labels: Labels
  /** `[unix ms, value]`, oldest first. */
  readonly points: ReadonlyArray<readonly [number, number]>
}

export interface Matcher {
  readonly name: string
  readonly op: '=' | '!=' | '=~' | '!~'
  readonly value: string
}

/** What the evaluator reads: series by metric name and matchers, as the TSDB holds them, at one evaluation time. */
export interface SeriesSource {
  /**
   * The value of each series at the evaluation time: now, each series that was in its target's last scrape
   * (Prometheus' staleness); in the past, its last point at most 5 minutes before.
   */
  latest(metric: string, matchers: readonly Matcher[]): Sample[]
  /** The points of each series in `(at - windowMs, at]`. */
  window(metric: string, matchers: readonly Matcher[], windowMs: number): Series[]
}

export type Evaluation =
  { readonly ok: true; readonly result: Sample[] } | { readonly ok: false; readonly error: string }

const NAME_CHAR = /[a-zA-Z0-9_:]/

/** The matchers of the first `metric{…}` in `query`; `[]` for a bare name; undefined when `metric` is absent. */
export function selectorOf(query: string, metric: string): Matcher[] | undefined {
  for (let from = 0; ;) {
    const at = query.indexOf(metric, from)
    if (at < 0) return undefined
    from = at + metric.length
    if ((at > 0 && NAME_CHAR.test(query[at - 1]!)) || NAME_CHAR.test(query[from] ?? '')) continue
    const rest = query.slice(from).trimStart()
    return rest.startsWith('{') ? parseMatchers(rest) : []
  }
}

function parseMatchers(braced: string): Matcher[] {
  let end = 1
  for (let inQuote = false; end < braced.length; end++) {
    const c = braced[end]
    if (inQuote && c === '\\') end++
    else if (c === '"') inQuote = !inQuote
    else if (!inQuote && c === '}') break
  }
  const body = braced.slice(1, end)
  const matchers: Matcher[] = []
  for (const m of body.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"/g)) {
    matchers.push({ name: m[1]!, op: m[2] as Matcher['op'], value: JSON.parse(`"${m[3]!}"`) as string })
  }
  return matchers
}

export function matches(labels: Labels, matchers: readonly Matcher[]): boolean {
  return matchers.every(({ name, op, value }) => {
    const actual = labels[name] ?? ''
    switch (op) {
      case '=':
        return actual === value
      case '!=':
        return actual !== value
      case '=~':
        return new RegExp(`^(?:${value})$`).test(actual)
      case '!~':
        return !new RegExp(`^(?:${value})$`).test(actual)
    }
  })
}

function without(labels: Labels, ...names: string[]): Labels {
  return Object.fromEntries(Object.entries(labels).filter(([name]) => !names.includes(name)))
}

function key(labels: Labels): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1)))
}

/** `a <op> b` with one-to-one matching on all labels but `__name__`; the result has no `__name__`. */
function join(a: readonly Sample[], b: readonly Sample[], op: (x: number, y: number) => number): Sample[] {
  const right = new Map(b.map((s) => [key(without(s.labels, '__name__')), s.value]))
  const out: Sample[] = []
  for (const s of a) {
    const labels = without(s.labels, '__name__')
    const y = right.get(key(labels))
    if (y !== undefined) out.push({ labels, value: op(s.value, y) })
  }
  return out
}

/** `a or b`: all of `a`, and the series of `b` whose label set `a` does not have. */
function or(a: readonly Sample[], b: readonly Sample[]): Sample[] {
  const seen = new Set(a.map((s) => key(without(s.labels, '__name__'))))
  return [...a, ...b.filter((s) => !seen.has(key(without(s.labels, '__name__'))))]
}

function scale(samples: readonly Sample[], f: (v: number) => number): Sample[] {
  return samples.map((s) => ({ labels: without(s.labels, '__name__'), value: f(s.value) }))
}

function windowMs(query: string): number | undefined {
  const m = /\[(\d+)(ms|s|m|h)\]/.exec(query)
  if (!m) return undefined
  const unitMs = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms' | 's' | 'm' | 'h']
  return Number(m[1]) * unitMs
}

/** Per-second increase between the first and last point (counter resets handled; no extrapolation). */
function rate(points: Series['points']): number | undefined {
  if (points.length < 2) return undefined
  let increase = 0
  for (let i = 1; i < points.length; i++) {
    const delta = points[i]![1] - points[i - 1]![1]
    increase += delta >= 0 ? delta : points[i]![1]
  }
  return increase / ((points[points.length - 1]![0] - points[0]![0]) / 1000)
}

/**
 * `100 * (1 - sum by (instance) (rate(node_cpu_seconds_total{mode=~"idle|iowait|steal",…}[w]))
 *             / sum by (instance) (rate(node_cpu_seconds_total{…}[w])))`: the second selector is the first without `mode`.
 */
function cpu(query: string, source: SeriesSource): Evaluation {
  const idleMatchers = selectorOf(query, 'node_cpu_seconds_total') ?? []
  const allMatchers = idleMatchers.filter((m) => m.name !== 'mode')
  const range = windowMs(query)
  if (range === undefined)
    return { ok: false, error: 'the demo Prometheus needs a rate(…[window]) in the cpu query' }
  const sumByInstance = (matchers: readonly Matcher[]): Map<string, number> => {
    const sums = new Map<string, number>()
    for (const series of source.window('node_cpu_seconds_total', matchers, range)) {
      const r = rate(series.points)
      if (r === undefined) continue
      const instance = series.labels['instance'] ?? ''
      sums.set(instance, (sums.get(instance) ?? 0) + r)
    }
    return sums
  }
  const idle = sumByInstance(idleMatchers)
  const all = sumByInstance(allMatchers)
  const result: Sample[] = []
  for (const [instance, idleRate] of idle) {
    const total = all.get(instance)
    if (total !== undefined && total > 0)
      result.push({ labels: { instance }, value: 100 * (1 - idleRate / total) })
  }
  return { ok: true, result }
}

function ratio(query: string, source: SeriesSource, a: string, b: string): Sample[] {
  return join(
    source.latest(a, selectorOf(query, a) ?? []),
    source.latest(b, selectorOf(query, b) ?? []),
    (x, y) => 100 * (1 - x / y),
  )
}

function vram(query: string, source: SeriesSource): Sample[] {
  const latest = (metric: string): Sample[] => source.latest(metric, selectorOf(query, metric) ?? [])
  const used = latest('DCGM_FI_DEV_FB_USED')
  const dcgm = join(
    used,
    join(used, latest('DCGM_FI_DEV_FB_FREE'), (u, f) => u + f),
    (u, total) => (100 * u) / total,
  )
  if (selectorOf(query, 'nvidia_smi_memory_used_bytes') === undefined) return dcgm
  const smi = join(
    latest('nvidia_smi_memory_used_bytes'),
    latest('nvidia_smi_memory_total_bytes'),
    (u, t) => (100 * u) / t,
  )
  return or(dcgm, smi)
}

function kvCache(query: string, source: SeriesSource): Sample[] {
  const latest = (metric: string): Sample[] => source.latest(metric, selectorOf(query, metric) ?? [])
  return scale(or(latest('vllm:kv_cache_usage_perc'), latest('vllm:gpu_cache_usage_perc')), (v) => 100 * v)
}

/** Evaluates one of deploy-gate's built-in queries, told apart by the metric names in it. */
export function evaluateBuiltin(query: string, source: SeriesSource): Evaluation {
  const has = (metric: string): boolean => selectorOf(query, metric) !== undefined
  if (has('node_cpu_seconds_total')) return cpu(query, source)
  if (has('node_memory_MemAvailable_bytes')) {
    return {
      ok: true,
      result: ratio(query, source, 'node_memory_MemAvailable_bytes', 'node_memory_MemTotal_bytes'),
    }
  }
  if (has('node_filesystem_avail_bytes')) {
    return {
      ok: true,
      result: ratio(query, source, 'node_filesystem_avail_bytes', 'node_filesystem_size_bytes'),
    }
  }
  if (has('DCGM_FI_DEV_FB_USED') || has('nvidia_smi_memory_used_bytes'))
    return { ok: true, result: vram(query, source) }
  if (has('vllm:kv_cache_usage_perc') || has('vllm:gpu_cache_usage_perc')) {
    return { ok: true, result: kvCache(query, source) }
  }
  if (/^\s*up\s*(\{|$)/.test(query))
    return { ok: true, result: source.latest('up', selectorOf(query, 'up') ?? []) }
  const service = evaluateServiceQuery(query.trim(), source)
  if (service !== undefined) return { ok: true, result: service }
  return {
    ok: false,
    error: `the embedded demo Prometheus evaluates only deploy-gate's built-in queries (cpu, memory, disk, vram, kv-cache, up) and the demo's service checks, not: ${query}`,
  }
}

// ── The demo's service checks ────────────────────────────────────────────────────────────────────────────────────

const NAME = String.raw`([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(\{[^}]*\})?\s*\[(\d+(?:ms|s|m|h))\]`
const SUM_RATE = new RegExp(String.raw`^sum\s*\(\s*rate\s*\(\s*${NAME}\s*\)\s*\)$`)
const QUANTILE = new RegExp(
  String.raw`^histogram_quantile\s*\(\s*([0-9.]+)\s*,\s*sum\s+by\s*\(\s*le\s*\)\s*\(\s*rate\s*\(\s*${NAME}\s*\)\s*\)\s*\)$`,
)

/** Per-series rates of `metric{braced}[range]`. */
function rates(source: SeriesSource, metric: string, braced: string | undefined, range: string): Sample[] {
  const matchers = braced === undefined ? [] : parseMatchers(braced)
  const ms = windowMs(`[${range}]`)!
  const out: Sample[] = []
  for (const series of source.window(metric, matchers, ms)) {
    const r = rate(series.points)
    if (r !== undefined) out.push({ labels: series.labels, value: r })
  }
  return out
}

/** `sum(rate(…))`: one sample without labels, none when no series has a rate (as Prometheus: an empty vector). */
function sumRate(expr: string, source: SeriesSource): Sample[] | undefined {
  const m = SUM_RATE.exec(expr.trim())
  if (!m) return undefined
  const r = rates(source, m[1]!, m[2], m[3]!)
  return r.length === 0 ? [] : [{ labels: {}, value: r.reduce((a, s) => a + s.value, 0) }]
}

/** Prometheus' histogram_quantile over cumulative buckets (upper bounds `le`, the last +Inf). */
export function histogramQuantile(q: number, buckets: ReadonlyArray<readonly [number, number]>): number {
  const sorted = [...buckets].sort((a, b) => a[0] - b[0])
  if (sorted.length < 2 || sorted.at(-1)![0] !== Infinity) return Number.NaN
  const total = sorted.at(-1)![1]
  if (total === 0) return Number.NaN
  const rank = q * total
  const i = sorted.findIndex(([, count]) => count >= rank)
  if (i === sorted.length - 1) return sorted[sorted.length - 2]![0]
  const [upper, count] = sorted[i]!
  const [lower, before] = i === 0 ? [0, 0] : sorted[i - 1]!
  return count === before ? upper : lower + ((upper - lower) * (rank - before)) / (count - before)
}

function quantile(expr: string, source: SeriesSource): Sample[] | undefined {
  const m = QUANTILE.exec(expr)
  if (!m) return undefined
  const byLe = new Map<number, number>()
  for (const s of rates(source, m[2]!, m[3], m[4]!)) {
    const le = s.labels['le'] === '+Inf' ? Infinity : Number(s.labels['le'])
    if (!Number.isNaN(le)) byLe.set(le, (byLe.get(le) ?? 0) + s.value)
  }
  if (byLe.size === 0) return []
  return [{ labels: {}, value: histogramQuantile(Number(m[1]), [...byLe.entries()]) }]
}

/** The `/` at the top level of `expr` (outside parentheses, braces and quotes), or -1. */
function topLevelDivision(expr: string): number {
  let depth = 0
  let quoted = false
  for (let i = 0; i < expr.length; i++) {
    const c = expr[i]!
    if (quoted) {
      if (c === '\\') i++
      else if (c === '"') quoted = false
    } else if (c === '"') quoted = true
    else if (c === '(' || c === '{' || c === '[') depth++
    else if (c === ')' || c === '}' || c === ']') depth--
    else if (c === '/' && depth === 0) return i
  }
  return -1
}

function evaluateServiceQuery(expr: string, source: SeriesSource): Sample[] | undefined {
  const slash = topLevelDivision(expr)
  if (slash >= 0) {
    const a = sumRate(expr.slice(0, slash), source)
    const b = sumRate(expr.slice(slash + 1), source)
    if (a === undefined || b === undefined) return undefined
    return a.length === 0 || b.length === 0 ? [] : [{ labels: {}, value: a[0]!.value / b[0]!.value }]
  }
  return sumRate(expr, source) ?? quantile(expr, source)
}
