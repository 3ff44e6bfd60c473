import { Type } from 'typebox';
import { defineJob, definePeriodicJob } from '../../jobs/registry.js';
import { chainPendingEvents } from './chainer.js';
import { publishCheckpoint } from './checkpoints.js';

/** How often the chainer looks for new events: the trail is tamper-evident within about this long. */
export const CHAIN_EVERY_MS = 15_000;

export const chainJob = defineJob('audit.chain', {
  payload: Type.Object({}),
  async run(ctx) {
    const run = await chainPendingEvents(ctx.db, { now: () => ctx.now(), signal: ctx.signal });
    if (run.chained) ctx.log.info({ chained: run.chained }, 'audit chain extended');
  },
});

export const checkpointJob = defineJob('audit.checkpoint', {
  payload: Type.Object({}),
  async run(ctx) {
    // Chain what is committed first, so the day's checkpoint covers it.
    await chainPendingEvents(ctx.db, { now: () => ctx.now(), signal: ctx.signal });
    if (ctx.signal.aborted) throw new Error('stopped before the checkpoint; it runs again');
    const checkpoint = await publishCheckpoint(ctx.db, ctx.config.dataDir, ctx.now());
    if (checkpoint) ctx.log.info({ seq: checkpoint.seq, day: checkpoint.day }, 'audit checkpoint published');
  },
});

definePeriodicJob(chainJob, { everyMs: CHAIN_EVERY_MS, payload: () => ({}) });
definePeriodicJob(checkpointJob, { everyMs: 24 * 3_600_000, payload: () => ({}) });
