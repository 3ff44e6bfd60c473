import { createHmac, type KeyObject, randomUUID } from 'node:crypto';
import type { Db } from '../../db/connection.js';
import { AppError } from '../../errors.js';
import { type Actor, CITIZEN_ACTOR } from '../../events/catalogue.js';
import { recordEvent } from '../../events/record-event.js';
import { inTransaction } from '../../lib/transaction.js';
import type { StaffUser } from '../accounts/model.js';
import {
  type IncomingFile,
  type IntegrityAttachment,
  type IntegrityFileStore,
  listIntegrityAttachments,
  readIntegrityAttachment,
  storeAttachments,
} from './attachments.js';
import {
  decryptText,
  encryptText,
  newContentKey,
  newReceipt,
  openAsOfficer,
  openWithReceipt,
  sealToOfficer,
  sealToReceipt,
} from './crypto.js';

export const INTEGRITY_CATEGORIES = ['pungli', 'calo', 'suap', 'lainnya'] as const;
export type IntegrityCategory = (typeof INTEGRITY_CATEGORIES)[number];
export const INTEGRITY_STATUSES = ['new', 'in_review', 'closed'] as const;
export type IntegrityStatus = (typeof INTEGRITY_STATUSES)[number];

export const MAX_REPORT_LENGTH = 10_000;
export const MAX_CONTACT_LENGTH = 300;

/** What the reporter wrote; stored only encrypted. */
interface ReportContent {
  description: string;
  contact: string | null;
  /** Set by an officer on triage: who is reported (display only; access is enforced by keys and the MAC). */
  reportedUser?: { id: string; name: string } | null;
}

export interface IntegrityMessage {
  /** 1, 2, … in the order written; attachments name the message they came with by it. */
  position: number;
  author: 'reporter' | 'officer';
  body: string;
  day: string;
}

/** The day only (UTC): integrity records never keep a precise time. */
export function dayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export function receiptHash(secret: string, receipt: string): string {
  return createHmac('sha256', secret).update(`integrity-receipt:${receipt}`).digest('hex');
}

export function reportedUserMac(secret: string, reportId: string, userId: string): string {
  return createHmac('sha256', secret).update(`integrity-reported:${reportId}:${userId}`).digest('hex');
}

const contentAad = (reportId: string) => `report:${reportId}:content`;
const messageAad = (reportId: string, position: number) => `report:${reportId}:message:${position}`;

/**
 * A new report from the portal. Sealed to every active integrity officer of the office and to the receipt; no
 * event is written now (the day's reporter activity is recorded in a batch the next day, so neither an event's
 * time nor its place in the audit chain tells when the reporter acted — see jobs.ts).
 */
export async function submitIntegrityReport(
  db: Db,
  input: {
    officeId: string;
    category: IntegrityCategory;
    description: string;
    contact: string | null;
    secret: string;
    now: Date;
    /** Files sent with the report (already checked by content); encrypted like the report. */
    files?: readonly IncomingFile[];
    store?: IntegrityFileStore;
  },
): Promise<{ receipt: string; reportId: string }> {
  const officers = await db
    .selectFrom('integrity_officer_keys')
    .select(['user_id', 'public_key'])
    .where('office_id', '=', input.officeId)
    .where('status', '=', 'active')
    .execute();
  if (officers.length === 0) throw new AppError('integrity_unavailable');
  const id = randomUUID();
  const receipt = newReceipt();
  const contentKey = newContentKey();
  const content: ReportContent = { description: input.description, contact: input.contact };
  const day = dayOf(input.now);
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto('integrity_reports')
      .values({
        id,
        office_id: input.officeId,
        receipt_hash: receiptHash(input.secret, receipt),
        category: input.category,
        status: 'new',
        received_day: day,
        last_activity_day: day,
        content: encryptText(contentKey, JSON.stringify(content), contentAad(id)),
        reporter_key: sealToReceipt(contentKey, receipt, id),
        reported_user_mac: null,
        message_count: 0,
        unrecorded_activity: 1,
      })
      .execute();
    await trx
      .insertInto('integrity_report_keys')
      .values(
        officers.map((o) => ({
          report_id: id,
          user_id: o.user_id,
          sealed_key: sealToOfficer(contentKey, o.public_key, id),
        })),
      )
      .execute();
    if (input.files?.length && input.store)
      await storeAttachments(
        trx,
        input.store,
        { reportId: id, contentKey, messagePosition: 0, author: 'reporter', day },
        input.files,
      );
  });
  return { receipt, reportId: id };
}

type ReportRow = Awaited<ReturnType<typeof findReportRow>>;

