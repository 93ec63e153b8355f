/** The checks of a gate: from inputs (`cpu`, `http-1`, …) and from the config file, with naming and duplicate rules. */
import { Defaults, Inputs as I } from '../constants.ts'
import { builtinQuery, validateSelector } from '../prometheus/builtins.ts'
import { parseDuration } from './duration.ts'
import { formatPath, type LoadedConfigFile } from './load.ts'
import type { InputReader } from './parse-input.ts'
import type { Builtin, CheckLimits, CheckSpec, HttpCheckSpec, MetricCheckSpec, Policy } from './types.ts'
import type { HttpCheckConfig, MetricCheckConfig } from './schema.ts'

/** Default `max` of built-ins, and the input that overrides it. */
const BUILTIN_MAX: Partial<Record<Builtin, { input: string; max: number }>> = {
  cpu: { input: I.CpuMax, max: Defaults.cpuMax },
  memory: { input: I.MemoryMax, max: Defaults.memoryMax },
  disk: { input: I.DiskMax, max: Defaults.diskMax },
  vram: { input: I.VramMax, max: Defaults.vramMax },
}

interface Named {
  readonly spec: CheckSpec
  /** Where the check was declared: an input name or a config path. */
  readonly source: string
}

export function buildChecks(
  r: InputReader,
  file: LoadedConfigFile | undefined,
  policy: Policy,
  secrets: string[],
): CheckSpec[] {
  const limits: CheckLimits = policy
  const named: Named[] = [...inputChecks(r, limits, secrets), ...fileChecks(r, file, limits, secrets)]
  const seen = new Map<string, string>()
  for (const { spec, source } of named) {
    const first = seen.get(spec.name)
    if (first !== undefined) {
      r.problems.push({
        path: source,
        message: `duplicate check name "${spec.name}" (also declared by ${first})`,
        file: spec.line !== undefined ? file?.path : undefined,
        line: spec.line,
        check: spec.name,
      })
    } else seen.set(spec.name, source)
  }
  if (named.length === 0 && r.problems.length === 0) {
    r.fail(
      'config',
      `no checks: set ${I.HealthUrls}, ${I.HostSelector}, ${I.GpuSelector} or ${I.KvCacheMax}, or give a config file with http or metrics checks`,
    )
  }
  return named.map((n) => n.spec)
}

function inputChecks(r: InputReader, limits: CheckLimits, secrets: string[]): Named[] {
  const out: Named[] = []
  r.lines(I.HealthUrls).forEach((url, i) => {
    if (checkUrl(r, I.HealthUrls, url, secrets)) {
      out.push({ spec: httpSpec(`http-${i + 1}`, url, limits), source: I.HealthUrls })
    }
  })
  const selector = (name: string): string | undefined => {
    const text = r.text(name)
    if (text !== undefined) for (const p of validateSelector(text)) r.fail(name, p)
    return text
  }
  const host = selector(I.HostSelector)
  const gpu = selector(I.GpuSelector)
  const vllm = selector(I.VllmSelector) ?? gpu
  const metric = (builtin: Builtin, sel: string, max: number): void => {
    out.push({ spec: metricSpec(builtin, builtin, sel, { max }, limits, true), source: I.HostSelector })
  }
  for (const builtin of ['cpu', 'memory', 'disk', 'vram'] as const) {
    const { input, max } = BUILTIN_MAX[builtin]!
    const value = r.percent(input, true)
    const sel = builtin === 'vram' ? gpu : host
    if (sel !== undefined && value !== 'off') metric(builtin, sel, value ?? max)
  }
  const kv = r.percent(I.KvCacheMax, false)
  if (kv !== undefined && kv !== 'off') {
    if (vllm === undefined) r.fail(I.KvCacheMax, `needs ${I.VllmSelector} or ${I.GpuSelector} to know which vLLM to watch`)
    else metric('kv-cache', vllm, kv)
  }
  return out
}

