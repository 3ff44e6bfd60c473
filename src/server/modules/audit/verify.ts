import type { Db } from '../../db/connection.js';
import { type AuditEventRow, countSkippedEvents, countUnchainedEvents, toIso } from '../../db/dialect.js';
import { entryHash, eventHash, GENESIS_HASH } from './canonical.js';

/** What no longer matches at the first broken place. */
export type AuditProblemKind =
  | 'entry_changed' // the entry's own hash does not match its content
  | 'link_broken' // the entry does not point at the previous entry's hash
  | 'entry_missing' // a sequence number is missing
  | 'event_missing' // the entry's event row is gone
  | 'event_changed' // the event row no longer has the content that was chained
  | 'event_not_chained' // an event the chainer passed has no entry (an entry was removed)
  | 'checkpoint_mismatch'; // a published checkpoint names an entry that is gone or has another hash

export interface AuditProblem {
  kind: AuditProblemKind;
  /** The entry where the chain breaks (for event_not_chained: null). */
  seq: number | null;
  /** When that entry was chained (or the event / checkpoint time). */
  at: string | null;
  eventId: string | null;
}

export interface AuditVerification {
  intact: boolean;
  entries: number;
  last: { seq: number; entryHash: string; chainedAt: string } | null;
  /** Committed events waiting for the chainer (normal for a few seconds). */
  pendingEvents: number;
  checkpointsChecked: number;
  problem: AuditProblem | null;
  checkedAt: string;
}

const PAGE = 1000;

/**
 * Walks the whole chain from the first entry: recomputes each entry's hash and link, re-reads its event and
 * recomputes the event's hash; then looks for events the chainer passed that have no entry and checks the stored
 * checkpoints. Reports the first thing that does not match. Read-only.
 */
export async function verifyAuditChain(db: Db): Promise<AuditVerification> {
  const checkedAt = new Date().toISOString();
  let expectedSeq = 1;
  let previousHash = GENESIS_HASH;
  let last: AuditVerification['last'] = null;
  let problem: AuditProblem | null = null;
  outer: for (;;) {
    const entries = await db
      .selectFrom('audit_chain')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    if (entries.length === 0) break;
    const events = await db
      .selectFrom('events')
      .select([
        'id',
        'office_id',
        'case_id',
        'type',
        'actor_type',
        'actor_id',
        'actor_name',
        'payload',
        'created_at',
      ])
      .where(
        'id',
        'in',
        entries.map((e) => e.event_id),
      )
      .execute();
    const byId = new Map(events.map((e) => [e.id, e as AuditEventRow]));
    for (const entry of entries) {
      const seq = Number(entry.seq);
      const at = toIso(entry.chained_at);
      const fail = (kind: AuditProblemKind) => ({ kind, seq, at, eventId: entry.event_id });
      if (seq !== expectedSeq) {
        problem = { kind: 'entry_missing', seq: expectedSeq, at, eventId: null };
        break outer;
      }
      const recomputed = entryHash({
        seq,
        eventId: entry.event_id,
        eventHash: entry.event_hash,
        previousHash: entry.previous_hash,
        chainedAt: at,
      });
      if (recomputed !== entry.entry_hash) {
        problem = fail('entry_changed');
        break outer;
      }
      if (entry.previous_hash !== previousHash) {
        problem = fail('link_broken');
        break outer;
      }
      const event = byId.get(entry.event_id);
      if (!event) {
        problem = fail('event_missing');
        break outer;
      }
      if (eventHash(event) !== entry.event_hash) {
        problem = fail('event_changed');
        break outer;
      }
      previousHash = entry.entry_hash;
      last = { seq, entryHash: entry.entry_hash, chainedAt: at };
      expectedSeq++;
    }
    if (entries.length < PAGE) break;
  }

  let checkpointsChecked = 0;
  if (!problem) {
    const state = await db
      .selectFrom('audit_chainer')
      .select('horizon')
      .where('id', '=', 1)
      .executeTakeFirst();
    const skipped = await countSkippedEvents(db, state?.horizon ?? '0');
    if (skipped.count > 0)
      problem = { kind: 'event_not_chained', seq: null, at: null, eventId: skipped.firstId };
  }
  if (!problem) {
    const checkpoints = await db.selectFrom('audit_checkpoints').selectAll().orderBy('day').execute();
    for (const checkpoint of checkpoints) {
      checkpointsChecked++;
      const entry = await db
        .selectFrom('audit_chain')
        .select('entry_hash')
        .where('seq', '=', Number(checkpoint.seq))
        .executeTakeFirst();
      if (entry?.entry_hash !== checkpoint.entry_hash) {
        problem = {
          kind: 'checkpoint_mismatch',
          seq: Number(checkpoint.seq),
          at: toIso(checkpoint.created_at),
          eventId: null,
        };
        break;
      }
    }
  }
  return {
    intact: problem === null,
    entries: last?.seq ?? 0,
    last,
    pendingEvents: await countUnchainedEvents(db),
    checkpointsChecked,
    problem,
    checkedAt,
  };
}
