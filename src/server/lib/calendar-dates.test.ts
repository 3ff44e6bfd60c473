import { describe, expect, it } from 'vitest';
import { dayEndIn, dayStartIn, isCalendarDate, localDay } from './calendar-dates.js';

const reference = new Map<string, Intl.DateTimeFormat>();

/** What localDay must always answer: Intl's own formatting of the instant, without any shortcut. */
function intlDay(timeZone: string, at: Date): string {
  let format = reference.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    reference.set(timeZone, format);
  }
  return format.format(at);
}

// Zones without daylight saving, with it (north and south), with half and quarter hours, with a half-hour DST, and
// with local mean time (seconds in the offset) before 1924.
const ZONES = [
  'Asia/Jakarta',
  'Asia/Makassar',
  'Asia/Jayapura',
  'Europe/Amsterdam',
  'America/Santiago',
  'America/Havana',
  'Asia/Beirut',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Apia',
  'UTC',
];

describe('localDay', () => {
  it('gives the date in the zone around midnight, e.g. 31 December 23:30 in Surabaya is still that year', () => {
    expect(localDay('Asia/Jakarta', new Date('2026-12-31T16:59:59.999Z'))).toBe('2026-12-31');
    expect(localDay('Asia/Jakarta', new Date('2026-12-31T17:00:00.000Z'))).toBe('2027-01-01');
    expect(localDay('Asia/Jayapura', new Date('2026-12-31T14:59:59.999Z'))).toBe('2026-12-31');
    expect(localDay('Asia/Jayapura', new Date('2026-12-31T15:00:00.000Z'))).toBe('2027-01-01');
  });

  it('agrees with Intl at random instants from 1900 to 2100 in zones with every kind of offset change', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const from = Date.UTC(1900, 0, 1);
    const to = Date.UTC(2100, 0, 1);
    for (const zone of ZONES) {
      for (let i = 0; i < 3000; i++) {
        const at = new Date(from + Math.floor(random() * (to - from)));
        expect(localDay(zone, at), `${zone} ${at.toISOString()}`).toBe(intlDay(zone, at));
      }
    }
  });

  it('agrees with Intl minute by minute through days when the clocks change', () => {
    const days = [
      ['Europe/Amsterdam', '2026-03-29'],
      ['Europe/Amsterdam', '2026-10-25'],
      ['America/Santiago', '2026-04-05'],
      ['America/Santiago', '2026-09-06'],
      ['Asia/Beirut', '2022-10-30'],
      ['Australia/Lord_Howe', '2026-04-05'],
      ['Pacific/Apia', '2011-12-29'],
      ['Asia/Jakarta', '1923-12-31'],
    ] as const;
    for (const [zone, day] of days) {
      const start = Date.parse(`${day}T00:00:00Z`) - 36 * 3_600_000;
      for (let minute = 0; minute < 72 * 60; minute++) {
        for (const at of [new Date(start + minute * 60_000), new Date(start + minute * 60_000 - 1)]) {
          expect(localDay(zone, at), `${zone} ${at.toISOString()}`).toBe(intlDay(zone, at));
        }
      }
    }
  });

  it('refuses an instant that is not one, as Intl does', () => {
    expect(() => localDay('Asia/Jakarta', new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('dayStartIn', () => {
  it('gives the instant a local day begins, e.g. 29 November starts at 17:00 UTC the day before in Surabaya', () => {
    expect(dayStartIn('Asia/Jakarta', '2026-11-29')).toBe('2026-11-28T17:00:00.000Z');
    expect(dayEndIn('Asia/Jakarta', '2026-11-29')).toBe('2026-11-29T17:00:00.000Z');
    expect(dayStartIn('Asia/Jayapura', '2027-01-01')).toBe('2026-12-31T15:00:00.000Z');
    expect(dayStartIn('UTC', '2028-02-29')).toBe('2028-02-29T00:00:00.000Z');
    expect(dayEndIn('UTC', '2028-02-28')).toBe('2028-02-29T00:00:00.000Z');
  });

  it('is the first instant of the day by Intl in every zone, also where the clocks skip midnight', () => {
    const days = [
      '2026-03-29',
      '2026-10-25',
      '2026-04-05',
      '2026-09-06',
      '2022-10-30',
      '2011-12-31',
      '1923-12-31',
    ];
    for (const zone of ZONES) {
      for (const day of days) {
        const start = Date.parse(dayStartIn(zone, day));
        expect(intlDay(zone, new Date(start)), `${zone} ${day}`).toBe(day);
        expect(intlDay(zone, new Date(start - 1)) < day, `${zone} ${day}`).toBe(true);
      }
    }
  });
});

describe('isCalendarDate', () => {
  it('accepts real dates only', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-2-1')).toBe(false);
    expect(isCalendarDate(20260201)).toBe(false);
  });
});
