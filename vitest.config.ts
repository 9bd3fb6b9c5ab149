import { defineVitestProject } from '@nuxt/test-utils/config'
import { defineConfig } from 'vitest/config'

// Projects run one after another from scripts/test.mjs; each file gets its own database.
export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', env: { RATE_LIMIT_ENABLED: 'false', THREAT_SIGNIN_STEPUP_SCORE: '0' } } },
      { test: { name: 'integration', include: ['tests/integration/**/*.test.ts', 'layers/*/tests/integration/**/*.test.ts'], environment: 'node', env: { RATE_LIMIT_ENABLED: 'false', THREAT_SIGNIN_STEPUP_SCORE: '0' }, testTimeout: 30_000, hookTimeout: 120_000, globalSetup: ['tests/helpers/cli-global-setup.ts'] } },
      { test: { name: 'api', include: ['tests/api/**/*.test.ts'], environment: 'node', testTimeout: 30_000, hookTimeout: 180_000, globalSetup: ['tests/helpers/api-global-setup.ts'] } },
      // components and composables of the console, in a Nuxt environment
      await defineVitestProject({ test: { name: 'nuxt', include: ['tests/nuxt/**/*.test.ts'], environment: 'nuxt', testTimeout: 30_000, hookTimeout: 120_000 } }),
      // the browser suite: one file at a time, Chromium is heavy on 2 cores
      { test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], environment: 'node', retry: 1, expect: { poll: { timeout: 10_000 } }, testTimeout: 90_000, hookTimeout: 180_000, globalSetup: ['tests/helpers/api-global-setup.ts'], setupFiles: ['tests/e2e/setup.ts'], fileParallelism: false } },
    ],
  },
})
