export const id = 407;
export const ids = [407];
export const modules = {

/***/ 48616:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ reportArtifactName)
/* harmony export */ });
/**
 * The uploaded name of the JSON report artifact (SPEC §1 `report-artifact`): the prefix, the job and the run attempt,
 * plus a leg discriminator, so that matrix legs, several gated jobs and re-runs of one run never collide
 * (upload-artifact v4 refuses a second artifact of the same name in a run with 409 Conflict).
 *
 *   deploy-gate-report-deploy-attempt-2                 one job `deploy`, attempt 2
 *   deploy-gate-report-deploy-attempt-1-deploy-web      matrix leg `deploy (web)` of job `deploy`
 *   deploy-gate-report-deploy-attempt-1-web-deploy      `web / deploy`, job `deploy` of a called reusable workflow
 *   deploy-gate-report-deploy-attempt-1-job-51725241954 display name unknown: the job id tells the legs apart
 */
/** Artifact names are cut here; GitHub allows more, but a name is for people. */
const MAX_CHARS = 200;
/** `none` stays `none` (no upload). */
function reportArtifactName(prefix, facts) {
    if (prefix === 'none')
        return prefix;
    const job = slug(facts.job);
    const base = job ? `${prefix}-${job}-attempt-${facts.runAttempt}` : `${prefix}-attempt-${facts.runAttempt}`;
    const leg = legOf(facts);
    return (leg ? `${base}-${leg}` : base).slice(0, MAX_CHARS);
}
/**
 * The display name tells legs apart when it is more than the job id (`deploy (web)`, `web / deploy`); without a
 * display name, the job id does (it may be one leg only, but nothing else says so).
 */
function legOf(facts) {
    if (facts.jobName !== undefined) {
        const name = slug(facts.jobName);
        return name !== '' && name !== slug(facts.job) ? name : undefined;
    }
    return facts.jobId !== undefined ? `job-${facts.jobId}` : undefined;
}
/**
 * Letters, digits, `.`, `_` and `-` only: artifact names may not hold `"` `:` `<` `>` `|` `*` `?` `\` `/` or line
 * breaks, and a name from outside must not carry anything else either.
 */
function slug(text) {
    return text
        .replace(/[^A-Za-z0-9._-]+/g, '-')
        .replace(/-{2,}/g, '-')
        .replace(/^[-.]+|[-.]+$/g, '');
}


/***/ }),

/***/ 93270:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WP: () => (/* binding */ MonthLimitError),
/* harmony export */   i$: () => (/* binding */ createWorkflowRunsApi),
/* harmony export */   z4: () => (/* binding */ isUncertainWrite)
/* harmony export */ });
/* unused harmony exports statusOf, rerunError, toRunFacts */
/* harmony import */ var _github_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73116);
/* harmony import */ var _github_pages_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(21511);
/* harmony import */ var _rerun_age_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8352);



