export const id = 692;
export const ids = [692];
export const modules = {

/***/ 76692:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runGateMode: () => (/* binding */ runGateMode)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(70819);
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
// EXTERNAL MODULE: ./src/ledger/deployments.ts + 2 modules
var deployments = __webpack_require__(72981);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(41692);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(46752);
// EXTERNAL MODULE: ./src/config/duration.ts
var duration = __webpack_require__(97840);
;// CONCATENATED MODULE: ./src/probes/http-failures.ts
/**
 * Turns a failed HTTP exchange into a reason. Network and TLS failures are breaches: the app is what is being checked
 * (SPEC §3). Only failures that point at a bug in deploy-gate are `internal` (an `error` measurement).
 */
const NETWORK_REASONS = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset by the server',
    EPIPE: 'connection closed by the server while sending the request',
    ECONNABORTED: 'connection aborted',
    ETIMEDOUT: 'connect timed out',
    UND_ERR_CONNECT_TIMEOUT: 'connect timed out',
    EHOSTUNREACH: 'host unreachable',
    EHOSTDOWN: 'host is down',
    ENETUNREACH: 'network unreachable',
    ENETDOWN: 'network is down',
    EADDRNOTAVAIL: 'address not available',
    ENOTFOUND: 'DNS: host not found',
    EAI_NONAME: 'DNS: host not found',
    EAI_NODATA: 'DNS: host has no address',
    EAI_AGAIN: 'DNS: temporary failure resolving the host',
    EAI_FAIL: 'DNS: lookup failed',
    UND_ERR_SOCKET: 'connection closed by the server',
    UND_ERR_HEADERS_TIMEOUT: 'timed out waiting for response headers',
    UND_ERR_BODY_TIMEOUT: 'timed out reading the response body',
    UND_ERR_HEADERS_OVERFLOW: 'response headers too large',
    UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'response body does not match its Content-Length',
    UND_ERR_RES_EXCEEDED_MAX_SIZE: 'response too large',
    UND_ERR_INFO: 'invalid HTTP response',
    UND_ERR_NOT_SUPPORTED: 'response uses an unsupported HTTP feature',
};
/** OpenSSL verification codes and Node's TLS error codes; all mean the server's TLS is not acceptable. */
const TLS_CODE = /CERT|SELF_SIGNED|UNABLE_TO_|ISSUER|HOSTNAME_MISMATCH|INVALID_CA|PATH_LENGTH|^ERR_TLS_|^ERR_SSL_/;
/** Errors a stale keep-alive connection produces when the server closed it just as a request went out. */
const STALE_CONNECTION_CODES = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE']);
function describeFailure(err) {
    const code = errorCode(err);
    if (code !== undefined) {
        const known = NETWORK_REASONS[code];
        if (known !== undefined)
            return { reason: known, internal: false };
        if (TLS_CODE.test(code))
            return { reason: `TLS: ${tlsMessage(err) || code}`, internal: false };
        if (code.startsWith('HPE_'))
            return { reason: `invalid HTTP response (${code})`, internal: false };
        if (/^E[A-Z]+$/.test(code))
            return { reason: `network error ${code}`, internal: false };
    }
    const message = errorMessage(err);
    return { reason: `internal error: ${message || String(err)}`, internal: true };
}
/** The `code` of an error, of the first error inside an AggregateError (happy eyeballs), or of its cause. */
function errorCode(err) {
    for (const candidate of [err, firstAggregated(err), causeOf(err)]) {
        if (typeof candidate === 'object' && candidate !== null && 'code' in candidate) {
            const { code } = candidate;
            if (typeof code === 'string' && code !== '')
                return code;
        }
    }
    return undefined;
}
function firstAggregated(err) {
    return err instanceof AggregateError ? err.errors[0] : undefined;
}
function causeOf(err) {
    return err instanceof Error ? err.cause : undefined;
}
function errorMessage(err) {
    const inner = err instanceof AggregateError && !err.message ? firstAggregated(err) : err;
    return inner instanceof Error ? inner.message : '';
}
/** OpenSSL's text without the hint Node appends (`; if the root CA is installed locally, try … --use-system-ca`). */
function tlsMessage(err) {
    return errorMessage(err).split('; ')[0] ?? '';
}
/** `https://user:pass@host/x` → `https://host/x`, anywhere in `text`. */
function http_failures_stripUserinfo(text) {
    return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#]*@/gi, '$1');
}
/**
 * Removes URL userinfo and the given secret values (header values, credentials) from a text that came from
 * outside, e.g. an error message. Values shorter than 4 characters are left alone: masking `1` would mangle text.
 */
