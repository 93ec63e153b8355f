/**
 * What a mode hands back: plain data, applied by the one `publish` (publish.ts) in a fixed order — outputs,
 * annotations, evidence (report file, job summary, artifact; then `report-path`), record updates (the deployment's
 * final status, the check run; then `check-run-id`), closing annotations. `failure` is the step's failure message,
 * set by main.ts; without it the step may end green.
 */

/** GitHub displays at most 10 annotations of each level per step. */
export const MAX_ANNOTATIONS_PER_LEVEL = 10

export type AnnotationLevel = 'error' | 'warning' | 'notice'

export interface Annotation {
  readonly level: AnnotationLevel
  readonly message: string
  readonly title?: string
  /** A config file line the annotation points at. */
  readonly file?: string
  readonly startLine?: number
}

export interface EvidenceOutcome {
  /** The job summary's markdown. */
  readonly summary: string
  /** The JSON report, already redacted. */
  readonly reportJson: string
  /** Under `RUNNER_TEMP`; directories are created. */
  readonly reportPath: string
  /** The report artifact; `name: 'none'` or no artifact means no upload. */
  readonly artifact?: { readonly name: string; readonly retentionDays: number }
}

/** The gate's deployment record, closed with its verdict (SPEC §4). */
export interface DeploymentClose {
  readonly id: number
  readonly state: 'success' | 'failure' | 'error'
  readonly description: string
  readonly logUrl: string
  readonly environmentUrl?: string
}

/** A check-run annotation on a file line, in GitHub's shape. */
export interface CheckRunAnnotation {
  readonly path: string
  readonly start_line: number
  readonly end_line: number
  readonly annotation_level: 'notice' | 'warning' | 'failure'
  readonly title?: string
  readonly message: string
}

/** A check run to complete (`id`: one the mode started) or to create completed. */
export interface CheckRunPublish {
  readonly id?: number
  readonly name: string
  readonly conclusion: 'success' | 'failure' | 'neutral'
  readonly title: string
  readonly summary: string
  readonly annotations: readonly CheckRunAnnotation[]
}

export interface ModeOutcome {
  /** Step outputs, set first (`report-path` and `check-run-id` are set by publish from what it wrote). */
  readonly outputs: Readonly<Record<string, string>>
  readonly annotations: readonly Annotation[]
  readonly evidence?: EvidenceOutcome
  readonly deployment?: DeploymentClose
  readonly checkRun?: CheckRunPublish
  /** Annotations written last: the step's closing line (a dry-run notice, an inconclusive warning). */
  readonly closing: readonly Annotation[]
  readonly failure?: string
}
