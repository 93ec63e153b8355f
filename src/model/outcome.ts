/** What a mode hands back: a message when the step must fail, nothing when it may end green. */
export interface ModeOutcome {
  readonly failure?: string
}
