import { Type } from 'typebox';
import { pruneFinishedJobs } from './job-storage.js';
import { defineJob, definePeriodicJob } from './registry.js';

/** How long finished jobs are kept: their dedupe keys keep a repeated enqueue a no-op for this long. */
export const DONE_JOB_RETENTION_MS = 3 * 24 * 3_600_000;

export const pruneJobs = defineJob('jobs.prune', {
  payload: Type.Object({}),
  async run(ctx) {
    const removed = await pruneFinishedJobs(ctx.db, new Date(ctx.now().getTime() - DONE_JOB_RETENTION_MS));
    if (removed) ctx.log.info({ removed }, 'finished jobs pruned');
  },
});

definePeriodicJob(pruneJobs, { everyMs: 3_600_000, payload: () => ({}) });
