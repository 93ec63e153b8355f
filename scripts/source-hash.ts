/**
 * A hash of what `npm run build` turns into dist/: every file under src/, package.json, package-lock.json and
 * tsconfig.json (paths relative to the repository, sorted; CRLF read as LF so a Windows checkout hashes the same).
 * File times say nothing after `git clone`; this does.
 *
 *   node scripts/source-hash.ts --write   writes dist/source-hash.txt (the build's last step)
 *   node scripts/source-hash.ts --check   exits 1 when dist/ was built from other sources
 *
 *   import { distIsCurrent } from './source-hash.ts'   // demo/run.ts; tests can refuse a stale dist with it
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url))
/** Where the build records the hash of the sources it was built from. */
export const SOURCE_HASH_FILE = join('dist', 'source-hash.txt')
const SOURCES = ['src', 'package.json', 'package-lock.json', 'tsconfig.json'] as const

function filesUnder(root: string, path: string): string[] {
  const full = join(root, path)
  if (!existsSync(full)) return []
  return readdirSync(full, { withFileTypes: true }).flatMap((e) => {
    const child = join(path, e.name)
    if (e.isDirectory()) return filesUnder(root, child)
    return e.isFile() ? [child] : []
  })
}

function sourceFiles(root: string): string[] {
  return SOURCES.flatMap((s) => (s === 'src' ? filesUnder(root, s) : existsSync(join(root, s)) ? [s] : []))
    .map((f) => f.split(sep).join('/'))
    .sort()
}

/** `sha256:<hex>` of the build's inputs. */
export function sourceHash(root = REPO_ROOT): string {
  const hash = createHash('sha256')
  for (const file of sourceFiles(root)) {
    const text = readFileSync(join(root, file)).toString('latin1').replace(/\r\n/g, '\n')
    hash.update(`${file}\u0000${text.length}\u0000`)
    hash.update(text, 'latin1')
  }
  return `sha256:${hash.digest('hex')}`
}

/** The hash dist/ was built from, or undefined when the build recorded none. */
export function recordedSourceHash(root = REPO_ROOT): string | undefined {
  const file = join(root, SOURCE_HASH_FILE)
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined
}

/** Why dist/ does not match the sources, or undefined when it does. */
export function staleDistReason(root = REPO_ROOT): string | undefined {
  if (!existsSync(join(root, 'dist', 'index.js'))) return 'dist/index.js is missing'
  const recorded = recordedSourceHash(root)
  if (recorded === undefined) return `${SOURCE_HASH_FILE} is missing`
  return recorded === sourceHash(root)
    ? undefined
    : 'dist/ was built from other sources (src/, package.json, …)'
}

export function writeSourceHash(root = REPO_ROOT): string {
  const hash = sourceHash(root)
  writeFileSync(join(root, SOURCE_HASH_FILE), `${hash}\n`)
  return hash
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = process.argv[2]
  if (arg === '--write') console.log(`${SOURCE_HASH_FILE}: ${writeSourceHash()}`)
  else if (arg === '--check') {
    const why = staleDistReason()
    if (why) {
      console.error(`${why}: run npm run build`)
      process.exit(1)
    }
    console.log('dist/ matches the sources')
  } else console.log(sourceHash())
}
