export const id = 116;
export const ids = [116];
export const modules = {

/***/ 75315:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $w: () => (/* binding */ createExtraMeasurer),
/* harmony export */   Z_: () => (/* binding */ deployStartText),
/* harmony export */   oc: () => (/* binding */ deployStart)
/* harmony export */ });
/* unused harmony export thresholdOf */
/* harmony import */ var _prometheus_alerts_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(60629);
/* harmony import */ var _prometheus_baseline_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(34189);
/* harmony import */ var _prometheus_measure_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9160);



/** `deployStartedAtMs` from the job (GET /actions/jobs/{id}), else the gate's start. */
function deployStart(deployStartedAtMs, gateStartMs) {
    return deployStartedAtMs !== undefined && Number.isFinite(deployStartedAtMs)
        ? { atMs: deployStartedAtMs, source: 'deploy-job' }
        : { atMs: gateStartMs, source: 'gate-start' };
}
function deployStartText(start) {
    const at = new Date(start.atMs).toISOString();
    return start.source === 'deploy-job'
        ? `the deploy job's start (${at})`
        : `the gate's start (${at}), because the job's start could not be read`;
}
function createExtraMeasurer(deps) {
    const now = deps.now ?? Date.now;
    const loaded = new Map();
    async function load(spec, signal) {
        const rule = spec.baseline;
        const end = new Date(deps.start.atMs);
        const start = new Date(deps.start.atMs - rule.windowMs);
        const stepMs = (0,_prometheus_baseline_js__WEBPACK_IMPORTED_MODULE_1__/* .baselineStepMs */ .I7)(deps.intervalMs, rule.windowMs);
        const attempts = (loaded.get(spec.name)?.evidence.attempts ?? 0) + 1;
        const base = {
            check: spec.name,
            windowText: rule.windowText,
            windowStart: start.toISOString(),
            windowEnd: end.toISOString(),
            stepMs,
            attempts,
        };
        try {
            const range = await deps.client.queryRange(spec.query, { start, end, stepMs, signal });
            const baselines = (0,_prometheus_baseline_js__WEBPACK_IMPORTED_MODULE_1__/* .computeBaselines */ .iL)(range);
            const evidence = {
                ...base,
                status: 'ready',
                seriesInWindow: range.length,
                seriesWithBaseline: baselines.size,
            };
            loaded.set(spec.name, { baselines, evidence });
            return baselines;
        }
        catch (err) {
            if (signal?.aborted === true)
                throw err;
            const message = (0,_prometheus_measure_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMeasurement */ .N1)(err, '').reason ?? 'baseline query failed';
            loaded.set(spec.name, { evidence: { ...base, status: 'failed', error: message } });
            return err instanceof Error ? err : new Error(message);
        }
    }
    async function measureBaseline(spec, signal) {
        const known = loaded.get(spec.name)?.baselines;
        const baselines = known ?? (await load(spec, signal));
        const at = new Date(now()).toISOString();
        if (baselines instanceof Error) {
            const m = (0,_prometheus_measure_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMeasurement */ .N1)(baselines, at);
            return { ...m, reason: `baseline query failed: ${m.reason ?? ''}` };
        }
        try {
            const result = await deps.client.query(spec.query, { signal });
            const m = (0,_prometheus_baseline_js__WEBPACK_IMPORTED_MODULE_1__/* .measureWithBaseline */ .yO)(result.series, thresholdOf(spec), spec.baseline, baselines, at);
            return result.warnings.length > 0 ? { ...m, warnings: result.warnings } : m;
        }
        catch (err) {
            if (signal.aborted)
                throw err;
            return (0,_prometheus_measure_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMeasurement */ .N1)(err, at);
        }
    }
    async function measureAlertsCheck(spec, signal) {
        const at = new Date(now()).toISOString();
        try {
            const alerts = await deps.client.alerts({ signal });
            return (0,_prometheus_alerts_js__WEBPACK_IMPORTED_MODULE_0__/* .measureAlerts */ .Iv)({ spec, alerts, cutoffMs: deps.start.atMs, at });
        }
        catch (err) {
            if (signal.aborted)
                throw err;
            return (0,_prometheus_measure_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMeasurement */ .N1)(err, at);
        }
    }
    return {
        async prefetch(checks, signal) {
            const baselineChecks = checks.filter((c) => c.kind === 'metric' && c.baseline !== undefined);
            await Promise.all(baselineChecks.map((c) => load(c, signal)));
        },
        handles: (spec) => spec.kind === 'alerts' || (spec.kind === 'metric' && spec.baseline !== undefined),
        measure(spec, signal) {
            if (spec.kind === 'alerts')
                return measureAlertsCheck(spec, signal);
            if (spec.kind === 'metric')
                return measureBaseline(spec, signal);
            return Promise.reject(new Error(`check ${spec.name} is not a baseline or alerts check`));
        },
        evidence: () => [...loaded.values()].map((l) => l.evidence),
    };
}
/** The check's bounds, with `%` for the percent built-ins so reasons read `96.3% > 95%`. */
function thresholdOf(spec) {
    const percent = spec.builtin !== undefined && spec.builtin !== 'up';
    return { min: spec.min, max: spec.max, ...(percent ? { unit: '%' } : {}) };
}


/***/ }),

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

/***/ 60629:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Iv: () => (/* binding */ measureAlerts),
/* harmony export */   _F: () => (/* binding */ decodeAlertsAnswer)
/* harmony export */ });
/* unused harmony exports matchesAll, alertText */
/* harmony import */ var _measure_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9160);
/* harmony import */ var _response_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(52617);
/* harmony import */ var _model_selector_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(29276);



