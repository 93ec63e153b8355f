import { describe, expect, it } from 'vitest'
import { Inputs, type InputName } from '../../src/constants.ts'
import type { RawInputs } from '../../src/config/inputs.ts'
import { loadConfigFile } from '../../src/config/load.ts'
import {
  configFileInput,
  resolveSettings,
  type GateSettings,
  type RollbackSettings,
  type Settings,
  type ValidateSettings,
} from '../../src/config/settings.ts'
import type { HttpCheckSpec, MetricCheckSpec } from '../../src/model/check-spec.ts'
import type { Problem } from '../../src/errors.ts'
import { builtinQuery } from '../../src/model/builtins.ts'

const SHA = '0123456789abcdef0123456789abcdef01234567'
const CONFIG = '.github/deploy-gate.yml'
const HEALTH = 'https://app.example.com/health'
const PROM = 'https://prom.example.com'

type Overrides = Partial<Record<InputName, string>>

interface Run {
  /** Input values; every other input is '' (not set), as the runner passes them. */
  readonly inputs?: Overrides
  /** Text of the config file; when given, the `config` input points at it. */
  readonly file?: string
  readonly env?: Record<string, string | undefined>
}

function rawInputs(overrides: Overrides = {}): RawInputs {
  return { ...Object.fromEntries(Object.values(Inputs).map((name) => [name, ''])), ...overrides } as RawInputs
}

function resolve({ inputs = {}, file, env = {} }: Run = {}): { settings?: Settings; problems: Problem[] } {
  const files: Record<string, string> = file === undefined ? {} : { [CONFIG]: file }
  return resolveSettings(rawInputs({ ...(file === undefined ? {} : { config: CONFIG }), ...inputs }), {
    env: { GITHUB_SHA: SHA, GITHUB_EVENT_NAME: 'push', ...env },
    parseFile: loadConfigFile,
    readFile: (path) => {
      const text = files[path]
      if (text === undefined) {
        throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), {
          code: 'ENOENT',
        })
      }
      return text
    },
  })
}

/** Settings of a run that must have no problems. */
function ok<T extends Settings = GateSettings>(run: Run): T {
  const { settings, problems } = resolve(run)
  expect(problems).toEqual([])
  expect(settings).toBeDefined()
  return settings as T
}

const metric = (s: Settings, name: string): MetricCheckSpec => {
  const c = (s as GateSettings).checks.find((x) => x.name === name)
  expect(c, `check ${name}`).toBeDefined()
  expect(c!.kind).toBe('metric')
  return c as MetricCheckSpec
}

const http = (s: Settings, name: string): HttpCheckSpec => {
  const c = (s as GateSettings).checks.find((x) => x.name === name)
  expect(c, `check ${name}`).toBeDefined()
  expect(c!.kind).toBe('http')
  return c as HttpCheckSpec
}

/** A config file around the given lines; `version: 1` is line 1, so the first given line is line 2. */
const yaml = (...lines: string[]): string => ['version: 1', ...lines].join('\n') + '\n'

// ---------------------------------------------------------------------------------------------------------------
// Bad inputs: one problem each, naming the input.
// ---------------------------------------------------------------------------------------------------------------

interface InputCase {
  readonly inputs: Overrides
  readonly env?: Record<string, string | undefined>
  readonly path: string
  readonly message: string
}

/** A gate with one valid check, so that only the input under test is wrong. */
const gate = (inputs: Overrides): Overrides => ({ 'health-urls': HEALTH, ...inputs })
/** A gate with the node_exporter and GPU checks. */
const metrics = (inputs: Overrides): Overrides =>
  gate({
    'prometheus-url': PROM,
    'host-selector': 'job="node"',
    'gpu-selector': 'instance="ai-1:9400"',
    ...inputs,
  })
const rollback = (inputs: Overrides): Overrides => ({
  mode: 'rollback',
  'deploy-workflow': 'deploy.yml',
  ...inputs,
})
const DISPATCH = { GITHUB_EVENT_NAME: 'workflow_dispatch' }

const DURATION_INPUTS = ['startup-timeout', 'warmup', 'duration', 'interval'] as const
const BAD_DURATIONS = ['5', '-1s', '1y'] as const

const badInputs: InputCase[] = [
  {
    inputs: gate({ mode: 'deploy' }),
    path: 'mode',
    message: 'expected one of gate, rollback, validate, got "deploy"',
  },
  { inputs: gate({ 'dry-run': 'yes' }), path: 'dry-run', message: 'expected true or false, got "yes"' },
  { inputs: gate({ 'fail-on-inconclusive': 'no' }), path: 'fail-on-inconclusive', message: 'got "no"' },
  { inputs: gate({ record: '1' }), path: 'record', message: 'expected true or false, got "1"' },
  {
    inputs: metrics({ 'cpu-max': 'NaN' }),
    path: 'cpu-max',
    message: 'expected a percent from 0 to 100 or off',
  },
  {
    inputs: metrics({ 'cpu-max': '150' }),
    path: 'cpu-max',
    message: 'percent from 0 to 100 or off, got "150"',
  },
  { inputs: metrics({ 'cpu-max': '-1' }), path: 'cpu-max', message: 'got "-1"' },
  { inputs: metrics({ 'memory-max': '80%' }), path: 'memory-max', message: 'got "80%"' },
  { inputs: metrics({ 'disk-max': '8 5' }), path: 'disk-max', message: 'got "8 5"' },
  { inputs: metrics({ 'vram-max': 'high' }), path: 'vram-max', message: 'got "high"' },
  // cpu-max is checked even when no host-selector uses it
  { inputs: gate({ 'cpu-max': '101' }), path: 'cpu-max', message: 'got "101"' },
  {
    inputs: metrics({ 'kv-cache-max': 'off' }),
    path: 'kv-cache-max',
    message: 'expected a percent from 0 to 100, got "off"',
  },
  {
    inputs: gate({ 'prometheus-url': PROM, 'kv-cache-max': '90' }),
    path: 'kv-cache-max',
    message: 'needs vllm-selector or gpu-selector',
  },
  ...(['0', '1.5', 'two'] as const).map((v) => ({
    inputs: gate({ 'max-consecutive-failures': v }),
    path: 'max-consecutive-failures',
    message: `expected a whole number of at least 1, got "${v}"`,
  })),
  { inputs: gate({ 'max-failures': '-3' }), path: 'max-failures', message: 'got "-3"' },
  {
    inputs: gate({ 'max-consecutive-errors': 'four' }),
    path: 'max-consecutive-errors',
    message: 'got "four"',
  },
  {
    inputs: gate({ 'on-no-data': 'skip' }),
    path: 'on-no-data',
    message: 'expected one of fail, pass, inconclusive, got "skip"',
  },
  {
    inputs: gate({ 'pre-existing': 'ignore' }),
    path: 'pre-existing',
    message: 'expected one of fail, report, got "ignore"',
  },
  ...DURATION_INPUTS.flatMap((name) =>
    BAD_DURATIONS.map((v) => ({
      inputs: gate({ [name]: v }),
      path: name,
      message: `expected a duration like 500ms, 10s, 5m, 1h, 1h30m or 1d, got "${v}"`,
    })),
  ),
  { inputs: gate({ interval: '0s' }), path: 'interval', message: 'must be longer than 0s, got "0s"' },
  { inputs: gate({ interval: '0ms' }), path: 'interval', message: 'must be longer than 0s' },
  {
    inputs: gate({ sha: 'main' }),
    path: 'sha',
    message: 'expected a commit SHA (7 to 40 hex digits), got "main"',
  },
  { inputs: gate({ sha: 'abc12' }), path: 'sha', message: 'got "abc12"' },
  { inputs: gate({ sha: `${SHA}0` }), path: 'sha', message: 'expected a commit SHA' },
  { inputs: gate({}), env: { GITHUB_SHA: '' }, path: 'sha', message: 'not set and GITHUB_SHA is empty' },
  {
    inputs: gate({ 'health-urls': 'ftp://x' }),
    path: 'health-urls',
    message: 'http:// or https:// URL, got "ftp://x"',
  },
  {
    inputs: gate({ 'health-urls': `${HEALTH}\nnot a url` }),
    path: 'health-urls',
    message: 'expected an http:// or https:// URL, got "not a url"',
  },
  {
    inputs: gate({ 'prometheus-url': 'localhost:9090' }),
    path: 'prometheus-url',
    message: 'expected an http:// or https:// URL',
  },
  {
    inputs: gate({ 'prometheus-url': PROM, 'prometheus-headers': 'X-Scope-OrgID: a\nNoColon' }),
    path: 'prometheus-headers',
    message: 'expected one "Name: value" per line',
  },
  {
    inputs: gate({ 'prometheus-url': PROM, 'prometheus-token': 't0k', 'prometheus-username': 'u' }),
    path: 'prometheus-token',
    message: 'set either a bearer token or basic auth',
  },
  {
    inputs: gate({ 'host-selector': 'job="node"' }),
    path: 'prometheus-url',
    message: 'required by the metric checks cpu, memory, disk',
  },
  {
    inputs: metrics({ 'host-selector': '"}) or vector(1) #' }),
    path: 'host-selector',
    message: 'expected a matcher like label="value" at position 1',
  },
  {
    inputs: metrics({ 'host-selector': 'instance=web-1' }),
    path: 'host-selector',
    message: 'expected a double-quoted value at position 10',
  },
  {
    inputs: metrics({ 'host-selector': 'job="node"} or vector(1)' }),
    path: 'host-selector',
    message: 'expected "," or the end of the selector',
  },
  {
    inputs: metrics({ 'gpu-selector': "instance='ai-1'" }),
    path: 'gpu-selector',
    message: 'use double quotes',
  },
  {
    inputs: metrics({ 'vllm-selector': 'model_name=~"(?=x)"', 'kv-cache-max': '90' }),
    path: 'vllm-selector',
    message: 'lookaround',
  },
  {
    inputs: gate({ 'report-retention-days': '0' }),
    path: 'report-retention-days',
    message: 'expected a whole number from 1 to 90, got "0"',
  },
  { inputs: gate({ 'report-retention-days': '91' }), path: 'report-retention-days', message: 'got "91"' },
  { inputs: gate({ config: 'nope.yml' }), path: 'config', message: 'file not found: nope.yml' },
  // rollback
  {
    inputs: { mode: 'rollback' },
    env: DISPATCH,
    path: 'deploy-workflow',
    message: 'required in rollback mode',
  },
  ...(['abc', '12ab', 'abcdef', 'main', '123 456'] as const).map((v) => ({
    inputs: rollback({ target: v }),
    env: DISPATCH,
    path: 'target',
    message: `expected a workflow run id (digits) or a commit SHA (7 to 40 hex digits), got "${v}"`,
  })),
  {
    inputs: rollback({}),
    env: { GITHUB_EVENT_NAME: 'push' },
    path: 'mode',
    message: 'rollback runs only on workflow_dispatch (this run was triggered by push)',
  },
  {
    inputs: rollback({ 'redeploy-input': 'the sha' }),
    env: DISPATCH,
    path: 'redeploy-input',
    message: 'got "the sha"',
  },
  {
    inputs: rollback({ 'artifact-retention-days': '0' }),
    env: DISPATCH,
    path: 'artifact-retention-days',
    message: 'from 1 to 400, got "0"',
  },
  {
    inputs: rollback({ 'retention-margin': '1y' }),
    env: DISPATCH,
    path: 'retention-margin',
    message: 'got "1y"',
  },
  { inputs: rollback({ 'wait-timeout': '5' }), env: DISPATCH, path: 'wait-timeout', message: 'got "5"' },
  { inputs: rollback({ wait: 'sometimes' }), env: DISPATCH, path: 'wait', message: 'expected true or false' },
  {
    inputs: gate({ 'alert-selector': 'severity=critical', 'prometheus-url': PROM }),
    path: 'alert-selector',
    message: 'expected a double-quoted value at position 10',
  },
  {
    inputs: gate({ 'alert-selector': 'severity="critical"' }),
    path: 'prometheus-url',
    message: 'required by the metric checks alerts',
  },
]

