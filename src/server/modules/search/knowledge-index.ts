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
  /** In so many documents that it does not narrow the search (its weight in the ranking is close to nothing). */
  common?: boolean;
}

/** The words that select documents: the common ones are left out unless nothing else is left. */
function selective(groups: QueryGroup[]): QueryGroup[] {
  const rare = groups.filter((g) => !g.common);
  return rare.length > 0 ? rare : groups;
}

/**
 * Documents of one language, best first as ranked by the engine: those containing every query word; only when
 * there are fewer than `wanted` of them, those containing some (so a precise match is never buried under long
 * documents repeating one common word, and the costly any-word ranking runs only when it is needed).
 */
export async function rankKnowledge(
  db: Db,
  language: Language,
  groups: QueryGroup[],
  wanted: number,
  limit = wanted,
): Promise<{ allWords: number; hits: { kind: KnowledgeKind; id: string }[] }> {
  const chosen = selective(groups);
  const all = await rankKnowledgeDocuments(db, language, chosen, 'all', limit);
  const keys = new Set(all);
  if (chosen.length > 1 && keys.size < wanted)
    for (const key of await rankKnowledgeDocuments(db, language, chosen, 'any', wanted)) {
      if (keys.size >= wanted) break;
      keys.add(key);
    }
  return {
    allWords: all.length,
    hits: [...keys].map((key) => {
      const colon = key.indexOf(':');
      return { kind: key.slice(0, colon) as KnowledgeKind, id: key.slice(colon + 1) };
    }),
  };
}
