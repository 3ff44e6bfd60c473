import type { Selectable } from 'kysely';
import type { Language } from '../../../shared/enums.js';
import { parseJson, toIso, toIsoOrNull } from '../../db/dialect.js';
import type { KbArticleTable, KbCategoryTable, KbFaqTable, KbStatus } from '../../db/schema.js';

export type { KbStatus };
export const KB_STATUSES = ['draft', 'review', 'published', 'archived'] as const;

/** What a revision of an article holds; the published snapshot has the same shape. */
export interface ArticleContent {
  slug: string;
  title: string;
  summary: string;
  body: string;
  tags: string[];
  /** Translation keys of related articles. */
  related: string[];
  categoryId: string | null;
}

export interface FaqContent {
  questions: string[];
  answer: string;
  articleKey: string | null;
  categoryId: string | null;
}

export interface Article extends ArticleContent {
  id: string;
  translationKey: string;
  language: Language;
  status: KbStatus;
  version: number;
  revisionNumber: number;
  publishedRevisionNumber: number | null;
  published: ArticleContent | null;
  publishedAt: string | null;
  reviewIntervalDays: number;
  lastReviewedAt: string | null;
  reviewDueAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Faq extends FaqContent {
  id: string;
  key: string;
  language: Language;
  status: KbStatus;
  version: number;
  revisionNumber: number;
  publishedRevisionNumber: number | null;
  published: FaqContent | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Category {
  id: string;
  key: string;
  names: Record<Language, string>;
  descriptions: Record<Language, string>;
  sortOrder: number;
}

export function toArticle(row: Selectable<KbArticleTable>): Article {
  return {
    id: row.id,
    translationKey: row.translation_key,
    language: row.language,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    body: row.body,
    tags: parseJson(row.tags) as string[],
    related: parseJson(row.related) as string[],
    categoryId: row.category_id,
    status: row.status,
    version: row.version,
    revisionNumber: row.revision_number,
    publishedRevisionNumber: row.published_revision_number,
    published: row.published === null ? null : (parseJson(row.published) as ArticleContent),
    publishedAt: toIsoOrNull(row.published_at),
    reviewIntervalDays: row.review_interval_days,
    lastReviewedAt: toIsoOrNull(row.last_reviewed_at),
    reviewDueAt: toIsoOrNull(row.review_due_at),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

export function toFaq(row: Selectable<KbFaqTable>): Faq {
  return {
    id: row.id,
    key: row.key,
    language: row.language,
    questions: parseJson(row.questions) as string[],
    answer: row.answer,
    articleKey: row.article_key,
    categoryId: row.category_id,
    status: row.status,
    version: row.version,
    revisionNumber: row.revision_number,
    publishedRevisionNumber: row.published_revision_number,
    published: row.published === null ? null : (parseJson(row.published) as FaqContent),
    publishedAt: toIsoOrNull(row.published_at),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

export function toCategory(row: Selectable<KbCategoryTable>): Category {
  return {
    id: row.id,
    key: row.key,
    names: { id: row.name_id, en: row.name_en },
    descriptions: { id: row.description_id, en: row.description_en },
    sortOrder: row.sort_order,
  };
}

export function articleContent(article: ArticleContent): ArticleContent {
  const { slug, title, summary, body, tags, related, categoryId } = article;
  return { slug, title, summary, body, tags, related, categoryId };
}

export function faqContent(faq: FaqContent): FaqContent {
  const { questions, answer, articleKey, categoryId } = faq;
  return { questions, answer, articleKey, categoryId };
}
