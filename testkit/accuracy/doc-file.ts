/**
 * docs/accuracy.md and docs/accuracy-results.json: the results stored raw, the document's generated block rendered
 * from them and formatted as `npm run lint` (prettier) wants it, so the drift test and the script agree byte for byte.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { format, resolveConfig } from 'prettier'
import { renderResultsBlock, replaceBlock } from './render.ts'
import type { AccuracyResults } from './tally.ts'

export const ACCURACY_DOC = fileURLToPath(new URL('../../docs/accuracy.md', import.meta.url))
export const RESULTS_FILE = fileURLToPath(new URL('../../docs/accuracy-results.json', import.meta.url))

export function readResults(file = RESULTS_FILE): AccuracyResults {
  return JSON.parse(readFileSync(file, 'utf8')) as AccuracyResults
}

export async function pretty(text: string, filepath: string): Promise<string> {
  const options = (await resolveConfig(filepath)) ?? {}
  return format(text, { ...options, filepath })
}

/** The document with its generated block rendered from `results`, formatted. */
export async function renderedDoc(doc: string, results: AccuracyResults): Promise<string> {
  return pretty(replaceBlock(doc, renderResultsBlock(results)), ACCURACY_DOC)
}

export async function resultsJson(results: AccuracyResults): Promise<string> {
  return pretty(JSON.stringify(results), RESULTS_FILE)
}
