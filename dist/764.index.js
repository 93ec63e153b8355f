export const id = 764;
export const ids = [764];
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

/***/ 86764:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runRollbackMode: () => (/* binding */ runRollbackMode)
});

// UNUSED EXPORTS: runRollback

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var lib_core = __webpack_require__(70819);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(27242);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/github/client.ts
var client = __webpack_require__(96584);
// EXTERNAL MODULE: ./src/github/context.ts
var context = __webpack_require__(19556);
// EXTERNAL MODULE: ./src/ledger/deployments.ts + 2 modules
var deployments = __webpack_require__(72981);
// EXTERNAL MODULE: ./src/report/report.ts
var report_report = __webpack_require__(88850);
// EXTERNAL MODULE: ./src/report/publish.ts
var publish = __webpack_require__(4617);
// EXTERNAL MODULE: ./src/report/redact.ts
var redact = __webpack_require__(20649);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(54285);
;// CONCATENATED MODULE: ./src/report/rollback-summary.ts

const VERDICT = {
    'rolled-back': { icon: markdown/* Icons */.FI.ok, title: 'deploy-gate rollback: rolled back' },
    requested: { icon: markdown/* Icons */.FI.ok, title: 'deploy-gate rollback: re-run requested' },
    'dry-run': { icon: markdown/* Icons */.FI.info, title: 'deploy-gate rollback: plan only (dry run)' },
    'timed-out': { icon: markdown/* Icons */.FI.warn, title: 'deploy-gate rollback: timed out waiting' },
    failed: { icon: markdown/* Icons */.FI.fail, title: 'deploy-gate rollback: failed' },
};
const ARTIFACT_ICONS = {
    ok: markdown/* Icons */.FI.ok,
    expired: markdown/* Icons */.FI.fail,
    expiring: markdown/* Icons */.FI.warn,
    missing: markdown/* Icons */.FI.fail,
    unknown: markdown/* Icons */.FI.warn,
};
function renderRollbackSummary(record, ctx) {
    const { plan, result } = record;
    const v = VERDICT[record.verdict];
    const facts = [(0,markdown/* escapeCell */.kq)(ctx.environment), ...(plan?.target ? [(0,markdown/* code */.aY)(plan.target.sha.slice(0, 7))] : [])];
    const parts = [(0,markdown/* verdictLine */.MT)(v.icon, v.title, facts)];
    if (record.failure)
        parts.push(`${markdown/* Icons */.FI.fail} ${(0,markdown/* escapeCell */.kq)(record.failure)}`);
    if (plan)
        parts.push(renderPlan(plan, ctx));
    if (plan?.ok && result)
        parts.push(renderResult(result));
    const warnings = plan?.warnings ?? [];
    if (warnings.length > 0) {
        parts.push(['#### Warnings', ...warnings.map((w) => `- ${markdown/* Icons */.FI.warn} ${(0,markdown/* escapeCell */.kq)(w)}`)].join('\n'));
    }
    if (ctx.runUrl)
        parts.push(`<sub>${(0,markdown/* link */.nf)('rollback run', ctx.runUrl)}</sub>`);
    return `${parts.join('\n\n')}\n`;
}
function renderPlan(plan, ctx) {
    const rows = [['Current', currentCell(plan.current, ctx)]];
    if (plan.target) {
        rows.push(['Target', targetCell(plan.target)], ['Why this target', (0,markdown/* escapeCell */.kq)(plan.target.reason)]);
    }
    else {
        rows.push(['Target', 'none']);
    }
    if (plan.ok) {
        const job = plan.job
            ? ` — job ${(0,markdown/* codeCell */.MZ)(plan.job.name)} (id ${plan.job.id}, matched by ${plan.job.matchedBy})`
            : '';
        const dispatch = plan.dispatch
            ? ` — ${(0,markdown/* codeCell */.MZ)(plan.dispatch.workflow)} on ${(0,markdown/* codeCell */.MZ)(plan.dispatch.ref)} with ${Object.entries(plan.dispatch.inputs)
                .map(([k, val]) => (0,markdown/* codeCell */.MZ)(`${k}=${val}`))
                .join(', ')}`
            : '';
        rows.push(['Scope', `${(0,markdown/* codeCell */.MZ)(plan.scope)}${job}${dispatch}`], ['Why this scope', (0,markdown/* escapeCell */.kq)(plan.scopeReason)]);
    }
    else {
        rows.push(['Problem', (0,markdown/* escapeCell */.kq)(plan.error)]);
    }
    const sections = ['#### Plan', (0,markdown/* table */.tp)(['', ''], rows)];
    if (plan.artifacts.length > 0)
        sections.push('#### Artifacts', artifactsTable(plan.artifacts));
    if (plan.ignoredArtifacts.length > 0) {
        sections.push(`Report artifacts, never counted: ${plan.ignoredArtifacts.map((n) => (0,markdown/* code */.aY)(n)).join(', ')}`);
    }
    return sections.join('\n\n');
}
function currentCell(current, ctx) {
    if (!current)
        return 'none found';
    const sha = (0,markdown/* codeCell */.MZ)(current.sha.slice(0, 7));
    const runPath = `${ctx.repositoryUrl}/actions/runs/${current.runId}`;
    if (current.kind === 'deployment') {
        const attempt = current.runAttempt ? `/attempts/${current.runAttempt}` : '';
        return (`deployment ${current.deploymentId} of ${sha}, created ${(0,markdown/* escapeCell */.kq)(current.createdAt)}, by ` +
            (0,markdown/* link */.nf)(`run ${current.runId}`, `${runPath}${attempt}`));
    }
    return (`${(0,markdown/* link */.nf)(`run ${current.runId}`, current.runUrl ?? runPath)} of ${sha}, created ${(0,markdown/* escapeCell */.kq)(current.createdAt)} ` +
        `(newest completed run of ${(0,markdown/* escapeCell */.kq)(ctx.deployWorkflow)}; no deploy-gate records in ${(0,markdown/* escapeCell */.kq)(ctx.environment)})`);
}
function targetCell(t) {
    const deployment = t.deploymentId !== undefined ? `, deployment ${t.deploymentId}` : '';
    return (`${(0,markdown/* link */.nf)(`run ${t.runId}`, t.runUrl)} of ${(0,markdown/* codeCell */.MZ)(t.sha.slice(0, 7))} (${(0,markdown/* codeCell */.MZ)(t.sha)}), created ` +
        `${(0,markdown/* escapeCell */.kq)(t.createdAt)} (${t.ageDays} day${t.ageDays === 1 ? '' : 's'} ago), latest attempt ${t.runAttempt}${deployment}`);
}
function artifactsTable(artifacts) {
    return (0,markdown/* table */.tp)(['artifact', 'expires', 'status'], artifacts.map((a) => [
        (0,markdown/* codeCell */.MZ)(a.name),
        a.expiresAt
            ? `${(0,markdown/* escapeCell */.kq)(a.expiresAt)}${a.expiresAtSource === 'retention-days' ? ' (created_at + artifact-retention-days)' : ''}`
            : '—',
        `${ARTIFACT_ICONS[a.status]} ${(0,markdown/* escapeCell */.kq)(a.status)}: ${(0,markdown/* escapeCell */.kq)(a.note)}`,
    ]));
}
function renderResult(result) {
    const rows = [];
    if (result.outcome === 'dry-run') {
        rows.push(['Request', `${(0,markdown/* codeCell */.MZ)(result.request)} — not sent (dry run)`], ['Mark', 'not marked (dry run)']);
        return ['#### Result', (0,markdown/* table */.tp)(['', ''], rows)].join('\n\n');
    }
    const accepted = result.run !== undefined;
    rows.push(['Request', `${(0,markdown/* codeCell */.MZ)(result.request)} — ${accepted ? 'accepted' : 'not accepted'}`]);
    if (result.run) {
        const label = result.run.attempt !== undefined
            ? `run ${result.run.id} attempt ${result.run.attempt}`
            : `run ${result.run.id}`;
        rows.push(['Run', (0,markdown/* link */.nf)(label, result.run.url)]);
    }
    rows.push(['Mark', markCell(result.mark)]);
    if (result.outcome === 'completed') {
        const icon = result.conclusion === 'success' ? markdown/* Icons */.FI.ok : markdown/* Icons */.FI.fail;
        rows.push([
            'Conclusion',
            `${icon} ${(0,markdown/* codeCell */.MZ)(result.conclusion ?? 'unknown')} after ${(0,markdown/* formatDuration */.a3)(result.waitedMs ?? 0)}`,
        ]);
    }
    else if (result.outcome === 'timed-out') {
        rows.push([
            'Conclusion',
            `${markdown/* Icons */.FI.warn} still running after ${(0,markdown/* formatDuration */.a3)(result.waitedMs ?? 0)} (wait-timeout)`,
        ]);
    }
    else if (result.outcome === 'requested') {
        rows.push(['Conclusion', 'not waited for (wait: false)']);
    }
    if (result.error)
        rows.push(['Error', `${markdown/* Icons */.FI.fail} ${(0,markdown/* escapeCell */.kq)(result.error)}`]);
    return ['#### Result', (0,markdown/* table */.tp)(['', ''], rows)].join('\n\n');
}
function markCell(mark) {
    switch (mark.status) {
        case 'marked':
            return `deployment ${mark.deploymentId} → ${(0,markdown/* codeCell */.MZ)('failure')}: ${(0,markdown/* escapeCell */.kq)(mark.description)}`;
        case 'failed':
            return `${markdown/* Icons */.FI.fail} deployment ${mark.deploymentId} not marked: ${(0,markdown/* escapeCell */.kq)(mark.error)}`;
        case 'skipped':
            return `not marked: ${(0,markdown/* escapeCell */.kq)(mark.reason)}`;
    }
}

