import type { Db } from '../../db/connection.js';
import { parseJson, toIso } from '../../db/dialect.js';

export interface TrailFilters {
  /** Null: every office (national staff). */
  officeId: string | null;
  actorId?: string | undefined;
  caseId?: string | undefined;
  /** Event type, or a prefix ending in a dot (`case.`). */
  type?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Events the reader may not see (integrity reports' events for anyone but integrity officers). */
  excludeTypePrefix?: string | undefined;
}

export interface TrailItem {
  id: string;
  seq: number | null;
  at: string;
  type: string;
  officeId: string | null;
  caseId: string | null;
  trackingCode: string | null;
  actor: { type: string; id: string | null; name: string | null };
  payload: unknown;
}

/** The event trail, newest first, with each event's chain entry; keyset pages by (created_at, id). */
export async function listTrail(
  db: Db,
  filters: TrailFilters,
  page: { limit: number; before?: { at: string; id: string } | undefined },
): Promise<TrailItem[]> {
  const rows = await db
    .selectFrom('events as e')
    .leftJoin('audit_chain as a', 'a.event_id', 'e.id')
    .leftJoin('cases as c', 'c.id', 'e.case_id')
    .select([
      'e.id',
      'e.office_id',
      'e.case_id',
      'e.type',
      'e.actor_type',
      'e.actor_id',
      'e.actor_name',
      'e.payload',
      'e.created_at',
      'a.seq',
      'c.tracking_code',
    ])
    .$if(filters.officeId !== null, (q) => q.where('e.office_id', '=', filters.officeId!))
    .$if(filters.actorId !== undefined, (q) => q.where('e.actor_id', '=', filters.actorId!))
    .$if(filters.caseId !== undefined, (q) => q.where('e.case_id', '=', filters.caseId!))
    .$if(filters.type !== undefined, (q) =>
      filters.type!.endsWith('.')
        ? q.where('e.type', 'like', `${filters.type!.replace(/[%_]/g, '')}%`)
        : q.where('e.type', '=', filters.type!),
    )
    .$if(filters.from !== undefined, (q) => q.where('e.created_at', '>=', filters.from!))
    .$if(filters.to !== undefined, (q) => q.where('e.created_at', '<', filters.to!))
    .$if(filters.excludeTypePrefix !== undefined, (q) =>
      q.where('e.type', 'not like', `${filters.excludeTypePrefix!}%`),
    )
    .$if(page.before !== undefined, (q) =>
      q.where((eb) =>
        eb.or([
          eb('e.created_at', '<', page.before!.at),
          eb.and([eb('e.created_at', '=', page.before!.at), eb('e.id', '<', page.before!.id)]),
        ]),
      ),
    )
    .orderBy('e.created_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(page.limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    seq: r.seq === null ? null : Number(r.seq),
    at: toIso(r.created_at),
    type: r.type,
    officeId: r.office_id,
    caseId: r.case_id,
    trackingCode: r.tracking_code,
    actor: { type: r.actor_type, id: r.actor_id, name: r.actor_name },
    payload: parseJson(r.payload),
  }));
}

/** RFC 4180 CSV of trail items; cells that a spreadsheet would run as formulas are quoted with an apostrophe. */
export function trailCsv(items: TrailItem[]): string {
  const header = [
    'seq',
    'at',
    'type',
    'office_id',
    'case',
    'actor_type',
    'actor_id',
    'actor_name',
    'payload',
  ];
  const lines = [header.join(',')];
  for (const i of items)
    lines.push(
      [
        i.seq ?? '',
        i.at,
        i.type,
        i.officeId ?? '',
        i.trackingCode ?? i.caseId ?? '',
        i.actor.type,
        i.actor.id ?? '',
        i.actor.name ?? '',
        JSON.stringify(i.payload),
      ]
        .map(csvField)
        .join(','),
    );
  return `${lines.join('\r\n')}\r\n`;
}

function csvField(value: string | number): string {
  const text = String(value);
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
