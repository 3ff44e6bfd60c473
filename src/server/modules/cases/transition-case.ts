import type { CaseStatus } from '../../../shared/enums.js';
import type { Db } from '../../db/connection.js';
import type { CaseTable } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../events/catalogue.js';
import { recordEvent } from '../../events/record-event.js';
import { inTransaction } from '../../lib/transaction.js';
import { clockChangesOnTransition } from '../service-levels/due-times.js';
import type { Case } from './model.js';
import { canTransition, requiresReason } from './status-machine.js';
import { findCaseByTrackingCode, updateCaseAtVersion } from './storage.js';

export interface Transition {
  to: CaseStatus;
  /** Shown to the citizen; required when rejecting. */
  reason?: string;
  /** The version the actor saw; omitted only by automatic transitions that act on the current state. */
  expectedVersion?: number;
  automatic?: boolean;
}

/** The one way a case changes status: checks the state machine and the version, stamps the times, logs it. */
export async function transitionCase(
  db: Db,
  actor: Actor,
  trackingCode: string,
  transition: Transition,
  now = new Date(),
): Promise<Case> {
  return inTransaction(db, async (trx) => {
    const current = await findCaseByTrackingCode(trx, trackingCode);
    if (!current) throw new AppError('case_not_found');
    return applyTransition(trx, actor, current, transition, now);
  });
}

/** The transition on an already loaded case; the caller holds the transaction. */
export async function applyTransition(
  trx: Db,
  actor: Actor,
  current: Case,
  transition: Transition,
  now: Date,
): Promise<Case> {
  const { to } = transition;
  const reason = transition.reason?.trim() || undefined;
  if (transition.expectedVersion !== undefined && transition.expectedVersion !== current.version) {
    throw new AppError('version_conflict', { currentVersion: current.version });
  }
  if (!canTransition(current.status, to)) {
    throw new AppError('invalid_transition', { from: current.status, to });
  }
  if (requiresReason(to) && !reason) throw new AppError('reason_required', { field: 'reason' });

  const at = now.toISOString();
  // Waiting on the citizen pauses the service-level clock; the wait pushes the due times back when it ends.
  const clock = await clockChangesOnTransition(trx, current, to, now);
  const changes = { status: to, updated_at: at, ...timestampsFor(current, to, at, reason), ...clock };
  if (!(await updateCaseAtVersion(trx, current.id, current.version, changes))) {
    throw new AppError('version_conflict');
  }
  await recordEvent(trx, {
    type: 'case.status_changed',
    actor,
    officeId: current.officeId,
    caseId: current.id,
    payload: {
      from: current.status,
      to,
      ...(reason ? { reason } : {}),
      ...(transition.automatic ? { automatic: true } : {}),
    },
    at: now,
  });
  return {
    ...current,
    status: to,
    updatedAt: at,
    version: current.version + 1,
    waitingSince: changes.waiting_since === undefined ? current.waitingSince : changes.waiting_since,
    resolvedAt: changes.resolved_at === undefined ? current.resolvedAt : changes.resolved_at,
    closedAt: changes.closed_at === undefined ? current.closedAt : changes.closed_at,
    rejectionReason: changes.rejection_reason ?? current.rejectionReason,
    dueAt: clock.due_at === undefined ? current.dueAt : clock.due_at,
    dueWarnAt: clock.due_warn_at === undefined ? current.dueWarnAt : clock.due_warn_at,
    firstResponseDueAt:
      clock.first_response_due_at === undefined ? current.firstResponseDueAt : clock.first_response_due_at,
    firstResponseWarnAt:
      clock.first_response_warn_at === undefined ? current.firstResponseWarnAt : clock.first_response_warn_at,
  };
}

type TimestampChanges = Partial<
  Record<'waiting_since' | 'resolved_at' | 'closed_at', string | null> & Pick<CaseTable, 'rejection_reason'>
>;

function timestampsFor(current: Case, to: CaseStatus, at: string, reason?: string): TimestampChanges {
  switch (to) {
    case 'in_progress':
      // Reopening a resolved case clears the resolution; the history stays in the events.
      return current.status === 'resolved'
        ? { waiting_since: null, resolved_at: null }
        : { waiting_since: null };
    case 'waiting_on_citizen':
      return { waiting_since: at };
    case 'resolved':
      return { waiting_since: null, resolved_at: at };
    case 'closed':
      return { closed_at: at };
    case 'rejected':
      return { closed_at: at, rejection_reason: reason ?? null };
    case 'received':
      return {};
  }
}
