/** The evidence of one service's detection (SPEC §2 "Service checks"), shared by the report and both modes. */

/** What the report says about one service. */
export interface ServiceEvidence {
  readonly service: string
  readonly selector: string
  /** A catalogue convention id (services/catalogue.ts). */
  readonly convention?: string
  readonly title?: string
  /** The metric names it was recognised by, as the server sent them (printed through the sanitiser only). */
  readonly recognisedBy: readonly string[]
  /** Other conventions present under the selector (layers), not used. */
  readonly otherLayers: readonly string[]
  /** The queries with `rate-window` (the baseline's; a round's range is in each sample). */
  readonly queries?: { readonly traffic: string; readonly errors: string; readonly latency?: string }
  /** Why there is no latency check. */
  readonly noLatency?: string
  readonly pitfalls: readonly string[]
  /** Nothing recognised, or the detection could not be made. */
  readonly problem?: string
  /** Detections made, when more than one: the request failed at gate start and was made again in later rounds. */
  readonly attempts?: number
}
