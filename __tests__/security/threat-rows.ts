/**
 * The threats of issue 10, the rule that answers each, and the test that holds it. docs/reliability.md's Security
 * section renders these rows (scripts/gen-reliability.ts, between `<!-- start threats -->` and `<!-- end threats -->`);
 * __tests__/faults/reliability-doc.test.ts fails when the table is stale or a row names a test that is not there.
 */
export interface ThreatRow {
  readonly id: string
  readonly threat: string
  readonly rule: string
  /** The test file, from the repository root. */
  readonly file: string
  /** A piece of the test's name, as written in the file. */
  readonly test: string
}

const INJECTION = '__tests__/security/command-injection.test.ts'
const CONFIG_PATH = '__tests__/security/config-path.test.ts'

export const threatRows: readonly ThreatRow[] = [
  {
    id: 'S01',
    threat:
      'A monitored host serves label values / mount points with `\\r`, `\\n`, `::error …`, `::stop-commands::`, `##[`, `|`, backticks, HTML (a node_exporter-style exporter scraped by the real Prometheus)',
    rule: 'Every line, annotation message, title and file goes out through `src/report/log.ts`: secrets redacted, control characters escaped (`\\r`, `\\xNN`), `::` at a line start and `##[` anywhere broken; the gate still fails and its own annotations stand',
    file: INJECTION,
    test: 'hostile mount points scraped by the real Prometheus',
  },
  {
    id: 'S02',
    threat:
      'A Prometheus error text carrying `\\n::set-output …`, `\\r::error …`, `##[error]` (gate log, validate)',
    rule: 'The same logger; error texts are quoted only through it',
    file: INJECTION,
    test: 'a Prometheus error text carrying commands is printed inert',
  },
  {
    id: 'S03',
    threat: 'An app body quoted in a reason (`expect-json`) carrying `##[error]` and `\\r::error`',
    rule: 'The same logger',
    file: INJECTION,
    test: 'an app body quoted in a reason cannot forge a command',
  },
  {
    id: 'S04',
    threat:
      'A config from a pull request sends `${ACTIONS_RUNTIME_TOKEN}`, `${ACTIONS_ID_TOKEN_REQUEST_TOKEN}`, `${GITHUB_TOKEN}`, … to a URL it chooses (url, bearer-token, headers)',
    rule: '`${NAME}` never reads `ACTIONS_*`, `GITHUB_*`, `RUNNER_*`, `INPUT_*`, `STATE_*`: a config error naming the path, before any request; secrets go in the step `env:` under your own names',
    file: '__tests__/security/env-interpolation.test.ts',
    test: 'every reference is a config error naming its path; nothing is sent',
  },
  {
    id: 'S05',
    threat:
      '`config` is a symlink to a file outside the workspace, a `../` path or an absolute path (content quoted back)',
    rule: '`config` must realpath inside `GITHUB_WORKSPACE`; else a config error naming `config` that quotes nothing of the file',
    file: CONFIG_PATH,
    test: 'a config error naming config, nothing quoted',
  },
  {
    id: 'S06',
    threat:
      '`config` is `/dev/zero` (via a symlink), a FIFO, a directory or a file over 1 MiB (the runner reads forever)',
    rule: 'A regular file of at most 1 MiB, opened non-blocking without following links, `fstat`ed, read with a bound',
    file: CONFIG_PATH,
    test: "'a FIFO inside the workspace'",
  },
  {
    id: 'S07',
    threat: 'A YAML alias bomb',
    rule: 'Refused at 100 aliases; the message names `config`',
    file: CONFIG_PATH,
    test: 'a YAML alias bomb is refused quickly with a message naming config',
  },
  {
    id: 'S08',
    threat:
      'A token echoed across the 80-character cut of a quote; URL user info echoed as `Basic <base64 of user:password>`',
    rule: 'Redaction before any cut (`shorten` redacts the registered secrets first); every secret in every encoding a server could echo: raw, URL-encoded, form-encoded, base64 (all three alignments), base64 of each `user:password`',
    file: '__tests__/security/redaction.test.ts',
    test: 'a token echoed across the 80-character cut',
  },
  {
    id: 'S09',
    threat: 'A form-encoded password echoed by Prometheus in an error text',
    rule: 'As S08',
    file: '__tests__/security/redaction.test.ts',
    test: 'a form-encoded password echoed by Prometheus',
  },
  {
    id: 'S10',
    threat:
      'A config with 10,000 checks: thousands of annotations, a summary over 1 MiB (dropped by the runner)',
    rule: '≤ 10 annotations per level and ≤ 50 on config lines per run, the rest counted in the summary; every summary (gate, rollback, validate) cut to 1 MiB at a line',
    file: '__tests__/security/budgets.test.ts',
    test: 'validate with 10,000 bad checks',
  },
  {
    id: 'S11',
    threat: 'GitHub requests growing with the checks (check-run annotations 50 per request)',
    rule: 'The check run is completed in one request with at most 50 annotations; the rest are counted in its summary',
    file: '__tests__/security/budgets.test.ts',
    test: 'the GitHub requests of a run do not depend on the number of checks',
  },
  {
    id: 'S12',
    threat:
      'A bare `https://evil.example/reset` or `www.evil.example` from outside data autolinked in the summary',
    rule: '`escapeCell` writes `://` and `www.` as entities outside code spans: the same text, no link',
    file: INJECTION,
    test: 'hostile mount points scraped by the real Prometheus',
  },
  {
    id: 'S13',
    threat: 'A new log line that bypasses the sanitiser',
    rule: 'Only `src/report/log.ts` may import `@actions/core` to print (eslint `no-restricted-imports`); no `console.*`, no `process.stdout/stderr` in `src/`',
    file: '__tests__/security/print-boundary.test.ts',
    test: 'only src/report/log.ts prints',
  },
]
