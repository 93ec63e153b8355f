import { describe, expect, it } from 'vitest'
import type { SeriesValue } from '../../src/model/gate-result.ts'
import { PrometheusError } from '../../src/prometheus/errors.ts'
import { errorMeasurement, formatMeasured, labelText, measureSeries } from '../../src/prometheus/measure.ts'
import { decodeQueryAnswer } from '../../src/prometheus/response.ts'
import { loadApiFixture } from '../../testkit/prometheus-api.ts'

const AT = '2026-11-22T02:51:16.000Z'
const GPU = { gpu: '0', instance: '10.1.0.7:9400' }

function one(value: number, labels: Record<string, string> = GPU): SeriesValue[] {
  return [{ labels, value }]
}

/** The series of a recorded Prometheus answer, decoded as the client decodes it. */
function fixtureSeries(name: string): readonly SeriesValue[] {
  const fixture = loadApiFixture(name)
  return decodeQueryAnswer({
    status: fixture.status,
    contentType: 'application/json',
    body: fixture.body.toString(),
  }).series
}

describe('measureSeries thresholds', () => {
  it.each<[string, number, { min?: number; max?: number }, string, string | undefined]>([
    ['below max', 94.9, { max: 95 }, 'pass', undefined],
    ['exactly at max', 95, { max: 95 }, 'pass', undefined],
    ['above max', 96.3, { max: 95 }, 'breach', '96.3 > 95 on gpu="0",instance="10.1.0.7:9400"'],
    ['a hair above max', 95.0004, { max: 95 }, 'breach', '95.0004 > 95 on gpu="0",instance="10.1.0.7:9400"'],
    ['above min', 2, { min: 1 }, 'pass', undefined],
    ['exactly at min', 1, { min: 1 }, 'pass', undefined],
    ['below min', 0, { min: 1 }, 'breach', '0 < 1 on gpu="0",instance="10.1.0.7:9400"'],
    [
      'below min of a band',
      40,
      { min: 50, max: 95 },
      'breach',
      '40 < 50 on gpu="0",instance="10.1.0.7:9400"',
    ],
    ['inside a band', 70, { min: 50, max: 95 }, 'pass', undefined],
    ['NaN', Number.NaN, { max: 95 }, 'no-data', 'the only series is NaN on gpu="0",instance="10.1.0.7:9400"'],
    [
      '+Inf',
      Number.POSITIVE_INFINITY,
      { max: 95 },
      'no-data',
      'the only series is +Inf on gpu="0",instance="10.1.0.7:9400"',
    ],
    [
      '-Inf',
      Number.NEGATIVE_INFINITY,
      { min: 1 },
      'no-data',
      'the only series is -Inf on gpu="0",instance="10.1.0.7:9400"',
    ],
  ])('%s: %s against %j → %s', (_name, value, threshold, outcome, reason) => {
    const measurement = measureSeries(one(value), threshold, AT)
    expect(measurement.outcome).toBe(outcome)
    expect(measurement.reason).toBe(reason)
    expect(measurement.at).toBe(AT)
    if (outcome === 'no-data') expect(measurement.value).toBeUndefined()
    else expect(measurement.value).toBe(value)
    expect(measurement.series).toEqual(
      outcome === 'breach' ? one(value) : outcome === 'pass' ? [] : undefined,
    )
  })

  it('says so when nothing matched', () => {
    expect(measureSeries([], { max: 95 }, AT)).toEqual({
      at: AT,
      outcome: 'no-data',
      reason: 'no series matched',
    })
  })

  it('says so when every series is NaN or ±Inf', () => {
    const series = [
      { labels: { gpu: '0' }, value: Number.NaN },
      { labels: { gpu: '1' }, value: Number.POSITIVE_INFINITY },
    ]
    expect(measureSeries(series, { max: 95 }, AT)).toEqual({
      at: AT,
      outcome: 'no-data',
      reason: 'all 2 series are NaN or ±Inf',
    })
  })

  it.each<[string, string, { min?: number; max?: number }]>([
    ['query-nan', 'the only series is NaN', { max: 95 }],
    ['query-pos-inf', 'the only series is +Inf', { max: 95 }],
    ['query-neg-inf', 'the only series is -Inf', { min: 1 }],
    ['query-builtin-kv-cache-empty', 'no series matched', { max: 90 }],
  ])('recorded answer %s is no-data: %s', (fixture, reason, threshold) => {
    expect(measureSeries(fixtureSeries(fixture), threshold, AT)).toEqual({
      at: AT,
      outcome: 'no-data',
      reason,
    })
  })
})

