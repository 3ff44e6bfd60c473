import type { Db } from '../../db/connection.js';
import { toIso, toIsoOrNull } from '../../db/dialect.js';

/**
 * SLA compliance: of the cases whose resolution (or first response) fell due in a period, how many were met and how
 * many breached — by office, team, category and month of the due time (in the office's time zone). Cases still
 * open before their due time are counted as pending, outside the percentage.
 */
export interface ComplianceRow {
  month: string;
  teamId: string | null;
  categoryId: string | null;
  due: number;
  met: number;
  breached: number;
  pending: number;
  /** met ÷ (met + breached) × 100, one decimal; null when nothing was decided yet. */
  percent: number | null;
  firstResponseDue: number;
  firstResponseMet: number;
  firstResponsePercent: number | null;
}

interface CaseTimes {
  team_id: string | null;
  category_id: string | null;
  status: string;
  due_at: Date | string | null;
  resolved_at: Date | string | null;
  closed_at: Date | string | null;
  first_response_due_at: Date | string | null;
  first_response_at: Date | string | null;
}

export async function slaCompliance(
  db: Db,
  office: { id: string; timeZone: string },
  period: { from: string; to: string },
  now: Date,
): Promise<ComplianceRow[]> {
  // Months are the office's: a case due on 1 May 00:30 WIB belongs to May. A day's margin either side, then exact.
  const from = new Date(Date.parse(`${period.from}-01T00:00:00Z`) - 86_400_000).toISOString();
  const [toYear, toMonth] = period.to.split('-').map(Number) as [number, number];
  const to = new Date(Date.UTC(toYear, toMonth, 1) + 86_400_000).toISOString();
  const rows: CaseTimes[] = await db
    .selectFrom('cases')
    .select([
      'team_id',
      'category_id',
      'status',
      'due_at',
      'resolved_at',
      'closed_at',
      'first_response_due_at',
      'first_response_at',
    ])
    .where('office_id', '=', office.id)
    .where((eb) =>
      eb.or([
        eb.and([eb('due_at', '>=', from), eb('due_at', '<', to)]),
        eb.and([eb('first_response_due_at', '>=', from), eb('first_response_due_at', '<', to)]),
      ]),
    )
    .execute();
  const monthOf = monthFormatter(office.timeZone);
  const groups = new Map<string, ComplianceRow>();
  const group = (month: string, row: CaseTimes) => {
    const key = `${month}|${row.team_id ?? ''}|${row.category_id ?? ''}`;
    let found = groups.get(key);
    if (!found) {
      found = {
        month,
        teamId: row.team_id,
        categoryId: row.category_id,
        due: 0,
        met: 0,
        breached: 0,
        pending: 0,
        percent: null,
        firstResponseDue: 0,
        firstResponseMet: 0,
        firstResponsePercent: null,
      };
      groups.set(key, found);
    }
    return found;
  };
  const inPeriod = (month: string) => month >= period.from && month <= period.to;
  for (const row of rows) {
    if (row.due_at !== null) {
      const month = monthOf(new Date(row.due_at));
      if (inPeriod(month)) {
        const g = group(month, row);
        g.due++;
        const done = doneAt(row);
        const due = Date.parse(toIso(row.due_at));
        if (done !== null) done <= due ? g.met++ : g.breached++;
        else now.getTime() > due ? g.breached++ : g.pending++;
      }
    }
    if (row.first_response_due_at !== null) {
      const month = monthOf(new Date(row.first_response_due_at));
      if (inPeriod(month)) {
        const g = group(month, row);
        g.firstResponseDue++;
        const answered = toIsoOrNull(row.first_response_at);
        if (answered !== null && Date.parse(answered) <= Date.parse(toIso(row.first_response_due_at)))
          g.firstResponseMet++;
      }
    }
  }
  const result = [...groups.values()];
  for (const g of result) {
    g.percent = g.met + g.breached ? Math.round((1000 * g.met) / (g.met + g.breached)) / 10 : null;
    g.firstResponsePercent = g.firstResponseDue
      ? Math.round((1000 * g.firstResponseMet) / g.firstResponseDue) / 10
      : null;
  }
  return result.sort(
    (a, b) =>
      a.month.localeCompare(b.month) ||
      (a.teamId ?? '').localeCompare(b.teamId ?? '') ||
      (a.categoryId ?? '').localeCompare(b.categoryId ?? ''),
  );
}

/** When the office finished with the case: resolved, or closed/rejected without a resolution. */
function doneAt(row: CaseTimes): number | null {
  const resolved = toIsoOrNull(row.resolved_at);
  if (resolved) return Date.parse(resolved);
  const closed = toIsoOrNull(row.closed_at);
  if (closed && (row.status === 'closed' || row.status === 'rejected')) return Date.parse(closed);
  return null;
}

function monthFormatter(timeZone: string): (at: Date) => string {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' });
  return (at) => {
    const parts = format.formatToParts(at);
    return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
  };
}

/** RFC 4180 CSV with a header; names instead of ids so a spreadsheet reads on its own. */
export function complianceCsv(
  rows: ComplianceRow[],
  names: { office: string; team(id: string | null): string; category(id: string | null): string },
): string {
  const header = [
    'office',
    'month',
    'team',
    'category',
    'due',
    'met',
    'breached',
    'pending',
    'percent_met',
    'first_response_due',
    'first_response_met',
    'first_response_percent_met',
  ];
  const lines = [header.join(',')];
  for (const r of rows) {
    lines.push(
      [
        names.office,
        r.month,
        names.team(r.teamId),
        names.category(r.categoryId),
        r.due,
        r.met,
        r.breached,
        r.pending,
        r.percent ?? '',
        r.firstResponseDue,
        r.firstResponseMet,
        r.firstResponsePercent ?? '',
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

function csvField(value: string | number): string {
  const text = String(value);
  // A leading = + - @ would make spreadsheets run the cell as a formula.
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
