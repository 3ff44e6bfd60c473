import type { Db } from '../../db/connection.js';
import { AppError } from '../../errors.js';
import type { Actor, PassportChangeSource } from '../../events/catalogue.js';
import { inTransaction } from '../../lib/transaction.js';
import { type ApplicationInput, applyRecords, type Plan } from './apply.js';
import { type Stage, stageNeedsNote } from './model.js';
import type { StoredApplication } from './storage.js';

export interface StageChange {
  stage: Stage;
  at: Date;
  officer?: string | null;
  note?: string | null;
}

/** The stored application as a record, so a single stage change goes through the same path as imports. */
export function asInput(app: StoredApplication, change: StageChange): ApplicationInput {
  return {
    applicationNumber: app.applicationNumber,
    applicantName: app.applicantName,
    birthDate: app.birthDate,
    passportKind: app.passportKind,
    validityYears: app.validityYears,
    service: app.service,
    speed: app.speed,
    stage: change.stage,
    stageAt: change.at.toISOString(),
    stageOfficer: change.officer ?? null,
    stageNote: change.note ?? null,
  };
}

/**
 * Moves an application to a stage (staff in the console, the office's system through the API). Refused moves
 * answer `invalid_transition`; a stage that needs a note (missing documents, reason of a refusal) without one,
 * `reason_required`.
 */
export async function changeStage(
  db: Db,
  actor: Actor,
  app: StoredApplication,
  change: StageChange,
  options: { source: PassportChangeSource; now: Date },
): Promise<Plan> {
  if (stageNeedsNote(change.stage) && !change.note?.trim())
    throw new AppError('reason_required', { field: 'note' });
  const result = await inTransaction(db, (trx) =>
    applyRecords(trx, actor, app.officeId, [asInput(app, change)], options),
  );
  const plan = result.results[0]!.plan;
  if (plan.kind === 'invalid_transition')
    throw new AppError('invalid_transition', { from: plan.from, to: plan.to });
  if (plan.kind === 'stale')
    throw new AppError('validation_failed', { errors: [{ field: 'at', code: 'before_current_stage' }] });
  return plan;
}