describe('resolveSettings: bad inputs', () => {
  it('has at least 35 cases', () => {
    expect(badInputs.length).toBeGreaterThanOrEqual(35)
  })

  it.each(badInputs)('$path: $message', ({ inputs, env, path, message }) => {
    const { problems } = resolve({ inputs, env })
    expect(problems).toEqual([{ path, message: expect.stringContaining(message) }])
  })

  it('a bad mode gives no settings; other bad inputs still give settings', () => {
    expect(resolve({ inputs: gate({ mode: 'deploy' }) }).settings).toBeUndefined()
    expect(resolve({ inputs: gate({ 'cpu-max': '150' }) }).settings?.mode).toBe('gate')
  })

  it('reports a health URL with userinfo without its password', () => {
    const { problems } = resolve({ inputs: gate({ 'health-urls': 'ftp://user:hunter2@x/health' }) })
    expect(problems).toEqual([
      { path: 'health-urls', message: expect.stringContaining('ftp://***@x/health') },
    ])
    expect(JSON.stringify(problems)).not.toContain('hunter2')
  })

  it('reports every problem at once', () => {
    const { problems } = resolve({
      inputs: {
        'health-urls': 'ftp://x',
        'cpu-max': '150',
        interval: '5',
        sha: 'main',
        'on-no-data': 'skip',
      },
    })
    expect(problems.map((p) => p.path).sort()).toEqual([
      'cpu-max',
      'health-urls',
      'interval',
      'on-no-data',
      'sha',
    ])
  })

  it('reports a bad selector once and builds no check from it', () => {
    const { settings, problems } = resolve({ inputs: metrics({ 'gpu-selector': 'instance=ai-1' }) })
    expect(problems.map((p) => p.path)).toEqual(['gpu-selector'])
    expect((settings as GateSettings).checks.map((c) => c.name)).toEqual(['http-1', 'cpu', 'memory', 'disk'])
  })

  it('does not also ask for prometheus-url when it is set but invalid', () => {
    const { problems } = resolve({ inputs: metrics({ 'prometheus-url': 'localhost:9090' }) })
    expect(problems.map((p) => p.path)).toEqual(['prometheus-url'])
  })

  it('with no checks at all', () => {
    expect(resolve({ inputs: {} }).problems).toEqual([
      { path: 'config', message: expect.stringContaining('no checks: set health-urls, host-selector') },
    ])
  })
})

// ---------------------------------------------------------------------------------------------------------------
// Bad config files: each problem names its path and line.
// ---------------------------------------------------------------------------------------------------------------

interface FileCase {
  readonly name: string
  readonly file: string
  readonly inputs?: Overrides
  readonly env?: Record<string, string>
  readonly path: string
  readonly message: string
  /** The file line; null for problems of the whole file. */
  readonly line: number | null
  readonly check?: string
}

const cpuCheck = (...extra: string[]): string[] => [
  'metrics:',
  '  - name: web-cpu',
  '    builtin: cpu',
  ...extra,
]

