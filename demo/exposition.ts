/**
 * The demo's simulated hosts and what their exporters would say, in the Prometheus text format 0.0.4: node_exporter
 * (two hosts), dcgm-exporter (two A100s on the AI host) and vLLM's own `/metrics`. Families, label names and units
 * follow the real exporters (see /work/shared/fixtures/exporters); the values are made up but move like real ones:
 * CPU counters advance so `rate()` gives 30–40 % busy, gauges wobble a little, and VRAM stays flat (vLLM
 * pre-allocates it) until `setVramUsedPercent` changes it.
 */

export type Labels = Readonly<Record<string, string>>

interface Filesystem {
  readonly device: string
  readonly fstype: string
  readonly mountpoint: string
  readonly sizeBytes: number
  readonly usedFraction: number
}

export interface DemoHost {
  readonly name: string
  readonly cpuCount: number
  /** Mean busy fraction of each CPU (the demo adds a ±0.03 wave). */
  readonly busyFraction: number
  readonly stealFraction: number
  readonly memTotalBytes: number
  readonly memUsedFraction: number
  readonly filesystems: readonly Filesystem[]
}

export interface DemoGpu {
  readonly gpu: string
  readonly uuid: string
  /** MiB; dcgm-exporter's FB_USED + FB_FREE is the usable memory, FB_RESERVED is kept by the driver. */
  readonly usableMiB: number
  readonly reservedMiB: number
  usedPercent: number
}

const GiB = 1024 ** 3
export const GPU_MODEL = 'NVIDIA A100-SXM4-80GB'
export const VLLM_MODEL = 'meta-llama/Llama-3.1-70B-Instruct'
/** vLLM's `--gpu-memory-utilization` 0.9 plus the CUDA context: flat ~91 % under any load. */
export const VRAM_AT_REST_PERCENT = 91

export const HOSTS: readonly DemoHost[] = [
  {
    name: 'web-1',
    cpuCount: 4,
    busyFraction: 0.32,
    stealFraction: 0.002,
    memTotalBytes: 16 * GiB,
    memUsedFraction: 0.54,
    filesystems: [
      { device: '/dev/nvme0n1p1', fstype: 'ext4', mountpoint: '/', sizeBytes: 100 * GiB, usedFraction: 0.58 },
      {
        device: '/dev/nvme0n1p15',
        fstype: 'vfat',
        mountpoint: '/boot/efi',
        sizeBytes: 104_327_168,
        usedFraction: 0.06,
      },
      {
        device: 'tmpfs',
        fstype: 'tmpfs',
        mountpoint: '/run',
        sizeBytes: Math.round(3.2 * GiB),
        usedFraction: 0.003,
      },
    ],
  },
  {
    name: 'ai-1',
    cpuCount: 8,
    busyFraction: 0.37,
    stealFraction: 0,
    memTotalBytes: 256 * GiB,
    memUsedFraction: 0.56,
    filesystems: [
      { device: '/dev/sda1', fstype: 'ext4', mountpoint: '/', sizeBytes: 500 * GiB, usedFraction: 0.61 },
      // vLLM/NCCL shared memory: nearly full, and rightly left out of the disk check (tmpfs).
      { device: 'tmpfs', fstype: 'tmpfs', mountpoint: '/dev/shm', sizeBytes: 128 * GiB, usedFraction: 0.97 },
      {
        device: 'tmpfs',
        fstype: 'tmpfs',
        mountpoint: '/run',
        sizeBytes: Math.round(25.6 * GiB),
        usedFraction: 0.002,
      },
    ],
  },
]

export function createGpus(): DemoGpu[] {
  return ['0', '1'].map((gpu) => ({
    gpu,
    uuid:
      gpu === '0' ? 'GPU-8c2e6f14-3b7d-4a51-9e0c-5d1f2a6b7c80' : 'GPU-1f9a0d37-6c42-4e8b-b5d3-0a7e9c2f4b61',
    usableMiB: 81_200,
    reservedMiB: 720,
    usedPercent: VRAM_AT_REST_PERCENT,
  }))
}

const bootTimeMs = Date.now() - 3.2 * 24 * 3600 * 1000

/** A slow wave in [-1, 1], so gauges do not look frozen. */
function wave(tSec: number, periodSec: number, phase: number): number {
  return Math.sin((2 * Math.PI * tSec) / periodSec + phase)
}

