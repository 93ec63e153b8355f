export const id = 409;
export const ids = [409];
export const modules = {

/***/ 94409:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runGatePost: () => (/* binding */ runGatePost)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70819);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(27242);
/* harmony import */ var _config_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(64389);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
/* harmony import */ var _github_check_runs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2842);
/* harmony import */ var _github_client_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(96584);
/* harmony import */ var _github_context_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(19556);
/* harmony import */ var _ledger_deployments_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(72981);
/** The gate's post step (`runs.post`, `post-if: always()`). */








/** What the post step writes on the records of a gate that did not finish (SPEC §4). */
const DID_NOT_FINISH = 'gate did not finish';
/**
 * Post step: closes what a gate that did not finish (cancelled, crashed, or unable to write its results) left open —
 * the deployment it created or reused gets `error` / `gate did not finish` when no final status was written to it
 * (SPEC §4), and its check run, when one was started and never completed, is completed `cancelled` with the same title,
 * so that no record stays `in_progress`. Otherwise the post step does nothing.
 */
async function runGatePost() {
    const deploymentId = _actions_core__WEBPACK_IMPORTED_MODULE_0__.getState(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .State */ .Uw.DeploymentId);
    const checkRunId = _actions_core__WEBPACK_IMPORTED_MODULE_0__.getState(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .State */ .Uw.CheckRunId);
    const openDeployment = deploymentId !== '' && _actions_core__WEBPACK_IMPORTED_MODULE_0__.getState(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .State */ .Uw.FinalStatusWritten) !== 'true';
    const openCheckRun = checkRunId !== '' && _actions_core__WEBPACK_IMPORTED_MODULE_0__.getState(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .State */ .Uw.CheckRunCompleted) !== 'true';
    if (!openDeployment && !openCheckRun)
        return;
    const ctx = (0,_github_context_js__WEBPACK_IMPORTED_MODULE_6__/* .readRunContext */ .$)();
    const token = (0,_config_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .readInputs */ .K)()[_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.GitHubToken];
    const octokit = (0,_github_client_js__WEBPACK_IMPORTED_MODULE_5__/* .createGitHubClient */ .LX)({ token });
    const repo = { owner: ctx.owner, repo: ctx.repo };
    const failures = [];
    if (openDeployment) {
        try {
            await (0,_ledger_deployments_js__WEBPACK_IMPORTED_MODULE_7__/* .createDeploymentLedger */ .vS)(octokit, repo).setStatus(Number(deploymentId), {
                state: 'error',
                description: DID_NOT_FINISH,
                logUrl: (0,_ledger_deployments_js__WEBPACK_IMPORTED_MODULE_7__/* .buildLogUrl */ .g5)(ctx.serverUrl, `${ctx.owner}/${ctx.repo}`, ctx.runId, ctx.runAttempt),
            });
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`deployment ${deploymentId} marked error: ${DID_NOT_FINISH}`);
        }
        catch (err) {
            failures.push((0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(err));
        }
    }
    if (openCheckRun) {
        try {
            await (0,_github_check_runs_js__WEBPACK_IMPORTED_MODULE_4__/* .completeCheckRun */ .Fp)(octokit, repo, Number(checkRunId), 'cancelled', {
                title: DID_NOT_FINISH,
                summary: `deploy-gate did not finish (cancelled, or it failed before it could publish a verdict): ${ctx.runUrl}`,
                annotations: [],
            });
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`check run ${checkRunId} completed as cancelled: ${DID_NOT_FINISH}`);
        }
        catch (err) {
            failures.push((0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(err));
        }
    }
    if (failures.length > 0)
        throw new Error(failures.join('; '));
}


/***/ }),

/***/ 2842:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fp: () => (/* binding */ completeCheckRun),
/* harmony export */   _U: () => (/* binding */ createCheckRun)
/* harmony export */ });
/* unused harmony export ANNOTATIONS_PER_REQUEST */
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96584);

