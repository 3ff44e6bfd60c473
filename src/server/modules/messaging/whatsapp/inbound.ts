import { Type } from 'typebox';
import type { Config } from '../../../config.js';
import type { Db } from '../../../db/connection.js';
import type { ChannelMessageStatus } from '../../../db/schema.js';
import { recordEvent } from '../../../events/record-event.js';
import { t } from '../../../i18n/index.js';
import { enqueueJob } from '../../../jobs/outbox.js';
import { defineJob, type JobContext } from '../../../jobs/registry.js';
import { inTransaction } from '../../../lib/transaction.js';
import { ATTACHMENT_LIMITS, type StoredFile } from '../../cases/attachments.js';
import { deliverInbound, ignoreInbound } from '../conversation.js';
import { storeReceivedFile } from '../media.js';
import { officeForChannel, whatsappSettings } from '../settings.js';
import { advances, findChannelMessage, insertInbound } from '../storage.js';
import { downloadMedia } from './graph-api.js';
import { whatsappSendJob } from './outbound.js';

/**
 * The webhook payload as Meta documents it (object whatsapp_business_account, entry[].changes[].value with
 * messages, contacts and statuses): only the fields Loket reads.
 */
export interface WebhookPayload {
  object?: string;
  entry?: { id?: string; changes?: { field?: string; value?: WebhookValue }[] }[];
}

interface WebhookValue {
  messaging_product?: string;
  metadata?: { display_phone_number?: string; phone_number_id?: string };
  contacts?: { profile?: { name?: string }; wa_id?: string }[];
  messages?: WaMessage[];
  statuses?: WaStatus[];
}

export interface WaMessage {
  from: string;
  id: string;
  timestamp: string;
  type: string;
  text?: { body?: string };
  image?: WaMedia;
  document?: WaMedia & { filename?: string };
  location?: { latitude?: number; longitude?: number; name?: string; address?: string };
}

interface WaMedia {
  id?: string;
  mime_type?: string;
  sha256?: string;
  caption?: string;
}

interface WaStatus {
  id: string;
  status: string;
  timestamp?: string;
  recipient_id?: string;
  errors?: { code?: number; title?: string; message?: string; error_data?: { details?: string } }[];
}

export interface WebhookResult {
  accepted: number;
  duplicates: number;
  statuses: number;
}

/**
 * Takes a verified webhook: each new message is stored with the job that will turn it into a case or a reply
 * (the webhook answers at once, as Meta expects), and each status callback updates its sent message.
 */
export async function acceptWhatsAppWebhook(
  db: Db,
  payload: WebhookPayload,
  now = new Date(),
): Promise<WebhookResult> {
  const result: WebhookResult = { accepted: 0, duplicates: 0, statuses: 0 };
  if (payload.object !== 'whatsapp_business_account') return result;
  for (const entry of payload.entry ?? []) {
    for (const change of entry.changes ?? []) {
      const value = change.value;
      if (change.field !== 'messages' || !value) continue;
      const names = new Map((value.contacts ?? []).map((c) => [c.wa_id, c.profile?.name ?? null]));
      for (const message of value.messages ?? []) {
        if (!message?.id || !message.from || !/^\d{6,20}$/.test(message.from)) continue;
        const stored = await inTransaction(db, async (trx) => {
          const id = await insertInbound(
            trx,
            {
              channel: 'whatsapp',
              externalId: message.id,
              externalUser: message.from,
              kind: message.type ?? 'unknown',
              payload: { message, name: names.get(message.from) ?? null },
            },
            now,
          );
          if (id) await enqueueJob(trx, whatsappReceiveJob, { channelMessageId: id }, { now });
          return id;
        });
        if (stored) result.accepted++;
        else result.duplicates++;
      }
      for (const status of value.statuses ?? []) {
        if (status?.id && (await applyStatus(db, status, now))) result.statuses++;
      }
    }
  }
  return result;
}

const STATUSES: Record<string, ChannelMessageStatus> = {
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  failed: 'failed',
};

