import type { Db } from '../../db/connection.js';
import { toIso } from '../../db/dialect.js';
import { localDay } from '../../lib/calendar-dates.js';

export interface ContactReportRow {
  day: string;
  channel: string;
  topic: string;
  answered: number;
  cases: number;
  averageSeconds: number | null;
}

/**
 * Phone and counter contacts per day (the office's calendar day), channel and topic: how many were answered on the
 * spot and how many became cases. Counted in the application, so both engines group days the same way.
 */
export async function contactReport(
  db: Db,
  input: { officeId: string; timeZone: string; from: Date; to: Date },
): Promise<ContactReportRow[]> {
  const rows = await db
    .selectFrom('logged_contacts')
    .leftJoin('categories', 'categories.id', 'logged_contacts.category_id')
    .select([
      'logged_contacts.created_at',
      'logged_contacts.channel',
      'logged_contacts.topic',
      'logged_contacts.outcome',
      'logged_contacts.duration_seconds',
      'categories.name_id as category_name',
    ])
    .where('logged_contacts.office_id', '=', input.officeId)
    .where('logged_contacts.created_at', '>=', input.from.toISOString())
    .where('logged_contacts.created_at', '<', input.to.toISOString())
    .execute();
  const groups = new Map<string, ContactReportRow & { seconds: number; timed: number }>();
  for (const row of rows) {
    const day = localDay(input.timeZone, new Date(toIso(row.created_at)));
    const topic = row.category_name ?? row.topic ?? '-';
    const key = `${day}|${row.channel}|${topic}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        day,
        channel: row.channel,
        topic,
        answered: 0,
        cases: 0,
        averageSeconds: null,
        seconds: 0,
        timed: 0,
      };
      groups.set(key, group);
    }
    if (row.outcome === 'answered') group.answered++;
    else group.cases++;
    if (row.duration_seconds !== null) {
      group.seconds += row.duration_seconds;
      group.timed++;
    }
  }
  return [...groups.values()]
    .map(({ seconds, timed, ...group }) => ({
      ...group,
      averageSeconds: timed ? Math.round(seconds / timed) : null,
    }))
    .sort(
      (a, b) =>
        a.day.localeCompare(b.day) || a.channel.localeCompare(b.channel) || a.topic.localeCompare(b.topic),
    );
}