async function findReportRow(db: Db, id: string) {
  return db.selectFrom('integrity_reports').selectAll().where('id', '=', id).executeTakeFirst();
}

async function messagesOf(db: Db, reportId: string, contentKey: Buffer): Promise<IntegrityMessage[]> {
  const rows = await db
    .selectFrom('integrity_messages')
    .select(['position', 'author', 'body', 'day'])
    .where('report_id', '=', reportId)
    .orderBy('position')
    .execute();
  return rows.map((m) => ({
    position: m.position,
    author: m.author,
    day: m.day,
    body: decryptText(contentKey, m.body, messageAad(reportId, m.position)),
  }));
}

export interface ReportForReporter {
  receivedDay: string;
  status: IntegrityStatus;
  category: IntegrityCategory;
  description: string;
  contactGiven: boolean;
  messages: IntegrityMessage[];
  /** Files of the thread (the reporter's and the officers'), decrypted names and types. */
  attachments: IntegrityAttachment[];
}

/** The report a receipt opens, or null (unknown receipt). The receipt is the only key, as in GlobaLeaks. */
export async function openWithReceiptOnly(
  db: Db,
  secret: string,
  receipt: string,
): Promise<{ row: NonNullable<ReportRow>; contentKey: Buffer; view: ReportForReporter } | null> {
  const row = await db
    .selectFrom('integrity_reports')
    .selectAll()
    .where('receipt_hash', '=', receiptHash(secret, receipt))
    .executeTakeFirst();
  if (!row) return null;
  const contentKey = openWithReceipt(row.reporter_key, receipt, row.id);
  if (!contentKey) return null;
  const content = JSON.parse(decryptText(contentKey, row.content, contentAad(row.id))) as ReportContent;
  return {
    row,
    contentKey,
    view: {
      receivedDay: row.received_day,
      status: row.status as IntegrityStatus,
      category: row.category as IntegrityCategory,
      description: content.description,
      contactGiven: content.contact !== null,
      messages: await messagesOf(db, row.id, contentKey),
      attachments: await listIntegrityAttachments(db, row.id, contentKey),
    },
  };
}

/** One file of the reporter's own thread, opened with the receipt; null for an unknown receipt or file. */
export async function readAttachmentWithReceipt(
  db: Db,
  secret: string,
  store: IntegrityFileStore,
  receipt: string,
  attachmentId: string,
) {
  const opened = await openWithReceiptOnly(db, secret, receipt);
  if (!opened) return null;
  try {
    return await readIntegrityAttachment(db, store, opened.row.id, opened.contentKey, attachmentId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return null;
    throw error;
  }
}

async function appendMessage(
  db: Db,
  report: { id: string },
  contentKey: Buffer,
  message: {
    author: 'reporter' | 'officer';
    authorUserId: string | null;
    body: string;
    now: Date;
    files?: { store: IntegrityFileStore; list: readonly IncomingFile[] } | undefined;
  },
  after?: (trx: Db) => Promise<void>,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const current = await trx
      .selectFrom('integrity_reports')
      .select(['message_count', 'status'])
      .where('id', '=', report.id)
      .executeTakeFirstOrThrow();
    if (current.status === 'closed') throw new AppError('case_closed');
    const position = current.message_count + 1;
    await trx
      .insertInto('integrity_messages')
      .values({
        id: randomUUID(),
        report_id: report.id,
        position,
        author: message.author,
        author_user_id: message.authorUserId,
        body: encryptText(contentKey, message.body, messageAad(report.id, position)),
        day: dayOf(message.now),
      })
      .execute();
    await trx
      .updateTable('integrity_reports')
      .set((eb) => ({
        message_count: position,
        last_activity_day: dayOf(message.now),
        ...(message.author === 'reporter' ? { unrecorded_activity: eb('unrecorded_activity', '+', 1) } : {}),
      }))
      .where('id', '=', report.id)
      .where('message_count', '=', current.message_count)
      .execute();
    if (message.files?.list.length)
      await storeAttachments(
        trx,
        message.files.store,
        {
          reportId: report.id,
          contentKey,
          messagePosition: position,
          author: message.author,
          day: dayOf(message.now),
        },
        message.files.list,
      );
    await after?.(trx);
  });
}

export async function addReporterMessage(
  db: Db,
  secret: string,
  receipt: string,
  body: string,
  now: Date,
  files?: { store: IntegrityFileStore; list: readonly IncomingFile[] },
): Promise<boolean> {
  const opened = await openWithReceiptOnly(db, secret, receipt);
  if (!opened) return false;
  await appendMessage(db, opened.row, opened.contentKey, {
    author: 'reporter',
    authorUserId: null,
    body,
    now,
    files,
  });
  return true;
}

