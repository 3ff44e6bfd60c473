import type { Kysely, Transaction } from 'kysely';
import { runStatement } from './prepared.js';

// Run for every write of a group: plain text rather than built and compiled each time (see db/prepared.ts).
const savepoint = (trx: Kysely<any>, statement: string) => runStatement(trx, statement, []);

type Work<DB> = (trx: Transaction<DB>) => Promise<unknown>;

interface Pending<DB> {
  work: Work<DB>;
  /** Writes the work asked to run after the savepoints (see `afterSavepoints`). */
  deferred?: (() => Promise<void>)[];
  /** Values the work asked to write together with the other items' (see `mergeAfterSavepoints`). */
  merged?: Merged[];
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  outcome?: { ok: true; value: unknown } | { ok: false; error: unknown };
}

/**
 * Group commit for SQLite. SQLite has one writer, and the cost of a write transaction is mostly its commit (the
 * WAL frames of every page it touched). Transactions that arrive while one is being prepared are run together in
 * one database transaction, each inside its own savepoint — so each still succeeds or fails alone — and all of
 * them are answered only after the shared commit. An acknowledged write is therefore exactly as durable as before;
 * many writes simply share a commit.
 */
export class GroupCommit<DB> {
  #queue: Pending<DB>[] = [];
  #scheduled = false;
  #running = false;

  constructor(private readonly db: Kysely<DB>) {}

  run<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#scheduled || this.#running) return;
    this.#scheduled = true;
    // setImmediate lets the requests already received in this turn of the event loop join the batch.
    setImmediate(() => void this.#flush());
  }

  async #flush(): Promise<void> {
    this.#scheduled = false;
    this.#running = true;
    const batch = this.#queue;
    this.#queue = [];
    try {
      await this.db.transaction().execute(async (trx) => {
        for (const item of batch) {
          const deferred: (() => Promise<void>)[] = [];
          const merged: Merged[] = [];
          deferredWrites.set(trx, deferred);
          mergedWrites.set(trx, merged);
          await savepoint(trx, 'savepoint work');
          try {
            item.outcome = { ok: true, value: await item.work(trx) };
            await savepoint(trx, 'release work');
            item.deferred = deferred;
            item.merged = merged;
          } catch (error) {
            await savepoint(trx, 'rollback to work');
            await savepoint(trx, 'release work');
            item.outcome = { ok: false, error };
          }
        }
        deferredWrites.delete(trx);
        mergedWrites.delete(trx);
        for (const item of batch) for (const write of item.deferred ?? []) await write();
        await writeMerged(batch.flatMap((item) => item.merged ?? []));
      });
      for (const item of batch) {
        if (item.outcome?.ok) item.resolve(item.outcome.value);
        else item.reject(item.outcome?.error);
      }
    } catch (error) {
      // The commit itself failed (disk full, I/O error): nothing of the batch was stored.
      for (const item of batch) item.reject(error);
    } finally {
      this.#running = false;
      if (this.#queue.length) this.#schedule();
    }
  }
}

const registry = new WeakMap<object, GroupCommit<unknown>>();
const deferredWrites = new WeakMap<object, (() => Promise<void>)[]>();
const mergedWrites = new WeakMap<object, Merged[]>();

interface Merged {
  key: string;
  value: unknown;
  write: (values: unknown[]) => Promise<void>;
}

/**
 * Runs `write` after the savepoints of the current group, still before its commit — or at once outside a group.
 * For writes that are costly inside a savepoint: an FTS5 insert makes every savepoint flush the full-text
 * index's pending terms. A write deferred here is dropped if its work fails, and fails the group if it fails.
 */
export async function afterSavepoints<DB>(trx: Kysely<DB>, write: () => Promise<void>): Promise<void> {
  const list = deferredWrites.get(trx);
  if (list) list.push(write);
  else await write();
}

/**
 * Hands `value` to one `write` shared by the whole group: after the savepoints and the deferred writes, each key's
 * write runs once with the values of every item that succeeded, in their order — or at once with this value
 * alone outside a group. For small writes that every item makes to the same rows: the dashboard counts of thirty
 * new cases become two upserts instead of sixty. A value is dropped if its work fails; a failing write fails the
 * group. All values of a key must be written by equivalent writes (the first item's is used).
 */
export async function mergeAfterSavepoints<T>(
  trx: Kysely<any>,
  key: string,
  value: T,
  write: (values: T[]) => Promise<void>,
): Promise<void> {
  const list = mergedWrites.get(trx);
  if (list) list.push({ key, value, write: write as (values: unknown[]) => Promise<void> });
  else await write([value]);
}

async function writeMerged(entries: readonly Merged[]): Promise<void> {
  const byKey = new Map<string, { write: Merged['write']; values: unknown[] }>();
  for (const { key, value, write } of entries) {
    const found = byKey.get(key);
    if (found) found.values.push(value);
    else byKey.set(key, { write, values: [value] });
  }
  for (const { write, values } of byKey.values()) await write(values);
}

export function enableGroupCommit<DB>(db: Kysely<DB>): void {
  registry.set(db, new GroupCommit(db) as GroupCommit<unknown>);
}

export function groupCommitOf<DB>(db: Kysely<DB>): GroupCommit<DB> | undefined {
  return registry.get(db) as GroupCommit<DB> | undefined;
}
