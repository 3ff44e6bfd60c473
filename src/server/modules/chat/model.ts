import type { Language } from '../../../shared/enums.js';
import { parseJson, toIso, toIsoOrNull } from '../../db/dialect.js';
import type { ChatConversationTable, ChatMessageTable } from '../../db/schema.js';

export type ChatState = ChatConversationTable['state'];
export type ChatAuthor = ChatMessageTable['author'];
export type AgentStatus = 'online' | 'away';

export interface Conversation {
  id: string;
  officeId: string;
  caseId: string | null;
  language: Language;
  serviceId: string | null;
  state: ChatState;
  agentId: string | null;
  lastSeq: number;
  createdAt: string;
  requestedAt: string | null;
  acceptedAt: string | null;
  endedAt: string | null;
}

/** What a message carries besides its text. */
export interface ChatMessageData {
  /** Assistant answers: the published pages the answer was taken from. */
  sources?: { title: string; url: string }[];
  /** System notices: what happened, for the client to word in its own language. */
  notice?: 'waiting' | 'agent_joined' | 'message_taken' | 'ended' | 'no_answer';
  state?: ChatState;
  trackingCode?: string;
  /** When the office will have answered at the latest (service levels), for `message_taken`. */
  dueAt?: string | null;
  reason?: 'out_of_hours' | 'nobody_free';
  attachment?: { id: string; fileName: string; mediaType: string; size: number };
}

export interface ChatMessage {
  seq: number;
  /** The sender's id of the message (visitors' messages), null otherwise. */
  clientId: string | null;
  author: ChatAuthor;
  authorName: string | null;
  body: string;
  data: ChatMessageData | null;
  createdAt: string;
}

export interface ChatConversationRow {
  id: string;
  office_id: string;
  case_id: string | null;
  language: 'id' | 'en';
  service_id: string | null;
  state: ChatState;
  agent_id: string | null;
  last_seq: number;
  created_at: Date | string;
  requested_at: Date | string | null;
  accepted_at: Date | string | null;
  ended_at: Date | string | null;
}

export function toConversation(row: ChatConversationRow): Conversation {
  return {
    id: row.id,
    officeId: row.office_id,
    caseId: row.case_id,
    language: row.language,
    serviceId: row.service_id,
    state: row.state,
    agentId: row.agent_id,
    lastSeq: row.last_seq,
    createdAt: toIso(row.created_at),
    requestedAt: toIsoOrNull(row.requested_at),
    acceptedAt: toIsoOrNull(row.accepted_at),
    endedAt: toIsoOrNull(row.ended_at),
  };
}

export function toChatMessage(row: {
  seq: number;
  client_id: string | null;
  author: ChatAuthor;
  author_name: string | null;
  body: string;
  data: unknown;
  created_at: Date | string;
}): ChatMessage {
  return {
    seq: row.seq,
    clientId: row.client_id,
    author: row.author,
    authorName: row.author_name,
    body: row.body,
    data: row.data === null ? null : (parseJson(row.data) as ChatMessageData),
    createdAt: toIso(row.created_at),
  };
}
