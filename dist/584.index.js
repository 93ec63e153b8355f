export const id = 584;
export const ids = [584];
export const modules = {

/***/ 96584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createGitHubClient: () => (/* binding */ createGitHubClient)
/* harmony export */ });
/* unused harmony export isNotRepeatable */
/* harmony import */ var _report_log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(46472);
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(61351);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(49735);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73116);
/**
 * The GitHub REST client. The only importer of `@actions/github`; what its errors mean is in github/errors.ts.
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
    }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_3__/* .retry */ .L, rateLimitPlugin(timings));
}
/** Applied after plugin-retry, so its hook wraps the whole retried request. */
function rateLimitPlugin(timings) {
    const retries = timings.rateLimitRetries ?? 2;
    const maxWaitMs = timings.maxRateLimitWaitMs ?? 2 * _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ONE_MINUTE_MS */ .ti;
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
                    const waitMs = (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .rateLimitWaitMs */ .JR)(err, now());
                    if (waitMs === undefined || attempt >= retries || waitMs > maxWaitMs)
                        throw err;
                    log(`GitHub rate limit on ${options.method} ${options.url}: retrying in ${Math.ceil(waitMs / 1000)} s`);
                    await sleep(waitMs);
                }
            }
        });
    };
}


/***/ }),

/***/ 73116:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JR: () => (/* binding */ rateLimitWaitMs),
/* harmony export */   K: () => (/* binding */ repoFromEnv),
/* harmony export */   OS: () => (/* binding */ GitHubApiError),
/* harmony export */   ti: () => (/* binding */ ONE_MINUTE_MS),
/* harmony export */   ym: () => (/* binding */ mapGitHubError)
/* harmony export */ });
/**
 * What a failed GitHub request means, without Octokit: rate-limit waits, the action's own error (`GitHubApiError`,
 * with the permission to add when one is missing) and the repository from the environment. Apart from the client
 * (github/client.ts) so that code which only maps errors does not load Octokit.
 */
const ONE_MINUTE_MS = 60_000;
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


/***/ })

};

//# sourceMappingURL=584.index.js.map