// ---------------------------------------------------------------- officers

/**
 * Who may see a report: integrity officers of its office who hold a sealed key for it and are not the person
 * reported. Everyone else — agents, supervisors, administrators, auditors — gets 404, as for a case of another
 * office. (Removing the reported person's key on triage makes the rule hold cryptographically too.)
 */
export async function reportForOfficer(db: Db, secret: string, user: StaffUser, reportId: string) {
  if (!user.roles.includes('integrity_officer') || !user.officeId) throw new AppError('not_found');
  const row = await findReportRow(db, reportId);
  if (!row || row.office_id !== user.officeId) throw new AppError('not_found');
  if (row.reported_user_mac === reportedUserMac(secret, row.id, user.id)) throw new AppError('not_found');
  const key = await db
    .selectFrom('integrity_report_keys')
    .select('sealed_key')
    .where('report_id', '=', row.id)
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  if (!key) throw new AppError('not_found');
  return { row, sealedKey: key.sealed_key };
}

function contentKeyFor(sealedKey: string, privateKey: KeyObject, reportId: string): Buffer {
  const contentKey = openAsOfficer(sealedKey, privateKey, reportId);
  // A key that does not open is a key sealed to another key pair (a re-enrolled officer): treat as no access.
  if (!contentKey) throw new AppError('not_found');
  return contentKey;
}

export interface ReportSummaryItem {
  id: string;
  category: IntegrityCategory;
  status: IntegrityStatus;
  receivedDay: string;
  lastActivityDay: string;
  messageCount: number;
}

export async function listReportsForOfficer(
  db: Db,
  secret: string,
  user: StaffUser,
): Promise<ReportSummaryItem[]> {
  if (!user.roles.includes('integrity_officer') || !user.officeId) throw new AppError('forbidden');
  const rows = await db
    .selectFrom('integrity_reports as r')
    .innerJoin('integrity_report_keys as k', (join) =>
      join.onRef('k.report_id', '=', 'r.id').on('k.user_id', '=', user.id),
    )
    .select([
      'r.id',
      'r.category',
      'r.status',
      'r.received_day',
      'r.last_activity_day',
      'r.message_count',
      'r.reported_user_mac',
    ])
    .where('r.office_id', '=', user.officeId)
    .orderBy('r.last_activity_day', 'desc')
    .orderBy('r.received_day', 'desc')
    .limit(500)
    .execute();
  return rows
    .filter((r) => r.reported_user_mac !== reportedUserMac(secret, r.id, user.id))
    .map((r) => ({
      id: r.id,
      category: r.category as IntegrityCategory,
      status: r.status as IntegrityStatus,
      receivedDay: r.received_day,
      lastActivityDay: r.last_activity_day,
      messageCount: r.message_count,
    }));
}

export interface ReportForOfficer extends ReportSummaryItem {
  description: string;
  contact: string | null;
  reportedUser: { id: string; name: string } | null;
  messages: IntegrityMessage[];
  attachments: IntegrityAttachment[];
}

/** Decrypts a report for an officer whose key is unlocked; the reading is recorded (who opened what, when). */
export async function readReportAsOfficer(
  db: Db,
  secret: string,
  user: StaffUser,
  actor: Actor,
  privateKey: KeyObject,
  reportId: string,
  now: Date,
): Promise<ReportForOfficer> {
  const { row, sealedKey } = await reportForOfficer(db, secret, user, reportId);
  const contentKey = contentKeyFor(sealedKey, privateKey, row.id);
  const content = JSON.parse(decryptText(contentKey, row.content, contentAad(row.id))) as ReportContent;
  await inTransaction(db, (trx) =>
    recordEvent(trx, {
      type: 'integrity.report_opened',
      actor,
      officeId: row.office_id,
      payload: { reportId: row.id },
      at: now,
    }),
  );
  return {
    id: row.id,
    category: row.category as IntegrityCategory,
    status: row.status as IntegrityStatus,
    receivedDay: row.received_day,
    lastActivityDay: row.last_activity_day,
    messageCount: row.message_count,
    description: content.description,
    contact: content.contact,
    reportedUser: content.reportedUser ?? null,
    messages: await messagesOf(db, row.id, contentKey),
    attachments: await listIntegrityAttachments(db, row.id, contentKey),
  };
}

