/** publish(outcome, deps): the one way out of every mode — outputs, annotations, evidence, records, in that order. */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import * as actionsCore from '@actions/core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ModeDeps } from '../src/deps.ts'
import { gateAnnotations } from '../src/gate/annotations.ts'
import { createGitHubClient } from '../src/github/client.ts'
import type { ModeOutcome } from '../src/model/outcome.ts'
import { publish } from '../src/publish.ts'
import { reportPathFor, type ReportingCore, type UploadArtifact } from '../src/report/publish.ts'
import { buildGateReport } from '../src/gate/report.ts'
import { renderReportJson } from '../src/report/json.ts'
import { renderGateSummary } from '../src/gate/summary.ts'
import { startGitHubFake, type GitHubFake } from '../testkit/github-fake.ts'
import { testModeDeps, type TestModeDeps } from '../testkit/mode-deps.ts'
import { failedVramResult, stableResult } from './report/fixtures.ts'

/** An upload that records its calls. */
function recordingUpload(): { uploads: unknown[][]; upload: UploadArtifact } {
  const uploads: unknown[][] = []
  const upload: UploadArtifact = (...call) => {
    uploads.push(call)
    return Promise.resolve()
  }
  return { uploads, upload }
}

// The real @actions/core fits the interface.
const _realCoreFits: ReportingCore = actionsCore

let runnerTemp: string
beforeEach(async () => {
  runnerTemp = await mkdtemp(path.join(tmpdir(), 'deploy-gate-publish-'))
})
afterEach(async () => {
  await rm(runnerTemp, { recursive: true, force: true })
})

/** A failed gate's outcome, as gate mode hands it back. */
function gateOutcome(result = failedVramResult(), overrides: Partial<ModeOutcome> = {}): ModeOutcome {
  const report = buildGateReport(result, {
    environment: 'production',
    sha: '3f9c2a1b7d4e5f60718293a4b5c6d7e8f9012345',
    run: { id: 1234, attempt: 1, url: 'https://github.com/acme/shop/actions/runs/1234/attempts/1' },
    config: {},
    secrets: [],
  })
  return {
    outputs: { verdict: result.verdict, 'failed-checks': result.failedChecks.join(',') },
    annotations: gateAnnotations(result),
    evidence: {
      summary: renderGateSummary(result, { environment: 'production', sha: report.sha, dryRun: false }),
      reportJson: renderReportJson(report),
      reportPath: reportPathFor(runnerTemp, 'gate'),
      artifact: { name: 'none', retentionDays: 30 },
    },
    closing: [],
    ...overrides,
  }
}

function deps(overrides: Partial<ModeDeps> = {}): TestModeDeps {
  return testModeDeps({ env: {}, ...overrides })
}

function withArtifact(o: ModeOutcome, artifact: { name: string; retentionDays: number }): ModeOutcome {
  return { ...o, evidence: { ...o.evidence!, artifact } }
}

