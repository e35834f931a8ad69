import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;
/** Folders that hold unit, router and database tests (e2e/ is its own project). */
const PROJECT_DIRS = ['app', 'pages', 'server', 'db', 'lib', 'bench', 'test', 'scripts'];
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
          // Only the project's own folders: build output (.next*, e.g. the
          // bench's .next-e2e-bench) holds copies of packages' own tests.
          include: [`{${PROJECT_DIRS.join(',')}}/**/*.test.{ts,tsx}`],
          exclude: ['**/node_modules/**', '**/.next*/**', '**/.data/**'],
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
          exclude: ['**/node_modules/**', '**/.next*/**'],
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
