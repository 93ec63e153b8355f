export const id = 560;
export const ids = [560];
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

/***/ 11560:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  MAX_RESPONSE_BYTES: () => (/* binding */ MAX_RESPONSE_BYTES),
  createPrometheusClient: () => (/* binding */ createPrometheusClient),
  formatTimeoutParam: () => (/* binding */ formatTimeoutParam)
});

// EXTERNAL MODULE: ./src/vendor/undici-slim.ts
var undici_slim = __webpack_require__(26876);
// EXTERNAL MODULE: ./src/probes/ca.ts
var ca = __webpack_require__(89651);
// EXTERNAL MODULE: ./src/probes/http-failures.ts
var http_failures = __webpack_require__(93987);
// EXTERNAL MODULE: ./src/model/web-url.ts
var web_url = __webpack_require__(70155);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(54285);
// EXTERNAL MODULE: ./src/report/redact.ts
var redact = __webpack_require__(20649);
// EXTERNAL MODULE: ./src/prometheus/errors.ts
var errors = __webpack_require__(92737);
// EXTERNAL MODULE: ./src/prometheus/alerts.ts
var alerts = __webpack_require__(60629);
// EXTERNAL MODULE: ./src/prometheus/response.ts
var response = __webpack_require__(52617);
;// CONCATENATED MODULE: ./src/prometheus/range.ts
/** Decoding of `/api/v1/query_range` answers (baselines): one array of real-or-not values per series. Pure. */


function decodeRangeAnswer(answer) {
    const { value: payload } = (0,response/* decodeEnvelope */.vw)(answer);
    if (!(0,response/* isObject */.Gv)(payload))
        throw (0,response/* unexpected */.os)('"data" is not an object');
    if (payload.resultType !== 'matrix') {
        throw new errors/* PrometheusError */.H(`Prometheus returned a ${JSON.stringify(payload.resultType)} result for a range query; expected a matrix`, { kind: 'unexpected-result' });
    }
    const result = payload.result;
    if (!Array.isArray(result))
        throw (0,response/* unexpected */.os)('matrix "result" is not an array');
    return result.map(decodeMatrixSeries);
}
function decodeMatrixSeries(entry) {
    if (!(0,response/* isObject */.Gv)(entry))
        throw (0,response/* unexpected */.os)('a matrix series is not an object');
    const values = entry.values ?? [];
    if (!Array.isArray(values)) {
        if (entry.histograms !== undefined) {
            throw (0,response/* unexpected */.os)('native histogram samples are not supported; reduce them to a number in the query', true);
        }
        throw (0,response/* unexpected */.os)('matrix "values" is not an array');
    }
    return {
        labels: (0,response/* decodeLabels */.IR)(entry.metric ?? {}),
        values: values.map((pair) => {
            if (!Array.isArray(pair) ||
                pair.length !== 2 ||
                typeof pair[0] !== 'number' ||
                typeof pair[1] !== 'string') {
                throw (0,response/* unexpected */.os)('a sample is not a [timestamp, "value"] pair');
            }
            return (0,response/* parseSampleValue */.L)(pair[1]);
        }),
    };
}

;// CONCATENATED MODULE: ./src/prometheus/client.ts
/**
 * The Prometheus HTTP API client: instant queries (and series look-ups for validate) over undici.
 *
 * Error style: every method resolves with a typed result or REJECTS with a `PrometheusError` (never anything else), so
 * callers write `try { measureSeries((await client.query(q)).series, …) } catch (err) { errorMeasurement(err, at) }`.
 */










/** Bodies above this are not read further: the query fails with `too-large`. */
const MAX_RESPONSE_BYTES = 10 * 1024 * 1024;
/**
 * Builds a client for `settings.url` (a base URL with any path prefix; `/api/v1/query` is appended). Throws a plain
 * `Error` when the URL is not http(s) or `caFile` cannot be read: those are configuration errors, found before any
 * query.
 */
