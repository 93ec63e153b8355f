export const id = 314;
export const ids = [314];
export const modules = {

/***/ 92737:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ PrometheusError),
/* harmony export */   s: () => (/* binding */ isQueryRejection)
/* harmony export */ });
/** Everything that can go wrong while asking Prometheus something, wrapped at the boundary with the original as `cause`. */
/** A Prometheus query that gave no usable result. Messages are short, name no credentials, and can go into reports. */
class PrometheusError extends Error {
    kind;
    status;
    errorType;
    constructor(message, details) {
        super(message, details.cause === undefined ? undefined : { cause: details.cause });
        this.name = 'PrometheusError';
        this.kind = details.kind;
        if (details.status !== undefined)
            this.status = details.status;
        if (details.errorType !== undefined)
            this.errorType = details.errorType;
    }
}
/**
 * SPEC §8: the server refused the query itself — HTTP 400 or 422 with a `"status":"error"` body, from any
 * Prometheus-compatible server (Prometheus `bad_data` / `execution`, VictoriaMetrics `errorType: "422"`, Mimir,
 * Thanos). Anything else (unreachable, 5xx, 401/403, not Prometheus-shaped) means the server could not be asked.
 */
function isQueryRejection(error) {
    return (error instanceof PrometheusError && error.kind === 'api' && (error.status === 400 || error.status === 422));
}


/***/ }),

/***/ 9160:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mk: () => (/* binding */ measureSeries),
/* harmony export */   Mm: () => (/* binding */ excess),
/* harmony export */   N1: () => (/* binding */ errorMeasurement),
/* harmony export */   QK: () => (/* binding */ labelText),
/* harmony export */   U6: () => (/* binding */ formatMeasured),
/* harmony export */   en: () => (/* binding */ onLabels),
/* harmony export */   oW: () => (/* binding */ distinguishing)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92737);
/* harmony import */ var _report_markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(54285);
/** Turns a Prometheus result into one Measurement (SPEC §3), and names series and values for reports. Pure. */


/** Labels that identify a series best; kept first when a long label set is shortened. */
const IDENTIFYING_LABELS = [
    'instance',
    'job',
    'mountpoint',
    'gpu',
    'uuid',
    'UUID',
    'device',
    'Hostname',
    'modelName',
    'namespace',
    'pod',
    'container',
    'node',
];
/**
 * Compares the real-valued series with the threshold: a breach when any is `> max` or `< min` (exactly at a threshold
 * passes). NaN and ±Inf series are left out and returned in `ignoredSeries`; when no series has a real value (empty
 * vector, or all NaN/±Inf) the outcome is `no-data`. `value` is the worst value: the one furthest past a threshold,
 * else the one nearest a threshold (the highest for a max check, the lowest for a min-only check). `series` holds the
 * breaching series, worst first. `boundsOf` gives a series its own bounds (a pre-existing breach is held to its worst
 * value before the deploy).
 */
function measureSeries(series, threshold, at, boundsOf) {
    const real = [];
    const ignored = [];
    // Scored while split: this runs for every series of every round.
    const scored = [];
    for (const s of series) {
        if (!Number.isFinite(s.value)) {
            ignored.push(s);
            continue;
        }
        real.push(s);
        const over = excess(s.value, boundsOf?.(s) ?? threshold);
        if (over > 0)
            scored.push({ s, excess: over });
    }
    if (series.length === 0)
        return { at, outcome: 'no-data', reason: 'no series matched' };
    if (real.length === 0) {
        const only = series[0];
        const reason = series.length === 1 && only !== undefined
            ? `the only series is ${formatMeasured(only.value)}${onLabels(only.labels)}`
            : `all ${series.length} series are NaN or ±Inf`;
        return { at, outcome: 'no-data', reason };
    }
    const ignoredPart = ignored.length === 0 ? {} : { ignoredSeries: ignored };
    const breaching = scored.sort((a, b) => b.excess - a.excess).map((b) => b.s);
    const worst = breaching[0];
    if (worst === undefined) {
        const nearest = nearestToThreshold(real, threshold);
        const reason = ignored.length === 0 ? {} : { reason: `${countSeries(ignored.length)} NaN or ±Inf, ignored` };
        return { at, outcome: 'pass', value: nearest.value, series: [], ...ignoredPart, ...reason };
    }
    const more = breaching.length > 1 ? ` (+${breaching.length - 1} more)` : '';
    return {
        at,
        outcome: 'breach',
        value: worst.value,
        series: breaching,
        ...ignoredPart,
        reason: `${describeBreach(worst.value, boundsOf?.(worst) ?? threshold)}${onLabels(distinguishing(worst.labels, series))}${more}`,
    };
}
/** An `error` measurement for a failed query: the PrometheusError's message, or the text of anything else thrown. */
function errorMeasurement(error, at) {
    const reason = error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PrometheusError */ .H
        ? error.message
        : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    return { at, outcome: 'error', reason };
}
/**
 * `gpu="0",instance="10.1.0.7:9400"`: labels sorted by name, `__name__` dropped, values quoted as PromQL quotes them.
 * A label set longer than `maxChars` keeps the identifying labels (instance, job, mountpoint, gpu, …) and as many
 * others as fit, and ends with `,… (+N labels)`. An empty label set is `{}`.
 */
