/** Turns anything thrown into one readable line. Non-Error throws must never be lost: a gate that swallowed one could stay green. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) {
    const cause = err.cause instanceof Error ? err.cause.message : undefined
    return cause && !err.message.includes(cause) ? `${err.message}: ${cause}` : err.message
  }
  if (typeof err === 'string') return err
  try {
    return JSON.stringify(err) ?? String(err)
  } catch {
    try {
      return String(err)
    } catch {
      // An object without a prototype, or with a throwing toString: nothing printable, but never a lost failure.
      return 'a value that cannot be printed was thrown'
    }
  }
}

/** An input or config problem: reported before anything touches the network. */
export class ConfigError extends Error {
  readonly problems: readonly Problem[]
  constructor(problems: readonly Problem[]) {
    super(problems.map(formatProblem).join('\n'))
    this.name = 'ConfigError'
    this.problems = problems
  }
}

/** One problem with an input or a config path, with the config file line when known. */
export interface Problem {
  /** `cpu-max` for an input, `metrics[2].max` for a config path. */
  readonly path: string
  readonly message: string
  readonly file?: string
  readonly line?: number
  /** The check the problem belongs to, when it belongs to one. */
  readonly check?: string
}

export function formatProblem(p: Problem): string {
  const where = p.file ? ` (${p.file}${p.line ? `:${p.line}` : ''})` : ''
  return `${p.path}: ${p.message}${where}`
}

/** An error annotation as `core.error` writes it. */
export interface ProblemAnnotation {
  readonly message: string
  readonly title: string
  readonly file?: string
  readonly startLine?: number
}

/**
 * How a config error ends the step (main.ts applies it): one error annotation per problem, on its config line when
 * known, then the step's failure message.
 */
export function configErrorReport(problems: readonly Problem[]): {
  annotations: ProblemAnnotation[]
  failure: string
} {
  return {
    annotations: problems.map((p) => ({
      message: formatProblem(p),
      title: 'deploy-gate: invalid input',
      ...(p.file === undefined ? {} : { file: p.file }),
      ...(p.line === undefined ? {} : { startLine: p.line }),
    })),
    failure: `${problems.length} input or config problem${problems.length === 1 ? '' : 's'}; nothing was recorded`,
  }
}
