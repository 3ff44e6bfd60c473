import type { Language } from '../../../shared/enums.js';
import type { Db } from '../../db/connection.js';
import { matchSearchDocuments, writeSearchDocument } from '../../db/dialect.js';
import { afterSavepoints } from '../../db/group-commit.js';
import { documentTerms, queryAlternatives } from './text.js';

/** Documents are keyed `kind:id`, so one index serves cases now and knowledge articles later. */
export type SearchKind = 'case';

export async function indexDocument(
  db: Db,
  kind: SearchKind,
  id: string,
  text: string,
  language: Language,
): Promise<void> {
  const terms = documentTerms(text, language);
  await afterSavepoints(db, () => writeSearchDocument(db, `${kind}:${id}`, terms));
}
/** Ids of the documents of one kind matching every word of the query; empty for a query without words. */
export async function searchIds(db: Db, kind: SearchKind, query: string, limit: number): Promise<string[]> {
  const keys = await matchSearchDocuments(db, `${kind}:`, queryAlternatives(query), limit);
  return keys.map((key) => key.slice(kind.length + 1));
}
