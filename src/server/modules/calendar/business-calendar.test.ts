import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKING_HOURS } from '../service-levels/defaults.js';
import {
  BusinessCalendar,
  type DayHours,
  dateOfDayNumber,
  dayNumberOfDate,
  formatClock,
  isoWeekday,
  NoWorkingTime,
  parseClock,
} from './business-calendar.js';
import { NATIONAL_DAYS_2026, PUBLIC_HOLIDAYS_2027_BY_RULE, publicHolidaysByRule } from './holidays.js';

function week(hours: { weekday: number; opens: number; closes: number }[]): DayHours[] {
  const result: [number, number][][] = [[], [], [], [], [], [], [], []];
  for (const h of hours) result[h.weekday]!.push([h.opens, h.closes]);
  return result;
}

const OFFICE_HOURS = week(DEFAULT_WORKING_HOURS);
const jakarta = new BusinessCalendar({
  timeZone: 'Asia/Jakarta',
  week: OFFICE_HOURS,
  closedDates: NATIONAL_DAYS_2026.map((d) => d.date),
});
/** Wall time in Jakarta (UTC+7) → instant. */
const wib = (local: string) => new Date(`${local}+07:00`);
const iso = (date: Date) => date.toISOString();

describe('2026 national days', () => {
  it('are the 17 holidays and 8 days of cuti bersama of the decree', () => {
    expect(NATIONAL_DAYS_2026.filter((d) => d.kind === 'holiday')).toHaveLength(17);
    expect(NATIONAL_DAYS_2026.filter((d) => d.kind === 'collective_leave').map((d) => d.date)).toEqual([
      '2026-02-16',
      '2026-03-18',
      '2026-03-20',
      '2026-03-23',
      '2026-03-24',
      '2026-05-15',
      '2026-05-28',
      '2026-12-24',
    ]);
    expect(new Set(NATIONAL_DAYS_2026.map((d) => d.date)).size).toBe(25);
  });

  it('2027 public holidays come from the rules, one entry per date, without cuti bersama', () => {
    const days = publicHolidaysByRule(2027);
    expect(days.map((d) => d.date)).toContain('2027-08-17');
    expect(days.map((d) => d.date)).toContain('2027-12-25');
    expect(new Set(days.map((d) => d.date)).size).toBe(days.length);
    expect(days.every((d) => d.kind === 'holiday' && d.source?.includes('confirm'))).toBe(true);
  });

  it('the written-out 2027 list the migration seeds is what the rules compute', () => {
    expect(PUBLIC_HOLIDAYS_2027_BY_RULE).toEqual(publicHolidaysByRule(2027));
  });
});

describe('day arithmetic helpers', () => {
  it('converts dates, weekdays and clock times', () => {
    expect(isoWeekday(dayNumberOfDate('2026-05-29'))).toBe(5); // a Friday
    expect(isoWeekday(dayNumberOfDate('2026-05-31'))).toBe(7);
    expect(isoWeekday(dayNumberOfDate('1969-12-29'))).toBe(1); // negative day numbers too
    expect(dateOfDayNumber(dayNumberOfDate('2026-02-28') + 1)).toBe('2026-03-01');
    expect(parseClock('08:00')).toBe(480);
    expect(parseClock('24:00')).toBe(1440);
    expect(() => parseClock('24:30')).toThrow();
    expect(() => parseClock('8:00')).toThrow();
    expect(formatClock(975)).toBe('16:15');
  });
});

