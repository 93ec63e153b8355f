export const id = 116;
export const ids = [116];
export const modules = {

/***/ 96584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ repoFromEnv),
/* harmony export */   LX: () => (/* binding */ createGitHubClient),
/* harmony export */   OS: () => (/* binding */ GitHubApiError),
/* harmony export */   ym: () => (/* binding */ mapGitHubError)
/* harmony export */ });
/* unused harmony export rateLimitWaitMs */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70819);
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(61351);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(49735);
/**
 * The GitHub REST client and its error mapping. The only importer of `@actions/github`.
 *
 * Retries, configured once here:
 * - 5xx answers and network errors: `@octokit/plugin-retry` (3 retries, waiting `retryAfterBaseValueMs` × n² before
 *   retry n: 1 s, 4 s, 9 s).
 * - Rate limits: plugin-retry v8 does not read `retry-after` (it backs off n² seconds on 429 and never retries a 403),
 *   so a small wrap hook below handles them the way GitHub documents: a 429, or a 403 that is a secondary rate limit
 *   (`retry-after` header or "secondary rate limit" message) or an exhausted primary limit (`x-ratelimit-remaining: 0`),
 *   is retried after `retry-after` seconds, else after `x-ratelimit-reset`, else after one minute, at most
 *   `rateLimitRetries` times, and only when the wait is at most `maxRateLimitWaitMs`; a longer wait fails at once with a
 *   rate-limit message rather than stalling a deploy job for an hour. 429 is taken out of plugin-retry so the two never
 *   both retry the same answer.
 */



