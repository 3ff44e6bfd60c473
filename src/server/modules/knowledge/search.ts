import type { Language } from '../../../shared/enums.js';
import type { Db } from '../../db/connection.js';
import { parseJson } from '../../db/dialect.js';
import { type KnowledgeKind, rankKnowledge } from '../search/knowledge-index.js';
import { words } from '../search/text.js';
import { articleText, cachedStem, corpus, faqText } from './corpus.js';
import { feesValidOn, jakartaDate, renderFees } from './fees.js';
import { escapeHtml, markdownToText } from './markdown.js';
import type { ArticleContent, FaqContent } from './model.js';
import type { CategoryRef } from './public-content.js';
import { type PreparedQuery, prepareQuery } from './query.js';
import { knowledgeUrl } from './urls.js';

export interface SearchResult {
  kind: KnowledgeKind;
  key: string;
  title: string;
  url: string;
  /** Escaped text with the matching words wrapped in `<mark>`. */
  snippetHtml: string;
  category: CategoryRef | null;
}

export interface SearchResponse {
  query: string;
  correctedQuery: string | null;
  /** How many documents contain every word searched for (counted up to 200), or the results shown if more. */
  total: number;
  results: SearchResult[];
}

const MAX_COUNTED = 200;

/** A published document as search and the assistant read it. */
export interface KnowledgeHit {
  kind: KnowledgeKind;
  id: string;
  key: string;
  language: Language;
  title: string;
  body: string;
  /** Markdown a result's snippet is cut from: the summary and body of an article, a FAQ entry's answer. */
  snippetText: string;
  article?: ArticleContent;
  faq?: FaqContent;
}

/** The published documents for ranked ids, in the given order. */
export async function loadHits(
  db: Db,
  language: Language,
  ids: { kind: KnowledgeKind; id: string }[],
): Promise<KnowledgeHit[]> {
  const articleIds = ids.filter((i) => i.kind === 'article').map((i) => i.id);
  const faqIds = ids.filter((i) => i.kind === 'faq').map((i) => i.id);
  const [articles, faqs] = await Promise.all([
    articleIds.length === 0
      ? []
      : db
          .selectFrom('kb_articles')
          .select(['id', 'translation_key', 'published'])
          .where('id', 'in', articleIds)
          .where('status', '=', 'published')
          .execute(),
    faqIds.length === 0
      ? []
      : db
          .selectFrom('kb_faqs')
          .select(['id', 'key', 'published'])
          .where('id', 'in', faqIds)
          .where('status', '=', 'published')
          .execute(),
  ]);
  const byKey = new Map<string, KnowledgeHit>();
  for (const row of articles) {
    const article = parseJson(row.published) as ArticleContent;
    byKey.set(`article:${row.id}`, {
      kind: 'article',
      id: row.id,
      key: row.translation_key,
      language,
      ...articleText(article),
      snippetText: `${article.summary}\n\n${article.body}`,
      article,
    });
  }
  for (const row of faqs) {
    const faq = parseJson(row.published) as FaqContent;
    const text = faqText(faq);
    byKey.set(`faq:${row.id}`, {
      kind: 'faq',
      id: row.id,
      key: row.key,
      language,
      ...text,
      snippetText: faq.answer,
      faq,
    });
  }
  return ids.flatMap((i) => byKey.get(`${i.kind}:${i.id}`) ?? []);
}

