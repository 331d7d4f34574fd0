import { defineConfig } from 'vitest/config';

// End-to-end tests: real Debian Chromium (playwright-core) against the production build served
// by `vite preview`. Files run one after another: each starts its own browser, and the machine
// has two cores that the app's workers need.
export default defineConfig({
  test: {
    include: ['e2e/**/*.spec.ts'],
    environment: 'node',
    globalSetup: ['e2e/support/globalSetup.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