function decodeAlertsAnswer(answer) {
    const { value } = (0,_response_js__WEBPACK_IMPORTED_MODULE_1__/* .decodeEnvelope */ .vw)(answer);
    if (!(0,_response_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(value) || !Array.isArray(value.alerts))
        throw (0,_response_js__WEBPACK_IMPORTED_MODULE_1__/* .unexpected */ .os)('"data.alerts" is not an array');
    return value.alerts.map((alert) => {
        if (!(0,_response_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(alert))
            throw (0,_response_js__WEBPACK_IMPORTED_MODULE_1__/* .unexpected */ .os)('an alert is not an object');
        if (typeof alert.state !== 'string')
            throw (0,_response_js__WEBPACK_IMPORTED_MODULE_1__/* .unexpected */ .os)('an alert has no "state"');
        const activeAt = typeof alert.activeAt === 'string' ? { activeAt: alert.activeAt } : {};
        return { labels: (0,_response_js__WEBPACK_IMPORTED_MODULE_1__/* .decodeLabels */ .IR)(alert.labels ?? {}), state: alert.state, ...activeAt };
    });
}
/** Whether `labels` satisfy every matcher (a missing label is the empty string, as in PromQL). */
function matchesAll(labels, matchers) {
    return matchers.every((m) => {
        const value = labels[m.label] ?? '';
        switch (m.op) {
            case '=':
                return value === m.value;
            case '!=':
                return value !== m.value;
            case '=~':
                return (0,_model_selector_js__WEBPACK_IMPORTED_MODULE_2__/* .matcherRegex */ .kB)(m.value).test(value);
            case '!~':
                return !(0,_model_selector_js__WEBPACK_IMPORTED_MODULE_2__/* .matcherRegex */ .kB)(m.value).test(value);
        }
    });
}
function measureAlerts({ spec, alerts, cutoffMs, at }) {
    const matchers = spec.selector === 'all' ? [] : (0,_model_selector_js__WEBPACK_IMPORTED_MODULE_2__/* .parseSelector */ .Pl)(spec.selector);
    const counted = alerts.filter((a) => (a.state === 'firing' || (spec.includePending && a.state === 'pending')) &&
        matchesAll(a.labels, matchers));
    // The labels that tell an alert apart from the other alerts of its rule (alertname already does the rest).
    const byName = new Map();
    for (const a of counted) {
        const name = a.labels.alertname ?? '';
        byName.set(name, [...(byName.get(name) ?? []), { labels: a.labels, value: 1 }]);
    }
    const seen = counted.map((a) => {
        const activeMs = a.activeAt === undefined ? Number.NaN : Date.parse(a.activeAt);
        const { alertname: _name, ...rest } = (0,_measure_js__WEBPACK_IMPORTED_MODULE_0__/* .distinguishing */ .oW)(a.labels, byName.get(a.labels.alertname ?? '') ?? []);
        return {
            alertname: a.labels.alertname ?? '',
            labels: rest,
            state: a.state === 'pending' ? 'pending' : 'firing',
            ...(a.activeAt === undefined ? {} : { activeAt: a.activeAt }),
            old: Number.isFinite(activeMs) && activeMs < cutoffMs,
        };
    });
    const strip = ({ old: _old, ...alert }) => alert;
    const fresh = seen.filter((a) => !a.old).map(strip);
    const preExisting = seen.filter((a) => a.old).map(strip);
    const alertsPart = { alerts: { new: fresh, preExisting } };
    const preNote = preExisting.length === 0
        ? undefined
        : `${preExisting.length} pre-existing (active before the deploy): ${preExisting.slice(0, 3).map(alertText).join(', ')}${preExisting.length > 3 ? ', …' : ''}`;
    if (fresh.length === 0) {
        return {
            at,
            outcome: 'pass',
            value: 0,
            ...alertsPart,
            ...(preNote === undefined ? {} : { reason: preNote }),
        };
    }
    const more = fresh.length > 1 ? ` (+${fresh.length - 1} more)` : '';
    return {
        at,
        outcome: 'breach',
        value: fresh.length,
        ...alertsPart,
        reason: `${alertText(fresh[0])}${more}`,
    };
}
/** `HighErrorRate firing since 2026-12-02T14:01:02Z on instance="api-1"`. */
function alertText(a) {
    const labels = (0,_measure_js__WEBPACK_IMPORTED_MODULE_0__/* .labelText */ .QK)(a.labels);
    const since = a.activeAt === undefined ? ' (no activeAt)' : ` since ${a.activeAt}`;
    return `${a.alertname || '(no alertname)'} ${a.state}${since}${labels === '{}' ? '' : ` on ${labels}`}`;
}


/***/ }),

/***/ 34189:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I7: () => (/* binding */ baselineStepMs),
/* harmony export */   iL: () => (/* binding */ computeBaselines),
/* harmony export */   k0: () => (/* binding */ changeText),
/* harmony export */   md: () => (/* binding */ worstFirst),
/* harmony export */   rt: () => (/* binding */ valueWithBaseline),
/* harmony export */   yO: () => (/* binding */ measureWithBaseline)
/* harmony export */ });
/* unused harmony exports MIN_BASELINE_SAMPLES, seriesKey, baselineExcess, noBaselineReason */
/* harmony import */ var _measure_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9160);

/** A series needs this many real samples in the window to have a baseline. */
const MIN_BASELINE_SAMPLES = 10;
/** Range queries ask for at most about this many points per series. */
const MAX_POINTS = 250;
/** step = max(interval, window / 250), at least 1 s. */
function baselineStepMs(intervalMs, windowMs) {
    return Math.max(1_000, intervalMs, Math.ceil(windowMs / MAX_POINTS));
}
/** The identity of a series: its full label set, order-independent. */
function seriesKey(labels) {
    // Prometheus writes labels sorted, so the sort is usually a no-op; \u0000 separates names and values unambiguously.
    let key = '';
    for (const name of Object.keys(labels).sort())
        key += `${name}\u0000${labels[name]}\u0000`;
    return key;
}
/** The median of each series' real samples (NaN/±Inf left out); series with fewer than 10 get none. */
function computeBaselines(range) {
    const out = new Map();
    for (const series of range) {
        const real = series.values.filter(Number.isFinite).sort((a, b) => a - b);
        if (real.length < MIN_BASELINE_SAMPLES)
            continue;
        const mid = real.length >> 1;
        out.set(seriesKey(series.labels), real.length % 2 === 1 ? real[mid] : (real[mid - 1] + real[mid]) / 2);
    }
    return out;
}
/** `+171 %`, `-60 %`, `+0.4 %`; `new` against a baseline of 0 with a different value. */
function changeText(value, baseline) {
    if (baseline === 0)
        return value === 0 ? '+0 %' : 'new';
    const pct = ((value - baseline) / Math.abs(baseline)) * 100;
    const shown = Math.abs(pct) >= 10 ? Math.round(pct) : Math.round(pct * 10) / 10;
    return `${shown >= 0 ? '+' : '-'}${Math.abs(shown)} %`;
}
/** `0.84 (+171 % vs 0.31 before the deploy)`, or the value alone for a series without a baseline. */
function valueWithBaseline(value, baseline, unit = '') {
    const v = `${(0,_measure_js__WEBPACK_IMPORTED_MODULE_0__/* .formatValue */ .Fl)(value)}${unit}`;
    if (baseline === undefined)
        return `${v} (no baseline)`;
    return `${v} (${changeText(value, baseline)} vs ${(0,_measure_js__WEBPACK_IMPORTED_MODULE_0__/* .formatValue */ .Fl)(baseline)}${unit} before the deploy)`;
}
/** How far past the baseline rule a series is, as a fraction of its baseline (> 0 breaches); -Infinity if it cannot. */
function baselineExcess(value, baseline, rule) {
    let worst = Number.NEGATIVE_INFINITY;
    const scale = Math.abs(baseline) || 1;
    if (rule.maxIncrease !== undefined &&
        value > baseline * (1 + rule.maxIncrease) &&
        value - baseline > rule.minDelta) {
        worst = Math.max(worst, (value - baseline * (1 + rule.maxIncrease)) / scale || Number.MIN_VALUE);
    }
    if (rule.maxDecrease !== undefined &&
        value < baseline * (1 - rule.maxDecrease) &&
        baseline - value > rule.minDelta) {
        worst = Math.max(worst, (baseline * (1 - rule.maxDecrease) - value) / scale || Number.MIN_VALUE);
    }
    return worst;
}
/** The reason no decision can be made: no absolute bound, and no series has a baseline. */
function noBaselineReason(rule) {
    return `no baseline in the ${rule.windowText} before the deploy`;
}
/**
 * One measurement of a baseline check: the absolute bounds as for any metric check, plus the baseline rule for each
 * series with a baseline. `compared` carries every real series with its baseline, worst first.
 */