const READ = 'actions: read';
const WRITE = 'actions: write';
const PER_PAGE = 100;
function createWorkflowRunsApi(octokit, repo) {
    const repository = `${repo.owner}/${repo.repo}`;
    const fail = (err, action, permission = READ, resource) => (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .mapGitHubError */ .ym)(err, { action, permission, repository, ...(resource ? { resource } : {}) });
    async function* runPages(workflow, filter, maxPages) {
        const params = {
            ...repo,
            workflow_id: workflow,
            per_page: filter.perPage ?? PER_PAGE,
            exclude_pull_requests: true,
            ...(filter.branch ? { branch: filter.branch } : {}),
            ...(filter.status ? { status: filter.status } : {}),
            ...(filter.event ? { event: filter.event } : {}),
            ...(filter.headSha ? { head_sha: filter.headSha } : {}),
        };
        yield* (0,_github_pages_js__WEBPACK_IMPORTED_MODULE_1__/* .pagesOf */ .E)(octokit.paginate.iterator(octokit.rest.actions.listWorkflowRuns, params), maxPages, toRunFacts, (err) => fail(err, `list the runs of ${workflow}`, READ, `workflow ${workflow}`));
    }
    return {
        async getRun(runId) {
            try {
                const { data } = await octokit.rest.actions.getWorkflowRun({ ...repo, run_id: runId });
                return toRunFacts(data);
            }
            catch (err) {
                throw fail(err, `read workflow run ${runId}`, READ, `workflow run ${runId}`);
            }
        },
        async getRunAttempt(runId, attempt) {
            try {
                const { data } = await octokit.rest.actions.getWorkflowRunAttempt({
                    ...repo,
                    run_id: runId,
                    attempt_number: attempt,
                });
                return toRunFacts(data);
            }
            catch (err) {
                throw fail(err, `read attempt ${attempt} of workflow run ${runId}`, READ, `workflow run ${runId}`);
            }
        },
        runPages,
        async listArtifacts(runId) {
            try {
                const artifacts = await octokit.paginate(octokit.rest.actions.listWorkflowRunArtifacts, {
                    ...repo,
                    run_id: runId,
                    per_page: PER_PAGE,
                });
                return artifacts.map((a) => ({
                    id: a.id,
                    name: a.name,
                    expired: a.expired,
                    createdAt: a.created_at ?? null,
                    expiresAt: a.expires_at ?? null,
                }));
            }
            catch (err) {
                throw fail(err, `list the artifacts of workflow run ${runId}`, READ, `workflow run ${runId}`);
            }
        },
        async listLatestJobs(runId) {
            try {
                const jobs = await octokit.paginate(octokit.rest.actions.listJobsForWorkflowRun, {
                    ...repo,
                    run_id: runId,
                    filter: 'latest',
                    per_page: PER_PAGE,
                });
                return jobs.map((j) => ({ id: j.id, name: j.name }));
            }
            catch (err) {
                throw fail(err, `list the jobs of workflow run ${runId}`, READ, `workflow run ${runId}`);
            }
        },
        async rerunJob(job, run) {
            try {
                await octokit.rest.actions.reRunJobForWorkflowRun({ ...repo, job_id: job.id });
            }
            catch (err) {
                throw rerunError(err, run, `re-run job "${job.name}" (${job.id}) of workflow run ${run.id}`, repository);
            }
        },
        async rerunRun(run) {
            try {
                await octokit.rest.actions.reRunWorkflow({ ...repo, run_id: run.id });
            }
            catch (err) {
                throw rerunError(err, run, `re-run all jobs of workflow run ${run.id}`, repository);
            }
        },
        async dispatch(workflow, ref, inputs) {
            const list = Object.entries(inputs)
                .map(([k, v]) => `${k}=${v}`)
                .join(', ');
            const send = (details) => octokit.request('POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', {
                ...repo,
                workflow_id: workflow,
                ref,
                inputs: { ...inputs },
                ...(details ? { return_run_details: true } : {}),
            });
            try {
                // `return_run_details` (2025) makes GitHub answer 200 with the new run's id; older servers answer 204, and a
                // GitHub Enterprise Server that does not know the field refuses the body with 422. A 422 dispatched nothing,
                // so the request is sent once more without the field (the run is then found by polling).
                let response;
                try {
                    response = await send(true);
                }
                catch (err) {
                    if (statusOf(err) !== 422)
                        throw err;
                    response = await send(false);
                }
                const data = response.data;
                const date = Date.parse(String(response.headers.date ?? ''));
                const answer = Number.isFinite(date) ? { serverDateMs: date } : {};
                if (isRecord(data) && typeof data['workflow_run_id'] === 'number') {
                    const htmlUrl = typeof data['html_url'] === 'string' ? data['html_url'] : undefined;
                    return { ...answer, runId: data['workflow_run_id'], ...(htmlUrl ? { htmlUrl } : {}) };
                }
                return answer;
            }
            catch (err) {
                throw fail(err, `dispatch ${workflow} on ${ref} with ${list}`, WRITE, `workflow ${workflow}`);
            }
        },
        async defaultBranch() {
            try {
                const { data } = await octokit.rest.repos.get({ ...repo });
                return data.default_branch;
            }
            catch (err) {
                throw fail(err, `read the default branch of ${repository}`, 'contents: read');
            }
        },
    };
}
/** The HTTP status of a failed request; undefined without an answer (network error, timeout). */
function statusOf(err) {
    const cause = err instanceof _github_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubApiError */ .OS ? err.cause : err;
    const status = cause?.status;
    const response = cause?.response;
    return typeof status === 'number' && response !== undefined ? status : undefined;
}
/**
 * A write whose fate is unknown: GitHub answered 5xx, or nothing came back (network error, timeout). It may have been
 * accepted; the caller reads the run back instead of sending it again.
 */
