import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BackgroundCheckpoints, startBackgroundCheckpoints } from './background-checkpoints.js';

let dir: string;
let file: string;
let sqlite: BetterSqlite3.Database;
let checkpoints: BackgroundCheckpoints | undefined;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'loket-checkpoints-'));
  file = path.join(dir, 'test.db');
  sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.exec('create table pages (id integer primary key, body blob not null)');
});

afterEach(async () => {
  await checkpoints?.stop();
  checkpoints = undefined;
  sqlite.close();
  rmSync(dir, { recursive: true, force: true });
});

/** About `pages` pages of WAL (4 KiB each) in one transaction. */
function writePages(pages: number) {
  const insert = sqlite.prepare('insert into pages (body) values (?)');
  sqlite.transaction(() => {
    for (let i = 0; i < pages; i++) insert.run(Buffer.alloc(3_500, i % 251));
  })();
}

const size = (name: string) => statSync(path.join(dir, name)).size;

const until = (condition: () => boolean, what: string) =>
  expect.poll(condition, { timeout: 5_000, interval: 20, message: `waiting until ${what}` }).toBe(true);

describe('WAL checkpoints in a thread of their own', () => {
  it('copies committed pages into the database file without the writing connection checkpointing', async () => {
    checkpoints = startBackgroundCheckpoints(sqlite, file);
    // The writing connection would checkpoint by itself only at 10,000 pages.
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(10_000);
    const before = size('test.db');
    writePages(1_500);
    await until(() => size('test.db') > before + 1_400 * 4096, 'the database file holds the new pages');
    expect(sqlite.prepare('select count(*) as n from pages').get()).toEqual({ n: 1_500 });
  });

  it('lets the WAL start again from its beginning once it has caught up, so the file stops growing', async () => {
    checkpoints = startBackgroundCheckpoints(sqlite, file);
    let expected = 0;
    const walSizes: number[] = [];
    for (let round = 0; round < 4; round++) {
      writePages(1_000);
      expected += 1_000;
      const target = expected;
      await until(() => size('test.db') > target * 3_500, `round ${round} is being checkpointed`);
      // The file grows while the checkpoint runs; the one after it (200 ms later) finds everything copied.
      await new Promise((resolve) => setTimeout(resolve, 500));
      walSizes.push(size('test.db-wal'));
    }
    // Without restarts the WAL would hold all 4,000 pages; each round reuses the space of the one before.
    expect(Math.max(...walSizes)).toBeLessThan(1_500 * 4096);
  });

  it('waits for its timer, rather than spinning, while a reader still needs the frames it cannot copy', async () => {
    checkpoints = startBackgroundCheckpoints(sqlite, file);
    const reader = new BetterSqlite3(file, { readonly: true });
    try {
      reader.exec('begin');
      reader.prepare('select count(*) from pages').get();
      writePages(500);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const before = process.cpuUsage();
      await new Promise((resolve) => setTimeout(resolve, 500));
      const used = process.cpuUsage(before);
      // Spinning would keep a core busy for most of the half second; a retry every 5 ms costs next to nothing.
      expect((used.user + used.system) / 1000).toBeLessThan(200);
    } finally {
      reader.exec('commit');
      reader.close();
    }
  });

  it('stops its thread on stop(), and the writing connection goes back to checkpointing if the thread ends', async () => {
    checkpoints = startBackgroundCheckpoints(sqlite, file);
    await checkpoints.stop();
    await checkpoints.stop();
    // Stopped on purpose: the setting stays (the connection is about to close).
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(10_000);

    const failures: string[] = [];
    checkpoints = startBackgroundCheckpoints(sqlite, path.join(dir, 'missing.db'), (m) => failures.push(m));
    await until(() => failures.length > 0, 'the thread reports that it cannot open the file');
    await until(
      () => sqlite.pragma('wal_autocheckpoint', { simple: true }) === 1000,
      'the default automatic checkpoint is back',
    );
  });
});
