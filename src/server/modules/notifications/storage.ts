import type { Db } from '../../db/connection.js';
import { parseJson, toBool, toIso, toIsoOrNull } from '../../db/dialect.js';
import { DEFAULT_PREFERENCES, NOTIFICATION_KINDS, type NotificationKind } from './notify.js';

export interface Notification {
  id: string;
  kind: NotificationKind;
  trackingCode: string | null;
  subject: string | null;
  actorName: string | null;
  details: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

export async function listNotifications(
  db: Db,
  userId: string,
  options: { unreadOnly: boolean; limit: number; before?: string },
): Promise<Notification[]> {
  const rows = await db
    .selectFrom('notifications')
    .selectAll()
    .where('user_id', '=', userId)
    .$if(options.unreadOnly, (q) => q.where('read_at', 'is', null))
    .$if(options.before !== undefined, (q) => q.where('created_at', '<', options.before!))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as NotificationKind,
    trackingCode: r.tracking_code,
    subject: r.subject,
    actorName: r.actor_name,
    details: (parseJson(r.details) ?? {}) as Record<string, unknown>,
    createdAt: toIso(r.created_at),
    readAt: toIsoOrNull(r.read_at),
  }));
}

export async function countUnread(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Marks the user's notifications read: the given ones, or all. Returns how many changed. */
export async function markRead(db: Db, userId: string, ids: string[] | 'all', now: Date): Promise<number> {
  if (ids !== 'all' && ids.length === 0) return 0;
  const result = await db
    .updateTable('notifications')
    .set({ read_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .$if(ids !== 'all', (q) => q.where('id', 'in', ids as string[]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface Preference {
  kind: NotificationKind;
  inApp: boolean;
  email: boolean;
}

/** Every kind, with the user's choice or the default. */
export async function listPreferences(db: Db, userId: string): Promise<Preference[]> {
  const rows = await db
    .selectFrom('notification_preferences')
    .selectAll()
    .where('user_id', '=', userId)
    .execute();
  const chosen = new Map(rows.map((r) => [r.kind, r]));
  return NOTIFICATION_KINDS.map((kind) => {
    const row = chosen.get(kind);
    const fallback = DEFAULT_PREFERENCES[kind];
    return {
      kind,
      inApp: row ? toBool(row.in_app) : fallback.inApp,
      email: row ? toBool(row.email) : fallback.email,
    };
  });
}

export async function savePreferences(db: Db, userId: string, preferences: Preference[]): Promise<void> {
  for (const p of preferences) {
    await db
      .insertInto('notification_preferences')
      .values({ user_id: userId, kind: p.kind, in_app: p.inApp, email: p.email })
      .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet({ in_app: p.inApp, email: p.email }))
      .execute();
  }
}
