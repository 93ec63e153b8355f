/**
 * Threat 5 (issue 10): budgets that do not grow with the config. At most 10 error annotations and 50 config-line
 * annotations a run (the rest counted in the summary), every summary within 1 MiB, and the GitHub requests of a gate
 * run independent of the number of checks. Through dist/index.js.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { startGitHubFake } from '../../testkit/github-fake.ts'
import { cleanupActionRuns, runAction } from '../../testkit/runner.ts'
import { freePort } from '../../testkit/local-server.ts'
import { CONFIG, removeWorkspaces, workspaceWith } from './hostile.ts'

const MIB = 1024 * 1024

describe('threat 5: budgets', () => {
  afterAll(async () => {
    await cleanupActionRuns()
    await removeWorkspaces()
  })

  it('validate with 10,000 bad checks: ≤ 50 config-line annotations, ≤ 10 others, summary ≤ 1 MiB, the rest counted', async () => {
    const lines = ['version: 1', `prometheus: { url: "http://127.0.0.1:${await freePort()}" }`, 'metrics:']
    for (let i = 0; i < 10_000; i++) {
      // Each check has a long name and a rejected selector: one problem on its line, and a long summary row.
      lines.push(
        `  - name: check-${i}-${'n'.repeat(20)}`,
        '    builtin: cpu',
        `    selector: 'bad selector ${i}'`,
      )
    }
    const r = await runAction({
      inputs: { mode: 'validate', config: CONFIG },
      cwd: await workspaceWith(`${lines.join('\n')}\n`),
      timeoutMs: 60_000,
    })
    expect(r.outputs['verdict']).toBe('invalid')
    const onLines = r.annotations.filter((a) => a.file !== undefined)
    const others = r.annotations.filter((a) => a.file === undefined)
    expect(onLines.length).toBe(50)
    // 10 at most of each level, plus the final step-failure message.
    for (const level of ['error', 'warning', 'notice'] as const) {
      expect(others.filter((a) => a.level === level).length).toBeLessThanOrEqual(level === 'error' ? 11 : 10)
    }
    expect(Buffer.byteLength(r.summary)).toBeLessThanOrEqual(MIB)
    expect(r.summary).toMatch(/\d+ config-line annotation\(s\) over the budget/)
  }, 120_000)

  it('gate: the GitHub requests of a run do not depend on the number of checks', async () => {
    async function requestsFor(checks: number): Promise<number> {
      const fake = await startGitHubFake()
      try {
        const port = await freePort()
        const lines = ['version: 1', 'policy: { startup-timeout: 1s, duration: 0s, interval: 1s }', 'http:']
        for (let i = 0; i < checks; i++)
          lines.push(`  - name: app-${i}`, `    url: http://127.0.0.1:${port}/h${i}`)
        const r = await runAction({
          apiUrl: fake.url,
          inputs: { config: CONFIG, 'check-name': 'deploy-gate' },
          cwd: await workspaceWith(`${lines.join('\n')}\n`),
          timeoutMs: 60_000,
        })
        expect(r.outputs['verdict']).toBe('failed')
        expect(r.annotations.filter((a) => a.level === 'error').length).toBeLessThanOrEqual(11)
        expect(fake.state.checkRuns[0]?.output.annotations.length).toBe(Math.min(checks, 50))
        fake.assertNoViolations()
        return fake.requests.length
      } finally {
        await fake.close()
      }
    }
    const few = await requestsFor(2)
    const many = await requestsFor(120)
    expect(many).toBe(few)
  }, 120_000)
})
