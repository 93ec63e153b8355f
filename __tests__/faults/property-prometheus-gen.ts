/**
 * Generated Prometheus HTTP answers and an independent oracle, for property-prometheus.test.ts (row R01).
 *
 * The generator draws from a seeded PRNG (mulberry32, no dependency): status codes, content types, JSON shapes
 * (vector, scalar, matrix, string, garbage), sample values (`NaN`, `±Inf`, huge, tiny, negative, on a threshold,
 * non-numeric), missing, mistyped and extra fields, truncations at random byte offsets, empty bodies, `status: error`
 * with and without `errorType`, connections dropped mid-body and bodies over the 10 MiB cap.
 *
 * The oracle decides from the bytes actually served, not from what the generator meant, and without calling the code
 * under test. Well-formed means what Prometheus' HTTP API documents (and client_golang decodes): a 2xx answer whose
 * JSON body is `{"status":"success","data":{"resultType":"vector"|"scalar","result":…}}`; a vector is a list of
 * `{"metric":{name: string…},"value":[<number>,"<float>"]}` (`metric` absent or null reads as no labels); a scalar is
 * `[<number>,"<float>"]`; `<float>` is a decimal number as Go formats it, or `NaN`, `+Inf`, `-Inf`. Extra fields
 * anywhere are allowed. Content type plays no part.
 */

/** Uniform floats in [0, 1) from a 32-bit seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const MAX_BODY_BYTES = 10 * 1024 * 1024

export interface Threshold {
  readonly min?: number
  readonly max?: number
}

export type OnNoData = 'fail' | 'pass' | 'inconclusive'

export interface GeneratedAnswer {
  readonly index: number
  /** What the generator did, for a failing test's message. */
  readonly recipe: string[]
  readonly status: number
  readonly contentType: string | undefined
  /** The bytes the server sends (all of them, unless `dropAfterBytes`). */
  readonly body: Buffer
  /** Send this many bytes of `body` (with the full Content-Length), then destroy the connection. */
  readonly dropAfterBytes?: number
  readonly threshold: Threshold
  readonly onNoData: OnNoData
}

export type Expected = 'pass' | 'breach' | 'no-data' | 'error'

type Rand = () => number

function int(rand: Rand, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1))
}

function pick<T>(rand: Rand, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!
}

function chance(rand: Rand, p: number): boolean {
  return rand() < p
}

const STATUSES_2XX = [200, 200, 200, 200, 200, 200, 201, 202, 203, 206]
const STATUSES_OTHER = [301, 302, 307, 400, 401, 403, 404, 405, 406, 422, 429, 500, 502, 503, 504, 599]
const CONTENT_TYPES = [
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'text/plain; charset=utf-8',
  'text/html',
  'application/problem+json',
  'application/octet-stream',
  undefined,
  'nonsense/!!',
]
const NON_NUMERIC = [
  '',
  ' 1',
  '1 ',
  'abc',
  '0x10',
  '1_000',
  'inf',
  'Infinity',
  '-Infinity',
  'nan',
  'NAN',
  '1e400',
  '-1e400',
  '--1',
  '1.2.3',
  'true',
  'null',
  '١٢',
  '1e',
  '.',
  '+',
  'NaN ',
  '12%',
  '1,5',
]
const LABEL_VALUES = ['web-1:9100', '0', 'GPU-1', '/', '', 'ünïcödé', '🚀', 'a"b', 'x'.repeat(300), '\ud800']
const ERROR_TYPES = [
  'bad_data',
  'execution',
  'timeout',
  'canceled',
  'internal',
  'unavailable',
  'not_found',
  7,
]

function threshold(rand: Rand): Threshold {
  const a = pick(rand, [0, 1, 50, 80, 95, 99.5, 100, -5, 1e6, 0.001])
  const kind = rand()
  if (kind < 0.6) return { max: a }
  if (kind < 0.75) return { min: a }
  const b = a + pick(rand, [0, 0.5, 10, 1000])
  return { min: a, max: b }
}

/** A sample value as Prometheus writes it (or, for `bad`, something it never writes). */
function valueText(rand: Rand, t: Threshold, recipe: string[]): string {
  const r = rand()
  if (r < 0.08) return pick(rand, ['NaN', '+Inf', '-Inf'])
  if (r < 0.11) {
    recipe.push('non-numeric value')
    return pick(rand, NON_NUMERIC)
  }
  const anchor = pick(
    rand,
    [t.max, t.min, 0].filter((x): x is number => x !== undefined),
  )
  const n = pick(rand, [
    anchor,
    anchor,
    anchor + 0.001,
    anchor - 0.001,
    anchor + 1,
    anchor - 1,
    anchor * 2,
    anchor / 2,
    -anchor,
    0,
    -0,
    1.7976931348623157e308,
    -1.7976931348623157e308,
    5e-324,
    rand() * 200 - 50,
    1e21,
  ])
  return String(n)
}