function labelText(labels, opts = {}) {
    const maxChars = opts.maxChars ?? 120;
    const names = Object.keys(labels)
        .filter((name) => name !== '__name__')
        .sort();
    if (names.length === 0)
        return '{}';
    const pair = (name) => `${name}=${quote(labels[name] ?? '', 60)}`;
    const full = names.map(pair).join(',');
    if (full.length <= maxChars)
        return full;
    const byPriority = [
        ...IDENTIFYING_LABELS.filter((name) => names.includes(name)),
        ...names.filter((name) => !IDENTIFYING_LABELS.includes(name)),
    ];
    const kept = new Set();
    let length = 0;
    for (const name of byPriority) {
        const added = pair(name).length + (kept.size > 0 ? 1 : 0);
        if (kept.size > 0 && length + added > maxChars)
            continue;
        kept.add(name);
        length += added;
    }
    const shown = names.filter((name) => kept.has(name)).map(pair);
    const leftOut = names.length - shown.length;
    return leftOut === 0 ? shown.join(',') : `${shown.join(',')},… (+${leftOut} labels)`;
}
/**
 * A value for reports: `NaN`, `+Inf`, `-Inf`, integers as they are, others to 3 significant digits (no exponent for
 * large numbers). With `threshold`, more digits are used until the value no longer reads as the threshold (so a
 * breach never shows as `95 > 95`).
 */
function formatMeasured(value, threshold) {
    if (Number.isNaN(value))
        return 'NaN';
    if (!Number.isFinite(value))
        return value > 0 ? '+Inf' : '-Inf';
    if (Number.isInteger(value))
        return String(value);
    for (let digits = 3; digits <= 17; digits++) {
        const rounded = roundSignificant(value, digits);
        if (threshold === undefined || rounded !== threshold)
            return String(rounded);
    }
    return String(value);
}
function roundSignificant(value, digits) {
    const magnitude = Math.floor(Math.log10(Math.abs(value)));
    const decimals = Math.min(100, Math.max(0, digits - 1 - magnitude));
    return Number(value.toFixed(decimals));
}
/** How far past a threshold a value is (> 0 is a breach). */
function excess(value, threshold) {
    const over = threshold.max !== undefined ? value - threshold.max : Number.NEGATIVE_INFINITY;
    const under = threshold.min !== undefined ? threshold.min - value : Number.NEGATIVE_INFINITY;
    return Math.max(over, under);
}
/** The series with the least room to a threshold; the highest when no threshold is set. */
function nearestToThreshold(real, threshold) {
    const noThreshold = threshold.max === undefined && threshold.min === undefined;
    const room = (s) => (noThreshold ? -s.value : -excess(s.value, threshold));
    return real.reduce((best, s) => (room(s) < room(best) ? s : best));
}
function describeBreach(value, threshold) {
    const unit = threshold.unit ?? '';
    if (threshold.max !== undefined && value > threshold.max) {
        return `${formatMeasured(value, threshold.max)}${unit} > ${formatMeasured(threshold.max)}${unit}`;
    }
    const min = threshold.min ?? Number.NaN;
    return `${formatMeasured(value, min)}${unit} < ${formatMeasured(min)}${unit}`;
}
/**
 * The fewest labels of `labels` that tell its series apart from the others in the result (`gpu="0"` rather than
 * ten DCGM labels shared by every series), picked greedily in the order of IDENTIFYING_LABELS; for a lone series, its
 * identifying labels. Falls back to all labels.
 */
