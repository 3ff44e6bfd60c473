import type { Language } from '../../../shared/enums.js';
import type { Db } from '../../db/connection.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { AppError } from '../../errors.js';
import { type Actor, CITIZEN_ACTOR } from '../../events/catalogue.js';
import { recordEvent } from '../../events/record-event.js';
import { t } from '../../i18n/index.js';
import { newId } from '../../lib/ids.js';
import { inTransaction } from '../../lib/transaction.js';
import { officeCalendar } from '../calendar/storage.js';
import { addCitizenMessage } from '../cases/add-message.js';
import { attachFiles, type StoredFile } from '../cases/attachments.js';
import { createCase } from '../cases/create-case.js';
import type { Case } from '../cases/model.js';
import { isFinal } from '../cases/status-machine.js';
import { answerAsAssistant } from './assistant.js';
import { publishChat } from './bus.js';
import { findCaseById } from './case-access.js';
import type { ChatMessage, Conversation } from './model.js';
import {
  appendChatMessage,
  findConversation,
  findMessageByClientId,
  insertConversation,
  listAgentSettings,
  messagesAfter,
  setClientId,
  updateConversation,
} from './storage.js';

export const BODY_MAX = 2000;

/** A new conversation with the assistant; no case yet (see `requestAgent`). */
export async function startConversation(
  db: Db,
  input: { officeId: string; language: Language; serviceId?: string | null },
  now = new Date(),
): Promise<Conversation> {
  const conversation: Conversation = {
    id: newId(now.getTime()),
    officeId: input.officeId,
    caseId: null,
    language: input.language,
    serviceId: input.serviceId ?? null,
    state: 'assistant',
    agentId: null,
    lastSeq: 0,
    createdAt: now.toISOString(),
    requestedAt: null,
    acceptedAt: null,
    endedAt: null,
  };
  await insertConversation(db, conversation);
  return conversation;
}

export interface SendResult {
  message: ChatMessage;
  /** True when the client id was seen before: the message is the one stored then. */
  duplicate: boolean;
  /** Settles when the assistant has answered (before the hand-off); the page without JavaScript waits for it. */
  assistant?: Promise<void>;
}

function checkBody(body: unknown): string {
  if (typeof body !== 'string' || body.trim() === '') {
    throw new AppError('validation_failed', { errors: [{ field: 'body', code: 'blank' }] });
  }
  if (body.length > BODY_MAX) {
    throw new AppError('validation_failed', {
      errors: [{ field: 'body', code: 'maxLength', params: { limit: BODY_MAX } }],
    });
  }
  return body.trim();
}

const CLIENT_ID = /^[A-Za-z0-9_-]{8,64}$/;

export function checkClientId(clientId: unknown): string {
  if (typeof clientId !== 'string' || !CLIENT_ID.test(clientId)) {
    throw new AppError('validation_failed', { errors: [{ field: 'id', code: 'pattern' }] });
  }
  return clientId;
}

/**
 * A visitor's message. Sending the same client id again returns the stored message (a resend after a lost
 * acknowledgement). Before the hand-off the assistant answers it; afterwards it is a message on the case, so it
 * is part of the case timeline and the agent sees it like any other.
 */
export async function sendVisitorMessage(
  db: Db,
  conversationId: string,
  input: { clientId: string; body: string; name?: string | null },
  now = new Date(),
): Promise<SendResult> {
  const clientId = checkClientId(input.clientId);
  const body = checkBody(input.body);
  const earlier = await findMessageByClientId(db, conversationId, clientId);
  if (earlier) return { message: earlier, duplicate: true };
  try {
    const result = await inTransaction(db, async (trx) => {
      const conversation = await findConversation(trx, conversationId);
      if (!conversation) throw new AppError('not_found');
      if (conversation.state === 'assistant') {
        const message = await appendChatMessage(
          trx,
          conversationId,
          { author: 'visitor', body, clientId },
          now,
        );
        await publishChat(trx, { k: 'm', c: conversationId });
        return { message, conversation };
      }
      const current = await caseOf(trx, conversation);
      const actor: Actor = { ...CITIZEN_ACTOR, name: input.name ?? null };
      // The case reaction (reactions.ts) appends the chat message; here it only gets the client's id.
      const added = await addCitizenMessage(trx, actor, current, { body }, now);
      if (conversation.state === 'ended')
        await updateConversation(trx, conversationId, { state: 'message' }, now);
      return { message: await setClientId(trx, conversationId, added.message.id, clientId), conversation };
    });
    const assistant =
      result.conversation.state === 'assistant' ? assistantReply(db, result.conversation, body) : undefined;
    return { message: result.message, duplicate: false, assistant };
  } catch (error) {
    // The same id sent twice at once: the loser finds the winner's message.
    if (!isUniqueViolation(error)) throw error;
    const winner = await findMessageByClientId(db, conversationId, clientId);
    if (!winner) throw error;
    return { message: winner, duplicate: true };
  }
}

