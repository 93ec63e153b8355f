export const id = 552;
export const ids = [552];
export const modules = {

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

/***/ 28552:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  W8: () => (/* reexport */ ledger_select/* attemptRecords */.W8),
  g5: () => (/* reexport */ buildLogUrl),
  DT: () => (/* reexport */ ledger_select/* cachedStatuses */.DT),
  vS: () => (/* binding */ createDeploymentLedger),
  $Q: () => (/* reexport */ ledger_select/* findCurrent */.$Q),
  q6: () => (/* reexport */ ledger_select/* findCurrentAndTarget */.ZI),
  WF: () => (/* reexport */ ledger_select/* findStableForSha */.WF),
  et: () => (/* reexport */ parseJobId),
  a7: () => (/* reexport */ readJobIdentity)
});

// UNUSED EXPORTS: DEFAULT_MAX_PAGES, DEPLOYMENTS_PER_PAGE, DESCRIPTION_MAX_CHARS, PAYLOAD_KEY, ROLLED_BACK_PREFIX, findRolledBackMark, findStableBefore, isReleaseStable, isStable, parseGatePayload, sameJobRecord, truncateDescription

// EXTERNAL MODULE: ./src/github/errors.ts
var errors = __webpack_require__(73116);
// EXTERNAL MODULE: ./src/github/pages.ts
var github_pages = __webpack_require__(21511);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(54285);
// EXTERNAL MODULE: ./src/ledger/select.ts
var ledger_select = __webpack_require__(99981);
;// CONCATENATED MODULE: ./src/ledger/log-url.ts
/** The run attempt's log URL (for a deployment status's `log_url`). */
/** `<server>/<owner>/<repo>/actions/runs/<id>/attempts/<n>`. */
function buildLogUrl(serverUrl, repository, runId, runAttempt) {
    return `${serverUrl.replace(/\/+$/, '')}/${repository}/actions/runs/${runId}/attempts/${runAttempt}`;
}

;// CONCATENATED MODULE: ./src/ledger/job-identity.ts

const PERMISSION = 'actions: read';
/** `job-check-run-id` as a job id: digits only, else undefined. */
function parseJobId(value) {
    const text = (value ?? '').trim();
    if (!/^\d{1,16}$/.test(text))
        return undefined;
    const id = Number(text);
    return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}
