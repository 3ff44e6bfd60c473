import type { Db } from '../../db/connection.js';
import { type Case, toCase } from '../cases/model.js';

/** A case by its id (chat conversations link cases by id). */
export async function findCaseById(db: Db, id: string): Promise<Case | undefined> {
  const row = await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toCase(row);
}
