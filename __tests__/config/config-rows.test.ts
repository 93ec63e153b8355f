/**
 * The fault matrix's config rows (__tests__/faults/config-rows.ts), in-process: each row's inputs, env and config file
 * go through `resolveSettings` as main.ts does (action.yml defaults, the config file read from a workspace), and the
 * step's error annotations are built as main.ts builds them (`configErrorReport`). Every row must give at least one
 * problem, each of its expected errors must match one annotation (or the failure line), no secret may show, and its
 * own assertions (file lines) must hold. __tests__/faults/config-faults.test.ts runs a handful of the rows through
 * dist/index.js to prove the wiring, and the rows decided after settings (the CA file is read when the clients are
 * made) only there.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readInputs } from '../../src/config/inputs.ts'
import { loadConfigFile } from '../../src/config/load.ts'
import { readConfigFile } from '../../src/config/read-config-file.ts'
import { resolveSettings } from '../../src/config/settings.ts'
import { configErrorReport } from '../../src/errors.ts'
import { actionInputDefaults, DEFAULT_SHA } from '../../testkit/runner.ts'
import type { Annotation } from '../../testkit/workflow-commands.ts'
import { configRows, DIST_ONLY } from '../faults/config-rows.ts'
import {
  baseInputs,
  CONFIG_PATH,
  FAULT_SECRETS,
  type FaultRow,
  type RowContext,
  type RowRun,
} from '../faults/matrix-a-table.ts'

const workspaces: string[] = []
afterAll(() => {
  for (const dir of workspaces) rmSync(dir, { recursive: true, force: true })
})

/** The row's URLs on a closed port: resolving settings sends nothing. */
function contextFor(row: FaultRow): RowContext {
  const at =
    (port: number, scheme = 'http') =>
    (path = '') =>
      `${scheme}://127.0.0.1:${port}/${row.id}${path}`
  return {
    url: at(9),
    otherUrl: at(10),
    tlsUrl: at(11, 'https'),
    caFile: '/nonexistent/ca.pem',
    healthyUrl: `http://${FAULT_SECRETS.user}:${FAULT_SECRETS.password}@127.0.0.1:9/${row.id}/_healthy`,
    closedUrl: 'http://127.0.0.1:9',
    secrets: FAULT_SECRETS,
  }
}

/** What a run of the row shows: the annotations main.ts writes for its problems, and the failure line. */
function resolveRow(row: FaultRow): { problems: number; annotations: Annotation[]; texts: string[] } {
  const ctx = contextFor(row)
  const workspace = mkdtempSync(join(tmpdir(), 'deploy-gate-config-rows-'))
  workspaces.push(workspace)
  const configText = row.config?.(ctx)
  if (configText !== undefined) {
    mkdirSync(dirname(join(workspace, CONFIG_PATH)), { recursive: true })
    writeFileSync(join(workspace, CONFIG_PATH), configText)
  }
  const given: Record<string, string> = { ...actionInputDefaults() }
  const over = {
    ...baseInputs(ctx),
    ...(configText === undefined ? {} : { config: CONFIG_PATH }),
    ...row.inputs?.(ctx),
  }
  for (const [name, value] of Object.entries(over)) given[name] = String(value)
  const raw = readInputs((name) => given[name] ?? '')
  const env = {
    GITHUB_SHA: DEFAULT_SHA,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_WORKSPACE: workspace,
    ...row.env?.(ctx),
  }
  const { settings, problems } = resolveSettings(raw, {
    env,
    parseFile: loadConfigFile,
    readFile: (path) => readConfigFile(path, workspace),
  })
  expect(
    settings === undefined || problems.length > 0,
    `row ${row.id}: settings resolved without a problem`,
  ).toBe(true)
  const report = configErrorReport(problems)
  const annotations: Annotation[] = [
    ...report.annotations.map((a) => ({
      level: 'error' as const,
      message: a.message,
      title: a.title,
      ...(a.file === undefined ? {} : { file: a.file }),
      ...(a.startLine === undefined ? {} : { line: a.startLine }),
    })),
    { level: 'error', message: report.failure },
  ]
  return {
    problems: problems.length,
    annotations,
    texts: annotations.map((a) => `${a.title ?? ''} ${a.message}`),
  }
}

describe('config fault rows, in-process', () => {
  it('the dist-only rows exist', () => {
    const ids = new Set(configRows.map((r) => r.id))
    for (const id of DIST_ONLY) expect(ids.has(id), id).toBe(true)
  })

  it.each(configRows.filter((r) => !DIST_ONLY.has(r.id)))('$id: $fault', async (row) => {
    expect(row.expect).toMatchObject({ exitCode: 1, verdict: null, recorded: 'nothing' })
    const shown = resolveRow(row)
    expect(shown.problems).toBeGreaterThan(0)
    for (const pattern of row.expect.errors) {
      expect(
        shown.texts.some((t) => pattern.test(t)),
        `no annotation matches ${pattern}:\n${shown.texts.join('\n')}`,
      ).toBe(true)
    }
    for (const [name, secret] of Object.entries(FAULT_SECRETS)) {
      if (name === 'user') continue
      for (const text of shown.texts) expect(text, `the ${name} secret`).not.toContain(secret)
    }
    // The row's own assertions read only the annotations.
    await row.verify?.({ result: { annotations: shown.annotations } } as unknown as RowRun)
  })
})
