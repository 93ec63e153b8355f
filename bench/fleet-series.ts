/** The fleet of figure 4: 1,000 GPUs (125 hosts × 8), DCGM labels; every 4th GPU reads above 95% VRAM. */
import type { PromSeries } from './local-servers.ts'

export const GPUS = 1_000
export const BREACHING = GPUS / 4
/** Named in the job summary; the rest are counted. */
export const NAMED = 10

export function fleetSeries(): PromSeries[] {
  return Array.from({ length: GPUS }, (_, i) => {
    const host = Math.floor(i / 8)
    const gpu = i % 8
    const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0')
    return {
      labels: {
        Hostname: `gpu-node-${String(host).padStart(3, '0')}`,
        UUID: `GPU-${hex(i * 7919, 8)}-${hex(host, 4)}-${hex(gpu, 4)}-9a3c-${hex(i * 104729, 12)}`,
        device: `nvidia${gpu}`,
        gpu: String(gpu),
        instance: `10.1.${Math.floor(host / 250)}.${host % 250}:9400`,
        job: 'dcgm',
        modelName: 'NVIDIA H100 80GB HBM3',
        pci_bus_id: `00000000:${hex(0x18 + gpu * 0x10, 2).toUpperCase()}:00.0`,
      },
      value: i % 4 === 0 ? 95.5 + (i % 40) / 10 : 60 + (i % 30),
    }
  })
}

export const FLEET_INPUTS = {
  'gpu-selector': 'job="dcgm"',
  'vram-max': '95',
  interval: '1s',
  duration: '2s',
  'max-consecutive-failures': '3',
  'max-failures': '3',
} as const
