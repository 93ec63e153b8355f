/** The inputs and outputs tables of README.md are generated from action.yml; this fails when they drift. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import {
  ACTION_PATH,
  README_PATH,
  renderInputsTable,
  renderFormattedReadme,
  renderReadme,
  replaceSection,
  splitDefault,
} from '../../scripts/gen-docs.ts'

const readme = readFileSync(README_PATH, 'utf8')
const actionYml = readFileSync(ACTION_PATH, 'utf8')

describe('README.md', () => {
  it('has the inputs and outputs tables of action.yml', async () => {
    expect(readme, 'README.md tables are out of date: run `npm run docs`').toBe(
      await renderFormattedReadme(readme, actionYml),
    )
  })

  it('has each marker once', () => {
    for (const marker of ['start inputs', 'end inputs', 'start outputs', 'end outputs']) {
      expect(readme.split(`<!-- ${marker} -->`).length - 1, marker).toBe(1)
    }
  })
})

describe('gen-docs', () => {
  it('replaces only the marked section', () => {
    const doc = 'intro\n<!-- start inputs -->\nold\n<!-- end inputs -->\noutro\n'
    expect(replaceSection(doc, 'inputs', 'new')).toBe(
      'intro\n<!-- start inputs -->\n\nnew\n\n<!-- end inputs -->\noutro\n',
    )
  })

  it('is idempotent', () => {
    const once = renderReadme(readme, actionYml)
    expect(renderReadme(once, actionYml)).toBe(once)
  })

  it('fails clearly without markers', () => {
    expect(() => replaceSection('# title\n', 'inputs', 'x')).toThrow('<!-- start inputs -->')
  })

  it('splits the default off a description', () => {
    expect(splitDefault({ description: 'Time between rounds. Default `10s`.' })).toEqual({
      description: 'Time between rounds.',
      default: '`10s`',
    })
    expect(splitDefault({ description: 'Workflow (`deploy.yml`). Default `a.b`. More.' })).toEqual({
      description: 'Workflow (`deploy.yml`). More.',
      default: '`a.b`',
    })
    expect(splitDefault({ description: 'Token. Default `x`.', default: '${{ github.token }}' })).toEqual({
      description: 'Token. Default `x`.',
      default: '`${{ github.token }}`',
    })
    expect(splitDefault({ description: 'No default here.' })).toEqual({
      description: 'No default here.',
      default: '',
    })
  })

  it('escapes pipes and keeps one row per input', () => {
    const table = renderInputsTable(
      parse('inputs:\n  sel:\n    description: >-\n      a `x|y`\n      b. Default `1`.\n') as object,
    )
    expect(table.split('\n')).toEqual([
      '| input | description | default |',
      '| --- | --- | --- |',
      '| `sel` | a `x\\|y` b. | `1` |',
    ])
  })
})
