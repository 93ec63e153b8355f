/** The real instrumented apps toolkit: start one, drive load at it, read its /metrics. README.md says what each emits. */
export { APP_KINDS, startApp } from './start-app.ts'
export type { AppKind, Behaviour, RunningApp, StartAppOptions } from './start-app.ts'
export { startLoad } from './load.ts'
export type { Load, LoadOptions } from './load.ts'
export { familyMeta, parseSamples, scrapeMetrics, sumOf } from './scrape.ts'
export type { Sample } from './scrape.ts'
