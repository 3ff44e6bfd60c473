import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/connection.js';
import { toIso, toIsoOrNull } from '../../db/dialect.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../events/catalogue.js';
import { recordEvent } from '../../events/record-event.js';
import { inTransaction } from '../../lib/transaction.js';
import type { StaffUser } from '../accounts/model.js';
import { eraseSubject } from './erase.js';
import { findSubject, phoneSpellings, type Subject } from './subject.js';

/** UU 27/2022: a controller answers a data subject's request within 3 × 24 hours. */
export const RESPONSE_HOURS = 72;
export const REQUEST_KINDS = ['access', 'correction', 'erasure'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export interface DataSubjectRequest {
  id: string;
  officeId: string;
  kind: RequestKind;
  status: 'open' | 'completed' | 'rejected';
  trackingCode: string | null;
  email: string | null;
  details: string | null;
  receivedAt: string;
  dueAt: string;
  completedAt: string | null;
  outcome: string | null;
  handledBy: string | null;
}

type Row = {
  id: string;
  office_id: string;
  kind: RequestKind;
  status: 'open' | 'completed' | 'rejected';
  tracking_code: string | null;
  email: string | null;
  details: string | null;
  received_at: Date | string;
  due_at: Date | string;
  completed_at: Date | string | null;
  outcome: string | null;
  handled_by: string | null;
};

function toRequest(r: Row): DataSubjectRequest {
  return {
    id: r.id,
    officeId: r.office_id,
    kind: r.kind,
    status: r.status,
    trackingCode: r.tracking_code,
    email: r.email,
    details: r.details,
    receivedAt: toIso(r.received_at),
    dueAt: toIso(r.due_at),
    completedAt: toIsoOrNull(r.completed_at),
    outcome: r.outcome,
    handledBy: r.handled_by,
  };
}

/** Who handles data-subject requests: supervisors and administrators of the office. */
export function authorizePrivacy(user: StaffUser, officeId?: string): string {
  if (!user.roles.includes('admin') && !user.roles.includes('supervisor')) throw new AppError('forbidden');
  const office = officeId ?? user.officeId;
  if (!office || (user.officeId !== null && user.officeId !== office)) throw new AppError('forbidden');
  return office;
}

export async function receiveRequest(
  db: Db,
  actor: Actor,
  input: {
    officeId: string;
    kind: RequestKind;
    trackingCode?: string | undefined;
    email?: string | undefined;
    details?: string | undefined;
    receivedAt: Date;
  },
): Promise<DataSubjectRequest> {
  if (!input.trackingCode && !input.email)
    throw new AppError('validation_failed', { errors: [{ field: 'trackingCode', code: 'required' }] });
  const id = randomUUID();
  const dueAt = new Date(input.receivedAt.getTime() + RESPONSE_HOURS * 3_600_000).toISOString();
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto('data_subject_requests')
      .values({
        id,
        office_id: input.officeId,
        kind: input.kind,
        status: 'open',
        tracking_code: input.trackingCode ?? null,
        email: input.email?.toLowerCase() ?? null,
        details: input.details ?? null,
        received_at: input.receivedAt.toISOString(),
        due_at: dueAt,
        completed_at: null,
        outcome: null,
        handled_by: null,
      })
      .execute();
    await recordEvent(trx, {
      type: 'privacy.request_received',
      actor,
      officeId: input.officeId,
      payload: { requestId: id, kind: input.kind, dueAt },
      at: new Date(),
    });
  });
  return (await findRequest(db, id))!;
}

export async function findRequest(db: Db, id: string): Promise<DataSubjectRequest | undefined> {
  const row = await db
    .selectFrom('data_subject_requests')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toRequest(row as Row);
}

export async function listRequests(db: Db, officeId: string): Promise<DataSubjectRequest[]> {
  const rows = await db
    .selectFrom('data_subject_requests')
    .selectAll()
    .where('office_id', '=', officeId)
    .orderBy('status')
    .orderBy('due_at')
    .limit(500)
    .execute();
  return rows.map((r) => toRequest(r as Row));
}

/**
 * The cases a correction is about: by tracking code, or by the contact e-mail the person used. Access and erasure
 * follow the person further (subject.ts); a correction changes only the cases the person named.
 */
async function casesOf(db: Db, request: DataSubjectRequest) {
  return db
    .selectFrom('cases')
    .selectAll()
    .where('office_id', '=', request.officeId)
    .where((eb) =>
      eb.or([
        ...(request.trackingCode ? [eb('tracking_code', '=', request.trackingCode)] : []),
        ...(request.email ? [eb(eb.fn('lower', ['contact_email']), '=', request.email)] : []),
      ]),
    )
    .execute();
}

/**
 * Everything Loket holds about the person (access request), as one JSON document: their cases with what they and
 * the office wrote, the identities their contact has, their WhatsApp/Telegram conversations, live chats, logged
 * calls and visits, e-mail records and passport applications with their contact details.
 */
