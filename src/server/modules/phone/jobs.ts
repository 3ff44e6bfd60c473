import { Type } from 'typebox';
import { defineJob, definePeriodicJob } from '../../jobs/registry.js';
import { SIGNAL_RETENTION_MS } from './cti.js';

/** Screen pops are only of use for seconds; older ones are removed so the table stays small. */
export const sweepSignalsJob = defineJob('phone.sweep-signals', {
  payload: Type.Object({ slot: Type.String() }),
  maxAttempts: 3,
  async run(ctx) {
    const before = new Date(ctx.now().getTime() - SIGNAL_RETENTION_MS).toISOString();
    await ctx.db.deleteFrom('staff_signals').where('created_at', '<', before).execute();
  },
});

definePeriodicJob(sweepSignalsJob, {
  everyMs: 15 * 60_000,
  payload: (slot) => ({ slot: slot.toISOString() }),
});