function isUncertainWrite(err) {
    const status = statusOf(err);
    return status === undefined || status >= 500;
}
/** GitHub refused the re-run because the run was created over a month ago: plan a dispatch instead. */
class MonthLimitError extends _github_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubApiError */ .OS {
}
/** GitHub's 403 answers to a re-run, as errors that name the run and the way forward. */
function rerunError(err, run, action, repository) {
    const mapped = (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .mapGitHubError */ .ym)(err, {
        action,
        permission: WRITE,
        repository,
        resource: `workflow run ${run.id}`,
    });
    if (mapped.status !== 403 || mapped.permission !== undefined)
        return mapped;
    const github = err instanceof Error ? ` (GitHub: ${err.message})` : '';
    const sha7 = run.sha.slice(0, 7);
    let why;
    if (/already running/i.test(mapped.message)) {
        why = 'it is already running; wait for it to finish (or cancel it), then start the rollback again';
    }
    else if ((0,_rerun_age_js__WEBPACK_IMPORTED_MODULE_2__/* .isMonthLimitRefusal */ .iK)(mapped.message)) {
        const text = `could not re-run workflow run ${run.id} (${run.url}): it was created over a month ago and GitHub no longer ` +
            `re-runs it; set redeploy-input so deploy-gate dispatches ${run.deployWorkflow} for ${run.sha}, or deploy ` +
            `${sha7} by hand${github}`;
        return new MonthLimitError(text, { status: 403, cause: err });
    }
    else if (/cannot be retried/i.test(mapped.message)) {
        why = `GitHub says it cannot be retried; deploy ${sha7} by hand, or pick another run with the target input`;
    }
    if (!why)
        return mapped;
    return new _github_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubApiError */ .OS(`could not re-run workflow run ${run.id} (${run.url}): ${why}${github}`, {
        status: 403,
        cause: err,
    });
}
function toRunFacts(r) {
    return {
        id: r.id,
        attempt: r.run_attempt ?? 1,
        sha: r.head_sha,
        createdAt: r.created_at,
        htmlUrl: r.html_url,
        status: r.status,
        conclusion: r.conclusion,
        event: r.event,
        headBranch: r.head_branch,
        workflowId: r.workflow_id,
        path: r.path ?? '',
    };
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}


/***/ }),

/***/ 61146:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  jJ: () => (/* binding */ factsNeeded),
  pP: () => (/* reexport */ rerun_age/* isTooOldToRerun */.pP),
  Mq: () => (/* binding */ picksOneJob),
  et: () => (/* binding */ plan),
  Kd: () => (/* binding */ sameCommit)
});

// UNUSED EXPORTS: DAY_MS, REPORT_ARTIFACT_PREFIX, assessArtifacts, isReportArtifact, isoSeconds, pickJob

// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(54285);
;// CONCATENATED MODULE: ./src/rollback/types.ts
const DAY_MS = 86_400_000;
/** Artifacts named like this are reports, never build artifacts. */
const REPORT_ARTIFACT_PREFIX = 'deploy-gate-report';

;// CONCATENATED MODULE: ./src/rollback/artifacts.ts
/** SPEC §5.3: whether the target run's build artifacts allow re-running only the deploy job. Pure. */


