/**
 * Live exporters for the e2e tests, built from the real exporter output in shared/fixtures/exporters/ with a few
 * values changed by the test:
 *
 * - a node_exporter host (the Percona Ubuntu VM scrape) whose idle and user CPU counters advance with time, so the
 *   `cpu` built-in reads a real busy percentage instead of the NaN (0 / 0) that static counters give, and whose
 *   MemAvailable and `/` free space can be set;
 * - a GPU host serving the DCGM T4 and A100 scrapes, whose A100 (`gpu="0"`, `UUID="GPU-34319582-…"`) framebuffer use
 *   can be set.
 */
import { readExporterFixture } from '../../testkit/prometheus-api.ts'
import { startExporter, type Exporter } from '../../testkit/prometheus.ts'

export const NODE_FIXTURE = 'node_exporter-percona-pr2499-ubuntu-vm.prom'
export const GPU_FIXTURES = [
  'dcgm-exporter-datadog-integrations-core-t4.prom',
  'dcgm-exporter-nvidia-docs-a100-mig.prom',
] as const
/** The A100's UUID in `dcgm-exporter-nvidia-docs-a100-mig.prom`. */
export const A100_UUID = 'GPU-34319582-d595-d1c7-d1d2-179bcfa61660'

export interface NodeValues {
  /** Idle CPU seconds each CPU gains per second: 0.7 reads as 30 % busy. */
  readonly idlePerSecond: number
  readonly memAvailableBytes: number
  /** `node_filesystem_avail_bytes` of the `/` mount (size 41475637248). */
  readonly rootAvailBytes: number
}

/** MemTotal 6226481152 → memory ~36 %; `/` ~40 % used; CPU ~30 % busy. */
export const HEALTHY_NODE: NodeValues = {
  idlePerSecond: 0.7,
  memAvailableBytes: 4_000_000_000,
  rootAvailBytes: 25_000_000_000,
}

export interface LiveNodeExporter {
  readonly exporter: Exporter
  set(values: NodeValues): void
  /**
   * The idle and user counters' last 3 minutes before the exporter started, as an OpenMetrics text for
   * `startPrometheus`'s `backfill`, labelled as a scrape of this exporter by `job`: a Prometheus that has watched
   * the host for a while (the `cpu` formula reads the true share without it too, from fewer samples).
   */
  history(job: string): string
  close(): Promise<void>
}

/** The idle and user counters: idle gains `idlePerSecond`, user the rest, so each CPU spends 1 s per second. */
const CPU_LINE = /^(node_cpu_seconds_total\{cpu="(\d+)",mode="(idle|user)"\}) (\S+)$/
const MEM_AVAILABLE_LINE = /^node_memory_MemAvailable_bytes \S+$/
const ROOT_AVAIL_LINE = /^(node_filesystem_avail_bytes\{[^}]*mountpoint="\/"\}) \S+$/

/** The Percona node_exporter scrape, served live; the idle and user counters are brought forward every 200 ms. */
export async function startNodeExporter(initial: NodeValues = HEALTHY_NODE): Promise<LiveNodeExporter> {
  const lines = readExporterFixture(NODE_FIXTURE).split('\n')
  /** `cpu/mode` → seconds. */
  const counters = new Map<string, number>()
  for (const line of lines) {
    const m = CPU_LINE.exec(line)
    if (m?.[2] !== undefined) counters.set(`${m[2]}/${m[3]}`, Number(m[4]))
  }
  const baseCounters = new Map(counters)
  const perSecond = (mode: string, v: NodeValues): number =>
    mode === 'idle' ? v.idlePerSecond : 1 - v.idlePerSecond
  let values = initial
  const startedMs = Date.now()
  let last = startedMs
  const render = (): string =>
    lines
      .map((line) => {
        const cpu = CPU_LINE.exec(line)
        if (cpu?.[2] !== undefined) return `${cpu[1]} ${counters.get(`${cpu[2]}/${cpu[3]}`)}`
        if (MEM_AVAILABLE_LINE.test(line)) return `node_memory_MemAvailable_bytes ${values.memAvailableBytes}`
        const root = ROOT_AVAIL_LINE.exec(line)
        if (root) return `${root[1]} ${values.rootAvailBytes}`
        return line
      })
      .join('\n')
  const exporter = await startExporter(render())
  const tick = (): void => {
    const now = Date.now()
    const seconds = (now - last) / 1000
    last = now
    for (const [key, value] of counters) {
      counters.set(key, value + seconds * perSecond(key.split('/')[1]!, values))
    }
    exporter.set(render())
  }
  const timer = setInterval(tick, 200)
  timer.unref()
  return {
    exporter,
    set(next) {
      tick()
      values = next
      exporter.set(render())
    },
    history(job) {
      const startedSec = startedMs / 1000
      const lines = ['# TYPE node_cpu_seconds counter']
      for (const [key, value] of baseCounters) {
        const [cpu, mode] = key.split('/') as [string, string]
        for (let ago = 180; ago >= 2; ago -= 2) {
          const labels = `cpu="${cpu}",mode="${mode}",instance="${exporter.target}",job="${job}"`
          const at = (startedSec - ago).toFixed(3)
          lines.push(`node_cpu_seconds_total{${labels}} ${value - ago * perSecond(mode, initial)} ${at}`)
        }
      }
      return `${lines.join('\n')}\n# EOF\n`
    },
    async close() {
      clearInterval(timer)
      await exporter.close()
    },
  }
}

/** The DCGM T4 and A100 scrapes, with the A100's FB_USED / FB_FREE (MiB) replaced when given. */
export function gpuExporterText(a100?: { readonly usedMiB: number; readonly freeMiB: number }): string {
  const text = GPU_FIXTURES.map((name) => readExporterFixture(name)).join('')
  if (a100 === undefined) return text
  const fb = new RegExp(`^(DCGM_FI_DEV_FB_(USED|FREE)\\{[^}]*UUID="${A100_UUID}"[^}]*\\}) \\S+$`)
  return text
    .split('\n')
    .map((line) => {
      const m = fb.exec(line)
      if (!m) return line
      return `${m[1]} ${m[2] === 'USED' ? a100.usedMiB : a100.freeMiB}`
    })
    .join('\n')
}
