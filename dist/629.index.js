export const id = 629;
export const ids = [629];
export const modules = {

/***/ 60629:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Iv: () => (/* binding */ measureAlerts),
/* harmony export */   _F: () => (/* binding */ decodeAlertsAnswer)
/* harmony export */ });
/* unused harmony exports matchesAll, alertText */
/* harmony import */ var _measure_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9160);
/* harmony import */ var _response_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(52617);
/* harmony import */ var _model_selector_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(29276);



function decodeAlertsAnswer(answer) {
    const { value } = (0,_response_js__WEBPACK_IMPORTED_MODULE_1__/* .decodeEnvelope */ .vw)(answer);
    if (!(0,_response_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(value) || !Array.isArray(value.alerts))
        throw (0,_response_js__WEBPACK_IMPORTED_MODULE_1__/* .unexpected */ .os)('"data.alerts" is not an array');
    return value.alerts.map((alert) => {
        if (!(0,_response_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(alert))
            throw (0,_response_js__WEBPACK_IMPORTED_MODULE_1__/* .unexpected */ .os)('an alert is not an object');
        if (typeof alert.state !== 'string')
            throw (0,_response_js__WEBPACK_IMPORTED_MODULE_1__/* .unexpected */ .os)('an alert has no "state"');
        const activeAt = typeof alert.activeAt === 'string' ? { activeAt: alert.activeAt } : {};
        return { labels: (0,_response_js__WEBPACK_IMPORTED_MODULE_1__/* .decodeLabels */ .IR)(alert.labels ?? {}), state: alert.state, ...activeAt };
    });
}
/** Whether `labels` satisfy every matcher (a missing label is the empty string, as in PromQL). */
function matchesAll(labels, matchers) {
    return matchers.every((m) => {
        const value = labels[m.label] ?? '';
        switch (m.op) {
            case '=':
                return value === m.value;
            case '!=':
                return value !== m.value;
            case '=~':
                return (0,_model_selector_js__WEBPACK_IMPORTED_MODULE_2__/* .matcherRegex */ .kB)(m.value).test(value);
            case '!~':
                return !(0,_model_selector_js__WEBPACK_IMPORTED_MODULE_2__/* .matcherRegex */ .kB)(m.value).test(value);
        }
    });
}
function measureAlerts({ spec, alerts, cutoffMs, at }) {
    const matchers = spec.selector === 'all' ? [] : (0,_model_selector_js__WEBPACK_IMPORTED_MODULE_2__/* .parseSelector */ .Pl)(spec.selector);
    const counted = alerts.filter((a) => (a.state === 'firing' || (spec.includePending && a.state === 'pending')) &&
        matchesAll(a.labels, matchers));
    // The labels that tell an alert apart from the other alerts of its rule (alertname already does the rest).
    const byName = new Map();
    for (const a of counted) {
        const name = a.labels.alertname ?? '';
        byName.set(name, [...(byName.get(name) ?? []), { labels: a.labels, value: 1 }]);
    }
    const seen = counted.map((a) => {
        const activeMs = a.activeAt === undefined ? Number.NaN : Date.parse(a.activeAt);
        const { alertname: _name, ...rest } = (0,_measure_js__WEBPACK_IMPORTED_MODULE_0__/* .distinguishing */ .oW)(a.labels, byName.get(a.labels.alertname ?? '') ?? []);
        return {
            alertname: a.labels.alertname ?? '',
            labels: rest,
            state: a.state === 'pending' ? 'pending' : 'firing',
            ...(a.activeAt === undefined ? {} : { activeAt: a.activeAt }),
            old: Number.isFinite(activeMs) && activeMs < cutoffMs,
        };
    });
    const strip = ({ old: _old, ...alert }) => alert;
    const fresh = seen.filter((a) => !a.old).map(strip);
    const preExisting = seen.filter((a) => a.old).map(strip);
    const alertsPart = { alerts: { new: fresh, preExisting } };
    const preNote = preExisting.length === 0
        ? undefined
        : `${preExisting.length} pre-existing (active before the deploy): ${preExisting.slice(0, 3).map(alertText).join(', ')}${preExisting.length > 3 ? ', …' : ''}`;
    if (fresh.length === 0) {
        return {
            at,
            outcome: 'pass',
            value: 0,
            ...alertsPart,
            ...(preNote === undefined ? {} : { reason: preNote }),
        };
    }
    const more = fresh.length > 1 ? ` (+${fresh.length - 1} more)` : '';
    return {
        at,
        outcome: 'breach',
        value: fresh.length,
        ...alertsPart,
        reason: `${alertText(fresh[0])}${more}`,
    };
}
/** `HighErrorRate firing since 2026-12-02T14:01:02Z on instance="api-1"`. */
function alertText(a) {
    const labels = (0,_measure_js__WEBPACK_IMPORTED_MODULE_0__/* .labelText */ .QK)(a.labels);
    const since = a.activeAt === undefined ? ' (no activeAt)' : ` since ${a.activeAt}`;
    return `${a.alertname || '(no alertname)'} ${a.state}${since}${labels === '{}' ? '' : ` on ${labels}`}`;
}


/***/ }),

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

