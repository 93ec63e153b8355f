/** Inputs and config file → one validated, readonly settings object per mode. Pure: every problem at once. */
import { Defaults, Inputs as I, Modes, type Mode } from '../constants.ts'
import type { Problem } from '../errors.ts'
import { buildChecks } from './checks.ts'
import { parseWebUrl, userinfoOf } from '../model/web-url.ts'
import { formatPath } from './config-path.ts'
import type { ConfigFileParser, LoadedConfigFile } from './load.ts'
import { InputReader } from './parse-input.ts'
import type { RawInputs } from './inputs.ts'
import type { CheckSpec, OnNoData, Policy, PrometheusSettings } from '../model/check-spec.ts'
import { parseDuration } from './duration.ts'
import { ConfigFileError } from './read-config-file.ts'

interface BaseSettings {
  readonly token: string
  readonly environment: string
  readonly dryRun: boolean
  /** Every secret value to mask and to redact from reports. */
  readonly secrets: readonly string[]
}

export interface CheckedSettings extends BaseSettings {
  readonly configFile?: LoadedConfigFile
  readonly policy: Policy
  readonly prometheus?: PrometheusSettings
  readonly checks: readonly CheckSpec[]
  readonly checkName?: string
}

export interface GateSettings extends CheckedSettings {
  readonly mode: 'gate'
  readonly sha: string
  readonly failOnInconclusive: boolean
  readonly record: boolean
  readonly environmentUrl?: string
  readonly reportArtifact: string
  readonly reportRetentionDays: number
  /** File name of the rollback workflow, linked from a failed or inconclusive gate's summary. */
  readonly rollbackWorkflow?: string
  /** `job-check-run-id`: the current job's id as the runner gave it; `''` when not given. */
  readonly jobCheckRunId: string
}

export interface ValidateSettings extends CheckedSettings {
  readonly mode: 'validate'
}

export type RollbackTarget =
  { readonly kind: 'run'; readonly runId: number } | { readonly kind: 'sha'; readonly sha: string }

export interface RollbackSettings extends BaseSettings {
  readonly mode: 'rollback'
  readonly deployWorkflow: string
  readonly deployJob: string
  readonly artifactNames: readonly string[]
  readonly artifactRetentionDays: number
  readonly retentionMarginMs: number
  readonly target?: RollbackTarget
  readonly branch?: string
  readonly redeployInput?: string
  readonly wait: boolean
  readonly waitTimeoutMs: number
  readonly reportArtifact: string
}

export type Settings = GateSettings | ValidateSettings | RollbackSettings

export interface SettingsContext {
  readonly env: Readonly<Record<string, string | undefined>>
  /** Reads the config file; throws when it cannot. */
  readonly readFile: (path: string) => string
  /**
   * Parses it (`loadConfigFile`): passed in, so that a run without a config file never loads yaml and zod. Undefined
   * when `configFileInput(raw)` is: then no file is read.
   */
  readonly parseFile: ConfigFileParser | undefined
}

/** The `config` input, as `resolveSettings` reads it: the caller loads the file parser when this is set. */
export function configFileInput(raw: RawInputs): string | undefined {
  return new InputReader(raw).text(I.Config)
}