const badFiles: FileCase[] = [
  {
    name: 'unknown top-level key',
    file: yaml('checks: []'),
    inputs: gate({}),
    path: 'checks',
    message: 'unknown key',
    line: 2,
  },
  {
    name: 'unknown key in policy',
    file: yaml('policy:', '  warmup: 5s', '  window:', '    size: 5m'),
    inputs: gate({}),
    path: 'policy.window',
    message: 'unknown key',
    line: 4,
  },
  {
    name: 'unknown key in prometheus.basic-auth',
    file: yaml(
      'prometheus:',
      `  url: ${PROM}`,
      '  basic-auth:',
      '    username: u',
      '    password: p',
      '    token: x',
    ),
    inputs: gate({}),
    path: 'prometheus.basic-auth.token',
    message: 'unknown key',
    line: 7,
  },
  {
    name: 'unknown key in an http check',
    file: yaml('http:', '  - name: api', `    url: ${HEALTH}`, '    retries: 3'),
    path: 'http[0].retries',
    message: 'unknown key',
    line: 5,
    check: 'api',
  },
  {
    name: 'unknown key in expect-json',
    file: yaml(
      'http:',
      '  - name: api',
      `    url: ${HEALTH}`,
      '    expect-json: { path: status, equals: UP, op: eq }',
    ),
    path: 'http[0].expect-json.op',
    message: 'unknown key',
    line: 5,
    check: 'api',
  },
  {
    name: 'unknown key in the second metric check',
    file: yaml(...cpuCheck(), '  - name: up', '    builtin: up', '    threshold: 1'),
    inputs: { 'prometheus-url': PROM },
    path: 'metrics[1].threshold',
    message: 'unknown key',
    line: 7,
    check: 'up',
  },
  {
    name: 'version 2',
    file: 'version: 2\nhttp: []\n',
    inputs: gate({}),
    path: 'version',
    message: 'expected 1, got 2',
    line: 1,
  },
  {
    name: 'version as a string',
    file: 'version: "1"\n',
    inputs: gate({}),
    path: 'version',
    message: 'expected 1, got "1"',
    line: 1,
  },
  {
    name: 'missing version',
    file: `policy:\n  warmup: 5s\n`,
    inputs: gate({}),
    path: 'version',
    message: 'required: expected 1',
    line: 1,
  },
  {
    name: 'max as a string',
    file: yaml(...cpuCheck('    max: "80"')),
    inputs: { 'prometheus-url': PROM },
    path: 'metrics[0].max',
    message: 'expected a number, got "80"',
    line: 5,
    check: 'web-cpu',
  },
  {
    name: 'min greater than max',
    file: yaml(...cpuCheck('    max: 80', '    min: 90')),
    inputs: { 'prometheus-url': PROM },
    path: 'metrics[0].min',
    message: 'min 90 is greater than max 80',
    line: 6,
    check: 'web-cpu',
  },
  {
    name: 'two file checks with the same name',
    file: yaml(...cpuCheck(), '  - name: web-cpu', '    builtin: memory'),
    inputs: { 'prometheus-url': PROM },
    path: 'metrics[1]',
    message: 'duplicate check name "web-cpu" (also declared by metrics[0])',
    line: 5,
    check: 'web-cpu',
  },
  {
    name: 'an http and a metric check with the same name',
    file: yaml(
      'http:',
      '  - name: api',
      `    url: ${HEALTH}`,
      'metrics:',
      '  - name: api',
      '    builtin: up',
    ),
    inputs: { 'prometheus-url': PROM },
    path: 'metrics[0]',
    message: 'duplicate check name "api" (also declared by http[0])',
    line: 6,
    check: 'api',
  },
  {
    name: 'a file check named like the input check cpu',
    file: yaml('metrics:', '  - name: cpu', '    builtin: cpu'),
    inputs: { 'prometheus-url': PROM, 'host-selector': 'job="node"' },
    path: 'metrics[0]',
    message: 'duplicate check name "cpu" (also declared by host-selector)',
    line: 3,
    check: 'cpu',
  },
  {
    name: 'a file check named like the input check vram',
    file: yaml('metrics:', '  - name: vram', '    builtin: vram'),
    inputs: { 'prometheus-url': PROM, 'gpu-selector': 'gpu="0"' },
    path: 'metrics[0]',
    message: 'duplicate check name "vram" (also declared by gpu-selector)',
    line: 3,
    check: 'vram',
  },
  {
    name: 'a file check named like a health-urls check',
    file: yaml('http:', '  - name: http-1', `    url: ${HEALTH}`),
    inputs: gate({}),
    path: 'http[0]',
    message: 'duplicate check name "http-1" (also declared by health-urls)',
    line: 3,
    check: 'http-1',
  },
  {
    name: 'a YAML syntax error',
    file: yaml('policy:', '  warmup: 5s', ' interval: 10s', 'http: []'),
    inputs: gate({}),
    path: 'config',
    message: 'YAML ',
    line: 4,
  },
  {
    name: 'a duplicate YAML key',
    file: yaml('policy:', '  warmup: 5s', '  warmup: 10s'),
    inputs: gate({}),
    path: 'config',
    message: 'YAML Map keys must be unique',
    line: 4,
  },
  {
    name: 'an unset ${NAME} in prometheus.url',
    file: yaml('prometheus:', '  url: "${PROM_URL}"'),
    inputs: gate({}),
    path: 'prometheus.url',
    message: 'environment variable PROM_URL is not set',
    line: 3,
  },
  {
    name: 'an unset ${NAME} in an http header',
    file: yaml(
      'http:',
      '  - name: api',
      `    url: ${HEALTH}`,
      '    headers:',
      '      Authorization: Bearer ${HEALTH_TOKEN}',
    ),
    path: 'http[0].headers.Authorization',
    message: 'environment variable HEALTH_TOKEN is not set',
    line: 6,
  },
  {
    name: '${NAME} in a query',
    file: yaml('metrics:', '  - name: q', '    query: up{job="${JOB}"}', '    max: 1'),
    inputs: { 'prometheus-url': PROM },
    env: { JOB: 'api' },
    path: 'metrics[0].query',
    message:
      '${NAME} is allowed only in prometheus url, bearer-token, basic-auth, headers and http url, headers',
    line: 4,
  },
  {
    name: '${NAME} in a check name',
    file: yaml('http:', '  - name: ${NAME}', `    url: ${HEALTH}`),
    env: { NAME: 'api' },
    path: 'http[0].name',
    message: '${NAME} is allowed only in',
    line: 3,
  },
  {
    name: 'an invalid ${NAME} reference',
    file: yaml('prometheus:', `  url: ${PROM}`, '  bearer-token: "${1TOKEN}"'),
    inputs: gate({}),
    path: 'prometheus.bearer-token',
    message: '${1TOKEN} is not a valid environment variable reference',
    line: 4,
  },
  {
    name: 'a builtin with an invalid selector',
    file: yaml(...cpuCheck('    selector: instance=10.0.1.5:9100')),
    inputs: { 'prometheus-url': PROM },
    path: 'metrics[0].selector',
    message: 'expected a double-quoted value at position 10',
    line: 5,
    check: 'web-cpu',
  },
  {
    name: 'a builtin with an injection in its selector',
    file: yaml(...cpuCheck(`    selector: 'job="node"}) or vector(1) #'`)),
    inputs: { 'prometheus-url': PROM },
    path: 'metrics[0].selector',
    message: 'expected "," or the end of the selector at position 11',
    line: 5,
    check: 'web-cpu',
  },
  {
    name: 'a query check without max or min',
    file: yaml('metrics:', '  - name: q', '    query: up'),
    inputs: { 'prometheus-url': PROM },
    path: 'metrics[0]',
    message: 'query checks need max, min or a baseline',
    line: 3,
    check: 'q',
  },
  {
    name: 'a kv-cache builtin without bounds',
    file: yaml('metrics:', '  - name: kv', '    builtin: kv-cache'),
    inputs: { 'prometheus-url': PROM },
    path: 'metrics[0]',
    message: 'kv-cache checks need max or min',
    line: 3,
    check: 'kv',
  },
  {
    name: 'both builtin and query',
    file: yaml('metrics:', '  - name: q', '    builtin: up', '    query: up'),
    inputs: { 'prometheus-url': PROM },
    path: 'metrics[0]',
    message: 'set exactly one of builtin or query',
    line: 3,
    check: 'q',
  },
  {
    name: 'neither builtin nor query',
    file: yaml('metrics:', '  - name: q', '    max: 1'),
    inputs: { 'prometheus-url': PROM },
    path: 'metrics[0]',
    message: 'set exactly one of builtin or query',
    line: 3,
    check: 'q',
  },
  {
    name: 'a selector on a query check',
    file: yaml('metrics:', '  - name: q', '    query: up', '    selector: job="x"', '    min: 1'),
    inputs: { 'prometheus-url': PROM },
    path: 'metrics[0].selector',
    message: 'selector applies to builtin checks only',
    line: 5,
    check: 'q',
  },
  {
    name: 'an unknown builtin',
    file: yaml('metrics:', '  - name: gpu', '    builtin: gpu-util', '    max: 90'),
    inputs: { 'prometheus-url': PROM },
    path: 'metrics[0].builtin',
    message: 'expected one of cpu, memory, disk, vram, kv-cache, up, got "gpu-util"',
    line: 4,
    check: 'gpu',
  },
  {
    name: 'expect-status 700',
    file: yaml('http:', '  - name: api', `    url: ${HEALTH}`, '    expect-status: [200, 700]'),
    path: 'http[0].expect-status[1]',
    message: 'expected an HTTP status from 100 to 599',
    line: 5,
    check: 'api',
  },
  {
    name: 'an http timeout of 0s',
    file: yaml('http:', '  - name: api', `    url: ${HEALTH}`, '    timeout: 0s'),
    path: 'http[0].timeout',
    message: 'must be longer than 0s',
    line: 5,
    check: 'api',
  },
  {
    name: 'a max-latency of 0s',
    file: yaml('http:', '  - name: api', `    url: ${HEALTH}`, '    max-latency: 0s'),
    path: 'http[0].max-latency',
    message: 'must be longer than 0s',
    line: 5,
    check: 'api',
  },
  {
    name: 'method PUT',
    file: yaml('http:', '  - name: api', `    url: ${HEALTH}`, '    method: PUT'),
    path: 'http[0].method',
    message: 'expected one of GET, HEAD, POST, got "PUT"',
    line: 5,
    check: 'api',
  },
  {
    name: 'an http url that is not a URL',
    file: yaml('http:', '  - name: api', '    url: api.example.com/health'),
    path: 'http[0].url',
    message: 'expected an http:// or https:// URL, got "api.example.com/health"',
    line: 4,
    check: 'api',
  },
  {
    name: 'follow-redirects as a string',
    file: yaml('http:', '  - name: api', `    url: ${HEALTH}`, '    follow-redirects: "yes"'),
    path: 'http[0].follow-redirects',
    message: 'expected a boolean, got "yes"',
    line: 5,
    check: 'api',
  },
  {
    name: 'expect-json equals a mapping',
    file: yaml(
      'http:',
      '  - name: api',
      `    url: ${HEALTH}`,
      '    expect-json: { path: a, equals: { b: 1 } }',
    ),
    path: 'http[0].expect-json.equals',
    message: 'expected a string, number, boolean or null, got a mapping',
    line: 5,
    check: 'api',
  },
  {
    name: 'a check name with a space',
    file: yaml('http:', '  - name: my api', `    url: ${HEALTH}`),
    path: 'http[0].name',
    message: 'expected a name of letters, digits',
    line: 3,
    check: 'my api',
  },
  {
    name: 'a duration that is a number',
    file: yaml('policy:', '  warmup: 5'),
    inputs: gate({}),
    path: 'policy.warmup',
    message: 'expected a duration like 500ms, 10s, 5m, 1h, 1h30m or 1d, got 5',
    line: 3,
  },
  {
    name: 'a policy count of 0',
    file: yaml('policy:', '  max-failures: 0'),
    inputs: gate({}),
    path: 'policy.max-failures',
    message: 'expected a whole number of at least 1',
    line: 3,
  },
  {
    name: 'a policy interval of 0s',
    file: yaml('policy:', '  interval: 0s'),
    inputs: gate({}),
    path: 'policy.interval',
    message: 'must be longer than 0s, got "0s"',
    line: 3,
  },
  {
    name: 'a per-check on-no-data override out of range',
    file: yaml(...cpuCheck('    on-no-data: skip')),
    inputs: { 'prometheus-url': PROM },
    path: 'metrics[0].on-no-data',
    message: 'expected one of fail, pass, inconclusive, got "skip"',
    line: 5,
    check: 'web-cpu',
  },
  {
    name: 'metrics as a mapping',
    file: yaml('metrics:', '  cpu: 80'),
    inputs: gate({}),
    path: 'metrics',
    message: 'expected a list, got a mapping',
    line: 2,
  },
  {
    name: 'prometheus.url that is not a URL',
    file: yaml('prometheus:', '  url: localhost:9090'),
    inputs: gate({}),
    path: 'prometheus.url',
    message: 'expected an http:// or https:// URL',
    line: 3,
  },
  {
    name: 'prometheus with both a bearer token and basic auth',
    file: yaml(
      'prometheus:',
      `  url: ${PROM}`,
      '  bearer-token: t',
      '  basic-auth: { username: u, password: p }',
    ),
    inputs: gate({}),
    path: 'prometheus.bearer-token',
    message: 'set either a bearer token or basic auth',
    line: 4,
  },
  {
    name: 'a file that is a list',
    file: '- version: 1\n',
    inputs: gate({}),
    path: 'config',
    message: 'expected a mapping, got a list',
    line: 1,
  },
  {
    name: 'an empty file',
    file: '',
    inputs: gate({}),
    path: 'config',
    message: 'the file is empty; expected at least "version: 1"',
    line: null,
  },
  {
    name: 'a file of comments only',
    file: '# deploy-gate\n# nothing yet\n',
    inputs: gate({}),
    path: 'config',
    message: 'the file is empty',
    line: null,
  },
  {
    name: 'a baseline with neither max-increase nor max-decrease',
    file: yaml('metrics:', '  - name: q', '    query: up', '    baseline: { window: 30m }'),
    inputs: { 'prometheus-url': PROM },
    path: 'metrics[0].baseline',
    message: 'set max-increase, max-decrease or both',
    line: 5,
    check: 'q',
  },
  {
    name: 'a baseline percentage without %',
    file: yaml('metrics:', '  - name: q', '    query: up', '    baseline:', '      max-increase: 100'),
    inputs: { 'prometheus-url': PROM },
    path: 'metrics[0].baseline.max-increase',
    message: 'expected a percentage such as "50%"',
    line: 6,
    check: 'q',
  },
  {
    name: 'a max-decrease above 100%',
    file: yaml('metrics:', '  - name: q', '    query: up', '    baseline:', '      max-decrease: 150%'),
    inputs: { 'prometheus-url': PROM },
    path: 'metrics[0].baseline.max-decrease',
    message: 'expected at most 100%',
    line: 6,
    check: 'q',
  },
  {
    name: 'a negative min-delta',
    file: yaml(
      'metrics:',
      '  - name: q',
      '    query: up',
      '    baseline:',
      '      max-increase: 50%',
      '      min-delta: -1',
    ),
    inputs: { 'prometheus-url': PROM },
    path: 'metrics[0].baseline.min-delta',
    message: 'expected a number of at least 0',
    line: 7,
    check: 'q',
  },
  {
    name: 'an unknown key in a baseline',
    file: yaml(
      'metrics:',
      '  - name: q',
      '    query: up',
      '    baseline:',
      '      max-increase: 50%',
      '      windw: 1h',
    ),
    inputs: { 'prometheus-url': PROM },
    path: 'metrics[0].baseline.windw',
    message: 'unknown key',
    line: 7,
    check: 'q',
  },
  {
    name: 'a band above 100%',
    file: yaml(
      'metrics:',
      '  - name: q',
      '    query: up',
      '    baseline:',
      '      max-increase: 50%',
      '      band: 150%',
    ),
    inputs: { 'prometheus-url': PROM },
    path: 'metrics[0].baseline.band',
    message: 'expected at most 100%',
    line: 7,
    check: 'q',
  },
  {
    name: 'a band without %',
    file: yaml(
      'metrics:',
      '  - name: q',
      '    query: up',
      '    baseline:',
      '      max-increase: 50%',
      '      band: 0.98',
    ),
    inputs: { 'prometheus-url': PROM },
    path: 'metrics[0].baseline.band',
    message: 'expected a percentage such as "98%"',
    line: 7,
    check: 'q',
  },
  {
    name: 'an offset that is not a duration',
    file: yaml(
      'metrics:',
      '  - name: q',
      '    query: up',
      '    baseline:',
      '      max-increase: 50%',
      '      offset: yesterday',
    ),
    inputs: { 'prometheus-url': PROM },
    path: 'metrics[0].baseline.offset',
    message: 'expected a duration like 500ms, 10s, 5m, 1h, 1h30m or 1d',
    line: 7,
    check: 'q',
  },
  {
    name: 'pre-existing: report on a query check with only a baseline',
    file: yaml(
      'metrics:',
      '  - name: q',
      '    query: up',
      '    pre-existing: report',
      '    baseline: { max-increase: 50% }',
    ),
    inputs: { 'prometheus-url': PROM },
    path: 'metrics[0].pre-existing',
    message: 'pre-existing: report needs max or min (it is about breaches of an absolute bound)',
    line: 5,
    check: 'q',
  },
  {
    name: 'pre-existing neither fail nor report',
    file: yaml('metrics:', '  - name: q', '    query: up', '    max: 1', '    pre-existing: ignore'),
    inputs: { 'prometheus-url': PROM },
    path: 'metrics[0].pre-existing',
    message: 'expected one of fail, report, got "ignore"',
    line: 6,
    check: 'q',
  },
  {
    name: 'an alert selector that is not matchers',
    file: yaml('alerts:', '  - selector: severity critical'),
    inputs: { 'prometheus-url': PROM },
    path: 'alerts[0].selector',
    message: 'expected one of = != =~ !~ after label severity',
    line: 3,
    check: 'alerts',
  },
  {
    name: 'an unknown key in an alerts check',
    file: yaml('alerts:', '  - selector: all', '    pending: true'),
    inputs: { 'prometheus-url': PROM },
    path: 'alerts[0].pending',
    message: 'unknown key',
    line: 4,
    check: 'alerts',
  },
  {
    name: 'an alerts check named alerts beside the alert-selector input',
    file: yaml('alerts:', '  - selector: all'),
    inputs: { 'prometheus-url': PROM, 'alert-selector': 'all' },
    path: 'alerts[0]',
    message: 'duplicate check name "alerts" (also declared by alert-selector)',
    line: 3,
    check: 'alerts',
  },
]

