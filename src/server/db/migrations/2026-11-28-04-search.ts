import type { Kysely } from 'kysely';
import { documentTerms } from '../../modules/search/text.js';
import { createSearchIndex, dropSearchIndex, writeSearchDocument } from '../dialect.js';

/** The full-text index, filled with the cases that already exist. */
export async function up(db: Kysely<any>): Promise<void> {
  await createSearchIndex(db);
  const cases = await db.selectFrom('cases').select(['id', 'subject', 'description', 'language']).execute();
  for (const row of cases) {
    await writeSearchDocument(
      db,
      `case:${row.id}`,
      documentTerms(`${row.subject} ${row.description}`, row.language),
    );
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropSearchIndex(db);
}
