/**
 * Reading an app's /metrics: the exposition text, and a small parser of its samples (name, labels, value) for
 * assertions. Comment lines are kept apart: `# UNIT` and `# TYPE` say what a family is.
 */

export interface Sample {
  readonly name: string
  readonly labels: Readonly<Record<string, string>>
  readonly value: number
}

/** GET `<app.url><app.metricsPath>` and its text; throws on a non-200 answer. */
export async function scrapeMetrics(app: {
  readonly url: string
  readonly metricsPath: string
}): Promise<string> {
  const res = await fetch(`${app.url}${app.metricsPath}`, { signal: AbortSignal.timeout(5000) })
  const text = await res.text()
  if (res.status !== 200)
    throw new Error(`${app.url}${app.metricsPath}: HTTP ${res.status}: ${text.slice(0, 200)}`)
  return text
}

const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g

/** The samples of a text exposition (classic names only; escaped label values are kept escaped). */
export function parseSamples(text: string): Sample[] {
  const samples: Sample[] = []
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})?\s+(\S+)/.exec(line)
    if (match === null) continue
    const labels: Record<string, string> = {}
    for (const label of (match[2] ?? '').matchAll(LABEL)) labels[label[1]!] = label[2]!
    samples.push({ name: match[1]!, labels, value: Number(match[3]) })
  }
  return samples
}

/** `# UNIT <family> <unit>` and `# TYPE <family> <type>` lines, by family name. */
export function familyMeta(text: string): Map<string, { type?: string; unit?: string }> {
  const meta = new Map<string, { type?: string; unit?: string }>()
  for (const match of text.matchAll(/^# (TYPE|UNIT) (\S+) (\S+)$/gm)) {
    const entry = meta.get(match[2]!) ?? {}
    if (match[1] === 'TYPE') entry.type = match[3]!
    else entry.unit = match[3]!
    meta.set(match[2]!, entry)
  }
  return meta
}

/** The sum of the values of the samples named `name` whose labels include `where`. */
export function sumOf(
  samples: readonly Sample[],
  name: string,
  where: Readonly<Record<string, string>> = {},
): number {
  return samples
    .filter((s) => s.name === name && Object.entries(where).every(([k, v]) => s.labels[k] === v))
    .reduce((total, s) => total + s.value, 0)
}