/** Statuses plugin-retry gives up on at once: its defaults plus 429, which the rate-limit hook handles. */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];
const ONE_MINUTE_MS = 60_000;
function createGitHubClient(opts) {
    if (!opts.token)
        throw new Error('no GitHub token: the github-token input is empty');
    const baseUrl = (opts.baseUrl || process.env['GITHUB_API_URL'] || 'https://api.github.com').replace(/\/+$/, '');
    const timings = opts.retry ?? {};
    return (0,_actions_github__WEBPACK_IMPORTED_MODULE_1__/* .getOctokit */ .Q)(opts.token, {
        baseUrl,
        userAgent: opts.userAgent ?? 'deploy-gate',
        retry: {
            retries: timings.retries ?? 3,
            retryAfterBaseValue: timings.retryAfterBaseValueMs ?? 1000,
            doNotRetry: DO_NOT_RETRY,
        },
    }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__/* .retry */ .L, rateLimitPlugin(timings));
}
/** Applied after plugin-retry, so its hook wraps the whole retried request. */
function rateLimitPlugin(timings) {
    const retries = timings.rateLimitRetries ?? 2;
    const maxWaitMs = timings.maxRateLimitWaitMs ?? 2 * ONE_MINUTE_MS;
    const sleep = timings.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    const now = timings.now ?? Date.now;
    const log = timings.log ?? ((message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(message));
    return (octokit) => {
        octokit.hook.wrap('request', async (request, options) => {
            for (let attempt = 0;; attempt++) {
                try {
                    return await request(options);
                }
                catch (err) {
                    const waitMs = rateLimitWaitMs(err, now());
                    if (waitMs === undefined || attempt >= retries || waitMs > maxWaitMs)
                        throw err;
                    log(`GitHub rate limit on ${options.method} ${options.url}: retrying in ${Math.ceil(waitMs / 1000)} s`);
                    await sleep(waitMs);
                }
            }
        });
    };
}
function asHttpError(err) {
    if (!(err instanceof Error) || !('status' in err) || typeof err.status !== 'number')
        return undefined;
    return err;
}
function header(err, name) {
    const value = err.response?.headers?.[name];
    if (typeof value === 'number')
        return String(value);
    return typeof value === 'string' ? value : undefined;
}
/**
 * How long GitHub asks us to wait before retrying, or undefined when the error is not a rate limit.
 * GitHub: use `retry-after`; else, when `x-ratelimit-remaining` is 0, wait until `x-ratelimit-reset`; else one minute.
 */
function rateLimitWaitMs(err, nowMs) {
    const e = asHttpError(err);
    if (!e?.response || (e.status !== 403 && e.status !== 429))
        return undefined;
    const retryAfter = header(e, 'retry-after');
    if (retryAfter !== undefined) {
        const seconds = Number(retryAfter);
        if (Number.isFinite(seconds))
            return Math.max(0, seconds * 1000);
        const at = Date.parse(retryAfter);
        if (Number.isFinite(at))
            return Math.max(0, at - nowMs);
    }
    const reset = Number(header(e, 'x-ratelimit-reset'));
    if (header(e, 'x-ratelimit-remaining') === '0' && Number.isFinite(reset)) {
        return Math.max(0, reset * 1000 - nowMs) + 1000;
    }
    if (e.status === 429 || /secondary rate limit/i.test(e.message))
        return ONE_MINUTE_MS;
    return undefined;
}
/** `GITHUB_REPOSITORY` (`owner/repo`), read when called. */
function repoFromEnv(env = process.env) {
    const value = env['GITHUB_REPOSITORY'] ?? '';
    const [owner, repo, ...rest] = value.split('/');
    if (!owner || !repo || rest.length > 0) {
        throw new Error(`GITHUB_REPOSITORY must be "owner/repo", got ${value ? JSON.stringify(value) : 'nothing'}`);
    }
    return { owner, repo };
}
/** A GitHub API call that failed, with a message that says what to do. `status` is undefined without an HTTP answer. */
class GitHubApiError extends Error {
    status;
    /** The workflow permission the token lacks, as written in a workflow (`deployments: write`), when that is the cause. */
    permission;
    constructor(message, opts = {}) {
        super(message, { cause: opts.cause });
        this.name = 'GitHubApiError';
        this.status = opts.status;
        this.permission = opts.permission;
    }
}
/** Wraps anything a GitHub call threw into a GitHubApiError that names the fix; the original is kept as `cause`. */
function mapGitHubError(err, context) {
    if (err instanceof GitHubApiError)
        return err;
    const prefix = `could not ${context.action}`;
    const e = asHttpError(err);
    if (!e?.response) {
        // No HTTP answer (network error after the retries, abort) or not an Octokit error at all.
        const text = err instanceof Error ? err.message : String(err);
        return new GitHubApiError(scrub(`${prefix}: ${text}`), { cause: err });
    }
    const status = e.status;
    // Octokit's message is GitHub's `message` (plus its documentation URL); kept verbatim so nothing is lost.
    const github = `(GitHub: ${e.message})`;
    let text;
    let permission;
    if (status === 403 && /resource not accessible by integration/i.test(e.message)) {
        permission = context.permission;
        text = permission
            ? `the workflow token lacks ${permission}; add "permissions: ${permission}" to the job ${github}`
            : `the workflow token lacks a permission this request needs ${github}`;
    }
    else if (rateLimitWaitMs(e, Date.now()) !== undefined) {
        const reset = Number(header(e, 'x-ratelimit-reset'));
        const until = Number.isFinite(reset) && reset > 0 ? ` until ${new Date(reset * 1000).toISOString()}` : '';
        text = `GitHub API rate limit exceeded${until} ${github}`;
    }
    else if (status === 401) {
        text = `bad credentials: the github-token is invalid or has expired ${github}`;
    }
    else if (status === 404) {
        const repository = context.repository ?? repositoryOf(e.request?.url) ?? 'the repository';
        text = `${context.resource ?? repository} not found, or the token cannot access ${repository} ${github}`;
    }
    else {
        text = `HTTP ${status} ${github}`;
    }
    return new GitHubApiError(scrub(`${prefix}: ${text}`), { status, permission, cause: err });
}
function repositoryOf(url) {
    const match = url?.match(/\/repos\/([^/?#]+)\/([^/?#]+)/);
    return match ? `${decodeURIComponent(match[1] ?? '')}/${decodeURIComponent(match[2] ?? '')}` : undefined;
}
/** Belt and braces: a GitHub token never reaches a message, even if an answer echoed one. */
function scrub(text) {
    return text
        .replace(/\bgh[pousr]_[A-Za-z0-9_]{20,}/g, '***')
        .replace(/\bgithub_pat_[A-Za-z0-9_]{20,}/g, '***');
}


/***/ }),

/***/ 19556:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ readRunContext)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/** The run's context from the runner's GITHUB_* environment, read when asked (never at import time). */

function readRunContext(env = process.env) {
    const [owner = '', repo = ''] = (env['GITHUB_REPOSITORY'] ?? '').split('/');
    const eventName = env['GITHUB_EVENT_NAME'] ?? '';
    const sha = env['GITHUB_SHA'] ?? '';
    const runId = Number(env['GITHUB_RUN_ID'] ?? 0);
    const runAttempt = Number(env['GITHUB_RUN_ATTEMPT'] ?? 1);
    const serverUrl = (env['GITHUB_SERVER_URL'] ?? 'https://github.com').replace(/\/+$/, '');
    return {
        owner,
        repo,
        eventName,
        sha,
        headSha: pullRequestHead(env['GITHUB_EVENT_PATH'], eventName) ?? sha,
        runId,
        runAttempt,
        job: env['GITHUB_JOB'] ?? '',
        workflowRef: env['GITHUB_WORKFLOW_REF'] ?? '',
        serverUrl,
        runnerName: env['RUNNER_NAME'] ?? '',
        runnerTemp: env['RUNNER_TEMP'] ?? '',
        runUrl: `${serverUrl}/${owner}/${repo}/actions/runs/${runId}/attempts/${runAttempt}`,
    };
}
function pullRequestHead(eventPath, eventName) {
    if (!eventPath || !eventName.startsWith('pull_request'))
        return undefined;
    try {
        const event = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(eventPath, 'utf8'));
        const head = event.pull_request?.head?.sha;
        return typeof head === 'string' ? head : undefined;
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 91324:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D6: () => (/* binding */ resultText),
/* harmony export */   FR: () => (/* binding */ excessOf),
/* harmony export */   HA: () => (/* binding */ thresholdText),
/* harmony export */   N0: () => (/* binding */ lastValueText),
/* harmony export */   Wx: () => (/* binding */ worstSample),
/* harmony export */   YL: () => (/* binding */ sampleCountsText),
/* harmony export */   n_: () => (/* binding */ VERDICT_ICONS),
/* harmony export */   nk: () => (/* binding */ lowIsWorse),
/* harmony export */   pK: () => (/* binding */ checkKind),
/* harmony export */   vk: () => (/* binding */ formatCheckValue)
/* harmony export */ });
/* unused harmony exports isPercent, RESULT_ICONS */
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(54285);

