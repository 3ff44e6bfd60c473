import type { Db } from '../../db/connection.js';
import { toBool } from '../../db/dialect.js';
import { newId } from '../../lib/ids.js';
import { type Identity, identitiesOf } from './identities.js';

/**
 * Finds or creates the contact that owns these identities. When they belong to several contacts (a person wrote
 * by e-mail, then on WhatsApp with the phone number their web case also gave), the contacts are one person and are
 * merged into the oldest. Returns undefined when there is nothing to identify anyone by.
 */
export async function resolveContact(
  trx: Db,
  identities: readonly Identity[],
  options: { name?: string | null; now: Date; alsoContactIds?: string[] },
): Promise<string | undefined> {
  if (identities.length === 0 && !options.alsoContactIds?.length) return undefined;
  const at = options.now.toISOString();
  const owners = identities.length
    ? await trx
        .selectFrom('contact_identities')
        .select('contact_id')
        .where((eb) =>
          eb.or(identities.map((i) => eb.and([eb('kind', '=', i.kind), eb('value', '=', i.value)]))),
        )
        .execute()
    : [];
  // UUIDv7 ids sort by creation: the first is the oldest contact.
  const ids = [...new Set([...owners.map((o) => o.contact_id), ...(options.alsoContactIds ?? [])])].sort();
  let contactId = ids[0];
  if (!contactId) {
    contactId = newId(options.now.getTime());
    await trx
      .insertInto('contacts')
      .values({
        id: contactId,
        display_name: options.name?.slice(0, 200) || null,
        created_at: at,
        updated_at: at,
      })
      .execute();
  } else if (ids.length > 1) {
    await mergeContacts(trx, contactId, ids.slice(1));
  }
  if (identities.length) {
    await trx
      .insertInto('contact_identities')
      .values(
        identities.map((i) => ({ kind: i.kind, value: i.value, contact_id: contactId, created_at: at })),
      )
      .onConflict((oc) => oc.columns(['kind', 'value']).doNothing())
      .execute();
  }
  if (options.name) {
    await trx
      .updateTable('contacts')
      .set({ display_name: options.name.slice(0, 200), updated_at: at })
      .where('id', '=', contactId)
      .where('display_name', 'is', null)
      .execute();
  }
  return contactId;
}

async function mergeContacts(trx: Db, keep: string, others: string[]): Promise<void> {
  await trx
    .updateTable('contact_identities')
    .set({ contact_id: keep })
    .where('contact_id', 'in', others)
    .execute();
  await trx
    .updateTable('contact_cases')
    .set({ contact_id: keep })
    .where('contact_id', 'in', others)
    .execute();
  await trx
    .updateTable('logged_contacts')
    .set({ contact_id: keep })
    .where('contact_id', 'in', others)
    .execute();
  await trx.deleteFrom('contacts').where('id', 'in', others).execute();
}

/** Links a case to its contact (found by the identities, or created), replacing an earlier link. */
export async function linkCaseToContact(
  trx: Db,
  caseId: string,
  identities: readonly Identity[],
  options: { name?: string | null; now: Date },
): Promise<string | undefined> {
  const current = await trx
    .selectFrom('contact_cases')
    .select('contact_id')
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  const contactId = await resolveContact(trx, identities, {
    ...options,
    alsoContactIds: current ? [current.contact_id] : [],
  });
  if (!contactId) return undefined;
  const at = options.now.toISOString();
  await trx
    .insertInto('contact_cases')
    .values({ case_id: caseId, contact_id: contactId, linked_at: at })
    .onConflict((oc) => oc.column('case_id').doUpdateSet({ contact_id: contactId }))
    .execute();
  return contactId;
}

/**
 * Links a case by the contact details stored on it (e-mail, phone, name). Anonymous cases are never linked: a
 * person's history is seen by every agent of the office, and must not tell them who made an anonymous report.
 */
export async function linkCaseByDetails(trx: Db, caseId: string, now: Date): Promise<string | undefined> {
  const row = await trx
    .selectFrom('cases')
    .select(['contact_email', 'contact_phone', 'contact_name', 'anonymous'])
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!row || toBool(row.anonymous)) return undefined;
  const identities = identitiesOf({ email: row.contact_email, phone: row.contact_phone });
  if (identities.length === 0) return undefined;
  return linkCaseToContact(trx, caseId, identities, { name: row.contact_name, now });
}

