/**
 * `npm run bench` runs every figure of docs/performance.md and prints the table (Markdown); `npm run bench -- <figure>
 * …` runs some. Exits 1 when a target is missed or a figure could not be measured. Not part of `npm test`.
 */
import { availableParallelism, cpus, totalmem } from 'node:os'
import { readFileSync } from 'node:fs'
import { passed, renderTable, type Row } from './table.ts'

const FIGURES: Readonly<Record<string, () => Promise<Row[]>>> = {
  'round-latency': async () => (await import('./round-latency.ts')).roundLatency(),
  'cold-start': async () => (await import('./cold-start.ts')).coldStart(),
  'time-to-fail': async () => (await import('./time-to-fail.ts')).timeToFail(),
  'fleet-scale': async () => (await import('./fleet-scale.ts')).fleetScale(),
  'rollback-cost': async () => (await import('./rollback-cost.ts')).rollbackCost(),
  baselines: async () => (await import('./baselines.ts')).baselines(),
  services: async () => (await import('./services.ts')).services(),
}

function machine(): string {
  let model = cpus()[0]?.model ?? 'unknown CPU'
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'))
    if (line) model = line.split(':')[1]!.trim()
  } catch {
    // not Linux: os.cpus() it is
  }
  const memGiB = (totalmem() / 1024 ** 3).toFixed(1)
  return `${availableParallelism()} CPUs (nproc), ${memGiB} GiB memory, ${model}, Node ${process.version}`
}

async function main(): Promise<number> {
  const asked = process.argv.slice(2).filter((a) => a !== '--')
  const unknown = asked.filter((name) => !(name in FIGURES))
  if (unknown.length > 0) {
    console.error(`unknown figure ${unknown.join(', ')}; figures: ${Object.keys(FIGURES).join(', ')}`)
    return 2
  }
  const names = asked.length > 0 ? asked : Object.keys(FIGURES)
  console.log(`deploy-gate bench on ${machine()}\n`)
  const rows: Row[] = []
  const broken: string[] = []
  for (const name of names) {
    const start = performance.now()
    console.error(`… ${name}`)
    try {
      rows.push(...(await FIGURES[name]!()))
      console.error(`  ${name} done in ${((performance.now() - start) / 1000).toFixed(1)} s`)
    } catch (err) {
      broken.push(name)
      console.error(
        `  ${name} could not be measured: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
      )
    }
  }
  console.log(renderTable(rows))
  const missed = rows.filter((row) => passed(row) === false)
  console.log('')
  for (const row of missed)
    console.log(`MISSED: ${row.figure}: ${row.measure} — target ${row.target?.text ?? ''}`)
  for (const name of broken) console.log(`NOT MEASURED: ${name} (see the error above)`)
  if (missed.length === 0 && broken.length === 0) console.log('every target met')
  return missed.length > 0 || broken.length > 0 ? 1 : 0
}

process.exitCode = await main()