/** The assistant's answer, after the visitor's message is acknowledged (the answer takes a search). */
async function assistantReply(db: Db, conversation: Conversation, question: string): Promise<void> {
  try {
    const answer = await answerAsAssistant(db, question, conversation.language);
    await inTransaction(db, async (trx) => {
      const current = await findConversation(trx, conversation.id);
      // The visitor asked for a person meanwhile: the question is in the case; no assistant answer interrupts.
      if (current?.state !== 'assistant') return;
      await appendChatMessage(trx, conversation.id, { author: 'assistant', ...answer }, new Date());
      await publishChat(trx, { k: 'm', c: conversation.id });
    });
  } catch {
    // The assistant is a convenience: without it the visitor can still ask for a person.
  }
}

async function caseOf(db: Db, conversation: Conversation): Promise<Case> {
  const found = conversation.caseId ? await findCaseById(db, conversation.caseId) : undefined;
  if (!found) throw new AppError('not_found');
  if (isFinal(found.status)) throw new AppError('case_closed');
  return found;
}

/** Is the office open now, by its working calendar (modules/calendar)? Without a calendar it is. */
export async function officeOpen(db: Db, officeId: string, now: Date): Promise<boolean> {
  const calendar = await officeCalendar(db, officeId);
  if (!calendar) return true;
  const instant = now.getTime();
  return calendar.intervals(calendar.localDay(instant)).some(([from, to]) => instant >= from && instant < to);
}

/** Agents who could take this conversation: online, speaking its language, handling its service. */
export async function eligibleAgents(db: Db, conversation: Conversation) {
  const agents = await listAgentSettings(db, conversation.officeId);
  return agents.filter(
    (agent) =>
      agent.status === 'online' &&
      agent.languages.includes(conversation.language) &&
      (conversation.serviceId === null ||
        agent.serviceIds === null ||
        agent.serviceIds.includes(conversation.serviceId)),
  );
}

export interface Receipt {
  trackingCode: string;
  /** Shown once, live; only its hash is stored. */
  accessKey: string;
  /** The service-level first-response due time of the case. */
  dueAt: string | null;
}

export interface HandOff {
  conversation: Conversation;
  receipt: Receipt | null;
}

/**
 * The visitor asks for a person. The case is created now — not when the chat starts — so questions the
 * assistant answered do not fill the console; the conversation so far becomes the case description, and every
 * message from here on is a case message. Outside working hours, or with nobody online who could take the chat,
 * it becomes a message at once; otherwise it waits in the queue (see `sweepWaitingChats` for the timeout).
 */
export async function requestAgent(
  db: Db,
  conversationId: string,
  options: { secret: string; officeCode: string; name?: string | null },
  now = new Date(),
): Promise<HandOff> {
  const conversation = await findConversation(db, conversationId);
  if (!conversation) throw new AppError('not_found');
  if (conversation.state !== 'assistant') return { conversation, receipt: null };
  const [open, agents, transcript] = await Promise.all([
    officeOpen(db, conversation.officeId, now),
    eligibleAgents(db, conversation),
    messagesAfter(db, conversation.id, 0),
  ]);
  // Everyone online but busy still means "wait": a chat may end any moment, and the sweep bounds the wait.
  const reason: 'out_of_hours' | 'nobody_free' | null = !open
    ? 'out_of_hours'
    : agents.length > 0
      ? null
      : 'nobody_free';
  const lang = conversation.language;
  const firstQuestion = transcript.find((m) => m.author === 'visitor')?.body;
  const result = await inTransaction(db, async (trx) => {
    // Claimed first: a second request at the same moment changes nothing and creates no second case.
    const claimed = await trx
      .updateTable('chat_conversations')
      .set({
        state: reason ? 'message' : 'waiting',
        requested_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .where('id', '=', conversationId)
      .where('state', '=', 'assistant')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) return undefined;
    const created = await createCase(
      trx,
      { ...CITIZEN_ACTOR, name: options.name ?? null },
      {
        type: 'request',
        officeCode: options.officeCode,
        subject: shorten(firstQuestion ?? t(lang, 'chat.case_subject'), 120),
        description: describeTranscript(lang, transcript),
        channel: 'chat',
        language: lang,
        contact: options.name ? { name: options.name } : undefined,
      },
      { secret: options.secret, now },
    );
    await updateConversation(trx, conversationId, { case_id: created.case.id }, now);
    await recordEvent(trx, {
      type: 'chat.handed_off',
      actor: CITIZEN_ACTOR,
      officeId: conversation.officeId,
      caseId: created.case.id,
      payload: { conversationId, outcome: reason ? 'message' : 'waiting', ...(reason ? { reason } : {}) },
      at: now,
    });
    const notice = reason
      ? {
          notice: 'message_taken' as const,
          state: 'message' as const,
          reason,
          trackingCode: created.case.trackingCode,
          dueAt: created.case.firstResponseDueAt,
        }
      : { notice: 'waiting' as const, state: 'waiting' as const, trackingCode: created.case.trackingCode };
    await appendChatMessage(trx, conversationId, { author: 'system', body: '', data: notice }, now);
    await publishChat(trx, { k: 'm', c: conversationId });
    await publishChat(trx, { k: 'q', o: conversation.officeId });
    return created;
  });
  const current = (await findConversation(db, conversationId))!;
  if (!result) return { conversation: current, receipt: null };
  return {
    conversation: current,
    receipt: {
      trackingCode: result.case.trackingCode,
      accessKey: result.accessKey,
      dueAt: result.case.firstResponseDueAt,
    },
  };
}

/** A waiting chat nobody took in time becomes a message: the case stays, an agent answers it later. */
export async function convertToMessage(
  db: Db,
  conversation: Conversation,
  reason: 'out_of_hours' | 'nobody_free',
  now = new Date(),
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const changed = await trx
      .updateTable('chat_conversations')
      .set({ state: 'message', updated_at: now.toISOString() })
      .where('id', '=', conversation.id)
      .where('state', '=', 'waiting')
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) === 0) return false;
    const found = conversation.caseId ? await findCaseById(trx, conversation.caseId) : undefined;
    await recordEvent(trx, {
      type: 'chat.handed_off',
      actor: CITIZEN_ACTOR,
      officeId: conversation.officeId,
      caseId: conversation.caseId,
      payload: { conversationId: conversation.id, outcome: 'message', reason },
      at: now,
    });
    await appendChatMessage(
      trx,
      conversation.id,
      {
        author: 'system',
        body: '',
        data: {
          notice: 'message_taken',
          state: 'message',
          reason,
          trackingCode: found?.trackingCode,
          dueAt: found?.firstResponseDueAt ?? null,
        },
      },
      now,
    );
    await publishChat(trx, { k: 'm', c: conversation.id });
    await publishChat(trx, { k: 'q', o: conversation.officeId });
    return true;
  });
}

