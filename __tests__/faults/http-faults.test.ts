/**
 * Fault matrix, HTTP-health rows (issue #6), through dist/index.js: health endpoints that redirect across origins,
 * send more than the 1 MiB body cap, never answer, fail TLS, refuse or reset. Each is a breach of the check — failed
 * at startup (`not healthy within …`) or on its limits — and a cross-origin redirect never carries Authorization or
 * configured headers. The rows are in http-rows.ts; matrix-a-harness.ts runs them and checks what every row shares.
 */
import { afterAll, beforeAll, describe, it } from 'vitest'
import { cleanupActionRuns } from '../../testkit/runner.ts'
import { cleanupRowWorkspaces, runRow, startFaultServers, type FaultServers } from './matrix-a-harness.ts'
import { httpInputs, httpRows } from './http-rows.ts'

describe('HTTP health faults through dist/index.js', () => {
  let servers: FaultServers

  beforeAll(async () => {
    servers = await startFaultServers(httpRows)
  })

  afterAll(async () => {
    await servers?.close()
    await cleanupActionRuns()
    await cleanupRowWorkspaces()
  })

  it.each(httpRows)('$id: $fault', async (row) => {
    await runRow(row, servers, httpInputs)
  })
})
