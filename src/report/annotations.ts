/** An annotation as every mode publishes it, and GitHub's per-step limit. */

export type AnnotationLevel = 'error' | 'notice'

export interface Annotation {
  readonly level: AnnotationLevel
  readonly title: string
  readonly message: string
}

/** GitHub displays at most 10 annotations of each level per step. */
export const MAX_ANNOTATIONS_PER_LEVEL = 10
