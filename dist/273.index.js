export const id = 273;
export const ids = [273];
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

/***/ 50273:
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











/** `problems`: what reading the settings found; validate reports them all and still runs the valid queries. */
async function runValidateMode(settings, problems, deps) {
    const ctx = (0,context/* readRunContext */.$)(deps.env);
    const startedAt = new Date(deps.clock.now()).toISOString();
    const prometheus = settings.prometheus ? await deps.prometheus(settings.prometheus) : undefined;
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
                return { ok: false, kind, message: (0,src_errors/* errorMessage */.gJ)(err) };
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
    const summary = renderValidateSummary(result, {
        configFile: settings.configFile?.path,
        checks: settings.checks.length,
    });
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
            reportJson: (0,json/* renderReportJson */.B)((0,redact/* redact */.E$)(validateReport(result, settings, ctx, { startedAt, finishedAt }), settings.secrets)),
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
function validateReport(result, settings, ctx, { startedAt, finishedAt }) {
    return {
        version: 1,
        mode: 'validate',
        verdict: result.verdict,
        environment: settings.environment,
        sha: ctx.headSha,
        run: { id: ctx.runId, attempt: ctx.runAttempt, url: ctx.runUrl },
        startedAt,
        finishedAt,
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