/***/ 52617:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gv: () => (/* binding */ isObject),
/* harmony export */   IR: () => (/* binding */ decodeLabels),
/* harmony export */   L: () => (/* binding */ parseSampleValue),
/* harmony export */   os: () => (/* binding */ unexpected),
/* harmony export */   vK: () => (/* binding */ decodeQueryAnswer),
/* harmony export */   vw: () => (/* binding */ decodeEnvelope)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92737);
/* harmony import */ var _report_markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(54285);
/** Pure decoding of Prometheus HTTP API answers (`/api/v1/query`, `/api/v1/series`) into typed results or errors. */


/**
 * Parses a sample value as Prometheus writes it. Go's `FormatFloat` gives `NaN`, `+Inf` and `-Inf`, which `Number()`
 * does not read (`Number('+Inf')` is NaN), so they are mapped explicitly; anything that is not a plain decimal number
 * is an `unexpected-result` error rather than a silent NaN.
 */
function parseSampleValue(text) {
    switch (text) {
        case 'NaN':
            return Number.NaN;
        case '+Inf':
        case 'Inf':
            return Number.POSITIVE_INFINITY;
        case '-Inf':
            return Number.NEGATIVE_INFINITY;
    }
    if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) {
        const value = Number(text);
        if (Number.isFinite(value))
            return value;
    }
    throw unexpected(`sample value ${JSON.stringify((0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .shorten */ .ml)(text, 40))} is not a number`);
}
/** Decodes an `/api/v1/query` answer; throws `PrometheusError` for anything but a vector or scalar result. */
function decodeQueryAnswer(answer) {
    const data = decodeEnvelope(answer);
    const { value: payload, warnings } = data;
    if (!isObject(payload))
        throw unexpected('"data" is not an object');
    const resultType = payload.resultType;
    const result = payload.result;
    switch (resultType) {
        case 'vector':
            if (!Array.isArray(result))
                throw unexpected('vector "result" is not an array');
            return { resultType, series: result.map(decodeVectorSample), warnings };
        case 'scalar':
            return { resultType, series: [{ labels: {}, value: decodeSamplePair(result ?? null) }], warnings };
        case 'matrix':
        case 'string':
            throw unexpected(`Prometheus returned a ${resultType} result; the query must return an instant vector or a scalar`, true);
        default:
            throw unexpected(`unknown result type ${JSON.stringify(resultType)}`);
    }
}
/** Checks status, JSON and the `status` field; returns `data` and the warnings, or throws `PrometheusError`. */
function decodeEnvelope(answer) {
    const { status } = answer;
    const parsed = parseJson(answer.body);
    if (parsed.ok && isObject(parsed.value) && parsed.value.status === 'error') {
        const errorType = typeof parsed.value.errorType === 'string' ? parsed.value.errorType : undefined;
        const detail = typeof parsed.value.error === 'string' ? (0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .shorten */ .ml)(parsed.value.error, 500) : 'no error message';
        // VictoriaMetrics puts the status itself in errorType (`"errorType":"422"`): not repeated.
        const what = errorType === undefined || errorType === String(status) ? `: ${detail}` : ` ${errorType}: ${detail}`;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PrometheusError */ .H(`Prometheus answered HTTP ${status}${what}`, {
            kind: 'api',
            status,
            errorType,
        });
    }
    const hint = statusHint(status);
    if (hint !== undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PrometheusError */ .H(`Prometheus answered HTTP ${status}${bodySnippet(answer)} ${hint}`, {
            kind: 'http',
            status,
        });
    }
    if (!parsed.ok) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PrometheusError */ .H(notJsonMessage(answer, parsed.error), {
            kind: 'not-json',
            status,
            cause: parsed.error,
        });
    }
    if (status < 200 || status > 299) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PrometheusError */ .H(`Prometheus answered HTTP ${status}${bodySnippet(answer)}`, {
            kind: 'http',
            status,
        });
    }
    const envelope = parsed.value;
    if (!isObject(envelope) || envelope.status !== 'success' || !('data' in envelope)) {
        throw unexpected('the body is not a Prometheus API answer (no "status":"success" with "data")');
    }
    const rawWarnings = envelope.warnings;
    const warnings = Array.isArray(rawWarnings) ? rawWarnings.filter((w) => typeof w === 'string') : [];
    return { value: envelope.data ?? null, warnings };
}
/** Statuses that point at the settings rather than at Prometheus: reported as `http` whatever the body. */
function statusHint(status) {
    switch (status) {
        case 401:
        case 407:
            return '(check the Prometheus credentials)';
        case 403:
            return '(the credentials may not query Prometheus)';
        case 404:
            return '(check the Prometheus URL and its path prefix)';
        default:
            return undefined;
    }
}
function notJsonMessage(answer, error) {
    const what = describeBody(answer);
    if (what === 'JSON') {
        const reason = error instanceof Error ? `: ${error.message}` : '';
        return `Prometheus answered with invalid JSON (HTTP ${answer.status})${reason}`;
    }
    return `Prometheus answered with ${what}, not JSON (HTTP ${answer.status})${bodySnippet(answer)}`;
}
function describeBody(answer) {
    const type = answer.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
    if (type === 'text/html' || /^\s*<(!doctype html|html)/i.test(answer.body))
        return 'HTML';
    if (type === 'application/json' || type.endsWith('+json'))
        return 'JSON';
    if (answer.body.trim() === '')
        return 'an empty body';
    return type === '' ? 'a body of unknown type' : type;
}
/** The first line of a short plain-text body (e.g. `Unauthorized`), never HTML. */
function bodySnippet(answer) {
    if (describeBody(answer) === 'HTML')
        return '';
    const firstLine = answer.body.trim().split('\n')[0]?.trim() ?? '';
    if (firstLine === '')
        return '';
    return `: ${(0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .shorten */ .ml)(firstLine, 120)}`;
}
function decodeVectorSample(sample) {
    if (!isObject(sample))
        throw unexpected('a vector sample is not an object');
    if (sample.value === undefined && sample.histogram !== undefined) {
        throw unexpected('native histogram samples are not supported; reduce them to a number in the query', true);
    }
    return { labels: decodeLabels(sample.metric ?? {}), value: decodeSamplePair(sample.value ?? null) };
}
function decodeSamplePair(pair) {
    // Prometheus writes the timestamp as a JSON number; anything else is not its answer (client_golang rejects it too).
    if (!Array.isArray(pair) ||
        pair.length !== 2 ||
        typeof pair[0] !== 'number' ||
        typeof pair[1] !== 'string') {
        throw unexpected('a sample is not a [timestamp, "value"] pair');
    }
    return parseSampleValue(pair[1]);
}
function decodeLabels(labels) {
    if (!isObject(labels))
        throw unexpected('a label set is not an object');
    // JSON.parse made `labels` a fresh plain object whose keys are all own (`__proto__` included): checked, not copied,
    // since this runs for every series of every round.
    for (const name in labels) {
        if (typeof labels[name] !== 'string')
            throw unexpected(`label ${name} is not a string`);
    }
    return labels;
}
function parseJson(text) {
    try {
        return { ok: true, value: JSON.parse(text) };
    }
    catch (error) {
        return { ok: false, error };
    }
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function unexpected(detail, complete = false) {
    const message = complete ? detail : `Prometheus answered with an unexpected result: ${detail}`;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PrometheusError */ .H(message, { kind: 'unexpected-result' });
}


/***/ })

};

//# sourceMappingURL=629.index.js.map