export const id = 205;
export const ids = [205];
export const modules = {

/***/ 32794:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ renderReportJson),
/* harmony export */   q: () => (/* binding */ jsonNumber)
/* harmony export */ });
/** JSON as every mode's report file writes it: NaN and ±Inf spelled as Prometheus spells them. */
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

/***/ 67205:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runRollbackMode: () => (/* binding */ runRollbackMode)
});

// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(27242);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/github/errors.ts
var errors = __webpack_require__(73116);
// EXTERNAL MODULE: ./src/github/context.ts
var context = __webpack_require__(19556);
// EXTERNAL MODULE: ./src/ledger/deployments.ts + 2 modules
var deployments = __webpack_require__(28552);
// EXTERNAL MODULE: ./src/report/json.ts
var json = __webpack_require__(32794);
// EXTERNAL MODULE: ./src/report/publish.ts
var publish = __webpack_require__(4617);
// EXTERNAL MODULE: ./src/report/redact.ts
var redact = __webpack_require__(20649);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(54285);
;// CONCATENATED MODULE: ./src/rollback/summary.ts

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
    const footer = [
        ...(ctx.runUrl ? [(0,markdown/* link */.nf)('rollback run', ctx.runUrl)] : []),
        ...(ctx.reportArtifact ? [`JSON report: artifact ${(0,markdown/* code */.aY)(ctx.reportArtifact)}`] : []),
    ];
    if (footer.length > 0)
        parts.push(`<sub>${footer.join(' · ')}</sub>`);
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

// EXTERNAL MODULE: ./src/rollback/actions-api.ts
var actions_api = __webpack_require__(93270);
;// CONCATENATED MODULE: ./src/rollback/read-back.ts
/**
 * Writes that are never sent twice (SPEC §5.4): a re-run or dispatch POST that got a 5xx or no answer may still have
 * been accepted. Instead of retrying it (plugin-retry is told not to, src/github/client.ts), the action reads the run
 * back: a re-run was accepted when the run shows a newer attempt than the one planned on; a dispatch when a new
 * `workflow_dispatch` run of the workflow appeared after the request.
 */

/** Waits before each read of the run after an uncertain re-run: GitHub creates the attempt within seconds. */
const RERUN_READ_BACK_DELAYS_MS = [2_000, 4_000, 8_000];
/** Looking for a dispatched run when GitHub gave no run details: tries, and the wait before each. */
const FIND_DISPATCHED_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 15_000];
/**
 * After an uncertain re-run POST: the new attempt, when the run shows one newer than `plannedAttempt`; undefined when
 * it never did (GitHub did not take the request).
 */
