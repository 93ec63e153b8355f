export const id = 344;
export const ids = [344];
export const modules = {

/***/ 2842:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fp: () => (/* binding */ completeCheckRun),
/* harmony export */   _U: () => (/* binding */ createCheckRun)
/* harmony export */ });
/* unused harmony export ANNOTATIONS_PER_REQUEST */
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96584);

/** GitHub accepts at most 50 annotations per request; the rest are appended with PATCH. */
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
        throw (0,_client_js__WEBPACK_IMPORTED_MODULE_0__/* .mapGitHubError */ .ym)(err, { action: 'create the check run', permission: 'checks: write' });
    }
}
async function completeCheckRun(octokit, repo, id, conclusion, output) {
    const batches = [];
    for (let i = 0; i < output.annotations.length; i += ANNOTATIONS_PER_REQUEST) {
        batches.push(output.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
    }
    const base = {
        title: output.title,
        summary: clip(output.summary),
        ...(output.text ? { text: clip(output.text) } : {}),
    };
    try {
        await octokit.rest.checks.update({
            ...repo,
            check_run_id: id,
            status: 'completed',
            conclusion,
            completed_at: new Date().toISOString(),
            output: { ...base, annotations: batches[0] ?? [] },
        });
        for (const batch of batches.slice(1)) {
            await octokit.rest.checks.update({ ...repo, check_run_id: id, output: { ...base, annotations: batch } });
        }
    }
    catch (err) {
        throw (0,_client_js__WEBPACK_IMPORTED_MODULE_0__/* .mapGitHubError */ .ym)(err, { action: 'complete the check run', permission: 'checks: write' });
    }
}
function clip(text) {
    return text.length <= OUTPUT_MAX_CHARS
        ? text
        : `${text.slice(0, OUTPUT_MAX_CHARS - 40)}\n\n… (cut to GitHub's size limit)`;
}


/***/ }),

/***/ 541:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ publishCheckRun)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70819);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _check_runs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2842);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(96584);
/** Publishes a finished check run; a check run that cannot be written is a warning, never a failure (SPEC §5). */




/** The check run's id, or undefined when it could not be written (with a warning). */
async function publishCheckRun(p) {
    const repo = { owner: p.context.owner, repo: p.context.repo };
    try {
        const octokit = p.octokit ?? (0,_client_js__WEBPACK_IMPORTED_MODULE_3__/* .createGitHubClient */ .LX)({ token: p.token });
        const id = p.id ?? (await (0,_check_runs_js__WEBPACK_IMPORTED_MODULE_2__/* .createCheckRun */ ._U)(octokit, repo, p.name, p.context.headSha, p.context.runUrl));
        await (0,_check_runs_js__WEBPACK_IMPORTED_MODULE_2__/* .completeCheckRun */ .Fp)(octokit, repo, id, p.conclusion, {
            title: p.title,
            summary: p.summary,
            annotations: p.annotations,
        });
        return id;
    }
    catch (err) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning(`check run "${p.name}" not published: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err)}`);
        return undefined;
    }
}


/***/ }),

/***/ 7428:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  M8: () => (/* binding */ createPrometheusClient)
});