// EXTERNAL MODULE: ./src/github/pages.ts
var pages = __webpack_require__(21511);
;// CONCATENATED MODULE: ./src/rollback/actions-api.ts


const READ = 'actions: read';
const WRITE = 'actions: write';
const PER_PAGE = 100;
function createWorkflowRunsApi(octokit, repo) {
    const repository = `${repo.owner}/${repo.repo}`;
    const fail = (err, action, permission = READ, resource) => (0,client/* mapGitHubError */.ym)(err, { action, permission, repository, ...(resource ? { resource } : {}) });
    async function* runPages(workflow, filter, maxPages) {
        const params = {
            ...repo,
            workflow_id: workflow,
            per_page: filter.perPage ?? PER_PAGE,
            exclude_pull_requests: true,
            ...(filter.branch ? { branch: filter.branch } : {}),
            ...(filter.status ? { status: filter.status } : {}),
            ...(filter.event ? { event: filter.event } : {}),
            ...(filter.headSha ? { head_sha: filter.headSha } : {}),
        };
        yield* (0,pages/* pagesOf */.E)(octokit.paginate.iterator(octokit.rest.actions.listWorkflowRuns, params), maxPages, toRunFacts, (err) => fail(err, `list the runs of ${workflow}`, READ, `workflow ${workflow}`));
    }
    return {
        async getRun(runId) {
            try {
                const { data } = await octokit.rest.actions.getWorkflowRun({ ...repo, run_id: runId });
                return toRunFacts(data);
            }
            catch (err) {
                throw fail(err, `read workflow run ${runId}`, READ, `workflow run ${runId}`);
            }
        },
        async getRunAttempt(runId, attempt) {
            try {
                const { data } = await octokit.rest.actions.getWorkflowRunAttempt({
                    ...repo,
                    run_id: runId,
                    attempt_number: attempt,
                });
                return toRunFacts(data);
            }
            catch (err) {
                throw fail(err, `read attempt ${attempt} of workflow run ${runId}`, READ, `workflow run ${runId}`);
            }
        },
        runPages,
        async listArtifacts(runId) {
            try {
                const artifacts = await octokit.paginate(octokit.rest.actions.listWorkflowRunArtifacts, {
                    ...repo,
                    run_id: runId,
                    per_page: PER_PAGE,
                });
                return artifacts.map((a) => ({
                    id: a.id,
                    name: a.name,
                    expired: a.expired,
                    createdAt: a.created_at ?? null,
                    expiresAt: a.expires_at ?? null,
                }));
            }
            catch (err) {
                throw fail(err, `list the artifacts of workflow run ${runId}`, READ, `workflow run ${runId}`);
            }
        },
        async listLatestJobs(runId) {
            try {
                const jobs = await octokit.paginate(octokit.rest.actions.listJobsForWorkflowRun, {
                    ...repo,
                    run_id: runId,
                    filter: 'latest',
                    per_page: PER_PAGE,
                });
                return jobs.map((j) => ({ id: j.id, name: j.name }));
            }
            catch (err) {
                throw fail(err, `list the jobs of workflow run ${runId}`, READ, `workflow run ${runId}`);
            }
        },
        async rerunJob(job, run) {
            try {
                await octokit.rest.actions.reRunJobForWorkflowRun({ ...repo, job_id: job.id });
            }
            catch (err) {
                throw rerunError(err, run, `re-run job "${job.name}" (${job.id}) of workflow run ${run.id}`, repository);
            }
        },
        async rerunRun(run) {
            try {
                await octokit.rest.actions.reRunWorkflow({ ...repo, run_id: run.id });
            }
            catch (err) {
                throw rerunError(err, run, `re-run all jobs of workflow run ${run.id}`, repository);
            }
        },
        async dispatch(workflow, ref, inputs) {
            const list = Object.entries(inputs)
                .map(([k, v]) => `${k}=${v}`)
                .join(', ');
            try {
                // `return_run_details` (2025) makes GitHub answer 200 with the new run's id; older servers answer 204.
                const response = await octokit.request('POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', { ...repo, workflow_id: workflow, ref, inputs: { ...inputs }, return_run_details: true });
                const data = response.data;
                const date = Date.parse(String(response.headers.date ?? ''));
                const answer = Number.isFinite(date) ? { serverDateMs: date } : {};
                if (isRecord(data) && typeof data['workflow_run_id'] === 'number') {
                    const htmlUrl = typeof data['html_url'] === 'string' ? data['html_url'] : undefined;
                    return { ...answer, runId: data['workflow_run_id'], ...(htmlUrl ? { htmlUrl } : {}) };
                }
                return answer;
            }
            catch (err) {
                throw fail(err, `dispatch ${workflow} on ${ref} with ${list}`, WRITE, `workflow ${workflow}`);
            }
        },
        async defaultBranch() {
            try {
                const { data } = await octokit.rest.repos.get({ ...repo });
                return data.default_branch;
            }
            catch (err) {
                throw fail(err, `read the default branch of ${repository}`, 'contents: read');
            }
        },
    };
}
/** GitHub's 403 answers to a re-run, as errors that name the run and the way forward. */
function rerunError(err, run, action, repository) {
    const mapped = (0,client/* mapGitHubError */.ym)(err, {
        action,
        permission: WRITE,
        repository,
        resource: `workflow run ${run.id}`,
    });
    if (mapped.status !== 403 || mapped.permission !== undefined)
        return mapped;
    const github = err instanceof Error ? ` (GitHub: ${err.message})` : '';
    const sha7 = run.sha.slice(0, 7);
    let why;
    if (/already running/i.test(mapped.message)) {
        why = 'it is already running; wait for it to finish (or cancel it), then start the rollback again';
    }
    else if (/over a month ago/i.test(mapped.message)) {
        why =
            `it was created over a month ago and GitHub no longer re-runs it; set redeploy-input so deploy-gate ` +
                `dispatches ${run.deployWorkflow} for ${run.sha}, or deploy ${sha7} by hand`;
    }
    else if (/cannot be retried/i.test(mapped.message)) {
        why = `GitHub says it cannot be retried; deploy ${sha7} by hand, or pick another run with the target input`;
    }
    if (!why)
        return mapped;
    return new client/* GitHubApiError */.OS(`could not re-run workflow run ${run.id} (${run.url}): ${why}${github}`, {
        status: 403,
        cause: err,
    });
}
function toRunFacts(r) {
    return {
        id: r.id,
        attempt: r.run_attempt ?? 1,
        sha: r.head_sha,
        createdAt: r.created_at,
        htmlUrl: r.html_url,
        status: r.status,
        conclusion: r.conclusion,
        event: r.event,
        headBranch: r.head_branch,
        workflowId: r.workflow_id,
        path: r.path ?? '',
    };
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/rollback/execute.ts
/**
 * Carries out a rollback plan (SPEC §5.4–5.6): the re-run or dispatch request, then the mark on the current
 * deployment once GitHub accepted it, then (with `wait`) polling the run until it completes or the wait times out.
 * In dry-run nothing is sent. Sleep and clock are injected.
 */


const FIRST_POLL_MS = 5_000;
const MAX_POLL_MS = 30_000;
/** Polls that may fail in a row (after the client's own retries) before the wait gives up. */
const MAX_POLL_ERRORS = 3;
/** Looking for a dispatched run when GitHub gave no run details: tries, and the wait before each. */
const FIND_DISPATCHED_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 15_000];
/** A dispatched run's `created_at` may precede the answer's `Date` by this much (processing, second precision). */
const DISPATCH_CLOCK_SLACK_MS = 5_000;
async function executePlan(plan, deps, options) {
    const request = describeRequest(plan);
    if (options.dryRun) {
        deps.log(`dry run: would send ${request}; nothing is re-run, dispatched or marked`);
        return { outcome: 'dry-run', request, mark: { status: 'skipped', reason: 'dry run' } };
    }
    const notMarked = { status: 'skipped', reason: 'the request was not accepted' };
    let run;
    try {
        run = await sendRequest(plan, deps, options);
    }
    catch (err) {
        if (!(err instanceof UnidentifiedRunError)) {
            return { outcome: 'error', request, mark: notMarked, error: (0,src_errors/* errorMessage */.gJ)(err) };
        }
        // GitHub accepted the dispatch; only its run could not be found. The bad deployment is still marked (SPEC §4).
        deps.log(`${request} accepted; the dispatched run could not be identified`);
        const mark = await markRolledBack(plan, deps, options);
        return { outcome: 'error', request, mark, error: err.message };
    }
    deps.log(`${request} accepted: ${run.url}`);
    const mark = await markRolledBack(plan, deps, options);
    if (!options.wait)
        return { outcome: 'requested', request, run, mark };
    try {
        const waited = await waitForRun(deps, run, options.waitTimeoutMs);
        if (waited.conclusion === undefined) {
            return { outcome: 'timed-out', request, run, mark, waitedMs: waited.waitedMs };
        }
        return {
            outcome: 'completed',
            request,
            run,
            mark,
            conclusion: waited.conclusion,
            waitedMs: waited.waitedMs,
        };
    }
    catch (err) {
        return { outcome: 'error', request, run, mark, error: `waiting for ${run.url}: ${(0,src_errors/* errorMessage */.gJ)(err)}` };
    }
}
/** The mark's description: names the target commit and run in every scope. */
function rolledBackDescription(plan) {
    return `rolled back to ${plan.target.sha.slice(0, 7)} (run ${plan.target.runId})`;
}
function describeRequest(plan) {
    if (plan.scope === 'dispatch' && plan.dispatch) {
        return `POST …/actions/workflows/${plan.dispatch.workflow}/dispatches`;
    }
    if (plan.scope === 'deploy-job' && plan.job)
        return `POST …/actions/jobs/${plan.job.id}/rerun`;
    return `POST …/actions/runs/${plan.target.runId}/rerun`;
}
async function sendRequest(plan, deps, options) {
    const target = plan.target;
    if (plan.scope === 'dispatch' && plan.dispatch) {
        const { workflow, ref, inputs } = plan.dispatch;
        const sentAtMs = deps.now();
        const answer = await deps.runs.dispatch(workflow, ref, inputs);
        if (answer.runId !== undefined) {
            return { id: answer.runId, url: answer.htmlUrl ?? `${options.actionsUrl}/runs/${answer.runId}` };
        }
        const since = (answer.serverDateMs ?? sentAtMs) - DISPATCH_CLOCK_SLACK_MS;
        const found = await findDispatchedRun(deps, workflow, ref, since);
        return { id: found.id, url: found.htmlUrl };
    }
    const context = {
        id: target.runId,
        url: target.runUrl,
        sha: target.sha,
        deployWorkflow: options.deployWorkflow,
    };
    if (plan.scope === 'deploy-job' && plan.job)
        await deps.runs.rerunJob(plan.job, context);
    else
        await deps.runs.rerunRun(context);
    // A re-run is the run's next attempt.
    const attempt = target.runAttempt + 1;
    return { id: target.runId, attempt, url: `${target.runUrl}/attempts/${attempt}` };
}
/** GitHub answered the dispatch without run details: the newest workflow_dispatch run created since the request. */
async function findDispatchedRun(deps, workflow, branch, sinceMs) {
    for (const delayMs of FIND_DISPATCHED_DELAYS_MS) {
        await deps.sleep(delayMs);
        for await (const page of deps.runs.runPages(workflow, { event: 'workflow_dispatch', branch, perPage: 10 }, 1)) {
            const run = page.find((r) => Date.parse(r.createdAt) >= sinceMs);
            if (run)
                return run;
        }
    }
    throw new UnidentifiedRunError(`${workflow} was dispatched on ${branch}, but its run did not show up; look for it under the workflow's runs`);
}
/** The dispatch was accepted, but the run it started could not be found. */
class UnidentifiedRunError extends Error {
}
async function markRolledBack(plan, deps, options) {
    const current = plan.current;
    if (current?.kind !== 'deployment' || current.deploymentId === undefined) {
        const reason = current
            ? 'run-history fallback: no deployment record to mark'
            : 'no current deployment: nothing to mark';
        deps.log(reason);
        return { status: 'skipped', reason };
    }
    const deploymentId = current.deploymentId;
    const description = rolledBackDescription(plan);
    try {
        await deps.ledger.setStatus(deploymentId, {
            state: 'failure',
            description,
            ...(options.logUrl ? { logUrl: options.logUrl } : {}),
        });
        deps.log(`deployment ${deploymentId} marked failure: ${description}`);
        return { status: 'marked', deploymentId, description };
    }
    catch (err) {
        const error = (0,src_errors/* errorMessage */.gJ)(err);
        deps.warn(`deployment ${deploymentId} not marked rolled back: ${error}`);
        return { status: 'failed', deploymentId, description, error };
    }
}
/**
 * Polls the re-run attempt (`GET …/runs/{id}` until it shows the attempt, then `…/attempts/{n}`) or the dispatched run,
 * first after 5 s, doubling up to 30 s, until it completes (→ its conclusion) or the timeout (→ no conclusion).
 */
