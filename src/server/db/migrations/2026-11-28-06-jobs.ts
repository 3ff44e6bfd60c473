import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../dialect.js';

/**
 * The outbox: background jobs written in the transaction of the change that causes them and drained by workers
 * (src/server/jobs/). Finished jobs stay a few days so a dedupe key keeps a repeated enqueue a no-op.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(dialectOf(db));
  await db.schema
    .createTable('jobs')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('kind', 'varchar(80)', (c) => c.notNull())
    .addColumn('payload', t.json, (c) => c.notNull())
    // pending → running → done | pending (retry) | failed
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    // When the job may next be claimed: its schedule while pending, its lease's end while running.
    .addColumn('run_at', t.timestamp, (c) => c.notNull())
    .addColumn('locked_until', t.timestamp)
    .addColumn('locked_by', 'varchar(80)')
    .addColumn('last_error', 'varchar(2000)')
    .addColumn('dedupe_key', 'varchar(200)', (c) => c.unique())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('finished_at', t.timestamp)
    .execute();
  // The claim query: claimable jobs in run_at order.
  await db.schema.createIndex('jobs_claimable').on('jobs').columns(['status', 'run_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('jobs').execute();
}