function checkKind(spec) {
    if (spec.kind === 'http')
        return 'http';
    return spec.builtin ?? 'query';
}
const PERCENT_BUILTINS = new Set(['cpu', 'memory', 'disk', 'vram', 'kv-cache']);
/** Built-ins whose value is a percentage (all but `up`); custom queries are shown as plain numbers. */
function isPercent(spec) {
    return spec.kind === 'metric' && spec.builtin !== undefined && PERCENT_BUILTINS.has(spec.builtin);
}
/** A measured value in the check's unit: latency for HTTP, `96.3%` for percent built-ins, else a plain number. */
function formatCheckValue(spec, value) {
    if (value === undefined)
        return '—';
    if (spec.kind === 'http')
        return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(value);
    return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .formatValue */ .Fl)(value, { percent: isPercent(spec) && Number.isFinite(value) });
}
/** `≤ 80%`, `≥ 50`, `50–95%`; HTTP: `2xx` or `200, 204`, then latency, body and JSON expectations. */
function thresholdText(spec) {
    if (spec.kind === 'http') {
        const parts = [spec.expectStatus?.length ? spec.expectStatus.join(', ') : '2xx'];
        if (spec.maxLatencyMs !== undefined)
            parts.push(`≤ ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(spec.maxLatencyMs)}`);
        if (spec.expectBody !== undefined)
            parts.push(`body contains ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .shorten */ .ml)(spec.expectBody, 40)}`);
        if (spec.expectJson !== undefined) {
            parts.push(`${spec.expectJson.path} = ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .shorten */ .ml)(JSON.stringify(spec.expectJson.equals), 40)}`);
        }
        return parts.join(', ');
    }
    const unit = isPercent(spec) ? '%' : '';
    const num = (n) => `${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .formatValue */ .Fl)(n)}${unit}`;
    if (spec.min !== undefined && spec.max !== undefined)
        return `${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .formatValue */ .Fl)(spec.min)}–${num(spec.max)}`;
    if (spec.max !== undefined)
        return `≤ ${num(spec.max)}`;
    if (spec.min !== undefined)
        return `≥ ${num(spec.min)}`;
    return '—';
}
/**
 * How far `value` is past the check's threshold: positive when it breaches (`96.3` against `max: 95` → 1.3),
 * negative when inside. Without thresholds, the value itself (higher is worse).
 */
