export const id = 667;
export const ids = [667];
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

/***/ 75667:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  MAX_CONNECTIONS: () => (/* binding */ MAX_CONNECTIONS),
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

;// CONCATENATED MODULE: ./src/prometheus/metadata.ts
/**
 * The two metadata answers service detection reads (SPEC §2 "Service checks"): metric names under a selector
 * (`/api/v1/label/__name__/values`) and label names of some series (`/api/v1/labels`). Both are lists of strings;
 * anything else is a PrometheusError like any malformed answer. Pure.
 */

/** At most this many names are kept: detection needs names, not a server's whole index. */
const MAX_NAMES = 10_000;
function decodeNameList(answer) {
    const { value } = (0,response/* decodeEnvelope */.vw)(answer);
    if (!Array.isArray(value))
        throw (0,response/* unexpected */.os)('"data" is not a list of names');
    const out = [];
    for (const v of value.slice(0, MAX_NAMES)) {
        if (typeof v !== 'string')
            throw (0,response/* unexpected */.os)('a name in "data" is not a string');
        out.push(v);
    }
    return out;
}
/** The query string of a metadata request: one `match[]`, the window as Unix seconds. */
function metadataParams(match, start, end) {
    return new URLSearchParams({
        'match[]': match,
        start: String(start.getTime() / 1000),
        end: String(end.getTime() / 1000),
    }).toString();
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
            // The alerts and label-values APIs are GET only (Prometheus, Mimir, vmalert); every query goes as a POST form.
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
        async metricNames(match, opts) {
            const query = metadataParams(match, opts.start, opts.end);
            return decodeNameList(await post(`/api/v1/label/__name__/values?${query}`, undefined, opts.signal));
        },
        async labelNames(match, opts) {
            const query = metadataParams(match, opts.start, opts.end);
            return decodeNameList(await post(`/api/v1/labels?${query}`, undefined, opts.signal));
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
/**
 * At most this many connections to the server: a round of thousands of checks queues its queries here instead of
 * opening a connection each (Prometheus refuses connections beyond `--web.max-connections`, 512 by default, and a
 * refused round stalled for seconds in the accuracy replay).
 */
const MAX_CONNECTIONS = 64;
function agentWithCa(caFile) {
    if (caFile === undefined || caFile === '')
        return new undici_slim.Agent({ connections: MAX_CONNECTIONS });
    return new undici_slim.Agent({ connections: MAX_CONNECTIONS, connect: { ca: (0,ca/* trustedCas */.p)(caFile) } });
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

//# sourceMappingURL=667.index.js.map