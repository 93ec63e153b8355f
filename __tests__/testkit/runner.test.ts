import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  actionPath,
  assertBuilt,
  cleanupActionRuns,
  distPath,
  inputEnvName,
  parseFileCommand,
  parseWorkflowCommands,
  runAction,
} from '../../testkit/runner.ts'

/**
 * A stand-in for dist/index.js speaking the runner's raw protocol, as @actions/core does: heredoc outputs, saved state,
 * workflow commands; the post step (detected by STATE_isPost) reports what it received.
 */
const SCRIPT = String.raw`
import { appendFileSync, writeFileSync } from 'node:fs'
const env = process.env
const heredoc = (file, name, value) => appendFileSync(file, name + '<<ghadelimiter_1f2e\n' + value + '\nghadelimiter_1f2e\n')
if (env.STATE_isPost === 'true') {
  heredoc(env.GITHUB_OUTPUT, 'post-saw', env.STATE_deployment + '|' + env['INPUT_HEALTH-URLS'])
  appendFileSync(env.GITHUB_STEP_SUMMARY, 'post summary\n')
  console.log('::warning::post ran')
  process.exit(0)
}
heredoc(env.GITHUB_STATE, 'isPost', 'true')
heredoc(env.GITHUB_STATE, 'deployment', '1000001')
heredoc(env.GITHUB_OUTPUT, 'verdict', 'stable')
heredoc(env.GITHUB_OUTPUT, 'multi', 'line 1\nline 2')
appendFileSync(env.GITHUB_OUTPUT, 'plain=a=b\n')
writeFileSync(env.GITHUB_STEP_SUMMARY, '## deploy-gate\n')
console.log('::add-mask::s3cret-value')
console.log('token is s3cret-value')
console.log('::error title=T,file=f.yml,line=3,endLine=4,col=2::bad%0Aline')
console.log('::notice title=a%3Ab%2Cc%25::100%25 done')
console.log('::stop-commands::pause123')
console.log('::error::not a command while stopped')
console.log('::pause123::')
console.log(JSON.stringify({
  urls: env['INPUT_HEALTH-URLS'], mode: env.INPUT_MODE, spaced: env.INPUT_SOME_INPUT, api: env.GITHUB_API_URL,
  event: env.GITHUB_EVENT_NAME, workspace: env.GITHUB_WORKSPACE === process.cwd(), leaked: env.VITEST ?? null,
  node: process.versions.node.split('.')[0], runner: env.RUNNER_NAME, repo: env.GITHUB_REPOSITORY, owner: env.GITHUB_REPOSITORY_OWNER,
}))
if (env.INPUT_WAIT === 'true') {
  process.on('SIGTERM', () => { heredoc(env.GITHUB_OUTPUT, 'cancelled', 'yes'); console.log('got SIGTERM'); process.exit(1) })
  console.log('waiting for a signal')
  setInterval(() => {}, 1000)
} else if (env.INPUT_WAIT === 'unhandled') {
  console.log('waiting, no handler')
  setInterval(() => {}, 1000)
}
`

let dir: string
let script: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'runner-test-'))
  script = join(dir, 'fake-action.mjs')
  await writeFile(script, SCRIPT)
})

afterAll(async () => {
  await cleanupActionRuns()
  await rm(dir, { recursive: true, force: true })
})

