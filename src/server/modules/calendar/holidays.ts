import { createRequire } from 'node:module';
import type HolidaysType from 'date-holidays';

/** A national closed day: a public holiday (libur nasional) or collective leave (cuti bersama). */
export interface NationalDay {
  date: string;
  kind: 'holiday' | 'collective_leave';
  nameId: string;
  nameEn: string;
  source: string;
}

const SKB_2026 = 'SKB 3 Menteri No. 1497/2025, 2/2025, 5/2025';

function days(kind: NationalDay['kind'], source: string, list: [string, string, string][]): NationalDay[] {
  return list.map(([date, nameId, nameEn]) => ({ date, kind, nameId, nameEn, source }));
}

/** 2026: the joint ministerial decree — 17 holidays and 8 days of cuti bersama (docs: regulations.md). */
export const NATIONAL_DAYS_2026: NationalDay[] = [
  ...days('holiday', SKB_2026, [
    ['2026-01-01', 'Tahun Baru 2026 Masehi', 'New Year'],
    ['2026-01-16', 'Isra Mikraj Nabi Muhammad SAW', 'Isra Mikraj'],
    ['2026-02-17', 'Tahun Baru Imlek 2577 Kongzili', 'Chinese New Year 2577'],
    ['2026-03-19', 'Hari Suci Nyepi Tahun Baru Saka 1948', 'Nyepi (Saka New Year 1948)'],
    ['2026-03-21', 'Idul Fitri 1447 Hijriah', 'Eid al-Fitr 1447 H'],
    ['2026-03-22', 'Idul Fitri 1447 Hijriah', 'Eid al-Fitr 1447 H'],
    ['2026-04-03', 'Wafat Yesus Kristus', 'Good Friday'],
    ['2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)', 'Easter'],
    ['2026-05-01', 'Hari Buruh Internasional', 'Labour Day'],
    ['2026-05-14', 'Kenaikan Yesus Kristus', 'Ascension Day'],
    ['2026-05-27', 'Idul Adha 1447 Hijriah', 'Eid al-Adha 1447 H'],
    ['2026-05-31', 'Hari Raya Waisak 2570 BE', 'Vesak 2570 BE'],
    ['2026-06-01', 'Hari Lahir Pancasila', 'Pancasila Day'],
    ['2026-06-16', '1 Muharam Tahun Baru Islam 1448 Hijriah', 'Islamic New Year 1448 H'],
    ['2026-08-17', 'Hari Proklamasi Kemerdekaan Republik Indonesia', 'Independence Day'],
    ['2026-08-25', 'Maulid Nabi Muhammad SAW', 'Prophet Muhammad’s Birthday'],
    ['2026-12-25', 'Hari Raya Natal', 'Christmas'],
  ]),
  ...days('collective_leave', SKB_2026, [
    ['2026-02-16', 'Cuti bersama Tahun Baru Imlek', 'Collective leave: Chinese New Year'],
    ['2026-03-18', 'Cuti bersama Hari Suci Nyepi', 'Collective leave: Nyepi'],
    ['2026-03-20', 'Cuti bersama Idul Fitri', 'Collective leave: Eid al-Fitr'],
    ['2026-03-23', 'Cuti bersama Idul Fitri', 'Collective leave: Eid al-Fitr'],
    ['2026-03-24', 'Cuti bersama Idul Fitri', 'Collective leave: Eid al-Fitr'],
    ['2026-05-15', 'Cuti bersama Kenaikan Yesus Kristus', 'Collective leave: Ascension Day'],
    ['2026-05-28', 'Cuti bersama Idul Adha', 'Collective leave: Eid al-Adha'],
    ['2026-12-24', 'Cuti bersama Hari Raya Natal', 'Collective leave: Christmas'],
  ]),
];

/**
 * 2027 public holidays as `publicHolidaysByRule(2027)` computes them, written out so that a first start (the
 * migration seeds them) does not load date-holidays, whose rules for every country stay in memory once loaded.
 * business-calendar.test.ts checks that the two still agree.
 */