describe('resolveSettings: bad config files', () => {
  it('has at least 35 cases', () => {
    expect(badFiles.length).toBeGreaterThanOrEqual(35)
  })

  it.each(badFiles)('$name → $path: $message', ({ file, inputs, env, path, message, line, check }) => {
    const { problems } = resolve({ inputs, file, env })
    expect(problems).toEqual([
      {
        path,
        message: expect.stringContaining(message),
        file: CONFIG,
        ...(line === null ? {} : { line }),
        ...(check === undefined ? {} : { check }),
      },
    ])
  })

  it('a config file that does not exist names the input', () => {
    const { problems } = resolve({ inputs: gate({ config: 'nope.yml' }) })
    expect(problems).toEqual([{ path: 'config', message: 'file not found: nope.yml' }])
  })

  it('a config file that cannot be read says why', () => {
    const { problems } = resolveSettings(rawInputs(gate({ config: 'dir' })), {
      env: { GITHUB_SHA: SHA },
      parseFile: loadConfigFile,
      readFile: () => {
        throw Object.assign(new Error('EISDIR: illegal operation on a directory'), { code: 'EISDIR' })
      },
    })
    expect(problems).toEqual([{ path: 'config', message: 'cannot read dir (EISDIR)' }])
  })

  it('a config file without the parser the caller must load is an error, not an empty config', () => {
    const { problems } = resolveSettings(rawInputs(gate({ config: 'gate.yml' })), {
      env: { GITHUB_SHA: SHA },
      parseFile: undefined,
      readFile: () => 'http:\n  - url: http://127.0.0.1:1/\n',
    })
    expect(problems).toContainEqual({
      path: 'config',
      message: 'internal error: the config file parser was not loaded',
    })
  })

  it('configFileInput reads the config input as resolveSettings does (trimmed, empty is none)', () => {
    expect(configFileInput(rawInputs(gate({ config: '  gate.yml ' })))).toBe('gate.yml')
    expect(configFileInput(rawInputs(gate({ config: '   ' })))).toBeUndefined()
    expect(configFileInput(rawInputs(gate({})))).toBeUndefined()
  })

  it('a file without checks and no check inputs', () => {
    expect(resolve({ file: yaml('policy:', '  warmup: 30s') }).problems).toEqual([
      { path: 'config', message: expect.stringContaining('no checks') },
    ])
  })

  it('a file with metric checks and no Prometheus', () => {
    const { problems } = resolve({ file: yaml(...cpuCheck()) })
    expect(problems).toEqual([{ path: 'prometheus-url', message: expect.stringContaining('web-cpu') }])
  })

  it('reports every problem of a file at once, in line order', () => {
    const file = yaml(
      'policy:', // 2
      '  warmup: soon', // 3
      'metrics:', // 4
      '  - name: q', // 5
      '    query: up', // 6
      '  - name: cpu', // 7
      '    builtin: cpu', // 8
      '    max: "high"', // 9
      'extra: 1', // 10
    )
    const { problems } = resolve({ file, inputs: { 'prometheus-url': PROM } })
    expect(problems.map((p) => [p.path, p.line])).toEqual([
      ['policy.warmup', 3],
      ['metrics[0]', 5],
      ['metrics[1].max', 9],
      ['extra', 10],
    ])
  })

  it('reports file and input problems together', () => {
    const { problems } = resolve({
      file: yaml('policy:', '  warmup: 5'),
      inputs: gate({ 'cpu-max': '150', sha: 'x' }),
    })
    expect(problems.map((p) => p.path).sort()).toEqual(['cpu-max', 'policy.warmup', 'sha'])
  })
})

