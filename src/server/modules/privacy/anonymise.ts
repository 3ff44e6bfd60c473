import type { Db } from '../../db/connection.js';
import type { Actor } from '../../events/catalogue.js';
import { recordEvent } from '../../events/record-event.js';
import { inTransaction } from '../../lib/transaction.js';
import { forgetConversationsOfCases } from '../messaging/storage.js';
import { forgetCallerOfCases } from '../phone/forget-caller.js';

const CONTACT_FIELDS = ['contact_name', 'contact_email', 'contact_phone'] as const;

/**
 * Removes a case's contact details: the case's name, e-mail and phone, the addresses of its e-mail records and the
 * raw e-mails themselves (their headers carry the address), the names on the citizen's messages, the WhatsApp or
 * Telegram conversation (its rows carry the number or chat id), the caller on a logged call that became this case,
 * and the link to a passport application (a named record would identify the case again). The event says which
 * fields went, never their values — the audit trail holds no contact data, so nothing audited has to be rewritten;
 * the contacts module's reaction then takes the case out of its person's history. What the citizen wrote in the
 * description and messages stays: free text cannot be cleaned mechanically (an erasure request handles it by hand).
 * Returns false when there was nothing to remove (no event then).
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
    const fields: string[] = CONTACT_FIELDS.filter((f) => row[f] !== null).map((f) =>
      f.replace('contact_', ''),
    );
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
    if (await forgetEmailRecords(trx, caseId)) fields.push('email_records');
    if (await forgetCitizenNames(trx, caseId)) fields.push('message_names');
    if ((await forgetConversationsOfCases(trx, [caseId])).length) fields.push('messaging');
    if (await forgetCallerOfCases(trx, [caseId])) fields.push('logged_contact');
    if (await forgetPassportLink(trx, caseId)) fields.push('passport_link');
    if (fields.length === 0) return false;
    await recordEvent(trx, {
      type: 'case.contact_anonymised',
      actor,
      officeId: row.office_id,
      caseId,
      payload: { reason, fields, ...(requestId ? { requestId } : {}) },
      at: now,
    });
    return true;
  });
}

async function forgetEmailRecords(trx: Db, caseId: string): Promise<boolean> {
  const emails = await trx
    .selectFrom('email_messages')
    .select('id')
    .where('case_id', '=', caseId)
    .where((eb) => eb.or([eb('sender', 'is not', null), eb('recipient', 'is not', null)]))
    .execute();
  const raw = await trx
    .selectFrom('email_raw')
    .innerJoin('email_messages', 'email_messages.id', 'email_raw.email_id')
    .select('email_raw.email_id')
    .where('email_messages.case_id', '=', caseId)
    .execute();
  if (emails.length)
    await trx
      .updateTable('email_messages')
      .set({ sender: null, recipient: null })
      .where(
        'id',
        'in',
        emails.map((e) => e.id),
      )
      .execute();
  if (raw.length)
    await trx
      .deleteFrom('email_raw')
      .where(
        'email_id',
        'in',
        raw.map((r) => r.email_id),
      )
      .execute();
  return emails.length > 0 || raw.length > 0;
}

/** The sender's name on citizen messages (an e-mail's From name, a WhatsApp profile name). */
async function forgetCitizenNames(trx: Db, caseId: string): Promise<boolean> {
  const result = await trx
    .updateTable('case_messages')
    .set({ author_name: null })
    .where('case_id', '=', caseId)
    .where('author_type', '=', 'citizen')
    .where('author_name', 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

async function forgetPassportLink(trx: Db, caseId: string): Promise<boolean> {
  const result = await trx.deleteFrom('passport_case_links').where('case_id', '=', caseId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