/** Busy seconds of one CPU since boot: the integral of `busy + 0.03 * wave(t, 47 s, phase)`. */
function busySeconds(host: DemoHost, cpu: number, uptimeSec: number): number {
  const amplitude = 0.03
  const periodSec = 47
  const phase = cpu * 0.7
  const k = (2 * Math.PI) / periodSec
  return host.busyFraction * uptimeSec - (amplitude / k) * (Math.cos(k * uptimeSec + phase) - Math.cos(phase))
}

/** CPU seconds per mode, rounded to USER_HZ (0.01 s) as node_exporter shows them; every mode only grows. */
function cpuModes(host: DemoHost, cpu: number, uptimeSec: number): Array<[string, number]> {
  const busy = busySeconds(host, cpu, uptimeSec)
  const iowait = 0.004 * uptimeSec
  const steal = host.stealFraction * uptimeSec
  const modes: Array<[string, number]> = [
    ['idle', uptimeSec - busy - iowait - steal],
    ['iowait', iowait],
    ['irq', 0.01 * busy],
    ['nice', 0.02 * busy],
    ['softirq', 0.05 * busy],
    ['steal', steal],
    ['system', 0.2 * busy],
    ['user', 0.72 * busy],
  ]
  return modes.map(([mode, seconds]) => [mode, Math.round(seconds * 100) / 100])
}

class Exposition {
  private readonly lines: string[] = []

