/**
 * Issue 24 item 1: the tests find the shared data through testkit/shared-dir.ts, and the vendored copy in
 * third_party/shared/ is ../shared's fixtures/ and data/nab/ byte for byte whenever ../shared exists.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  REPO_ROOT,
  resolveSharedDir,
  SHARED_DIR_ENV,
  SIBLING_SHARED_DIR,
  VENDORED_PARTS,
  VENDORED_SHARED_DIR,
} from '../../testkit/shared-dir.ts'

/** Every file under `dir`, as `/`-separated paths relative to it, sorted. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort()
}

describe('resolveSharedDir', () => {
  const only =
    (...present: string[]) =>
    (path: string): boolean =>
      present.includes(path)

  it('takes DEPLOY_GATE_SHARED_DIR first, when it exists', () => {
    expect(
      resolveSharedDir({ [SHARED_DIR_ENV]: '/data/shared' }, only('/data/shared', SIBLING_SHARED_DIR)),
    ).toBe('/data/shared')
  })

  it('refuses a DEPLOY_GATE_SHARED_DIR that does not exist, rather than reading something else', () => {
    expect(() => resolveSharedDir({ [SHARED_DIR_ENV]: '/nowhere' }, only(SIBLING_SHARED_DIR))).toThrow(
      `${SHARED_DIR_ENV}=/nowhere: no such directory`,
    )
  })

  it('then ../shared beside the repository, when it exists', () => {
    expect(resolveSharedDir({}, only(SIBLING_SHARED_DIR))).toBe(SIBLING_SHARED_DIR)
    expect(resolveSharedDir({ [SHARED_DIR_ENV]: '' }, only(SIBLING_SHARED_DIR))).toBe(SIBLING_SHARED_DIR)
  })

  it('else the vendored copy in the repository (a checkout on GitHub)', () => {
    expect(resolveSharedDir({}, only())).toBe(VENDORED_SHARED_DIR)
    expect(VENDORED_SHARED_DIR).toBe(join(REPO_ROOT, 'third_party', 'shared'))
  })
})

describe('third_party/shared', () => {
  it.each(VENDORED_PARTS)('has %s, with files in it', (part) => {
    expect(filesUnder(join(VENDORED_SHARED_DIR, part)).length).toBeGreaterThan(0)
  })

  it('keeps the NAB licence and readme with the data', () => {
    expect(existsSync(join(VENDORED_SHARED_DIR, 'data', 'nab', 'NOTICE'))).toBe(true)
    expect(existsSync(join(VENDORED_SHARED_DIR, 'data', 'nab', 'README.md'))).toBe(true)
  })

  it('says what it is, where it comes from, not to edit it, and how it is checked', () => {
    const readme = readFileSync(join(VENDORED_SHARED_DIR, 'README.md'), 'utf8')
    expect(readme).toContain('do not edit it')
    expect(readme).toContain('scripts/vendor-shared.ts')
    expect(readme).toContain('__tests__/testkit/shared-dir.test.ts')
  })

  it.skipIf(!existsSync(SIBLING_SHARED_DIR)).each(VENDORED_PARTS)(
    'equals ../shared/%s byte for byte (refresh with: npx node scripts/vendor-shared.ts)',
    (part) => {
      const original = join(SIBLING_SHARED_DIR, part)
      const copy = join(VENDORED_SHARED_DIR, part)
      const files = filesUnder(original)
      expect(filesUnder(copy)).toEqual(files)
      const differing = files.filter(
        (f) => !readFileSync(join(original, f)).equals(readFileSync(join(copy, f))),
      )
      expect(differing).toEqual([])
    },
  )
})
