/**
 * Checks requests and responses against GitHub's published REST description (`@octokit/openapi`, dereferenced,
 * OpenAPI 3.0.3). The 70 MB file is read once per process, on first use (~0.6 s, ~200 MB of heap); each operation's
 * schemas are converted and compiled on first use and cached.
 *
 * OpenAPI 3.0 → JSON Schema (ajv, draft-07): `nullable: true` becomes a type array (or `anyOf [..., null]` where there is
 * no `type`), and `oneOf` becomes `anyOf`, because GitHub's `oneOf` branches often overlap (a valid object matching two
 * branches would be reported). GitHub returns `""` for unset URL fields (`target_url`, `environment_url`), so the `uri`
 * format accepts the empty string.
 *
 * Stricter than GitHub on purpose, to catch typos in our requests: unknown query parameters and unknown body properties
 * are reported (GitHub silently ignores both).
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'

type Json = Record<string, unknown>

interface Parameter {
  readonly name: string
  readonly in: 'path' | 'query' | 'header' | 'cookie'
  readonly required?: boolean
  readonly schema?: Json
  readonly 'x-multi-segment'?: boolean
}

interface Operation {
  readonly operationId: string
  readonly parameters?: readonly Parameter[]
  readonly requestBody?: { readonly required?: boolean; readonly content?: Record<string, { schema?: Json }> }
  readonly responses: Record<string, { readonly content?: Record<string, { schema?: Json }> }>
}

interface Spec {
  readonly openapi: string
  readonly paths: Record<string, Record<string, Operation>>
}

export interface OperationMatch {
  /** Upper case, e.g. `POST`. */
  readonly method: string
  /** The OpenAPI path template, e.g. `/repos/{owner}/{repo}/deployments/{deployment_id}/statuses`. */
  readonly template: string
  readonly operationId: string
  /** Path parameters, percent-decoded. */
  readonly pathParams: Readonly<Record<string, string>>
}

/** One problem found in a request; `where` tells the fake how GitHub would answer it. */
export interface RequestProblem {
  readonly where: 'route' | 'path' | 'query' | 'body'
  readonly message: string
}

export type QueryInput =
  URLSearchParams | Readonly<Record<string, string | number | boolean | readonly string[]>>

const SPEC_URL = new URL(
  '../node_modules/@octokit/openapi/generated/api.github.com.deref.json',
  import.meta.url,
)
const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'])
const MAX_ERRORS = 12

interface Template {
  readonly template: string
  readonly regex: RegExp
  readonly names: readonly string[]
  /** Per segment: 2 literal, 1 parameter, 0 multi-segment parameter; a higher rank is a more specific template. */
  readonly rank: readonly number[]
}

let spec: Spec | undefined
let templates: Template[] | undefined
let ajv: Ajv | undefined
const validators = new Map<string, ValidateFunction>()

/** The parsed description; read on first call, then cached for the life of the process. */
export function loadSpec(): Spec {
  if (!spec) {
    const parsed = JSON.parse(readFileSync(fileURLToPath(SPEC_URL), 'utf8')) as Spec
    if (!parsed.openapi.startsWith('3.0.')) {
      throw new Error(`openapi.ts converts OpenAPI 3.0 schemas, but the description is ${parsed.openapi}`)
    }
    spec = parsed
  }
  return spec
}

function getTemplates(): Template[] {
  if (templates) return templates
  templates = Object.entries(loadSpec().paths).map(([template, item]) => {
    const multi = new Set<string>()
    for (const op of Object.values(item)) {
      for (const p of op.parameters ?? []) if (p.in === 'path' && p['x-multi-segment']) multi.add(p.name)
    }
    const names: string[] = []
    const rank: number[] = []
    const source = template
      .split('/')
      .map((segment) => {
        const param = /^\{(\w+)\}$/.exec(segment)?.[1]
        if (!param) {
          rank.push(2)
          return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        }
        names.push(param)
        rank.push(multi.has(param) ? 0 : 1)
        return multi.has(param) ? '(.+)' : '([^/]+)'
      })
      .join('/')
    return { template, regex: new RegExp(`^${source}$`), names, rank }
  })
  return templates
}

function moreSpecific(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return (a[i] ?? 0) > (b[i] ?? 0)
  }
  return a.length > b.length
}