describe('working days on the Jakarta calendar', () => {
  it('knows weekends, holidays and cuti bersama', () => {
    expect(jakarta.isWorkingDate('2026-05-29')).toBe(true); // Friday
    expect(jakarta.isWorkingDate('2026-05-30')).toBe(false); // Saturday
    expect(jakarta.isWorkingDate('2026-06-01')).toBe(false); // Pancasila, Monday
    expect(jakarta.isWorkingDate('2026-05-28')).toBe(false); // cuti bersama
    expect(jakarta.isWorkingDate('2026-03-25')).toBe(true); // first day after Lebaran leave
  });

  it('Friday afternoon before a Monday holiday: 3 working days skip the weekend and the holiday', () => {
    // 29 May 2026 15:00 WIB; Sat 30, Sun 31 (Waisak), Mon 1 June (Pancasila) closed → Tue, Wed, Thu.
    expect(iso(jakarta.addWorkingDays(wib('2026-05-29T15:00:00'), 3))).toBe(iso(wib('2026-06-04T16:00:00')));
  });

  it('does not count the day of receipt, even before opening or on a closed day', () => {
    expect(iso(jakarta.addWorkingDays(wib('2026-06-02T07:00:00'), 1))).toBe(iso(wib('2026-06-03T16:00:00')));
    expect(iso(jakarta.addWorkingDays(wib('2026-05-30T10:00:00'), 1))).toBe(iso(wib('2026-06-02T16:00:00')));
  });

  it('crosses the Lebaran block: 18–24 March 2026 are all closed', () => {
    // Tue 17 March + 1 → Wed 18 (cuti), Thu 19 (Nyepi), Fri 20 (cuti), Sat, Sun, Mon 23, Tue 24 (cuti) → Wed 25.
    expect(iso(jakarta.addWorkingDays(wib('2026-03-17T09:00:00'), 1))).toBe(iso(wib('2026-03-25T16:00:00')));
    expect(iso(jakarta.addWorkingDays(wib('2026-03-17T09:00:00'), 2))).toBe(iso(wib('2026-03-26T16:00:00')));
  });

  it('counts 60 working days across a year end', () => {
    const due = jakarta.addWorkingDays(wib('2026-12-01T10:00:00'), 60);
    // No 2027 days in this calendar: only weekends and 24–25 December are skipped.
    expect(jakarta.workingMinutesBetween(wib('2026-12-01T16:00:00'), due)).toBe(60 * 480);
  });
});

describe('working hours on the Jakarta calendar', () => {
  it('adds within a day, across closing time and across a weekend', () => {
    expect(iso(jakarta.addWorkingMinutes(wib('2026-06-03T09:00:00'), 120))).toBe(
      iso(wib('2026-06-03T11:00:00')),
    );
    expect(iso(jakarta.addWorkingMinutes(wib('2026-06-03T15:00:00'), 120))).toBe(
      iso(wib('2026-06-04T09:00:00')),
    );
    // Friday 29 May 15:00 + 4 h: 1 h on Friday, then Tuesday 2 June from 08:00.
    expect(iso(jakarta.addWorkingMinutes(wib('2026-05-29T15:00:00'), 240))).toBe(
      iso(wib('2026-06-02T11:00:00')),
    );
  });

  it('ends exactly at closing time rather than the next morning', () => {
    expect(iso(jakarta.addWorkingMinutes(wib('2026-06-03T08:00:00'), 480))).toBe(
      iso(wib('2026-06-03T16:00:00')),
    );
  });

  it('starts at opening time when received outside working hours', () => {
    expect(iso(jakarta.addWorkingMinutes(wib('2026-06-03T06:30:00'), 60))).toBe(
      iso(wib('2026-06-03T09:00:00')),
    );
    expect(iso(jakarta.addWorkingMinutes(wib('2026-06-03T20:00:00'), 60))).toBe(
      iso(wib('2026-06-04T09:00:00')),
    );
    expect(iso(jakarta.addWorkingMinutes(wib('2026-06-03T20:00:00'), 0))).toBe(
      iso(wib('2026-06-04T08:00:00')),
    );
  });

  it('subtracts working time, skipping closed days backwards', () => {
    expect(iso(jakarta.addWorkingMinutes(wib('2026-06-02T09:00:00'), -120))).toBe(
      iso(wib('2026-05-29T15:00:00')),
    );
    expect(iso(jakarta.addWorkingMinutes(wib('2026-06-03T16:00:00'), -480))).toBe(
      iso(wib('2026-06-03T08:00:00')),
    );
  });

  it('measures working time between two instants, signed', () => {
    expect(jakarta.workingMinutesBetween(wib('2026-05-29T15:00:00'), wib('2026-06-02T09:00:00'))).toBe(120);
    expect(jakarta.workingMinutesBetween(wib('2026-06-02T09:00:00'), wib('2026-05-29T15:00:00'))).toBe(-120);
    expect(jakarta.workingMinutesBetween(wib('2026-05-30T00:00:00'), wib('2026-06-01T23:59:00'))).toBe(0);
    expect(jakarta.workingMinutesBetween(wib('2026-06-03T12:00:00'), wib('2026-06-03T12:00:00'))).toBe(0);
  });

  it('is consistent: adding what lies between two working instants lands on the later one', () => {
    const start = wib('2026-01-05T08:17:00');
    for (let step = 0; step < 400; step++) {
      const minutes = (step * 977) % 9000;
      const end = jakarta.addWorkingMinutes(start, minutes);
      expect(jakarta.workingMinutesBetween(start, end)).toBe(minutes);
      if (minutes > 0) expect(iso(jakarta.addWorkingMinutes(end, -minutes))).toBe(iso(start));
    }
  });
});