function distinguishing(labels, all) {
    const names = Object.keys(labels).filter((name) => name !== '__name__');
    const pick = (kept) => kept.length === 0 ? labels : Object.fromEntries(kept.map((name) => [name, labels[name] ?? '']));
    if (all.length <= 1)
        return pick(names.filter((name) => IDENTIFYING_LABELS.includes(name) && name !== 'job'));
    const rank = (name) => {
        const i = IDENTIFYING_LABELS.indexOf(name);
        return i === -1 ? IDENTIFYING_LABELS.length : i;
    };
    const candidates = names
        .filter((name) => all.some((s) => s.labels[name] !== labels[name]))
        .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    const kept = [];
    let alike = all.filter((s) => s.labels !== labels);
    for (const name of candidates) {
        if (alike.length === 0)
            break;
        const rest = alike.filter((s) => s.labels[name] === labels[name]);
        if (rest.length < alike.length) {
            kept.push(name);
            alike = rest;
        }
    }
    return pick(names.filter((name) => kept.includes(name)));
}
function onLabels(labels) {
    const text = labelText(labels);
    return text === '{}' ? '' : ` on ${text}`;
}
function countSeries(count) {
    return count === 1 ? '1 series is' : `${count} series are`;
}
function quote(value, maxChars) {
    const shortened = (0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .shorten */ .ml)(value, maxChars);
    return `"${shortened.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}


/***/ }),

/***/ 19583:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Yu: () => (/* binding */ noDataReason),
  uV: () => (/* binding */ withNoDataReason)
});

// UNUSED EXPORTS: explainNoData, upQueryOf

// EXTERNAL MODULE: ./src/model/builtins.ts
var builtins = __webpack_require__(87333);
// EXTERNAL MODULE: ./src/prometheus/measure.ts
var measure = __webpack_require__(9160);
;// CONCATENATED MODULE: ./src/prometheus/vector-selectors.ts
/**
 * Finds the vector selectors of a PromQL query (`metric{label="v"}`, `{job="x"}`), as far as the no-data explanation
 * needs them: the metric name and the label matchers as written. A light tokenizer, not a parser: strings, comments,
 * `[…]` ranges, function calls, keywords and the label lists of `by`/`without`/`on`/`ignoring`/`group_*` are skipped.
 * Returns undefined for anything it cannot read with certainty, so a caller never explains with the wrong matchers.
 */
/** Keywords and aggregation operators: never a metric name (PromQL keywords are case-insensitive). */
const KEYWORDS = new Set([
    'and', 'or', 'unless', 'bool', 'offset', 'atan2', 'inf', 'nan',
    'sum', 'min', 'max', 'avg', 'group', 'stddev', 'stdvar', 'count', 'count_values', 'bottomk', 'topk',
    'quantile', 'limitk', 'limit_ratio',
]); // prettier-ignore
/** Keywords followed by a parenthesised list of label names. */
const GROUPING = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right']);
const IDENT_START = /[a-zA-Z_:]/;
const IDENT_CHAR = /[a-zA-Z0-9_:]/;
const MATCHER = /^([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`)$/s;
function vectorSelectors(query) {
    const out = [];
    let i = 0;
    const skipSpace = () => {
        while (i < query.length) {
            if (/\s/.test(query[i]))
                i++;
            else if (query[i] === '#')
                while (i < query.length && query[i] !== '\n')
                    i++;
            else
                break;
        }
    };
    while (i < query.length) {
        const c = query[i];
        if (c === '"' || c === "'" || c === '`') {
            const end = stringEnd(query, i);
            if (end === undefined)
                return undefined;
            i = end;
        }
        else if (c === '#' || /\s/.test(c)) {
            skipSpace();
        }
        else if (c === '[') {
            const end = query.indexOf(']', i);
            if (end < 0)
                return undefined;
            i = end + 1;
        }
        else if (c === '{') {
            const block = braces(query, i);
            if (block === undefined)
                return undefined;
            out.push(block.selector);
            i = block.end;
        }
        else if (/[0-9.]/.test(c)) {
            while (i < query.length && /[0-9a-zA-Z_.]/.test(query[i]))
                i++; // numbers, durations, 0x…, 1e3
        }
        else if (IDENT_START.test(c)) {
            const start = i;
            while (i < query.length && IDENT_CHAR.test(query[i]))
                i++;
            const word = query.slice(start, i);
            skipSpace();
            const next = query[i];
            const lower = word.toLowerCase();
            if (GROUPING.has(lower)) {
                if (next !== '(')
                    continue;
                const end = query.indexOf(')', i);
                if (end < 0)
                    return undefined;
                i = end + 1;
            }
            else if (next === '(' || KEYWORDS.has(lower)) {
                continue; // a function call or a keyword
            }
            else if (next === '{') {
                const block = braces(query, i);
                if (block === undefined)
                    return undefined;
                out.push({ ...block.selector, name: word });
                i = block.end;
            }
            else {
                out.push({ name: word, matchers: [] });
            }
        }
        else {
            i++;
        }
    }
    return out;
}
/** The `up` query on the matchers of a query's only vector selector; undefined when it has none or several. */
function upOnOwnMatchers(query) {
    const selectors = vectorSelectors(query);
    if (selectors?.length !== 1)
        return undefined;
    const [only] = selectors;
    return only.matchers.length === 0 ? 'up' : `up{${only.matchers.join(',')}}`;
}
/** The index just past the string literal starting at `start`; undefined when it is not closed. */
function stringEnd(text, start) {
    const quote = text[start];
    for (let i = start + 1; i < text.length; i++) {
        if (text[i] === '\\' && quote !== '`')
            i++;
        else if (text[i] === quote)
            return i + 1;
    }
    return undefined;
}
/** The matchers of the `{…}` starting at `start`. */
function braces(text, start) {
    const parts = [];
    let part = '';
    for (let i = start + 1; i < text.length; i++) {
        const c = text[i];
        if (c === '"' || c === "'" || c === '`') {
            const end = stringEnd(text, i);
            if (end === undefined)
                return undefined;
            part += text.slice(i, end);
            i = end - 1;
        }
        else if (c === ',' || c === '}') {
            if (part.trim() !== '')
                parts.push(part.trim());
            part = '';
            if (c === '}')
                return toSelector(parts, i + 1);
        }
        else {
            part += c;
        }
    }
    return undefined;
}
function toSelector(parts, end) {
    const matchers = [];
    let name;
    for (const part of parts) {
        const m = MATCHER.exec(part);
        if (!m)
            return undefined; // a quoted label name, a bare "metric" (Prometheus 3): not read
        if (m[1] === '__name__') {
            if (m[2] !== '=')
                return undefined;
            name = m[3].slice(1, -1);
            continue;
        }
        matchers.push(`${m[1]}${m[2]}${m[3]}`);
    }
    return { selector: name === undefined ? { matchers } : { name, matchers }, end };
}

;// CONCATENATED MODULE: ./src/prometheus/no-data.ts
/**
 * SPEC §2: when a metric check gets no data, the reason says why, from one extra query of `up` on the check's
 * selector (`up{SEL}` for built-ins; for a `query` check, `up` on the matchers of its only vector selector, else
 * nothing): the target is down (`up` 0), no target matches the selector, or the target is up but does not export the
 * metric. The word "breach" is never used for missing data.
 */



/** The `up` query that explains missing data for `spec`; undefined when there is none (several selectors). */
function upQueryOf(spec) {
    if (spec.builtin !== undefined)
        return (0,builtins/* builtinQuery */.S)('up', spec.selector ?? '');
    return upOnOwnMatchers(spec.query);
}
/** Why `upQuery` found nothing to measure, from its answer. */
function explainNoData(upQuery, up) {
    if (up.length === 0)
        return `no target matches the selector (${upQuery} is empty)`;
    const down = up.filter((s) => s.value === 0);
    const targets = (series) => {
        const first = series[0];
        if (first === undefined)
            return '';
        const more = series.length > 1 ? ` (+${series.length - 1} more)` : '';
        return `${(0,measure/* labelText */.QK)(targetLabels(first.labels))}${more}`;
    };
    if (down.length === up.length) {
        const who = down.length === 1 ? 'the target is down' : `all ${down.length} targets are down`;
        return `${who} (up 0 on ${targets(down)})`;
    }
    const live = up.filter((s) => s.value !== 0);
    const exports = live.length === 1 ? 'is up but does not export the metric' : 'are up but do not export the metric';
    const subject = live.length === 1 ? 'the target' : `${live.length} targets`;
    const upPart = `${subject} ${exports} (up 1 on ${targets(live)})`;
    if (down.length === 0)
        return upPart;
    return `${down.length} of ${up.length} targets down (up 0 on ${targets(down)}); ${upPart}`;
}
/** The explanation of an empty result of `spec`, or undefined when there is no `up` query for it or it failed. */
async function noDataReason(spec, client, signal) {
    const upQuery = upQueryOf(spec);
    if (upQuery === undefined)
        return undefined;
    try {
        const up = await client.query(upQuery, signal === undefined ? {} : { signal });
        return explainNoData(upQuery, up.series);
    }
    catch (err) {
        if (signal?.aborted === true)
            throw err;
        return undefined;
    }
}
/**
 * `measured` with the reason of an empty result explained; anything else, or an explanation that cannot be had
 * (no `up` query for this check, the `up` query failed), is returned as it is. Aborts propagate.
 */
