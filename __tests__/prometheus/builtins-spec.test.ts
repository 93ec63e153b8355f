/**
 * The built-in queries are part of the product contract: this test holds them to the text of SPEC §2, copied here
 * verbatim. A continuation line (the disk and vram queries wrap in the SPEC) joins its line with one space.
 */
import { describe, expect, it } from 'vitest'
import { BUILTINS } from '../../src/config/schema.ts'
import type { Builtin } from '../../src/model/check-spec.ts'
import { builtinQuery } from '../../src/model/builtins.ts'

const SPEC_BUILTINS = String.raw`
cpu       100 * (1 - sum by (instance) (rate(node_cpu_seconds_total{mode=~"idle|iowait|steal",SEL}[2m]))
                   / sum by (instance) (rate(node_cpu_seconds_total{SEL}[2m])))
memory    100 * (1 - node_memory_MemAvailable_bytes{SEL} / node_memory_MemTotal_bytes{SEL})
disk      100 * (1 - node_filesystem_avail_bytes{fstype!~"tmpfs|overlay|squashfs|ramfs|nsfs",mountpoint!="",SEL}
                   / node_filesystem_size_bytes{fstype!~"tmpfs|overlay|squashfs|ramfs|nsfs",mountpoint!="",SEL})
vram      (100 * DCGM_FI_DEV_FB_USED{SEL} / (DCGM_FI_DEV_FB_USED{SEL} + DCGM_FI_DEV_FB_FREE{SEL}))
            or (100 * nvidia_smi_memory_used_bytes{SEL} / nvidia_smi_memory_total_bytes{SEL})
kv-cache  100 * (vllm:kv_cache_usage_perc{SEL} or vllm:gpu_cache_usage_perc{SEL})
up        up{SEL}          (min: 1)
`

/** name → query with `SEL`, from the SPEC's layout: a name in column 0 starts an entry, indented lines continue it. */
function specQueries(text: string): Map<string, string> {
  const out = new Map<string, string>()
  let current: string | undefined
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue
    const start = /^(\S+)\s+(.*)$/.exec(line)
    if (start) {
      current = start[1]!
      out.set(current, start[2]!.trim())
    } else if (current !== undefined) {
      out.set(current, `${out.get(current)} ${line.trim()}`)
    }
  }
  // `(min: 1)` is the up check's default threshold, not part of its query.
  for (const [name, query] of out) out.set(name, query.replace(/\s{2,}\(min: \d+\)$/, ''))
  return out
}

const SPEC = specQueries(SPEC_BUILTINS)
const SELECTOR = 'job="node"'

/** `up{}` and `up` select the same series; compare without empty braces. */
const withoutEmptyBraces = (q: string): string => q.replaceAll('{}', '')

describe('built-in queries match SPEC §2', () => {
  it('the SPEC lists every built-in, and nothing else', () => {
    expect([...SPEC.keys()].sort()).toEqual([...BUILTINS].sort())
  })

  it('the SPEC text parses as expected', () => {
    expect(SPEC.get('up')).toBe('up{SEL}')
    expect(SPEC.get('disk')).toContain(',SEL} / node_filesystem_size_bytes{')
    expect(SPEC.get('vram')).toContain('FB_FREE{SEL})) or (100 * nvidia_smi_memory_used_bytes{SEL}')
  })

  it.each([...BUILTINS])('%s with a selector', (builtin: Builtin) => {
    expect(builtinQuery(builtin, SELECTOR)).toBe(SPEC.get(builtin)!.replaceAll('SEL', SELECTOR))
  })

  it.each([...BUILTINS])('%s with an empty selector: ",SEL" disappears', (builtin: Builtin) => {
    const expected = SPEC.get(builtin)!.replaceAll(',SEL', '').replaceAll('{SEL}', '{}')
    const actual = builtinQuery(builtin, '')
    expect(actual).not.toContain('SEL')
    expect(actual).not.toContain(',}')
    expect(withoutEmptyBraces(actual)).toBe(withoutEmptyBraces(expected))
  })

  it.each([...BUILTINS])('%s with a selector of several matchers', (builtin: Builtin) => {
    const selector = 'job="node",instance=~"web-1:9100|ai-1:9100"'
    expect(builtinQuery(builtin, selector)).toBe(SPEC.get(builtin)!.replaceAll('SEL', selector))
  })
})
