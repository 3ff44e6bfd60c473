import { defineConfig } from 'vitest/config';

// The engine under test comes from LOKET_TEST_DATABASE_URL: unset means SQLite, a postgres:// URL means a fresh
// database on that server. CI runs the whole suite once per engine.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['src/test-support/global-setup.ts'],
    pool: 'forks',
    // On SQLite, test files share their worker process instead of each loading the application anew: the suite
    // runs in about two thirds of the time. Every file builds its own database and app, so what files could share
    // is module-level registrations and spies — a test that adds a reaction, a periodic job or a spy on a built-in
    // removes it again (see jobs/worker.test.ts, http/rate-limit.test.ts). On PostgreSQL each file keeps its own
    // process: many files leave their connection pools to the process's end, and shared, they exhaust the
    // server's connections.
    isolate: (process.env.LOKET_TEST_DATABASE_URL ?? '').startsWith('postgres'),
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