async function withNoDataReason(measured, series, spec, client, signal) {
    if (measured.outcome !== 'no-data' || series.length > 0)
        return measured;
    const why = await noDataReason(spec, client, signal);
    return why === undefined ? measured : { ...measured, reason: `no series matched: ${why}` };
}
/** `instance` and `job` when the series has them (what names a scrape target), else all its labels. */
function targetLabels(labels) {
    const picked = Object.fromEntries(Object.entries(labels).filter(([name]) => name === 'instance' || name === 'job'));
    return Object.keys(picked).length > 0 ? picked : labels;
}


/***/ }),

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

/***/ 29148:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ renderServices)
/* harmony export */ });
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(54285);
/**
 * The summary's Services section (SPEC §2 "Service checks", evidence): per service the convention found, the metric
 * names it was recognised by, other layers under the selector, why there is no latency check, what to know, and the
 * three queries. Names come from the monitored server: they go through the markdown helpers like every outside value.
 */

function renderServices(services) {
    if (services.length === 0)
        return '';
    const rows = services.map((s) => [
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeCell */ .kq)(s.service),
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .codeCell */ .MZ)(s.selector),
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeCell */ .kq)(s.title ?? '—'),
        s.recognisedBy.length === 0 ? '—' : s.recognisedBy.map((n) => (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .codeCell */ .MZ)(n)).join(', '),
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeCell */ .kq)(s.problem ?? notes(s)),
    ]);
    const parts = [
        '#### Services',
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(['Service', 'Selector', 'Convention', 'Recognised by', 'Notes'], rows),
    ];
    const queries = services.filter((s) => s.queries !== undefined);
    if (queries.length > 0) {
        const blocks = queries.map((s) => {
            const q = s.queries;
            const lines = [`traffic: ${q.traffic}`, `errors:  ${q.errors}`, `latency: ${q.latency ?? '(none)'}`];
            return `**${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeCell */ .kq)(s.service)}** (with rate-window; each round's range grows from the deploy's start)\n\n${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .fence */ .EU)(lines.join('\n'), 'promql')}`;
        });
        parts.push((0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .details */ .zH)('Service queries', blocks.join('\n\n')));
    }
    return parts.join('\n\n');
}
function notes(s) {
    const out = [];
    if (s.attempts !== undefined)
        out.push(`detected at attempt ${s.attempts} (the metadata request failed before)`);
    if (s.noLatency !== undefined)
        out.push(`no latency check: ${s.noLatency}`);
    if (s.otherLayers.length > 0)
        out.push(`also present, not used: ${s.otherLayers.join(', ')}`);
    out.push(...s.pitfalls);
    return out.join('; ') || '—';
}


/***/ }),

/***/ 14061:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   To: () => (/* binding */ CONVENTION_IDS),
/* harmony export */   _f: () => (/* binding */ conventionById),
/* harmony export */   yh: () => (/* binding */ CATALOGUE)
/* harmony export */ });
/**
 * The catalogue of HTTP request-metric conventions (SPEC §2 "Service checks"): one row per convention — how it is
 * recognised from the metric and label names under a selector, which series give its traffic, 5xx ratio and p95 (in
 * seconds), and what to know about it. Every name and literal here is fixed; nothing read from a server is ever put in
 * a query (services/queries.ts builds them). Sources: docs/services.md and ../shared/research/red-metrics.md.
 *
 * Rows are in recognition order: the service's own instrumentation first (vLLM before the FastAPI instrumentator
 * that serves its HTTP metrics), the proxies last, so an app behind a proxy is judged by its own metrics.
 */