// ---------------------------------------------------------------------------------------------------------------
// Good settings.
// ---------------------------------------------------------------------------------------------------------------

describe('resolveSettings: defaults and merging', () => {
  it('applies the defaults in code', () => {
    const s = ok({ inputs: metrics({}) })
    expect(s).toMatchObject({
      mode: 'gate',
      environment: 'production',
      dryRun: false,
      sha: SHA,
      failOnInconclusive: true,
      record: true,
      reportArtifact: 'deploy-gate-report',
      reportRetentionDays: 30,
    })
    expect(s.policy).toEqual({
      startupTimeoutMs: 120_000,
      startupTimeoutText: '2m',
      warmupMs: 0,
      durationMs: 60_000,
      intervalMs: 10_000,
      maxConsecutiveFailures: 2,
      maxFailures: 3,
      maxConsecutiveErrors: 4,
      onNoData: 'fail',
    })
    expect(s.checks.map((c) => c.name)).toEqual(['http-1', 'cpu', 'memory', 'disk', 'vram'])
    expect(metric(s, 'cpu').max).toBe(80)
    expect(metric(s, 'memory').max).toBe(80)
    expect(metric(s, 'disk').max).toBe(85)
    expect(metric(s, 'vram').max).toBe(95)
    for (const c of s.checks)
      expect(c.limits).toEqual({
        maxConsecutiveFailures: 2,
        maxFailures: 3,
        maxConsecutiveErrors: 4,
        onNoData: 'fail',
      })
    expect(s.prometheus).toEqual({ url: PROM, headers: {}, timeoutMs: 10_000 })
  })

  it('mode is gate when not set, and validate has no gate-only settings', () => {
    expect(ok({ inputs: gate({}) }).mode).toBe('gate')
    const v = ok<ValidateSettings>({ inputs: gate({ mode: 'validate', sha: '' }), env: { GITHUB_SHA: '' } })
    expect(v.mode).toBe('validate')
    expect(v).not.toHaveProperty('sha')
  })

  it('the file policy wins over the defaults', () => {
    const file = yaml(
      'policy:',
      '  startup-timeout: 5m',
      '  warmup: 30s',
      '  duration: 5m',
      '  interval: 15s',
      '  max-consecutive-failures: 3',
      '  max-failures: 5',
      '  max-consecutive-errors: 6',
      '  on-no-data: inconclusive',
    )
    expect(ok({ file, inputs: gate({}) }).policy).toEqual({
      startupTimeoutMs: 300_000,
      startupTimeoutText: '5m',
      warmupMs: 30_000,
      durationMs: 300_000,
      intervalMs: 15_000,
      maxConsecutiveFailures: 3,
      maxFailures: 5,
      maxConsecutiveErrors: 6,
      onNoData: 'inconclusive',
    })
  })

  it('inputs win over the file policy', () => {
    const file = yaml(
      'policy:',
      '  startup-timeout: 5m',
      '  warmup: 30s',
      '  duration: 5m',
      '  interval: 15s',
      '  max-consecutive-failures: 3',
      '  max-failures: 5',
      '  max-consecutive-errors: 6',
      '  on-no-data: inconclusive',
    )
    const s = ok({
      file,
      inputs: gate({
        'startup-timeout': '1h30m',
        warmup: '500ms',
        duration: '0s',
        interval: '1s',
        'max-consecutive-failures': '1',
        'max-failures': '10',
        'max-consecutive-errors': '2',
        'on-no-data': 'pass',
      }),
    })
    expect(s.policy).toEqual({
      startupTimeoutMs: 5_400_000,
      startupTimeoutText: '1h30m',
      warmupMs: 500,
      durationMs: 0,
      intervalMs: 1_000,
      maxConsecutiveFailures: 1,
      maxFailures: 10,
      maxConsecutiveErrors: 2,
      onNoData: 'pass',
    })
  })

  it('a check may override the policy limits', () => {
    const file = yaml(
      'policy:',
      '  max-failures: 5',
      'http:',
      '  - name: api',
      `    url: ${HEALTH}`,
      '    max-consecutive-failures: 1',
      'metrics:',
      '  - name: web-cpu',
      '    builtin: cpu',
      '    max-consecutive-errors: 9',
      '    on-no-data: pass',
    )
    const s = ok({ file, inputs: { 'prometheus-url': PROM, 'max-consecutive-failures': '3' } })
    expect(http(s, 'api').limits).toEqual({
      maxConsecutiveFailures: 1,
      maxFailures: 5,
      maxConsecutiveErrors: 4,
      onNoData: 'fail',
    })
    expect(metric(s, 'web-cpu').limits).toEqual({
      maxConsecutiveFailures: 3,
      maxFailures: 5,
      maxConsecutiveErrors: 9,
      onNoData: 'pass',
    })
  })

  it('sha defaults to GITHUB_SHA; the input wins and is lower-cased', () => {
    expect(ok({ inputs: gate({}) }).sha).toBe(SHA)
    expect(ok({ inputs: gate({ sha: 'ABCDEF1' }) }).sha).toBe('abcdef1')
  })

  it('reads booleans and the other gate inputs', () => {
    const s = ok({
      inputs: gate({
        environment: 'staging',
        'dry-run': 'true',
        'fail-on-inconclusive': 'False',
        record: 'FALSE',
        'environment-url': 'https://app.example.com',
        'check-name': 'deploy gate',
        'report-artifact': 'none',
        'report-retention-days': '90',
      }),
    })
    expect(s).toMatchObject({
      environment: 'staging',
      dryRun: true,
      failOnInconclusive: false,
      record: false,
      environmentUrl: 'https://app.example.com',
      checkName: 'deploy gate',
      reportArtifact: 'none',
      reportRetentionDays: 90,
    })
  })
})

