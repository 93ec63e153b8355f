/**
 * A plain object standing in for the runner's core (`ModeCore`) that records every call: outputs, log lines,
 * annotations (message and properties), job summary, saved state.
 */
import type { ModeCore } from '../src/deps.ts'
import type { AnnotationLevel } from '../src/model/outcome.ts'

export interface RecordedAnnotation {
  readonly level: AnnotationLevel
  readonly message: string
  readonly properties: Readonly<Record<string, unknown>>
}

export interface RecordedCalls {
  readonly outputs: Record<string, string>
  readonly infos: string[]
  readonly warnings: string[]
  readonly errors: string[]
  readonly notices: string[]
  /** Every annotation in the order written. */
  readonly annotations: RecordedAnnotation[]
  readonly summaries: string[]
  readonly state: Record<string, string>
}

export function recordingCore(): { core: ModeCore; calls: RecordedCalls } {
  const calls: RecordedCalls = {
    outputs: {},
    infos: [],
    warnings: [],
    errors: [],
    notices: [],
    annotations: [],
    summaries: [],
    state: {},
  }
  const annotate =
    (level: AnnotationLevel, into: string[]) =>
    (message: string, properties: Readonly<Record<string, unknown>> = {}): void => {
      into.push(message)
      calls.annotations.push({ level, message, properties })
    }
  let pending = ''
  const core: ModeCore = {
    setOutput: (name, value) => {
      calls.outputs[name] = value
    },
    error: annotate('error', calls.errors),
    notice: annotate('notice', calls.notices),
    warning: annotate('warning', calls.warnings),
    info: (message) => calls.infos.push(message),
    saveState: (name, value) => {
      calls.state[name] = value
    },
    getState: (name) => calls.state[name] ?? '',
    summary: {
      addRaw(text) {
        pending += text
        return {
          write: () => {
            calls.summaries.push(pending)
            pending = ''
            return Promise.resolve()
          },
        }
      },
    },
  }
  return { core, calls }
}
