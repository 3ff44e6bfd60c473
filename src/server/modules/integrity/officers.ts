import type { KeyObject } from 'node:crypto';
import type { Db } from '../../db/connection.js';
import { toIso } from '../../db/dialect.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../events/catalogue.js';
import { recordEvent } from '../../events/record-event.js';
import { WindowCounter } from '../../http/rate-limit.js';
import { inTransaction } from '../../lib/transaction.js';
import type { StaffUser } from '../accounts/model.js';
import {
  newOfficerKeyPair,
  openAsOfficer,
  openForSession,
  sealForSession,
  sealToOfficer,
  unlockPrivateKey,
} from './crypto.js';
import { reportedUserMac } from './reports.js';

/** How long an unlocked key stays usable in a session without a new passphrase. */
export const UNLOCK_TTL_MS = 15 * 60_000;
export const MIN_PASSPHRASE_LENGTH = 12;

/** Wrong passphrases per account: 5 per 15 minutes (the key file itself is scrypt-hard to attack offline). */
const passphraseFailures = new WindowCounter({ limit: 5, windowMs: 15 * 60_000 });

function requireOfficer(user: StaffUser): string {
  if (!user.roles.includes('integrity_officer') || !user.officeId) throw new AppError('forbidden');
  return user.officeId;
}

export interface OfficerKeyStatus {
  enrolled: boolean;
  status: 'active' | 'pending' | null;
  unlockedUntil: string | null;
  pendingOfficers: { userId: string; name: string }[];
}

/**
 * Creates the officer's key pair, the private key encrypted with their passphrase. The office's first officer is
 * active at once; later officers wait until an active officer grants them the existing reports (grantOfficer).
 */
export async function enrolOfficer(
  db: Db,
  user: StaffUser,
  actor: Actor,
  passphrase: string,
  now: Date,
): Promise<'active' | 'pending'> {
  const officeId = requireOfficer(user);
  if (passphrase.length < MIN_PASSPHRASE_LENGTH)
    throw new AppError('validation_failed', {
      errors: [{ field: 'passphrase', code: 'minLength', params: { limit: MIN_PASSPHRASE_LENGTH } }],
    });
  const pair = newOfficerKeyPair(passphrase);
  return inTransaction(db, async (trx) => {
    const existing = await trx
      .selectFrom('integrity_officer_keys')
      .select('user_id')
      .where('user_id', '=', user.id)
      .executeTakeFirst();
    if (existing) throw new AppError('conflict');
    const active = await trx
      .selectFrom('integrity_officer_keys')
      .select('user_id')
      .where('office_id', '=', officeId)
      .where('status', '=', 'active')
      .executeTakeFirst();
    const status = active ? 'pending' : 'active';
    await trx
      .insertInto('integrity_officer_keys')
      .values({
        user_id: user.id,
        office_id: officeId,
        public_key: pair.publicKey,
        encrypted_private_key: pair.encryptedPrivateKey,
        status,
        created_at: now.toISOString(),
      })
      .execute();
    await recordEvent(trx, {
      type: 'integrity.officer_enrolled',
      actor,
      officeId,
      payload: { userId: user.id, status },
      at: now,
    });
    return status;
  });
}

/** Unlocks the officer's key for this session: sealed with the session token, which only the browser holds. */
export async function unlockForSession(
  db: Db,
  user: StaffUser,
  actor: Actor,
  session: { id: string; token: string },
  passphrase: string,
  now: Date,
): Promise<string> {
  const officeId = requireOfficer(user);
  const wait = passphraseFailures.blockedFor(user.id);
  if (wait) throw new AppError('rate_limited', { retryAfterSeconds: wait });
  const keys = await db
    .selectFrom('integrity_officer_keys')
    .selectAll()
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  if (!keys) throw new AppError('not_found');
  const privateKey = unlockPrivateKey(keys.encrypted_private_key, passphrase);
  if (!privateKey) {
    passphraseFailures.hit(user.id);
    throw new AppError('invalid_credentials', { field: 'passphrase' });
  }
  const expiresAt = new Date(now.getTime() + UNLOCK_TTL_MS).toISOString();
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('integrity_unlocks').where('session_id', '=', session.id).execute();
    await trx
      .insertInto('integrity_unlocks')
      .values({
        session_id: session.id,
        user_id: user.id,
        sealed_key: sealForSession(privateKey, session.token, session.id),
        expires_at: expiresAt,
      })
      .execute();
    await recordEvent(trx, {
      type: 'integrity.key_unlocked',
      actor,
      officeId,
      payload: { userId: user.id },
      at: now,
    });
  });
  return expiresAt;
}

