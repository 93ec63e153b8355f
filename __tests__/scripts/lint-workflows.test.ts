/** Issue 24 item 3: `npm run lint` checks the workflows and action.yml against SchemaStore's schemas, offline. */
import { describe, expect, it } from 'vitest'
import { actionsFiles, kindOf, lintFiles, lintText } from '../../scripts/lint-workflows.ts'

const WORKFLOW = `name: x
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: echo hi
`
const ACTION = `name: x
description: y
runs:
  using: node24
  main: dist/index.js
`

describe('lint-workflows', () => {
  it('checks the workflows, action.yml and the example workflows (not the example gate config)', () => {
    const files = actionsFiles()
    expect(files).toEqual(
      expect.arrayContaining([
        '.github/workflows/ci.yml',
        '.github/workflows/release.yml',
        'action.yml',
        'examples/deploy.yml',
        'examples/rollback.yml',
        'examples/pr-check.yml',
      ]),
    )
    expect(files).not.toContain('examples/deploy-gate.yml')
    expect(kindOf('action.yml')).toBe('action')
    expect(kindOf('.github/workflows/ci.yml')).toBe('workflow')
  })

  it('finds no problem in this repository', () => {
    expect(lintFiles()).toEqual([])
  })

  it('accepts a valid workflow and a node24 action', () => {
    expect(lintText(WORKFLOW, 'workflow', 'w.yml')).toEqual([])
    expect(lintText(ACTION, 'action', 'action.yml')).toEqual([])
  })

  it.each([
    [
      'a misspelt job key',
      WORKFLOW.replace('steps:', 'stepz:'),
      'workflow',
      '/jobs/a must NOT have additional properties: stepz',
    ],
    [
      'a misspelt trigger',
      WORKFLOW.replace('on: push', 'on: pushh'),
      'workflow',
      '/on must be equal to one of the allowed values',
    ],
    [
      'a runtime GitHub does not run',
      ACTION.replace('node24', 'node99'),
      'action',
      '/runs/using must be equal to one of the allowed values',
    ],
    [
      'an action without description',
      ACTION.replace('description: y\n', ''),
      'action',
      "must have required property 'description'",
    ],
    ['broken YAML', 'jobs: [\n', 'workflow', 'YAML: '],
  ] as const)('names %s', (_what, text, kind, message) => {
    const problems = lintText(text, kind, 'f.yml')
    expect(problems.map((p) => p.message).join('\n')).toContain(message)
    expect(problems.every((p) => p.file === 'f.yml')).toBe(true)
  })
})
