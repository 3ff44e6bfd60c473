import { once } from 'node:events';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';

/**
 * Moves SQLite's WAL checkpoints off the event loop.
 *
 * Why: a checkpoint copies the pages the WAL has collected into the database file and then fsyncs that file. By
 * default the connection that commits runs it, every 1,000 pages, so on the one event loop. Under a burst of
 * submissions that was 6 % of the server's CPU, plus fsyncs of up to 12 ms in which no request was answered.
 *
 * A thread with its own connection runs passive checkpoints: every `EVERY_MS`, and sooner while the writer keeps
 * ahead of it. A passive checkpoint never waits for, nor blocks, the writer or the readers. Durability does
 * not change: a commit is durable once it is in the WAL, before any checkpoint. Once a checkpoint has caught up,
 * the next write starts the WAL from its beginning again, as before.
 *
 * If the thread falls behind or stops, the main connection's own automatic checkpoint still runs, only later:
 * at `FALLBACK_PAGES` pages of WAL instead of 1,000.
 */
const EVERY_MS = 200;
/** The wait before trying again when a checkpoint could copy nothing of what is left. */
const RETRY_MS = 5;
const FALLBACK_PAGES = 10_000;
/** SQLite's own default, for a connection without the thread. */
const DEFAULT_PAGES = 1_000;

// The thread's code is plain CommonJS, given as text: it then runs the same from the TypeScript sources under
// the test runner and from dist/ in production.
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
let timer;
// A failure that repeats (a full disk) is reported again only after a minute, not on every try.
let lastFailure = '';
let lastReportedAt = 0;
// While a checkpoint leaves frames behind, the next runs soon: the WAL starts again from its beginning only
// after a checkpoint has caught up with the writer. At once if this one copied something; after a few
// milliseconds if it copied nothing (a reader still needs those frames), so as not to spin.
let copiedBefore = -1;
function checkpoint() {
  let wait = workerData.everyMs;
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    if (result.checkpointed < result.log) wait = result.checkpointed !== copiedBefore ? 0 : workerData.retryMs;
    copiedBefore = result.checkpointed;
  } catch (error) {
    const failed = String(error && error.message);
    if (failed !== lastFailure || Date.now() - lastReportedAt > 60000) {
      parentPort.postMessage({ failed });
      lastFailure = failed;
      lastReportedAt = Date.now();
    }
  }
  timer = wait === 0 ? setImmediate(checkpoint) : setTimeout(checkpoint, wait);
}
checkpoint();
parentPort.on('message', () => {
  clearTimeout(timer);
  clearImmediate(timer);
  db.close();
  parentPort.close();
});
`;
export interface BackgroundCheckpoints {
  stop(): Promise<void>;
}

/** Starts the checkpointing thread for the database file `sqlite` has open (in WAL mode). */
export function startBackgroundCheckpoints(
  sqlite: BetterSqlite3.Database,
  file: string,
  onFailure: (message: string) => void = () => {},
): BackgroundCheckpoints {
  sqlite.pragma(`wal_autocheckpoint = ${FALLBACK_PAGES}`);
  const worker = new Worker(THREAD_SOURCE, {
    eval: true,
    workerData: {
      file,
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      everyMs: EVERY_MS,
      retryMs: RETRY_MS,
    },
    // The thread only calls into SQLite: a small heap is plenty.
    resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 2 },
  });
  // A process that has nothing else to do may exit; stop() is for a tidy close.
  worker.unref();
  let running = true;
  let stopping = false;
  worker.on('message', (message: { failed?: string }) => {
    if (message.failed) onFailure(message.failed);
  });
  worker.on('error', (error) => onFailure(error.message));
  worker.on('exit', () => {
    running = false;
    // Ended by itself: the main connection checkpoints as SQLite does by default again.
    if (!stopping && sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${DEFAULT_PAGES}`);
  });
  return {
    async stop() {
      stopping = true;
      if (!running) return;
      const exited = once(worker, 'exit');
      // Held until it has ended: otherwise a process that is closing down could end first, mid-close.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
