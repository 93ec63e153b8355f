import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import * as actionsCore from '@actions/core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { gateAnnotations } from '../../src/gate/annotations.ts'
import {
  publishGate,
  reportPathFor,
  type PublishGateArgs,
  type ReportingCore,
  type UploadArtifact,
} from '../../src/report/publish.ts'
import { buildGateReport } from '../../src/gate/report.ts'
import { renderReportJson } from '../../src/report/json.ts'
import { renderGateSummary } from '../../src/gate/summary.ts'
import { failedVramResult, stableResult } from './fixtures.ts'

/** A plain object standing in for @actions/core that records every call. */
function recordingCore() {
  const calls = {
    outputs: {} as Record<string, string>,
    errors: [] as { message: string; title?: string }[],
    notices: [] as { message: string; title?: string }[],
    warnings: [] as string[],
    infos: [] as string[],
    summaries: [] as string[],
    summaryWrites: 0,
  }
  let pending = ''
  const core: ReportingCore = {
    setOutput: (name, value) => {
      calls.outputs[name] = value
    },
    error: (message, props) => calls.errors.push({ message, ...props }),
    notice: (message, props) => calls.notices.push({ message, ...props }),
    warning: (message) => calls.warnings.push(message),
    info: (message) => calls.infos.push(message),
    summary: {
      addRaw(text) {
        pending += text
        return {
          write: () => {
            calls.summaries.push(pending)
            pending = ''
            calls.summaryWrites++
            return Promise.resolve()
          },
        }
      },
    },
  }
  return { core, calls }
}

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

function args(
  overrides: Partial<PublishGateArgs> = {},
): PublishGateArgs & { calls: ReturnType<typeof recordingCore>['calls'] } {
  const { core, calls } = recordingCore()
  const result = failedVramResult()
  const report = buildGateReport(result, {
    environment: 'production',
    sha: '3f9c2a1b7d4e5f60718293a4b5c6d7e8f9012345',
    run: { id: 1234, attempt: 1, url: 'https://github.com/acme/shop/actions/runs/1234/attempts/1' },
    config: {},
    secrets: [],
  })
  return {
    core,
    calls,
    result,
    summaryMarkdown: renderGateSummary(result, { environment: 'production', sha: report.sha, dryRun: false }),
    annotations: gateAnnotations(result),
    reportJson: renderReportJson(report),
    reportPath: reportPathFor(runnerTemp, 'gate'),
    artifact: { name: 'none', retentionDays: 30 },
    env: {},
    ...overrides,
  }
}

