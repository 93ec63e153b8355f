/**
 * Global setup of the e2e project: dist/ must be the build of the sources on disk. When the hash recorded by the build
 * differs from the sources' hash, build now (or, with DEPLOY_GATE_NO_BUILD=1, refuse with the reason).
 */
import { execFileSync } from 'node:child_process'
import { REPO_ROOT, staleDistReason } from '../scripts/source-hash.ts'

export default function freshDist(): void {
  const why = staleDistReason()
  if (why === undefined) return
  if (process.env['DEPLOY_GATE_NO_BUILD'] === '1') throw new Error(`${why}: run npm run build`)
  console.log(`e2e: ${why}; building dist/ first (npm run build)`)
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' })
  const still = staleDistReason()
  if (still !== undefined) throw new Error(`e2e: dist/ is still stale after npm run build: ${still}`)
}
