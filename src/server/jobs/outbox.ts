import type { Db } from '../db/connection.js';
import { runPrepared } from '../db/prepared.js';
import { newId } from '../lib/ids.js';
import { type JobDefinition, jobDefinition } from './registry.js';

export interface EnqueueOptions {
  /** Not before this time (default: now). */
  runAt?: Date;
  /**
   * Makes the enqueue idempotent: while a job with this key exists (pending, running, failed, or done within the
   * retention period), enqueueing the same key again does nothing.
   */
  dedupeKey?: string;
  /** The clock of the change that causes the job (default: now). */
  now?: Date;
}

type Wake = () => void;
const wakeListeners = new Set<Wake>();

/** Workers in this process subscribe so a new job runs at once rather than at the next poll. */
export function onJobEnqueued(listener: Wake): () => void {
  wakeListeners.add(listener);
  return () => wakeListeners.delete(listener);
}

/**
 * Writes a job into the outbox, in the caller's transaction: the job exists exactly when the change that caused
 * it is committed. The payload is checked against the job's schema now, so a bad payload fails the change
 * instead of the job.
 */
export async function enqueueJob<P>(
  db: Db,
  kind: JobDefinition<P> | string,
  payload: P,
  options: EnqueueOptions = {},
): Promise<void> {
  const definition = typeof kind === 'string' ? jobDefinition(kind) : kind;
  definition.check(payload);
  const now = options.now ?? new Date();
  const runAt = options.runAt ?? now;
  const row = {
    id: newId(now.getTime()),
    kind: definition.kind,
    payload: JSON.stringify(payload),
    status: 'pending' as const,
    attempts: 0,
    max_attempts: definition.maxAttempts,
    run_at: runAt.toISOString(),
    locked_until: null,
    locked_by: null,
    last_error: null,
    dedupe_key: options.dedupeKey ?? null,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
    finished_at: null,
  };
  // Creating a case enqueues its receipt: the two shapes of the insert are compiled once (db/prepared.ts).
  const insert = () => db.insertInto('jobs').values(row);
  await runPrepared(
    db,
    options.dedupeKey ? 'insert-job-deduped' : 'insert-job',
    options.dedupeKey ? () => insert().onConflict((oc) => oc.column('dedupe_key').doNothing()) : insert,
    Object.values(row),
  );
  // The caller's transaction may not have committed yet: the worker's claim on SQLite waits for the connection
  // (one writer), on PostgreSQL it retries shortly after (see worker.ts).
  if (runAt.getTime() <= now.getTime() + 1000) for (const wake of wakeListeners) wake();
}
