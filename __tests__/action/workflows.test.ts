/**
 * Issue 24 items 1–2: CI runs the same .ci/run on GitHub's runners (in a root Debian container, so the Debian packages
 * the tests need are installed the same way), a self-test uses `./` in gate mode against a Prometheus and
 * node_exporter on the runner and records in the real Deployments API, and a `vX.Y.Z` tag publishes a Release with its
 * CHANGELOG section and moves the major tag.
 */
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const root = new URL('../../', import.meta.url)
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8')

interface Step {
  readonly id?: string
  readonly name?: string
  readonly uses?: string
  readonly run?: string
  readonly with?: Record<string, string | number | boolean>
  readonly env?: Record<string, string>
}
interface Job {
  readonly 'runs-on'?: string
  readonly container?: { image: string; options?: string }
  readonly defaults?: { run?: { shell?: string } }
  readonly permissions?: Record<string, string>
  readonly needs?: string | string[]
  readonly steps: Step[]
}
interface Workflow {
  readonly on: Record<string, unknown>
  readonly permissions?: Record<string, string>
  readonly jobs: Record<string, Job>
}

const workflow = (path: string): Workflow => parse(read(path)) as Workflow
const ci = workflow('.github/workflows/ci.yml')
const release = workflow('.github/workflows/release.yml')

/** Index of the first step whose `run` contains `text` (-1 when none). */
const runIndex = (job: Job, text: string): number => job.steps.findIndex((s) => s.run?.includes(text))
const runOf = (job: Job, text: string): string => job.steps[runIndex(job, text)]?.run ?? ''

