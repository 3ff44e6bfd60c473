import { createHash, randomBytes } from 'node:crypto';
import type { SessionSettings } from '../../config.js';
import type { Db } from '../../db/connection.js';
import { toBool, toIso } from '../../db/dialect.js';

/**
 * Server-side sessions. The cookie holds a random token; the database holds only its SHA-256, so a leaked
 * database cannot be replayed as cookies. Each session has its own CSRF token for state-changing requests.
 */
export interface Session {
  id: string;
  userId: string;
  csrfToken: string;
  twoFactorPending: boolean;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  db: Db,
  userId: string,
  options: { twoFactorPending: boolean; userAgent?: string; settings: SessionSettings; now: Date },
): Promise<{ token: string; session: Session }> {
  const token = randomBytes(32).toString('base64url');
  const at = options.now.toISOString();
  const session: Session = {
    id: hashToken(token),
    userId,
    csrfToken: randomBytes(24).toString('base64url'),
    twoFactorPending: options.twoFactorPending,
    createdAt: at,
    lastSeenAt: at,
    expiresAt: new Date(options.now.getTime() + options.settings.absoluteMs).toISOString(),
  };
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: userId,
      csrf_token: session.csrfToken,
      two_factor_pending: session.twoFactorPending,
      user_agent: options.userAgent?.slice(0, 200) ?? null,
      created_at: at,
      last_seen_at: at,
      expires_at: session.expiresAt,
    })
    .execute();
  return { token, session };
}

/** The live session for a cookie token, or undefined if unknown, expired or idle too long (then it is removed). */
export async function findLiveSession(
  db: Db,
  token: string,
  settings: SessionSettings,
  now: Date,
): Promise<Session | undefined> {
  const row = await db
    .selectFrom('sessions')
    .selectAll()
    .where('id', '=', hashToken(token))
    .executeTakeFirst();
  if (!row) return undefined;
  const session: Session = {
    id: row.id,
    userId: row.user_id,
    csrfToken: row.csrf_token,
    twoFactorPending: toBool(row.two_factor_pending),
    createdAt: toIso(row.created_at),
    lastSeenAt: toIso(row.last_seen_at),
    expiresAt: toIso(row.expires_at),
  };
  const idleUntil = Date.parse(session.lastSeenAt) + settings.idleMs;
  if (now.getTime() >= Date.parse(session.expiresAt) || now.getTime() >= idleUntil) {
    await deleteSession(db, session.id);
    return undefined;
  }
  // Writing on every request would turn every read into a write; a minute's precision is enough for idling.
  if (now.getTime() - Date.parse(session.lastSeenAt) > 60_000) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now.toISOString() })
      .where('id', '=', session.id)
      .execute();
  }
  return session;
}

export async function completeTwoFactor(db: Db, sessionId: string): Promise<void> {
  await db.updateTable('sessions').set({ two_factor_pending: false }).where('id', '=', sessionId).execute();
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of a user ("log out everywhere", password change, disabling, role change). */
export async function deleteUserSessions(db: Db, userId: string, except?: string): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .$if(except !== undefined, (q) => q.where('id', '!=', except!))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
