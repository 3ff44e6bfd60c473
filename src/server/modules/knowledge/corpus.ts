import type { Language } from '../../../shared/enums.js';
import type { Db } from '../../db/connection.js';
import { parseJson } from '../../db/dialect.js';
import { stem, words } from '../search/text.js';
import { Vocabulary } from '../search/typos.js';
import { markdownToText } from './markdown.js';
import type { ArticleContent, FaqContent } from './model.js';

/**
 * What search and the assistant keep in memory per database and language: the colloquial dictionary and the
 * vocabulary of the published knowledge base (every word and stem, with the number of documents using it, for
 * typo correction and for weighting query words by rarity). Dropped at once by a local publish or dictionary
 * change; another instance's change shows within TTL_MS.
 */
const TTL_MS = 60_000;

export interface Corpus {
  loadedAt: number;
  synonyms: Map<string, string>;
  vocabulary: Vocabulary;
  documents: number;
}

type Snapshot = Record<Language, Promise<Corpus> | undefined>;
const snapshots = new WeakMap<object, Snapshot>();

function keyOf(db: Db): object {
  return db.getExecutor().adapter;
}

export function invalidateCorpus(db: Db): void {
  snapshots.delete(keyOf(db));
}

export async function corpus(db: Db, language: Language): Promise<Corpus> {
  let snapshot = snapshots.get(keyOf(db));
  if (!snapshot) {
    snapshot = { id: undefined, en: undefined };
    snapshots.set(keyOf(db), snapshot);
  }
  const current = snapshot[language];
  if (current) {
    const loaded = await current;
    if (Date.now() - loaded.loadedAt < TTL_MS) return loaded;
  }
  const loading = load(db, language);
  snapshot[language] = loading;
  loading.catch(() => {
    if (snapshot[language] === loading) snapshot[language] = undefined;
  });
  return loading;
}

/** The stem of a word (memoised in search/text.ts). */
export function cachedStem(word: string, language: Language): string {
  return stem(word, language);
}

/** A text's distinct words and their stems (the same terms as the index holds). */
export function termSet(text: string, language: Language): Set<string> {
  const terms = new Set<string>();
  for (const word of words(text)) {
    terms.add(word);
    const stemmed = cachedStem(word, language);
    if (stemmed.length >= 2) terms.add(stemmed);
  }
  return terms;
}

export function articleText(content: ArticleContent): { title: string; body: string } {
  return {
    title: content.title,
    body: [content.summary, content.tags.join(' '), markdownToText(stripPlaceholders(content.body))].join(
      '\n',
    ),
  };
}

export function faqText(content: FaqContent): { title: string; body: string } {
  return { title: content.questions.join('\n'), body: markdownToText(stripPlaceholders(content.answer)) };
}

/** `{{fee:CODE}}` is not text; the word for a fee stands in for it. */
export function stripPlaceholders(text: string): string {
  return text.replace(/\{\{\s*fee:[^}]*\}\}/g, ' ');
}

async function load(db: Db, language: Language): Promise<Corpus> {
  const loadedAt = Date.now();
  const [synonymRows, articles, faqs] = await Promise.all([
    db.selectFrom('kb_synonyms').select(['term', 'means']).where('language', '=', language).execute(),
    db
      .selectFrom('kb_articles')
      .select('published')
      .where('language', '=', language)
      .where('status', '=', 'published')
      .execute(),
    db
      .selectFrom('kb_faqs')
      .select('published')
      .where('language', '=', language)
      .where('status', '=', 'published')
      .execute(),
  ]);
  const vocabulary = new Vocabulary();
  const add = (text: { title: string; body: string }) => {
    for (const term of termSet(`${text.title}\n${text.body}`, language)) vocabulary.add(term);
  };
  for (const row of articles) add(articleText(parseJson(row.published) as ArticleContent));
  for (const row of faqs) add(faqText(parseJson(row.published) as FaqContent));
  return {
    loadedAt,
    synonyms: new Map(synonymRows.map((r) => [r.term, r.means])),
    vocabulary,
    documents: articles.length + faqs.length,
  };
}
