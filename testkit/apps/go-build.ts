/**
 * Builds go-promhttp/main.go once per source and toolchain into a cache dir under the OS temp dir, against
 * Debian's packaged Go libraries (golang-github-prometheus-client-golang-dev and its dependencies under
 * /usr/share/gocode/src): GOPATH mode (GO111MODULE=off, GOPATH=/usr/share/gocode), as dh-golang builds Debian's own
 * Go packages from that tree, with GOPROXY=off so nothing is fetched.
 */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const run = promisify(execFile)
const source = join(dirname(fileURLToPath(import.meta.url)), 'go-promhttp', 'main.go')
let building: Promise<string> | undefined

function goBinary(): string {
  return process.env.GO_BIN ?? 'go'
}

function goEnv(cacheDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GO111MODULE: 'off',
    GOPATH: process.env.APPS_GOPATH ?? '/usr/share/gocode',
    GOPROXY: 'off',
    GOFLAGS: '',
    GOTOOLCHAIN: 'local',
    GOCACHE: join(cacheDir, 'go-build-cache'),
  }
}

async function build(): Promise<string> {
  const cacheDir = join(tmpdir(), 'deploy-gate-apps')
  await mkdir(cacheDir, { recursive: true })
  let version: string
  try {
    version = (await run(goBinary(), ['version'])).stdout.trim()
  } catch (error) {
    throw new Error(`go not found (${String(error)}): run scripts/ensure-apps.sh, or set GO_BIN`, {
      cause: error,
    })
  }
  const hash = createHash('sha256')
    .update(await readFile(source))
    .update(version)
    .digest('hex')
    .slice(0, 16)
  const binary = join(cacheDir, `go-promhttp-${hash}`)
  if (existsSync(binary)) return binary
  const work = await mkdtemp(join(cacheDir, 'build-'))
  try {
    await copyFile(source, join(work, 'main.go'))
    await run(goBinary(), ['build', '-o', 'app', 'main.go'], {
      cwd: work,
      env: goEnv(cacheDir),
      timeout: 300_000,
    })
    // Atomic: a concurrent build of the same source ends with the same file.
    await rename(join(work, 'app'), binary)
  } catch (error) {
    const detail = (error as { stderr?: string }).stderr ?? String(error)
    throw new Error(
      `go build of ${source} failed (is golang-github-prometheus-client-golang-dev installed? scripts/ensure-apps.sh): ${detail}`,
      { cause: error },
    )
  } finally {
    await rm(work, { recursive: true, force: true })
  }
  return binary
}

/** The path of the built app, building it on the first call (once per process, cached across processes). */
export function buildGoApp(): Promise<string> {
  building ??= build().catch((error: unknown) => {
    building = undefined
    throw error
  })
  return building
}
