/**
 * Threat 1 (issue 10): nothing a monitored host, Prometheus or an app sends can become a runner command.
 * dist/index.js is run as the runner runs it; stdout is read as the runner reads it (lines end at \r, \n, \r\n;
 * leading whitespace before `::`; `##[` anywhere; `::stop-commands::` honoured).
 *
 * The hostile host is a node_exporter-style exporter scraped by the REAL Prometheus: mount points carrying \r, \n,
 * `::`, `##[`, `|`, backticks, HTML and a bare URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { builtinQuery } from '../../src/model/builtins.ts'
import type { Exporter, PrometheusInstance } from '../../testkit/prometheus.ts'
import { startExporter, startPrometheus, waitForSeries } from '../../testkit/prometheus.ts'
import { cleanupActionRuns, runAction } from '../../testkit/runner.ts'
import { startHttpServer, type LocalServer } from '../../testkit/local-server.ts'
import { startGitHubFake, type GitHubFake } from '../../testkit/github-fake.ts'
import {
  CONFIG,
  FORGED,
  expectNoForgedCommands,
  outsideCode,
  removeWorkspaces,
  workspaceWith,
} from './hostile.ts'

/** Label values as the exposition format carries them (`\n` escaped as `\\n`; a raw `\r` passes). */
// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const CONTROL = /[\r\u0000-\u0008]/

const MOUNTS = [
  `/mnt/a${FORGED.annotation}`,
  `/mnt/b\\n::set-output name=verdict::stable`,
  `/mnt/c${FORGED.stop}`,
  `/mnt/d ${FORGED.legacy} | pipe \`tick\` <img src=x onerror=alert(1)>`,
  `/mnt/e see https://evil.example/reset and www.evil.example`,
  `/mnt/f${FORGED.mask}`,
]

function hostileExposition(): string {
  const lines = ['# TYPE node_filesystem_avail_bytes gauge', '# TYPE node_filesystem_size_bytes gauge']
  for (const mount of MOUNTS) {
    const labels = `device="/dev/sda1",fstype="ext4",mountpoint="${mount}"`
    lines.push(`node_filesystem_avail_bytes{${labels}} 1`, `node_filesystem_size_bytes{${labels}} 100`)
  }
  return `${lines.join('\n')}\n`
}

describe('threat 1: workflow-command injection', () => {
  let exporter: Exporter
  let prom: PrometheusInstance
  let fake: GitHubFake

  beforeAll(async () => {
    exporter = await startExporter(hostileExposition())
    prom = await startPrometheus({
      jobs: [{ job: 'hostile', targets: [exporter.target] }],
      scrapeIntervalMs: 1000,
    })
    await waitForSeries(
      prom,
      builtinQuery('disk', 'job="hostile"'),
      (s) => s.length === MOUNTS.length,
      60_000,
    )
  }, 120_000)

  afterAll(async () => {
    await prom?.stop()
    await exporter?.close()
    await cleanupActionRuns()
    await removeWorkspaces()
  })

  it('hostile mount points scraped by the real Prometheus: no forged command, the gate fails, its annotations stand', async () => {
    fake = await startGitHubFake()
    try {
      const yaml = [
        'version: 1',
        // A scrape that times out on a loaded machine makes one round no-data: that round is an error, not the verdict.
        'policy: { duration: 10s, interval: 1s, max-consecutive-failures: 1, on-no-data: inconclusive, max-consecutive-errors: 20 }',
        `prometheus: { url: "${prom.url}" }`,
        'metrics:',
        '  - name: disk',
        '    builtin: disk',
        `    selector: 'job="hostile"'`,
        '',
      ].join('\n')
      const r = await runAction({
        apiUrl: fake.url,
        inputs: { config: CONFIG, record: false, 'check-name': 'deploy-gate' },
        cwd: await workspaceWith(yaml),
        timeoutMs: 60_000,
      })
      expectNoForgedCommands(r)
      // The payload really reached the log (escaped), so the test exercises the path.
      expect(r.stdout, r.stdout).toContain('/mnt/a\\r:')
      expect(r.exitCode).toBe(1)
      expect(r.outputs['verdict']).toBe('failed')
      expect(r.annotations.some((a) => a.level === 'error' && a.title === 'deploy-gate: disk failed')).toBe(
        true,
      )
      // The summary: no raw HTML, no control character, no bare link outside code.
      expect(outsideCode(r.summary)).not.toMatch(/<img/)
      expect(r.summary).not.toMatch(CONTROL)
      expect(outsideCode(r.summary)).not.toMatch(/https?:\/\/evil|www\.evil/)
      // The check run: the same text rules.
      const run = fake.state.checkRuns[0]
      expect(run?.output.summary ?? '').not.toMatch(/\r/)
      expect(outsideCode(run?.output.summary ?? '')).not.toMatch(/<img/)
      expect(outsideCode(run?.output.summary ?? '')).not.toMatch(/https?:\/\/evil|www\.evil/)
      fake.assertNoViolations()
    } finally {
      await fake.close()
    }
  }, 90_000)

  it.each(['gate', 'validate'])(
    '%s: a Prometheus error text carrying commands is printed inert',
    async (mode) => {
      const evil: LocalServer = await startHttpServer((_req, res) => {
        res.writeHead(400, { 'content-type': 'application/json' })
        res.end(
          JSON.stringify({
            status: 'error',
            errorType: 'bad_data',
            error: `x${FORGED.output}${FORGED.annotation}${FORGED.stop} ${FORGED.legacy} https://evil.example/reset`,
          }),
        )
      })
      try {
        const yaml = [
          'version: 1',
          `prometheus: { url: "${evil.origin}" }`,
          'policy: { duration: 0s, interval: 1s }',
          'metrics:',
          '  - name: q',
          '    query: up',
          '    max: 1',
          '',
        ].join('\n')
        const r = await runAction({
          inputs: { mode, config: CONFIG, record: false },
          cwd: await workspaceWith(yaml),
        })
        expect(evil.requests.length).toBeGreaterThan(0)
        expectNoForgedCommands(r)
        expect(r.outputs['verdict']).toBe(mode === 'gate' ? 'inconclusive' : 'invalid')
        expect(r.exitCode).toBe(1)
        expect(r.summary).not.toMatch(CONTROL)
        expect(outsideCode(r.summary)).not.toMatch(/https?:\/\/evil/)
      } finally {
        await evil.close()
      }
    },
    60_000,
  )

  it('an app body quoted in a reason cannot forge a command (gate, expect-json)', async () => {
    const app: LocalServer = await startHttpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ status: `DOWN ${FORGED.legacy}\r::error title=pwned::x` }))
    })
    try {
      const yaml = [
        'version: 1',
        'policy: { startup-timeout: 1s, duration: 0s, interval: 1s }',
        'http:',
        '  - name: app',
        `    url: ${app.origin}/health`,
        '    expect-json: { path: status, equals: UP }',
        '',
      ].join('\n')
      const r = await runAction({ inputs: { config: CONFIG, record: false }, cwd: await workspaceWith(yaml) })
      expect(app.requests.length).toBeGreaterThan(0)
      expectNoForgedCommands(r)
      expect(r.exitCode).toBe(1)
      expect(r.outputs['verdict']).toBe('failed')
    } finally {
      await app.close()
    }
  }, 60_000)
})
