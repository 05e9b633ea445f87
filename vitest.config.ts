import { defineConfig } from 'vitest/config';

// Two projects: fast Node unit tests of the pure engine and CLI, and real-browser tests that
// load the built extension into system Chromium and Firefox ESR (run after `npm run build`).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
          exclude: ['tests/browser/**'],
          environment: 'node',
          // A guard against a stuck test, not a speed limit: tests that read every fixture page
          // through jsdom take seconds, and several times that on a loaded 2-core CI machine.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          // Browsers are heavy on a 2-core machine: one test file at a time.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
