export const id = 432;
export const ids = [432];
export const modules = {

/***/ 60432:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runGateMode: () => (/* binding */ runGateMode)
});

// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(27242);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/github/context.ts
var context = __webpack_require__(19556);
// EXTERNAL MODULE: ./src/github/check-runs.ts
var check_runs = __webpack_require__(2842);
// EXTERNAL MODULE: ./src/ledger/deployments.ts + 2 modules
var deployments = __webpack_require__(28552);
// EXTERNAL MODULE: ./src/model/outcome.ts
var outcome = __webpack_require__(55093);
;// CONCATENATED MODULE: ./src/gate/annotations.ts

function gateAnnotations(result) {
    const ended = (c) => c.result === 'failed' || c.result === 'inconclusive';
    const enforced = result.checks.filter((c) => c.spec.enforce && ended(c));
    const shadow = result.checks.filter((c) => !c.spec.enforce && ended(c));
    return [
        ...capped(enforced.map((c) => ({
            level: 'error',
            title: `deploy-gate: ${c.spec.name} ${c.result}`,
            message: messageOf(c),
        })), (more) => ({
            level: 'error',
            title: `deploy-gate: +${more} more checks failed`,
            message: `+${more} more checks failed — see the job summary`,
        })),
        ...capped(shadow.map((c) => ({
            level: 'notice',
            title: `deploy-gate: ${c.spec.name} ${c.result} (shadow check, not enforced)`,
            message: messageOf(c),
        })), (more) => ({
            level: 'notice',
            title: `deploy-gate: +${more} more shadow checks`,
            message: `+${more} more shadow checks failed or were inconclusive — see the job summary`,
        })),
    ];
}
function messageOf(c) {
    return c.reason !== undefined && c.reason !== '' ? c.reason : `${c.spec.name} ${c.result}`;
}
/** At most 10; when more, the first 9 and a 10th that counts the rest. */
function capped(all, more) {
    if (all.length <= outcome/* MAX_ANNOTATIONS_PER_LEVEL */.j)
        return all;
    const kept = all.slice(0, outcome/* MAX_ANNOTATIONS_PER_LEVEL */.j - 1);
    return [...kept, more(all.length - kept.length)];
}

// EXTERNAL MODULE: ./src/report/publish.ts
var publish = __webpack_require__(4617);
// EXTERNAL MODULE: ./src/report/redact.ts
var redact = __webpack_require__(20649);
// EXTERNAL MODULE: ./src/prometheus/alerts.ts
var prometheus_alerts = __webpack_require__(60629);
// EXTERNAL MODULE: ./src/prometheus/measure.ts
var measure = __webpack_require__(9160);
;// CONCATENATED MODULE: ./src/model/series-key.ts
/** The identity of a Prometheus series. */
/**
 * A series' full label set, order-independent: names in order, NUL-separated (a name or value that holds a NUL is
 * JSON-quoted, so no two label sets share a key). Prometheus writes labels sorted, so the sort is usually skipped;
 * this runs for every series of every round.
 */
function seriesKey(labels) {
    const names = Object.keys(labels);
    for (let i = 1; i < names.length; i++) {
        if (names[i - 1] > names[i]) {
            names.sort();
            break;
        }
    }
    let key = '';
    for (const name of names) {
        const value = labels[name] ?? '';
        key +=
            name.includes('\u0000') || value.includes('\u0000')
                ? JSON.stringify([name, value])
                : `${name}\u0000${value}\u0000`;
    }
    return key;
}

;// CONCATENATED MODULE: ./src/prometheus/baseline.ts


