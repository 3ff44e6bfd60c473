import { Type } from 'typebox';
import type { Db } from '../../../db/connection.js';
import { toIso } from '../../../db/dialect.js';
import { recordEvent } from '../../../events/record-event.js';
import { t } from '../../../i18n/index.js';
import { defineJob, type JobContext } from '../../../jobs/registry.js';
import { open } from '../../../lib/secret-box.js';
import { inTransaction } from '../../../lib/transaction.js';
import { AttachmentStore, listAttachments } from '../../cases/attachments.js';
import { RECEIPT_KEY_PURPOSE } from '../conversation.js';
import { PlatformError } from '../http-errors.js';
import { type WhatsAppInForce, whatsappSettings } from '../settings.js';
import { findChannelMessage, findThread, insertOutbound, updateChannelMessage } from '../storage.js';
import { type OutgoingMessage, REENGAGEMENT_REQUIRED, sendMessage, uploadMedia } from './graph-api.js';

/** WhatsApp's customer service window: free-form messages only this long after the citizen last wrote. */
export const SERVICE_WINDOW_MS = 24 * 60 * 60_000;
/** Template parameters may not contain new lines or more than four spaces in a row, and are limited in length. */
const TEMPLATE_PARAMETER_MAX = 900;

export type ReplyMode = 'text' | 'template';

/** How a reply would go now: free-form inside the window, the approved template outside it. */
export function replyModeAt(
  lastInboundAt: Date | string | null,
  now: Date,
): { mode: ReplyMode; closesAt: string | null } {
  if (!lastInboundAt) return { mode: 'template', closesAt: null };
  const closes = new Date(new Date(toIso(lastInboundAt)).getTime() + SERVICE_WINDOW_MS);
  return { mode: closes.getTime() > now.getTime() ? 'text' : 'template', closesAt: closes.toISOString() };
}

export const whatsappSendJob = defineJob('whatsapp.send', {
  payload: Type.Object({ channelMessageId: Type.String(), sealedAccessKey: Type.Optional(Type.String()) }),
  maxAttempts: 8,
  async run(ctx, payload) {
    await sendWhatsAppMessage(ctx, payload);
  },
});

/**
 * Sends one queued message (a staff reply or a receipt). Throttling and outages are retried with the worker's
 * backoff (or after Meta's Retry-After); permanent errors mark the message failed, which the console shows.
 * A reply whose window closed while it waited goes out as the template instead (error 131047).
 */
export async function sendWhatsAppMessage(
  ctx: Pick<JobContext, 'db' | 'config' | 'log' | 'now' | 'job'>,
  payload: { channelMessageId: string; sealedAccessKey?: string },
): Promise<void> {
  const row = await findChannelMessage(ctx.db, payload.channelMessageId);
  if (row?.status !== 'queued' || !row.case_id) return;
  const settings = await whatsappSettings(ctx.db, ctx.config);
  const caseRow = await ctx.db
    .selectFrom('cases')
    .select(['tracking_code', 'language'])
    .where('id', '=', row.case_id)
    .executeTakeFirstOrThrow();
  const text = await textOf(ctx.db, row, caseRow, payload.sealedAccessKey, ctx.config.secret);
  const thread = await findThread(ctx.db, 'whatsapp', row.external_user);
  let { mode } = replyModeAt(thread?.last_inbound_at ?? null, ctx.now());
  try {
    let wamid: string;
    try {
      wamid = await sendMessage(
        settings,
        row.external_user,
        outgoing(mode, text, caseRow.tracking_code, settings),
      );
    } catch (error) {
      if (!(error instanceof PlatformError && error.code === REENGAGEMENT_REQUIRED && mode === 'text'))
        throw error;
      mode = 'template';
      wamid = await sendMessage(
        settings,
        row.external_user,
        outgoing(mode, text, caseRow.tracking_code, settings),
      );
    }
    await markSent(ctx.db, row.id, wamid, mode === 'template' ? settings.templateName : null, ctx.now());
    if (row.case_message_id && mode === 'text')
      await sendAttachments(ctx, settings, row, row.case_message_id);
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
    const lastAttempt = ctx.job.attempt >= ctx.job.maxAttempts;
    if (error.retryable && !lastAttempt) {
      ctx.log.warn({ channelMessageId: row.id, code: error.code }, 'WhatsApp send will be retried');
      throw error; // its retryAfterMs, when Meta gave one, sets the next attempt (jobs/worker.ts)
    }
    await markFailed(ctx.db, row, error, ctx.now());
    ctx.log.warn({ channelMessageId: row.id, code: error.code }, 'WhatsApp message failed');
  }
}

