import type { Language } from '../../../shared/enums.js';
import type { Db } from '../../db/connection.js';
import { deleteKnowledgeDocument, rankKnowledgeDocuments, writeKnowledgeDocument } from '../../db/dialect.js';
import { afterSavepoints } from '../../db/group-commit.js';
import { documentTerms } from './text.js';

/** Knowledge documents are keyed `kind:id` in their own ranked index (`knowledge_search`). */
export type KnowledgeKind = 'article' | 'faq';

export interface KnowledgeDocument {
  kind: KnowledgeKind;
  id: string;
  language: Language;
  /** Weighted three times: an article's title, a FAQ entry's question variants. */
  title: string;
  /** Summary, tags and body of an article; a FAQ entry's answer. */
  body: string;
}

/** Writes (or replaces) a document: its words and their stems, in the document's language. */
export async function indexKnowledgeDocument(db: Db, doc: KnowledgeDocument): Promise<void> {
  const title = documentTerms(doc.title, doc.language);
  const body = documentTerms(doc.body, doc.language);
  await afterSavepoints(db, () =>
    writeKnowledgeDocument(db, `${doc.kind}:${doc.id}`, doc.language, title, body),
  );
}

export async function removeKnowledgeDocument(db: Db, kind: KnowledgeKind, id: string): Promise<void> {
  await afterSavepoints(db, () => deleteKnowledgeDocument(db, `${kind}:${id}`));
}

/** A query word in all its forms; `prefix` lets the last word of the query match words it begins. */
export interface QueryGroup {
  terms: string[];
  prefix: boolean;
}

/**
 * Documents of one language, best first as ranked by the engine: those containing every query word, then those
 * containing some (so a precise match is never buried under a long document repeating one common word).
 */
export async function rankKnowledge(
  db: Db,
  language: Language,
  groups: QueryGroup[],
  limit: number,
): Promise<{ kind: KnowledgeKind; id: string }[]> {
  const all = await rankKnowledgeDocuments(db, language, groups, 'all', limit);
  const keys = new Set(all);
  if (groups.length > 1 && keys.size < limit)
    for (const key of await rankKnowledgeDocuments(db, language, groups, 'any', limit)) {
      if (keys.size >= limit) break;
      keys.add(key);
    }
  return [...keys].map((key) => {
    const colon = key.indexOf(':');
    return { kind: key.slice(0, colon) as KnowledgeKind, id: key.slice(colon + 1) };
  });
}