async function waitForRun(deps, run, timeoutMs) {
    const startMs = deps.now();
    const deadlineMs = startMs + timeoutMs;
    let delayMs = FIRST_POLL_MS;
    let attemptSeen = false;
    let errors = 0;
    for (;;) {
        const remainingMs = deadlineMs - deps.now();
        if (remainingMs <= 0) {
            deps.log(`gave up waiting for ${run.url} after ${(0,markdown/* formatDuration */.a3)(deps.now() - startMs)} (wait-timeout)`);
            return { waitedMs: deps.now() - startMs };
        }
        await deps.sleep(Math.min(delayMs, remainingMs));
        delayMs = Math.min(delayMs * 2, MAX_POLL_MS);
        let facts;
        try {
            facts =
                run.attempt !== undefined && attemptSeen
                    ? await deps.runs.getRunAttempt(run.id, run.attempt)
                    : await deps.runs.getRun(run.id);
            errors = 0;
        }
        catch (err) {
            if (++errors >= MAX_POLL_ERRORS)
                throw err;
            deps.warn(`could not read ${run.url}, polling again: ${(0,src_errors/* errorMessage */.gJ)(err)}`);
            continue;
        }
        const elapsed = (0,markdown/* formatDuration */.a3)(deps.now() - startMs);
        if (run.attempt !== undefined && facts.attempt < run.attempt) {
            deps.log(`run ${run.id}: attempt ${run.attempt} not visible yet (${elapsed})`);
            continue;
        }
        if (run.attempt !== undefined && facts.attempt > run.attempt && !attemptSeen) {
            // Someone re-ran it again already: follow our attempt from now on.
            attemptSeen = true;
            continue;
        }
        attemptSeen = true;
        const conclusion = facts.status === 'completed' ? (facts.conclusion ?? 'unknown') : undefined;
        const label = run.attempt !== undefined ? `run ${run.id} attempt ${run.attempt}` : `run ${run.id}`;
        deps.log(`${label}: ${facts.status ?? 'unknown'}${conclusion ? ` (${conclusion})` : ''} after ${elapsed}`);
        if (conclusion !== undefined)
            return { conclusion, waitedMs: deps.now() - startMs };
    }
}