async function readBackRerun(deps, runId, plannedAttempt) {
    for (const delayMs of RERUN_READ_BACK_DELAYS_MS) {
        await deps.sleep(delayMs);
        try {
            const run = await deps.runs.getRun(runId);
            if (run.attempt > plannedAttempt)
                return run.attempt;
            deps.log(`run ${runId} still shows attempt ${run.attempt}: the re-run has not appeared (yet)`);
        }
        catch (err) {
            deps.log(`could not read run ${runId} back: ${(0,src_errors/* errorMessage */.gJ)(err)}`);
        }
    }
    return undefined;
}
/** The newest `workflow_dispatch` run of `workflow` on `branch` created since `sinceMs`; undefined when none shows up. */
async function findDispatchedRun(deps, workflow, branch, sinceMs) {
    for (const delayMs of FIND_DISPATCHED_DELAYS_MS) {
        await deps.sleep(delayMs);
        try {
            for await (const page of deps.runs.runPages(workflow, { event: 'workflow_dispatch', branch, perPage: 10 }, 1)) {
                const run = page.find((r) => Date.parse(r.createdAt) >= sinceMs);
                if (run)
                    return run;
            }
        }
        catch (err) {
            deps.log(`could not list the runs of ${workflow}: ${(0,src_errors/* errorMessage */.gJ)(err)}`);
        }
    }
    return undefined;
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
            const refusedAsTooOld = err instanceof actions_api/* MonthLimitError */.WP ? { refusedAsTooOld: true } : {};
            return { outcome: 'error', request, mark: notMarked, error: (0,src_errors/* errorMessage */.gJ)(err), ...refusedAsTooOld };
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
        let answer;
        try {
            answer = await deps.runs.dispatch(workflow, ref, inputs);
        }
        catch (err) {
            if (!(0,actions_api/* isUncertainWrite */.z4)(err))
                throw err;
            // Never sent twice: a second dispatch would start a second deploy. Did the first one start a run?
            deps.warn(`${describeRequest(plan)}: ${(0,src_errors/* errorMessage */.gJ)(err)}; not sent again, looking for the run it may have started`);
            const found = await findDispatchedRun(deps, workflow, ref, sentAtMs - DISPATCH_CLOCK_SLACK_MS);
            if (found)
                return { id: found.id, url: found.htmlUrl };
            throw new Error(`${(0,src_errors/* errorMessage */.gJ)(err)}. The dispatch was not sent again, and no new workflow_dispatch run of ${workflow} ` +
                `appeared on ${ref}: it was most likely not accepted. Check ${options.actionsUrl} before starting the ` +
                'rollback again', { cause: err });
        }
        if (answer.runId !== undefined) {
            return { id: answer.runId, url: answer.htmlUrl ?? `${options.actionsUrl}/runs/${answer.runId}` };
        }
        const since = (answer.serverDateMs ?? sentAtMs) - DISPATCH_CLOCK_SLACK_MS;
        const found = await findDispatchedRun(deps, workflow, ref, since);
        if (!found) {
            throw new UnidentifiedRunError(`${workflow} was dispatched on ${ref}, but its run did not show up; look for it under the workflow's runs`);
        }
        return { id: found.id, url: found.htmlUrl };
    }
    const context = {
        id: target.runId,
        url: target.runUrl,
        sha: target.sha,
        deployWorkflow: options.deployWorkflow,
    };
    // A re-run is the run's next attempt.
    let attempt = target.runAttempt + 1;
    try {
        if (plan.scope === 'deploy-job' && plan.job)
            await deps.runs.rerunJob(plan.job, context);
        else
            await deps.runs.rerunRun(context);
    }
    catch (err) {
        if (err instanceof actions_api/* MonthLimitError */.WP || !(0,actions_api/* isUncertainWrite */.z4)(err))
            throw err;
        // Never sent twice: GitHub may have taken it (a second one gets 403 "already running"). Read the run back.
        deps.warn(`${describeRequest(plan)}: ${(0,src_errors/* errorMessage */.gJ)(err)}; not sent again, reading run ${target.runId} back`);
        const seen = await readBackRerun(deps, target.runId, target.runAttempt);
        if (seen === undefined) {
            throw new Error(`${(0,src_errors/* errorMessage */.gJ)(err)}. The re-run was not sent again, and run ${target.runId} shows no attempt after ` +
                `${target.runAttempt}: GitHub did not take it; nothing was re-run. Start the rollback again`, { cause: err });
        }
        deps.log(`run ${target.runId} shows attempt ${seen}: GitHub accepted the re-run`);
        attempt = seen;
    }
    return { id: target.runId, attempt, url: `${target.runUrl}/attempts/${attempt}` };
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
    // Every record of the current run attempt (several gated jobs) carries the mark, so none reads as stable.
    const ids = current.deploymentIds && current.deploymentIds.length > 0 ? current.deploymentIds : [deploymentId];
    const errors = [];
    for (const id of ids) {
        try {
            await deps.ledger.setStatus(id, {
                state: 'failure',
                description,
                ...(options.logUrl ? { logUrl: options.logUrl } : {}),
            });
            deps.log(`deployment ${id} marked failure: ${description}`);
        }
        catch (err) {
            const error = (0,src_errors/* errorMessage */.gJ)(err);
            deps.warn(`deployment ${id} not marked rolled back: ${error}`);
            errors.push(error);
        }
    }
    if (errors.length > 0)
        return { status: 'failed', deploymentId, description, error: errors.join('; ') };
    return { status: 'marked', deploymentId, description };
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

// EXTERNAL MODULE: ./src/rollback/plan.ts + 2 modules
var rollback_plan = __webpack_require__(61146);
// EXTERNAL MODULE: ./src/report/artifact-name.ts
var artifact_name = __webpack_require__(48616);
;// CONCATENATED MODULE: ./src/rollback/report.ts
/** The rollback's JSON report (SPEC §7: `plan` and `result` instead of `checks`) and its plan lines for the log. Pure. */

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

