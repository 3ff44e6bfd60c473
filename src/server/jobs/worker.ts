import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { sql } from 'kysely';
import type { Config } from '../config.js';
import type { Db } from '../db/connection.js';
import { type DialectName, parseJson } from '../db/dialect.js';
import { groupCommitOf } from '../db/group-commit.js';
import { runPrepared } from '../db/prepared.js';
import type { JobStatus } from '../db/schema.js';
import type { JobRow } from './job-storage.js';
import { enqueueJob, onJobEnqueued } from './outbox.js';
import { type JobContext, type JobLogger, jobDefinition, periodicJobs } from './registry.js';

export interface WorkerContext {
  db: Db;
  dialect: DialectName;
  config: Config;
  log?: JobLogger;
}

export interface RunOptions {
  /** The clock (tests step it). */
  now?: Date;
  /** At most this many jobs are claimed and run together. */
  limit?: number;
  /** How long a claimed job is reserved for this worker; after that another worker may run it again. */
  leaseMs?: number;
  workerId?: string;
  /** 0…1, for the backoff's jitter (tests pass a constant). */
  random?: () => number;
  signal?: AbortSignal;
}

export interface RunSummary {
  claimed: number;
  done: number;
  retried: number;
  failed: number;
}

export const DEFAULT_LEASE_MS = 5 * 60_000;
const BACKOFF_BASE_MS = 10_000;
const BACKOFF_CAP_MS = 60 * 60_000;
const MAX_ERROR_LENGTH = 2000;

const silentLog: JobLogger = { info() {}, warn() {}, error() {} };

/** Retry n (1 = after the first failure) waits base·2^(n−1), capped, with jitter in [½, 1] of that. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const exponential = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential * (0.5 + random() * 0.5));
}

/**
 * Claims the jobs that are due and runs them: one step of a worker, which tests call directly.
 * The claim is one short statement. On PostgreSQL `FOR UPDATE SKIP LOCKED` lets concurrent workers claim disjoint
 * jobs; on SQLite the single writer serialises claims. A claimed job's `run_at` becomes the end of its lease, so a
 * job whose worker died becomes claimable again when the lease ends.
 */
export async function runDueJobs(ctx: WorkerContext, options: RunOptions = {}): Promise<RunSummary> {
  const now = options.now ?? new Date();
  const token = `${options.workerId ?? defaultWorkerId()}/${randomBytes(4).toString('hex')}`;
  const claimed = await claimJobs(ctx, token, now, options.limit ?? 4, options.leaseMs ?? DEFAULT_LEASE_MS);
  const summary: RunSummary = { claimed: claimed.length, done: 0, retried: 0, failed: 0 };
  await Promise.all(
    claimed.map(async (row) => {
      const outcome = await runOne(ctx, row, token, options);
      summary[outcome]++;
    }),
  );
  return summary;
}

async function claimJobs(
  ctx: WorkerContext,
  token: string,
  now: Date,
  limit: number,
  leaseMs: number,
): Promise<JobRow[]> {
  const nowIso = now.toISOString();
  const leaseEnd = new Date(now.getTime() + leaseMs).toISOString();
  // Built and compiled once (db/prepared.ts); the parameters in the order the builder puts them.
  return runPrepared<JobRow>(ctx.db, 'claim-jobs', () => claimStatement(ctx, '', '', 0), [
    'running',
    1,
    leaseEnd,
    leaseEnd,
    token,
    nowIso,
    nowIso,
    limit,
  ]);
}

function claimStatement(ctx: WorkerContext, token: string, nowIso: string, limit: number) {
  let due = ctx.db
    .selectFrom('jobs')
    .select('id')
    // Literals, not parameters: so the planner sees that the partial index jobs_due holds exactly these rows.
    .where('status', 'in', [sql.lit<JobStatus>('pending'), sql.lit<JobStatus>('running')])
    .where('run_at', '<=', nowIso)
    // Ids are UUIDv7: jobs due at the same moment are claimed in the order they were enqueued.
    .orderBy('run_at')
    .orderBy('id')
    .limit(limit);
  if (ctx.dialect === 'postgres') due = due.forUpdate().skipLocked();
  return ctx.db
    .updateTable('jobs')
    .set((eb) => ({
      status: 'running',
      attempts: eb('attempts', '+', 1),
      run_at: nowIso,
      locked_until: nowIso,
      locked_by: token,
      updated_at: nowIso,
    }))
    .where('id', 'in', due)
    .returningAll();
}

type Outcome = 'done' | 'retried' | 'failed';

