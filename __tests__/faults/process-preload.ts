/**
 * Fault injection for dist/index.js, loaded before it with `NODE_OPTIONS=--import <this file>` by process-faults.test.ts
 * (P06, P07). No input makes a check throw through dist — the prober and the Prometheus client turn every failure of
 * the target into a breach or an error measurement — so this makes code running inside a check throw, the way a bug
 * would, and the tests show what the action does with it. Inert unless `MATRIX_B_FAULT` names a fault:
 *
 * - `http-decode`: decoding a health response body that contains {@link HTTP_MARKER} throws a TypeError (inside the
 *   HTTP prober's exchange);
 * - `metric-value`: `Number.isFinite` throws a RangeError for {@link METRIC_VALUE} (first called on it while the
 *   Prometheus answer is decoded, inside the metric check).
 */

export const HTTP_MARKER = 'matrix-b-fault:throw-inside-the-check'
export const METRIC_VALUE = 4242.4242

const fault = process.env['MATRIX_B_FAULT']

if (fault === 'http-decode') {
  type Decode = (this: unknown, input?: unknown, options?: unknown) => string
  const proto = TextDecoder.prototype as unknown as { decode: Decode }
  const decode = Reflect.get(proto, 'decode')
  proto.decode = function (this: unknown, input?: unknown, options?: unknown): string {
    const text = decode.call(this, input, options)
    if (text.includes(HTTP_MARKER)) throw new TypeError('injected fault: the body decoder threw')
    return text
  }
}

if (fault === 'metric-value') {
  const isFinite = Number.isFinite
  Number.isFinite = (value: unknown): boolean => {
    if (value === METRIC_VALUE) throw new RangeError('injected fault: Number.isFinite threw')
    return isFinite(value)
  }
}