function excessOf(spec, value) {
    const over = spec.max !== undefined ? value - spec.max : -Infinity;
    const under = spec.min !== undefined ? spec.min - value : -Infinity;
    const excess = Math.max(over, under);
    return excess === -Infinity ? value : excess;
}
/** Whether a sparkline should keep the lowest point of each bucket: checks that breach only below a minimum. */
function lowIsWorse(spec) {
    return spec.kind === 'metric' && spec.min !== undefined && spec.max === undefined;
}
/** The sample with the worst real value: furthest past the threshold for metrics, slowest for HTTP. */
function worstSample(spec, samples) {
    let worst;
    let worstScore = -Infinity;
    for (const m of samples) {
        if (m.value === undefined || !Number.isFinite(m.value))
            continue;
        const score = spec.kind === 'metric' ? excessOf(spec, m.value) : m.value;
        if (worst === undefined || score > worstScore) {
            worst = m;
            worstScore = score;
        }
    }
    return worst;
}
const OUTCOME_WORDS = {
    pass: 'pass',
    breach: 'breach',
    'no-data': 'no data',
    error: 'error',
};
/** The last sample's value, or what it was instead (`no data`, `error`); `—` without samples. */
function lastValueText(spec, samples) {
    const last = samples.at(-1);
    if (last === undefined)
        return '—';
    if (last.value === undefined)
        return OUTCOME_WORDS[last.outcome];
    return formatCheckValue(spec, last.value);
}
/** `7` when every sample passed, else `5 pass / 2 breach` (outcomes that occurred, in a fixed order). */
function sampleCountsText(samples) {
    const counts = { pass: 0, breach: 0, 'no-data': 0, error: 0 };
    for (const m of samples)
        counts[m.outcome]++;
    if (counts.pass === samples.length)
        return String(samples.length);
    return Object.keys(counts)
        .filter((o) => counts[o] > 0)
        .map((o) => `${counts[o]} ${OUTCOME_WORDS[o]}`)
        .join(' / ');
}
const RESULT_ICONS = {
    passed: _markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .Icons */ .FI.ok,
    failed: _markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .Icons */ .FI.fail,
    inconclusive: _markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .Icons */ .FI.warn,
    pending: _markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .Icons */ .FI.pending,
};
/** `✅ passed`, `❌ failed`, `⚠️ inconclusive`, `⏸️ pending`. */
function resultText(result) {
    return `${RESULT_ICONS[result]} ${result}`;
}
const VERDICT_ICONS = {
    stable: _markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .Icons */ .FI.ok,
    failed: _markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .Icons */ .FI.fail,
    inconclusive: _markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .Icons */ .FI.warn,
};


/***/ }),

/***/ 54285:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EU: () => (/* binding */ fence),
/* harmony export */   FI: () => (/* binding */ Icons),
/* harmony export */   Fl: () => (/* binding */ formatValue),
/* harmony export */   KM: () => (/* binding */ sparkline),
/* harmony export */   MT: () => (/* binding */ verdictLine),
/* harmony export */   MZ: () => (/* binding */ codeCell),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   kq: () => (/* binding */ escapeCell),
/* harmony export */   ml: () => (/* binding */ shorten),
/* harmony export */   nf: () => (/* binding */ link),
/* harmony export */   tp: () => (/* binding */ table),
/* harmony export */   zH: () => (/* binding */ details)
/* harmony export */ });
/* unused harmony exports escapeHtml, SPARK_GAP */
/**
 * Small, pure building blocks for GitHub-flavoured markdown: escaping, code spans, links, tables, `<details>`,
 * sparklines and human-readable numbers. Shared by the gate, validate and rollback renderers.
 */
const Icons = {
    ok: '✅',
    fail: '❌',
    warn: '⚠️',
    pending: '⏸️',
    info: 'ℹ️',
};
/**
 * Plain text → safe inline markdown, also inside a table cell: markdown punctuation and pipes are
 * backslash-escaped, `&` and `<` become entities (no raw HTML), line breaks become `<br>`.
 */
