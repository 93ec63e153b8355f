export const id = 420;
export const ids = [420];
export const modules = {

/***/ 41420:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runGateMode: () => (/* binding */ runGateMode)
});

// EXTERNAL MODULE: ./src/report/log.ts
var log = __webpack_require__(46472);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(27242);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/github/client.ts
var client = __webpack_require__(96584);
// EXTERNAL MODULE: ./src/github/context.ts
var context = __webpack_require__(19556);
// EXTERNAL MODULE: ./src/github/check-runs.ts
var check_runs = __webpack_require__(2842);
// EXTERNAL MODULE: ./src/github/publish-check-run.ts
var publish_check_run = __webpack_require__(541);
// EXTERNAL MODULE: ./src/ledger/deployments.ts + 3 modules
var deployments = __webpack_require__(15559);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(41692);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(46752);
// EXTERNAL MODULE: ./src/config/duration.ts
var duration = __webpack_require__(97840);
// EXTERNAL MODULE: ./src/probes/http-failures.ts
var http_failures = __webpack_require__(93987);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(54285);
;// CONCATENATED MODULE: ./src/probes/http-judge.ts
/**
 * Pure judgement of one HTTP response against a check's expectations (SPEC §3): status, body substring, JSON value
 * and latency. Reasons name what was expected and what came back, never header values.
 */

const BODY_CAP_BYTES = 1024 * 1024;
const BODY_CAP_TEXT = '1 MiB';
/**
 * A status that is not expected is reported alone (the body of an error page says nothing); otherwise every
 * unmet expectation is listed, separated by `; `.
 */
function judgeResponse(spec, response) {
    const { status } = response;
    const statusOk = spec.expectStatus ? spec.expectStatus.includes(status) : status >= 200 && status <= 299;
    if (!statusOk)
        return { outcome: 'breach', reason: `HTTP ${status} (expected ${describeStatuses(spec)})` };
    const problems = [];
    if (spec.expectBody !== undefined && !response.body.includes(spec.expectBody)) {
        problems.push(`HTTP ${status} but body does not contain ${JSON.stringify(spec.expectBody)}${truncatedNote(response)}`);
    }
    if (spec.expectJson) {
        const problem = checkJson(spec.expectJson, response);
        if (problem !== undefined)
            problems.push(problem);
    }
    if (spec.maxLatencyMs !== undefined && response.latencyMs > spec.maxLatencyMs) {
        problems.push(`latency ${response.latencyMs} ms > ${spec.maxLatencyMs} ms`);
    }
    return problems.length === 0 ? { outcome: 'pass' } : { outcome: 'breach', reason: problems.join('; ') };
}
function describeStatuses(spec) {
    return spec.expectStatus ? spec.expectStatus.join(' or ') : '2xx';
}
function truncatedNote(response) {
    return response.bodyTruncated ? ` (body truncated at ${BODY_CAP_TEXT})` : '';
}
function checkJson(expect, response) {
    let document;
    try {
        document = JSON.parse(response.body);
    }
    catch {
        const what = response.body.trim() === '' ? 'body is empty' : 'body is not JSON';
        return `${what}, cannot read ${expect.path}${truncatedNote(response)}`;
    }
    const found = lookupJsonPath(document, expect.path);
    if (!found.found)
        return `${expect.path} not found in the JSON body`;
    if (found.value === expect.equals)
        return undefined;
    return `${expect.path} is ${describeJsonValue(found.value)}, expected ${JSON.stringify(expect.equals)}`;
}
/** Follows a dot path (`status.db`, `checks.0.status`) through objects and arrays. */
function lookupJsonPath(document, path) {
    let current = document;
    for (const key of path.split('.')) {
        if (Array.isArray(current)) {
            if (!/^\d+$/.test(key))
                return { found: false };
            const index = Number(key);
            if (index >= current.length)
                return { found: false };
            current = current[index];
        }
        else if (typeof current === 'object' && current !== null && Object.hasOwn(current, key)) {
            current = current[key];
        }
        else {
            return { found: false };
        }
    }
    return { found: true, value: current };
}
/** Scalars as JSON (`"DOWN"`, `1`, `true`, `null`); objects and arrays by kind, never dumped. */
function describeJsonValue(value) {
    if (Array.isArray(value))
        return 'an array';
    if (typeof value === 'object' && value !== null)
        return 'an object';
    const text = JSON.stringify(value);
    return (0,markdown/* shorten */.ml)(text, 80);
}