async function readJobIdentity(octokit, repo, ctx, jobCheckRunId) {
    const id = parseJobId(jobCheckRunId);
    let byIdProblem;
    if (id === undefined) {
        byIdProblem =
            jobCheckRunId && jobCheckRunId.trim() !== ''
                ? `job-check-run-id is not a job id`
                : 'job-check-run-id is empty (no job.check_run_id on this server)';
    }
    else {
        try {
            const { data } = await octokit.rest.actions.getJobForWorkflowRun({ ...repo, job_id: id });
            return identityOf(data, id);
        }
        catch (err) {
            byIdProblem = explain(err, `read job ${id}`, repo);
        }
    }
    const fallback = await byRunnerName(octokit, repo, ctx);
    if (fallback.job)
        return identityOf(fallback.job, id);
    return {
        ...(id !== undefined ? { id } : {}),
        warning: `the job's display name could not be read, so rollback will match the deploy job by deploy-job: ` +
            `by id: ${byIdProblem}; by RUNNER_NAME: ${fallback.problem}`,
    };
}
function identityOf(job, id) {
    return {
        id: id ?? job.id,
        name: job.name,
        ...(job.started_at ? { startedAt: job.started_at } : {}),
        ...(job.created_at ? { createdAt: job.created_at } : {}),
    };
}
async function byRunnerName(octokit, repo, ctx) {
    if (!ctx.runnerName)
        return { problem: 'RUNNER_NAME is not set' };
    if (!ctx.runId)
        return { problem: 'GITHUB_RUN_ID is not set' };
    let jobs;
    try {
        jobs = await octokit.paginate(octokit.rest.actions.listJobsForWorkflowRunAttempt, {
            ...repo,
            run_id: ctx.runId,
            attempt_number: ctx.runAttempt,
            per_page: 100,
        });
    }
    catch (err) {
        return { problem: explain(err, `list the jobs of run ${ctx.runId} attempt ${ctx.runAttempt}`, repo) };
    }
    const matches = jobs.filter((j) => (j.status === 'in_progress' || j.status === 'queued') && j.runner_name === ctx.runnerName);
    const first = matches[0];
    if (matches.length === 1 && first)
        return { job: first };
    if (matches.length > 1)
        return { problem: `${matches.length} running jobs show runner_name ${ctx.runnerName}` };
    return {
        problem: `no queued or running job of this attempt shows runner_name ${JSON.stringify(ctx.runnerName)} ` +
            '(GitHub-hosted runners show a generic runner name in the jobs API)',
    };
}
function explain(err, action, repo) {
    const mapped = (0,errors/* mapGitHubError */.ym)(err, {
        action,
        permission: PERMISSION,
        repository: `${repo.owner}/${repo.repo}`,
    });
    if (mapped.status === 401 || mapped.status === 403 || mapped.status === 404) {
        return `${mapped.message} (grant "${PERMISSION}" to the job)`;
    }
    return mapped.message;
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
const deployments_PERMISSION = 'deployments: write';
function createDeploymentLedger(octokit, repo) {
    const repository = `${repo.owner}/${repo.repo}`;
    const fail = (err, action) => (0,errors/* mapGitHubError */.ym)(err, { action, permission: deployments_PERMISSION, repository });
    async function* pages(environment, options) {
        const maxPages = options?.maxPages ?? DEFAULT_MAX_PAGES;
        const params = { ...repo, environment, per_page: DEPLOYMENTS_PER_PAGE };
        yield* (0,github_pages/* pagesOf */.E)(octokit.paginate.iterator(octokit.rest.repos.listDeployments, params), maxPages, toLedgerDeployment, (err) => fail(err, `list the deployments of ${environment}`));
    }
    return {
        async findOrCreate(request) {
            const sha7 = request.sha.slice(0, 7);
            let existing;
            let others;
            try {
                // The same run attempt's record is among the newest of its SHA, so one page is enough.
                const { data } = await octokit.rest.repos.listDeployments({
                    ...repo,
                    sha: request.sha,
                    environment: request.environment,
                    per_page: DEPLOYMENTS_PER_PAGE,
                });
                const all = data.map(toLedgerDeployment);
                existing = all.find((d) => d.payload !== undefined && sameJobRecord(d.payload, request.payload));
                others = all.filter((d) => d !== existing);
            }
            catch (err) {
                throw fail(err, `look up the deployments of ${sha7} in ${request.environment}`);
            }
            if (existing)
                return { id: existing.id, reused: true, others };
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
                throw new errors/* GitHubApiError */.OS(`could not ${action}: GitHub answered ${response.status} without a deployment id${message}`, { status: response.status });
            }
            return { id, reused: false, others };
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
    return (0,markdown/* shorten */.ml)(text, maxChars); // redacted first; code points, so an emoji is never cut in half
}
/**
 * SPEC §4: the same gate step's record — same run_id and run_attempt, and the same job: by `job_id` when both have one,
 * else by `job` + `job_name`. Two gated jobs of one attempt (two hosts, matrix legs) each have their own record.
 */
function sameJobRecord(a, b) {
    if (a.run_id !== b.run_id || a.run_attempt !== b.run_attempt)
        return false;
    if (a.job_id !== undefined && b.job_id !== undefined)
        return a.job_id === b.job_id;
    return a.job === b.job && a.job_name === b.job_name;
}
function toLedgerDeployment(d) {
    const payload = parseGatePayload(d.payload);
    const creator = d.creator?.login;
    return {
        id: Number(d.id),
        sha: d.sha,
        ref: d.ref,
        environment: d.environment,
        createdAt: d.created_at,
        ...(payload ? { payload } : {}),
        ...(creator ? { creator } : {}),
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
    const jobId = gate['job_id'];
    return {
        version: 1,
        run_id: runId,
        run_attempt: runAttempt,
        workflow_ref: typeof gate['workflow_ref'] === 'string' ? gate['workflow_ref'] : '',
        job: typeof gate['job'] === 'string' ? gate['job'] : '',
        ...(typeof jobName === 'string' && jobName !== '' ? { job_name: jobName } : {}),
        ...(isPositiveInteger(jobId) ? { job_id: jobId } : {}),
    };
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isPositiveInteger(value) {
    return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}


/***/ }),

/***/ 99981:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Q: () => (/* binding */ findCurrent),
/* harmony export */   DT: () => (/* binding */ cachedStatuses),
/* harmony export */   W8: () => (/* binding */ attemptRecords),
/* harmony export */   WF: () => (/* binding */ findStableForSha),
/* harmony export */   ZI: () => (/* binding */ findCurrentAndTarget),
/* harmony export */   kI: () => (/* binding */ findRolledBackMark)
/* harmony export */ });
/* unused harmony exports ROLLED_BACK_PREFIX, isRolledBackMark, isStable, findStableBefore, isReleaseStable */
/** Statuses that decide stability. `inactive`, `in_progress`, `queued` and `pending` decide nothing. */
const DECISIVE = new Set(['success', 'failure', 'error']);
/** The start of the description rollback writes on the deployment it rolled back (SPEC §4). */
const ROLLED_BACK_PREFIX = 'rolled back to ';
/** The rollback's mark: a `failure` whose description starts `rolled back to `. Final (SPEC §4). */
function isRolledBackMark(status) {
    return status.state === 'failure' && (status.description ?? '').startsWith(ROLLED_BACK_PREFIX);
}
/** The mark, when the deployment carries one. */
function findRolledBackMark(statuses) {
    return statuses.find(isRolledBackMark);
}
/** The deploy-gate records of the same run attempt as `d` (itself included), among `deployments`. */
function attemptRecords(deployments, d) {
    const p = d.payload;
    if (!p)
        return [d];
    const records = [...deployments].filter((o) => o.id === d.id ||
        (o.environment === d.environment &&
            o.payload?.run_id === p.run_id &&
            o.payload.run_attempt === p.run_attempt));
    if (!records.some((o) => o.id === d.id))
        records.push(d);
    return records.sort(newestFirst);
}
/**
 * Stable, for one record: a `success` and no `failure` or `error` after the last `success`, i.e. the newest deciding
 * status is `success` — and never once rolled back: a record carrying the rollback's mark is not stable whatever
 * follows it (a gate that was still watching may write `success` after the mark).
 * Only `failure` and `error` unmake a success: `inactive` (auto_inactive when a newer deployment succeeds) does not, and
 * neither do `in_progress`/`queued`/`pending`, which the gate never posts after its verdict — a re-run gate is a new
 * run attempt and so a new deployment. Statuses may come in any order; equal times keep the given (API, newest-first)
 * order.
 */
