/**
 * Threat 4 (issue 10): secrets echoed by an app or by Prometheus are redacted before any cut, in every encoding —
 * in stdout, job summary, annotations, JSON report, deployment status and check run. Through dist/index.js.
 */
import { readFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { startGitHubFake } from '../../testkit/github-fake.ts'
import { cleanupActionRuns, runAction, type ActionResult } from '../../testkit/runner.ts'
import { startHttpServer } from '../../testkit/local-server.ts'
import { CONFIG, everythingWritten, removeWorkspaces, workspaceWith } from './hostile.ts'

function reportOf(r: ActionResult): string {
  const path = r.outputs['report-path']
  return path ? readFileSync(path, 'utf8') : ''
}

describe('threat 4: redaction before any cut, in every encoding', () => {
  afterAll(async () => {
    await cleanupActionRuns()
    await removeWorkspaces()
  })

  it('a token echoed across the 80-character cut of an expect-json quote, and URL user info echoed as Basic base64', async () => {
    const token = 'hlthTok-s3cr3tValue0123456789abcdef'
    // The echoed Authorization sits where the quote of the value is cut (80 characters).
    const app = await startHttpServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      const pad = 'p'.repeat(60)
      res.end(JSON.stringify({ status: `DOWN ${pad} ${req.headers.authorization ?? ''}` }))
    })
    const basic = await startHttpServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ status: `DOWN you sent ${req.headers.authorization ?? ''}` }))
    })
    const fake = await startGitHubFake()
    try {
      const url = new URL(basic.origin)
      url.username = 'probe'
      url.password = 'pr0be-Passw0rd!'
      const yaml = [
        'version: 1',
        'policy: { startup-timeout: 1s, duration: 0s, interval: 1s }',
        'http:',
        '  - name: app',
        `    url: ${app.origin}/health`,
        '    headers: { Authorization: "Bearer ${HEALTH_TOKEN}" }',
        '    expect-json: { path: status, equals: UP }',
        '  - name: basic',
        `    url: ${url.toString()}health`,
        '    expect-json: { path: status, equals: UP }',
        '',
      ].join('\n')
      const r = await runAction({
        apiUrl: fake.url,
        inputs: { config: CONFIG, 'check-name': 'deploy-gate' },
        env: { HEALTH_TOKEN: token },
        cwd: await workspaceWith(yaml),
      })
      expect(r.outputs['verdict']).toBe('failed')
      expect(app.requests[0]?.headers.authorization).toBe(`Bearer ${token}`)
      const b64 = Buffer.from('probe:pr0be-Passw0rd!').toString('base64')
      expect(basic.requests[0]?.headers.authorization).toBe(`Basic ${b64}`)
      const statuses = fake.state.deployments.flatMap((d) => d.statuses.map((s) => s.description ?? ''))
      const checkRun = fake.state.checkRuns.map((c) => JSON.stringify(c.output)).join('\n')
      const written = everythingWritten(r, [reportOf(r), ...statuses, checkRun])
      for (const part of [token.slice(0, 12), token.slice(-12), b64.slice(0, 12), 'pr0be-Passw0rd']) {
        expect(written, part).not.toContain(part)
      }
      fake.assertNoViolations()
    } finally {
      await fake.close()
      await app.close()
      await basic.close()
    }
  }, 60_000)

  it('a form-encoded password echoed by Prometheus in an error text (validate)', async () => {
    const password = 'p@ss word&=/+secret'
    const prom = await startHttpServer((_req, res) => {
      res.writeHead(400, { 'content-type': 'application/json' })
      const form = new URLSearchParams({ user: 'grafana', password }).toString()
      res.end(JSON.stringify({ status: 'error', errorType: 'bad_data', error: `cannot parse body ${form}` }))
    })
    try {
      const yaml = [
        'version: 1',
        'prometheus:',
        `  url: ${prom.origin}`,
        '  basic-auth: { username: grafana, password: "${PROM_PASSWORD}" }',
        'metrics:',
        '  - name: q',
        '    query: up',
        '    max: 1',
        '',
      ].join('\n')
      const r = await runAction({
        inputs: { mode: 'validate', config: CONFIG },
        env: { PROM_PASSWORD: password },
        cwd: await workspaceWith(yaml),
      })
      expect(prom.requests.length).toBeGreaterThan(0)
      expect(r.outputs['verdict']).toBe('invalid')
      const written = everythingWritten(r, [reportOf(r)])
      expect(written).toContain('cannot parse body')
      expect(written).not.toContain(new URLSearchParams({ p: password }).toString().slice(2))
      expect(written).not.toContain('secret')
    } finally {
      await prom.close()
    }
  }, 60_000)
})
