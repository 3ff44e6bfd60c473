import { randomBytes } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../server/db/connection.js';
import { ENGINE, TEST_SERVER_URL, withDatabaseName } from './engine.js';

export interface TestDatabase extends Database {
  url: string;
}

/** Databases opened by the running test file and not yet removed (see `removeTestDatabases`). */
const openDatabases = new Set<() => Promise<void>>();

/**
 * A fresh, migrated, empty database, removed when the test file ends — also one made inside a test. On
 * PostgreSQL the files of a worker share its process, so a pool left open would hold its connections until the
 * server refuses new ones.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = await copyTemplate();
  const database = openDatabase(url);
  let removed: Promise<void> | undefined;
  const remove = () => {
    removed ??= (async () => {
      openDatabases.delete(remove);
      await database.close();
      await dropCopy(url);
    })();
    return removed;
  };
  openDatabases.add(remove);
  return { ...database, url };
}

/** Closes and drops the file's databases: after its last test, once its apps are closed (test-support/setup.ts). */
export async function removeTestDatabases(): Promise<void> {
  for (const remove of [...openDatabases]) await remove();
}

/** A fresh copy of the migrated template, for tests that run their own server process against it. */
export async function copyTemplate(): Promise<string> {
  const template = inject('templateUrl');
  const suffix = randomBytes(6).toString('hex');
  if (ENGINE === 'sqlite') {
    const file = path.join(inject('scratchDir'), `test-${suffix}.db`);
    copyFileSync(template.slice('sqlite:'.length), file);
    return `sqlite:${file}`;
  }
  // Named after the run's template, so the run's teardown finds copies nobody dropped (global-setup.ts).
  const templateName = new URL(template).pathname.slice(1);
  const name = `${templateName}_${suffix}`;
  await admin(`create database ${name} template ${templateName}`);
  return withDatabaseName(TEST_SERVER_URL, name);
}

async function dropCopy(url: string): Promise<void> {
  if (ENGINE === 'postgres')
    await admin(`drop database if exists ${new URL(url).pathname.slice(1)} with (force)`);
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_SERVER_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
