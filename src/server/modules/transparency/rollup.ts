import { type Compilable, sql } from 'kysely';
import type { Db } from '../../db/connection.js';
import { toIso, toIsoOrNull } from '../../db/dialect.js';
import { mergeAfterSavepoints } from '../../db/group-commit.js';
import { runPrepared } from '../../db/prepared.js';
import { onEvent } from '../../events/reactions.js';
import { localDay } from '../../lib/calendar-dates.js';
import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { officeCalendar } from '../calendar/storage.js';
import { newCaseFacts } from '../cases/new-case-facts.js';
import { findOfficeById } from '../offices/storage.js';
import { aggregatesChanged } from './generation.js';

/**
 * The dashboard's incremental aggregates. Each case or passport event adds (or takes back) counts in
 * `transparency_daily` — one row per office, day (office time zone), metric and bucket — in the same transaction
 * as the event, through `onEvent` reactions. Why not an outbox job: the counts are then exactly as committed (no
 * lag to explain on a public page, no replay bookkeeping), and each event costs one or two small upserts, which
 * is less than the event row itself. The dashboard sums at most a few thousand of these rows per request instead
 * of scanning cases.
 *
 * Metrics (bucket in brackets):
 *   received_type [case type] · received_channel [channel] · received_category [category id; confidential
 *   cases are never counted here] — on the day received;
 *   first_response [working days, rounded up] · sla_first_response [met|missed] — on the day of the first reply;
 *   resolution [working days from receipt, rounded up] · sla_resolution [met|missed] — on the day resolved;
 *   resolved_cohort [''] — on the day received, +1 while the case is resolved (so "share resolved" is of the
 *   cases received in the period);
 *   passport_stage [stage] — on the day an application entered the stage;
 *   passport_done [on_time|late] — on the day it became ready (or was collected without a ready stage).
 * A reopened case takes back exactly what its resolution added (`transparency_counted`).
 */
export type Metric =
  | 'received_type'
  | 'received_channel'
  | 'received_category'
  | 'first_response'
  | 'sla_first_response'
  | 'resolution'
  | 'sla_resolution'
  | 'resolved_cohort'
  | 'passport_stage'
  | 'passport_done';

export interface Count {
  officeId: string;
  day: string;
  metric: Metric;
  bucket: string;
  n: number;
}

/**
 * Adds counts to the day rows and the month rows: two upserts for all of them. Also used by the bench's seed to
 * build the same rows in bulk. Inside a group commit (db/group-commit.ts) the counts of all the group's events
 * are added together after its savepoints: thirty new cases on one day are two upserts, not sixty.
 */
export async function addCounts(db: Db, counts: readonly Count[]): Promise<void> {
  if (counts.length === 0) return;
  aggregatesChanged();
  await mergeAfterSavepoints(db, 'transparency-counts', counts, (batches) => writeCounts(db, batches.flat()));
}

async function writeCounts(db: Db, counts: readonly Count[]): Promise<void> {
  const days = sumByPeriod(counts, (c) => c.day).map((r) => ({
    office_id: r.office_id,
    day: r.period,
    metric: r.metric,
    bucket: r.bucket,
    n: r.n,
  }));
  await upsert(db, 'transparency_daily', days, () =>
    db
      .insertInto('transparency_daily')
      .values(days)
      .onConflict((oc) =>
        oc
          .columns(['office_id', 'day', 'metric', 'bucket'])
          .doUpdateSet({ n: sql<number>`transparency_daily.n + excluded.n` }),
      ),
  );
  const months = sumByPeriod(counts, (c) => c.day.slice(0, 7)).map((r) => ({
    office_id: r.office_id,
    month: r.period,
    metric: r.metric,
    bucket: r.bucket,
    n: r.n,
  }));
  await upsert(db, 'transparency_monthly', months, () =>
    db
      .insertInto('transparency_monthly')
      .values(months)
      .onConflict((oc) =>
        oc
          .columns(['office_id', 'month', 'metric', 'bucket'])
          .doUpdateSet({ n: sql<number>`transparency_monthly.n + excluded.n` }),
      ),
  );
}

/**
 * Upserts of up to this many rows (a group commit's worth of new cases meets a few types, channels and
 * categories) are compiled once per row count (db/prepared.ts). The seed's bulk upserts of thousands of rows are
 * built each time instead of being kept.
 */