describe('resolveSettings: checks from inputs', () => {
  it('health-urls become http-1, http-2, … expecting 2xx and following no redirects', () => {
    const s = ok({ inputs: { 'health-urls': `  ${HEALTH}\n\nhttp://10.0.1.5:8080/ready  \n` } })
    expect(s.checks.map((c) => c.name)).toEqual(['http-1', 'http-2'])
    expect(http(s, 'http-1')).toMatchObject({
      url: HEALTH,
      method: 'GET',
      headers: {},
      expectStatus: undefined,
      followRedirects: false,
      enforce: true,
      timeoutMs: 10_000,
    })
    expect(http(s, 'http-2').url).toBe('http://10.0.1.5:8080/ready')
    expect(s.prometheus).toBeUndefined()
  })

  it('host-selector enables cpu, memory and disk on that selector', () => {
    const s = ok({ inputs: { 'prometheus-url': PROM, 'host-selector': 'job="node"' } })
    expect(s.checks.map((c) => c.name)).toEqual(['cpu', 'memory', 'disk'])
    for (const b of ['cpu', 'memory', 'disk'] as const) {
      expect(metric(s, b)).toMatchObject({
        builtin: b,
        selector: 'job="node"',
        query: builtinQuery(b, 'job="node"'),
      })
    }
  })

  it('gpu-selector enables vram', () => {
    const s = ok({
      inputs: { 'prometheus-url': PROM, 'gpu-selector': 'instance="ai-1:9400"', 'vram-max': '90' },
    })
    expect(s.checks.map((c) => c.name)).toEqual(['vram'])
    expect(metric(s, 'vram')).toMatchObject({
      builtin: 'vram',
      selector: 'instance="ai-1:9400"',
      query: builtinQuery('vram', 'instance="ai-1:9400"'),
      max: 90,
      enforce: true,
    })
  })

  it('kv-cache-max enables kv-cache on vllm-selector, which defaults to gpu-selector', () => {
    const gpuOnly = ok({
      inputs: { 'prometheus-url': PROM, 'gpu-selector': 'instance="ai-1:9400"', 'kv-cache-max': '90' },
    })
    expect(metric(gpuOnly, 'kv-cache')).toMatchObject({ selector: 'instance="ai-1:9400"', max: 90 })
    const both = ok({
      inputs: {
        'prometheus-url': PROM,
        'gpu-selector': 'instance="ai-1:9400"',
        'vllm-selector': 'instance="ai-1:8000"',
        'kv-cache-max': '85.5',
      },
    })
    expect(metric(both, 'kv-cache')).toMatchObject({
      builtin: 'kv-cache',
      selector: 'instance="ai-1:8000"',
      query: builtinQuery('kv-cache', 'instance="ai-1:8000"'),
      max: 85.5,
    })
    const vllmOnly = ok({
      inputs: { 'prometheus-url': PROM, 'vllm-selector': 'job="vllm"', 'kv-cache-max': '90' },
    })
    expect(vllmOnly.checks.map((c) => c.name)).toEqual(['kv-cache'])
  })

  it('the percent inputs set the thresholds; off disables a check', () => {
    const s = ok({
      inputs: metrics({ 'cpu-max': 'off', 'memory-max': '70', 'disk-max': '90.5', 'vram-max': '0' }),
    })
    expect(s.checks.map((c) => c.name)).toEqual(['http-1', 'memory', 'disk', 'vram'])
    expect(metric(s, 'memory').max).toBe(70)
    expect(metric(s, 'disk').max).toBe(90.5)
    expect(metric(s, 'vram').max).toBe(0)
  })

  it('prometheus token, password and header values are secrets; the URL loses its trailing slash', () => {
    const s = ok({
      inputs: gate({
        'github-token': 'ghs_abc',
        'prometheus-url': `${PROM}/prometheus/`,
        'prometheus-token': 'tok-123',
        'prometheus-headers': 'X-Scope-OrgID: team-a\n  X-Api-Key:key-456  ',
      }),
    })
    expect(s.prometheus).toMatchObject({
      url: `${PROM}/prometheus`,
      bearerToken: 'tok-123',
      headers: { 'X-Scope-OrgID': 'team-a', 'X-Api-Key': 'key-456' },
    })
    expect(s.secrets).toEqual(expect.arrayContaining(['ghs_abc', 'tok-123', 'team-a', 'key-456']))
    const basic = ok({
      inputs: gate({
        'prometheus-url': PROM,
        'prometheus-username': 'grafana',
        'prometheus-password': 'pw-789',
      }),
    })
    expect(basic.prometheus?.basicAuth).toEqual({ username: 'grafana', password: 'pw-789' })
    expect(basic.secrets).toContain('pw-789')
  })

  it('URL userinfo moves to basic auth and is masked', () => {
    const s = ok({ inputs: gate({ 'prometheus-url': 'https://reader:p%40ss@mimir.example.com/prometheus' }) })
    expect(s.prometheus?.url).toBe('https://mimir.example.com/prometheus')
    expect(s.prometheus?.basicAuth).toEqual({ username: 'reader', password: 'p@ss' })
    expect(s.secrets).toContain('p@ss')
    expect(JSON.stringify(s.prometheus)).not.toContain('reader:')
  })

  it('a URL password that is not valid percent-encoding is taken as written, not thrown on', () => {
    const s = ok({
      inputs: gate({
        'prometheus-url': 'https://reader:50%off@mimir.example.com',
        'health-urls': 'https://probe:75%off@app.example.com/health',
      }),
    })
    expect(s.prometheus?.basicAuth).toEqual({ username: 'reader', password: '50%off' })
    expect(s.secrets).toEqual(expect.arrayContaining(['50%off', '75%off']))
    expect(http(s, 'http-1').url).toBe('https://probe:75%off@app.example.com/health')
  })

  it('health URL password is masked, the user name is not (reports drop userinfo whole)', () => {
    const s = ok({ inputs: { 'health-urls': 'https://probe:s3cret@app.example.com/health' } })
    expect(s.secrets).toContain('s3cret')
    expect(s.secrets).not.toContain('probe')
  })
})