function createPrometheusClient(settings, deps = {}) {
    const base = parseBaseUrl(settings.url);
    const headers = buildHeaders(settings, base.userInfo);
    const credentials = credentialsOf(settings, headers);
    const ownAgent = deps.dispatcher === undefined ? agentWithCa(settings.caFile) : undefined;
    const dispatcher = deps.dispatcher ?? ownAgent;
    const timeoutMs = Math.max(1, Math.round(settings.timeoutMs));
    async function post(path, form, signal) {
        const timeoutSignal = AbortSignal.timeout(timeoutMs);
        const combined = signal === undefined ? timeoutSignal : AbortSignal.any([signal, timeoutSignal]);
        let phase = 'connect';
        try {
            // The alerts API is GET only (Prometheus, Mimir, vmalert); every query goes as a POST form.
            const url = new URL(`${base.url}${path}`);
            const response = await dispatcher.request({
                origin: url.origin,
                path: `${url.pathname}${url.search}`,
                method: form === undefined ? 'GET' : 'POST',
                headers: form === undefined ? withoutContentType(headers) : headers,
                ...(form === undefined ? {} : { body: form.toString() }),
                signal: combined,
            });
            phase = 'read';
            const body = withoutCredentials(await readCapped(response.body, response.headers['content-length']), response.statusCode, credentials);
            const contentType = response.headers['content-type'];
            return {
                status: response.statusCode,
                contentType: typeof contentType === 'string' ? contentType : '',
                body,
            };
        }
        catch (error) {
            if (error instanceof errors/* PrometheusError */.H)
                throw error;
            if (timeoutSignal.aborted) {
                throw new errors/* PrometheusError */.H(`Prometheus query timed out after ${(0,markdown/* formatDuration */.a3)(timeoutMs)}`, {
                    kind: 'timeout',
                    cause: error,
                });
            }
            if (signal?.aborted === true)
                throw new errors/* PrometheusError */.H('Prometheus query aborted', { kind: 'aborted', cause: error });
            throw new errors/* PrometheusError */.H(networkMessage(error, phase), { kind: 'network', cause: error });
        }
    }
    return {
        async query(promql, opts = {}) {
            const form = new URLSearchParams({ query: promql, timeout: formatTimeoutParam(timeoutMs) });
            return (0,response/* decodeQueryAnswer */.vK)(await post('/api/v1/query', form, opts.signal));
        },
        async queryRange(promql, opts) {
            const form = new URLSearchParams({
                query: promql,
                start: String(opts.start.getTime() / 1000),
                end: String(opts.end.getTime() / 1000),
                step: String(opts.stepMs / 1000),
                timeout: formatTimeoutParam(timeoutMs),
            });
            return decodeRangeAnswer(await post('/api/v1/query_range', form, opts.signal));
        },
        async alerts(opts = {}) {
            return (0,alerts/* decodeAlertsAnswer */._F)(await post('/api/v1/alerts', undefined, opts.signal));
        },
        async close() {
            await ownAgent?.close();
        },
    };
}
/**
 * The `timeout` parameter as every Prometheus-compatible server reads it: one unit (`10s`, `1500ms`). Messages for
 * people use `report/markdown.ts formatDuration`.
 */
function formatTimeoutParam(ms) {
    return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}