/** One decrypted file of a report for an officer whose key is unlocked; the download is recorded. */
export async function readAttachmentAsOfficer(
  db: Db,
  secret: string,
  store: IntegrityFileStore,
  user: StaffUser,
  actor: Actor,
  privateKey: KeyObject,
  target: { reportId: string; attachmentId: string },
  now: Date,
) {
  const { row, sealedKey } = await reportForOfficer(db, secret, user, target.reportId);
  const contentKey = contentKeyFor(sealedKey, privateKey, row.id);
  const file = await readIntegrityAttachment(db, store, row.id, contentKey, target.attachmentId);
  await inTransaction(db, (trx) =>
    recordEvent(trx, {
      type: 'integrity.attachment_downloaded',
      actor,
      officeId: row.office_id,
      payload: { reportId: row.id, attachmentId: target.attachmentId },
      at: now,
    }),
  );
  return file;
}

export async function replyAsOfficer(
  db: Db,
  secret: string,
  user: StaffUser,
  actor: Actor,
  privateKey: KeyObject,
  reportId: string,
  body: string,
  now: Date,
  files?: { store: IntegrityFileStore; list: readonly IncomingFile[] },
): Promise<void> {
  const { row, sealedKey } = await reportForOfficer(db, secret, user, reportId);
  const contentKey = contentKeyFor(sealedKey, privateKey, row.id);
  const message = { author: 'officer' as const, authorUserId: user.id, body, now, files };
  await appendMessage(db, row, contentKey, message, (trx) =>
    recordEvent(trx, {
      type: 'integrity.officer_replied',
      actor,
      officeId: row.office_id,
      payload: { reportId: row.id },
      at: now,
    }),
  );
}

/**
 * Triage: the status, and the person reported (a staff account of the office). The reported person's sealed key
 * is removed and the MAC stored, so that person can never read the report nor be granted it later.
 */
export async function triageReport(
  db: Db,
  secret: string,
  user: StaffUser,
  actor: Actor,
  privateKey: KeyObject,
  reportId: string,
  change: { status?: IntegrityStatus | undefined; reportedUserId?: string | undefined },
  now: Date,
): Promise<void> {
  const { row, sealedKey } = await reportForOfficer(db, secret, user, reportId);
  const contentKey = contentKeyFor(sealedKey, privateKey, row.id);
  let reported: { id: string; name: string } | undefined;
  if (change.reportedUserId) {
    const person = await db
      .selectFrom('users')
      .select(['id', 'display_name', 'office_id'])
      .where('id', '=', change.reportedUserId)
      .executeTakeFirst();
    if (!person || person.office_id !== row.office_id)
      throw new AppError('validation_failed', {
        errors: [{ field: 'reportedUserId', code: 'unknown_user' }],
      });
    reported = { id: person.id, name: person.display_name };
  }
  await inTransaction(db, async (trx) => {
    const set: Record<string, string> = {};
    if (change.status && change.status !== row.status) set.status = change.status;
    if (reported) {
      const content = JSON.parse(decryptText(contentKey, row.content, contentAad(row.id))) as ReportContent;
      set.content = encryptText(
        contentKey,
        JSON.stringify({ ...content, reportedUser: reported }),
        contentAad(row.id),
      );
      set.reported_user_mac = reportedUserMac(secret, row.id, reported.id);
      await trx
        .deleteFrom('integrity_report_keys')
        .where('report_id', '=', row.id)
        .where('user_id', '=', reported.id)
        .execute();
    }
    if (Object.keys(set).length === 0) return;
    await trx.updateTable('integrity_reports').set(set).where('id', '=', row.id).execute();
    await recordEvent(trx, {
      type: 'integrity.report_triaged',
      actor,
      officeId: row.office_id,
      // Who is reported stays out of the trail: the event says only that someone was named.
      payload: {
        reportId: row.id,
        ...(set.status ? { status: set.status } : {}),
        reportedPersonNamed: Boolean(reported),
      },
      at: now,
    });
  });
}

/** Aggregate counts for everyone on staff of the office: no content, no days, no ids. */
export async function integrityCounts(db: Db, officeId: string) {
  const rows = await db
    .selectFrom('integrity_reports')
    .select(['status', 'category', (eb) => eb.fn.countAll<number>().as('count')])
    .where('office_id', '=', officeId)
    .groupBy(['status', 'category'])
    .execute();
  const byStatus: Record<string, number> = Object.fromEntries(INTEGRITY_STATUSES.map((s) => [s, 0]));
  let total = 0;
  for (const r of rows) {
    byStatus[r.status] = (byStatus[r.status] ?? 0) + Number(r.count);
    total += Number(r.count);
  }
  return { total, byStatus };
}

export { CITIZEN_ACTOR };
