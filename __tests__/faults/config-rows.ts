/**
 * Fault matrix, config area: every input with a wrong type or value, and every kind of bad config file (SPEC §1, §2,
 * §8). Each row must end with exit 1, no `verdict`, one `::error::` per problem naming the input or the config path
 * (with the file line where there is a file), "nothing was recorded", and no request to GitHub, Prometheus or a
 * health URL. Run by config-faults.test.ts; the e2e test "an input error (cpu-max: 150, interval: 5)" in
 * __tests__/e2e/gate.test.ts already shows two input errors at once.
 */
import { expect } from 'vitest'
import { CONFIG_PATH, type FaultRow, type RowContext } from './matrix-a-table.ts'

/** Rows whose error comes after settings (gate mode reads the CA file when it makes its clients): dist only. */
export const DIST_ONLY: ReadonlySet<string> = new Set(['ca-file-missing', 'ca-file-not-pem'])

/**
 * The rows config-faults.test.ts also runs through dist/index.js, to prove the wiring (inputs from INPUT_*, the file
 * from the workspace, annotations on config lines, the failure line); every row runs in-process in
 * __tests__/config/config-rows.test.ts.
 */
export const THROUGH_DIST: ReadonlySet<string> = new Set([
  ...DIST_ONLY,
  'dry-run-yes',
  'health-url-ftp-with-password',
  'token-and-basic-auth',
  'several-at-once',
  'config-file-missing',
  'yaml-duplicate-key',
  'env-reference-unset',
])

const NOTHING = { exitCode: 1, verdict: null, recorded: 'nothing' } as const
const HOST = 'job="node"'

/** A config file whose checks are valid, with `extra` lines appended (YAML, top level). */
function file(ctx: RowContext, extra: string): string {
  return `version: 1
prometheus:
  url: ${ctx.url()}
${extra}`
}

/** A bad-input row: `inputs` over the defaults, one `::error::` matching `error`. */
function inputRow(
  id: string,
  fault: string,
  inputs: Record<string, string>,
  error: RegExp,
  expected = `exit 1, an error naming ${Object.keys(inputs)[0]}, nothing recorded`,
): FaultRow {
  return { id, fault, expected, inputs: () => inputs, expect: { ...NOTHING, errors: [error] } }
}

/** A bad-config-file row: one `::error::` matching `error`, annotated on `line` of the file when given. */
function fileRow(
  id: string,
  fault: string,
  config: (ctx: RowContext) => string,
  error: RegExp | RegExp[],
  line?: number,
  expected = 'exit 1, an error naming the config path and file line, nothing recorded',
): FaultRow {
  const errors = Array.isArray(error) ? error : [error]
  const first = errors[0]!
  return {
    id,
    fault,
    expected,
    config,
    expect: { ...NOTHING, errors },
    ...(line === undefined
      ? {}
      : {
          verify: ({ result }) => {
            const annotation = result.annotations.find((a) => a.level === 'error' && first.test(a.message))
            expect(annotation, `an annotation matching ${first}`).toBeDefined()
            expect(annotation).toMatchObject({ file: CONFIG_PATH, line })
          },
        }),
  }
}

