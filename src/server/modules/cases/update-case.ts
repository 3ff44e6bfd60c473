import type { Priority } from '../../../shared/enums.js';
import type { Db } from '../../db/connection.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../events/catalogue.js';
import { recordEvent } from '../../events/record-event.js';
import { inTransaction } from '../../lib/transaction.js';
import { findCategoryByCode } from '../offices/storage.js';
import { recomputeDueTimes } from '../service-levels/due-times.js';
import type { Case } from './model.js';
import { findCaseByTrackingCode, updateCaseAtVersion } from './storage.js';

export interface CaseEdit {
  expectedVersion: number;
  priority?: Priority;
  /** A category of the case's office; null clears it. */
  categoryCode?: string | null;
}

/** Staff edits of a case's classification. Only real changes are stored and logged. */
export async function updateCase(
  db: Db,
  actor: Actor,
  trackingCode: string,
  edit: CaseEdit,
  now = new Date(),
): Promise<Case> {
  return inTransaction(db, async (trx) => {
    const current = await findCaseByTrackingCode(trx, trackingCode);
    if (!current) throw new AppError('case_not_found');
    if (edit.expectedVersion !== current.version) {
      throw new AppError('version_conflict', { currentVersion: current.version });
    }
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const next: Case = { ...current };
    if (edit.priority !== undefined && edit.priority !== current.priority) {
      changes.priority = { from: current.priority, to: edit.priority };
      next.priority = edit.priority;
    }
    if (edit.categoryCode !== undefined) {
      const category = edit.categoryCode
        ? await findCategoryByCode(trx, current.officeId, edit.categoryCode)
        : null;
      if (edit.categoryCode && !category) throw new AppError('unknown_category', { field: 'categoryCode' });
      if ((category?.id ?? null) !== current.categoryId) {
        changes.category = { from: current.categoryId, to: category?.id ?? null };
        next.categoryId = category?.id ?? null;
        next.serviceId = category ? category.service_id : current.serviceId;
      }
    }
    if (Object.keys(changes).length === 0) return current;
    const at = now.toISOString();
    // Another category or priority may fall under another service-level policy.
    const dueTimes = await recomputeDueTimes(trx, next);
    const updated = await updateCaseAtVersion(trx, current.id, current.version, {
      priority: next.priority,
      category_id: next.categoryId,
      service_id: next.serviceId,
      updated_at: at,
      ...dueTimes,
    });
    if (!updated) throw new AppError('version_conflict');
    await recordEvent(trx, {
      type: 'case.updated',
      actor,
      officeId: current.officeId,
      caseId: current.id,
      payload: { changes },
      at: now,
    });
    return {
      ...next,
      updatedAt: at,
      version: current.version + 1,
      dueAt: dueTimes.due_at,
      dueWarnAt: dueTimes.due_warn_at,
      firstResponseDueAt: dueTimes.first_response_due_at,
      firstResponseWarnAt: dueTimes.first_response_warn_at,
    };
  });
}