describe('other shapes of calendars', () => {
  it('handles split days (a lunch break) and a short Friday', () => {
    const calendar = new BusinessCalendar({
      timeZone: 'Asia/Jakarta',
      week: week([
        ...[1, 2, 3, 4].flatMap((weekday) => [
          { weekday, opens: 480, closes: 720 },
          { weekday, opens: 780, closes: 960 },
        ]),
        { weekday: 5, opens: 480, closes: 690 },
      ]),
      closedDates: [],
    });
    expect(iso(calendar.addWorkingMinutes(wib('2026-06-01T11:00:00'), 120))).toBe(
      iso(wib('2026-06-01T14:00:00')),
    );
    expect(calendar.workingMinutesBetween(wib('2026-06-01T08:00:00'), wib('2026-06-01T16:00:00'))).toBe(420);
    expect(iso(calendar.addWorkingDays(wib('2026-06-04T10:00:00'), 1))).toBe(iso(wib('2026-06-05T11:30:00')));
    expect(calendar.workingDayMinutes).toBe(420);
  });

  it('works in any IANA zone: Papua (UTC+9), India (UTC+5:30), Kathmandu (UTC+5:45)', () => {
    for (const [timeZone, offset] of [
      ['Asia/Jayapura', '+09:00'],
      ['Asia/Kolkata', '+05:30'],
      ['Asia/Kathmandu', '+05:45'],
    ] as const) {
      const calendar = new BusinessCalendar({ timeZone, week: OFFICE_HOURS, closedDates: ['2026-06-01'] });
      const local = (wall: string) => new Date(`${wall}${offset}`);
      expect(iso(calendar.addWorkingDays(local('2026-05-29T15:00:00'), 1)), timeZone).toBe(
        iso(local('2026-06-02T16:00:00')),
      );
      expect(iso(calendar.addWorkingMinutes(local('2026-05-29T15:30:00'), 60)), timeZone).toBe(
        iso(local('2026-06-02T08:30:00')),
      );
      // Local days follow the office’s wall clock, whatever the UTC date of the instant.
      expect(calendar.localDay(local('2026-05-29T23:30:00').getTime())).toBe(dayNumberOfDate('2026-05-29'));
      expect(calendar.localDay(local('2026-05-30T00:30:00').getTime())).toBe(dayNumberOfDate('2026-05-30'));
    }
  });

  it('puts an instant on the right local day when the clocks change within a UTC hour', () => {
    // Tehran left daylight time at midnight on 21/22 September 2021 (+04:30 → +03:30), at 19:30 UTC: a quarter
    // of an hour later it was 23:15 on the 21st again, not 00:15 on the 22nd.
    const calendar = new BusinessCalendar({ timeZone: 'Asia/Tehran', week: OFFICE_HOURS, closedDates: [] });
    expect(calendar.localDay(Date.parse('2021-09-21T19:15:00Z'))).toBe(dayNumberOfDate('2021-09-21'));
    expect(calendar.localDay(Date.parse('2021-09-21T19:45:00Z'))).toBe(dayNumberOfDate('2021-09-21'));
    expect(calendar.localDay(Date.parse('2021-09-21T20:45:00Z'))).toBe(dayNumberOfDate('2021-09-22'));
  });

  it('refuses arithmetic on a calendar without any working time', () => {
    const closed = new BusinessCalendar({ timeZone: 'Asia/Jakarta', week: [], closedDates: [] });
    expect(() => closed.addWorkingDays(new Date(), 1)).toThrow(NoWorkingTime);
    expect(() => closed.addWorkingMinutes(new Date(), 1)).toThrow(NoWorkingTime);
    expect(closed.workingMinutesBetween(new Date(0), new Date(86_400_000 * 30))).toBe(0);
  });

  it('is cheap once warm: a due time costs microseconds', () => {
    const from = wib('2026-05-29T15:00:00');
    jakarta.addWorkingDays(from, 14);
    const started = performance.now();
    for (let i = 0; i < 10_000; i++) jakarta.addWorkingDays(from, 14);
    const perCall = (performance.now() - started) / 10_000;
    expect(perCall).toBeLessThan(0.05); // 50 µs, generous for a loaded machine
  });
});