;// CONCATENATED MODULE: ./src/probes/redirects.ts
/**
 * Redirect rules for HTTP checks with `follow-redirects: true` (SPEC §3.7): at most 5 hops, relative `Location`
 * resolved against the current URL, and once a hop leaves the check's origin the configured headers (including
 * `Authorization`) are never sent again, for that hop and every later one.
 */
const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
function isRedirectStatus(status) {
    return REDIRECT_STATUSES.has(status);
}
function firstHop(url, method) {
    return { url, method, sendConfiguredHeaders: true, redirects: 0 };
}
/**
 * What to do with a response of `current`. A redirect without a `Location` is judged like any other status.
 * Credentials in a `Location` are ignored: they are never turned into an `Authorization` header.
 */
function decideRedirect(current, status, location) {
    if (!isRedirectStatus(status) || location === undefined || location === '')
        return { kind: 'final' };
    if (current.redirects >= MAX_REDIRECTS) {
        return { kind: 'stop', reason: `HTTP ${status}: too many redirects (more than ${MAX_REDIRECTS})` };
    }
    let next;
    try {
        next = new URL(location, current.url);
    }
    catch {
        return { kind: 'stop', reason: `HTTP ${status}: redirect to an invalid Location` };
    }
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        return { kind: 'stop', reason: `HTTP ${status}: redirect to unsupported scheme ${next.protocol}` };
    }
    next.username = '';
    next.password = '';
    next.hash = '';
    return {
        kind: 'follow',
        hop: {
            url: next,
            method: redirectMethod(current.method, status),
            sendConfiguredHeaders: current.sendConfiguredHeaders && next.origin === current.url.origin,
            redirects: current.redirects + 1,
        },
    };
}
/** As browsers and fetch do: 303 turns anything but HEAD into GET; 301 and 302 turn POST into GET. */
function redirectMethod(method, status) {
    if (status === 303 && method !== 'HEAD')
        return 'GET';
    if ((status === 301 || status === 302) && method === 'POST')
        return 'GET';
    return method;
}

// EXTERNAL MODULE: ./src/model/user-info.ts
var user_info = __webpack_require__(84587);
;// CONCATENATED MODULE: ./src/probes/http.ts
/**
 * One HTTP health check → one Measurement (SPEC §3), on undici: one keep-alive pool per origin, so the sample rounds
 * of a gate reuse their connections; the check's timeout covers the whole exchange (connect, headers, body and any
 * redirects); the body is read up to 1 MiB. Connection, TLS and DNS failures are breaches — the app is what is being
 * checked; only a bug of ours gives an `error`.
 */