/** A report: named like `deploy-gate-report…`, or the `report-artifact` prefix itself or with the job and attempt added. */
function isReportArtifact(name, reportArtifact) {
    return (name.startsWith(REPORT_ARTIFACT_PREFIX) ||
        name === reportArtifact ||
        name.startsWith(`${reportArtifact}-`));
}
/** SPEC §5.3: `deploy-job` when every required artifact is there, not expired and not expiring within the margin. */
function assessArtifacts(all, options, now) {
    const isReport = (name) => isReportArtifact(name, options.reportArtifact);
    const warnings = [];
    const ignored = unique(all.filter((a) => isReport(a.name)).map((a) => a.name));
    const builds = all.filter((a) => !isReport(a.name));
    let required = unique(builds.map((a) => a.name));
    if (options.artifactNames.length > 0) {
        const reports = options.artifactNames.filter(isReport);
        if (reports.length > 0) {
            warnings.push(`artifact-names lists report artifacts, which are never counted: ${reports.join(', ')}`);
        }
        required = unique(options.artifactNames.filter((n) => !isReport(n)));
    }
    if (required.length === 0) {
        const reason = options.artifactNames.length > 0
            ? 'artifact-names names no build artifact, so every job runs again'
            : 'the run has no build artifacts (report artifacts are not counted), so every job runs again';
        return { scope: 'all-jobs', reason, artifacts: [], ignored, warnings };
    }
    const marginEnd = now.getTime() + options.retentionMarginMs;
    const margin = (0,markdown/* formatDuration */.a3)(options.retentionMarginMs);
    const artifacts = required.map((name) => assessArtifact(name, newestNamed(builds, name), now.getTime(), marginEnd, margin, options.artifactRetentionDays));
    const bad = artifacts.filter((a) => a.status !== 'ok');
    if (bad.length > 0) {
        const list = bad.map((a) => `${a.name} ${a.note}`).join('; ');
        return {
            scope: 'all-jobs',
            reason: `build artifacts are not reusable (${list})`,
            artifacts,
            ignored,
            warnings,
        };
    }
    const earliest = artifacts
        .map((a) => a.expiresAt ?? '')
        .sort()
        .at(0);
    const which = required.length === 1
        ? `the required artifact ${required[0]} stays`
        : `all ${required.length} required artifacts (${required.join(', ')}) stay`;
    const reason = `${which} available beyond now + retention-margin ${margin} (earliest expiry ${earliest})`;
    return { scope: 'deploy-job', reason, artifacts, ignored, warnings };
}
function assessArtifact(name, artifact, nowMs, marginEndMs, margin, retentionDays) {
    if (!artifact)
        return { name, status: 'missing', note: 'is not among the run’s artifacts' };
    let expiresAt = artifact.expiresAt ?? undefined;
    let source = 'api';
    if (expiresAt === undefined && artifact.createdAt) {
        expiresAt = isoSeconds(Date.parse(artifact.createdAt) + retentionDays * DAY_MS);
        source = 'retention-days';
    }
    const known = expiresAt === undefined ? {} : { expiresAt, expiresAtSource: source };
    const base = { name, id: artifact.id, ...known };
    if (artifact.expired)
        return { ...base, status: 'expired', note: 'has expired' };
    if (expiresAt === undefined)
        return { ...base, status: 'unknown', note: 'has neither expires_at nor created_at' };
    const at = Date.parse(expiresAt);
    if (at <= nowMs)
        return { ...base, status: 'expired', note: `expired at ${expiresAt}` };
    if (at <= marginEndMs) {
        return { ...base, status: 'expiring', note: `expires at ${expiresAt}, within retention-margin ${margin}` };
    }
    return { ...base, status: 'ok', note: `expires at ${expiresAt}` };
}
/** The newest artifact of that name (a run may hold several after re-runs). */
function newestNamed(artifacts, name) {
    return artifacts
        .filter((a) => a.name === name)
        .sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || b.id - a.id)
        .at(0);
}
function unique(values) {
    return [...new Set(values)];
}
/** GitHub's timestamp format: ISO 8601 to the second. */
function isoSeconds(ms) {
    return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// EXTERNAL MODULE: ./src/rollback/rerun-age.ts
var rerun_age = __webpack_require__(8352);
;// CONCATENATED MODULE: ./src/rollback/plan.ts
/**
 * The rollback plan (SPEC §5), pure: facts about the current deployment, the target run, its artifacts and jobs, and
 * the time → what to re-run or dispatch, and why; or why nothing can be done. Fetching the facts is target.ts's job,
 * doing the plan is execute.ts's.
 */






/**
 * What the plan reads beyond the current and target facts — the planner's own rules, so that target.ts fetches
 * exactly that: no artifacts or jobs for a target that is the current commit or too old to re-run (the plan fails
 * or dispatches), no jobs when the target attempt has several gated jobs (they go back together), the default
 * branch only for a dispatch without `branch`.
 */
function factsNeeded(facts) {
    const { target, options } = facts;
    const current = facts.current ? planCurrent(facts.current) : undefined;
    const conflict = target !== undefined && current !== undefined && sameCommit(current.sha, target.run.sha);
    const tooOld = target !== undefined && (0,rerun_age/* isTooOldToRerun */.pP)(target.run, facts.now);
    const rerun = target !== undefined && !conflict && !tooOld;
    return {
        artifacts: rerun,
        jobs: rerun && picksOneJob(target.deployment?.records?.length ?? 0),
        branch: target !== undefined && !conflict && tooOld && !!options.redeployInput && !options.branch,
    };
}
/** A target attempt with several gated jobs goes back whole (one all-jobs re-run), so no job is picked for it. */
function picksOneJob(gatedJobs) {
    return gatedJobs <= 1;
}
function plan(input) {
    const { options, now } = input;
    const warnings = [];
    const current = input.current ? planCurrent(input.current) : undefined;
    const base = { current, artifacts: [], ignoredArtifacts: [], warnings };
    const failed = (error, target) => ({ ok: false, ...base, target, error });
    if (!input.target)
        return failed(noTargetError(current, options));
    const target = planTarget(input.target, now, options);
    if (current && sameCommit(current.sha, target.sha)) {
        return failed(`the target ${target.sha.slice(0, 7)} (run ${target.runId}) is the commit deployed now in ${options.environment}; ` +
            'the rollback target is never the current SHA', target);
    }
    if (!current)
        warnings.push(`no current deployment found in ${options.environment}: nothing will be marked rolled back`);
    const workflowWarning = otherWorkflowWarning(input.target.run, options.deployWorkflow);
    if (workflowWarning)
        warnings.push(workflowWarning);
    if (input.refusedAsTooOld || (0,rerun_age/* isTooOldToRerun */.pP)(target, now)) {
        const full = target.sha;
        const when = input.refusedAsTooOld
            ? `was refused a re-run by GitHub (created over a month ago)`
            : `was created ${target.ageDays} days ago, before ${(0,rerun_age/* oneMonthBefore */.sV)(now).toISOString()}; GitHub re-runs ` +
                'only runs created in the last month';
        if (!options.redeployInput) {
            return failed(`workflow run ${target.runId} of ${full} ${when}. To roll back to ${full}, set redeploy-input to the ` +
                `workflow_dispatch input of ${options.deployWorkflow} that takes a commit SHA (deploy-gate then dispatches it), ` +
                `or deploy ${full} by hand`, target);
        }
        if (!options.branch)
            return failed(`cannot dispatch ${options.deployWorkflow}: no branch to run it on`, target);
        const dispatch = {
            workflow: options.deployWorkflow,
            ref: options.branch,
            inputs: { [options.redeployInput]: full },
        };
        const scopeReason = `workflow run ${target.runId} ${when}, so ${options.deployWorkflow} is dispatched on ${options.branch} ` +
            `with ${options.redeployInput}=${full}`;
        return { ok: true, ...base, target, scope: 'dispatch', scopeReason, dispatch };
    }
    const assessed = assessArtifacts(input.artifacts ?? [], options, now);
    warnings.push(...assessed.warnings);
    const withArtifacts = { ...base, artifacts: assessed.artifacts, ignoredArtifacts: assessed.ignored };
    if (assessed.scope === 'all-jobs') {
        return { ok: true, ...withArtifacts, target, scope: 'all-jobs', scopeReason: assessed.reason };
    }
    const records = target.records ?? [];
    if (!picksOneJob(records.length)) {
        // GitHub re-runs one job per new attempt and refuses a second job re-run while that attempt runs (403 "The
        // workflow run containing this job is already running"), so several gated jobs go back together in one re-run.
        const names = records.map((r) => (r.jobName ? `"${r.jobName}"` : `job ${r.jobId ?? '?'}`)).join(', ');
        const scopeReason = `${assessed.reason}, but run ${target.runId} attempt ${target.runAttempt} has ${records.length} gated jobs ` +
            `(${names}); GitHub re-runs one job per attempt and refuses another while it runs, so all jobs are re-run ` +
            'to bring every one of them back';
        return { ok: true, ...withArtifacts, target, scope: 'all-jobs', scopeReason };
    }
    const picked = pickJob(input.jobs ?? [], { jobId: target.jobId, jobName: target.jobName }, options.deployJob, target.runId);
    if (!picked.job) {
        warnings.push(picked.problem);
        const scopeReason = `${assessed.reason}, but ${picked.problem}`;
        return { ok: true, ...withArtifacts, target, scope: 'all-jobs', scopeReason };
    }
    return {
        ok: true,
        ...withArtifacts,
        target,
        scope: 'deploy-job',
        scopeReason: assessed.reason,
        job: picked.job,
    };
}
/** Two SHAs name the same commit; either may be abbreviated (an explicit `target`). */
function sameCommit(a, b) {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x !== '' && y !== '' && (x.startsWith(y) || y.startsWith(x));
}
/**
 * SPEC §5.4: the job whose id is the recorded `job_id` (when the target's latest attempt still holds it); failing
 * that, whose name equals the recorded `job_name`; failing that, equals `deploy-job`; failing that, starts with
 * `<deploy-job> (` (a matrix expansion) or is `<caller> / <deploy-job>` or `<deploy-job> / <called>` (a job of a
 * called reusable workflow). Several matches at the first tier that matches → no job.
 */
function pickJob(jobs, recorded, deployJob, runId) {
    const { jobId, jobName } = recorded;
    const isReusable = (name) => name.endsWith(` / ${deployJob}`) || name.startsWith(`${deployJob} / `);
    const tiers = [
        [(j) => jobId !== undefined && j.id === jobId, () => 'job_id'],
        [(j) => jobName !== undefined && j.name === jobName, () => 'job_name'],
        [(j) => j.name === deployJob, () => 'deploy-job'],
        [
            (j) => j.name.startsWith(`${deployJob} (`) || isReusable(j.name),
            (j) => (isReusable(j.name) ? 'reusable-workflow' : 'matrix-prefix'),
        ],
    ];
    for (const [matches, by] of tiers) {
        const found = jobs.filter(matches);
        const first = found[0];
        if (found.length === 1 && first)
            return { job: { id: first.id, name: first.name, matchedBy: by(first) } };
        if (found.length > 1) {
            const names = found.map((j) => `"${j.name}"`).join(', ');
            return {
                problem: `${found.length} jobs of run ${runId} match the deploy job (${names}), so all jobs are re-run`,
            };
        }
    }
    const wanted = [
        ...(jobName !== undefined ? [`"${jobName}"`] : []),
        `"${deployJob}"`,
        `"${deployJob} (…)"`,
        `"… / ${deployJob}"`,
        `"${deployJob} / …"`,
    ];
    return {
        problem: `no job named ${wanted.join(' or ')} in the latest attempt of run ${runId}, so all jobs are re-run`,
    };
}
function planCurrent(c) {
    if (c.kind === 'deployment') {
        return {
            kind: 'deployment',
            sha: c.sha,
            createdAt: c.createdAt,
            deploymentId: c.deploymentId,
            ...(c.deploymentIds ? { deploymentIds: c.deploymentIds } : {}),
            runId: c.runId,
            runAttempt: c.runAttempt,
        };
    }
    return {
        kind: 'run',
        sha: c.run.sha,
        createdAt: c.run.createdAt,
        runId: c.run.id,
        runAttempt: c.run.attempt,
        runUrl: c.run.htmlUrl,
    };
}
function planTarget(t, now, options) {
    const { run, deployment } = t;
    return {
        source: t.source,
        runId: run.id,
        runAttempt: run.attempt,
        sha: run.sha,
        createdAt: run.createdAt,
        ageDays: Math.max(0, Math.floor((now.getTime() - Date.parse(run.createdAt)) / DAY_MS)),
        runUrl: run.htmlUrl,
        ...(deployment ? { deploymentId: deployment.id } : {}),
        ...(deployment?.jobName !== undefined ? { jobName: deployment.jobName } : {}),
        ...(deployment?.jobId !== undefined ? { jobId: deployment.jobId } : {}),
        ...(deployment?.records ? { records: deployment.records } : {}),
        reason: targetReason(t, options),
    };
}
function targetReason(t, o) {
    const d = t.deployment;
    switch (t.source) {
        case 'ledger':
            return (`newest stable deployment in ${o.environment} older than the current one with a different commit` +
                (d ? ` (deployment ${d.id}, created ${d.createdAt})` : ''));
        case 'input-run':
            return `the target input names workflow run ${t.run.id}`;
        case 'input-sha-deployment':
            return `the target input names ${targetText(o)}: its newest stable deployment in ${o.environment}${d ? ` (deployment ${d.id})` : ''}`;
        case 'input-sha-run':
            return (`the target input names ${targetText(o)}, which has no stable deployment in ${o.environment}: ` +
                `the newest successful run of ${o.deployWorkflow} for it`);
        case 'run-history':
            return (`no deployment in ${o.environment} carries deploy-gate records, so from the run history of ` +
                `${o.deployWorkflow} on ${o.branch ?? 'the default branch'}: the newest successful run older than the ` +
                'newest completed one, with a different commit');
    }
}
function targetText(o) {
    if (!o.target)
        return 'a target';
    return o.target.kind === 'run' ? `workflow run ${o.target.runId}` : `commit ${o.target.sha}`;
}
function noTargetError(current, o) {
    if (o.target?.kind === 'sha') {
        return (`target ${o.target.sha}: no stable deployment of that commit in ${o.environment} and no successful run of ` +
            `${o.deployWorkflow} for it`);
    }
    if (!current) {
        return (`nothing to roll back in ${o.environment}: no deployment there carries deploy-gate records, and ` +
            `${o.deployWorkflow} has no completed run on ${o.branch ?? 'the default branch'}`);
    }
    return `no stable deployment before ${current.sha.slice(0, 7)} in ${o.environment}`;
}
/** A warning when the target run is not a run of the deploy workflow (an explicit run id, or a gate elsewhere). */
function otherWorkflowWarning(run, deployWorkflow) {
    const byId = /^\d+$/.test(deployWorkflow);
    const matches = byId
        ? run.workflowId === Number(deployWorkflow)
        : run.path === '' || run.path.split('@')[0]?.split('/').at(-1) === deployWorkflow;
    return matches
        ? undefined
        : `workflow run ${run.id} belongs to ${run.path || `workflow ${run.workflowId}`}, not to deploy-workflow ${deployWorkflow}`;
}


/***/ }),

