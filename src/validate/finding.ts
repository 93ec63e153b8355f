import type { Problem } from '../errors.ts'

/** One thing validate found: a config problem or a query Prometheus refused or could not answer. */
export interface Finding extends Problem {
  readonly severity: 'error' | 'warning'
}
