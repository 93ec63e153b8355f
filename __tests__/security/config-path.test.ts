/**
 * Threats 3 and 7 (issue 10): the `config` path. It must resolve (after symlinks) to a regular file inside
 * GITHUB_WORKSPACE of at most 1 MiB, read with a bound; anything else is a config error naming `config` that quotes
 * nothing of the content. An alias bomb names `config` too. Through dist/index.js, in validate and gate.
 */
import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cleanupActionRuns, runAction } from '../../testkit/runner.ts'
import { everythingWritten, removeWorkspaces, workspaceWith } from './hostile.ts'

/** A planted credential in a file outside the workspace (a runner's git credentials, say). */
const PLANTED = 'https://x-access-token:ghs_plantedSecretToken0123456789@github.com'

describe('threat 3: the config path is confined to the workspace and read with a bound', () => {
  let outside: string
  let outsideFile: string

  beforeAll(async () => {
    outside = await mkdtemp(join(tmpdir(), 'deploy-gate-outside-'))
    outsideFile = join(outside, 'credentials.yml')
    await writeFile(outsideFile, `version: 1\nprometheus:\n  url: ${PLANTED}\n  bogus: ${PLANTED}\n`)
  })
  afterAll(async () => {
    await rm(outside, { recursive: true, force: true })
    await cleanupActionRuns()
    await removeWorkspaces()
  })

  type Setup = (ws: string) => Promise<string>
  const cases: [string, Setup, RegExp][] = [
    [
      'a symlink to a file outside',
      async (ws) => {
        await symlink(outsideFile, join(ws, 'link.yml'))
        return 'link.yml'
      },
      /outside the workspace/,
    ],
    [
      'a ../ path',
      () => Promise.resolve(`../${outside.split('/').pop()}/credentials.yml`),
      /outside the workspace/,
    ],
    ['an absolute path outside', () => Promise.resolve(outsideFile), /outside the workspace/],
    [
      'a symlink to /dev/zero',
      async (ws) => {
        await symlink('/dev/zero', join(ws, 'zero.yml'))
        return 'zero.yml'
      },
      /outside the workspace/,
    ],
    [
      'a FIFO inside the workspace',
      (ws) => {
        execFileSync('mkfifo', [join(ws, 'fifo.yml')])
        return Promise.resolve('fifo.yml')
      },
      /not a regular file/,
    ],
    [
      'a directory',
      async (ws) => {
        await mkdir(join(ws, 'dir.yml'))
        return 'dir.yml'
      },
      /is a directory/,
    ],
    [
      'a file over 1 MiB',
      async (ws) => {
        await writeFile(join(ws, 'big.yml'), `version: 1\n# ${'x'.repeat(1024 * 1024)}\n`)
        return 'big.yml'
      },
      /larger than 1 MiB/,
    ],
  ]

  for (const mode of ['validate', 'gate']) {
    it.each(cases)(
      `${mode}: %s → a config error naming config, nothing quoted`,
      async (_name, setup, message) => {
        const ws = await workspaceWith('version: 1\n', 'placeholder.yml')
        const config = await setup(ws)
        const started = Date.now()
        const r = await runAction({ inputs: { mode, config, record: false }, cwd: ws, timeoutMs: 15_000 })
        expect(r.timedOut).toBe(false)
        expect(Date.now() - started).toBeLessThan(15_000)
        expect(r.exitCode).toBe(1)
        const errors = r.annotations.filter((a) => a.level === 'error')
        expect(errors.some((a) => a.message.startsWith('config: ') && message.test(a.message))).toBe(true)
        const written = everythingWritten(r)
        expect(written).not.toContain('ghs_plantedSecretToken')
        expect(written).not.toContain('x-access-token')
        if (mode === 'validate') expect(r.outputs['failed-checks']).toBe('config')
      },
      30_000,
    )
  }

  it('threat 7: a YAML alias bomb is refused quickly with a message naming config', async () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
      'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
      '',
    ].join('\n')
    const ws = await workspaceWith(bomb, 'bomb.yml')
    const r = await runAction({
      inputs: { mode: 'validate', config: 'bomb.yml' },
      cwd: ws,
      timeoutMs: 15_000,
    })
    expect(r.timedOut).toBe(false)
    expect(r.exitCode).toBe(1)
    expect(r.annotations.some((a) => a.level === 'error' && /^config: .*alias/.test(a.message))).toBe(true)
  }, 30_000)
})
