/**
 * Where the tests, bench and scripts find the shared data they read (fixtures/, data/nab/) — one answer for all:
 *
 *   1. `DEPLOY_GATE_SHARED_DIR`, when set (it must exist);
 *   2. `../shared` beside the repository, when it exists (the workplace lays it there, read-only);
 *   3. `third_party/shared/` in the repository: the vendored copy of the parts that are read, for a checkout with
 *      nothing beside it (GitHub's runners). third_party/shared/README.md says how it is kept equal to ../shared.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const SHARED_DIR_ENV = 'DEPLOY_GATE_SHARED_DIR'
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url))
export const SIBLING_SHARED_DIR = resolve(REPO_ROOT, '..', 'shared')
export const VENDORED_SHARED_DIR = join(REPO_ROOT, 'third_party', 'shared')
/** The parts of shared/ that are read, and so vendored (relative paths, `/`-separated). */
export const VENDORED_PARTS = ['fixtures', 'data/nab'] as const

/** Pure: the shared directory for this environment and file system. */
export function resolveSharedDir(
  env: Readonly<Record<string, string | undefined>> = process.env,
  exists: (path: string) => boolean = existsSync,
): string {
  const fromEnv = env[SHARED_DIR_ENV]
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!exists(fromEnv)) throw new Error(`${SHARED_DIR_ENV}=${fromEnv}: no such directory`)
    return resolve(fromEnv)
  }
  return exists(SIBLING_SHARED_DIR) ? SIBLING_SHARED_DIR : VENDORED_SHARED_DIR
}

let resolved: string | undefined

/** The shared directory, resolved on first use. */
export function sharedDir(): string {
  resolved ??= resolveSharedDir()
  return resolved
}

/** A path under the shared directory, e.g. `sharedPath('data', 'nab')`. */
export function sharedPath(...parts: string[]): string {
  return join(sharedDir(), ...parts)
}
