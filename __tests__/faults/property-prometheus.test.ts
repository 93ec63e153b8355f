/**
 * Fault matrix row R01 (matrix-b-rows.ts): a property test of the Prometheus client and the evaluator. One local
 * node:http server answers each instant query with the generated answer its query names (property-prometheus-gen.ts:
 * random status codes, content types, shapes, values, truncations, dropped connections); each answer goes through
 * `createPrometheusClient(…).query` and gate mode's own `measureCheck` (src/gate/measure-check.ts), then through the
 * evaluator as a check's only sample.
 *
 * Properties, against an oracle computed from the served bytes alone:
 * - no exception escapes: a query resolves, or rejects with a PrometheusError (the client's contract), and every
 *   answer ends as a Measurement with a valid outcome; no unhandled rejection;
 * - `pass` only when the answer was a well-formed 2xx success vector/scalar whose real values are all within the
 *   thresholds; more precisely, the outcome is exactly the oracle's (`error` for everything not well-formed, so that
 *   not even `on-no-data: pass` can turn garbage into a pass);
 * - the evaluator passes the check (verdict `stable`) only on such a sample, or on no-data with `on-no-data: pass`.
 *
 * The seed is fixed so CI is deterministic; `PROPERTY_SEED=<n>` (and `PROPERTY_COUNT`) explore others. A failure
 * prints the seed and the answer's index and recipe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CheckSpec } from '../../src/model/check-spec.ts'
import { applyMeasurement, decideVerdict, finishCheck, initialState } from '../../src/gate/verdict.ts'
import type { Measurement } from '../../src/model/gate-result.ts'
import {
  createPrometheusClient,
  type HttpPrometheusClient,
  type PrometheusClient,
} from '../../src/prometheus/client.ts'
import { measureCheck } from '../../src/gate/measure-check.ts'
import { startTestServer, type TestServer } from '../../testkit/prometheus-api.ts'
import { PrometheusError } from '../../src/prometheus/errors.ts'
import { testName } from './matrix-b-rows.ts'
import {
  expectedOutcome,
  generateAnswer,
  mulberry32,
  type Expected,
  type GeneratedAnswer,
} from './property-prometheus-gen.ts'

const SEED = Number(process.env['PROPERTY_SEED'] ?? 20261122)
const COUNT = Number(process.env['PROPERTY_COUNT'] ?? 2000)
const OUTCOMES: readonly string[] = ['pass', 'breach', 'no-data', 'error']

let server: TestServer
let client: HttpPrometheusClient
const answers: GeneratedAnswer[] = []
const unhandled: unknown[] = []
const onUnhandled = (reason: unknown): void => {
  unhandled.push(reason)
}

beforeAll(async () => {
  const rand = mulberry32(SEED)
  for (let i = 0; i < COUNT; i++) answers.push(generateAnswer(rand, i))
  server = await startTestServer((_req, res, recorded) => {
    const query = new URLSearchParams(recorded.body).get('query') ?? ''
    const answer = answers[Number(/^answer-(\d+)$/.exec(query)?.[1] ?? -1)]
    if (!answer) {
      res.writeHead(418).end()
      return
    }
    const headers: Record<string, string | number> = { 'content-length': answer.body.length }
    if (answer.contentType !== undefined) headers['content-type'] = answer.contentType
    res.writeHead(answer.status, headers)
    if (answer.dropAfterBytes === undefined) {
      res.end(answer.body)
      return
    }
    res.flushHeaders()
    res.write(answer.body.subarray(0, answer.dropAfterBytes), () => res.socket?.destroy())
  })
  client = createPrometheusClient({ url: server.url, headers: {}, timeoutMs: 10_000 })
  process.on('unhandledRejection', onUnhandled)
})

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled)
  await client?.close()
  await server?.close()
})

/** What gate mode does with one query (`measureCheck`, the same code), recording how the query ended. */
async function measureAnswer(
  answer: GeneratedAnswer,
): Promise<{ measurement: Measurement; rejection?: unknown }> {
  let rejection: unknown
  const recording: PrometheusClient = {
    query: (promql, opts) =>
      client.query(promql, opts).catch((err: unknown) => {
        if (promql === `answer-${answer.index}`) rejection = err
        throw err
      }),
  }
  const prober = {
    probe: () => Promise.reject(new Error('no HTTP checks here')),
  }
  const measurement = await measureCheck(spec(answer), new AbortController().signal, {
    prober,
    prometheus: recording,
  })
  return { measurement, ...(rejection === undefined ? {} : { rejection }) }
}

