import { Type } from 'typebox';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test-support/database.js';
import { ENGINE } from '../../test-support/engine.js';
import { buildConfig } from '../../test-support/factories.js';
import { openDatabase } from '../db/connection.js';
import { onEvent } from '../events/reactions.js';
import { recordEvent } from '../events/record-event.js';
import { inTransaction } from '../lib/transaction.js';
import { discardJob, findJob, listJobs, retryJob } from './job-storage.js';
import { enqueueJob } from './outbox.js';
import { defineJob, definePeriodicJob, InvalidJobPayload } from './registry.js';
import { backoffMs, JobWorker, runDueJobs, schedulePeriodicJobs, type WorkerContext } from './worker.js';

/** What the test jobs did, by name: a job appends its payload's name each time it runs. */
const ran: string[] = [];
const failuresLeft = new Map<string, number>();

const record = defineJob('test.record', {
  payload: Type.Object({ name: Type.String() }),
  async run(_ctx, payload) {
    ran.push(payload.name);
  },
});

const flaky = defineJob('test.flaky', {
  payload: Type.Object({ name: Type.String() }),
  maxAttempts: 3,
  async run(_ctx, payload) {
    const left = failuresLeft.get(payload.name) ?? 0;
    if (left > 0) {
      failuresLeft.set(payload.name, left - 1);
      throw new Error(`temporary trouble ${left}`);
    }
    ran.push(payload.name);
  },
});

const slow = defineJob('test.slow', {
  payload: Type.Object({ name: Type.String(), ms: Type.Integer() }),
  async run(_ctx, payload) {
    await new Promise((resolve) => setTimeout(resolve, payload.ms));
    ran.push(payload.name);
  },
});

/** When each run of `test.timed` started. */
const timedStarts: number[] = [];
const timed = defineJob('test.timed', {
  payload: Type.Object({ ms: Type.Integer() }),
  async run(_ctx, payload) {
    timedStarts.push(performance.now());
    await new Promise((resolve) => setTimeout(resolve, payload.ms));
  },
});

const sweep = defineJob('test.sweep', {
  payload: Type.Object({ slot: Type.String() }),
  async run(_ctx, payload) {
    ran.push(`sweep ${payload.slot}`);
  },
});
const forgetSweep = definePeriodicJob(sweep, {
  everyMs: 60_000,
  payload: (slot) => ({ slot: slot.toISOString() }),
});

// A reaction that enqueues a job from an event, in the event's transaction.
const forgetTeamReaction = onEvent('team.created', async (trx, event) => {
  await enqueueJob(
    trx,
    record,
    { name: `team ${(event.payload as { code: string }).code}` },
    { now: event.at },
  );
});