function escapeCell(text) {
    return text
        .replace(/[\\`*_~[\]|]/g, (c) => `\\${c}`)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/\r\n|\r|\n/g, '<br>');
}
/** Text for HTML contexts (`<summary>`, attributes): `&`, `<`, `>`, `"` as entities. */
function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
function backtickFence(text, minLength) {
    const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
    return '`'.repeat(Math.max(minLength, longestRun + 1));
}
/** A code span for prose (not for table cells: use `codeCell`). Line breaks become spaces, as in any code span. */
function code(text) {
    const flat = text.replace(/\r\n|\r|\n/g, ' ');
    if (flat === '')
        return '';
    const fence = backtickFence(flat, 1);
    const pad = flat.startsWith('`') || flat.endsWith('`') || /^ .* $/.test(flat) ? ' ' : '';
    return `${fence}${pad}${flat}${pad}${fence}`;
}
/**
 * A code span that is safe inside a table cell: pipes are escaped (GitHub unescapes `\|` inside code spans in
 * tables). Text holding a backslash before a pipe cannot be written that way, so it becomes `<code>` with entities.
 */
function codeCell(text) {
    const flat = text.replace(/\r\n|\r|\n/g, ' ');
    if (flat === '')
        return '';
    if (/\\\|/.test(flat)) {
        const entities = flat.replace(/[&<>"|\\`*_~[\]]/g, (c) => `&#${c.charCodeAt(0)};`);
        return `<code>${entities}</code>`;
    }
    return code(flat).replace(/\|/g, '\\|');
}
/** A fenced code block whose fence is longer than any backtick run in `text`. */
function fence(text, lang = '') {
    const marks = backtickFence(text, 3);
    return `${marks}${lang}\n${text}\n${marks}`;
}
/** `[text](url)`; the URL is percent-encoded where markdown or a table would misread it (spaces, parens, pipes). */
function link(text, url) {
    const safeUrl = url.replace(/[\s()<>|`]/g, (c) => encodeURIComponent(c).replace(/[()]/g, percent));
    return `[${escapeCell(text)}](${safeUrl})`;
}
function percent(c) {
    return `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
}
/**
 * A GitHub markdown table. Cells are inline markdown (build them with `escapeCell`, `codeCell`, `link`); as a
 * safety net, raw line breaks become `<br>` and pipes not already escaped are escaped. Short rows are padded.
 */
function table(headers, rows) {
    const width = Math.max(headers.length, ...rows.map((r) => r.length));
    const line = (cells) => {
        const padded = Array.from({ length: width }, (_, i) => cellSafe(cells[i] ?? ''));
        return `| ${padded.join(' | ')} |`;
    };
    const separator = `|${' --- |'.repeat(width)}`;
    return [line(headers), separator, ...rows.map(line)].join('\n');
}
function cellSafe(cell) {
    return cell.replace(/\r\n|\r|\n/g, '<br>').replace(/(?<!\\)\|/g, '\\|');
}
/** A collapsed section; `summary` is plain text, `body` is markdown. */
function details(summary, body) {
    return `<details><summary>${escapeHtml(summary)}</summary>\n\n${body}\n\n</details>`;
}
/**
 * The verdict heading every mode starts with, e.g. `### ✅ deploy-gate: stable · production · `abc1234``.
 * `facts` are inline markdown (escape them first); `note` is inline markdown appended after a space.
 */
function verdictLine(icon, title, facts = [], note) {
    const tail = facts.length > 0 ? ` · ${facts.join(' · ')}` : '';
    return `### ${icon} ${escapeCell(title)}${tail}${note ? ` ${note}` : ''}`;
}
const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
/** What a missing, NaN or ±Inf point shows as. */
const SPARK_GAP = '·';
/**
 * A sparkline of `values`, at most `width` characters. Longer series are downsampled by bucket, keeping each
 * bucket's maximum (or minimum with `keep: 'min'`, for checks that breach below a minimum), so a spike is never
 * averaged away. NaN/±Inf points show as `·`; a constant series is a flat middle bar.
 */
function sparkline(values, width = 40, keep = 'max') {
    const points = downsample(values, Math.max(1, Math.floor(width)), keep);
    const finite = points.filter(Number.isFinite);
    if (finite.length === 0)
        return SPARK_GAP.repeat(points.length);
    const low = Math.min(...finite);
    const high = Math.max(...finite);
    return points
        .map((v) => {
        if (!Number.isFinite(v))
            return SPARK_GAP;
        if (high === low)
            return BARS[3];
        return BARS[Math.round(((v - low) / (high - low)) * (BARS.length - 1))];
    })
        .join('');
}
function downsample(values, width, keep) {
    if (values.length <= width)
        return [...values];
    const out = [];
    for (let i = 0; i < width; i++) {
        const start = Math.floor((i * values.length) / width);
        const end = Math.floor(((i + 1) * values.length) / width);
        const finite = values.slice(start, end).filter(Number.isFinite);
        if (finite.length === 0)
            out.push(Number.NaN);
        else
            out.push(keep === 'max' ? Math.max(...finite) : Math.min(...finite));
    }
    return out;
}
/**
 * A number for humans: `96.3`, `0.000764`, `1.23e+9`, `123457`; NaN and ±Inf as Prometheus writes them
 * (`NaN`, `+Inf`, `-Inf`). With `percent`, one decimal and a `%` sign: `96.3%`.
 */
function formatValue(n, opts = {}) {
    if (Number.isNaN(n))
        return 'NaN';
    if (n === Infinity)
        return '+Inf';
    if (n === -Infinity)
        return '-Inf';
    if (opts.percent)
        return `${n.toFixed(1)}%`;
    const abs = Math.abs(n);
    if (abs === 0)
        return '0';
    if (abs >= 1e6)
        return trimExponential(n.toExponential(2));
    if (abs >= 1000)
        return String(Math.round(n));
    if (abs >= 1)
        return String(Number.parseFloat(n.toPrecision(4)));
    if (abs < 1e-6)
        return trimExponential(n.toExponential(2));
    return String(Number.parseFloat(n.toPrecision(3)));
}
function trimExponential(text) {
    return text.replace(/\.?0+e/, 'e');
}
/** A duration for humans: `500ms`, `1.25s`, `10s`, `1m30s`, `2m`, `1h5m`. Not meant to be parsed back. */
function formatDuration(ms) {
    if (!Number.isFinite(ms))
        return formatValue(ms);
    const sign = ms < 0 ? '-' : '';
    const abs = Math.abs(ms);
    if (abs < 1000)
        return `${sign}${Number.parseFloat(abs.toFixed(abs < 10 ? 1 : 0))}ms`;
    if (abs < 60_000)
        return `${sign}${Number.parseFloat((abs / 1000).toFixed(2))}s`;
    const totalSeconds = Math.round(abs / 1000);
    const h = Math.floor(totalSeconds / 3600);
    const m = Math.floor((totalSeconds % 3600) / 60);
    const s = totalSeconds % 60;
    return `${sign}${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s ? `${s}s` : ''}`;
}
/** Shortens `text` to at most `maxChars` characters, ending with `…` when it was cut. */
function shorten(text, maxChars) {
    const chars = Array.from(text);
    if (chars.length <= maxChars)
        return text;
    return `${chars.slice(0, Math.max(0, maxChars - 1)).join('')}…`;
}


/***/ }),

/***/ 4617:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BZ: () => (/* binding */ publishGate),
/* harmony export */   aS: () => (/* binding */ writeReportFile),
/* harmony export */   qw: () => (/* binding */ uploadReportArtifact),
/* harmony export */   xJ: () => (/* binding */ reportPathFor)
/* harmony export */ });
/* unused harmony export uploadWithActionsArtifact */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(27242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(20649);
/**
 * The gate's reporting effects: report file, outputs, annotations, job summary, report artifact. `@actions/core`
 * is passed in (tests hand in a recording object); `@actions/artifact` is imported only when an upload happens,
 * so a run without one never loads it. Reporting problems become warnings: they never change the verdict.
 */





/** `<RUNNER_TEMP>/deploy-gate/<mode>-report.json`. */
function reportPathFor(runnerTemp, mode) {
    return node_path__WEBPACK_IMPORTED_MODULE_1___default().join(runnerTemp, 'deploy-gate', `${mode}-report.json`);
}
async function publishGate(args) {
    const { core, result } = args;
    const secrets = args.secrets ?? [];
    const warn = (message) => core.warning((0,_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .redactText */ .Rd)(message, secrets));
    const reportPath = await writeReportFile(args.reportPath, args.reportJson, warn);
    core.setOutput(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Outputs */ .tY.Verdict, result.verdict);
    core.setOutput(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Outputs */ .tY.FailedChecks, result.failedChecks.join(','));
    core.setOutput(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Outputs */ .tY.ReportPath, reportPath);
    for (const a of (0,_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .redact */ .E$)(args.annotations, secrets)) {
        if (a.level === 'error')
            core.error(a.message, { title: a.title });
        else
            core.notice(a.message, { title: a.title });
    }
    try {
        await core.summary.addRaw((0,_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .redactText */ .Rd)(args.summaryMarkdown, secrets), true).write();
    }
    catch (err) {
        warn(`job summary not written: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(err)}`);
    }
    const artifactUploaded = reportPath !== '' &&
        (await uploadReportArtifact({
            ...args.artifact,
            file: reportPath,
            env: args.env ?? process.env,
            log: (m) => args.core.info(m),
            warn,
        }));
    return { reportPath, artifactUploaded };
}
/** Writes the JSON report (directories created); `''` with a warning when it cannot. Shared by every mode. */
async function writeReportFile(reportPath, json, warn) {
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(reportPath), { recursive: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(reportPath, json, 'utf8');
        return reportPath;
    }
    catch (err) {
        warn(`report not written to ${reportPath}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(err)}`);
        return '';
    }
}
/**
 * Uploads the report as artifact `name`: `none` disables it; no runtime token or a failed upload is a warning that
 * names the artifact, never a failure. Shared by gate and rollback.
 */
async function uploadReportArtifact(a) {
    if (a.name === 'none')
        return false;
    if (!a.env.ACTIONS_RUNTIME_TOKEN) {
        a.warn(`report artifact ${a.name} not uploaded: ACTIONS_RUNTIME_TOKEN is not set (not running in GitHub Actions?)`);
        return false;
    }
    try {
        await (a.upload ?? uploadWithActionsArtifact)(a.name, [a.file], node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(a.file), a.retentionDays);
        a.log(`report artifact ${a.name} uploaded`);
        return true;
    }
    catch (err) {
        a.warn(`report artifact ${a.name} not uploaded: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(err)}`);
        return false;
    }
}
/** The real upload; `@actions/artifact` is loaded here and nowhere else, only when an upload happens. */
const uploadWithActionsArtifact = async (name, files, rootDir, retentionDays) => {
    const { DefaultArtifactClient } = await __webpack_require__.e(/* import() */ 252).then(__webpack_require__.bind(__webpack_require__, 91252));
    await new DefaultArtifactClient().uploadArtifact(name, files, rootDir, { retentionDays });
};


/***/ }),

/***/ 20649:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   Q3: () => (/* binding */ withoutUserinfo),
/* harmony export */   Rd: () => (/* binding */ redactText)
/* harmony export */ });
/* unused harmony exports REDACTED, maskUserinfo */
/**
 * Keeps secrets out of everything the action writes: reports, summaries, annotations, outputs. Pure and generic:
 * `redact` walks any JSON-like value.
 */
