/** The source hash that tells a fresh clone its committed dist/ is current (issue 15, item 4). */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sourceHash, staleDistReason, writeSourceHash } from '../../scripts/source-hash.ts'

let root: string

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'source-hash-'))
  mkdirSync(join(root, 'src', 'gate'), { recursive: true })
  writeFileSync(join(root, 'src', 'index.ts'), 'export {}\n')
  writeFileSync(join(root, 'src', 'gate', 'mode.ts'), 'export const a = 1\n')
  writeFileSync(join(root, 'package.json'), '{"name":"x"}\n')
  writeFileSync(join(root, 'package-lock.json'), '{}\n')
  writeFileSync(join(root, 'tsconfig.json'), '{}\n')
  mkdirSync(join(root, 'dist'))
  writeFileSync(join(root, 'dist', 'index.js'), '// built\n')
})

afterEach(() => rmSync(root, { recursive: true, force: true }))

describe('sourceHash', () => {
  it('depends on contents only: new file times (a fresh clone) change nothing, CRLF reads as LF', () => {
    const before = sourceHash(root)
    utimesSync(join(root, 'src', 'index.ts'), new Date(), new Date(Date.now() + 86_400_000))
    expect(sourceHash(root)).toBe(before)
    writeFileSync(join(root, 'src', 'gate', 'mode.ts'), 'export const a = 1\r\n')
    expect(sourceHash(root)).toBe(before)
    expect(before).toMatch(/^sha256:[0-9a-f]{64}$/)
  })

  it.each([
    ['a source file changes', 'src/gate/mode.ts', 'export const a = 2\n'],
    ['a source file is added', 'src/gate/new.ts', ''],
    ['package.json changes', 'package.json', '{"name":"y"}\n'],
    ['package-lock.json changes', 'package-lock.json', '{"lockfileVersion":3}\n'],
    ['tsconfig.json changes', 'tsconfig.json', '{"compilerOptions":{}}\n'],
  ])('changes when %s', (_what, file, text) => {
    const before = sourceHash(root)
    writeFileSync(join(root, file), text)
    expect(sourceHash(root)).not.toBe(before)
  })

  it('ignores files outside the build inputs (tests, docs, dist)', () => {
    const before = sourceHash(root)
    writeFileSync(join(root, 'README.md'), 'docs\n')
    writeFileSync(join(root, 'dist', 'index.js'), '// rebuilt\n')
    expect(sourceHash(root)).toBe(before)
  })
})

describe('staleDistReason', () => {
  it('says why dist/ is not current, and nothing once the build recorded the hash', () => {
    expect(staleDistReason(root)).toBe('dist/source-hash.txt is missing')
    writeSourceHash(root)
    expect(staleDistReason(root)).toBeUndefined()
    writeFileSync(join(root, 'src', 'index.ts'), 'export const changed = true\n')
    expect(staleDistReason(root)).toMatch(/built from other sources/)
    rmSync(join(root, 'dist', 'index.js'))
    expect(staleDistReason(root)).toBe('dist/index.js is missing')
  })
})