function isStable(statuses) {
    if (findRolledBackMark(statuses))
        return false;
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
function findStableBefore(deployments, current, statusesOf, 
/** Where the candidates' run-attempt siblings are looked for; default `deployments`. */
context) {
    const currentSha = current.sha.toLowerCase();
    return newestStable(deployments, (d) => d.id !== current.id && isOlder(d, current) && d.sha.toLowerCase() !== currentSha, statusesOf, context);
}
/** The newest stable deployment of a commit; `sha` may be abbreviated (7–40 hex). */
function findStableForSha(deployments, sha, statusesOf, context) {
    const prefix = sha.toLowerCase();
    return newestStable(deployments, (d) => d.sha.toLowerCase().startsWith(prefix), statusesOf, context);
}
/**
 * Current and rollback target of an environment, reading a page of deployments and a deployment's statuses only when
 * the answer is not yet known. `current` undefined means no deployment carries the payload (SPEC §5.1: fall back to the
 * run history); `target` undefined with a current means no stable deployment before it within `maxPages`. A run
 * attempt's records are looked for among the pages read so far (an attempt's records are created minutes apart, so
 * they sit together; one split by a page boundary is judged by the part already read).
 */
async function findCurrentAndTarget(ledger, environment, options) {
    let current;
    const seen = [];
    const statusesOf = cachedStatuses((d) => ledger.statuses(d.id));
    // Pages come newest first, so everything on a later page is older than everything on an earlier one.
    for await (const page of ledger.pages(environment, options)) {
        seen.push(...page);
        current ??= findCurrent(page);
        if (!current)
            continue;
        const target = await findStableBefore(page, current, statusesOf, seen);
        if (target) {
            return {
                current,
                currentRecords: attemptRecords(seen, current),
                target,
                targetRecords: attemptRecords(seen, target),
            };
        }
    }
    return current ? { current, currentRecords: attemptRecords(seen, current) } : {};
}
/** Each deployment's statuses are asked once, however often the rule needs them. */
function cachedStatuses(statusesOf) {
    const cache = new Map();
    return (d) => {
        let hit = cache.get(d.id);
        if (!hit) {
            hit = Promise.resolve(statusesOf(d));
            cache.set(d.id, hit);
        }
        return hit;
    };
}
/**
 * Stable, for a release (SPEC §4): the record is stable and so is every other deploy-gate record of the same run
 * attempt in that environment (a release whose AI-host gate failed is not stable because its web-host gate passed).
 * The statuses of the attempt's records are read in parallel.
 */
async function isReleaseStable(d, deployments, statusesOf) {
    const records = attemptRecords(deployments, d);
    const all = await Promise.all(records.map(async (r) => isStable(await statusesOf(r))));
    return all.every(Boolean);
}
async function newestStable(deployments, accept, statusesOf, context = deployments) {
    const all = [...context];
    const candidates = [...deployments].filter((d) => d.payload && accept(d)).sort(newestFirst);
    for (const d of candidates) {
        if (await isReleaseStable(d, all, statusesOf))
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


/***/ }),

/***/ 54285:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DX: () => (/* binding */ SPARK_GAP),
/* harmony export */   EU: () => (/* binding */ fence),
/* harmony export */   FI: () => (/* binding */ Icons),
/* harmony export */   Fl: () => (/* binding */ formatValue),
/* harmony export */   KM: () => (/* binding */ sparkline),
/* harmony export */   MT: () => (/* binding */ verdictLine),
/* harmony export */   MZ: () => (/* binding */ codeCell),
/* harmony export */   WD: () => (/* binding */ sparklineScale),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   kq: () => (/* binding */ escapeCell),
/* harmony export */   ml: () => (/* binding */ shorten),
/* harmony export */   nf: () => (/* binding */ link),
/* harmony export */   tp: () => (/* binding */ table),
/* harmony export */   wN: () => (/* binding */ sparkGlyph),
/* harmony export */   zH: () => (/* binding */ details)
/* harmony export */ });
/* unused harmony export escapeHtml */
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(20649);
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
 * backslash-escaped, `&` and `<` become entities (no raw HTML), line breaks become `<br>`, other control characters
 * `\xNN`, and bare URLs (`https://…`, `www.…`) are written so that GitHub does not turn them into links.
 */