export async function searchKnowledge(
  db: Db,
  options: { q: string; lang: Language; limit?: number },
): Promise<SearchResponse> {
  const limit = Math.min(Math.max(options.limit ?? 10, 1), 50);
  const language = options.lang;
  const prepared = prepareQuery(options.q, language, await corpus(db, language), { prefixLast: true });
  if (prepared.groups.length === 0) return { query: options.q, correctedQuery: null, total: 0, results: [] };
  const ranked = await rankKnowledge(db, language, prepared.groups, limit, MAX_COUNTED);
  const hits = await loadHits(db, language, ranked.hits.slice(0, limit));
  const [categories, slugs, fees] = await Promise.all([
    db.selectFrom('kb_categories').select(['id', 'key', 'name_id', 'name_en']).execute(),
    articleSlugs(db, language, hits),
    feesValidOn(db, jakartaDate()),
  ]);
  const categoryOf = (id: string | null): CategoryRef | null => {
    const row = id ? categories.find((c) => c.id === id) : undefined;
    return row ? { key: row.key, name: language === 'en' ? row.name_en : row.name_id } : null;
  };
  return {
    query: options.q,
    correctedQuery: prepared.corrected,
    total: Math.max(ranked.allWords, hits.length),
    results: hits.map((hit) => ({
      kind: hit.kind,
      key: hit.key,
      title: hit.article ? hit.article.title : (hit.faq!.questions[0] ?? ''),
      url: hitUrl(hit, slugs),
      snippetHtml: snippet(
        markdownToText(renderFees(hit.snippetText.slice(0, SNIPPET_SOURCE_CHARS), fees, language)),
        prepared,
        language,
      ),
      category: categoryOf(hit.article?.categoryId ?? hit.faq?.categoryId ?? null),
    })),
  };
}

/** Slugs of the articles FAQ hits point to. */
export async function articleSlugs(
  db: Db,
  language: Language,
  hits: KnowledgeHit[],
): Promise<Map<string, string>> {
  const keys = hits.flatMap((h) => (h.faq?.articleKey ? [h.faq.articleKey] : []));
  if (keys.length === 0) return new Map();
  const rows = await db
    .selectFrom('kb_articles')
    .select(['translation_key', 'published_slug'])
    .where('language', '=', language)
    .where('status', '=', 'published')
    .where('translation_key', 'in', [...new Set(keys)])
    .execute();
  return new Map(rows.map((r) => [r.translation_key, r.published_slug!]));
}

/** An article's URL; a FAQ entry's is its article's when that is published, otherwise its place on the FAQ page. */
export function hitUrl(hit: KnowledgeHit, slugs: Map<string, string>): string {
  if (hit.article) return knowledgeUrl(hit.language, 'article', hit.article.slug);
  const slug = hit.faq?.articleKey ? slugs.get(hit.faq.articleKey) : undefined;
  return slug ? knowledgeUrl(hit.language, 'article', slug) : knowledgeUrl(hit.language, 'faq', hit.key);
}

const SNIPPET_WORDS = 28;
/** Snippets are cut from the start of a text (summary first): enough to find a passage, cheap for long bodies. */
const SNIPPET_SOURCE_CHARS = 4000;

/** The passage of about 28 words with the most query words, escaped, matches in `<mark>`. */
export function snippet(text: string, query: Pick<PreparedQuery, 'groups'>, language: Language): string {
  const tokens = text.replace(/\s+/g, ' ').trim().split(' ');
  const exact = new Set(query.groups.flatMap((g) => (g.prefix ? [] : g.terms)));
  const prefixes = query.groups.flatMap((g) => (g.prefix ? g.terms : []));
  const matches = tokens.map((token) =>
    words(token).some(
      (w) => exact.has(w) || exact.has(cachedStem(w, language)) || prefixes.some((p) => w.startsWith(p)),
    ),
  );
  let best = 0;
  let bestCount = -1;
  let count = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (matches[i]) count++;
    if (i >= SNIPPET_WORDS && matches[i - SNIPPET_WORDS]) count--;
    const start = Math.max(0, i - SNIPPET_WORDS + 1);
    if (count > bestCount) {
      bestCount = count;
      best = start;
    }
  }
  // Start the window a little before the first match, so the passage reads from a natural point.
  const firstMatch = matches.indexOf(true, best);
  if (firstMatch > best + 4) best = Math.max(0, firstMatch - 4);
  const end = Math.min(tokens.length, best + SNIPPET_WORDS);
  const html = tokens
    .slice(best, end)
    .map((token, i) => (matches[best + i] ? `<mark>${escapeHtml(token)}</mark>` : escapeHtml(token)))
    .join(' ');
  return `${best > 0 ? '… ' : ''}${html}${end < tokens.length ? ' …' : ''}`;
}
