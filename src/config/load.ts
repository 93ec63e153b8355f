/**
 * Reads the YAML config file: syntax, `${NAME}` interpolation, schema — every problem with its path and file line.
 * With yaml and zod, loaded only when a run has a config file (`main.ts` imports this module then).
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml'
import type { z } from 'zod'
import type { Problem } from '../errors.ts'
import { shorten } from '../report/markdown.ts'
import { formatPath, type ConfigPath } from './config-path.ts'
import {
  configFileSchema,
  httpCheckSchema,
  metricCheckSchema,
  policySchema,
  prometheusSchema,
  type ConfigFile,
} from './schema.ts'

export interface LoadedConfigFile {
  readonly path: string
  /** The parsed file; when it has problems, only the parts that are valid on their own. */
  readonly config: ConfigFile
  /** Values read from the environment through `${NAME}`: secrets to mask. */
  readonly secrets: readonly string[]
  /** 1-based line of a config path (the nearest existing node when the path itself is missing). */
  lineOf(path: ConfigPath): number | undefined
}

/** Where `${NAME}` may appear (SPEC §2); `*` is any key or index. */
const INTERPOLATED: readonly (readonly string[])[] = [
  ['prometheus', 'url'],
  ['prometheus', 'bearer-token'],
  ['prometheus', 'basic-auth', '*'],
  ['prometheus', 'headers', '*'],
  ['http', '*', 'url'],
  ['http', '*', 'headers', '*'],
]
const REFERENCE = /\$\{([^}]*)\}/g
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
/**
 * Names the runner owns (SPEC §2): never read, so that a config from a pull request cannot send the runtime token,
 * the OIDC request token or the job's token to a URL it chooses. Compared without case (Windows env is case-blind).
 */
const RUNNER_OWNED = /^(ACTIONS_|GITHUB_|RUNNER_|INPUT_|STATE_)/i

export function loadConfigFile(
  file: string,
  text: string,
  env: Readonly<Record<string, string | undefined>>,
): { file?: LoadedConfigFile; problems: Problem[] } {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  const lineOf = (path: ConfigPath): number | undefined => {
    const node = nodeAt(doc.contents, path)
    return node?.range ? lineCounter.linePos(node.range[0]).line : undefined
  }
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => ({
        path: 'config',
        message: `YAML ${e.message.split('\n')[0] ?? e.code}`,
        file,
        // linePos is only filled with prettyErrors; the offset always is.
        line: e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line,
      })),
    }
  }
  let raw: unknown
  try {
    raw = doc.toJS({ maxAliasCount: 100 })
  } catch {
    // yaml refuses an alias bomb ("Excessive alias count …"); its message names no path, so say which input it is.
    return {
      problems: [{ path: 'config', message: 'YAML aliases expand too much (an alias bomb?); refused', file }],
    }
  }
  if (raw === null || raw === undefined) {
    return {
      problems: [{ path: 'config', message: 'the file is empty; expected at least "version: 1"', file }],
    }
  }
  const problems: Problem[] = []
  const secrets: string[] = []
  const interpolated = interpolate(raw, [], env, secrets, (path, message) =>
    problems.push({ path: formatPath(path), message, file, line: lineOf(path) }),
  )
  const parsed = configFileSchema.safeParse(interpolated)
  if (!parsed.success) {
    // A value whose ${NAME} could not be read is reported once, not again as, say, an empty URL.
    const interpolationPaths = new Set(problems.map((p) => p.path))
    for (const issue of parsed.error.issues) {
      const found = issueProblems(issue, interpolated, file, lineOf)
      problems.push(...found.filter((p) => !interpolationPaths.has(p.path)))
    }
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
  const config = parsed.success ? parsed.data : salvage(interpolated)
  return { file: { path: file, config, secrets, lineOf }, problems }
}

/**
 * The parts of an invalid file that are valid on their own, so that validate can still check every query and
 * report all problems in one pass. Never used to run a gate: any problem stops the gate before it starts.
 */
function salvage(data: unknown): ConfigFile {
  const obj = (data ?? {}) as Record<string, unknown>
  const part = <T>(schema: z.ZodType<T>, value: unknown): T | undefined => {
    const r = schema.safeParse(value)
    return r.success ? r.data : undefined
  }
  const list = <T>(schema: z.ZodType<T>, value: unknown): T[] =>
    (Array.isArray(value) ? value : []).flatMap((v) => part(schema, v) ?? [])
  return {
    version: 1,
    policy: part(policySchema, obj['policy']),
    prometheus: part(prometheusSchema, obj['prometheus']),
    http: list(httpCheckSchema, obj['http']),
    metrics: list(metricCheckSchema, obj['metrics']),
  }
}

