import type { CaseStatus, CaseType, Channel } from '../../../shared/enums.js';
import type { Db } from '../../db/connection.js';
import { toIso } from '../../db/dialect.js';
import type { IdentityKind } from '../../db/schema.js';
import type { StaffUser } from '../accounts/model.js';
import { toCase } from '../cases/model.js';
import { canSeeIdentity, caseListScope } from '../cases/policy.js';
import { formatPhone } from './identities.js';

export interface ContactHistory {
  id: string;
  name: string | null;
  identities: { kind: IdentityKind; value: string }[];
  cases: {
    trackingCode: string;
    subject: string;
    status: CaseStatus;
    type: CaseType;
    channel: Channel;
    receivedAt: string;
  }[];
  loggedContacts: {
    id: string;
    channel: 'phone' | 'counter';
    topic: string | null;
    outcome: 'answered' | 'case';
    answer: string | null;
    durationSeconds: number | null;
    at: string;
  }[];
}

const HISTORY_LIMIT = 50;

/**
 * Everything one person brought to the office, as this staff member may see it: cases of their office scope
 * across every channel, and contacts logged at the phone or counter. An anonymous case appears only to its
 * handling side (the same rule that hides its contact details), so the history never unmasks a reporter.
 */
export async function contactHistory(
  db: Db,
  user: StaffUser,
  contactId: string,
): Promise<ContactHistory | undefined> {
  const scope = caseListScope(user);
  if (!scope.allowed) return undefined;
  const contact = await db.selectFrom('contacts').selectAll().where('id', '=', contactId).executeTakeFirst();
  if (!contact) return undefined;
  const [identities, caseRows, logged] = await Promise.all([
    db
      .selectFrom('contact_identities')
      .select(['kind', 'value'])
      .where('contact_id', '=', contactId)
      .orderBy('kind')
      .orderBy('value')
      .execute(),
    db
      .selectFrom('contact_cases')
      .innerJoin('cases', 'cases.id', 'contact_cases.case_id')
      .selectAll('cases')
      .where('contact_cases.contact_id', '=', contactId)
      .$if(scope.officeId !== null, (q) => q.where('cases.office_id', '=', scope.officeId!))
      .orderBy('cases.received_at', 'desc')
      .limit(HISTORY_LIMIT)
      .execute(),
    db
      .selectFrom('logged_contacts')
      .selectAll()
      .where('contact_id', '=', contactId)
      .$if(scope.officeId !== null, (q) => q.where('office_id', '=', scope.officeId!))
      .orderBy('created_at', 'desc')
      .limit(HISTORY_LIMIT)
      .execute(),
  ]);
  const cases = caseRows.map(toCase).filter((c) => canSeeIdentity(user, c));
  return {
    id: contact.id,
    name: contact.display_name,
    identities: identities.map((i) => ({
      kind: i.kind,
      value: i.kind === 'phone' ? formatPhone(i.value) : i.value,
    })),
    cases: cases.map((c) => ({
      trackingCode: c.trackingCode,
      subject: c.subject,
      status: c.status,
      type: c.type,
      channel: c.channel,
      receivedAt: c.receivedAt,
    })),
    loggedContacts: logged.map((row) => ({
      id: row.id,
      channel: row.channel,
      topic: row.topic,
      outcome: row.outcome,
      answer: row.answer,
      durationSeconds: row.duration_seconds,
      at: toIso(row.created_at),
    })),
  };
}

export async function contactOfCase(db: Db, caseId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('contact_cases')
    .select('contact_id')
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return row?.contact_id;
}

export async function contactByIdentity(
  db: Db,
  kind: IdentityKind,
  value: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('contact_identities')
    .select('contact_id')
    .where('kind', '=', kind)
    .where('value', '=', value)
    .executeTakeFirst();
  return row?.contact_id;
}