export function resolveSettings(
  raw: RawInputs,
  ctx: SettingsContext,
): { settings?: Settings; problems: Problem[] } {
  const r = new InputReader(raw)
  const mode = r.oneOf<Mode>(I.Mode, Modes) ?? (r.text(I.Mode) ? undefined : 'gate')
  // An unevaluated `${{ github.token }}` (action.yml's default, as @github/local-action passes it on a laptop) is no
  // token: a token never holds `${{`, and sending it to GitHub would only earn a 401.
  const rawToken = r.text(I.GitHubToken) ?? ''
  const token = /^\$\{\{.*\}\}$/s.test(rawToken) ? '' : rawToken
  const base: BaseSettings = {
    token,
    environment: r.text(I.Environment) ?? Defaults.environment,
    dryRun: r.boolean(I.DryRun, false),
    secrets: token ? [token] : [],
  }
  let settings: Settings | undefined
  if (mode === 'rollback') settings = rollbackSettings(r, base, ctx)
  else if (mode !== undefined) {
    const checked = checkedSettings(r, base, ctx)
    settings =
      mode === 'validate'
        ? { ...checked, mode }
        : {
            ...checked,
            mode,
            sha: gateSha(r, ctx),
            failOnInconclusive: r.boolean(I.FailOnInconclusive, true),
            record: r.boolean(I.Record, true),
            environmentUrl: r.text(I.EnvironmentUrl),
            reportArtifact: r.text(I.ReportArtifact) ?? Defaults.reportArtifact,
            reportRetentionDays: r.integer(I.ReportRetentionDays, 1, 90) ?? Defaults.reportRetentionDays,
            rollbackWorkflow: rollbackWorkflow(r),
            jobCheckRunId: jobCheckRunId(r),
          }
  }
  // Settings come back even with problems: validate reports them all and still checks the valid queries.
  return { settings, problems: r.problems }
}

/** A workflow file name (`rollback.yml`): it becomes part of a link, so nothing else is accepted. */
function rollbackWorkflow(r: InputReader): string | undefined {
  const name = r.text(I.RollbackWorkflow)
  if (name === undefined || /^[A-Za-z0-9][A-Za-z0-9._-]*\.ya?ml$/.test(name)) return name
  return r.fail(
    I.RollbackWorkflow,
    `expected the workflow's file name, e.g. rollback.yml (no directory), got "${name}"`,
  )
}

/** Digits, or empty (GHES without `job.check_run_id`); anything else is an input error. */
function jobCheckRunId(r: InputReader): string {
  const value = r.text(I.JobCheckRunId) ?? ''
  if (value !== '' && !/^\d{1,16}$/.test(value)) {
    r.fail(I.JobCheckRunId, `expected a job id (digits) or nothing; leave this input unset`)
  }
  return value
}

function gateSha(r: InputReader, ctx: SettingsContext): string {
  const sha = r.text(I.Sha) ?? ctx.env.GITHUB_SHA ?? ''
  if (!/^[0-9a-f]{7,40}$/i.test(sha)) {
    r.fail(
      I.Sha,
      sha ? `expected a commit SHA (7 to 40 hex digits), got "${sha}"` : 'not set and GITHUB_SHA is empty',
    )
  }
  return sha.toLowerCase()
}

function checkedSettings(r: InputReader, base: BaseSettings, ctx: SettingsContext): CheckedSettings {
  const configPath = r.text(I.Config)
  let file: LoadedConfigFile | undefined
  if (configPath) {
    let text: string | undefined
    try {
      text = ctx.readFile(configPath)
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      r.fail(
        I.Config,
        err instanceof ConfigFileError
          ? err.message
          : code === 'ENOENT'
            ? `file not found: ${configPath}`
            : `cannot read ${configPath} (${code ?? 'error'})`,
      )
    }
    if (text !== undefined) {
      if (ctx.parseFile) {
        const loaded = ctx.parseFile(configPath, text, ctx.env)
        r.problems.push(...loaded.problems)
        file = loaded.file
      } else {
        r.fail(I.Config, 'internal error: the config file parser was not loaded')
      }
    }
  }
  const policy = resolvePolicy(r, file)
  const secrets = [...base.secrets, ...(file?.secrets ?? [])]
  const prometheus = resolvePrometheus(r, file, secrets)
  const checks = buildChecks(r, file, policy, secrets)
  const prometheusUrlSet = (r.text(I.PrometheusUrl) ?? file?.config.prometheus?.url) !== undefined
  const reported = file?.config.prometheus !== undefined // resolvePrometheus named prometheus.url already
  if (checks.some((c) => c.kind !== 'http') && !prometheus && !prometheusUrlSet && !reported) {
    const names = checks.filter((c) => c.kind !== 'http').map((c) => c.name)
    r.fail(
      I.PrometheusUrl,
      `required by the metric checks ${names.join(', ')} (or set prometheus.url in the config file)`,
    )
  }
  // An empty value (an unset password, an empty header) is nothing to mask: masking '' would mask everything.
  const masked = secrets.filter((s) => s !== '')
  return {
    ...base,
    secrets: masked,
    configFile: file,
    policy,
    prometheus,
    checks,
    checkName: r.text(I.CheckName),
  }
}

