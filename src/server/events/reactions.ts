import type { Db } from '../db/connection.js';
import type { DialectName } from '../db/dialect.js';
import type { Actor, EventPayloads, EventType, FactsOf } from './catalogue.js';

/** An event as reactions see it, just after its row was written. */
export interface RecordedEvent<T extends EventType> {
  id: string;
  type: T;
  actor: Actor;
  payload: EventPayloads[T];
  officeId: string | null;
  caseId: string | null;
  at: Date;
  /** What the command handed over without storing it (see EventFacts); absent when it handed nothing. */
  facts?: FactsOf<T>;
}

export interface ReactionContext {
  /** The engine of the transaction, for the rare reaction that needs engine-specific SQL (see db/dialect.ts). */
  dialect: DialectName;
}

export type Reaction<T extends EventType> = (
  trx: Db,
  event: RecordedEvent<T>,
  ctx: ReactionContext,
) => Promise<void>;

// Stored without their type parameter; onEvent and reactionsTo keep the pairing of type and payload.
type AnyReaction = Reaction<EventType>;
const reactions = new Map<EventType, AnyReaction[]>();

/**
 * Registers a reaction to an event type: `recordEvent` runs it in the same transaction, right after the event row
 * is written, so a module can enqueue jobs or write its own rows for events it cares about without the commands
 * knowing. Reactions must be quick (no network): slow work goes into a job. They touch nothing but the database,
 * as a transaction may run more than once (see `rerunnable` in db/group-commit.ts). A reaction that throws fails
 * the change.
 */
export function onEvent<T extends EventType>(type: T, reaction: Reaction<T>): () => void {
  const stored = reaction as unknown as AnyReaction;
  const list = reactions.get(type);
  if (list) list.push(stored);
  else reactions.set(type, [stored]);
  // For tests: their files share a process (vitest.config.ts), so a reaction a test adds must leave with it.
  return () => {
    const current = reactions.get(type);
    if (current)
      reactions.set(
        type,
        current.filter((r) => r !== stored),
      );
  };
}

/** The reactions to a type, or undefined — a map look-up, so event types nobody reacts to cost nothing. */
export function reactionsTo<T extends EventType>(type: T): readonly Reaction<T>[] | undefined {
  return reactions.get(type) as unknown as readonly Reaction<T>[] | undefined;
}
