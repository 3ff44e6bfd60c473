import type { Selectable } from 'kysely';
import type { Db } from '../db/connection.js';
import { parseJson, toIso, toIsoOrNull } from '../db/dialect.js';
import type { JobStatus, JobTable } from '../db/schema.js';

export type JobRow = Selectable<JobTable>;

export interface JobView {
  id: string;
  kind: string;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  /** Pending: when it runs next. Running: when its lease ends. */
  runAt: string;
  lastError: string | null;
  dedupeKey: string | null;
  payload: unknown;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

export function toJobView(row: JobRow): JobView {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    runAt: toIso(row.run_at),
    lastError: row.last_error,
    dedupeKey: row.dedupe_key,
    payload: parseJson(row.payload),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
    finishedAt: toIsoOrNull(row.finished_at),
  };
}

export async function listJobs(
  db: Db,
  filter: { status?: JobStatus; kind?: string; limit: number },
): Promise<JobView[]> {
  const rows = await db
    .selectFrom('jobs')
    .selectAll()
    .$if(filter.status !== undefined, (q) => q.where('status', '=', filter.status!))
    .$if(filter.kind !== undefined, (q) => q.where('kind', '=', filter.kind!))
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .execute();
  return rows.map(toJobView);
}

export async function countJobsByStatus(db: Db): Promise<Record<JobStatus, number>> {
  const rows = await db
    .selectFrom('jobs')
    .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('status')
    .execute();
  const counts: Record<JobStatus, number> = { pending: 0, running: 0, done: 0, failed: 0 };
  for (const row of rows) counts[row.status] = Number(row.count);
  return counts;
}

/** A failed job runs again now, with a fresh count of attempts. True when there was such a failed job. */
export async function retryJob(db: Db, id: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({
      status: 'pending',
      attempts: 0,
      run_at: now.toISOString(),
      updated_at: now.toISOString(),
      finished_at: null,
    })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Removes a pending or failed job (not one running now). True when it was removed. */
export async function discardJob(db: Db, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('jobs')
    .where('id', '=', id)
    .where('status', 'in', ['pending', 'failed'])
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function findJob(db: Db, id: string): Promise<JobView | undefined> {
  const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toJobView(row);
}

/** Finished jobs are kept a while (their dedupe keys keep repeated enqueues no-ops), then removed. */
export async function pruneFinishedJobs(db: Db, olderThan: Date): Promise<number> {
  const result = await db
    .deleteFrom('jobs')
    .where('status', '=', 'done')
    .where('finished_at', '<', olderThan.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