/***/ 8352:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   iK: () => (/* binding */ isMonthLimitRefusal),
/* harmony export */   pP: () => (/* binding */ isTooOldToRerun),
/* harmony export */   sV: () => (/* binding */ oneMonthBefore)
/* harmony export */ });
/**
 * GitHub's re-run age limit (SPEC §5.2): a run created "over a month ago" cannot be re-run. GitHub and `gh` count a
 * calendar month on the run's `created_at` — `created_at` before now minus one month, with month-end overflow rolling
 * forward as Go's `time.AddDate(0, -1, 0)` does (31 March − 1 month = 31 February = 3 March, 2 March in a leap year) —
 * not 30 × 24 h. JavaScript's `setUTCMonth` normalises the same way.
 */
/** Now minus one calendar month, Go's `AddDate(0, -1, 0)` in UTC. */
function oneMonthBefore(now) {
    const d = new Date(now.getTime());
    d.setUTCMonth(d.getUTCMonth() - 1);
    return d;
}
/** The run was created over a month ago: GitHub refuses to re-run it. */
function isTooOldToRerun(run, now) {
    return Date.parse(run.createdAt) < oneMonthBefore(now).getTime();
}
/** GitHub's 403 texts for a run past the limit (`Unable to retry this workflow run because it was created over a month ago`). */
function isMonthLimitRefusal(message) {
    return /created over a month ago|unable to retry this workflow run/i.test(message);
}