describe('measureSeries on the recorded disk answer (5 mounts, 2 of them NaN)', () => {
  const disk = fixtureSeries('query-builtin-disk')

  it('leaves the NaN fuse mounts out and breaches on / at 92.2 > 85', () => {
    const measurement = measureSeries(disk, { max: 85 }, AT)
    expect(measurement.outcome).toBe('breach')
    expect(measurement.value).toBe(92.24514432709506)
    expect(measurement.reason).toBe('92.2 > 85 on mountpoint="/"')
    expect(measurement.series?.map((s) => s.labels.mountpoint)).toEqual(['/'])
    expect(measurement.ignoredSeries?.map((s) => s.labels.mountpoint)).toEqual([
      '/run/user/1000/doc',
      '/run/user/1000/gvfs',
    ])
  })

  it('passes at 95 with the highest real value and names the ignored series', () => {
    const measurement = measureSeries(disk, { max: 95 }, AT)
    expect(measurement).toMatchObject({ outcome: 'pass', value: 92.24514432709506, series: [] })
    expect(measurement.ignoredSeries).toHaveLength(2)
    expect(measurement.reason).toBe('2 series are NaN or ±Inf, ignored')
  })

  it('names the worst of several breaching series and counts the rest', () => {
    const measurement = measureSeries(disk, { max: 80 }, AT)
    expect(measurement.value).toBe(92.24514432709506)
    expect(measurement.series?.map((s) => s.labels.mountpoint)).toEqual(['/', '/media/sf_D_DRIVE'])
    expect(measurement.reason).toMatch(/^92\.2 > 80 on .*mountpoint="\/" \(\+1 more\)$/)
  })

  it('takes the lowest value for a min-only check', () => {
    expect(measureSeries(disk, { min: 0 }, AT)).toMatchObject({
      outcome: 'pass',
      value: 0.0007644558603137064,
    })
  })
})

describe('measureSeries worst value', () => {
  const series = [
    { labels: { gpu: '0' }, value: 96 },
    { labels: { gpu: '1' }, value: 99.5 },
    { labels: { gpu: '2' }, value: 20 },
    { labels: { gpu: '3' }, value: 97 },
  ]

  it.each<[string, { min?: number; max?: number }, string, number, string | undefined]>([
    ['max: the highest above max', { max: 95 }, 'breach', 99.5, '99.5 > 95 on gpu="1" (+2 more)'],
    [
      'band: the one furthest past either side',
      { min: 30, max: 95 },
      'breach',
      20,
      '20 < 30 on gpu="2" (+3 more)',
    ],
    [
      'band: furthest past max wins over a small miss below min',
      { min: 21, max: 90 },
      'breach',
      99.5,
      '99.5 > 90 on gpu="1" (+3 more)',
    ],
    ['max pass: the highest', { max: 100 }, 'pass', 99.5, undefined],
    ['min pass: the lowest', { min: 10 }, 'pass', 20, undefined],
    ['band pass: the nearest a threshold', { min: 19.8, max: 100 }, 'pass', 20, undefined],
  ])('%s', (_name, threshold, outcome, value, reason) => {
    const measurement = measureSeries(series, threshold, AT)
    expect(measurement.outcome).toBe(outcome)
    expect(measurement.value).toBe(value)
    expect(measurement.reason).toBe(reason)
  })

  it('lists breaching series worst first', () => {
    const measurement = measureSeries(series, { max: 95 }, AT)
    expect(measurement.series?.map((s) => s.value)).toEqual([99.5, 97, 96])
  })

  it('omits "on" for a series without labels (a scalar)', () => {
    expect(measureSeries([{ labels: {}, value: 3 }], { max: 2 }, AT).reason).toBe('3 > 2')
  })
})

describe('labelText', () => {
  it('sorts, drops __name__ and quotes values', () => {
    expect(labelText({ job: 'gpu', __name__: 'DCGM_FI_DEV_FB_USED', gpu: '0', note: 'say "hi"\\' })).toBe(
      'gpu="0",job="gpu",note="say \\"hi\\"\\\\"',
    )
  })

  it('writes an empty label set as {}', () => {
    expect(labelText({})).toBe('{}')
    expect(labelText({ __name__: 'up' })).toBe('{}')
  })

  it('shortens a long DCGM label set to the identifying labels', () => {
    const [t4] = fixtureSeries('query-raw-dcgm-fb-used')
    const text = labelText(t4!.labels)
    expect(text.length).toBeLessThan(140)
    expect(text).toContain('gpu="0"')
    expect(text).toContain('instance="127.0.0.1:19194"')
    expect(text).toContain('UUID="GPU-20c56d28-0da5-6d26-a36a-e7af1ce2586e"')
    expect(text).toMatch(/,… \(\+\d labels\)$/)
    expect(text).not.toContain('__name__')
  })

  it('keeps a short set whole', () => {
    const [uname] = fixtureSeries('query-raw-node-uname-info')
    expect(labelText(uname!.labels, { maxChars: 1000 })).toBe(
      'domainname="(none)",instance="127.0.0.1:19192",job="node",machine="x86_64",nodename="ubuntu-vm",' +
        'release="5.11.0-46-generic",sysname="Linux",version="#51~20.04.1-Ubuntu SMP Fri Jan 7 06:51:40 UTC 2022"',
    )
  })
})