const HISTOGRAM_OFF = (how) => `no duration histogram is exported: ${how}`;
const CATALOGUE = [
    {
        id: 'vllm',
        title: 'vLLM',
        names: [
            {
                requests: 'vllm:request_success_total',
                bucket: 'vllm:e2e_request_latency_seconds_bucket',
                unit: 'seconds',
            },
        ],
        errors: 'finished_reason=~"abort|error"',
        noLatency: HISTOGRAM_OFF('vllm:e2e_request_latency_seconds is missing (a vLLM before the V1 engine?)'),
        pitfalls: [
            'errors are requests finished as abort or error among all finished; abort is mostly a client cancelling',
            'vLLM also serves prometheus-fastapi-instrumentator http_* metrics on the same /metrics; the engine’s own are used',
        ],
    },
    {
        id: 'spring-micrometer',
        title: 'Spring Boot / Micrometer',
        names: [
            {
                requests: 'http_server_requests_seconds_count',
                bucket: 'http_server_requests_seconds_bucket',
                unit: 'seconds',
            },
        ],
        filter: 'uri!="/actuator/prometheus"',
        errors: 'status=~"5.."',
        noLatency: HISTOGRAM_OFF('set management.metrics.distribution.percentiles-histogram.http.server.requests=true (a Micrometer timer has no buckets by default, and its percentiles cannot be aggregated)'),
        pitfalls: [
            'the scrape of /actuator/prometheus is counted by Micrometer and left out',
            'status="UNKNOWN" when no response was created',
        ],
    },
    {
        id: 'opentelemetry',
        title: 'OpenTelemetry HTTP server (stable semantic conventions)',
        names: [
            {
                requests: 'http_server_request_duration_seconds_count',
                bucket: 'http_server_request_duration_seconds_bucket',
                unit: 'seconds',
            },
            // The JS Prometheus exporter does not add unit suffixes.
            {
                requests: 'http_server_request_duration_count',
                bucket: 'http_server_request_duration_bucket',
                unit: 'seconds',
            },
        ],
        errors: 'http_response_status_code=~"5.."',
        noLatency: HISTOGRAM_OFF('the exporter sent no _bucket series (an exponential histogram?)'),
        pitfalls: [
            'older instrumentations emit http.server.duration in ms unless OTEL_SEMCONV_STABILITY_OPT_IN=http',
        ],
    },
    {
        id: 'opentelemetry-old',
        title: 'OpenTelemetry HTTP server (old semantic conventions, milliseconds)',
        names: [
            {
                requests: 'http_server_duration_milliseconds_count',
                bucket: 'http_server_duration_milliseconds_bucket',
                unit: 'milliseconds',
            },
            { requests: 'http_server_duration_count', bucket: 'http_server_duration_bucket', unit: 'milliseconds' },
        ],
        errors: 'http_status_code=~"5.."',
        noLatency: HISTOGRAM_OFF('the exporter sent no _bucket series'),
        pitfalls: [
            'milliseconds: the p95 is divided by 1000',
            'OTEL_SEMCONV_STABILITY_OPT_IN=http moves to the stable names',
        ],
    },
    {
        id: 'django-prometheus',
        title: 'django-prometheus',
        names: [
            {
                requests: 'django_http_responses_total_by_status_total',
                bucket: 'django_http_requests_latency_including_middlewares_seconds_bucket',
                unit: 'seconds',
            },
        ],
        errors: 'status=~"5.."',
        noLatency: HISTOGRAM_OFF('django_http_requests_latency_including_middlewares_seconds is missing'),
        pitfalls: [
            'counters carry a doubled _total (django_http_responses_total_by_status_total)',
            'the scrapes of /metrics are counted as answers (0.067 req/s at a 15 s scrape interval): set min-traffic above that',
        ],
    },
    {
        id: 'starlette-exporter',
        title: 'starlette_exporter',
        names: [
            {
                requests: 'starlette_requests_total',
                bucket: 'starlette_request_duration_seconds_bucket',
                unit: 'seconds',
            },
        ],
        errors: 'status_code=~"5.."',
        noLatency: HISTOGRAM_OFF('starlette_request_duration_seconds is missing'),
        pitfalls: ['the starlette_ prefix changes with prefix=; another prefix is not recognised'],
    },
    {
        id: 'flask-exporter',
        title: 'prometheus-flask-exporter',
        names: [
            {
                requests: 'flask_http_request_total',
                bucket: 'flask_http_request_duration_seconds_bucket',
                unit: 'seconds',
            },
            // defaults_prefix=NO_PREFIX: the singular `http_request_total`.
            { requests: 'http_request_total', bucket: 'http_request_duration_seconds_bucket', unit: 'seconds' },
        ],
        errors: 'status=~"5.."',
        noLatency: HISTOGRAM_OFF('default_latency_as_histogram=False exports a summary; set it to True'),
        pitfalls: ['the counter is singular: http_request_total'],
    },
    {
        id: 'fastapi-instrumentator',
        title: 'prometheus-fastapi-instrumentator',
        names: [
            {
                requests: 'http_requests_total',
                bucket: 'http_request_duration_highr_seconds_bucket',
                unit: 'seconds',
            },
            // Without the high-resolution histogram: buckets 0.1, 0.5, 1 — a p95 above 1 s reads 1.
            { requests: 'http_requests_total', bucket: 'http_request_duration_seconds_bucket', unit: 'seconds' },
        ],
        labels: ['handler', 'status'],
        errors: 'status=~"5.."',
        noLatency: HISTOGRAM_OFF('add metrics.default() or latency() to the Instrumentator'),
        pitfalls: [
            'status is grouped ("5xx")',
            'without http_request_duration_highr_seconds the buckets are 0.1, 0.5, 1: a p95 above 1 s reads 1',
        ],
    },
    {
        id: 'fastify-metrics',
        title: 'fastify-metrics',
        names: [
            {
                requests: 'http_request_duration_seconds_count',
                bucket: 'http_request_duration_seconds_bucket',
                unit: 'seconds',
            },
        ],
        labels: ['status_code', 'route'],
        // fastify-metrics counts the scrapes of its own /metrics route (seen with fastify-metrics 14.1.0).
        filter: 'route!="/metrics"',
        errors: 'status_code=~"5.."',
        noLatency: HISTOGRAM_OFF('the route histogram is off (routeMetrics.routeHistogram)'),
        pitfalls: ['only registered routes are counted (registeredRoutesOnly)', 'the /metrics route is left out'],
    },
    {
        id: 'express-prom-bundle',
        title: 'express-prom-bundle',
        names: [
            {
                requests: 'http_request_duration_seconds_count',
                bucket: 'http_request_duration_seconds_bucket',
                unit: 'seconds',
            },
        ],
        labels: ['status_code'],
        withoutLabels: ['route'],
        errors: 'status_code=~"5.."',
        noLatency: HISTOGRAM_OFF("metricType: 'summary' exports no buckets; use the default histogram"),
        pitfalls: [
            'default buckets 0.003, 0.03, 0.1, 0.3, 1.5, 10: a p95 between 1.5 s and 10 s reads as an interpolation',
            'status_code 499: the client closed before the answer',
        ],
    },
    {
        id: 'go-promhttp',
        title: 'Go client_golang promhttp',
        names: [
            { requests: 'http_requests_total', bucket: 'http_request_duration_seconds_bucket', unit: 'seconds' },
            // InstrumentHandlerDuration alone: its histogram counts the requests.
            {
                requests: 'http_request_duration_seconds_count',
                bucket: 'http_request_duration_seconds_bucket',
                unit: 'seconds',
            },
        ],
        labels: ['code'],
        errors: 'code=~"5.."',
        noLatency: HISTOGRAM_OFF('wrap the handler with promhttp.InstrumentHandlerDuration'),
        pitfalls: ['promhttp_metric_handler_requests_total counts scrapes of /metrics, not the app’s requests'],
    },
    {
        id: 'prometheus-naming',
        title: 'By hand, as the Prometheus naming guide names them (http_requests_total{status})',
        names: [
            { requests: 'http_requests_total', bucket: 'http_request_duration_seconds_bucket', unit: 'seconds' },
        ],
        labels: ['status'],
        withoutLabels: ['handler', 'code'],
        errors: 'status=~"5.."',
        noLatency: HISTOGRAM_OFF('add a Histogram http_request_duration_seconds'),
        pitfalls: [
            'a status label of another name is not recognised: name it status (or code, as promhttp does)',
        ],
    },
    {
        id: 'istio',
        title: 'Istio',
        names: [
            {
                requests: 'istio_requests_total',
                bucket: 'istio_request_duration_milliseconds_bucket',
                unit: 'milliseconds',
            },
        ],
        filter: 'reporter="destination"',
        errors: 'response_code=~"5.."',
        noLatency: HISTOGRAM_OFF('istio_request_duration_milliseconds is missing'),
        pitfalls: ['the destination reporter only: each request is also reported by its source'],
    },
    {
        id: 'linkerd',
        title: 'Linkerd proxy',
        names: [{ requests: 'response_total', bucket: 'response_latency_ms_bucket', unit: 'milliseconds' }],
        labels: ['direction', 'classification'],
        filter: 'direction="inbound"',
        errors: 'classification="failure"',
        noLatency: HISTOGRAM_OFF('response_latency_ms is missing'),
        pitfalls: ['inbound only (the server’s view); latency is time to first byte'],
    },
    {
        id: 'envoy',
        title: 'Envoy',
        names: [
            {
                requests: 'envoy_cluster_upstream_rq_xx',
                bucket: 'envoy_cluster_upstream_rq_time_bucket',
                unit: 'milliseconds',
            },
            // Istio's Envoy extracts the class as response_code_class="5xx" on envoy_cluster_upstream_rq (a real Istio 1.11
            // capture, __tests__/fixtures/red).
            {
                requests: 'envoy_cluster_upstream_rq',
                bucket: 'envoy_cluster_upstream_rq_time_bucket',
                unit: 'milliseconds',
                errors: 'response_code_class="5xx"',
            },
        ],
        errors: 'envoy_response_code_class="5"',
        noLatency: HISTOGRAM_OFF('envoy_cluster_upstream_rq_time is missing'),
        pitfalls: ['the response class is one digit ("5"), not "5xx"', 'the upstream (cluster) view only'],
    },
    {
        id: 'ingress-nginx',
        title: 'ingress-nginx',
        names: [
            {
                requests: 'nginx_ingress_controller_requests',
                bucket: 'nginx_ingress_controller_request_duration_seconds_bucket',
                unit: 'seconds',
            },
        ],
        errors: 'status=~"5.."',
        noLatency: HISTOGRAM_OFF('nginx_ingress_controller_request_duration_seconds is missing'),
        pitfalls: ['the duration HELP text says milliseconds; the values are seconds'],
    },
    {
        id: 'traefik',
        title: 'Traefik',
        names: [
            {
                requests: 'traefik_service_requests_total',
                bucket: 'traefik_service_request_duration_seconds_bucket',
                unit: 'seconds',
            },
            // Service metrics off: the entry points' (seen in a real Traefik v2.2 capture, __tests__/fixtures/red).
            {
                requests: 'traefik_entrypoint_requests_total',
                bucket: 'traefik_entrypoint_request_duration_seconds_bucket',
                unit: 'seconds',
            },
        ],
        errors: 'code=~"5.."',
        noLatency: HISTOGRAM_OFF('traefik_service_request_duration_seconds is missing'),
        pitfalls: ['default buckets 0.1, 0.3, 1.2, 5: a p95 reads at most 1.2 s unless the buckets are widened'],
    },
    {
        id: 'haproxy',
        title: 'HAProxy (built-in exporter)',
        names: [
            {
                requests: 'haproxy_backend_http_requests_total',
                responses: 'haproxy_backend_http_responses_total',
            },
        ],
        errors: 'code="5xx"',
        noLatency: 'HAProxy exports no duration histogram, only averages over the last 1024 requests, so there is no p95 to judge',
        pitfalls: ['the backend view; frontend and backend are never added together'],
    },
    {
        id: 'caddy',
        title: 'Caddy',
        names: [
            {
                requests: 'caddy_http_request_duration_seconds_count',
                bucket: 'caddy_http_request_duration_seconds_bucket',
                unit: 'seconds',
            },
        ],
        errors: 'code=~"5.."',
        noLatency: HISTOGRAM_OFF('enable metrics in the http app'),
        pitfalls: [
            'caddy_http_requests_total has no status code; the duration histogram’s count is used',
            'Caddy before 2.7 recorded a request once per handler (subroute and reverse_proxy): its traffic reads high',
        ],
    },
];
const CONVENTION_IDS = CATALOGUE.map((c) => c.id);
function conventionById(id) {
    return CATALOGUE.find((c) => c.id === id);
}


