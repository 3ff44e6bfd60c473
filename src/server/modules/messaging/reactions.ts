import { onEvent } from '../../events/reactions.js';
import { enqueueJob } from '../../jobs/outbox.js';
import { recipientOfCase } from './conversation.js';
import { insertOutbound } from './storage.js';
import { telegramSendJob } from './telegram/outbound.js';
import { whatsappSendJob } from './whatsapp/outbound.js';

// A public reply on a case that came by WhatsApp or Telegram goes back to the same conversation, through a job.
onEvent('case.message_added', async (trx, event) => {
  if (event.payload.kind !== 'public_reply' || !event.caseId) return;
  const recipient = await recipientOfCase(trx, event.caseId);
  if (!recipient) return;
  const id = await insertOutbound(
    trx,
    {
      channel: recipient.channel,
      externalUser: recipient.externalUser,
      caseId: event.caseId,
      caseMessageId: event.payload.messageId,
      kind: 'text',
    },
    event.at,
  );
  const job = recipient.channel === 'whatsapp' ? whatsappSendJob : telegramSendJob;
  await enqueueJob(
    trx,
    job,
    { channelMessageId: id },
    { dedupeKey: `${recipient.channel}.reply:${event.payload.messageId}`, now: event.at },
  );
});

// An anonymised case forgets whom it talked to: the number or chat id is personal data too.
onEvent('case.contact_anonymised', async (trx, event) => {
  if (!event.caseId) return;
  await trx
    .updateTable('channel_messages')
    .set({ external_user: '', payload: null })
    .where('case_id', '=', event.caseId)
    .execute();
  await trx.deleteFrom('channel_threads').where('case_id', '=', event.caseId).execute();
});