/** GitHub accepts at most 50 annotations per request; the rest are appended with PATCH. */
const ANNOTATIONS_PER_REQUEST = 50;
/** GitHub's limit for output.summary and output.text. */
const OUTPUT_MAX_CHARS = 65_535;
async function createCheckRun(octokit, repo, name, headSha, detailsUrl) {
    try {
        const { data } = await octokit.rest.checks.create({
            ...repo,
            name,
            head_sha: headSha,
            status: 'in_progress',
            started_at: new Date().toISOString(),
            ...(detailsUrl ? { details_url: detailsUrl } : {}),
        });
        return data.id;
    }
    catch (err) {
        throw (0,_client_js__WEBPACK_IMPORTED_MODULE_0__/* .mapGitHubError */ .ym)(err, { action: 'create the check run', permission: 'checks: write' });
    }
}
async function completeCheckRun(octokit, repo, id, conclusion, output) {
    const batches = [];
    for (let i = 0; i < output.annotations.length; i += ANNOTATIONS_PER_REQUEST) {
        batches.push(output.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
    }
    const base = {
        title: output.title,
        summary: clip(output.summary),
        ...(output.text ? { text: clip(output.text) } : {}),
    };
    try {
        await octokit.rest.checks.update({
            ...repo,
            check_run_id: id,
            status: 'completed',
            conclusion,
            completed_at: new Date().toISOString(),
            output: { ...base, annotations: batches[0] ?? [] },
        });
        for (const batch of batches.slice(1)) {
            await octokit.rest.checks.update({ ...repo, check_run_id: id, output: { ...base, annotations: batch } });
        }
    }
    catch (err) {
        throw (0,_client_js__WEBPACK_IMPORTED_MODULE_0__/* .mapGitHubError */ .ym)(err, { action: 'complete the check run', permission: 'checks: write' });
    }
}
function clip(text) {
    return text.length <= OUTPUT_MAX_CHARS
        ? text
        : `${text.slice(0, OUTPUT_MAX_CHARS - 40)}\n\n… (cut to GitHub's size limit)`;
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

/***/ 21511:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ pagesOf)
/* harmony export */ });
/** Page-by-page reading of a paginated list, stopping where the caller stops: each page is one request, on demand. */
/**
 * Yields the items of each page of `responses` (an Octokit `paginate.iterator`), mapped by `map`, for at most
 * `maxPages` pages. A failed request is rethrown through `onError` (which maps it to a clear message).
 */
async function* pagesOf(responses, maxPages, map, onError) {
    const iterator = responses[Symbol.asyncIterator]();
    for (let page = 1; page <= maxPages; page++) {
        let next;
        try {
            next = await iterator.next();
        }
        catch (err) {
            throw onError(err);
        }
        if (next.done === true)
            return;
        yield next.value.data.map(map);
    }
}


/***/ }),

/***/ 72981:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  g5: () => (/* reexport */ buildLogUrl),
  vS: () => (/* binding */ createDeploymentLedger),
  $Q: () => (/* reexport */ findCurrent),
  q6: () => (/* reexport */ findCurrentAndTarget),
  g2: () => (/* reexport */ findJobName),
  WF: () => (/* reexport */ findStableForSha)
});

// UNUSED EXPORTS: DEFAULT_MAX_PAGES, DEPLOYMENTS_PER_PAGE, DESCRIPTION_MAX_CHARS, PAYLOAD_KEY, findStableBefore, isStable, parseGatePayload, truncateDescription

// EXTERNAL MODULE: ./src/github/client.ts
var client = __webpack_require__(96584);
// EXTERNAL MODULE: ./src/github/pages.ts
var github_pages = __webpack_require__(21511);
;// CONCATENATED MODULE: ./src/ledger/select.ts
/** Statuses that decide stability. `inactive`, `in_progress`, `queued` and `pending` decide nothing. */
const DECISIVE = new Set(['success', 'failure', 'error']);
/**
 * Stable: a `success` and no `failure` or `error` after the last `success`, i.e. the newest deciding status is `success`.
 * Only `failure` and `error` unmake a success: `inactive` (auto_inactive when a newer deployment succeeds) does not, and
 * neither do `in_progress`/`queued`/`pending`, which the gate never posts after its verdict — a re-run gate is a new
 * run attempt and so a new deployment. Statuses may come in any order; equal times keep the given (API, newest-first)
 * order.
 */
function isStable(statuses) {
    const newestFirst = statuses
        .map((s, index) => ({ s, index, at: Date.parse(s.createdAt) }))
        .sort((a, b) => b.at - a.at || a.index - b.index);
    return newestFirst.find(({ s }) => DECISIVE.has(s.state))?.s.state === 'success';
}
/** The newest deployment carrying the deploy-gate payload (by `createdAt`, then id). */
function findCurrent(deployments) {
    let current;
    for (const d of deployments) {
        if (d.payload && (!current || isOlder(current, d)))
            current = d;
    }
    return current;
}
/** The newest stable deployment carrying the payload that is older than `current` and has a different SHA. */
function findStableBefore(deployments, current, statusesOf) {
    const currentSha = current.sha.toLowerCase();
    return newestStable(deployments, (d) => d.id !== current.id && isOlder(d, current) && d.sha.toLowerCase() !== currentSha, statusesOf);
}
/** The newest stable deployment of a commit; `sha` may be abbreviated (7–40 hex). */
function findStableForSha(deployments, sha, statusesOf) {
    const prefix = sha.toLowerCase();
    return newestStable(deployments, (d) => d.sha.toLowerCase().startsWith(prefix), statusesOf);
}
/**
 * Current and rollback target of an environment, reading a page of deployments and a deployment's statuses only when
 * the answer is not yet known. `current` undefined means no deployment carries the payload (SPEC §5.1: fall back to the
 * run history); `target` undefined with a current means no stable deployment before it within `maxPages`.
 */
