export const id = 827;
export const ids = [827];
export const modules = {

/***/ 19827:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  loadConfigFile: () => (/* binding */ loadConfigFile)
});

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(54285);
// EXTERNAL MODULE: ./src/config/config-path.ts
var config_path = __webpack_require__(7128);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(38816);
// EXTERNAL MODULE: ./src/config/duration.ts
var duration = __webpack_require__(97840);
// EXTERNAL MODULE: ./src/model/baseline-defaults.ts
var baseline_defaults = __webpack_require__(91841);
// EXTERNAL MODULE: ./src/services/catalogue.ts
var catalogue = __webpack_require__(14061);
;// CONCATENATED MODULE: ./src/config/schema.ts
/**
 * The config file schema (SPEC §2): the single source of truth. `schema/deploy-gate.schema.json` is generated from it
 * (`npm run schema`) and a test fails when the committed file is stale.
 */




const CHECK_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const CHECK_NAME_HINT = 'expected a name of letters, digits, "-", "_" or "." (at most 64 characters, starting with a letter or digit)';
const schema_duration = schemas/* string */.YjP({ error: duration/* DURATION_HINT */.Fp })
    .regex(duration/* DURATION_PATTERN */.Cq, duration/* DURATION_HINT */.Fp)
    .meta({ description: 'A duration: 500ms, 10s, 5m, 1h, 1h30m, 1d', examples: ['10s', '5m'] });
/** A timeout or latency limit: `0s` would make every request fail at once. */
const positiveDuration = schema_duration.refine((v) => ((0,duration/* parseDuration */.E9)(v) ?? 0) > 0, 'must be longer than 0s');
const count = schemas/* int */.Whr({ error: 'expected a whole number' }).min(1, 'expected a whole number of at least 1');
const onNoData = schemas/* enum */.k5n(['fail', 'pass', 'inconclusive']);
const preExisting = schemas/* enum */.k5n(['fail', 'report']);
/** Limits every check may override (SPEC §2 rules). */
const limitsShape = {
    'max-consecutive-failures': count.optional().meta({ description: 'Fail at this many breaches in a row' }),
    'max-failures': count.optional().meta({ description: 'Fail at this many breaches in the window' }),
    'max-consecutive-errors': count
        .optional()
        .meta({ description: 'Inconclusive at this many measurement errors in a row' }),
    'on-no-data': onNoData.optional().meta({ description: 'How an empty or NaN result counts' }),
};
const schema_name = schemas/* string */.YjP().regex(CHECK_NAME, CHECK_NAME_HINT);
/** RFC 9110 token: what undici accepts as a header name. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** What undici accepts in a header value: tab, visible ASCII, space and Latin-1; anything else throws per request. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
/**
 * Request headers, checked here (after `${NAME}` interpolation) so that a value no request could carry — typically a
 * secret read with its trailing newline — is a config error before anything is recorded, not an exception inside every
 * measurement. Refinements only: the generated JSON Schema stays a plain string map.
 */
