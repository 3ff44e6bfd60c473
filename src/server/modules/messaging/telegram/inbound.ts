import { Type } from 'typebox';
import type { Db } from '../../../db/connection.js';
import { t } from '../../../i18n/index.js';
import { enqueueJob } from '../../../jobs/outbox.js';
import { defineJob, type JobContext } from '../../../jobs/registry.js';
import { inTransaction } from '../../../lib/transaction.js';
import { ATTACHMENT_LIMITS, type StoredFile } from '../../cases/attachments.js';
import { deliverInbound, ignoreInbound } from '../conversation.js';
import { storeReceivedFile } from '../media.js';
import { officeForChannel, telegramSettings } from '../settings.js';
import { findChannelMessage, insertInbound, insertOutbound } from '../storage.js';
import { downloadFile } from './bot-api.js';
import { telegramSendJob } from './outbound.js';

/** An Update as the Bot API documents it; Loket reads private-chat messages only. */
export interface TelegramUpdate {
  update_id?: number;
  message?: TgMessage;
}

export interface TgMessage {
  message_id: number;
  date: number;
  from?: { id: number; is_bot?: boolean; first_name?: string; last_name?: string; username?: string };
  chat: { id: number; type: string };
  text?: string;
  caption?: string;
  photo?: { file_id: string; file_unique_id?: string; file_size?: number; width?: number; height?: number }[];
  document?: { file_id: string; file_name?: string; mime_type?: string; file_size?: number };
  location?: { latitude: number; longitude: number };
}

/** Stores a verified update's message with the job that processes it; a repeated update is acknowledged only. */
export async function acceptTelegramUpdate(
  db: Db,
  update: TelegramUpdate,
  now = new Date(),
): Promise<'accepted' | 'duplicate' | 'skipped'> {
  const message = update.message;
  if (message?.chat?.type !== 'private' || message.from?.is_bot) return 'skipped';
  const chatId = String(message.chat.id);
  const kind =
    message.text !== undefined
      ? 'text'
      : message.photo
        ? 'image'
        : message.document
          ? 'document'
          : message.location
            ? 'location'
            : 'other';
  const stored = await inTransaction(db, async (trx) => {
    const id = await insertInbound(
      trx,
      {
        channel: 'telegram',
        externalId: `${chatId}:${message.message_id}`,
        externalUser: chatId,
        kind,
        payload: message,
      },
      now,
    );
    if (id) await enqueueJob(trx, telegramReceiveJob, { channelMessageId: id }, { now });
    return id;
  });
  return stored ? 'accepted' : 'duplicate';
}

export const telegramReceiveJob = defineJob('telegram.receive', {
  payload: Type.Object({ channelMessageId: Type.String() }),
  maxAttempts: 10,
  async run(ctx, payload) {
    await processTelegramMessage(ctx, payload.channelMessageId);
  },
});

export async function processTelegramMessage(
  ctx: Pick<JobContext, 'db' | 'config' | 'log' | 'now'>,
  channelMessageId: string,
): Promise<void> {
  const row = await findChannelMessage(ctx.db, channelMessageId);
  if (row?.status !== 'received' || !row.payload) return;
  const message = JSON.parse(row.payload) as TgMessage;
  const settings = await telegramSettings(ctx.db, ctx.config);
  const office = await officeForChannel(ctx.db, settings.officeCode);
  const chatId = String(message.chat.id);
  // /start opens the chat with the bot: it is answered with a welcome, not registered as a case.
  if (message.text?.trim().startsWith('/start')) {
    await inTransaction(ctx.db, async (trx) => {
      await ignoreInbound(trx, channelMessageId, ctx.now());
      const id = await insertOutbound(
        trx,
        { channel: 'telegram', externalUser: chatId, caseId: null, caseMessageId: null, kind: 'welcome' },
        ctx.now(),
      );
      await enqueueJob(
        trx,
        telegramSendJob,
        { channelMessageId: id, officeName: office.name_id },
        { now: ctx.now() },
      );
    });
    return;
  }
  const content = await contentOf(ctx, settings, message);
  if (!content) {
    await ignoreInbound(ctx.db, channelMessageId, ctx.now());
    return;
  }
  const name = [message.from?.first_name, message.from?.last_name].filter(Boolean).join(' ') || null;
  await deliverInbound(
    ctx.db,
    ctx.config.secret,
    {
      channel: 'telegram',
      channelMessageId,
      externalUser: chatId,
      displayName: name,
      body: content.body,
      files: content.files,
      sentAt: new Date(message.date * 1000),
      officeCode: office.code,
      extraIdentities: [{ kind: 'telegram', value: chatId }],
    },
    telegramSendJob,
    ctx.now(),
  );
}

async function contentOf(
  ctx: Pick<JobContext, 'config' | 'log'>,
  settings: Awaited<ReturnType<typeof telegramSettings>>,
  message: TgMessage,
): Promise<{ body: string; files: StoredFile[] } | undefined> {
  if (message.text !== undefined) return message.text.trim() ? { body: message.text, files: [] } : undefined;
  if (message.location) {
    const { latitude, longitude } = message.location;
    return {
      body: t('id', 'messaging.location', {
        name: '-',
        latitude: latitude.toFixed(6),
        longitude: longitude.toFixed(6),
      }),
      files: [],
    };
  }
  // Telegram sends a photo in several sizes, smallest first: the largest is the one worth keeping.
  const photo = message.photo?.at(-1);
  const fileId = photo?.file_id ?? message.document?.file_id;
  if (!fileId) return { body: t('id', 'messaging.unsupported', { type: 'telegram' }), files: [] };
  // Photos come without a name: the stored one follows the content's type.
  const fileName = message.document?.file_name ?? '';
  const downloaded = await downloadFile(settings, fileId, ATTACHMENT_LIMITS.maxBytes);
  const file =
    'content' in downloaded
      ? await storeReceivedFile(ctx.config, downloaded.content, fileName, ctx.log)
      : undefined;
  const note = file
    ? t('id', 'messaging.attachment', { name: file.fileName })
    : t('id', 'messaging.attachment_refused', { type: message.document?.mime_type ?? 'image' });
  return { body: [message.caption?.trim(), note].filter(Boolean).join('\n'), files: file ? [file] : [] };
}