  family(
    name: string,
    type: 'gauge' | 'counter',
    help: string,
    samples: ReadonlyArray<[Labels, number]>,
  ): this {
    this.lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`)
    for (const [labels, value] of samples)
      this.lines.push(`${name}${labelBlock(labels)} ${formatValue(value)}`)
    return this
  }

  text(): string {
    return `${this.lines.join('\n')}\n`
  }
}

export function renderNodeExporter(host: DemoHost, nowMs = Date.now()): string {
  const uptimeSec = (nowMs - bootTimeMs) / 1000
  const tSec = nowMs / 1000
  const cpuSamples: Array<[Labels, number]> = []
  for (let cpu = 0; cpu < host.cpuCount; cpu++) {
    for (const [mode, seconds] of cpuModes(host, cpu, uptimeSec))
      cpuSamples.push([{ cpu: String(cpu), mode }, seconds])
  }
  const usedFraction = host.memUsedFraction + 0.01 * wave(tSec, 83, 0)
  const kib = (bytes: number): number => Math.round(bytes / 1024) * 1024
  const availBytes = kib(host.memTotalBytes * (1 - usedFraction))
  const fsLabels = (fs: Filesystem): Labels => ({
    device: fs.device,
    fstype: fs.fstype,
    mountpoint: fs.mountpoint,
  })
  const availOf = (fs: Filesystem): number => Math.round((fs.sizeBytes * (1 - fs.usedFraction)) / 4096) * 4096
  const load1 = host.cpuCount * host.busyFraction * (1 + 0.1 * wave(tSec, 61, 1))
  return new Exposition()
    .family('node_cpu_seconds_total', 'counter', 'Seconds the CPUs spent in each mode.', cpuSamples)
    .family(
      'node_filesystem_avail_bytes',
      'gauge',
      'Filesystem space available to non-root users in bytes.',
      [...host.filesystems.map((fs): [Labels, number] => [fsLabels(fs), availOf(fs)])],
    )
    .family('node_filesystem_size_bytes', 'gauge', 'Filesystem size in bytes.', [
      ...host.filesystems.map((fs): [Labels, number] => [fsLabels(fs), fs.sizeBytes]),
    ])
    .family('node_load1', 'gauge', '1m load average.', [[{}, Math.round(load1 * 100) / 100]])
    .family('node_memory_MemAvailable_bytes', 'gauge', 'Memory information field MemAvailable_bytes.', [
      [{}, availBytes],
    ])
    .family('node_memory_MemFree_bytes', 'gauge', 'Memory information field MemFree_bytes.', [
      [{}, kib(availBytes * 0.35)],
    ])
    .family('node_memory_MemTotal_bytes', 'gauge', 'Memory information field MemTotal_bytes.', [
      [{}, host.memTotalBytes],
    ])
    .family('node_uname_info', 'gauge', 'Labeled system information as provided by the uname system call.', [
      [
        {
          domainname: '(none)',
          machine: 'x86_64',
          nodename: host.name,
          release: '6.1.0-27-cloud-amd64',
          sysname: 'Linux',
          version: '#1 SMP PREEMPT_DYNAMIC Debian 6.1.115-1 (2024-11-01)',
        },
        1,
      ],
    ])
    .text()
}

/**
 * The CPU counters `host` would have shown from `fromMs` to `toMs`, as OpenMetrics for `promtool tsdb
 * create-blocks-from openmetrics`, labelled as Prometheus stores them (`target` adds `job` and `instance`). A fresh
 * Prometheus has no history, and `rate(…[2m])` over a few seconds of samples is extrapolated as if the counter had
 * barely moved in the rest of the 2 minutes — the idle rate reads near 0, so the cpu check would read ~100 %.
 */
export function nodeCpuHistory(
  host: DemoHost,
  target: Labels,
  fromMs: number,
  toMs: number,
  stepMs: number,
): string {
  const times: number[] = []
  for (let atMs = fromMs; atMs <= toMs; atMs += stepMs) times.push(atMs)
  const lines = ['# TYPE node_cpu_seconds counter']
  for (let cpu = 0; cpu < host.cpuCount; cpu++) {
    const history = times.map((atMs) => cpuModes(host, cpu, (atMs - bootTimeMs) / 1000))
    history[0]!.forEach(([mode], index) => {
      const series = `node_cpu_seconds_total${labelBlock({ cpu: String(cpu), mode, ...target })}`
      times.forEach((atMs, t) =>
        lines.push(`${series} ${history[t]![index]![1]} ${(atMs / 1000).toFixed(3)}`),
      )
    })
  }
  return `${lines.join('\n')}\n# EOF\n`
}

export function renderDcgmExporter(gpus: readonly DemoGpu[], hostname: string, nowMs = Date.now()): string {
  const tSec = nowMs / 1000
  const labelsOf = (g: DemoGpu): Labels => ({
    gpu: g.gpu,
    UUID: g.uuid,
    device: `nvidia${g.gpu}`,
    modelName: GPU_MODEL,
    Hostname: hostname,
    DCGM_FI_DRIVER_VERSION: '550.90.07',
  })
  const usedMiB = (g: DemoGpu): number => Math.round((g.usableMiB * g.usedPercent) / 100)
  const each = (value: (g: DemoGpu) => number): Array<[Labels, number]> =>
    gpus.map((g) => [labelsOf(g), value(g)])
  return new Exposition()
    .family(
      'DCGM_FI_DEV_GPU_TEMP',
      'gauge',
      'GPU temperature (in C).',
      each((g) => 57 + Number(g.gpu)),
    )
    .family(
      'DCGM_FI_DEV_POWER_USAGE',
      'gauge',
      'Power draw (in W).',
      each((g) => Math.round((310 + 25 * wave(tSec, 13, Number(g.gpu))) * 1000) / 1000),
    )
    .family(
      'DCGM_FI_DEV_GPU_UTIL',
      'gauge',
      'GPU utilization (in %).',
      each((g) => Math.round(70 + 12 * wave(tSec, 17, Number(g.gpu)))),
    )
    .family(
      'DCGM_FI_DEV_FB_FREE',
      'gauge',
      'Framebuffer memory free (in MiB).',
      each((g) => g.usableMiB - usedMiB(g)),
    )
    .family('DCGM_FI_DEV_FB_USED', 'gauge', 'Framebuffer memory used (in MiB).', each(usedMiB))
    .family(
      'DCGM_FI_DEV_FB_RESERVED',
      'gauge',
      'Framebuffer memory reserved (in MiB).',
      each((g) => g.reservedMiB),
    )
    .text()
}

/** vLLM's `/metrics` (v1 engine names): KV-cache usage 0.0–1.0 moving around 0.35. */
export function renderVllm(nowMs = Date.now()): string {
  const tSec = nowMs / 1000
  const labels = { engine: '0', model_name: VLLM_MODEL }
  const kvCache = 0.35 + 0.04 * wave(tSec, 29, 0)
  const running = Math.round(14 + 4 * wave(tSec, 23, 2))
  return new Exposition()
    .family('vllm:num_requests_running', 'gauge', 'Number of requests in model execution batches.', [
      [labels, running],
    ])
    .family('vllm:num_requests_waiting', 'gauge', 'Number of requests waiting to be processed.', [
      [labels, 0],
    ])
    .family('vllm:kv_cache_usage_perc', 'gauge', 'KV-cache usage. 1 means 100 percent usage.', [
      [labels, Math.round(kvCache * 10_000) / 10_000],
    ])
    .text()
}

export function labelBlock(labels: Labels): string {
  const pairs = Object.entries(labels).map(
    ([name, value]) => `${name}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`,
  )
  return pairs.length === 0 ? '' : `{${pairs.join(',')}}`
}

/** A sample value as Prometheus writes it: `NaN`, `+Inf`, `-Inf`, else the shortest decimal. */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf'
  return String(value)
}
