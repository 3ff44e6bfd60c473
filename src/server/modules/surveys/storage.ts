import type { Db } from '../../db/connection.js';
import { emptySums, SKM_ELEMENTS, type SkmSums } from './ikm.js';

export interface SumsFilter {
  officeId: string;
  /** Inclusive office calendar days. */
  from: string;
  to: string;
  serviceCode?: string;
}

const SUM_COLUMNS = ['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9'] as const;

function toSums(row: Record<string, unknown> | undefined): SkmSums {
  const result = emptySums();
  if (!row) return result;
  result.respondents = Number(row.respondents ?? 0);
  SKM_ELEMENTS.forEach((element, i) => {
    result.sums[element] = Number(row[SUM_COLUMNS[i]!] ?? 0);
  });
  return result;
}

/** SKM sums for an office (or one of its services) over a period, from the daily running sums. */
export async function loadSkmSums(db: Db, filter: SumsFilter): Promise<SkmSums> {
  const row = await db
    .selectFrom('skm_daily')
    .select((eb) => [
      eb.fn.sum<number>('respondents').as('respondents'),
      ...SUM_COLUMNS.map((c) => eb.fn.sum<number>(c).as(c)),
    ])
    .where('office_id', '=', filter.officeId)
    .where('day', '>=', filter.from)
    .where('day', '<=', filter.to)
    .$if(filter.serviceCode !== undefined, (q) => q.where('service_code', '=', filter.serviceCode!))
    .executeTakeFirst();
  return toSums(row as Record<string, unknown> | undefined);
}

/** The same sums per service. */
export async function loadSkmSumsByService(db: Db, filter: SumsFilter): Promise<Map<string, SkmSums>> {
  const rows = await db
    .selectFrom('skm_daily')
    .select((eb) => [
      'service_code',
      eb.fn.sum<number>('respondents').as('respondents'),
      ...SUM_COLUMNS.map((c) => eb.fn.sum<number>(c).as(c)),
    ])
    .where('office_id', '=', filter.officeId)
    .where('day', '>=', filter.from)
    .where('day', '<=', filter.to)
    .groupBy('service_code')
    .orderBy('service_code')
    .execute();
  return new Map(rows.map((row) => [row.service_code, toSums(row as Record<string, unknown>)]));
}

/** Sums per month (`YYYY-MM`) for trends; quarters are three of these added up. */
export async function loadSkmSumsByMonth(db: Db, filter: SumsFilter): Promise<Map<string, SkmSums>> {
  const rows = await db
    .selectFrom('skm_daily')
    .select((eb) => [
      eb.fn<string>('substr', ['day', eb.val(1), eb.val(7)]).as('month'),
      eb.fn.sum<number>('respondents').as('respondents'),
      ...SUM_COLUMNS.map((c) => eb.fn.sum<number>(c).as(c)),
    ])
    .where('office_id', '=', filter.officeId)
    .where('day', '>=', filter.from)
    .where('day', '<=', filter.to)
    .groupBy(['month'])
    .execute();
  return new Map(rows.map((row) => [String(row.month), toSums(row as Record<string, unknown>)]));
}

export async function findFollowUpPlan(
  db: Db,
  officeId: string,
  period: { from: string; to: string },
): Promise<{ plan: string; updatedAt: string } | undefined> {
  const row = await db
    .selectFrom('skm_follow_ups')
    .select(['plan', 'updated_at'])
    .where('office_id', '=', officeId)
    .where('period_from', '=', period.from)
    .where('period_to', '=', period.to)
    .executeTakeFirst();
  return row && { plan: row.plan, updatedAt: new Date(row.updated_at).toISOString() };
}
