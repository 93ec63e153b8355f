/**
 * Issue 24 item 2: a release's notes are its CHANGELOG section (scripts/changelog-section.ts, run by release.yml), and
 * package.json's version stays in step with the CHANGELOG.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  changelogSection,
  compareVersions,
  parseChangelog,
  versionProblems,
} from '../../scripts/changelog-section.ts'

const root = new URL('../../', import.meta.url)
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8')

const CHANGELOG = `# Changelog

Preamble that is not a section.

## [Unreleased]

### Added

- next thing

## [1.1.0] - 2026-03-02

### Added

- \`service-selector\`

### Fixed

- a fix, with a [link](https://example.com)

## [1.0.0] - 2026-01-15

- first release

[Unreleased]: https://github.com/deploy-gate/deploy-gate/compare/v1.1.0...HEAD
[1.1.0]: https://github.com/deploy-gate/deploy-gate/compare/v1.0.0...v1.1.0
[1.0.0]: https://github.com/deploy-gate/deploy-gate/releases/tag/v1.0.0
`

describe('parseChangelog', () => {
  it('reads the sections in order with their dates, leaving out the preamble and the link definitions', () => {
    const sections = parseChangelog(CHANGELOG)
    expect(sections.map((s) => [s.version, s.date])).toEqual([
      ['Unreleased', undefined],
      ['1.1.0', '2026-03-02'],
      ['1.0.0', '2026-01-15'],
    ])
    expect(sections[2]!.body).toBe('- first release')
  })
})

describe('changelogSection', () => {
  it('is the body of the version, without its heading, up to the next section', () => {
    expect(changelogSection(CHANGELOG, '1.1.0')).toBe(
      '### Added\n\n- `service-selector`\n\n### Fixed\n\n- a fix, with a [link](https://example.com)',
    )
  })

  it('takes the tag as well as the version', () => {
    expect(changelogSection(CHANGELOG, 'v1.0.0')).toBe('- first release')
  })

  it('reads CRLF as LF', () => {
    expect(changelogSection(CHANGELOG.replace(/\n/g, '\r\n'), '1.0.0')).toBe('- first release')
  })

  it.each([
    ['a version with no section', '1.2.0', 'CHANGELOG.md has no section "## [1.2.0] - YYYY-MM-DD"'],
    ['a prefix of a version', '1.1', 'CHANGELOG.md has no section "## [1.1] - YYYY-MM-DD"'],
  ])('refuses %s', (_what, version, message) => {
    expect(() => changelogSection(CHANGELOG, version)).toThrow(message)
  })

  it('refuses an empty section rather than publishing a release without notes', () => {
    expect(() =>
      changelogSection('## [1.0.0] - 2026-01-15\n\n\n## [0.9.0] - 2026-01-01\n- x\n', '1.0.0'),
    ).toThrow('the section of 1.0.0 is empty')
  })

  it('as a command prints the notes, and exits 1 with the reason when there are none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'changelog-'))
    try {
      const file = join(dir, 'CHANGELOG.md')
      writeFileSync(file, CHANGELOG)
      const script = new URL('scripts/changelog-section.ts', root).pathname
      expect(execFileSync(process.execPath, [script, 'v1.0.0', file], { encoding: 'utf8' })).toBe(
        '- first release\n',
      )
      expect(() => execFileSync(process.execPath, [script, '9.9.9', file], { stdio: 'pipe' })).toThrow(
        /no section "## \[9\.9\.9\]/,
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('compareVersions', () => {
  it.each([
    ['1.0.0', '1.0.1', -1],
    ['1.10.0', '1.9.0', 1],
    ['2.0.0', '2.0.0', 0],
    ['1.0.0-rc.1', '1.0.0', -1],
    ['1.0.0-rc.2', '1.0.0-rc.10', -1],
    ['1.0.0-alpha', '1.0.0-alpha.1', -1],
    ['1.0.0-1', '1.0.0-alpha', -1],
  ])('%s against %s', (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign)
  })
})

describe('versionProblems', () => {
  it('accepts package.json at the newest release, with Unreleased on top', () => {
    expect(versionProblems(CHANGELOG, '1.1.0')).toEqual([])
  })

  it('accepts the release commit: the new version on top, no Unreleased', () => {
    expect(versionProblems('## [1.0.0] - 2026-01-15\n\n- first\n', '1.0.0')).toEqual([])
  })

  it('accepts nothing released yet when Unreleased comes first', () => {
    expect(versionProblems('## [Unreleased]\n\n- all of it\n', '0.1.0')).toEqual([])
  })

  it.each([
    [
      'package.json ahead of the CHANGELOG',
      CHANGELOG,
      '1.2.0',
      'package.json has version 1.2.0, the newest release in CHANGELOG.md is 1.1.0',
    ],
    [
      'package.json behind it',
      CHANGELOG,
      '1.0.0',
      'package.json has version 1.0.0, the newest release in CHANGELOG.md is 1.1.0',
    ],
    [
      'Unreleased below a release',
      '## [1.0.0] - 2026-01-15\n- a\n## [Unreleased]\n- b\n',
      '1.0.0',
      '## [Unreleased] must be the first section',
    ],
    [
      'a release without a date',
      '## [1.0.0]\n- a\n',
      '1.0.0',
      '"## [1.0.0]" is not "## [Unreleased]" or "## [X.Y.Z] - YYYY-MM-DD"',
    ],
    [
      'a heading that is no version',
      '## 1.0.0 - 2026-01-15\n- a\n',
      '1.0.0',
      '"## 1.0.0 - 2026-01-15" is not',
    ],
    [
      'releases out of order',
      '## [1.0.0] - 2026-01-15\n- a\n## [1.1.0] - 2026-03-02\n- b\n',
      '1.0.0',
      '1.0.0 is listed above 1.1.0: newest first',
    ],
    [
      'no release and no Unreleased',
      '# Changelog\n',
      '0.1.0',
      'nothing released yet, so ## [Unreleased] comes first',
    ],
  ])('names %s', (_what, text, version, problem) => {
    expect(versionProblems(text, version).join('\n')).toContain(problem)
  })

  it('holds for this repository: package.json and CHANGELOG.md are in step', () => {
    const pkg = JSON.parse(read('package.json')) as { version: string }
    expect(versionProblems(read('CHANGELOG.md'), pkg.version)).toEqual([])
  })

  it("the repository's newest section has notes (what a release of it would publish)", () => {
    const newest = parseChangelog(read('CHANGELOG.md'))[0]!
    expect(newest.body.length).toBeGreaterThan(0)
  })
})
