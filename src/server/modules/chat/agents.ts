import type { Language } from '../../../shared/enums.js';
import type { Db } from '../../db/connection.js';
import { AppError } from '../../errors.js';
import { type Actor, staffActor } from '../../events/catalogue.js';
import { recordEvent } from '../../events/record-event.js';
import { inTransaction } from '../../lib/transaction.js';
import type { StaffUser } from '../accounts/model.js';
import { addStaffMessage } from '../cases/add-message.js';
import { assignCase } from '../cases/assign-case.js';
import { publishChat } from './bus.js';
import { findCaseById } from './case-access.js';
import { checkClientId } from './conversations.js';
import type { AgentStatus, ChatMessage, Conversation } from './model.js';
import {
  type AgentSettings,
  activeChatCounts,
  appendChatMessage,
  DEFAULT_CAPACITY,
  findAgentSettings,
  findConversation,
  findMessageByClientId,
  listAgentChats,
  listWaiting,
  saveAgentSettings,
  setClientId,
} from './storage.js';

export const CAPACITY_MAX = 20;

/** An agent's chat settings; someone who never set them is away, with the default capacity, in their language. */
export async function agentSettingsOf(db: Db, user: StaffUser, officeId: string): Promise<AgentSettings> {
  return (
    (await findAgentSettings(db, user.id)) ?? {
      userId: user.id,
      officeId,
      status: 'away',
      capacity: DEFAULT_CAPACITY,
      languages: [user.language],
      serviceIds: null,
    }
  );
}

/** The agent's own switch between online and away. */
export async function setAvailability(
  db: Db,
  user: StaffUser,
  officeId: string,
  status: AgentStatus,
  now = new Date(),
): Promise<AgentSettings> {
  return saveSettings(db, staffActor(user), await agentSettingsOf(db, user, officeId), { status }, now);
}

/** What supervisors and administrators set for an agent: capacity, languages and services. */
export async function configureAgent(
  db: Db,
  actor: Actor,
  current: AgentSettings,
  changes: { capacity?: number; languages?: Language[]; serviceIds?: string[] | null },
  now = new Date(),
): Promise<AgentSettings> {
  if (changes.capacity !== undefined && (changes.capacity < 0 || changes.capacity > CAPACITY_MAX)) {
    throw new AppError('validation_failed', {
      errors: [{ field: 'capacity', code: 'range', params: { min: 0, max: CAPACITY_MAX } }],
    });
  }
  if (changes.languages !== undefined && changes.languages.length === 0) {
    throw new AppError('validation_failed', { errors: [{ field: 'languages', code: 'minItems' }] });
  }
  return saveSettings(db, actor, current, changes, now);
}

async function saveSettings(
  db: Db,
  actor: Actor,
  current: AgentSettings,
  changes: Partial<Omit<AgentSettings, 'userId' | 'officeId'>>,
  now: Date,
): Promise<AgentSettings> {
  const next = { ...current, ...changes };
  const diff: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of ['status', 'capacity', 'languages', 'serviceIds'] as const) {
    if (JSON.stringify(current[key]) !== JSON.stringify(next[key]))
      diff[key] = { from: current[key], to: next[key] };
  }
  await inTransaction(db, async (trx) => {
    await saveAgentSettings(trx, next, now);
    if (Object.keys(diff).length === 0) return;
    await recordEvent(trx, {
      type: 'chat.agent_settings_saved',
      actor,
      officeId: next.officeId,
      payload: { userId: next.userId, changes: diff },
      at: now,
    });
    await publishChat(trx, { k: 'q', o: next.officeId });
  });
  return next;
}

/** Can this agent take this conversation by language and service (the routing rule)? */
export function routesTo(agent: AgentSettings, conversation: Conversation): boolean {
  return (
    agent.languages.includes(conversation.language) &&
    (conversation.serviceId === null ||
      agent.serviceIds === null ||
      agent.serviceIds.includes(conversation.serviceId))
  );
}

export interface AgentQueue {
  settings: AgentSettings;
  active: number;
  waiting: Conversation[];
  mine: Conversation[];
}

/** What the agent's chat panel shows: the chats waiting for someone like them, and their own. */
export async function agentQueue(db: Db, user: StaffUser, officeId: string): Promise<AgentQueue> {
  const [settings, waiting, mine] = await Promise.all([
    agentSettingsOf(db, user, officeId),
    listWaiting(db, officeId),
    listAgentChats(db, user.id),
  ]);
  return {
    settings,
    active: mine.length,
    waiting: waiting.filter((conversation) => routesTo(settings, conversation)),
    mine,
  };
}

/**
 * An agent takes a waiting chat: within their capacity, and only if it is still waiting (two agents pressing
 * Accept at once: one wins, the other gets a conflict). The case is assigned to them.
 */
export async function acceptChat(
  db: Db,
  user: StaffUser,
  officeId: string,
  conversationId: string,
  now = new Date(),
): Promise<Conversation> {
  const settings = await agentSettingsOf(db, user, officeId);
  return inTransaction(db, async (trx) => {
    const conversation = await findConversation(trx, conversationId);
    if (!conversation || conversation.officeId !== officeId) throw new AppError('not_found');
    const active = (await activeChatCounts(trx, officeId)).get(user.id) ?? 0;
    if (active >= settings.capacity) throw new AppError('conflict', { reason: 'capacity_reached' });
    const claimed = await trx
      .updateTable('chat_conversations')
      .set({
        state: 'active',
        agent_id: user.id,
        accepted_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .where('id', '=', conversationId)
      .where('state', '=', 'waiting')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) throw new AppError('conflict', { reason: 'not_waiting' });
    const actor = staffActor(user);
    const found = conversation.caseId ? await findCaseById(trx, conversation.caseId) : undefined;
    if (found && found.assigneeId !== user.id) {
      await assignCase(
        trx,
        actor,
        found.trackingCode,
        { expectedVersion: found.version, assigneeId: user.id },
        now,
      );
    }
    await recordEvent(trx, {
      type: 'chat.accepted',
      actor,
      officeId,
      caseId: conversation.caseId,
      payload: { conversationId, agentId: user.id },
      at: now,
    });
    await appendChatMessage(
      trx,
      conversationId,
      {
        author: 'system',
        body: '',
        authorName: user.displayName,
        data: { notice: 'agent_joined', state: 'active' },
      },
      now,
    );
    await publishChat(trx, { k: 'm', c: conversationId });
    await publishChat(trx, { k: 'q', o: officeId });
    return { ...conversation, state: 'active', agentId: user.id, acceptedAt: now.toISOString() };
  });
}

/**
 * An agent's reply in the chat panel: a public reply on the case (the same command as the case page), which the
 * case reaction turns into a chat message for the visitor. The client id makes a resend harmless.
 */
export async function sendAgentMessage(
  db: Db,
  user: StaffUser,
  conversation: Conversation,
  input: { clientId: string; body: string },
  now = new Date(),
): Promise<ChatMessage> {
  const clientId = checkClientId(input.clientId);
  const earlier = await findMessageByClientId(db, conversation.id, clientId);
  if (earlier) return earlier;
  return inTransaction(db, async (trx) => {
    const found = conversation.caseId ? await findCaseById(trx, conversation.caseId) : undefined;
    if (!found) throw new AppError('not_found');
    const message = await addStaffMessage(
      trx,
      staffActor(user),
      found,
      { kind: 'public_reply', body: input.body },
      now,
    );
    return setClientId(trx, conversation.id, message.id, clientId);
  });
}