const USER_AGENT = 'deploy-gate';
/** Idle keep-alive connections live this long unless the server's `Keep-Alive` hint is shorter. */
const KEEP_ALIVE_TIMEOUT_MS = 30_000;
/** A redirect's own body is drained up to this size so its connection can be reused, else the socket is dropped. */
const REDIRECT_DRAIN_LIMIT_BYTES = 64 * 1024;
/** Throws when `caFile` cannot be read or holds no certificate: a configuration problem, found before any request. */
function createHttpProber(options = {}) {
    const now = options.now ?? (() => new Date());
    const ca = options.caFile === undefined ? undefined : [...external_node_tls_.rootCertificates, readCaFile(options.caFile)];
    const pools = new Map();
    let closed = false;
    function poolFor(origin) {
        let pool = pools.get(origin);
        if (pool === undefined) {
            pool = new undici.Pool(origin, {
                // No separate connect, headers or body timeouts: the check's own deadline covers the whole exchange.
                connect: ca === undefined ? { timeout: 0 } : { timeout: 0, ca },
                headersTimeout: 0,
                bodyTimeout: 0,
                keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
            });
            pools.set(origin, pool);
        }
        return pool;
    }
    /** One request; a GET or HEAD that fails on a connection the server just closed is sent once more. */
    async function send(spec, hop, signal) {
        const pool = poolFor(hop.url.origin);
        const request = {
            path: `${hop.url.pathname}${hop.url.search}`,
            method: hop.method,
            headers: requestHeaders(spec, hop),
            signal,
        };
        try {
            return await pool.request(request);
        }
        catch (err) {
            const code = (0,http_failures/* errorCode */.CA)(err);
            const retryable = hop.method !== 'POST' && code !== undefined && http_failures/* STALE_CONNECTION_CODES */.AK.has(code);
            if (!retryable || signal.aborted)
                throw err;
            return await pool.request(request);
        }
    }
    async function exchange(spec, target, signal) {
        const startMs = performance.now();
        const elapsedMs = () => Math.round(performance.now() - startMs);
        let hop = firstHop(target, spec.method);
        for (;;) {
            const { statusCode, headers, body } = await send(spec, hop, signal);
            const decision = spec.followRedirects
                ? decideRedirect(hop, statusCode, headerValue(headers.location))
                : { kind: 'final' };
            if (decision.kind === 'final') {
                const { bytes, truncated } = await readCapped(body, BODY_CAP_BYTES);
                const latencyMs = elapsedMs();
                // undici hands a kept-alive connection back to the pool one event-loop turn after the response ended;
                // waiting for it lets the next probe of this origin reuse the connection instead of opening another.
                await (0,promises_.setImmediate)();
                const text = new TextDecoder().decode(bytes);
                return {
                    kind: 'response',
                    response: { status: statusCode, body: text, bodyTruncated: truncated, latencyMs },
                };
            }
            await body.dump({ limit: REDIRECT_DRAIN_LIMIT_BYTES, signal });
            if (decision.kind === 'stop')
                return { kind: 'stop', reason: decision.reason, latencyMs: elapsedMs() };
            hop = decision.hop;
        }
    }
    async function probe(spec, signal) {
        signal?.throwIfAborted();
        const at = now().toISOString();
        if (closed)
            return { at, outcome: 'error', reason: 'HTTP prober is closed' };
        const target = parseTarget(spec.url);
        if (typeof target === 'string')
            return { at, outcome: 'error', reason: target };
        const deadline = new AbortController();
        const timer = setTimeout(() => deadline.abort(new Error('check timeout')), spec.timeoutMs);
        const requestSignal = signal === undefined ? deadline.signal : AbortSignal.any([signal, deadline.signal]);
        try {
            const result = await exchange(spec, target, requestSignal);
            if (result.kind === 'stop') {
                return { at, outcome: 'breach', value: result.latencyMs, reason: result.reason };
            }
            const judgement = judgeResponse(spec, result.response);
            const value = result.response.latencyMs;
            return judgement.outcome === 'pass'
                ? { at, outcome: 'pass', value }
                : { at, outcome: 'breach', value, reason: judgement.reason };
        }
        catch (err) {
            if (signal?.aborted)
                throw signal.reason;
            if (deadline.signal.aborted) {
                return { at, outcome: 'breach', reason: `timed out after ${(0,duration/* formatDuration */.a3)(spec.timeoutMs)}` };
            }
            const failure = (0,http_failures/* describeFailure */.Ic)(err);
            const reason = (0,http_failures/* redact */.E$)(failure.reason, secretsOf(spec, target));
            return { at, outcome: failure.internal ? 'error' : 'breach', reason };
        }
        finally {
            clearTimeout(timer);
        }
    }
    async function close() {
        closed = true;
        const open = [...pools.values()];
        pools.clear();
        await Promise.all(open.map((pool) => pool.close()));
    }
    return { probe, close };
}
/** The check's URL without userinfo, for reports and logs. */
function describeTarget(spec) {
    return stripUserinfo(spec.url);
}
function readCaFile(path) {
    let pem;
    try {
        pem = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (err) {
        throw new Error(`cannot read ca-file ${path}: ${err instanceof Error ? err.message : String(err)}`, {
            cause: err,
        });
    }
    if (!pem.includes('-----BEGIN CERTIFICATE-----'))
        throw new Error(`ca-file ${path} holds no PEM certificate`);
    return pem;
}
/** The URL, or a reason (without the URL itself, which may carry credentials) when it cannot be requested. */
function parseTarget(url) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return 'invalid URL';
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
        return `unsupported URL scheme ${parsed.protocol}`;
    return parsed;
}
/**
 * `user-agent`, then — unless the exchange has left the check's origin — credentials from the URL's userinfo as
 * basic auth and the configured headers (which win, names compared case-insensitively).
 */