async function runOne(ctx: WorkerContext, row: JobRow, token: string, options: RunOptions): Promise<Outcome> {
  const log = ctx.log ?? silentLog;
  // A test's fixed clock advances with the real time the job takes.
  const realStart = Date.now();
  const fixed = options.now;
  const clock = () => (fixed ? new Date(fixed.getTime() + (Date.now() - realStart)) : new Date());
  const meta = { jobId: row.id, kind: row.kind, attempt: row.attempts };
  // More attempts than allowed means earlier runs died with their worker (the lease ran out each time).
  if (row.attempts > row.max_attempts) {
    await finish(ctx, row, token, clock(), {
      status: 'failed',
      error: 'lease expired: the worker stopped during the job',
    });
    log.error(meta, 'job failed: its worker stopped during every attempt');
    return 'failed';
  }
  try {
    const definition = jobDefinition(row.kind);
    const payload = definition.check(parseJson(row.payload));
    const jobCtx: JobContext = {
      db: ctx.db,
      dialect: ctx.dialect,
      config: ctx.config,
      log,
      now: clock,
      job: { id: row.id, kind: row.kind, attempt: row.attempts, maxAttempts: row.max_attempts },
      signal: options.signal ?? new AbortController().signal,
    };
    await definition.run(jobCtx, payload);
  } catch (error) {
    const message = describe(error);
    const permanent = error instanceof Error && error.name === 'InvalidJobPayload';
    if (permanent || row.attempts >= row.max_attempts) {
      await finish(ctx, row, token, clock(), { status: 'failed', error: message });
      log.error({ ...meta, error: message }, 'job failed');
      return 'failed';
    }
    // A handler may say how long the remote side asked to wait (HTTP 429 Retry-After, Telegram's retry_after).
    const asked = (error as { retryAfterMs?: unknown } | null)?.retryAfterMs;
    const waitMs = Math.max(backoffMs(row.attempts, options.random), typeof asked === 'number' ? asked : 0);
    const retryAt = new Date(clock().getTime() + waitMs);
    await finish(ctx, row, token, clock(), { status: 'pending', error: message, runAt: retryAt });
    log.warn({ ...meta, error: message, retryAt: retryAt.toISOString() }, 'job will be retried');
    return 'retried';
  }
  await finish(ctx, row, token, clock(), { status: 'done' });
  return 'done';
}

type JobResult = { status: 'done' | 'failed' | 'pending'; error?: string; runAt?: Date };

/**
 * Writes a job's outcome. On SQLite it joins the group commit (db/group-commit.ts): the outcomes of jobs that end
 * in the same moment, and the web's writes of that moment, share one commit, each in its own savepoint — a job's
 * outcome is stored, and answered, exactly as before, only no longer with a commit of its own.
 */
async function finish(
  ctx: WorkerContext,
  row: JobRow,
  token: string,
  now: Date,
  result: JobResult,
): Promise<void> {
  const group = groupCommitOf(ctx.db);
  const updated = await (group
    ? group.run((trx) => writeOutcome(trx, row, token, now, result))
    : writeOutcome(ctx.db, row, token, now, result));
  if (!updated)
    (ctx.log ?? silentLog).warn({ jobId: row.id, kind: row.kind }, 'job lease ran out before it finished');
}

