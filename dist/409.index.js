export const id = 409;
export const ids = [409];
export const modules = {

/***/ 94409:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runGatePost: () => (/* binding */ runGatePost)
/* harmony export */ });
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(27242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _github_check_runs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2842);
/* harmony import */ var _github_context_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(19556);
/* harmony import */ var _ledger_deployments_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(28552);





/** What the post step writes on the records of a gate that did not finish (SPEC §4). */
const DID_NOT_FINISH = 'gate did not finish';
/**
 * Post step: closes what a gate that did not finish (cancelled, crashed, or unable to write its results) left open —
 * the deployment it created or reused gets `error` / `gate did not finish` when no final status was written to it
 * (SPEC §4), and its check run, when one was started and never completed, is completed `cancelled` with the same title,
 * so that no record stays `in_progress`. Otherwise the post step does nothing.
 */
async function runGatePost({ core, env, github, }) {
    const deploymentId = core.getState(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .State */ .Uw.DeploymentId);
    const checkRunId = core.getState(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .State */ .Uw.CheckRunId);
    const openDeployment = deploymentId !== '' && core.getState(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .State */ .Uw.FinalStatusWritten) !== 'true';
    const openCheckRun = checkRunId !== '' && core.getState(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .State */ .Uw.CheckRunCompleted) !== 'true';
    if (!openDeployment && !openCheckRun)
        return;
    const ctx = (0,_github_context_js__WEBPACK_IMPORTED_MODULE_3__/* .readRunContext */ .$)(env);
    const octokit = await github();
    const repo = { owner: ctx.owner, repo: ctx.repo };
    const failures = [];
    if (openDeployment) {
        try {
            await (0,_ledger_deployments_js__WEBPACK_IMPORTED_MODULE_4__/* .createDeploymentLedger */ .vS)(octokit, repo).setStatus(Number(deploymentId), {
                state: 'error',
                description: DID_NOT_FINISH,
                logUrl: (0,_ledger_deployments_js__WEBPACK_IMPORTED_MODULE_4__/* .buildLogUrl */ .g5)(ctx.serverUrl, `${ctx.owner}/${ctx.repo}`, ctx.runId, ctx.runAttempt),
            });
            core.info(`deployment ${deploymentId} marked error: ${DID_NOT_FINISH}`);
        }
        catch (err) {
            failures.push((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err));
        }
    }
    if (openCheckRun) {
        try {
            await (0,_github_check_runs_js__WEBPACK_IMPORTED_MODULE_2__/* .completeCheckRun */ .Fp)(octokit, repo, Number(checkRunId), 'cancelled', {
                title: DID_NOT_FINISH,
                summary: `deploy-gate did not finish (cancelled, or it failed before it could publish a verdict): ${ctx.runUrl}`,
                annotations: [],
            });
            core.info(`check run ${checkRunId} completed as cancelled: ${DID_NOT_FINISH}`);
        }
        catch (err) {
            failures.push((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err));
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
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73116);
/* harmony import */ var _report_log_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(46472);
/* harmony import */ var _report_redact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(20649);



/** GitHub accepts at most 50 annotations per request; a run sends one request, so at most 50 in all. */
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
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .mapGitHubError */ .ym)(err, { action: 'create the check run', permission: 'checks: write' });
    }
}
/**
 * Completes the check run in ONE request, whatever the number of checks: at most `ANNOTATIONS_PER_REQUEST`
 * annotations, the rest counted in the summary (SPEC §7: GitHub requests do not grow with the config). Title,
 * summary and annotations are redacted and their control characters escaped here, for every caller.
 */
async function completeCheckRun(octokit, repo, id, conclusion, output) {
    const kept = output.annotations.slice(0, ANNOTATIONS_PER_REQUEST).map((a) => ({
        ...a,
        message: (0,_report_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .safeLine */ .om)(a.message),
        ...(a.title !== undefined ? { title: (0,_report_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .safeLine */ .om)(a.title) } : {}),
    }));
    const left = output.annotations.length - kept.length;
    const more = left > 0 ? `\n\n_${left} more annotations are not shown; the job summary lists every problem._\n` : '';
    try {
        await octokit.rest.checks.update({
            ...repo,
            check_run_id: id,
            status: 'completed',
            conclusion,
            completed_at: new Date().toISOString(),
            output: {
                title: (0,_report_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .safeLine */ .om)(output.title),
                summary: clip(output.summary, more),
                ...(output.text ? { text: clip(output.text) } : {}),
                annotations: kept,
            },
        });
    }
    catch (err) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .mapGitHubError */ .ym)(err, { action: 'complete the check run', permission: 'checks: write' });
    }
}
function clip(raw, tail = '') {
    const text = (0,_report_log_js__WEBPACK_IMPORTED_MODULE_1__/* .safeMarkdown */ .fH)(raw);
    return text.length + tail.length <= OUTPUT_MAX_CHARS
        ? `${text}${tail}`
        : `${text.slice(0, OUTPUT_MAX_CHARS - 40 - tail.length)}\n\n… (cut to GitHub's size limit)${tail}`;
}


/***/ })

};

//# sourceMappingURL=409.index.js.map