/**
 * Shared by the security tests: hostile payloads, a workspace with a config file, and checks of what the runner
 * would do with a step's stdout (parsed as actions/runner parses it, see testkit/workflow-commands.ts).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { expect } from 'vitest'
import { parseCommandLine, stdoutLines } from '../../testkit/workflow-commands.ts'
import type { ActionResult } from '../../testkit/runner.ts'

export const CONFIG = '.github/deploy-gate.yml'

/** Workflow commands an attacker would like the runner to run, each starting a line (after `\r` or `\n`). */
export const FORGED = {
  annotation: '\r::error title=pwned::forged annotation',
  output: '\n::set-output name=verdict::stable',
  mask: '\r::add-mask::deploy',
  stop: '\r::stop-commands::pwnedtoken',
  legacy: '##[error]legacy forged',
} as const

const workspaces: string[] = []

/** A fresh workspace (GITHUB_WORKSPACE) holding `yaml` at `CONFIG`. */
export async function workspaceWith(yaml: string, file = CONFIG): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'deploy-gate-security-'))
  workspaces.push(dir)
  await mkdir(dirname(join(dir, file)), { recursive: true })
  await writeFile(join(dir, file), yaml)
  return dir
}

export async function removeWorkspaces(): Promise<void> {
  await Promise.all(workspaces.splice(0).map((d) => rm(d, { recursive: true, force: true })))
}

/**
 * Every workflow command the runner would read from main's stdout that the action did not mean to send: a
 * `stop-commands`, an `add-mask` or `set-output` of ours never happens (masks are registered by value, outputs go to
 * GITHUB_OUTPUT), an annotation titled `pwned`, a legacy `##[` command.
 */
export function forgedCommands(r: ActionResult): string[] {
  const out: string[] = []
  for (const line of stdoutLines(r.stdout)) {
    const cmd = parseCommandLine(line)
    if (!cmd) continue
    const legacy = !line.trimStart().startsWith('::')
    const forged =
      legacy ||
      cmd.command === 'stop-commands' ||
      cmd.command === 'set-output' ||
      cmd.properties['title'] === 'pwned' ||
      (cmd.command === 'add-mask' && cmd.message.startsWith('deploy'))
    if (forged) out.push(JSON.stringify(line))
  }
  return out
}

/** The runner-visible checks every hostile run must pass. */
export function expectNoForgedCommands(r: ActionResult): void {
  expect(forgedCommands(r), 'forged workflow commands in stdout').toEqual([])
}

/** Markdown without its code spans and `<code>` elements (GitHub never autolinks inside them). */
export function outsideCode(markdown: string): string {
  return markdown.replace(/<code>[\s\S]*?<\/code>/g, '').replace(/(`+)[\s\S]*?\1/g, '')
}

/**
 * What people and GitHub get to see of `r` — stdout without the `::add-mask::` commands (the runner consumes them; they
 * must carry the raw secret), stderr, summary, annotations — plus `extra` texts (report file, records, check run).
 */
export function everythingWritten(r: ActionResult, extra: readonly string[] = []): string {
  const stdout = stdoutLines(r.stdout)
    .filter((line) => parseCommandLine(line)?.command !== 'add-mask')
    .join('\n')
  const annotations = r.annotations.map((a) => `${a.title ?? ''} ${a.message}`)
  return [stdout, r.stderr, r.summary, ...annotations, ...extra].join('\n')
}