function sample(rand: Rand, t: Threshold, recipe: string[]): unknown {
  const labels: Record<string, unknown> = {}
  for (let i = int(rand, 0, 3); i > 0; i--)
    labels[pick(rand, ['instance', 'job', 'gpu', 'mountpoint', ''])] = pick(rand, LABEL_VALUES)
  return { metric: labels, value: [1_700_000_000 + rand() * 1e6, valueText(rand, t, recipe)] }
}

/** A well-formed success answer (vector or scalar), before any mutation. */
function successAnswer(rand: Rand, t: Threshold, recipe: string[]): Record<string, unknown> {
  if (chance(rand, 0.2)) {
    recipe.push('scalar')
    return {
      status: 'success',
      data: { resultType: 'scalar', result: [1_700_000_000.5, valueText(rand, t, recipe)] },
    }
  }
  const n = pick(rand, [0, 1, 1, 1, 2, 2, 3, 5])
  recipe.push(`vector of ${n}`)
  const answer: Record<string, unknown> = {
    status: 'success',
    data: { resultType: 'vector', result: Array.from({ length: n }, () => sample(rand, t, recipe)) },
  }
  if (chance(rand, 0.1)) answer['warnings'] = pick(rand, [['partial response'], 'not a list', [1, 'x']])
  if (chance(rand, 0.05)) answer['infos'] = ['info']
  return answer
}

/** One structural change that makes (or, for extra fields, keeps) the answer something else. */
function mutate(rand: Rand, answer: Record<string, unknown>, recipe: string[]): unknown {
  const data = answer['data'] as Record<string, unknown>
  const result = data['result']
  const first =
    data['resultType'] === 'vector' && Array.isArray(result) && isPlainObject(result[0])
      ? result[0]
      : undefined
  const m = int(rand, 0, 17)
  recipe.push(`mutation ${m}`)
  switch (m) {
    case 0:
      delete answer['status']
      return answer
    case 1:
      answer['status'] = pick(rand, ['ok', 'SUCCESS', true, null])
      return answer
    case 2:
      delete answer['data']
      return answer
    case 3:
      answer['data'] = pick(rand, [null, [], 'vector', 42])
      return answer
    case 4:
      delete data['resultType']
      return answer
    case 5:
      data['resultType'] = pick(rand, ['matrix', 'string', 'streams', 'Vector', null])
      return answer
    case 6:
      delete data['result']
      return answer
    case 7:
      data['result'] = pick(rand, [null, {}, 'x', 3])
      return answer
    case 8:
      if (first) first['metric'] = pick(rand, [[], 'instance', 5, { instance: 5 }, { job: null }, null])
      return answer
    case 9:
      if (first) delete first['metric']
      return answer
    case 10:
      if (first) delete first['value']
      return answer
    case 11:
      if (first) first['value'] = pick(rand, [[1], [1, '2', 3], '5', 5, null, { v: '1' }, [1, 5]])
      else if (Array.isArray(result)) data['result'] = pick(rand, [[1], [1, 5], ['1', '2', '3']])
      return answer
    case 12:
      if (first) (first['value'] as unknown[])[0] = pick(rand, ['1700000000', null, [], true])
      else if (Array.isArray(result)) result[0] = pick(rand, ['1700000000', null])
      return answer
    case 13:
      if (first) {
        delete first['value']
        first['histogram'] = [1_700_000_000, { count: '3', sum: '1', buckets: [] }]
      }
      return answer
    case 14:
      if (Array.isArray(result) && data['resultType'] === 'vector')
        result.push(pick(rand, [null, 1, 'x', []]))
      return answer
    case 15:
      // Extra fields everywhere: still well-formed.
      answer['extra'] = { nested: [1, 2] }
      data['stats'] = { timings: {} }
      if (first) first['extra'] = true
      return answer
    case 16:
      return pick(rand, [[answer], JSON.stringify(answer)])
    default:
      answer['status'] = 'error'
      return answer
  }
}

function errorAnswer(rand: Rand, recipe: string[]): unknown {
  recipe.push('status error')
  const body: Record<string, unknown> = {
    status: 'error',
    error: pick(rand, ['parse error at char 3', '', 5]),
  }
  if (chance(rand, 0.6)) body['errorType'] = pick(rand, ERROR_TYPES)
  if (chance(rand, 0.2)) body['data'] = { resultType: 'vector', result: [] }
  return body
}

function garbageJson(rand: Rand, depth = 0): unknown {
  const r = rand()
  if (depth > 3 || r < 0.3) return pick(rand, [null, true, 0, -1.5, '', 'success', 'vector', 1e308])
  if (r < 0.65) return Array.from({ length: int(rand, 0, 3) }, () => garbageJson(rand, depth + 1))
  const keys = ['status', 'data', 'resultType', 'result', 'value', 'metric', 'x']
  return Object.fromEntries(
    Array.from({ length: int(rand, 0, 4) }, () => [pick(rand, keys), garbageJson(rand, depth + 1)]),
  )
}