const headerMap = schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP()
    .refine((value) => HEADER_VALUE.test(value), 'expected a header value without line breaks, control characters or characters beyond Latin-1 ' +
    '(check a ${NAME} value for a trailing newline)'))
    .superRefine((headers, ctx) => {
    for (const header of Object.keys(headers)) {
        if (!HEADER_NAME.test(header)) {
            ctx.addIssue({
                code: 'custom',
                path: [header],
                message: "expected a header name of letters, digits and !#$%&'*+.^_`|~- (no spaces or colons)",
            });
        }
    }
});
const policySchema = schemas/* strictObject */.rej({
    'startup-timeout': schema_duration.optional(),
    warmup: schema_duration.optional(),
    duration: schema_duration.optional(),
    interval: schema_duration.optional(),
    ...limitsShape,
});
const prometheusSchema = schemas/* strictObject */.rej({
    url: schemas/* string */.YjP().min(1).optional().meta({
        description: 'Base URL including any path prefix; ${NAME} allowed. Optional when the prometheus-url input is given',
    }),
    'bearer-token': schemas/* string */.YjP()
        // Sent as `Authorization: Bearer …`: the same rule as header values (a secret file read with its newline).
        .refine((value) => HEADER_VALUE.test(value), 'expected a token without line breaks, control characters or characters beyond Latin-1 ' +
        '(check a ${NAME} value for a trailing newline)')
        .optional()
        .meta({ description: 'Bearer token, masked; ${NAME} allowed' }),
    'basic-auth': schemas/* strictObject */.rej({ username: schemas/* string */.YjP(), password: schemas/* string */.YjP() }).optional(),
    headers: headerMap.optional().meta({ description: 'Extra request headers, values masked' }),
    timeout: positiveDuration.optional().meta({ description: 'Per-query timeout, default 10s' }),
    'ca-file': schemas/* string */.YjP().min(1).optional().meta({ description: 'Extra trusted CA (PEM file)' }),
});
const httpCheckSchema = schemas/* strictObject */.rej({
    name: schema_name,
    url: schemas/* string */.YjP().min(1),
    method: schemas/* enum */.k5n(['GET', 'HEAD', 'POST']).optional(),
    headers: headerMap.optional(),
    'expect-status': schemas/* array */.YOg(schemas/* int */.Whr()
        .min(100, 'expected an HTTP status from 100 to 599')
        .max(599, 'expected an HTTP status from 100 to 599'))
        .min(1)
        .optional(),
    'expect-body': schemas/* string */.YjP().min(1).optional(),
    'expect-json': schemas/* strictObject */.rej({
        path: schemas/* string */.YjP().min(1),
        equals: schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig(), schemas/* boolean */.zMY(), schemas/* null */.chJ()]),
    })
        .optional(),
    'max-latency': positiveDuration.optional(),
    timeout: positiveDuration.optional(),
    'follow-redirects': schemas/* boolean */.zMY().optional(),
    enforce: schemas/* boolean */.zMY().optional(),
    ...limitsShape,
});
const BUILTINS = ['cpu', 'memory', 'disk', 'vram', 'kv-cache', 'up'];
const finite = schemas/* number */.aig({ error: 'expected a number' }).refine(Number.isFinite, 'expected a finite number');
const PERCENT_PATTERN = /^\d+(\.\d+)?%$/;
const percent = schemas/* string */.YjP({ error: 'expected a percentage such as "50%"' })
    .regex(PERCENT_PATTERN, 'expected a percentage such as "50%"')
    .refine((v) => Number.parseFloat(v) > 0, 'expected a percentage above 0%');
/** A share of a window from 0% to 100% (the `band`). */
const share = schemas/* string */.YjP({ error: 'expected a percentage such as "98%"' })
    .regex(PERCENT_PATTERN, 'expected a percentage such as "98%"')
    .refine((v) => Number.parseFloat(v) <= 100, 'expected at most 100%');
