import { Type } from 'typebox';
import { t } from '../../../i18n/index.js';
import { defineJob, type JobContext } from '../../../jobs/registry.js';
import { open } from '../../../lib/secret-box.js';
import { AttachmentStore, listAttachments } from '../../cases/attachments.js';
import { RECEIPT_KEY_PURPOSE } from '../conversation.js';
import { PlatformError } from '../http-errors.js';
import { telegramSettings } from '../settings.js';
import { findChannelMessage, updateChannelMessage } from '../storage.js';
import { markFailed } from '../whatsapp/outbound.js';
import { sendFile, sendMessage } from './bot-api.js';

export const telegramSendJob = defineJob('telegram.send', {
  payload: Type.Object({
    channelMessageId: Type.String(),
    sealedAccessKey: Type.Optional(Type.String()),
    officeName: Type.Optional(Type.String()),
  }),
  maxAttempts: 8,
  async run(ctx, payload) {
    await sendTelegramMessage(ctx, payload);
  },
});

/**
 * Sends one queued message and the reply's files. 429 waits the retry_after Telegram gives; 403 (the bot was
 * blocked) and other refusals mark the message failed for the console.
 */
export async function sendTelegramMessage(
  ctx: Pick<JobContext, 'db' | 'config' | 'log' | 'now' | 'job'>,
  payload: { channelMessageId: string; sealedAccessKey?: string; officeName?: string },
): Promise<void> {
  const row = await findChannelMessage(ctx.db, payload.channelMessageId);
  if (row?.status !== 'queued' || !row.external_user) return;
  const settings = await telegramSettings(ctx.db, ctx.config);
  try {
    const text = await textOf(ctx, row, payload);
    const messageId = await sendMessage(settings, row.external_user, text);
    await updateChannelMessage(ctx.db, row.id, {
      status: 'sent',
      external_id: `${row.external_user}:${messageId}`,
      sent_at: ctx.now().toISOString(),
      updated_at: ctx.now().toISOString(),
    });
    if (row.case_message_id && row.case_id) {
      const files = (await listAttachments(ctx.db, row.case_id)).filter(
        (a) => a.messageId === row.case_message_id,
      );
      const store = AttachmentStore.inDataDir(ctx.config.dataDir);
      for (const file of files) {
        await sendFile(settings, row.external_user, {
          content: await store.read(file.sha256),
          mediaType: file.mediaType,
          fileName: file.fileName,
        });
      }
    }
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
    if (error.retryable && ctx.job.attempt < ctx.job.maxAttempts) {
      ctx.log.warn({ channelMessageId: row.id, code: error.code }, 'Telegram send will be retried');
      throw error; // retryAfterMs from Telegram's retry_after sets the next attempt (jobs/worker.ts)
    }
    await markFailed(ctx.db, row, error, ctx.now());
    ctx.log.warn({ channelMessageId: row.id, code: error.code }, 'Telegram message failed');
  }
}

async function textOf(
  ctx: Pick<JobContext, 'db' | 'config'>,
  row: { kind: string; case_id: string | null; case_message_id: string | null },
  payload: { sealedAccessKey?: string; officeName?: string },
): Promise<string> {
  if (row.kind === 'welcome') return t('id', 'messaging.welcome', { office: payload.officeName ?? 'Loket' });
  const caseRow = await ctx.db
    .selectFrom('cases')
    .select(['tracking_code', 'language'])
    .where('id', '=', row.case_id ?? '')
    .executeTakeFirstOrThrow();
  if (row.kind === 'receipt') {
    const key = payload.sealedAccessKey
      ? open(ctx.config.secret, RECEIPT_KEY_PURPOSE, payload.sealedAccessKey)
      : '-';
    return t(caseRow.language, 'messaging.receipt', { code: caseRow.tracking_code, key });
  }
  const message = await ctx.db
    .selectFrom('case_messages')
    .select('body')
    .where('id', '=', row.case_message_id ?? '')
    .executeTakeFirstOrThrow();
  return message.body;
}