function spec(answer: GeneratedAnswer): CheckSpec {
  const limits = {
    maxConsecutiveFailures: 1,
    maxFailures: 1,
    maxConsecutiveErrors: 1,
    onNoData: answer.onNoData,
  }
  return {
    kind: 'metric',
    name: 'q',
    query: `answer-${answer.index}`,
    ...answer.threshold,
    enforce: true,
    limits,
  }
}

/** SPEC §3.3–3.6 for a check whose only sample had this outcome, with limits of 1. */
function expectedVerdict(outcome: Expected, onNoData: GeneratedAnswer['onNoData']): string {
  const counted =
    outcome === 'no-data' ? { fail: 'breach', pass: 'pass', inconclusive: 'error' }[onNoData] : outcome
  return counted === 'pass' ? 'stable' : counted === 'breach' ? 'failed' : 'inconclusive'
}

function describeAnswer(a: GeneratedAnswer): string {
  const text = a.body.subarray(0, 2000).toString('utf8')
  const body = text.length > 400 ? `${text.slice(0, 200)} … ${text.slice(-200)}` : text
  return (
    `seed ${SEED} (PROPERTY_SEED=${SEED} to replay), answer ${a.index}: HTTP ${a.status} ` +
    `${a.contentType ?? '(no content-type)'}, ${a.body.length} bytes, threshold ${JSON.stringify(a.threshold)}, ` +
    `on-no-data ${a.onNoData}; ${a.recipe.join(', ') || 'well-formed'}\n${body}`
  )
}

describe(testName('R01'), () => {
  it(`${COUNT} generated answers (seed ${SEED}): no exception escapes, pass only when well-formed and within thresholds`, async () => {
    expect(COUNT).toBeGreaterThanOrEqual(1000)
    const seen: Record<Expected, number> = { pass: 0, breach: 0, 'no-data': 0, error: 0 }
    for (const answer of answers) {
      const what = describeAnswer(answer)
      const expected = expectedOutcome(answer)
      seen[expected] += 1
      let taken: Awaited<ReturnType<typeof measureAnswer>>
      try {
        taken = await measureAnswer(answer)
      } catch (err) {
        expect.fail(`an exception escaped (${String(err)}) for ${what}`)
      }
      const { measurement, rejection } = taken
      if (rejection !== undefined) {
        expect(
          rejection,
          `a query rejected with something other than a PrometheusError for ${what}`,
        ).toBeInstanceOf(PrometheusError)
      }
      expect(OUTCOMES, what).toContain(measurement.outcome)
      if (measurement.outcome === 'pass') expect(expected, `pass on ${what}`).toBe('pass')
      expect(measurement.outcome, what).toBe(expected)

      // The evaluator: this sample as the check's only one (limits of 1, so one breach or error decides).
      const check = finishCheck(
        applyMeasurement(initialState(spec(answer)), measurement, spec(answer).limits),
      )
      const { verdict } = decideVerdict([check])
      expect(verdict, `verdict on ${what}`).toBe(expectedVerdict(expected, answer.onNoData))
    }
    expect(unhandled).toEqual([])
    // The generator reaches every outcome often enough for the properties to mean something.
    expect(seen.pass, JSON.stringify(seen)).toBeGreaterThanOrEqual(100)
    expect(seen.breach, JSON.stringify(seen)).toBeGreaterThanOrEqual(100)
    expect(seen['no-data'], JSON.stringify(seen)).toBeGreaterThanOrEqual(20)
    expect(seen.error, JSON.stringify(seen)).toBeGreaterThanOrEqual(300)
    for (const special of [
      'truncated at byte',
      'connection dropped after',
      'padded over 10 MiB',
      'status error',
    ]) {
      const count = answers.filter((a) => a.recipe.some((r) => r.startsWith(special))).length
      expect(count, special).toBeGreaterThan(0)
    }
    console.log(
      `property-prometheus: seed ${SEED}, ${COUNT} answers, expected outcomes ${JSON.stringify(seen)}`,
    )
  }, 120_000)
})
