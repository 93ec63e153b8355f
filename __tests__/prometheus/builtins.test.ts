import { describe, expect, it } from 'vitest'
import type { Builtin } from '../../src/model/check-spec.ts'
import { builtinQuery, validateSelector } from '../../src/model/builtins.ts'
import { VALID_SELECTORS } from '../../testkit/selectors.ts'

const INVALID_SELECTORS: ReadonlyArray<readonly [string, string]> = [
  ['"}) or vector(1) #', 'expected a matcher like label="value" at position 1'],
  ['job="node"}) or vector(1) #', 'expected "," or the end of the selector at position 11'],
  ['job="node"} or up{', 'expected "," or the end of the selector at position 11'],
  ['job="node" or vector(1)', 'expected "," or the end of the selector at position 12'],
  ['job="node', 'unterminated string starting at position 5'],
  ['job=node"', 'expected a double-quoted value at position 5'],
  ["job='node'", 'use double quotes at position 5'],
  ['job=`node`', 'use double quotes at position 5'],
  ['job="a\nb"', 'unterminated string starting at position 5'],
  ['1job="x"', 'expected a matcher like label="value" at position 1'],
  ['my-label="x"', 'expected one of = != =~ !~ after label my at position 3'],
  ['job=="x"', 'expected a double-quoted value at position 5'],
  ['job~="x"', 'expected one of = != =~ !~ after label job at position 4'],
  ['job<"x"', 'expected one of = != =~ !~ after label job at position 4'],
  ['job', 'expected one of = != =~ !~ after label job at position 4'],
  ['job="x",', 'trailing "," at position 8'],
  ['job="x", ', 'trailing "," at position 8'],
  [',job="x"', 'expected a matcher like label="value" at position 1'],
  ['job="x",,instance="y"', 'expected a matcher like label="value" at position 9'],
  ['job="x" instance="y"', 'expected "," or the end of the selector at position 9'],
  ['{job="x"}', 'expected a matcher like label="value" at position 1'],
  ['__name__="up"', 'the __name__ label cannot be matched at position 1'],
  ['job="\\d"', 'unknown escape sequence \\d at position 6'],
  ['job="it\\\'s"', "unknown escape sequence \\' at position 8"],
  ['job="\\x4"', 'incomplete escape sequence \\x at position 6'],
  ['job="\\0"', 'incomplete escape sequence \\0 at position 6'],
  ['job="\\400"', 'escape sequence is not a valid code point at position 6'],
  ['job="\\ud800"', 'escape sequence is not a valid code point at position 6'],
  ['job="\\', 'unterminated escape sequence at position 6'],
  ['job=~"("', 'invalid regex for job at position 6: unterminated group'],
  ['job=~"*"', 'invalid regex for job at position 6: nothing to repeat'],
  ['job=~"a**"', 'invalid regex for job at position 6: nothing to repeat'],
  ['job!~"[z-a]"', 'invalid regex for job at position 6: range out of order in character class'],
  [
    'job=~"(?=a)"',
    'invalid regex for job at position 6: lookaround groups like (?= and (?! are not supported by Prometheus',
  ],
  [
    'job=~"(a)\\\\1"',
    'invalid regex for job at position 6: backreferences like \\1 are not supported by Prometheus',
  ],
]

describe('validateSelector', () => {
  it.each(VALID_SELECTORS)('accepts %j', (selector) => {
    expect(validateSelector(selector)).toEqual([])
  })

  it.each(INVALID_SELECTORS)('rejects %j: %s', (selector, message) => {
    expect(validateSelector(selector)).toEqual([message])
  })

  it('treats parentheses inside a quoted value as text', () => {
    expect(validateSelector('job="x) or vector(1"')).toEqual([])
  })

  it('reports every regex problem, one per matcher', () => {
    expect(validateSelector('a=~"(",b!~"["')).toEqual([
      'invalid regex for a at position 4: unterminated group',
      'invalid regex for b at position 11: unterminated character class',
    ])
  })
})

