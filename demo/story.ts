/**
 * The demo's story, one function per step, each returning its closing line and what it missed:
 *
 *   1. deploy v1 → gate: stable, recorded in the GitHub fake's Deployments
 *   2. deploy v2 (15× the 5xx share, 3× the p95 — under max 0.05 and max 2) → gate: failed by its baseline, the
 *      30 minutes before the deploy job's started_at; the summary names v1 as the rollback target
 *   3. the rollback button (mode rollback, workflow_dispatch) → v1's deploy job re-run (deploy-job)
 *   4. v1's re-run → gate: stable
 *
 * Every action step is the built action (dist/index.js) run as the runner runs it (demo/action.ts), against the demo's
 * Prometheus and the GitHub fake; every file of a step is in `.tmp/demo/<step>/`.
 */
import { V1, V2, p95Seconds } from './api-service.ts'
import type { DeployRun } from './github.ts'
import {
  describe,
  gateExpectations,
  nextSteps,
  printGate,
  readReport,
  runGate,
  runRollback,
  writePage,
  type StepResult,
  type StoryEnv,
} from './story-runs.ts'

export async function stepDeployV1(env: StoryEnv): Promise<StepResult & { v1: DeployRun }> {
  const { say, github } = env
  const v1 = github.startDeploy('v1')
  env.app.api.service.deploy(V1)
  say(
    `  run ${v1.run.id} of deploy.yml: build done (artifact dist), deploy job ${v1.deployJob.id} started ${v1.deployJob.started_at}`,
  )
  say(`  the api service now runs v1: ${describe(V1)} — as in the 30 minutes before`)
  const run = await runGate(env, '1-deploy-v1', v1)
  github.finish(v1.run, run.main.exitCode === 0 ? 'success' : 'failure')
  const report = await readReport(run)
  const page = await writePage(run, 'deploy-gate demo · 1 · v1 gate')
  printGate(env, run, report, page)
  const missed = gateExpectations('step 1 (v1)', run, report, 'stable')
  const id = Number(run.main.outputs['deployment-id'])
  const record = github.fake.state.deployments.find((d) => d.id === id)
  if (record?.statuses.at(-1)?.state !== 'success')
    missed.push(`step 1 (v1): deployment ${id} is not success in the GitHub fake`)
  return {
    v1,
    page,
    missed,
    closing: `step 1 · deploy v1 → ${run.main.outputs['verdict'] ?? '?'} (exit ${run.main.exitCode}), recorded as deployment ${id} (success)`,
  }
}

