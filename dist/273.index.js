export const id = 273;
export const ids = [273];
export const modules = {

/***/ 50273:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runValidateMode: () => (/* binding */ runValidateMode)
});

// EXTERNAL MODULE: ./src/report/log.ts
var log = __webpack_require__(46472);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(27242);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/github/context.ts
var context = __webpack_require__(19556);
// EXTERNAL MODULE: ./src/prometheus/client.ts + 1 modules
var client = __webpack_require__(11560);
// EXTERNAL MODULE: ./src/model/builtins.ts
var builtins = __webpack_require__(87333);
// EXTERNAL MODULE: ./src/prometheus/errors.ts
var prometheus_errors = __webpack_require__(92737);
// EXTERNAL MODULE: ./src/prometheus/no-data.ts + 1 modules
var no_data = __webpack_require__(19583);
// EXTERNAL MODULE: ./src/report/redact.ts
var redact = __webpack_require__(20649);
// EXTERNAL MODULE: ./src/report/publish.ts
var publish = __webpack_require__(4617);
// EXTERNAL MODULE: ./src/report/report.ts
var report = __webpack_require__(88850);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(54285);
;// CONCATENATED MODULE: ./src/validate/summary.ts

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
;// CONCATENATED MODULE: ./src/validate/alerts-api.ts
async function checkAlertsApi(checks, probe, queriesAnswered, sourceOf) {
    if (checks.length === 0)
        return { findings: [] };
    if (probe === undefined)
        return { findings: [], alertsApi: { result: 'not-checked' } };
    const answer = await probe();
    if (answer.ok)
        return { findings: [], alertsApi: { result: 'ok', alertCount: answer.alertCount } };
    if (answer.status === 404 && queriesAnswered) {
        const message = `the Prometheus URL serves no alerts API (/api/v1/alerts answered 404): ${answer.message}`;
        return {
            findings: checks.map((c) => ({ ...sourceOf(c), check: c.name, message, severity: 'error' })),
            alertsApi: { result: 'missing', message: answer.message },
        };
    }
    return {
        findings: [
            { path: 'prometheus', message: `alerts API not checked: ${answer.message}`, severity: 'warning' },
        ],
        alertsApi: { result: 'not-checked', message: answer.message },
    };
}

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
        const answer = await input.query(check.query, check);
        const where = input.sourceOf(check);
        if (answer.ok && answer.seriesCount > 0) {
            queries.push({ check: check.name, query: check.query, result: 'ok', seriesCount: answer.seriesCount });
        }
        else if (answer.ok) {
            const message = answer.noDataReason === undefined
                ? 'matches no series right now (selector or metric names may be wrong, or the exporter is down)'
                : `matches no series right now: ${answer.noDataReason}`;
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
    const alerts = await checkAlertsApi(input.alertsChecks ?? [], input.alerts, unavailable === undefined, input.alertsSourceOf ?? (() => ({ path: 'alerts' })));
    findings.push(...alerts.findings);
    const errors = findings.filter((f) => f.severity === 'error');
    const failedChecks = [...new Set(errors.map((f) => f.check ?? 'config'))];
    const alertsApi = alerts.alertsApi === undefined ? {} : { alertsApi: alerts.alertsApi };
    return { verdict: errors.length > 0 ? 'invalid' : 'valid', findings, queries, ...alertsApi, failedChecks };
}

;// CONCATENATED MODULE: ./src/validate/mode.ts
/** Runs validate mode: check the config, run each query once, report on the config file lines and in a check run. */














async function runValidateMode(settings, problems, env) {
    const ctx = (0,context/* readRunContext */.$)(env);
    const startedAt = new Date().toISOString();
    const prometheus = settings.prometheus ? (0,client/* createPrometheusClient */.M8)(settings.prometheus) : undefined;
    const metricChecks = settings.checks.filter((c) => c.kind === 'metric' && (0,builtins/* validateSelector */.A)(c.selector ?? '').length === 0);
    const query = prometheus
        ? async (promql, check) => {
            try {
                const result = await prometheus.query(promql);
                if (result.series.length > 0)
                    return { ok: true, seriesCount: result.series.length };
                const why = await (0,no_data/* noDataReason */.Yu)(check, prometheus);
                return { ok: true, seriesCount: 0, ...(why === undefined ? {} : { noDataReason: why }) };
            }
            catch (err) {
                const kind = (0,prometheus_errors/* isQueryRejection */.s)(err) ? 'rejected' : 'unavailable';
                return { ok: false, kind, message: (0,errors/* errorMessage */.gJ)(err) };
            }
        }
        : undefined;
    const result = await validate({
        problems,
        metricChecks,
        configFile: settings.configFile?.path,
        sourceOf: (check) => check.line !== undefined && settings.configFile
            ? { path: `${check.name}`, file: settings.configFile.path, line: check.queryLine ?? check.line }
            : { path: check.builtin ? builtinInput(check) : constants/* Inputs */.G0.Config },
        query,
        alertsChecks: settings.checks.filter((c) => c.kind === 'alerts'),
        alerts: prometheus
            ? async () => {
                try {
                    return { ok: true, alertCount: (await prometheus.alerts()).length };
                }
                catch (err) {
                    const status = err instanceof prometheus_errors/* PrometheusError */.H ? err.status : undefined;
                    return { ok: false, message: (0,errors/* errorMessage */.gJ)(err), ...(status === undefined ? {} : { status }) };
                }
            }
            : undefined,
        alertsSourceOf: (check) => check.line !== undefined && settings.configFile
            ? { path: check.name, file: settings.configFile.path, line: check.line }
            : { path: constants/* Inputs */.G0.AlertSelector },
    });
    await prometheus?.close?.();
    const scrub = (text) => (0,redact/* redactText */.Rd)(text, settings.secrets);
    for (const f of result.findings) {
        const props = { title: `deploy-gate config: ${f.check ?? f.path}`, file: f.file, startLine: f.line };
        if (f.severity === 'error')
            log/* core */.I8.error(scrub(`${f.path}: ${f.message}`), props);
        else
            log/* core */.I8.warning(scrub(`${f.path}: ${f.message}`), props);
    }
    const summary = scrub(renderValidateSummary(result, { configFile: settings.configFile?.path, checks: settings.checks.length }));
    await log/* core */.I8.summary.addRaw(summary).write();
    const reportPath = await (0,publish/* writeReportFile */.aS)((0,publish/* reportPathFor */.xJ)(ctx.runnerTemp || '.', 'validate'), (0,report/* renderReportJson */.BK)((0,redact/* redact */.E$)(validateReport(result, settings, ctx, startedAt), settings.secrets)), (message) => log/* core */.I8.warning(scrub(message)));
    log/* core */.I8.setOutput(constants/* Outputs */.tY.Verdict, result.verdict);
    log/* core */.I8.setOutput(constants/* Outputs */.tY.FailedChecks, result.failedChecks.join(','));
    log/* core */.I8.setOutput(constants/* Outputs */.tY.ReportPath, reportPath);
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
    log/* core */.I8.setOutput(constants/* Outputs */.tY.CheckRunId, checkRunId === undefined ? '' : String(checkRunId));
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
        ...(result.alertsApi === undefined ? {} : { alertsApi: result.alertsApi }),
    };
}


/***/ })

};

//# sourceMappingURL=273.index.js.map