import { onEvent } from '../../events/reactions.js';
import { publishChat } from './bus.js';
import { appendChatMessage, chatMessageLinkedTo, findConversationByCase } from './storage.js';

/**
 * The transcript is the case timeline: every public message on a case that came from a chat — an agent's reply
 * from the chat panel or from the case page, or the visitor's follow-up on the status page — is appended to the
 * conversation and delivered live. Internal notes never are.
 */
onEvent('case.message_added', async (trx, event) => {
  if (event.payload.kind === 'internal_note' || !event.caseId) return;
  const conversation = await findConversationByCase(trx, event.caseId);
  if (!conversation || (await chatMessageLinkedTo(trx, event.payload.messageId))) return;
  const message = await trx
    .selectFrom('case_messages')
    .select(['body', 'author_name'])
    .where('id', '=', event.payload.messageId)
    .executeTakeFirst();
  if (!message) return;
  const fromAgent = event.payload.kind === 'public_reply';
  await appendChatMessage(
    trx,
    conversation.id,
    {
      author: fromAgent ? 'agent' : 'visitor',
      authorName: fromAgent ? message.author_name : null,
      body: message.body,
      caseMessageId: event.payload.messageId,
    },
    event.at,
  );
  await publishChat(trx, { k: 'm', c: conversation.id });
});
