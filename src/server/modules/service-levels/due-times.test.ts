import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../calendar/business-calendar.js';
import { NATIONAL_DAYS_2026 } from '../calendar/holidays.js';
import { computeDueTimes, nextCheck, slaStanding } from './due-times.js';
import { type ServiceLevelPolicy, selectPolicy, sortBySpecificity } from './policies.js';

const weekdays: [number, number][][] = [
  [],
  [[480, 960]],
  [[480, 960]],
  [[480, 960]],
  [[480, 960]],
  [[480, 960]],
  [],
  [],
];
const calendar = new BusinessCalendar({
  timeZone: 'Asia/Jakarta',
  week: weekdays,
  closedDates: NATIONAL_DAYS_2026.map((d) => d.date),
});
const wib = (local: string) => new Date(`${local}+07:00`);

function policy(overrides: Partial<ServiceLevelPolicy>): ServiceLevelPolicy {
  return {
    id: overrides.id ?? 'p',
    officeId: 'o',
    name: 'p',
    caseType: null,
    serviceId: null,
    categoryId: null,
    priority: null,
    firstResponse: { value: 3, unit: 'working_days' },
    resolution: { value: 14, unit: 'working_days' },
    warnPercent: 20,
    warnHours: null,
    source: 'test',
    active: true,
    updatedAt: '',
    ...overrides,
  };
}

describe('due times (pure)', () => {
  it('warns at a share of the target, or a fixed number of working hours before the due time', () => {
    const start = wib('2026-05-29T15:00:00');
    const byPercent = computeDueTimes(calendar, policy({}), start, 0);
    expect(byPercent.first_response_due_at).toBe(wib('2026-06-04T16:00:00').toISOString());
    expect(byPercent.first_response_warn_at).toBe(wib('2026-06-04T11:12:00').toISOString());
    const byHours = computeDueTimes(calendar, policy({ warnHours: 10 }), start, 0);
    // 10 working hours before Thursday 16:00: Thursday's 8 h, then 2 h of Wednesday.
    expect(byHours.first_response_warn_at).toBe(wib('2026-06-03T14:00:00').toISOString());
    expect(byHours.sla_next_check_at).toBe(byHours.first_response_warn_at);
    // A lead longer than the target warns at the start of the clock, not before it.
    const short = computeDueTimes(
      calendar,
      policy({ firstResponse: { value: 2, unit: 'working_hours' }, warnHours: 8 }),
      wib('2026-06-03T09:00:00'),
      0,
    );
    expect(short.first_response_warn_at).toBe(wib('2026-06-03T09:00:00').toISOString());
  });

  it('pushes due times back by the working time waited', () => {
    const times = computeDueTimes(calendar, policy({}), wib('2026-06-03T09:00:00'), 960);
    expect(times.due_at).toBe(wib('2026-06-26T16:00:00').toISOString());
  });

  it('has no due times without a policy, and none for a missing target', () => {
    expect(computeDueTimes(calendar, undefined, new Date(), 0).due_at).toBeNull();
    const noResolution = computeDueTimes(
      calendar,
      policy({ resolution: null }),
      wib('2026-06-03T09:00:00'),
      0,
    );
    expect(noResolution.due_at).toBeNull();
    expect(noResolution.first_response_due_at).not.toBeNull();
  });

  it('picks the most specific active policy', () => {
    const sorted = sortBySpecificity([
      policy({ id: 'all' }),
      policy({ id: 'complaint', caseType: 'complaint' }),
      policy({ id: 'urgent', priority: 'urgent' }),
      policy({ id: 'category', categoryId: 'c1' }),
      policy({ id: 'urgent-category', categoryId: 'c1', priority: 'urgent' }),
      policy({ id: 'off', categoryId: 'c1', priority: 'urgent', caseType: 'complaint', active: false }),
    ]);
    const pick = (c: Partial<Parameters<typeof selectPolicy>[1]>) =>
      selectPolicy(sorted, { type: 'request', serviceId: null, categoryId: null, priority: 'normal', ...c })
        ?.id;
    expect(pick({})).toBe('all');
    expect(pick({ type: 'complaint' })).toBe('complaint');
    expect(pick({ type: 'complaint', priority: 'urgent' })).toBe('urgent');
    expect(pick({ categoryId: 'c1', priority: 'urgent', type: 'complaint' })).toBe('urgent-category');
    expect(pick({ categoryId: 'c1' })).toBe('category');
  });

  it('says where a case stands', () => {
    const base = {
      status: 'in_progress' as const,
      firstResponseAt: '2026-06-03T03:00:00.000Z',
      firstResponseDueAt: wib('2026-06-04T16:00:00').toISOString(),
      firstResponseWarnAt: null,
      dueAt: wib('2026-06-10T16:00:00').toISOString(),
      dueWarnAt: wib('2026-06-09T16:00:00').toISOString(),
      waitingSince: null,
      resolvedAt: null,
    };
    expect(slaStanding(base, calendar, wib('2026-06-08T10:00:00'))).toMatchObject({
      clock: 'resolution',
      state: 'on_track',
      remainingWorkingMinutes: 6 * 60 + 2 * 480,
    });
    expect(slaStanding(base, calendar, wib('2026-06-10T10:00:00')).state).toBe('due_soon');
    expect(slaStanding(base, calendar, wib('2026-06-11T09:00:00'))).toMatchObject({
      state: 'breached',
      remainingWorkingMinutes: -60,
    });
    expect(
      slaStanding(
        { ...base, status: 'waiting_on_citizen', waitingSince: wib('2026-06-10T15:00:00').toISOString() },
        calendar,
        wib('2026-06-20T10:00:00'),
      ),
    ).toMatchObject({ state: 'paused', remainingWorkingMinutes: 60 });
    expect(
      slaStanding(
        { ...base, status: 'resolved', resolvedAt: wib('2026-06-10T15:00:00').toISOString() },
        calendar,
        new Date(),
      ).state,
    ).toBe('met');
    expect(slaStanding({ ...base, firstResponseAt: null }, calendar, wib('2026-06-01T10:00:00')).clock).toBe(
      'first_response',
    );
  });

  it('checks next at the earliest pending milestone', () => {
    const row = {
      first_response_at: null,
      first_response_warn_at: '2026-06-01T00:00:00.000Z',
      first_response_due_at: '2026-06-02T00:00:00.000Z',
      due_warn_at: '2026-06-05T00:00:00.000Z',
      due_at: '2026-06-06T00:00:00.000Z',
    };
    expect(nextCheck(row, Date.parse('2026-06-01T12:00:00Z'))).toBe('2026-06-02T00:00:00.000Z');
    expect(nextCheck({ ...row, first_response_at: '2026-06-01T01:00:00Z' }, 0)).toBe(
      '2026-06-05T00:00:00.000Z',
    );
    expect(nextCheck(row, Date.parse('2026-07-01T00:00:00Z'))).toBeNull();
  });
});