describe('publish: evidence', () => {
  it('sets outputs, emits annotations, writes the report and the summary', async () => {
    const d = deps()
    const outcome = gateOutcome()
    await publish(outcome, d)
    const reportPath = path.join(runnerTemp, 'deploy-gate', 'gate-report.json')
    expect(d.calls.outputs).toEqual({ verdict: 'failed', 'failed-checks': 'vram', 'report-path': reportPath })
    expect(d.calls.annotations).toEqual([
      {
        level: 'error',
        message: '2 breaches in a row (max-consecutive-failures 2): 96.3 > 95 on gpu="0"',
        properties: { title: 'deploy-gate: vram failed' },
      },
    ])
    expect(d.calls.summaries).toEqual([outcome.evidence!.summary])
    const parsed = JSON.parse(await readFile(reportPath, 'utf8'))
    expect(parsed).toMatchObject({ version: 1, mode: 'gate', verdict: 'failed' })
    expect(d.calls.warnings).toEqual([])
  })

  it('sets an empty failed-checks output for a stable result and joins several with commas', async () => {
    const stable = deps()
    await publish(gateOutcome(stableResult()), stable)
    expect(stable.calls.outputs['failed-checks']).toBe('')
    expect(stable.calls.outputs.verdict).toBe('stable')
    const two = deps()
    await publish(gateOutcome({ ...failedVramResult(), failedChecks: ['vram', 'http-1'] }), two)
    expect(two.calls.outputs['failed-checks']).toBe('vram,http-1')
  })

  it('emits notices, warnings and config-line annotations with their properties, closing ones last', async () => {
    const d = deps()
    await publish(
      gateOutcome(failedVramResult(), {
        annotations: [
          { level: 'notice', title: 'deploy-gate: p95 failed (shadow)', message: '3 > 2' },
          { level: 'warning', message: 'checks[0]: no data', file: 'deploy-gate.yml', startLine: 4 },
        ],
        closing: [{ level: 'warning', message: 'gate inconclusive' }],
      }),
      d,
    )
    expect(d.calls.annotations).toEqual([
      { level: 'notice', message: '3 > 2', properties: { title: 'deploy-gate: p95 failed (shadow)' } },
      {
        level: 'warning',
        message: 'checks[0]: no data',
        properties: { file: 'deploy-gate.yml', startLine: 4 },
      },
      { level: 'warning', message: 'gate inconclusive', properties: {} },
    ])
    expect(d.calls.errors).toEqual([])
  })

  it('does not upload when the artifact is none', async () => {
    const { uploads, upload } = recordingUpload()
    const d = deps({ upload, env: { ACTIONS_RUNTIME_TOKEN: 'rt' } })
    await publish(gateOutcome(), d)
    expect(uploads).toEqual([])
    expect(d.calls.warnings).toEqual([])
  })

  it('uploads the report file with its directory as root and the retention days', async () => {
    const { uploads, upload } = recordingUpload()
    const d = deps({ upload, env: { ACTIONS_RUNTIME_TOKEN: 'rt' } })
    await publish(withArtifact(gateOutcome(), { name: 'deploy-gate-report', retentionDays: 7 }), d)
    const reportPath = reportPathFor(runnerTemp, 'gate')
    expect(uploads).toEqual([['deploy-gate-report', [reportPath], path.dirname(reportPath), 7]])
    expect(d.calls.infos).toContain('report artifact deploy-gate-report uploaded')
    expect(d.calls.warnings).toEqual([])
  })

  it('warns, naming the artifact, when the runtime token is missing', async () => {
    const { uploads, upload } = recordingUpload()
    const d = deps({ upload, env: {} })
    await publish(withArtifact(gateOutcome(), { name: 'deploy-gate-report', retentionDays: 30 }), d)
    expect(uploads).toEqual([])
    expect(d.calls.warnings).toEqual([
      'report artifact deploy-gate-report not uploaded: ACTIONS_RUNTIME_TOKEN is not set (not running in GitHub Actions?)',
    ])
  })

  it('warns, naming the artifact, when the upload fails, and redacts the message', async () => {
    const d = deps({
      upload: () => Promise.reject(new Error('503 from https://u:pw@results.example.com with token s3cr3t')),
      env: { ACTIONS_RUNTIME_TOKEN: 'rt' },
      secrets: ['s3cr3t'],
    })
    await publish(withArtifact(gateOutcome(), { name: 'deploy-gate-report', retentionDays: 30 }), d)
    expect(d.calls.warnings).toEqual([
      'report artifact deploy-gate-report not uploaded: 503 from https://***@results.example.com with token ***',
    ])
    expect(d.calls.outputs.verdict).toBe('failed')
  })

  it('warns when the real artifact client cannot upload outside GitHub Actions', async () => {
    const saved = process.env.ACTIONS_RESULTS_URL
    delete process.env.ACTIONS_RESULTS_URL
    try {
      const { uploadWithActionsArtifact } = await import('../src/report/publish.ts')
      const d = deps({ upload: uploadWithActionsArtifact, env: { ACTIONS_RUNTIME_TOKEN: 'rt' } })
      await publish(withArtifact(gateOutcome(), { name: 'deploy-gate-report', retentionDays: 30 }), d)
      expect(d.calls.warnings).toHaveLength(1)
      expect(d.calls.warnings[0]).toMatch(/^report artifact deploy-gate-report not uploaded: /)
    } finally {
      if (saved !== undefined) process.env.ACTIONS_RESULTS_URL = saved
    }
  })

  it('warns instead of failing when the summary cannot be written', async () => {
    const d = deps()
    d.core.summary.addRaw = () => ({
      write: () => Promise.reject(new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY')),
    })
    await publish(gateOutcome(), d)
    expect(d.calls.warnings).toEqual([
      'job summary not written: Unable to find environment variable for $GITHUB_STEP_SUMMARY',
    ])
    expect(d.calls.errors).toHaveLength(1)
  })

  it('redacts secrets from the summary, annotations and their titles', async () => {
    const d = deps({ secrets: ['s3cr3t'] })
    const outcome = gateOutcome()
    await publish(
      {
        ...outcome,
        evidence: { ...outcome.evidence!, summary: 'reason: token s3cr3t' },
        annotations: [{ level: 'error', title: 'deploy-gate: s3cr3t failed', message: 'bad s3cr3t' }],
      },
      d,
    )
    expect(d.calls.summaries[0]).toBe('reason: token ***')
    expect(d.calls.annotations[0]).toMatchObject({
      message: 'bad ***',
      properties: { title: 'deploy-gate: *** failed' },
    })
  })

  it('warns and sets an empty report-path when the report cannot be written; nothing is uploaded', async () => {
    const blocker = path.join(runnerTemp, 'file')
    await writeFile(blocker, 'x')
    const { uploads, upload } = recordingUpload()
    const d = deps({ upload, env: { ACTIONS_RUNTIME_TOKEN: 'rt' } })
    const outcome = gateOutcome()
    await publish(
      {
        ...outcome,
        evidence: {
          ...outcome.evidence!,
          reportPath: path.join(blocker, 'report.json'),
          artifact: { name: 'deploy-gate-report', retentionDays: 30 },
        },
      },
      d,
    )
    expect(d.calls.outputs['report-path']).toBe('')
    expect(d.calls.warnings[0]).toMatch(/^report not written to .*report\.json: /)
    expect(uploads).toEqual([])
  })

  it('without evidence writes no report-path, summary or file', async () => {
    const d = deps()
    await publish({ outputs: { verdict: 'valid' }, annotations: [], closing: [] }, d)
    expect(d.calls.outputs).toEqual({ verdict: 'valid' })
    expect(d.calls.summaries).toEqual([])
  })
})

describe('publish: records', () => {
  const TOKEN = 'ghs_publishTestToken0000000000000000'
  let fake: GitHubFake
  beforeEach(async () => {
    fake = await startGitHubFake({ token: TOKEN })
  })
  afterEach(async () => {
    fake.assertNoViolations()
    await fake.close()
  })
  const env = (): Record<string, string> => ({
    GITHUB_REPOSITORY: 'owner/repo',
    GITHUB_RUN_ID: '77',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SHA: 'a'.repeat(40),
    GITHUB_API_URL: fake.url,
  })
  const github = (): ModeDeps['github'] => () =>
    Promise.resolve(createGitHubClient({ token: TOKEN, baseUrl: fake.url, retry: { retries: 0 } }))

  function deployment(): number {
    return fake.state.addDeployment({ sha: 'a'.repeat(40), environment: 'production' }).id
  }

  it('writes the verdict on the deployment and says the post step has nothing to close', async () => {
    const id = deployment()
    const d = deps({ env: env(), github: github(), secrets: ['s3cr3t'] })
    await publish(
      gateOutcome(failedVramResult(), {
        deployment: {
          id,
          state: 'failure',
          description: 'vram failed s3cr3t',
          logUrl: 'https://github.com/x',
        },
      }),
      d,
    )
    expect(fake.state.deployment(id)!.statuses.map((s) => [s.state, s.description])).toEqual([
      ['failure', 'vram failed ***'],
    ])
    expect(d.calls.state).toMatchObject({ finalStatusWritten: 'true' })
  })

  it('writes no success over a rollback mark, and warns', async () => {
    const id = deployment()
    fake.state.addDeploymentStatus(id, { state: 'failure', description: 'rolled back to 1234567 by run 5' })
    const d = deps({ env: env(), github: github() })
    await publish(
      gateOutcome(stableResult(), {
        deployment: { id, state: 'success', description: 'stable', logUrl: 'https://github.com/x' },
      }),
      d,
    )
    expect(fake.state.deployment(id)!.statuses.map((s) => s.state)).toEqual(['failure'])
    expect(d.calls.warnings).toEqual([
      expect.stringContaining(`deployment ${id} was rolled back while the gate ran`),
    ])
    expect(d.calls.state).toMatchObject({ finalStatusWritten: 'true' })
  })

  it('a deployment status that cannot be written throws (the step fails, the post step closes it)', async () => {
    const d = deps({ env: env(), github: github() })
    await expect(
      publish(
        gateOutcome(failedVramResult(), {
          deployment: { id: 424242, state: 'failure', description: 'x', logUrl: 'https://github.com/x' },
        }),
        d,
      ),
    ).rejects.toThrow()
    expect(d.calls.state).toEqual({})
  })

  it('creates a completed check run and sets check-run-id; completing a started one marks it completed', async () => {
    const d = deps({ env: env(), github: github() })
    const checkRun = {
      name: 'deploy-gate config',
      conclusion: 'failure' as const,
      title: 'config invalid: 1 problems',
      summary: 'one problem',
      annotations: [],
    }
    await publish({ outputs: {}, annotations: [], checkRun, closing: [] }, d)
    const created = d.calls.outputs['check-run-id']
    expect(created).toMatch(/^\d+$/)
    expect(d.calls.state).toEqual({})
    const again = deps({ env: env(), github: github() })
    await publish(
      { outputs: {}, annotations: [], checkRun: { ...checkRun, id: Number(created) }, closing: [] },
      again,
    )
    expect(again.calls.outputs['check-run-id']).toBe(created)
    expect(again.calls.state).toEqual({ checkRunCompleted: 'true' })
  })

  it('a check run that cannot be written is a warning; a started one keeps its id for the post step', async () => {
    const d = deps({
      env: env(),
      github: () => Promise.reject(new Error('no route to s3cr3t')),
      secrets: ['s3cr3t'],
    })
    await publish(
      {
        outputs: {},
        annotations: [],
        checkRun: { id: 99, name: 'gate', conclusion: 'success', title: 't', summary: 's', annotations: [] },
        closing: [],
      },
      d,
    )
    expect(d.calls.warnings).toEqual(['check run "gate" not published: no route to ***'])
    expect(d.calls.outputs['check-run-id']).toBe('99')
    expect(d.calls.state).toEqual({})
  })
})

describe('cold start', () => {
  it('does not load @actions/artifact when publish.ts is imported', async () => {
    const publishUrl = new URL('../src/report/publish.ts', import.meta.url).href
    const script = `
      import { registerHooks } from 'node:module'
      const seen = new Set()
      registerHooks({ resolve(specifier, context, next) { seen.add(specifier); return next(specifier, context) } })
      await import(${JSON.stringify(publishUrl)})
      console.log(JSON.stringify({ publish: true, artifact: [...seen].some((s) => s.includes('@actions/artifact')) }))
    `
    const cwd = path.dirname(fileURLToPath(import.meta.url))
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
      cwd,
    })
    expect(JSON.parse(stdout)).toEqual({ publish: true, artifact: false })
  })
})
