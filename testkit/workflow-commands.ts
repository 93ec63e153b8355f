/**
 * What the GitHub runner reads from a step: file commands (`GITHUB_OUTPUT`, `GITHUB_STATE`, `GITHUB_ENV`) and workflow
 * commands on stdout (`::error file=f,line=3::message`, `##[error]message`), parsed and unescaped as actions/runner
 * does (src/Runner.Common/ActionCommand.cs, src/Runner.Worker/ActionCommandManager.cs).
 */

export interface WorkflowCommand {
  readonly command: string
  readonly properties: Readonly<Record<string, string>>
  readonly message: string
}

export interface Annotation {
  readonly level: 'error' | 'warning' | 'notice'
  readonly message: string
  readonly title?: string
  readonly file?: string
  readonly line?: number
  readonly endLine?: number
  readonly col?: number
  readonly endColumn?: number
}

/**
 * `name=value` lines and `name<<DELIMITER` … `DELIMITER` blocks, as the runner parses `GITHUB_OUTPUT` and friends.
 * Throws on a malformed file, as the runner fails the step.
 */
export function parseFileCommand(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (line === '') continue
    const eq = line.indexOf('=')
    const heredoc = line.indexOf('<<')
    if (eq >= 0 && (heredoc < 0 || eq < heredoc)) {
      out[line.slice(0, eq)] = line.slice(eq + 1)
      continue
    }
    if (heredoc < 0) throw new Error(`invalid file command line ${i + 1}: ${JSON.stringify(line)}`)
    const name = line.slice(0, heredoc)
    const delimiter = line.slice(heredoc + 2)
    const value: string[] = []
    for (i++; ; i++) {
      if (i >= lines.length) throw new Error(`file command ${name}: no closing delimiter ${delimiter}`)
      if (lines[i] === delimiter) break
      value.push(lines[i] ?? '')
    }
    out[name] = value.join('\n')
  }
  return out
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

function unescapeProperty(s: string): string {
  return s
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%')
}

/**
 * One stdout line as a workflow command, or undefined when it is not one — as actions/runner's ActionCommand does:
 * `::name k=v,k=v::data` after leading whitespace (TryParseV2 trims it), else the older `##[name k=v;k=v]data`
 * anywhere in the line (TryParse: `IndexOf("##[")`). Every command name counts here (the runner acts only on the
 * registered ones), so a test that finds none is stricter than the runner.
 */
export function parseCommandLine(rawLine: string): WorkflowCommand | undefined {
  const line = rawLine.trimStart()
  if (line.startsWith('::')) {
    const end = line.indexOf('::', 2)
    if (end >= 0) {
      const info = line.slice(2, end)
      const space = info.indexOf(' ')
      const command = space < 0 ? info : info.slice(0, space)
      const properties: Record<string, string> = {}
      if (space >= 0) {
        for (const pair of info.slice(space + 1).split(',')) {
          const eq = pair.indexOf('=')
          if (eq > 0) properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1))
        }
      }
      return { command, properties, message: unescapeData(line.slice(end + 2)) }
    }
  }
  const prefix = rawLine.indexOf('##[')
  if (prefix < 0) return undefined
  const close = rawLine.indexOf(']', prefix)
  if (close < 0) return undefined
  const info = rawLine.slice(prefix + 3, close)
  const space = info.indexOf(' ')
  const command = space < 0 ? info : info.slice(0, space)
  if (command === '') return undefined
  const properties: Record<string, string> = {}
  if (space >= 0) {
    for (const pair of info.slice(space + 1).split(';')) {
      const eq = pair.indexOf('=')
      if (eq > 0) properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1))
    }
  }
  return { command, properties, message: unescapeData(rawLine.slice(close + 1)) }
}

/** A step's stdout as the runner's reader splits it (.NET `ReadLine`): at `\r\n`, `\n` and a lone `\r`. */
export function stdoutLines(stdout: string): string[] {
  return stdout.split(/\r\n|\r|\n/)
}

const LEVELS = new Set(['error', 'warning', 'notice'])

function toNumber(s: string | undefined): number | undefined {
  return s !== undefined && /^\d+$/.test(s) ? Number(s) : undefined
}

/** Workflow commands of a step's stdout (honouring `::stop-commands::`), its annotations, masks and masked log. */
export function parseWorkflowCommands(stdout: string): {
  commands: WorkflowCommand[]
  annotations: Annotation[]
  masks: string[]
  log: string
} {
  const commands: WorkflowCommand[] = []
  let stopToken: string | undefined
  for (const line of stdoutLines(stdout)) {
    if (stopToken !== undefined) {
      // The runner resumes on `::<token>::` (trimmed, case-insensitive) and ignores every other command until then.
      if (line.trim().toLowerCase() === `::${stopToken}::`.toLowerCase()) stopToken = undefined
      continue
    }
    const cmd = parseCommandLine(line)
    if (!cmd) continue
    if (cmd.command === 'stop-commands') stopToken = cmd.message
    else commands.push(cmd)
  }
  const annotations = commands
    .filter((c) => LEVELS.has(c.command))
    .map((c): Annotation => {
      const p = c.properties
      const a: Record<string, unknown> = { level: c.command, message: c.message }
      if (p['title'] !== undefined) a['title'] = p['title']
      if (p['file'] !== undefined) a['file'] = p['file']
      for (const k of ['line', 'endLine', 'col', 'endColumn'] as const) {
        const n = toNumber(p[k])
        if (n !== undefined) a[k] = n
      }
      return a as unknown as Annotation
    })
  const masks = commands.filter((c) => c.command === 'add-mask' && c.message !== '').map((c) => c.message)
  let log = stdout
  for (const m of [...masks].sort((a, b) => b.length - a.length)) log = log.split(m).join('***')
  return { commands, annotations, masks, log }
}