function redact(text, secrets) {
    let out = http_failures_stripUserinfo(text);
    for (const secret of secrets) {
        if (secret.length >= 4)
            out = out.split(secret).join('***');
    }
    return out;
}

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
    return text.length > 80 ? `${text.slice(0, 77)}..."` : text;
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
            const code = errorCode(err);
            const retryable = hop.method !== 'POST' && code !== undefined && STALE_CONNECTION_CODES.has(code);
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
            const failure = describeFailure(err);
            const reason = redact(failure.reason, secretsOf(spec, target));
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
    const credentials = `${safeDecode(url.username)}:${safeDecode(url.password)}`;
    return `Basic ${Buffer.from(credentials).toString('base64')}`;
}
function safeDecode(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}
/** Everything that must never appear in a reason built from an outside error message. */
function secretsOf(spec, target) {
    const secrets = Object.values(spec.headers);
    for (const part of [target.username, target.password]) {
        if (part !== '')
            secrets.push(part, safeDecode(part));
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
var prometheus_client = __webpack_require__(7428);
// EXTERNAL MODULE: ./src/prometheus/errors.ts
var prometheus_errors = __webpack_require__(92737);
;// CONCATENATED MODULE: ./src/prometheus/measure.ts
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
 * breaching series, worst first.
 */
function measureSeries(series, threshold, at) {
    const real = series.filter((s) => Number.isFinite(s.value));
    const ignored = series.filter((s) => !Number.isFinite(s.value));
    if (series.length === 0)
        return { at, outcome: 'no-data', reason: 'no series matched' };
    if (real.length === 0) {
        const only = series[0];
        const reason = series.length === 1 && only !== undefined
            ? `the only series is ${formatValue(only.value)}${onLabels(only.labels)}`
            : `all ${series.length} series are NaN or ±Inf`;
        return { at, outcome: 'no-data', reason };
    }
    const ignoredPart = ignored.length === 0 ? {} : { ignoredSeries: ignored };
    const breaching = real
        .map((s) => ({ s, excess: excess(s.value, threshold) }))
        .filter((b) => b.excess > 0)
        .sort((a, b) => b.excess - a.excess)
        .map((b) => b.s);
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
        reason: `${describeBreach(worst.value, threshold)}${onLabels(distinguishing(worst.labels, series))}${more}`,
    };
}
/** An `error` measurement for a failed query: the PrometheusError's message, or the text of anything else thrown. */
function errorMeasurement(error, at) {
    const reason = error instanceof prometheus_errors/* PrometheusError */.H
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
function formatValue(value, threshold) {
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
        return `${formatValue(value, threshold.max)}${unit} > ${formatValue(threshold.max)}${unit}`;
    }
    const min = threshold.min ?? Number.NaN;
    return `${formatValue(value, min)}${unit} < ${formatValue(min)}${unit}`;
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
    const shortened = value.length > maxChars ? `${value.slice(0, maxChars - 1)}…` : value;
    return `"${shortened.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

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
var report_redact = __webpack_require__(20649);
// EXTERNAL MODULE: ./src/report/report.ts
var report_report = __webpack_require__(88850);
// EXTERNAL MODULE: ./src/report/check-facts.ts
var check_facts = __webpack_require__(91324);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(54285);
;// CONCATENATED MODULE: ./src/report/series.ts


/** Identity of a series: its labels in name order, NUL-separated (JSON-quoted in the rare case they hold NUL). */
function seriesKey(labels) {
    const names = Object.keys(labels);
    if (names.length > 1)
        names.sort();
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
    return tally(samples, (m) => (m.outcome === 'breach' ? m.series : undefined), (v) => (Number.isFinite(v) ? (0,check_facts/* excessOf */.FR)(spec, v) : Number.NEGATIVE_INFINITY)).sort((a, b) => b.excess - a.excess || compareText(a.key, b.key));
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

;// CONCATENATED MODULE: ./src/report/summary.ts




/** GitHub rejects a step summary over 1 MiB. */
const STEP_SUMMARY_LIMIT_BYTES = (/* unused pure expression or super */ null && (1024 * 1024));
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
    const maxBytes = ctx.maxBytes ?? DEFAULT_MAX_BYTES;
    const series = seriesOf(result.checks);
    let text = '';
    for (const detail of LEVELS) {
        text = render(result, ctx, detail, series);
        if (Buffer.byteLength(text) <= maxBytes)
            return text;
    }
    return cutToBytes(text, maxBytes);
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
    if (metrics.some((c) => c.samples.length > 0))
        parts.push('#### Trends', trendsTable(metrics));
    const findings = result.checks
        .filter((c) => needsFinding(c, series.get(c)))
        .map((c) => finding(c, ctx, detail, series.get(c)));
    if (findings.length > 0)
        parts.push('#### Findings', ...findings);
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
        ctx.deploymentUrl ? (0,markdown/* link */.nf)('Deployment', (0,report_redact/* withoutUserinfo */.Q3)(ctx.deploymentUrl)) : undefined,
        ctx.runUrl ? (0,markdown/* link */.nf)('Workflow run', (0,report_redact/* withoutUserinfo */.Q3)(ctx.runUrl)) : undefined,
    ].filter((l) => l !== undefined);
    return [heading, line, ...(links.length > 0 ? [links.join(' · ')] : [])].join('\n\n');
}
function kindText(spec) {
    return spec.enforce ? (0,check_facts/* checkKind */.pK)(spec) : `${(0,check_facts/* checkKind */.pK)(spec)} (shadow)`;
}
function targetCell(spec) {
    if (spec.kind === 'http') {
        const method = spec.method === 'GET' ? '' : `${spec.method} `;
        return (0,markdown/* codeCell */.MZ)(`${method}${(0,markdown/* shorten */.ml)((0,report_redact/* withoutUserinfo */.Q3)(spec.url), 120)}`);
    }
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
            (0,markdown/* escapeCell */.kq)((0,check_facts/* lastValueText */.N0)(c.spec, c.samples)),
            (0,markdown/* escapeCell */.kq)(worst ? (0,check_facts/* formatCheckValue */.vk)(c.spec, worst.value) : '—'),
            (0,markdown/* escapeCell */.kq)((0,check_facts/* sampleCountsText */.YL)(c.samples)),
            (0,check_facts/* resultText */.D6)(c.result),
            (0,markdown/* escapeCell */.kq)((0,markdown/* shorten */.ml)(reasonOf(c), detail.reasonChars)),
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
    return (0,markdown/* table */.tp)(headers, rows);
}
function reasonOf(c) {
    if (c.reason !== undefined && c.reason !== '')
        return c.reason;
    if (c.result === 'pending')
        return 'not decided: the gate stopped first';
    return '';
}
function trendsTable(metrics) {
    const rows = metrics
        .filter((c) => c.samples.length > 0)
        .map((c) => {
        const values = c.samples.map((m) => m.value ?? Number.NaN);
        const finite = values.filter(Number.isFinite);
        const low = finite.length > 0 ? (0,check_facts/* formatCheckValue */.vk)(c.spec, Math.min(...finite)) : '—';
        const high = finite.length > 0 ? (0,check_facts/* formatCheckValue */.vk)(c.spec, Math.max(...finite)) : '—';
        const keep = (0,check_facts/* lowIsWorse */.nk)(c.spec) ? 'min' : 'max';
        return [
            (0,markdown/* escapeCell */.kq)(c.spec.name),
            (0,markdown/* codeCell */.MZ)((0,markdown/* sparkline */.KM)(values, 40, keep)),
            (0,markdown/* escapeCell */.kq)(low),
            (0,markdown/* escapeCell */.kq)(high),
        ];
    });
    return (0,markdown/* table */.tp)(['Check', 'Over the window', 'Min', 'Max'], rows);
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
                    (0,markdown/* codeCell */.MZ)(formatLabels(s.labels)),
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
    const base = (0,report_redact/* withoutUserinfo */.Q3)(prometheusUrl).replace(/\/+$/, '');
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
            if (consecutiveBreaches >= limits.maxConsecutiveFailures) {
                const rule = `max-consecutive-failures ${limits.maxConsecutiveFailures}`;
                const reason = `${count(consecutiveBreaches, 'breach', 'breaches')} in a row (${rule}): ${evidenceOf(m)}`;
                return { ...next, result: 'failed', reason };
            }
            if (windowBreaches >= limits.maxFailures) {
                const rule = `max-failures ${limits.maxFailures}`;
                const reason = `${count(windowBreaches, 'breach', 'breaches')} in the window (${rule}): ${evidenceOf(m)}`;
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
    const value = m.value === undefined ? '' : `${run_formatValue(m.value)}${unit}`;
    const detail = m.outcome === 'pass' ? value : (m.reason ?? value);
    return detail === '' ? `${spec.name} ${m.outcome}` : `${spec.name} ${m.outcome} ${detail}`;
}
function run_formatValue(value) {
    if (!Number.isFinite(value))
        return String(value);
    return Math.abs(value) >= 100 ? String(Math.round(value)) : String(Number(value.toPrecision(3)));
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
 * step's annotations these are not capped at 10; completeCheckRun sends them 50 a request.
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
                message: (0,report_redact/* redactText */.Rd)(c.reason || `${c.spec.name} ${c.result}`, secrets),
            },
        ];
    });
}

;// CONCATENATED MODULE: ./src/gate/mode.ts
/** Runs gate mode: record the deployment, observe, decide, report, close the record. The post step is in post.ts. */




















/** GitHub caps a check run's output.summary at 65,535 characters; the summary is rendered to fit (in bytes, so safely). */
const CHECK_RUN_SUMMARY_BYTES = 65_000;
async function runGateMode(settings) {
    const { prober, prometheus } = createMeasurers(settings);
    const ctx = (0,context/* readRunContext */.$)();
    const recording = settings.record && !settings.dryRun && !ctx.eventName.startsWith('pull_request');
    const octokit = recording || settings.checkName ? (0,client/* createGitHubClient */.LX)({ token: settings.token }) : undefined;
    const repo = { owner: ctx.owner, repo: ctx.repo };
    const ledger = recording && octokit ? (0,deployments/* createDeploymentLedger */.vS)(octokit, repo) : undefined;
    const deploymentId = ledger ? await openRecord(ledger, octokit, settings, ctx) : undefined;
    // Set now, not after the final status: a step that fails later still tells the next steps which record it opened.
    core.setOutput(constants/* Outputs */.tY.DeploymentId, deploymentId === undefined ? '' : String(deploymentId));
    const checkRunId = settings.checkName && octokit ? await startCheckRun(octokit, settings.checkName, ctx) : undefined;
    const controller = new AbortController();
    const onSignal = (name) => () => controller.abort(new Error(`gate cancelled (${name})`));
    const onTerm = onSignal('SIGTERM');
    const onInt = onSignal('SIGINT');
    process.once('SIGTERM', onTerm);
    process.once('SIGINT', onInt);
    let result;
    try {
        result = await runGate({
            checks: settings.checks,
            policy: settings.policy,
            measure: (spec, signal) => measure(spec, signal, prober, prometheus),
            clock: { now: () => Date.now() },
            sleep: (ms, signal) => (0,promises_.setTimeout)(ms, undefined, { signal }),
            log: (line) => core.info((0,report_redact/* redactText */.Rd)(line, settings.secrets)),
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
    const summaryContext = {
        environment: settings.environment,
        sha: settings.sha,
        prometheusUrl: settings.prometheus?.url,
        dryRun: settings.dryRun,
        runUrl: ctx.runUrl,
    };
    const summary = renderGateSummary(result, summaryContext);
    const report = (0,report_report/* buildGateReport */.ow)(result, {
        environment: settings.environment,
        sha: settings.sha,
        run: runInfo,
        config: effectiveConfig(settings),
        secrets: settings.secrets,
    });
    await (0,publish/* publishGate */.BZ)({
        core: core,
        result,
        summaryMarkdown: summary,
        annotations: gateAnnotations(result),
        reportJson: (0,report_report/* renderReportJson */.BK)(report),
        reportPath: (0,publish/* reportPathFor */.xJ)(ctx.runnerTemp || '.', 'gate'),
        artifact: { name: settings.reportArtifact, retentionDays: settings.reportRetentionDays },
        secrets: settings.secrets,
    });
    if (ledger && deploymentId !== undefined) {
        await ledger.setStatus(deploymentId, {
            state: result.verdict === 'stable' ? 'success' : result.verdict === 'failed' ? 'failure' : 'error',
            description: (0,report_redact/* redactText */.Rd)(description, settings.secrets),
            logUrl: (0,deployments/* buildLogUrl */.g5)(ctx.serverUrl, `${ctx.owner}/${ctx.repo}`, ctx.runId, ctx.runAttempt),
            environmentUrl: settings.environmentUrl,
        });
        core.saveState(constants/* State */.Uw.FinalStatusWritten, 'true');
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
            title: (0,report_redact/* redactText */.Rd)(description, settings.secrets),
            summary: (0,report_redact/* redactText */.Rd)(renderGateSummary(result, { ...summaryContext, maxBytes: CHECK_RUN_SUMMARY_BYTES }), settings.secrets),
            annotations: checkRunAnnotations(result, settings.configFile?.path, settings.secrets),
        });
        if (published !== undefined)
            core.saveState(constants/* State */.Uw.CheckRunCompleted, 'true');
    }
    core.setOutput(constants/* Outputs */.tY.CheckRunId, checkRunId === undefined ? '' : String(checkRunId));
    if (settings.dryRun) {
        core.notice(`dry run: verdict ${result.verdict}; the step does not fail on the verdict`);
        return {};
    }
    if (result.verdict === 'stable')
        return {};
    const shown = (0,report_redact/* redactText */.Rd)(description, settings.secrets);
    if (result.verdict === 'inconclusive' && !settings.failOnInconclusive) {
        core.warning(`gate inconclusive (fail-on-inconclusive: false): ${shown}`);
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
async function openRecord(ledger, octokit, settings, ctx) {
    const jobName = await (0,deployments/* findJobName */.g2)(octokit, {
        owner: ctx.owner,
        repo: ctx.repo,
        runId: ctx.runId,
        runAttempt: ctx.runAttempt,
        runnerName: ctx.runnerName,
    });
    if (jobName === undefined) {
        core.warning('the job name could not be read (grant "actions: read"); rollback will match the deploy job by deploy-job');
    }
    const { id, reused } = await ledger.findOrCreate({
        sha: settings.sha,
        environment: settings.environment,
        productionEnvironment: settings.environment === 'production',
        payload: {
            version: 1,
            run_id: ctx.runId,
            run_attempt: ctx.runAttempt,
            workflow_ref: ctx.workflowRef,
            job: ctx.job,
            ...(jobName === undefined ? {} : { job_name: jobName }),
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
    return id;
}
async function startCheckRun(octokit, name, ctx) {
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
async function measure(spec, signal, prober, prometheus) {
    if (spec.kind === 'http')
        return prober.probe(spec, signal);
    const at = new Date().toISOString();
    if (!prometheus)
        return { at, outcome: 'error', reason: 'no Prometheus configured' };
    try {
        const result = await prometheus.query(spec.query, { signal });
        return {
            ...measureSeries(result.series, thresholdOf(spec), at),
            ...(result.warnings.length ? { warnings: result.warnings } : {}),
        };
    }
    catch (err) {
        if (signal.aborted)
            throw err;
        return errorMeasurement(err, at);
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


/***/ }),

/***/ 21511:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ pagesOf)
/* harmony export */ });
/** Page-by-page reading of a paginated list, stopping where the caller stops: each page is one request, on demand. */
/**
 * Yields the items of each page of `responses` (an Octokit `paginate.iterator`), mapped by `map`, for at most
 * `maxPages` pages. A failed request is rethrown through `onError` (which maps it to a clear message).
 */
async function* pagesOf(responses, maxPages, map, onError) {
    const iterator = responses[Symbol.asyncIterator]();
    for (let page = 1; page <= maxPages; page++) {
        let next;
        try {
            next = await iterator.next();
        }
        catch (err) {
            throw onError(err);
        }
        if (next.done === true)
            return;
        yield next.value.data.map(map);
    }
}


/***/ }),

/***/ 72981:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  g5: () => (/* reexport */ buildLogUrl),
  vS: () => (/* binding */ createDeploymentLedger),
  $Q: () => (/* reexport */ findCurrent),
  q6: () => (/* reexport */ findCurrentAndTarget),
  g2: () => (/* reexport */ findJobName),
  WF: () => (/* reexport */ findStableForSha)
});

// UNUSED EXPORTS: DEFAULT_MAX_PAGES, DEPLOYMENTS_PER_PAGE, DESCRIPTION_MAX_CHARS, PAYLOAD_KEY, findStableBefore, isStable, parseGatePayload, truncateDescription

// EXTERNAL MODULE: ./src/github/client.ts
var client = __webpack_require__(96584);
// EXTERNAL MODULE: ./src/github/pages.ts
var github_pages = __webpack_require__(21511);
;// CONCATENATED MODULE: ./src/ledger/select.ts
/** Statuses that decide stability. `inactive`, `in_progress`, `queued` and `pending` decide nothing. */
const DECISIVE = new Set(['success', 'failure', 'error']);
/**
 * Stable: a `success` and no `failure` or `error` after the last `success`, i.e. the newest deciding status is `success`.
 * Only `failure` and `error` unmake a success: `inactive` (auto_inactive when a newer deployment succeeds) does not, and
 * neither do `in_progress`/`queued`/`pending`, which the gate never posts after its verdict — a re-run gate is a new
 * run attempt and so a new deployment. Statuses may come in any order; equal times keep the given (API, newest-first)
 * order.
 */
function isStable(statuses) {
    const newestFirst = statuses
        .map((s, index) => ({ s, index, at: Date.parse(s.createdAt) }))
        .sort((a, b) => b.at - a.at || a.index - b.index);
    return newestFirst.find(({ s }) => DECISIVE.has(s.state))?.s.state === 'success';
}
/** The newest deployment carrying the deploy-gate payload (by `createdAt`, then id). */
function findCurrent(deployments) {
    let current;
    for (const d of deployments) {
        if (d.payload && (!current || isOlder(current, d)))
            current = d;
    }
    return current;
}
/** The newest stable deployment carrying the payload that is older than `current` and has a different SHA. */
function findStableBefore(deployments, current, statusesOf) {
    const currentSha = current.sha.toLowerCase();
    return newestStable(deployments, (d) => d.id !== current.id && isOlder(d, current) && d.sha.toLowerCase() !== currentSha, statusesOf);
}
/** The newest stable deployment of a commit; `sha` may be abbreviated (7–40 hex). */
function findStableForSha(deployments, sha, statusesOf) {
    const prefix = sha.toLowerCase();
    return newestStable(deployments, (d) => d.sha.toLowerCase().startsWith(prefix), statusesOf);
}
/**
 * Current and rollback target of an environment, reading a page of deployments and a deployment's statuses only when
 * the answer is not yet known. `current` undefined means no deployment carries the payload (SPEC §5.1: fall back to the
 * run history); `target` undefined with a current means no stable deployment before it within `maxPages`.
 */
async function findCurrentAndTarget(ledger, environment, options) {
    let current;
    const statusesOf = (d) => ledger.statuses(d.id);
    // Pages come newest first, so everything on a later page is older than everything on an earlier one.
    for await (const page of ledger.pages(environment, options)) {
        current ??= findCurrent(page);
        if (!current)
            continue;
        const target = await findStableBefore(page, current, statusesOf);
        if (target)
            return { current, target };
    }
    return current ? { current } : {};
}
async function newestStable(deployments, accept, statusesOf) {
    const candidates = [...deployments].filter((d) => d.payload && accept(d)).sort(newestFirst);
    for (const d of candidates) {
        if (isStable(await statusesOf(d)))
            return d;
    }
    return undefined;
}
/** Newest first by `createdAt`; deployments created in the same second are ordered by id. */
function newestFirst(a, b) {
    return Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id - a.id;
}
/** `a` was created before `b`. */
function isOlder(a, b) {
    return newestFirst(a, b) > 0;
}

;// CONCATENATED MODULE: ./src/ledger/job-name.ts

/**
 * The display name of the in-progress job of this run attempt that runs on `runnerName` — the name the jobs API shows,
 * with matrix values, e.g. `deploy (web)`. Undefined when the jobs cannot be read (401/403/404: the token lacks
 * `actions: read`; the caller warns) or no single job matches. Other failures (5xx after the retries) throw.
 */
async function findJobName(octokit, query) {
    if (!query.runnerName || !query.runId)
        return undefined;
    let jobs;
    try {
        jobs = await octokit.paginate(octokit.rest.actions.listJobsForWorkflowRunAttempt, {
            owner: query.owner,
            repo: query.repo,
            run_id: query.runId,
            attempt_number: query.runAttempt,
            per_page: 100,
        });
    }
    catch (err) {
        const mapped = (0,client/* mapGitHubError */.ym)(err, {
            action: `list the jobs of run ${query.runId} attempt ${query.runAttempt}`,
            permission: 'actions: read',
            repository: `${query.owner}/${query.repo}`,
        });
        if (mapped.status === 401 || mapped.status === 403 || mapped.status === 404)
            return undefined;
        throw mapped;
    }
    const matches = jobs.filter((job) => job.status === 'in_progress' && job.runner_name === query.runnerName);
    return matches.length === 1 ? matches[0]?.name : undefined;
}
/** `<server>/<owner>/<repo>/actions/runs/<id>/attempts/<n>`. */
function buildLogUrl(serverUrl, repository, runId, runAttempt) {
    return `${serverUrl.replace(/\/+$/, '')}/${repository}/actions/runs/${runId}/attempts/${runAttempt}`;
}

;// CONCATENATED MODULE: ./src/ledger/deployments.ts




/** Key of our data in a deployment's `payload`. */
const PAYLOAD_KEY = 'deploy-gate';
/** GitHub's limit for a deployment status description. */
const DESCRIPTION_MAX_CHARS = 140;
const DEPLOYMENTS_PER_PAGE = 100;
/** SPEC §5: deployments are scanned at most 5 pages deep. */
const DEFAULT_MAX_PAGES = 5;
/** The permission every ledger request needs; gate and rollback both write. */
const PERMISSION = 'deployments: write';
function createDeploymentLedger(octokit, repo) {
    const repository = `${repo.owner}/${repo.repo}`;
    const fail = (err, action) => (0,client/* mapGitHubError */.ym)(err, { action, permission: PERMISSION, repository });
    async function* pages(environment, options) {
        const maxPages = options?.maxPages ?? DEFAULT_MAX_PAGES;
        const params = { ...repo, environment, per_page: DEPLOYMENTS_PER_PAGE };
        yield* (0,github_pages/* pagesOf */.E)(octokit.paginate.iterator(octokit.rest.repos.listDeployments, params), maxPages, toLedgerDeployment, (err) => fail(err, `list the deployments of ${environment}`));
    }
    return {
        async findOrCreate(request) {
            const sha7 = request.sha.slice(0, 7);
            const { run_id, run_attempt } = request.payload;
            let existing;
            try {
                // The same run attempt's record is among the newest of its SHA, so one page is enough.
                const { data } = await octokit.rest.repos.listDeployments({
                    ...repo,
                    sha: request.sha,
                    environment: request.environment,
                    per_page: DEPLOYMENTS_PER_PAGE,
                });
                existing = data
                    .map(toLedgerDeployment)
                    .find((d) => d.payload?.run_id === run_id && d.payload.run_attempt === run_attempt);
            }
            catch (err) {
                throw fail(err, `look up the deployments of ${sha7} in ${request.environment}`);
            }
            if (existing)
                return { id: existing.id, reused: true };
            const action = `create a deployment of ${sha7} in ${request.environment}`;
            let response;
            try {
                response = await octokit.rest.repos.createDeployment({
                    ...repo,
                    ref: request.sha,
                    environment: request.environment,
                    task: 'deploy',
                    auto_merge: false,
                    required_contexts: [],
                    production_environment: request.productionEnvironment,
                    payload: { [PAYLOAD_KEY]: request.payload },
                    description: request.description,
                });
            }
            catch (err) {
                throw fail(err, action);
            }
            // 202 means GitHub merged the default branch instead of creating a deployment (cannot happen with
            // auto_merge: false, but the answer then has no id and must not be taken for one).
            const data = response.data;
            const id = isRecord(data) ? Number(data['id']) : NaN;
            if (response.status !== 201 || !Number.isSafeInteger(id) || id <= 0) {
                const message = isRecord(data) && typeof data['message'] === 'string' ? ` (GitHub: ${data['message']})` : '';
                throw new client/* GitHubApiError */.OS(`could not ${action}: GitHub answered ${response.status} without a deployment id${message}`, { status: response.status });
            }
            return { id, reused: false };
        },
        async setStatus(id, status) {
            try {
                await octokit.rest.repos.createDeploymentStatus({
                    ...repo,
                    deployment_id: id,
                    state: status.state,
                    description: status.description === undefined ? undefined : truncateDescription(status.description),
                    log_url: status.logUrl,
                    environment_url: status.environmentUrl,
                    auto_inactive: status.autoInactive,
                });
            }
            catch (err) {
                throw fail(err, `set the status of deployment ${id} to ${status.state}`);
            }
        },
        pages,
        async list(environment, options) {
            const all = [];
            for await (const page of pages(environment, options))
                all.push(...page);
            return all;
        },
        async statuses(id) {
            try {
                const data = await octokit.paginate(octokit.rest.repos.listDeploymentStatuses, {
                    ...repo,
                    deployment_id: id,
                    per_page: 100,
                });
                return data.map((s) => ({
                    state: s.state,
                    description: s.description ?? '',
                    createdAt: s.created_at,
                    ...(s.log_url ? { logUrl: s.log_url } : {}),
                    ...(s.environment_url ? { environmentUrl: s.environment_url } : {}),
                }));
            }
            catch (err) {
                throw fail(err, `list the statuses of deployment ${id}`);
            }
        },
    };
}
/** GitHub rejects descriptions over 140 characters; longer ones are cut to 139 and end with `…`. */
function truncateDescription(text, maxChars = DESCRIPTION_MAX_CHARS) {
    const chars = Array.from(text); // code points, so an emoji is never cut in half
    return chars.length <= maxChars ? text : `${chars.slice(0, maxChars - 1).join('')}…`;
}
function toLedgerDeployment(d) {
    const payload = parseGatePayload(d.payload);
    return {
        id: Number(d.id),
        sha: d.sha,
        ref: d.ref,
        environment: d.environment,
        createdAt: d.created_at,
        ...(payload ? { payload } : {}),
    };
}
/** Our part of a deployment payload (an object, or a JSON string from older API clients); undefined when absent or not ours. */
function parseGatePayload(payload) {
    let value = payload;
    if (typeof value === 'string') {
        try {
            value = JSON.parse(value);
        }
        catch {
            return undefined;
        }
    }
    const gate = isRecord(value) ? value[PAYLOAD_KEY] : undefined;
    if (!isRecord(gate) || gate['version'] !== 1)
        return undefined;
    const runId = gate['run_id'];
    const runAttempt = gate['run_attempt'];
    if (!isPositiveInteger(runId) || !isPositiveInteger(runAttempt))
        return undefined;
    const jobName = gate['job_name'];
    return {
        version: 1,
        run_id: runId,
        run_attempt: runAttempt,
        workflow_ref: typeof gate['workflow_ref'] === 'string' ? gate['workflow_ref'] : '',
        job: typeof gate['job'] === 'string' ? gate['job'] : '',
        ...(typeof jobName === 'string' && jobName !== '' ? { job_name: jobName } : {}),
    };
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isPositiveInteger(value) {
    return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}


/***/ })

};

//# sourceMappingURL=692.index.js.map