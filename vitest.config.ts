import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// The engine under test comes from LOKET_TEST_DATABASE_URL: unset means SQLite, a postgres:// URL means a fresh
// database on that server. CI runs the whole suite once per engine.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['src/test-support/global-setup.ts'],
    setupFiles: ['src/test-support/setup.ts'],
    pool: 'forks',
    // One test file per CPU. Vitest's default (CPUs − 1) leaves one of two cores idle, while the files spend much
    // of their time waiting on PostgreSQL, child servers and Chromium: on a 2-core machine a second worker takes
    // a third off the run (SQLite 6.5 → 4.3 min, PostgreSQL 10.8 → 7.1 min).
    maxWorkers: availableParallelism(),
    // Test files share their worker process instead of each loading the application anew (PostgreSQL 7.1 → 6.2
    // min). Every file builds its own database and app, and its databases are closed after it (setup.ts), so what
    // files could share is module-level registrations and spies — a test that adds a reaction, a periodic job or
    // a spy on a built-in removes it again (see jobs/worker.test.ts, http/rate-limit.test.ts).
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
