export const id = 968;
export const ids = [968];
export const modules = {

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


/***/ }),

/***/ 97968:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runValidateMode: () => (/* binding */ runValidateMode)
});

// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(27242);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/github/context.ts
var context = __webpack_require__(19556);
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
// EXTERNAL MODULE: ./src/report/json.ts
var json = __webpack_require__(32794);
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

;// CONCATENATED MODULE: ./src/validate/report.ts

function buildValidateReport(result, settings, ctx, times, services) {
    return {
        version: 1,
        mode: 'validate',
        verdict: result.verdict,
        environment: settings.environment,
        sha: ctx.headSha,
        run: { id: ctx.runId, attempt: ctx.runAttempt, url: ctx.runUrl },
        startedAt: times.startedAt,
        finishedAt: times.finishedAt,
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
        ...(services.length === 0 ? {} : { services }),
    };
}

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

// EXTERNAL MODULE: ./src/services/resolve.ts + 1 modules
var resolve = __webpack_require__(21466);
;// CONCATENATED MODULE: ./src/validate/services.ts


async function validateServices(checks, prometheus, nowMs, configFile) {
    const isService = (c) => c.kind === 'metric' && c.service !== undefined;
    if (prometheus === undefined || !checks.some(isService)) {
        return { checks: checks.filter((c) => !isService(c)), problems: [], services: [] };
    }
    const { checks: resolved, evidence } = await (0,resolve/* resolveServices */.bs)(prometheus, checks, nowMs);
    const problems = [];
    for (const e of evidence) {
        if (e.problem === undefined)
            continue;
        const first = checks.find((c) => c.kind === 'metric' && c.service?.service === e.service);
        const fromFile = first.line !== undefined && configFile !== undefined;
        problems.push({
            path: fromFile ? `services.${e.service}` : constants/* Inputs */.G0.ServiceSelector,
            message: e.problem,
            ...(fromFile ? { file: configFile, line: first.line } : {}),
            check: e.service,
        });
    }
    const unresolved = new Set(evidence.filter((e) => e.problem !== undefined).map((e) => e.service));
    return {
        checks: resolved.filter((c) => !(c.kind === 'metric' && c.service && unresolved.has(c.service.service))),
        problems,
        services: evidence,
    };
}

// EXTERNAL MODULE: ./src/report/services.ts
var report_services = __webpack_require__(29148);
;// CONCATENATED MODULE: ./src/validate/mode.ts














/** `problems`: what reading the settings found; validate reports them all and still runs the valid queries. */
async function runValidateMode(settings, problems, deps) {
    const ctx = (0,context/* readRunContext */.$)(deps.env);
    const startedAt = new Date(deps.clock.now()).toISOString();
    const prometheus = settings.prometheus ? await deps.prometheus(settings.prometheus) : undefined;
    const services = await validateServices(settings.checks, prometheus, deps.clock.now(), settings.configFile?.path);
    const metricChecks = services.checks.filter((c) => c.kind === 'metric' && (0,builtins/* validateSelector */.A)(c.selector ?? '').length === 0);
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
                return { ok: false, kind, message: (0,src_errors/* errorMessage */.gJ)(err) };
            }
        }
        : undefined;
    const result = await validate({
        problems: [...problems, ...services.problems],
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
                    return { ok: false, message: (0,src_errors/* errorMessage */.gJ)(err), ...(status === undefined ? {} : { status }) };
                }
            }
            : undefined,
        alertsSourceOf: (check) => check.line !== undefined && settings.configFile
            ? { path: check.name, file: settings.configFile.path, line: check.line }
            : { path: constants/* Inputs */.G0.AlertSelector },
    });
    await prometheus?.close?.();
    // Summary, annotations and check run are redacted where they are written (publish.ts), like every mode's.
    const errors = result.findings.filter((f) => f.severity === 'error').length;
    const servicesSection = (0,report_services/* renderServices */.r)(services.services);
    const summary = `${renderValidateSummary(result, {
        configFile: settings.configFile?.path,
        checks: settings.checks.length,
    })}${servicesSection === '' ? '' : `\n${servicesSection}\n`}`;
    const finishedAt = new Date(deps.clock.now()).toISOString();
    return {
        outputs: {
            [constants/* Outputs */.tY.Verdict]: result.verdict,
            [constants/* Outputs */.tY.FailedChecks]: result.failedChecks.join(','),
            ...(settings.checkName ? {} : { [constants/* Outputs */.tY.CheckRunId]: '' }),
        },
        annotations: result.findings.map((f) => ({
            level: f.severity,
            message: `${f.path}: ${f.message}`,
            title: `deploy-gate config: ${f.check ?? f.path}`,
            ...(f.file === undefined ? {} : { file: f.file }),
            ...(f.line === undefined ? {} : { startLine: f.line }),
        })),
        evidence: {
            summary,
            reportJson: (0,json/* renderReportJson */.B)((0,redact/* redact */.E$)(buildValidateReport(result, settings, ctx, { startedAt, finishedAt }, services.services), settings.secrets)),
            reportPath: (0,publish/* reportPathFor */.xJ)(ctx.runnerTemp || '.', 'validate'),
        },
        ...(settings.checkName
            ? {
                checkRun: {
                    name: settings.checkName,
                    conclusion: result.verdict === 'valid' ? 'success' : 'failure',
                    title: `config ${result.verdict}: ${errors} problems`,
                    summary,
                    annotations: result.findings
                        .filter((f) => f.file && f.line)
                        .map((f) => ({
                        path: f.file,
                        start_line: f.line,
                        end_line: f.line,
                        annotation_level: f.severity === 'error' ? 'failure' : 'warning',
                        title: f.check ?? f.path,
                        message: f.message,
                    })),
                },
            }
            : {}),
        closing: [],
        ...(result.verdict === 'valid'
            ? {}
            : {
                failure: `deploy-gate config is invalid: ${errors} problem${errors === 1 ? '' : 's'} (${result.failedChecks.join(', ')})`,
            }),
    };
}
function builtinInput(check) {
    if (check.builtin === 'vram')
        return constants/* Inputs */.G0.GpuSelector;
    if (check.builtin === 'kv-cache')
        return constants/* Inputs */.G0.VllmSelector;
    return constants/* Inputs */.G0.HostSelector;
}


/***/ })

};

//# sourceMappingURL=968.index.js.map