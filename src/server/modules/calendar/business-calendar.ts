import { offsetFor } from '../../lib/calendar-dates.js';

/**
 * Working-time arithmetic on an office's calendar: working hours per weekday in the office's time zone, minus
 * closed dates (national holidays, cuti bersama, office closures). Pure: the calendar is built from plain data and
 * answers from memory, caching each local day's working intervals as it meets them.
 *
 * Days are handled as local day numbers (days since 1970-01-01 on the office's wall calendar), so arithmetic is
 * integer steps; a day's working intervals are converted to instants with the zone's offset on that day.
 * Correct for zones without daylight-saving time (all of Indonesia); in a zone with DST, a day's offset is the one
 * at its noon, so only the hour of the switch itself is approximate.
 */

/** Working hours of one weekday: minutes after local midnight, [opens, closes) pairs, in order. */
export type DayHours = readonly (readonly [number, number])[];

export interface CalendarSpec {
  timeZone: string;
  /** Index 1 (Monday) … 7 (Sunday), ISO weekday numbers; index 0 unused. */
  week: readonly DayHours[];
  /** Local dates `YYYY-MM-DD` on which the office is closed all day. */
  closedDates: Iterable<string>;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** Arithmetic gives up after this many days without working time (a calendar with no working hours at all). */
const MAX_DAYS = 3 * 366;

export class NoWorkingTime extends Error {
  constructor() {
    super('the calendar has no working time within three years');
    this.name = 'NoWorkingTime';
  }
}

export class BusinessCalendar {
  readonly timeZone: string;
  readonly #week: readonly DayHours[];
  readonly #closed: Set<number>;
  readonly #intervals = new Map<number, readonly (readonly [number, number])[]>();

  constructor(spec: CalendarSpec) {
    this.timeZone = spec.timeZone;
    this.#week = normaliseWeek(spec.week);
    this.#closed = new Set([...spec.closedDates].map(dayNumberOfDate));
  }

  /** The local day number of an instant in the office's zone. */
  localDay(at: number): number {
    return Math.floor((at + offsetFor(this.timeZone, at)) / DAY_MS);
  }

  isWorkingDay(day: number): boolean {
    return this.intervals(day).length > 0;
  }

  isWorkingDate(date: string): boolean {
    return this.isWorkingDay(dayNumberOfDate(date));
  }

  /** The day's working intervals as instants (ms), cached. */
  intervals(day: number): readonly (readonly [number, number])[] {
    let found = this.#intervals.get(day);
    if (found) return found;
    const hours = this.#closed.has(day) ? [] : this.#week[isoWeekday(day)]!;
    // The zone's offset at the day's noon.
    const midnight = day * DAY_MS - offsetFor(this.timeZone, day * DAY_MS + DAY_MS / 2);
    found = hours.map(
      ([open, close]) => [midnight + open * MINUTE_MS, midnight + close * MINUTE_MS] as const,
    );
    if (this.#intervals.size > 5000) this.#intervals.clear();
    this.#intervals.set(day, found);
    return found;
  }

  /** The instant `minutes` of working time after `from` (before it, for a negative number). */
  addWorkingMinutes(from: Date, minutes: number): Date {
    if (minutes < 0) return this.#subtractWorkingMinutes(from, -minutes);
    let remaining = Math.round(minutes * MINUTE_MS);
    const start = from.getTime();
    let day = this.localDay(start);
    for (let i = 0; i < MAX_DAYS; i++, day++) {
      for (const [open, close] of this.intervals(day)) {
        if (close <= start) continue;
        const begin = Math.max(open, start);
        if (remaining <= close - begin) return new Date(remaining === 0 ? begin : begin + remaining);
        remaining -= close - begin;
      }
    }
    throw new NoWorkingTime();
  }

  #subtractWorkingMinutes(from: Date, minutes: number): Date {
    let remaining = Math.round(minutes * MINUTE_MS);
    const end = from.getTime();
    let day = this.localDay(end);
    for (let i = 0; i < MAX_DAYS; i++, day--) {
      const intervals = this.intervals(day);
      for (let k = intervals.length - 1; k >= 0; k--) {
        const [open, close] = intervals[k]!;
        if (open >= end) continue;
        const finish = Math.min(close, end);
        if (remaining <= finish - open) return new Date(finish - remaining);
        remaining -= finish - open;
      }
    }
    throw new NoWorkingTime();
  }

  /**
   * The close of the `days`-th working day after the local day of `from` — the day of receipt is not counted, as
   * in administrative time limits ("within 3 working days of receipt"). Friday afternoon + 3 with Monday a
   * holiday: Tuesday (1), Wednesday (2), Thursday (3) → Thursday at closing time.
   */
  addWorkingDays(from: Date, days: number): Date {
    let day = this.localDay(from.getTime());
    let counted = 0;
    for (let i = 0; i < MAX_DAYS * 2 && counted < days; i++) {
      day++;
      if (this.isWorkingDay(day)) counted++;
    }
    if (counted < days) throw new NoWorkingTime();
    const intervals = this.intervals(day);
    return new Date(intervals[intervals.length - 1]![1]);
  }

  /** Working minutes from `a` to `b`; negative when `b` is before `a`. */
  workingMinutesBetween(a: Date, b: Date): number {
    if (b.getTime() < a.getTime()) return -this.workingMinutesBetween(b, a);
    const start = a.getTime();
    const end = b.getTime();
    let total = 0;
    for (let day = this.localDay(start), last = this.localDay(end); day <= last; day++) {
      for (const [open, close] of this.intervals(day)) {
        const overlap = Math.min(close, end) - Math.max(open, start);
        if (overlap > 0) total += overlap;
      }
    }
    return Math.round(total / MINUTE_MS);
  }

  /** Working minutes in an ordinary working day (the longest weekday), to convert days to a lead time. */
  get workingDayMinutes(): number {
    let longest = 0;
    for (let weekday = 1; weekday <= 7; weekday++) {
      const minutes = this.#week[weekday]!.reduce((sum, [open, close]) => sum + close - open, 0);
      longest = Math.max(longest, minutes);
    }
    return longest;
  }
}

function normaliseWeek(week: readonly DayHours[]): DayHours[] {
  const result: DayHours[] = [[]];
  for (let weekday = 1; weekday <= 7; weekday++) {
    const hours = [...(week[weekday] ?? [])]
      .filter(([open, close]) => close > open)
      .sort((x, y) => x[0] - y[0]);
    result.push(hours);
  }
  return result;
}

/** 1 = Monday … 7 = Sunday. Day 0 (1970-01-01) was a Thursday. */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

export function dayNumberOfDate(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`not a date: ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
}

export function dateOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** "08:00" ↔ 480. */
export function parseClock(value: string): number {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(value);
  if (!match) throw new RangeError(`not a time of day: ${value}`);
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (minutes > 24 * 60) throw new RangeError(`not a time of day: ${value}`);
  return minutes;
}

export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