function escapeCell(text) {
    return (0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeControlChars */ ._s)(delink(text
        .replace(/[\\`*_~[\]|]/g, (c) => `\\${c}`)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/\r\n|\r|\n/g, '<br>')));
}
/**
 * GitHub's autolinker fires on a literal `:` of `scheme://` and on `www.`; written as entities they render the same
 * text, and no link. For escaped text only (`escapeCell`).
 */
function delink(text) {
    return text.replace(/:\/\//g, '&#58;//').replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}&#46;`);
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
/** The ends of a sparkline's scale: the lowest and highest of its real values and its reference values. */
function sparklineScale(values, include = []) {
    let low = Infinity;
    let high = -Infinity;
    for (const v of [...values, ...include]) {
        if (v === undefined || !Number.isFinite(v))
            continue;
        if (v < low)
            low = v;
        if (v > high)
            high = v;
    }
    return low <= high ? { low, high } : undefined;
}
/**
 * A sparkline of `values`, at most `width` characters, on the scale `sparklineScale(values, include)`: ▁ is its low
 * end, █ its high end. Longer series are downsampled by bucket, keeping each bucket's maximum (or minimum with
 * `keep: 'min'`), so a spike is never averaged away. NaN/±Inf points show as `·`; when the scale has no extent (every
 * value and reference equal) the line is a flat middle bar.
 */
function sparkline(values, opts = {}) {
    const points = downsample(values, Math.max(1, Math.floor(opts.width ?? 40)), opts.keep ?? 'max');
    const scale = sparklineScale(values, opts.include);
    if (!points.some(Number.isFinite) || scale === undefined)
        return SPARK_GAP.repeat(points.length);
    return points.map((v) => sparkGlyph(v, scale)).join('');
}
/** The glyph `v` gets on a sparkline drawn on `scale` (`·` for NaN/±Inf); clamped to the scale's ends. */
function sparkGlyph(v, scale) {
    if (!Number.isFinite(v))
        return SPARK_GAP;
    const { low, high } = scale;
    if (high === low)
        return BARS[3];
    const at = Math.round(((v - low) / (high - low)) * (BARS.length - 1));
    return BARS[Math.min(BARS.length - 1, Math.max(0, at))];
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
    // Redact before the cut: a secret cut in half would no longer match (SPEC §7).
    const chars = Array.from((0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redactRegistered */ .uM)(text));
    if (chars.length <= maxChars)
        return chars.join('');
    return `${chars.slice(0, Math.max(0, maxChars - 1)).join('')}…`;
}


/***/ })

};

//# sourceMappingURL=552.index.js.map