describe('publishGate', () => {
  it('writes the report, sets outputs, emits annotations and writes the summary', async () => {
    const a = args()
    const outcome = await publishGate(a)
    const reportPath = path.join(runnerTemp, 'deploy-gate', 'gate-report.json')
    expect(outcome).toEqual({ reportPath, artifactUploaded: false })
    expect(a.calls.outputs).toEqual({ verdict: 'failed', 'failed-checks': 'vram', 'report-path': reportPath })
    expect(a.calls.errors).toEqual([
      {
        title: 'deploy-gate: vram failed',
        message: '2 breaches in a row (max-consecutive-failures 2): 96.3 > 95 on gpu="0"',
      },
    ])
    expect(a.calls.summaryWrites).toBe(1)
    expect(a.calls.summaries[0]).toBe(a.summaryMarkdown)
    const parsed = JSON.parse(await readFile(reportPath, 'utf8'))
    expect(parsed).toMatchObject({ version: 1, mode: 'gate', verdict: 'failed' })
    expect(a.calls.warnings).toEqual([])
  })

  it('sets an empty failed-checks output for a stable result and joins several with commas', async () => {
    const stable = args({ result: stableResult() })
    await publishGate(stable)
    expect(stable.calls.outputs['failed-checks']).toBe('')
    expect(stable.calls.outputs.verdict).toBe('stable')
    const two = args({ result: { ...failedVramResult(), failedChecks: ['vram', 'http-1'] } })
    await publishGate(two)
    expect(two.calls.outputs['failed-checks']).toBe('vram,http-1')
  })

  it('emits shadow-check annotations as notices', async () => {
    const a = args({
      annotations: [{ level: 'notice', title: 'deploy-gate: p95 failed (shadow)', message: '3 > 2' }],
    })
    await publishGate(a)
    expect(a.calls.notices).toEqual([{ title: 'deploy-gate: p95 failed (shadow)', message: '3 > 2' }])
    expect(a.calls.errors).toEqual([])
  })

  it('does not upload when the artifact is none', async () => {
    const { uploads, upload } = recordingUpload()
    const a = args({
      artifact: { name: 'none', retentionDays: 30, upload },
      env: { ACTIONS_RUNTIME_TOKEN: 'rt' },
    })
    expect((await publishGate(a)).artifactUploaded).toBe(false)
    expect(uploads).toEqual([])
    expect(a.calls.warnings).toEqual([])
  })

  it('uploads the report file with its directory as root and the retention days', async () => {
    const { uploads, upload } = recordingUpload()
    const a = args({
      artifact: {
        name: 'deploy-gate-report',
        retentionDays: 7,
        upload,
      },
      env: { ACTIONS_RUNTIME_TOKEN: 'rt' },
    })
    expect((await publishGate(a)).artifactUploaded).toBe(true)
    const reportPath = reportPathFor(runnerTemp, 'gate')
    expect(uploads).toEqual([['deploy-gate-report', [reportPath], path.dirname(reportPath), 7]])
    expect(a.calls.warnings).toEqual([])
  })

  it('warns, naming the artifact, when the runtime token is missing', async () => {
    const { uploads, upload } = recordingUpload()
    const a = args({
      artifact: {
        name: 'deploy-gate-report',
        retentionDays: 30,
        upload,
      },
      env: {},
    })
    expect((await publishGate(a)).artifactUploaded).toBe(false)
    expect(uploads).toEqual([])
    expect(a.calls.warnings).toEqual([
      'report artifact deploy-gate-report not uploaded: ACTIONS_RUNTIME_TOKEN is not set (not running in GitHub Actions?)',
    ])
  })

  it('warns, naming the artifact, when the upload fails, and redacts the message', async () => {
    const a = args({
      artifact: {
        name: 'deploy-gate-report',
        retentionDays: 30,
        upload: () =>
          Promise.reject(new Error('503 from https://u:pw@results.example.com with token s3cr3t')),
      },
      env: { ACTIONS_RUNTIME_TOKEN: 'rt' },
      secrets: ['s3cr3t'],
    })
    await expect(publishGate(a)).resolves.toMatchObject({ artifactUploaded: false })
    expect(a.calls.warnings).toEqual([
      'report artifact deploy-gate-report not uploaded: 503 from https://***@results.example.com with token ***',
    ])
    expect(a.calls.outputs.verdict).toBe('failed')
  })

  it('warns when the real artifact client cannot upload outside GitHub Actions', async () => {
    const saved = process.env.ACTIONS_RESULTS_URL
    delete process.env.ACTIONS_RESULTS_URL
    try {
      const a = args({
        artifact: { name: 'deploy-gate-report', retentionDays: 30 },
        env: { ACTIONS_RUNTIME_TOKEN: 'rt' },
      })
      await publishGate(a)
      expect(a.calls.warnings).toHaveLength(1)
      expect(a.calls.warnings[0]).toMatch(/^report artifact deploy-gate-report not uploaded: /)
    } finally {
      if (saved !== undefined) process.env.ACTIONS_RESULTS_URL = saved
    }
  })

  it('warns instead of failing when the summary cannot be written', async () => {
    const a = args()
    a.core.summary.addRaw = () => ({
      write: () => Promise.reject(new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY')),
    })
    await publishGate(a)
    expect(a.calls.warnings).toEqual([
      'job summary not written: Unable to find environment variable for $GITHUB_STEP_SUMMARY',
    ])
    expect(a.calls.errors).toHaveLength(1)
  })

  it('redacts secrets from the summary and annotations it publishes', async () => {
    const a = args({
      summaryMarkdown: 'reason: token s3cr3t',
      annotations: [{ level: 'error', title: 'deploy-gate: x failed', message: 'bad s3cr3t' }],
      secrets: ['s3cr3t'],
    })
    await publishGate(a)
    expect(a.calls.summaries[0]).toBe('reason: token ***')
    expect(a.calls.errors[0]!.message).toBe('bad ***')
  })

  it('warns and sets an empty report-path when the report cannot be written; nothing is uploaded', async () => {
    const blocker = path.join(runnerTemp, 'file')
    await writeFile(blocker, 'x')
    const { uploads, upload } = recordingUpload()
    const a = args({
      reportPath: path.join(blocker, 'report.json'),
      artifact: {
        name: 'deploy-gate-report',
        retentionDays: 30,
        upload,
      },
      env: { ACTIONS_RUNTIME_TOKEN: 'rt' },
    })
    expect(await publishGate(a)).toEqual({ reportPath: '', artifactUploaded: false })
    expect(a.calls.outputs['report-path']).toBe('')
    expect(a.calls.warnings[0]).toMatch(/^report not written to .*report\.json: /)
    expect(uploads).toEqual([])
  })
})

describe('cold start', () => {
  it('does not load @actions/artifact when publish.ts is imported', async () => {
    const publishUrl = new URL('../../src/report/publish.ts', import.meta.url).href
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
