import type { Db } from '../../db/connection.js';
import type { Actor } from '../../events/catalogue.js';
import { forgetIdentities } from '../contacts/link-contact.js';
import { forgetExternalUsers } from '../messaging/storage.js';
import { forgetCaller } from '../phone/forget-caller.js';
import { anonymiseCaseContact } from './anonymise.js';
import { containsAny, phoneSpellings, type Subject } from './subject.js';

/**
 * Erases a person (erasure request), in the caller's transaction: every case's contact details (anonymise.ts),
 * then what is stored under the person rather than under a case — app conversations, logged calls, PBX records,
 * e-mail records without a case, passport contact details, queued or finished jobs naming them, and finally their
 * contact identities and a contact left with nothing. Returns how many cases changed.
 *
 * Kept on purpose: the event log (append-only and chained; events carry no contact data), the request itself
 * (the controller must show it answered, UU 27/2022), free text the person wrote, and the passport application
 * record (the office's register, mirrored from its own system — only the consent-based contact details go).
 */
export async function eraseSubject(
  trx: Db,
  actor: Actor,
  subject: Subject,
  requestId: string,
  now: Date,
): Promise<number> {
  let affected = 0;
  for (const c of subject.cases)
    if (await anonymiseCaseContact(trx, actor, c.id, 'erasure_request', now, requestId)) affected++;
  await forgetExternalUsers(trx, subject.appUsers);
  await forgetCaller(trx, subject);
  await forgetEmailAddresses(trx, subject.emails);
  await forgetPassportContact(trx, subject, now);
  await forgetJobs(trx, subject);
  await forgetIdentities(trx, subject.identities, subject.names, subject.contactIds, now);
  return affected;
}

/** E-mail records of the address that never became a case (ignored auto-replies, bounces) lose it too. */
async function forgetEmailAddresses(trx: Db, emails: string[]): Promise<void> {
  if (emails.length === 0) return;
  const rows = await trx
    .selectFrom('email_messages')
    .select('id')
    .where((eb) =>
      eb.or([eb(eb.fn('lower', ['sender']), 'in', emails), eb(eb.fn('lower', ['recipient']), 'in', emails)]),
    )
    .execute();
  if (rows.length === 0) return;
  const ids = rows.map((r) => r.id);
  await trx
    .updateTable('email_messages')
    .set({ sender: null, recipient: null })
    .where('id', 'in', ids)
    .execute();
  await trx.deleteFrom('email_raw').where('email_id', 'in', ids).execute();
}

/**
 * Contact details on passport applications rest on the applicant's consent: erasure withdraws it (so a later
 * import saying yes is ignored) and removes the address and number.
 */
async function forgetPassportContact(trx: Db, subject: Subject, now: Date): Promise<void> {
  const phones = phoneSpellings(subject.phones);
  if (subject.emails.length === 0 && phones.length === 0) return;
  await trx
    .updateTable('passport_applications')
    .set({
      contact_email: null,
      contact_phone: null,
      contact_consent: false,
      consent_withdrawn_at: now.toISOString(),
      consent_withdrawn_source: 'staff',
      updated_at: now.toISOString(),
      version: (eb) => eb('version', '+', 1),
    })
    .where((eb) =>
      eb.or([
        ...(subject.emails.length ? [eb(eb.fn('lower', ['contact_email']), 'in', subject.emails)] : []),
        ...(phones.length ? [eb('contact_phone', 'in', phones)] : []),
      ]),
    )
    .execute();
}

/**
 * Jobs whose payload or last error names the person (an e-mail queued to their address, a platform error quoting
 * the number): finished ones are history nobody needs, and pending ones must not reach an erased person. A job
 * running right now is left to finish (its lease holder owns the row).
 */
async function forgetJobs(trx: Db, subject: Subject): Promise<void> {
  const values = [...subject.emails, ...subject.phones, ...subject.appUsers.map((u) => u.externalUser)];
  if (values.length === 0) return;
  await trx
    .deleteFrom('jobs')
    .where('status', '!=', 'running')
    .where((eb) => eb.or([containsAny('payload', values), containsAny('last_error', values)]))
    .execute();
}