function outgoing(
  mode: ReplyMode,
  text: string,
  trackingCode: string,
  settings: WhatsAppInForce,
): OutgoingMessage {
  if (mode === 'text') return { type: 'text', body: text.slice(0, 4096) };
  // The template ("There is an answer to your case {{1}}: {{2}}") carries the reply itself, flattened to one line.
  const flattened = text
    .replace(/\s*\n\s*/g, ' / ')
    .replace(/ {4,}/g, '   ')
    .slice(0, TEMPLATE_PARAMETER_MAX);
  return {
    type: 'template',
    name: settings.templateName,
    language: settings.templateLanguage,
    parameters: [trackingCode, flattened],
  };
}

async function textOf(
  db: Db,
  row: { kind: string; case_message_id: string | null },
  caseRow: { tracking_code: string; language: 'id' | 'en' },
  sealedAccessKey: string | undefined,
  secret: string,
): Promise<string> {
  if (row.kind === 'receipt') {
    const key = sealedAccessKey ? open(secret, RECEIPT_KEY_PURPOSE, sealedAccessKey) : '-';
    return t(caseRow.language, 'messaging.receipt', { code: caseRow.tracking_code, key });
  }
  const message = await db
    .selectFrom('case_messages')
    .select(['body', 'kind'])
    .where('id', '=', row.case_message_id ?? '')
    .executeTakeFirstOrThrow();
  return message.body;
}

/** The reply's attachments, each uploaded to Meta and sent as an image or a document after the text. */
async function sendAttachments(
  ctx: Pick<JobContext, 'db' | 'config' | 'now'>,
  settings: WhatsAppInForce,
  row: { case_id: string | null; external_user: string },
  caseMessageId: string,
): Promise<void> {
  const files = (await listAttachments(ctx.db, row.case_id!)).filter((a) => a.messageId === caseMessageId);
  const store = AttachmentStore.inDataDir(ctx.config.dataDir);
  for (const file of files) {
    const kind = file.mediaType === 'application/pdf' ? 'document' : 'image';
    const id = await insertOutbound(
      ctx.db,
      { channel: 'whatsapp', externalUser: row.external_user, caseId: row.case_id!, caseMessageId, kind },
      ctx.now(),
    );
    try {
      const mediaId = await uploadMedia(settings, {
        content: await store.read(file.sha256),
        mediaType: file.mediaType,
        fileName: file.fileName,
      });
      const wamid = await sendMessage(settings, row.external_user, {
        type: kind,
        mediaId,
        fileName: file.fileName,
      });
      await markSent(ctx.db, id, wamid, null, ctx.now());
    } catch (error) {
      if (!(error instanceof PlatformError)) throw error;
      // The text went out; a file that cannot follow is shown as failed on its own row rather than resending all.
      await markFailed(ctx.db, { id, case_id: row.case_id }, error, ctx.now());
    }
  }
}

async function markSent(
  db: Db,
  id: string,
  wamid: string,
  templateName: string | null,
  now: Date,
): Promise<void> {
  await updateChannelMessage(db, id, {
    status: 'sent',
    external_id: wamid,
    template_name: templateName,
    sent_at: now.toISOString(),
    updated_at: now.toISOString(),
  });
}

export async function markFailed(
  db: Db,
  row: { id: string; case_id: string | null },
  error: PlatformError,
  now: Date,
): Promise<void> {
  const office = row.case_id
    ? await db.selectFrom('cases').select('office_id').where('id', '=', row.case_id).executeTakeFirst()
    : undefined;
  await inTransaction(db, async (trx) => {
    await updateChannelMessage(trx, row.id, {
      status: 'failed',
      error_code: error.code.slice(0, 20),
      error_title: error.title.slice(0, 300),
      failed_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
    if (row.case_id) {
      await recordEvent(trx, {
        type: 'channel.delivery_failed',
        actor: { type: 'system', id: null, name: null },
        officeId: office?.office_id ?? null,
        caseId: row.case_id,
        payload: { channel: error.platform, messageId: row.id, errorCode: error.code },
        at: now,
      });
    }
  });
}
