import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/connection.js';
import { toIso, toIsoOrNull } from '../../db/dialect.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../events/catalogue.js';
import { recordEvent } from '../../events/record-event.js';
import { inTransaction } from '../../lib/transaction.js';
import type { StaffUser } from '../accounts/model.js';
import { anonymiseCaseContact } from './anonymise.js';

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

/** The cases a request is about: by tracking code, or by the contact e-mail the person used. */
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

/** Everything Loket holds about the person (access request), as one JSON document. */
export async function exportSubjectData(db: Db, actor: Actor, request: DataSubjectRequest) {
  const cases = await casesOf(db, request);
  const documents = [];
  for (const c of cases) {
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
    documents.push({
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
    });
  }
  await inTransaction(db, (trx) =>
    recordEvent(trx, {
      type: 'privacy.data_exported',
      actor,
      officeId: request.officeId,
      payload: { requestId: request.id, cases: documents.length },
      at: new Date(),
    }),
  );
  return { requestId: request.id, generatedAt: new Date().toISOString(), cases: documents };
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
    const cases = await casesOf(db, request);
    if (request.kind === 'erasure') {
      for (const c of cases)
        if (await anonymiseCaseContact(db, actor, c.id, 'erasure_request', now, request.id)) affected++;
    }
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
    if (request.kind === 'access') affected = cases.length;
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