export async function lockForSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('integrity_unlocks').where('session_id', '=', sessionId).execute();
}

/** The officer's private key if this session unlocked it and it has not expired; else 403 integrity_locked. */
export async function unlockedKey(
  db: Db,
  user: StaffUser,
  session: { id: string; token: string },
  now: Date,
): Promise<KeyObject> {
  const row = await db
    .selectFrom('integrity_unlocks')
    .select(['sealed_key', 'expires_at', 'user_id'])
    .where('session_id', '=', session.id)
    .executeTakeFirst();
  if (!row || row.user_id !== user.id || toIso(row.expires_at) <= now.toISOString())
    throw new AppError('integrity_locked');
  const key = openForSession(row.sealed_key, session.token, session.id);
  if (!key) throw new AppError('integrity_locked');
  return key;
}

export async function officerKeyStatus(
  db: Db,
  user: StaffUser,
  sessionId: string,
  now: Date,
): Promise<OfficerKeyStatus> {
  const officeId = requireOfficer(user);
  const own = await db
    .selectFrom('integrity_officer_keys')
    .select('status')
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  const unlock = await db
    .selectFrom('integrity_unlocks')
    .select('expires_at')
    .where('session_id', '=', sessionId)
    .executeTakeFirst();
  const until = unlock ? toIso(unlock.expires_at) : null;
  const pending = await db
    .selectFrom('integrity_officer_keys as k')
    .innerJoin('users as u', 'u.id', 'k.user_id')
    .select(['k.user_id', 'u.display_name'])
    .where('k.office_id', '=', officeId)
    .where('k.status', '=', 'pending')
    .execute();
  return {
    enrolled: own !== undefined,
    status: own?.status ?? null,
    unlockedUntil: until && until > now.toISOString() ? until : null,
    pendingOfficers: pending.map((p) => ({ userId: p.user_id, name: p.display_name })),
  };
}

/**
 * An active, unlocked officer grants a pending colleague the office's reports: every report the granter can open
 * is sealed again to the colleague's public key — except reports that name the colleague as the reported person.
 */
export async function grantOfficer(
  db: Db,
  secret: string,
  user: StaffUser,
  actor: Actor,
  privateKey: KeyObject,
  targetUserId: string,
  now: Date,
): Promise<number> {
  const officeId = requireOfficer(user);
  const own = await db
    .selectFrom('integrity_officer_keys')
    .select('status')
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  if (own?.status !== 'active') throw new AppError('forbidden');
  const target = await db
    .selectFrom('integrity_officer_keys')
    .selectAll()
    .where('user_id', '=', targetUserId)
    .where('office_id', '=', officeId)
    .executeTakeFirst();
  if (!target) throw new AppError('not_found');
  if (target.status !== 'pending') throw new AppError('conflict');
  const reports = await db
    .selectFrom('integrity_reports as r')
    .innerJoin('integrity_report_keys as k', (join) =>
      join.onRef('k.report_id', '=', 'r.id').on('k.user_id', '=', user.id),
    )
    .select(['r.id', 'r.reported_user_mac', 'k.sealed_key'])
    .where('r.office_id', '=', officeId)
    .execute();
  const grants = reports
    .filter((r) => r.reported_user_mac !== reportedUserMac(secret, r.id, targetUserId))
    .map((r) => {
      const contentKey = openAsOfficer(r.sealed_key, privateKey, r.id);
      return contentKey
        ? {
            report_id: r.id,
            user_id: targetUserId,
            sealed_key: sealToOfficer(contentKey, target.public_key, r.id),
          }
        : null;
    })
    .filter((g) => g !== null);
  await inTransaction(db, async (trx) => {
    for (let i = 0; i < grants.length; i += 100)
      await trx
        .insertInto('integrity_report_keys')
        .values(grants.slice(i, i + 100))
        .execute();
    await trx
      .updateTable('integrity_officer_keys')
      .set({ status: 'active' })
      .where('user_id', '=', targetUserId)
      .execute();
    await recordEvent(trx, {
      type: 'integrity.officer_granted',
      actor,
      officeId,
      payload: { userId: targetUserId, reports: grants.length },
      at: now,
    });
  });
  return grants.length;
}
