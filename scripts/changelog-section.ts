/**
 * CHANGELOG.md (Keep a Changelog 1.1.0): its sections, one version's notes for its GitHub Release, and whether
 * package.json's version is in step with it. Node built-ins only, so a release job runs it without `npm ci`.
 *
 *   node scripts/changelog-section.ts 1.2.0 [CHANGELOG.md]   prints the notes of `## [1.2.0] - YYYY-MM-DD` (a leading
 *                                                            `v` is allowed); exits 1 when there is no such section
 *                                                            or it is empty
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const UNRELEASED = 'Unreleased'

export interface ChangelogSection {
  /** `Unreleased` or a version (`1.2.0`, `1.3.0-rc.1`). */
  readonly version: string
  /** `YYYY-MM-DD` after the heading, when there is one. */
  readonly date?: string
  /** The heading as written. */
  readonly heading: string
  /** What is under the heading up to the next `## `, blank lines at both ends and link definitions left out. */
  readonly body: string
}

const SECTION_HEADING = /^## (.*)$/
const KEEP_A_CHANGELOG_HEADING = /^\[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?\s*$/
/** `[1.2.0]: https://…` — Keep a Changelog's link definitions at the end of the file. */
const LINK_DEFINITION = /^\[[^\]]+\]:\s+\S+\s*$/
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*))?$/

/** The `## ` sections in file order (the text before the first one — title and preamble — is not a section). */
export function parseChangelog(text: string): ChangelogSection[] {
  const sections: { heading: string; lines: string[] }[] = []
  for (const line of text.replace(/\r\n/g, '\n').split('\n')) {
    const heading = SECTION_HEADING.exec(line)
    if (heading) sections.push({ heading: heading[1]!.trim(), lines: [] })
    else if (!LINK_DEFINITION.test(line)) sections.at(-1)?.lines.push(line)
  }
  return sections.map(({ heading, lines }) => {
    const match = KEEP_A_CHANGELOG_HEADING.exec(heading)
    const body = lines
      .join('\n')
      .replace(/^\s*\n/, '')
      .trimEnd()
    return {
      version: match?.[1] ?? heading,
      ...(match?.[2] !== undefined ? { date: match[2] } : {}),
      heading,
      body,
    }
  })
}

/** The notes of one version (`1.2.0` or `v1.2.0`); throws when the section is missing or empty. */
export function changelogSection(text: string, version: string): string {
  const wanted = version.replace(/^v/, '')
  const section = parseChangelog(text).find((s) => s.version === wanted)
  if (section === undefined) throw new Error(`CHANGELOG.md has no section "## [${wanted}] - YYYY-MM-DD"`)
  if (section.body === '') throw new Error(`CHANGELOG.md: the section of ${wanted} is empty`)
  return section.body
}

/** Semantic Versioning 2.0.0 precedence (build metadata is not allowed here): negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const [pa, pb] = [SEMVER.exec(a), SEMVER.exec(b)]
  if (!pa || !pb) throw new Error(`not a version: ${pa ? b : a}`)
  for (const i of [1, 2, 3]) {
    const d = Number(pa[i]) - Number(pb[i])
    if (d !== 0) return d
  }
  const [ra, rb] = [pa[4]?.split('.') ?? [], pb[4]?.split('.') ?? []]
  if (ra.length === 0 || rb.length === 0) return rb.length - ra.length // a pre-release is below its release
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
    const [x, y] = [ra[i]!, rb[i]!]
    if (x === y) continue
    const [nx, ny] = [/^\d+$/.test(x), /^\d+$/.test(y)]
    if (nx && ny) return Number(x) - Number(y)
    if (nx !== ny) return nx ? -1 : 1
    return x < y ? -1 : 1
  }
  return ra.length - rb.length
}

/**
 * What keeps package.json's version and the CHANGELOG out of step (empty when in step): every section is
 * `## [Unreleased]` (first, at most once) or `## [X.Y.Z] - YYYY-MM-DD`, newest first; package.json's version is the
 * newest released one — or, before the first release, `Unreleased` is on top.
 */
export function versionProblems(text: string, packageVersion: string): string[] {
  const sections = parseChangelog(text)
  const problems: string[] = []
  sections.forEach((s, i) => {
    if (s.version === UNRELEASED) {
      if (i !== 0) problems.push(`## [${UNRELEASED}] must be the first section`)
      if (s.date !== undefined) problems.push(`## [${UNRELEASED}] has no date`)
    } else if (!SEMVER.test(s.version) || s.date === undefined) {
      problems.push(`"## ${s.heading}" is not "## [${UNRELEASED}]" or "## [X.Y.Z] - YYYY-MM-DD"`)
    }
  })
  const released = sections.map((s) => s.version).filter((v) => v !== UNRELEASED && SEMVER.test(v))
  released.slice(1).forEach((v, i) => {
    if (compareVersions(released[i]!, v) <= 0)
      problems.push(`${released[i]} is listed above ${v}: newest first`)
  })
  const newest = released[0]
  if (newest === undefined) {
    if (sections[0]?.version !== UNRELEASED)
      problems.push(`nothing released yet, so ## [${UNRELEASED}] comes first`)
  } else if (newest !== packageVersion) {
    problems.push(
      `package.json has version ${packageVersion}, the newest release in CHANGELOG.md is ${newest}`,
    )
  }
  return problems
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [version, file = 'CHANGELOG.md'] = process.argv.slice(2)
  if (version === undefined) {
    console.error('usage: node scripts/changelog-section.ts VERSION [CHANGELOG.md]')
    process.exit(2)
  }
  try {
    process.stdout.write(`${changelogSection(readFileSync(file, 'utf8'), version)}\n`)
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err))
    process.exit(1)
  }
}
