import { defineConfig } from 'vitest/config';

// The engine under test comes from LOKET_TEST_DATABASE_URL: unset means SQLite, a postgres:// URL means a fresh
// database on that server. CI runs the whole suite once per engine.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['src/test-support/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