function requestHeaders(spec, hop) {
    const headers = { 'user-agent': USER_AGENT };
    if (!hop.sendConfiguredHeaders)
        return headers;
    const basicAuth = basicAuthOf(new URL(spec.url));
    if (basicAuth !== undefined)
        headers.authorization = basicAuth;
    for (const [name, value] of Object.entries(spec.headers))
        headers[name.toLowerCase()] = value;
    return headers;
}
function basicAuthOf(url) {
    if (url.username === '' && url.password === '')
        return undefined;
    const credentials = `${(0,user_info/* decodeUserinfo */.u)(url.username)}:${(0,user_info/* decodeUserinfo */.u)(url.password)}`;
    return `Basic ${Buffer.from(credentials).toString('base64')}`;
}
/** Everything that must never appear in a reason built from an outside error message. */
function secretsOf(spec, target) {
    const secrets = Object.values(spec.headers);
    for (const part of [target.username, target.password]) {
        if (part !== '')
            secrets.push(part, (0,user_info/* decodeUserinfo */.u)(part));
    }
    const basicAuth = basicAuthOf(target);
    if (basicAuth !== undefined)
        secrets.push(basicAuth);
    return secrets;
}
function headerValue(value) {
    return Array.isArray(value) ? value[0] : value;
}
/** Reads at most `capBytes`; past the cap it stops reading and drops the connection instead of draining it. */
async function readCapped(body, capBytes) {
    const chunks = [];
    let size = 0;
    for await (const chunk of body) {
        const buffer = chunk;
        if (size + buffer.length > capBytes) {
            chunks.push(buffer.subarray(0, capBytes - size));
            return { bytes: Buffer.concat(chunks), truncated: true };
        }
        chunks.push(buffer);
        size += buffer.length;
    }
    return { bytes: Buffer.concat(chunks), truncated: false };
}

// EXTERNAL MODULE: ./src/prometheus/client.ts + 1 modules
var prometheus_client = __webpack_require__(11560);
// EXTERNAL MODULE: ./src/prometheus/measure.ts
var measure = __webpack_require__(9160);
// EXTERNAL MODULE: ./src/prometheus/no-data.ts + 1 modules
var no_data = __webpack_require__(19583);
;// CONCATENATED MODULE: ./src/report/annotations.ts
/** GitHub displays at most 10 annotations of each level per step. */
const MAX_ANNOTATIONS_PER_LEVEL = 10;
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
    if (all.length <= MAX_ANNOTATIONS_PER_LEVEL)
        return all;
    const kept = all.slice(0, MAX_ANNOTATIONS_PER_LEVEL - 1);
    return [...kept, more(all.length - kept.length)];
}

// EXTERNAL MODULE: ./src/report/publish.ts
var publish = __webpack_require__(4617);
// EXTERNAL MODULE: ./src/report/redact.ts
var redact = __webpack_require__(20649);
// EXTERNAL MODULE: ./src/report/report.ts
var report_report = __webpack_require__(88850);
// EXTERNAL MODULE: ./src/report/check-facts.ts
var check_facts = __webpack_require__(91324);
// EXTERNAL MODULE: ./src/report/baseline-evidence.ts
var baseline_evidence = __webpack_require__(88413);
;// CONCATENATED MODULE: ./src/report/pending-checks.ts


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
        return `${check_facts/* RESULT_ICONS */.D$.pending} ${count} not decided — ${text}: ${shown}${more}`;
    })
        .join('\n\n');
}

;// CONCATENATED MODULE: ./src/report/trends.ts


/**
 * Values a check's scale must include besides its samples: its `min` and `max`. A baseline (a value per series from
 * before the deploy) belongs here too; pass it with `references`.
 */
function thresholdReferences(c) {
    return [c.spec.min, c.spec.max];
}
/** One line: what the ends of each sparkline's scale are. */
const TRENDS_LEGEND = `▁ and █ are the ends of the row's Scale, which spans its values and its threshold (and baseline), so flat reads ` +
    `flat and a climb towards the threshold reads so; ${markdown/* SPARK_GAP */.DX} = no value.`;
/** The Trends table and its legend; `references` adds reference values per check (default: its threshold). */
function trendsSection(metrics, references = thresholdReferences) {
    const rows = metrics
        .filter((c) => c.samples.length > 0)
        .map((c) => {
        const values = c.samples.map((m) => m.value ?? Number.NaN);
        const include = references(c);
        const finite = values.filter(Number.isFinite);
        const value = (n) => (0,check_facts/* formatCheckValue */.vk)(c.spec, n);
        const low = finite.length > 0 ? value(Math.min(...finite)) : '—';
        const high = finite.length > 0 ? value(Math.max(...finite)) : '—';
        const scale = finite.length > 0 ? (0,markdown/* sparklineScale */.WD)(values, include) : undefined;
        const keep = (0,check_facts/* lowIsWorse */.nk)(c.spec) ? 'min' : 'max';
        return [
            (0,markdown/* escapeCell */.kq)(c.spec.name),
            (0,markdown/* codeCell */.MZ)((0,markdown/* sparkline */.KM)(values, { width: 40, keep, include })),
            (0,markdown/* escapeCell */.kq)(scale ? `${value(scale.low)} … ${value(scale.high)}` : '—'),
            (0,markdown/* escapeCell */.kq)(low),
            (0,markdown/* escapeCell */.kq)(high),
        ];
    });
    return `${(0,markdown/* table */.tp)(['Check', 'Over the window', 'Scale ▁ … █', 'Min', 'Max'], rows)}\n\n${(0,markdown/* escapeCell */.kq)(TRENDS_LEGEND)}`;
}