describe('resolveSettings: checks from the config file', () => {
  it('reads the SPEC §2 example', () => {
    const file = `version: 1
policy:
  startup-timeout: 2m
  warmup: 30s
  duration: 5m
  interval: 15s
  max-consecutive-failures: 2
  max-failures: 3
  max-consecutive-errors: 4
  on-no-data: fail
prometheus:
  url: https://prom.example.com
  bearer-token: "\${PROM_TOKEN}"
  headers:
    X-Scope-OrgID: team-a
  timeout: 10s
  ca-file: certs/internal-ca.pem
http:
  - name: backend
    url: https://api.example.com/actuator/health
    method: GET
    headers:
      Authorization: "Bearer \${HEALTH_TOKEN}"
    expect-status: [200]
    expect-body: '"status":"UP"'
    expect-json: { path: status.db, equals: UP }
    max-latency: 2s
    timeout: 5s
    follow-redirects: false
metrics:
  - name: web-cpu
    builtin: cpu
    selector: 'instance="10.0.1.5:9100"'
    max: 80
  - name: ai-vram
    builtin: vram
    selector: 'instance="10.1.0.7:9400"'
    max: 95
    min: 50
  - name: api-p95-latency
    query: histogram_quantile(0.95, sum by (le) (rate(http_server_requests_seconds_bucket{job="api"}[5m])))
    max: 2
    enforce: false
`
    const s = ok({ file, env: { PROM_TOKEN: 'prom-secret', HEALTH_TOKEN: 'health-secret' } })
    expect(s.policy).toMatchObject({ warmupMs: 30_000, durationMs: 300_000, intervalMs: 15_000 })
    expect(s.prometheus).toEqual({
      url: 'https://prom.example.com',
      bearerToken: 'prom-secret',
      headers: { 'X-Scope-OrgID': 'team-a' },
      timeoutMs: 10_000,
      caFile: 'certs/internal-ca.pem',
    })
    expect(s.checks.map((c) => c.name)).toEqual(['backend', 'web-cpu', 'ai-vram', 'api-p95-latency'])
    expect(http(s, 'backend')).toMatchObject({
      url: 'https://api.example.com/actuator/health',
      method: 'GET',
      headers: { Authorization: 'Bearer health-secret' },
      expectStatus: [200],
      expectBody: '"status":"UP"',
      expectJson: { path: 'status.db', equals: 'UP' },
      maxLatencyMs: 2_000,
      timeoutMs: 5_000,
      followRedirects: false,
      enforce: true,
      line: 19,
    })
    expect(metric(s, 'web-cpu')).toMatchObject({
      builtin: 'cpu',
      query: builtinQuery('cpu', 'instance="10.0.1.5:9100"'),
      max: 80,
      line: 31,
    })
    expect(metric(s, 'ai-vram')).toMatchObject({ builtin: 'vram', min: 50, max: 95 })
    expect(metric(s, 'api-p95-latency')).toMatchObject({
      query:
        'histogram_quantile(0.95, sum by (le) (rate(http_server_requests_seconds_bucket{job="api"}[5m])))',
      max: 2,
      min: undefined,
      enforce: false,
    })
    expect(metric(s, 'api-p95-latency').builtin).toBeUndefined()
    expect(metric(s, 'api-p95-latency').selector).toBeUndefined()
    expect(s.secrets).toEqual(
      expect.arrayContaining(['prom-secret', 'health-secret', 'Bearer health-secret', 'team-a']),
    )
  })

  it('reads band, offset and pre-existing; band defaults to 98%, offset to 0s; the input is the default', () => {
    const file = yaml(
      'metrics:',
      '  - name: traffic',
      '    query: sum(rate(http_requests_total[1m]))',
      '    baseline: { window: 1h, offset: 1d, band: 90%, max-decrease: 50% }',
      '  - name: latency',
      '    query: histogram_quantile(0.95, sum by (le) (rate(h_bucket[1m])))',
      '    max: 2',
      '    baseline: { max-increase: 50% }',
      '  - name: disk-data',
      '    builtin: disk',
      '    selector: job="node"',
      '    pre-existing: fail',
    )
    const s = ok({ inputs: metrics({ 'pre-existing': 'report' }), file })
    expect(metric(s, 'traffic').baseline).toMatchObject({
      windowMs: 3_600_000,
      offsetMs: 86_400_000,
      offsetText: '1d',
      band: 0.9,
    })
    expect(metric(s, 'traffic').preExisting).toBeUndefined() // no absolute bound: nothing can pre-exist
    expect(metric(s, 'latency').baseline).toMatchObject({ offsetMs: 0, offsetText: '0s', band: 0.98 })
    expect(metric(s, 'latency').preExisting).toBe('report') // the input is the default of config checks
    expect(metric(s, 'disk-data').preExisting).toBeUndefined() // the file's own `fail` wins
    expect(metric(s, 'cpu').preExisting).toBe('report')
    expect(metric(ok({ inputs: metrics({}) }), 'cpu').preExisting).toBeUndefined()
  })

  it('band 0% is the median alone', () => {
    const file = yaml(
      'metrics:',
      '  - name: q',
      '    query: up',
      '    baseline: { band: 0%, max-increase: 50% }',
    )
    expect(metric(ok({ inputs: gate({ 'prometheus-url': PROM }), file }), 'q').baseline?.band).toBe(0)
  })

  it('interpolates ${NAME} from the environment and masks the value', () => {
    const file = yaml(
      'prometheus:',
      '  url: https://${PROM_HOST}/prometheus',
      '  basic-auth:',
      '    username: ${PROM_USER}',
      '    password: "${PROM_PASSWORD}"',
      '  headers:',
      '    X-Scope-OrgID: ${TENANT}',
      'http:',
      '  - name: api',
      '    url: https://app.example.com/health?key=${KEY}',
    )
    const env = {
      PROM_HOST: 'mimir.example.com',
      PROM_USER: 'grafana',
      PROM_PASSWORD: 'pw',
      TENANT: 'team-a',
      KEY: 'k1',
    }
    const s = ok({ file, env })
    expect(s.prometheus).toMatchObject({
      url: 'https://mimir.example.com/prometheus',
      basicAuth: { username: 'grafana', password: 'pw' },
      headers: { 'X-Scope-OrgID': 'team-a' },
    })
    expect(http(s, 'api').url).toBe('https://app.example.com/health?key=k1')
    expect(s.secrets).toEqual(expect.arrayContaining(['mimir.example.com', 'grafana', 'pw', 'team-a', 'k1']))
    expect(s.configFile?.secrets).toEqual(['mimir.example.com', 'grafana', 'pw', 'team-a', 'k1'])
  })

  it('prometheus inputs win over the file; header inputs add to the file', () => {
    const file = yaml(
      'prometheus:',
      '  url: https://file.example.com',
      '  headers:',
      '    A: file',
      '    B: file',
    )
    const s = ok({
      file,
      inputs: gate({ 'prometheus-url': 'https://input.example.com', 'prometheus-headers': 'B: input' }),
    })
    expect(s.prometheus).toMatchObject({
      url: 'https://input.example.com',
      headers: { A: 'file', B: 'input' },
    })
  })

  it('a prometheus section without url takes the URL from the input; the file adds ca-file and timeout', () => {
    const file = yaml('prometheus:', '  ca-file: certs/ca.pem', '  timeout: 3s', ...cpuCheck())
    const s = ok({ file, inputs: { 'prometheus-url': 'https://input.example.com/prometheus' } })
    expect(s.prometheus).toMatchObject({
      url: 'https://input.example.com/prometheus',
      caFile: 'certs/ca.pem',
      timeoutMs: 3000,
    })
  })

  it('a prometheus section without url and no prometheus-url input names prometheus.url on its line', () => {
    const { problems } = resolve({ file: yaml('prometheus:', '  ca-file: certs/ca.pem', ...cpuCheck()) })
    expect(problems).toEqual([
      {
        path: 'prometheus.url',
        message: 'required: set it here or give the prometheus-url input',
        file: CONFIG,
        line: 2,
      },
    ])
  })

  it('a query check is annotated on its query line, a built-in on its selector line', () => {
    const file = yaml(
      'metrics:',
      '  - name: api-errors', // 3
      '    max: 1',
      '    query: sum(rate(http_requests_total[1m]))', // 5
      '  - name: web-cpu', // 6
      '    builtin: cpu',
      `    selector: 'job="node"'`, // 8
      '  - name: all-up', // 9
      '    builtin: up',
    )
    const s = ok({ file, inputs: { 'prometheus-url': PROM } })
    expect(metric(s, 'api-errors')).toMatchObject({ line: 3, queryLine: 5 })
    expect(metric(s, 'web-cpu')).toMatchObject({ line: 6, queryLine: 8 })
    expect(metric(s, 'all-up')).toMatchObject({ line: 9, queryLine: 9 })
  })

  it('file checks add to the input checks', () => {
    const file = yaml(
      'http:',
      '  - name: api',
      `    url: ${HEALTH}`,
      'metrics:',
      '  - name: up',
      '    builtin: up',
    )
    const s = ok({
      file,
      inputs: { 'health-urls': HEALTH, 'prometheus-url': PROM, 'host-selector': 'job="node"' },
    })
    expect(s.checks.map((c) => c.name)).toEqual(['http-1', 'cpu', 'memory', 'disk', 'api', 'up'])
  })

  it('a builtin without max takes the input value, else the default', () => {
    const file = yaml(
      'metrics:',
      '  - name: web-cpu',
      '    builtin: cpu',
      '  - name: web-mem',
      '    builtin: memory',
      '  - name: web-disk',
      '    builtin: disk',
      '  - name: gpu',
      '    builtin: vram',
      '  - name: gpu-floor',
      '    builtin: vram',
      '    min: 50',
    )
    const s = ok({ file, inputs: { 'prometheus-url': PROM, 'cpu-max': '70', 'memory-max': 'off' } })
    expect(metric(s, 'web-cpu').max).toBe(70)
    expect(metric(s, 'web-mem').max).toBe(80)
    expect(metric(s, 'web-disk').max).toBe(85)
    expect(metric(s, 'gpu').max).toBe(95)
    // SPEC §2: "a built-in metric check without max takes the input default", also when it sets a min.
    expect(metric(s, 'gpu-floor')).toMatchObject({ min: 50, max: 95 })
  })

  it('a builtin with only a min above the max it takes is an error naming min', () => {
    const { problems } = resolve({
      file: yaml(...cpuCheck('    min: 90')),
      inputs: { 'prometheus-url': PROM, 'cpu-max': '70' },
    })
    expect(problems).toEqual([
      {
        path: 'metrics[0].min',
        message: 'min 90 is greater than the max 70 a cpu check takes without max; set max',
        file: CONFIG,
        line: 5,
        check: 'web-cpu',
      },
    ])
  })

  it('up gets min 1; an empty selector leaves the query bare', () => {
    const s = ok({
      file: yaml('metrics:', '  - name: up', '    builtin: up'),
      inputs: { 'prometheus-url': PROM },
    })
    expect(metric(s, 'up')).toMatchObject({
      builtin: 'up',
      min: 1,
      max: undefined,
      query: builtinQuery('up', ''),
    })
  })

  it('a bad cpu-max is reported once even when a file builtin reads it', () => {
    const { problems } = resolve({
      file: yaml(...cpuCheck()),
      inputs: { 'prometheus-url': PROM, 'host-selector': 'job="node"', 'cpu-max': '150' },
    })
    expect(problems).toEqual([{ path: 'cpu-max', message: expect.stringContaining('got "150"') }])
  })
})

