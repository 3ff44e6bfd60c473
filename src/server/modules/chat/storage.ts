import type { Db } from '../../db/connection.js';
import { newId } from '../../lib/ids.js';
import {
  type AgentStatus,
  type ChatAuthor,
  type ChatMessage,
  type ChatMessageData,
  type Conversation,
  toChatMessage,
  toConversation,
} from './model.js';

const CONVERSATION_COLUMNS = [
  'id',
  'office_id',
  'case_id',
  'language',
  'service_id',
  'state',
  'agent_id',
  'last_seq',
  'created_at',
  'requested_at',
  'accepted_at',
  'ended_at',
] as const;

export async function findConversation(db: Db, id: string): Promise<Conversation | undefined> {
  const row = await db
    .selectFrom('chat_conversations')
    .select(CONVERSATION_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toConversation(row);
}

export async function findConversationByCase(db: Db, caseId: string): Promise<Conversation | undefined> {
  const row = await db
    .selectFrom('chat_conversations')
    .select(CONVERSATION_COLUMNS)
    .where('case_id', '=', caseId)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return row && toConversation(row);
}

export async function insertConversation(db: Db, conversation: Conversation): Promise<void> {
  await db
    .insertInto('chat_conversations')
    .values({
      id: conversation.id,
      office_id: conversation.officeId,
      case_id: conversation.caseId,
      language: conversation.language,
      service_id: conversation.serviceId,
      state: conversation.state,
      agent_id: conversation.agentId,
      last_seq: 0,
      created_at: conversation.createdAt,
      requested_at: null,
      accepted_at: null,
      ended_at: null,
      updated_at: conversation.createdAt,
    })
    .execute();
}

export type ConversationChanges = Partial<{
  case_id: string | null;
  state: Conversation['state'];
  agent_id: string | null;
  service_id: string | null;
  requested_at: string | null;
  accepted_at: string | null;
  ended_at: string | null;
}>;

export async function updateConversation(
  db: Db,
  id: string,
  changes: ConversationChanges,
  now: Date,
): Promise<void> {
  await db
    .updateTable('chat_conversations')
    .set({ ...changes, updated_at: now.toISOString() })
    .where('id', '=', id)
    .execute();
}

/** Messages after a sequence number, in order: what a (re)connecting client has not seen. */
export async function messagesAfter(db: Db, conversationId: string, afterSeq: number, limit = 500) {
  const rows = await db
    .selectFrom('chat_messages')
    .select(['seq', 'client_id', 'author', 'author_name', 'body', 'data', 'created_at'])
    .where('conversation_id', '=', conversationId)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map(toChatMessage);
}

export async function findMessageByClientId(
  db: Db,
  conversationId: string,
  clientId: string,
): Promise<ChatMessage | undefined> {
  const row = await db
    .selectFrom('chat_messages')
    .select(['seq', 'client_id', 'author', 'author_name', 'body', 'data', 'created_at'])
    .where('conversation_id', '=', conversationId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return row && toChatMessage(row);
}

export async function chatMessageLinkedTo(db: Db, caseMessageId: string): Promise<boolean> {
  const row = await db
    .selectFrom('chat_messages')
    .select('id')
    .where('case_message_id', '=', caseMessageId)
    .executeTakeFirst();
  return row !== undefined;
}

export interface NewChatMessage {
  author: ChatAuthor;
  authorName?: string | null;
  body: string;
  data?: ChatMessageData | null;
  clientId?: string | null;
  caseMessageId?: string | null;
}

/**
 * Appends a message with the conversation's next sequence number. Call inside a transaction: the increment locks
 * the conversation row on PostgreSQL, so numbers are gap-free and in commit order per conversation.
 */
export async function appendChatMessage(
  trx: Db,
  conversationId: string,
  message: NewChatMessage,
  now: Date,
): Promise<ChatMessage> {
  const { last_seq: seq } = await trx
    .updateTable('chat_conversations')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1), updated_at: now.toISOString() }))
    .where('id', '=', conversationId)
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  const row = {
    id: newId(now.getTime()),
    conversation_id: conversationId,
    seq,
    client_id: message.clientId ?? null,
    author: message.author,
    author_name: message.authorName ?? null,
    body: message.body,
    data: message.data ? JSON.stringify(message.data) : null,
    case_message_id: message.caseMessageId ?? null,
    created_at: now.toISOString(),
  };
  await trx.insertInto('chat_messages').values(row).execute();
  return toChatMessage(row);
}

