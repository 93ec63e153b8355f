/**
 * What the OS itself says, to hold the built-in readings against: the busy share of all CPUs between two /proc/stat
 * snapshots, used memory from /proc/meminfo, used space of a mount from statfs — each computed the way the SPEC §2
 * formula defines it, from the kernel's own numbers.
 */
import { readFileSync, statfsSync } from 'node:fs'

export interface CpuSnapshot {
  /** idle + iowait + steal, in USER_HZ ticks, summed over all CPUs. */
  readonly idleTicks: number
  /** user + nice + system + idle + iowait + irq + softirq + steal (guest time is already in user). */
  readonly totalTicks: number
}

export function readCpuSnapshot(): CpuSnapshot {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? ''
  const [name, ...fields] = line.trim().split(/\s+/)
  if (name !== 'cpu') throw new Error(`unexpected first line of /proc/stat: ${line}`)
  // user nice system idle iowait irq softirq steal
  const parts = fields.slice(0, 8).map(Number)
  if (parts.length < 8 || parts.some((n) => !Number.isFinite(n))) throw new Error(`cannot read ${line}`)
  const [, , , idle = 0, iowait = 0, , , steal = 0] = parts
  return { idleTicks: idle + iowait + steal, totalTicks: parts.reduce((a, b) => a + b, 0) }
}

/** Percent of CPU time not idle/iowait/steal between two snapshots. */
export function cpuBusyPercent(from: CpuSnapshot, to: CpuSnapshot): number {
  const total = to.totalTicks - from.totalTicks
  if (total <= 0) throw new Error('no CPU time passed between the two /proc/stat snapshots')
  return 100 * (1 - (to.idleTicks - from.idleTicks) / total)
}

/** `100 * (1 - MemAvailable / MemTotal)` from /proc/meminfo. */
export function memoryUsedPercent(): number {
  const text = readFileSync('/proc/meminfo', 'utf8')
  const field = (name: string): number => {
    const m = new RegExp(`^${name}:\\s+(\\d+) kB$`, 'm').exec(text)
    if (!m) throw new Error(`/proc/meminfo has no ${name}`)
    return Number(m[1])
  }
  return 100 * (1 - field('MemAvailable') / field('MemTotal'))
}

/** `100 * (1 - avail / size)` of the filesystem holding `path`, as node_exporter reports them (root-reserved as used). */
export function diskUsedPercent(path: string): number {
  const s = statfsSync(path)
  return 100 * (1 - s.bavail / s.blocks)
}
