import { Type } from 'typebox';
import { IsoDateTime, Nullable, StringEnum } from '../../http/schema-helpers.js';

export const SLA_STATES = ['none', 'on_track', 'due_soon', 'breached', 'paused', 'met'] as const;

/** Where a case stands against its service level (see due-times.ts, slaStanding). */
export const SlaStandingSchema = Type.Object({
  clock: Nullable(StringEnum(['first_response', 'resolution'] as const)),
  state: StringEnum(SLA_STATES),
  dueAt: Nullable(IsoDateTime),
  remainingWorkingMinutes: Nullable(
    Type.Integer({
      description: 'Working minutes left; negative when overdue; frozen while waiting on the citizen.',
    }),
  ),
});
