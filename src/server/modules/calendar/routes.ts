import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { recordEvent } from '../../events/record-event.js';
import { LocalizedName, Nullable, problems, StringEnum, Uuid } from '../../http/schema-helpers.js';
import { requireStaffSession } from '../../http/staff-auth.js';
import { inTransaction } from '../../lib/transaction.js';
import type { StaffUser } from '../accounts/model.js';
import { authorizeAdmin } from '../accounts/policy.js';
import { findOfficeByCode } from '../offices/storage.js';
import { dayNumberOfDate, formatClock, parseClock } from './business-calendar.js';
import { publicHolidaysByRule } from './holidays.js';
import {
  calendarDayExists,
  deleteCalendarDay,
  findCalendarDay,
  insertCalendarDay,
  invalidateCalendars,
  listCalendarDays,
  listWorkingHours,
  replaceWorkingHours,
} from './storage.js';

/**
 * An office's working calendar: weekly hours in its time zone, national days (holidays and cuti bersama, shared
 * by all offices, kept by national administrators) and the office's own closures. Supervisors and auditors read
 * it; administrators change it.
 */
const tags = ['Service levels'];
const security = [{ staffSession: [] }];
const OfficeParams = Type.Object({ code: Type.String({ pattern: '^[A-Za-z]{2,5}$' }) });
const Clock = Type.String({
  pattern: '^([01]\\d|2[0-3]):[0-5]\\d$|^24:00$',
  description: 'HH:MM, local time',
});
const DateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const DAY_KINDS = ['holiday', 'collective_leave', 'closure'] as const;

const Hours = Type.Object({ weekday: Type.Integer({ minimum: 1, maximum: 7 }), opens: Clock, closes: Clock });
const Day = Type.Object({
  id: Type.String(),
  date: DateText,
  kind: StringEnum(DAY_KINDS),
  national: Type.Boolean(),
  name: LocalizedName,
  source: Nullable(Type.String()),
});
const Calendar = Type.Object({
  officeCode: Type.String(),
  timeZone: Type.String(),
  year: Type.Integer(),
  workingHours: Type.Array(Hours),
  days: Type.Array(Day),
  /** False until administrators enter the year's cuti bersama from the decree. */
  hasCollectiveLeave: Type.Boolean(),
  canEdit: Type.Boolean(),
  canEditNational: Type.Boolean(),
});

export function canReadServiceLevels(user: StaffUser, officeId: string): boolean {
  const inOffice = user.officeId === null || user.officeId === officeId;
  return inOffice && user.roles.some((r) => r === 'supervisor' || r === 'admin' || r === 'auditor');
}

export function authorizeServiceLevelReading(user: StaffUser, officeId: string): void {
  if (!user.roles.some((r) => r === 'supervisor' || r === 'admin' || r === 'auditor'))
    throw new AppError('forbidden');
  if (!canReadServiceLevels(user, officeId)) throw new AppError('not_found');
}

/** National days concern every office: only a national administrator (no office) changes them. */
function authorizeNational(user: StaffUser): void {
  if (!user.roles.includes('admin') || user.officeId !== null) throw new AppError('forbidden');
}

const invalid = (field: string, code = 'invalid') =>
  new AppError('validation_failed', { errors: [{ field, code }] });

