import type { Db } from '../../db/connection.js';
import { isUniqueViolation, toIso } from '../../db/dialect.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../events/catalogue.js';
import { recordEvent } from '../../events/record-event.js';
import { inTransaction } from '../../lib/transaction.js';
import type { Case } from '../cases/model.js';

/**
 * The citizen's rating of how their own case was handled (1–5 and an optional comment), given once a case is
 * resolved. Separate from the SKM: it belongs to the case (staff see it there), the SKM answer does not.
 */
export interface CaseFeedback {
  rating: number;
  comment: string | null;
  createdAt: string;
}

export const MAX_FEEDBACK_COMMENT = 2000;

export async function giveCaseFeedback(
  db: Db,
  actor: Actor,
  subject: Case,
  input: { rating: number; comment?: string },
  now = new Date(),
): Promise<CaseFeedback> {
  const resolvedOnce =
    subject.status === 'resolved' || (subject.status === 'closed' && subject.resolvedAt !== null);
  if (!resolvedOnce) throw new AppError('feedback_not_allowed');
  if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5)
    throw new AppError('validation_failed', {
      errors: [{ field: 'rating', code: 'range', params: { min: 1, max: 5 } }],
    });
  const comment = input.comment?.replace(/\r\n?/g, '\n').trim() || null;
  if (comment && comment.length > MAX_FEEDBACK_COMMENT)
    throw new AppError('validation_failed', {
      errors: [{ field: 'comment', code: 'maxLength', params: { limit: MAX_FEEDBACK_COMMENT } }],
    });
  const at = now.toISOString();
  try {
    await inTransaction(db, async (trx) => {
      await trx
        .insertInto('case_feedback')
        .values({ case_id: subject.id, rating: input.rating, comment, created_at: at })
        .execute();
      await recordEvent(trx, {
        type: 'case.feedback_given',
        actor,
        officeId: subject.officeId,
        caseId: subject.id,
        payload: { rating: input.rating, commented: comment !== null },
        at: now,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('feedback_not_allowed');
    throw error;
  }
  return { rating: input.rating, comment, createdAt: at };
}

export async function findCaseFeedback(db: Db, caseId: string): Promise<CaseFeedback | undefined> {
  const row = await db
    .selectFrom('case_feedback')
    .selectAll()
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return row && { rating: row.rating, comment: row.comment, createdAt: toIso(row.created_at) };
}
