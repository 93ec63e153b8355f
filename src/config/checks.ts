/** The checks of a gate: from inputs (`cpu`, `http-1`, …) and from the config file, with naming and duplicate rules. */
import { Defaults, Inputs as I } from '../constants.ts'
import { builtinQuery, validateSelector } from '../model/builtins.ts'
import { parseWebUrl, userinfoOf } from '../model/web-url.ts'
import { maskUserinfo } from '../report/redact.ts'
import { alertChecks } from './alert-checks.ts'
import { serviceChecks } from './service-checks.ts'
import { baselineSpec } from './baseline-config.ts'
import { parseDuration } from './duration.ts'
import { formatPath } from './config-path.ts'
import type { LoadedConfigFile } from './load.ts'
import type { InputReader } from './parse-input.ts'
import type {
  Builtin,
  CheckLimits,
  CheckSpec,
  HttpCheckSpec,
  MetricCheckSpec,
  Policy,
  PreExisting,
} from '../model/check-spec.ts'
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
  // Only the four limits: a check's `limits` must not carry the policy's timing along.
  const { maxConsecutiveFailures, maxFailures, maxConsecutiveErrors, onNoData } = policy
  const limits: CheckLimits = { maxConsecutiveFailures, maxFailures, maxConsecutiveErrors, onNoData }
  const maxima = inputMaxima(r)
  const preExisting = r.oneOf<PreExisting>(I.PreExisting, ['fail', 'report']) ?? Defaults.preExisting
  const named: Named[] = [
    ...inputChecks(r, limits, secrets, maxima, preExisting),
    ...fileChecks(r, file, limits, secrets, maxima, preExisting),
    ...alertChecks(r, file, limits),
    ...serviceChecks(r, file, limits, preExisting),
  ]
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
      `no checks: set ${I.HealthUrls}, ${I.HostSelector}, ${I.GpuSelector}, ${I.KvCacheMax}, ${I.AlertSelector} or ${I.ServiceSelector}, or give a config file with http, metrics, alerts or services`,
    )
  }
  return named.map((n) => n.spec)
}

type PercentBuiltin = 'cpu' | 'memory' | 'disk' | 'vram'
type InputMaxima = Readonly<Record<PercentBuiltin, number | 'off' | undefined>>

/** The `cpu-max` … `vram-max` inputs, each parsed (and reported) once. */
function inputMaxima(r: InputReader): InputMaxima {
  const read = (b: PercentBuiltin) => r.percent(BUILTIN_MAX[b]!.input, true)
  return { cpu: read('cpu'), memory: read('memory'), disk: read('disk'), vram: read('vram') }
}

function inputChecks(
  r: InputReader,
  limits: CheckLimits,
  secrets: string[],
  maxima: InputMaxima,
  preExisting: PreExisting,
): Named[] {
  const out: Named[] = []
  r.lines(I.HealthUrls).forEach((url, i) => {
    if (checkUrl(r, I.HealthUrls, url, secrets)) {
      out.push({ spec: httpSpec(`http-${i + 1}`, url, limits), source: I.HealthUrls })
    }
  })
  // A selector that is set but invalid is reported and builds no check (builtinQuery would refuse it).
  const selector = (name: string): { text: string; source: string; ok: boolean } | undefined => {
    const text = r.text(name)
    if (text === undefined) return undefined
    const problems = validateSelector(text)
    for (const p of problems) r.fail(name, p)
    return { text, source: name, ok: problems.length === 0 }
  }
  const host = selector(I.HostSelector)
  const gpu = selector(I.GpuSelector)
  const vllm = selector(I.VllmSelector) ?? gpu
  const metric = (
    builtin: Builtin,
    sel: { text: string; source: string; ok: boolean },
    max: number,
  ): void => {
    if (sel.ok) {
      const spec = withPreExisting(metricSpec(builtin, builtin, sel.text, { max }, limits, true), preExisting)
      out.push({ spec, source: sel.source })
    }
  }
  for (const builtin of ['cpu', 'memory', 'disk', 'vram'] as const) {
    const value = maxima[builtin]
    const sel = builtin === 'vram' ? gpu : host
    if (sel !== undefined && value !== 'off') metric(builtin, sel, value ?? BUILTIN_MAX[builtin]!.max)
  }
  const kv = r.percent(I.KvCacheMax, false)
  if (kv !== undefined && kv !== 'off') {
    if (vllm === undefined)
      r.fail(I.KvCacheMax, `needs ${I.VllmSelector} or ${I.GpuSelector} to know which vLLM to watch`)
    else metric('kv-cache', vllm, kv)
  }
  return out
}