let database: TestDatabase;
let ctx: WorkerContext;
const T0 = new Date('2026-03-02T01:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const half = () => 0; // jitter at its minimum: retries wait exactly half the exponential delay

// Test files share their process: the test's periodic job and reaction must not reach the files after this one.
afterAll(() => {
  forgetSweep();
  forgetTeamReaction();
});

beforeAll(async () => {
  database = await createTestDatabase();
  ctx = { db: database.db, dialect: database.dialect, config: buildConfig() };
});

beforeEach(async () => {
  ran.length = 0;
  failuresLeft.clear();
  await database.db.deleteFrom('jobs').execute();
});

describe(`background jobs on ${ENGINE}`, () => {
  it('runs a job once its transaction committed, and not before its time', async () => {
    await enqueueJob(database.db, record, { name: 'later' }, { now: T0, runAt: at(60) });
    await enqueueJob(database.db, 'test.record', { name: 'now' }, { now: T0 });
    expect(await runDueJobs(ctx, { now: at(1) })).toMatchObject({ claimed: 1, done: 1 });
    expect(ran).toEqual(['now']);
    expect(await runDueJobs(ctx, { now: at(30) })).toMatchObject({ claimed: 0 });
    await runDueJobs(ctx, { now: at(61) });
    expect(ran).toEqual(['now', 'later']);
    const [job] = await listJobs(database.db, { status: 'done', limit: 10 });
    expect(job).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('writes nothing when the enqueuing transaction rolls back', async () => {
    await expect(
      inTransaction(database.db, async (trx) => {
        await enqueueJob(trx, record, { name: 'rolled back' }, { now: T0 });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await runDueJobs(ctx, { now: at(1) });
    expect(ran).toEqual([]);
  });

  it('checks payloads on enqueue', async () => {
    await expect(enqueueJob(database.db, record, { name: 7 } as never)).rejects.toBeInstanceOf(
      InvalidJobPayload,
    );
    await expect(enqueueJob(database.db, 'test.nothing', {})).rejects.toThrow(/no job is defined/);
  });

  it('fails a stored payload that no longer matches its schema without retrying', async () => {
    await enqueueJob(database.db, record, { name: 'x' }, { now: T0 });
    await database.db
      .updateTable('jobs')
      .set({ payload: JSON.stringify({ nom: 'x' }) })
      .execute();
    expect(await runDueJobs(ctx, { now: at(1) })).toMatchObject({ failed: 1 });
    const [job] = await listJobs(database.db, { status: 'failed', limit: 1 });
    expect(job!.lastError).toMatch(/InvalidJobPayload/);
  });

  it('keeps the outcomes of jobs claimed and finished together apart: one done, one retried, one failed', async () => {
    failuresLeft.set('again', 1);
    await enqueueJob(database.db, record, { name: 'fine' }, { now: T0 });
    await enqueueJob(database.db, flaky, { name: 'again' }, { now: T0 });
    await enqueueJob(database.db, record, { name: 'broken' }, { now: T0, dedupeKey: 'broken' });
    await database.db
      .updateTable('jobs')
      .set({ payload: JSON.stringify({ nom: 'broken' }) })
      .where('dedupe_key', '=', 'broken')
      .execute();
    const summary = await runDueJobs(ctx, { now: at(1), limit: 3, random: half });
    expect(summary).toEqual({ claimed: 3, done: 1, retried: 1, failed: 1 });
    const jobs = await listJobs(database.db, { limit: 3 });
    const byStatus = Object.fromEntries(jobs.map((job) => [job.status, job]));
    expect(byStatus.done).toMatchObject({ kind: 'test.record', attempts: 1, lastError: null });
    expect(byStatus.pending).toMatchObject({
      kind: 'test.flaky',
      attempts: 1,
      lastError: 'Error: temporary trouble 1',
    });
    expect(byStatus.failed).toMatchObject({ kind: 'test.record', dedupeKey: 'broken' });
    expect(byStatus.failed!.lastError).toMatch(/InvalidJobPayload/);
    expect(byStatus.done!.finishedAt).not.toBeNull();
    expect(byStatus.pending!.finishedAt).toBeNull();
    expect(ran).toEqual(['fine']);
  });

  it('makes a second enqueue with the same dedupe key a no-op', async () => {
    for (let i = 0; i < 3; i++)
      await enqueueJob(database.db, record, { name: `dup ${i}` }, { now: T0, dedupeKey: 'once' });
    await runDueJobs(ctx, { now: at(1) });
    await enqueueJob(database.db, record, { name: 'after done' }, { now: at(2), dedupeKey: 'once' });
    await runDueJobs(ctx, { now: at(3) });
    expect(ran).toEqual(['dup 0']);
  });

  it('retries with exponential backoff and succeeds', async () => {
    failuresLeft.set('flaky', 2);
    await enqueueJob(database.db, flaky, { name: 'flaky' }, { now: T0 });
    expect(await runDueJobs(ctx, { now: at(0), random: half })).toMatchObject({ retried: 1 });
    let [job] = await listJobs(database.db, { limit: 1 });
    expect(job).toMatchObject({ status: 'pending', attempts: 1, lastError: 'Error: temporary trouble 2' });
    // First retry after 10 s · ½ = 5 s (plus the test clock's real elapsed milliseconds).
    expect(new Date(job!.runAt).getTime() - T0.getTime()).toBeGreaterThanOrEqual(5000);
    expect(new Date(job!.runAt).getTime() - T0.getTime()).toBeLessThan(6000);
    expect(await runDueJobs(ctx, { now: at(4), random: half })).toMatchObject({ claimed: 0 });
    expect(await runDueJobs(ctx, { now: at(6), random: half })).toMatchObject({ retried: 1 });
    [job] = await listJobs(database.db, { limit: 1 });
    // Second retry after 20 s · ½ = 10 s.
    expect(new Date(job!.runAt).getTime() - at(6).getTime()).toBeGreaterThanOrEqual(10_000);
    expect(await runDueJobs(ctx, { now: at(17), random: half })).toMatchObject({ done: 1 });
    expect(ran).toEqual(['flaky']);
  });

  it('marks a job failed with its last error after maxAttempts; an admin can retry or discard it', async () => {
    failuresLeft.set('doomed', 10);
    await enqueueJob(database.db, flaky, { name: 'doomed' }, { now: T0 });
    let now = T0;
    for (let attempt = 1; attempt <= 3; attempt++) {
      await runDueJobs(ctx, { now, random: half });
      now = new Date(now.getTime() + 3_600_000);
    }
    const [job] = await listJobs(database.db, { status: 'failed', limit: 1 });
    expect(job).toMatchObject({ attempts: 3, maxAttempts: 3, lastError: 'Error: temporary trouble 8' });
    expect(await runDueJobs(ctx, { now })).toMatchObject({ claimed: 0 });

    failuresLeft.set('doomed', 0);
    expect(await retryJob(database.db, job!.id, now)).toBe(true);
    expect(await runDueJobs(ctx, { now })).toMatchObject({ done: 1 });
    expect(ran).toEqual(['doomed']);
    expect(await retryJob(database.db, job!.id, now)).toBe(false); // done, not failed

    await enqueueJob(
      database.db,
      record,
      { name: 'unwanted' },
      { now, runAt: new Date(now.getTime() + 60_000) },
    );
    const [pending] = await listJobs(database.db, { status: 'pending', limit: 1 });
    expect(await discardJob(database.db, pending!.id)).toBe(true);
    expect(await findJob(database.db, pending!.id)).toBeUndefined();
  });

  it('gives a crashed worker’s job to another worker when the lease ends, and fails it after maxAttempts', async () => {
    await enqueueJob(database.db, flaky, { name: 'orphan' }, { now: T0 });
    // A worker claims the job and dies: simulate the claim without the run.
    await database.db
      .updateTable('jobs')
      .set({
        status: 'running',
        attempts: 1,
        run_at: at(300).toISOString(),
        locked_until: at(300).toISOString(),
        locked_by: 'dead/1',
      })
      .execute();
    expect(await runDueJobs(ctx, { now: at(299) })).toMatchObject({ claimed: 0 });
    expect(await runDueJobs(ctx, { now: at(301) })).toMatchObject({ done: 1 });
    expect(ran).toEqual(['orphan']);

    await enqueueJob(database.db, flaky, { name: 'cursed' }, { now: T0 });
    await database.db
      .updateTable('jobs')
      .set({ status: 'running', attempts: 3, run_at: at(300).toISOString(), locked_by: 'dead/2' })
      .where('status', '=', 'pending')
      .execute();
    expect(await runDueJobs(ctx, { now: at(301) })).toMatchObject({ failed: 1 });
    const [failed] = await listJobs(database.db, { status: 'failed', limit: 1 });
    expect(failed!.lastError).toMatch(/lease expired/);
    expect(ran).toEqual(['orphan']);
  });

  it('does not let a worker whose lease ran out overwrite the new owner’s result', async () => {
    await enqueueJob(database.db, slow, { name: 'slow', ms: 150 }, { now: T0 });
    const first = runDueJobs(ctx, { now: at(0), leaseMs: 1000, workerId: 'first' });
    await new Promise((resolve) => setTimeout(resolve, 30));
    // The lease (1 s on the test clock) has ended for the second worker, which takes the job over.
    const second = runDueJobs(ctx, { now: at(5), leaseMs: 60_000, workerId: 'second' });
    const [a, b] = await Promise.all([first, second]);
    expect(a.claimed + b.claimed).toBe(2);
    const [job] = await listJobs(database.db, { limit: 1 });
    expect(job).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('enqueues jobs from event reactions in the event’s transaction', async () => {
    await inTransaction(database.db, async (trx) => {
      await recordEvent(trx, {
        type: 'team.created',
        actor: { type: 'system', id: null, name: null },
        payload: { code: 'loket' },
        officeId: null,
        at: T0,
      });
    });
    await runDueJobs(ctx, { now: at(1) });
    expect(ran).toEqual(['team loket']);
  });

  it('schedules each periodic slot once however often and by however many workers it is asked', async () => {
    await schedulePeriodicJobs(database.db, at(1));
    await schedulePeriodicJobs(database.db, at(2));
    await schedulePeriodicJobs(database.db, at(59));
    await runDueJobs(ctx, { now: at(59), limit: 50 });
    await schedulePeriodicJobs(database.db, at(61));
    await runDueJobs(ctx, { now: at(61), limit: 50 });
    const sweeps = ran.filter((name) => name.startsWith('sweep'));
    expect(sweeps).toEqual(['sweep 2026-03-02T01:00:00.000Z', 'sweep 2026-03-02T01:01:00.000Z']);
  });

  it('backs off exponentially with jitter, capped at an hour', () => {
    expect(backoffMs(1, () => 1)).toBe(10_000);
    expect(backoffMs(2, () => 1)).toBe(20_000);
    expect(backoffMs(3, () => 0)).toBe(20_000);
    expect(backoffMs(30, () => 1)).toBe(3_600_000);
    const spread = new Set(Array.from({ length: 20 }, () => backoffMs(4)));
    expect(spread.size).toBeGreaterThan(1);
  });

  it('the worker wakes when a job is enqueued in this process and stops cleanly', async () => {
    const worker = new JobWorker(ctx, { pollMs: 60_000 });
    worker.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await inTransaction(database.db, (trx) => enqueueJob(trx, record, { name: 'prompt' }));
    while (!ran.includes('prompt') && Date.now() - started < 5000)
      await new Promise((r) => setTimeout(r, 10));
    expect(ran).toContain('prompt');
    expect(Date.now() - started).toBeLessThan(2000);
    await worker.stop();
  });
});

describe('a worker beside the web server', () => {
  /** Runs eight 50-ms jobs, four at a time, and gives the longest wait between two of them starting. */
  async function longestWaitBetweenStarts(foregroundWork?: () => number): Promise<number> {
    timedStarts.length = 0;
    await inTransaction(database.db, async (trx) => {
      for (let i = 0; i < 8; i++) await enqueueJob(trx, timed, { ms: 50 });
    });
    const worker = new JobWorker(ctx, { pollMs: 60_000, concurrency: 4, foregroundWork });
    worker.start();
    try {
      await expect.poll(() => timedStarts.length, { timeout: 10_000, interval: 10 }).toBe(8);
    } finally {
      await worker.stop();
    }
    return Math.max(...timedStarts.slice(1).map((start, i) => start - timedStarts[i]!));
  }

  it('pauses after each batch while requests keep coming, four times as long as the batch took', async () => {
    let requests = 0;
    const traffic = setInterval(() => requests++, 5);
    try {
      // A batch of 50-ms jobs takes at least 50 ms, so the pause after it is at least 200 ms.
      expect(await longestWaitBetweenStarts(() => requests)).toBeGreaterThanOrEqual(195);
    } finally {
      clearInterval(traffic);
    }
  });

  it('runs batch after batch when no requests come', async () => {
    expect(await longestWaitBetweenStarts(() => 0)).toBeLessThan(150);
  });
});

describe.runIf(ENGINE === 'postgres')('several workers on PostgreSQL', () => {
  it('never run the same job twice (FOR UPDATE SKIP LOCKED)', async () => {
    const others = [openDatabase(database.url), openDatabase(database.url), openDatabase(database.url)];
    try {
      const count = 120;
      await inTransaction(database.db, async (trx) => {
        for (let i = 0; i < count; i++) await enqueueJob(trx, record, { name: `job ${i}` }, { now: T0 });
      });
      const workers = others.map((other) => ({ ...ctx, db: other.db }));
      const claimedBy = await Promise.all(
        workers.map(async (worker, index) => {
          let claimed = 0;
          for (;;) {
            const summary = await runDueJobs(worker, { now: at(1), limit: 3, workerId: `w${index}` });
            if (summary.claimed === 0) return claimed;
            claimed += summary.claimed;
          }
        }),
      );
      expect(claimedBy.reduce((a, b) => a + b, 0)).toBe(count);
      expect(ran).toHaveLength(count);
      expect(new Set(ran).size).toBe(count);
      expect(claimedBy.filter((n) => n > 0).length).toBeGreaterThan(1);
    } finally {
      for (const other of others) await other.close();
    }
  });
});
