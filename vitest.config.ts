import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;
const shared = {
  resolve: {
    alias: {
      '~': root,
      // 'server-only' throws outside React Server Components; tests are plain Node.
      'server-only': path.resolve(root, 'test/empty.ts'),
    },
  },
};

export default defineConfig({
  ...shared,
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    projects: [
      {
        ...shared,
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['**/*.test.ts', '**/*.test.tsx'],
          exclude: ['node_modules/**', '.next/**', '.next-e2e/**', '.data/**', 'e2e/**'],
          testTimeout: 60_000,
          hookTimeout: 240_000,
          pool: 'forks',
        },
      },
      {
        ...shared,
        test: {
          // One production build and one app server for all end-to-end files.
          name: 'e2e',
          // After the unit project, not beside it: a production build and
          // Chromium on two cores next to PGlite test files made timings flaky.
          sequence: { groupOrder: 1 },
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          pool: 'forks',
          fileParallelism: false,
        },
      },
    ],
  },
});