;// CONCATENATED MODULE: ./src/rollback/verdict.ts
/**
 * What a rollback came to (SPEC §5.5): the plan, what carrying it out did, and the mark → the rollback's verdict and
 * whether the step fails. Pure; the plan itself (target, scope, age, job match) is plan.ts.
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

// EXTERNAL MODULE: ./src/rollback/target.ts
var target = __webpack_require__(99899);
;// CONCATENATED MODULE: ./src/rollback/mode.ts
















async function runRollbackMode(settings, deps) {
    const { core, env } = deps;
    const now = deps.clock.now;
    const sleep = (ms) => deps.clock.sleep(ms);
    const scrub = (text) => (0,redact/* redactText */.Rd)(text, settings.secrets);
    const log = (line) => core.info(scrub(line));
    const warn = (line) => core.warning(scrub(line));
    const ctx = (0,context/* readRunContext */.$)(env);
    const repo = (0,errors/* repoFromEnv */.K)(env);
    const startedAt = new Date(now()).toISOString();
    const octokit = await deps.github();
    const runs = (0,actions_api/* createWorkflowRunsApi */.i$)(octokit, repo);
    const ledger = (0,deployments/* createDeploymentLedger */.vS)(octokit, repo);
    const repositoryUrl = `${ctx.serverUrl}/${repo.owner}/${repo.repo}`;
    let plan;
    let input;
    let result;
    let error;
    try {
        input = await (0,target/* gatherPlanInput */.fi)({ ledger, runs, log }, gatherOptions(settings), new Date(now()));
        plan = (0,rollback_plan/* plan */.et)(input);
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
    const execute = (ready) => executePlan(ready, { runs, ledger, sleep, now, log, warn }, {
        dryRun: settings.dryRun,
        wait: settings.wait,
        waitTimeoutMs: settings.waitTimeoutMs,
        deployWorkflow: settings.deployWorkflow,
        actionsUrl: `${repositoryUrl}/actions`,
        ...(ctx.runId ? { logUrl: ctx.runUrl } : {}),
    });
    if (plan?.ok)
        result = await execute(plan);
    if (result?.refusedAsTooOld && input) {
        // SPEC §5.2: GitHub's month-limit 403 is treated as a run past the limit — dispatch when redeploy-input is set.
        log(`GitHub refused the re-run (created over a month ago): planning again as for a run past the limit`);
        try {
            const branch = input.options.branch ?? (settings.redeployInput ? await runs.defaultBranch() : undefined);
            plan = (0,rollback_plan/* plan */.et)({
                ...input,
                refusedAsTooOld: true,
                options: { ...input.options, ...(branch ? { branch } : {}) },
            });
            for (const line of planLines(plan, settings.environment))
                log(line);
            result = plan.ok ? await execute(plan) : undefined;
        }
        catch (err) {
            result = undefined;
            error = (0,src_errors/* errorMessage */.gJ)(err);
        }
    }
    const record = decideRollback({ plan, result, error }, settings.waitTimeoutMs);
    const artifactName = (0,artifact_name/* reportArtifactName */.m)(settings.reportArtifact, {
        job: ctx.job,
        runAttempt: ctx.runAttempt,
    });
    const summary = renderRollbackSummary(record, {
        environment: settings.environment,
        deployWorkflow: settings.deployWorkflow,
        repositoryUrl,
        ...(ctx.runId ? { runUrl: ctx.runUrl } : {}),
        ...(artifactName !== 'none' ? { reportArtifact: artifactName } : {}),
    });
    const report = buildRollbackReport(record, {
        environment: settings.environment,
        run: { id: ctx.runId, attempt: ctx.runAttempt, url: ctx.runUrl },
        startedAt,
        finishedAt: new Date(now()).toISOString(),
        secrets: settings.secrets,
    });
    return {
        record,
        outputs: {
            [constants/* Outputs */.tY.TargetRunId]: plan?.target ? String(plan.target.runId) : '',
            [constants/* Outputs */.tY.TargetSha]: plan?.target?.sha ?? '',
            [constants/* Outputs */.tY.RerunScope]: plan?.ok ? plan.scope : '',
            [constants/* Outputs */.tY.RerunUrl]: result?.run?.url ?? '',
            [constants/* Outputs */.tY.RerunConclusion]: result?.outcome === 'completed' ? (result.conclusion ?? '') : '',
        },
        annotations: [],
        evidence: {
            summary,
            reportJson: (0,json/* renderReportJson */.B)(report),
            reportPath: (0,publish/* reportPathFor */.xJ)(ctx.runnerTemp || '.', 'rollback'),
            artifact: { name: artifactName, retentionDays: constants/* Defaults */.Hw.reportRetentionDays },
        },
        closing: [],
        ...(record.failure === undefined ? {} : { failure: record.failure }),
    };
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

//# sourceMappingURL=205.index.js.map