function resolvePolicy(r: InputReader, file: LoadedConfigFile | undefined): Policy {
  const p = file?.config.policy ?? {}
  const dur = (name: string, fromFile: string | undefined, fallback: string) =>
    r.duration(name) ?? { ms: parseDuration(fromFile ?? fallback) ?? 0, text: fromFile ?? fallback }
  const startup = dur(I.StartupTimeout, p['startup-timeout'], Defaults.startupTimeout)
  const interval = dur(I.Interval, p.interval, Defaults.interval)
  // validate too: it checks the config a gate will run with.
  if (interval.ms <= 0) {
    const message = `must be longer than 0s, got "${interval.text}"`
    if (r.text(I.Interval) !== undefined || !file) r.fail(I.Interval, message)
    else fileProblem(r, file, ['policy', 'interval'], message)
  }
  return {
    startupTimeoutMs: startup.ms,
    startupTimeoutText: startup.text,
    warmupMs: dur(I.Warmup, p.warmup, Defaults.warmup).ms,
    durationMs: dur(I.Duration, p.duration, Defaults.duration).ms,
    intervalMs: interval.ms,
    maxConsecutiveFailures:
      r.integer(I.MaxConsecutiveFailures, 1) ??
      p['max-consecutive-failures'] ??
      Defaults.maxConsecutiveFailures,
    maxFailures: r.integer(I.MaxFailures, 1) ?? p['max-failures'] ?? Defaults.maxFailures,
    maxConsecutiveErrors:
      r.integer(I.MaxConsecutiveErrors, 1) ?? p['max-consecutive-errors'] ?? Defaults.maxConsecutiveErrors,
    onNoData:
      r.oneOf<OnNoData>(I.OnNoData, ['fail', 'pass', 'inconclusive']) ?? p['on-no-data'] ?? Defaults.onNoData,
  }
}

