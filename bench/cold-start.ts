/**
 * Figure 2 — cold start: spawn of `node dist/index.js` (gate mode, one health URL, `record: false`) → the local health
 * server receiving the first probe request, both on this process' clock. Floor: spawn → exit of `node -e 0` on the same
 * Node. Beside it: the same with `record: true` against the local GitHub fake (the ledger's API calls come first),
 * whether `@actions/artifact`'s chunk is loaded without an upload (module load hook; a second run with a runtime token
 * shows the hook does see it when an upload is attempted), and the bundle's sizes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { startGitHubFake } from '../testkit/github-fake.ts'
import { distScript, nodeStartMs, runActionProcess, staleDistNote } from './action-process.ts'
import { startHealthServer, type LocalServer } from './local-servers.ts'
import { summarize } from './stats.ts'
import type { Row } from './table.ts'

const RUNS = 7
const TARGET_MS = 150
/** Issue 13: spawn → first probe at most this many times `node -e 0` on the same machine, in the same run. */
const TARGET_RATIO = 3.5

/** Appends the URL of every module file the process loads (ESM and CommonJS, chunks included) to BENCH_LOADED_FILE. */
const LOAD_HOOK =
  'data:text/javascript,' +
  encodeURIComponent(
    "import { registerHooks } from 'node:module'; import { appendFileSync } from 'node:fs';" +
      'registerHooks({ load(url, context, next) {' +
      " if (url.startsWith('file:')) appendFileSync(process.env.BENCH_LOADED_FILE, url + '\\n');" +
      ' return next(url, context) } })',
  )

export async function coldStart(): Promise<Row[]> {
  const stale = staleDistNote()
  const health = await startHealthServer(0)
  const fake = await startGitHubFake()
  // The fake loads GitHub's OpenAPI description on its first request: not the action's time.
  await fetch(`${fake.url}/repos/owner/repo`, { headers: { authorization: 'token bench' } })
  fake.requests.length = 0
  const inputs = {
    mode: 'gate',
    'health-urls': `${health.url}/health`,
    duration: '0s',
    record: 'false',
  }
  const floor: number[] = []
  const toProbe: number[] = []
  const recorded: number[] = []
  let apiCallsBeforeProbe = 0
  try {
    for (let run = 1; run <= RUNS; run++) {
      floor.push(await nodeStartMs(['-e', '0']))
      toProbe.push(await firstProbeMs(health, inputs))
      // A new workflow run each time, so each gate creates its deployment (a re-run attempt would reuse it). The fake
      // logs a request when it answers it, and the action waits for each answer before sending on.
      const runId = String(fake.state.addRun({ jobs: ['build', 'deploy'] }).id)
      const before = fake.requests.length
      health.onFirstRequest(() => (apiCallsBeforeProbe = fake.requests.length - before))
      const env = { GITHUB_API_URL: fake.url, GITHUB_RUN_ID: runId }
      recorded.push(await firstProbeMs(health, { ...inputs, record: 'true' }, env))
      health.onFirstRequest(undefined)
    }
    fake.assertNoViolations()
  } finally {
    await health.close()
    await fake.close()
  }
  const artifact = await artifactLoading(inputs)

  const floorStats = summarize(floor)
  const probeStats = summarize(toProbe)
  return [
    {
      figure: 'cold-start',
      measure: 'spawn → exit of `node -e 0`',
      unit: 'ms',
      stats: floorStats,
    },
    {
      figure: 'cold-start',
      measure: 'spawn of dist/index.js → first probe request received (gate, record: false)',
      unit: 'ms',
      stats: probeStats,
      floor: { value: floorStats.median, what: '`node -e 0`' },
      target: {
        text: `≤ ${TARGET_MS} ms and ≤ ${TARGET_RATIO}× floor`,
        ok: probeStats.median <= TARGET_MS && probeStats.median <= TARGET_RATIO * floorStats.median,
      },
      ...(stale ? { note: stale } : {}),
    },
    {
      figure: 'cold-start',
      measure: `same, record: true against the local GitHub fake (${apiCallsBeforeProbe} API requests first)`,
      note: "the fake checks every request and answer against GitHub's OpenAPI description: part of this is its time",
      unit: 'ms',
      stats: summarize(recorded),
      floor: { value: floorStats.median, what: '`node -e 0`' },
    },
    {
      figure: 'cold-start',
      measure:
        `@actions/artifact (${artifact.chunks.join(', ') || 'no chunk'}) not loaded without an upload` +
        ` (loaded when an upload is attempted: ${artifact.loadedWithUpload ? 'yes' : 'NO'})`,
      unit: '',
      target: {
        text: 'not loaded',
        // Without a chunk of its own, or a hook that does not see it load on an upload, the check proves nothing.
        ok:
          artifact.chunks.length > 0 &&
          artifact.inMain === 0 &&
          !artifact.loadedWithout &&
          artifact.loadedWithUpload,
      },
      note:
        artifact.inMain > 0 ? `${artifact.inMain} @actions/artifact files bundled in index.js` : undefined,
    },
    ...bundleRows(),
  ]
}

