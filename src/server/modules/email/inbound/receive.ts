import { createHash } from 'node:crypto';
import type { ParsedMail } from 'mailparser';
import { Type } from 'typebox';
import type { Config } from '../../../config.js';
import type { Db } from '../../../db/connection.js';
import { isUniqueViolation } from '../../../db/dialect.js';
import type { Actor } from '../../../events/catalogue.js';
import { enqueueJob } from '../../../jobs/outbox.js';
import { defineJob, type JobLogger } from '../../../jobs/registry.js';
import { inTransaction } from '../../../lib/transaction.js';
import { addCitizenMessage } from '../../cases/add-message.js';
import {
  ATTACHMENT_LIMITS,
  AttachmentStore,
  attachFiles,
  cleanFileName,
  detectMediaType,
  nameContradictsContent,
  type StoredFile,
} from '../../cases/attachments.js';
import { createCase } from '../../cases/create-case.js';
import { type Case, toCase } from '../../cases/model.js';
import { DESCRIPTION_MAX, MESSAGE_MAX, SUBJECT_MAX } from '../../cases/schemas.js';
import { isFinal } from '../../cases/status-machine.js';
import { parseTrackingCode } from '../../cases/tracking-code.js';
import { applyTransition } from '../../cases/transition-case.js';
import { findOfficeById } from '../../offices/storage.js';
import { enqueueEmailReceipt } from '../notifications.js';
import {
  caseOfMessageIds,
  countRecentFromSender,
  findEmailMessage,
  findOfficeByMailAddress,
  insertEmailMessage,
} from '../storage.js';
import { classifyInbound } from './classify.js';
import { addressOf, firstMessageId, readHeaders } from './headers.js';
import { cleanSubject, detectLanguage, guessCaseType, newTextOf } from './text.js';

/** More than this many messages from one sender in an hour are treated as a loop (an auto-responder war). */
export const SENDER_RATE_LIMIT = { limit: 20, windowMs: 60 * 60_000 };

export type AcceptResult =
  | { status: 'accepted'; emailId: string }
  | { status: 'duplicate' }
  | { status: 'malformed'; reason: string };

/**
 * Stores a received message before the sender is told it arrived: the raw bytes, a row in email_messages and
 * the job that will process it, in one transaction. A message whose Message-ID was already received (a relay
 * retrying, a mailbox read twice) is acknowledged without being stored again.
 */
export async function acceptInboundMail(
  db: Db,
  input: {
    officeId: string;
    recipient: string;
    raw: Buffer;
    source: 'smtp' | 'imap';
    /** SMTP `MAIL FROM:<>`: only delivery reports and auto-replies use the null sender. */
    nullSender?: boolean;
  },
  now = new Date(),
): Promise<AcceptResult> {
  const headers = readHeaders(input.raw);
  if (!headers) return { status: 'malformed', reason: 'no header section' };
  const sender = addressOf(headers.get('from'));
  if (!sender) return { status: 'malformed', reason: 'no sender address in From' };
  const messageId =
    firstMessageId(headers.get('message-id')) ??
    `<${createHash('sha256').update(input.raw).digest('hex').slice(0, 40)}@no-message-id.invalid>`;
  if (await findEmailMessage(db, 'in', messageId)) return { status: 'duplicate' };
  try {
    const emailId = await inTransaction(db, async (trx) => {
      const emailId = await insertEmailMessage(
        trx,
        {
          office_id: input.officeId,
          case_id: null,
          direction: 'in',
          message_id: messageId.slice(0, 500),
          source: input.source,
          sender: sender.slice(0, 254),
          recipient: input.recipient.toLowerCase().slice(0, 254),
          subject: (headers.get('subject') ?? '').slice(0, 300),
          status: 'received',
          outcome: null,
          template: null,
          size_bytes: input.raw.length,
        },
        now,
      );
      await trx.insertInto('email_raw').values({ email_id: emailId, content: input.raw }).execute();
      await enqueueJob(
        trx,
        receiveEmailJob,
        { emailId, nullSender: input.nullSender ?? false },
        { dedupeKey: `email.receive:${emailId}`, now },
      );
      return emailId;
    });
    return { status: 'accepted', emailId };
  } catch (error) {
    // Two deliveries of one message at the same moment: the other one stored it.
    if (isUniqueViolation(error)) return { status: 'duplicate' };
    throw error;
  }
}

