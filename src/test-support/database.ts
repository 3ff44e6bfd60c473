import { randomBytes } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { type Database, openDatabase } from '../server/db/connection.js';
import { ENGINE, TEST_SERVER_URL, withDatabaseName } from './engine.js';

export interface TestDatabase extends Database {
  url: string;
}

/** A fresh, migrated, empty database for one test file, removed when the file's tests end. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = await copyTemplate();
  const database = openDatabase(url);
  const testDatabase = { ...database, url };
  afterAll(async () => {
    await database.close();
    await dropCopy(url);
  });
  return testDatabase;
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
