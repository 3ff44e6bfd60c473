import type { Db } from '../../db/connection.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../events/catalogue.js';
import { recordEvent } from '../../events/record-event.js';
import { inTransaction } from '../../lib/transaction.js';
import type { Case } from './model.js';
import { isFinal } from './status-machine.js';
import { findCaseByTrackingCode, updateCaseAtVersion } from './storage.js';

/** Marks two cases of one office as related, both ways. Linking twice is harmless. */
export async function linkCases(db: Db, actor: Actor, from: Case, to: Case, now = new Date()): Promise<void> {
  if (from.id === to.id || from.officeId !== to.officeId)
    throw new AppError('invalid_merge', { field: 'relatedTrackingCode' });
  await inTransaction(db, async (trx) => {
    if (!(await insertLinks(trx, from, to, now))) return;
    for (const [a, b] of [
      [from, to],
      [to, from],
    ] as const) {
      await recordEvent(trx, {
        type: 'case.linked',
        actor,
        officeId: a.officeId,
        caseId: a.id,
        payload: { relatedCaseId: b.id, relatedTrackingCode: b.trackingCode },
        at: now,
      });
    }
  });
}

/** Stores the link both ways; false when it already existed. */
async function insertLinks(trx: Db, a: Case, b: Case, now: Date): Promise<boolean> {
  const existing = await trx
    .selectFrom('case_links')
    .select('case_id')
    .where('case_id', '=', a.id)
    .where('related_case_id', '=', b.id)
    .executeTakeFirst();
  if (existing) return false;
  const at = now.toISOString();
  await trx
    .insertInto('case_links')
    .values([
      { case_id: a.id, related_case_id: b.id, created_at: at },
      { case_id: b.id, related_case_id: a.id, created_at: at },
    ])
    .execute();
  return true;
}

/**
 * Merges a duplicate into the case that carries on. The duplicate is closed on the spot (whatever its status —
 * the one deliberate exception to the status machine), keeps its tracking code, and shows where it went.
 */
export async function mergeCase(
  db: Db,
  actor: Actor,
  duplicateCode: string,
  intoCode: string,
  expectedVersion: number,
  now = new Date(),
): Promise<Case> {
  return inTransaction(db, async (trx) => {
    const duplicate = await findCaseByTrackingCode(trx, duplicateCode);
    const into = await findCaseByTrackingCode(trx, intoCode);
    if (!duplicate || !into) throw new AppError('case_not_found');
    if (duplicate.version !== expectedVersion)
      throw new AppError('version_conflict', { currentVersion: duplicate.version });
    if (
      duplicate.id === into.id ||
      duplicate.officeId !== into.officeId ||
      into.mergedIntoId !== null ||
      duplicate.mergedIntoId !== null
    ) {
      throw new AppError('invalid_merge', { field: 'intoTrackingCode' });
    }
    const at = now.toISOString();
    const closing = !isFinal(duplicate.status);
    const changes = {
      merged_into_id: into.id,
      updated_at: at,
      ...(closing ? { status: 'closed' as const, closed_at: at, waiting_since: null } : {}),
    };
    if (!(await updateCaseAtVersion(trx, duplicate.id, duplicate.version, changes)))
      throw new AppError('version_conflict');
    await recordEvent(trx, {
      type: 'case.merged',
      actor,
      officeId: duplicate.officeId,
      caseId: duplicate.id,
      payload: { intoCaseId: into.id, intoTrackingCode: into.trackingCode },
      at: now,
    });
    if (closing) {
      await recordEvent(trx, {
        type: 'case.status_changed',
        actor,
        officeId: duplicate.officeId,
        caseId: duplicate.id,
        payload: { from: duplicate.status, to: 'closed', automatic: true },
        at: now,
      });
    }
    await insertLinks(trx, duplicate, into, now);
    await recordEvent(trx, {
      type: 'case.linked',
      actor,
      officeId: into.officeId,
      caseId: into.id,
      payload: { relatedCaseId: duplicate.id, relatedTrackingCode: duplicate.trackingCode },
      at: now,
    });
    return (await findCaseByTrackingCode(trx, duplicateCode))!;
  });
}
