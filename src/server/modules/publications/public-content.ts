import type { Language } from '../../../shared/enums.js';
import type { Db } from '../../db/connection.js';
import { parseJson, toIso } from '../../db/dialect.js';
import { knowledgeUrl } from '../knowledge/urls.js';
import { type Citation, citationLabel, enforcementStatistics } from './enforcement-records.js';
import { renderPublicationBody } from './images.js';
import type { PublicationCategory } from './model.js';

/**
 * What the portal reads: only the live copies in `publication_texts`, written when a publication goes live and
 * removed when it is archived. Cited records are there already in their public form (initials, nationality,
 * action, legal basis, dates), so nothing here can reach a name or a document number.
 */
export interface PublicCitation {
  label: string;
  action: Citation['action'];
  legalBasis: string;
  decidedOn: string;
  carriedOutOn: string | null;
}

export interface PublishedItem {
  id: string;
  language: Language;
  slug: string;
  category: PublicationCategory;
  title: string;
  summary: string;
  publishedAt: string;
  updatedAt: string;
}

export interface PublishedArticle extends PublishedItem {
  bodyHtml: string;
  bodyText: string;
  citations: PublicCitation[];
  /** The same publication in the other language, when it has one. */
  translations: Language[];
}

export interface NewsFilter {
  language: Language;
  category?: PublicationCategory;
  /** Calendar dates (YYYY-MM-DD, Asia/Jakarta), both inclusive. */
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

/** A Jakarta calendar date → the UTC instant its day starts (WIB is UTC+7, no daylight saving). */
const dayStart = (date: string) => new Date(`${date}T00:00:00+07:00`).toISOString();
const dayAfter = (date: string) =>
  new Date(new Date(`${date}T00:00:00+07:00`).getTime() + 86_400_000).toISOString();

function toItem(row: {
  publication_id: string;
  language: Language;
  slug: string;
  category: string;
  title: string;
  summary: string;
  published_at: Date | string;
  updated_at: Date | string;
}): PublishedItem {
  return {
    id: row.publication_id,
    language: row.language,
    slug: row.slug,
    category: row.category as PublicationCategory,
    title: row.title,
    summary: row.summary,
    publishedAt: toIso(row.published_at),
    updatedAt: toIso(row.updated_at),
  };
}

export async function listPublished(
  db: Db,
  filter: NewsFilter,
): Promise<{ items: PublishedItem[]; total: number; page: number; pages: number }> {
  const pageSize = filter.pageSize ?? 10;
  const base = db
    .selectFrom('publication_texts')
    .where('language', '=', filter.language)
    .$if(filter.category !== undefined, (qb) => qb.where('category', '=', filter.category!))
    .$if(filter.from !== undefined, (qb) => qb.where('published_at', '>=', dayStart(filter.from!)))
    .$if(filter.to !== undefined, (qb) => qb.where('published_at', '<', dayAfter(filter.to!)));
  const { count } = await base.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  const total = Number(count);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, filter.page ?? 1), pages);
  const rows = await base
    .selectAll()
    .orderBy('published_at', 'desc')
    .orderBy('publication_id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { items: rows.map(toItem), total, page, pages };
}

export async function getPublished(
  db: Db,
  language: Language,
  slug: string,
): Promise<PublishedArticle | null> {
  const row = await db
    .selectFrom('publication_texts')
    .selectAll()
    .where('language', '=', language)
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (!row) return null;
  const others = await db
    .selectFrom('publication_texts')
    .select('language')
    .where('publication_id', '=', row.publication_id)
    .where('language', '!=', language)
    .execute();
  const citations = (parseJson(row.citations) as Citation[]).map((c) => ({
    label: citationLabel(c, language),
    action: c.action,
    legalBasis: c.legalBasis,
    decidedOn: c.decidedOn,
    carriedOutOn: c.carriedOutOn,
  }));
  return {
    ...toItem(row),
    bodyHtml: renderPublicationBody(row.body),
    bodyText: row.body,
    citations,
    translations: others.map((o) => o.language),
  };
}

/** The newest live publications of a language (and category), for the feeds. */
export async function feedItems(
  db: Db,
  language: Language,
  category?: PublicationCategory,
  limit = 30,
): Promise<PublishedArticle[]> {
  const rows = await db
    .selectFrom('publication_texts')
    .select('slug')
    .where('language', '=', language)
    .$if(category !== undefined, (qb) => qb.where('category', '=', category!))
    .orderBy('published_at', 'desc')
    .limit(limit)
    .execute();
  const items = await Promise.all(rows.map((row) => getPublished(db, language, row.slug)));
  return items.filter((item) => item !== null);
}

/** Every live publication address with its last change, for sitemap.xml. */
export async function sitemapEntries(db: Db): Promise<{ path: string; updatedAt: string }[]> {
  const rows = await db
    .selectFrom('publication_texts')
    .select(['language', 'slug', 'updated_at'])
    .orderBy('published_at', 'desc')
    .limit(40_000)
    .execute();
  const articles = await db
    .selectFrom('kb_articles')
    .select(['language', 'published_slug', 'published_at'])
    .where('status', '=', 'published')
    .where('published_slug', 'is not', null)
    .limit(40_000)
    .execute();
  return [
    ...rows.map((row) => ({ path: `/news/${row.language}/${row.slug}`, updatedAt: toIso(row.updated_at) })),
    ...articles.map((row) => ({
      path: knowledgeUrl(row.language, 'article', row.published_slug!),
      updatedAt: toIso(row.published_at ?? new Date(0)),
    })),
  ];
}

export { enforcementStatistics };