// EXTERNAL MODULE: ./src/report/series.ts
var report_series = __webpack_require__(89985);
;// CONCATENATED MODULE: ./src/report/summary.ts








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
            out.set(c, { breaching: (0,report_series/* breachingSeries */.dg)(c.spec, c.samples), ignored: (0,report_series/* ignoredSeries */.sv)(c.samples) });
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
    if (metrics.some((c) => c.samples.length > 0))
        parts.push('#### Trends', trendsSection(metrics));
    const findings = result.checks
        .filter((c) => needsFinding(c, series.get(c)))
        .map((c) => finding(c, ctx, detail, series.get(c)));
    if (findings.length > 0)
        parts.push('#### Findings', ...findings);
    const comparison = (0,baseline_evidence/* renderDeployComparison */.lp)(result.checks, ctx, detail.seriesLimit);
    if (comparison !== '')
        parts.push(comparison);
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
    const heading = (0,markdown/* verdictLine */.MT)(check_facts/* VERDICT_ICONS */.n_[result.verdict], `deploy-gate: ${result.verdict}`, facts, ctx.dryRun ? DRY_RUN_NOTE : undefined);
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
    return spec.enforce ? (0,check_facts/* checkKind */.pK)(spec) : `${(0,check_facts/* checkKind */.pK)(spec)} (shadow)`;
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
        const worst = (0,check_facts/* worstSample */.Wx)(c.spec, c.samples);
        return [
            (0,markdown/* escapeCell */.kq)(c.spec.name),
            (0,markdown/* escapeCell */.kq)(kindText(c.spec)),
            targetCell(c.spec),
            (0,markdown/* escapeCell */.kq)((0,check_facts/* thresholdText */.HA)(c.spec)),
            (0,markdown/* escapeCell */.kq)((0,baseline_evidence/* lastWithBaseline */.QE)(c) ?? (0,check_facts/* lastValueText */.N0)(c.spec, c.samples)),
            (0,markdown/* escapeCell */.kq)(worst ? (0,check_facts/* formatCheckValue */.vk)(c.spec, worst.value) : '—'),
            (0,markdown/* escapeCell */.kq)((0,check_facts/* sampleCountsText */.YL)(c.samples)),
            // Icon and word on one line: in a squeezed table GitHub otherwise wraps the word under the icon.
            (0,check_facts/* resultText */.D6)(c.result).replace(' ', '&nbsp;'),
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
        `**${(0,markdown/* escapeCell */.kq)(c.spec.name)}** · ${(0,check_facts/* resultText */.D6)(c.result)}${reason ? ` — ${(0,markdown/* escapeCell */.kq)((0,markdown/* shorten */.ml)(reason, detail.reasonChars))}` : ''}`,
    ];
    if (isMetric(c)) {
        const { breaching, ignored } = series;
        if (breaching.length > 0) {
            const named = breaching.slice(0, detail.seriesLimit);
            if (named.length > 0) {
                const rows = named.map((s) => [
                    (0,markdown/* codeCell */.MZ)((0,report_series/* formatLabels */.h6)(s.labels)),
                    (0,markdown/* escapeCell */.kq)((0,check_facts/* formatCheckValue */.vk)(c.spec, s.worstValue)),
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
            const names = ignored.slice(0, limit).map((s) => (0,markdown/* code */.aY)((0,report_series/* formatLabels */.h6)(s.labels)));
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

;// CONCATENATED MODULE: ./src/report/next-steps-summary.ts


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
    if (!input.octokit && !input.token) {
        return { kind: 'unknown', reason: 'github-token is empty, so the deployments could not be read' };
    }
    // Advice must not hold up a failing step: a client of its own (a gate that records nothing) does not retry, so an
    // unreachable API costs one failed request, not plugin-retry's 14 s of back-off.
    const octokit = input.octokit ??
        (0,client/* createGitHubClient */.LX)({ token: input.token, baseUrl: input.ctx.apiUrl, retry: { retries: 0 } });
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

;// CONCATENATED MODULE: ./src/gate/evaluate.ts

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

;// CONCATENATED MODULE: ./src/gate/run.ts
/**
 * The gate loop (SPEC §3.1–3.5): startup → warm-up → observation rounds, with every effect injected (measuring,
 * clock, sleep, log), so a 5-minute window runs in milliseconds under a fake clock. What a measurement means is
 * decided in evaluate.ts; this module only decides when to measure and when to stop.
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
        deps.log(`warm-up: waiting ${(0,duration/* formatDuration */.a3)(deps.policy.warmupMs)} before the first sample`);
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
    const timeout = `timeout ${policy.startupTimeoutText}, every ${(0,duration/* formatDuration */.a3)(pollMs)}`;
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
    const every = `every ${(0,duration/* formatDuration */.a3)(policy.intervalMs)} for ${(0,duration/* formatDuration */.a3)(policy.durationMs)}`;
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
        const taken = await measureAll(deps, specs, signal);
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
async function measureAll(deps, specs, signal) {
    throwIfAborted(signal);
    const all = Promise.all(specs.map((spec) => measureSafely(deps, spec, signal)));
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
async function measureSafely(deps, spec, signal) {
    try {
        const m = await deps.measure(spec, signal);
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
    const value = m.value === undefined ? '' : `${(0,measure/* formatValue */.Fl)(m.value)}${unit}`;
    const detail = m.outcome === 'pass' ? value : (m.reason ?? value);
    return detail === '' ? `${spec.name} ${m.outcome}` : `${spec.name} ${m.outcome} ${detail}`;
}
/** Elapsed time for the log, in whole seconds (a real clock is a few ms late): `0s`, `20s`, `1m30s`. */
function formatElapsed(ms) {
    return (0,duration/* formatDuration */.a3)(ms >= 1_000 ? Math.round(ms / 1_000) * 1_000 : Math.max(0, Math.round(ms)));
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
/**
 * The gate's deployment record (SPEC §4): opened at gate start (one per job of a run attempt, `in_progress`), closed
 * with the verdict — unless a person rolled the deployment back while the gate was still watching: rolled back is
 * final, so the gate then writes no `success` over the mark and warns instead.
 */





async function openRecord(ledger, identity, settings, ctx) {
    if (identity.warning)
        log/* core */.I8.warning(identity.warning);
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
    log/* core */.I8.saveState(constants/* State */.Uw.DeploymentId, String(id));
    await ledger.setStatus(id, {
        state: 'in_progress',
        description: 'deploy-gate is observing the deploy',
        logUrl: (0,deployments/* buildLogUrl */.g5)(ctx.serverUrl, `${ctx.owner}/${ctx.repo}`, ctx.runId, ctx.runAttempt),
        environmentUrl: settings.environmentUrl,
    });
    log/* core */.I8.info(`${reused ? 'reusing' : 'created'} deployment ${id} for ${settings.sha.slice(0, 7)} in ${settings.environment}`);
    const actions = findActionsDeployment(others, settings.sha, {
        ...(identity.createdAt ? { jobCreatedAt: identity.createdAt } : {}),
        nowMs: Date.now(),
    });
    if (actions)
        log/* core */.I8.warning(actionsDeploymentWarning(actions, settings.environment));
    return id;
}
/**
 * Writes the verdict. A `success` is written only when the record carries no rollback mark (read first); with a mark,
 * nothing is written and the gate warns. Either way the post step has nothing left to close.
 */
async function closeRecord(ledger, id, verdict, settings, ctx) {
    if (verdict.state === 'success') {
        const mark = (0,deployments/* findRolledBackMark */.kI)(await ledger.statuses(id));
        if (mark) {
            log/* core */.I8.warning(`deployment ${id} was rolled back while the gate ran (${(0,redact/* redactText */.Rd)(mark.description ?? '', settings.secrets)}); ` +
                'rolled back is final, so the gate does not mark it stable');
            log/* core */.I8.saveState(constants/* State */.Uw.FinalStatusWritten, 'true');
            return;
        }
    }
    await ledger.setStatus(id, {
        state: verdict.state,
        description: (0,redact/* redactText */.Rd)(verdict.description, settings.secrets),
        logUrl: (0,deployments/* buildLogUrl */.g5)(ctx.serverUrl, `${ctx.owner}/${ctx.repo}`, ctx.runId, ctx.runAttempt),
        environmentUrl: settings.environmentUrl,
    });
    log/* core */.I8.saveState(constants/* State */.Uw.FinalStatusWritten, 'true');
}

// EXTERNAL MODULE: ./src/report/artifact-name.ts
var artifact_name = __webpack_require__(48616);
// EXTERNAL MODULE: ./src/gate/deploy-start-checks.ts
var deploy_start_checks = __webpack_require__(75315);
;// CONCATENATED MODULE: ./src/gate/mode.ts
/** Runs gate mode: record the deployment, observe, decide, report, close the record. The post step is in post.ts. */


























/** GitHub caps a check run's output.summary at 65,535 characters; the summary is rendered to fit (in bytes, so safely). */
const CHECK_RUN_SUMMARY_BYTES = 65_000;
async function runGateMode(settings, env) {
    const gateStartMs = Date.now();
    const { prober, prometheus } = createMeasurers(settings);
    const ctx = (0,context/* readRunContext */.$)(env);
    const recording = settings.record && !settings.dryRun && !ctx.eventName.startsWith('pull_request');
    const repo = { owner: ctx.owner, repo: ctx.repo };
    // Baselines end, and alerts count as new, at the deploy job's start (SPEC §2): read it whenever such a check exists.
    const needsDeployStart = settings.checks.some((c) => c.kind === 'alerts' || (c.kind === 'metric' && c.baseline !== undefined));
    const readsIdentity = recording || (needsDeployStart && settings.token !== '' && settings.jobCheckRunId !== '');
    const octokit = readsIdentity || settings.checkName
        ? (0,client/* createGitHubClient */.LX)({ token: settings.token, baseUrl: ctx.apiUrl })
        : undefined;
    // The job's name, id and start (for the record, the report artifact's name and the baseline window) are read only
    // when recording or when a check needs the deploy's start; otherwise the id alone, from the input, tells matrix
    // legs' artifacts apart.
    const jobId = (0,deployments/* parseJobId */.et)(settings.jobCheckRunId);
    const identity = readsIdentity && octokit
        ? await (0,deployments/* readJobIdentity */.a7)(octokit, repo, ctx, settings.jobCheckRunId)
        : jobId !== undefined
            ? { id: jobId }
            : {};
    if (!recording && identity.warning && needsDeployStart)
        log/* core */.I8.warning(identity.warning);
    const start = (0,deploy_start_checks/* deployStart */.oc)(identity.startedAt === undefined ? undefined : Date.parse(identity.startedAt), gateStartMs);
    const extra = prometheus
        ? (0,deploy_start_checks/* createExtraMeasurer */.$w)({ client: prometheus, start, intervalMs: settings.policy.intervalMs })
        : undefined;
    const ledger = recording && octokit ? (0,deployments/* createDeploymentLedger */.vS)(octokit, repo) : undefined;
    const deploymentId = ledger ? await openRecord(ledger, identity, settings, ctx) : undefined;
    // Set now, not after the final status: a step that fails later still tells the next steps which record it opened.
    log/* core */.I8.setOutput(constants/* Outputs */.tY.DeploymentId, deploymentId === undefined ? '' : String(deploymentId));
    const checkRunId = settings.checkName && octokit ? await startCheckRun(octokit, settings.checkName, ctx) : undefined;
    const controller = new AbortController();
    const onSignal = (name) => () => controller.abort(new Error(`gate cancelled (${name})`));
    const onTerm = onSignal('SIGTERM');
    const onInt = onSignal('SIGINT');
    process.once('SIGTERM', onTerm);
    process.once('SIGINT', onInt);
    let result;
    try {
        await extra?.prefetch(settings.checks, controller.signal);
        result = await runGate({
            checks: settings.checks,
            policy: settings.policy,
            measure: (spec, signal) => extra?.handles(spec) === true
                ? extra.measure(spec, signal)
                : mode_measure(spec, signal, prober, prometheus),
            clock: { now: () => Date.now() },
            sleep: (ms, signal) => (0,promises_.setTimeout)(ms, undefined, { signal }),
            log: (line) => log/* core */.I8.info((0,redact/* redactText */.Rd)(line, settings.secrets)),
            signal: controller.signal,
        });
    }
    finally {
        process.off('SIGTERM', onTerm);
        process.off('SIGINT', onInt);
        await prober.close();
        await prometheus?.close();
    }
    const runInfo = { id: ctx.runId, attempt: ctx.runAttempt, url: ctx.runUrl };
    const description = describeVerdict(result);
    // The ledger and the target run are read only for a failed or inconclusive verdict (SPEC §7).
    const next = !needsNextSteps(result.verdict, settings.dryRun, ctx.eventName)
        ? undefined
        : await gateNextSteps({ token: settings.token, octokit, ctx }, { environment: settings.environment, reportArtifact: settings.reportArtifact });
    if (next?.kind === 'unknown')
        log/* core */.I8.warning((0,redact/* redactText */.Rd)(`rollback target not read: ${next.reason}`, settings.secrets));
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
                now: new Date(),
            }),
        ...(artifactName !== 'none' ? { reportArtifact: artifactName } : {}),
        deployStart: start,
        baselines: extra?.evidence() ?? [],
    };
    const summary = renderGateSummary(result, summaryContext);
    const report = (0,report_report/* buildGateReport */.ow)(result, {
        environment: settings.environment,
        sha: settings.sha,
        run: runInfo,
        config: effectiveConfig(settings),
        secrets: settings.secrets,
        deployStart: start,
        baselines: extra?.evidence() ?? [],
    });
    await (0,publish/* publishGate */.BZ)({
        core: log/* core */.I8,
        result,
        summaryMarkdown: summary,
        annotations: gateAnnotations(result),
        reportJson: (0,report_report/* renderReportJson */.BK)(report),
        reportPath: (0,publish/* reportPathFor */.xJ)(ctx.runnerTemp || '.', 'gate'),
        artifact: { name: artifactName, retentionDays: settings.reportRetentionDays },
        secrets: settings.secrets,
        env,
    });
    if (ledger && deploymentId !== undefined) {
        const state = result.verdict === 'stable' ? 'success' : result.verdict === 'failed' ? 'failure' : 'error';
        await closeRecord(ledger, deploymentId, { state, description }, settings, ctx);
    }
    if (checkRunId !== undefined && octokit) {
        const shadowFindings = result.checks.some((c) => !c.spec.enforce && c.result !== 'passed');
        const published = await (0,publish_check_run/* publishCheckRun */.N)({
            token: settings.token,
            octokit,
            context: ctx,
            id: checkRunId,
            name: settings.checkName,
            conclusion: settings.dryRun || (result.verdict === 'stable' && shadowFindings)
                ? 'neutral'
                : result.verdict === 'stable'
                    ? 'success'
                    : 'failure',
            title: (0,redact/* redactText */.Rd)(description, settings.secrets),
            summary: (0,redact/* redactText */.Rd)(renderGateSummary(result, { ...summaryContext, maxBytes: CHECK_RUN_SUMMARY_BYTES }), settings.secrets),
            annotations: checkRunAnnotations(result, settings.configFile?.path, settings.secrets),
        });
        if (published !== undefined)
            log/* core */.I8.saveState(constants/* State */.Uw.CheckRunCompleted, 'true');
    }
    log/* core */.I8.setOutput(constants/* Outputs */.tY.CheckRunId, checkRunId === undefined ? '' : String(checkRunId));
    if (settings.dryRun) {
        log/* core */.I8.notice(`dry run: verdict ${result.verdict}; the step does not fail on the verdict`);
        return {};
    }
    if (result.verdict === 'stable')
        return {};
    const shown = (0,redact/* redactText */.Rd)(description, settings.secrets);
    if (result.verdict === 'inconclusive' && !settings.failOnInconclusive) {
        log/* core */.I8.warning(`gate inconclusive (fail-on-inconclusive: false): ${shown}`);
        return {};
    }
    return { failure: `deploy-gate: ${shown}` };
}
/**
 * The HTTP prober and the Prometheus client, made before anything is recorded: both read `prometheus.ca-file`, and
 * one that cannot be read is a config error (SPEC §8), not a gate that could not decide.
 */
function createMeasurers(settings) {
    let prober;
    try {
        prober = createHttpProber({ caFile: settings.prometheus?.caFile });
        const prometheus = settings.prometheus ? (0,prometheus_client/* createPrometheusClient */.M8)(settings.prometheus) : undefined;
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
async function startCheckRun(octokit, name, ctx) {
    try {
        const id = await (0,check_runs/* createCheckRun */._U)(octokit, { owner: ctx.owner, repo: ctx.repo }, name, ctx.headSha, ctx.runUrl);
        log/* core */.I8.saveState(constants/* State */.Uw.CheckRunId, String(id));
        return id;
    }
    catch (err) {
        log/* core */.I8.warning(`check run "${name}" not published: ${(0,errors/* errorMessage */.gJ)(err)}`);
        return undefined;
    }
}
async function mode_measure(spec, signal, prober, prometheus) {
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


/***/ })

};

//# sourceMappingURL=420.index.js.map