/** SPEC §2 "Baselines". */
const baselineSchema = schemas/* strictObject */.rej({
    window: positiveDuration.optional().meta({ description: 'The window before the deploy, default 30m' }),
    offset: schema_duration.optional().meta({
        description: 'The window ends this long before the deploy (1d: the same window yesterday, 7d: last week); default 0s',
    }),
    band: share.optional().meta({
        description: `Share of the window's values taken as the series' normal noise (centred), default ${baseline_defaults/* DEFAULT_BAND_TEXT */.UC}; 0% = the median alone`,
    }),
    'max-increase': percent.optional().meta({ description: 'Breach above baseline × (1 + this), e.g. 100%' }),
    'max-decrease': percent
        .refine((v) => Number.parseFloat(v) <= 100, 'expected at most 100%')
        .optional()
        .meta({ description: 'Breach below baseline × (1 − this), e.g. 50%' }),
    'min-delta': schemas/* number */.aig({ error: 'expected a number' })
        .refine(Number.isFinite, 'expected a finite number')
        .min(0, 'expected a number of at least 0')
        .optional()
        .meta({ description: 'A change smaller than this (query units) never breaches; default 0' }),
})
    .refine((b) => b['max-increase'] !== undefined || b['max-decrease'] !== undefined, {
    message: 'set max-increase, max-decrease or both',
});
const metricCheckSchema = schemas/* strictObject */.rej({
    name: schema_name,
    builtin: schemas/* enum */.k5n(BUILTINS).optional(),
    selector: schemas/* string */.YjP().optional().meta({ description: 'Label matchers, e.g. instance="web-1:9100"' }),
    query: schemas/* string */.YjP().min(1).optional(),
    max: finite.optional(),
    min: finite.optional(),
    baseline: baselineSchema.optional().meta({ description: 'Compare each series with before the deploy' }),
    'pre-existing': preExisting.optional().meta({
        description: 'fail (default: the pre-existing input) or report: a series already beyond max/min before the deploy passes while it gets no worse',
    }),
    enforce: schemas/* boolean */.zMY().optional().meta({ description: 'false: a shadow check, reported only' }),
    ...limitsShape,
})
    .superRefine((check, ctx) => {
    if ((check.builtin === undefined) === (check.query === undefined)) {
        ctx.addIssue({ code: 'custom', message: 'set exactly one of builtin or query', path: [] });
    }
    if (check.query !== undefined && check.selector !== undefined) {
        ctx.addIssue({ code: 'custom', message: 'selector applies to builtin checks only', path: ['selector'] });
    }
    // With both builtin and query set, only that is reported (not "up checks need max or min").
    const needsBound = check.builtin === undefined ? check.query !== undefined : check.builtin === 'kv-cache';
    // SPEC §2: a query check may rely on its baseline alone; kv-cache still needs an absolute bound.
    const baselineEnough = check.builtin === undefined && check.baseline !== undefined;
    if (needsBound && check.max === undefined && check.min === undefined && !baselineEnough) {
        ctx.addIssue({
            code: 'custom',
            message: check.builtin === undefined
                ? 'query checks need max, min or a baseline'
                : `${check.builtin} checks need max or min`,
            path: [],
        });
    }
    if (check['pre-existing'] === 'report' &&
        check.builtin === undefined &&
        check.max === undefined &&
        check.min === undefined) {
        ctx.addIssue({
            code: 'custom',
            message: 'pre-existing: report needs max or min (it is about breaches of an absolute bound)',
            path: ['pre-existing'],
        });
    }
    if (check.min !== undefined && check.max !== undefined && check.min > check.max) {
        ctx.addIssue({
            code: 'custom',
            message: `min ${check.min} is greater than max ${check.max}`,
            path: ['min'],
        });
    }
});
/** SPEC §2 "Alerts": the selector is checked by config/checks.ts (the matcher grammar, or `all`). */
const alertsCheckSchema = schemas/* strictObject */.rej({
    name: schema_name.optional().meta({ description: 'Default "alerts"' }),
    selector: schemas/* string */.YjP()
        .min(1, 'expected label matchers such as severity="critical", or all')
        .meta({ description: 'Matchers on alert labels (severity="critical"), or all' }),
    'include-pending': schemas/* boolean */.zMY().optional().meta({ description: 'Count pending alerts too; default false' }),
    enforce: schemas/* boolean */.zMY().optional().meta({ description: 'false: a shadow check, reported only' }),
    ...limitsShape,
});
/** One of a service's checks (SPEC §2 "Service checks"): what a metric check takes, or `off`. */
const serviceSignalShape = {
    max: finite.optional(),
    min: finite.optional(),
    baseline: baselineSchema
        .optional()
        .meta({ description: 'Compare with before the deploy (default: the README setting)' }),
    'pre-existing': preExisting.optional(),
    enforce: schemas/* boolean */.zMY().optional().meta({ description: 'false: a shadow check, reported only' }),
    ...limitsShape,
};
const serviceSignal = schemas/* union */.KCZ([schemas/* literal */.euz('off'), schemas/* strictObject */.rej(serviceSignalShape)]);
const quantile = schemas/* number */.aig({ error: 'expected a number' })
    .refine((q) => q > 0 && q < 1, 'expected a number between 0 and 1, such as 0.95');
const serviceSchema = schemas/* strictObject */.rej({
    name: schema_name.meta({ description: 'Its checks are <name>-errors, <name>-latency, <name>-traffic' }),
    selector: schemas/* string */.YjP()
        .min(1, 'expected label matchers such as job="api"')
        .meta({ description: 'Label matchers of the service\'s own metrics, e.g. job="api"' }),
    convention: schemas/* enum */.k5n(['auto', ...catalogue/* CONVENTION_IDS */.To])
        .optional()
        .meta({ description: 'auto (default) or a catalogue name to skip detection' }),
    'rate-window': positiveDuration
        .optional()
        .meta({ description: 'The range of rate() in every query, default 5m' }),
    'min-traffic': schemas/* number */.aig({ error: 'expected a number' })
        .min(0, 'expected a number of at least 0')
        .optional()
        .meta({ description: 'req/s below which errors and latency are not judged, default 0.05' }),
    errors: serviceSignal
        .optional()
        .meta({ description: 'Share of 5xx answers (0–1); default max 0.05 and a baseline' }),
    latency: schemas/* union */.KCZ([schemas/* literal */.euz('off'), schemas/* strictObject */.rej({ ...serviceSignalShape, quantile: quantile.optional() })])
        .optional()
        .meta({ description: 'p95 in seconds; default max 2 and a baseline' }),
    traffic: serviceSignal
        .optional()
        .meta({ description: 'Requests per second; default a baseline (max-decrease)' }),
});
const configFileSchema = schemas/* strictObject */.rej({
    version: schemas/* literal */.euz(1, 'expected version: 1'),
    policy: policySchema.optional(),
    prometheus: prometheusSchema.optional(),
    http: schemas/* array */.YOg(httpCheckSchema).optional(),
    metrics: schemas/* array */.YOg(metricCheckSchema).optional(),
    alerts: schemas/* array */.YOg(alertsCheckSchema).optional(),
    services: schemas/* array */.YOg(serviceSchema).optional(),
})
    .meta({
    title: 'deploy-gate configuration',
    description: 'Config file of the deploy-gate GitHub Action (version 1).',
});
/** The JSON Schema committed at schema/deploy-gate.schema.json. */
function configJsonSchema() {
    return {
        ...z.toJSONSchema(configFileSchema, { target: 'draft-2020-12', io: 'input' }),
        $id: 'https://raw.githubusercontent.com/deploy-gate/deploy-gate/main/schema/deploy-gate.schema.json',
    };
}