export const receiveEmailJob = defineJob('email.receive', {
  payload: Type.Object({ emailId: Type.String(), nullSender: Type.Boolean() }),
  maxAttempts: 10,
  async run(ctx, payload) {
    await processInboundMail(ctx.db, ctx.config, payload, { log: ctx.log, now: ctx.now() });
  },
});

export type InboundOutcome =
  | 'new_case'
  | 'reply'
  | 'new_case_after_final'
  | 'new_case_sender_mismatch'
  | 'auto_reply'
  | 'bounce'
  | 'loop'
  | 'mailing_list'
  | 'rate';

/**
 * Turns a stored message into a case or a reply on its case, or sets it aside (auto-reply, bounce, loop).
 * Runs once per message: a message that is no longer `received` is left alone, and the change and the
 * message's new status commit together.
 */
export async function processInboundMail(
  db: Db,
  config: Config,
  input: { emailId: string; nullSender: boolean },
  options: { log?: JobLogger; now?: Date } = {},
): Promise<InboundOutcome | undefined> {
  const now = options.now ?? new Date();
  const row = await db
    .selectFrom('email_messages')
    .selectAll()
    .where('id', '=', input.emailId)
    .executeTakeFirst();
  if (row?.status !== 'received') return undefined;
  const raw = await db
    .selectFrom('email_raw')
    .select('content')
    .where('email_id', '=', input.emailId)
    .executeTakeFirstOrThrow();
  // mailparser is large; only a server that receives mail loads it.
  const { simpleParser } = await import('mailparser');
  const mail = await simpleParser(Buffer.from(raw.content), { skipImageLinks: true, skipTextToHtml: true });
  const sender = row.sender ?? '';

  const ignored =
    classifyInbound(mail, { nullSender: input.nullSender }) ??
    ((await isOurOwnMessage(db, row.message_id)) || (await findOfficeByMailAddress(db, sender))
      ? 'loop'
      : null) ??
    ((await countRecentFromSender(db, sender, new Date(now.getTime() - SENDER_RATE_LIMIT.windowMs))) >
    SENDER_RATE_LIMIT.limit
      ? 'rate'
      : null);
  if (ignored) {
    await finish(db, input.emailId, { status: 'ignored', outcome: ignored, caseId: null }, now);
    options.log?.info({ emailId: input.emailId, reason: ignored }, 'e-mail ignored');
    return ignored;
  }

  const office = await findOfficeById(db, row.office_id);
  if (!office) throw new Error(`office ${row.office_id} of e-mail ${input.emailId} not found`);
  const files = await storeAttachments(mail, config, options.log);
  const citizen: Actor = {
    type: 'citizen',
    id: null,
    name: mail.from?.value[0]?.name?.slice(0, 200) || null,
  };
  const body = (newTextOf(mail.text ?? '') || cleanSubject(mail.subject) || '-').slice(0, MESSAGE_MAX);

  const thread = await findThread(db, mail, sender, office.id);
  return inTransaction(db, async (trx) => {
    if (thread.case && !isFinal(thread.case.status)) {
      const { message, case: after } = await addCitizenMessage(trx, citizen, thread.case, { body }, now);
      // The resolution e-mail invites a reply if the problem remains: an answer by mail reopens the case, like
      // the portal's reopen button (helpdesk practice; staff can resolve it again if it was only thanks).
      if (after.status === 'resolved') {
        await applyTransition(trx, citizen, after, { to: 'in_progress', automatic: true }, now);
      }
      await attachFiles(
        trx,
        { caseId: thread.case.id, messageId: message.id, authorType: 'citizen' },
        files,
        now,
      );
      await finish(
        trx,
        input.emailId,
        { status: 'processed', outcome: 'reply', caseId: thread.case.id },
        now,
      );
      return 'reply';
    }
    const subject = (cleanSubject(mail.subject) || body.split('\n')[0]!).slice(0, SUBJECT_MAX);
    const description = (mail.text ?? '').trim().slice(0, DESCRIPTION_MAX) || subject;
    const created = await createCase(
      trx,
      citizen,
      {
        type: guessCaseType(subject, description),
        officeCode: office.code,
        subject,
        description,
        channel: 'email',
        language: detectLanguage(`${subject}\n${description}`),
        contact: { name: citizen.name ?? undefined, email: sender },
      },
      { secret: config.secret, now },
    );
    await attachFiles(trx, { caseId: created.case.id, messageId: null, authorType: 'citizen' }, files, now);
    const outcome: InboundOutcome = thread.case
      ? 'new_case_after_final'
      : thread.senderMismatch
        ? 'new_case_sender_mismatch'
        : 'new_case';
    await finish(trx, input.emailId, { status: 'processed', outcome, caseId: created.case.id }, now);
    await enqueueEmailReceipt(
      trx,
      config.secret,
      { caseId: created.case.id, eventId: `receipt-${created.case.id}`, accessKey: created.accessKey },
      now,
    );
    return outcome;
  });
}

