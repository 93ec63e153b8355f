/** The built-in metric checks of SPEC §2: their PromQL and their default thresholds. */

import type { Builtin } from './check-spec.ts'
import { validateSelector } from './selector.ts'

export { validateSelector } from './selector.ts'

export interface Threshold {
  readonly min?: number
  readonly max?: number
  /** Unit appended to values in reasons, e.g. `%` for the percent built-ins. */
  readonly unit?: string
}

/**
 * The canonical queries, one line each, exactly as SPEC §2 writes them. `SEL` marks where the selector goes; the
 * cpu and disk queries are SPEC's two lines joined with one space before `/`. The cpu query is a ratio of two rates
 * over the same samples, so a host or Prometheus with less than `[2m]` of history reads its true busy share (a plain
 * `1 - rate(idle)` would divide a few seconds of idle time by two minutes and read near 100 %). Disk:
 *
 *   100 * (1 - node_filesystem_avail_bytes{fstype!~"tmpfs|overlay|squashfs|ramfs|nsfs",mountpoint!="",SEL} / node_filesystem_size_bytes{fstype!~"tmpfs|overlay|squashfs|ramfs|nsfs",mountpoint!="",SEL})
 *
 * and the vram query likewise joins `… or (100 * nvidia_smi_memory_used_bytes{SEL} / …)` onto its first line.
 */
const TEMPLATES: Readonly<Record<Builtin, string>> = {
  cpu:
    '100 * (1 - sum by (instance) (rate(node_cpu_seconds_total{mode=~"idle|iowait|steal",SEL}[2m]))' +
    ' / sum by (instance) (rate(node_cpu_seconds_total{SEL}[2m])))',
  memory: '100 * (1 - node_memory_MemAvailable_bytes{SEL} / node_memory_MemTotal_bytes{SEL})',
  disk:
    '100 * (1 - node_filesystem_avail_bytes{fstype!~"tmpfs|overlay|squashfs|ramfs|nsfs",mountpoint!="",SEL}' +
    ' / node_filesystem_size_bytes{fstype!~"tmpfs|overlay|squashfs|ramfs|nsfs",mountpoint!="",SEL})',
  vram:
    '(100 * DCGM_FI_DEV_FB_USED{SEL} / (DCGM_FI_DEV_FB_USED{SEL} + DCGM_FI_DEV_FB_FREE{SEL}))' +
    ' or (100 * nvidia_smi_memory_used_bytes{SEL} / nvidia_smi_memory_total_bytes{SEL})',
  'kv-cache': '100 * (vllm:kv_cache_usage_perc{SEL} or vllm:gpu_cache_usage_perc{SEL})',
  up: 'up{SEL}',
}

/**
 * The PromQL of a built-in check for `selector` (trimmed; as written otherwise). With an empty selector `,SEL`
 * disappears, and so does a whole `{SEL}`: `up` rather than `up{}` (Prometheus accepts both; only a bare `{}` without
 * a metric name is an error), matching the queries in the fixtures README.
 *
 * Throws on a selector `validateSelector` rejects: config validation must report it first; this is the last guard
 * against PromQL injection.
 */
export function builtinQuery(builtin: Builtin, selector: string): string {
  const trimmed = selector.trim()
  const problems = validateSelector(trimmed)
  if (problems.length > 0)
    throw new Error(`invalid selector for the ${builtin} check: ${problems.join('; ')}`)
  const template = TEMPLATES[builtin]
  if (trimmed === '') return template.replaceAll(',SEL', '').replaceAll('{SEL}', '')
  return template.replaceAll('SEL', () => trimmed)
}
