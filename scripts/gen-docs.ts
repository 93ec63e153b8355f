/**
 * Regenerates the inputs and outputs tables of README.md from action.yml (`npm run docs`), between
 * `<!-- start inputs -->` / `<!-- end inputs -->` and `<!-- start outputs -->` / `<!-- end outputs -->`; the rest of
 * the README is left alone. __tests__/action/readme.test.ts fails when the README drifts from action.yml.
 *
 * The tables use Prettier's compact form, so `prettier --check` leaves them as generated.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import * as prettier from 'prettier'
import { parse } from 'yaml'

export const README_PATH = fileURLToPath(new URL('../README.md', import.meta.url))
export const ACTION_PATH = fileURLToPath(new URL('../action.yml', import.meta.url))

interface ActionEntry {
  readonly description?: string
  readonly default?: string
}

interface ActionYml {
  readonly inputs?: Record<string, ActionEntry>
  readonly outputs?: Record<string, ActionEntry>
}

/** `Default X.` in a description: X may hold code spans with dots (`deploy.yml`). */
const DEFAULT_SENTENCE = /(?:^|\s)Default ((?:`[^`]*`|[^.`])+)\.(?=\s|$)/

/** A table cell: one line, pipes escaped. */
function cell(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replaceAll('|', '\\|')
}

/**
 * An input's description without its `Default …` sentence, and that default: the action.yml `default:` when there
 * is one (github-token), else the sentence's text, else a `` `x` (default)`` in the text, else `required in <mode>`
 * for `<mode> (required): …`. Empty when none of these.
 */
export function splitDefault(entry: ActionEntry): { description: string; default: string } {
  const description = (entry.description ?? '').trim()
  if (entry.default !== undefined) return { description, default: `\`${entry.default}\`` }
  const m = DEFAULT_SENTENCE.exec(description)
  if (!m) {
    // `gate` (default): …  — the default named in place; or an input required in one mode.
    const inPlace = /(`[^`]+`) \(default\)/.exec(description)
    const required = /^(\w+) \(required\)/.exec(description)
    return { description, default: inPlace?.[1] ?? (required ? `required in ${required[1]}` : '') }
  }
  const rest = (description.slice(0, m.index) + description.slice(m.index + m[0].length)).trim()
  return { description: rest, default: m[1]!.trim() }
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

export function renderInputsTable(action: ActionYml): string {
  const rows = Object.entries(action.inputs ?? {}).map(([name, entry]) => {
    const { description, default: dflt } = splitDefault(entry)
    return [`\`${name}\``, cell(description), cell(dflt)]
  })
  return table(['input', 'description', 'default'], rows)
}

export function renderOutputsTable(action: ActionYml): string {
  const rows = Object.entries(action.outputs ?? {}).map(([name, entry]) => [
    `\`${name}\``,
    cell((entry.description ?? '').trim()),
  ])
  return table(['output', 'description'], rows)
}

/** Replaces what lies between `<!-- start NAME -->` and `<!-- end NAME -->` with `content`. */
export function replaceSection(readme: string, name: string, content: string): string {
  const start = `<!-- start ${name} -->`
  const end = `<!-- end ${name} -->`
  const from = readme.indexOf(start)
  const to = readme.indexOf(end)
  if (from < 0 || to < from) throw new Error(`README.md has no "${start}" … "${end}" section`)
  return `${readme.slice(0, from + start.length)}\n\n${content}\n\n${readme.slice(to)}`
}

/** The README with both tables regenerated from the text of action.yml. Pure. */
export function renderReadme(readme: string, actionYml: string): string {
  const action = parse(actionYml) as ActionYml
  const withInputs = replaceSection(readme, 'inputs', renderInputsTable(action))
  return replaceSection(withInputs, 'outputs', renderOutputsTable(action))
}

/** `renderReadme`, then laid out by Prettier as `prettier --check` (in lint) expects. */
export async function renderFormattedReadme(readme: string, actionYml: string): Promise<string> {
  const options = (await prettier.resolveConfig(README_PATH)) ?? {}
  return prettier.format(renderReadme(readme, actionYml), { ...options, filepath: README_PATH })
}

if (import.meta.main) {
  const before = readFileSync(README_PATH, 'utf8')
  const after = await renderFormattedReadme(before, readFileSync(ACTION_PATH, 'utf8'))
  if (after !== before) writeFileSync(README_PATH, after)
  console.log(
    after === before ? 'README.md is up to date' : 'README.md: inputs and outputs tables regenerated',
  )
}
