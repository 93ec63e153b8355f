export const id = 574;
export const ids = [574];
export const modules = {

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

//# sourceMappingURL=574.index.js.map