;// CONCATENATED MODULE: ./src/rollback/types.ts
const DAY_MS = 86_400_000;
/** GitHub re-runs only workflow runs created in the last 30 days. */
const RERUN_MAX_AGE_MS = 30 * DAY_MS;
/** Artifacts named like this are reports, never build artifacts. */
const REPORT_ARTIFACT_PREFIX = 'deploy-gate-report';

;// CONCATENATED MODULE: ./src/rollback/artifacts.ts
/** SPEC §5.3: whether the target run's build artifacts allow re-running only the deploy job. Pure. */


function isReportArtifact(name, reportArtifact) {
    return name.startsWith(REPORT_ARTIFACT_PREFIX) || name === reportArtifact;
}
/** SPEC §5.3: `deploy-job` when every required artifact is there, not expired and not expiring within the margin. */
function assessArtifacts(all, options, now) {
    const isReport = (name) => isReportArtifact(name, options.reportArtifact);
    const warnings = [];
    const ignored = unique(all.filter((a) => isReport(a.name)).map((a) => a.name));
    const builds = all.filter((a) => !isReport(a.name));
    let required = unique(builds.map((a) => a.name));
    if (options.artifactNames.length > 0) {
        const reports = options.artifactNames.filter(isReport);
        if (reports.length > 0) {
            warnings.push(`artifact-names lists report artifacts, which are never counted: ${reports.join(', ')}`);
        }
        required = unique(options.artifactNames.filter((n) => !isReport(n)));
    }
    if (required.length === 0) {
        const reason = options.artifactNames.length > 0
            ? 'artifact-names names no build artifact, so every job runs again'
            : 'the run has no build artifacts (report artifacts are not counted), so every job runs again';
        return { scope: 'all-jobs', reason, artifacts: [], ignored, warnings };
    }
    const marginEnd = now.getTime() + options.retentionMarginMs;
    const margin = (0,markdown/* formatDuration */.a3)(options.retentionMarginMs);
    const artifacts = required.map((name) => assessArtifact(name, newestNamed(builds, name), now.getTime(), marginEnd, margin, options.artifactRetentionDays));
    const bad = artifacts.filter((a) => a.status !== 'ok');
    if (bad.length > 0) {
        const list = bad.map((a) => `${a.name} ${a.note}`).join('; ');
        return {
            scope: 'all-jobs',
            reason: `build artifacts are not reusable (${list})`,
            artifacts,
            ignored,
            warnings,
        };
    }
    const earliest = artifacts
        .map((a) => a.expiresAt ?? '')
        .sort()
        .at(0);
    const which = required.length === 1
        ? `the required artifact ${required[0]} stays`
        : `all ${required.length} required artifacts (${required.join(', ')}) stay`;
    const reason = `${which} available beyond now + retention-margin ${margin} (earliest expiry ${earliest})`;
    return { scope: 'deploy-job', reason, artifacts, ignored, warnings };
}
function assessArtifact(name, artifact, nowMs, marginEndMs, margin, retentionDays) {
    if (!artifact)
        return { name, status: 'missing', note: 'is not among the run’s artifacts' };
    let expiresAt = artifact.expiresAt ?? undefined;
    let source = 'api';
    if (expiresAt === undefined && artifact.createdAt) {
        expiresAt = isoSeconds(Date.parse(artifact.createdAt) + retentionDays * DAY_MS);
        source = 'retention-days';
    }
    const known = expiresAt === undefined ? {} : { expiresAt, expiresAtSource: source };
    const base = { name, id: artifact.id, ...known };
    if (artifact.expired)
        return { ...base, status: 'expired', note: 'has expired' };
    if (expiresAt === undefined)
        return { ...base, status: 'unknown', note: 'has neither expires_at nor created_at' };
    const at = Date.parse(expiresAt);
    if (at <= nowMs)
        return { ...base, status: 'expired', note: `expired at ${expiresAt}` };
    if (at <= marginEndMs) {
        return { ...base, status: 'expiring', note: `expires at ${expiresAt}, within retention-margin ${margin}` };
    }
    return { ...base, status: 'ok', note: `expires at ${expiresAt}` };
}
/** The newest artifact of that name (a run may hold several after re-runs). */
function newestNamed(artifacts, name) {
    return artifacts
        .filter((a) => a.name === name)
        .sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || b.id - a.id)
        .at(0);
}
function unique(values) {
    return [...new Set(values)];
}
/** GitHub's timestamp format: ISO 8601 to the second. */
function isoSeconds(ms) {
    return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

;// CONCATENATED MODULE: ./src/rollback/plan.ts
/**
 * The rollback plan (SPEC §5), pure: facts about the current deployment, the target run, its artifacts and jobs, and
 * the time → what to re-run or dispatch, and why; or why nothing can be done. Fetching the facts is target.ts's job,
 * doing the plan is execute.ts's.
 */




function plan_plan(input) {
    const { options, now } = input;
    const warnings = [];
    const current = input.current ? planCurrent(input.current) : undefined;
    const base = { current, artifacts: [], ignoredArtifacts: [], warnings };
    const failed = (error, target) => ({ ok: false, ...base, target, error });
    if (!input.target)
        return failed(noTargetError(current, options));
    const target = planTarget(input.target, now, options);
    if (current && sameCommit(current.sha, target.sha)) {
        return failed(`the target ${target.sha.slice(0, 7)} (run ${target.runId}) is the commit deployed now in ${options.environment}; ` +
            'the rollback target is never the current SHA', target);
    }
    if (!current)
        warnings.push(`no current deployment found in ${options.environment}: nothing will be marked rolled back`);
    const workflowWarning = otherWorkflowWarning(input.target.run, options.deployWorkflow);
    if (workflowWarning)
        warnings.push(workflowWarning);
    const ageMs = now.getTime() - Date.parse(target.createdAt);
    if (ageMs > RERUN_MAX_AGE_MS) {
        const full = target.sha;
        const when = `was created ${target.ageDays} days ago; GitHub re-runs only runs from the last 30 days`;
        if (!options.redeployInput) {
            return failed(`workflow run ${target.runId} of ${full} ${when}. To roll back to ${full}, set redeploy-input to the ` +
                `workflow_dispatch input of ${options.deployWorkflow} that takes a commit SHA (deploy-gate then dispatches it), ` +
                `or deploy ${full} by hand`, target);
        }
        if (!options.branch)
            return failed(`cannot dispatch ${options.deployWorkflow}: no branch to run it on`, target);
        const dispatch = {
            workflow: options.deployWorkflow,
            ref: options.branch,
            inputs: { [options.redeployInput]: full },
        };
        const scopeReason = `workflow run ${target.runId} ${when}, so ${options.deployWorkflow} is dispatched on ${options.branch} ` +
            `with ${options.redeployInput}=${full}`;
        return { ok: true, ...base, target, scope: 'dispatch', scopeReason, dispatch };
    }
    const assessed = assessArtifacts(input.artifacts ?? [], options, now);
    warnings.push(...assessed.warnings);
    const withArtifacts = { ...base, artifacts: assessed.artifacts, ignoredArtifacts: assessed.ignored };
    if (assessed.scope === 'all-jobs') {
        return { ok: true, ...withArtifacts, target, scope: 'all-jobs', scopeReason: assessed.reason };
    }
    const picked = pickJob(input.jobs ?? [], target.jobName, options.deployJob, target.runId);
    if (!picked.job) {
        warnings.push(picked.problem);
        const scopeReason = `${assessed.reason}, but ${picked.problem}`;
        return { ok: true, ...withArtifacts, target, scope: 'all-jobs', scopeReason };
    }
    return {
        ok: true,
        ...withArtifacts,
        target,
        scope: 'deploy-job',
        scopeReason: assessed.reason,
        job: picked.job,
    };
}
/** Two SHAs name the same commit; either may be abbreviated (an explicit `target`). */
function sameCommit(a, b) {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x !== '' && y !== '' && (x.startsWith(y) || y.startsWith(x));
}
/** The run was created more than 30 days before `now`: GitHub refuses to re-run it. */
function isTooOldToRerun(run, now) {
    return now.getTime() - Date.parse(run.createdAt) > RERUN_MAX_AGE_MS;
}
/**
 * SPEC §5.4: the job whose name equals the recorded `job_name`; failing that, equals `deploy-job`; failing that,
 * starts with `<deploy-job> (` (a matrix expansion). Several matches at the first tier that matches → no job.
 */
function pickJob(jobs, jobName, deployJob, runId) {
    const tiers = [
        ['job_name', (name) => jobName !== undefined && name === jobName],
        ['deploy-job', (name) => name === deployJob],
        ['matrix-prefix', (name) => name.startsWith(`${deployJob} (`)],
    ];
    for (const [matchedBy, matches] of tiers) {
        const found = jobs.filter((j) => matches(j.name));
        const first = found[0];
        if (found.length === 1 && first)
            return { job: { id: first.id, name: first.name, matchedBy } };
        if (found.length > 1) {
            const names = found.map((j) => `"${j.name}"`).join(', ');
            return {
                problem: `${found.length} jobs of run ${runId} match the deploy job (${names}), so all jobs are re-run`,
            };
        }
    }
    const wanted = [...(jobName !== undefined ? [`"${jobName}"`] : []), `"${deployJob}"`, `"${deployJob} (…)"`];
    return {
        problem: `no job named ${wanted.join(' or ')} in the latest attempt of run ${runId}, so all jobs are re-run`,
    };
}
function planCurrent(c) {
    if (c.kind === 'deployment') {
        return {
            kind: 'deployment',
            sha: c.sha,
            createdAt: c.createdAt,
            deploymentId: c.deploymentId,
            runId: c.runId,
            runAttempt: c.runAttempt,
        };
    }
    return {
        kind: 'run',
        sha: c.run.sha,
        createdAt: c.run.createdAt,
        runId: c.run.id,
        runAttempt: c.run.attempt,
        runUrl: c.run.htmlUrl,
    };
}
function planTarget(t, now, options) {
    const { run, deployment } = t;
    return {
        source: t.source,
        runId: run.id,
        runAttempt: run.attempt,
        sha: run.sha,
        createdAt: run.createdAt,
        ageDays: Math.max(0, Math.floor((now.getTime() - Date.parse(run.createdAt)) / DAY_MS)),
        runUrl: run.htmlUrl,
        ...(deployment ? { deploymentId: deployment.id } : {}),
        ...(deployment?.jobName !== undefined ? { jobName: deployment.jobName } : {}),
        reason: targetReason(t, options),
    };
}
function targetReason(t, o) {
    const d = t.deployment;
    switch (t.source) {
        case 'ledger':
            return (`newest stable deployment in ${o.environment} older than the current one with a different commit` +
                (d ? ` (deployment ${d.id}, created ${d.createdAt})` : ''));
        case 'input-run':
            return `the target input names workflow run ${t.run.id}`;
        case 'input-sha-deployment':
            return `the target input names ${targetText(o)}: its newest stable deployment in ${o.environment}${d ? ` (deployment ${d.id})` : ''}`;
        case 'input-sha-run':
            return (`the target input names ${targetText(o)}, which has no stable deployment in ${o.environment}: ` +
                `the newest successful run of ${o.deployWorkflow} for it`);
        case 'run-history':
            return (`no deployment in ${o.environment} carries deploy-gate records, so from the run history of ` +
                `${o.deployWorkflow} on ${o.branch ?? 'the default branch'}: the newest successful run older than the ` +
                'newest completed one, with a different commit');
    }
}
function targetText(o) {
    if (!o.target)
        return 'a target';
    return o.target.kind === 'run' ? `workflow run ${o.target.runId}` : `commit ${o.target.sha}`;
}
function noTargetError(current, o) {
    if (o.target?.kind === 'sha') {
        return (`target ${o.target.sha}: no stable deployment of that commit in ${o.environment} and no successful run of ` +
            `${o.deployWorkflow} for it`);
    }
    if (!current) {
        return (`nothing to roll back in ${o.environment}: no deployment there carries deploy-gate records, and ` +
            `${o.deployWorkflow} has no completed run on ${o.branch ?? 'the default branch'}`);
    }
    return `no stable deployment before ${current.sha.slice(0, 7)} in ${o.environment}`;
}
/** A warning when the target run is not a run of the deploy workflow (an explicit run id, or a gate elsewhere). */
function otherWorkflowWarning(run, deployWorkflow) {
    const byId = /^\d+$/.test(deployWorkflow);
    const matches = byId
        ? run.workflowId === Number(deployWorkflow)
        : run.path === '' || run.path.split('@')[0]?.split('/').at(-1) === deployWorkflow;
    return matches
        ? undefined
        : `workflow run ${run.id} belongs to ${run.path || `workflow ${run.workflowId}`}, not to deploy-workflow ${deployWorkflow}`;
}

;// CONCATENATED MODULE: ./src/rollback/report.ts
/**
 * What a rollback came to, and its JSON report (SPEC §7: `plan` and `result` instead of `checks`). Pure.
 */


function decideRollback(parts, waitTimeoutMs) {
    const { plan, result, error } = parts;
    const failed = (failure) => ({ ...parts, verdict: 'failed', failure });
    if (error !== undefined)
        return failed(`rollback failed: ${error}`);
    if (!plan)
        return failed('rollback failed: no plan');
    if (!plan.ok)
        return failed(`rollback failed: ${plan.error}`);
    if (!result)
        return failed('rollback failed: the plan was not carried out');
    const url = result.run?.url ?? plan.target.runUrl;
    const markProblem = result.mark.status === 'failed'
        ? `deployment ${result.mark.deploymentId} was not marked rolled back: ${result.mark.error}`
        : undefined;
    switch (result.outcome) {
        case 'dry-run':
            return { ...parts, verdict: 'dry-run' };
        case 'error':
            return failed(`rollback failed: ${result.error ?? 'unknown error'}`);
        case 'timed-out':
            return {
                ...parts,
                verdict: 'timed-out',
                failure: `rollback run did not finish within wait-timeout ${(0,markdown/* formatDuration */.a3)(waitTimeoutMs)}: ${url}`,
            };
        case 'completed':
            if (result.conclusion !== 'success') {
                return failed(`rollback run finished with conclusion ${result.conclusion ?? 'unknown'}: ${url}`);
            }
            return markProblem
                ? failed(`rollback run succeeded (${url}), but ${markProblem}`)
                : { ...parts, verdict: 'rolled-back' };
        case 'requested':
            return markProblem
                ? failed(`rollback requested (${url}), but ${markProblem}`)
                : { ...parts, verdict: 'requested' };
    }
}
function buildRollbackReport(record, ctx) {
    const failure = record.failure ?? null;
    const report = {
        version: 1,
        mode: 'rollback',
        verdict: record.verdict,
        environment: ctx.environment,
        sha: record.plan?.target?.sha ?? '',
        run: ctx.run,
        startedAt: ctx.startedAt,
        finishedAt: ctx.finishedAt,
        plan: record.plan ?? null,
        result: record.result ? { ...record.result, failure } : { error: record.error ?? null, failure },
    };
    return (0,redact/* redact */.E$)(report, ctx.secrets);
}
/** The plan as log lines, in full: dry-run shows exactly this. */
function planLines(plan, environment) {
    const lines = [`rollback plan for ${environment}:`];
    const c = plan.current;
    if (!c)
        lines.push('  current: none found');
    else if (c.kind === 'deployment') {
        lines.push(`  current: deployment ${c.deploymentId} of ${c.sha} (run ${c.runId} attempt ${c.runAttempt}, created ${c.createdAt})`);
    }
    else {
        lines.push(`  current: run ${c.runId} of ${c.sha} (newest completed run, created ${c.createdAt}; no deployment record)`);
    }
    const t = plan.target;
    if (t) {
        lines.push(`  target: run ${t.runId} of ${t.sha} (created ${t.createdAt}, ${t.ageDays} day${t.ageDays === 1 ? '' : 's'} ago, latest attempt ${t.runAttempt}) ${t.runUrl}`, `  why this target: ${t.reason}`);
    }
    else
        lines.push('  target: none');
    for (const a of plan.artifacts)
        lines.push(`  artifact ${a.name}: ${a.status}, ${a.note}`);
    if (plan.ignoredArtifacts.length > 0)
        lines.push(`  report artifacts, not counted: ${plan.ignoredArtifacts.join(', ')}`);
    if (!plan.ok) {
        lines.push(`  problem: ${plan.error}`);
        return lines;
    }
    const job = plan.job
        ? ` — job "${plan.job.name}" (id ${plan.job.id}, matched by ${plan.job.matchedBy})`
        : '';
    const dispatch = plan.dispatch
        ? ` — ${plan.dispatch.workflow} on ${plan.dispatch.ref} with ${JSON.stringify(plan.dispatch.inputs)}`
        : '';
    lines.push(`  scope: ${plan.scope}${job}${dispatch}`, `  why this scope: ${plan.scopeReason}`);
    return lines;
}

;// CONCATENATED MODULE: ./src/rollback/target.ts


/** Pages of 100 runs scanned in the run-history fallback; GitHub returns at most 1,000 runs with a branch filter. */
const RUN_HISTORY_MAX_PAGES = 10;
async function gatherPlanInput(deps, options, now) {
    const log = deps.log ?? (() => undefined);
    let branch = options.branch;
    const resolveBranch = async () => (branch ??= await deps.runs.defaultBranch());
    const found = options.target
        ? await fromLedgerForTarget(deps, options.environment, options.target)
        : await fromLedger(deps, options.environment);
    let current = found.current;
    let target = found.target;
    if (!current) {
        const b = await resolveBranch();
        log(`no deployment in ${options.environment} carries deploy-gate records: reading the runs of ${options.deployWorkflow} on ${b}`);
        const history = await fromRunHistory(deps.runs, options.deployWorkflow, b, !options.target);
        current = history.current && { kind: 'run', run: history.current };
        target ??= history.target;
    }
    if (!target && options.target)
        target = await explicitTargetRun(deps.runs, options);
    const currentSha = current?.kind === 'deployment' ? current.sha : current?.run.sha;
    const conflict = target && currentSha !== undefined && sameCommit(currentSha, target.run.sha);
    const tooOld = target !== undefined && isTooOldToRerun(target.run, now);
    if (target && !conflict && tooOld && options.redeployInput)
        await resolveBranch();
    const input = { now, current, target, options: { ...options, ...(branch ? { branch } : {}) } };
    // The plan fails on a conflict, and a run too old to re-run has no use for its artifacts or jobs.
    if (!target || conflict || tooOld)
        return input;
    const artifacts = await deps.runs.listArtifacts(target.run.id);
    if (assessArtifacts(artifacts, options, now).scope === 'all-jobs')
        return { ...input, artifacts };
    const jobs = await deps.runs.listLatestJobs(target.run.id);
    return { ...input, artifacts, jobs };
}
/** No target input: current and the newest stable deployment before it (select.ts). */
async function fromLedger(deps, environment) {
    const { current, target } = await (0,deployments/* findCurrentAndTarget */.q6)(deps.ledger, environment);
    return {
        current: current && currentFacts(current),
        target: target && (await targetFromDeployment(deps.runs, target, 'ledger')),
    };
}
/**
 * A target input: the current deployment; for a SHA its newest stable deployment (pages read until found); for a run
 * id, a record of that run on the pages read anyway, for its deployed SHA and job_name.
 */
async function fromLedgerForTarget(deps, environment, wanted) {
    let current;
    let stable;
    let ofRun;
    for await (const page of deps.ledger.pages(environment)) {
        current ??= (0,deployments/* findCurrent */.$Q)(page);
        if (wanted.kind === 'sha') {
            stable ??= await (0,deployments/* findStableForSha */.WF)(page, wanted.sha, (d) => deps.ledger.statuses(d.id));
        }
        else {
            ofRun ??= page.find((d) => d.payload?.run_id === wanted.runId);
        }
        if (current && (wanted.kind === 'run' || stable))
            break;
    }
    let target;
    if (wanted.kind === 'run') {
        target = ofRun
            ? await targetFromDeployment(deps.runs, ofRun, 'input-run')
            : { source: 'input-run', run: await deps.runs.getRun(wanted.runId) };
    }
    else if (stable)
        target = await targetFromDeployment(deps.runs, stable, 'input-sha-deployment');
    return { current: current && currentFacts(current), target };
}
/** SPEC §5.1 fallback: the newest completed run is current; the target the newest older success of another commit. */
async function fromRunHistory(runs, workflow, branch, wantTarget) {
    let current;
    for await (const page of runs.runPages(workflow, { branch, status: 'completed' }, RUN_HISTORY_MAX_PAGES)) {
        for (const run of page) {
            if (!current) {
                current = run;
                if (!wantTarget)
                    return { current };
                continue;
            }
            // Pages come newest first; a run created in the same second is older when its id is lower.
            const age = Date.parse(current.createdAt) - Date.parse(run.createdAt);
            const older = age > 0 || (age === 0 && run.id < current.id);
            if (run.conclusion === 'success' && older && !sameCommit(run.sha, current.sha)) {
                return { current, target: { source: 'run-history', run } };
            }
        }
    }
    return current ? { current } : {};
}
/** A target input with no stable deployment: the run itself, or the newest successful deploy-workflow run of the SHA. */
async function explicitTargetRun(runs, options) {
    const wanted = options.target;
    if (!wanted)
        return undefined;
    if (wanted.kind === 'run')
        return { source: 'input-run', run: await runs.getRun(wanted.runId) };
    const full = wanted.sha.length === 40;
    // GitHub's head_sha filter needs the full SHA; an abbreviated one is matched by prefix while scanning.
    const filter = full ? { status: 'success', headSha: wanted.sha } : { status: 'success' };
    for await (const page of runs.runPages(options.deployWorkflow, filter, full ? 1 : RUN_HISTORY_MAX_PAGES)) {
        const run = page.find((r) => sameCommit(r.sha, wanted.sha) && r.conclusion === 'success');
        if (run)
            return { source: 'input-sha-run', run };
    }
    return undefined;
}
async function targetFromDeployment(runs, d, source) {
    if (!d.payload)
        return undefined;
    const run = await runs.getRun(d.payload.run_id);
    const jobName = d.payload.job_name;
    return {
        source,
        // The deployment's SHA is the one deployed; a workflow that deploys another commit than it ran on records it.
        run: { ...run, sha: d.sha },
        deployment: { id: d.id, createdAt: d.createdAt, ...(jobName !== undefined ? { jobName } : {}) },
    };
}
function currentFacts(d) {
    return {
        kind: 'deployment',
        deploymentId: d.id,
        sha: d.sha,
        createdAt: d.createdAt,
        runId: d.payload?.run_id ?? 0,
        runAttempt: d.payload?.run_attempt ?? 0,
    };
}

;// CONCATENATED MODULE: ./src/rollback/mode.ts
/**
 * Runs rollback mode (SPEC §5): read the facts, plan, re-run or dispatch (not in dry-run), mark the bad deployment,
 * wait, then report — outputs, job summary, JSON report under RUNNER_TEMP and its artifact. Everything comes from the
 * settings and the runner's environment (`GITHUB_*`, `RUNNER_TEMP`, `GITHUB_API_URL`); tests inject the rest.
 */
















async function runRollbackMode(settings, deps = {}) {
    const record = await runRollback(settings, deps);
    return record.failure === undefined ? {} : { failure: record.failure };
}
/** The whole rollback, reported; returns what happened (runRollbackMode turns it into the step's outcome). */
async function runRollback(settings, deps = {}) {
    const core = deps.core ?? lib_core;
    const env = deps.env ?? process.env;
    const now = deps.now ?? Date.now;
    const sleep = deps.sleep ?? ((ms) => (0,promises_.setTimeout)(ms));
    const scrub = (text) => (0,redact/* redactText */.Rd)(text, settings.secrets);
    const log = (line) => core.info(scrub(line));
    const warn = (line) => core.warning(scrub(line));
    const ctx = (0,context/* readRunContext */.$)(env);
    const repo = (0,client/* repoFromEnv */.K)(env);
    const startedAt = new Date(now()).toISOString();
    const octokit = deps.octokit ??
        (0,client/* createGitHubClient */.LX)({
            token: settings.token,
            ...(env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}),
        });
    const runs = createWorkflowRunsApi(octokit, repo);
    const ledger = (0,deployments/* createDeploymentLedger */.vS)(octokit, repo);
    const repositoryUrl = `${ctx.serverUrl}/${repo.owner}/${repo.repo}`;
    let plan;
    let result;
    let error;
    try {
        const input = await gatherPlanInput({ ledger, runs, log }, gatherOptions(settings), new Date(now()));
        plan = plan_plan(input);
    }
    catch (err) {
        error = (0,src_errors/* errorMessage */.gJ)(err);
    }
    if (plan) {
        for (const line of planLines(plan, settings.environment))
            log(line);
        for (const w of plan.warnings)
            warn(w);
    }
    if (plan?.ok) {
        result = await executePlan(plan, { runs, ledger, sleep, now, log, warn }, {
            dryRun: settings.dryRun,
            wait: settings.wait,
            waitTimeoutMs: settings.waitTimeoutMs,
            deployWorkflow: settings.deployWorkflow,
            actionsUrl: `${repositoryUrl}/actions`,
            ...(ctx.runId ? { logUrl: ctx.runUrl } : {}),
        });
    }
    const record = decideRollback({ plan, result, error }, settings.waitTimeoutMs);
    core.setOutput(constants/* Outputs */.tY.TargetRunId, plan?.target ? String(plan.target.runId) : '');
    core.setOutput(constants/* Outputs */.tY.TargetSha, plan?.target?.sha ?? '');
    core.setOutput(constants/* Outputs */.tY.RerunScope, plan?.ok ? plan.scope : '');
    core.setOutput(constants/* Outputs */.tY.RerunUrl, result?.run?.url ?? '');
    core.setOutput(constants/* Outputs */.tY.RerunConclusion, result?.outcome === 'completed' ? (result.conclusion ?? '') : '');
    const summary = renderRollbackSummary(record, {
        environment: settings.environment,
        deployWorkflow: settings.deployWorkflow,
        repositoryUrl,
        ...(ctx.runId ? { runUrl: ctx.runUrl } : {}),
    });
    try {
        await core.summary.addRaw(scrub(summary), true).write();
    }
    catch (err) {
        warn(`job summary not written: ${(0,src_errors/* errorMessage */.gJ)(err)}`);
    }
    const report = buildRollbackReport(record, {
        environment: settings.environment,
        run: { id: ctx.runId, attempt: ctx.runAttempt, url: ctx.runUrl },
        startedAt,
        finishedAt: new Date(now()).toISOString(),
        secrets: settings.secrets,
    });
    const reportPath = await (0,publish/* writeReportFile */.aS)((0,publish/* reportPathFor */.xJ)(ctx.runnerTemp || '.', 'rollback'), (0,report_report/* renderReportJson */.BK)(report), warn);
    core.setOutput(constants/* Outputs */.tY.ReportPath, reportPath);
    if (reportPath) {
        await (0,publish/* uploadReportArtifact */.qw)({
            name: settings.reportArtifact,
            retentionDays: constants/* Defaults */.Hw.reportRetentionDays,
            file: reportPath,
            upload: deps.upload,
            env,
            log,
            warn,
        });
    }
    return record;
}
function gatherOptions(s) {
    return {
        environment: s.environment,
        deployWorkflow: s.deployWorkflow,
        deployJob: s.deployJob,
        artifactNames: s.artifactNames,
        artifactRetentionDays: s.artifactRetentionDays,
        retentionMarginMs: s.retentionMarginMs,
        reportArtifact: s.reportArtifact,
        ...(s.redeployInput ? { redeployInput: s.redeployInput } : {}),
        ...(s.branch ? { branch: s.branch } : {}),
        ...(s.target ? { target: s.target } : {}),
    };
}


/***/ })

};

//# sourceMappingURL=764.index.js.map