/***/ }),

/***/ 54532:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dp: () => (/* binding */ checkQuery),
/* harmony export */   Zd: () => (/* binding */ rangeSinceDeployMs),
/* harmony export */   iw: () => (/* binding */ serviceQueries)
/* harmony export */ });
/** `{__name__=~"(?:[a-zA-Z_][a-zA-Z0-9_]*_)?name",…}` for a prefixed name, else `name{…}`. */
function series(name, prefixed, matchers) {
    const m = matchers.filter((x) => x !== '');
    if (prefixed) {
        // Catalogue names are [a-zA-Z0-9_:] only (tested), so the name needs no escaping in the pattern.
        const pattern = `(?:[a-zA-Z_][a-zA-Z0-9_]*_)?${name}`;
        return `{${[`__name__=~"${pattern}"`, ...m].join(',')}}`;
    }
    return m.length === 0 ? name : `${name}{${m.join(',')}}`;
}
/**
 * `selector` has been validated as label matchers (model/selector.ts), `rangeText` is a Prometheus duration
 * (`5m`, `90s`), `quantile` a number in (0, 1).
 */
function serviceQueries(d, selector, rangeText, quantile) {
    const base = [d.convention.filter ?? '', selector];
    const rate = (name, extra = '') => `sum(rate(${series(name, d.prefixed, [...base, extra])}[${rangeText}]))`;
    const answers = d.names.responses ?? d.names.requests;
    const traffic = rate(d.names.requests);
    const errors = `(${rate(answers, d.names.errors ?? d.convention.errors)} or vector(0)) / ${rate(answers)}`;
    if (!d.hasLatency || d.names.bucket === undefined)
        return { traffic, errors };
    const buckets = `sum by (le) (rate(${series(d.names.bucket, d.prefixed, base)}[${rangeText}]))`;
    const p = `histogram_quantile(${quantile}, ${buckets})`;
    return { traffic, errors, latency: d.names.unit === 'milliseconds' ? `${p} / 1000` : p };
}
/** A service check's own query (its signal's), over `rangeText` (default: the rate-window, as the baseline reads it). */
function checkQuery(d, b, rangeText = b.rateWindowText) {
    return serviceQueries(d, b.selector, rangeText, b.quantile)[b.signal];
}
/**
 * The range of `rate()` in a round during the gate: the time since the deploy started, at least
 * min(rate-window, 1m) and at most rate-window, in whole seconds — so right after a restart the new release's
 * requests are not diluted by a window of the old one's.
 */