export const configRows: readonly FaultRow[] = [
  // ----- inputs: wrong values and types
  inputRow(
    'mode-unknown',
    'mode: deploy',
    { mode: 'deploy' },
    /mode: expected one of gate, rollback, validate, got "deploy"/,
  ),
  inputRow(
    'dry-run-yes',
    'dry-run: yes (not a boolean)',
    { 'dry-run': 'yes' },
    /dry-run: expected true or false, got "yes"/,
  ),
  inputRow(
    'record-maybe',
    'record: maybe',
    { record: 'maybe' },
    /record: expected true or false, got "maybe"/,
  ),
  inputRow(
    'fail-on-inconclusive-1',
    'fail-on-inconclusive: 1',
    { 'fail-on-inconclusive': '1' },
    /fail-on-inconclusive: expected true or false, got "1"/,
  ),
  inputRow(
    'duration-bare-number',
    'duration: 5 (no unit)',
    { duration: '5' },
    /duration: expected a duration like 500ms, 10s, 5m, 1h, 1h30m or 1d, got "5"/,
  ),
  inputRow('warmup-negative', 'warmup: -1s', { warmup: '-1s' }, /warmup: expected a duration .*, got "-1s"/),
  inputRow(
    'startup-timeout-years',
    'startup-timeout: 1y',
    { 'startup-timeout': '1y' },
    /startup-timeout: expected a duration .*, got "1y"/,
  ),
  inputRow('interval-zero', 'interval: 0s', { interval: '0s' }, /interval: must be longer than 0s, got "0s"/),
  inputRow(
    'cpu-max-nan',
    'cpu-max: NaN',
    { 'host-selector': HOST, 'cpu-max': 'NaN' },
    /cpu-max: expected a percent from 0 to 100 or off, got "NaN"/,
  ),
  inputRow(
    'memory-max-over-100',
    'memory-max: 150',
    { 'host-selector': HOST, 'memory-max': '150' },
    /memory-max: expected a percent from 0 to 100 or off, got "150"/,
  ),
  inputRow(
    'disk-max-percent-sign',
    'disk-max: 80% (with a percent sign)',
    { 'host-selector': HOST, 'disk-max': '80%' },
    /disk-max: expected a percent from 0 to 100 or off, got "80%"/,
  ),
  inputRow(
    'kv-cache-max-off',
    'kv-cache-max: off (it has no off)',
    { 'gpu-selector': 'job="gpu"', 'kv-cache-max': 'off' },
    /kv-cache-max: expected a percent from 0 to 100, got "off"/,
  ),
  inputRow(
    'kv-cache-max-without-selector',
    'kv-cache-max set without vllm-selector or gpu-selector',
    { 'kv-cache-max': '90' },
    /kv-cache-max: needs vllm-selector or gpu-selector/,
  ),
  inputRow(
    'max-consecutive-failures-zero',
    'max-consecutive-failures: 0',
    { 'max-consecutive-failures': '0' },
    /max-consecutive-failures: expected a whole number of at least 1, got "0"/,
  ),
  inputRow(
    'max-failures-fraction',
    'max-failures: 2.5',
    { 'max-failures': '2.5' },
    /max-failures: expected a whole number of at least 1, got "2.5"/,
  ),
  inputRow(
    'max-consecutive-errors-negative',
    'max-consecutive-errors: -1',
    { 'max-consecutive-errors': '-1' },
    /max-consecutive-errors: expected a whole number of at least 1, got "-1"/,
  ),
  inputRow(
    'on-no-data-unknown',
    'on-no-data: ignore',
    { 'on-no-data': 'ignore' },
    /on-no-data: expected one of fail, pass, inconclusive, got "ignore"/,
  ),
  inputRow(
    'report-retention-days-365',
    'report-retention-days: 365',
    { 'report-retention-days': '365' },
    /report-retention-days: expected a whole number from 1 to 90, got "365"/,
  ),
  inputRow(
    'sha-branch-name',
    'sha: main (a branch, not a commit)',
    { sha: 'main' },
    /sha: expected a commit SHA \(7 to 40 hex digits\), got "main"/,
  ),
  {
    id: 'health-url-ftp-with-password',
    fault: 'health-urls: an ftp:// URL carrying a password',
    expected: 'exit 1, an error naming health-urls with the user info replaced, nothing recorded',
    inputs: (ctx) => ({
      'health-urls': `ftp://${ctx.secrets.user}:${ctx.secrets.password}@127.0.0.1/health`,
    }),
    expect: {
      ...NOTHING,
      errors: [
        /health-urls: expected an http:\/\/ or https:\/\/ URL, got "ftp:\/\/\*\*\*@127\.0\.0\.1\/health"/,
      ],
    },
  },
  inputRow(
    'prometheus-url-no-scheme',
    'prometheus-url: prometheus:9090 (no scheme)',
    { 'prometheus-url': 'prometheus:9090', 'host-selector': HOST },
    /prometheus-url: expected an http:\/\/ or https:\/\/ URL/,
  ),
  {
    id: 'prometheus-headers-no-colon',
    fault: 'prometheus-headers: a line without "Name: value"',
    expected: 'exit 1, an error naming prometheus-headers, nothing recorded',
    inputs: (ctx) => ({ 'prometheus-headers': `X-Scope-OrgID: ${ctx.secrets.header}\nX-Tenant team-a` }),
    expect: { ...NOTHING, errors: [/prometheus-headers: expected one "Name: value" per line/] },
  },
  {
    id: 'token-and-basic-auth',
    fault: 'prometheus-token and prometheus-username/password together',
    expected: 'exit 1, an error naming prometheus-token (only one Authorization), nothing recorded',
    inputs: (ctx) => ({
      'host-selector': HOST,
      'prometheus-username': ctx.secrets.user,
      'prometheus-password': ctx.secrets.password,
    }),
    expect: {
      ...NOTHING,
      errors: [/prometheus-token: set either a bearer token or basic auth for Prometheus, not both/],
    },
  },
  inputRow(
    'host-selector-injection',
    'host-selector trying PromQL injection: "}) or vector(1) #',
    { 'host-selector': '"}) or vector(1) #' },
    /host-selector: expected a matcher like label="value" at position 1/,
  ),
  inputRow(
    'gpu-selector-closing-brace',
    'gpu-selector closing the braces: job="gpu"}) or vector(1)',
    { 'gpu-selector': 'job="gpu"}) or vector(1)' },
    /gpu-selector: expected "," or the end of the selector at position 10/,
  ),
  {
    id: 'no-checks',
    fault: 'no checks at all (no health-urls, selectors or config file checks)',
    expected: 'exit 1, an error saying there are no checks and how to add one, nothing recorded',
    inputs: () => ({ 'health-urls': '' }),
    // The password rides on a Prometheus header here: there is no health URL to carry it.
    env: (ctx) => ({ DG_FAULT_PASSWORD: ctx.secrets.password }),
    config: (ctx) => file(ctx, '  headers:\n    X-Password: "${DG_FAULT_PASSWORD}"\n'),
    expect: {
      ...NOTHING,
      errors: [
        /config: no checks: set health-urls, host-selector, gpu-selector, kv-cache-max, alert-selector or service-selector/,
      ],
    },
  },
  {
    id: 'several-at-once',
    fault: 'three bad inputs and a bad config file key at once',
    expected: 'exit 1, all four problems reported in one run, nothing recorded',
    inputs: () => ({ duration: '5', 'cpu-max': '150', 'host-selector': HOST, 'on-no-data': 'maybe' }),
    config: (ctx) => file(ctx, 'polcy:\n  duration: 1m\n'),
    expect: {
      ...NOTHING,
      errors: [
        /invalid input duration: /,
        /cpu-max: /,
        /on-no-data: /,
        /polcy: unknown key/,
        /4 input or config problems/,
      ],
    },
  },

  // ----- the config file
  {
    id: 'config-file-missing',
    fault: 'config names a file that does not exist',
    expected: 'exit 1, an error naming config and the path, nothing recorded',
    inputs: () => ({ config: '.github/missing.yml' }),
    expect: { ...NOTHING, errors: [/config: file not found: \.github\/missing\.yml/] },
  },
  fileRow(
    'yaml-syntax-error',
    'YAML syntax error (an unclosed flow mapping)',
    (ctx) => file(ctx, 'policy: { duration: 1m\nhttp: []\n'),
    /config: YAML /,
  ),
  fileRow(
    'yaml-duplicate-key',
    'YAML mapping with a duplicate key',
    (ctx) => file(ctx, 'policy:\n  duration: 1m\n  duration: 2m\n'),
    /config: YAML .*unique/i,
    6,
  ),
  fileRow(
    'config-empty',
    'an empty config file',
    () => '',
    /config: the file is empty; expected at least "version: 1"/,
  ),
  fileRow(
    'config-version-2',
    'version: 2',
    (ctx) => file(ctx, '').replace('version: 1', 'version: 2'),
    /version: expected 1, got 2/,
    1,
  ),
  fileRow(
    'unknown-keys',
    'unknown keys at the top level and inside a check (follow_redirects)',
    (ctx) =>
      file(
        ctx,
        `promethus:
  url: http://127.0.0.1:9
http:
  - name: api
    url: ${ctx.url('/_healthy')}
    follow_redirects: true
`,
      ),
    [/http\[0\]\.follow_redirects: unknown key/, /promethus: unknown key/],
    9,
  ),
  fileRow(
    'metric-max-string',
    'metrics[0].max: "80" (a string)',
    (ctx) =>
      file(
        ctx,
        `metrics:\n  - name: web-memory\n    builtin: memory\n    selector: '${HOST}'\n    max: "80"\n`,
      ),
    /metrics\[0\]\.max: expected a number, got "80"/,
    8,
  ),
  fileRow(
    'metric-max-nan',
    'metrics[0].max: .nan',
    (ctx) =>
      file(
        ctx,
        `metrics:\n  - name: web-memory\n    builtin: memory\n    selector: '${HOST}'\n    max: .nan\n`,
      ),
    /metrics\[0\]\.max: expected a number/,
    8,
  ),
  fileRow(
    'metric-min-above-max',
    'min > max (min: 90, max: 10)',
    (ctx) =>
      file(
        ctx,
        'metrics:\n  - name: errors\n    query: sum(rate(errors_total[5m]))\n    min: 90\n    max: 10\n',
      ),
    /metrics\[0\]\.min: min 90 is greater than max 10/,
    7,
  ),
  fileRow(
    'query-without-bounds',
    'a query check with neither max nor min',
    (ctx) => file(ctx, 'metrics:\n  - name: errors\n    query: sum(rate(errors_total[5m]))\n'),
    /metrics\[0\]: query checks need max, min or a baseline/,
  ),
  fileRow(
    'builtin-and-query',
    'a metric check with both builtin and query',
    (ctx) => file(ctx, 'metrics:\n  - name: both\n    builtin: cpu\n    query: up\n    max: 1\n'),
    /metrics\[0\]: set exactly one of builtin or query/,
  ),
  fileRow(
    'selector-injection-in-file',
    'a config selector trying PromQL injection: "}) or vector(1) #',
    (ctx) => file(ctx, `metrics:\n  - name: web-cpu\n    builtin: cpu\n    selector: '"}) or vector(1) #'\n`),
    /metrics\[0\]\.selector: expected a matcher like label="value" at position 1/,
    7,
  ),
  fileRow(
    'policy-duration-number',
    'policy.duration: 5 (a YAML number)',
    (ctx) => file(ctx, 'policy:\n  duration: 5\n'),
    /policy\.duration: expected a duration like 500ms, 10s, 5m, 1h, 1h30m or 1d, got 5/,
    5,
  ),
  fileRow(
    'policy-interval-negative',
    'policy.interval: -1s',
    (ctx) => file(ctx, 'policy:\n  interval: -1s\n'),
    /policy\.interval: expected a duration like 500ms, 10s, 5m, 1h, 1h30m or 1d/,
    5,
  ),
  fileRow(
    'prometheus-timeout-years',
    'prometheus.timeout: 1y',
    (ctx) => file(ctx, '  timeout: 1y\n'),
    /prometheus\.timeout: expected a duration like 500ms, 10s, 5m, 1h, 1h30m or 1d/,
    4,
  ),
  fileRow(
    'policy-limit-zero',
    'policy.max-failures: 0',
    (ctx) => file(ctx, 'policy:\n  max-failures: 0\n'),
    /policy\.max-failures: expected a whole number of at least 1/,
    5,
  ),
  fileRow(
    'http-method-delete',
    'http[0].method: DELETE',
    (ctx) => file(ctx, `http:\n  - name: api\n    url: ${ctx.url('/_healthy')}\n    method: DELETE\n`),
    /http\[0\]\.method: expected one of GET, HEAD, POST, got "DELETE"/,
    7,
  ),
  fileRow(
    'http-expect-status-700',
    'http[0].expect-status: [700]',
    (ctx) => file(ctx, `http:\n  - name: api\n    url: ${ctx.url('/_healthy')}\n    expect-status: [700]\n`),
    /http\[0\]\.expect-status\[0\]: expected an HTTP status from 100 to 599/,
  ),
  fileRow(
    'http-follow-redirects-string',
    'http[0].follow-redirects: "yes" (a string)',
    (ctx) =>
      file(ctx, `http:\n  - name: api\n    url: ${ctx.url('/_healthy')}\n    follow-redirects: "yes"\n`),
    /http\[0\]\.follow-redirects: expected a boolean, got "yes"/,
    7,
  ),
  fileRow(
    'check-name-with-comma',
    'a check name with a comma (failed-checks is comma-separated)',
    (ctx) => file(ctx, `http:\n  - name: "api,db"\n    url: ${ctx.url('/_healthy')}\n`),
    /http\[0\]\.name: expected a name of letters, digits/,
    5,
  ),
  {
    id: 'duplicate-check-names',
    fault:
      'duplicate check names: two http checks "api", and a file check "cpu" next to host-selector\'s cpu',
    expected: 'exit 1, one error per duplicate naming both declarations, nothing recorded',
    inputs: () => ({ 'host-selector': HOST }),
    config: (ctx) =>
      file(
        ctx,
        `http:
  - name: api
    url: ${ctx.url('/_healthy')}
  - name: api
    url: ${ctx.url('/_healthy')}
metrics:
  - name: cpu
    builtin: cpu
    selector: '${HOST}'
`,
      ),
    expect: {
      ...NOTHING,
      errors: [
        /http\[1\]: duplicate check name "api" \(also declared by http\[0\]\)/,
        /metrics\[0\]: duplicate check name "cpu" \(also declared by host-selector\)/,
      ],
    },
  },
  {
    id: 'env-reference-unset',
    fault: 'an ${NAME} reference to an unset variable (http[0].headers.Authorization)',
    expected: 'exit 1, an error naming the path and the variable, nothing recorded',
    config: (ctx) =>
      file(
        ctx,
        `http:
  - name: api
    url: ${ctx.url('/_healthy')}
    headers:
      Authorization: "Bearer \${DG_FAULT_UNSET}"
`,
      ),
    expect: {
      ...NOTHING,
      errors: [/http\[0\]\.headers\.Authorization: environment variable DG_FAULT_UNSET is not set/],
    },
    verify: ({ result }) => {
      expect(result.annotations.find((a) => /DG_FAULT_UNSET/.test(a.message))).toMatchObject({ line: 8 })
    },
  },
  fileRow(
    'env-reference-not-allowed',
    'an ${NAME} reference where it is not allowed (policy.duration)',
    (ctx) => file(ctx, 'policy:\n  duration: "${DG_FAULT_DURATION}"\n'),
    /policy\.duration: \$\{NAME\} is allowed only in prometheus url, bearer-token, basic-auth, headers and http url, headers/,
    5,
  ),
  {
    id: 'bearer-token-trailing-newline',
    fault: 'prometheus.bearer-token from ${NAME} whose value ends in a newline (a token file read as is)',
    expected:
      'exit 1, an error naming prometheus.bearer-token, nothing recorded (not an error in every query)',
    inputs: () => ({ 'host-selector': HOST, 'prometheus-token': '' }),
    env: (ctx) => ({ DG_FAULT_TOKEN: `${ctx.secrets.token}\n` }),
    config: (ctx) => file(ctx, '  bearer-token: "${DG_FAULT_TOKEN}"\n'),
    expect: {
      ...NOTHING,
      errors: [/prometheus\.bearer-token: expected a token without line breaks.*trailing newline/],
    },
  },
  {
    id: 'header-value-trailing-newline',
    fault: 'an http check header from ${NAME} whose value ends in a newline',
    expected: 'exit 1, an error naming http[0].headers.X-Api-Key, nothing recorded',
    env: (ctx) => ({ DG_FAULT_HEADER: `${ctx.secrets.header}\n` }),
    config: (ctx) =>
      file(
        ctx,
        `http:\n  - name: api\n    url: ${ctx.url('/_healthy')}\n    headers:\n      X-Api-Key: "\${DG_FAULT_HEADER}"\n`,
      ),
    expect: {
      ...NOTHING,
      errors: [/http\[0\]\.headers\.X-Api-Key: expected a header value without line breaks/],
    },
  },
  {
    id: 'ca-file-missing',
    fault: 'prometheus.ca-file names a file that does not exist',
    expected: 'exit 1, an error naming prometheus.ca-file, nothing recorded (no deployment left in_progress)',
    inputs: () => ({ 'host-selector': HOST }),
    config: (ctx) => file(ctx, '  ca-file: certs/missing-ca.pem\n'),
    expect: {
      ...NOTHING,
      errors: [/prometheus\.ca-file: cannot read ca-file certs\/missing-ca\.pem: ENOENT/],
    },
    verify: ({ result }) => {
      expect(result.annotations.find((a) => /ca-file/.test(a.message))).toMatchObject({
        file: CONFIG_PATH,
        line: 4,
      })
    },
  },
  {
    id: 'ca-file-not-pem',
    fault: 'prometheus.ca-file names a file that holds no PEM certificate',
    expected: 'exit 1, an error naming prometheus.ca-file, nothing recorded',
    inputs: () => ({ 'host-selector': HOST }),
    config: (ctx) => file(ctx, `  ca-file: ${CONFIG_PATH}\n`),
    expect: {
      ...NOTHING,
      errors: [/prometheus\.ca-file: ca-file \.github\/deploy-gate\.yml holds no PEM certificate/],
    },
  },
]
