/**
 * Copies the parts of ../shared that the tests read (testkit/shared-dir.ts VENDORED_PARTS) into third_party/shared/,
 * byte for byte, removing what ../shared no longer has. third_party/shared/README.md is the copy's own and is kept.
 *
 *   node scripts/vendor-shared.ts [SOURCE_DIR]     SOURCE_DIR defaults to ../shared beside the repository
 */
import { cpSync, existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { SIBLING_SHARED_DIR, VENDORED_PARTS, VENDORED_SHARED_DIR } from '../testkit/shared-dir.ts'

export function vendorShared(
  source: string = SIBLING_SHARED_DIR,
  target: string = VENDORED_SHARED_DIR,
): string[] {
  if (!existsSync(source)) throw new Error(`${source}: no such directory`)
  return VENDORED_PARTS.map((part) => {
    const from = join(source, part)
    if (!existsSync(from)) throw new Error(`${from}: no such directory`)
    const to = join(target, part)
    rmSync(to, { recursive: true, force: true })
    // Plain copies: ../shared is read-only here, the copy must stay writable for the next refresh.
    cpSync(from, to, { recursive: true, preserveTimestamps: false, mode: 0 })
    return part
  })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const parts = vendorShared(process.argv[2])
  console.log(`third_party/shared: copied ${parts.join(', ')}`)
}
