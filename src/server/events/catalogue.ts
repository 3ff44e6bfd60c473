import type { CaseStatus, CaseType, Channel, MessageKind, Priority } from '../../shared/enums.js';
import type { AuthorType } from '../db/schema.js';

/**
 * Every event Loket records, with its payload. Commands write them explicitly, in the same transaction as the
 * change: they are the case timeline now, and the audit trail and outbox later.
 */
export interface EventPayloads {
  'case.created': { trackingCode: string; type: CaseType; channel: Channel; priority: Priority };
  'case.status_changed': { from: CaseStatus; to: CaseStatus; reason?: string; automatic?: boolean };
  'case.message_added': { messageId: string; kind: MessageKind };
  'case.updated': { changes: Record<string, { from: unknown; to: unknown }> };
  'office.created': { code: string };
}

export type EventType = keyof EventPayloads;

/** Who did something. Staff have an id once accounts exist; the name is what the public may see. */
export interface Actor {
  type: AuthorType;
  id: string | null;
  name: string | null;
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null, name: null };
export const CITIZEN_ACTOR: Actor = { type: 'citizen', id: null, name: null };