function measureWithBaseline(series, threshold, rule, baselines, at) {
    const absolute = (0,_measure_js__WEBPACK_IMPORTED_MODULE_0__/* .measureSeries */ .Mk)(series, threshold, at);
    if (absolute.outcome === 'no-data')
        return absolute;
    // One pass per series (this runs for every series in every round); only the breaching ones are sorted here, the
    // full list is put in worst-first order once, by the report (`worstFirst`).
    const compared = [];
    const scored = [];
    for (const s of series) {
        if (!Number.isFinite(s.value))
            continue;
        const key = seriesKey(s.labels);
        const b = baselines.get(key);
        const withB = b === undefined ? s : { labels: s.labels, value: s.value, baseline: b };
        compared.push(withB);
        const over = b === undefined ? Number.NEGATIVE_INFINITY : baselineExcess(s.value, b, rule);
        if (over > 0 || (0,_measure_js__WEBPACK_IMPORTED_MODULE_0__/* .excess */ .Mm)(s.value, threshold) > 0)
            scored.push({ s: withB, key, over });
    }
    scored.sort((a, b) => Math.max((0,_measure_js__WEBPACK_IMPORTED_MODULE_0__/* .excess */ .Mm)(b.s.value, threshold), b.over) - Math.max((0,_measure_js__WEBPACK_IMPORTED_MODULE_0__/* .excess */ .Mm)(a.s.value, threshold), a.over));
    const withBaseline = compared.filter((s) => s.baseline !== undefined).length;
    const hasBound = threshold.min !== undefined || threshold.max !== undefined;
    if (!hasBound && withBaseline === 0) {
        return { at, outcome: 'error', reason: noBaselineReason(rule), compared };
    }
    const baselineBreaching = scored.filter((x) => x.over > 0);
    const missing = compared.length - withBaseline;
    const missingNote = missing === 0
        ? undefined
        : `${missing === 1 ? '1 series has' : `${missing} series have`} no baseline (absolute bounds only)`;
    if (absolute.outcome === 'breach') {
        const keys = new Set([
            ...(absolute.series ?? []).map((s) => seriesKey(s.labels)),
            ...baselineBreaching.map((x) => x.key),
        ]);
        const all = scored.filter((x) => keys.has(x.key)).map((x) => x.s);
        const worstKey = seriesKey(absolute.series[0].labels);
        const worst = scored.find((x) => x.key === worstKey)?.s;
        const note = worst?.baseline === undefined
            ? ''
            : ` (${changeText(worst.value, worst.baseline)} vs ${(0,_measure_js__WEBPACK_IMPORTED_MODULE_0__/* .formatValue */ .Fl)(worst.baseline)} before the deploy)`;
        return { ...absolute, series: all, compared, reason: `${absolute.reason ?? ''}${note}` };
    }
    const worst = baselineBreaching[0]?.s;
    if (worst === undefined) {
        const reasons = [absolute.reason, missingNote].filter((r) => r !== undefined);
        const value = hasBound ? absolute.value : worstFirst(compared, threshold, rule)[0]?.value;
        return {
            ...absolute,
            ...(value === undefined ? {} : { value }),
            compared,
            ...(reasons.length > 0 ? { reason: reasons.join('; ') } : {}),
        };
    }
    const more = baselineBreaching.length > 1 ? ` (+${baselineBreaching.length - 1} more)` : '';
    const limit = ruleText(rule, worst.value >= worst.baseline);
    return {
        ...absolute,
        outcome: 'breach',
        value: worst.value,
        series: baselineBreaching.map((x) => x.s),
        compared,
        reason: `${valueWithBaseline(worst.value, worst.baseline, threshold.unit)}, beyond ${limit}${(0,_measure_js__WEBPACK_IMPORTED_MODULE_0__/* .onLabels */ .en)((0,_measure_js__WEBPACK_IMPORTED_MODULE_0__/* .distinguishing */ .oW)(worst.labels, series))}${more}`,
    };
}
/** `compared` in worst-first order: furthest past a bound or the baseline rule first, then the largest change. */
function worstFirst(compared, threshold, rule) {
    const score = (s) => {
        const over = Math.max((0,_measure_js__WEBPACK_IMPORTED_MODULE_0__/* .excess */ .Mm)(s.value, threshold), s.baseline === undefined ? Number.NEGATIVE_INFINITY : baselineExcess(s.value, s.baseline, rule));
        if (over > 0)
            return 1e12 + over; // breaching first, furthest past first
        if (s.baseline === undefined)
            return Number.NEGATIVE_INFINITY;
        const change = (s.value - s.baseline) / (Math.abs(s.baseline) || 1);
        return rule.maxIncrease === undefined
            ? -change
            : rule.maxDecrease === undefined
                ? change
                : Math.abs(change);
    };
    return compared
        .map((s) => ({ s, k: score(s) }))
        .sort((a, b) => b.k - a.k)
        .map((x) => x.s);
}
/** `+100 %` (with `min-delta`), the limit that was crossed. */
function ruleText(rule, up) {
    const pct = (f) => `${Math.round(f * 1000) / 10} %`;
    const text = up ? `+${pct(rule.maxIncrease ?? 0)}` : `-${pct(rule.maxDecrease ?? 0)}`;
    return rule.minDelta > 0 ? `${text} and min-delta ${(0,_measure_js__WEBPACK_IMPORTED_MODULE_0__/* .formatValue */ .Fl)(rule.minDelta)}` : text;
}


/***/ }),

/***/ 92737:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ PrometheusError),
/* harmony export */   s: () => (/* binding */ isQueryRejection)
/* harmony export */ });
/** Everything that can go wrong while asking Prometheus something, wrapped at the boundary with the original as `cause`. */
/** A Prometheus query that gave no usable result. Messages are short, name no credentials, and can go into reports. */
class PrometheusError extends Error {
    kind;
    status;
    errorType;
    constructor(message, details) {
        super(message, details.cause === undefined ? undefined : { cause: details.cause });
        this.name = 'PrometheusError';
        this.kind = details.kind;
        if (details.status !== undefined)
            this.status = details.status;
        if (details.errorType !== undefined)
            this.errorType = details.errorType;
    }
}
/**
 * SPEC §8: the server refused the query itself — HTTP 400 or 422 with a `"status":"error"` body, from any
 * Prometheus-compatible server (Prometheus `bad_data` / `execution`, VictoriaMetrics `errorType: "422"`, Mimir,
 * Thanos). Anything else (unreachable, 5xx, 401/403, not Prometheus-shaped) means the server could not be asked.
 */
