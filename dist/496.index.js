export const id = 496;
export const ids = [496];
export const modules = {

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


/***/ }),

/***/ 4496:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   publish: () => (/* binding */ publish)
/* harmony export */ });
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(27242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _github_check_runs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2842);
/* harmony import */ var _github_context_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(19556);
/* harmony import */ var _ledger_deployments_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(28552);
/* harmony import */ var _ledger_select_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(99981);
/* harmony import */ var _report_publish_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4617);
/* harmony import */ var _report_redact_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(20649);
/**
 * The one way out of every mode: applies a `ModeOutcome` in a fixed order — outputs, annotations, evidence (report
 * file, job summary, artifact, then `report-path`), the deployment's final status, the check run (then
 * `check-run-id`), closing annotations. Evidence or a check run that cannot be written is a warning naming it, never a
 * failure: evidence never changes a verdict. A deployment status that cannot be written throws (the step fails, the
 * post step closes the record). The step's failure is main.ts's to set.
 */








async function publish(outcome, deps) {
    const { core } = deps;
    for (const [name, value] of Object.entries(outcome.outputs))
        core.setOutput(name, value);
    annotate(outcome.annotations, deps);
    if (outcome.evidence) {
        const { evidence } = outcome;
        const { reportPath } = await (0,_report_publish_js__WEBPACK_IMPORTED_MODULE_6__/* .publishEvidence */ .Xb)({
            core,
            summaryMarkdown: evidence.summary,
            reportJson: evidence.reportJson,
            reportPath: evidence.reportPath,
            ...(evidence.artifact ? { artifact: { ...evidence.artifact, upload: deps.upload } } : {}),
            secrets: deps.secrets,
            env: deps.env,
        });
        core.setOutput(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Outputs */ .tY.ReportPath, reportPath);
    }
    if (outcome.deployment)
        await closeDeployment(outcome.deployment, deps);
    if (outcome.checkRun) {
        const id = await publishCheckRun(outcome.checkRun, deps);
        core.setOutput(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Outputs */ .tY.CheckRunId, id === undefined ? '' : String(id));
    }
    annotate(outcome.closing, deps);
}
function annotate(annotations, { core, secrets }) {
    for (const { level, message, ...properties } of annotations) {
        const title = properties.title === undefined ? {} : { title: (0,_report_redact_js__WEBPACK_IMPORTED_MODULE_7__/* .redactText */ .Rd)(properties.title, secrets) };
        core[level]((0,_report_redact_js__WEBPACK_IMPORTED_MODULE_7__/* .redactText */ .Rd)(message, secrets), { ...properties, ...title });
    }
}
/**
 * Writes the gate's verdict on its deployment (SPEC §4). A `success` is written only when the record carries no
 * rollback mark (read first): rolled back is final, so with a mark nothing is written and the gate warns. Either
 * way the post step has nothing left to close. A write that fails throws: the step fails and the post step closes
 * the record.
 */
async function closeDeployment(close, deps) {
    const { core, secrets } = deps;
    const ctx = (0,_github_context_js__WEBPACK_IMPORTED_MODULE_3__/* .readRunContext */ .$)(deps.env);
    const ledger = (0,_ledger_deployments_js__WEBPACK_IMPORTED_MODULE_4__/* .createDeploymentLedger */ .vS)(await deps.github(), { owner: ctx.owner, repo: ctx.repo });
    if (close.state === 'success') {
        const mark = (0,_ledger_select_js__WEBPACK_IMPORTED_MODULE_5__/* .findRolledBackMark */ .kI)(await ledger.statuses(close.id));
        if (mark) {
            core.warning((0,_report_redact_js__WEBPACK_IMPORTED_MODULE_7__/* .redactText */ .Rd)(`deployment ${close.id} was rolled back while the gate ran (${mark.description ?? ''}); ` +
                'rolled back is final, so the gate does not mark it stable', secrets));
            core.saveState(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .State */ .Uw.FinalStatusWritten, 'true');
            return;
        }
    }
    await ledger.setStatus(close.id, {
        state: close.state,
        description: (0,_report_redact_js__WEBPACK_IMPORTED_MODULE_7__/* .redactText */ .Rd)(close.description, secrets),
        logUrl: close.logUrl,
        environmentUrl: close.environmentUrl,
    });
    core.saveState(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .State */ .Uw.FinalStatusWritten, 'true');
}
/**
 * Completes the check run the mode started (`id`), or creates it completed. Returns its id — the started one even
 * when completing it failed (the post step then completes it as cancelled) — or undefined when none exists.
 */
async function publishCheckRun(run, deps) {
    const ctx = (0,_github_context_js__WEBPACK_IMPORTED_MODULE_3__/* .readRunContext */ .$)(deps.env);
    const repo = { owner: ctx.owner, repo: ctx.repo };
    try {
        const octokit = await deps.github();
        const id = run.id ?? (await (0,_github_check_runs_js__WEBPACK_IMPORTED_MODULE_2__/* .createCheckRun */ ._U)(octokit, repo, run.name, ctx.headSha, ctx.runUrl));
        await (0,_github_check_runs_js__WEBPACK_IMPORTED_MODULE_2__/* .completeCheckRun */ .Fp)(octokit, repo, id, run.conclusion, {
            title: (0,_report_redact_js__WEBPACK_IMPORTED_MODULE_7__/* .redactText */ .Rd)(run.title, deps.secrets),
            summary: (0,_report_redact_js__WEBPACK_IMPORTED_MODULE_7__/* .redactText */ .Rd)(run.summary, deps.secrets),
            annotations: run.annotations.map((a) => ({
                ...a,
                message: (0,_report_redact_js__WEBPACK_IMPORTED_MODULE_7__/* .redactText */ .Rd)(a.message, deps.secrets),
                ...(a.title === undefined ? {} : { title: (0,_report_redact_js__WEBPACK_IMPORTED_MODULE_7__/* .redactText */ .Rd)(a.title, deps.secrets) }),
            })),
        });
        if (run.id !== undefined)
            deps.core.saveState(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .State */ .Uw.CheckRunCompleted, 'true');
        return id;
    }
    catch (err) {
        deps.core.warning((0,_report_redact_js__WEBPACK_IMPORTED_MODULE_7__/* .redactText */ .Rd)(`check run "${run.name}" not published: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err)}`, deps.secrets));
        return run.id;
    }
}


/***/ })

};

//# sourceMappingURL=496.index.js.map