describe('runAction', () => {
  it('runs main then post like the runner: inputs, env, outputs, state, summary, annotations', async () => {
    const r = await runAction({
      script,
      inputs: { mode: 'gate', 'health-urls': 'https://a.example\nhttps://b.example', 'some input': 'x' },
      apiUrl: 'http://127.0.0.1:1234',
      eventName: 'workflow_dispatch',
    })
    expect(r.exitCode).toBe(0)
    expect(r.stderr).toBe('')
    expect(r.outputs).toEqual({ verdict: 'stable', multi: 'line 1\nline 2', plain: 'a=b' })
    expect(r.state).toEqual({ isPost: 'true', deployment: '1000001' })
    expect(r.summary).toBe('## deploy-gate\n')
    const seen = JSON.parse(r.stdout.split('\n').find((l) => l.startsWith('{"urls"'))!)
    expect(seen).toEqual({
      urls: 'https://a.example\nhttps://b.example',
      mode: 'gate',
      spaced: 'x',
      api: 'http://127.0.0.1:1234',
      event: 'workflow_dispatch',
      workspace: true,
      leaked: null,
      node: '24',
      runner: 'GitHub-Actions-1000000242',
      repo: 'owner/repo',
      owner: 'owner',
    })
    expect(r.annotations).toEqual([
      { level: 'error', title: 'T', file: 'f.yml', line: 3, endLine: 4, col: 2, message: 'bad\nline' },
      { level: 'notice', title: 'a:b,c%', message: '100% done' },
    ])
    expect(r.masks).toEqual(['s3cret-value'])
    expect(r.log).toContain('token is ***')
    expect(r.log).not.toContain('s3cret-value')

    expect(r.post).toBeDefined()
    expect(r.post!.exitCode).toBe(0)
    expect(r.post!.outputs).toEqual({ 'post-saw': '1000001|https://a.example\nhttps://b.example' })
    expect(r.post!.summary).toBe('post summary\n')
    expect(r.post!.annotations).toEqual([{ level: 'warning', message: 'post ran' }])
  })

  it('skips the post step when asked', async () => {
    const r = await runAction({ script, post: false })
    expect(r.exitCode).toBe(0)
    expect(r.post).toBeUndefined()
  })

  it('delivers SIGTERM once stdout matches; the post step still runs', async () => {
    const r = await runAction({
      script,
      inputs: { wait: true },
      signalWhen: { stdoutMatches: /waiting for a signal/, signal: 'SIGTERM' },
    })
    expect(r.stdout).toContain('got SIGTERM')
    expect(r.exitCode).toBe(1)
    expect(r.outputs['cancelled']).toBe('yes')
    expect(r.post?.outputs['post-saw']).toBe('1000001|undefined')
  })

  it('reports the signal when the step does not handle it', async () => {
    const r = await runAction({
      script,
      inputs: { wait: 'unhandled' },
      post: false,
      signalWhen: { stdoutMatches: /waiting, no handler/, signal: 'SIGTERM' },
    })
    expect(r.signal).toBe('SIGTERM')
    expect(r.exitCode).toBeNull()
  })
})

describe('parsing helpers', () => {
  it('names inputs as the runner does: upper case, spaces to underscores, hyphens kept', () => {
    expect(inputEnvName('health-urls')).toBe('INPUT_HEALTH-URLS')
    expect(inputEnvName('some input')).toBe('INPUT_SOME_INPUT')
  })

  it('parses file commands and rejects malformed ones', () => {
    expect(parseFileCommand('a=1\n\nb<<EOF\nx\n\ny\nEOF\nc=\n')).toEqual({ a: '1', b: 'x\n\ny', c: '' })
    expect(() => parseFileCommand('b<<EOF\nx\n')).toThrow(/no closing delimiter EOF/)
    expect(() => parseFileCommand('nonsense\n')).toThrow(/invalid file command/)
  })

  it('parses workflow commands and ignores ordinary lines', () => {
    const parsed = parseWorkflowCommands(
      'hello\n::warning file=a%2Cb.yml::x%0D%0Ay\n::debug::d\nnot ::a command\n',
    )
    expect(parsed.commands.map((c) => c.command)).toEqual(['warning', 'debug'])
    expect(parsed.annotations).toEqual([{ level: 'warning', file: 'a,b.yml', message: 'x\r\ny' }])
  })

  it('reads commands as the runner does: lines end at \\r too, leading whitespace, ##[ anywhere, stop-commands', () => {
    const parsed = parseWorkflowCommands(
      'a\r::error title=t::lone CR\r\n \t::notice::indented\nsome text ##[warning]old form\n' +
        '::stop-commands::tok\n::error::silenced\n ::TOK:: \n::debug::back\n',
    )
    expect(parsed.commands.map((c) => [c.command, c.message])).toEqual([
      ['error', 'lone CR'],
      ['notice', 'indented'],
      ['warning', 'old form'],
      ['debug', 'back'],
    ])
  })

  it('points at the repository and explains a missing build', () => {
    expect(existsSync(join(actionPath(), 'package.json'))).toBe(true)
    expect(distPath()).toBe(join(actionPath(), 'dist', 'index.js'))
    expect(() => assertBuilt(join(dir, 'missing.js'))).toThrow(
      /missing\.js does not exist: run npm run build/,
    )
  })
})