/***/ }),

/***/ 99899:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fi: () => (/* binding */ gatherPlanInput)
/* harmony export */ });
/* unused harmony exports RUN_HISTORY_MAX_PAGES, findRollbackPlan */
/* harmony import */ var _ledger_deployments_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(28552);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(61146);


/** Pages of 100 runs scanned in the run-history fallback; GitHub returns at most 1,000 runs with a branch filter. */
const RUN_HISTORY_MAX_PAGES = 10;
/**
 * The rollback decision as rollback mode makes it — current, target (ledger stable rule, run-history fallback),
 * age, artifact scope and the deploy job — without doing anything. ONE function for every caller that needs "the
 * rollback target the rollback mode would pick now" (a failed gate's "what to do next", SPEC §7).
 */
async function findRollbackPlan(deps, options, now) {
    return plan(await gatherPlanInput(deps, options, now));
}
async function gatherPlanInput(deps, options, now) {
    const log = deps.log ?? (() => undefined);
    let branch = options.branch;
    const resolveBranch = async () => (branch ??= await deps.runs.defaultBranch());
    const found = options.target
        ? await fromLedgerForTarget(deps, options.environment, options.target)
        : await fromLedger(deps, options.environment);
    let current = found.current;
    let target;
    let read;
    if (found.pending) {
        const pendingSha = found.pending.deployment.sha;
        const currentSha = current?.kind === 'deployment' ? current.sha : undefined;
        if (currentSha !== undefined && (0,_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .sameCommit */ .Kd)(currentSha, pendingSha)) {
            target = await targetFromDeployment(deps.runs, found.pending);
        }
        else {
            // The run id is in the record: the run, its artifacts and its jobs are read at once.
            const [t, artifacts, jobs] = await Promise.all([
                targetFromDeployment(deps.runs, found.pending),
                deps.runs.listArtifacts(found.pending.runId),
                (0,_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .picksOneJob */ .Mq)(found.pending.records.length) ? deps.runs.listLatestJobs(found.pending.runId) : undefined,
            ]);
            target = t;
            read = { artifacts, ...(jobs ? { jobs } : {}) };
        }
    }
    if (!current) {
        const b = await resolveBranch();
        log(`no deployment in ${options.environment} carries deploy-gate records: reading the runs of ${options.deployWorkflow} on ${b}`);
        const history = await fromRunHistory(deps.runs, options.deployWorkflow, b, !options.target);
        current = history.current && { kind: 'run', run: history.current };
        target ??= history.target;
    }
    if (!target && options.target)
        target = await explicitTargetRun(deps.runs, options);
    const input = { now, current, target, options: { ...options, ...(branch ? { branch } : {}) } };
    const needed = (0,_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .factsNeeded */ .jJ)(input);
    if (needed.branch)
        await resolveBranch();
    const resolved = { ...input, options: { ...options, ...(branch ? { branch } : {}) } };
    if (!target || !needed.artifacts)
        return resolved;
    if (read)
        return { ...resolved, ...read };
    const [artifacts, jobs] = await Promise.all([
        deps.runs.listArtifacts(target.run.id),
        needed.jobs ? deps.runs.listLatestJobs(target.run.id) : undefined,
    ]);
    return { ...resolved, artifacts, ...(jobs ? { jobs } : {}) };
}
function pendingOf(d, source, records = d ? [d] : []) {
    return d?.payload ? { deployment: d, runId: d.payload.run_id, source, records } : undefined;
}
/** No target input: current and the newest stable deployment before it (select.ts). */
async function fromLedger(deps, environment) {
    const { current, currentRecords, target, targetRecords } = await (0,_ledger_deployments_js__WEBPACK_IMPORTED_MODULE_0__/* .findCurrentAndTarget */ .q6)(deps.ledger, environment);
    const pending = pendingOf(target, 'ledger', targetRecords);
    return {
        ...(current ? { current: currentFacts(current, currentRecords) } : {}),
        ...(pending ? { pending } : {}),
    };
}
/**
 * A target input: the current deployment; for a SHA its newest stable deployment (pages read until found); for a run
 * id, a record of that run on the pages read anyway, for its deployed SHA and job_name.
 */