function findTemplate(path: string): { t: Template; params: Record<string, string> } | undefined {
  let best: { t: Template; params: Record<string, string> } | undefined
  for (const t of getTemplates()) {
    const m = t.regex.exec(path)
    if (!m || (best && !moreSpecific(t.rank, best.t.rank))) continue
    const params: Record<string, string> = {}
    t.names.forEach((name, i) => (params[name] = safeDecode(m[i + 1] ?? '')))
    best = { t, params }
  }
  return best
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/** The operation a concrete request path (no query) and method address, or undefined when GitHub has none. */
export function matchOperation(method: string, path: string): OperationMatch | undefined {
  const found = findTemplate(path)
  const op = found && operationAt(found.t.template, method)
  return op && found
    ? {
        method: method.toUpperCase(),
        template: found.t.template,
        operationId: op.operationId,
        pathParams: found.params,
      }
    : undefined
}

function operationAt(template: string, method: string): Operation | undefined {
  const m = method.toLowerCase()
  return HTTP_METHODS.has(m) ? loadSpec().paths[template]?.[m] : undefined
}

function resolveTemplate(
  method: string,
  pathOrTemplate: string,
): { template: string; op: Operation } | undefined {
  const direct = operationAt(pathOrTemplate, method)
  if (direct) return { template: pathOrTemplate, op: direct }
  const found = findTemplate(pathOrTemplate)
  const op = found && operationAt(found.t.template, method)
  return op && found ? { template: found.t.template, op } : undefined
}

/** Every problem of a request, tagged by where it is. */
export function checkRequest(
  method: string,
  path: string,
  query: QueryInput,
  body: unknown,
): RequestProblem[] {
  const found = findTemplate(path)
  const op = found && operationAt(found.t.template, method)
  if (!found || !op) {
    const allowed = found
      ? Object.keys(loadSpec().paths[found.t.template] ?? {}).filter((m) => HTTP_METHODS.has(m))
      : []
    const message = found
      ? `${found.t.template} has no ${method.toUpperCase()} operation (it has ${allowed.join(', ').toUpperCase()})`
      : `no operation ${method.toUpperCase()} ${path} in GitHub's REST API description`
    return [{ where: 'route', message }]
  }
  const key = `${method.toUpperCase()} ${found.t.template}`
  const params = op.parameters ?? []
  const problems: RequestProblem[] = []
  for (const p of params.filter((x) => x.in === 'path')) {
    const value = found.params[p.name]
    if (value === undefined) continue
    for (const e of validateParam(key, p, value)) problems.push({ where: 'path', message: e })
  }
  const entries = queryEntries(query)
  for (const [name, value] of entries) {
    const p = params.find((x) => x.in === 'query' && x.name === name)
    if (!p)
      problems.push({ where: 'query', message: `unknown query parameter '${name}' (GitHub ignores it)` })
    else for (const e of validateParam(key, p, value)) problems.push({ where: 'query', message: e })
  }
  for (const p of params.filter((x) => x.in === 'query' && x.required)) {
    if (!entries.some(([name]) => name === p.name))
      problems.push({ where: 'query', message: `missing required query parameter '${p.name}'` })
  }
  for (const message of checkBody(key, op, body)) problems.push({ where: 'body', message })
  return problems
}

/** Problems with a request: route, path parameters, query parameters (types, enums), JSON body. Empty when valid. */
export function validateRequest(method: string, path: string, query: QueryInput, body: unknown): string[] {
  return checkRequest(method, path, query, body).map((p) => p.message)
}

/**
 * Problems with a response, for a concrete path or a path template. `body` is the parsed JSON, or undefined for an
 * empty body (required when the spec lists no content for that status).
 */
export function validateResponse(
  method: string,
  pathOrTemplate: string,
  status: number,
  body: unknown,
): string[] {
  const resolved = resolveTemplate(method, pathOrTemplate)
  if (!resolved)
    return [`no operation ${method.toUpperCase()} ${pathOrTemplate} in GitHub's REST API description`]
  const { template, op } = resolved
  const response = op.responses[String(status)]
  if (!response) {
    return [`status ${status} is not documented for ${method.toUpperCase()} ${template}`]
  }
  const schema = response.content?.['application/json']?.schema
  if (!response.content || Object.keys(response.content).length === 0) {
    return body === undefined ? [] : [`status ${status} has no content in the spec, but a body was sent`]
  }
  if (!schema) return []
  if (body === undefined) return [`status ${status} needs a JSON body, but the body is empty`]
  const validate = compiled(`${method.toUpperCase()} ${template} response ${status}`, () =>
    toJsonSchema(schema, false),
  )
  return validate(body) ? [] : formatErrors('response body', validate.errors)
}

/** Whether the description lists this status for the operation (used to tell injected errors from violations). */
export function isDocumentedStatus(method: string, template: string, status: number): boolean {
  return operationAt(template, method)?.responses[String(status)] !== undefined
}

function checkBody(key: string, op: Operation, body: unknown): string[] {
  const content = op.requestBody?.content
  const empty = body === undefined || body === ''
  if (!content) return empty ? [] : ['this operation takes no request body']
  const schema = content['application/json']?.schema
  if (!schema) return []
  if (empty) return op.requestBody?.required ? ['a JSON request body is required'] : []
  const validate = compiled(`${key} request`, () => toJsonSchema(schema, true))
  return validate(body) ? [] : formatErrors('body', validate.errors)
}

function validateParam(key: string, p: Parameter, raw: string): string[] {
  if (!p.schema) return []
  const schema = p.schema
  const validate = compiled(`${key} ${p.in} ${p.name}`, () => toJsonSchema(schema, false))
  return validate(coerce(raw, schema))
    ? []
    : formatErrors(`${p.in} parameter ${p.name}=${JSON.stringify(raw)}`, validate.errors)
}

/** Query and path values arrive as strings; turn them into the type the schema wants when they can be read as it. */
function coerce(raw: string, schema: Json): unknown {
  const types = new Set<string>()
  const collect = (s: unknown): void => {
    if (!s || typeof s !== 'object') return
    const o = s as Json
    if (typeof o['type'] === 'string') types.add(o['type'])
    for (const k of ['oneOf', 'anyOf', 'allOf']) if (Array.isArray(o[k])) (o[k] as unknown[]).forEach(collect)
  }
  collect(schema)
  if (types.has('integer') && /^-?\d+$/.test(raw)) return Number(raw)
  if (types.has('number') && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw)
  if (types.has('boolean') && (raw === 'true' || raw === 'false')) return raw === 'true'
  if (types.has('array')) {
    const items = (schema['items'] as Json | undefined) ?? {}
    return raw.split(',').map((part) => coerce(part, items))
  }
  return raw
}

function queryEntries(query: QueryInput): [string, string][] {
  if (query instanceof URLSearchParams) return [...query.entries()]
  const out: [string, string][] = []
  for (const [name, value] of Object.entries(query)) {
    if (Array.isArray(value)) for (const v of value as readonly string[]) out.push([name, v])
    else out.push([name, String(value)])
  }
  return out
}

function getAjv(): Ajv {
  if (ajv) return ajv
  const instance = new Ajv({ strict: false, allErrors: true, validateSchema: false, addUsedSchema: false })
  // CommonJS module: the plugin is both module.exports and its `default`, which is what the types describe
  addFormatsModule.default(instance)
  const uri = instance.formats['uri']
  instance.addFormat('uri', (s: string) => s === '' || testFormat(uri, s))
  instance.addFormat('repo.nwo', /^[\w.-]+\/[\w.-]+$/)
  ajv = instance
  return instance
}

function testFormat(format: unknown, s: string): boolean {
  if (format instanceof RegExp) return format.test(s)
  if (typeof format === 'function') return Boolean((format as (x: string) => unknown)(s))
  if (format && typeof format === 'object' && 'validate' in format) return testFormat(format.validate, s)
  return true
}

function compiled(key: string, build: () => unknown): ValidateFunction {
  let v = validators.get(key)
  if (!v) {
    v = getAjv().compile(build() as Json)
    validators.set(key, v)
  }
  return v
}

const DROPPED = new Set([
  'nullable',
  'example',
  'examples',
  'description',
  'title',
  'deprecated',
  'readOnly',
  'writeOnly',
])

/**
 * OpenAPI 3.0 schema → JSON Schema for ajv (see the file comment). With `closeObjects`, object schemas that list
 * `properties` and say nothing about `additionalProperties` reject unknown properties (not inside `allOf`, where
 * the properties are spread over the branches).
 */
export function toJsonSchema(schema: unknown, closeObjects: boolean, inAllOf = false): unknown {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return schema
  const s = schema as Json
  const out: Json = {}
  for (const [k, v] of Object.entries(s)) {
    if (DROPPED.has(k) || k.startsWith('x-')) continue
    if (k === 'properties' && v && typeof v === 'object') {
      out[k] = Object.fromEntries(
        Object.entries(v).map(([name, sub]) => [name, toJsonSchema(sub, closeObjects)]),
      )
    } else if ((k === 'items' || k === 'not' || k === 'additionalProperties') && typeof v === 'object') {
      out[k] = toJsonSchema(v, closeObjects)
    } else if ((k === 'allOf' || k === 'anyOf' || k === 'oneOf') && Array.isArray(v)) {
      out[k === 'oneOf' ? 'anyOf' : k] = v.map((sub) => toJsonSchema(sub, closeObjects, k === 'allOf'))
    } else {
      out[k] = v
    }
  }
  if (closeObjects && !inAllOf && out['properties'] && !('additionalProperties' in out) && !out['allOf']) {
    out['additionalProperties'] = false
  }
  if (s['nullable'] !== true) return out
  if (typeof out['type'] === 'string') {
    out['type'] = [out['type'], 'null']
    if (Array.isArray(out['enum']) && !out['enum'].includes(null))
      out['enum'] = [...(out['enum'] as unknown[]), null]
    return out
  }
  return { anyOf: [{ type: 'null' }, out] }
}

function formatErrors(where: string, errors: ErrorObject[] | null | undefined): string[] {
  const relevant = (errors ?? []).filter(
    (e) => !(e.keyword === 'type' && (e.params as { type?: unknown }).type === 'null'),
  )
  const lines = relevant
    .slice(0, MAX_ERRORS)
    .map((e) => `${where}${e.instancePath} ${e.message ?? e.keyword}${detail(e)}`)
  if (relevant.length > MAX_ERRORS) lines.push(`${where}: … and ${relevant.length - MAX_ERRORS} more`)
  return lines.length > 0 ? lines : [`${where} is invalid`]
}

function detail(e: ErrorObject): string {
  const params = e.params as Record<string, unknown>
  if (e.keyword === 'enum' && Array.isArray(params['allowedValues']))
    return ` (${params['allowedValues'].map((v) => JSON.stringify(v)).join(', ')})`
  if (e.keyword === 'additionalProperties') return `: '${String(params['additionalProperty'])}'`
  return ''
}
