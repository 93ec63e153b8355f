/**
 * Fault matrix, part B (issue #6): GitHub API faults, process faults (signals, exceptions inside a check) and the
 * property test of the Prometheus client and evaluator. One row per fault: what goes wrong, what must come of it, and
 * the test that holds it. The tests take their names from here (`G01 …`), so a row and its test cannot drift apart;
 * scripts/gen-reliability.ts renders these rows (with part A's `rowsA`) into docs/reliability.md.
 *
 * Plain data with no imports: `node scripts/gen-reliability.ts` loads this file directly.
 */

export interface MatrixRow {
  /** `G01`: the test's name starts with it. */
  readonly id: string
  readonly area: string
  readonly fault: string
  readonly expected: string
  /** The test file, from the repository root. */
  readonly file: string
  /** The test's name when it does not start with `id` (rows that point at an older test). */
  readonly test?: string
}

const GITHUB = '__tests__/faults/github-faults.test.ts'
const PROCESS = '__tests__/faults/process-faults.test.ts'
const INJECT = '__tests__/faults/process-inject.test.ts'
const PROPERTY = '__tests__/faults/property-prometheus.test.ts'
const LEDGER = '__tests__/e2e/ledger.test.ts'

/** What every GitHub and process row checks besides its own outcome. */
export const COMMON_ASSERTIONS =
  'exit code, verdict output, the error message, the deployment statuses and check runs left in GitHub (never an ' +
  '`in_progress` after the post step), and that neither the github-token nor the prometheus-token appears in stdout ' +
  '(other than the `::add-mask::` line), stderr, summary, outputs, state, report or any file the run left'

