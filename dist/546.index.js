export const id = 546;
export const ids = [546];
export const modules = {

/***/ 96584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ repoFromEnv),
/* harmony export */   LX: () => (/* binding */ createGitHubClient),
/* harmony export */   OS: () => (/* binding */ GitHubApiError),
/* harmony export */   ym: () => (/* binding */ mapGitHubError)
/* harmony export */ });
/* unused harmony exports isNotRepeatable, rateLimitWaitMs */
/* harmony import */ var _report_log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(46472);
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
 * - Writes that must not be repeated — a re-run (`POST …/rerun`) or a workflow dispatch (`POST …/dispatches`) — are
 *   never retried after a 5xx or a network error: GitHub may have accepted the first one (a second dispatch starts a
 *   second deploy; a second re-run gets 403 `already running`). The caller reads the run back to learn whether it was
 *   accepted (src/rollback/read-back.ts). A rate-limit answer means "not done", so those are still retried.
 */



/** Statuses plugin-retry gives up on at once: its defaults plus 429, which the rate-limit hook handles. */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];
const ONE_MINUTE_MS = 60_000;
/** Requests plugin-retry must never send twice: re-runs and workflow dispatches. */
const NOT_REPEATABLE = /\/(rerun|rerun-failed-jobs|dispatches)$/;
/** A re-run or dispatch POST: sent once, never retried blindly after a 5xx or network error. */
function isNotRepeatable(method, url) {
    return method.toUpperCase() === 'POST' && NOT_REPEATABLE.test(url.split('?')[0] ?? '');
}
function createGitHubClient(opts) {
    if (!opts.token)
        throw new Error('no GitHub token: the github-token input is empty');
    const baseUrl = (opts.baseUrl || 'https://api.github.com').replace(/\/+$/, '');
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
    const log = timings.log ?? ((message) => _report_log_js__WEBPACK_IMPORTED_MODULE_0__/* .core */ .I8.info(message));
    return (octokit) => {
        octokit.hook.wrap('request', async (request, options) => {
            // plugin-retry reads `request.retries` of these options when the request fails.
            if (isNotRepeatable(options.method, options.url))
                options.request = { ...options.request, retries: 0 };
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
function repoFromEnv(env) {
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

/** `env` is the runner's environment, passed in from main.ts (the only reader of `process.env` besides index.ts). */
function readRunContext(env) {
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
        apiUrl: (env['GITHUB_API_URL'] || 'https://api.github.com').replace(/\/+$/, ''),
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

/***/ 50273:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runValidateMode: () => (/* binding */ runValidateMode)
});

// EXTERNAL MODULE: ./src/report/log.ts
var log = __webpack_require__(46472);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(27242);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/github/context.ts
var context = __webpack_require__(19556);
// EXTERNAL MODULE: ./src/prometheus/client.ts + 1 modules
var client = __webpack_require__(11560);
// EXTERNAL MODULE: ./src/model/builtins.ts
var builtins = __webpack_require__(87333);
// EXTERNAL MODULE: ./src/prometheus/errors.ts
var prometheus_errors = __webpack_require__(92737);
// EXTERNAL MODULE: ./src/prometheus/no-data.ts + 1 modules
var no_data = __webpack_require__(19583);
// EXTERNAL MODULE: ./src/report/redact.ts
var redact = __webpack_require__(20649);
// EXTERNAL MODULE: ./src/report/publish.ts
var publish = __webpack_require__(4617);
// EXTERNAL MODULE: ./src/report/json.ts
var json = __webpack_require__(32794);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(54285);
;// CONCATENATED MODULE: ./src/validate/summary.ts

function renderValidateSummary(result, ctx) {
    const errors = result.findings.filter((f) => f.severity === 'error');
    const warnings = result.findings.filter((f) => f.severity === 'warning');
    const facts = [
        ctx.configFile ? (0,markdown/* codeCell */.MZ)(ctx.configFile) : 'inputs only',
        `${ctx.checks} check${ctx.checks === 1 ? '' : 's'}`,
        `${errors.length} problem${errors.length === 1 ? '' : 's'}`,
        `${warnings.length} warning${warnings.length === 1 ? '' : 's'}`,
    ];
    const icon = result.verdict === 'valid' ? markdown/* Icons */.FI.ok : markdown/* Icons */.FI.fail;
    const parts = [(0,markdown/* verdictLine */.MT)(icon, `deploy-gate config: ${result.verdict}`, facts)];
    if (result.findings.length > 0) {
        parts.push((0,markdown/* table */.tp)(['', 'where', 'check', 'problem'], result.findings.map((f) => [
            f.severity === 'error' ? markdown/* Icons */.FI.fail : markdown/* Icons */.FI.warn,
            (0,markdown/* escapeCell */.kq)(where(f)),
            f.check ? (0,markdown/* codeCell */.MZ)(f.check) : '',
            (0,markdown/* escapeCell */.kq)(f.message),
        ])));
    }
    if (result.queries.length > 0) {
        const label = {
            ok: `${markdown/* Icons */.FI.ok} ok`,
            'no-series': `${markdown/* Icons */.FI.warn} no series`,
            rejected: `${markdown/* Icons */.FI.fail} rejected`,
            'not-checked': `${markdown/* Icons */.FI.pending} not checked`,
        };
        parts.push('#### Queries', (0,markdown/* table */.tp)(['check', 'query', 'result'], result.queries.map((q) => [
            (0,markdown/* codeCell */.MZ)(q.check),
            (0,markdown/* codeCell */.MZ)(q.query),
            `${label[q.result]}${q.seriesCount ? ` (${q.seriesCount} series)` : ''}`,
        ])));
    }
    return parts.join('\n\n') + '\n';
}
function where(f) {
    const loc = f.file ? `${f.file}${f.line ? `:${f.line}` : ''}` : '';
    return loc ? `${f.path} (${loc})` : f.path;
}

// EXTERNAL MODULE: ./src/github/publish-check-run.ts
var publish_check_run = __webpack_require__(541);
;// CONCATENATED MODULE: ./src/validate/alerts-api.ts
async function checkAlertsApi(checks, probe, queriesAnswered, sourceOf) {
    if (checks.length === 0)
        return { findings: [] };
    if (probe === undefined)
        return { findings: [], alertsApi: { result: 'not-checked' } };
    const answer = await probe();
    if (answer.ok)
        return { findings: [], alertsApi: { result: 'ok', alertCount: answer.alertCount } };
    if (answer.status === 404 && queriesAnswered) {
        const message = `the Prometheus URL serves no alerts API (/api/v1/alerts answered 404): ${answer.message}`;
        return {
            findings: checks.map((c) => ({ ...sourceOf(c), check: c.name, message, severity: 'error' })),
            alertsApi: { result: 'missing', message: answer.message },
        };
    }
    return {
        findings: [
            { path: 'prometheus', message: `alerts API not checked: ${answer.message}`, severity: 'warning' },
        ],
        alertsApi: { result: 'not-checked', message: answer.message },
    };
}

;// CONCATENATED MODULE: ./src/validate/validate.ts

async function validate(input) {
    const findings = input.problems.map((p) => ({ ...p, severity: 'error' }));
    const queries = [];
    let unavailable;
    for (const check of input.metricChecks) {
        if (!input.query || unavailable !== undefined) {
            queries.push({ check: check.name, query: check.query, result: 'not-checked', message: unavailable });
            continue;
        }
        const answer = await input.query(check.query, check);
        const where = input.sourceOf(check);
        if (answer.ok && answer.seriesCount > 0) {
            queries.push({ check: check.name, query: check.query, result: 'ok', seriesCount: answer.seriesCount });
        }
        else if (answer.ok) {
            const message = answer.noDataReason === undefined
                ? 'matches no series right now (selector or metric names may be wrong, or the exporter is down)'
                : `matches no series right now: ${answer.noDataReason}`;
            queries.push({ check: check.name, query: check.query, result: 'no-series', seriesCount: 0, message });
            findings.push({ ...where, check: check.name, message, severity: 'warning' });
        }
        else if (answer.kind === 'rejected') {
            queries.push({ check: check.name, query: check.query, result: 'rejected', message: answer.message });
            findings.push({
                ...where,
                check: check.name,
                message: `Prometheus rejects the query: ${answer.message}`,
                severity: 'error',
            });
        }
        else {
            unavailable = answer.message;
            queries.push({ check: check.name, query: check.query, result: 'not-checked', message: unavailable });
            findings.push({
                path: 'prometheus',
                message: `queries not checked: ${answer.message}`,
                severity: 'warning',
            });
        }
    }
    const alerts = await checkAlertsApi(input.alertsChecks ?? [], input.alerts, unavailable === undefined, input.alertsSourceOf ?? (() => ({ path: 'alerts' })));
    findings.push(...alerts.findings);
    const errors = findings.filter((f) => f.severity === 'error');
    const failedChecks = [...new Set(errors.map((f) => f.check ?? 'config'))];
    const alertsApi = alerts.alertsApi === undefined ? {} : { alertsApi: alerts.alertsApi };
    return { verdict: errors.length > 0 ? 'invalid' : 'valid', findings, queries, ...alertsApi, failedChecks };
}

;// CONCATENATED MODULE: ./src/validate/mode.ts
/** Runs validate mode: check the config, run each query once, report on the config file lines and in a check run. */














async function runValidateMode(settings, problems, env) {
    const ctx = (0,context/* readRunContext */.$)(env);
    const startedAt = new Date().toISOString();
    const prometheus = settings.prometheus ? (0,client/* createPrometheusClient */.M8)(settings.prometheus) : undefined;
    const metricChecks = settings.checks.filter((c) => c.kind === 'metric' && (0,builtins/* validateSelector */.A)(c.selector ?? '').length === 0);
    const query = prometheus
        ? async (promql, check) => {
            try {
                const result = await prometheus.query(promql);
                if (result.series.length > 0)
                    return { ok: true, seriesCount: result.series.length };
                const why = await (0,no_data/* noDataReason */.Yu)(check, prometheus);
                return { ok: true, seriesCount: 0, ...(why === undefined ? {} : { noDataReason: why }) };
            }
            catch (err) {
                const kind = (0,prometheus_errors/* isQueryRejection */.s)(err) ? 'rejected' : 'unavailable';
                return { ok: false, kind, message: (0,errors/* errorMessage */.gJ)(err) };
            }
        }
        : undefined;
    const result = await validate({
        problems,
        metricChecks,
        configFile: settings.configFile?.path,
        sourceOf: (check) => check.line !== undefined && settings.configFile
            ? { path: `${check.name}`, file: settings.configFile.path, line: check.queryLine ?? check.line }
            : { path: check.builtin ? builtinInput(check) : constants/* Inputs */.G0.Config },
        query,
        alertsChecks: settings.checks.filter((c) => c.kind === 'alerts'),
        alerts: prometheus
            ? async () => {
                try {
                    return { ok: true, alertCount: (await prometheus.alerts()).length };
                }
                catch (err) {
                    const status = err instanceof prometheus_errors/* PrometheusError */.H ? err.status : undefined;
                    return { ok: false, message: (0,errors/* errorMessage */.gJ)(err), ...(status === undefined ? {} : { status }) };
                }
            }
            : undefined,
        alertsSourceOf: (check) => check.line !== undefined && settings.configFile
            ? { path: check.name, file: settings.configFile.path, line: check.line }
            : { path: constants/* Inputs */.G0.AlertSelector },
    });
    await prometheus?.close?.();
    const scrub = (text) => (0,redact/* redactText */.Rd)(text, settings.secrets);
    for (const f of result.findings) {
        const props = { title: `deploy-gate config: ${f.check ?? f.path}`, file: f.file, startLine: f.line };
        if (f.severity === 'error')
            log/* core */.I8.error(scrub(`${f.path}: ${f.message}`), props);
        else
            log/* core */.I8.warning(scrub(`${f.path}: ${f.message}`), props);
    }
    const summary = scrub(renderValidateSummary(result, { configFile: settings.configFile?.path, checks: settings.checks.length }));
    await log/* core */.I8.summary.addRaw(summary).write();
    const reportPath = await (0,publish/* writeReportFile */.aS)((0,publish/* reportPathFor */.xJ)(ctx.runnerTemp || '.', 'validate'), (0,json/* renderReportJson */.B)((0,redact/* redact */.E$)(validateReport(result, settings, ctx, startedAt), settings.secrets)), (message) => log/* core */.I8.warning(scrub(message)));
    log/* core */.I8.setOutput(constants/* Outputs */.tY.Verdict, result.verdict);
    log/* core */.I8.setOutput(constants/* Outputs */.tY.FailedChecks, result.failedChecks.join(','));
    log/* core */.I8.setOutput(constants/* Outputs */.tY.ReportPath, reportPath);
    const checkRunId = settings.checkName
        ? await (0,publish_check_run/* publishCheckRun */.N)({
            token: settings.token,
            context: ctx,
            name: settings.checkName,
            conclusion: result.verdict === 'valid' ? 'success' : 'failure',
            title: `config ${result.verdict}: ${result.findings.filter((f) => f.severity === 'error').length} problems`,
            summary,
            annotations: result.findings
                .filter((f) => f.file && f.line)
                .map((f) => ({
                path: f.file,
                start_line: f.line,
                end_line: f.line,
                annotation_level: f.severity === 'error' ? 'failure' : 'warning',
                title: f.check ?? f.path,
                message: scrub(f.message),
            })),
        })
        : undefined;
    log/* core */.I8.setOutput(constants/* Outputs */.tY.CheckRunId, checkRunId === undefined ? '' : String(checkRunId));
    if (result.verdict === 'valid')
        return {};
    const count = result.findings.filter((f) => f.severity === 'error').length;
    return {
        failure: `deploy-gate config is invalid: ${count} problem${count === 1 ? '' : 's'} (${result.failedChecks.join(', ')})`,
    };
}
function builtinInput(check) {
    if (check.builtin === 'vram')
        return constants/* Inputs */.G0.GpuSelector;
    if (check.builtin === 'kv-cache')
        return constants/* Inputs */.G0.VllmSelector;
    return constants/* Inputs */.G0.HostSelector;
}
function validateReport(result, settings, ctx, startedAt) {
    return {
        version: 1,
        mode: 'validate',
        verdict: result.verdict,
        environment: settings.environment,
        sha: ctx.headSha,
        run: { id: ctx.runId, attempt: ctx.runAttempt, url: ctx.runUrl },
        startedAt,
        finishedAt: new Date().toISOString(),
        config: settings.configFile?.path ?? null,
        problems: result.findings.map((f) => ({
            path: f.path,
            line: f.line ?? null,
            file: f.file ?? null,
            message: f.message,
            severity: f.severity,
            check: f.check ?? null,
            where: where(f),
        })),
        queries: result.queries,
        ...(result.alertsApi === undefined ? {} : { alertsApi: result.alertsApi }),
    };
}


/***/ })

};

//# sourceMappingURL=546.index.js.map