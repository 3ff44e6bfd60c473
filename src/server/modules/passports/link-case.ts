import type { Db } from '../../db/connection.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../events/catalogue.js';
import { recordEvent } from '../../events/record-event.js';
import { inTransaction } from '../../lib/transaction.js';
import type { Case } from '../cases/model.js';
import type { StoredApplication } from './storage.js';

/**
 * Links a case to the application it is about. A case is about one application: linking it again to the same
 * one changes nothing, to another one is a `conflict` (unlink first — not offered yet). Both must be of the same
 * office. The event is on the case's timeline.
 */
export async function linkCaseToApplication(
  db: Db,
  actor: Actor,
  subject: Pick<Case, 'id' | 'officeId' | 'trackingCode'>,
  app: StoredApplication,
  options: { by: 'staff' | 'citizen'; now?: Date },
): Promise<'linked' | 'already_linked'> {
  if (subject.officeId !== app.officeId) throw new AppError('not_found');
  const now = options.now ?? new Date();
  return inTransaction(db, async (trx) => {
    const existing = await trx
      .selectFrom('passport_case_links')
      .select('application_id')
      .where('case_id', '=', subject.id)
      .executeTakeFirst();
    if (existing?.application_id === app.id) return 'already_linked' as const;
    if (existing) throw new AppError('conflict', { field: 'applicationNumber' });
    await trx
      .insertInto('passport_case_links')
      .values({
        case_id: subject.id,
        application_id: app.id,
        linked_at: now.toISOString(),
        linked_by: actor.type === 'staff' ? actor.id : null,
      })
      .execute();
    await recordEvent(trx, {
      type: 'passport.case_linked',
      actor,
      officeId: app.officeId,
      caseId: subject.id,
      at: now,
      payload: {
        applicationId: app.id,
        applicationNumber: app.applicationNumber,
        trackingCode: subject.trackingCode,
        by: options.by,
      },
    });
    return 'linked' as const;
  });
}
