/**
 * docs/accuracy.md cannot drift from its data: its generated block is what the renderer makes of
 * docs/accuracy-results.json (the raw results `npm run accuracy` stored), and those results are of the settings table
 * as it stands.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ACCURACY_DOC, readResults, renderedDoc } from '../../testkit/accuracy/doc-file.ts'
import { ACCURACY_SETTINGS } from '../../testkit/accuracy/settings.ts'
import { readGuide, readReadme, renderedGuide, renderedReadme } from '../../testkit/accuracy/guide-summary.ts'

describe('docs/accuracy.md', () => {
  const doc = readFileSync(ACCURACY_DOC, 'utf8')

  it('holds the block the renderer makes of docs/accuracy-results.json (regenerate: npm run accuracy)', async () => {
    expect(doc).toBe(await renderedDoc(doc, readResults()))
  })

  it('has results for the settings of testkit/accuracy/settings.ts (changed: npm run accuracy)', () => {
    const measured = readResults().settings.map((s) => ({
      name: s.name,
      baseline: s.baseline,
      offsetSamples: s.offsetSamples,
    }))
    const table = ACCURACY_SETTINGS.map((s) => ({
      name: s.name,
      baseline: s.baseline,
      offsetSamples: s.offsetSamples ?? 0,
    }))
    expect(measured).toEqual(table)
  })

  it('docs/gate.md states the recommended settings’ figures as measured (regenerate: npm run accuracy -- --render-only)', async () => {
    const guide = readGuide()
    expect(guide).toBe(await renderedGuide(guide, readResults()))
    expect(guide).toContain('No setting meets the targets')
  })

  it('the README states the recommended settings’ range as measured (regenerate: npm run accuracy -- --render-only)', async () => {
    const readme = readReadme()
    expect(readme).toBe(await renderedReadme(readme, readResults()))
    expect(readme).toContain('No setting meets the targets')
  })

  it('credits NAB under its MIT License', () => {
    expect(doc).toContain('Copyright 2014-2024 Numenta Inc.')
    expect(doc).toContain('../shared/data/nab/NOTICE')
  })
})