export const rowsB: readonly MatrixRow[] = [
  {
    id: 'G01',
    area: 'GitHub API',
    fault: '502 on create deployment, once',
    expected: 'retried (plugin-retry); one deployment, `in_progress` → `success`; exit 0, `stable`',
    file: GITHUB,
  },
  {
    id: 'G02',
    area: 'GitHub API',
    fault: '503 on the deployment look-up (`GET …/deployments`), once',
    expected: 'retried; one deployment, `in_progress` → `success`; exit 0, `stable`',
    file: GITHUB,
  },
  {
    id: 'G03',
    area: 'GitHub API',
    fault: '403 secondary rate limit with `retry-after: 1` on create deployment',
    expected: 'retried no sooner than the hinted second (≥ 0.9 s between the two requests); exit 0, `stable`',
    file: GITHUB,
  },
  {
    id: 'G04',
    area: 'GitHub API',
    fault: '429 with `retry-after: 1` on the `in_progress` status write',
    expected: 'retried no sooner than the hinted second; `in_progress` → `success`; exit 0, `stable`',
    file: GITHUB,
  },
  {
    id: 'G05',
    area: 'GitHub API',
    fault: 'secondary rate limit asking for an hour (`retry-after: 3600`) on create deployment',
    expected:
      'fails at once (no hour-long stall): exit 1, "GitHub API rate limit exceeded"; one request; nothing recorded, ' +
      'no health request',
    file: GITHUB,
  },
  {
    id: 'G06',
    area: 'GitHub API',
    fault: '403 `Resource not accessible by integration` on create deployment',
    expected:
      'exit 1, the message names `deployments: write`; nothing recorded, no health request (see also ledger.test.ts)',
    file: GITHUB,
  },
  {
    id: 'G07',
    area: 'GitHub API',
    fault: '404 on every repository request (wrong repository, or no access)',
    expected: 'exit 1, "owner/repo not found, or the token cannot access owner/repo"; nothing recorded',
    file: GITHUB,
  },
  {
    id: 'G08',
    area: 'GitHub API',
    fault: '401 Bad credentials (github-token not accepted)',
    expected: 'exit 1, "bad credentials: the github-token is invalid or has expired"; nothing recorded',
    file: GITHUB,
  },
  {
    id: 'G09',
    area: 'GitHub API',
    fault: '422 on create deployment (`No ref found for: …`)',
    expected: "exit 1, HTTP 422 with GitHub's message; nothing recorded, no health request",
    file: GITHUB,
  },
  {
    id: 'G10',
    area: 'GitHub API',
    fault: 'connection destroyed in the middle of the final status write, once',
    expected: 'retried; exactly one `success` after `in_progress`; exit 0, `stable`',
    file: GITHUB,
  },
  {
    id: 'G11',
    area: 'GitHub API',
    fault: 'connection destroyed on every attempt (4) of the final status write',
    expected:
      'exit 1, "could not set the status of deployment N to success"; `deployment-id` still set; the post step ' +
      'writes `error` / `gate did not finish` and completes the check run (`cancelled`)',
    file: GITHUB,
  },
  {
    id: 'G12',
    area: 'GitHub API',
    fault: "SIGTERM during observation, then a 502 on the post step's status write",
    expected: 'the post step retries; the deployment ends `error` / `gate did not finish`',
    file: GITHUB,
  },
  {
    id: 'P01',
    area: 'process',
    fault: 'SIGTERM during startup (health URL never passes)',
    expected:
      'exit 1, "gate cancelled (SIGTERM)", no verdict; the post step writes `error` / `gate did not finish`',
    file: PROCESS,
  },
  {
    id: 'P02',
    area: 'process',
    fault: 'SIGTERM during warm-up',
    expected:
      'exit 1, "gate cancelled (SIGTERM)"; no metric sample taken; post: `error` / `gate did not finish`',
    file: PROCESS,
  },
  {
    id: 'P03',
    area: 'process',
    fault: 'SIGINT during warm-up',
    expected:
      'exit 1, "gate cancelled (SIGINT)"; no metric sample taken; post: `error` / `gate did not finish`',
    file: PROCESS,
  },
  {
    id: 'P04',
    area: 'process',
    fault: 'SIGINT during observation',
    expected: 'exit 1, "gate cancelled (SIGINT)"; post: `error` / `gate did not finish`',
    file: PROCESS,
  },
  {
    id: 'P05',
    area: 'process',
    fault: 'SIGTERM during observation with `check-name`',
    expected:
      'the post step closes both records: deployment `error` / `gate did not finish`, check run `completed` / ' +
      '`cancelled`',
    file: PROCESS,
  },
  {
    id: 'P06',
    area: 'process',
    fault: 'an exception thrown inside an HTTP check (injected into dist with a `--import` preload)',
    expected:
      'each sample is an `error` naming the exception; `inconclusive`, exit 1, deployment `error`; never green',
    file: PROCESS,
  },
  {
    id: 'P07',
    area: 'process',
    fault: 'an exception thrown inside a metric check (injected into dist with a `--import` preload)',
    expected: 'each sample is an `error` ("unexpected error: …"); `inconclusive`, exit 1; never green',
    file: PROCESS,
  },
  {
    id: 'P08',
    area: 'process',
    fault:
      'an HTTP check header that made every request throw inside the check: a `${NAME}` token pasted with a ' +
      'typographic dash (beyond Latin-1), a header name with a space',
    expected:
      'config error naming each path, before any request and any record; exit 1; the value is not shown',
    file: PROCESS,
  },
  {
    id: 'P09',
    area: 'process',
    fault:
      'a measurement that throws (Error, TypeError, string, undefined, object, rejected promise) or returns garbage ' +
      '(runGate, in process)',
    expected: 'recorded as `error` samples; the check never passes; the verdict is never `stable`',
    file: INJECT,
  },
  {
    id: 'P10',
    area: 'process',
    fault:
      'the HTTP prober throws inside a check after startup (main.ts `run()`, in process, prober replaced)',
    expected: 'the step fails (exit code 1, `inconclusive`), also for a non-Error throw; never green',
    file: INJECT,
  },
  {
    id: 'P11',
    area: 'process',
    fault: 'SIGTERM during observation',
    expected: 'exit ≠ 0, error names SIGTERM; post: `error` / `gate did not finish`',
    file: LEDGER,
    test: 'a gate that does not finish … › SIGTERM during the observation window',
  },
  {
    id: 'P12',
    area: 'process',
    fault: 'SIGINT during startup',
    expected: 'exit ≠ 0, error names SIGINT; post: `error` / `gate did not finish`',
    file: LEDGER,
    test: 'a gate that does not finish … › SIGINT during startup (the health URL never passes)',
  },
  {
    id: 'R01',
    area: 'Prometheus responses (property)',
    fault:
      '≥ 1,000 generated answers: random status codes, content types, JSON shapes (vector, scalar, matrix, string, ' +
      'garbage), values (`NaN`, `±Inf`, huge, negative, non-numeric), missing and extra fields, truncations, empty ' +
      'bodies, `status: error` with and without `errorType`, dropped connections, bodies over 10 MiB',
    expected:
      'every query resolves to a Measurement (no exception escapes); `pass` only for a well-formed 2xx success ' +
      'vector/scalar whose real values are all within the thresholds; the evaluator passes a check only on such a ' +
      'sample (or no-data with `on-no-data: pass`)',
    file: PROPERTY,
  },
]

/** The row with this id; throws for an unknown id, so a test cannot name a row that is not in the matrix. */
export function rowB(id: string): MatrixRow {
  const row = rowsB.find((r) => r.id === id)
  if (!row) throw new Error(`no fault matrix row ${id}`)
  return row
}

/** A test's name: the row's id and fault. */
export function testName(id: string): string {
  const row = rowB(id)
  return `${row.id} ${row.fault}`
}