const MOST_ROWS_PREPARED = 16;

async function upsert(
  db: Db,
  table: 'transparency_daily' | 'transparency_monthly',
  rows: readonly Record<string, string | number>[],
  build: () => Compilable<unknown> & { execute(): Promise<unknown> },
): Promise<void> {
  if (rows.length > MOST_ROWS_PREPARED) {
    await build().execute();
    return;
  }
  await runPrepared(
    db,
    `${table}-upsert:${rows.length}`,
    build,
    rows.flatMap((row) => Object.values(row)),
  );
}

interface PeriodRow {
  office_id: string;
  period: string;
  metric: string;
  bucket: string;
  n: number;
}

/**
 * One row per office, period, metric and bucket, in the order first met: several counts may fall into the same
 * one (and one upsert may not update a row twice on PostgreSQL).
 */
function sumByPeriod(counts: readonly Count[], periodOf: (count: Count) => string): PeriodRow[] {
  const rows = new Map<string, PeriodRow>();
  for (const c of counts) {
    const period = periodOf(c);
    const key = `${c.officeId}|${period}|${c.metric}|${c.bucket}`;
    const found = rows.get(key);
    if (found) found.n += c.n;
    else rows.set(key, { office_id: c.officeId, period, metric: c.metric, bucket: c.bucket, n: c.n });
  }
  return [...rows.values()];
}

/** Whole working days between two instants, rounded up: 1 means "within the first working day". */
export function workingDaysBetween(calendar: BusinessCalendar | undefined, from: Date, to: Date): number {
  if (!calendar) return Math.max(0, Math.ceil((to.getTime() - from.getTime()) / 86_400_000));
  const minutes = calendar.workingMinutesBetween(from, to);
  const perDay = calendar.workingDayMinutes || 480;
  return Math.max(0, Math.ceil(minutes / perDay));
}

async function timeZoneOf(db: Db, officeId: string): Promise<string> {
  return (await findOfficeById(db, officeId))?.timeZone ?? 'Asia/Jakarta';
}

/** What a case received on `receivedAt` adds. */
export function receivedCounts(
  officeId: string,
  day: string,
  c: { type: string; channel: string; categoryId: string | null; confidential: boolean },
): Count[] {
  const counts: Count[] = [
    { officeId, day, metric: 'received_type', bucket: c.type, n: 1 },
    { officeId, day, metric: 'received_channel', bucket: c.channel, n: 1 },
  ];
  if (c.categoryId && !c.confidential)
    counts.push({ officeId, day, metric: 'received_category', bucket: c.categoryId, n: 1 });
  return counts;
}

onEvent('case.created', async (trx, event) => {
  if (!event.caseId || !event.officeId) return;
  const facts = await newCaseFacts(trx, event);
  if (!facts) return;
  const day = localDay(await timeZoneOf(trx, event.officeId), facts.receivedAt);
  await addCounts(
    trx,
    receivedCounts(event.officeId, day, {
      type: event.payload.type,
      channel: event.payload.channel,
      categoryId: facts.categoryId,
      confidential: facts.confidential,
    }),
  );
});

// The first public reply: the event comes before addStaffMessage stamps first_response_at, so a case whose
// first_response_at is still empty is being answered for the first time.
onEvent('case.message_added', async (trx, event) => {
  if (event.payload.kind !== 'public_reply' || !event.caseId || !event.officeId) return;
  const row = await trx
    .selectFrom('cases')
    .select(['received_at', 'first_response_at', 'first_response_due_at', 'status'])
    .where('id', '=', event.caseId)
    .executeTakeFirst();
  if (!row || row.first_response_at !== null) return;
  if (row.status === 'resolved' || row.status === 'closed' || row.status === 'rejected') return;
  const officeId = event.officeId;
  const day = localDay(await timeZoneOf(trx, officeId), event.at);
  const days = workingDaysBetween(
    await officeCalendar(trx, officeId),
    new Date(toIso(row.received_at)),
    event.at,
  );
  const counts: Count[] = [{ officeId, day, metric: 'first_response', bucket: String(days), n: 1 }];
  const due = toIsoOrNull(row.first_response_due_at);
  if (due) {
    const met = event.at.getTime() <= Date.parse(due);
    counts.push({ officeId, day, metric: 'sla_first_response', bucket: met ? 'met' : 'missed', n: 1 });
  }
  await addCounts(trx, counts);
});