export async function exportSubjectData(db: Db, actor: Actor, request: DataSubjectRequest) {
  const subject = await findSubject(db, request);
  const documents = [];
  for (const c of subject.cases) documents.push(await exportCase(db, c));
  const held = await exportAcrossChannels(db, subject);
  await inTransaction(db, (trx) =>
    recordEvent(trx, {
      type: 'privacy.data_exported',
      actor,
      officeId: request.officeId,
      payload: { requestId: request.id, cases: documents.length },
      at: new Date(),
    }),
  );
  return { requestId: request.id, generatedAt: new Date().toISOString(), cases: documents, ...held };
}

async function exportCase(db: Db, c: Subject['cases'][number]) {
  const messages = await db
    .selectFrom('case_messages')
    .select(['kind', 'body', 'author_type', 'created_at'])
    .where('case_id', '=', c.id)
    .where('kind', 'in', ['public_reply', 'citizen_message'])
    .orderBy('created_at')
    .execute();
  const attachments = await db
    .selectFrom('case_attachments')
    .select(['file_name', 'media_type', 'size_bytes'])
    .where('case_id', '=', c.id)
    .execute();
  return {
    trackingCode: c.tracking_code,
    type: c.type,
    status: c.status,
    channel: c.channel,
    subject: c.subject,
    description: c.description,
    contact: { name: c.contact_name, email: c.contact_email, phone: c.contact_phone },
    receivedAt: toIso(c.received_at),
    closedAt: toIsoOrNull(c.closed_at),
    messages: messages.map((m) => ({
      kind: m.kind,
      author: m.author_type,
      body: m.body,
      at: toIso(m.created_at),
    })),
    attachments: attachments.map((a) => ({ name: a.file_name, type: a.media_type, bytes: a.size_bytes })),
  };
}

/** What is held under the person rather than under one case. */
async function exportAcrossChannels(db: Db, subject: Subject) {
  const caseIds = subject.cases.map((c) => c.id);
  const codeOf = new Map(subject.cases.map((c) => [c.id, c.tracking_code]));
  const chats = caseIds.length
    ? await db
        .selectFrom('chat_conversations')
        .select(['id', 'case_id', 'language', 'created_at', 'ended_at'])
        .where('case_id', 'in', caseIds)
        .orderBy('created_at')
        .execute()
    : [];
  const transcripts = [];
  for (const chat of chats) {
    const messages = await db
      .selectFrom('chat_messages')
      .select(['author', 'body', 'created_at'])
      .where('conversation_id', '=', chat.id)
      .where('author', '!=', 'system')
      .orderBy('seq')
      .execute();
    transcripts.push({
      trackingCode: chat.case_id ? codeOf.get(chat.case_id) : null,
      language: chat.language,
      startedAt: toIso(chat.created_at),
      endedAt: toIsoOrNull(chat.ended_at),
      messages: messages.map((m) => ({ author: m.author, body: m.body, at: toIso(m.created_at) })),
    });
  }
  const conversations = [];
  for (const user of subject.appUsers) {
    const thread = await db
      .selectFrom('channel_threads')
      .select(['display_name', 'case_id', 'last_inbound_at'])
      .where('channel', '=', user.channel)
      .where('external_user', '=', user.externalUser)
      .executeTakeFirst();
    const messages = await db
      .selectFrom('channel_messages')
      .select(['direction', 'kind', 'status', 'case_id', 'created_at'])
      .where('channel', '=', user.channel)
      .where('external_user', '=', user.externalUser)
      .orderBy('created_at')
      .execute();
    if (!thread && messages.length === 0) continue;
    conversations.push({
      channel: user.channel,
      user: user.externalUser,
      displayName: thread?.display_name ?? null,
      lastMessageAt: thread ? toIso(thread.last_inbound_at) : null,
      messages: messages.map((m) => ({
        direction: m.direction,
        kind: m.kind,
        status: m.status,
        trackingCode: m.case_id ? (codeOf.get(m.case_id) ?? null) : null,
        at: toIso(m.created_at),
      })),
    });
  }
  const calls =
    subject.contactIds.length || subject.phones.length
      ? await db
          .selectFrom('logged_contacts')
          .select([
            'channel',
            'caller_number',
            'caller_name',
            'topic',
            'outcome',
            'answer',
            'case_id',
            'created_at',
          ])
          .where((eb) =>
            eb.or([
              ...(subject.contactIds.length ? [eb('contact_id', 'in', subject.contactIds)] : []),
              ...(subject.phones.length ? [eb('caller_number', 'in', subject.phones)] : []),
            ]),
          )
          .orderBy('created_at')
          .execute()
      : [];
  const emails = subject.emails.length
    ? await db
        .selectFrom('email_messages')
        .select(['direction', 'sender', 'recipient', 'subject', 'case_id', 'created_at'])
        .where((eb) =>
          eb.or([
            eb(eb.fn('lower', ['sender']), 'in', subject.emails),
            eb(eb.fn('lower', ['recipient']), 'in', subject.emails),
            ...(caseIds.length ? [eb('case_id', 'in', caseIds)] : []),
          ]),
        )
        .orderBy('created_at')
        .execute()
    : [];
  const phones = phoneSpellings(subject.phones);
  const passports =
    subject.emails.length || phones.length || caseIds.length
      ? await db
          .selectFrom('passport_applications')
          .select([
            'application_number',
            'applicant_name',
            'stage',
            'contact_email',
            'contact_phone',
            'contact_consent',
          ])
          .where((eb) =>
            eb.or([
              ...(subject.emails.length ? [eb(eb.fn('lower', ['contact_email']), 'in', subject.emails)] : []),
              ...(phones.length ? [eb('contact_phone', 'in', phones)] : []),
              ...(caseIds.length
                ? [
                    eb(
                      'id',
                      'in',
                      eb
                        .selectFrom('passport_case_links')
                        .select('application_id')
                        .where('case_id', 'in', caseIds),
                    ),
                  ]
                : []),
            ]),
          )
          .execute()
      : [];
  return {
    identities: subject.identities,
    chats: transcripts,
    messagingConversations: conversations,
    loggedContacts: calls.map((c) => ({
      channel: c.channel,
      callerNumber: c.caller_number,
      callerName: c.caller_name,
      topic: c.topic,
      outcome: c.outcome,
      answer: c.answer,
      trackingCode: c.case_id ? (codeOf.get(c.case_id) ?? null) : null,
      at: toIso(c.created_at),
    })),
    emails: emails.map((e) => ({
      direction: e.direction,
      sender: e.sender,
      recipient: e.recipient,
      subject: e.subject,
      trackingCode: e.case_id ? (codeOf.get(e.case_id) ?? null) : null,
      at: toIso(e.created_at),
    })),
    passportApplications: passports.map((p) => ({
      applicationNumber: p.application_number,
      applicantName: p.applicant_name,
      stage: p.stage,
      contactEmail: p.contact_email,
      contactPhone: p.contact_phone,
      contactConsent: Boolean(p.contact_consent),
    })),
  };
}