/** A status callback (sent, delivered, read, failed) for a message Loket sent. Out-of-order ones are ignored. */
async function applyStatus(db: Db, status: WaStatus, now: Date): Promise<boolean> {
  const to = STATUSES[status.status];
  if (!to) return false;
  const row = await db
    .selectFrom('channel_messages')
    .innerJoin('cases', 'cases.id', 'channel_messages.case_id')
    .select(['channel_messages.id', 'channel_messages.status', 'channel_messages.case_id', 'cases.office_id'])
    .where('channel_messages.channel', '=', 'whatsapp')
    .where('channel_messages.direction', '=', 'out')
    .where('channel_messages.external_id', '=', status.id)
    .executeTakeFirst();
  if (!row || !advances(row.status, to)) return false;
  const at = status.timestamp ? new Date(Number(status.timestamp) * 1000) : now;
  const when = Number.isNaN(at.getTime()) ? now.toISOString() : at.toISOString();
  const error = status.errors?.[0];
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('channel_messages')
      .set({
        status: to,
        updated_at: now.toISOString(),
        ...(to === 'sent' ? { sent_at: when } : {}),
        ...(to === 'delivered' ? { delivered_at: when } : {}),
        ...(to === 'read' ? { read_at: when } : {}),
        ...(to === 'failed'
          ? {
              failed_at: when,
              error_code: String(error?.code ?? 'unknown').slice(0, 20),
              error_title: (error?.error_data?.details || error?.title || error?.message || '').slice(0, 300),
            }
          : {}),
      })
      .where('id', '=', row.id)
      .execute();
    if (to === 'failed' && row.case_id) {
      await recordEvent(trx, {
        type: 'channel.delivery_failed',
        actor: { type: 'system', id: null, name: null },
        officeId: row.office_id,
        caseId: row.case_id,
        payload: { channel: 'whatsapp', messageId: row.id, errorCode: String(error?.code ?? 'unknown') },
        at: now,
      });
    }
  });
  return true;
}

export const whatsappReceiveJob = defineJob('whatsapp.receive', {
  payload: Type.Object({ channelMessageId: Type.String() }),
  maxAttempts: 10,
  async run(ctx, payload) {
    await processWhatsAppMessage(ctx, payload.channelMessageId);
  },
});

/** Turns one stored WhatsApp message into a case or a reply; runs once (a processed message is left alone). */
export async function processWhatsAppMessage(
  ctx: Pick<JobContext, 'db' | 'config' | 'log' | 'now'>,
  channelMessageId: string,
): Promise<void> {
  const row = await findChannelMessage(ctx.db, channelMessageId);
  if (row?.status !== 'received' || !row.payload) return;
  const { message, name } = JSON.parse(row.payload) as { message: WaMessage; name: string | null };
  const settings = await whatsappSettings(ctx.db, ctx.config);
  const content = await contentOf(ctx.config, settings, message, ctx.log);
  if (!content) {
    await ignoreInbound(ctx.db, channelMessageId, ctx.now());
    return;
  }
  const office = await officeForChannel(ctx.db, settings.officeCode);
  const sentAt = new Date(Number(message.timestamp) * 1000);
  await deliverInbound(
    ctx.db,
    ctx.config.secret,
    {
      channel: 'whatsapp',
      channelMessageId,
      externalUser: message.from,
      displayName: name,
      body: content.body,
      files: content.files,
      sentAt: Number.isNaN(sentAt.getTime()) ? ctx.now() : sentAt,
      officeCode: office.code,
      extraIdentities: [],
      contactPhone: `+${message.from}`,
    },
    whatsappSendJob,
    ctx.now(),
  );
}

/** What a message says, in words, and the files it carries; undefined for what becomes nothing (a reaction). */
async function contentOf(
  config: Config,
  settings: Awaited<ReturnType<typeof whatsappSettings>>,
  message: WaMessage,
  log: JobContext['log'],
): Promise<{ body: string; files: StoredFile[] } | undefined> {
  switch (message.type) {
    case 'text':
      return message.text?.body?.trim() ? { body: message.text.body, files: [] } : undefined;
    case 'location': {
      const place = message.location ?? {};
      const body = t('id', 'messaging.location', {
        name: [place.name, place.address].filter(Boolean).join(', ') || '-',
        latitude: Number(place.latitude ?? 0).toFixed(6),
        longitude: Number(place.longitude ?? 0).toFixed(6),
      });
      return { body, files: [] };
    }
    case 'image':
    case 'document': {
      const media = message.type === 'image' ? message.image : message.document;
      if (!media?.id) return undefined;
      const fileName = message.document?.filename ?? '';
      const downloaded = await downloadMedia(settings, media.id, ATTACHMENT_LIMITS.maxBytes);
      const file =
        'content' in downloaded
          ? await storeReceivedFile(config, downloaded.content, fileName, log)
          : undefined;
      const note = file
        ? t('id', 'messaging.attachment', { name: file.fileName })
        : t('id', 'messaging.attachment_refused', { type: downloaded.mimeType });
      return { body: [media.caption?.trim(), note].filter(Boolean).join('\n'), files: file ? [file] : [] };
    }
    case 'reaction':
    case 'unsupported':
    case 'system':
      return undefined;
    default:
      return { body: t('id', 'messaging.unsupported', { type: message.type }), files: [] };
  }
}
