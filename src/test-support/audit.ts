import type { Db } from '../server/db/connection.js';
import { chainPendingEvents } from '../server/modules/audit/chainer.js';

/**
 * Chains until every committed event is in the audit chain; returns how many it chained. On PostgreSQL one run
 * may chain less than everything: the chainer reads only below its snapshot's xmin, which any open transaction
 * in the cluster holds back — also another test file's, in its own database. The chain waits; it never skips.
 */
export async function chainAllEvents(db: Db): Promise<number> {
  let chained = 0;
  const deadline = Date.now() + 20_000;
  for (;;) {
    chained += (await chainPendingEvents(db)).chained;
    const events = await countRows(db, 'events');
    const entries = await countRows(db, 'audit_chain');
    if (entries >= events) return chained;
    if (Date.now() > deadline) throw new Error(`the audit chain is still ${events - entries} events behind`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function countRows(db: Db, table: 'events' | 'audit_chain'): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