/** Either side ends the chat; the case stays open for the agent to finish. */
export async function endConversation(db: Db, actor: Actor, conversationId: string, now = new Date()) {
  return inTransaction(db, async (trx) => {
    const conversation = await findConversation(trx, conversationId);
    if (!conversation) throw new AppError('not_found');
    if (conversation.state === 'ended') return conversation;
    const wasWaiting = conversation.state === 'waiting';
    await updateConversation(trx, conversationId, { state: 'ended', ended_at: now.toISOString() }, now);
    if (conversation.caseId) {
      await recordEvent(trx, {
        type: 'chat.ended',
        actor,
        officeId: conversation.officeId,
        caseId: conversation.caseId,
        payload: { conversationId },
        at: now,
      });
    }
    await appendChatMessage(
      trx,
      conversationId,
      { author: 'system', body: '', data: { notice: 'ended', state: 'ended' } },
      now,
    );
    await publishChat(trx, { k: 'm', c: conversationId });
    if (wasWaiting || conversation.state === 'active') {
      await publishChat(trx, { k: 'q', o: conversation.officeId });
    }
    return { ...conversation, state: 'ended' as const };
  });
}

function shorten(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

function describeTranscript(lang: Language, transcript: ChatMessage[]): string {
  const lines = transcript
    .filter((m) => m.author === 'visitor' || m.author === 'assistant')
    .map(
      (m) =>
        `${t(lang, m.author === 'visitor' ? 'chat.author_visitor' : 'chat.author_assistant')}: ${m.body}`,
    );
  if (lines.length === 0) return t(lang, 'chat.case_subject');
  return `${t(lang, 'chat.transcript_intro')}\n\n${lines.join('\n\n')}`;
}

/**
 * A file from the visitor, after the hand-off: checked by the portal (form-data.ts), stored with the case's
 * attachments, and announced in the chat as a message carrying the file's name.
 */
export async function attachChatFile(
  db: Db,
  conversationId: string,
  file: StoredFile,
  now = new Date(),
): Promise<ChatMessage> {
  return inTransaction(db, async (trx) => {
    const conversation = await findConversation(trx, conversationId);
    if (!conversation) throw new AppError('not_found');
    const current = await caseOf(trx, conversation);
    const added = await addCitizenMessage(trx, CITIZEN_ACTOR, current, { body: file.fileName }, now);
    const [attachment] = await attachFiles(
      trx,
      { caseId: current.id, messageId: added.message.id, authorType: 'citizen' },
      [file],
      now,
    );
    const data = {
      attachment: { id: attachment!.id, fileName: file.fileName, mediaType: file.mediaType, size: file.size },
    };
    await trx
      .updateTable('chat_messages')
      .set({ data: JSON.stringify(data) })
      .where('case_message_id', '=', added.message.id)
      .execute();
    const stored = await trx
      .selectFrom('chat_messages')
      .select('seq')
      .where('case_message_id', '=', added.message.id)
      .executeTakeFirstOrThrow();
    return {
      seq: stored.seq,
      clientId: null,
      author: 'visitor',
      authorName: null,
      body: file.fileName,
      data,
      createdAt: now.toISOString(),
    };
  });
}
