/**
 * The config file schema (SPEC §2): the single source of truth. `schema/deploy-gate.schema.json` is generated from it
 * (`npm run schema`) and a test fails when the committed file is stale.
 */
import { z } from 'zod'
import { DURATION_HINT, DURATION_PATTERN, parseDuration } from './duration.ts'
import { DEFAULT_BAND_TEXT } from '../model/baseline-defaults.ts'
import { CONVENTION_IDS } from '../services/catalogue.ts'

export const CHECK_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/
export const CHECK_NAME_HINT =
  'expected a name of letters, digits, "-", "_" or "." (at most 64 characters, starting with a letter or digit)'

const duration = z
  .string({ error: DURATION_HINT })
  .regex(DURATION_PATTERN, DURATION_HINT)
  .meta({ description: 'A duration: 500ms, 10s, 5m, 1h, 1h30m, 1d', examples: ['10s', '5m'] })

/** A timeout or latency limit: `0s` would make every request fail at once. */
const positiveDuration = duration.refine((v) => (parseDuration(v) ?? 0) > 0, 'must be longer than 0s')

const count = z.int({ error: 'expected a whole number' }).min(1, 'expected a whole number of at least 1')
const onNoData = z.enum(['fail', 'pass', 'inconclusive'])
export const preExisting = z.enum(['fail', 'report'])

/** Limits every check may override (SPEC §2 rules). */
const limitsShape = {
  'max-consecutive-failures': count.optional().meta({ description: 'Fail at this many breaches in a row' }),
  'max-failures': count.optional().meta({ description: 'Fail at this many breaches in the window' }),
  'max-consecutive-errors': count
    .optional()
    .meta({ description: 'Inconclusive at this many measurement errors in a row' }),
  'on-no-data': onNoData.optional().meta({ description: 'How an empty or NaN result counts' }),
}

const name = z.string().regex(CHECK_NAME, CHECK_NAME_HINT)

/** RFC 9110 token: what undici accepts as a header name. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/
/** What undici accepts in a header value: tab, visible ASCII, space and Latin-1; anything else throws per request. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/
/**
 * Request headers, checked here (after `${NAME}` interpolation) so that a value no request could carry — typically a
 * secret read with its trailing newline — is a config error before anything is recorded, not an exception inside every
 * measurement. Refinements only: the generated JSON Schema stays a plain string map.
 */
const headerMap = z
  .record(
    z.string(),
    z
      .string()
      .refine(
        (value) => HEADER_VALUE.test(value),
        'expected a header value without line breaks, control characters or characters beyond Latin-1 ' +
          '(check a ${NAME} value for a trailing newline)',
      ),
  )
  .superRefine((headers, ctx) => {
    for (const header of Object.keys(headers)) {
      if (!HEADER_NAME.test(header)) {
        ctx.addIssue({
          code: 'custom',
          path: [header],
          message: "expected a header name of letters, digits and !#$%&'*+.^_`|~- (no spaces or colons)",
        })
      }
    }
  })

export const policySchema = z.strictObject({
  'startup-timeout': duration.optional(),
  warmup: duration.optional(),
  duration: duration.optional(),
  interval: duration.optional(),
  ...limitsShape,
})

export const prometheusSchema = z.strictObject({
  url: z.string().min(1).optional().meta({
    description:
      'Base URL including any path prefix; ${NAME} allowed. Optional when the prometheus-url input is given',
  }),
  'bearer-token': z
    .string()
    // Sent as `Authorization: Bearer …`: the same rule as header values (a secret file read with its newline).
    .refine(
      (value) => HEADER_VALUE.test(value),
      'expected a token without line breaks, control characters or characters beyond Latin-1 ' +
        '(check a ${NAME} value for a trailing newline)',
    )
    .optional()
    .meta({ description: 'Bearer token, masked; ${NAME} allowed' }),
  'basic-auth': z.strictObject({ username: z.string(), password: z.string() }).optional(),
  headers: headerMap.optional().meta({ description: 'Extra request headers, values masked' }),
  timeout: positiveDuration.optional().meta({ description: 'Per-query timeout, default 10s' }),
  'ca-file': z.string().min(1).optional().meta({ description: 'Extra trusted CA (PEM file)' }),
})