async function findCurrentAndTarget(ledger, environment, options) {
    let current;
    const statusesOf = (d) => ledger.statuses(d.id);
    // Pages come newest first, so everything on a later page is older than everything on an earlier one.
    for await (const page of ledger.pages(environment, options)) {
        current ??= findCurrent(page);
        if (!current)
            continue;
        const target = await findStableBefore(page, current, statusesOf);
        if (target)
            return { current, target };
    }
    return current ? { current } : {};
}
async function newestStable(deployments, accept, statusesOf) {
    const candidates = [...deployments].filter((d) => d.payload && accept(d)).sort(newestFirst);
    for (const d of candidates) {
        if (isStable(await statusesOf(d)))
            return d;
    }
    return undefined;
}
/** Newest first by `createdAt`; deployments created in the same second are ordered by id. */
function newestFirst(a, b) {
    return Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id - a.id;
}
/** `a` was created before `b`. */
function isOlder(a, b) {
    return newestFirst(a, b) > 0;
}

;// CONCATENATED MODULE: ./src/ledger/job-name.ts

/**
 * The display name of the in-progress job of this run attempt that runs on `runnerName` — the name the jobs API shows,
 * with matrix values, e.g. `deploy (web)`. Undefined when the jobs cannot be read (401/403/404: the token lacks
 * `actions: read`; the caller warns) or no single job matches. Other failures (5xx after the retries) throw.
 */
async function findJobName(octokit, query) {
    if (!query.runnerName || !query.runId)
        return undefined;
    let jobs;
    try {
        jobs = await octokit.paginate(octokit.rest.actions.listJobsForWorkflowRunAttempt, {
            owner: query.owner,
            repo: query.repo,
            run_id: query.runId,
            attempt_number: query.runAttempt,
            per_page: 100,
        });
    }
    catch (err) {
        const mapped = (0,client/* mapGitHubError */.ym)(err, {
            action: `list the jobs of run ${query.runId} attempt ${query.runAttempt}`,
            permission: 'actions: read',
            repository: `${query.owner}/${query.repo}`,
        });
        if (mapped.status === 401 || mapped.status === 403 || mapped.status === 404)
            return undefined;
        throw mapped;
    }
    const matches = jobs.filter((job) => job.status === 'in_progress' && job.runner_name === query.runnerName);
    return matches.length === 1 ? matches[0]?.name : undefined;
}
/** `<server>/<owner>/<repo>/actions/runs/<id>/attempts/<n>`. */
function buildLogUrl(serverUrl, repository, runId, runAttempt) {
    return `${serverUrl.replace(/\/+$/, '')}/${repository}/actions/runs/${runId}/attempts/${runAttempt}`;
}

;// CONCATENATED MODULE: ./src/ledger/deployments.ts




