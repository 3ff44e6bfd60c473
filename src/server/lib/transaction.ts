import type { Kysely, Transaction } from 'kysely';
import { groupCommitOf } from '../db/group-commit.js';

/**
 * Runs `work` in the caller's transaction if there is one, otherwise in a new one — on SQLite, one shared with
 * the other writes of the moment (see db/group-commit.ts).
 */
export function inTransaction<DB, T>(db: Kysely<DB>, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db as Transaction<DB>);
  const group = groupCommitOf(db);
  if (group) return group.run(work);
  return db.transaction().execute(work);
}