function fileChecks(r: InputReader, file: LoadedConfigFile | undefined, limits: CheckLimits, secrets: string[]): Named[] {
  if (!file) return []
  const problem = (path: (string | number)[], message: string, check: string): void => {
    r.problems.push({ path: formatPath(path), message, file: file.path, line: file.lineOf(path), check })
  }
  const http = (file.config.http ?? []).map((c, i): Named => {
    const path = ['http', i]
    checkUrl(r, formatPath([...path, 'url']), c.url, secrets, (m) => problem([...path, 'url'], m, c.name))
    secrets.push(...Object.values(c.headers ?? {}))
    const spec = httpSpec(c.name, c.url, withOverrides(limits, c), c, file.lineOf(path))
    return { spec, source: formatPath(path) }
  })
  const metrics = (file.config.metrics ?? []).map((c, i): Named => {
    const path = ['metrics', i]
    const bounds = { min: c.min, max: c.max }
    if (c.builtin !== undefined) {
      for (const p of validateSelector(c.selector ?? '')) problem([...path, 'selector'], p, c.name)
      if (bounds.min === undefined && bounds.max === undefined) {
        const fromInput = BUILTIN_MAX[c.builtin] && r.percent(BUILTIN_MAX[c.builtin]!.input, true)
        if (c.builtin === 'up') bounds.min = 1
        else bounds.max = typeof fromInput === 'number' ? fromInput : BUILTIN_MAX[c.builtin]?.max
      }
    }
    const spec = metricSpec(c.name, c.builtin, c.selector ?? '', bounds, withOverrides(limits, c), c.enforce ?? true, c.query)
    return { spec: { ...spec, line: file.lineOf(path) }, source: formatPath(path) }
  })
  return [...http, ...metrics]
}

function withOverrides(limits: CheckLimits, c: HttpCheckConfig | MetricCheckConfig): CheckLimits {
  return {
    maxConsecutiveFailures: c['max-consecutive-failures'] ?? limits.maxConsecutiveFailures,
    maxFailures: c['max-failures'] ?? limits.maxFailures,
    maxConsecutiveErrors: c['max-consecutive-errors'] ?? limits.maxConsecutiveErrors,
    onNoData: c['on-no-data'] ?? limits.onNoData,
  }
}

function httpSpec(name: string, url: string, limits: CheckLimits, c?: HttpCheckConfig, line?: number): HttpCheckSpec {
  const ms = (d: string | undefined) => (d === undefined ? undefined : parseDuration(d))
  return {
    kind: 'http',
    name,
    url,
    method: c?.method ?? 'GET',
    headers: c?.headers ?? {},
    expectStatus: c?.['expect-status'],
    expectBody: c?.['expect-body'],
    expectJson: c?.['expect-json'],
    maxLatencyMs: ms(c?.['max-latency']),
    timeoutMs: ms(c?.timeout) ?? parseDuration(Defaults.httpTimeout)!,
    followRedirects: c?.['follow-redirects'] ?? false,
    enforce: c?.enforce ?? true,
    limits,
    line,
  }
}

function metricSpec(
  name: string,
  builtin: Builtin | undefined,
  selector: string,
  bounds: { min?: number; max?: number },
  limits: CheckLimits,
  enforce: boolean,
  query?: string,
): MetricCheckSpec {
  return {
    kind: 'metric',
    name,
    builtin,
    selector: builtin ? selector : undefined,
    query: builtin ? builtinQuery(builtin, selector) : (query ?? ''),
    min: bounds.min,
    max: bounds.max,
    enforce,
    limits,
  }
}

/** An http(s) URL; userinfo is allowed but masked. */
function checkUrl(
  r: InputReader,
  path: string,
  text: string,
  secrets: string[],
  report: (message: string) => void = (m) => r.fail(path, m),
): boolean {
  try {
    const url = new URL(text)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme')
    if (url.password) secrets.push(decodeURIComponent(url.password), url.password)
    if (url.username) secrets.push(decodeURIComponent(url.username))
    return true
  } catch {
    report(`expected an http:// or https:// URL, got "${text.replace(/\/\/[^@/]*@/, '//***@')}"`)
    return false
  }
}
