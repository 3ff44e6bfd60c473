import type { Db } from '../../db/connection.js';
import { officeCalendar } from '../calendar/storage.js';
import { referenceDataNow } from '../offices/reference-data.js';
import { classificationsIn, findClassifications, findOfficeById } from '../offices/storage.js';
import type { Case } from './model.js';
import type { CaseContext } from './presenters.js';

/** The office and classification names a set of cases needs to be presented. */
type CaseReferences = Pick<Case, 'officeId' | 'serviceId' | 'categoryId' | 'mergedIntoId'>;

export async function loadCaseContexts(
  db: Db,
  cases: readonly CaseReferences[],
): Promise<Map<string, CaseContext>> {
  const officeIds = [...new Set(cases.map((c) => c.officeId))];
  const serviceIds = [...new Set(cases.flatMap((c) => (c.serviceId ? [c.serviceId] : [])))];
  const categoryIds = [...new Set(cases.flatMap((c) => (c.categoryId ? [c.categoryId] : [])))];
  const [offices, classifications, calendars] = await Promise.all([
    Promise.all(officeIds.map((id) => findOfficeById(db, id))),
    findClassifications(db, serviceIds, categoryIds),
    Promise.all(officeIds.map((id) => officeCalendar(db, id))),
  ]);
  const mergeTargets = [...new Set(cases.flatMap((c) => (c.mergedIntoId ? [c.mergedIntoId] : [])))];
  const mergedInto = new Map<string, string>();
  if (mergeTargets.length) {
    const rows = await db
      .selectFrom('cases')
      .select(['id', 'tracking_code'])
      .where('id', 'in', mergeTargets)
      .execute();
    for (const row of rows) mergedInto.set(row.id, row.tracking_code);
  }
  const contexts = new Map<string, CaseContext>();
  for (const [index, office] of offices.entries())
    if (office) contexts.set(office.id, { office, classifications, mergedInto, calendar: calendars[index] });
  return contexts;
}

export async function loadCaseContext(db: Db, current: CaseReferences): Promise<CaseContext> {
  return (await loadCaseContexts(db, [current])).get(current.officeId)!;
}

/**
 * What the citizen's view of one case needs (office and classification names) without waiting: when the office
 * data is in memory and the case was not merged into another (whose code would have to be read). Otherwise
 * undefined, and the caller uses `loadCaseContext`.
 */
export function publicCaseContextNow(db: Db, current: CaseReferences): CaseContext | undefined {
  if (current.mergedIntoId) return undefined;
  const data = referenceDataNow(db);
  const office = data?.officesById.get(current.officeId);
  if (!data || !office) return undefined;
  const serviceIds = current.serviceId ? [current.serviceId] : [];
  const categoryIds = current.categoryId ? [current.categoryId] : [];
  return { office, classifications: classificationsIn(data, serviceIds, categoryIds) };
}