/** True when the job was still this worker's: after its lease ran out, another worker owns it. */
async function writeOutcome(
  db: Db,
  row: JobRow,
  token: string,
  now: Date,
  result: JobResult,
): Promise<boolean> {
  const ended = result.status !== 'pending';
  // Compiled once (db/prepared.ts); `returning` tells whether the row was still ours on both engines.
  const rows = await runPrepared<{ id: string }>(
    db,
    'finish-job',
    () =>
      db
        .updateTable('jobs')
        .set({
          status: 'done',
          run_at: '',
          locked_until: null,
          locked_by: null,
          last_error: '',
          updated_at: '',
          finished_at: '',
        })
        .where('id', '=', '')
        .where('locked_by', '=', '')
        .returning('id'),
    [
      result.status,
      (result.runAt ?? now).toISOString(),
      null,
      null,
      result.error?.slice(0, MAX_ERROR_LENGTH) ?? null,
      now.toISOString(),
      ended ? now.toISOString() : null,
      row.id,
      token,
    ],
  );
  return rows.length > 0;
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

let workerIdCache: string | undefined;
function defaultWorkerId(): string {
  workerIdCache ??= `${hostname().slice(0, 40)}:${process.pid}`;
  return workerIdCache;
}

/**
 * Enqueues each periodic job for its current slot. The dedupe key `kind@slot` makes this safe to call from every
 * worker as often as it likes: each slot's job is written once.
 */
export async function schedulePeriodicJobs(db: Db, now: Date, skip?: Map<string, number>): Promise<number> {
  let enqueued = 0;
  for (const periodic of periodicJobs()) {
    const slot = Math.floor(now.getTime() / periodic.everyMs) * periodic.everyMs;
    if (skip?.get(periodic.kind) === slot) continue;
    const slotStart = new Date(slot);
    await enqueueJob(db, periodic.kind, periodic.payload(slotStart), {
      runAt: slotStart,
      now,
      dedupeKey: `${periodic.kind}@${slotStart.toISOString()}`,
    });
    skip?.set(periodic.kind, slot);
    enqueued++;
  }
  return enqueued;
}

export interface WorkerSettings {
  /** How often an idle worker looks for due jobs (other instances' jobs, retries, periodic slots). */
  pollMs?: number;
  concurrency?: number;
  leaseMs?: number;
  /**
   * A count that grows with this process's foreground work — the web requests it has started. While it grows,
   * the worker gives way (see `BACKGROUND_SHARE`). Without it the worker runs flat out.
   */
  foregroundWork?: () => number;
}

/**
 * The part of the time a worker with a backlog may take while the same process is answering web requests. Jobs
 * are the work citizens do not wait for (receipts, audit chaining, notifications); in a burst of submissions
 * they would otherwise take as much of the one event loop as the requests do, slowing every answer. Each batch
 * is followed by a pause four times as long as the batch took, so the backlog still shrinks during a burst
 * and is worked off at full speed once the burst ends.
 */
export const BACKGROUND_SHARE = 0.2;
/** The longest pause after one batch, so a slow batch never holds the queue up for long. */
const MAX_PAUSE_MS = 1_000;

/**
 * The background worker of this process: runs due jobs as they come, wakes at once when this process enqueues
 * one, polls for the rest, and enqueues periodic jobs. `stop()` lets jobs in flight finish (their handlers see
 * an aborted signal) and returns when the loop has ended.
 */
export class JobWorker {
  readonly #ctx: WorkerContext;
  readonly #settings: Required<WorkerSettings>;
  readonly #abort = new AbortController();
  readonly #scheduled = new Map<string, number>();
  #loop: Promise<void> | undefined;
  #wakeSleep: (() => void) | undefined;
  #woken = false;
  #unsubscribe: (() => void) | undefined;

  constructor(ctx: WorkerContext, settings: WorkerSettings = {}) {
    this.#ctx = ctx;
    this.#settings = {
      pollMs: settings.pollMs ?? 1000,
      concurrency: settings.concurrency ?? 4,
      leaseMs: settings.leaseMs ?? DEFAULT_LEASE_MS,
      foregroundWork: settings.foregroundWork ?? (() => 0),
    };
  }

  start(): void {
    if (this.#loop) return;
    this.#unsubscribe = onJobEnqueued(() => this.#wake());
    this.#loop = this.#run();
  }

  async stop(): Promise<void> {
    this.#unsubscribe?.();
    this.#abort.abort();
    this.#wakeSleep?.();
    await this.#loop;
  }

  #wake(): void {
    this.#woken = true;
    this.#wakeSleep?.();
    // On PostgreSQL the enqueuing transaction may commit a moment after the wake: look again shortly.
    if (this.#ctx.dialect === 'postgres') setTimeout(() => this.#wakeSleep?.(), 100).unref();
  }

  async #run(): Promise<void> {
    const log = this.#ctx.log ?? silentLog;
    while (!this.#abort.signal.aborted) {
      this.#woken = false;
      let busy = false;
      const foregroundBefore = this.#settings.foregroundWork();
      const startedAt = performance.now();
      try {
        await schedulePeriodicJobs(this.#ctx.db, new Date(), this.#scheduled);
        const summary = await runDueJobs(this.#ctx, {
          limit: this.#settings.concurrency,
          leaseMs: this.#settings.leaseMs,
          signal: this.#abort.signal,
        });
        busy = summary.claimed > 0;
      } catch (error) {
        // The database is away for a moment (restart, failover): wait a poll and try again.
        log.error({ error: describe(error) }, 'job worker step failed');
      }
      if (busy && this.#settings.foregroundWork() !== foregroundBefore) {
        await this.#giveWay(performance.now() - startedAt);
      } else if (!busy && !this.#woken && !this.#abort.signal.aborted) {
        await this.#sleep(this.#settings.pollMs);
      }
    }
  }

  /** The pause after a batch that ran beside web requests; new jobs do not cut it short, stopping does. */
  async #giveWay(batchMs: number): Promise<void> {
    const pauseMs = Math.min((batchMs * (1 - BACKGROUND_SHARE)) / BACKGROUND_SHARE, MAX_PAUSE_MS);
    await delay(pauseMs, undefined, { signal: this.#abort.signal }).catch(() => undefined);
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.#wakeSleep = () => {
        this.#wakeSleep = undefined;
        done();
      };
    });
  }
}