function resolvePrometheus(
  r: InputReader,
  file: LoadedConfigFile | undefined,
  secrets: string[],
): PrometheusSettings | undefined {
  const fromFile = file?.config.prometheus
  const rawUrl = r.text(I.PrometheusUrl) ?? fromFile?.url
  if (!rawUrl) {
    // SPEC §2: a `prometheus:` section may leave the URL to the input; without either it configures nothing.
    if (file && fromFile) {
      const message = `required: set it here or give the ${I.PrometheusUrl} input`
      // On the `prometheus:` line: the missing key has no line of its own.
      r.problems.push({ path: 'prometheus.url', message, file: file.path, line: file.lineOf(['prometheus']) })
    }
    return undefined
  }
  // A problem with a value from the file names its path and line; one from an input names the input.
  const fail = (input: string, path: readonly string[], fromInput: boolean, message: string): void => {
    if (fromInput || !file) r.fail(input, message)
    else fileProblem(r, file, path, message)
  }
  const url = parseWebUrl(rawUrl)
  if (typeof url === 'string') {
    fail(
      I.PrometheusUrl,
      ['prometheus', 'url'],
      r.text(I.PrometheusUrl) !== undefined,
      'expected an http:// or https:// URL',
    )
    return undefined
  }
  const headers: Record<string, string> = { ...(fromFile?.headers ?? {}) }
  for (const line of r.lines(I.PrometheusHeaders)) {
    const m = /^([A-Za-z0-9!#$%&'*+.^_`|~-]+)\s*:\s*(.*)$/.exec(line)
    if (!m?.[1]) r.fail(I.PrometheusHeaders, 'expected one "Name: value" per line')
    else headers[m[1]] = m[2] ?? ''
  }
  let basicAuth = fromFile?.['basic-auth']
  const username = r.text(I.PrometheusUsername)
  const password = r.text(I.PrometheusPassword)
  if (username !== undefined || password !== undefined)
    basicAuth = { username: username ?? '', password: password ?? '' }
  const userinfo = userinfoOf(url)
  if (userinfo) {
    basicAuth ??= userinfo
    url.username = ''
    url.password = ''
  }
  const bearerToken = r.text(I.PrometheusToken) ?? fromFile?.['bearer-token']
  if (bearerToken && basicAuth) {
    const fromInput = r.text(I.PrometheusToken) !== undefined
    fail(
      I.PrometheusToken,
      ['prometheus', 'bearer-token'],
      fromInput,
      'set either a bearer token or basic auth for Prometheus, not both',
    )
  }
  secrets.push(
    ...Object.values(headers),
    ...(bearerToken ? [bearerToken] : []),
    // `user:password` too: the redactor then also knows its base64, as a server echoes `Basic …` (SPEC §7).
    ...(basicAuth?.password ? [basicAuth.password, `${basicAuth.username}:${basicAuth.password}`] : []),
  )
  return {
    url: url.toString().replace(/\/+$/, ''),
    bearerToken,
    basicAuth,
    headers,
    timeoutMs: parseDuration(fromFile?.timeout ?? Defaults.prometheusTimeout) ?? 10_000,
    caFile: fromFile?.['ca-file'],
  }
}

function fileProblem(r: InputReader, file: LoadedConfigFile, path: readonly string[], message: string): void {
  r.problems.push({ path: formatPath(path), message, file: file.path, line: file.lineOf(path) })
}

function rollbackSettings(r: InputReader, base: BaseSettings, ctx: SettingsContext): RollbackSettings {
  const deployWorkflow =
    r.text(I.DeployWorkflow) ?? r.fail(I.DeployWorkflow, 'required in rollback mode') ?? ''
  const targetText = r.text(I.Target)
  let target: RollbackTarget | undefined
  if (targetText !== undefined) {
    if (/^\d+$/.test(targetText)) target = { kind: 'run', runId: Number(targetText) }
    else if (/^[0-9a-f]{7,40}$/i.test(targetText)) target = { kind: 'sha', sha: targetText.toLowerCase() }
    else
      r.fail(
        I.Target,
        `expected a workflow run id (digits) or a commit SHA (7 to 40 hex digits), got "${targetText}"`,
      )
  }
  const redeployInput = r.text(I.RedeployInput)
  if (redeployInput !== undefined && !/^[A-Za-z_][A-Za-z0-9_-]*$/.test(redeployInput)) {
    r.fail(I.RedeployInput, `expected the name of a workflow_dispatch input, got "${redeployInput}"`)
  }
  if (ctx.env.GITHUB_EVENT_NAME && ctx.env.GITHUB_EVENT_NAME !== 'workflow_dispatch' && !base.dryRun) {
    r.fail(
      I.Mode,
      `rollback runs only on workflow_dispatch (this run was triggered by ${ctx.env.GITHUB_EVENT_NAME}); use dry-run: true to preview the plan`,
    )
  }
  return {
    ...base,
    mode: 'rollback',
    deployWorkflow,
    deployJob: r.text(I.DeployJob) ?? Defaults.deployJob,
    artifactNames: r.lines(I.ArtifactNames),
    artifactRetentionDays: r.integer(I.ArtifactRetentionDays, 1, 400) ?? Defaults.artifactRetentionDays,
    retentionMarginMs: r.duration(I.RetentionMargin, Defaults.retentionMargin)?.ms ?? 0,
    target,
    branch: r.text(I.Branch),
    redeployInput,
    wait: r.boolean(I.Wait, true),
    waitTimeoutMs: r.duration(I.WaitTimeout, Defaults.waitTimeout)?.ms ?? 0,
    reportArtifact: r.text(I.ReportArtifact) ?? Defaults.reportArtifact,
  }
}