/** Key of our data in a deployment's `payload`. */
const PAYLOAD_KEY = 'deploy-gate';
/** GitHub's limit for a deployment status description. */
const DESCRIPTION_MAX_CHARS = 140;
const DEPLOYMENTS_PER_PAGE = 100;
/** SPEC §5: deployments are scanned at most 5 pages deep. */
const DEFAULT_MAX_PAGES = 5;
/** The permission every ledger request needs; gate and rollback both write. */
const PERMISSION = 'deployments: write';
function createDeploymentLedger(octokit, repo) {
    const repository = `${repo.owner}/${repo.repo}`;
    const fail = (err, action) => (0,client/* mapGitHubError */.ym)(err, { action, permission: PERMISSION, repository });
    async function* pages(environment, options) {
        const maxPages = options?.maxPages ?? DEFAULT_MAX_PAGES;
        const params = { ...repo, environment, per_page: DEPLOYMENTS_PER_PAGE };
        yield* (0,github_pages/* pagesOf */.E)(octokit.paginate.iterator(octokit.rest.repos.listDeployments, params), maxPages, toLedgerDeployment, (err) => fail(err, `list the deployments of ${environment}`));
    }
    return {
        async findOrCreate(request) {
            const sha7 = request.sha.slice(0, 7);
            const { run_id, run_attempt } = request.payload;
            let existing;
            try {
                // The same run attempt's record is among the newest of its SHA, so one page is enough.
                const { data } = await octokit.rest.repos.listDeployments({
                    ...repo,
                    sha: request.sha,
                    environment: request.environment,
                    per_page: DEPLOYMENTS_PER_PAGE,
                });
                existing = data
                    .map(toLedgerDeployment)
                    .find((d) => d.payload?.run_id === run_id && d.payload.run_attempt === run_attempt);
            }
            catch (err) {
                throw fail(err, `look up the deployments of ${sha7} in ${request.environment}`);
            }
            if (existing)
                return { id: existing.id, reused: true };
            const action = `create a deployment of ${sha7} in ${request.environment}`;
            let response;
            try {
                response = await octokit.rest.repos.createDeployment({
                    ...repo,
                    ref: request.sha,
                    environment: request.environment,
                    task: 'deploy',
                    auto_merge: false,
                    required_contexts: [],
                    production_environment: request.productionEnvironment,
                    payload: { [PAYLOAD_KEY]: request.payload },
                    description: request.description,
                });
            }
            catch (err) {
                throw fail(err, action);
            }
            // 202 means GitHub merged the default branch instead of creating a deployment (cannot happen with
            // auto_merge: false, but the answer then has no id and must not be taken for one).
            const data = response.data;
            const id = isRecord(data) ? Number(data['id']) : NaN;
            if (response.status !== 201 || !Number.isSafeInteger(id) || id <= 0) {
                const message = isRecord(data) && typeof data['message'] === 'string' ? ` (GitHub: ${data['message']})` : '';
                throw new client/* GitHubApiError */.OS(`could not ${action}: GitHub answered ${response.status} without a deployment id${message}`, { status: response.status });
            }
            return { id, reused: false };
        },
        async setStatus(id, status) {
            try {
                await octokit.rest.repos.createDeploymentStatus({
                    ...repo,
                    deployment_id: id,
                    state: status.state,
                    description: status.description === undefined ? undefined : truncateDescription(status.description),
                    log_url: status.logUrl,
                    environment_url: status.environmentUrl,
                    auto_inactive: status.autoInactive,
                });
            }
            catch (err) {
                throw fail(err, `set the status of deployment ${id} to ${status.state}`);
            }
        },
        pages,
        async list(environment, options) {
            const all = [];
            for await (const page of pages(environment, options))
                all.push(...page);
            return all;
        },
        async statuses(id) {
            try {
                const data = await octokit.paginate(octokit.rest.repos.listDeploymentStatuses, {
                    ...repo,
                    deployment_id: id,
                    per_page: 100,
                });
                return data.map((s) => ({
                    state: s.state,
                    description: s.description ?? '',
                    createdAt: s.created_at,
                    ...(s.log_url ? { logUrl: s.log_url } : {}),
                    ...(s.environment_url ? { environmentUrl: s.environment_url } : {}),
                }));
            }
            catch (err) {
                throw fail(err, `list the statuses of deployment ${id}`);
            }
        },
    };
}
/** GitHub rejects descriptions over 140 characters; longer ones are cut to 139 and end with `…`. */
function truncateDescription(text, maxChars = DESCRIPTION_MAX_CHARS) {
    const chars = Array.from(text); // code points, so an emoji is never cut in half
    return chars.length <= maxChars ? text : `${chars.slice(0, maxChars - 1).join('')}…`;
}
function toLedgerDeployment(d) {
    const payload = parseGatePayload(d.payload);
    return {
        id: Number(d.id),
        sha: d.sha,
        ref: d.ref,
        environment: d.environment,
        createdAt: d.created_at,
        ...(payload ? { payload } : {}),
    };
}
/** Our part of a deployment payload (an object, or a JSON string from older API clients); undefined when absent or not ours. */
function parseGatePayload(payload) {
    let value = payload;
    if (typeof value === 'string') {
        try {
            value = JSON.parse(value);
        }
        catch {
            return undefined;
        }
    }
    const gate = isRecord(value) ? value[PAYLOAD_KEY] : undefined;
    if (!isRecord(gate) || gate['version'] !== 1)
        return undefined;
    const runId = gate['run_id'];
    const runAttempt = gate['run_attempt'];
    if (!isPositiveInteger(runId) || !isPositiveInteger(runAttempt))
        return undefined;
    const jobName = gate['job_name'];
    return {
        version: 1,
        run_id: runId,
        run_attempt: runAttempt,
        workflow_ref: typeof gate['workflow_ref'] === 'string' ? gate['workflow_ref'] : '',
        job: typeof gate['job'] === 'string' ? gate['job'] : '',
        ...(typeof jobName === 'string' && jobName !== '' ? { job_name: jobName } : {}),
    };
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isPositiveInteger(value) {
    return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}


/***/ })

};

//# sourceMappingURL=409.index.js.map