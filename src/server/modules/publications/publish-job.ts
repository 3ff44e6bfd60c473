import { Type } from 'typebox';
import { defineJob } from '../../jobs/registry.js';
import { publishDue } from './publication-commands.js';

/** Puts an approved, scheduled publication live at its time (enqueued with `runAt` by the approval). */
export const publishDueJob = defineJob('publications.publish-due', {
  payload: Type.Object({ publicationId: Type.String() }),
  async run(ctx, payload) {
    const outcome = await publishDue(ctx.db, ctx.config.secret, payload.publicationId, ctx.now());
    ctx.log.info({ publicationId: payload.publicationId, outcome }, 'scheduled publication');
  },
});
