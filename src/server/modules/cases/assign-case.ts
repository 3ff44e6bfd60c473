import type { Db } from '../../db/connection.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../events/catalogue.js';
import { recordEvent } from '../../events/record-event.js';
import { inTransaction } from '../../lib/transaction.js';
import { findUserById } from '../accounts/storage.js';
import type { Case } from './model.js';
import { findCaseByTrackingCode, updateCaseAtVersion } from './storage.js';

export interface Assignment {
  expectedVersion: number;
  /** A staff member of the case's office who handles cases; null unassigns. Undefined leaves it. */
  assigneeId?: string | null;
  /** A team of the case's office; null clears. Undefined leaves it. */
  teamId?: string | null;
}

/** Assigns a case to a person and/or a team of its office. */
export async function assignCase(
  db: Db,
  actor: Actor,
  trackingCode: string,
  input: Assignment,
  now = new Date(),
): Promise<Case> {
  return inTransaction(db, async (trx) => {
    const current = await findCaseByTrackingCode(trx, trackingCode);
    if (!current) throw new AppError('case_not_found');
    if (input.expectedVersion !== current.version) {
      throw new AppError('version_conflict', { currentVersion: current.version });
    }
    const assigneeId = input.assigneeId === undefined ? current.assigneeId : input.assigneeId;
    const teamId = input.teamId === undefined ? current.teamId : input.teamId;
    if (assigneeId !== null && assigneeId !== current.assigneeId) {
      const assignee = await findUserById(trx, assigneeId);
      const handles = assignee?.roles.some((r) => r === 'agent' || r === 'supervisor');
      const office = assignee && (assignee.officeId === null || assignee.officeId === current.officeId);
      if (!assignee || assignee.disabled || !handles || !office)
        throw new AppError('validation_failed', { errors: [{ field: 'assigneeId', code: 'invalid' }] });
    }
    if (teamId !== null && teamId !== current.teamId) {
      const team = await trx
        .selectFrom('teams')
        .select('office_id')
        .where('id', '=', teamId)
        .executeTakeFirst();
      if (!team || team.office_id !== current.officeId)
        throw new AppError('validation_failed', { errors: [{ field: 'teamId', code: 'invalid' }] });
    }
    if (assigneeId === current.assigneeId && teamId === current.teamId) return current;
    const at = now.toISOString();
    if (
      !(await updateCaseAtVersion(trx, current.id, current.version, {
        assignee_id: assigneeId,
        team_id: teamId,
        updated_at: at,
      }))
    ) {
      throw new AppError('version_conflict');
    }
    await recordEvent(trx, {
      type: 'case.assigned',
      actor,
      officeId: current.officeId,
      caseId: current.id,
      payload: { assigneeId, teamId, previousAssigneeId: current.assigneeId, previousTeamId: current.teamId },
      at: now,
    });
    return { ...current, assigneeId, teamId, updatedAt: at, version: current.version + 1 };
  });
}