;// CONCATENATED MODULE: ./src/config/load.ts
/**
 * Reads the YAML config file: syntax, `${NAME}` interpolation, schema — every problem with its path and file line.
 * With yaml and zod, loaded only when a run has a config file (`main.ts` imports this module then).
 */




/** Where `${NAME}` may appear (SPEC §2); `*` is any key or index. */
const INTERPOLATED = [
    ['prometheus', 'url'],
    ['prometheus', 'bearer-token'],
    ['prometheus', 'basic-auth', '*'],
    ['prometheus', 'headers', '*'],
    ['http', '*', 'url'],
    ['http', '*', 'headers', '*'],
];
const REFERENCE = /\$\{([^}]*)\}/g;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * Names the runner owns (SPEC §2): never read, so that a config from a pull request cannot send the runtime token,
 * the OIDC request token or the job's token to a URL it chooses. Compared without case (Windows env is case-blind).
 */
const RUNNER_OWNED = /^(ACTIONS_|GITHUB_|RUNNER_|INPUT_|STATE_)/i;
function loadConfigFile(file, text, env) {
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const lineOf = (path) => {
        const node = nodeAt(doc.contents, path);
        return node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
    };
    if (doc.errors.length > 0) {
        return {
            problems: doc.errors.map((e) => ({
                path: 'config',
                message: `YAML ${e.message.split('\n')[0] ?? e.code}`,
                file,
                // linePos is only filled with prettyErrors; the offset always is.
                line: e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line,
            })),
        };
    }
    let raw;
    try {
        raw = doc.toJS({ maxAliasCount: 100 });
    }
    catch {
        // yaml refuses an alias bomb ("Excessive alias count …"); its message names no path, so say which input it is.
        return {
            problems: [{ path: 'config', message: 'YAML aliases expand too much (an alias bomb?); refused', file }],
        };
    }
    if (raw === null || raw === undefined) {
        return {
            problems: [{ path: 'config', message: 'the file is empty; expected at least "version: 1"', file }],
        };
    }
    const problems = [];
    const secrets = [];
    const interpolated = interpolate(raw, [], env, secrets, (path, message) => problems.push({ path: (0,config_path/* formatPath */.j)(path), message, file, line: lineOf(path) }));
    const parsed = configFileSchema.safeParse(interpolated);
    if (!parsed.success) {
        // A value whose ${NAME} could not be read is reported once, not again as, say, an empty URL.
        const interpolationPaths = new Set(problems.map((p) => p.path));
        for (const issue of parsed.error.issues) {
            const found = issueProblems(issue, interpolated, file, lineOf);
            problems.push(...found.filter((p) => !interpolationPaths.has(p.path)));
        }
    }
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    const config = parsed.success ? parsed.data : salvage(interpolated);
    return { file: { path: file, config, secrets, lineOf }, problems };
}
/**
 * The parts of an invalid file that are valid on their own, so that validate can still check every query and
 * report all problems in one pass. Never used to run a gate: any problem stops the gate before it starts.
 */
