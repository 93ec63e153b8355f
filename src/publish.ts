/**
 * The one way out of every mode: applies a `ModeOutcome` in a fixed order — outputs, annotations, evidence (report
 * file, job summary, artifact, then `report-path`), the deployment's final status, the check run (then
 * `check-run-id`), closing annotations. Evidence or a check run that cannot be written is a warning naming it, never a
 * failure: evidence never changes a verdict. A deployment status that cannot be written throws (the step fails, the
 * post step closes the record). The step's failure is main.ts's to set.
 */
import { Outputs, State } from './constants.ts'
import type { ModeDeps } from './deps.ts'
import { errorMessage } from './errors.ts'
import { completeCheckRun, createCheckRun } from './github/check-runs.ts'
import { readRunContext } from './github/context.ts'
import { createDeploymentLedger } from './ledger/deployments.ts'
import { findRolledBackMark } from './ledger/select.ts'
import type { Annotation, CheckRunPublish, DeploymentClose, ModeOutcome } from './model/outcome.ts'
import { publishEvidence } from './report/publish.ts'
import { redactText } from './report/redact.ts'

export type PublishDeps = Pick<ModeDeps, 'core' | 'env' | 'secrets' | 'github' | 'upload'>

export async function publish(outcome: ModeOutcome, deps: PublishDeps): Promise<void> {
  const { core } = deps
  for (const [name, value] of Object.entries(outcome.outputs)) core.setOutput(name, value)
  annotate(outcome.annotations, deps)
  if (outcome.evidence) {
    const { evidence } = outcome
    const { reportPath } = await publishEvidence({
      core,
      summaryMarkdown: evidence.summary,
      reportJson: evidence.reportJson,
      reportPath: evidence.reportPath,
      ...(evidence.artifact ? { artifact: { ...evidence.artifact, upload: deps.upload } } : {}),
      secrets: deps.secrets,
      env: deps.env,
    })
    core.setOutput(Outputs.ReportPath, reportPath)
  }
  if (outcome.deployment) await closeDeployment(outcome.deployment, deps)
  if (outcome.checkRun) {
    const id = await publishCheckRun(outcome.checkRun, deps)
    core.setOutput(Outputs.CheckRunId, id === undefined ? '' : String(id))
  }
  annotate(outcome.closing, deps)
}

function annotate(annotations: readonly Annotation[], { core, secrets }: PublishDeps): void {
  for (const { level, message, ...properties } of annotations) {
    const title = properties.title === undefined ? {} : { title: redactText(properties.title, secrets) }
    core[level](redactText(message, secrets), { ...properties, ...title })
  }
}

/**
 * Writes the gate's verdict on its deployment (SPEC §4). A `success` is written only when the record carries no
 * rollback mark (read first): rolled back is final, so with a mark nothing is written and the gate warns. Either
 * way the post step has nothing left to close. A write that fails throws: the step fails and the post step closes
 * the record.
 */
async function closeDeployment(close: DeploymentClose, deps: PublishDeps): Promise<void> {
  const { core, secrets } = deps
  const ctx = readRunContext(deps.env)
  const ledger = createDeploymentLedger(await deps.github(), { owner: ctx.owner, repo: ctx.repo })
  if (close.state === 'success') {
    const mark = findRolledBackMark(await ledger.statuses(close.id))
    if (mark) {
      core.warning(
        redactText(
          `deployment ${close.id} was rolled back while the gate ran (${mark.description ?? ''}); ` +
            'rolled back is final, so the gate does not mark it stable',
          secrets,
        ),
      )
      core.saveState(State.FinalStatusWritten, 'true')
      return
    }
  }
  await ledger.setStatus(close.id, {
    state: close.state,
    description: redactText(close.description, secrets),
    logUrl: close.logUrl,
    environmentUrl: close.environmentUrl,
  })
  core.saveState(State.FinalStatusWritten, 'true')
}

/**
 * Completes the check run the mode started (`id`), or creates it completed. Returns its id — the started one even
 * when completing it failed (the post step then completes it as cancelled) — or undefined when none exists.
 */
async function publishCheckRun(run: CheckRunPublish, deps: PublishDeps): Promise<number | undefined> {
  const ctx = readRunContext(deps.env)
  const repo = { owner: ctx.owner, repo: ctx.repo }
  try {
    const octokit = await deps.github()
    const id = run.id ?? (await createCheckRun(octokit, repo, run.name, ctx.headSha, ctx.runUrl))
    await completeCheckRun(octokit, repo, id, run.conclusion, {
      title: redactText(run.title, deps.secrets),
      summary: redactText(run.summary, deps.secrets),
      annotations: run.annotations.map((a) => ({
        ...a,
        message: redactText(a.message, deps.secrets),
        ...(a.title === undefined ? {} : { title: redactText(a.title, deps.secrets) }),
      })),
    })
    if (run.id !== undefined) deps.core.saveState(State.CheckRunCompleted, 'true')
    return id
  } catch (err) {
    deps.core.warning(redactText(`check run "${run.name}" not published: ${errorMessage(err)}`, deps.secrets))
    return run.id
  }
}
