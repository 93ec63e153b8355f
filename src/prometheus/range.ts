/** Decoding of `/api/v1/query_range` answers (baselines): one array of real-or-not values per series. Pure. */
import { PrometheusError } from './errors.ts'
import {
  decodeEnvelope,
  decodeLabels,
  isObject,
  parseSampleValue,
  unexpected,
  type Json,
} from './response.ts'
import type { RawAnswer } from './response.ts'

export interface RangeSeries {
  readonly labels: Readonly<Record<string, string>>
  /** Sample values in time order; NaN/±Inf kept as such (the baseline leaves them out). */
  readonly values: readonly number[]
}

export function decodeRangeAnswer(answer: RawAnswer): RangeSeries[] {
  const { value: payload } = decodeEnvelope(answer)
  if (!isObject(payload)) throw unexpected('"data" is not an object')
  if (payload.resultType !== 'matrix') {
    throw new PrometheusError(
      `Prometheus returned a ${JSON.stringify(payload.resultType)} result for a range query; expected a matrix`,
      { kind: 'unexpected-result' },
    )
  }
  const result = payload.result
  if (!Array.isArray(result)) throw unexpected('matrix "result" is not an array')
  return result.map(decodeMatrixSeries)
}

function decodeMatrixSeries(entry: Json): RangeSeries {
  if (!isObject(entry)) throw unexpected('a matrix series is not an object')
  const values = entry.values ?? []
  if (!Array.isArray(values)) {
    if (entry.histograms !== undefined) {
      throw unexpected(
        'native histogram samples are not supported; reduce them to a number in the query',
        true,
      )
    }
    throw unexpected('matrix "values" is not an array')
  }
  return {
    labels: decodeLabels(entry.metric ?? {}),
    values: values.map((pair) => {
      if (
        !Array.isArray(pair) ||
        pair.length !== 2 ||
        typeof pair[0] !== 'number' ||
        typeof pair[1] !== 'string'
      ) {
        throw unexpected('a sample is not a [timestamp, "value"] pair')
      }
      return parseSampleValue(pair[1])
    }),
  }
}
