/**
 * The NAB series of ../shared/data/nab (Numenta Anomaly Benchmark, MIT; see its NOTICE), read as the verdict-accuracy
 * corpus uses them: each CSV's values in file order with their times, and the labelled anomaly windows of
 * `combined_windows.json`. The only module of the corpus that touches the disk.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { sharedPath } from '../shared-dir.ts'

export const NAB_DIR = sharedPath('data', 'nab')

export type Family = 'tweets' | 'traffic' | 'artificial'

export const FAMILIES: readonly Family[] = ['tweets', 'traffic', 'artificial']

/** NAB folders per family. */
export const FAMILY_FOLDERS: Readonly<Record<Family, readonly string[]>> = {
  tweets: ['realTweets'],
  traffic: ['realTraffic'],
  artificial: ['artificialNoAnomaly', 'artificialWithAnomaly'],
}

export interface NabSeries {
  /** As in combined_windows.json: `realTweets/Twitter_volume_AAPL.csv`. */
  readonly file: string
  readonly family: Family
  readonly timesMs: readonly number[]
  readonly values: readonly number[]
  /** Labelled anomaly windows `[startMs, endMs]`. */
  readonly windowsMs: readonly (readonly [number, number])[]
}

/** `2015-03-03 21:07:53` or `2015-03-03 21:07:53.000000`, read as UTC. */
export function nabTimeMs(text: string): number {
  const match = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d+))?$/.exec(text.trim())
  if (match === null) throw new Error(`not a NAB timestamp: ${JSON.stringify(text)}`)
  const ms = (match[3] ?? '0').padEnd(3, '0').slice(0, 3)
  return Date.parse(`${match[1]}T${match[2]}.${ms}Z`)
}

/** `timestamp,value` lines after the header; a line that is not one is an error naming the file and line. */
export function parseNabCsv(file: string, text: string): { timesMs: number[]; values: number[] } {
  const timesMs: number[] = []
  const values: number[] = []
  const lines = text.split(/\r?\n/)
  if (lines[0]?.trim() !== 'timestamp,value') throw new Error(`${file}: header is not timestamp,value`)
  lines.slice(1).forEach((line, i) => {
    if (line.trim() === '') return
    const [time, value, extra] = line.split(',')
    const v = Number(value)
    if (
      time === undefined ||
      value === undefined ||
      extra !== undefined ||
      value.trim() === '' ||
      Number.isNaN(v)
    )
      throw new Error(`${file}:${i + 2}: not timestamp,value: ${JSON.stringify(line)}`)
    timesMs.push(nabTimeMs(time))
    values.push(v)
  })
  return { timesMs, values }
}

/** Every series of `families`, files sorted by name within each family. */
export function loadNab(families: readonly Family[] = FAMILIES, dir = NAB_DIR): NabSeries[] {
  const windows = JSON.parse(readFileSync(join(dir, 'combined_windows.json'), 'utf8')) as Record<
    string,
    [string, string][]
  >
  return families.flatMap((family) =>
    FAMILY_FOLDERS[family].flatMap((folder) =>
      readdirSync(join(dir, folder))
        .filter((name) => name.endsWith('.csv'))
        .sort()
        .map((name) => {
          const file = `${folder}/${name}`
          const { timesMs, values } = parseNabCsv(file, readFileSync(join(dir, file), 'utf8'))
          const labelled = windows[file]
          if (labelled === undefined) throw new Error(`combined_windows.json has no entry for ${file}`)
          const windowsMs = labelled.map(([a, b]) => [nabTimeMs(a), nabTimeMs(b)] as const)
          return { file, family, timesMs, values, windowsMs }
        }),
    ),
  )
}
