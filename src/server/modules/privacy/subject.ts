import { sql } from 'kysely';
import type { Db } from '../../db/connection.js';
import type { CaseRow, MessagingChannel } from '../../db/schema.js';
import { type Identity, identitiesOf, normaliseEmail } from '../contacts/identities.js';
import { contactsOwning } from '../contacts/link-contact.js';

export interface AppUser {
  channel: MessagingChannel;
  externalUser: string;
}

/** Everything that identifies one data subject at one office, gathered once for an access or erasure request. */
export interface Subject {
  cases: CaseRow[];
  contactIds: string[];
  /** Normalised e-mail addresses, phone numbers (digits, 628…) and Telegram chat ids. */
  identities: Identity[];
  emails: string[];
  phones: string[];
  appUsers: AppUser[];
  names: string[];
}

/** What the person gave us to find them by. */
export interface SubjectKeys {
  officeId: string;
  trackingCode: string | null;
  email: string | null;
}

/**
 * Finds the person: the cases the request names (tracking code, or the contact e-mail), then — because a contact
 * is one person across channels — every case and logged call of the contacts those cases and the request's
 * e-mail belong to, and the WhatsApp and Telegram users of those cases. Cases are those of the request's office
 * (requests are handled per office); contacts are shared, so a contact's identities are the person's everywhere.
 */
export async function findSubject(db: Db, keys: SubjectKeys): Promise<Subject> {
  const direct = await casesNamedBy(db, keys);
  const requestIdentities = identitiesOf({ email: keys.email });
  const contactIds = unique([
    ...(await contactsOfCases(
      db,
      direct.map((c) => c.id),
    )),
    ...(await contactsOwning(db, [...requestIdentities, ...direct.flatMap(identitiesOfCase)])),
  ]);
  const linked = await casesOfContacts(db, keys.officeId, contactIds);
  const cases = uniqueBy([...direct, ...linked], (c) => c.id);
  const appUsers = await appUsersOfCases(
    db,
    cases.map((c) => c.id),
  );
  const identities = uniqueBy(
    [
      ...requestIdentities,
      ...cases.flatMap(identitiesOfCase),
      ...(await identitiesOfContacts(db, contactIds)),
      ...appUsers.flatMap(identitiesOfAppUser),
    ],
    (i) => `${i.kind}:${i.value}`,
  );
  const phones = identities.filter((i) => i.kind === 'phone').map((i) => i.value);
  const telegram = identities.filter((i) => i.kind === 'telegram').map((i) => i.value);
  // A WhatsApp user is their phone number; a Telegram chat is known by its id.
  const allAppUsers = uniqueBy(
    [
      ...appUsers,
      ...phones.map((p) => ({ channel: 'whatsapp' as const, externalUser: p })),
      ...telegram.map((id) => ({ channel: 'telegram' as const, externalUser: id })),
    ],
    (u) => `${u.channel}:${u.externalUser}`,
  );
  return {
    cases,
    contactIds,
    identities,
    emails: identities.filter((i) => i.kind === 'email').map((i) => i.value),
    phones,
    appUsers: allAppUsers,
    names: await namesOf(db, cases, contactIds, allAppUsers),
  };
}

async function casesNamedBy(db: Db, keys: SubjectKeys): Promise<CaseRow[]> {
  const email = normaliseEmail(keys.email);
  if (!keys.trackingCode && !email) return [];
  return db
    .selectFrom('cases')
    .selectAll()
    .where('office_id', '=', keys.officeId)
    .where((eb) =>
      eb.or([
        ...(keys.trackingCode ? [eb('tracking_code', '=', keys.trackingCode)] : []),
        ...(email ? [eb(eb.fn('lower', ['contact_email']), '=', email)] : []),
      ]),
    )
    .execute();
}

function identitiesOfCase(c: CaseRow): Identity[] {
  return identitiesOf({ email: c.contact_email, phone: c.contact_phone });
}

function identitiesOfAppUser(user: AppUser): Identity[] {
  return user.channel === 'whatsapp'
    ? identitiesOf({ phone: user.externalUser })
    : [{ kind: 'telegram', value: user.externalUser }];
}

async function contactsOfCases(db: Db, caseIds: string[]): Promise<string[]> {
  if (caseIds.length === 0) return [];
  const rows = await db
    .selectFrom('contact_cases')
    .select('contact_id')
    .where('case_id', 'in', caseIds)
    .execute();
  return rows.map((r) => r.contact_id);
}

async function casesOfContacts(db: Db, officeId: string, contactIds: string[]): Promise<CaseRow[]> {
  if (contactIds.length === 0) return [];
  return db
    .selectFrom('cases')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('id', 'in', (eb) =>
      eb.selectFrom('contact_cases').select('case_id').where('contact_id', 'in', contactIds),
    )
    .execute();
}

async function appUsersOfCases(db: Db, caseIds: string[]): Promise<AppUser[]> {
  if (caseIds.length === 0) return [];
  const rows = await db
    .selectFrom('channel_messages')
    .select(['channel', 'external_user'])
    .distinct()
    .where('case_id', 'in', caseIds)
    .execute();
  return rows.map((r) => ({ channel: r.channel, externalUser: r.external_user }));
}

async function identitiesOfContacts(db: Db, contactIds: string[]): Promise<Identity[]> {
  if (contactIds.length === 0) return [];
  const rows = await db
    .selectFrom('contact_identities')
    .select(['kind', 'value'])
    .where('contact_id', 'in', contactIds)
    .execute();
  return rows.map((r) => ({ kind: r.kind, value: r.value }));
}

/** The names the person is stored under: on cases, contacts, app conversations and logged calls. */
async function namesOf(db: Db, cases: CaseRow[], contactIds: string[], users: AppUser[]): Promise<string[]> {
  const names = cases.map((c) => c.contact_name);
  if (contactIds.length) {
    const contacts = await db
      .selectFrom('contacts')
      .select('display_name')
      .where('id', 'in', contactIds)
      .execute();
    const calls = await db
      .selectFrom('logged_contacts')
      .select('caller_name')
      .where('contact_id', 'in', contactIds)
      .execute();
    names.push(...contacts.map((c) => c.display_name), ...calls.map((c) => c.caller_name));
  }
  for (const user of users) {
    const thread = await db
      .selectFrom('channel_threads')
      .select('display_name')
      .where('channel', '=', user.channel)
      .where('external_user', '=', user.externalUser)
      .executeTakeFirst();
    names.push(thread?.display_name ?? null);
  }
  return unique(names.filter((n): n is string => !!n?.trim()));
}

/** Variants a phone number may have been stored in by systems that do not normalise (passport imports). */
export function phoneSpellings(phones: readonly string[]): string[] {
  return unique(phones.flatMap((p) => [p, `+${p}`, ...(p.startsWith('62') ? [`0${p.slice(2)}`] : [])]));
}

/** A SQL condition: the column's text contains one of the values (job payloads, error texts). */
export function containsAny(column: string, values: readonly string[]) {
  return sql<boolean>`(${sql.join(
    values.map((v) => sql`cast(${sql.ref(column)} as text) like ${`%${escapeLike(v)}%`} escape '\\'`),
    sql` or `,
  )})`;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function uniqueBy<T>(values: T[], key: (value: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const value of values) if (!seen.has(key(value))) seen.set(key(value), value);
  return [...seen.values()];
}