function fileChecks(
  r: InputReader,
  file: LoadedConfigFile | undefined,
  limits: CheckLimits,
  secrets: string[],
  maxima: InputMaxima,
  preExisting: PreExisting,
): Named[] {
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
  const metrics = (file.config.metrics ?? []).flatMap((c, i): Named[] => {
    const path = ['metrics', i]
    const bounds = { min: c.min, max: c.max }
    if (c.builtin !== undefined) {
      const selectorProblems = validateSelector(c.selector ?? '')
      for (const p of selectorProblems) problem([...path, 'selector'], p, c.name)
      if (selectorProblems.length > 0) return [] // reported; builtinQuery would refuse it
      if (c.builtin === 'up') {
        if (bounds.min === undefined && bounds.max === undefined) bounds.min = 1
      } else if (c.builtin !== 'kv-cache' && bounds.max === undefined) {
        // SPEC §2: a built-in without `max` takes the default max, also when it sets a `min` (a floor).
        const fromInput = maxima[c.builtin]
        bounds.max = typeof fromInput === 'number' ? fromInput : BUILTIN_MAX[c.builtin]!.max
        if (bounds.min !== undefined && bounds.min > bounds.max) {
          const message = `min ${bounds.min} is greater than the max ${bounds.max} a ${c.builtin} check takes without max; set max`
          problem([...path, 'min'], message, c.name)
        }
      }
    }
    const spec = metricSpec(
      c.name,
      c.builtin,
      c.selector ?? '',
      bounds,
      withOverrides(limits, c),
      c.enforce ?? true,
      c.query,
    )
    const queryLine = file.lineOf([...path, c.builtin === undefined ? 'query' : 'selector'])
    const baseline = baselineSpec(c.baseline)
    const withBaseline = withPreExisting(
      baseline === undefined ? spec : { ...spec, baseline },
      c['pre-existing'] ?? preExisting,
    )
    return [{ spec: { ...withBaseline, line: file.lineOf(path), queryLine }, source: formatPath(path) }]
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

function httpSpec(
  name: string,
  url: string,
  limits: CheckLimits,
  c?: HttpCheckConfig,
  line?: number,
): HttpCheckSpec {
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

/** `pre-existing: report` where it means something (a check with an absolute bound); `fail` is left implicit. */
function withPreExisting(spec: MetricCheckSpec, preExisting: PreExisting): MetricCheckSpec {
  const bounded = spec.min !== undefined || spec.max !== undefined
  return preExisting === 'report' && bounded ? { ...spec, preExisting } : spec
}

/** An http(s) URL; userinfo is allowed but masked. */
function checkUrl(
  r: InputReader,
  path: string,
  text: string,
  secrets: string[],
  report: (message: string) => void = (m) => r.fail(path, m),
): boolean {
  const url = parseWebUrl(text)
  if (typeof url === 'string') {
    report(`expected an http:// or https:// URL, got "${maskUserinfo(text)}"`)
    return false
  }
  const userinfo = userinfoOf(url)
  if (userinfo && url.password) {
    // `user:password` too, so that its base64 (`Authorization: Basic …`, echoed by an app) is redacted.
    secrets.push(userinfo.password, url.password, `${userinfo.username}:${userinfo.password}`)
  }
  // User names are not masked: a short one (`gate`) would blank that word everywhere; reports drop userinfo whole.
  return true
}
