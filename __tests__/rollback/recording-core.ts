/** A plain object standing in for @actions/core that records every call (outputs, log lines, annotations, summary). */
import type { ReportingCore } from '../../src/report/publish.ts'

export interface RecordedCalls {
  readonly outputs: Record<string, string>
  readonly infos: string[]
  readonly warnings: string[]
  readonly errors: string[]
  readonly notices: string[]
  readonly summaries: string[]
}

export function recordingCore(): { core: ReportingCore; calls: RecordedCalls } {
  const calls: RecordedCalls = {
    outputs: {},
    infos: [],
    warnings: [],
    errors: [],
    notices: [],
    summaries: [],
  }
  let pending = ''
  const core: ReportingCore = {
    setOutput: (name, value) => {
      calls.outputs[name] = value
    },
    error: (message) => calls.errors.push(message),
    notice: (message) => calls.notices.push(message),
    warning: (message) => calls.warnings.push(message),
    info: (message) => calls.infos.push(message),
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
