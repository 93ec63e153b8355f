/**
 * API objects built from the fake's records, shaped as GitHub sends them (every field the response schemas require,
 * URLs pointing at the fake's base URL, `https://github.com` for HTML URLs).
 */
import type {
  ArtifactRecord,
  AttemptRecord,
  CheckRunRecord,
  DeploymentRecord,
  DeploymentStatusRecord,
  GitHubState,
  JobRecord,
  RunRecord,
  WorkflowRecord,
} from './github-fake-state.ts'
import { isoTime } from './github-fake-state.ts'

type Obj = Record<string, unknown>

export interface ApiContext {
  /** The fake's base URL, e.g. `http://127.0.0.1:41234`. */
  readonly apiUrl: string
  readonly serverUrl: string
  readonly state: GitHubState
}

function nodeId(kind: string, id: number): string {
  return Buffer.from(`${kind}:${id}`).toString('base64')
}

export const GITHUB_ACTIONS_BOT = { login: 'github-actions[bot]', id: 41_898_282, type: 'Bot' } as const

export function simpleUser(ctx: ApiContext, login: string, id: number, type = 'User'): Obj {
  const api = `${ctx.apiUrl}/users/${encodeURIComponent(login)}`
  return {
    login,
    id,
    node_id: nodeId(type, id),
    avatar_url: `https://avatars.githubusercontent.com/${type === 'Bot' ? 'in/15368' : `u/${id}`}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: type === 'Bot' ? 'https://github.com/apps/github-actions' : `${ctx.serverUrl}/${login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type,
    user_view_type: 'public',
    site_admin: false,
  }
}

function actionsBot(ctx: ApiContext): Obj {
  return simpleUser(ctx, GITHUB_ACTIONS_BOT.login, GITHUB_ACTIONS_BOT.id, GITHUB_ACTIONS_BOT.type)
}

function actor(ctx: ApiContext, login: string): Obj {
  return login === GITHUB_ACTIONS_BOT.login ? actionsBot(ctx) : simpleUser(ctx, login, 1000 + login.length)
}

/** The GitHub Actions app, as `performed_via_github_app` and a check run's `app` show it. */
export function githubActionsApp(ctx: ApiContext): Obj {
  return {
    id: 15_368,
    slug: 'github-actions',
    client_id: 'Iv1.05c79e9ad1f6bdfa',
    node_id: 'MDM6QXBwMTUzNjg=',
    owner: simpleUser(ctx, 'github', 9_919, 'Organization'),
    name: 'GitHub Actions',
    description: 'Automate your workflow from idea to production',
    external_url: 'https://help.github.com/en/actions',
    html_url: 'https://github.com/apps/github-actions',
    created_at: '2018-07-30T09:30:17Z',
    updated_at: '2024-04-10T20:33:16Z',
    permissions: {
      actions: 'write',
      checks: 'write',
      contents: 'write',
      deployments: 'write',
      metadata: 'read',
    },
    events: ['check_run', 'check_suite', 'deployment', 'deployment_status', 'workflow_run'],
  }
}

function repoApi(ctx: ApiContext): string {
  return `${ctx.apiUrl}/repos/${ctx.state.owner}/${ctx.state.repo}`
}

function repoHtml(ctx: ApiContext): string {
  return `${ctx.serverUrl}/${ctx.state.owner}/${ctx.state.repo}`
}

/** A "Minimal Repository", as embedded in workflow runs. */
export function minimalRepository(ctx: ApiContext): Obj {
  const { owner, repo } = ctx.state
  const api = repoApi(ctx)
  const t = (suffix: string): string => `${api}/${suffix}`
  return {
    id: ctx.state.repoId,
    node_id: nodeId('Repository', ctx.state.repoId),
    name: repo,
    full_name: `${owner}/${repo}`,
    owner: simpleUser(ctx, owner, ctx.state.ownerId, 'Organization'),
    private: true,
    html_url: repoHtml(ctx),
    description: 'A service deployed through deploy-gate',
    fork: false,
    url: api,
    archive_url: t('{archive_format}{/ref}'),
    assignees_url: t('assignees{/user}'),
    blobs_url: t('git/blobs{/sha}'),
    branches_url: t('branches{/branch}'),
    collaborators_url: t('collaborators{/collaborator}'),
    comments_url: t('comments{/number}'),
    commits_url: t('commits{/sha}'),
    compare_url: t('compare/{base}...{head}'),
    contents_url: t('contents/{+path}'),
    contributors_url: t('contributors'),
    deployments_url: t('deployments'),
    downloads_url: t('downloads'),
    events_url: t('events'),
    forks_url: t('forks'),
    git_commits_url: t('git/commits{/sha}'),
    git_refs_url: t('git/refs{/sha}'),
    git_tags_url: t('git/tags{/sha}'),
    git_url: `git://github.com/${owner}/${repo}.git`,
    issue_comment_url: t('issues/comments{/number}'),
    issue_events_url: t('issues/events{/number}'),
    issues_url: t('issues{/number}'),
    keys_url: t('keys{/key_id}'),
    labels_url: t('labels{/name}'),
    languages_url: t('languages'),
    merges_url: t('merges'),
    milestones_url: t('milestones{/number}'),
    notifications_url: t('notifications{?since,all,participating}'),
    pulls_url: t('pulls{/number}'),
    releases_url: t('releases{/id}'),
    ssh_url: `git@github.com:${owner}/${repo}.git`,
    stargazers_url: t('stargazers'),
    statuses_url: t('statuses/{sha}'),
    subscribers_url: t('subscribers'),
    subscription_url: t('subscription'),
    tags_url: t('tags'),
    teams_url: t('teams'),
    trees_url: t('git/trees{/sha}'),
    clone_url: `https://github.com/${owner}/${repo}.git`,
    mirror_url: null,
    hooks_url: t('hooks'),
    svn_url: repoHtml(ctx),
    homepage: null,
    language: 'TypeScript',
    forks_count: 0,
    stargazers_count: 3,
    watchers_count: 3,
    size: 2048,
    default_branch: ctx.state.defaultBranch,
    open_issues_count: 1,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: 'private',
    pushed_at: isoTime(ctx.state.now()),
    created_at: '2024-01-15T10:00:00Z',
    updated_at: isoTime(ctx.state.now()),
    forks: 0,
    open_issues: 1,
    watchers: 3,
  }
}

/** A "Full Repository", as `GET /repos/{owner}/{repo}` returns it. */
export function fullRepository(ctx: ApiContext): Obj {
  return {
    ...minimalRepository(ctx),
    permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
    allow_rebase_merge: true,
    allow_squash_merge: true,
    allow_merge_commit: true,
    allow_auto_merge: false,
    delete_branch_on_merge: true,
    allow_forking: false,
    web_commit_signoff_required: false,
    temp_clone_token: null,
    subscribers_count: 2,
    network_count: 0,
    license: null,
    organization: simpleUser(ctx, ctx.state.owner, ctx.state.ownerId, 'Organization'),
  }
}

export function deployment(ctx: ApiContext, d: DeploymentRecord): Obj {
  const url = `${repoApi(ctx)}/deployments/${d.id}`
  return {
    url,
    id: d.id,
    node_id: nodeId('Deployment', d.id),
    sha: d.sha,
    ref: d.ref,
    task: d.task,
    payload: d.payload,
    original_environment: d.original_environment,
    environment: d.environment,
    description: d.description,
    creator: actionsBot(ctx),
    created_at: d.created_at,
    updated_at: d.updated_at,
    statuses_url: `${url}/statuses`,
    repository_url: repoApi(ctx),
    transient_environment: d.transient_environment,
    production_environment: d.production_environment,
    performed_via_github_app: githubActionsApp(ctx),
  }
}

export function deploymentStatus(ctx: ApiContext, d: DeploymentRecord, s: DeploymentStatusRecord): Obj {
  const deploymentUrl = `${repoApi(ctx)}/deployments/${d.id}`
  return {
    url: `${deploymentUrl}/statuses/${s.id}`,
    id: s.id,
    node_id: nodeId('DeploymentStatus', s.id),
    state: s.state,
    creator: actionsBot(ctx),
    description: s.description,
    environment: s.environment,
    target_url: s.log_url,
    created_at: s.created_at,
    updated_at: s.created_at,
    deployment_url: deploymentUrl,
    repository_url: repoApi(ctx),
    environment_url: s.environment_url,
    log_url: s.log_url,
    performed_via_github_app: githubActionsApp(ctx),
  }
}

export function workflow(ctx: ApiContext, w: WorkflowRecord): Obj {
  return {
    id: w.id,
    node_id: nodeId('Workflow', w.id),
    name: w.name,
    path: w.path,
    state: w.state,
    created_at: w.created_at,
    updated_at: w.created_at,
    url: `${repoApi(ctx)}/actions/workflows/${w.id}`,
    html_url: `${repoHtml(ctx)}/blob/${ctx.state.defaultBranch}/${w.path}`,
    badge_url: `${repoHtml(ctx)}/workflows/${encodeURIComponent(w.name)}/badge.svg`,
  }
}

/** A workflow run as one attempt shows it (the latest one for `GET …/runs/{id}`). */
export function workflowRun(ctx: ApiContext, r: RunRecord, a: AttemptRecord): Obj {
  const url = `${repoApi(ctx)}/actions/runs/${r.id}`
  const wf = ctx.state.workflow(r.workflow_id)
  const commitAuthor = { name: 'Octo Cat', email: 'octocat@users.noreply.github.com' }
  return {
    id: r.id,
    name: r.name,
    node_id: nodeId('WorkflowRun', r.id),
    check_suite_id: 8_000_000 + r.id,
    check_suite_node_id: nodeId('CheckSuite', 8_000_000 + r.id),
    head_branch: r.head_branch,
    head_sha: r.head_sha,
    path: wf?.path ?? '.github/workflows/deploy.yml',
    display_title: r.display_title,
    run_number: r.run_number,
    event: r.event,
    status: a.status,
    conclusion: a.conclusion,
    workflow_id: r.workflow_id,
    url,
    html_url: `${repoHtml(ctx)}/actions/runs/${r.id}`,
    pull_requests: [],
    created_at: r.created_at,
    updated_at: a.updated_at,
    actor: actor(ctx, r.actor),
    run_attempt: a.run_attempt,
    referenced_workflows: [],
    run_started_at: a.run_started_at,
    triggering_actor: actor(ctx, r.actor),
    jobs_url: `${url}/jobs`,
    logs_url: `${url}/logs`,
    check_suite_url: `${repoApi(ctx)}/check-suites/${8_000_000 + r.id}`,
    artifacts_url: `${url}/artifacts`,
    cancel_url: `${url}/cancel`,
    rerun_url: `${url}/rerun`,
    previous_attempt_url: a.run_attempt > 1 ? `${url}/attempts/${a.run_attempt - 1}` : null,
    workflow_url: `${repoApi(ctx)}/actions/workflows/${r.workflow_id}`,
    head_commit: {
      id: r.head_sha,
      tree_id: r.head_sha.split('').reverse().join(''),
      message: r.display_title,
      timestamp: r.created_at,
      author: commitAuthor,
      committer: commitAuthor,
    },
    repository: minimalRepository(ctx),
    head_repository: minimalRepository(ctx),
  }
}

export function job(ctx: ApiContext, r: RunRecord, j: JobRecord): Obj {
  const runner = j.runner_name !== null
  return {
    id: j.id,
    run_id: r.id,
    workflow_name: r.name,
    head_branch: r.head_branch,
    run_url: `${repoApi(ctx)}/actions/runs/${r.id}`,
    run_attempt: j.run_attempt,
    node_id: nodeId('CheckRun', j.id),
    head_sha: r.head_sha,
    url: `${repoApi(ctx)}/actions/jobs/${j.id}`,
    html_url: `${repoHtml(ctx)}/actions/runs/${r.id}/job/${j.id}`,
    status: j.status,
    conclusion: j.conclusion,
    created_at: j.created_at,
    started_at: j.started_at,
    completed_at: j.completed_at,
    name: j.name,
    steps: j.steps,
    check_run_url: `${repoApi(ctx)}/check-runs/${j.id}`,
    labels: j.labels,
    runner_id: runner ? 2 : null,
    runner_name: j.runner_name,
    runner_group_id: runner ? 0 : null,
    runner_group_name: runner ? 'GitHub Actions' : null,
  }
}

export function artifact(ctx: ApiContext, r: RunRecord, a: ArtifactRecord): Obj {
  const url = `${repoApi(ctx)}/actions/artifacts/${a.id}`
  const expired =
    a.expired ?? (a.expires_at !== null && Date.parse(a.expires_at) <= ctx.state.now().getTime())
  return {
    id: a.id,
    node_id: nodeId('Artifact', a.id),
    name: a.name,
    size_in_bytes: a.size_in_bytes,
    url,
    archive_download_url: `${url}/zip`,
    expired,
    created_at: a.created_at,
    expires_at: a.expires_at,
    updated_at: a.updated_at,
    digest: a.digest,
    workflow_run: {
      id: r.id,
      repository_id: ctx.state.repoId,
      head_repository_id: ctx.state.repoId,
      head_branch: r.head_branch ?? '',
      head_sha: r.head_sha,
    },
  }
}

export function checkRun(ctx: ApiContext, c: CheckRunRecord): Obj {
  const url = `${repoApi(ctx)}/check-runs/${c.id}`
  const htmlUrl = `${repoHtml(ctx)}/runs/${c.id}`
  return {
    id: c.id,
    head_sha: c.head_sha,
    node_id: nodeId('CheckRun', c.id),
    external_id: c.external_id ?? '',
    url,
    html_url: htmlUrl,
    details_url: c.details_url ?? htmlUrl,
    status: c.status,
    conclusion: c.conclusion,
    started_at: c.started_at,
    completed_at: c.completed_at,
    output: {
      title: c.output.title,
      summary: c.output.summary,
      text: c.output.text,
      annotations_count: c.output.annotations.length,
      annotations_url: `${url}/annotations`,
    },
    name: c.name,
    check_suite: { id: 9_000_000 + c.id },
    app: githubActionsApp(ctx),
    pull_requests: [],
  }
}

/** GitHub's error body: `{message, documentation_url, status}`. */
export function apiError(status: number, message: string, extra: Obj = {}): Obj {
  return { message, documentation_url: 'https://docs.github.com/rest', status: String(status), ...extra }
}
