export const id = 194;
export const ids = [194];
export const modules = {

/***/ 8194:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runValidateMode: () => (/* binding */ runValidateMode)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(70819);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(27242);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/github/context.ts
var context = __webpack_require__(19556);
// EXTERNAL MODULE: ./src/prometheus/client.ts + 1 modules
var client = __webpack_require__(7428);
// EXTERNAL MODULE: ./src/prometheus/builtins.ts + 1 modules
var builtins = __webpack_require__(19840);
// EXTERNAL MODULE: ./src/prometheus/errors.ts
var prometheus_errors = __webpack_require__(92737);
// EXTERNAL MODULE: ./src/report/redact.ts
var redact = __webpack_require__(20649);
// EXTERNAL MODULE: ./src/report/publish.ts
var publish = __webpack_require__(4617);
// EXTERNAL MODULE: ./src/report/report.ts
var report = __webpack_require__(88850);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(54285);
;// CONCATENATED MODULE: ./src/report/validate-summary.ts

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
        const answer = await input.query(check.query);
        const where = input.sourceOf(check);
        if (answer.ok && answer.seriesCount > 0) {
            queries.push({ check: check.name, query: check.query, result: 'ok', seriesCount: answer.seriesCount });
        }
        else if (answer.ok) {
            const message = 'matches no series right now (selector or metric names may be wrong, or the exporter is down)';
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
    const errors = findings.filter((f) => f.severity === 'error');
    const failedChecks = [...new Set(errors.map((f) => f.check ?? 'config'))];
    return { verdict: errors.length > 0 ? 'invalid' : 'valid', findings, queries, failedChecks };
}

;// CONCATENATED MODULE: ./src/validate/mode.ts
/** Runs validate mode: check the config, run each query once, report on the config file lines and in a check run. */













async function runValidateMode(settings, problems) {
    const ctx = (0,context/* readRunContext */.$)();
    const startedAt = new Date().toISOString();
    const prometheus = settings.prometheus ? (0,client/* createPrometheusClient */.M8)(settings.prometheus) : undefined;
    const metricChecks = settings.checks.filter((c) => c.kind === 'metric' && (0,builtins/* validateSelector */.Ag)(c.selector ?? '').length === 0);
    const query = prometheus
        ? async (promql) => {
            try {
                const result = await prometheus.query(promql);
                return { ok: true, seriesCount: result.series.length };
            }
            catch (err) {
                const rejected = err instanceof prometheus_errors/* PrometheusError */.H &&
                    err.kind === 'api' &&
                    /^(bad_data|execution)$/.test(err.errorType ?? '');
                return { ok: false, kind: rejected ? 'rejected' : 'unavailable', message: (0,errors/* errorMessage */.gJ)(err) };
            }
        }
        : undefined;
    const result = await validate({
        problems,
        metricChecks,
        configFile: settings.configFile?.path,
        sourceOf: (check) => check.line !== undefined && settings.configFile
            ? { path: `${check.name}`, file: settings.configFile.path, line: check.line }
            : { path: check.builtin ? builtinInput(check) : constants/* Inputs */.G0.Config },
        query,
    });
    await prometheus?.close?.();
    const scrub = (text) => (0,redact/* redactText */.Rd)(text, settings.secrets);
    for (const f of result.findings) {
        const props = { title: `deploy-gate config: ${f.check ?? f.path}`, file: f.file, startLine: f.line };
        if (f.severity === 'error')
            core.error(scrub(`${f.path}: ${f.message}`), props);
        else
            core.warning(scrub(`${f.path}: ${f.message}`), props);
    }
    const summary = scrub(renderValidateSummary(result, { configFile: settings.configFile?.path, checks: settings.checks.length }));
    await core.summary.addRaw(summary).write();
    const reportPath = await (0,publish/* writeReportFile */.aS)((0,publish/* reportPathFor */.xJ)(ctx.runnerTemp || '.', 'validate'), (0,report/* renderReportJson */.BK)((0,redact/* redact */.E$)(validateReport(result, settings, ctx, startedAt), settings.secrets)), (message) => core.warning(scrub(message)));
    core.setOutput(constants/* Outputs */.tY.Verdict, result.verdict);
    core.setOutput(constants/* Outputs */.tY.FailedChecks, result.failedChecks.join(','));
    core.setOutput(constants/* Outputs */.tY.ReportPath, reportPath);
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
    core.setOutput(constants/* Outputs */.tY.CheckRunId, checkRunId === undefined ? '' : String(checkRunId));
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
    };
}


/***/ })

};

//# sourceMappingURL=194.index.js.map