export async function stepDeployV2(env: StoryEnv, v1: DeployRun): Promise<StepResult & { v2: DeployRun }> {
  const { say, github } = env
  const v2 = github.startDeploy('v2')
  env.app.api.service.deploy(V2)
  say(`  run ${v2.run.id} of deploy.yml: deploy job ${v2.deployJob.id} started ${v2.deployJob.started_at}`)
  say(`  the api service now runs v2: ${describe(V2)}`)
  say(
    `  (${Math.round(V2.errorRatio / V1.errorRatio)}× the 5xx share and ${(p95Seconds(V2) / p95Seconds(V1)).toFixed(0)}× the p95 — yet under the fixed bounds max 0.05 and max 2 s)`,
  )
  const run = await runGate(env, '2-deploy-v2', v2)
  github.finish(v2.run, 'failure')
  const report = await readReport(run)
  const page = await writePage(run, 'deploy-gate demo · 2 · v2 gate')
  printGate(env, run, report, page)
  const next = nextSteps(run.summary)
  for (const line of next) say(`  next: ${line}`)

  const label = 'step 2 (v2)'
  const missed = gateExpectations(label, run, report, 'failed')
  const failed = (report.checks ?? []).filter((c) => c.result === 'failed')
  if (!failed.some((c) => c.name.startsWith('api-'))) missed.push(`${label}: no api check failed`)
  for (const c of failed) {
    const crossed = c.samples.some(
      (s) => typeof s.value === 'number' && c.threshold.max !== null && s.value > c.threshold.max,
    )
    if (crossed)
      missed.push(`${label}: ${c.name} crossed its fixed max ${c.threshold.max}: not a baseline-only catch`)
    if (!/before the deploy/.test(c.reason ?? ''))
      missed.push(`${label}: ${c.name} failed without its baseline: ${c.reason}`)
  }
  const target = next.join(' ')
  if (!target.includes(v1.sha.slice(0, 7)) || !target.includes(`run ${v1.run.id}`))
    missed.push(`${label}: "What to do next" does not name v1 (${v1.sha.slice(0, 7)}, run ${v1.run.id})`)
  if (!/```mermaid\n(%%\{init[^\n]*\n)?xychart-beta/.test(run.summary))
    missed.push(`${label}: the summary has no Mermaid chart`)
  const names = failed.map((c) => c.name).join(', ')
  return {
    v2,
    page,
    missed,
    closing: `step 2 · deploy v2 → ${run.main.outputs['verdict'] ?? '?'} (exit ${run.main.exitCode}) by its baseline (${names || 'nothing'}), under every fixed bound; rollback target v1 (${v1.sha.slice(0, 7)}, run ${v1.run.id})`,
  }
}

export async function stepRollback(env: StoryEnv, v1: DeployRun, v2: DeployRun): Promise<StepResult> {
  const { say, github } = env
  const label = 'step 3 (rollback)'
  const missed: string[] = []

  // What if v1's artifact had expired: the same rollback as a dry-run against the fake with `dist` expired.
  const dist = v1.run.artifacts.find((a) => a.name === 'dist')!
  const kept = { expired: dist.expired, expires_at: dist.expires_at }
  dist.expired = true
  dist.expires_at = new Date(Date.now() - 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z')
  const whatIf = await runRollback(
    env,
    '3-rollback-what-if-expired',
    { 'dry-run': 'true', wait: 'false' },
    true,
  )
  Object.assign(dist, kept)
  const whatIfScope = whatIf.main.outputs['rerun-scope'] ?? ''
  if (whatIfScope !== 'all-jobs')
    missed.push(`${label}: with dist expired the dry-run chose "${whatIfScope}", not all-jobs`)

  say(`  rollback.yml pressed (workflow_dispatch): mode rollback, deploy-workflow deploy.yml, wait false`)
  const run = await runRollback(env, '3-rollback', { wait: 'false' }, false)
  const page = await writePage(run, 'deploy-gate demo · 3 · rollback')
  const o = run.main.outputs
  const attempt = v1.run.attempts.at(-1)!
  const rerunPosts = github.fake.requests.filter((r) => r.method === 'POST' && /\/rerun$/.test(r.path))
  const v2Record = github.fake.state.deployments.filter((d) => d.sha === v2.sha).at(-1)
  say(
    `  target: ${(o['target-sha'] ?? '').slice(0, 7)} (run ${o['target-run-id']}) · rerun-scope ${o['rerun-scope']} · ${o['rerun-url']}`,
  )
  for (const r of rerunPosts)
    say(`  GitHub: POST ${r.path} → ${r.status}; run ${v1.run.id} now has attempt ${attempt.run_attempt}`)
  say(
    `  v2's deployment ${v2Record?.id}: ${v2Record?.statuses.at(-1)?.state} "${v2Record?.statuses.at(-1)?.description}"`,
  )
  say(
    `  had dist expired: rerun-scope ${whatIfScope} — every job of run ${v1.run.id} again, build first (a dry-run with dist expired in the fake says so)`,
  )
  say(`  job summary: ${env.shown(page)}   (log: ${env.shown(run.logPath)})`)

  const check = (ok: boolean, what: string): void => {
    if (!ok) missed.push(`${label}: ${what}`)
  }
  check(run.main.exitCode === 0, `exit code ${run.main.exitCode}`)
  check(
    o['target-run-id'] === String(v1.run.id),
    `target run ${o['target-run-id']}, expected v1's ${v1.run.id}`,
  )
  check(o['target-sha'] === v1.sha, `target sha ${o['target-sha']}`)
  check(o['rerun-scope'] === 'deploy-job', `rerun-scope ${o['rerun-scope']}, expected deploy-job`)
  check(
    rerunPosts.length === 1 && rerunPosts[0]!.path.endsWith(`/actions/jobs/${v1.deployJob.id}/rerun`),
    `expected one POST …/actions/jobs/${v1.deployJob.id}/rerun, got ${rerunPosts.map((r) => r.path).join(', ') || 'none'}`,
  )
  check(attempt.run_attempt === 2, `run ${v1.run.id} has no second attempt`)
  check(
    /rolled back to/.test(v2Record?.statuses.at(-1)?.description ?? ''),
    `v2's deployment not marked rolled back`,
  )
  return {
    page,
    missed,
    closing: `step 3 · rollback → re-ran v1's deploy job (${o['rerun-scope'] ?? '?'}, exit ${run.main.exitCode}): run ${v1.run.id} attempt ${attempt.run_attempt}; had dist expired: ${whatIfScope}`,
  }
}

export async function stepRerunV1(env: StoryEnv, v1: DeployRun): Promise<StepResult> {
  const { say, github } = env
  const rerun = github.startRerun(v1.run)
  env.app.api.service.deploy(V1)
  say(
    `  run ${rerun.run.id} attempt ${rerun.attempt}: deploy job ${rerun.deployJob.id} started ${rerun.deployJob.started_at} (build's result and artifact kept)`,
  )
  say(`  the api service runs v1 again: ${describe(V1)}`)
  const run = await runGate(env, '4-rerun-v1', rerun)
  github.finish(v1.run, run.main.exitCode === 0 ? 'success' : 'failure')
  const report = await readReport(run)
  const page = await writePage(run, 'deploy-gate demo · 4 · v1 re-run gate')
  printGate(env, run, report, page)
  const missed = gateExpectations('step 4 (v1 re-run)', run, report, 'stable')
  return {
    page,
    missed,
    closing: `step 4 · v1's re-run → ${run.main.outputs['verdict'] ?? '?'} (exit ${run.main.exitCode}), recorded as deployment ${run.main.outputs['deployment-id'] || '(none)'}`,
  }
}