export async function setClientId(
  trx: Db,
  conversationId: string,
  caseMessageId: string,
  clientId: string,
): Promise<ChatMessage> {
  await trx
    .updateTable('chat_messages')
    .set({ client_id: clientId })
    .where('conversation_id', '=', conversationId)
    .where('case_message_id', '=', caseMessageId)
    .execute();
  return (await findMessageByClientId(trx, conversationId, clientId))!;
}

/** How many chats wait ahead of this one for the same office and language (1 = next). */
export async function queuePosition(db: Db, conversation: Conversation): Promise<number> {
  if (conversation.state !== 'waiting' || !conversation.requestedAt) return 0;
  const row = await db
    .selectFrom('chat_conversations')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('office_id', '=', conversation.officeId)
    .where('state', '=', 'waiting')
    .where('language', '=', conversation.language)
    .where('requested_at', '<', conversation.requestedAt)
    .executeTakeFirstOrThrow();
  return Number(row.n) + 1;
}

export interface AgentSettings {
  userId: string;
  officeId: string;
  status: AgentStatus;
  capacity: number;
  languages: string[];
  /** Null: every service of the office. */
  serviceIds: string[] | null;
}

export const DEFAULT_CAPACITY = 3;

function toAgentSettings(row: {
  user_id: string;
  office_id: string;
  status: AgentStatus;
  capacity: number;
  languages: string;
  service_ids: string | null;
}): AgentSettings {
  return {
    userId: row.user_id,
    officeId: row.office_id,
    status: row.status,
    capacity: row.capacity,
    languages: row.languages.split(',').filter(Boolean),
    serviceIds: row.service_ids === null ? null : row.service_ids.split(',').filter(Boolean),
  };
}

const AGENT_COLUMNS = ['user_id', 'office_id', 'status', 'capacity', 'languages', 'service_ids'] as const;

export async function findAgentSettings(db: Db, userId: string): Promise<AgentSettings | undefined> {
  const row = await db
    .selectFrom('chat_agents')
    .select(AGENT_COLUMNS)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row && toAgentSettings(row);
}

export async function listAgentSettings(db: Db, officeId: string): Promise<AgentSettings[]> {
  const rows = await db
    .selectFrom('chat_agents')
    .select(AGENT_COLUMNS)
    .where('office_id', '=', officeId)
    .execute();
  return rows.map(toAgentSettings);
}

export async function saveAgentSettings(db: Db, settings: AgentSettings, now: Date): Promise<void> {
  const values = {
    office_id: settings.officeId,
    status: settings.status,
    capacity: settings.capacity,
    languages: settings.languages.join(','),
    service_ids: settings.serviceIds === null ? null : settings.serviceIds.join(','),
    updated_at: now.toISOString(),
  };
  await db
    .insertInto('chat_agents')
    .values({ user_id: settings.userId, ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
    .execute();
}

/** Active chats per agent of an office. */
export async function activeChatCounts(db: Db, officeId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('chat_conversations')
    .select(['agent_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('office_id', '=', officeId)
    .where('state', '=', 'active')
    .where('agent_id', 'is not', null)
    .groupBy('agent_id')
    .execute();
  return new Map(rows.map((row) => [row.agent_id as string, Number(row.n)]));
}

export async function listWaiting(db: Db, officeId: string) {
  const rows = await db
    .selectFrom('chat_conversations')
    .select(CONVERSATION_COLUMNS)
    .where('office_id', '=', officeId)
    .where('state', '=', 'waiting')
    .orderBy('requested_at')
    .limit(200)
    .execute();
  return rows.map(toConversation);
}

export async function listAgentChats(db: Db, agentId: string) {
  const rows = await db
    .selectFrom('chat_conversations')
    .select(CONVERSATION_COLUMNS)
    .where('agent_id', '=', agentId)
    .where('state', '=', 'active')
    .orderBy('accepted_at')
    .execute();
  return rows.map(toConversation);
}

/** Waiting conversations that asked for a person before `before`: nobody took them in time. */
export async function listTimedOut(db: Db, before: string) {
  const rows = await db
    .selectFrom('chat_conversations')
    .select(CONVERSATION_COLUMNS)
    .where('state', '=', 'waiting')
    .where('requested_at', '<', before)
    .limit(100)
    .execute();
  return rows.map(toConversation);
}

export { newId };
