/**
 * Fault matrix, config rows (issue #6), through dist/index.js: a bad input or bad config file fails the step with
 * exit 1 and an error naming what is wrong, before any request to GitHub, Prometheus or a health URL. The rows are in
 * config-rows.ts; every one runs in-process in __tests__/config/config-rows.test.ts, and the handful here
 * (`THROUGH_DIST`) prove the wiring; matrix-a-harness.ts runs them and checks what every row shares (no secret
 * anywhere, nothing recorded).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cleanupActionRuns } from '../../testkit/runner.ts'
import { configRows, THROUGH_DIST } from './config-rows.ts'
import { cleanupRowWorkspaces, runRow, startFaultServers, type FaultServers } from './matrix-a-harness.ts'
import { baseInputs } from './matrix-a-table.ts'

const rows = configRows.filter((r) => THROUGH_DIST.has(r.id))

describe('config faults through dist/index.js', () => {
  it('every row picked for dist exists', () => {
    expect(rows.map((r) => r.id).sort()).toEqual([...THROUGH_DIST].sort())
  })

  let servers: FaultServers

  beforeAll(async () => {
    servers = await startFaultServers(rows)
  })

  afterAll(async () => {
    await servers?.close()
    await cleanupActionRuns()
    await cleanupRowWorkspaces()
  })

  it.each(rows)('$id: $fault', async (row) => {
    await runRow(row, servers, baseInputs)
  })
})