export const httpCheckSchema = z.strictObject({
  name,
  url: z.string().min(1),
  method: z.enum(['GET', 'HEAD', 'POST']).optional(),
  headers: headerMap.optional(),
  'expect-status': z
    .array(
      z
        .int()
        .min(100, 'expected an HTTP status from 100 to 599')
        .max(599, 'expected an HTTP status from 100 to 599'),
    )
    .min(1)
    .optional(),
  'expect-body': z.string().min(1).optional(),
  'expect-json': z
    .strictObject({
      path: z.string().min(1),
      equals: z.union([z.string(), z.number(), z.boolean(), z.null()]),
    })
    .optional(),
  'max-latency': positiveDuration.optional(),
  timeout: positiveDuration.optional(),
  'follow-redirects': z.boolean().optional(),
  enforce: z.boolean().optional(),
  ...limitsShape,
})

export const BUILTINS = ['cpu', 'memory', 'disk', 'vram', 'kv-cache', 'up'] as const

const finite = z.number({ error: 'expected a number' }).refine(Number.isFinite, 'expected a finite number')

const PERCENT_PATTERN = /^\d+(\.\d+)?%$/
const percent = z
  .string({ error: 'expected a percentage such as "50%"' })
  .regex(PERCENT_PATTERN, 'expected a percentage such as "50%"')
  .refine((v) => Number.parseFloat(v) > 0, 'expected a percentage above 0%')

/** A share of a window from 0% to 100% (the `band`). */
const share = z
  .string({ error: 'expected a percentage such as "98%"' })
  .regex(PERCENT_PATTERN, 'expected a percentage such as "98%"')
  .refine((v) => Number.parseFloat(v) <= 100, 'expected at most 100%')

/** SPEC §2 "Baselines". */
export const baselineSchema = z
  .strictObject({
    window: positiveDuration.optional().meta({ description: 'The window before the deploy, default 30m' }),
    offset: duration.optional().meta({
      description:
        'The window ends this long before the deploy (1d: the same window yesterday, 7d: last week); default 0s',
    }),
    band: share.optional().meta({
      description: `Share of the window's values taken as the series' normal noise (centred), default ${DEFAULT_BAND_TEXT}; 0% = the median alone`,
    }),
    'max-increase': percent.optional().meta({ description: 'Breach above baseline × (1 + this), e.g. 100%' }),
    'max-decrease': percent
      .refine((v) => Number.parseFloat(v) <= 100, 'expected at most 100%')
      .optional()
      .meta({ description: 'Breach below baseline × (1 − this), e.g. 50%' }),
    'min-delta': z
      .number({ error: 'expected a number' })
      .refine(Number.isFinite, 'expected a finite number')
      .min(0, 'expected a number of at least 0')
      .optional()
      .meta({ description: 'A change smaller than this (query units) never breaches; default 0' }),
  })
  .refine((b) => b['max-increase'] !== undefined || b['max-decrease'] !== undefined, {
    message: 'set max-increase, max-decrease or both',
  })

export const metricCheckSchema = z
  .strictObject({
    name,
    builtin: z.enum(BUILTINS).optional(),
    selector: z.string().optional().meta({ description: 'Label matchers, e.g. instance="web-1:9100"' }),
    query: z.string().min(1).optional(),
    max: finite.optional(),
    min: finite.optional(),
    baseline: baselineSchema.optional().meta({ description: 'Compare each series with before the deploy' }),
    'pre-existing': preExisting.optional().meta({
      description:
        'fail (default: the pre-existing input) or report: a series already beyond max/min before the deploy passes while it gets no worse',
    }),
    enforce: z.boolean().optional().meta({ description: 'false: a shadow check, reported only' }),
    ...limitsShape,
  })
  .superRefine((check, ctx) => {
    if ((check.builtin === undefined) === (check.query === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'set exactly one of builtin or query', path: [] })
    }
    if (check.query !== undefined && check.selector !== undefined) {
      ctx.addIssue({ code: 'custom', message: 'selector applies to builtin checks only', path: ['selector'] })
    }
    // With both builtin and query set, only that is reported (not "up checks need max or min").
    const needsBound = check.builtin === undefined ? check.query !== undefined : check.builtin === 'kv-cache'
    // SPEC §2: a query check may rely on its baseline alone; kv-cache still needs an absolute bound.
    const baselineEnough = check.builtin === undefined && check.baseline !== undefined
    if (needsBound && check.max === undefined && check.min === undefined && !baselineEnough) {
      ctx.addIssue({
        code: 'custom',
        message:
          check.builtin === undefined
            ? 'query checks need max, min or a baseline'
            : `${check.builtin} checks need max or min`,
        path: [],
      })
    }
    if (
      check['pre-existing'] === 'report' &&
      check.builtin === undefined &&
      check.max === undefined &&
      check.min === undefined
    ) {
      ctx.addIssue({
        code: 'custom',
        message: 'pre-existing: report needs max or min (it is about breaches of an absolute bound)',
        path: ['pre-existing'],
      })
    }
    if (check.min !== undefined && check.max !== undefined && check.min > check.max) {
      ctx.addIssue({
        code: 'custom',
        message: `min ${check.min} is greater than max ${check.max}`,
        path: ['min'],
      })
    }
  })

