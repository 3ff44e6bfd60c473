import type { Db } from '../../db/connection.js';
import { toIso } from '../../db/dialect.js';
import type { CalendarDayKind } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import { BusinessCalendar, type DayHours } from './business-calendar.js';

/**
 * Office calendars in memory: working hours and closed days change a few times a year and every case creation
 * reads them. All offices' calendars are loaded together (a few hundred rows) and kept for TTL_MS, or until this
 * process changes one; each calendar then caches the days it has computed.
 */
const TTL_MS = 10_000;

interface Snapshot {
  loadedAt: number;
  calendars: Map<string, BusinessCalendar>;
}

const snapshots = new WeakMap<object, Snapshot>();
const keyOf = (db: Db) => db.getExecutor().adapter;

export interface CalendarDay {
  id: string;
  officeId: string | null;
  date: string;
  kind: CalendarDayKind;
  name: { id: string; en: string };
  source: string | null;
}

export interface WorkingHours {
  weekday: number;
  opens: number;
  closes: number;
}

async function load(db: Db): Promise<Snapshot> {
  const [offices, hours, days] = await Promise.all([
    db.selectFrom('offices').select(['id', 'time_zone']).execute(),
    db.selectFrom('office_working_hours').selectAll().execute(),
    db.selectFrom('calendar_days').select(['office_id', 'date']).execute(),
  ]);
  const national = days.filter((d) => d.office_id === null).map((d) => d.date);
  const calendars = new Map<string, BusinessCalendar>();
  for (const office of offices) {
    const week: [number, number][][] = [[], [], [], [], [], [], [], []];
    for (const h of hours) if (h.office_id === office.id) week[h.weekday]!.push([h.opens, h.closes]);
    const own = days.filter((d) => d.office_id === office.id).map((d) => d.date);
    calendars.set(
      office.id,
      new BusinessCalendar({
        timeZone: office.time_zone,
        week: week as DayHours[],
        closedDates: [...national, ...own],
      }),
    );
  }
  const snapshot = { loadedAt: Date.now(), calendars };
  snapshots.set(keyOf(db), snapshot);
  return snapshot;
}

/** The office's calendar; undefined for an unknown office. */
export async function officeCalendar(db: Db, officeId: string): Promise<BusinessCalendar | undefined> {
  let snapshot = snapshots.get(keyOf(db));
  if (!snapshot || Date.now() - snapshot.loadedAt >= TTL_MS) snapshot = await load(db);
  let calendar = snapshot.calendars.get(officeId);
  // An office created a moment ago by this or another instance.
  if (!calendar) calendar = (await load(db)).calendars.get(officeId);
  return calendar;
}

export function invalidateCalendars(db: Db): void {
  snapshots.delete(keyOf(db));
}

export async function listWorkingHours(db: Db, officeId: string): Promise<WorkingHours[]> {
  return db
    .selectFrom('office_working_hours')
    .select(['weekday', 'opens', 'closes'])
    .where('office_id', '=', officeId)
    .orderBy('weekday')
    .orderBy('opens')
    .execute();
}

export async function replaceWorkingHours(db: Db, officeId: string, hours: WorkingHours[]): Promise<void> {
  await db.deleteFrom('office_working_hours').where('office_id', '=', officeId).execute();
  if (hours.length)
    await db
      .insertInto('office_working_hours')
      .values(hours.map((h) => ({ office_id: officeId, ...h })))
      .execute();
}

/** National days and the office's own closures in a year, by date. */
export async function listCalendarDays(db: Db, officeId: string, year: number): Promise<CalendarDay[]> {
  const rows = await db
    .selectFrom('calendar_days')
    .selectAll()
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year}-12-31`)
    .where((eb) => eb.or([eb('office_id', 'is', null), eb('office_id', '=', officeId)]))
    .orderBy('date')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    officeId: r.office_id,
    date: r.date,
    kind: r.kind,
    name: { id: r.name_id, en: r.name_en },
    source: r.source,
  }));
}

export async function findCalendarDay(db: Db, id: string) {
  return db.selectFrom('calendar_days').selectAll().where('id', '=', id).executeTakeFirst();
}

/** True when the date is already closed for that scope (the same office, or nationally). */
export async function calendarDayExists(db: Db, officeId: string | null, date: string): Promise<boolean> {
  const row = await db
    .selectFrom('calendar_days')
    .select('id')
    .where('date', '=', date)
    .where((eb) => (officeId === null ? eb('office_id', 'is', null) : eb('office_id', '=', officeId)))
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertCalendarDay(
  db: Db,
  day: Omit<CalendarDay, 'id'>,
  now: Date,
): Promise<CalendarDay> {
  const id = newId(now.getTime());
  await db
    .insertInto('calendar_days')
    .values({
      id,
      office_id: day.officeId,
      date: day.date,
      kind: day.kind,
      name_id: day.name.id,
      name_en: day.name.en,
      source: day.source,
      created_at: toIso(now),
    })
    .execute();
  return { id, ...day };
}

export async function deleteCalendarDay(db: Db, id: string): Promise<void> {
  await db.deleteFrom('calendar_days').where('id', '=', id).execute();
}