async function fromLedgerForTarget(deps, environment, wanted) {
    let current;
    let stable;
    let ofRun;
    const seen = [];
    const statusesOf = (0,_ledger_deployments_js__WEBPACK_IMPORTED_MODULE_0__/* .cachedStatuses */ .DT)((d) => deps.ledger.statuses(d.id));
    for await (const page of deps.ledger.pages(environment)) {
        seen.push(...page);
        current ??= (0,_ledger_deployments_js__WEBPACK_IMPORTED_MODULE_0__/* .findCurrent */ .$Q)(page);
        if (wanted.kind === 'sha') {
            stable ??= await (0,_ledger_deployments_js__WEBPACK_IMPORTED_MODULE_0__/* .findStableForSha */ .WF)(page, wanted.sha, statusesOf, seen);
        }
        else {
            ofRun ??= page.find((d) => d.payload?.run_id === wanted.runId);
        }
        if (current && (wanted.kind === 'run' || stable))
            break;
    }
    const found = wanted.kind === 'run' ? ofRun : stable;
    const source = wanted.kind === 'run' ? 'input-run' : 'input-sha-deployment';
    const pending = found && pendingOf(found, source, (0,_ledger_deployments_js__WEBPACK_IMPORTED_MODULE_0__/* .attemptRecords */ .W8)(seen, found));
    return {
        ...(current ? { current: currentFacts(current, (0,_ledger_deployments_js__WEBPACK_IMPORTED_MODULE_0__/* .attemptRecords */ .W8)(seen, current)) } : {}),
        ...(pending ? { pending } : {}),
    };
}
/** SPEC §5.1 fallback: the newest completed run is current; the target the newest older success of another commit. */
async function fromRunHistory(runs, workflow, branch, wantTarget) {
    let current;
    for await (const page of runs.runPages(workflow, { branch, status: 'completed' }, RUN_HISTORY_MAX_PAGES)) {
        for (const run of page) {
            if (!current) {
                // A cancelled or skipped run deployed nothing: the current deploy is the newest run that ran.
                if (run.conclusion === 'cancelled' || run.conclusion === 'skipped')
                    continue;
                current = run;
                if (!wantTarget)
                    return { current };
                continue;
            }
            // Pages come newest first; a run created in the same second is older when its id is lower.
            const age = Date.parse(current.createdAt) - Date.parse(run.createdAt);
            const older = age > 0 || (age === 0 && run.id < current.id);
            if (run.conclusion === 'success' && older && !(0,_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .sameCommit */ .Kd)(run.sha, current.sha)) {
                return { current, target: { source: 'run-history', run } };
            }
        }
    }
    return current ? { current } : {};
}
/** A target input with no stable deployment: the run itself, or the newest successful deploy-workflow run of the SHA. */
async function explicitTargetRun(runs, options) {
    const wanted = options.target;
    if (!wanted)
        return undefined;
    if (wanted.kind === 'run')
        return { source: 'input-run', run: await runs.getRun(wanted.runId) };
    const full = wanted.sha.length === 40;
    // GitHub's head_sha filter needs the full SHA; an abbreviated one is matched by prefix while scanning.
    const filter = full ? { status: 'success', headSha: wanted.sha } : { status: 'success' };
    for await (const page of runs.runPages(options.deployWorkflow, filter, full ? 1 : RUN_HISTORY_MAX_PAGES)) {
        const run = page.find((r) => (0,_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .sameCommit */ .Kd)(r.sha, wanted.sha) && r.conclusion === 'success');
        if (run)
            return { source: 'input-sha-run', run };
    }
    return undefined;
}
async function targetFromDeployment(runs, p) {
    const d = p.deployment;
    const run = await runs.getRun(p.runId);
    const jobName = d.payload?.job_name;
    const jobId = d.payload?.job_id;
    return {
        source: p.source,
        // The deployment's SHA is the one deployed; a workflow that deploys another commit than it ran on records it.
        run: { ...run, sha: d.sha },
        deployment: {
            id: d.id,
            createdAt: d.createdAt,
            ...(jobName !== undefined ? { jobName } : {}),
            ...(jobId !== undefined ? { jobId } : {}),
            records: p.records.map(recordedJob),
        },
    };
}
function recordedJob(d) {
    return {
        deploymentId: d.id,
        ...(d.payload?.job_id !== undefined ? { jobId: d.payload.job_id } : {}),
        ...(d.payload?.job_name !== undefined ? { jobName: d.payload.job_name } : {}),
    };
}
function currentFacts(d, records = [d]) {
    return {
        kind: 'deployment',
        deploymentId: d.id,
        deploymentIds: records.map((r) => r.id),
        sha: d.sha,
        createdAt: d.createdAt,
        runId: d.payload?.run_id ?? 0,
        runAttempt: d.payload?.run_attempt ?? 0,
    };
}


/***/ })

};

//# sourceMappingURL=407.index.js.map