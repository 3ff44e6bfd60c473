import { randomInt } from 'node:crypto';
import { Type } from 'typebox';
import { CITIZEN_ACTOR } from '../../events/catalogue.js';
import { recordEvent } from '../../events/record-event.js';
import { defineJob, definePeriodicJob } from '../../jobs/registry.js';
import { dayOf } from './reports.js';

/**
 * Reporter activity (a new report, a reporter's message) reaches the event trail — and so the audit chain — in a
 * batch after its day has ended, timed at the start of that day and in random order. Written at once, an event's
 * time, id (UUIDv7) and place in the chain would tell when the reporter acted to the minute, which GlobaLeaks'
 * practice and our promise ("day only") rule out. Officers' own actions are recorded at once.
 */
export const recordReporterActivity = defineJob('integrity.record-activity', {
  payload: Type.Object({}),
  async run(ctx) {
    const today = dayOf(ctx.now());
    const pending = await ctx.db
      .selectFrom('integrity_reports')
      .select(['id', 'office_id', 'last_activity_day', 'unrecorded_activity', 'message_count'])
      .where('unrecorded_activity', '>', 0)
      .where('last_activity_day', '<', today)
      .execute();
    // Fisher–Yates: the order of the batch says nothing about the order of submissions.
    for (let i = pending.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [pending[i], pending[j]] = [pending[j]!, pending[i]!];
    }
    for (const report of pending) {
      if (ctx.signal.aborted) break;
      await ctx.db.transaction().execute(async (trx) => {
        const cleared = await trx
          .updateTable('integrity_reports')
          .set({ unrecorded_activity: 0 })
          .where('id', '=', report.id)
          .where('unrecorded_activity', '=', report.unrecorded_activity)
          .executeTakeFirst();
        if (Number(cleared.numUpdatedRows) !== 1) return;
        await recordEvent(trx, {
          type: 'integrity.reporter_activity',
          actor: CITIZEN_ACTOR,
          officeId: report.office_id,
          payload: { reportId: report.id, day: report.last_activity_day, count: report.unrecorded_activity },
          at: new Date(`${report.last_activity_day}T00:00:00.000Z`),
        });
      });
    }
    // Unlocked keys that expired: remove the sealed copies.
    await ctx.db.deleteFrom('integrity_unlocks').where('expires_at', '<=', ctx.now().toISOString()).execute();
  },
});

definePeriodicJob(recordReporterActivity, { everyMs: 3_600_000, payload: () => ({}) });
