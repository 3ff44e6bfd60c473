import type { Language } from '../../../shared/enums.js';
import type { Db } from '../../db/connection.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../events/catalogue.js';
import { recordEvent } from '../../events/record-event.js';
import { newId } from '../../lib/ids.js';
import { inTransaction } from '../../lib/transaction.js';
import { indexKnowledgeDocument, removeKnowledgeDocument } from '../search/knowledge-index.js';
import { categoryIdForKey, categoryKeyForId } from './categories.js';
import { articleText, invalidateCorpus } from './corpus.js';
import { type Article, type ArticleContent, articleContent, type KbStatus, toArticle } from './model.js';
import { getRevision, writeRevision } from './revisions.js';
import { canTransition } from './workflow.js';

const DAY = 86_400_000;
export const DEFAULT_REVIEW_INTERVAL_DAYS = 180;

export interface NewArticle {
  translationKey: string;
  language: Language;
  slug: string;
  title: string;
  summary: string;
  body: string;
  categoryKey?: string | null;
  tags?: string[];
  related?: string[];
  reviewIntervalDays?: number;
  message?: string;
}

export interface ArticleChanges {
  version: number;
  message?: string;
  slug?: string;
  title?: string;
  summary?: string;
  body?: string;
  categoryKey?: string | null;
  tags?: string[];
  related?: string[];
  reviewIntervalDays?: number;
}

export async function findArticle(db: Db, id: string): Promise<Article> {
  const row = await db.selectFrom('kb_articles').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found');
  return toArticle(row);
}

/** Paths the portal serves under /knowledge/{lang}/ before article slugs. */
const RESERVED_SLUGS = new Set(['faq', 'fees', 'standards', 'maklumat', 'category']);

function checkSlug(slug: string): void {
  if (RESERVED_SLUGS.has(slug)) throw new AppError('conflict', { field: 'slug' });
}

function cleanTags(tags: string[] | undefined): string[] {
  return [...new Set((tags ?? []).map((t) => t.trim().toLowerCase()).filter(Boolean))];
}

/** Unique-constraint violations name the field the person can fix. */
function conflictOn(error: unknown): never {
  if (!isUniqueViolation(error)) throw error;
  const text = String((error as Error).message);
  const field = /translation|translation_key/.test(text) ? 'translationKey' : 'slug';
  throw new AppError('conflict', { field });
}

export async function createArticle(
  db: Db,
  actor: Actor,
  input: NewArticle,
  at = new Date(),
): Promise<Article> {
  checkSlug(input.slug);
  const categoryId = await categoryIdForKey(db, input.categoryKey);
  const id = newId(at.getTime());
  const content: ArticleContent = {
    slug: input.slug,
    title: input.title.trim(),
    summary: input.summary.trim(),
    body: input.body,
    tags: cleanTags(input.tags),
    related: [...new Set(input.related ?? [])],
    categoryId,
  };
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto('kb_articles')
      .values({
        id,
        translation_key: input.translationKey,
        language: input.language,
        category_id: categoryId,
        slug: content.slug,
        title: content.title,
        summary: content.summary,
        body: content.body,
        tags: JSON.stringify(content.tags),
        related: JSON.stringify(content.related),
        status: 'draft',
        version: 1,
        revision_number: 1,
        published_revision_number: null,
        published_slug: null,
        published: null,
        published_at: null,
        review_interval_days: input.reviewIntervalDays ?? DEFAULT_REVIEW_INTERVAL_DAYS,
        last_reviewed_at: null,
        review_due_at: null,
        created_at: at.toISOString(),
        updated_at: at.toISOString(),
      })
      .execute()
      .catch(conflictOn);
    await writeRevision(trx, 'article', id, 1, content, actor, input.message, at);
    await recordEvent(trx, {
      type: 'knowledge.item_saved',
      actor,
      officeId: null,
      payload: {
        entity: 'article',
        id,
        key: input.translationKey,
        language: input.language,
        revision: 1,
        created: true,
        ...(input.message ? { message: input.message } : {}),
      },
      at,
    });
  });
  return findArticle(db, id);
}

function checkVersion(article: Article, version: number): void {
  if (article.version !== version) throw new AppError('version_conflict');
}

