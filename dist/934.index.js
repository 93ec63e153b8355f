export const id = 934;
export const ids = [934];
export const modules = {

/***/ 89651:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ trustedCas)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(41692);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_tls__WEBPACK_IMPORTED_MODULE_1__);
/**
 * The one reader of `prometheus.ca-file`, shared by the HTTP prober and the Prometheus client: Node's default roots
 * plus the PEM certificates in the file.
 */


/** Throws, naming the file, when it cannot be read or holds no PEM certificate: a configuration problem. */
function trustedCas(path) {
    let pem;
    try {
        pem = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8');
    }
    catch (err) {
        throw new Error(`cannot read ca-file ${path}: ${err instanceof Error ? err.message : String(err)}`, {
            cause: err,
        });
    }
    if (!pem.includes('-----BEGIN CERTIFICATE-----'))
        throw new Error(`ca-file ${path} holds no PEM certificate`);
    return [...node_tls__WEBPACK_IMPORTED_MODULE_1__.rootCertificates, pem];
}


/***/ }),

/***/ 93987:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $9: () => (/* binding */ withoutNodeTlsHint),
/* harmony export */   AK: () => (/* binding */ STALE_CONNECTION_CODES),
/* harmony export */   CA: () => (/* binding */ errorCode),
/* harmony export */   Ic: () => (/* binding */ describeFailure)
/* harmony export */ });
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
    return withoutNodeTlsHint(errorMessage(err));
}
/** A TLS error text without Node's own hint (`--use-system-ca`), meaningless inside an action. */
function withoutNodeTlsHint(text) {
    return text.split('; ')[0] ?? '';
}


/***/ }),

/***/ 34934:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createHttpProber: () => (/* binding */ createHttpProber),
  describeTarget: () => (/* binding */ describeTarget)
});

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./src/vendor/undici-slim.ts
var undici_slim = __webpack_require__(26876);
// EXTERNAL MODULE: ./src/config/duration.ts
var duration = __webpack_require__(97840);
// EXTERNAL MODULE: ./src/probes/ca.ts
var probes_ca = __webpack_require__(89651);
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

// EXTERNAL MODULE: ./src/model/web-url.ts
var web_url = __webpack_require__(70155);
// EXTERNAL MODULE: ./src/report/redact.ts
var redact = __webpack_require__(20649);
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
    const ca = options.caFile === undefined ? undefined : (0,probes_ca/* trustedCas */.p)(options.caFile);
    const pools = new Map();
    let closed = false;
    function poolFor(origin) {
        let pool = pools.get(origin);
        if (pool === undefined) {
            pool = new undici_slim.Pool(origin, {
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
        const target = (0,web_url/* parseWebUrl */.B)(spec.url);
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
                return { at, outcome: 'breach', reason: `timed out after ${(0,duration/* formatConfigDuration */.U9)(spec.timeoutMs)}` };
            }
            const failure = (0,http_failures/* describeFailure */.Ic)(err);
            const reason = (0,redact/* redactText */.Rd)(failure.reason, secretsOf(spec, target));
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
    return (0,redact/* withoutUserinfo */.Q3)(spec.url);
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
    const userinfo = (0,web_url/* userinfoOf */.t)(url);
    if (userinfo === undefined)
        return undefined;
    return `Basic ${Buffer.from(`${userinfo.username}:${userinfo.password}`).toString('base64')}`;
}
/**
 * Everything that must never appear in a reason built from an outside error message: header values and credentials.
 * Values shorter than 4 characters are left out: masking `1` or `on` would mangle the text around them.
 */
function secretsOf(spec, target) {
    const secrets = Object.values(spec.headers);
    const userinfo = (0,web_url/* userinfoOf */.t)(target);
    // As written in the URL and as sent (percent-decoded): an echo may show either.
    if (userinfo)
        secrets.push(target.username, target.password, userinfo.username, userinfo.password);
    const basicAuth = basicAuthOf(target);
    if (basicAuth !== undefined)
        secrets.push(basicAuth);
    return secrets.filter((secret) => secret.length >= 4);
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


/***/ })

};

//# sourceMappingURL=934.index.js.map