function isQueryRejection(error) {
    return (error instanceof PrometheusError && error.kind === 'api' && (error.status === 400 || error.status === 422));
}


/***/ }),

/***/ 9160:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fl: () => (/* binding */ formatValue),
/* harmony export */   Mk: () => (/* binding */ measureSeries),
/* harmony export */   Mm: () => (/* binding */ excess),
/* harmony export */   N1: () => (/* binding */ errorMeasurement),
/* harmony export */   QK: () => (/* binding */ labelText),
/* harmony export */   en: () => (/* binding */ onLabels),
/* harmony export */   oW: () => (/* binding */ distinguishing)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92737);
/* harmony import */ var _report_markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(54285);
/** Turns a Prometheus result into one Measurement (SPEC §3), and names series and values for reports. Pure. */


/** Labels that identify a series best; kept first when a long label set is shortened. */
const IDENTIFYING_LABELS = [
    'instance',
    'job',
    'mountpoint',
    'gpu',
    'uuid',
    'UUID',
    'device',
    'Hostname',
    'modelName',
    'namespace',
    'pod',
    'container',
    'node',
];
/**
 * Compares the real-valued series with the threshold: a breach when any is `> max` or `< min` (exactly at a threshold
 * passes). NaN and ±Inf series are left out and returned in `ignoredSeries`; when no series has a real value (empty
 * vector, or all NaN/±Inf) the outcome is `no-data`. `value` is the worst value: the one furthest past a threshold,
 * else the one nearest a threshold (the highest for a max check, the lowest for a min-only check). `series` holds the
 * breaching series, worst first.
 */
function measureSeries(series, threshold, at) {
    const real = series.filter((s) => Number.isFinite(s.value));
    const ignored = series.filter((s) => !Number.isFinite(s.value));
    if (series.length === 0)
        return { at, outcome: 'no-data', reason: 'no series matched' };
    if (real.length === 0) {
        const only = series[0];
        const reason = series.length === 1 && only !== undefined
            ? `the only series is ${formatValue(only.value)}${onLabels(only.labels)}`
            : `all ${series.length} series are NaN or ±Inf`;
        return { at, outcome: 'no-data', reason };
    }
    const ignoredPart = ignored.length === 0 ? {} : { ignoredSeries: ignored };
    const breaching = real
        .map((s) => ({ s, excess: excess(s.value, threshold) }))
        .filter((b) => b.excess > 0)
        .sort((a, b) => b.excess - a.excess)
        .map((b) => b.s);
    const worst = breaching[0];
    if (worst === undefined) {
        const nearest = nearestToThreshold(real, threshold);
        const reason = ignored.length === 0 ? {} : { reason: `${countSeries(ignored.length)} NaN or ±Inf, ignored` };
        return { at, outcome: 'pass', value: nearest.value, series: [], ...ignoredPart, ...reason };
    }
    const more = breaching.length > 1 ? ` (+${breaching.length - 1} more)` : '';
    return {
        at,
        outcome: 'breach',
        value: worst.value,
        series: breaching,
        ...ignoredPart,
        reason: `${describeBreach(worst.value, threshold)}${onLabels(distinguishing(worst.labels, series))}${more}`,
    };
}
/** An `error` measurement for a failed query: the PrometheusError's message, or the text of anything else thrown. */
function errorMeasurement(error, at) {
    const reason = error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PrometheusError */ .H
        ? error.message
        : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    return { at, outcome: 'error', reason };
}
/**
 * `gpu="0",instance="10.1.0.7:9400"`: labels sorted by name, `__name__` dropped, values quoted as PromQL quotes them.
 * A label set longer than `maxChars` keeps the identifying labels (instance, job, mountpoint, gpu, …) and as many
 * others as fit, and ends with `,… (+N labels)`. An empty label set is `{}`.
 */
function labelText(labels, opts = {}) {
    const maxChars = opts.maxChars ?? 120;
    const names = Object.keys(labels)
        .filter((name) => name !== '__name__')
        .sort();
    if (names.length === 0)
        return '{}';
    const pair = (name) => `${name}=${quote(labels[name] ?? '', 60)}`;
    const full = names.map(pair).join(',');
    if (full.length <= maxChars)
        return full;
    const byPriority = [
        ...IDENTIFYING_LABELS.filter((name) => names.includes(name)),
        ...names.filter((name) => !IDENTIFYING_LABELS.includes(name)),
    ];
    const kept = new Set();
    let length = 0;
    for (const name of byPriority) {
        const added = pair(name).length + (kept.size > 0 ? 1 : 0);
        if (kept.size > 0 && length + added > maxChars)
            continue;
        kept.add(name);
        length += added;
    }
    const shown = names.filter((name) => kept.has(name)).map(pair);
    const leftOut = names.length - shown.length;
    return leftOut === 0 ? shown.join(',') : `${shown.join(',')},… (+${leftOut} labels)`;
}
/**
 * A value for reports: `NaN`, `+Inf`, `-Inf`, integers as they are, others to 3 significant digits (no exponent for
 * large numbers). With `threshold`, more digits are used until the value no longer reads as the threshold (so a
 * breach never shows as `95 > 95`).
 */
function formatValue(value, threshold) {
    if (Number.isNaN(value))
        return 'NaN';
    if (!Number.isFinite(value))
        return value > 0 ? '+Inf' : '-Inf';
    if (Number.isInteger(value))
        return String(value);
    for (let digits = 3; digits <= 17; digits++) {
        const rounded = roundSignificant(value, digits);
        if (threshold === undefined || rounded !== threshold)
            return String(rounded);
    }
    return String(value);
}
function roundSignificant(value, digits) {
    const magnitude = Math.floor(Math.log10(Math.abs(value)));
    const decimals = Math.min(100, Math.max(0, digits - 1 - magnitude));
    return Number(value.toFixed(decimals));
}
/** How far past a threshold a value is (> 0 is a breach). */
function excess(value, threshold) {
    const over = threshold.max !== undefined ? value - threshold.max : Number.NEGATIVE_INFINITY;
    const under = threshold.min !== undefined ? threshold.min - value : Number.NEGATIVE_INFINITY;
    return Math.max(over, under);
}
/** The series with the least room to a threshold; the highest when no threshold is set. */
function nearestToThreshold(real, threshold) {
    const noThreshold = threshold.max === undefined && threshold.min === undefined;
    const room = (s) => (noThreshold ? -s.value : -excess(s.value, threshold));
    return real.reduce((best, s) => (room(s) < room(best) ? s : best));
}
function describeBreach(value, threshold) {
    const unit = threshold.unit ?? '';
    if (threshold.max !== undefined && value > threshold.max) {
        return `${formatValue(value, threshold.max)}${unit} > ${formatValue(threshold.max)}${unit}`;
    }
    const min = threshold.min ?? Number.NaN;
    return `${formatValue(value, min)}${unit} < ${formatValue(min)}${unit}`;
}
/**
 * The fewest labels of `labels` that tell its series apart from the others in the result (`gpu="0"` rather than
 * ten DCGM labels shared by every series), picked greedily in the order of IDENTIFYING_LABELS; for a lone series, its
 * identifying labels. Falls back to all labels.
 */
