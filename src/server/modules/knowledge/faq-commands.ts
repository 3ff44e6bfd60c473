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
import { faqText, invalidateCorpus } from './corpus.js';
import { type Faq, type FaqContent, faqContent, type KbStatus, toFaq } from './model.js';
import { getRevision, writeRevision } from './revisions.js';
import { canTransition } from './workflow.js';

export interface NewFaq {
  key: string;
  language: Language;
  questions: string[];
  answer: string;
  articleKey?: string | null;
  categoryKey?: string | null;
  message?: string;
}

export interface FaqChanges {
  version: number;
  message?: string;
  questions?: string[];
  answer?: string;
  articleKey?: string | null;
  categoryKey?: string | null;
}

export async function findFaq(db: Db, id: string): Promise<Faq> {
  const row = await db.selectFrom('kb_faqs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found');
  return toFaq(row);
}

function cleanQuestions(questions: string[]): string[] {
  return [...new Set(questions.map((q) => q.trim()).filter(Boolean))];
}

function conflictOnKey(error: unknown): never {
  if (isUniqueViolation(error)) throw new AppError('conflict', { field: 'key' });
  throw error;
}

export async function createFaq(db: Db, actor: Actor, input: NewFaq, at = new Date()): Promise<Faq> {
  const categoryId = await categoryIdForKey(db, input.categoryKey);
  const id = newId(at.getTime());
  const content: FaqContent = {
    questions: cleanQuestions(input.questions),
    answer: input.answer,
    articleKey: input.articleKey ?? null,
    categoryId,
  };
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto('kb_faqs')
      .values({
        id,
        key: input.key,
        language: input.language,
        category_id: categoryId,
        article_key: content.articleKey,
        questions: JSON.stringify(content.questions),
        answer: content.answer,
        status: 'draft',
        version: 1,
        revision_number: 1,
        published_revision_number: null,
        published: null,
        published_at: null,
        created_at: at.toISOString(),
        updated_at: at.toISOString(),
      })
      .execute()
      .catch(conflictOnKey);
    await writeRevision(trx, 'faq', id, 1, content, actor, input.message, at);
    await recordEvent(trx, {
      type: 'knowledge.item_saved',
      actor,
      officeId: null,
      payload: { entity: 'faq', id, key: input.key, language: input.language, revision: 1, created: true },
      at,
    });
  });
  return findFaq(db, id);
}

export async function updateFaq(
  db: Db,
  actor: Actor,
  id: string,
  changes: FaqChanges,
  at = new Date(),
  restoredFrom?: number,
): Promise<Faq> {
  const faq = await findFaq(db, id);
  if (faq.version !== changes.version) throw new AppError('version_conflict');
  if (faq.status === 'archived') throw new AppError('invalid_transition');
  const categoryId =
    changes.categoryKey === undefined ? faq.categoryId : await categoryIdForKey(db, changes.categoryKey);
  const content: FaqContent = {
    questions: changes.questions ? cleanQuestions(changes.questions) : faq.questions,
    answer: changes.answer ?? faq.answer,
    articleKey: changes.articleKey === undefined ? faq.articleKey : changes.articleKey,
    categoryId,
  };
  const revision = faq.revisionNumber + 1;
  await inTransaction(db, async (trx) => {
    const updated = await trx
      .updateTable('kb_faqs')
      .set({
        questions: JSON.stringify(content.questions),
        answer: content.answer,
        article_key: content.articleKey,
        category_id: content.categoryId,
        revision_number: revision,
        version: faq.version + 1,
        updated_at: at.toISOString(),
      })
      .where('id', '=', id)
      .where('version', '=', faq.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('version_conflict');
    await writeRevision(trx, 'faq', id, revision, content, actor, changes.message, at);
    await recordEvent(trx, {
      type: 'knowledge.item_saved',
      actor,
      officeId: null,
      payload: {
        entity: 'faq',
        id,
        key: faq.key,
        language: faq.language,
        revision,
        ...(restoredFrom !== undefined ? { restoredFrom } : {}),
        ...(changes.message ? { message: changes.message } : {}),
      },
      at,
    });
  });
  return findFaq(db, id);
}

export async function restoreFaqRevision(
  db: Db,
  actor: Actor,
  id: string,
  number: number,
  version: number,
  message: string | undefined,
  at = new Date(),
): Promise<Faq> {
  const revision = await getRevision<FaqContent>(db, 'faq', id, number);
  const categoryKey = await categoryKeyForId(db, revision.content.categoryId);
  const { questions, answer, articleKey } = revision.content;
  return updateFaq(
    db,
    actor,
    id,
    { version, questions, answer, articleKey, categoryKey, message },
    at,
    number,
  );
}

export async function transitionFaq(
  db: Db,
  actor: Actor,
  id: string,
  to: KbStatus,
  version: number,
  at = new Date(),
): Promise<Faq> {
  const faq = await findFaq(db, id);
  if (faq.version !== version) throw new AppError('version_conflict');
  if (!canTransition(faq.status, to)) throw new AppError('invalid_transition');
  const publishing = to === 'published';
  const content = faqContent(faq);
  await inTransaction(db, async (trx) => {
    const updated = await trx
      .updateTable('kb_faqs')
      .set({
        status: to,
        version: faq.version + 1,
        updated_at: at.toISOString(),
        ...(publishing
          ? {
              published: JSON.stringify(content),
              published_revision_number: faq.revisionNumber,
              published_at: at.toISOString(),
            }
          : { published: null }),
      })
      .where('id', '=', id)
      .where('version', '=', faq.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('version_conflict');
    if (publishing)
      await indexKnowledgeDocument(trx, { kind: 'faq', id, language: faq.language, ...faqText(content) });
    else if (faq.status === 'published') await removeKnowledgeDocument(trx, 'faq', id);
    await recordEvent(trx, {
      type: 'knowledge.item_status_changed',
      actor,
      officeId: null,
      payload: {
        entity: 'faq',
        id,
        key: faq.key,
        language: faq.language,
        from: faq.status,
        to,
        revision: faq.revisionNumber,
      },
      at,
    });
  });
  invalidateCorpus(db);
  return findFaq(db, id);
}

export async function deleteFaq(db: Db, actor: Actor, id: string, at = new Date()): Promise<void> {
  const faq = await findFaq(db, id);
  if (faq.status !== 'draft' || faq.publishedAt !== null) throw new AppError('invalid_transition');
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('kb_revisions').where('entity', '=', 'faq').where('entity_id', '=', id).execute();
    await trx.deleteFrom('kb_faqs').where('id', '=', id).execute();
    await recordEvent(trx, {
      type: 'knowledge.item_deleted',
      actor,
      officeId: null,
      payload: { entity: 'faq', id, key: faq.key, language: faq.language },
      at,
    });
  });
}