/**
 * Closes a request. Erasure anonymises the contact details of every matching case; correction writes the given
 * contact details; access is answered with the export. Rejecting needs a reason in the outcome.
 */
export async function completeRequest(
  db: Db,
  user: StaffUser,
  actor: Actor,
  request: DataSubjectRequest,
  input: {
    status: 'completed' | 'rejected';
    outcome: string;
    correction?:
      | { name?: string | undefined; email?: string | undefined; phone?: string | undefined }
      | undefined;
  },
  now: Date,
): Promise<DataSubjectRequest> {
  if (request.status !== 'open') throw new AppError('conflict');
  let affected = 0;
  if (input.status === 'completed') {
    if (request.kind === 'erasure') {
      // One transaction: an erasure is not left half done, with the person still findable by what remains.
      affected = await inTransaction(db, async (trx) =>
        eraseSubject(trx, actor, await findSubject(trx, request), request.id, now),
      );
    }
    const cases = request.kind === 'correction' ? await casesOf(db, request) : [];
    if (request.kind === 'correction') {
      const correction = input.correction ?? {};
      const set: Record<string, string> = {};
      if (correction.name !== undefined) set.contact_name = correction.name;
      if (correction.email !== undefined) set.contact_email = correction.email;
      if (correction.phone !== undefined) set.contact_phone = correction.phone;
      if (Object.keys(set).length === 0)
        throw new AppError('validation_failed', { errors: [{ field: 'correction', code: 'required' }] });
      for (const c of cases) {
        await inTransaction(db, async (trx) => {
          await trx
            .updateTable('cases')
            .set({ ...set, version: c.version + 1, updated_at: now.toISOString() })
            .where('id', '=', c.id)
            .execute();
          await recordEvent(trx, {
            type: 'case.contact_corrected',
            actor,
            officeId: c.office_id,
            caseId: c.id,
            payload: {
              fields: Object.keys(set).map((f) => f.replace('contact_', '')),
              requestId: request.id,
            },
            at: now,
          });
        });
        affected++;
      }
    }
    if (request.kind === 'access') affected = (await findSubject(db, request)).cases.length;
  }
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('data_subject_requests')
      .set({
        status: input.status,
        outcome: input.outcome,
        completed_at: now.toISOString(),
        handled_by: user.id,
      })
      .where('id', '=', request.id)
      .where('status', '=', 'open')
      .execute();
    await recordEvent(trx, {
      type: 'privacy.request_completed',
      actor,
      officeId: request.officeId,
      payload: { requestId: request.id, kind: request.kind, status: input.status, cases: affected },
      at: now,
    });
  });
  return (await findRequest(db, request.id))!;
}