function distinguishing(labels, all) {
    const names = Object.keys(labels).filter((name) => name !== '__name__');
    const pick = (kept) => kept.length === 0 ? labels : Object.fromEntries(kept.map((name) => [name, labels[name] ?? '']));
    if (all.length <= 1)
        return pick(names.filter((name) => IDENTIFYING_LABELS.includes(name) && name !== 'job'));
    const rank = (name) => {
        const i = IDENTIFYING_LABELS.indexOf(name);
        return i === -1 ? IDENTIFYING_LABELS.length : i;
    };
    const candidates = names
        .filter((name) => all.some((s) => s.labels[name] !== labels[name]))
        .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    const kept = [];
    let alike = all.filter((s) => s.labels !== labels);
    for (const name of candidates) {
        if (alike.length === 0)
            break;
        const rest = alike.filter((s) => s.labels[name] === labels[name]);
        if (rest.length < alike.length) {
            kept.push(name);
            alike = rest;
        }
    }
    return pick(names.filter((name) => kept.includes(name)));
}
function onLabels(labels) {
    const text = labelText(labels);
    return text === '{}' ? '' : ` on ${text}`;
}
function countSeries(count) {
    return count === 1 ? '1 series is' : `${count} series are`;
}
function quote(value, maxChars) {
    const shortened = (0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .shorten */ .ml)(value, maxChars);
    return `"${shortened.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}


/***/ }),

/***/ 52617:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gv: () => (/* binding */ isObject),
/* harmony export */   IR: () => (/* binding */ decodeLabels),
/* harmony export */   L: () => (/* binding */ parseSampleValue),
/* harmony export */   os: () => (/* binding */ unexpected),
/* harmony export */   vK: () => (/* binding */ decodeQueryAnswer),
/* harmony export */   vw: () => (/* binding */ decodeEnvelope)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92737);
/* harmony import */ var _report_markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(54285);
/** Pure decoding of Prometheus HTTP API answers (`/api/v1/query`, `/api/v1/series`) into typed results or errors. */


/**
 * Parses a sample value as Prometheus writes it. Go's `FormatFloat` gives `NaN`, `+Inf` and `-Inf`, which `Number()`
 * does not read (`Number('+Inf')` is NaN), so they are mapped explicitly; anything that is not a plain decimal number
 * is an `unexpected-result` error rather than a silent NaN.
 */
function parseSampleValue(text) {
    switch (text) {
        case 'NaN':
            return Number.NaN;
        case '+Inf':
        case 'Inf':
            return Number.POSITIVE_INFINITY;
        case '-Inf':
            return Number.NEGATIVE_INFINITY;
    }
    if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) {
        const value = Number(text);
        if (Number.isFinite(value))
            return value;
    }
    throw unexpected(`sample value ${JSON.stringify((0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .shorten */ .ml)(text, 40))} is not a number`);
}
/** Decodes an `/api/v1/query` answer; throws `PrometheusError` for anything but a vector or scalar result. */
function decodeQueryAnswer(answer) {
    const data = decodeEnvelope(answer);
    const { value: payload, warnings } = data;
    if (!isObject(payload))
        throw unexpected('"data" is not an object');
    const resultType = payload.resultType;
    const result = payload.result;
    switch (resultType) {
        case 'vector':
            if (!Array.isArray(result))
                throw unexpected('vector "result" is not an array');
            return { resultType, series: result.map(decodeVectorSample), warnings };
        case 'scalar':
            return { resultType, series: [{ labels: {}, value: decodeSamplePair(result ?? null) }], warnings };
        case 'matrix':
        case 'string':
            throw unexpected(`Prometheus returned a ${resultType} result; the query must return an instant vector or a scalar`, true);
        default:
            throw unexpected(`unknown result type ${JSON.stringify(resultType)}`);
    }
}
/** Checks status, JSON and the `status` field; returns `data` and the warnings, or throws `PrometheusError`. */
function decodeEnvelope(answer) {
    const { status } = answer;
    const parsed = parseJson(answer.body);
    if (parsed.ok && isObject(parsed.value) && parsed.value.status === 'error') {
        const errorType = typeof parsed.value.errorType === 'string' ? parsed.value.errorType : undefined;
        const detail = typeof parsed.value.error === 'string' ? (0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .shorten */ .ml)(parsed.value.error, 500) : 'no error message';
        // VictoriaMetrics puts the status itself in errorType (`"errorType":"422"`): not repeated.
        const what = errorType === undefined || errorType === String(status) ? `: ${detail}` : ` ${errorType}: ${detail}`;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PrometheusError */ .H(`Prometheus answered HTTP ${status}${what}`, {
            kind: 'api',
            status,
            errorType,
        });
    }
    const hint = statusHint(status);
    if (hint !== undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PrometheusError */ .H(`Prometheus answered HTTP ${status}${bodySnippet(answer)} ${hint}`, {
            kind: 'http',
            status,
        });
    }
    if (!parsed.ok) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PrometheusError */ .H(notJsonMessage(answer, parsed.error), {
            kind: 'not-json',
            status,
            cause: parsed.error,
        });
    }
    if (status < 200 || status > 299) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PrometheusError */ .H(`Prometheus answered HTTP ${status}${bodySnippet(answer)}`, {
            kind: 'http',
            status,
        });
    }
    const envelope = parsed.value;
    if (!isObject(envelope) || envelope.status !== 'success' || !('data' in envelope)) {
        throw unexpected('the body is not a Prometheus API answer (no "status":"success" with "data")');
    }
    const rawWarnings = envelope.warnings;
    const warnings = Array.isArray(rawWarnings) ? rawWarnings.filter((w) => typeof w === 'string') : [];
    return { value: envelope.data ?? null, warnings };
}
/** Statuses that point at the settings rather than at Prometheus: reported as `http` whatever the body. */
function statusHint(status) {
    switch (status) {
        case 401:
        case 407:
            return '(check the Prometheus credentials)';
        case 403:
            return '(the credentials may not query Prometheus)';
        case 404:
            return '(check the Prometheus URL and its path prefix)';
        default:
            return undefined;
    }
}
function notJsonMessage(answer, error) {
    const what = describeBody(answer);
    if (what === 'JSON') {
        const reason = error instanceof Error ? `: ${error.message}` : '';
        return `Prometheus answered with invalid JSON (HTTP ${answer.status})${reason}`;
    }
    return `Prometheus answered with ${what}, not JSON (HTTP ${answer.status})${bodySnippet(answer)}`;
}
function describeBody(answer) {
    const type = answer.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
    if (type === 'text/html' || /^\s*<(!doctype html|html)/i.test(answer.body))
        return 'HTML';
    if (type === 'application/json' || type.endsWith('+json'))
        return 'JSON';
    if (answer.body.trim() === '')
        return 'an empty body';
    return type === '' ? 'a body of unknown type' : type;
}
/** The first line of a short plain-text body (e.g. `Unauthorized`), never HTML. */
function bodySnippet(answer) {
    if (describeBody(answer) === 'HTML')
        return '';
    const firstLine = answer.body.trim().split('\n')[0]?.trim() ?? '';
    if (firstLine === '')
        return '';
    return `: ${(0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .shorten */ .ml)(firstLine, 120)}`;
}
function decodeVectorSample(sample) {
    if (!isObject(sample))
        throw unexpected('a vector sample is not an object');
    if (sample.value === undefined && sample.histogram !== undefined) {
        throw unexpected('native histogram samples are not supported; reduce them to a number in the query', true);
    }
    return { labels: decodeLabels(sample.metric ?? {}), value: decodeSamplePair(sample.value ?? null) };
}
function decodeSamplePair(pair) {
    // Prometheus writes the timestamp as a JSON number; anything else is not its answer (client_golang rejects it too).
    if (!Array.isArray(pair) ||
        pair.length !== 2 ||
        typeof pair[0] !== 'number' ||
        typeof pair[1] !== 'string') {
        throw unexpected('a sample is not a [timestamp, "value"] pair');
    }
    return parseSampleValue(pair[1]);
}
function decodeLabels(labels) {
    if (!isObject(labels))
        throw unexpected('a label set is not an object');
    const decoded = {};
    for (const [name, value] of Object.entries(labels)) {
        if (typeof value !== 'string')
            throw unexpected(`label ${name} is not a string`);
        decoded[name] = value;
    }
    return decoded;
}
function parseJson(text) {
    try {
        return { ok: true, value: JSON.parse(text) };
    }
    catch (error) {
        return { ok: false, error };
    }
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function unexpected(detail, complete = false) {
    const message = complete ? detail : `Prometheus answered with an unexpected result: ${detail}`;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PrometheusError */ .H(message, { kind: 'unexpected-result' });
}


/***/ }),

/***/ 88413:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LI: () => (/* binding */ comparedOfSample),
/* harmony export */   QE: () => (/* binding */ lastWithBaseline),
/* harmony export */   VK: () => (/* binding */ alertsOfSample),
/* harmony export */   lp: () => (/* binding */ renderDeployComparison)
/* harmony export */ });
/* harmony import */ var _gate_deploy_start_checks_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(75315);
/* harmony import */ var _prometheus_baseline_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(34189);
/* harmony import */ var _check_facts_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(91324);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(54285);
/* harmony import */ var _series_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(89985);





/** Every series of `m` worst first, with its baseline and change. */
function comparedOfSample(m, spec) {
    return ordered(m, spec).map((s) => ({
        labels: s.labels,
        value: s.value,
        baseline: s.baseline ?? null,
        change: s.baseline === undefined ? null : (0,_prometheus_baseline_js__WEBPACK_IMPORTED_MODULE_1__/* .changeText */ .k0)(s.value, s.baseline),
    }));
}
function alertsOfSample(m) {
    return { new: m.alerts?.new ?? [], preExisting: m.alerts?.preExisting ?? [] };
}
function ordered(m, spec) {
    if (m.compared === undefined || spec.baseline === undefined)
        return [...(m.compared ?? [])];
    return (0,_prometheus_baseline_js__WEBPACK_IMPORTED_MODULE_1__/* .worstFirst */ .md)(m.compared, { min: spec.min, max: spec.max }, spec.baseline);
}
function isBaselineCheck(c) {
    return c.spec.kind === 'metric' && c.spec.baseline !== undefined;
}
function isAlertsCheck(c) {
    return c.spec.kind === 'alerts';
}
/** The checks table's "Last" cell of a baseline check: `0.84 (+171 % vs 0.31 before the deploy)`; else undefined. */
function lastWithBaseline(c) {
    if (!isBaselineCheck(c))
        return undefined;
    const last = c.samples.at(-1);
    const worst = last === undefined ? undefined : ordered(last, c.spec)[0];
    if (worst === undefined)
        return undefined;
    return (0,_prometheus_baseline_js__WEBPACK_IMPORTED_MODULE_1__/* .valueWithBaseline */ .rt)(worst.value, worst.baseline, (0,_check_facts_js__WEBPACK_IMPORTED_MODULE_2__/* .isPercent */ ._3)(c.spec) ? '%' : '');
}
/** The "Compared with before the deploy" section; '' when no check compares with the deploy's start. */
function renderDeployComparison(checks, ctx, seriesLimit) {
    const baselineChecks = checks.filter(isBaselineCheck);
    const alertsChecks = checks.filter(isAlertsCheck);
    if (baselineChecks.length === 0 && alertsChecks.length === 0)
        return '';
    const parts = ['#### Compared with before the deploy'];
    if (ctx.deployStart !== undefined) {
        parts.push(`Baseline windows end, and alerts count as pre-existing before, ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeCell */ .kq)((0,_gate_deploy_start_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .deployStartText */ .Z_)(ctx.deployStart))}.`);
    }
    for (const c of baselineChecks)
        parts.push(baselineBlock(c, ctx.baselines ?? [], seriesLimit));
    for (const c of alertsChecks)
        parts.push(alertsBlock(c, seriesLimit));
    return parts.join('\n\n');
}
function baselineBlock(c, evidence, seriesLimit) {
    const e = evidence.find((x) => x.check === c.spec.name);
    const head = `**${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeCell */ .kq)(c.spec.name)}** · baseline: median of each series over the ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeCell */ .kq)(c.spec.baseline.windowText)} before the deploy`;
    const status = e === undefined
        ? 'the baseline was never queried'
        : e.status === 'ready'
            ? `${e.seriesWithBaseline ?? 0} of ${e.seriesInWindow ?? 0} series in the window had a baseline (≥ 10 samples, step ${e.stepMs / 1000}s, ${e.windowStart} – ${e.windowEnd})`
            : `the baseline query failed (${e.attempts} ${e.attempts === 1 ? 'attempt' : 'attempts'}): ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeCell */ .kq)(e.error ?? '')}`;
    const lines = [`${head}; ${status}.`];
    const last = c.samples.findLast((m) => m.compared !== undefined);
    const compared = last === undefined ? [] : ordered(last, c.spec);
    const unit = (0,_check_facts_js__WEBPACK_IMPORTED_MODULE_2__/* .isPercent */ ._3)(c.spec) ? '%' : '';
    const shown = compared.slice(0, Math.max(seriesLimit, 1));
    if (shown.length > 0) {
        const rows = shown.map((s) => [
            (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .codeCell */ .MZ)((0,_series_js__WEBPACK_IMPORTED_MODULE_4__/* .formatLabels */ .h6)(s.labels)),
            (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeCell */ .kq)((0,_prometheus_baseline_js__WEBPACK_IMPORTED_MODULE_1__/* .valueWithBaseline */ .rt)(s.value, s.baseline, unit)),
        ]);
        lines.push((0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .table */ .tp)(['Series (last sample, worst first)', 'Value vs before the deploy'], rows));
    }
    const missing = compared.filter((s) => s.baseline === undefined);
    if (missing.length > 0) {
        const names = missing.slice(0, Math.max(seriesLimit, 1)).map((s) => (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)((0,_series_js__WEBPACK_IMPORTED_MODULE_4__/* .formatLabels */ .h6)(s.labels)));
        const more = missing.length > names.length ? `, … and ${missing.length - names.length} more` : '';
        lines.push(`Without a baseline (held to the absolute bounds only): ${names.join(', ')}${more}`);
    }
    if (compared.length > shown.length)
        lines.push(`… and ${compared.length - shown.length} more series in the JSON report`);
    return lines.join('\n\n');
}
function alertsBlock(c, limit) {
    const last = c.samples.findLast((m) => m.alerts !== undefined)?.alerts;
    const selector = c.spec.selector === 'all' ? 'all alerts' : (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .code */ .aY)(c.spec.selector);
    const lines = [`**${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeCell */ .kq)(c.spec.name)}** · alerts matching ${selector}`];
    if (last === undefined) {
        lines.push('The alerts API was never read successfully.');
        return lines.join('\n\n');
    }
    const rows = (alerts) => alerts
        .slice(0, Math.max(limit, 1))
        .map((a) => [
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .codeCell */ .MZ)(a.alertname || '(no alertname)'),
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .codeCell */ .MZ)((0,_series_js__WEBPACK_IMPORTED_MODULE_4__/* .formatLabels */ .h6)(a.labels)),
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeCell */ .kq)(a.state),
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeCell */ .kq)(a.activeAt ?? '—'),
    ]);
    const headers = (what) => [what, 'Labels that tell it apart', 'State', 'activeAt'];
    lines.push(last.new.length === 0
        ? 'New alerts: none.'
        : (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .table */ .tp)(headers('New alert (since the deploy)'), rows(last.new)));
    if (last.preExisting.length > 0) {
        lines.push((0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .table */ .tp)(headers('Pre-existing alert (active before the deploy; never a breach)'), rows(last.preExisting)));
    }
    const cut = Math.max(last.new.length, last.preExisting.length) - Math.max(limit, 1);
    if (cut > 0)
        lines.push('… more alerts are listed in the JSON report');
    return lines.join('\n\n');
}


/***/ }),

/***/ 91324:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D$: () => (/* binding */ RESULT_ICONS),
/* harmony export */   D6: () => (/* binding */ resultText),
/* harmony export */   FR: () => (/* binding */ excessOf),
/* harmony export */   HA: () => (/* binding */ thresholdText),
/* harmony export */   N0: () => (/* binding */ lastValueText),
/* harmony export */   Wx: () => (/* binding */ worstSample),
/* harmony export */   YL: () => (/* binding */ sampleCountsText),
/* harmony export */   _3: () => (/* binding */ isPercent),
/* harmony export */   n_: () => (/* binding */ VERDICT_ICONS),
/* harmony export */   nk: () => (/* binding */ lowIsWorse),
/* harmony export */   pK: () => (/* binding */ checkKind),
/* harmony export */   vk: () => (/* binding */ formatCheckValue)
/* harmony export */ });
/* unused harmony exports baselineRuleText, outcomeCountText */
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(54285);

function checkKind(spec) {
    if (spec.kind === 'http' || spec.kind === 'alerts')
        return spec.kind;
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
    if (spec.kind === 'alerts')
        return value === 1 ? '1 new alert' : `${value} new alerts`;
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
    if (spec.kind === 'alerts')
        return spec.includePending ? 'no new firing or pending alerts' : 'no new firing alerts';
    const unit = isPercent(spec) ? '%' : '';
    const num = (n) => `${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .formatValue */ .Fl)(n)}${unit}`;
    const rule = baselineRuleText(spec);
    if (rule !== '' && (spec.min !== undefined || spec.max !== undefined)) {
        return `${thresholdText({ ...spec, baseline: undefined })}; ${rule}`;
    }
    if (rule !== '')
        return rule;
    if (spec.min !== undefined && spec.max !== undefined)
        return `${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .formatValue */ .Fl)(spec.min)}–${num(spec.max)}`;
    if (spec.max !== undefined)
        return `≤ ${num(spec.max)}`;
    if (spec.min !== undefined)
        return `≥ ${num(spec.min)}`;
    return spec.baseline !== undefined ? 'vs baseline' : '—';
}
/** `≤ +100 % / ≥ -50 % vs the 30m before the deploy`; '' without a baseline. */
function baselineRuleText(spec) {
    const b = spec.baseline;
    if (b === undefined)
        return '';
    const pct = (f) => `${Math.round(f * 1000) / 10} %`;
    const parts = [
        ...(b.maxIncrease === undefined ? [] : [`≤ +${pct(b.maxIncrease)}`]),
        ...(b.maxDecrease === undefined ? [] : [`≥ -${pct(b.maxDecrease)}`]),
    ];
    const delta = b.minDelta > 0 ? ` (min-delta ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .formatValue */ .Fl)(b.minDelta)})` : '';
    return `${parts.join(' / ')} vs the ${b.windowText} before the deploy${delta}`;
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
    if (spec.kind !== 'metric')
        return false;
    return (spec.min !== undefined && spec.max === undefined) || decreaseOnly(spec);
}
/** A check with only a baseline `max-decrease` (traffic lost): lower values are worse. */
function decreaseOnly(spec) {
    return (spec.min === undefined &&
        spec.max === undefined &&
        spec.baseline?.maxDecrease !== undefined &&
        spec.baseline.maxIncrease === undefined);
}
/** The sample with the worst real value: furthest past the threshold for metrics, slowest for HTTP. */
function worstSample(spec, samples) {
    let worst;
    let worstScore = -Infinity;
    for (const m of samples) {
        if (m.value === undefined || !Number.isFinite(m.value))
            continue;
        const score = spec.kind === 'metric' ? (decreaseOnly(spec) ? -m.value : excessOf(spec, m.value)) : m.value;
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
/** How many samples had an outcome, in words: `1 breach`, `2 breaches`, `5 passed`, `3 no data`, `2 errors`. */
function outcomeCountText(outcome, count) {
    switch (outcome) {
        case 'pass':
            return `${count} passed`;
        case 'breach':
            return `${count} ${count === 1 ? 'breach' : 'breaches'}`;
        case 'no-data':
            return `${count} no data`;
        case 'error':
            return `${count} ${count === 1 ? 'error' : 'errors'}`;
    }
}
/** `7` when every sample passed, else `5 passed / 2 breaches` (outcomes that occurred, in a fixed order). */
function sampleCountsText(samples) {
    const counts = { pass: 0, breach: 0, 'no-data': 0, error: 0 };
    for (const m of samples)
        counts[m.outcome]++;
    if (counts.pass === samples.length)
        return String(samples.length);
    return Object.keys(counts)
        .filter((o) => counts[o] > 0)
        .map((o) => outcomeCountText(o, counts[o]))
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
            env: args.env,
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
    const { DefaultArtifactClient } = await __webpack_require__.e(/* import() */ 111).then(__webpack_require__.bind(__webpack_require__, 40111));
    await new DefaultArtifactClient().uploadArtifact(name, files, rootDir, { retentionDays });
};


/***/ }),

/***/ 88850:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BK: () => (/* binding */ renderReportJson),
/* harmony export */   ow: () => (/* binding */ buildGateReport)
/* harmony export */ });
/* unused harmony export jsonNumber */
/* harmony import */ var _gate_deploy_start_checks_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(75315);
/* harmony import */ var _prometheus_baseline_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(34189);
/* harmony import */ var _baseline_evidence_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(88413);
/* harmony import */ var _check_facts_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(91324);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(20649);





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
        ...(ctx.deployStart === undefined || !result.checks.some(comparesWithDeploy)
            ? {}
            : {
                deployStart: {
                    at: new Date(ctx.deployStart.atMs).toISOString(),
                    source: ctx.deployStart.source,
                    text: (0,_gate_deploy_start_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .deployStartText */ .Z_)(ctx.deployStart),
                },
                baselines: ctx.baselines ?? [],
            }),
        checks: result.checks.map(reportCheck),
    };
    return (0,_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .redact */ .E$)(report, ctx.secrets);
}
function reportCheck(c) {
    const base = {
        name: c.spec.name,
        kind: (0,_check_facts_js__WEBPACK_IMPORTED_MODULE_3__/* .checkKind */ .pK)(c.spec),
        enforce: c.spec.enforce,
    };
    const rest = {
        threshold: thresholdOf(c.spec),
        result: c.result,
        reason: c.reason ?? null,
        ...(c.spec.kind === 'metric' ? baselinesOfCheck(c.samples, c.spec) : {}),
        samples: c.samples.map(reportSample),
    };
    if (c.spec.kind === 'http')
        return { ...base, target: c.spec.url, ...rest };
    if (c.spec.kind === 'alerts')
        return { ...base, target: c.spec.selector, ...rest };
    return { ...base, query: c.spec.query, ...rest };
}
function baselinesOfCheck(samples, spec) {
    const last = samples.findLast((m) => m.compared !== undefined);
    return last === undefined ? {} : { baselines: (0,_baseline_evidence_js__WEBPACK_IMPORTED_MODULE_2__/* .comparedOfSample */ .LI)(last, spec) };
}
function comparesWithDeploy(c) {
    return c.spec.kind === 'alerts' || (c.spec.kind === 'metric' && c.spec.baseline !== undefined);
}
function thresholdOf(spec) {
    if (spec.kind === 'http')
        return { min: null, max: spec.maxLatencyMs ?? null };
    if (spec.kind === 'alerts')
        return { min: null, max: null };
    return { min: spec.min ?? null, max: spec.max ?? null };
}
function reportSample(m) {
    return {
        at: m.at,
        outcome: m.outcome,
        value: m.value === undefined ? null : jsonNumber(m.value),
        series: (m.series ?? []).map((s) => ({
            labels: s.labels,
            value: jsonNumber(s.value),
            ...(s.baseline === undefined ? {} : { baseline: s.baseline, change: (0,_prometheus_baseline_js__WEBPACK_IMPORTED_MODULE_1__/* .changeText */ .k0)(s.value, s.baseline) }),
        })),
        ...(m.ignoredSeries !== undefined && m.ignoredSeries.length > 0
            ? { ignoredSeries: m.ignoredSeries.map((s) => ({ labels: s.labels, value: jsonNumber(s.value) })) }
            : {}),
        ...(m.warnings !== undefined && m.warnings.length > 0 ? { warnings: m.warnings } : {}),
        ...(m.alerts === undefined ? {} : { alerts: (0,_baseline_evidence_js__WEBPACK_IMPORTED_MODULE_2__/* .alertsOfSample */ .VK)(m) }),
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


/***/ }),

/***/ 89985:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dg: () => (/* binding */ breachingSeries),
/* harmony export */   h6: () => (/* binding */ formatLabels),
/* harmony export */   sv: () => (/* binding */ ignoredSeries)
/* harmony export */ });
/* harmony import */ var _check_facts_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91324);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(54285);


/** Identity of a series: its labels in name order, NUL-separated (JSON-quoted in the rare case they hold NUL). */
function seriesKey(labels) {
    const names = Object.keys(labels);
    if (names.length > 1)
        names.sort();
    let key = '';
    for (const name of names) {
        const value = labels[name] ?? '';
        key +=
            name.includes('\u0000') || value.includes('\u0000')
                ? JSON.stringify([name, value])
                : `${name}\u0000${value}\u0000`;
    }
    return key;
}
function tally(samples, pick, score) {
    const byKey = new Map();
    for (const m of samples) {
        const series = pick(m);
        if (series === undefined)
            continue;
        for (const s of series) {
            const key = seriesKey(s.labels);
            const excess = score(s.value);
            const seen = byKey.get(key);
            if (seen === undefined) {
                byKey.set(key, { labels: s.labels, worstValue: s.value, excess, count: 1, key });
                continue;
            }
            seen.count++;
            if (excess > seen.excess) {
                seen.worstValue = s.value;
                seen.excess = excess;
            }
        }
    }
    return [...byKey.values()];
}
/** Every series that breached in any sample, worst first (by how far past the threshold), then by labels. */
function breachingSeries(spec, samples) {
    return tally(samples, (m) => (m.outcome === 'breach' ? m.series : undefined), (v) => (Number.isFinite(v) ? (0,_check_facts_js__WEBPACK_IMPORTED_MODULE_0__/* .excessOf */ .FR)(spec, v) : Number.NEGATIVE_INFINITY)).sort((a, b) => b.excess - a.excess || compareText(a.key, b.key));
}
/** Series left out of the comparison (NaN/±Inf while other series had values), most often left out first. */
function ignoredSeries(samples) {
    return tally(samples, (m) => m.ignoredSeries, () => 0).sort((a, b) => b.count - a.count || compareText(a.key, b.key));
}
function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/**
 * A series as PromQL would write it: `DCGM_FI_DEV_FB_USED{gpu="0", instance="10.1.0.7:9400"}` — the metric name
 * (if any) first, labels sorted, values escaped; cut with `…` beyond `maxChars`.
 */
function formatLabels(labels, maxChars = 200) {
    const name = labels.__name__ ?? '';
    const pairs = Object.entries(labels)
        .filter(([key]) => key !== '__name__')
        .sort(([a], [b]) => compareText(a, b))
        .map(([key, value]) => `${key}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`);
    return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .shorten */ .ml)(`${name}{${pairs.join(', ')}}`, maxChars);
}


/***/ })

};

//# sourceMappingURL=116.index.js.map