const REDACTED = '***';
/**
 * Keys whose value is a secret whatever it holds, compared without case, `-` and `_`: `bearer-token`,
 * `bearerToken`, `password`, `Authorization`, … The whole value becomes `***`.
 */
const SECRET_KEYS = new Set([
    'authorization',
    'proxyauthorization',
    'cookie',
    'setcookie',
    'password',
    'token',
    'bearertoken',
    'githubtoken',
    'prometheustoken',
    'prometheuspassword',
    'apikey',
    'secret',
    'secrets',
]);
/** Keys holding headers: the names stay, every value becomes `***` (a string holds `Name: value` lines). */
const HEADER_KEYS = new Set(['headers', 'prometheusheaders']);
function normalizeKey(key) {
    return key.toLowerCase().replace(/[-_]/g, '');
}
/** `scheme://user:pass@host` → `scheme://***@host`, anywhere in `text`. */
function maskUserinfo(text) {
    return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>`]+@/gi, `$1${REDACTED}@`);
}
/** `https://user:pass@host/x` → `https://host/x`, anywhere in `text`: for URLs shown to people. */
function withoutUserinfo(text) {
    return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>`]+@/gi, '$1');
}
/** Every distinct non-empty secret and its URL-encoded form, longest first (so a secret inside another goes last). */
function secretVariants(secrets) {
    const variants = new Set();
    for (const secret of secrets) {
        if (secret === '')
            continue;
        variants.add(secret);
        variants.add(encodeURIComponent(secret));
    }
    return [...variants].sort((a, b) => b.length - a.length);
}
/** Replaces every occurrence of each secret in `text` with `***` and masks URL userinfo. */
function redactText(text, secrets) {
    return redactWith(text, secretVariants(secrets));
}
function redactWith(text, variants) {
    let out = text;
    for (const secret of variants)
        if (out.includes(secret))
            out = out.split(secret).join(REDACTED);
    // Userinfo needs an `@`: most strings (label values, check names) have none and skip the regular expression.
    return out.includes('@') ? maskUserinfo(out) : out;
}
/**
 * A deep copy of `value` with every string redacted (`redactText`), the values of secret keys (`password`,
 * `bearer-token`, `Authorization`, …) replaced by `***` whatever they were, and header values replaced by `***`
 * (names kept). Arrays and plain objects are walked; other values are returned as they are. Cycles become
 * `[circular]`. The result has the same shape, except where a secret key held a non-string.
 */
function redact(value, secrets) {
    const variants = secretVariants(secrets);
    const seen = new WeakSet();
    const walk = (v) => {
        if (typeof v === 'string')
            return redactWith(v, variants);
        if (v === null || typeof v !== 'object')
            return v;
        if (seen.has(v))
            return '[circular]';
        seen.add(v);
        let out;
        if (Array.isArray(v))
            out = v.map(walk);
        else if (isPlainObject(v)) {
            const entries = Object.entries(v).map(([key, inner]) => {
                const norm = normalizeKey(key);
                if (SECRET_KEYS.has(norm))
                    return [redactWith(key, variants), inner == null ? inner : REDACTED];
                if (HEADER_KEYS.has(norm))
                    return [key, maskHeaders(inner, variants)];
                return [redactWith(key, variants), walk(inner)];
            });
            out = Object.fromEntries(entries);
        }
        else
            out = v;
        seen.delete(v);
        return out;
    };
    return walk(value);
}
function maskHeaders(headers, variants) {
    if (typeof headers === 'string') {
        return headers.replace(/^([^:\r\n]*:)[ \t]*\S.*$/gm, `$1 ${REDACTED}`);
    }
    if (Array.isArray(headers))
        return headers.map((h) => maskHeaders(h, variants));
    if (headers !== null && typeof headers === 'object' && isPlainObject(headers)) {
        return Object.fromEntries(Object.keys(headers).map((name) => [redactWith(name, variants), REDACTED]));
    }
    return headers == null ? headers : REDACTED;
}
function isPlainObject(v) {
    const proto = Object.getPrototypeOf(v);
    return proto === Object.prototype || proto === null;
}


/***/ }),

/***/ 88850:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BK: () => (/* binding */ renderReportJson),
/* harmony export */   ow: () => (/* binding */ buildGateReport)
/* harmony export */ });
/* unused harmony export jsonNumber */
/* harmony import */ var _check_facts_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91324);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(20649);


function buildGateReport(result, ctx) {
    const report = {
        version: 1,
        mode: 'gate',
        verdict: result.verdict,
        environment: ctx.environment,
        sha: ctx.sha,
        run: { id: ctx.run.id, attempt: ctx.run.attempt, url: ctx.run.url },
        startedAt: result.startedAt,
        finishedAt: result.finishedAt,
        config: ctx.config ?? null,
        checks: result.checks.map(reportCheck),
    };
    return (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(report, ctx.secrets);
}
function reportCheck(c) {
    const base = {
        name: c.spec.name,
        kind: (0,_check_facts_js__WEBPACK_IMPORTED_MODULE_0__/* .checkKind */ .pK)(c.spec),
        enforce: c.spec.enforce,
    };
    const rest = {
        threshold: thresholdOf(c.spec),
        result: c.result,
        reason: c.reason ?? null,
        samples: c.samples.map(reportSample),
    };
    return c.spec.kind === 'http'
        ? { ...base, target: c.spec.url, ...rest }
        : { ...base, query: c.spec.query, ...rest };
}
function thresholdOf(spec) {
    if (spec.kind === 'http')
        return { min: null, max: spec.maxLatencyMs ?? null };
    return { min: spec.min ?? null, max: spec.max ?? null };
}
function reportSample(m) {
    return {
        at: m.at,
        outcome: m.outcome,
        value: m.value === undefined ? null : jsonNumber(m.value),
        series: (m.series ?? []).map((s) => ({ labels: s.labels, value: jsonNumber(s.value) })),
        ...(m.ignoredSeries !== undefined && m.ignoredSeries.length > 0
            ? { ignoredSeries: m.ignoredSeries.map((s) => ({ labels: s.labels, value: jsonNumber(s.value) })) }
            : {}),
        ...(m.warnings !== undefined && m.warnings.length > 0 ? { warnings: m.warnings } : {}),
    };
}
/** NaN and ±Inf as Prometheus spells them; finite numbers unchanged. */
function jsonNumber(n) {
    if (Number.isNaN(n))
        return 'NaN';
    if (n === Infinity)
        return '+Inf';
    if (n === -Infinity)
        return '-Inf';
    return n;
}
/** Pretty JSON (2 spaces, trailing newline). Any stray non-finite number elsewhere is spelled as in `jsonNumber`. */
function renderReportJson(report) {
    const replacer = (_key, value) => typeof value === 'number' && !Number.isFinite(value) ? jsonNumber(value) : value;
    return `${JSON.stringify(report, replacer, 2)}\n`;
}


/***/ })

};

//# sourceMappingURL=116.index.js.map