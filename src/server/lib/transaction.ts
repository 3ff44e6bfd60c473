import type { Kysely, Transaction } from 'kysely';
import { type GroupOptions, groupCommitOf } from '../db/group-commit.js';

/**
 * Runs `work` in the caller's transaction if there is one, otherwise in a new one — on SQLite, one shared with
 * the other writes of the moment (see db/group-commit.ts). Work marked `rerunnable` may run twice there: mark only
 * work that does nothing but read and write this database.
 */
export function inTransaction<DB, T>(
  db: Kysely<DB>,
  work: (trx: Transaction<DB>) => Promise<T>,
  options: GroupOptions = {},
): Promise<T> {
  if (db.isTransaction) return work(db as Transaction<DB>);
  const group = groupCommitOf(db);
  if (group) return group.run(work, options);
  return db.transaction().execute(work);
}