/** GitHub's filter pattern for refs: `*` is any characters but `/`, the rest is literal here. */
const matchesRefFilter = (pattern: string, ref: string): boolean =>
  new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`).test(ref)

/** The Debian packages a scripts/ensure-*.sh installs: each `missing="$missing NAME"`. */
const packagesOf = (script: string): string[] =>
  [...read(script).matchAll(/missing="\$missing ([a-z0-9.+-]+)"/g)].map((m) => m[1]!)

const ENSURE_SCRIPTS = ['scripts/ensure-prometheus.sh', 'scripts/ensure-apps.sh'] as const

describe('.ci/run', () => {
  const script = read('.ci/run')

  it('installs the Debian packages, then installs, lints, type checks, tests, and checks dist/ against a fresh build', () => {
    const order = [
      'sh scripts/ensure-prometheus.sh',
      'sh scripts/ensure-apps.sh',
      'npm ci',
      'npm run lint',
      'npm run typecheck',
      'npm test',
      'npm run build',
      'git status --porcelain dist/',
    ].map((command) => script.indexOf(command))
    expect(order).not.toContain(-1)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
  })

  it("npm run lint checks the workflows and action.yml against SchemaStore's schemas", () => {
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> }
    expect(pkg.scripts['lint']).toContain('node scripts/lint-workflows.ts')
  })
})

describe('ci.yml: the test job', () => {
  const test = ci.jobs['test']!

  it('runs on pushes to main and on pull requests, with a read-only token', () => {
    expect(ci.on).toEqual({ push: { branches: ['main'] }, pull_request: null })
    expect(ci.permissions).toEqual({ contents: 'read' })
  })

  it('runs in node:24-bookworm (the Debian and Node of a developer machine) as root, steps in bash', () => {
    expect(test['runs-on']).toBe('ubuntu-latest')
    expect(test.container?.image).toBe('node:24-bookworm')
    expect(test.container?.options).toMatch(/(^|\s)--user root(\s|$)/)
    expect(test.defaults?.run?.shell).toBe('bash')
    expect(read('.node-version').trim()).toBe('24')
  })

  it('runs .ci/run itself, after checkout and after letting git read the root-owned view of the checkout', () => {
    expect(test.steps[0]!.uses).toMatch(/^actions\/checkout@v\d+$/)
    const ciRun = runIndex(test, 'bash .ci/run')
    expect(ciRun).toBeGreaterThan(0)
    expect(runIndex(test, 'safe.directory "$GITHUB_WORKSPACE"')).toBeGreaterThan(0)
    expect(runIndex(test, 'safe.directory')).toBeLessThan(ciRun)
  })

  it('keeps the runner variables out of the tests, as on a developer machine', () => {
    expect(runOf(test, 'bash .ci/run')).toContain("unset $(compgen -e | grep -E '^(GITHUB|RUNNER|ACTIONS)_')")
  })

  it("caches npm's cache directory, keyed by package-lock.json", () => {
    const cache = test.steps.find((s) => s.uses?.startsWith('actions/cache@'))!
    const dirStep = test.steps.find((s) => s.run?.includes('npm config get cache'))!
    expect(cache.with?.['path']).toBe(`\${{ steps.${dirStep.id}.outputs.dir }}`)
    expect(cache.with?.['key']).toContain("hashFiles('package-lock.json')")
    expect(test.steps.indexOf(cache)).toBeLessThan(runIndex(test, 'bash .ci/run'))
  })

  describe('installs every Debian package that scripts/ensure-*.sh install', () => {
    it.each(ENSURE_SCRIPTS)('%s installs with apt-get, after apt-get update, when root', (script) => {
      const text = read(script)
      expect(text).toContain('if [ "$(id -u)" = 0 ] && command -v apt-get')
      expect(text.indexOf('apt-get update')).toBeGreaterThan(0)
      expect(text.indexOf('apt-get update')).toBeLessThan(text.indexOf('apt-get install'))
      expect(text).toMatch(/apt-get install [^\n]*\$missing/)
    })

    const packages = ENSURE_SCRIPTS.flatMap((script) =>
      packagesOf(script).map((pkg) => [pkg, script] as const),
    )

    it('(the scripts name the packages the README lists)', () => {
      expect(packages.map(([pkg]) => pkg).sort()).toEqual(
        [
          'golang-github-prometheus-client-golang-dev',
          'golang-go',
          'prometheus',
          'prometheus-node-exporter',
          'python3-django-prometheus',
          'python3-prometheus-client',
          'victoria-metrics',
        ].sort(),
      )
    })

    it.each(packages)(
      '%s: %s runs as root in the Debian container, before .ci/run runs it again',
      (_pkg, script) => {
        const ownStep = runIndex(test, `sh ${script}`)
        expect(ownStep).toBeGreaterThanOrEqual(0)
        expect(ownStep).toBeLessThan(runIndex(test, 'bash .ci/run'))
        expect(read('.ci/run')).toContain(`sh ${script}`)
      },
    )
  })
})

describe('ci.yml: the self-test job', () => {
  const selfTest = ci.jobs['self-test']!
  const gate = selfTest.steps.find((s) => s.uses === './')!
  const monitoring = read('scripts/self-test-monitoring.sh')
  const inputs = Object.keys((parse(read('action.yml')) as { inputs: Record<string, unknown> }).inputs)

  it('runs on the runner itself, with the permissions the gate needs to record', () => {
    expect(selfTest['runs-on']).toBe('ubuntu-latest')
    expect(selfTest.container).toBeUndefined()
    expect(selfTest.permissions).toEqual({ contents: 'read', deployments: 'write', actions: 'read' })
  })

  it('starts Prometheus and node_exporter on 127.0.0.1 from the distribution packages before the gate', () => {
    const start = runIndex(selfTest, 'sh scripts/self-test-monitoring.sh')
    expect(start).toBeGreaterThan(0)
    expect(start).toBeLessThan(selfTest.steps.indexOf(gate))
    expect(monitoring).toMatch(/apt-get install[^\n]*\n?[^\n]*prometheus prometheus-node-exporter/)
    expect(monitoring).toContain('--web.listen-address="127.0.0.1:$node_port"')
    expect(monitoring).toContain('--web.listen-address="127.0.0.1:$prometheus_port"')
  })

  it('uses ./ in gate mode, recording, against that Prometheus and that node_exporter', () => {
    const port = (name: string): string =>
      new RegExp(`${name}="\\$\\{[A-Z_]+:-(\\d+)\\}"`).exec(monitoring)![1]!
    expect(gate.with).toMatchObject({
      mode: 'gate',
      environment: 'self-test',
      'prometheus-url': `http://127.0.0.1:${port('prometheus_port')}`,
    })
    expect(String(gate.with?.['host-selector'])).toContain(`instance="127.0.0.1:${port('node_port')}"`)
    expect(gate.with?.['record']).not.toBe(false)
    expect(gate.with?.['dry-run']).not.toBe(true)
    for (const input of Object.keys(gate.with ?? {})) expect(inputs).toContain(input)
  })

  it('then checks the verdict, and on a push the deployment it recorded in the Deployments API', () => {
    const check = selfTest.steps[selfTest.steps.indexOf(gate) + 1]!
    expect(check.env).toMatchObject({
      VERDICT: `\${{ steps.${gate.id}.outputs.verdict }}`,
      DEPLOYMENT_ID: `\${{ steps.${gate.id}.outputs.deployment-id }}`,
    })
    expect(check.run).toContain('deployments/$DEPLOYMENT_ID/statuses')
  })
})

