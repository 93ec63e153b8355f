/**
 * The only door to the runner. Every log line, annotation (message, title, file), failure message and job summary
 * the action writes goes through `core` here: secrets redacted in every encoding, control characters escaped and
 * `::` / `##[` broken (`safeLine`), annotation budgets kept, the job summary kept within GitHub's 1 MiB. No other
 * module may import `@actions/core` to print (eslint `no-restricted-imports`), so a new log line cannot forget it.
 *
 * Its shape is the part of `@actions/core` the modes use, so a mode writes `core.info(…)` as before.
 */
import * as actionsCore from '@actions/core'
import { EOL } from 'node:os'
import { MAX_ANNOTATIONS_PER_LEVEL } from '../model/outcome.ts'
import { escapeControlChars, redactRegistered, registerSecrets, safeLine } from './redact.ts'

/** GitHub rejects a step summary over 1 MiB. */
export const STEP_SUMMARY_LIMIT_BYTES = 1024 * 1024
/** Annotations on config file lines (`file`), all levels together, per run. */
export const MAX_FILE_ANNOTATIONS = 50

export interface AnnotationProperties {
  readonly title?: string
  readonly file?: string
  readonly startLine?: number
  readonly endLine?: number
}

type Level = 'error' | 'warning' | 'notice'

const written: Record<Level | 'file', number> = { error: 0, warning: 0, notice: 0, file: 0 }
const dropped: Record<Level | 'file', number> = { error: 0, warning: 0, notice: 0, file: 0 }
let summaryBytes = 0
let pendingSummary = ''

function annotate(level: Level, message: string, props: AnnotationProperties = {}): void {
  const bucket = props.file !== undefined ? 'file' : level
  const cap = bucket === 'file' ? MAX_FILE_ANNOTATIONS : MAX_ANNOTATIONS_PER_LEVEL
  if (written[bucket] >= cap) {
    dropped[bucket]++
    return
  }
  written[bucket]++
  actionsCore[level](safeLine(message), safeProperties(props))
}

function safeProperties(props: AnnotationProperties): actionsCore.AnnotationProperties {
  return {
    ...(props.title !== undefined ? { title: safeLine(props.title) } : {}),
    ...(props.file !== undefined ? { file: safeLine(props.file) } : {}),
    ...(props.startLine !== undefined ? { startLine: props.startLine } : {}),
    ...(props.endLine !== undefined ? { endLine: props.endLine } : {}),
  }
}

/** `N annotations over the budget were not written (…)`, or undefined when none was dropped. */
export function droppedAnnotationsNote(): string | undefined {
  const parts = (['error', 'warning', 'notice', 'file'] as const)
    .filter((k) => dropped[k] > 0)
    .map((k) => `${dropped[k]} ${k === 'file' ? 'config-line' : k}`)
  if (parts.length === 0) return undefined
  return (
    `${parts.join(', ')} annotation(s) over the budget (${MAX_ANNOTATIONS_PER_LEVEL} per level, ` +
    `${MAX_FILE_ANNOTATIONS} on config lines) were not written; the summary and the JSON report list everything`
  )
}

/** Markdown with secrets redacted and control characters other than line feed and tab shown as `\xNN`. */
export function safeMarkdown(markdown: string): string {
  return escapeControlChars(redactRegistered(markdown).replace(/\r\n/g, '\n'))
}

/**
 * Markdown for the job summary (`safeMarkdown`), with the count of annotations left out over the budget, and cut at a line boundary so that the step's summary file stays within `STEP_SUMMARY_LIMIT_BYTES`.
 */
export function safeSummary(markdown: string, budgetBytes: number): string {
  const text = safeMarkdown(markdown)
  const dropped = droppedAnnotationsNote()
  const note = dropped === undefined ? '' : `\n> [!NOTE]\n> ${dropped}.\n`
  if (Buffer.byteLength(text) + Buffer.byteLength(note) <= budgetBytes) return `${text}${note}`
  const tail = '\n\n_… cut here to stay under the 1 MiB step-summary limit; see the JSON report._\n'
  const bytes = Buffer.from(text)
  const end = bytes.lastIndexOf(
    0x0a,
    Math.max(0, budgetBytes - Buffer.byteLength(tail) - Buffer.byteLength(note)),
  )
  return end <= 0 ? '' : `${bytes.subarray(0, end).toString('utf8')}${tail}${note}`
}

interface SafeSummary {
  addRaw(text: string, addEOL?: boolean): SafeSummary
  write(): Promise<SafeSummary>
}

const summary: SafeSummary = {
  addRaw(text: string, addEOL = false): SafeSummary {
    pendingSummary += addEOL ? `${text}${EOL}` : text
    return summary
  },
  async write(): Promise<SafeSummary> {
    const text = safeSummary(pendingSummary, STEP_SUMMARY_LIMIT_BYTES - summaryBytes)
    pendingSummary = ''
    summaryBytes += Buffer.byteLength(text)
    await actionsCore.summary.addRaw(text).write()
    return summary
  },
}

/** The sanitising stand-in for `@actions/core` every mode uses. */
export const core = {
  info: (message: string): void => actionsCore.info(safeLine(message)),
  debug: (message: string): void => actionsCore.debug(safeLine(message)),
  error: (message: string, props?: AnnotationProperties): void => annotate('error', message, props),
  warning: (message: string, props?: AnnotationProperties): void => annotate('warning', message, props),
  notice: (message: string, props?: AnnotationProperties): void => annotate('notice', message, props),
  /** The step's failure message: an error annotation outside the budget (the final one is always written). */
  setOutput: (name: string, value: string): void => actionsCore.setOutput(name, redactRegistered(value)),
  saveState: (name: string, value: string): void => actionsCore.saveState(name, value),
  getState: (name: string): string => actionsCore.getState(name),
  /** Masks `secret` in the runner's log and registers it (and its encodings) for every redaction of this run. */
  setSecret: (secret: string): void => {
    if (secret === '') return
    actionsCore.setSecret(secret)
    registerSecrets([secret])
  },
  summary,
}
