import type { Db } from '../../db/connection.js';
import type { StaffUser } from '../accounts/model.js';
import { feesValidOn, jakartaDate } from './fees.js';
import type { Article, Faq } from './model.js';
import { canWriteKnowledge } from './policy.js';
import { renderKnowledgeHtml } from './public-content.js';
import { knowledgeUrl } from './urls.js';
import { workflowActions } from './workflow.js';

/** Staff views of articles and FAQ entries: the working copy, the workflow state and what the user may do. */
async function categoryKeys(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('kb_categories').select(['id', 'key']).execute();
  return new Map(rows.map((r) => [r.id, r.key]));
}

function workflowState(item: Article | Faq) {
  return {
    id: item.id,
    language: item.language,
    status: item.status,
    version: item.version,
    revisionNumber: item.revisionNumber,
    publishedRevisionNumber: item.publishedRevisionNumber,
    hasUnpublishedChanges:
      item.status === 'published' && item.publishedRevisionNumber !== item.revisionNumber,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    publishedAt: item.publishedAt,
  };
}

export async function presentArticleList(db: Db, articles: Article[]) {
  const categories = await categoryKeys(db);
  return articles.map((a) => articleListItem(a, categories));
}

function articleListItem(a: Article, categories: Map<string, string>) {
  return {
    ...workflowState(a),
    translationKey: a.translationKey,
    slug: a.slug,
    title: a.title,
    categoryKey: a.categoryId ? (categories.get(a.categoryId) ?? null) : null,
    lastReviewedAt: a.lastReviewedAt,
    reviewDueAt: a.reviewDueAt,
    publicUrl: a.published ? knowledgeUrl(a.language, 'article', a.published.slug) : null,
  };
}

export async function presentArticle(db: Db, user: StaffUser, a: Article) {
  const [categories, fees, translations] = await Promise.all([
    categoryKeys(db),
    feesValidOn(db, jakartaDate()),
    db
      .selectFrom('kb_articles')
      .select(['id', 'language', 'slug', 'status'])
      .where('translation_key', '=', a.translationKey)
      .where('id', '!=', a.id)
      .execute(),
  ]);
  const state = workflowState(a);
  return {
    ...articleListItem(a, categories),
    summary: a.summary,
    body: a.body,
    bodyHtml: renderKnowledgeHtml(a.body, fees, a.language),
    tags: a.tags,
    related: a.related,
    reviewIntervalDays: a.reviewIntervalDays,
    translations,
    allowedActions: canWriteKnowledge(user)
      ? workflowActions('article', a.status, a.publishedAt !== null, state.hasUnpublishedChanges)
      : [],
  };
}

export async function presentFaqList(db: Db, faqs: Faq[]) {
  const [categories, slugs] = await Promise.all([categoryKeys(db), articleSlugsByKey(db, faqs)]);
  return faqs.map((f) => faqListItem(f, categories, slugs));
}

async function articleSlugsByKey(db: Db, faqs: Faq[]): Promise<Map<string, string>> {
  const keys = [
    ...new Set(
      faqs.flatMap((f) => (f.published?.articleKey ? [`${f.language}:${f.published.articleKey}`] : [])),
    ),
  ];
  if (keys.length === 0) return new Map();
  const rows = await db
    .selectFrom('kb_articles')
    .select(['translation_key', 'language', 'published_slug'])
    .where('status', '=', 'published')
    .where(
      'translation_key',
      'in',
      keys.map((k) => k.slice(3)),
    )
    .execute();
  return new Map(rows.map((r) => [`${r.language}:${r.translation_key}`, r.published_slug!]));
}

function faqListItem(f: Faq, categories: Map<string, string>, slugs: Map<string, string>) {
  const articleSlug = f.published?.articleKey
    ? slugs.get(`${f.language}:${f.published.articleKey}`)
    : undefined;
  return {
    ...workflowState(f),
    key: f.key,
    question: f.questions[0] ?? '',
    articleKey: f.articleKey,
    categoryKey: f.categoryId ? (categories.get(f.categoryId) ?? null) : null,
    publicUrl: f.published
      ? articleSlug
        ? knowledgeUrl(f.language, 'article', articleSlug)
        : knowledgeUrl(f.language, 'faq', f.key)
      : null,
  };
}

export async function presentFaq(db: Db, user: StaffUser, f: Faq) {
  const [categories, slugs, fees, translations] = await Promise.all([
    categoryKeys(db),
    articleSlugsByKey(db, [f]),
    feesValidOn(db, jakartaDate()),
    db
      .selectFrom('kb_faqs')
      .select(['id', 'language', 'status'])
      .where('key', '=', f.key)
      .where('id', '!=', f.id)
      .execute(),
  ]);
  const state = workflowState(f);
  return {
    ...faqListItem(f, categories, slugs),
    questions: f.questions,
    answer: f.answer,
    answerHtml: renderKnowledgeHtml(f.answer, fees, f.language),
    translations: translations.map((t) => ({ ...t, slug: null })),
    allowedActions: canWriteKnowledge(user)
      ? workflowActions('faq', f.status, f.publishedAt !== null, state.hasUnpublishedChanges)
      : [],
  };
}
