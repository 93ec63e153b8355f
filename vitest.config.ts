import { defineConfig } from 'vitest/config'

/**
 * Two projects. `unit` runs in-process and needs nothing but Node; `e2e` runs `dist/index.js` as the runner does and
 * starts real servers (Prometheus, node_exporter, VictoriaMetrics). Its global setup builds dist/ first when dist/ was
 * built from other sources (compared by a hash of the sources, not by file times), so an end-to-end test never runs
 * an old bundle. `npx vitest run --project unit` runs the fast half alone.
 */
const E2E = [
  '__tests__/e2e/**/*.test.ts',
  '__tests__/faults/**/*.test.ts',
  '__tests__/security/**/*.test.ts',
  '__tests__/**/real-*.test.ts',
  '__tests__/testkit/runner.test.ts',
]

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['__tests__/**/*.test.ts'], exclude: E2E } },
      {
        extends: true,
        test: { name: 'e2e', include: E2E, globalSetup: ['./testkit/fresh-dist.ts'] },
      },
    ],
  },
})