/** One spawn of the action; ms from spawn to the health server's first request. */
async function firstProbeMs(
  health: LocalServer,
  inputs: Readonly<Record<string, string>>,
  env: Readonly<Record<string, string>> = {},
): Promise<number> {
  health.reset()
  const run = await runActionProcess({ inputs, env })
  if (run.exitCode !== 0 || run.outputs['verdict'] !== 'stable') {
    throw new Error(`cold-start: exit ${run.exitCode}, verdict ${run.outputs['verdict']}\n${run.stdout}`)
  }
  const first = health.firstRequestAt()
  if (first === undefined) throw new Error('cold-start: no probe request received')
  return first - run.spawnedAt
}

interface ArtifactLoading {
  /** Chunk files holding @actions/artifact. */
  readonly chunks: string[]
  /** @actions/artifact source files bundled into index.js itself. */
  readonly inMain: number
  readonly loadedWithout: boolean
  readonly loadedWithUpload: boolean
}

async function artifactLoading(inputs: Readonly<Record<string, string>>): Promise<ArtifactLoading> {
  const dist = dirname(distScript())
  const artifactFiles = (file: string): number =>
    sourcesOf(join(dist, file)).filter((s) => s.includes('node_modules/@actions/artifact/')).length
  const chunks = chunkFiles().filter((f) => artifactFiles(f) > 0)
  const health = await startHealthServer(0)
  const temp = await mkdtemp(join(tmpdir(), 'deploy-gate-bench-loaded-'))
  try {
    const loaded = async (env: Readonly<Record<string, string>>, name: string): Promise<boolean> => {
      const file = join(temp, name)
      await runActionProcess({
        inputs: { ...inputs, 'health-urls': `${health.url}/health` },
        env: { BENCH_LOADED_FILE: file, ...env },
        nodeArgs: [`--import=${LOAD_HOOK}`],
        timeoutMs: 30_000,
      })
      const urls = (await readFile(file, 'utf8').catch(() => '')).split('\n')
      return chunks.some((c) => urls.some((u) => u.endsWith(`/${c}`)))
    }
    // No runtime token: the report is written, the upload skipped with a warning.
    const loadedWithout = await loaded({}, 'without')
    // A runtime token and an unreachable results service: the upload is attempted (and fails, a warning).
    const loadedWithUpload = await loaded(
      { ACTIONS_RUNTIME_TOKEN: 'bench-token', ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/' },
      'with',
    )
    return { chunks, inMain: artifactFiles(basename(distScript())), loadedWithout, loadedWithUpload }
  } finally {
    await health.close()
    await rm(temp, { recursive: true, force: true })
  }
}

/** The bundle's code files: index.js and its chunks (`<id>.index.js`). */
function chunkFiles(): string[] {
  return readdirSync(dirname(distScript())).filter((f) => /^\d+\.index\.js$/.test(f))
}

function sourcesOf(file: string): string[] {
  try {
    return (JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[] }).sources
  } catch {
    return []
  }
}

function bundleRows(): Row[] {
  const dist = dirname(distScript())
  const files = [basename(distScript()), ...chunkFiles()]
  return files.map((file) => {
    const bytes = statSync(join(dist, file)).size
    const contents = topPackages(join(dist, file))
    return {
      figure: 'cold-start',
      measure: `bundle size: dist/${file}${file === basename(distScript()) ? ' (loaded at start)' : ' (chunk, loaded on demand)'}`,
      unit: 'MB',
      value: bytes / 1e6,
      ...(contents ? { note: contents } : {}),
    }
  })
}

/** `undici 1.6 MB, …`: the largest packages in a bundle file, by the generated lines its source map gives them. */
function topPackages(file: string): string | undefined {
  let map: { sources: string[]; mappings: string }
  let lines: string[]
  try {
    map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as typeof map
    lines = readFileSync(file, 'utf8').split('\n')
  } catch {
    return undefined
  }
  const bytes = new Map<string, number>()
  let source = 0
  map.mappings.split(';').forEach((segments, i) => {
    let first: number | undefined
    for (const segment of segments.split(',')) {
      const fields = decodeVlq(segment)
      if (fields.length > 1) {
        source += fields[1]!
        first ??= source
      }
    }
    const name = first === undefined ? '' : (map.sources[first] ?? '')
    const pkg = packageOf(name)
    bytes.set(pkg, (bytes.get(pkg) ?? 0) + (lines[i]?.length ?? 0) + 1)
  })
  return [...bytes]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([pkg, n]) => `${pkg} ${(n / 1e6).toFixed(2)}`)
    .join(', ')
}

/** `undici`, `@actions/http-client>undici` (a nested copy), `src`, or `other`. */
function packageOf(source: string): string {
  const nested = /node_modules\/((?:@[^/]+\/)?[^/]+)(?:\/node_modules\/((?:@[^/]+\/)?[^/]+))?/.exec(source)
  if (nested) return nested[2] ? `${nested[1]}>${nested[2]}` : nested[1]!
  return /(^|\/)src\//.test(source) ? 'src' : 'other'
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

function decodeVlq(segment: string): number[] {
  const out: number[] = []
  let value = 0
  let shift = 0
  for (const ch of segment) {
    const digit = BASE64.indexOf(ch)
    value += (digit & 31) << shift
    if (digit & 32) {
      shift += 5
      continue
    }
    out.push(value & 1 ? -(value >> 1) : value >> 1)
    value = 0
    shift = 0
  }
  return out
}