/**
 * The case a message answers. First by its In-Reply-To and References: Message-IDs Loket sent or received
 * are unguessable, so quoting one shows the sender took part in the conversation. Then by a tracking code in the
 * subject — but only when the sender is the case's contact: codes are short, appear in forwarded mail and
 * may be typed by anyone, and a stranger must not be able to write into someone else's case (they get a
 * case of their own instead).
 */
async function findThread(
  db: Db,
  mail: ParsedMail,
  sender: string,
  officeId: string,
): Promise<{ case?: Case; senderMismatch?: boolean }> {
  const references = [
    ...(typeof mail.references === 'string' ? [mail.references] : (mail.references ?? [])),
    ...(mail.inReplyTo ? [mail.inReplyTo] : []),
  ].flatMap((value) => value.match(/<[^<>\s]+@[^<>\s]+>/g) ?? []);
  let caseId = await caseOfMessageIds(db, references);
  if (!caseId) {
    // A notification's synthetic thread root (compose.ts) names the case directly.
    for (const id of references) caseId ??= /^<case\.([0-9a-f-]{36})@/.exec(id)?.[1];
  }
  if (caseId) {
    const found = await followMerges(db, caseId);
    if (found && found.officeId === officeId) return { case: found };
  }
  for (const candidate of (mail.subject ?? '').match(/[A-Za-z]{2,5}-\d{2}-[0-9A-Za-z]{7}/g) ?? []) {
    const code = parseTrackingCode(candidate);
    if (!code) continue;
    const row = await db.selectFrom('cases').selectAll().where('tracking_code', '=', code).executeTakeFirst();
    if (!row || row.office_id !== officeId) continue;
    if (row.contact_email?.toLowerCase() !== sender) return { senderMismatch: true };
    return { case: await followMerges(db, row.id) };
  }
  return {};
}

async function followMerges(db: Db, caseId: string): Promise<Case | undefined> {
  let id: string | null = caseId;
  for (let hops = 0; id && hops < 5; hops++) {
    const row = await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    if (!row.merged_into_id) return toCase(row);
    id = row.merged_into_id;
  }
  return undefined;
}

async function isOurOwnMessage(db: Db, messageId: string): Promise<boolean> {
  return (await findEmailMessage(db, 'out', messageId)) !== undefined;
}

/**
 * The message's attachments that pass the portal's checks (type by content, name agreeing with it, size,
 * count). Inline images (logos in signatures) are skipped; refused files are logged, and stay in the raw message.
 */
async function storeAttachments(mail: ParsedMail, config: Config, log?: JobLogger): Promise<StoredFile[]> {
  const store = AttachmentStore.inDataDir(config.dataDir);
  const files: StoredFile[] = [];
  const refused: string[] = [];
  for (const attachment of mail.attachments) {
    if (attachment.related) continue;
    const content = attachment.content;
    const mediaType = detectMediaType(content);
    const name = attachment.filename ?? '';
    if (
      !mediaType ||
      nameContradictsContent(name, mediaType) ||
      content.length > ATTACHMENT_LIMITS.maxBytes ||
      files.length >= ATTACHMENT_LIMITS.maxFiles
    ) {
      refused.push(mediaType ?? attachment.contentType);
      continue;
    }
    files.push({
      sha256: await store.put(content),
      fileName: cleanFileName(name, mediaType),
      mediaType,
      size: content.length,
    });
  }
  if (refused.length) log?.info({ refused }, 'e-mail attachments refused');
  return files;
}

async function finish(
  db: Db,
  emailId: string,
  result: { status: 'processed' | 'ignored'; outcome: string; caseId: string | null },
  now: Date,
): Promise<void> {
  await db
    .updateTable('email_messages')
    .set({
      status: result.status,
      outcome: result.outcome,
      case_id: result.caseId,
      processed_at: now.toISOString(),
    })
    .where('id', '=', emailId)
    .execute();
}