function salvage(data) {
    const obj = (data ?? {});
    const part = (schema, value) => {
        const r = schema.safeParse(value);
        return r.success ? r.data : undefined;
    };
    const list = (schema, value) => (Array.isArray(value) ? value : []).flatMap((v) => part(schema, v) ?? []);
    return {
        version: 1,
        policy: part(policySchema, obj['policy']),
        prometheus: part(prometheusSchema, obj['prometheus']),
        http: list(httpCheckSchema, obj['http']),
        metrics: list(metricCheckSchema, obj['metrics']),
    };
}
function interpolate(value, path, env, secrets, report) {
    if (typeof value === 'string') {
        if (!value.includes('${'))
            return value;
        if (!INTERPOLATED.some((pattern) => matches(pattern, path))) {
            report(path, '${NAME} is allowed only in prometheus url, bearer-token, basic-auth, headers and http url, headers');
            return value;
        }
        return value.replace(REFERENCE, (whole, name) => {
            const owned = RUNNER_OWNED.test(name);
            const found = ENV_NAME.test(name) && !owned ? env[name] : undefined;
            if (!ENV_NAME.test(name))
                report(path, `${whole} is not a valid environment variable reference`);
            else if (owned)
                report(path, `\${${name}} is a variable the runner owns (ACTIONS_*, GITHUB_*, RUNNER_*, INPUT_*, STATE_*) and is never read; pass your secret in the step's env: under your own name`);
            else if (found === undefined)
                report(path, `environment variable ${name} is not set`);
            else if (found !== '')
                secrets.push(found);
            return found ?? '';
        });
    }
    if (Array.isArray(value))
        return value.map((v, i) => interpolate(v, [...path, i], env, secrets, report));
    if (value !== null && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, [...path, k], env, secrets, report)]));
    }
    return value;
}
function matches(pattern, path) {
    return pattern.length === path.length && pattern.every((seg, i) => seg === '*' || seg === path[i]);
}
/** The node at `path`; for a map entry its key, so that `policy:` is reported on its own line, not its first child's. */
function nodeAt(root, path) {
    let node = root;
    for (const [i, seg] of path.entries()) {
        let next;
        if ((0,dist/* isMap */.jh)(node)) {
            const pair = node.items.find((p) => (0,dist/* isScalar */.jn)(p.key) && p.key.value === seg);
            const last = i === path.length - 1;
            next = (last ? (pair?.key ?? pair?.value) : (pair?.value ?? pair?.key));
        }
        else if ((0,dist/* isSeq */.oP)(node) && typeof seg === 'number') {
            next = node.items[seg];
        }
        if (!next)
            return node;
        node = next;
    }
    return node;
}
/** The key node of `key` in the map at `path` — where an unknown key is reported. */
function keyPath(path, key) {
    return [...path, key];
}
function issueProblems(issue, data, file, lineOf) {
    const path = issue.path.filter((s) => typeof s !== 'symbol');
    const check = checkName(data, path);
    const at = (p, message) => ({
        path: (0,config_path/* formatPath */.j)(p) || 'config',
        message,
        file,
        line: lineOf(p),
        ...(check ? { check } : {}),
    });
    if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => at(keyPath(path, key), 'unknown key'));
    }
    return [at(path, issueMessage(issue, valueAt(data, path)))];
}
function issueMessage(issue, value) {
    switch (issue.code) {
        case 'invalid_type': {
            const custom = !issue.message.startsWith('Invalid input');
            const expected = custom ? issue.message : `expected ${article(issue.expected)}`;
            return value === undefined ? `required: ${expected}` : `${expected}, got ${describe(value)}`;
        }
        case 'invalid_value': {
            const expected = issue.values.length === 1
                ? `expected ${JSON.stringify(issue.values[0])}`
                : `expected one of ${issue.values.map((v) => String(v)).join(', ')}`;
            return value === undefined ? `required: ${expected}` : `${expected}, got ${describe(value)}`;
        }
        case 'invalid_union':
            return `expected a string, number, boolean or null, got ${describe(value)}`;
        default:
            return issue.message;
    }
}
function article(type) {
    const names = { int: 'a whole number', object: 'a mapping', array: 'a list' };
    return names[type] ?? (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);
}
function describe(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'a mapping';
    if (typeof value === 'string')
        return `"${(0,markdown/* shorten */.ml)(value, 41)}"`;
    return typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value;
}
function valueAt(data, path) {
    let v = data;
    for (const seg of path) {
        if (v === null || typeof v !== 'object')
            return undefined;
        v = v[seg];
    }
    return v;
}
function checkName(data, path) {
    const list = path[0];
    if ((list !== 'http' && list !== 'metrics' && list !== 'alerts') || typeof path[1] !== 'number')
        return undefined;
    const name = valueAt(data, [list, path[1], 'name']);
    // An alerts check without a name is the check named `alerts`.
    return typeof name === 'string' ? name : list === 'alerts' ? 'alerts' : undefined;
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


/***/ })

};

//# sourceMappingURL=827.index.js.map