describe('builtinQuery', () => {
  const sel = 'job="node",instance=~"web-1:9100|ai-1:9100"'

  it.each<[Builtin, string, string]>([
    [
      'cpu',
      '100 * (1 - sum by (instance) (rate(node_cpu_seconds_total{mode=~"idle|iowait|steal"}[2m])) / sum by (instance) (rate(node_cpu_seconds_total[2m])))',
      `100 * (1 - sum by (instance) (rate(node_cpu_seconds_total{mode=~"idle|iowait|steal",${sel}}[2m])) / sum by (instance) (rate(node_cpu_seconds_total{${sel}}[2m])))`,
    ],
    [
      'memory',
      '100 * (1 - node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes)',
      `100 * (1 - node_memory_MemAvailable_bytes{${sel}} / node_memory_MemTotal_bytes{${sel}})`,
    ],
    [
      'disk',
      '100 * (1 - node_filesystem_avail_bytes{fstype!~"tmpfs|overlay|squashfs|ramfs|nsfs",mountpoint!=""} / node_filesystem_size_bytes{fstype!~"tmpfs|overlay|squashfs|ramfs|nsfs",mountpoint!=""})',
      `100 * (1 - node_filesystem_avail_bytes{fstype!~"tmpfs|overlay|squashfs|ramfs|nsfs",mountpoint!="",${sel}} / node_filesystem_size_bytes{fstype!~"tmpfs|overlay|squashfs|ramfs|nsfs",mountpoint!="",${sel}})`,
    ],
    [
      'vram',
      '(100 * DCGM_FI_DEV_FB_USED / (DCGM_FI_DEV_FB_USED + DCGM_FI_DEV_FB_FREE)) or (100 * nvidia_smi_memory_used_bytes / nvidia_smi_memory_total_bytes)',
      `(100 * DCGM_FI_DEV_FB_USED{${sel}} / (DCGM_FI_DEV_FB_USED{${sel}} + DCGM_FI_DEV_FB_FREE{${sel}})) or (100 * nvidia_smi_memory_used_bytes{${sel}} / nvidia_smi_memory_total_bytes{${sel}})`,
    ],
    [
      'kv-cache',
      '100 * (vllm:kv_cache_usage_perc or vllm:gpu_cache_usage_perc)',
      `100 * (vllm:kv_cache_usage_perc{${sel}} or vllm:gpu_cache_usage_perc{${sel}})`,
    ],
    ['up', 'up', `up{${sel}}`],
  ])('%s', (builtin, withoutSelector, withSelector) => {
    expect(builtinQuery(builtin, '')).toBe(withoutSelector)
    expect(builtinQuery(builtin, '  ')).toBe(withoutSelector)
    expect(builtinQuery(builtin, sel)).toBe(withSelector)
    expect(builtinQuery(builtin, ` ${sel}\n`)).toBe(withSelector)
  })

  it('builds the fixture README queries for job="node" and job="gpu" character for character', () => {
    expect(builtinQuery('disk', 'job="node"')).toBe(
      '100 * (1 - node_filesystem_avail_bytes{fstype!~"tmpfs|overlay|squashfs|ramfs|nsfs",mountpoint!="",job="node"} / node_filesystem_size_bytes{fstype!~"tmpfs|overlay|squashfs|ramfs|nsfs",mountpoint!="",job="node"})',
    )
    expect(builtinQuery('vram', 'job="gpu"')).toBe(
      '(100 * DCGM_FI_DEV_FB_USED{job="gpu"} / (DCGM_FI_DEV_FB_USED{job="gpu"} + DCGM_FI_DEV_FB_FREE{job="gpu"})) or (100 * nvidia_smi_memory_used_bytes{job="gpu"} / nvidia_smi_memory_total_bytes{job="gpu"})',
    )
  })

  it('pastes a selector with $ patterns verbatim', () => {
    expect(builtinQuery('up', 'job="$&$1"')).toBe('up{job="$&$1"}')
  })

  it('refuses an invalid selector instead of building injected PromQL', () => {
    expect(() => builtinQuery('up', '"}) or vector(1) #')).toThrow(
      'invalid selector for the up check: expected a matcher like label="value" at position 1',
    )
  })
})