/** The next generated answer. */
export function generateAnswer(rand: Rand, index: number): GeneratedAnswer {
  const recipe: string[] = []
  const t = threshold(rand)
  const onNoData = pick(rand, ['fail', 'pass', 'inconclusive'] as const)
  const status = chance(rand, 0.82) ? pick(rand, STATUSES_2XX) : pick(rand, STATUSES_OTHER)
  let text: string
  const shape = rand()
  if (shape < 0.55) {
    text = JSON.stringify(successAnswer(rand, t, recipe))
  } else if (shape < 0.75) {
    text = JSON.stringify(mutate(rand, successAnswer(rand, t, recipe), recipe))
  } else if (shape < 0.83) {
    text = JSON.stringify(errorAnswer(rand, recipe))
  } else if (shape < 0.9) {
    recipe.push('garbage JSON')
    text = JSON.stringify(garbageJson(rand)) ?? 'null'
  } else if (shape < 0.97) {
    const kind = pick(rand, ['empty', 'html', 'text', 'bytes'] as const)
    recipe.push(`${kind} body`)
    text =
      kind === 'empty'
        ? ''
        : kind === 'html'
          ? '<!doctype html><html><body>502 Bad Gateway</body></html>'
          : kind === 'text'
            ? 'upstream connect error or disconnect/reset before headers'
            : Buffer.from(Array.from({ length: int(rand, 1, 64) }, () => int(rand, 0, 255))).toString(
                'latin1',
              )
  } else {
    recipe.push('matrix or string result')
    const data = chance(rand, 0.5)
      ? { resultType: 'matrix', result: [{ metric: {}, values: [[1, '1']] }] }
      : { resultType: 'string', result: [1, 'hello'] }
    text = JSON.stringify({ status: 'success', data })
  }
  let body = Buffer.from(text, chance(rand, 0.02) ? 'latin1' : 'utf8')
  if (chance(rand, 0.12) && body.length > 0) {
    const cut = int(rand, 0, body.length - 1)
    recipe.push(`truncated at byte ${cut} of ${body.length}`)
    body = body.subarray(0, cut)
  }
  let dropAfterBytes: number | undefined
  // Dropped connections and oversized bodies are rare at random; every 300th answer has one of each for sure.
  if ((chance(rand, 0.03) || index % 300 === 100) && body.length > 1) {
    dropAfterBytes = int(rand, 0, body.length - 1)
    recipe.push(`connection dropped after ${dropAfterBytes} of ${body.length} bytes`)
  }
  if (chance(rand, 0.004) || index % 300 === 200) {
    recipe.push('padded over 10 MiB')
    body = Buffer.concat([body, Buffer.alloc(MAX_BODY_BYTES + 1 - body.length, 0x20)])
  }
  const contentType = pick(rand, CONTENT_TYPES)
  return {
    index,
    recipe,
    status,
    contentType,
    body,
    ...(dropAfterBytes === undefined ? {} : { dropAfterBytes }),
    threshold: t,
    onNoData,
  }
}

const FLOAT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/

/** A sample value the way Prometheus writes it, or undefined when it does not. */
function parseFloatText(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined
  if (text === 'NaN') return NaN
  if (text === '+Inf') return Infinity
  if (text === '-Inf') return -Infinity
  if (!FLOAT.test(text)) return undefined
  const n = Number(text)
  return Number.isFinite(n) ? n : undefined
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** `[<number>, "<float>"]` → the value, else undefined. */
function pairValue(pair: unknown): number | undefined {
  if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'number') return undefined
  return parseFloatText(pair[1])
}

/** The values of a well-formed answer, or undefined when the answer is not one. */
export function wellFormedValues(answer: GeneratedAnswer): number[] | undefined {
  if (answer.dropAfterBytes !== undefined) return undefined
  if (answer.body.length > MAX_BODY_BYTES) return undefined
  if (answer.status < 200 || answer.status > 299) return undefined
  let doc: unknown
  try {
    doc = JSON.parse(new TextDecoder('utf-8', { ignoreBOM: true }).decode(answer.body))
  } catch {
    return undefined
  }
  if (!isPlainObject(doc) || doc['status'] !== 'success') return undefined
  const data = doc['data']
  if (!isPlainObject(data)) return undefined
  if (data['resultType'] === 'scalar') {
    const v = pairValue(data['result'])
    return v === undefined ? undefined : [v]
  }
  if (data['resultType'] !== 'vector' || !Array.isArray(data['result'])) return undefined
  const values: number[] = []
  for (const s of data['result'] as unknown[]) {
    if (!isPlainObject(s)) return undefined
    const metric = s['metric']
    if (metric !== undefined && metric !== null) {
      if (!isPlainObject(metric) || Object.values(metric).some((v) => typeof v !== 'string')) return undefined
    }
    const v = pairValue(s['value'])
    if (v === undefined) return undefined
    values.push(v)
  }
  return values
}

/** What a measurement of this answer must be (SPEC §3.3), decided from the served bytes alone. */
export function expectedOutcome(answer: GeneratedAnswer): Expected {
  const values = wellFormedValues(answer)
  if (values === undefined) return 'error'
  const real = values.filter((v) => Number.isFinite(v))
  if (real.length === 0) return 'no-data'
  const { min, max } = answer.threshold
  const breach = real.some((v) => (max !== undefined && v > max) || (min !== undefined && v < min))
  return breach ? 'breach' : 'pass'
}