/** Saves a new revision. A published article keeps its published text until it is published again. */
export async function updateArticle(
  db: Db,
  actor: Actor,
  id: string,
  changes: ArticleChanges,
  at = new Date(),
  restoredFrom?: number,
): Promise<Article> {
  const article = await findArticle(db, id);
  checkVersion(article, changes.version);
  if (article.status === 'archived') throw new AppError('invalid_transition');
  if (changes.slug) checkSlug(changes.slug);
  const categoryId =
    changes.categoryKey === undefined ? article.categoryId : await categoryIdForKey(db, changes.categoryKey);
  const content: ArticleContent = {
    slug: changes.slug ?? article.slug,
    title: changes.title?.trim() ?? article.title,
    summary: changes.summary?.trim() ?? article.summary,
    body: changes.body ?? article.body,
    tags: changes.tags ? cleanTags(changes.tags) : article.tags,
    related: changes.related ? [...new Set(changes.related)] : article.related,
    categoryId,
  };
  const revision = article.revisionNumber + 1;
  await inTransaction(db, async (trx) => {
    const updated = await trx
      .updateTable('kb_articles')
      .set({
        slug: content.slug,
        title: content.title,
        summary: content.summary,
        body: content.body,
        tags: JSON.stringify(content.tags),
        related: JSON.stringify(content.related),
        category_id: content.categoryId,
        review_interval_days: changes.reviewIntervalDays ?? article.reviewIntervalDays,
        revision_number: revision,
        version: article.version + 1,
        updated_at: at.toISOString(),
      })
      .where('id', '=', id)
      .where('version', '=', article.version)
      .executeTakeFirst()
      .catch(conflictOn);
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('version_conflict');
    await writeRevision(trx, 'article', id, revision, content, actor, changes.message, at);
    await recordEvent(trx, {
      type: 'knowledge.item_saved',
      actor,
      officeId: null,
      payload: {
        entity: 'article',
        id,
        key: article.translationKey,
        language: article.language,
        revision,
        ...(restoredFrom !== undefined ? { restoredFrom } : {}),
        ...(changes.message ? { message: changes.message } : {}),
      },
      at,
    });
  });
  return findArticle(db, id);
}

/** A new revision with an earlier revision's content. */
export async function restoreArticleRevision(
  db: Db,
  actor: Actor,
  id: string,
  number: number,
  version: number,
  message: string | undefined,
  at = new Date(),
): Promise<Article> {
  const revision = await getRevision<ArticleContent>(db, 'article', id, number);
  const categoryKey = await categoryKeyForId(db, revision.content.categoryId);
  const { slug, title, summary, body, tags, related } = revision.content;
  return updateArticle(
    db,
    actor,
    id,
    { version, slug, title, summary, body, tags, related, categoryKey, message },
    at,
    number,
  );
}

/** Moves an article through the workflow; publishing puts its latest revision live and into the index at once. */
export async function transitionArticle(
  db: Db,
  actor: Actor,
  id: string,
  to: KbStatus,
  version: number,
  at = new Date(),
): Promise<Article> {
  const article = await findArticle(db, id);
  checkVersion(article, version);
  if (!canTransition(article.status, to)) throw new AppError('invalid_transition');
  const publishing = to === 'published';
  const content = articleContent(article);
  await inTransaction(db, async (trx) => {
    const updated = await trx
      .updateTable('kb_articles')
      .set({
        status: to,
        version: article.version + 1,
        updated_at: at.toISOString(),
        ...(publishing
          ? {
              published: JSON.stringify(content),
              published_slug: content.slug,
              published_revision_number: article.revisionNumber,
              published_at: at.toISOString(),
              last_reviewed_at: at.toISOString(),
              review_due_at: new Date(at.getTime() + article.reviewIntervalDays * DAY).toISOString(),
            }
          : { published: null, published_slug: null }),
      })
      .where('id', '=', id)
      .where('version', '=', article.version)
      .executeTakeFirst()
      .catch(conflictOn);
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('version_conflict');
    if (publishing)
      await indexKnowledgeDocument(trx, {
        kind: 'article',
        id,
        language: article.language,
        ...articleText(content),
      });
    else if (article.status === 'published') await removeKnowledgeDocument(trx, 'article', id);
    await recordEvent(trx, {
      type: 'knowledge.item_status_changed',
      actor,
      officeId: null,
      payload: {
        entity: 'article',
        id,
        key: article.translationKey,
        language: article.language,
        from: article.status,
        to,
        revision: article.revisionNumber,
      },
      at,
    });
  });
  invalidateCorpus(db);
  return findArticle(db, id);
}

/** A publisher confirms the published text is still right: the next review is due a full interval later. */
export async function markArticleReviewed(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  at = new Date(),
): Promise<Article> {
  const article = await findArticle(db, id);
  checkVersion(article, version);
  if (article.status !== 'published') throw new AppError('invalid_transition');
  const reviewDueAt = new Date(at.getTime() + article.reviewIntervalDays * DAY).toISOString();
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('kb_articles')
      .set({ last_reviewed_at: at.toISOString(), review_due_at: reviewDueAt, version: article.version + 1 })
      .where('id', '=', id)
      .execute();
    await recordEvent(trx, {
      type: 'knowledge.item_reviewed',
      actor,
      officeId: null,
      payload: { id, key: article.translationKey, language: article.language, reviewDueAt },
      at,
    });
  });
  return findArticle(db, id);
}

/** Only a draft that was never published may be deleted; anything the public has seen is archived instead. */
export async function deleteArticle(db: Db, actor: Actor, id: string, at = new Date()): Promise<void> {
  const article = await findArticle(db, id);
  if (article.status !== 'draft' || article.publishedAt !== null) throw new AppError('invalid_transition');
  await inTransaction(db, async (trx) => {
    await trx
      .deleteFrom('kb_revisions')
      .where('entity', '=', 'article')
      .where('entity_id', '=', id)
      .execute();
    await trx.deleteFrom('kb_articles').where('id', '=', id).execute();
    await recordEvent(trx, {
      type: 'knowledge.item_deleted',
      actor,
      officeId: null,
      payload: { entity: 'article', id, key: article.translationKey, language: article.language },
      at,
    });
  });
}