/** A series needs this many real samples in the window to have a baseline. */
const MIN_BASELINE_SAMPLES = 10;
/** Range queries ask for at most about this many points per series. */
const MAX_POINTS = 250;
/** step = max(interval, window / 250), at least 1 s. */
function baselineStepMs(intervalMs, windowMs) {
    return Math.max(1_000, intervalMs, Math.ceil(windowMs / MAX_POINTS));
}
/** The `p` quantile (0–1) of ascending `sorted`, interpolated between the two nearest ranks (R's type 7). */
function quantile(sorted, p) {
    // Rounded so that a rank that is whole on paper (0.01 × 100) is whole here too, not 1.0000000000000009.
    const h = Math.round((sorted.length - 1) * p * 1e9) / 1e9;
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
/** The medians of every `k` consecutive values (k = 1: the values themselves). */
function rollingMedians(values, k) {
    if (k <= 1)
        return [...values];
    const out = [];
    for (let i = 0; i + k <= values.length; i++) {
        out.push(quantile([...values.slice(i, i + k)].sort(ascending), 0.5));
    }
    return out;
}
/**
 * The quantiles holding the central `share` of the window's values of the kind compared: single samples (`k` 1), or
 * the medians of `k` consecutive samples. `values` are real numbers in time order.
 */
function normalBand(values, share, k = 1) {
    const kind = rollingMedians(values, k).sort(ascending);
    const tail = (1 - share) / 2;
    return [quantile(kind, tail), quantile(kind, 1 - tail)];
}
/** The median and band of each series' real samples (NaN/±Inf left out); series with fewer than 10 get none. */
function computeBaselines(range, share) {
    const out = new Map();
    for (const series of range) {
        const real = series.values.filter(Number.isFinite);
        if (real.length < MIN_BASELINE_SAMPLES)
            continue;
        const median = quantile([...real].sort(ascending), 0.5);
        out.set(seriesKey(series.labels), share > 0 ? { median, band: normalBand(real, share) } : { median });
    }
    return out;
}
function ascending(a, b) {
    return a - b;
}
/** `+171 %`, `-60 %`, `+0.4 %`; `new` against a baseline of 0 with a different value. */
function changeText(value, baseline) {
    if (baseline === 0)
        return value === 0 ? '+0 %' : 'new';
    const pct = ((value - baseline) / Math.abs(baseline)) * 100;
    const shown = Math.abs(pct) >= 10 ? Math.round(pct) : Math.round(pct * 10) / 10;
    return `${shown >= 0 ? '+' : '-'}${Math.abs(shown)} %`;
}
/**
 * `0.84 (+171 % vs 0.31 before the deploy; normal 0.22–0.41)`, or the value alone for a series without a baseline.
 */
function valueWithBaseline(value, baseline, unit = '', band) {
    const v = `${(0,measure/* formatMeasured */.U6)(value)}${unit}`;
    return baseline === undefined ? `${v} (no baseline)` : `${v} (${baselineNote(value, baseline, unit, band)})`;
}
/** `+171 % vs 0.31 before the deploy; normal 0.22–0.41`. */
function baselineNote(value, baseline, unit = '', band) {
    const normal = band === undefined ? '' : `; normal ${bandText(band, unit)}`;
    return `${changeText(value, baseline)} vs ${(0,measure/* formatMeasured */.U6)(baseline)}${unit} before the deploy${normal}`;
}
/** `0.22–0.41`, `12%–31%`. */
function bandText(band, unit = '') {
    return `${(0,measure/* formatMeasured */.U6)(band[0])}${unit}–${(0,measure/* formatMeasured */.U6)(band[1])}${unit}`;
}
/** The value above which (`upper`) and below which (`lower`) a series has left its normal band by the change. */
function baselineLimits(b, rule) {
    const upper = upperLimit(b, rule);
    const lower = lowerLimit(b, rule);
    return { ...(upper === undefined ? {} : { upper }), ...(lower === undefined ? {} : { lower }) };
}
function upperLimit(b, rule) {
    if (rule.maxIncrease === undefined)
        return undefined;
    const change = b.median * (1 + rule.maxIncrease);
    return b.band === undefined || b.band[1] < change ? change : b.band[1];
}
function lowerLimit(b, rule) {
    if (rule.maxDecrease === undefined)
        return undefined;
    const change = b.median * (1 - rule.maxDecrease);
    return b.band === undefined || b.band[0] > change ? change : b.band[0];
}
/**
 * How far past the baseline rule a series is, as a fraction of its median (> 0 breaches); -Infinity if it is not.
 * Runs for every series of every round: no allocation.
 */
function baselineExcess(value, b, rule) {
    let worst = Number.NEGATIVE_INFINITY;
    const scale = Math.abs(b.median) || 1;
    const upper = upperLimit(b, rule);
    if (upper !== undefined && value > upper && value - b.median > rule.minDelta) {
        worst = (value - upper) / scale || Number.MIN_VALUE;
    }
    const lower = lowerLimit(b, rule);
    if (lower !== undefined && value < lower && b.median - value > rule.minDelta) {
        worst = Math.max(worst, (lower - value) / scale || Number.MIN_VALUE);
    }
    return worst;
}
/** The reason no decision can be made: no absolute bound, and no series has a baseline. */
function noBaselineReason(rule) {
    return `no baseline in the ${rule.windowText} before the deploy`;
}
/**
 * One measurement of a baseline check: the absolute bounds as for any metric check, plus the baseline rule for each
 * series with a baseline. `compared` carries every real series with its baseline, worst first.
 */
function measureWithBaseline(series, threshold, rule, baselines, at, boundsOf) {
    const absolute = (0,measure/* measureSeries */.Mk)(series, threshold, at, boundsOf);
    if (absolute.outcome === 'no-data')
        return absolute;
    // One pass per series (this runs for every series in every round); only the breaching ones are sorted here, the
    // full list is put in worst-first order once, by the report (`worstFirst`).
    const compared = [];
    const scored = [];
    let withBaseline = 0;
    for (const s of series) {
        if (!Number.isFinite(s.value))
            continue;
        const key = seriesKey(s.labels);
        const b = baselines.get(key);
        const withB = b === undefined
            ? s
            : b.band === undefined
                ? { labels: s.labels, value: s.value, baseline: b.median }
                : { labels: s.labels, value: s.value, baseline: b.median, band: b.band };
        compared.push(withB);
        if (b !== undefined)
            withBaseline++;
        const over = b === undefined ? Number.NEGATIVE_INFINITY : baselineExcess(s.value, b, rule);
        const beyond = (0,measure/* excess */.Mm)(s.value, boundsOf?.(s) ?? threshold);
        if (over > 0 || beyond > 0)
            scored.push({ s: withB, key, over, worst: Math.max(beyond, over) });
    }
    scored.sort((a, b) => b.worst - a.worst);
    const hasBound = threshold.min !== undefined || threshold.max !== undefined;
    if (!hasBound && withBaseline === 0) {
        return { at, outcome: 'error', reason: noBaselineReason(rule), compared };
    }
    const baselineBreaching = scored.filter((x) => x.over > 0);
    const missing = compared.length - withBaseline;
    const missingNote = missing === 0
        ? undefined
        : `${missing === 1 ? '1 series has' : `${missing} series have`} no baseline (absolute bounds only)`;
    if (absolute.outcome === 'breach') {
        const keys = new Set([
            ...(absolute.series ?? []).map((s) => seriesKey(s.labels)),
            ...baselineBreaching.map((x) => x.key),
        ]);
        const all = scored.filter((x) => keys.has(x.key)).map((x) => x.s);
        const worstKey = seriesKey(absolute.series[0].labels);
        const worst = scored.find((x) => x.key === worstKey)?.s;
        const note = worst?.baseline === undefined
            ? ''
            : ` (${baselineNote(worst.value, worst.baseline, threshold.unit, worst.band)})`;
        return { ...absolute, series: all, compared, reason: `${absolute.reason ?? ''}${note}` };
    }
    const worst = baselineBreaching[0]?.s;
    if (worst === undefined) {
        const reasons = [absolute.reason, missingNote].filter((r) => r !== undefined);
        const value = hasBound ? absolute.value : worstFirst(compared, threshold, rule)[0]?.value;
        return {
            ...absolute,
            ...(value === undefined ? {} : { value }),
            compared,
            ...(reasons.length > 0 ? { reason: reasons.join('; ') } : {}),
        };
    }
    const more = baselineBreaching.length > 1 ? ` (+${baselineBreaching.length - 1} more)` : '';
    const limit = ruleText(rule, worst.value >= worst.baseline, worst.band !== undefined);
    return {
        ...absolute,
        outcome: 'breach',
        value: worst.value,
        series: baselineBreaching.map((x) => x.s),
        compared,
        reason: `${valueWithBaseline(worst.value, worst.baseline, threshold.unit, worst.band)}, beyond ${limit}${(0,measure/* onLabels */.en)((0,measure/* distinguishing */.oW)(worst.labels, series))}${more}`,
    };
}
/** `compared` in worst-first order: furthest past a bound or the baseline rule first, then the largest change. */
function worstFirst(compared, threshold, rule) {
    const score = (s) => {
        const over = Math.max((0,measure/* excess */.Mm)(s.value, threshold), s.baseline === undefined ? Number.NEGATIVE_INFINITY : baselineExcess(s.value, baselineOf(s), rule));
        if (over > 0)
            return 1e12 + over; // breaching first, furthest past first
        if (s.baseline === undefined)
            return Number.NEGATIVE_INFINITY;
        const change = (s.value - s.baseline) / (Math.abs(s.baseline) || 1);
        return rule.maxIncrease === undefined
            ? -change
            : rule.maxDecrease === undefined
                ? change
                : Math.abs(change);
    };
    return compared
        .map((s) => ({ s, k: score(s) }))
        .sort((a, b) => b.k - a.k)
        .map((x) => x.s);
}
/** A compared series' baseline as the rule takes it. */
function baselineOf(s) {
    return s.band === undefined ? { median: s.baseline } : { median: s.baseline, band: s.band };
}
/** `the normal band and +100 %` (with `min-delta`), the limit that was crossed. */
function ruleText(rule, up, banded) {
    const pct = (f) => `${Math.round(f * 1000) / 10} %`;
    const change = up ? `+${pct(rule.maxIncrease ?? 0)}` : `-${pct(rule.maxDecrease ?? 0)}`;
    const text = banded ? `the normal band and ${change}` : change;
    return rule.minDelta > 0 ? `${text} and min-delta ${(0,measure/* formatMeasured */.U6)(rule.minDelta)}` : text;
}

// EXTERNAL MODULE: ./src/model/baseline-defaults.ts
var baseline_defaults = __webpack_require__(91841);
;// CONCATENATED MODULE: ./src/prometheus/pre-existing.ts




/** The series of `range` that were beyond `threshold` in ≥ 90 % of their real samples (at least 10 of them). */
function findPreExisting(range, threshold) {
    const out = [];
    for (const series of range) {
        const real = series.values.filter(Number.isFinite);
        if (real.length < MIN_BASELINE_SAMPLES)
            continue;
        for (const side of ['max', 'min']) {
            const bound = threshold[side];
            if (bound === undefined)
                continue;
            const beyond = real.filter((v) => (side === 'max' ? v > bound : v < bound));
            const share = beyond.length / real.length;
            if (share < baseline_defaults/* PRE_EXISTING_SHARE */._B)
                continue;
            const worst = side === 'max' ? Math.max(...beyond) : Math.min(...beyond);
            out.push({ labels: series.labels, side, bound, worst, share });
            break;
        }
    }
    return out;
}
/**
 * Per-series bounds for `pre-existing: report`: a pre-existing series may go as far as its own worst value before the
 * deploy; every other series keeps the check's bounds. Undefined when nothing is pre-existing.
 */
function preExistingBounds(found, threshold) {
    if (found.length === 0)
        return undefined;
    const byKey = new Map();
    for (const p of found) {
        byKey.set(seriesKey(p.labels), p.side === 'max' ? { ...threshold, max: p.worst } : { ...threshold, min: p.worst });
    }
    return (s) => byKey.get(seriesKey(s.labels)) ?? threshold;
}
/** `already above 80% for the 30m before the deploy (97 % of its samples; worst 93.2%)`. */
function preExistingText(p, windowText, unit = '') {
    const where = p.side === 'max' ? 'above' : 'below';
    const share = `${Math.round(p.share * 100)} % of its samples`;
    return `already ${where} ${(0,measure/* formatMeasured */.U6)(p.bound)}${unit} for the ${windowText} before the deploy (${share}; worst ${(0,measure/* formatMeasured */.U6)(p.worst)}${unit})`;
}
/** The window `pre-existing` reads: the baseline's, else 30m; it always ends at the deploy's start. */
function preExistingWindow(spec) {
    return spec.baseline === undefined
        ? { ms: baseline_defaults/* PRE_EXISTING_WINDOW_MS */.op, text: baseline_defaults/* PRE_EXISTING_WINDOW_TEXT */.XK }
        : { ms: spec.baseline.windowMs, text: spec.baseline.windowText };
}
/**
 * Says, on a measurement, which pre-existing series are beyond the check's own bound right now but no worse than
 * before the deploy (so they passed), or that the worst breaching series is pre-existing and got worse.
 */
function withPreExistingNote(m, series, found, threshold) {
    if (found.length === 0 || m.outcome === 'no-data' || m.outcome === 'error')
        return m;
    const byKey = new Map(found.map((p) => [seriesKey(p.labels), p]));
    const worst = m.outcome === 'breach' ? m.series?.[0] : undefined;
    const worstPre = worst === undefined ? undefined : byKey.get(seriesKey(worst.labels));
    if (worstPre !== undefined && (0,measure/* excess */.Mm)(worst.value, { ...threshold, [worstPre.side]: worstPre.worst }) > 0) {
        const note = `pre-existing, worse than its ${(0,measure/* formatMeasured */.U6)(worstPre.worst)}${threshold.unit ?? ''} before the deploy`;
        return { ...m, reason: `${m.reason ?? ''} (${note})` };
    }
    const excused = series.filter((s) => {
        const p = byKey.get(seriesKey(s.labels));
        return p !== undefined && Number.isFinite(s.value) && (0,measure/* excess */.Mm)(s.value, threshold) > 0;
    }).length;
    if (excused === 0)
        return m;
    const note = `${excused === 1 ? '1 series' : `${excused} series`} beyond the bound as before the deploy (pre-existing: report)`;
    return { ...m, reason: m.reason === undefined ? note : `${m.reason}; ${note}` };
}

// EXTERNAL MODULE: ./src/prometheus/no-data.ts + 1 modules
var no_data = __webpack_require__(19583);
;// CONCATENATED MODULE: ./src/gate/measure-check.ts


async function measureCheck(spec, signal, { prober, prometheus }) {
    if (spec.kind === 'http')
        return prober.probe(spec, signal);
    const at = new Date().toISOString();
    if (!prometheus || spec.kind === 'alerts')
        return { at, outcome: 'error', reason: 'no Prometheus configured' };
    try {
        const result = await prometheus.query(spec.query, { signal });
        const measured = (0,measure/* measureSeries */.Mk)(result.series, thresholdOf(spec), at);
        return {
            ...(await (0,no_data/* withNoDataReason */.uV)(measured, result.series, spec, prometheus, signal)),
            ...(result.warnings.length ? { warnings: result.warnings } : {}),
        };
    }
    catch (err) {
        if (signal.aborted)
            throw err;
        return (0,measure/* errorMeasurement */.N1)(err, at);
    }
}
/** The check's bounds, with `%` for the percent built-ins so reasons read `96.3% > 95%`. */
function thresholdOf(spec) {
    const percent = spec.builtin !== undefined && spec.builtin !== 'up';
    return { min: spec.min, max: spec.max, ...(percent ? { unit: '%' } : {}) };
}

;// CONCATENATED MODULE: ./src/gate/deploy-start.ts
/** `deployStartedAtMs` from the job (GET /actions/jobs/{id}), else the gate's start. */
function deployStart(deployStartedAtMs, gateStartMs) {
    return deployStartedAtMs !== undefined && Number.isFinite(deployStartedAtMs)
        ? { atMs: deployStartedAtMs, source: 'deploy-job' }
        : { atMs: gateStartMs, source: 'gate-start' };
}
function deployStartText(start) {
    const at = new Date(start.atMs).toISOString();
    return start.source === 'deploy-job'
        ? `the deploy job's start (${at})`
        : `the gate's start (${at}), because the job's start could not be read`;
}

;// CONCATENATED MODULE: ./src/gate/deploy-start-checks.ts







function readsPreExisting(spec) {
    return spec.kind === 'metric' && spec.preExisting === 'report';
}
function readsHistory(spec) {
    return spec.kind === 'metric' && (spec.baseline !== undefined || spec.preExisting === 'report');
}
function createExtraMeasurer(deps) {
    const now = deps.now ?? Date.now;
    const baselineEvidence = new Map();
    const preExistingEvidence = new Map();
    const loaded = new Map();
    function rangeBefore(query, windowMs, offsetMs, signal) {
        const end = new Date(deps.start.atMs - offsetMs);
        const start = new Date(end.getTime() - windowMs);
        const stepMs = baselineStepMs(deps.intervalMs, windowMs);
        return { start, end, stepMs, run: () => deps.client.queryRange(query, { start, end, stepMs, signal }) };
    }
    /** The baseline's window; also the pre-existing one when it ends at the deploy (one query serves both). */
    async function loadBaseline(spec, signal) {
        const rule = spec.baseline;
        const q = rangeBefore(spec.baselineQuery ?? spec.query, rule.windowMs, rule.offsetMs, signal);
        const attempts = (baselineEvidence.get(spec.name)?.attempts ?? 0) + 1;
        const base = {
            check: spec.name,
            windowText: rule.windowText,
            offsetText: rule.offsetText,
            windowStart: q.start.toISOString(),
            windowEnd: q.end.toISOString(),
            stepMs: q.stepMs,
            attempts,
        };
        try {
            const range = await q.run();
            const bandDropped = rule.band > 0 && rule.offsetMs === 0 && deps.start.source === 'gate-start';
            const baselines = computeBaselines(range, bandDropped ? 0 : rule.band);
            baselineEvidence.set(spec.name, {
                ...base,
                status: 'ready',
                seriesInWindow: range.length,
                seriesWithBaseline: baselines.size,
                ...(bandDropped ? { bandDropped } : {}),
            });
            const sameWindow = readsPreExisting(spec) && rule.offsetMs === 0;
            return sameWindow ? { baselines, preExisting: found(spec, range) } : { baselines };
        }
        catch (err) {
            if (signal?.aborted === true)
                throw err;
            const message = (0,measure/* errorMeasurement */.N1)(err, '').reason ?? 'baseline query failed';
            baselineEvidence.set(spec.name, { ...base, status: 'failed', error: message });
            throw new HistoryError(`baseline query failed: ${message}`, { cause: err });
        }
    }
    async function loadPreExisting(spec, signal) {
        const window = preExistingWindow(spec);
        try {
            return found(spec, await rangeBefore(spec.baselineQuery ?? spec.query, window.ms, 0, signal).run());
        }
        catch (err) {
            if (signal?.aborted === true)
                throw err;
            const message = (0,measure/* errorMeasurement */.N1)(err, '').reason ?? 'range query failed';
            preExistingEvidence.set(spec.name, {
                check: spec.name,
                mode: 'report',
                windowText: window.text,
                series: [],
                error: message,
            });
            throw new HistoryError(`pre-existing query failed: ${message}`, { cause: err });
        }
    }
    function found(spec, range) {
        const series = findPreExisting(range, thresholdOf(spec));
        const mode = spec.preExisting === 'report' ? 'report' : 'fail';
        preExistingEvidence.set(spec.name, {
            check: spec.name,
            mode,
            windowText: preExistingWindow(spec).text,
            series,
        });
        return series;
    }
    /** Loads what is missing (a failed query is asked again in the next round); a HistoryError until it succeeds. */
    async function history(spec, signal) {
        const known = loaded.get(spec.name) ?? {};
        let next = known;
        // Each part is kept as soon as it is read: a failed pre-existing read does not make the baseline be read again.
        if (spec.baseline !== undefined && known.baselines === undefined) {
            next = { ...next, ...(await loadBaseline(spec, signal)) };
            loaded.set(spec.name, next);
        }
        if (readsPreExisting(spec) && next.preExisting === undefined) {
            next = { ...next, preExisting: await loadPreExisting(spec, signal) };
            loaded.set(spec.name, next);
        }
        return next;
    }
    async function measureWithHistory(spec, signal) {
        const at = () => new Date(now()).toISOString();
        let h;
        try {
            h = await history(spec, signal);
        }
        catch (err) {
            if (signal.aborted || !(err instanceof HistoryError))
                throw err;
            return { at: at(), outcome: 'error', reason: err.message };
        }
        const when = at();
        try {
            const result = await deps.client.query(spec.query, { signal });
            const threshold = thresholdOf(spec);
            const bounds = preExistingBounds(h.preExisting ?? [], threshold);
            const m = spec.baseline === undefined
                ? (0,measure/* measureSeries */.Mk)(result.series, threshold, when, bounds)
                : measureWithBaseline(result.series, threshold, spec.baseline, h.baselines, when, bounds);
            const noted = withPreExistingNote(m, result.series, h.preExisting ?? [], threshold);
            return result.warnings.length > 0 ? { ...noted, warnings: result.warnings } : noted;
        }
        catch (err) {
            if (signal.aborted)
                throw err;
            return (0,measure/* errorMeasurement */.N1)(err, when);
        }
    }
    async function measureAlertsCheck(spec, signal) {
        const at = new Date(now()).toISOString();
        try {
            const alerts = await deps.client.alerts({ signal });
            return (0,prometheus_alerts/* measureAlerts */.Iv)({ spec, alerts, cutoffMs: deps.start.atMs, at });
        }
        catch (err) {
            if (signal.aborted)
                throw err;
            return (0,measure/* errorMeasurement */.N1)(err, at);
        }
    }
    async function explainBreaches(checks, signal) {
        const breached = checks.filter((c) => c.spec.kind === 'metric' &&
            c.spec.preExisting !== 'report' &&
            (c.spec.min !== undefined || c.spec.max !== undefined) &&
            c.samples.some((m) => m.outcome === 'breach'));
        await Promise.all(breached.map(async (c) => {
            const window = preExistingWindow(c.spec);
            const breaching = new Set(c.samples
                .flatMap((m) => (m.outcome === 'breach' ? (m.series ?? []) : []))
                .map((s) => seriesKey(s.labels)));
            try {
                const range = await rangeBefore(c.spec.baselineQuery ?? c.spec.query, window.ms, 0, signal).run();
                const series = findPreExisting(range, thresholdOf(c.spec)).filter((p) => breaching.has(seriesKey(p.labels)));
                if (series.length > 0) {
                    preExistingEvidence.set(c.spec.name, {
                        check: c.spec.name,
                        mode: 'fail',
                        windowText: window.text,
                        series,
                    });
                }
            }
            catch (err) {
                if (signal?.aborted === true)
                    throw err;
                // Only an explanation: a window that cannot be read leaves the check's evidence as it was.
            }
        }));
    }
    return {
        async prefetch(checks, signal) {
            const first = checks.filter(readsHistory).map(async (c) => {
                try {
                    await history(c, signal);
                }
                catch (err) {
                    if (!(err instanceof HistoryError))
                        throw err;
                }
            });
            await Promise.all(first);
        },
        handles: (spec) => spec.kind === 'alerts' || readsHistory(spec),
        measure(spec, signal) {
            if (spec.kind === 'alerts')
                return measureAlertsCheck(spec, signal);
            if (readsHistory(spec))
                return measureWithHistory(spec, signal);
            return Promise.reject(new Error(`check ${spec.name} does not compare with before the deploy`));
        },
        explainBreaches,
        evidence: () => [...baselineEvidence.values()],
        preExisting: () => [...preExistingEvidence.values()],
        async historyOf(spec, labels, signal) {
            const rule = spec.baseline;
            if (rule === undefined)
                return undefined;
            try {
                const range = await rangeBefore(spec.baselineQuery ?? spec.query, rule.windowMs, rule.offsetMs, signal).run();
                const key = seriesKey(labels);
                return range.find((r) => seriesKey(r.labels) === key)?.values.slice();
            }
            catch (err) {
                if (signal?.aborted === true)
                    throw err;
                return undefined; // only a chart: a window that cannot be read is drawn without its before part
            }
        },
    };
}
/** A window before the deploy that could not be read: the check's measurements are errors until it can. */
class HistoryError extends Error {
}

// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(54285);
;// CONCATENATED MODULE: ./src/gate/check-facts.ts

function checkKind(spec) {
    if (spec.kind === 'http' || spec.kind === 'alerts')
        return spec.kind;
    return spec.builtin ?? 'query';
}
const PERCENT_BUILTINS = new Set(['cpu', 'memory', 'disk', 'vram', 'kv-cache']);
/** Built-ins whose value is a percentage (all but `up`); custom queries are shown as plain numbers. */
function isPercent(spec) {
    return spec.kind === 'metric' && spec.builtin !== undefined && PERCENT_BUILTINS.has(spec.builtin);
}
/** A measured value in the check's unit: latency for HTTP, `96.3%` for percent built-ins, else a plain number. */
function formatCheckValue(spec, value) {
    if (value === undefined)
        return '—';
    if (spec.kind === 'http')
        return (0,markdown/* formatDuration */.a3)(value);
    if (spec.kind === 'alerts')
        return value === 1 ? '1 new alert' : `${value} new alerts`;
    return (0,markdown/* formatValue */.Fl)(value, { percent: isPercent(spec) && Number.isFinite(value) });
}
/** `≤ 80%`, `≥ 50`, `50–95%`; HTTP: `2xx` or `200, 204`, then latency, body and JSON expectations. */
function thresholdText(spec) {
    if (spec.kind === 'http') {
        const parts = [spec.expectStatus?.length ? spec.expectStatus.join(', ') : '2xx'];
        if (spec.maxLatencyMs !== undefined)
            parts.push(`≤ ${(0,markdown/* formatDuration */.a3)(spec.maxLatencyMs)}`);
        if (spec.expectBody !== undefined)
            parts.push(`body contains ${(0,markdown/* shorten */.ml)(spec.expectBody, 40)}`);
        if (spec.expectJson !== undefined) {
            parts.push(`${spec.expectJson.path} = ${(0,markdown/* shorten */.ml)(JSON.stringify(spec.expectJson.equals), 40)}`);
        }
        return parts.join(', ');
    }
    if (spec.kind === 'alerts')
        return spec.includePending ? 'no new firing or pending alerts' : 'no new firing alerts';
    const unit = isPercent(spec) ? '%' : '';
    const num = (n) => `${(0,markdown/* formatValue */.Fl)(n)}${unit}`;
    const rule = baselineRuleText(spec);
    if (rule !== '' && (spec.min !== undefined || spec.max !== undefined)) {
        return `${thresholdText({ ...spec, baseline: undefined })}; ${rule}`;
    }
    if (rule !== '')
        return rule;
    if (spec.min !== undefined && spec.max !== undefined)
        return `${(0,markdown/* formatValue */.Fl)(spec.min)}–${num(spec.max)}`;
    if (spec.max !== undefined)
        return `≤ ${num(spec.max)}`;
    if (spec.min !== undefined)
        return `≥ ${num(spec.min)}`;
    return spec.baseline !== undefined ? 'vs baseline' : '—';
}
/** `≤ +100 % / ≥ -50 % vs the 30m before the deploy`; '' without a baseline. */
function baselineRuleText(spec) {
    const b = spec.baseline;
    if (b === undefined)
        return '';
    const pct = (f) => `${Math.round(f * 1000) / 10} %`;
    const parts = [
        ...(b.maxIncrease === undefined ? [] : [`≤ +${pct(b.maxIncrease)}`]),
        ...(b.maxDecrease === undefined ? [] : [`≥ -${pct(b.maxDecrease)}`]),
    ];
    const delta = b.minDelta > 0 ? ` (min-delta ${(0,markdown/* formatValue */.Fl)(b.minDelta)})` : '';
    return `${parts.join(' / ')} vs the ${b.windowText} before the deploy${delta}`;
}
/**
 * How far `value` is past the check's threshold: positive when it breaches (`96.3` against `max: 95` → 1.3),
 * negative when inside. Without thresholds, the value itself (higher is worse).
 */
function excessOf(spec, value) {
    const over = spec.max !== undefined ? value - spec.max : -Infinity;
    const under = spec.min !== undefined ? spec.min - value : -Infinity;
    const excess = Math.max(over, under);
    return excess === -Infinity ? value : excess;
}
/** Whether a sparkline should keep the lowest point of each bucket: checks that breach only below a minimum. */
function lowIsWorse(spec) {
    if (spec.kind !== 'metric')
        return false;
    return (spec.min !== undefined && spec.max === undefined) || decreaseOnly(spec);
}
/** A check with only a baseline `max-decrease` (traffic lost): lower values are worse. */
function decreaseOnly(spec) {
    return (spec.min === undefined &&
        spec.max === undefined &&
        spec.baseline?.maxDecrease !== undefined &&
        spec.baseline.maxIncrease === undefined);
}
/** The sample with the worst real value: furthest past the threshold for metrics, slowest for HTTP. */
function worstSample(spec, samples) {
    let worst;
    let worstScore = -Infinity;
    for (const m of samples) {
        if (m.value === undefined || !Number.isFinite(m.value))
            continue;
        const score = spec.kind === 'metric' ? (decreaseOnly(spec) ? -m.value : excessOf(spec, m.value)) : m.value;
        if (worst === undefined || score > worstScore) {
            worst = m;
            worstScore = score;
        }
    }
    return worst;
}
const OUTCOME_WORDS = {
    pass: 'pass',
    breach: 'breach',
    'no-data': 'no data',
    error: 'error',
};
/** The last sample's value, or what it was instead (`no data`, `error`); `—` without samples. */
function lastValueText(spec, samples) {
    const last = samples.at(-1);
    if (last === undefined)
        return '—';
    if (last.value === undefined)
        return OUTCOME_WORDS[last.outcome];
    return formatCheckValue(spec, last.value);
}
/** How many samples had an outcome, in words: `1 breach`, `2 breaches`, `5 passed`, `3 no data`, `2 errors`. */
function outcomeCountText(outcome, count) {
    switch (outcome) {
        case 'pass':
            return `${count} passed`;
        case 'breach':
            return `${count} ${count === 1 ? 'breach' : 'breaches'}`;
        case 'no-data':
            return `${count} no data`;
        case 'error':
            return `${count} ${count === 1 ? 'error' : 'errors'}`;
    }
}
/** `7` when every sample passed, else `5 passed / 2 breaches` (outcomes that occurred, in a fixed order). */
function sampleCountsText(samples) {
    const counts = { pass: 0, breach: 0, 'no-data': 0, error: 0 };
    for (const m of samples)
        counts[m.outcome]++;
    if (counts.pass === samples.length)
        return String(samples.length);
    return Object.keys(counts)
        .filter((o) => counts[o] > 0)
        .map((o) => outcomeCountText(o, counts[o]))
        .join(' / ');
}
const RESULT_ICONS = {
    passed: markdown/* Icons */.FI.ok,
    failed: markdown/* Icons */.FI.fail,
    inconclusive: markdown/* Icons */.FI.warn,
    pending: markdown/* Icons */.FI.pending,
};
/** `✅ passed`, `❌ failed`, `⚠️ inconclusive`, `⏸️ pending`. */
function resultText(result) {
    return `${RESULT_ICONS[result]} ${result}`;
}
const VERDICT_ICONS = {
    stable: markdown/* Icons */.FI.ok,
    failed: markdown/* Icons */.FI.fail,
    inconclusive: markdown/* Icons */.FI.warn,
};

;// CONCATENATED MODULE: ./src/gate/series.ts



function tally(samples, pick, score) {
    const byKey = new Map();
    for (const m of samples) {
        const series = pick(m);
        if (series === undefined)
            continue;
        for (const s of series) {
            const key = seriesKey(s.labels);
            const excess = score(s.value);
            const seen = byKey.get(key);
            if (seen === undefined) {
                byKey.set(key, { labels: s.labels, worstValue: s.value, excess, count: 1, key });
                continue;
            }
            seen.count++;
            if (excess > seen.excess) {
                seen.worstValue = s.value;
                seen.excess = excess;
            }
        }
    }
    return [...byKey.values()];
}
/** Every series that breached in any sample, worst first (by how far past the threshold), then by labels. */
function breachingSeries(spec, samples) {
    return tally(samples, (m) => (m.outcome === 'breach' ? m.series : undefined), (v) => (Number.isFinite(v) ? excessOf(spec, v) : Number.NEGATIVE_INFINITY)).sort((a, b) => b.excess - a.excess || compareText(a.key, b.key));
}
/** Series left out of the comparison (NaN/±Inf while other series had values), most often left out first. */
function ignoredSeries(samples) {
    return tally(samples, (m) => m.ignoredSeries, () => 0).sort((a, b) => b.count - a.count || compareText(a.key, b.key));
}
function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/**
 * A series as PromQL would write it: `DCGM_FI_DEV_FB_USED{gpu="0", instance="10.1.0.7:9400"}` — the metric name
 * (if any) first, labels sorted, values escaped; cut with `…` beyond `maxChars`.
 */
function formatLabels(labels, maxChars = 200) {
    const name = labels.__name__ ?? '';
    const pairs = Object.entries(labels)
        .filter(([key]) => key !== '__name__')
        .sort(([a], [b]) => compareText(a, b))
        .map(([key, value]) => `${key}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`);
    return (0,markdown/* shorten */.ml)(`${name}{${pairs.join(', ')}}`, maxChars);
}

;// CONCATENATED MODULE: ./src/gate/baseline-evidence.ts






/** Every series of `m` worst first, with its baseline and change. */
function comparedOfSample(m, spec) {
    return ordered(m, spec).map((s) => ({
        labels: s.labels,
        value: s.value,
        baseline: s.baseline ?? null,
        change: s.baseline === undefined ? null : changeText(s.value, s.baseline),
        ...(s.band === undefined ? {} : { band: s.band }),
    }));
}
function alertsOfSample(m) {
    return { new: m.alerts?.new ?? [], preExisting: m.alerts?.preExisting ?? [] };
}
/** Sorted once per measurement: the checks table, the comparison section and the JSON report all ask. Read-only. */
const orderedOf = new WeakMap();
function ordered(m, spec) {
    if (m.compared === undefined || spec.baseline === undefined)
        return m.compared ?? [];
    let out = orderedOf.get(m);
    if (out === undefined) {
        out = worstFirst(m.compared, { min: spec.min, max: spec.max }, spec.baseline);
        orderedOf.set(m, out);
    }
    return out;
}
function isBaselineCheck(c) {
    return c.spec.kind === 'metric' && c.spec.baseline !== undefined;
}
function isAlertsCheck(c) {
    return c.spec.kind === 'alerts';
}
/** The checks table's "Last" cell of a baseline check: `0.84 (+171 % vs 0.31 before the deploy)`; else undefined. */
function lastWithBaseline(c) {
    if (!isBaselineCheck(c))
        return undefined;
    const last = c.samples.at(-1);
    const worst = last === undefined ? undefined : ordered(last, c.spec)[0];
    if (worst === undefined)
        return undefined;
    return valueWithBaseline(worst.value, worst.baseline, isPercent(c.spec) ? '%' : '', worst.band);
}
/** The worst series of a baseline check's last compared sample (the one the sparkline follows); else undefined. */
function worstCompared(c) {
    if (!isBaselineCheck(c))
        return undefined;
    const last = c.samples.findLast((m) => m.compared !== undefined);
    return last === undefined ? undefined : ordered(last, c.spec)[0];
}
/** The "Compared with before the deploy" section; '' when no check compares with the deploy's start. */
function renderDeployComparison(checks, ctx, seriesLimit) {
    const baselineChecks = checks.filter(isBaselineCheck);
    const alertsChecks = checks.filter(isAlertsCheck);
    const preExisting = (ctx.preExisting ?? []).filter((p) => p.series.length > 0 || p.error !== undefined);
    if (baselineChecks.length === 0 && alertsChecks.length === 0 && preExisting.length === 0)
        return '';
    const parts = ['#### Compared with before the deploy'];
    if (ctx.deployStart !== undefined) {
        parts.push(`Baseline windows end, and alerts count as pre-existing before, ${(0,markdown/* escapeCell */.kq)(deployStartText(ctx.deployStart))}.`);
    }
    for (const c of baselineChecks)
        parts.push(baselineBlock(c, ctx.baselines ?? [], seriesLimit));
    for (const c of alertsChecks)
        parts.push(alertsBlock(c, seriesLimit));
    for (const p of preExisting) {
        const check = checks.find((c) => c.spec.name === p.check);
        const unit = check !== undefined && check.spec.kind === 'metric' && isPercent(check.spec) ? '%' : '';
        parts.push(preExistingBlock(p, unit, seriesLimit));
    }
    return parts.join('\n\n');
}
function baselineBlock(c, evidence, seriesLimit) {
    const e = evidence.find((x) => x.check === c.spec.name);
    const head = `**${(0,markdown/* escapeCell */.kq)(c.spec.name)}** · baseline: ${(0,markdown/* escapeCell */.kq)(baselineWindowText(c.spec.baseline))}`;
    const status = e === undefined
        ? 'the baseline was never queried'
        : e.status === 'ready'
            ? `${e.seriesWithBaseline ?? 0} of ${e.seriesInWindow ?? 0} series in the window had a baseline (≥ 10 samples, step ${e.stepMs / 1000}s, ${e.windowStart} – ${e.windowEnd})${e.bandDropped === true ? BAND_DROPPED : ''}`
            : `the baseline query failed (${e.attempts} ${e.attempts === 1 ? 'attempt' : 'attempts'}): ${(0,markdown/* escapeCell */.kq)(e.error ?? '')}`;
    const lines = [`${head}; ${status}.`];
    const last = c.samples.findLast((m) => m.compared !== undefined);
    const compared = last === undefined ? [] : ordered(last, c.spec);
    const unit = isPercent(c.spec) ? '%' : '';
    const shown = compared.slice(0, Math.max(seriesLimit, 1));
    if (shown.length > 0) {
        const rows = shown.map((s) => [
            (0,markdown/* codeCell */.MZ)(formatLabels(s.labels)),
            (0,markdown/* escapeCell */.kq)(valueWithBaseline(s.value, s.baseline, unit, s.band)),
        ]);
        lines.push((0,markdown/* table */.tp)(['Series (last sample, worst first)', 'Value vs before the deploy'], rows));
    }
    const missing = compared.filter((s) => s.baseline === undefined);
    if (missing.length > 0) {
        const names = missing.slice(0, Math.max(seriesLimit, 1)).map((s) => (0,markdown/* code */.aY)(formatLabels(s.labels)));
        const more = missing.length > names.length ? `, … and ${missing.length - names.length} more` : '';
        lines.push(`Without a baseline (held to the absolute bounds only): ${names.join(', ')}${more}`);
    }
    if (compared.length > shown.length)
        lines.push(`… and ${compared.length - shown.length} more series in the JSON report`);
    return lines.join('\n\n');
}
const BAND_DROPPED = "; the normal band was not used, only the median: the window ends at the gate's start, after the deploy, so its tails may hold the new release";
/**
 * `median and normal band (central 98 %) of each series over the 30m ending 1d before the deploy` — which window was
 * used, and what was taken from it.
 */
function baselineWindowText(rule) {
    const what = rule.band > 0
        ? `median and normal band (central ${Math.round(rule.band * 1000) / 10} % of the samples)`
        : 'median';
    const when = rule.offsetMs > 0 ? `ending ${rule.offsetText} before the deploy` : 'before the deploy';
    return `${what} of each series over the ${rule.windowText} ${when}`;
}
/** A check's pre-existing series, listed apart: what they were before the deploy, and what that means here. */
function preExistingBlock(p, unit, seriesLimit) {
    const head = p.mode === 'report'
        ? `**${(0,markdown/* escapeCell */.kq)(p.check)}** · pre-existing (\`pre-existing: report\`): these series pass while they get no worse than before the deploy`
        : `**${(0,markdown/* escapeCell */.kq)(p.check)}** · breaching series that were already beyond the bound before the deploy (\`pre-existing: fail\` counted them as usual; \`report\` would let them pass while they get no worse)`;
    if (p.error !== undefined) {
        return `${head}.\n\nThe ${(0,markdown/* escapeCell */.kq)(p.windowText)} before the deploy could not be read: ${(0,markdown/* escapeCell */.kq)(p.error)}`;
    }
    const shown = p.series.slice(0, Math.max(seriesLimit, 1));
    const rows = shown.map((s) => [
        (0,markdown/* codeCell */.MZ)(formatLabels(s.labels)),
        (0,markdown/* escapeCell */.kq)(preExistingText(s, p.windowText, unit)),
    ]);
    const more = p.series.length > shown.length
        ? `\n\n… and ${p.series.length - shown.length} more in the JSON report`
        : '';
    return `${head}.\n\n${(0,markdown/* table */.tp)(['Series', 'Before the deploy'], rows)}${more}`;
}
function alertsBlock(c, limit) {
    const last = c.samples.findLast((m) => m.alerts !== undefined)?.alerts;
    const selector = c.spec.selector === 'all' ? 'all alerts' : (0,markdown/* code */.aY)(c.spec.selector);
    const lines = [`**${(0,markdown/* escapeCell */.kq)(c.spec.name)}** · alerts matching ${selector}`];
    if (last === undefined) {
        lines.push('The alerts API was never read successfully.');
        return lines.join('\n\n');
    }
    const rows = (alerts) => alerts
        .slice(0, Math.max(limit, 1))
        .map((a) => [
        (0,markdown/* codeCell */.MZ)(a.alertname || '(no alertname)'),
        (0,markdown/* codeCell */.MZ)(formatLabels(a.labels)),
        (0,markdown/* escapeCell */.kq)(a.state),
        (0,markdown/* escapeCell */.kq)(a.activeAt ?? '—'),
    ]);
    const headers = (what) => [what, 'Labels that tell it apart', 'State', 'activeAt'];
    lines.push(last.new.length === 0
        ? 'New alerts: none.'
        : (0,markdown/* table */.tp)(headers('New alert (since the deploy)'), rows(last.new)));
    if (last.preExisting.length > 0) {
        lines.push((0,markdown/* table */.tp)(headers('Pre-existing alert (active before the deploy; never a breach)'), rows(last.preExisting)));
    }
    const cut = Math.max(last.new.length, last.preExisting.length) - Math.max(limit, 1);
    if (cut > 0)
        lines.push('… more alerts are listed in the JSON report');
    return lines.join('\n\n');
}

// EXTERNAL MODULE: ./src/report/json.ts
var json = __webpack_require__(32794);
;// CONCATENATED MODULE: ./src/gate/report.ts






function buildGateReport(result, ctx) {
    const report = {
        version: 1,
        mode: 'gate',
        verdict: result.verdict,
        environment: ctx.environment,
        sha: ctx.sha,
        run: { id: ctx.run.id, attempt: ctx.run.attempt, url: ctx.run.url },
        startedAt: result.startedAt,
        finishedAt: result.finishedAt,
        config: ctx.config ?? null,
        ...(ctx.deployStart === undefined || !result.checks.some(comparesWithDeploy)
            ? {}
            : {
                deployStart: {
                    at: new Date(ctx.deployStart.atMs).toISOString(),
                    source: ctx.deployStart.source,
                    text: deployStartText(ctx.deployStart),
                },
                baselines: ctx.baselines ?? [],
            }),
        ...(ctx.preExisting === undefined || ctx.preExisting.length === 0
            ? {}
            : { preExisting: ctx.preExisting }),
        ...(ctx.services === undefined || ctx.services.length === 0 ? {} : { services: ctx.services }),
        checks: result.checks.map((c) => reportCheck(c, ctx.services ?? [])),
    };
    return (0,redact/* redact */.E$)(report, ctx.secrets);
}
function reportCheck(c, services) {
    const service = c.spec.kind === 'metric' && c.spec.service !== undefined
        ? services.find((s) => s.service === c.spec.service.service)
        : undefined;
    const base = {
        name: c.spec.name,
        kind: checkKind(c.spec),
        enforce: c.spec.enforce,
        ...(service === undefined
            ? {}
            : {
                service: {
                    name: service.service,
                    convention: service.convention ?? null,
                    recognisedBy: service.recognisedBy,
                },
            }),
    };
    const rest = {
        threshold: report_thresholdOf(c.spec),
        result: c.result,
        reason: c.reason ?? null,
        ...(c.spec.kind === 'metric' ? baselinesOfCheck(c.samples, c.spec) : {}),
        samples: c.samples.map(reportSample),
    };
    if (c.spec.kind === 'http')
        return { ...base, target: c.spec.url, ...rest };
    if (c.spec.kind === 'alerts')
        return { ...base, target: c.spec.selector, ...rest };
    return { ...base, query: c.spec.query, ...rest };
}
function baselinesOfCheck(samples, spec) {
    const last = samples.findLast((m) => m.compared !== undefined);
    return last === undefined ? {} : { baselines: comparedOfSample(last, spec) };
}
function comparesWithDeploy(c) {
    return (c.spec.kind === 'alerts' ||
        (c.spec.kind === 'metric' && (c.spec.baseline !== undefined || c.spec.preExisting === 'report')));
}
function report_thresholdOf(spec) {
    if (spec.kind === 'http')
        return { min: null, max: spec.maxLatencyMs ?? null };
    if (spec.kind === 'alerts')
        return { min: null, max: null };
    return { min: spec.min ?? null, max: spec.max ?? null };
}
function reportSample(m) {
    return {
        at: m.at,
        outcome: m.outcome,
        value: m.value === undefined ? null : (0,json/* jsonNumber */.q)(m.value),
        series: (m.series ?? []).map((s) => ({
            labels: s.labels,
            value: (0,json/* jsonNumber */.q)(s.value),
            ...(s.baseline === undefined ? {} : { baseline: s.baseline, change: changeText(s.value, s.baseline) }),
            ...(s.band === undefined ? {} : { band: s.band }),
        })),
        ...(m.ignoredSeries !== undefined && m.ignoredSeries.length > 0
            ? { ignoredSeries: m.ignoredSeries.map((s) => ({ labels: s.labels, value: (0,json/* jsonNumber */.q)(s.value) })) }
            : {}),
        ...(m.warnings !== undefined && m.warnings.length > 0 ? { warnings: m.warnings } : {}),
        ...(m.range === undefined ? {} : { range: m.range }),
        // A note on a pass (`not judged: 0 req/s < min-traffic 0.05`), or why a sample breached or could not be taken.
        ...(m.reason === undefined ? {} : { reason: m.reason }),
        ...(m.alerts === undefined ? {} : { alerts: alertsOfSample(m) }),
    };
}

;// CONCATENATED MODULE: ./src/gate/pending-checks.ts


/** Checks named per line before `… and N more` (keeps a 1,000-check summary small). */
const NAMES_PER_LINE = 20;
const DEFAULT_REASON = 'not decided: the gate stopped first';
/** The reason of a pending check as the line shows it. */
function pendingReason(c) {
    return c.reason !== undefined && c.reason !== '' ? c.reason : DEFAULT_REASON;
}
/** `⏸️ 3 checks not decided: the gate stopped early (vram failed) — `a`, `b`, `c``; `''` when none is pending. */
function pendingChecksLines(checks, reasonChars) {
    const byReason = new Map();
    for (const c of checks) {
        if (c.result !== 'pending')
            continue;
        const reason = pendingReason(c);
        byReason.set(reason, [...(byReason.get(reason) ?? []), c.spec.name]);
    }
    return [...byReason]
        .map(([reason, names]) => {
        const shown = names.slice(0, NAMES_PER_LINE).map(markdown/* code */.aY).join(', ');
        const more = names.length > NAMES_PER_LINE ? `, … and ${names.length - NAMES_PER_LINE} more` : '';
        const count = names.length === 1 ? '1 check' : `${names.length} checks`;
        const text = (0,markdown/* escapeCell */.kq)((0,markdown/* shorten */.ml)(reason.replace(/^not decided: /, ''), reasonChars));
        return `${RESULT_ICONS.pending} ${count} not decided — ${text}: ${shown}${more}`;
    })
        .join('\n\n');
}

;// CONCATENATED MODULE: ./src/gate/trends.ts



/**
 * Values a check's scale must include besides its samples: its `min` and `max`, and for a baseline check the worst
 * series' baseline and normal band, so the band is drawn on the sparkline's own scale.
 */
function thresholdReferences(c) {
    const worst = worstCompared(c);
    return [c.spec.min, c.spec.max, worst?.baseline, worst?.band?.[0], worst?.band?.[1]];
}
/** `0.22–0.41 ▂…▄`: the worst series' normal band before the deploy, and where it sits on the row's scale. */
function normalCell(c, scale) {
    const band = worstCompared(c)?.band;
    if (band === undefined)
        return '—';
    const text = `${formatCheckValue(c.spec, band[0])}–${formatCheckValue(c.spec, band[1])}`;
    return scale === undefined ? text : `${text} ${(0,markdown/* sparkGlyph */.wN)(band[0], scale)}…${(0,markdown/* sparkGlyph */.wN)(band[1], scale)}`;
}
/** One line: what the ends of each sparkline's scale are. */
const TRENDS_LEGEND = `▁ and █ are the ends of the row's Scale, which spans its values and its threshold (and baseline and normal band), so flat reads ` +
    `flat and a climb towards the threshold reads so; ${markdown/* SPARK_GAP */.DX} = no value.`;
/** The Trends table and its legend; `references` adds reference values per check (default: its threshold). */
function trendsSection(metrics, references = thresholdReferences) {
    const banded = metrics.some((c) => worstCompared(c)?.band !== undefined);
    const rows = metrics
        .filter((c) => c.samples.length > 0)
        .map((c) => {
        const values = c.samples.map((m) => m.value ?? Number.NaN);
        const include = references(c);
        const finite = values.filter(Number.isFinite);
        const value = (n) => formatCheckValue(c.spec, n);
        const low = finite.length > 0 ? value(Math.min(...finite)) : '—';
        const high = finite.length > 0 ? value(Math.max(...finite)) : '—';
        const scale = finite.length > 0 ? (0,markdown/* sparklineScale */.WD)(values, include) : undefined;
        const keep = lowIsWorse(c.spec) ? 'min' : 'max';
        const row = [
            (0,markdown/* escapeCell */.kq)(c.spec.name),
            (0,markdown/* codeCell */.MZ)((0,markdown/* sparkline */.KM)(values, { width: 40, keep, include })),
            (0,markdown/* escapeCell */.kq)(scale ? `${value(scale.low)} … ${value(scale.high)}` : '—'),
            (0,markdown/* escapeCell */.kq)(low),
            (0,markdown/* escapeCell */.kq)(high),
        ];
        return banded ? [...row, (0,markdown/* escapeCell */.kq)(normalCell(c, scale))] : row;
    });
    const headers = ['Check', 'Over the window', 'Scale ▁ … █', 'Min', 'Max'];
    if (banded)
        headers.push('Normal before the deploy');
    return `${(0,markdown/* table */.tp)(headers, rows)}\n\n${(0,markdown/* escapeCell */.kq)(TRENDS_LEGEND)}`;
}

// EXTERNAL MODULE: ./src/report/services.ts
var report_services = __webpack_require__(29148);
;// CONCATENATED MODULE: ./src/gate/charts.ts



/** At most this many charts a summary. */
const MAX_CHARTS = 6;
/** Points per chart side (before / after the deploy), downsampled by bucket keeping the extreme. */
const charts_MAX_POINTS = 30;
/** Which checks get a chart: failed first, then any that breached, in config order; at most 6. */
function chartedChecks(checks) {
    const metric = checks.filter((c) => c.spec.kind === 'metric' && c.samples.length > 0);
    const failed = metric.filter((c) => c.result === 'failed');
    const breached = metric.filter((c) => c.result !== 'failed' && c.samples.some((m) => m.outcome === 'breach'));
    return [...failed, ...breached].slice(0, MAX_CHARTS);
}
/** The labels of the series a check's chart follows: its worst breaching series, else its worst compared one. */
function chartedSeries(c) {
    const breach = c.samples.findLast((m) => m.outcome === 'breach' && (m.series?.length ?? 0) > 0);
    return breach?.series?.[0]?.labels ?? worstCompared(c)?.labels;
}
/** The followed series' value in each sample (NaN where it was not there), else the sample's decisive value. */
function valuesAfter(c, labels) {
    const key = labels === undefined ? undefined : seriesKey(labels);
    return c.samples.map((m) => {
        if (key !== undefined) {
            const s = [...(m.series ?? []), ...(m.compared ?? [])].find((x) => seriesKey(x.labels) === key);
            if (s !== undefined)
                return s.value;
        }
        return charts_valueOf(m);
    });
}
function charts_valueOf(m) {
    return m.value ?? Number.NaN;
}
/** Downsamples to at most `n` points by bucket, keeping each bucket's value furthest from `mid`. */
function downsample(values, n, mid) {
    if (values.length <= n)
        return [...values];
    const out = [];
    for (let i = 0; i < n; i++) {
        const bucket = values.slice(Math.floor((i * values.length) / n), Math.floor(((i + 1) * values.length) / n));
        const finite = bucket.filter(Number.isFinite);
        out.push(finite.length === 0
            ? Number.NaN
            : finite.reduce((a, b) => (Math.abs(b - mid) > Math.abs(a - mid) ? b : a)));
    }
    return out;
}
/** Three significant digits, as a Mermaid number (no exponent, no NaN: a gap is drawn as the previous value). */
function rounded(values) {
    let last = values.find(Number.isFinite) ?? 0;
    return values.map((v) => {
        if (Number.isFinite(v))
            last = v;
        const r = Number(last.toPrecision(3));
        return Math.abs(r) < 1e-6 ? '0' : String(r);
    });
}
/**
 * One chart. `before`: the followed series' values in the baseline window (absent without a baseline or when they
 * could not be read). The x-axis counts samples, with the deploy's start marked `deploy`.
 */
function renderChart(c, before) {
    const labels = chartedSeries(c);
    const after = valuesAfter(c, labels);
    const worst = worstCompared(c);
    const band = worst?.band;
    const mid = worst?.baseline ?? after.find(Number.isFinite) ?? 0;
    const pre = before === undefined ? [] : downsample(before, charts_MAX_POINTS, mid);
    const post = downsample(after, charts_MAX_POINTS, mid);
    const values = [...pre, ...post];
    const flat = (v) => v === undefined || !Number.isFinite(v) ? undefined : values.map(() => String(Number(v.toPrecision(3))));
    const lines = [
        { what: 'the value', points: rounded(values) },
        { what: `max ${c.spec.max}`, points: flat(c.spec.max) },
        { what: `min ${c.spec.min}`, points: flat(c.spec.min) },
        { what: 'normal band, low end', points: flat(band?.[0]) },
        { what: 'normal band, high end', points: flat(band?.[1]) },
    ].filter((l) => l.points !== undefined);
    const finite = [...values, c.spec.max, c.spec.min, band?.[0], band?.[1]].filter((v) => v !== undefined && Number.isFinite(v));
    const low = Math.min(...finite);
    const high = Math.max(...finite);
    const pad = (high - low) * 0.05 || Math.abs(high) * 0.05 || 1;
    const axis = (v) => String(Number(v.toPrecision(3)));
    // Every label unique: Mermaid puts points with equal labels on one category. Before the deploy they count down to
    // it, after it the rounds count up from it.
    const x = [
        ...pre.map((_, i) => `"-${pre.length - i}"`),
        ...post.map((_, i) => (i === 0 ? '"deploy"' : `"+${i}"`)),
    ];
    const unit = isPercent(c.spec) ? '%' : '';
    // The value in GitHub's blue, the bounds in red, the band in purple (the default first colour is a pale lavender).
    const palette = [
        '#0969da',
        ...lines.slice(1).map((l) => (l.what.startsWith('normal') ? '#8250df' : '#cf222e')),
    ];
    const body = [
        `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${palette.join(', ')}"}}}}%%`,
        'xychart-beta',
        `  title "${c.spec.name}${before === undefined ? '' : ': before and after the deploy'}"`,
        `  x-axis [${x.join(', ')}]`,
        `  y-axis "${unit === '%' ? 'percent' : 'value'}" ${axis(Math.max(low - pad, unit === '%' && low >= 0 ? 0 : low - pad))} --> ${axis(high + pad)}`,
        ...lines.map((l) => `  line [${l.points.join(', ')}]`),
    ];
    const legend = lines.map((l, i) => `${i + 1}. ${l.what}`).join(' · ');
    const axisNote = pre.length > 0
        ? " Samples before `deploy` are the baseline window (downsampled), after it the gate's rounds."
        : " The x-axis counts the gate's rounds from the deploy.";
    return `\`\`\`mermaid\n${body.join('\n')}\n\`\`\`\n\nLines, in order: ${legend}.${axisNote}`;
}
/** The Charts section; '' when no check failed or breached. */
function chartsSection(checks, history = new Map()) {
    const charted = chartedChecks(checks);
    if (charted.length === 0)
        return '';
    const blocks = charted.map((c) => renderChart(c, history.get(c.spec.name)));
    return ['#### Charts', ...blocks].join('\n\n');
}

// EXTERNAL MODULE: ./src/report/log.ts
var log = __webpack_require__(46472);
;// CONCATENATED MODULE: ./src/gate/summary.ts










const DEFAULT_MAX_BYTES = 1_000_000;
/** Queries longer than this are cut in the table; the full text is in the `Queries` section. */
const QUERY_CELL_CHARS = 60;
const DRY_RUN_NOTE = '(dry run — the step does not fail on the verdict)';
const LEVELS = [
    { seriesLimit: 10, queries: true, reasonChars: 500, shortened: false },
    { seriesLimit: 3, queries: false, reasonChars: 200, shortened: true },
    { seriesLimit: 0, queries: false, reasonChars: 100, shortened: true },
];
const SHORTENED_NOTE = "> [!NOTE]\n> This summary was shortened to stay under GitHub's 1 MiB step-summary limit (per-check series " +
    'listings first); the JSON report artifact has every check, sample and series.';
/**
 * Markdown for the job summary: the verdict line, a table of checks, sparklines of the metrics, then for each
 * check that did not pass (or had breaching series) its worst series and a link to its query in Prometheus.
 */
function renderGateSummary(result, ctx) {
    // What to do next ends the summary and is never cut: the rest is fitted into what it leaves.
    const tail = ctx.nextSteps ? `\n${ctx.nextSteps}\n` : '';
    const maxBytes = (ctx.maxBytes ?? DEFAULT_MAX_BYTES) - Buffer.byteLength(tail);
    const series = seriesOf(result.checks);
    let text = '';
    for (const detail of LEVELS) {
        text = render(result, ctx, detail, series);
        if (Buffer.byteLength(text) <= maxBytes)
            return text + tail;
    }
    return cutToBytes(text, maxBytes) + tail;
}
function seriesOf(checks) {
    const out = new Map();
    for (const c of checks) {
        if (isMetric(c))
            out.set(c, { breaching: breachingSeries(c.spec, c.samples), ignored: ignoredSeries(c.samples) });
    }
    return out;
}
function render(result, ctx, detail, series) {
    const metrics = result.checks.filter(isMetric);
    const parts = [header(result, ctx)];
    if (detail.shortened)
        parts.push(SHORTENED_NOTE);
    parts.push(checksTable(result.checks, detail));
    const pending = pendingChecksLines(result.checks, detail.reasonChars);
    if (pending)
        parts.push(pending);
    const charts = ctx.charts === undefined || detail.shortened ? '' : chartsSection(result.checks, ctx.charts);
    if (charts !== '')
        parts.push(charts);
    if (metrics.some((c) => c.samples.length > 0))
        parts.push('#### Trends', trendsSection(metrics));
    const findings = result.checks
        .filter((c) => needsFinding(c, series.get(c)))
        .map((c) => finding(c, ctx, detail, series.get(c)));
    if (findings.length > 0)
        parts.push('#### Findings', ...findings);
    const comparison = renderDeployComparison(result.checks, ctx, detail.seriesLimit);
    if (comparison !== '')
        parts.push(comparison);
    const services = (0,report_services/* renderServices */.r)(ctx.services ?? []);
    if (services !== '')
        parts.push(services);
    if (detail.queries && metrics.length > 0)
        parts.push(queriesDetails(metrics));
    return `${parts.join('\n\n')}\n`;
}
function isMetric(c) {
    return c.spec.kind === 'metric';
}
function header(result, ctx) {
    const facts = [(0,markdown/* escapeCell */.kq)(ctx.environment), (0,markdown/* code */.aY)(ctx.sha.slice(0, 7))];
    const windowMs = Date.parse(result.finishedAt) - Date.parse(result.startedAt);
    if (Number.isFinite(windowMs))
        facts.push(`${(0,markdown/* formatDuration */.a3)(windowMs)} window`);
    const heading = (0,markdown/* verdictLine */.MT)(VERDICT_ICONS[result.verdict], `deploy-gate: ${result.verdict}`, facts, ctx.dryRun ? DRY_RUN_NOTE : undefined);
    const enforced = result.checks.filter((c) => c.spec.enforce);
    const passed = enforced.filter((c) => c.result === 'passed').length;
    const shadow = result.checks.length - enforced.length;
    let line = `${passed} of ${enforced.length} enforced checks passed`;
    if (shadow > 0)
        line += ` (+${shadow} shadow ${shadow === 1 ? 'check' : 'checks'}, not enforced)`;
    const failed = enforced.filter((c) => c.result === 'failed').map((c) => c.spec.name);
    const inconclusive = enforced.filter((c) => c.result === 'inconclusive').map((c) => c.spec.name);
    const undecided = enforced.filter((c) => c.result === 'pending').length;
    if (failed.length > 0)
        line += `; failed: ${failed.map(markdown/* code */.aY).join(', ')}`;
    if (inconclusive.length > 0)
        line += `; inconclusive: ${inconclusive.map(markdown/* code */.aY).join(', ')}`;
    if (undecided > 0)
        line += `; ${undecided} not decided when the gate stopped`;
    line += '.';
    if (result.ended === 'startup-failed')
        line += ' The gate stopped at startup: a health check never passed.';
    if (result.ended === 'fail-fast')
        line += ' The gate stopped early: an enforced check failed.';
    const links = [
        ctx.deploymentUrl ? (0,markdown/* link */.nf)('Deployment', (0,redact/* withoutUserinfo */.Q3)(ctx.deploymentUrl)) : undefined,
        ctx.runUrl ? (0,markdown/* link */.nf)('Workflow run', (0,redact/* withoutUserinfo */.Q3)(ctx.runUrl)) : undefined,
        ctx.reportArtifact ? `JSON report: artifact ${(0,markdown/* code */.aY)(ctx.reportArtifact)}` : undefined,
    ].filter((l) => l !== undefined);
    return [heading, line, ...(links.length > 0 ? [links.join(' · ')] : [])].join('\n\n');
}
function kindText(spec) {
    return spec.enforce ? checkKind(spec) : `${checkKind(spec)} (shadow)`;
}
function targetCell(spec) {
    if (spec.kind === 'http') {
        const method = spec.method === 'GET' ? '' : `${spec.method} `;
        return (0,markdown/* codeCell */.MZ)(`${method}${(0,markdown/* shorten */.ml)((0,redact/* withoutUserinfo */.Q3)(spec.url), 120)}`);
    }
    if (spec.kind === 'alerts')
        return spec.selector === 'all' ? 'all alerts' : (0,markdown/* codeCell */.MZ)((0,markdown/* shorten */.ml)(spec.selector, 120));
    if (spec.builtin !== undefined)
        return spec.selector ? (0,markdown/* codeCell */.MZ)((0,markdown/* shorten */.ml)(spec.selector, 120)) : 'all series';
    return (0,markdown/* codeCell */.MZ)((0,markdown/* shorten */.ml)(spec.query, QUERY_CELL_CHARS));
}
function checksTable(checks, detail) {
    const rows = checks.map((c) => {
        const worst = worstSample(c.spec, c.samples);
        return [
            (0,markdown/* escapeCell */.kq)(c.spec.name),
            (0,markdown/* escapeCell */.kq)(kindText(c.spec)),
            targetCell(c.spec),
            (0,markdown/* escapeCell */.kq)(thresholdText(c.spec)),
            (0,markdown/* escapeCell */.kq)(lastWithBaseline(c) ?? lastValueText(c.spec, c.samples)),
            (0,markdown/* escapeCell */.kq)(worst ? formatCheckValue(c.spec, worst.value) : '—'),
            (0,markdown/* escapeCell */.kq)(sampleCountsText(c.samples)),
            // Icon and word on one line: in a squeezed table GitHub otherwise wraps the word under the icon.
            resultText(c.result).replace(' ', '&nbsp;'),
            // Pending checks share one reason, said once below the table (pending-checks.ts).
            c.result === 'pending' ? '' : (0,markdown/* escapeCell */.kq)((0,markdown/* shorten */.ml)(reasonOf(c), detail.reasonChars)),
        ];
    });
    const headers = [
        'Check',
        'Kind',
        'Target / query',
        'Threshold',
        'Last',
        'Worst',
        'Samples',
        'Result',
        'Reason',
    ];
    // A column with no reason in any row only squeezes the others (seen on the rendered summary): leave it out.
    if (rows.every((r) => r.at(-1) === ''))
        return (0,markdown/* table */.tp)(headers.slice(0, -1), rows.map((r) => r.slice(0, -1)));
    return (0,markdown/* table */.tp)(headers, rows);
}
function reasonOf(c) {
    if (c.reason !== undefined && c.reason !== '')
        return c.reason;
    if (c.result === 'pending')
        return 'not decided: the gate stopped first';
    return '';
}
function needsFinding(c, series) {
    if (c.result === 'failed' || c.result === 'inconclusive')
        return true;
    // Series left out as NaN/±Inf are named even when the check passed (SPEC §3.3).
    return (series?.breaching.length ?? 0) > 0 || (series?.ignored.length ?? 0) > 0;
}
function finding(c, ctx, detail, series = { breaching: [], ignored: [] }) {
    const reason = reasonOf(c);
    const lines = [
        `**${(0,markdown/* escapeCell */.kq)(c.spec.name)}** · ${resultText(c.result)}${reason ? ` — ${(0,markdown/* escapeCell */.kq)((0,markdown/* shorten */.ml)(reason, detail.reasonChars))}` : ''}`,
    ];
    if (isMetric(c)) {
        const { breaching, ignored } = series;
        if (breaching.length > 0) {
            const named = breaching.slice(0, detail.seriesLimit);
            if (named.length > 0) {
                const rows = named.map((s) => [
                    (0,markdown/* codeCell */.MZ)(formatLabels(s.labels)),
                    (0,markdown/* escapeCell */.kq)(formatCheckValue(c.spec, s.worstValue)),
                    String(s.count),
                ]);
                lines.push((0,markdown/* table */.tp)(['Breaching series (worst first)', 'Worst', 'Breaches'], rows));
            }
            const more = breaching.length - named.length;
            if (more > 0) {
                lines.push(named.length > 0 ? `… and ${more} more` : `${more} breaching series (listed in the JSON report)`);
            }
        }
        if (ignored.length > 0) {
            const limit = Math.max(detail.seriesLimit, 1);
            const names = ignored.slice(0, limit).map((s) => (0,markdown/* code */.aY)(formatLabels(s.labels)));
            const more = ignored.length > limit ? `, … and ${ignored.length - limit} more` : '';
            lines.push(`Left out as NaN/±Inf (not compared): ${names.join(', ')}${more}`);
        }
        if ((c.result === 'failed' || c.result === 'inconclusive') && ctx.prometheusUrl) {
            lines.push((0,markdown/* link */.nf)('Open the query in Prometheus', prometheusGraphUrl(ctx.prometheusUrl, c.spec.query)));
        }
    }
    return lines.join('\n\n');
}
/** `<prometheus-url>/graph?g0.expr=…&g0.tab=0&g0.range_input=1h`, without userinfo; the query fully percent-encoded. */
function prometheusGraphUrl(prometheusUrl, query) {
    const base = (0,redact/* withoutUserinfo */.Q3)(prometheusUrl).replace(/\/+$/, '');
    const expr = encodeURIComponent(query).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    return `${base}/graph?g0.expr=${expr}&g0.tab=0&g0.range_input=1h`;
}
function queriesDetails(metrics) {
    const body = metrics
        .map((c) => `**${(0,markdown/* escapeCell */.kq)(c.spec.name)}**\n\n${(0,markdown/* fence */.EU)(c.spec.query, 'promql')}`)
        .join('\n\n');
    return (0,markdown/* details */.zH)('Queries', body);
}
/** Last resort: cut at a line boundary so that the text plus a note fits `maxBytes`. */
function cutToBytes(text, maxBytes) {
    const note = '_… cut here to stay under the step-summary size limit; see the JSON report._\n';
    const budget = Math.max(0, maxBytes - Buffer.byteLength(note) - 2);
    const bytes = Buffer.from(text);
    const end = bytes.lastIndexOf(0x0a, budget);
    return `${bytes.subarray(0, Math.max(0, end)).toString('utf8')}\n\n${note}`;
}

;// CONCATENATED MODULE: ./src/gate/next-steps-summary.ts


const REASON_CHARS = 300;
const HOUR_MS = 3_600_000;
const NEXT_STEPS_HEADING = '#### What to do next';
/** `<server>/<repo>/actions/workflows/<file>`: the workflow's page, with its Run workflow button. */
function rollbackWorkflowUrl(ctx, file) {
    const server = (0,redact/* withoutUserinfo */.Q3)(ctx.serverUrl).replace(/\/+$/, '');
    return `${server}/${ctx.repository}/actions/workflows/${encodeURIComponent(file)}`;
}
function renderNextSteps(next, ctx) {
    const lines = [NEXT_STEPS_HEADING];
    if (ctx.verdict === 'inconclusive') {
        lines.push('The gate could not decide: look first at why the measurements could not be taken (above); if the release ' +
            'itself is bad, this is the way back.');
    }
    const button = ctx.rollbackWorkflow
        ? `**${(0,markdown/* link */.nf)(`Open ${ctx.rollbackWorkflow}`, rollbackWorkflowUrl(ctx, ctx.rollbackWorkflow))}** and press ` +
            '**Run workflow** to go back to it, or fix forward.'
        : 'Set the `rollback-workflow` input to link the rollback workflow (its **Run workflow** button) here.';
    switch (next.kind) {
        case 'target':
            lines.push(targetLine(next, ctx.now), scopeLine(next), button);
            break;
        case 'none':
            lines.push(`There is no stable release to roll back to: ${(0,markdown/* escapeCell */.kq)((0,markdown/* shorten */.ml)(next.reason, REASON_CHARS))}. ` +
                'Fix forward, or deploy a known-good commit by hand.');
            break;
        case 'unknown':
            lines.push(`The rollback target could not be read: ${(0,markdown/* escapeCell */.kq)((0,markdown/* shorten */.ml)(next.reason, REASON_CHARS))}.`, ...(ctx.rollbackWorkflow ? [button] : []));
            break;
    }
    return lines.join('\n\n');
}
function targetLine(next, now) {
    const run = (0,markdown/* link */.nf)(`run ${next.runId}`, (0,redact/* withoutUserinfo */.Q3)(next.runUrl));
    const at = Date.parse(next.deployedAt);
    const when = Number.isFinite(at)
        ? `, deployed ${(0,markdown/* escapeCell */.kq)(new Date(at).toISOString().slice(0, 16).replace('T', ' '))} UTC (${ageText(now.getTime() - at)})`
        : '';
    return `The rollback would go back to ${(0,markdown/* code */.aY)(next.sha.slice(0, 7))} (${run})${when}, the last stable release before this one.`;
}
function scopeLine(next) {
    const reason = (0,markdown/* escapeCell */.kq)((0,markdown/* shorten */.ml)(next.scopeReason, REASON_CHARS));
    switch (next.scope) {
        case 'deploy-job':
            return `Its build artifacts are still there, so only its deploy job would run again (\`deploy-job\`): ${reason}.`;
        case 'all-jobs':
            return `All of its jobs would run again (\`all-jobs\`): ${reason}.`;
        case 'dispatch':
            return `It is too old to re-run (\`dispatch\`): ${reason}.`;
    }
}
/** `5 min ago`, `3 h ago`, `4 days ago`. */
function ageText(ms) {
    if (!Number.isFinite(ms) || ms < 0)
        return 'just now';
    if (ms < HOUR_MS)
        return `${Math.max(1, Math.round(ms / 60_000))} min ago`;
    if (ms < 48 * HOUR_MS)
        return `${Math.round(ms / HOUR_MS)} h ago`;
    return `${Math.floor(ms / (24 * HOUR_MS))} days ago`;
}

// EXTERNAL MODULE: ./src/config/duration.ts
var duration = __webpack_require__(97840);
// EXTERNAL MODULE: ./src/rollback/actions-api.ts
var actions_api = __webpack_require__(93270);
// EXTERNAL MODULE: ./src/rollback/plan.ts + 2 modules
var plan = __webpack_require__(61146);
// EXTERNAL MODULE: ./src/rollback/target.ts
var rollback_target = __webpack_require__(99899);
;// CONCATENATED MODULE: ./src/gate/next-steps.ts
/**
 * "What to do next" for a failed or inconclusive gate (SPEC §7): the target the rollback mode would pick now and the
 * scope its artifacts allow — decided by the rollback's own code (`gatherPlanInput` + `plan`, rollback/target.ts and
 * rollback/plan.ts), never a second copy of its rules. Called only on that path, so a stable gate reads nothing.
 *
 * The narrow interface (`findNextSteps(deps, options, now) → NextSteps`) is what the summary renders; re-point its
 * body when the rollback's decision moves.
 */







/**
 * The rollback's decision as a rollback with default inputs (`deploy-job`, `artifact-names`, `retention-margin`,
 * `artifact-retention-days`) would make it now. Never throws: a read that fails is `unknown` with the reason.
 */
async function findNextSteps(deps, options, now) {
    const gather = {
        environment: options.environment,
        deployWorkflow: options.deployWorkflow,
        deployJob: constants/* Defaults */.Hw.deployJob,
        artifactNames: [],
        artifactRetentionDays: constants/* Defaults */.Hw.artifactRetentionDays,
        retentionMarginMs: (0,duration/* parseDuration */.E9)(constants/* Defaults */.Hw.retentionMargin) ?? 0,
        reportArtifact: options.reportArtifact,
    };
    try {
        const input = await (0,rollback_target/* gatherPlanInput */.fi)(deps, gather, now);
        const decided = (0,plan/* plan */.et)(input);
        const target = decided.target;
        const deployedAt = input.target?.deployment?.createdAt ?? target?.createdAt ?? '';
        if (decided.ok) {
            const { sha, runId, runUrl } = decided.target;
            return {
                kind: 'target',
                sha,
                runId,
                runUrl,
                deployedAt,
                scope: decided.scope,
                scopeReason: decided.scopeReason,
            };
        }
        if (target && (0,plan/* isTooOldToRerun */.pP)(target, now)) {
            const scopeReason = `run ${target.runId} was created ${target.ageDays} days ago and GitHub re-runs no run created over a month ` +
                'ago, so the rollback dispatches the deploy workflow for that commit (it needs redeploy-input)';
            const { sha, runId, runUrl } = target;
            return { kind: 'target', sha, runId, runUrl, deployedAt, scope: 'dispatch', scopeReason };
        }
        return { kind: 'none', reason: decided.error };
    }
    catch (err) {
        return { kind: 'unknown', reason: (0,errors/* errorMessage */.gJ)(err) };
    }
}
/**
 * Whether a gate's summary ends with what to do next: a failed or inconclusive verdict of a real deploy. A dry run
 * (a rehearsal that touches no GitHub API) and a pull_request gate (which records nothing, so deployed nothing the
 * environment's rollback would undo) read nothing.
 */
function needsNextSteps(verdict, dryRun, eventName) {
    return verdict !== 'stable' && !dryRun && !eventName.startsWith('pull_request');
}
/** `deploy.yml` from `GITHUB_WORKFLOW_REF` (`owner/repo/.github/workflows/deploy.yml@refs/heads/main`). */
function workflowFileOf(workflowRef) {
    return workflowRef.split('@')[0]?.split('/').at(-1) ?? '';
}
/** For gate mode: the clients from the token (reusing the gate's own), then `findNextSteps` for this run. */
async function gateNextSteps(input, options) {
    // Advice must not hold up a failing step: a client of its own (a gate that records nothing) does not retry, so an
    // unreachable API costs one failed request, not plugin-retry's 14 s of back-off.
    const octokit = input.octokit ?? (input.token && input.github ? await input.github({ retries: 0 }) : undefined);
    if (!octokit)
        return { kind: 'unknown', reason: 'github-token is empty, so the deployments could not be read' };
    const repo = { owner: input.ctx.owner, repo: input.ctx.repo };
    const deps = {
        ledger: (0,deployments/* createDeploymentLedger */.vS)(octokit, repo),
        runs: (0,actions_api/* createWorkflowRunsApi */.i$)(octokit, repo),
    };
    const deployWorkflow = workflowFileOf(input.ctx.workflowRef);
    return findNextSteps(deps, { ...options, deployWorkflow }, input.now ?? new Date());
}

;// CONCATENATED MODULE: ./src/gate/failing-count.ts
/** The outcomes of the samples `n` counts (each `breach` or `no-data`), oldest first. */
function failingCountText(n, counted) {
    const noData = counted.filter((o) => o === 'no-data').length;
    const breaches = counted.length - noData;
    const plural = (k, one, many) => `${k} ${k === 1 ? one : many}`;
    if (noData === 0)
        return plural(n, 'breach', 'breaches');
    if (breaches === 0)
        return plural(n, 'sample without data', 'samples without data');
    return `${plural(n, 'failing sample', 'failing samples')} (${plural(breaches, 'breach', 'breaches')}, ${noData} without data)`;
}

;// CONCATENATED MODULE: ./src/gate/verdict.ts

function initialState(spec) {
    return {
        spec,
        result: 'pending',
        consecutiveBreaches: 0,
        windowBreaches: 0,
        consecutiveErrors: 0,
        samples: [],
    };
}
function countAs(outcome, onNoData) {
    switch (outcome) {
        case 'pass':
        case 'breach':
        case 'error':
            return outcome;
        case 'no-data':
            return onNoData === 'fail' ? 'breach' : onNoData === 'pass' ? 'pass' : 'error';
    }
}
/** The evidence a reason quotes: the measurement's own reason, else a short description of it. */
function evidenceOf(m) {
    if (m.reason !== undefined && m.reason !== '')
        return m.reason;
    switch (m.outcome) {
        case 'no-data':
            return 'no data';
        case 'error':
            return 'measurement could not be taken';
        case 'breach':
            return m.value === undefined ? 'breach' : `value ${m.value}`;
        case 'pass':
            return m.value === undefined ? 'pass' : `value ${m.value}`;
    }
}
function count(n, singular, plural) {
    return `${n} ${n === 1 ? singular : plural}`;
}
/** Applies one measurement; returns a new state. A final state (`failed`, `inconclusive`) is returned unchanged. */
function applyMeasurement(state, m, limits) {
    if (state.result !== 'pending')
        return state;
    const countedAs = countAs(m.outcome, limits.onNoData);
    const samples = [...state.samples, m];
    switch (countedAs) {
        case 'pass':
            return { ...state, consecutiveBreaches: 0, consecutiveErrors: 0, lastCountedAs: countedAs, samples };
        case 'breach': {
            // An error neither breaks nor extends a run of breaches, so consecutiveErrors is left as it is.
            const consecutiveBreaches = state.consecutiveBreaches + 1;
            const windowBreaches = state.windowBreaches + 1;
            const next = {
                ...state,
                consecutiveBreaches,
                windowBreaches,
                lastCountedAs: countedAs,
                samples,
            };
            // Counted as breaches, in the window and in the current run (errors skipped, a pass ends it).
            const failing = samples.filter((s) => countAs(s.outcome, limits.onNoData) === 'breach');
            if (consecutiveBreaches >= limits.maxConsecutiveFailures) {
                const rule = `max-consecutive-failures ${limits.maxConsecutiveFailures}`;
                const run = failing.slice(-consecutiveBreaches).map((s) => s.outcome);
                const reason = `${failingCountText(consecutiveBreaches, run)} in a row (${rule}): ${evidenceOf(m)}`;
                return { ...next, result: 'failed', reason };
            }
            if (windowBreaches >= limits.maxFailures) {
                const rule = `max-failures ${limits.maxFailures}`;
                const all = failing.map((s) => s.outcome);
                const reason = `${failingCountText(windowBreaches, all)} in the window (${rule}): ${evidenceOf(m)}`;
                return { ...next, result: 'failed', reason };
            }
            return next;
        }
        case 'error': {
            // A breach neither breaks nor extends a run of errors, so consecutiveBreaches is left as it is.
            const consecutiveErrors = state.consecutiveErrors + 1;
            const next = { ...state, consecutiveErrors, lastCountedAs: countedAs, samples };
            if (consecutiveErrors >= limits.maxConsecutiveErrors) {
                const rule = `max-consecutive-errors ${limits.maxConsecutiveErrors}`;
                const reason = `${count(consecutiveErrors, 'error', 'errors')} in a row (${rule}): ${evidenceOf(m)}`;
                return { ...next, result: 'inconclusive', reason };
            }
            return next;
        }
    }
}
/**
 * SPEC §3.1: an HTTP check that did not pass once within `startup-timeout` is failed. Startup polls are not samples;
 * the last one is kept as the check's only sample, the evidence its reason quotes.
 */
function failStartup(state, startupTimeoutText, lastPoll) {
    const reason = `not healthy within ${startupTimeoutText}: ${evidenceOf(lastPoll)}`;
    return { ...state, result: 'failed', reason, samples: [lastPoll] };
}
function toOutcome(state, result, reason) {
    return reason === undefined
        ? { spec: state.spec, result, samples: state.samples }
        : { spec: state.spec, result, reason, samples: state.samples };
}
/**
 * The check's outcome when the window ran out. A still-pending check passes only if it was measured and its last
 * measurement was actually taken: nothing decides `stable` on a measurement that was never taken.
 */
function finishCheck(state) {
    if (state.result !== 'pending')
        return toOutcome(state, state.result, state.reason);
    const last = state.samples.at(-1);
    if (last === undefined)
        return toOutcome(state, 'inconclusive', 'never measured');
    if (state.lastCountedAs === 'error') {
        return toOutcome(state, 'inconclusive', `last measurement could not be taken: ${evidenceOf(last)}`);
    }
    return toOutcome(state, 'passed', undefined);
}
/**
 * The check's outcome when the gate stopped before the window ran out (fail fast, startup failure): a check that
 * was still pending stays `pending` (not decided, so not passed), with `why` as its reason.
 */
function stopCheck(state, why) {
    if (state.result !== 'pending')
        return toOutcome(state, state.result, state.reason);
    return toOutcome(state, 'pending', `not decided: ${why}`);
}
/**
 * SPEC §3.6: `failed` if any enforced check failed; else `inconclusive` if any enforced check did not pass
 * (inconclusive, or pending); else `stable`. Shadow checks (`enforce: false`) never change the verdict.
 * `failedChecks` lists the enforced checks that ended `failed` or `inconclusive`, in the order given.
 */
function decideVerdict(outcomes) {
    const enforced = outcomes.filter((o) => o.spec.enforce);
    const failedChecks = enforced
        .filter((o) => o.result === 'failed' || o.result === 'inconclusive')
        .map((o) => o.spec.name);
    const verdict = enforced.some((o) => o.result === 'failed')
        ? 'failed'
        : enforced.some((o) => o.result !== 'passed')
            ? 'inconclusive'
            : 'stable';
    return { verdict, failedChecks };
}
/** A deployment is recorded only for a real deploy: not in a dry run, not from a pull request (SPEC §2). */
function recordsDeployment(input) {
    return input.record && !input.dryRun && !input.eventName.startsWith('pull_request');
}
/** The final deployment status: `success`, `failure`, or `error` for a gate that could not decide. */
function deploymentState(verdict) {
    return verdict === 'stable' ? 'success' : verdict === 'failed' ? 'failure' : 'error';
}
/**
 * The check run's conclusion: `neutral` in a dry run, and for a stable gate whose shadow checks (`enforce: false`)
 * found something — green would hide them, red would block on checks the team chose not to enforce.
 */
function checkRunConclusion(result, dryRun) {
    const shadowFindings = result.checks.some((c) => !c.spec.enforce && c.result !== 'passed');
    if (dryRun || (result.verdict === 'stable' && shadowFindings))
        return 'neutral';
    return result.verdict === 'stable' ? 'success' : 'failure';
}
/**
 * A dry run never fails on the verdict (a notice says what it was); stable passes; inconclusive fails unless
 * `fail-on-inconclusive: false` (then a warning); failed fails.
 */
function stepEnd(verdict, input, description) {
    if (input.dryRun)
        return { kind: 'notice', message: `dry run: verdict ${verdict}; the step does not fail on the verdict` };
    if (verdict === 'stable')
        return { kind: 'pass' };
    if (verdict === 'inconclusive' && !input.failOnInconclusive)
        return { kind: 'warning', message: `gate inconclusive (fail-on-inconclusive: false): ${description}` };
    return { kind: 'fail', message: `deploy-gate: ${description}` };
}

;// CONCATENATED MODULE: ./src/gate/run.ts
/**
 * The gate loop (SPEC §3.1–3.5): startup → warm-up → observation rounds, with every effect injected (measuring,
 * clock, sleep, log), so a 5-minute window runs in milliseconds under a fake clock. What a measurement means is
 * decided in verdict.ts; this module only decides when to measure and when to stop.
 *
 * Startup polls are not samples: they do not count against the limits and are not kept, except that an HTTP check
 * failing startup keeps its last poll as its one sample (the evidence its reason quotes).
 */




const MAX_STARTUP_POLL_MS = 2_000;
const OUTCOMES = ['pass', 'breach', 'no-data', 'error'];
async function runGate(deps) {
    const signal = deps.signal ?? new AbortController().signal;
    throwIfAborted(signal);
    const startedAt = iso(deps.clock.now());
    let states = deps.checks.map(initialState);
    states = await runStartup(deps, states, signal);
    const startupFailure = states.find((s) => s.spec.enforce && s.result === 'failed');
    if (startupFailure !== undefined) {
        return result(deps, startedAt, states, 'startup-failed', `startup failed (${startupFailure.spec.name})`);
    }
    if (deps.policy.warmupMs > 0) {
        deps.log(`warm-up: waiting ${(0,duration/* formatConfigDuration */.U9)(deps.policy.warmupMs)} before the first sample`);
        await deps.sleep(deps.policy.warmupMs, signal);
        throwIfAborted(signal);
        deps.log('warm-up: done');
    }
    const observed = await observe(deps, states, signal);
    return result(deps, startedAt, observed.states, observed.ended, observed.why);
}
/** Polls the HTTP checks every min(interval, 2s) until each has passed once, or fails those that did not in time. */
async function runStartup(deps, initial, signal) {
    const { policy, clock, log } = deps;
    const states = [...initial];
    const waiting = new Set(states.flatMap((s, i) => (s.spec.kind === 'http' ? [i] : [])));
    if (waiting.size === 0) {
        log('startup: no HTTP checks, nothing to wait for');
        return states;
    }
    const pollMs = Math.min(policy.intervalMs > 0 ? policy.intervalMs : MAX_STARTUP_POLL_MS, MAX_STARTUP_POLL_MS);
    const startMs = clock.now();
    const deadlineMs = startMs + policy.startupTimeoutMs;
    const names = [...waiting].map((i) => states[i].spec.name).join(', ');
    const timeout = `timeout ${policy.startupTimeoutText}, every ${(0,duration/* formatConfigDuration */.U9)(pollMs)}`;
    log(`startup: waiting for ${names} to pass once (${timeout})`);
    const lastPolls = new Map();
    for (let poll = 1;; poll++) {
        const offsetMs = clock.now() - startMs;
        const indices = [...waiting];
        const specs = indices.map((i) => states[i].spec);
        const polled = await measureAll(deps, specs, signal);
        log(`startup poll ${poll} at +${formatElapsed(offsetMs)}: ${describeAll(specs, polled)}`);
        indices.forEach((i, k) => {
            const m = polled[k];
            if (m.outcome === 'pass')
                waiting.delete(i);
            else
                lastPolls.set(i, m);
        });
        if (waiting.size === 0) {
            log(`startup: every HTTP check passed, after ${formatElapsed(clock.now() - startMs)}`);
            return states;
        }
        if (clock.now() >= deadlineMs) {
            for (const i of waiting) {
                states[i] = failStartup(states[i], policy.startupTimeoutText, lastPolls.get(i));
            }
            const failed = [...waiting].map((i) => `${states[i].spec.name}: ${states[i].reason ?? ''}`);
            log(`startup: ${failed.join('; ')}`);
            return states;
        }
        await sleepUntil(deps, Math.min(startMs + poll * pollMs, deadlineMs), signal);
    }
}
/** Rounds at start + k·interval while k·interval ≤ duration; a late round starts the next one at once. */
async function observe(deps, initial, signal) {
    const { policy, clock, log } = deps;
    const states = [...initial];
    const rounds = policy.intervalMs > 0 ? Math.floor(policy.durationMs / policy.intervalMs) + 1 : 1;
    const startMs = clock.now();
    const every = `every ${(0,duration/* formatConfigDuration */.U9)(policy.intervalMs)} for ${(0,duration/* formatConfigDuration */.U9)(policy.durationMs)}`;
    log(`observation: ${rounds} ${rounds === 1 ? 'round' : 'rounds'}, ${every}`);
    for (let round = 1; round <= rounds; round++) {
        if (!states.some((s) => s.result === 'pending')) {
            log(`observation: every check is decided, stopping before round ${round}/${rounds}`);
            return { states, ended: 'completed' };
        }
        await sleepUntil(deps, startMs + (round - 1) * policy.intervalMs, signal);
        const indices = states.flatMap((s, i) => (s.result === 'pending' ? [i] : []));
        const offsetMs = clock.now() - startMs;
        const specs = indices.map((i) => states[i].spec);
        const taken = await measureAll(deps, specs, signal, round);
        indices.forEach((i, k) => {
            states[i] = applyMeasurement(states[i], taken[k], states[i].spec.limits);
        });
        log(`round ${round}/${rounds} at +${formatElapsed(offsetMs)}: ${describeAll(specs, taken)}`);
        const measurements = specs.map((spec, k) => ({ check: spec.name, measurement: taken[k] }));
        deps.onRound?.({ round, rounds, offsetMs, measurements, states: [...states] });
        const failed = states.find((s) => s.spec.enforce && s.result === 'failed');
        if (failed !== undefined) {
            log(`fail fast: ${failed.spec.name} failed in round ${round}/${rounds}: ${failed.reason ?? ''}`);
            return { states, ended: 'fail-fast', why: `the gate stopped early, ${failed.spec.name} failed` };
        }
    }
    return { states, ended: 'completed' };
}
function result(deps, startedAt, states, ended, why) {
    const checks = states.map((s) => (ended === 'completed' ? finishCheck(s) : stopCheck(s, why ?? ended)));
    const { verdict, failedChecks } = decideVerdict(checks);
    return { verdict, failedChecks, checks, startedAt, finishedAt: iso(deps.clock.now()), ended };
}
/** Measures the checks concurrently. Never rejects for a check's sake; rejects only when `signal` aborted. */
async function measureAll(deps, specs, signal, round) {
    throwIfAborted(signal);
    const all = Promise.all(specs.map((spec) => measureSafely(deps, spec, signal, round)));
    const taken = await untilAborted(all, signal);
    throwIfAborted(signal);
    return taken;
}
/** Settles like `work`, or rejects as soon as `signal` aborts (a measurement that ignores the signal is left behind). */
function untilAborted(work, signal) {
    return new Promise((resolve, reject) => {
        const onAbort = () => reject(abortError(signal));
        signal.addEventListener('abort', onAbort, { once: true });
        work.then((value) => {
            signal.removeEventListener('abort', onAbort);
            resolve(value);
        }, (err) => {
            signal.removeEventListener('abort', onAbort);
            reject(err instanceof Error ? err : new Error(String(err)));
        });
    });
}
async function measureSafely(deps, spec, signal, round) {
    try {
        const m = await deps.measure(spec, signal, round);
        if (isMeasurement(m))
            return m;
        return { at: iso(deps.clock.now()), outcome: 'error', reason: 'measurement returned no valid outcome' };
    }
    catch (err) {
        return {
            at: iso(deps.clock.now()),
            outcome: 'error',
            reason: (0,errors/* errorMessage */.gJ)(err) || 'measurement threw an error',
        };
    }
}
function isMeasurement(m) {
    if (typeof m !== 'object' || m === null)
        return false;
    const outcome = m.outcome;
    return typeof outcome === 'string' && OUTCOMES.includes(outcome);
}
async function sleepUntil(deps, targetMs, signal) {
    const waitMs = targetMs - deps.clock.now();
    if (waitMs > 0)
        await untilAborted(deps.sleep(waitMs, signal), signal);
    throwIfAborted(signal);
}
function throwIfAborted(signal) {
    if (signal.aborted)
        throw abortError(signal);
}
/** The abort reason when it is an Error (by default a DOMException named AbortError), else a new AbortError. */
function abortError(signal) {
    const reason = signal.reason;
    if (reason instanceof Error)
        return reason;
    const detail = typeof reason === 'string' ? `: ${reason}` : '';
    return new DOMException(`the gate was aborted${detail}`, 'AbortError');
}
/** `cpu pass 41.2`, `vram breach 96.3 > 95 on gpu="0"`, `backend pass 120 ms`. */
function describeAll(specs, taken) {
    return specs.map((spec, k) => describe(spec, taken[k])).join(', ');
}
function describe(spec, m) {
    const unit = spec.kind === 'http' ? ' ms' : '';
    const value = m.value === undefined ? '' : `${(0,measure/* formatMeasured */.U6)(m.value)}${unit}`;
    const detail = m.outcome === 'pass' ? value : (m.reason ?? value);
    return detail === '' ? `${spec.name} ${m.outcome}` : `${spec.name} ${m.outcome} ${detail}`;
}
/** Elapsed time for the log, in whole seconds (a real clock is a few ms late): `0s`, `20s`, `1m30s`. */
function formatElapsed(ms) {
    return (0,duration/* formatConfigDuration */.U9)(ms >= 1_000 ? Math.round(ms / 1_000) * 1_000 : Math.max(0, Math.round(ms)));
}
function iso(ms) {
    return new Date(ms).toISOString();
}

;// CONCATENATED MODULE: ./src/gate/describe.ts
function describeVerdict(result) {
    const enforced = result.checks.filter((c) => c.spec.enforce);
    if (result.verdict === 'stable') {
        const passed = enforced.filter((c) => c.result === 'passed').length;
        return `stable: ${passed}/${enforced.length} checks passed`;
    }
    const worst = enforced.find((c) => c.result === 'failed') ?? enforced.find((c) => c.result !== 'passed');
    const others = result.failedChecks.length - 1;
    const more = others > 0 ? `; +${others} more check${others === 1 ? '' : 's'}` : '';
    return `${result.verdict}: ${worst ? `${worst.spec.name} ${evidence(worst)}` : 'no enforced checks'}${more}`;
}
/** The last measured evidence (`96.3% > 95% on gpu="0"`), else the check's own reason. */
function evidence(check) {
    const last = [...check.samples].reverse().find((m) => m.outcome !== 'pass' && m.reason);
    if (check.reason?.startsWith('not healthy within'))
        return check.reason;
    return last?.reason ?? check.reason ?? check.result;
}

;// CONCATENATED MODULE: ./src/gate/check-run-annotations.ts

/**
 * The check run's annotations, on the config file: one per check from the file that ended failed or inconclusive, on
 * the check's line (enforced: `failure`, shadow: `warning`). Checks from inputs have no line to point at. Unlike a
 * step's annotations these are not capped at 10; completeCheckRun keeps the first 50 (one request).
 */
function checkRunAnnotations(result, configPath, secrets) {
    if (!configPath)
        return [];
    return result.checks.flatMap((c) => {
        if ((c.result !== 'failed' && c.result !== 'inconclusive') || c.spec.line === undefined)
            return [];
        const shadow = c.spec.enforce ? '' : ' (shadow check, not enforced)';
        return [
            {
                path: configPath,
                start_line: c.spec.line,
                end_line: c.spec.line,
                annotation_level: c.spec.enforce ? 'failure' : 'warning',
                title: `${c.spec.name} ${c.result}${shadow}`,
                message: (0,redact/* redactText */.Rd)(c.reason || `${c.spec.name} ${c.result}`, secrets),
            },
        ];
    });
}

;// CONCATENATED MODULE: ./src/ledger/actions-deployment.ts
const ACTIONS_BOT = 'github-actions[bot]';
/** A job runs at most 6 h on GitHub-hosted runners (and 5 days self-hosted); without a job start, look back this far. */
const LOOKBACK_MS = 6 * 3_600_000;
/** Timestamps are whole seconds; the deployment may be stamped a moment before the job's `created_at`. */
const SLACK_MS = 60_000;
/**
 * The deployment of `sha` that Actions created for this job, among `sameSha` (that SHA's deployments in that
 * environment): no deploy-gate payload, created by `github-actions[bot]`, created since the job was created (or, when
 * that is unknown, in the last 6 hours).
 */
function findActionsDeployment(sameSha, sha, since) {
    const jobMs = since.jobCreatedAt ? Date.parse(since.jobCreatedAt) : NaN;
    const fromMs = Number.isFinite(jobMs) ? jobMs - SLACK_MS : since.nowMs - LOOKBACK_MS;
    return sameSha.find((d) => d.payload === undefined &&
        d.creator === ACTIONS_BOT &&
        d.sha.toLowerCase() === sha.toLowerCase() &&
        Date.parse(d.createdAt) >= fromMs);
}
function actionsDeploymentWarning(d, environment) {
    return (`GitHub Actions created its own deployment ${d.id} of this job in ${environment} (environment: on the job): two ` +
        `records per deploy, and Actions marks the gate's record inactive when the job ends, so the Environments page ` +
        `shows Actions' record without a verdict. Fix: environment: {name: ${environment}, deployment: false} on the ` +
        `deploy job (see the README). Rollback reads only the gate's records, so it is not affected`);
}

;// CONCATENATED MODULE: ./src/gate/record.ts



async function openRecord(ledger, identity, settings, ctx, core, nowMs) {
    if (identity.warning)
        core.warning(identity.warning);
    const { id, reused, others } = await ledger.findOrCreate({
        sha: settings.sha,
        environment: settings.environment,
        productionEnvironment: settings.environment === 'production',
        payload: {
            version: 1,
            run_id: ctx.runId,
            run_attempt: ctx.runAttempt,
            workflow_ref: ctx.workflowRef,
            job: ctx.job,
            ...(identity.name === undefined ? {} : { job_name: identity.name }),
            ...(identity.id === undefined ? {} : { job_id: identity.id }),
        },
    });
    core.saveState(constants/* State */.Uw.DeploymentId, String(id));
    await ledger.setStatus(id, {
        state: 'in_progress',
        description: 'deploy-gate is observing the deploy',
        logUrl: (0,deployments/* buildLogUrl */.g5)(ctx.serverUrl, `${ctx.owner}/${ctx.repo}`, ctx.runId, ctx.runAttempt),
        environmentUrl: settings.environmentUrl,
    });
    core.info(`${reused ? 'reusing' : 'created'} deployment ${id} for ${settings.sha.slice(0, 7)} in ${settings.environment}`);
    const actions = findActionsDeployment(others, settings.sha, {
        ...(identity.createdAt ? { jobCreatedAt: identity.createdAt } : {}),
        nowMs,
    });
    if (actions)
        core.warning(actionsDeploymentWarning(actions, settings.environment));
    return id;
}

// EXTERNAL MODULE: ./src/report/artifact-name.ts
var artifact_name = __webpack_require__(48616);
;// CONCATENATED MODULE: ./src/prometheus/round-cache.ts
function roundCache(inner) {
    let current;
    const answers = new Map();
    const client = {
        ...inner,
        query(promql, opts) {
            if (current === undefined)
                return inner.query(promql, opts);
            let answer = answers.get(promql);
            if (answer === undefined) {
                answer = inner.query(promql, opts);
                answers.set(promql, answer);
            }
            return answer;
        },
    };
    return {
        client,
        begin(round) {
            if (round === current)
                return;
            current = round;
            answers.clear();
        },
    };
}

// EXTERNAL MODULE: ./src/services/queries.ts
var queries = __webpack_require__(54532);
// EXTERNAL MODULE: ./src/services/resolve.ts + 1 modules
var resolve = __webpack_require__(21466);
;// CONCATENATED MODULE: ./src/gate/service-checks.ts




function createServiceChecks(deps) {
    const detected = new Map();
    const evidence = new Map();
    /** Detections made again after a failed request: one per service and round, shared by its three checks. */
    const retries = new Map();
    /** The service's detection, made again (once this round) when its request failed before. */
    async function detectionOf(spec, round, signal) {
        const name = spec.service.service;
        if (!(detected.get(name) instanceof Error))
            return detected.get(name);
        let retry = retries.get(name);
        if (retry === undefined || retry.round !== round) {
            retry = { round, done: redetect(spec, signal) };
            retries.set(name, retry);
        }
        await retry.done;
        return detected.get(name);
    }
    async function redetect(spec, signal) {
        const name = spec.service.service;
        const attempt = (evidence.get(name)?.attempts ?? 1) + 1;
        try {
            const d = await (0,resolve/* detectService */.jJ)(deps.client, spec, deps.now(), signal);
            detected.set(name, d);
            evidence.set(name, { ...(0,resolve/* evidenceOf */.X1)(spec, d), attempts: attempt });
        }
        catch (err) {
            if (signal.aborted)
                throw err;
            const problem = (0,resolve/* detectionProblem */.Xi)(err, attempt);
            detected.set(name, new Error(problem));
            evidence.set(name, { ...evidence.get(name), problem, attempts: attempt });
        }
    }
    return {
        async resolve(checks, signal) {
            const resolved = await (0,resolve/* resolveServices */.bs)(deps.client, checks, deps.now(), signal);
            for (const [name, d] of resolved.detected)
                detected.set(name, d);
            for (const e of resolved.evidence)
                evidence.set(e.service, e);
            return resolved.checks;
        },
        measure(base) {
            return async (spec, signal, round) => {
                if (spec.kind !== 'metric' || spec.service === undefined)
                    return base(spec, signal, round);
                const b = spec.service;
                const d = await detectionOf(spec, round, signal);
                const at = new Date(deps.now()).toISOString();
                if (d === undefined || d instanceof Error || d.kind === 'unknown') {
                    const problem = evidence.get(b.service)?.problem;
                    return { at, outcome: 'error', reason: problem ?? `no known HTTP metrics under ${b.selector}` };
                }
                const rangeText = (0,duration/* formatConfigDuration */.U9)((0,queries/* rangeSinceDeployMs */.Zd)(deps.now(), deps.start.atMs, b.rateWindowMs));
                const q = (0,queries/* serviceQueries */.iw)(d, b.selector, rangeText, b.quantile);
                const query = q[b.signal];
                // Detected during the gate, without a duration histogram: there is no latency check (SPEC §2); the
                // service's evidence says why. At gate start such a check is dropped; here it can only stand aside.
                if (query === undefined)
                    return { at, outcome: 'pass', reason: 'not judged: no duration histogram' };
                if (b.signal !== 'traffic') {
                    const traffic = await trafficOf(q.traffic, signal);
                    if (traffic !== undefined && traffic < b.minTraffic) {
                        const reason = `not judged: ${(0,measure/* formatMeasured */.U6)(traffic)} req/s < min-traffic ${(0,measure/* formatMeasured */.U6)(b.minTraffic)}`;
                        return { at, outcome: 'pass', reason, range: rangeText };
                    }
                }
                const baselineQuery = (0,queries/* checkQuery */.Dp)(d, b);
                const m = await base({ ...spec, query, baselineQuery }, signal, round);
                return { ...m, range: rangeText };
            };
        },
        evidence: () => [...evidence.values()],
        withQuery(spec) {
            if (spec.kind !== 'metric' || spec.service === undefined || spec.query !== '')
                return spec;
            const d = detected.get(spec.service.service);
            if (d === undefined || d instanceof Error || d.kind === 'unknown')
                return spec;
            const query = (0,queries/* checkQuery */.Dp)(d, spec.service);
            return query === undefined ? spec : { ...spec, query };
        },
    };
    /**
     * The round's traffic (req/s); undefined when it could not be read. The client's round cache makes this the same
     * request as the traffic check's own.
     */
    async function trafficOf(query, signal) {
        try {
            const series = (await deps.client.query(query, { signal })).series.filter((s) => Number.isFinite(s.value));
            // No series at all: no request was counted in the range, which is no traffic.
            return series.length === 0 ? 0 : series.reduce((sum, s) => sum + s.value, 0);
        }
        catch {
            return undefined;
        }
    }
}

;// CONCATENATED MODULE: ./src/gate/measuring.ts





/** Whether a check needs the deploy's start: baselines, pre-existing, alerts, and service checks (their range). */
function needsDeployStart(c) {
    return (c.kind === 'alerts' ||
        (c.kind === 'metric' &&
            (c.baseline !== undefined || c.preExisting === 'report' || c.service !== undefined)));
}
function createGateMeasuring(deps) {
    const { prober } = deps;
    if (deps.prometheus === undefined) {
        return {
            prepare: (checks) => Promise.resolve([...checks]),
            measure: (spec, signal) => measureCheck(spec, signal, { prober, prometheus: undefined }),
            settle: (result) => result,
            explainBreaches: () => Promise.resolve(),
            baselines: () => [],
            preExisting: () => [],
            services: () => [],
            chartHistory: () => Promise.resolve(new Map()),
        };
    }
    const cache = roundCache(deps.prometheus);
    const prometheus = cache.client;
    const extra = createExtraMeasurer({ client: prometheus, start: deps.start, intervalMs: deps.intervalMs });
    const services = createServiceChecks({ client: prometheus, start: deps.start, now: deps.now });
    const base = (spec, signal) => extra.handles(spec) ? extra.measure(spec, signal) : measureCheck(spec, signal, { prober, prometheus });
    const measure = services.measure(base);
    return {
        async prepare(checks, signal) {
            // Detection goes with the other checks' baseline queries; the services' own wait for their queries.
            const isService = (c) => c.kind === 'metric' && c.service !== undefined;
            const [resolved] = await Promise.all([
                services.resolve(checks, signal),
                extra.prefetch(checks.filter((c) => !isService(c)), signal),
            ]);
            // A service not detected yet has no query to read a window with: its checks read it once it is.
            await extra.prefetch(resolved.filter((c) => isService(c) && c.kind === 'metric' && c.query !== ''), signal);
            return resolved;
        },
        measure: (spec, signal, round) => {
            cache.begin(round);
            return measure(spec, signal, round);
        },
        settle: (result) => ({
            ...result,
            checks: result.checks.map((c) => ({ ...c, spec: services.withQuery(c.spec) })),
        }),
        explainBreaches: (checks, signal) => extra.explainBreaches(checks, signal),
        baselines: () => extra.evidence(),
        preExisting: () => extra.preExisting(),
        services: () => services.evidence(),
        async chartHistory(checks, signal) {
            const out = new Map();
            await Promise.all(chartedChecks(checks).map(async (c) => {
                const labels = chartedSeries(c);
                if (c.spec.baseline === undefined || labels === undefined)
                    return;
                const values = await extra.historyOf(c.spec, labels, signal);
                if (values !== undefined)
                    out.set(c.spec.name, values);
            }));
            return out;
        },
    };
}

;// CONCATENATED MODULE: ./src/gate/mode.ts





















/** GitHub caps a check run's output.summary at 65,535 characters; the summary is rendered to fit (in bytes, so safely). */
const CHECK_RUN_SUMMARY_BYTES = 65_000;
async function runGateMode(settings, deps) {
    const { core, clock } = deps;
    const gateStartMs = clock.now();
    const { prober, prometheus } = await createMeasurers(settings, deps);
    const ctx = (0,context/* readRunContext */.$)(deps.env);
    const recording = recordsDeployment({ ...settings, eventName: ctx.eventName });
    const repo = { owner: ctx.owner, repo: ctx.repo };
    // Baselines end, and alerts count as new, at the deploy job's start (SPEC §2): read it whenever such a check exists.
    const needsStart = settings.checks.some(needsDeployStart);
    const readsIdentity = recording || (needsStart && settings.token !== '' && settings.jobCheckRunId !== '');
    const octokit = readsIdentity || settings.checkName ? await deps.github() : undefined;
    // The job's name, id and start (for the record, the report artifact's name and the baseline window) are read only
    // when recording or when a check needs the deploy's start; otherwise the id alone, from the input, tells matrix
    // legs' artifacts apart.
    const jobId = (0,deployments/* parseJobId */.et)(settings.jobCheckRunId);
    const identity = readsIdentity && octokit
        ? await (0,deployments/* readJobIdentity */.a7)(octokit, repo, ctx, settings.jobCheckRunId)
        : jobId !== undefined
            ? { id: jobId }
            : {};
    if (!recording && identity.warning && needsStart)
        core.warning(identity.warning);
    const start = deployStart(identity.startedAt === undefined ? undefined : Date.parse(identity.startedAt), gateStartMs);
    const measuring = createGateMeasuring({
        prober,
        prometheus,
        start,
        intervalMs: settings.policy.intervalMs,
        now: clock.now,
    });
    const ledger = recording && octokit ? (0,deployments/* createDeploymentLedger */.vS)(octokit, repo) : undefined;
    const deploymentId = ledger
        ? await openRecord(ledger, identity, settings, ctx, core, clock.now())
        : undefined;
    // Set now, not after the final status: a step that fails later still tells the next steps which record it opened.
    core.setOutput(constants/* Outputs */.tY.DeploymentId, deploymentId === undefined ? '' : String(deploymentId));
    const checkRunId = settings.checkName && octokit ? await startCheckRun(octokit, settings.checkName, ctx, core) : undefined;
    // Only the observation is cancelled by a signal: what follows writes the evidence and the records.
    const cancel = deps.watchSignals('gate');
    let result;
    let chartHistory;
    try {
        const checks = await measuring.prepare(settings.checks, cancel.signal);
        result = measuring.settle(await runGate({
            checks,
            policy: settings.policy,
            measure: measuring.measure,
            clock: { now: clock.now },
            sleep: clock.sleep,
            log: (line) => core.info((0,redact/* redactText */.Rd)(line, settings.secrets)),
            signal: cancel.signal,
        }));
        await measuring.explainBreaches(result.checks, cancel.signal);
        chartHistory = await measuring.chartHistory(result.checks, cancel.signal);
    }
    finally {
        cancel.stop();
        await prober.close();
        await prometheus?.close();
    }
    const runInfo = { id: ctx.runId, attempt: ctx.runAttempt, url: ctx.runUrl };
    const description = describeVerdict(result);
    // The ledger and the target run are read only for a failed or inconclusive verdict (SPEC §7).
    const next = !needsNextSteps(result.verdict, settings.dryRun, ctx.eventName)
        ? undefined
        : await gateNextSteps({
            token: settings.token,
            ctx,
            github: deps.github,
            now: new Date(clock.now()),
            ...(octokit ? { octokit } : {}),
        }, { environment: settings.environment, reportArtifact: settings.reportArtifact });
    if (next?.kind === 'unknown')
        core.warning((0,redact/* redactText */.Rd)(`rollback target not read: ${next.reason}`, settings.secrets));
    const artifactName = (0,artifact_name/* reportArtifactName */.m)(settings.reportArtifact, {
        job: ctx.job,
        runAttempt: ctx.runAttempt,
        ...(identity.name !== undefined ? { jobName: identity.name } : {}),
        ...(identity.id !== undefined ? { jobId: identity.id } : {}),
    });
    const summaryContext = {
        environment: settings.environment,
        sha: settings.sha,
        prometheusUrl: settings.prometheus?.url,
        dryRun: settings.dryRun,
        // Outside a workflow run (a laptop run) there is no run to link to.
        runUrl: ctx.runId ? ctx.runUrl : undefined,
        nextSteps: next &&
            renderNextSteps(next, {
                serverUrl: ctx.serverUrl,
                repository: `${ctx.owner}/${ctx.repo}`,
                rollbackWorkflow: settings.rollbackWorkflow,
                verdict: result.verdict === 'stable' ? undefined : result.verdict,
                now: new Date(clock.now()),
            }),
        ...(artifactName !== 'none' ? { reportArtifact: artifactName } : {}),
        deployStart: start,
        baselines: measuring.baselines(),
        preExisting: measuring.preExisting(),
        services: measuring.services(),
    };
    const summary = renderGateSummary(result, { ...summaryContext, charts: chartHistory });
    const report = buildGateReport(result, {
        environment: settings.environment,
        sha: settings.sha,
        run: runInfo,
        config: effectiveConfig(settings),
        secrets: settings.secrets,
        deployStart: start,
        baselines: measuring.baselines(),
        preExisting: measuring.preExisting(),
        services: measuring.services(),
    });
    const end = stepEnd(result.verdict, settings, (0,redact/* redactText */.Rd)(description, settings.secrets));
    const closing = end.kind === 'notice' || end.kind === 'warning' ? [{ level: end.kind, message: end.message }] : [];
    return {
        outputs: {
            [constants/* Outputs */.tY.Verdict]: result.verdict,
            [constants/* Outputs */.tY.FailedChecks]: result.failedChecks.join(','),
            ...(checkRunId === undefined ? { [constants/* Outputs */.tY.CheckRunId]: '' } : {}),
        },
        annotations: gateAnnotations(result),
        evidence: {
            summary,
            reportJson: (0,json/* renderReportJson */.B)(report),
            reportPath: (0,publish/* reportPathFor */.xJ)(ctx.runnerTemp || '.', 'gate'),
            artifact: { name: artifactName, retentionDays: settings.reportRetentionDays },
        },
        ...(deploymentId === undefined
            ? {}
            : {
                deployment: {
                    id: deploymentId,
                    state: deploymentState(result.verdict),
                    description,
                    logUrl: (0,deployments/* buildLogUrl */.g5)(ctx.serverUrl, `${ctx.owner}/${ctx.repo}`, ctx.runId, ctx.runAttempt),
                    ...(settings.environmentUrl === undefined ? {} : { environmentUrl: settings.environmentUrl }),
                },
            }),
        ...(checkRunId === undefined
            ? {}
            : {
                checkRun: {
                    id: checkRunId,
                    name: settings.checkName ?? '',
                    conclusion: checkRunConclusion(result, settings.dryRun),
                    title: description,
                    summary: renderGateSummary(result, { ...summaryContext, maxBytes: CHECK_RUN_SUMMARY_BYTES }),
                    annotations: checkRunAnnotations(result, settings.configFile?.path, settings.secrets),
                },
            }),
        closing,
        ...(end.kind === 'fail' ? { failure: end.message } : {}),
    };
}
/**
 * The HTTP prober and the Prometheus client, made before anything is recorded: both read `prometheus.ca-file`, and
 * one that cannot be read is a config error (SPEC §8), not a gate that could not decide.
 */
async function createMeasurers(settings, deps) {
    let prober;
    try {
        prober = await deps.prober({ caFile: settings.prometheus?.caFile });
        const prometheus = settings.prometheus ? await deps.prometheus(settings.prometheus) : undefined;
        return { prober, prometheus };
    }
    catch (err) {
        void prober?.close();
        const path = ['prometheus', 'ca-file'];
        const file = settings.configFile;
        throw new errors/* ConfigError */.xL([
            { path: path.join('.'), message: (0,errors/* errorMessage */.gJ)(err), file: file?.path, line: file?.lineOf(path) },
        ]);
    }
}
async function startCheckRun(octokit, name, ctx, core) {
    try {
        const id = await (0,check_runs/* createCheckRun */._U)(octokit, { owner: ctx.owner, repo: ctx.repo }, name, ctx.headSha, ctx.runUrl);
        core.saveState(constants/* State */.Uw.CheckRunId, String(id));
        return id;
    }
    catch (err) {
        core.warning(`check run "${name}" not published: ${(0,errors/* errorMessage */.gJ)(err)}`);
        return undefined;
    }
}
/** The config as used, for the report (secrets are redacted by the report builder). */
function effectiveConfig(settings) {
    return {
        file: settings.configFile?.path ?? null,
        environment: settings.environment,
        policy: settings.policy,
        prometheus: settings.prometheus ?? null,
        checks: settings.checks,
        failOnInconclusive: settings.failOnInconclusive,
        dryRun: settings.dryRun,
    };
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


/***/ }),

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

//# sourceMappingURL=432.index.js.map