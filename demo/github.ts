/**
 * The demo's GitHub: the project's GitHub API fake (testkit/github-fake.ts, every request and answer checked against
 * GitHub's OpenAPI description) serving `deploy-gate/demo` with the two workflows a team would have — deploy.yml
 * (jobs `build` → `deploy`, `build` uploads the artifact `dist`) and rollback.yml (`workflow_dispatch`) — and the runs
 * the story makes, as GitHub would show them while they run.
 */
import { startGitHubFake, type GitHubFake } from '../testkit/github-fake.ts'
import {
  fakeSha,
  isoTime,
  type JobRecord,
  type RunRecord,
  type WorkflowRecord,
} from '../testkit/github-fake-state.ts'
import { DEMO_REPOSITORY } from './action.ts'

export interface DeployRun {
  readonly run: RunRecord
  readonly sha: string
  /** The `deploy` job of the run's latest attempt: its id is the gate's `job-check-run-id`. */
  readonly deployJob: JobRecord
  readonly attempt: number
}

export interface DemoGitHub {
  readonly fake: GitHubFake
  readonly deployWorkflow: WorkflowRecord
  /** A push run of deploy.yml for `version`: `build` done (artifact `dist`), `deploy` started now. */
  startDeploy(version: string): DeployRun
  /** The re-run a rollback asked for starts: its queued `deploy` job gets a runner now. */
  startRerun(run: RunRecord): DeployRun
  /** The run's latest attempt ends. */
  finish(run: RunRecord, conclusion: 'success' | 'failure'): void
  /** A `workflow_dispatch` run of rollback.yml, in progress: its id is the rollback step's `GITHUB_RUN_ID`. */
  pressRollback(): RunRecord
  close(): Promise<void>
}

export function versionSha(version: string): string {
  return fakeSha(`deploy-gate-demo ${version}`)
}

function deployJobOf(run: RunRecord): JobRecord {
  const job = run.attempts.at(-1)!.jobs.find((j) => j.name === 'deploy')
  if (!job) throw new Error(`run ${run.id} has no deploy job`)
  return job
}

export async function startDemoGitHub(): Promise<DemoGitHub> {
  const fake = await startGitHubFake({ repository: DEMO_REPOSITORY })
  const state = fake.state
  const deployWorkflow = state.addWorkflow({
    name: 'Deploy',
    path: '.github/workflows/deploy.yml',
    jobs: ['build', 'deploy'],
  })
  const rollbackWorkflow = state.addWorkflow({
    name: 'Rollback',
    path: '.github/workflows/rollback.yml',
    jobs: ['rollback'],
  })
  return {
    fake,
    deployWorkflow,
    startDeploy(version) {
      const nowMs = Date.now()
      const sha = state.setBranch('main', versionSha(version))
      const built = new Date(nowMs - 5_000)
      const run = state.addRun({
        workflow_id: deployWorkflow.id,
        head_sha: sha,
        display_title: `Release ${version}`,
        created_at: new Date(nowMs - 60_000),
        status: 'in_progress',
        jobs: [
          {
            name: 'build',
            status: 'completed',
            conclusion: 'success',
            started_at: isoTime(new Date(nowMs - 58_000)),
            completed_at: isoTime(built),
          },
          { name: 'deploy', status: 'in_progress', started_at: isoTime(new Date(nowMs)) },
        ],
        artifacts: [{ name: 'dist', created_at: built }],
      })
      return { run, sha, deployJob: deployJobOf(run), attempt: 1 }
    },
    startRerun(run) {
      fake.startRun(run.id)
      return { run, sha: run.head_sha, deployJob: deployJobOf(run), attempt: run.attempts.length }
    },
    finish(run, conclusion) {
      fake.completeRun(run.id, conclusion)
    },
    pressRollback() {
      return state.addRun({
        workflow_id: rollbackWorkflow.id,
        event: 'workflow_dispatch',
        display_title: 'Rollback',
        status: 'in_progress',
        jobs: [{ name: 'rollback', status: 'in_progress' }],
      })
    },
    close: () => fake.close(),
  }
}
