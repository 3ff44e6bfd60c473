import type { Kysely, Transaction } from 'kysely';

/** Runs `work` in the caller's transaction if there is one, otherwise in a new one. */
export function inTransaction<DB, T>(db: Kysely<DB>, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db as Transaction<DB>);
  return db.transaction().execute(work);
}
