import type { Db } from '../../db/connection.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../events/catalogue.js';
import { recordEvent } from '../../events/record-event.js';
import { inTransaction } from '../../lib/transaction.js';
import type { ConsentWithdrawalSource } from './model.js';
import type { StoredApplication } from './storage.js';

/**
 * The applicant withdraws consent to be told of stage changes (the e-mail's unsubscribe link, or staff on the
 * applicant's request). Notifications stop, and the withdrawal is recorded with its time and source so that a
 * later import or API push saying consent = yes cannot switch them back on (apply.ts `respectWithdrawal`).
 * Recorded even when consent is already off: the applicant has said no, and that must outlive the next import.
 */
export async function withdrawConsent(
  db: Db,
  actor: Actor,
  app: StoredApplication,
  source: ConsentWithdrawalSource,
  now: Date,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const updated = await trx
      .updateTable('passport_applications')
      .set({
        contact_consent: false,
        consent_withdrawn_at: now.toISOString(),
        consent_withdrawn_source: source,
        updated_at: now.toISOString(),
        version: app.version + 1,
      })
      .where('id', '=', app.id)
      .where('version', '=', app.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('version_conflict');
    await recordEvent(trx, {
      type: 'passport.consent_withdrawn',
      actor,
      officeId: app.officeId,
      at: now,
      payload: { applicationId: app.id, applicationNumber: app.applicationNumber, source },
    });
  });
}