export const PUBLIC_HOLIDAYS_2027_BY_RULE: NationalDay[] = days(
  'holiday',
  'date-holidays (ID rules) for 2027; confirm against the SKB 3 Menteri for 2027',
  [
    ['2027-01-01', 'Tahun Baru Masehi', "New Year's Day"],
    ['2027-01-05', 'Isra Mikraj Nabi Muhammad SAW', "Laylat al-Mi'raj"],
    ['2027-02-06', 'Tahun Baru Imlek', 'Chinese New Year'],
    ['2027-03-08', 'Hari Suci Nyepi', 'Nyepi'],
    ['2027-03-09', 'Idul Fitri', 'End of Ramadan (Eid al-Fitr)'],
    ['2027-03-10', 'Idul Fitri', 'End of Ramadan (Eid al-Fitr)'],
    ['2027-03-26', 'Wafat Yesus Kristus', 'Good Friday'],
    ['2027-05-01', 'Hari Buruh Internasional', 'Labour Day'],
    ['2027-05-06', 'Kenaikan Yesus Kristus', 'Ascension Day'],
    ['2027-05-16', 'Idul Adha', 'Feast of the Sacrifice (Eid al-Adha)'],
    ['2027-05-20', 'Hari Raya Waisak', 'Vesak Day'],
    ['2027-06-01', 'Hari Lahir Pancasila', 'Pancasila Day'],
    ['2027-06-06', '1 Muharam Tahun Baru Islam', 'Islamic New Year'],
    ['2027-08-14', 'Maulid Nabi Muhammad SAW', 'Birthday of Muhammad (Mawlid)'],
    ['2027-08-17', 'Hari Proklamasi Kemerdekaan Republik Indonesia', 'Independence Day'],
    ['2027-12-25', 'Isra Mikraj Nabi Muhammad SAW; Hari Raya Natal', "Laylat al-Mi'raj; Christmas Day"],
  ],
);

/** Indonesian names for the holidays date-holidays names in English (it has Indonesian names for some years only). */
const INDONESIAN_NAMES: Record<string, string> = {
  "New Year's Day": 'Tahun Baru Masehi',
  "Laylat al-Mi'raj": 'Isra Mikraj Nabi Muhammad SAW',
  'Chinese New Year': 'Tahun Baru Imlek',
  Nyepi: 'Hari Suci Nyepi',
  'End of Ramadan (Eid al-Fitr)': 'Idul Fitri',
  'Good Friday': 'Wafat Yesus Kristus',
  'Labour Day': 'Hari Buruh Internasional',
  'Ascension Day': 'Kenaikan Yesus Kristus',
  'Feast of the Sacrifice (Eid al-Adha)': 'Idul Adha',
  'Vesak Day': 'Hari Raya Waisak',
  'Pancasila Day': 'Hari Lahir Pancasila',
  'Islamic New Year': '1 Muharam Tahun Baru Islam',
  'Independence Day': 'Hari Proklamasi Kemerdekaan Republik Indonesia',
  'Birthday of Muhammad (Mawlid)': 'Maulid Nabi Muhammad SAW',
  'Christmas Day': 'Hari Raya Natal',
};

/**
 * Public holidays of a year computed by rule (npm date-holidays, country ID). Cuti bersama is not included: it is
 * decided each year by decree and entered by administrators. Islamic dates are astronomical estimates and may
 * differ by a day from the decree — administrators check them when the decree appears. Two holidays on one date
 * become one entry with both names.
 */
export function publicHolidaysByRule(year: number): NationalDay[] {
  const holidays = new (loadHolidays())('ID');
  const byDate = new Map<string, NationalDay>();
  for (const holiday of holidays.getHolidays(year, 'en')) {
    if (holiday.type !== 'public') continue;
    const date = holiday.date.slice(0, 10);
    const nameEn = holiday.name;
    const nameId = INDONESIAN_NAMES[nameEn] ?? nameEn;
    const existing = byDate.get(date);
    if (existing) {
      existing.nameEn = `${existing.nameEn}; ${nameEn}`;
      existing.nameId = `${existing.nameId}; ${nameId}`;
      continue;
    }
    byDate.set(date, {
      date,
      kind: 'holiday',
      nameId,
      nameEn,
      source: `date-holidays (ID rules) for ${year}; confirm against the SKB 3 Menteri for ${year}`,
    });
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * date-holidays carries every country's rules (~20 MB in memory): it is loaded only when a year is computed (the
 * migration and the calendar editor), not by every server start.
 */
function loadHolidays(): typeof HolidaysType {
  const required = createRequire(import.meta.url)('date-holidays') as { default?: typeof HolidaysType };
  return required.default ?? (required as unknown as typeof HolidaysType);
}
