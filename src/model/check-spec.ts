/** The resolved configuration: inputs and config file merged, validated, durations in milliseconds. */

export type OnNoData = 'fail' | 'pass' | 'inconclusive'

export type Builtin = 'cpu' | 'memory' | 'disk' | 'vram' | 'kv-cache' | 'up'

/** Per-check limits; each check may override the policy's values. */
export interface CheckLimits {
  readonly maxConsecutiveFailures: number
  readonly maxFailures: number
  readonly maxConsecutiveErrors: number
  readonly onNoData: OnNoData
}

/** Global timing of the gate. `startupTimeoutText` keeps the duration as the user wrote it, for messages. */
export interface Policy extends CheckLimits {
  readonly startupTimeoutMs: number
  readonly startupTimeoutText: string
  readonly warmupMs: number
  readonly durationMs: number
  readonly intervalMs: number
}

export interface ExpectJson {
  /** Dot path into the JSON body, e.g. `status.db`. */
  readonly path: string
  readonly equals: string | number | boolean | null
}

export interface HttpCheckSpec {
  readonly kind: 'http'
  readonly name: string
  readonly url: string
  readonly method: 'GET' | 'HEAD' | 'POST'
  readonly headers: Readonly<Record<string, string>>
  /** Accepted statuses; undefined means any 2xx. */
  readonly expectStatus?: readonly number[]
  readonly expectBody?: string
  readonly expectJson?: ExpectJson
  readonly maxLatencyMs?: number
  readonly timeoutMs: number
  readonly followRedirects: boolean
  readonly enforce: boolean
  readonly limits: CheckLimits
  /** 1-based line of the check in the config file, when it came from one. */
  readonly line?: number
}

/** SPEC §2 "Baselines": compare each series with itself in the `window` before the deploy. */
export interface BaselineSpec {
  readonly windowMs: number
  /** The window as written (`30m`), for messages: `no baseline in the 30m before the deploy`. */
  readonly windowText: string
  /** Fractions: `100%` is 1. At least one of the two is set. */
  readonly maxIncrease?: number
  readonly maxDecrease?: number
  /** In query units; default 0. */
  readonly minDelta: number
  /** The window ends this long before the deploy's start (`1d`: the same window yesterday); 0 by default. */
  readonly offsetMs: number
  /** The offset as written (`1d`), for messages; `0s` when none. */
  readonly offsetText: string
  /**
   * Share of the window's values taken as the series' normal noise, centred (0.98 → the 1st to the 99th percentile);
   * 0 = the median alone (no band).
   */
  readonly band: number
}

/**
 * SPEC §2 "Pre-existing breaches": `fail` (default) counts every breach of an absolute bound; `report` lets a series
 * that was already beyond the bound before the deploy pass while it gets no worse.
 */
export type PreExisting = 'fail' | 'report'

/** SPEC §2 "Service checks": the service's errors, latency and traffic, each a metric check. */
export type ServiceSignal = 'errors' | 'latency' | 'traffic'

/** What makes a metric check one of a service's checks; its query is built at gate start, once detected. */
export interface ServiceBinding {
  /** The service's name (`service` for the `service-selector` input). */
  readonly service: string
  readonly signal: ServiceSignal
  /** Validated label matchers. */
  readonly selector: string
  /** `auto`, or a catalogue convention id (services/catalogue.ts). */
  readonly convention: string
  readonly rateWindowMs: number
  readonly rateWindowText: string
  /** Requests per second below which errors and latency are not judged. */
  readonly minTraffic: number
  /** The latency quantile, 0.95 by default. */
  readonly quantile: number
}

export interface MetricCheckSpec {
  readonly kind: 'metric'
  readonly name: string
  /** Set for built-in checks; `query` is then the built PromQL. */
  readonly builtin?: Builtin
  readonly selector?: string
  readonly query: string
  readonly min?: number
  readonly max?: number
  readonly baseline?: BaselineSpec
  /** Default `fail`; `report` only on a check with `min` or `max`. */
  readonly preExisting?: PreExisting
  /** A service's check: `query` is '' until the gate has detected the service's convention. */
  readonly service?: ServiceBinding
  /** The query the window before the deploy is read with, when a round's `query` differs (a service check's range). */
  readonly baselineQuery?: string
  readonly enforce: boolean
  readonly limits: CheckLimits
  readonly line?: number
  /** Line of the key a rejected or empty query is annotated on: `query:`, or a built-in's `selector:`. */
  readonly queryLine?: number
}

/** SPEC §2 "Alerts": the team's own alert rules, read from `<prometheus-url>/api/v1/alerts`. */
export interface AlertsCheckSpec {
  readonly kind: 'alerts'
  readonly name: string
  /** Label matchers on alert labels, or `all`. */
  readonly selector: string
  readonly includePending: boolean
  readonly enforce: boolean
  readonly limits: CheckLimits
  readonly line?: number
}

export type CheckSpec = HttpCheckSpec | MetricCheckSpec | AlertsCheckSpec

export interface PrometheusSettings {
  /** Base URL including any path prefix, without a trailing slash. */
  readonly url: string
  readonly bearerToken?: string
  readonly basicAuth?: { readonly username: string; readonly password: string }
  readonly headers: Readonly<Record<string, string>>
  readonly timeoutMs: number
  /** PEM file with extra trusted CAs. */
  readonly caFile?: string
}