function interpolate(
  value: unknown,
  path: (string | number)[],
  env: Readonly<Record<string, string | undefined>>,
  secrets: string[],
  report: (path: ConfigPath, message: string) => void,
): unknown {
  if (typeof value === 'string') {
    if (!value.includes('${')) return value
    if (!INTERPOLATED.some((pattern) => matches(pattern, path))) {
      report(
        path,
        '${NAME} is allowed only in prometheus url, bearer-token, basic-auth, headers and http url, headers',
      )
      return value
    }
    return value.replace(REFERENCE, (whole, name: string) => {
      const owned = RUNNER_OWNED.test(name)
      const found = ENV_NAME.test(name) && !owned ? env[name] : undefined
      if (!ENV_NAME.test(name)) report(path, `${whole} is not a valid environment variable reference`)
      else if (owned)
        report(
          path,
          `\${${name}} is a variable the runner owns (ACTIONS_*, GITHUB_*, RUNNER_*, INPUT_*, STATE_*) and is never read; pass your secret in the step's env: under your own name`,
        )
      else if (found === undefined) report(path, `environment variable ${name} is not set`)
      else if (found !== '') secrets.push(found)
      return found ?? ''
    })
  }
  if (Array.isArray(value)) return value.map((v, i) => interpolate(v, [...path, i], env, secrets, report))
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, interpolate(v, [...path, k], env, secrets, report)]),
    )
  }
  return value
}

function matches(pattern: readonly string[], path: readonly (string | number)[]): boolean {
  return pattern.length === path.length && pattern.every((seg, i) => seg === '*' || seg === path[i])
}

/** The node at `path`; for a map entry its key, so that `policy:` is reported on its own line, not its first child's. */
function nodeAt(root: unknown, path: ConfigPath): Node | undefined {
  let node = root as Node | undefined
  for (const [i, seg] of path.entries()) {
    let next: Node | undefined
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === seg)
      const last = i === path.length - 1
      next = (last ? (pair?.key ?? pair?.value) : (pair?.value ?? pair?.key)) as Node | undefined
    } else if (isSeq(node) && typeof seg === 'number') {
      next = node.items[seg] as Node | undefined
    }
    if (!next) return node
    node = next
  }
  return node
}

/** The key node of `key` in the map at `path` — where an unknown key is reported. */
function keyPath(path: ConfigPath, key: string): ConfigPath {
  return [...path, key]
}

function issueProblems(
  issue: z.core.$ZodIssue,
  data: unknown,
  file: string,
  lineOf: (path: ConfigPath) => number | undefined,
): Problem[] {
  const path = issue.path.filter((s): s is string | number => typeof s !== 'symbol')
  const check = checkName(data, path)
  const at = (p: ConfigPath, message: string): Problem => ({
    path: formatPath(p) || 'config',
    message,
    file,
    line: lineOf(p),
    ...(check ? { check } : {}),
  })
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => at(keyPath(path, key), 'unknown key'))
  }
  return [at(path, issueMessage(issue, valueAt(data, path)))]
}

function issueMessage(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const custom = !issue.message.startsWith('Invalid input')
      const expected = custom ? issue.message : `expected ${article(issue.expected)}`
      return value === undefined ? `required: ${expected}` : `${expected}, got ${describe(value)}`
    }
    case 'invalid_value': {
      const expected =
        issue.values.length === 1
          ? `expected ${JSON.stringify(issue.values[0])}`
          : `expected one of ${issue.values.map((v) => String(v)).join(', ')}`
      return value === undefined ? `required: ${expected}` : `${expected}, got ${describe(value)}`
    }
    case 'invalid_union':
      return `expected a string, number, boolean or null, got ${describe(value)}`
    default:
      return issue.message
  }
}

function article(type: string): string {
  const names: Record<string, string> = { int: 'a whole number', object: 'a mapping', array: 'a list' }
  return names[type] ?? (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`)
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  if (typeof value === 'string') return `"${shorten(value, 41)}"`
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value
}

function valueAt(data: unknown, path: ConfigPath): unknown {
  let v = data
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined
    v = (v as Record<string | number, unknown>)[seg]
  }
  return v
}

function checkName(data: unknown, path: ConfigPath): string | undefined {
  const list = path[0]
  if ((list !== 'http' && list !== 'metrics' && list !== 'alerts') || typeof path[1] !== 'number')
    return undefined
  const name = valueAt(data, [list, path[1], 'name'])
  // An alerts check without a name is the check named `alerts`.
  return typeof name === 'string' ? name : list === 'alerts' ? 'alerts' : undefined
}

/** What `resolveSettings` is given to parse the config file: `loadConfigFile`. */
export type ConfigFileParser = typeof loadConfigFile
