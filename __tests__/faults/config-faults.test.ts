/**
 * Fault matrix, config rows (issue #6), through dist/index.js: every bad input and bad config file fails the step
 * with exit 1 and an error naming what is wrong, before any request to GitHub, Prometheus or a health URL. The rows
 * are in config-rows.ts; matrix-a-harness.ts runs them and checks what every row shares (no secret anywhere, nothing
 * recorded).
 */
import { afterAll, beforeAll, describe, it } from 'vitest'
import { cleanupActionRuns } from '../../testkit/runner.ts'
import { configRows } from './config-rows.ts'
import { cleanupRowWorkspaces, runRow, startFaultServers, type FaultServers } from './matrix-a-harness.ts'
import { baseInputs } from './matrix-a-table.ts'

describe('config faults through dist/index.js', () => {
  let servers: FaultServers

  beforeAll(async () => {
    servers = await startFaultServers(configRows)
  })

  afterAll(async () => {
    await servers?.close()
    await cleanupActionRuns()
    await cleanupRowWorkspaces()
  })

  it.each(configRows)('$id: $fault', async (row) => {
    await runRow(row, servers, baseInputs)
  })
})
