import type { Kysely } from 'kysely';
import type { Db } from '../db/connection.js';
import { dialectOf } from '../db/dialect.js';
import { runPrepared } from '../db/prepared.js';
import { newId } from '../lib/ids.js';
import type { Actor, EventPayloads, EventType, FactsOf } from './catalogue.js';
import { reactionsTo } from './reactions.js';

export interface EventInput<T extends EventType> {
  type: T;
  actor: Actor;
  payload: EventPayloads[T];
  officeId: string | null;
  caseId?: string | null;
  at: Date;
  /** Handed to the reactions, never stored (see EventFacts in catalogue.ts). */
  facts?: FactsOf<T>;
}

/**
 * Appends one event. Call it inside the transaction that makes the change it describes. Reactions registered with
 * `onEvent` (events/reactions.ts) then run in the same transaction; types nobody reacts to cost one map look-up.
 */
export async function recordEvent<T extends EventType>(trx: Db, event: EventInput<T>): Promise<void> {
  const values = {
    id: newId(event.at.getTime()),
    office_id: event.officeId,
    case_id: event.caseId ?? null,
    type: event.type,
    actor_type: event.actor.type,
    actor_id: event.actor.id,
    // A citizen's name (an e-mail's From name, a WhatsApp profile name) would stay in the append-only log after
    // erasure; staff names identify the person accountable for a change and are kept.
    actor_name: event.actor.type === 'citizen' ? null : event.actor.name,
    payload: JSON.stringify(event.payload),
    created_at: event.at.toISOString(),
  };
  // Every change writes one of these: the statement is compiled once (see db/prepared.ts).
  await runPrepared(
    trx,
    'insert-event',
    () => trx.insertInto('events').values(values),
    Object.values(values),
  );
  const reactions = reactionsTo(event.type);
  if (!reactions) return;
  const recorded = {
    id: values.id,
    type: event.type,
    actor: event.actor,
    payload: event.payload,
    officeId: event.officeId,
    caseId: values.case_id,
    at: event.at,
    facts: event.facts,
  };
  const ctx = { dialect: dialectOf(trx as unknown as Kysely<unknown>) };
  for (const reaction of reactions) await reaction(trx, recorded, ctx);
}