// UNUSED EXPORTS: MAX_RESPONSE_BYTES, formatMs

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(41692);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(46752);
// EXTERNAL MODULE: ./src/prometheus/errors.ts
var errors = __webpack_require__(92737);
;// CONCATENATED MODULE: ./src/prometheus/response.ts
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
    throw unexpected(`sample value ${JSON.stringify(text.slice(0, 40))} is not a number`);
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
/** Decodes an `/api/v1/series` answer: one label set per series. */
function decodeSeriesAnswer(answer) {
    const { value } = decodeEnvelope(answer);
    if (!Array.isArray(value))
        throw unexpected('"data" is not an array');
    return value.map((labels) => decodeLabels(labels));
}
/** Checks status, JSON and the `status` field; returns `data` and the warnings, or throws `PrometheusError`. */
function decodeEnvelope(answer) {
    const { status } = answer;
    const parsed = parseJson(answer.body);
    if (parsed.ok && isObject(parsed.value) && parsed.value.status === 'error') {
        const errorType = typeof parsed.value.errorType === 'string' ? parsed.value.errorType : undefined;
        const detail = typeof parsed.value.error === 'string' ? shorten(parsed.value.error, 500) : 'no error message';
        const what = errorType === undefined ? detail : `${errorType}: ${detail}`;
        throw new errors/* PrometheusError */.H(`Prometheus answered HTTP ${status} ${what}`, {
            kind: 'api',
            status,
            errorType,
        });
    }
    const hint = statusHint(status);
    if (hint !== undefined) {
        throw new errors/* PrometheusError */.H(`Prometheus answered HTTP ${status}${bodySnippet(answer)} ${hint}`, {
            kind: 'http',
            status,
        });
    }
    if (!parsed.ok) {
        throw new errors/* PrometheusError */.H(notJsonMessage(answer, parsed.error), {
            kind: 'not-json',
            status,
            cause: parsed.error,
        });
    }
    if (status < 200 || status > 299) {
        throw new errors/* PrometheusError */.H(`Prometheus answered HTTP ${status}${bodySnippet(answer)}`, {
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
    return `: ${shorten(firstLine, 120)}`;
}
function shorten(text, maxChars) {
    return text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text;
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
    const decoded = {};
    for (const [name, value] of Object.entries(labels)) {
        if (typeof value !== 'string')
            throw unexpected(`label ${name} is not a string`);
        decoded[name] = value;
    }
    return decoded;
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
    return new errors/* PrometheusError */.H(message, { kind: 'unexpected-result' });
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
            const response = await (0,undici.request)(`${base.url}${path}`, {
                method: 'POST',
                headers,
                body: form.toString(),
                signal: combined,
                ...(dispatcher === undefined ? {} : { dispatcher }),
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
                throw new errors/* PrometheusError */.H(`Prometheus query timed out after ${formatMs(timeoutMs)}`, {
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
            const form = new URLSearchParams({ query: promql, timeout: formatMs(timeoutMs) });
            return decodeQueryAnswer(await post('/api/v1/query', form, opts.signal));
        },
        async series(match, opts = {}) {
            const form = new URLSearchParams();
            for (const selector of match)
                form.append('match[]', selector);
            if (opts.start !== undefined)
                form.set('start', String(opts.start.getTime() / 1000));
            if (opts.end !== undefined)
                form.set('end', String(opts.end.getTime() / 1000));
            return decodeSeriesAnswer(await post('/api/v1/series', form, opts.signal));
        },
        async close() {
            await ownAgent?.close();
        },
    };
}
/** A duration as Prometheus reads it (`10s`, `1500ms`), also used in messages. */
function formatMs(ms) {
    return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}
function parseBaseUrl(text) {
    let parsed;
    try {
        parsed = new URL(text);
    }
    catch (error) {
        throw new Error('the Prometheus URL is not a valid URL', { cause: error });
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
        throw new Error(`the Prometheus URL must start with http:// or https://, not ${parsed.protocol}//`);
    }
    const userInfo = parsed.username === '' && parsed.password === ''
        ? undefined
        : { username: decodeURIComponent(parsed.username), password: decodeURIComponent(parsed.password) };
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
    return credentials.reduce((text, secret) => text.split(secret).join('***'), body);
}
/** An agent trusting Node's default roots plus the CAs in `caFile`; undefined (undici's global agent) without one. */
function agentWithCa(caFile) {
    if (caFile === undefined || caFile === '')
        return undefined;
    let pem;
    try {
        pem = (0,external_node_fs_.readFileSync)(caFile, 'utf8');
    }
    catch (error) {
        throw new Error(`cannot read the Prometheus CA file ${caFile}`, { cause: error });
    }
    return new undici.Agent({ connect: { ca: [...external_node_tls_.rootCertificates, pem] } });
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
        return `Prometheus TLS certificate not accepted: ${detail} (add an internal CA with prometheus ca-file)`;
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
/* harmony export */   H: () => (/* binding */ PrometheusError)
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


/***/ })

};

//# sourceMappingURL=344.index.js.map