function rangeSinceDeployMs(nowMs, deployStartMs, rateWindowMs) {
    const floor = Math.min(rateWindowMs, 60_000);
    const since = Math.round((nowMs - deployStartMs) / 1000) * 1000;
    return Math.min(rateWindowMs, Math.max(floor, since));
}


/***/ }),

/***/ 21466:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  jJ: () => (/* binding */ detectService),
  Xi: () => (/* binding */ detectionProblem),
  X1: () => (/* binding */ evidenceOf),
  bs: () => (/* binding */ resolveServices)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/services/catalogue.ts
var catalogue = __webpack_require__(14061);
;// CONCATENATED MODULE: ./src/services/detect.ts
/**
 * Which convention a service uses (SPEC §2 "Service checks", detection), from the metric names found under its
 * selector and, when a name is shared by several conventions, the label names of those series. Pure: the two
 * requests are made by gate/service-checks.ts and validate. Most specific row first (catalogue order); a name matches
 * a catalogue name exactly or behind a namespace prefix (`myapp_http_requests_total`). The first convention present
 * is the service's own; any other present is a layer named in the report, never added in.
 */

/** A namespace prefix a library may put before its names: `^[a-zA-Z_][a-zA-Z0-9_]*_`. */
const PREFIX = /^[a-zA-Z_][a-zA-Z0-9_]*_$/;
/** Whether `found` is `name` or `<prefix>_name`. */
function matchesName(found, name) {
    if (found === name)
        return 'exact';
    if (found.length > name.length && found.endsWith(name) && PREFIX.test(found.slice(0, -name.length)))
        return 'prefixed';
    return undefined;
}
function present(found, name) {
    let prefixed;
    for (const f of found) {
        const how = matchesName(f, name);
        if (how === 'exact')
            return { how, as: f };
        if (how === 'prefixed')
            prefixed ??= f;
    }
    return prefixed === undefined ? undefined : { how: 'prefixed', as: prefixed };
}
/**
 * The catalogue's request metrics, among those found, whose convention is told apart by labels: the one labels
 * request asks about exactly these (fixed names), or is not made when the list is empty.
 */