describe('formatMeasured', () => {
  it.each<[number, number | undefined, string]>([
    [96.3, undefined, '96.3'],
    [92.24514432709506, undefined, '92.2'],
    [0.0007644558603137064, undefined, '0.000764'],
    [100, undefined, '100'],
    [20780679168, undefined, '20780679168'],
    [1234567.8, undefined, '1234568'],
    [-12.345, undefined, '-12.3'],
    // The gate's round log line used its own formatter until issue 13; these are where the two disagreed.
    [123.456, undefined, '123'],
    [-150.5, undefined, '-151'],
    [95.0004, 95, '95.0004'],
    [Number.NaN, undefined, 'NaN'],
    [Number.POSITIVE_INFINITY, undefined, '+Inf'],
    [Number.NEGATIVE_INFINITY, undefined, '-Inf'],
  ])('%s (threshold %s) → %s', (value, threshold, text) => {
    expect(formatMeasured(value, threshold)).toBe(text)
  })
})

describe('errorMeasurement', () => {
  it('takes the PrometheusError message as the reason', () => {
    const error = new PrometheusError('Prometheus query timed out after 10s', { kind: 'timeout' })
    expect(errorMeasurement(error, AT)).toEqual({
      at: AT,
      outcome: 'error',
      reason: 'Prometheus query timed out after 10s',
    })
  })

  it('marks anything else as unexpected, even a non-Error', () => {
    expect(errorMeasurement(new TypeError('x is undefined'), AT).reason).toBe(
      'unexpected error: x is undefined',
    )
    expect(errorMeasurement('boom', AT)).toEqual({
      at: AT,
      outcome: 'error',
      reason: 'unexpected error: boom',
    })
  })
})

describe('breach reasons name the fewest labels that tell the series apart', () => {
  const gpu = (instance: string, index: string, value: number): SeriesValue => ({
    labels: {
      __name__: 'x',
      Hostname: instance.split(':')[0]!,
      UUID: `GPU-${instance}-${index}`,
      device: `nvidia${index}`,
      gpu: index,
      instance,
      job: 'dcgm',
      modelName: 'NVIDIA A100-SXM4-40GB',
    },
    value,
  })
  const at = '2026-11-22T00:00:00Z'

  it.each([
    [
      'one host, two GPUs: the GPU index alone',
      [gpu('ai-1:9400', '0', 96.3), gpu('ai-1:9400', '1', 91)],
      'gpu="0"',
    ],
    [
      'two hosts with a GPU 0 each: the instance and the GPU',
      [gpu('ai-1:9400', '0', 96.3), gpu('ai-2:9400', '0', 91), gpu('ai-1:9400', '1', 90)],
      'gpu="0",instance="ai-1:9400"',
    ],
    [
      'a lone series: its identifying labels, not job',
      [gpu('ai-1:9400', '0', 96.3)],
      'Hostname="ai-1",UUID="GPU-ai-1:9400-0",device="nvidia0",gpu="0",instance="ai-1:9400",modelName="NVIDIA A100-SXM4-40GB"',
    ],
  ])('%s', (_name, series, labels) => {
    const m = measureSeries(series, { max: 95, unit: '%' }, at)
    expect(m.reason).toBe(`96.3% > 95% on ${labels}`)
  })
})

describe('decoding label sets', () => {
  const decode = (metric: string) =>
    decodeQueryAnswer({
      status: 200,
      contentType: 'application/json',
      body: `{"status":"success","data":{"resultType":"vector","result":[{"metric":${metric},"value":[1,"1"]}]}}`,
    }).series[0]!.labels

  it('keeps a hostile `__proto__` label as a label, not as the prototype', () => {
    const labels = decode('{"__proto__":"x","job":"node"}')
    expect(Object.keys(labels)).toEqual(['__proto__', 'job'])
    expect(Object.getPrototypeOf(labels)).toBe(Object.prototype)
  })

  it('refuses a label value that is not a string, naming the label', () => {
    expect(() => decode('{"job":1}')).toThrow(/label job is not a string/)
  })
})