/** SPEC §2 "Alerts": the selector is checked by config/checks.ts (the matcher grammar, or `all`). */
export const alertsCheckSchema = z.strictObject({
  name: name.optional().meta({ description: 'Default "alerts"' }),
  selector: z
    .string()
    .min(1, 'expected label matchers such as severity="critical", or all')
    .meta({ description: 'Matchers on alert labels (severity="critical"), or all' }),
  'include-pending': z.boolean().optional().meta({ description: 'Count pending alerts too; default false' }),
  enforce: z.boolean().optional().meta({ description: 'false: a shadow check, reported only' }),
  ...limitsShape,
})

/** One of a service's checks (SPEC §2 "Service checks"): what a metric check takes, or `off`. */
const serviceSignalShape = {
  max: finite.optional(),
  min: finite.optional(),
  baseline: baselineSchema
    .optional()
    .meta({ description: 'Compare with before the deploy (default: the README setting)' }),
  'pre-existing': preExisting.optional(),
  enforce: z.boolean().optional().meta({ description: 'false: a shadow check, reported only' }),
  ...limitsShape,
}
const serviceSignal = z.union([z.literal('off'), z.strictObject(serviceSignalShape)])
const quantile = z
  .number({ error: 'expected a number' })
  .refine((q) => q > 0 && q < 1, 'expected a number between 0 and 1, such as 0.95')

export const serviceSchema = z.strictObject({
  name: name.meta({ description: 'Its checks are <name>-errors, <name>-latency, <name>-traffic' }),
  selector: z
    .string()
    .min(1, 'expected label matchers such as job="api"')
    .meta({ description: 'Label matchers of the service\'s own metrics, e.g. job="api"' }),
  convention: z
    .enum(['auto', ...CONVENTION_IDS] as [string, ...string[]])
    .optional()
    .meta({ description: 'auto (default) or a catalogue name to skip detection' }),
  'rate-window': positiveDuration
    .optional()
    .meta({ description: 'The range of rate() in every query, default 5m' }),
  'min-traffic': z
    .number({ error: 'expected a number' })
    .min(0, 'expected a number of at least 0')
    .optional()
    .meta({ description: 'req/s below which errors and latency are not judged, default 0.05' }),
  errors: serviceSignal
    .optional()
    .meta({ description: 'Share of 5xx answers (0–1); default max 0.05 and a baseline' }),
  latency: z
    .union([z.literal('off'), z.strictObject({ ...serviceSignalShape, quantile: quantile.optional() })])
    .optional()
    .meta({ description: 'p95 in seconds; default max 2 and a baseline' }),
  traffic: serviceSignal
    .optional()
    .meta({ description: 'Requests per second; default a baseline (max-decrease)' }),
})

export const configFileSchema = z
  .strictObject({
    version: z.literal(1, 'expected version: 1'),
    policy: policySchema.optional(),
    prometheus: prometheusSchema.optional(),
    http: z.array(httpCheckSchema).optional(),
    metrics: z.array(metricCheckSchema).optional(),
    alerts: z.array(alertsCheckSchema).optional(),
    services: z.array(serviceSchema).optional(),
  })
  .meta({
    title: 'deploy-gate configuration',
    description: 'Config file of the deploy-gate GitHub Action (version 1).',
  })

export type ConfigFile = z.infer<typeof configFileSchema>
export type HttpCheckConfig = z.infer<typeof httpCheckSchema>
export type MetricCheckConfig = z.infer<typeof metricCheckSchema>
export type AlertsCheckConfig = z.infer<typeof alertsCheckSchema>
export type ServiceConfig = z.infer<typeof serviceSchema>

/** The JSON Schema committed at schema/deploy-gate.schema.json. */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(configFileSchema, { target: 'draft-2020-12', io: 'input' }),
    $id: 'https://raw.githubusercontent.com/deploy-gate/deploy-gate/main/schema/deploy-gate.schema.json',
  }
}
