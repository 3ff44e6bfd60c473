/** Calendar dates as `YYYY-MM-DD` text: checking them, and the date of an instant in an office's time zone. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date `YYYY-MM-DD` (a pattern alone would let 2026-02-30 through). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

const HOUR = 3_600_000;

/**
 * The calendar date of `at` in `timeZone`.
 *
 * Every new case asks this (its tracking-code year, the dashboard's day), and formatting with Intl costs
 * microseconds. A zone's offset from UTC changes a few times a year at most, so the offset is found once per
 * zone and hour (two Intl calls) and the date is then plain arithmetic. An hour in which the offset changes is
 * formatted by Intl each time.
 */
export function localDay(timeZone: string, at: Date): string {
  const time = at.getTime();
  const offset = steadyOffset(timeZone, time);
  if (offset === undefined) return dayFormat(timeZone).format(at);
  return new Date(time + offset).toISOString().slice(0, 10);
}

/**
 * The instant `date` (YYYY-MM-DD) begins in `timeZone`, as an ISO string: what a report's "from" day means to the
 * staff who chose it. Found by bisection on `localDay` between the earliest and the latest midnight any zone can
 * have (UTC+14 … UTC−12), so days whose midnight the clocks skip begin at the first instant that exists.
 */
export function dayStartIn(timeZone: string, date: string): string {
  const utcMidnight = Date.parse(`${date}T00:00:00.000Z`);
  let before = utcMidnight - 15 * HOUR; // still the previous day everywhere
  let after = utcMidnight + 13 * HOUR; // already this day everywhere
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (localDay(timeZone, new Date(middle)) < date) before = middle;
    else after = middle;
  }
  return new Date(after).toISOString();
}

/** The instant the day after `date` begins in `timeZone`: the exclusive end of a report's "to" day. */
export function dayEndIn(timeZone: string, date: string): string {
  const next = new Date(Date.parse(`${date}T00:00:00.000Z`) + 24 * HOUR).toISOString().slice(0, 10);
  return dayStartIn(timeZone, next);
}

/**
 * Local wall-clock time minus UTC at `time`, in milliseconds: from the per-hour cache, or from Intl in an hour in
 * which the offset changes.
 */
export function offsetFor(timeZone: string, time: number): number {
  return steadyOffset(timeZone, time) ?? offsetAt(timeZone, time);
}

/** Offsets by zone and hour since 1970 (NaN for an hour in which the offset changes); a few thousand at most. */
const offsetsByZone = new Map<string, Map<number, number>>();

function steadyOffset(timeZone: string, time: number): number | undefined {
  const hour = Math.floor(time / HOUR);
  let offset = offsetsByZone.get(timeZone)?.get(hour);
  if (offset === undefined) {
    const first = offsetAt(timeZone, hour * HOUR);
    offset = first === offsetAt(timeZone, hour * HOUR + HOUR - 1) ? first : Number.NaN;
    remember(timeZone, hour, offset);
  }
  return Number.isNaN(offset) ? undefined : offset;
}

function remember(timeZone: string, hour: number, offset: number): void {
  let offsets = offsetsByZone.get(timeZone);
  if (!offsets) {
    offsets = new Map();
    offsetsByZone.set(timeZone, offsets);
  }
  // Reports over many months fill it: a bounded map keeps memory flat.
  if (offsets.size >= 5000) offsets.clear();
  offsets.set(hour, offset);
}

/** Local wall-clock time minus UTC at `time`, in milliseconds (whole seconds: old local mean times have them). */
export function offsetAt(timeZone: string, time: number): number {
  const parts: Record<string, number> = {};
  for (const part of wallClockFormat(timeZone).formatToParts(time)) parts[part.type] = Number(part.value);
  const wall = new Date(0);
  wall.setUTCFullYear(parts.year!, parts.month! - 1, parts.day!);
  wall.setUTCHours(parts.hour!, parts.minute!, parts.second!);
  return wall.getTime() - Math.floor(time / 1000) * 1000;
}

// Building a formatter costs far more than using one: they are kept per zone.
const formats = new Map<string, Intl.DateTimeFormat>();

function cachedFormat(
  kind: string,
  timeZone: string,
  locale: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${kind} ${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone, ...options });
    formats.set(key, format);
  }
  return format;
}

const dayFormat = (timeZone: string) =>
  cachedFormat('day', timeZone, 'en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });

const wallClockFormat = (timeZone: string) =>
  cachedFormat('wall', timeZone, 'en-US', {
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