onEvent('case.status_changed', async (trx, event) => {
  if (!event.caseId || !event.officeId) return;
  const { from, to } = event.payload;
  if (to === 'resolved') await countResolution(trx, event.officeId, event.caseId, event.at);
  else if (from === 'resolved' && to !== 'closed') await takeBackResolution(trx, event.caseId);
});

async function countResolution(trx: Db, officeId: string, caseId: string, at: Date): Promise<void> {
  const row = await trx
    .selectFrom('cases')
    .select(['received_at', 'due_at'])
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!row) return;
  const timeZone = await timeZoneOf(trx, officeId);
  const receivedAt = new Date(toIso(row.received_at));
  const resolvedDay = localDay(timeZone, at);
  const receivedDay = localDay(timeZone, receivedAt);
  const days = workingDaysBetween(await officeCalendar(trx, officeId), receivedAt, at);
  const due = toIsoOrNull(row.due_at);
  const sla = due ? (at.getTime() <= Date.parse(due) ? 'met' : 'missed') : null;
  // A case resolved twice without a reopening in between cannot happen, but a retried reaction must not count twice.
  await takeBackResolution(trx, caseId);
  await addCounts(trx, resolutionCounts(officeId, { receivedDay, resolvedDay, days, sla }, 1));
  await trx
    .insertInto('transparency_counted')
    .values({
      case_id: caseId,
      office_id: officeId,
      received_day: receivedDay,
      resolved_day: resolvedDay,
      resolution_days: days,
      sla,
    })
    .execute();
}

export function resolutionCounts(
  officeId: string,
  r: { receivedDay: string; resolvedDay: string; days: number; sla: string | null },
  sign: 1 | -1,
): Count[] {
  const counts: Count[] = [
    { officeId, day: r.resolvedDay, metric: 'resolution', bucket: String(r.days), n: sign },
    { officeId, day: r.receivedDay, metric: 'resolved_cohort', bucket: '', n: sign },
  ];
  if (r.sla) counts.push({ officeId, day: r.resolvedDay, metric: 'sla_resolution', bucket: r.sla, n: sign });
  return counts;
}

async function takeBackResolution(trx: Db, caseId: string): Promise<void> {
  const counted = await trx
    .selectFrom('transparency_counted')
    .selectAll()
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!counted) return;
  await addCounts(
    trx,
    resolutionCounts(
      counted.office_id,
      {
        receivedDay: counted.received_day,
        resolvedDay: counted.resolved_day,
        days: counted.resolution_days,
        sla: counted.sla,
      },
      -1,
    ),
  );
  await trx.deleteFrom('transparency_counted').where('case_id', '=', caseId).execute();
}

onEvent('passport.application_created', async (trx, event) => {
  if (!event.officeId) return;
  const day = localDay(await timeZoneOf(trx, event.officeId), event.at);
  await addCounts(trx, [
    { officeId: event.officeId, day, metric: 'passport_stage', bucket: event.payload.stage, n: 1 },
  ]);
});

onEvent('passport.stage_changed', async (trx, event) => {
  if (!event.officeId) return;
  const { from, to, at, applicationId } = event.payload;
  const when = new Date(at);
  const officeId = event.officeId;
  const day = localDay(await timeZoneOf(trx, officeId), Number.isNaN(when.getTime()) ? event.at : when);
  const counts: Count[] = [{ officeId, day, metric: 'passport_stage', bucket: to, n: 1 }];
  const finished = to === 'ready_for_pickup' || (to === 'collected' && from !== 'ready_for_pickup');
  if (finished) {
    const row = await trx
      .selectFrom('passport_applications')
      .select('expected_at')
      .where('id', '=', applicationId)
      .executeTakeFirst();
    const expected = row ? toIsoOrNull(row.expected_at) : null;
    if (expected) {
      const onTime = when.getTime() <= Date.parse(expected);
      counts.push({ officeId, day, metric: 'passport_done', bucket: onTime ? 'on_time' : 'late', n: 1 });
    }
  }
  await addCounts(trx, counts);
});
