import type { Db } from '../../db/connection.js';
import { toIso, tryAuditChainLock, unchainedEvents } from '../../db/dialect.js';
import { entryHash, eventHash, GENESIS_HASH } from './canonical.js';

export interface ChainRun {
  chained: number;
  /** False when another instance held the chain lock. */
  ran: boolean;
}

const BATCH = 500;

/**
 * Appends chain entries for every committed event that has none yet. One chainer at a time (advisory lock on
 * PostgreSQL); case creation does no audit work at all — its event row is chained a few seconds later by the
 * worker (`audit.chain` job). Each batch is one transaction: the entries and the new horizon commit together.
 */
export async function chainPendingEvents(
  db: Db,
  options: { now?: () => Date; maxBatches?: number; signal?: AbortSignal } = {},
): Promise<ChainRun> {
  const now = options.now ?? (() => new Date());
  let chained = 0;
  for (let batch = 0; batch < (options.maxBatches ?? 100); batch++) {
    const outcome = await db.transaction().execute(async (trx) => {
      if (!(await tryAuditChainLock(trx))) return null;
      const state = await trx
        .selectFrom('audit_chainer')
        .select('horizon')
        .where('id', '=', 1)
        .executeTakeFirstOrThrow();
      const { rows, nextHorizon } = await unchainedEvents(trx, state.horizon, BATCH);
      if (rows.length) {
        const last = await trx
          .selectFrom('audit_chain')
          .select(['seq', 'entry_hash'])
          .orderBy('seq', 'desc')
          .limit(1)
          .executeTakeFirst();
        let seq = last ? Number(last.seq) : 0;
        let previousHash = last?.entry_hash ?? GENESIS_HASH;
        const chainedAt = toIso(now());
        const entries = rows.map((row) => {
          seq++;
          const content = { seq, eventId: row.id, eventHash: eventHash(row), previousHash, chainedAt };
          previousHash = entryHash(content);
          return {
            seq,
            event_id: row.id,
            event_hash: content.eventHash,
            previous_hash: content.previousHash,
            entry_hash: previousHash,
            chained_at: chainedAt,
          };
        });
        for (let i = 0; i < entries.length; i += 100)
          await trx
            .insertInto('audit_chain')
            .values(entries.slice(i, i + 100))
            .execute();
      }
      if (nextHorizon !== state.horizon)
        await trx.updateTable('audit_chainer').set({ horizon: nextHorizon }).where('id', '=', 1).execute();
      return rows.length;
    });
    if (outcome === null) return { chained, ran: false };
    chained += outcome;
    // A stopping worker ends after the batch in hand; the next run continues from the stored horizon.
    if (outcome < BATCH || options.signal?.aborted) break;
  }
  return { chained, ran: true };
}