describe('ci.yml: validate mode on the example config', () => {
  const validate = ci.jobs['validate-example']!.steps.find((s) => s.uses === './')!

  it('uses ./ in validate mode on examples/deploy-gate.yml', () => {
    expect(validate.with).toMatchObject({ mode: 'validate', config: 'examples/deploy-gate.yml' })
    expect(existsSync(new URL('examples/deploy-gate.yml', root))).toBe(true)
  })
})

describe('release.yml', () => {
  const check = release.jobs['check']!
  const publish = release.jobs['publish']!

  it('runs on v*.*.* tag pushes only — never on the major tag it moves', () => {
    expect(release.on).toEqual({ push: { tags: ['v*.*.*'] } })
    const pattern = (release.on['push'] as { tags: string[] }).tags[0]!
    for (const tag of ['v1.0.0', 'v1.10.2', 'v2.0.0-rc.1']) expect(matchesRefFilter(pattern, tag)).toBe(true)
    for (const tag of ['v1', 'v1.2', '1.0.0']) expect(matchesRefFilter(pattern, tag)).toBe(false)
    expect(release.permissions).toEqual({ contents: 'read' })
  })

  it('checks that the tag is v + package.json version and that the CHANGELOG has its section', () => {
    const step = runOf(check, 'package.json')
    expect(step).toContain('"$GITHUB_REF_NAME" != "v$version"')
    expect(step).toContain('node scripts/changelog-section.ts "$version"')
  })

  it('runs .ci/run (tests and the dist check) in the same container as CI, before publishing', () => {
    expect(check.container).toEqual(ci.jobs['test']!.container)
    expect(runIndex(check, 'bash .ci/run')).toBeGreaterThan(runIndex(check, 'package.json'))
    expect(publish.needs).toBe('check')
  })

  it('publishes the GitHub Release with the CHANGELOG section as its notes, with gh and the job token', () => {
    expect(publish.permissions).toEqual({ contents: 'write' })
    const notes = runOf(publish, 'scripts/changelog-section.ts')
    expect(notes).toContain(
      'node scripts/changelog-section.ts "$GITHUB_REF_NAME" > "$RUNNER_TEMP/release-notes.md"',
    )
    const create = publish.steps[runIndex(publish, 'gh release create')]!
    expect(create.run).toContain('--notes-file "$RUNNER_TEMP/release-notes.md"')
    expect(create.run).toContain('--verify-tag')
    expect(create.env).toEqual({ GH_TOKEN: '${{ github.token }}' })
    expect(runIndex(publish, 'gh release create')).toBeGreaterThan(
      runIndex(publish, 'scripts/changelog-section.ts'),
    )
  })

  it('moves the major tag to the release, as actions/checkout and actions/cache do', () => {
    const move = runOf(publish, 'git tag -f')
    expect(move).toContain('major="${GITHUB_REF_NAME%%.*}"')
    expect(move).toContain('git tag -f "$major" "$GITHUB_REF_NAME^{commit}"')
    expect(move).toContain('git push -f origin "refs/tags/$major"')
    expect(publish.steps[0]!.with?.['fetch-depth']).toBe(0)
    expect(runIndex(publish, 'git tag -f')).toBeGreaterThan(runIndex(publish, 'gh release create'))
  })
})