describe('resolveSettings: rollback', () => {
  it('applies the defaults', () => {
    const s = ok<RollbackSettings>({ inputs: rollback({}), env: DISPATCH })
    expect(s).toEqual({
      mode: 'rollback',
      token: '',
      environment: 'production',
      dryRun: false,
      secrets: [],
      deployWorkflow: 'deploy.yml',
      deployJob: 'deploy',
      artifactNames: [],
      artifactRetentionDays: 7,
      retentionMarginMs: 1_800_000,
      target: undefined,
      branch: undefined,
      redeployInput: undefined,
      wait: true,
      waitTimeoutMs: 1_800_000,
      reportArtifact: 'deploy-gate-report',
    })
  })

  it('reads a run id or a SHA as the target', () => {
    expect(ok<RollbackSettings>({ inputs: rollback({ target: '1234567' }), env: DISPATCH }).target).toEqual({
      kind: 'run',
      runId: 1234567,
    })
    expect(ok<RollbackSettings>({ inputs: rollback({ target: 'ABCDEF12' }), env: DISPATCH }).target).toEqual({
      kind: 'sha',
      sha: 'abcdef12',
    })
  })

  it('runs on a push event in dry-run', () => {
    const s = ok<RollbackSettings>({
      inputs: rollback({ 'dry-run': 'true' }),
      env: { GITHUB_EVENT_NAME: 'push' },
    })
    expect(s.dryRun).toBe(true)
  })

  it('ignores the gate inputs', () => {
    ok<RollbackSettings>({ inputs: rollback({ 'cpu-max': 'x', interval: '0s' }), env: DISPATCH })
  })
})

describe('resolveSettings: rollback-workflow and an unevaluated token (issue 15)', () => {
  it('takes a workflow file name for rollback-workflow, and nothing is set by default', () => {
    expect(ok({ inputs: gate({}) }).rollbackWorkflow).toBeUndefined()
    expect(ok({ inputs: gate({ 'rollback-workflow': 'rollback.yml' }) }).rollbackWorkflow).toBe(
      'rollback.yml',
    )
    expect(ok({ inputs: gate({ 'rollback-workflow': 'Roll_back-1.yaml' }) }).rollbackWorkflow).toBe(
      'Roll_back-1.yaml',
    )
  })

  it.each([
    '.github/workflows/rollback.yml',
    'rollback',
    '../x.yml',
    'a b.yml',
    'rollback.yml?x=1',
    '-x.yml',
  ])('rejects rollback-workflow %j, naming the input', (value) => {
    const { problems } = resolve({ inputs: gate({ 'rollback-workflow': value }) })
    expect(problems).toEqual([
      {
        path: 'rollback-workflow',
        message: `expected the workflow's file name, e.g. rollback.yml (no directory), got "${value}"`,
      },
    ])
  })

  it('treats an unevaluated ${{ github.token }} (local-action fills in action.yml defaults) as no token', () => {
    const s = ok({ inputs: gate({ 'github-token': '${{ github.token }}' }) })
    expect(s.token).toBe('')
    expect(s.secrets).toEqual([])
    expect(ok({ inputs: gate({ 'github-token': 'ghs_real' }) }).token).toBe('ghs_real')
  })
})

describe('resolveSettings: nothing empty to mask (found running under @github/local-action)', () => {
  it('registers no empty secret for an empty header value or password', () => {
    const s = ok({
      inputs: metrics({
        'prometheus-headers': 'X-Empty:',
        'prometheus-username': 'grafana',
        'prometheus-password': '',
      }),
    })
    expect(s.prometheus?.headers).toEqual({ 'X-Empty': '' })
    expect(s.prometheus?.basicAuth).toEqual({ username: 'grafana', password: '' })
    expect(s.secrets).not.toContain('')
  })
})

describe('job-check-run-id (hidden; action.yml default ${{ job.check_run_id }})', () => {
  const base = { 'health-urls': 'https://app.example.com/healthz' }
  it.each([
    ['51725241954', '51725241954'],
    ['', ''],
  ])('%j is taken as given', (value, expected) => {
    const s = ok({ inputs: { ...base, 'job-check-run-id': value } })
    expect(s.jobCheckRunId).toBe(expected)
  })

  it('anything but digits is an input error naming the input', () => {
    const { problems } = resolve({ inputs: { ...base, 'job-check-run-id': '12; rm -rf' } })
    expect(problems.map((p) => p.path)).toEqual(['job-check-run-id'])
    expect(problems[0]!.message).toContain('leave this input unset')
  })
})