/** Takes a case out of its contact's history; returns the contact it was linked to. */
export async function unlinkCase(trx: Db, caseId: string): Promise<string | undefined> {
  const link = await trx
    .selectFrom('contact_cases')
    .select('contact_id')
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  await trx.deleteFrom('contact_cases').where('case_id', '=', caseId).execute();
  return link?.contact_id;
}

/** Links every case that is not linked yet (existing web and e-mail cases when this feature arrives). */
export async function linkExistingCases(db: Db, now = new Date()): Promise<number> {
  let linked = 0;
  let after = '';
  for (;;) {
    const batch = await db
      .selectFrom('cases')
      .leftJoin('contact_cases', 'contact_cases.case_id', 'cases.id')
      .select('cases.id')
      .where('contact_cases.case_id', 'is', null)
      .$if(after !== '', (q) => q.where('cases.id', '>', after))
      .where((eb) =>
        eb.or([eb('cases.contact_email', 'is not', null), eb('cases.contact_phone', 'is not', null)]),
      )
      .orderBy('cases.id')
      .limit(200)
      .execute();
    for (const { id } of batch) if (await linkCaseByDetails(db, id, now)) linked++;
    // Walks by id: cases whose details identify nobody (a malformed number) stay unlinked and are not met again.
    if (batch.length < 200) return linked;
    after = batch[batch.length - 1]!.id;
  }
}

/**
 * Deletes those of the contacts that nothing refers to any more (no case, no logged call or visit), with their
 * identities: a contact is only a way to find a person's history, and an empty one keeps nothing but their details.
 */
export async function removeUnusedContacts(trx: Db, contactIds: readonly string[]): Promise<number> {
  if (contactIds.length === 0) return 0;
  const unused = await trx
    .selectFrom('contacts as c')
    .select('c.id')
    .where('c.id', 'in', contactIds)
    .where((eb) =>
      eb.and([
        eb.not(
          eb.exists(
            eb.selectFrom('contact_cases as cc').select('cc.case_id').whereRef('cc.contact_id', '=', 'c.id'),
          ),
        ),
        eb.not(
          eb.exists(
            eb.selectFrom('logged_contacts as l').select('l.id').whereRef('l.contact_id', '=', 'c.id'),
          ),
        ),
      ]),
    )
    .execute();
  const ids = unused.map((u) => u.id);
  if (ids.length === 0) return 0;
  await trx.deleteFrom('contact_identities').where('contact_id', 'in', ids).execute();
  await trx.deleteFrom('contacts').where('id', 'in', ids).execute();
  return ids.length;
}

/** The contacts that own any of these identities. */
export async function contactsOwning(trx: Db, identities: readonly Identity[]): Promise<string[]> {
  if (identities.length === 0) return [];
  const rows = await trx
    .selectFrom('contact_identities')
    .select('contact_id')
    .distinct()
    .where((eb) => eb.or(identities.map((i) => eb.and([eb('kind', '=', i.kind), eb('value', '=', i.value)]))))
    .execute();
  return rows.map((r) => r.contact_id);
}

/**
 * Forgets a person's identities (erasure): the identity rows go, a contact left with nothing goes, and a contact
 * still used elsewhere (a case at another office) loses the display name when it is one of the erased names.
 */
export async function forgetIdentities(
  trx: Db,
  identities: readonly Identity[],
  names: readonly string[],
  contactIds: readonly string[],
  now: Date,
): Promise<void> {
  for (const identity of identities)
    await trx
      .deleteFrom('contact_identities')
      .where('kind', '=', identity.kind)
      .where('value', '=', identity.value)
      .execute();
  await removeUnusedContacts(trx, contactIds);
  const lowered = [...new Set(names.map((n) => n.trim().toLowerCase()).filter(Boolean))];
  if (lowered.length && contactIds.length)
    await trx
      .updateTable('contacts')
      .set({ display_name: null, updated_at: now.toISOString() })
      .where('id', 'in', contactIds)
      .where((eb) => eb(eb.fn('lower', ['display_name']), 'in', lowered))
      .execute();
}