export const calendarRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const { db } = ctx;
  requireStaffSession(app, ctx);

  async function office(code: string) {
    const found = await findOfficeByCode(db, code.toUpperCase());
    if (!found) throw new AppError('not_found');
    return found;
  }

  async function present(
    user: StaffUser,
    found: { id: string; code: string; timeZone: string },
    year: number,
  ) {
    const [hours, days] = await Promise.all([
      listWorkingHours(db, found.id),
      listCalendarDays(db, found.id, year),
    ]);
    return {
      officeCode: found.code,
      timeZone: found.timeZone,
      year,
      workingHours: hours.map((h) => ({
        weekday: h.weekday,
        opens: formatClock(h.opens),
        closes: formatClock(h.closes),
      })),
      days: days.map((d) => ({
        id: d.id,
        date: d.date,
        kind: d.kind,
        national: d.officeId === null,
        name: d.name,
        source: d.source,
      })),
      hasCollectiveLeave: days.some((d) => d.kind === 'collective_leave' && d.officeId === null),
      canEdit: user.roles.includes('admin') && (user.officeId === null || user.officeId === found.id),
      canEditNational: user.roles.includes('admin') && user.officeId === null,
    };
  }

  app.get(
    '/offices/:code/calendar',
    {
      schema: {
        tags,
        security,
        summary: 'The office’s working hours and closed days of a year',
        params: OfficeParams,
        querystring: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }),
        response: { 200: Calendar, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const found = await office(request.params.code);
      authorizeServiceLevelReading(request.staff, found.id);
      return present(request.staff, found, request.query.year);
    },
  );

  app.put(
    '/offices/:code/calendar/working-hours',
    {
      schema: {
        tags,
        security,
        summary:
          'Replace the office’s weekly working hours (several periods a day allowed, e.g. a lunch break)',
        params: OfficeParams,
        body: Type.Object({ hours: Type.Array(Hours, { maxItems: 28 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ workingHours: Type.Array(Hours) }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const found = await office(request.params.code);
      authorizeAdmin(request.staff, found.id);
      const hours = request.body.hours
        .map((h) => ({ weekday: h.weekday, opens: parseClock(h.opens), closes: parseClock(h.closes) }))
        .sort((a, b) => a.weekday - b.weekday || a.opens - b.opens);
      for (const [index, h] of hours.entries()) {
        if (h.closes <= h.opens) throw invalid(`hours.${index}.closes`, 'before_opening');
        const previous = hours[index - 1];
        if (previous && previous.weekday === h.weekday && previous.closes > h.opens)
          throw invalid(`hours.${index}.opens`, 'overlap');
      }
      if (hours.length === 0) throw invalid('hours', 'no_working_time');
      const now = new Date();
      await inTransaction(db, async (trx) => {
        await replaceWorkingHours(trx, found.id, hours);
        await recordEvent(trx, {
          type: 'service_level.saved',
          actor: request.actor,
          officeId: found.id,
          payload: { kind: 'working_hours', id: found.id },
          at: now,
        });
      });
      invalidateCalendars(db);
      return {
        workingHours: hours.map((h) => ({
          weekday: h.weekday,
          opens: formatClock(h.opens),
          closes: formatClock(h.closes),
        })),
      };
    },
  );

  app.post(
    '/offices/:code/calendar/days',
    {
      schema: {
        tags,
        security,
        summary:
          'Close a date: an office closure, or (national administrators) a national holiday or cuti bersama',
        params: OfficeParams,
        body: Type.Object(
          {
            date: DateText,
            kind: StringEnum(DAY_KINDS),
            national: Type.Boolean({ default: false }),
            nameId: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
            nameEn: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
            source: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Day, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const found = await office(request.params.code);
      authorizeAdmin(request.staff, found.id);
      const body = request.body;
      if (body.national) authorizeNational(request.staff);
      if (!body.national && body.kind !== 'closure') throw invalid('kind', 'office_days_are_closures');
      try {
        dayNumberOfDate(body.date);
        if (new Date(`${body.date}T00:00:00Z`).toISOString().slice(0, 10) !== body.date) throw new Error();
      } catch {
        throw invalid('date');
      }
      const officeId = body.national ? null : found.id;
      if (await calendarDayExists(db, officeId, body.date)) throw new AppError('conflict', { field: 'date' });
      const now = new Date();
      const day = await inTransaction(db, async (trx) => {
        const saved = await insertCalendarDay(
          trx,
          {
            officeId,
            date: body.date,
            kind: body.kind,
            name: { id: body.nameId.trim(), en: body.nameEn.trim() },
            source: body.source?.trim() || null,
          },
          now,
        );
        await recordEvent(trx, {
          type: 'service_level.saved',
          actor: request.actor,
          officeId: found.id,
          payload: { kind: 'calendar_day', id: saved.id },
          at: now,
        });
        return saved;
      });
      invalidateCalendars(db);
      return reply.code(201).send({ ...day, national: officeId === null });
    },
  );

  app.delete(
    '/calendar/days/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Reopen a closed date',
        params: Type.Object({ id: Uuid }),
        response: { 204: Type.Null(), ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const day = await findCalendarDay(db, request.params.id);
      if (!day) throw new AppError('not_found');
      if (day.office_id === null) authorizeNational(request.staff);
      else authorizeAdmin(request.staff, day.office_id);
      const now = new Date();
      await inTransaction(db, async (trx) => {
        await deleteCalendarDay(trx, day.id);
        await recordEvent(trx, {
          type: 'service_level.saved',
          actor: request.actor,
          officeId: day.office_id,
          payload: { kind: 'calendar_day', id: day.id, deleted: true },
          at: now,
        });
      });
      invalidateCalendars(db);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/calendar/public-holidays',
    {
      schema: {
        tags,
        security,
        summary:
          'Add a year’s national public holidays computed by rule (date-holidays); cuti bersama is entered from the decree',
        body: Type.Object(
          { year: Type.Integer({ minimum: 2026, maximum: 2100 }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ added: Type.Integer(), skipped: Type.Integer() }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      authorizeNational(request.staff);
      const now = new Date();
      let added = 0;
      let skipped = 0;
      await inTransaction(db, async (trx) => {
        for (const day of publicHolidaysByRule(request.body.year)) {
          if (await calendarDayExists(trx, null, day.date)) {
            skipped++;
            continue;
          }
          const saved = await insertCalendarDay(
            trx,
            {
              officeId: null,
              date: day.date,
              kind: day.kind,
              name: { id: day.nameId, en: day.nameEn },
              source: day.source,
            },
            now,
          );
          await recordEvent(trx, {
            type: 'service_level.saved',
            actor: request.actor,
            officeId: null,
            payload: { kind: 'calendar_day', id: saved.id },
            at: now,
          });
          added++;
        }
      });
      invalidateCalendars(db);
      return { added, skipped };
    },
  );
};
