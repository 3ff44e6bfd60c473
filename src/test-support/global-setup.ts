import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../server/db/connection.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { ENGINE, TEST_SERVER_URL, withDatabaseName } from './engine.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated, empty database that each test file copies. */
    templateUrl: string;
    scratchDir: string;
  }
}

/** Migrates once per run; each test file then copies the result (SQLite file copy, PostgreSQL TEMPLATE). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const scratchDir = mkdtempSync(path.join(tmpdir(), 'loket-test-'));
  let templateUrl: string;
  let dropTemplate = async () => {};
  if (ENGINE === 'sqlite') {
    templateUrl = `sqlite:${path.join(scratchDir, 'template.db')}`;
  } else {
    const name = `loket_tpl_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: TEST_SERVER_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    templateUrl = withDatabaseName(TEST_SERVER_URL, name);
    dropTemplate = async () => {
      const client = new pg.Client({ connectionString: TEST_SERVER_URL });
      await client.connect();
      // Copies for server processes (copyTemplate) are named after the template; the run drops what is left.
      const copies = await client.query<{ datname: string }>(
        `select datname from pg_database where datname like '${name}\\_%'`,
      );
      for (const { datname } of copies.rows)
        await client.query(`drop database if exists ${datname} with (force)`);
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    };
  }
  const template = openDatabase(templateUrl);
  await migrateToLatest(template.db);
  await template.close();
  if (ENGINE === 'sqlite') {
    // Fold the WAL into the main file so a plain copy is complete.
    const { default: Sqlite } = await import('better-sqlite3');
    const file = new Sqlite(templateUrl.slice('sqlite:'.length));
    file.pragma('journal_mode = DELETE');
    file.close();
  }
  project.provide('templateUrl', templateUrl);
  project.provide('scratchDir', scratchDir);
  return async () => {
    await dropTemplate();
    rmSync(scratchDir, { recursive: true, force: true });
  };
}
