/**
 * Issue 11: the examples must show the deploy job as it works on github.com — `environment: {deployment: false}`
 * (no second deployment record from Actions) and the download step with `github-token` + `run-id`, so that a re-run
 * of only the deploy job can read the build of the earlier attempt (actions/download-artifact#486).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const root = new URL('../../', import.meta.url)
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8')

interface Step {
  readonly uses?: string
  readonly with?: Record<string, unknown>
}
interface Workflow {
  readonly jobs: Record<
    string,
    { environment?: unknown; steps?: Step[]; permissions?: Record<string, string> }
  >
}

describe('examples/deploy.yml', () => {
  const deploy = (parse(read('examples/deploy.yml')) as Workflow).jobs['deploy']!

  it('names the environment with deployment: false', () => {
    expect(deploy.environment).toEqual({ name: 'production', deployment: false })
  })

  it('downloads the build with github-token and run-id, and has actions: read for it', () => {
    const download = deploy.steps!.find((s) => s.uses?.startsWith('actions/download-artifact@'))!
    expect(download.with).toMatchObject({
      'github-token': '${{ github.token }}',
      'run-id': '${{ github.run_id }}',
    })
    expect(deploy.permissions).toMatchObject({ actions: 'read' })
  })

  it('says why, with the links, in the example, the README and docs/rollback.md', () => {
    for (const file of ['examples/deploy.yml', 'README.md', 'docs/rollback.md']) {
      const text = read(file)
      expect(text, file).toContain('https://github.com/actions/download-artifact/issues/486')
      expect(text, file).toContain('deployment: false')
    }
  })
})