function parseBaseUrl(text) {
    const parsed = (0,web_url/* parseWebUrl */.B)(text);
    if (typeof parsed === 'string') {
        throw new Error(`the Prometheus URL must be a valid http:// or https:// URL (${parsed})`);
    }
    const userInfo = (0,web_url/* userinfoOf */.t)(parsed);
    parsed.username = '';
    parsed.password = '';
    parsed.hash = '';
    const path = parsed.pathname.replace(/\/+$/, '');
    return { url: `${parsed.origin}${path}${parsed.search}`, ...(userInfo === undefined ? {} : { userInfo }) };
}
function buildHeaders(settings, userInfo) {
    const headers = {
        accept: 'application/json',
        'content-type': 'application/x-www-form-urlencoded',
        'user-agent': 'deploy-gate',
    };
    for (const [name, value] of Object.entries(settings.headers))
        headers[name.toLowerCase()] = value;
    const basic = settings.basicAuth ?? userInfo;
    if (settings.bearerToken !== undefined && settings.bearerToken !== '') {
        headers.authorization = `Bearer ${settings.bearerToken}`;
    }
    else if (basic !== undefined) {
        headers.authorization = `Basic ${Buffer.from(`${basic.username}:${basic.password}`).toString('base64')}`;
    }
    return headers;
}
function withoutContentType(headers) {
    const { 'content-type': _dropped, ...rest } = headers;
    return rest;
}
/** Every credential this client sends: a server that echoes one back must not get it into a message. */
function credentialsOf(settings, headers) {
    const sent = [
        settings.bearerToken,
        settings.basicAuth?.password,
        headers.authorization,
        headers.authorization?.replace(/^(Bearer|Basic) /, ''),
        ...Object.values(settings.headers),
    ];
    return sent.filter((s) => s !== undefined && s.length >= 4).sort((a, b) => b.length - a.length);
}
/**
 * Error answers are quoted (shortened) in messages; credentials are removed before any shortening, so no part of one
 * can survive a cut. Successful answers are not scanned: they are never quoted.
 */
function withoutCredentials(body, status, credentials) {
    if (credentials.length === 0 || (status === 200 && body.startsWith('{"status":"success"')))
        return body;
    return (0,redact/* redactText */.Rd)(body, credentials);
}
/** An agent trusting Node's default roots plus the CAs in `caFile`; undefined (undici's global agent) without one. */
/** The client's own connection pool: Node's default CAs, plus `caFile`'s when given. Closed by `close()`. */
function agentWithCa(caFile) {
    if (caFile === undefined || caFile === '')
        return new undici_slim.Agent();
    return new undici_slim.Agent({ connect: { ca: (0,ca/* trustedCas */.p)(caFile) } });
}
async function readCapped(body, declaredLength) {
    const tooLarge = () => new errors/* PrometheusError */.H(`Prometheus response over ${MAX_RESPONSE_BYTES / 1024 / 1024} MiB`, {
        kind: 'too-large',
    });
    if (typeof declaredLength === 'string' && Number(declaredLength) > MAX_RESPONSE_BYTES) {
        body.destroy();
        throw tooLarge();
    }
    const chunks = [];
    let totalBytes = 0;
    try {
        for await (const chunk of body) {
            const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
            totalBytes += buffer.length;
            if (totalBytes > MAX_RESPONSE_BYTES)
                throw tooLarge();
            chunks.push(buffer);
        }
    }
    finally {
        // Leaving the loop early (too large, abort) must close the connection, not drain the rest of the body.
        if (!body.readableEnded)
            body.destroy();
    }
    return Buffer.concat(chunks).toString('utf8');
}
const TLS_CODES = new Set([
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'CERT_HAS_EXPIRED',
    'CERT_NOT_YET_VALID',
    'ERR_TLS_CERT_ALTNAME_INVALID',
]);
function networkMessage(error, phase) {
    const code = errorCode(error);
    const detail = describeCause(error);
    if (code !== undefined && TLS_CODES.has(code)) {
        const what = (0,http_failures/* withoutNodeTlsHint */.$9)(detail);
        return `Prometheus TLS certificate not accepted: ${what} (set prometheus.ca-file to the CA that signed it)`;
    }
    if (phase === 'read')
        return `Prometheus connection lost while reading the answer: ${detail}`;
    return `Prometheus unreachable: ${detail}`;
}
function errorCode(error) {
    if (typeof error !== 'object' || error === null)
        return undefined;
    const code = error.code;
    if (typeof code === 'string')
        return code;
    const cause = error.cause;
    return cause === undefined || cause === error ? undefined : errorCode(cause);
}
/** Node's message, or for an AggregateError (IPv4 and IPv6 both refused) its first inner error's. */
function describeCause(error) {
    if (error instanceof AggregateError && error.message === '' && error.errors[0] !== undefined) {
        return describeCause(error.errors[0]);
    }
    if (error instanceof Error)
        return error.message === '' ? (errorCode(error) ?? error.name) : error.message;
    return String(error);
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

//# sourceMappingURL=560.index.js.map