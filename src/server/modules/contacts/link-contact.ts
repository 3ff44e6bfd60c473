import type { Db } from '../../db/connection.js';
import { toBool } from '../../db/dialect.js';
import { runPrepared } from '../../db/prepared.js';
import { newId } from '../../lib/ids.js';
import { type Identity, identitiesOf } from './identities.js';

/**
 * Finds or creates the contact that owns these identities. When they belong to several contacts (a person wrote
 * by e-mail, then on WhatsApp with the phone number their web case also gave), the contacts are one person and are
 * merged into the oldest. Returns undefined when there is nothing to identify anyone by.
 *
 * Every new case with contact details comes through here: its statements are compiled once (db/prepared.ts).
 */
export async function resolveContact(
  trx: Db,
  identities: readonly Identity[],
  options: { name?: string | null; now: Date; alsoContactIds?: string[] },
): Promise<string | undefined> {
  if (identities.length === 0 && !options.alsoContactIds?.length) return undefined;
  const at = options.now.toISOString();
  const owned = identities.length ? await ownedIdentities(trx, identities) : [];
  // UUIDv7 ids sort by creation: the first is the oldest contact.
  const ids = [...new Set([...owned.map((o) => o.contact_id), ...(options.alsoContactIds ?? [])])].sort();
  let contactId = ids[0];
  const name = options.name?.slice(0, 200) || null;
  if (!contactId) {
    contactId = newId(options.now.getTime());
    await insertContact(trx, contactId, name, at);
  } else {
    if (ids.length > 1) await mergeContacts(trx, contactId, ids.slice(1));
    // A new contact already has the name; an existing one gets it only if it had none.
    if (name) await nameContactIfNameless(trx, contactId, name, at);
  }
  // The identities found are the contact's now (their owners were merged into it); only new ones are added.
  const unowned = identities.filter((i) => !owned.some((o) => o.kind === i.kind && o.value === i.value));
  if (unowned.length) await addIdentities(trx, contactId, unowned, at);
  return contactId;
}

/** Which of the identities are known, and whose: one statement per number of identities (a case gives one to three). */
async function ownedIdentities(
  trx: Db,
  identities: readonly Identity[],
): Promise<{ kind: string; value: string; contact_id: string }[]> {
  return runPrepared(
    trx,
    `owned-identities:${identities.length}`,
    () =>
      trx
        .selectFrom('contact_identities')
        .select(['kind', 'value', 'contact_id'])
        .where((eb) =>
          eb.or(identities.map((i) => eb.and([eb('kind', '=', i.kind), eb('value', '=', i.value)]))),
        ),
    identities.flatMap((i) => [i.kind, i.value]),
  );
}

async function insertContact(trx: Db, id: string, name: string | null, at: string): Promise<void> {
  const values = { id, display_name: name, created_at: at, updated_at: at };
  await runPrepared(
    trx,
    'insert-contact',
    () => trx.insertInto('contacts').values(values),
    Object.values(values),
  );
}

async function nameContactIfNameless(trx: Db, contactId: string, name: string, at: string): Promise<void> {
  await runPrepared(
    trx,
    'name-nameless-contact',
    () =>
      trx
        .updateTable('contacts')
        .set({ display_name: name, updated_at: at })
        .where('id', '=', contactId)
        .where('display_name', 'is', null),
    [name, at, contactId],
  );
}

/** Gives the contact the identities it does not have yet (one statement per number of identities). */
async function addIdentities(
  trx: Db,
  contactId: string,
  identities: readonly Identity[],
  at: string,
): Promise<void> {
  const rows = identities.map((i) => ({
    kind: i.kind,
    value: i.value,
    contact_id: contactId,
    created_at: at,
  }));
  await runPrepared(
    trx,
    `add-contact-identities:${rows.length}`,
    () =>
      trx
        .insertInto('contact_identities')
        .values(rows)
        .onConflict((oc) => oc.columns(['kind', 'value']).doNothing()),
    rows.flatMap((row) => Object.values(row)),
  );
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

/**
 * Links a case to its contact (found by the identities, or created), replacing an earlier link. A case that was
 * just created (`newCase`) has no earlier link to look up.
 */
export async function linkCaseToContact(
  trx: Db,
  caseId: string,
  identities: readonly Identity[],
  options: { name?: string | null; now: Date; newCase?: boolean },
): Promise<string | undefined> {
  const current = options.newCase ? undefined : await contactOfCase(trx, caseId);
  const contactId = await resolveContact(trx, identities, {
    ...options,
    alsoContactIds: current ? [current] : [],
  });
  if (!contactId) return undefined;
  const values = { case_id: caseId, contact_id: contactId, linked_at: options.now.toISOString() };
  await runPrepared(
    trx,
    'link-contact-case',
    () =>
      trx
        .insertInto('contact_cases')
        .values(values)
        .onConflict((oc) =>
          oc.column('case_id').doUpdateSet((eb) => ({ contact_id: eb.ref('excluded.contact_id') })),
        ),
    Object.values(values),
  );
  return contactId;
}

async function contactOfCase(trx: Db, caseId: string): Promise<string | undefined> {
  const [row] = await runPrepared<{ contact_id: string }>(
    trx,
    'contact-of-case',
    () => trx.selectFrom('contact_cases').select('contact_id').where('case_id', '=', caseId),
    [caseId],
  );
  return row?.contact_id;
}

/** Contact details as a case holds them. */
export interface CaseContactDetails {
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  anonymous: boolean;
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
  if (!row) return undefined;
  const details = {
    contactName: row.contact_name,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    anonymous: toBool(row.anonymous),
  };
  return linkByDetails(trx, caseId, details, { now, newCase: false });
}

/** Links a case just created, by the details its command handed over (see EventFacts): no read, no earlier link. */
export function linkNewCase(
  trx: Db,
  caseId: string,
  details: CaseContactDetails,
  now: Date,
): Promise<string | undefined> {
  return linkByDetails(trx, caseId, details, { now, newCase: true });
}

async function linkByDetails(
  trx: Db,
  caseId: string,
  details: CaseContactDetails,
  options: { now: Date; newCase: boolean },
): Promise<string | undefined> {
  if (details.anonymous) return undefined;
  const identities = identitiesOf({ email: details.contactEmail, phone: details.contactPhone });
  if (identities.length === 0) return undefined;
  return linkCaseToContact(trx, caseId, identities, { ...options, name: details.contactName });
}

/** Takes a case out of its contact's history; returns the contact it was linked to. */
export async function unlinkCase(trx: Db, caseId: string): Promise<string | undefined> {
  const contactId = await contactOfCase(trx, caseId);
  await trx.deleteFrom('contact_cases').where('case_id', '=', caseId).execute();
  return contactId;
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
  return [...new Set((await ownedIdentities(trx, identities)).map((r) => r.contact_id))];
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
