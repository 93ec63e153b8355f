/**
 * Fault matrix, Prometheus rows (issue #6), through dist/index.js: a Prometheus that cannot be reached, refuses TLS or
 * credentials, or answers with something other than a usable instant vector. Measurements that could not be taken are
 * `error`s → `inconclusive` (deployment `error`); NaN/±Inf and empty results follow `on-no-data`; a flapping value
 * fails on `max-failures`. The rows are in prometheus-rows.ts; matrix-a-harness.ts runs them and checks what every row
 * shares (the recorded statuses, no secret anywhere).
 */
import { afterAll, beforeAll, describe, it } from 'vitest'
import { cleanupActionRuns } from '../../testkit/runner.ts'
import { cleanupRowWorkspaces, runRow, startFaultServers, type FaultServers } from './matrix-a-harness.ts'
import { prometheusInputs, prometheusRows } from './prometheus-rows.ts'

describe('Prometheus faults through dist/index.js', () => {
  let servers: FaultServers

  beforeAll(async () => {
    servers = await startFaultServers(prometheusRows)
  })

  afterAll(async () => {
    await servers?.close()
    await cleanupActionRuns()
    await cleanupRowWorkspaces()
  })

  it.each(prometheusRows)('$id: $fault', async (row) => {
    await runRow(row, servers, prometheusInputs)
  })
})
