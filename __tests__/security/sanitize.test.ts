/** Unit tests of the one sanitiser/redactor (src/report/redact.ts), the logger's budgets and the config reader. */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readConfigFile } from '../../src/config/read-config-file.ts'
import { escapeCell, shorten } from '../../src/report/markdown.ts'
import {
  encodingsOf,
  redactRegistered,
  redactText,
  registerSecrets,
  sanitizeLine,
} from '../../src/report/redact.ts'
import { parseCommandLine, stdoutLines } from '../../testkit/workflow-commands.ts'

describe('sanitizeLine', () => {
  it.each([
    ['\r::error title=x::y', '\\r::error title=x::y'],
    ['a\n::set-output name=v::s', 'a\\n::set-output name=v::s'],
    ['  ::stop-commands::t', '  :\\:stop-commands::t'],
    ['\t::add-mask::x', '\t:\\:add-mask::x'],
    ['text ##[error]x', 'text #\\#[error]x'],
    ['nul \u0000 esc \u001b c1 \u0085 ls \u2028', 'nul \\x00 esc \\x1b c1 \\x85 ls \\u2028'],
  ])('%j → %j, which the runner reads as no command', (input, expected) => {
    const out = sanitizeLine(input)
    expect(out).toBe(expected)
    expect(stdoutLines(out).map(parseCommandLine).filter(Boolean)).toEqual([])
  })
})

describe('redaction in every encoding', () => {
  const secret = 'pr0be:p@ss word/+='
  it.each([
    ['raw', secret],
    ['URL-encoded', encodeURIComponent(secret)],
    ['form-encoded', new URLSearchParams({ s: secret }).toString().slice(2)],
    ['base64', Buffer.from(secret).toString('base64')],
    ['base64url', Buffer.from(secret).toString('base64url')],
    ['Basic header', `Basic ${Buffer.from(secret).toString('base64')}`],
  ])('%s', (_name, echoed) => {
    const out = redactText(`the server said: ${echoed}!`, [secret])
    expect(out).toContain('***')
    expect(out).not.toContain(echoed.replace(/^Basic /, ''))
  })

  it('base64 of a longer text holding the secret, at each of the three alignments', () => {
    for (const prefix of ['', 'a', 'ab']) {
      const b64 = Buffer.from(`${prefix}Bearer hlthTok-s3cr3tValue0123456789`).toString('base64')
      const out = redactText(b64, ['hlthTok-s3cr3tValue0123456789'])
      expect(out, prefix).toContain('***')
      // What is left is the encoding of the prefix and `Bearer ` and at most 4 characters at each edge.
      expect(out.replace('***', '').length, prefix).toBeLessThan(b64.length / 2)
    }
    expect(encodingsOf('')).toEqual([])
  })

  it('shorten redacts the registered secrets before the cut', () => {
    registerSecrets(['hlthTok-s3cr3tValue0123456789'])
    const text = `${'p'.repeat(70)} Bearer hlthTok-s3cr3tValue0123456789 tail`
    const cut = shorten(text, 80)
    expect(cut).not.toMatch(/hlthTok|s3cr3t|0123/)
    expect(cut).toContain('Bearer *')
    expect(redactRegistered('x hlthTok-s3cr3tValue0123456789')).toBe('x ***')
  })
})

describe('escapeCell', () => {
  it('de-links bare URLs and escapes control characters, HTML and pipes', () => {
    const cell = escapeCell('see https://evil.example/reset or www.evil.example | <b>x</b> \u0007')
    expect(cell).not.toMatch(/https:\/\/|www\./)
    expect(cell).toContain('https&#58;//evil.example/reset')
    expect(cell).toContain('www&#46;evil.example')
    expect(cell).toContain('\\|')
    expect(cell).toContain('&lt;b>')
    expect(cell).toContain('\\x07')
  })
})

describe('readConfigFile', () => {
  const ws = mkdtempSync(join(tmpdir(), 'deploy-gate-ws-'))
  const outside = mkdtempSync(join(tmpdir(), 'deploy-gate-out-'))
  afterAll(() => {
    rmSync(ws, { recursive: true, force: true })
    rmSync(outside, { recursive: true, force: true })
  })
  writeFileSync(join(ws, 'ok.yml'), 'version: 1\n')
  writeFileSync(join(outside, 'secret.yml'), 'token: ghs_secret\n')
  symlinkSync(join(outside, 'secret.yml'), join(ws, 'out.yml'))
  symlinkSync('ok.yml', join(ws, 'inside-link.yml'))
  symlinkSync('/dev/urandom', join(ws, 'rand.yml'))
  execFileSync('mkfifo', [join(ws, 'fifo.yml')])
  writeFileSync(join(ws, 'big.yml'), 'x'.repeat(1024 * 1024 + 1))
  writeFileSync(join(ws, '..hidden.yml'), 'version: 1\n')

  it('reads a file, or a link to a file, inside the workspace', () => {
    expect(readConfigFile('ok.yml', ws)).toBe('version: 1\n')
    expect(readConfigFile('inside-link.yml', ws)).toBe('version: 1\n')
    expect(readConfigFile(join(ws, 'ok.yml'), ws)).toBe('version: 1\n')
    expect(readConfigFile('..hidden.yml', ws)).toBe('version: 1\n')
  })

  it.each([
    ['out.yml', /outside the workspace/],
    ['../x.yml', /file not found|outside/],
    ['rand.yml', /outside the workspace/],
    ['fifo.yml', /not a regular file/],
    ['.', /is a directory/],
    ['big.yml', /larger than 1 MiB/],
    ['missing.yml', /file not found: missing\.yml/],
  ])('%s is refused: %s, quoting nothing', (path, message) => {
    expect(() => readConfigFile(path, ws)).toThrow(message)
    try {
      readConfigFile(path, ws)
    } catch (err) {
      expect(String(err)).not.toContain('ghs_secret')
    }
  })
})
