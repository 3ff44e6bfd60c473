import type { Db } from '../../db/connection.js';
import type { Actor } from '../../events/catalogue.js';
import { recordEvent } from '../../events/record-event.js';
import { inTransaction } from '../../lib/transaction.js';

const CONTACT_FIELDS = ['contact_name', 'contact_email', 'contact_phone'] as const;

/**
 * Removes a case's contact details: the case's name, e-mail and phone, the addresses of its e-mail records and the
 * raw e-mails themselves (their headers carry the address). The event says which fields went, never their values —
 * the audit trail holds no contact data, so nothing audited has to be rewritten. What the citizen wrote in the
 * description and messages stays: free text cannot be cleaned mechanically (an erasure request handles it by hand).
 */
export async function anonymiseCaseContact(
  db: Db,
  actor: Actor,
  caseId: string,
  reason: 'retention' | 'erasure_request',
  now: Date,
  requestId?: string,
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom('cases')
      .select(['id', 'office_id', 'version', ...CONTACT_FIELDS])
      .where('id', '=', caseId)
      .executeTakeFirst();
    if (!row) return false;
    const fields = CONTACT_FIELDS.filter((f) => row[f] !== null);
    const emails = await trx
      .selectFrom('email_messages')
      .select('id')
      .where('case_id', '=', caseId)
      .execute();
    if (fields.length === 0 && emails.length === 0) return false;
    if (fields.length)
      await trx
        .updateTable('cases')
        .set({
          contact_name: null,
          contact_email: null,
          contact_phone: null,
          version: row.version + 1,
          updated_at: now.toISOString(),
        })
        .where('id', '=', caseId)
        .execute();
    if (emails.length) {
      const ids = emails.map((e) => e.id);
      await trx
        .updateTable('email_messages')
        .set({ sender: null, recipient: null })
        .where('id', 'in', ids)
        .execute();
      await trx.deleteFrom('email_raw').where('email_id', 'in', ids).execute();
    }
    await recordEvent(trx, {
      type: 'case.contact_anonymised',
      actor,
      officeId: row.office_id,
      caseId,
      payload: {
        reason,
        fields: [
          ...fields.map((f) => f.replace('contact_', '')),
          ...(emails.length ? ['email_records'] : []),
        ],
        ...(requestId ? { requestId } : {}),
      },
      at: now,
    });
    return true;
  });
}
