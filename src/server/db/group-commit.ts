import type { Kysely, Transaction } from 'kysely';
import { runStatement } from './prepared.js';

// Run for every write of a group: plain text rather than built and compiled each time (see db/prepared.ts).
const savepoint = (trx: Kysely<any>, statement: string) => runStatement(trx, statement, []);

type Work<DB> = (trx: Transaction<DB>) => Promise<unknown>;

export interface GroupOptions {
  /**
   * The work only reads and writes this database, so running it a second time is harmless (see `#runAlone`).
   * Such work runs without a savepoint of its own; it is run again, with one, in the rare case that it fails
   * after writing.
   */
  rerunnable?: boolean;
}

interface Pending<DB> {
  work: Work<DB>;
  rerunnable: boolean;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  outcome?: { ok: true; value: unknown; writes: LaterWrites } | { ok: false; error: unknown };
}

/** What a work asked to write after every item of its group has run. */
interface LaterWrites {
  /** Writes to run after the savepoints (see `afterSavepoints`). */
  deferred: (() => Promise<void>)[];
  /** Values to write together with the other items' (see `mergeAfterSavepoints`). */
  merged: Merged[];
}

/** Thrown inside a group's transaction to roll all of it back and run the group again with savepoints. */
const START_OVER = new Error('start over with savepoints');

/**
 * Group commit for SQLite. SQLite has one writer, and the cost of a write transaction is mostly its commit (the
 * WAL frames of every page it touched). Transactions that arrive while one is being prepared are run together in
 * one database transaction, each inside its own savepoint — so each still succeeds or fails alone — and all of
 * them are answered only after the shared commit. An acknowledged write is therefore exactly as durable as before;
 * many writes simply share a commit.
 *
 * A savepoint is not free: SQLite copies every page a write touches for the first time since the savepoint
 * began, and the writes of a group touch the same pages over and over (the ends of the cases' indexes). For
 * rerunnable work (`GroupOptions`) — case submissions, the busiest writes — the group first runs without them:
 * rerunnable work goes first, and work that fails without having written anything (most failures: an unknown
 * office, a bad category) simply leaves nothing behind. Only when rerunnable work fails after writing is the
 * whole transaction rolled back and the group run again with a savepoint for each item; no other work has run
 * by then, so only rerunnable work ever runs twice.
 */
export class GroupCommit<DB> {
  #queue: Pending<DB>[] = [];
  #scheduled = false;
  #running = false;

  constructor(private readonly db: Kysely<DB>) {}

  run<T>(work: (trx: Transaction<DB>) => Promise<T>, options: GroupOptions = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const rerunnable = options.rerunnable === true;
      this.#queue.push({ work, rerunnable, resolve: resolve as (value: unknown) => void, reject });
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
      const rerunnableFirst = [...batch.filter((i) => i.rerunnable), ...batch.filter((i) => !i.rerunnable)];
      if (!(await this.#commit(rerunnableFirst, { savepoints: 'unless rerunnable' }))) {
        await this.#commit(batch, { savepoints: 'always' });
      }
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

  /** One transaction for the batch; false, with nothing stored, when the group must start over with savepoints. */
  async #commit(
    batch: Pending<DB>[],
    options: { savepoints: 'always' | 'unless rerunnable' },
  ): Promise<boolean> {
    try {
      await this.db.transaction().execute(async (trx) => {
        for (const item of batch) {
          const writes: LaterWrites = { deferred: [], merged: [] };
          deferredWrites.set(trx, writes.deferred);
          mergedWrites.set(trx, writes.merged);
          const alone = item.rerunnable && options.savepoints === 'unless rerunnable';
          await (alone ? this.#runAlone(trx, item, writes) : this.#runInSavepoint(trx, item, writes));
        }
        deferredWrites.delete(trx);
        mergedWrites.delete(trx);
        const succeeded = batch.flatMap((item) => (item.outcome?.ok ? [item.outcome.writes] : []));
        for (const writes of succeeded) for (const write of writes.deferred) await write();
        await writeMerged(succeeded.flatMap((writes) => writes.merged));
      });
      return true;
    } catch (error) {
      if (error === START_OVER) return false;
      throw error;
    }
  }

  async #runInSavepoint(trx: Transaction<DB>, item: Pending<DB>, writes: LaterWrites): Promise<void> {
    await savepoint(trx, 'savepoint work');
    try {
      item.outcome = { ok: true, value: await item.work(trx), writes };
      await savepoint(trx, 'release work');
    } catch (error) {
      await savepoint(trx, 'rollback to work');
      await savepoint(trx, 'release work');
      item.outcome = { ok: false, error };
    }
  }

  /**
   * Rerunnable work without a savepoint. SQLite's count of changed rows tells whether failed work wrote anything
   * (triggers and UPSERTs count too); if it did, nothing short of the whole transaction can undo it.
   */
  async #runAlone(trx: Transaction<DB>, item: Pending<DB>, writes: LaterWrites): Promise<void> {
    const before = await changedRows(trx);
    try {
      item.outcome = { ok: true, value: await item.work(trx), writes };
    } catch (error) {
      if ((await changedRows(trx)) !== before) throw START_OVER;
      item.outcome = { ok: false, error };
    }
  }
}

async function changedRows(trx: Kysely<any>): Promise<number> {
  const [row] = await runStatement<{ n: number }>(trx, 'select total_changes() as n', []);
  return row!.n;
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
