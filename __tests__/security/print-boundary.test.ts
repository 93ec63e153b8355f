/**
 * Threat: a new log line that forgets the sanitiser. Only src/report/log.ts may print; eslint enforces it too
 * (no-restricted-imports / no-restricted-syntax in eslint.config.js), this test holds it without eslint.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = join(import.meta.dirname, '..', '..', 'src')

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  )
}

describe('the print boundary', () => {
  it('only src/report/log.ts prints: no other @actions/core import (inputs.ts reads getInput only, main.ts fails the step), console or process.stdout', () => {
    const offenders: string[] = []
    for (const file of sources(SRC)) {
      const rel = relative(SRC, file)
      if (rel === join('report', 'log.ts')) continue
      const text = readFileSync(file, 'utf8')
      for (const m of text.matchAll(/import\s+([^;]*?)\s+from\s+'@actions\/core'/g)) {
        const allowed =
          (rel === join('config', 'inputs.ts') && /^\{\s*getInput(\s+as\s+\w+)?\s*\}$/.test(m[1] ?? '')) ||
          (rel === 'main.ts' && /^\{\s*setFailed(\s+as\s+\w+)?\s*\}$/.test(m[1] ?? ''))
        if (!allowed) offenders.push(`${rel}: import ${m[1]} from '@actions/core'`)
      }
      if (/\bconsole\.\w+/.test(text)) offenders.push(`${rel}: console`)
      if (/process\.(stdout|stderr)\b/.test(text)) offenders.push(`${rel}: process.stdout/stderr`)
    }
    expect(offenders).toEqual([])
  })
})