function namesNeedingLabels(found) {
    const out = new Set();
    for (const c of catalogue/* CATALOGUE */.yh) {
        if (c.labels === undefined && c.withoutLabels === undefined)
            continue;
        for (const n of c.names)
            if (present(found, n.requests) !== undefined)
                out.add(n.requests);
    }
    return [...out];
}
/** `found`: metric names under the selector; `labels`: label names of the `namesNeedingLabels` series (if asked). */
function detect(found, labels) {
    const matches = [];
    for (const convention of catalogue/* CATALOGUE */.yh) {
        const m = matchConvention(convention, found, labels);
        if (m !== undefined)
            matches.push(m);
    }
    // A name found as it is beats one found behind a prefix: `caddy_http_requests_total` is Caddy's own name, not Go's
    // `http_requests_total` behind a `caddy_` namespace (seen in a real Caddy capture).
    matches.sort((a, b) => Number(a.prefixed) - Number(b.prefixed));
    const [own, ...others] = matches;
    if (own === undefined)
        return { kind: 'unknown', lookalikes: lookalikes(found) };
    // A layer found only behind a prefix beside an own convention found as it is is a guess, not a layer.
    const otherLayers = others
        .filter((o) => own.prefixed || !o.prefixed)
        .map((o) => o.convention)
        .filter((c) => c.id !== own.convention.id);
    return { kind: 'found', ...own, otherLayers };
}
/** A convention named in the config (`convention: go-promhttp`) still needs its series: the first naming present. */
function resolveNamed(convention, found) {
    const m = matchConvention({ ...convention, labels: undefined, withoutLabels: undefined }, found, undefined);
    if (m === undefined)
        return { kind: 'unknown', lookalikes: lookalikes(found) };
    return { kind: 'found', ...m, convention, otherLayers: [] };
}
function matchConvention(convention, found, labels) {
    if (convention.labels !== undefined || convention.withoutLabels !== undefined) {
        if (labels === undefined)
            return undefined;
        if (convention.labels?.some((l) => !labels.has(l)) === true)
            return undefined;
        if (convention.withoutLabels?.some((l) => labels.has(l)) === true)
            return undefined;
    }
    for (const names of convention.names) {
        const requests = present(found, names.requests);
        const responses = names.responses === undefined ? undefined : present(found, names.responses);
        if (requests === undefined || (names.responses !== undefined && responses === undefined))
            continue;
        const bucket = names.bucket === undefined ? undefined : present(found, names.bucket);
        // A naming whose histogram is missing gives way to a later naming of the same convention that has one.
        const later = convention.names.slice(convention.names.indexOf(names) + 1);
        if (bucket === undefined &&
            later.some((n) => present(found, n.requests) !== undefined && n.bucket && present(found, n.bucket)))
            continue;
        const recognisedBy = [requests.as, responses?.as, bucket?.as].filter((x) => x !== undefined);
        return {
            convention,
            names,
            prefixed: requests.how === 'prefixed',
            hasLatency: bucket !== undefined,
            recognisedBy,
            otherLayers: [],
        };
    }
    return undefined;
}
/** Runtime and scrape metrics every client library exports: never request metrics. */
const RUNTIME = /^(process_|go_|python_|nodejs_|jvm_|scrape_|promhttp_|prometheus_|target_info$|up$)/;
/**
 * Up to 10 names that look like request metrics (counters, histograms, or named for requests), for a service nothing
 * was recognised under: the reason shows the user what is there.
 */
function lookalikes(found) {
    return found
        .filter((n) => !RUNTIME.test(n))
        .filter((n) => /request|http|response|_rq_|latency|duration|(_total|_count|_bucket)$/i.test(n))
        .slice(0, 10);
}

// EXTERNAL MODULE: ./src/services/queries.ts
var queries = __webpack_require__(54532);
;// CONCATENATED MODULE: ./src/services/resolve.ts




/** The names under a service's selector over its last rate-window, and the labels request when a name needs it. */
async function detectService(client, spec, endMs, signal) {
    const b = spec.service;
    const window = {
        start: new Date(endMs - b.rateWindowMs),
        end: new Date(endMs),
        ...(signal ? { signal } : {}),
    };
    const found = await client.metricNames(`{${b.selector}}`, window);
    if (b.convention !== 'auto')
        return resolveNamed((0,catalogue/* conventionById */._f)(b.convention), found);
    const ambiguous = namesNeedingLabels(found);
    if (ambiguous.length === 0)
        return detect(found);
    // Fixed catalogue names only: `found` never reaches the query.
    const match = `{__name__=~"(?:[a-zA-Z_][a-zA-Z0-9_]*_)?(?:${ambiguous.join('|')})",${b.selector}}`;
    return detect(found, new Set(await client.labelNames(match, window)));
}
function evidenceOf(spec, d) {
    const b = spec.service;
    const base = { service: b.service, selector: b.selector };
    if (d.kind === 'unknown') {
        const names = d.lookalikes.length > 0 ? `: found ${d.lookalikes.join(', ')}` : '';
        return {
            ...base,
            recognisedBy: [],
            otherLayers: [],
            pitfalls: [],
            problem: `no known HTTP metrics under ${b.selector}${names}`,
        };
    }
    return {
        ...base,
        convention: d.convention.id,
        title: d.convention.title,
        recognisedBy: d.recognisedBy,
        otherLayers: d.otherLayers.map((c) => c.title),
        queries: (0,queries/* serviceQueries */.iw)(d, b.selector, b.rateWindowText, b.quantile),
        ...(d.hasLatency ? {} : { noLatency: d.convention.noLatency }),
        pitfalls: d.convention.pitfalls,
    };
}
/** Why a service is not detected when its request failed; `attempts` counts the detections made. */
function detectionProblem(err, attempts = 1) {
    const made = attempts > 1 ? ` (${attempts} attempts)` : '';
    return `service detection failed${made}: ${(0,errors/* errorMessage */.gJ)(err) || 'metadata request failed'}`;
}
/** Detects every service of `checks` concurrently, as of `nowMs`. */
async function resolveServices(client, checks, nowMs, signal) {
    const first = new Map();
    for (const c of checks) {
        if (c.kind === 'metric' && c.service && !first.has(c.service.service))
            first.set(c.service.service, c);
    }
    const detected = new Map();
    const evidence = new Map();
    await Promise.all([...first.values()].map(async (spec) => {
        const b = spec.service;
        try {
            const d = await detectService(client, spec, nowMs, signal);
            detected.set(b.service, d);
            evidence.set(b.service, evidenceOf(spec, d));
        }
        catch (err) {
            if (signal?.aborted === true)
                throw err;
            const problem = detectionProblem(err);
            detected.set(b.service, new Error(problem));
            evidence.set(b.service, {
                service: b.service,
                selector: b.selector,
                recognisedBy: [],
                otherLayers: [],
                pitfalls: [],
                problem,
            });
        }
    }));
    const resolved = checks.flatMap((c) => {
        if (c.kind !== 'metric' || c.service === undefined)
            return [c];
        const d = detected.get(c.service.service);
        if (d === undefined || d instanceof Error || d.kind === 'unknown')
            return [c];
        const query = (0,queries/* checkQuery */.Dp)(d, c.service);
        // No duration histogram: no latency check; the evidence says why and how to turn it on.
        return query === undefined ? [] : [{ ...c, query }];
    });
    return { detected, evidence: [...first.keys()].map((k) => evidence.get(k)), checks: resolved };
}


/***/ })

};

//# sourceMappingURL=314.index.js.map