import type { Db } from '../../db/connection.js';
import { AppError } from '../../errors.js';
import { type Actor, staffActor } from '../../events/catalogue.js';
import { recordEvent } from '../../events/record-event.js';
import { newId } from '../../lib/ids.js';
import { inTransaction } from '../../lib/transaction.js';
import type { StaffUser } from './model.js';
import { requiresTwoFactor } from './roles.js';
import { deleteUserSessions } from './sessions.js';
import { findUserById } from './storage.js';
import {
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  sealTotpSecret,
  totpUri,
  verifyTotp,
} from './totp.js';

/**
 * Enrolment in two steps: a new secret is stored (not yet active) and shown once as a QR code; a first valid
 * code activates it and yields the recovery codes. Until then the old state stays in force.
 */
export async function beginTwoFactorSetup(
  db: Db,
  appSecret: string,
  user: StaffUser,
): Promise<{ secret: string; uri: string }> {
  if (user.twoFactorEnabled) throw new AppError('conflict', { reason: 'two-factor already enabled' });
  const secret = newTotpSecret();
  await db
    .updateTable('users')
    .set({ totp_secret: sealTotpSecret(appSecret, secret), totp_last_step: null })
    .where('id', '=', user.id)
    .execute();
  return { secret, uri: totpUri(secret, user.email) };
}

export async function confirmTwoFactorSetup(
  db: Db,
  appSecret: string,
  user: StaffUser,
  code: string,
  now = new Date(),
): Promise<string[]> {
  const account = (await findUserById(db, user.id))!;
  if (account.twoFactorEnabled || !account.totpSecret)
    throw new AppError('conflict', { reason: 'no setup started' });
  const step = verifyTotp(appSecret, account.totpSecret, code.trim(), null);
  if (step === null) throw new AppError('invalid_code', { field: 'code' });
  const codes = newRecoveryCodes();
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('users')
      .set({ totp_enabled_at: now.toISOString(), totp_last_step: step, updated_at: now.toISOString() })
      .where('id', '=', user.id)
      .execute();
    await trx.deleteFrom('recovery_codes').where('user_id', '=', user.id).execute();
    await trx
      .insertInto('recovery_codes')
      .values(
        codes.map((c) => ({
          id: newId(),
          user_id: user.id,
          code_hash: hashRecoveryCode(appSecret, c),
          used_at: null,
        })),
      )
      .execute();
    await recordEvent(trx, {
      type: 'user.two_factor_enabled',
      actor: staffActor(user),
      officeId: user.officeId,
      payload: {},
      at: now,
    });
  });
  return codes;
}

/**
 * Removes a user's second factor (lost phone). Their sessions end; if their role requires two-factor they must
 * enrol again at the next sign-in.
 */
export async function resetTwoFactor(db: Db, actor: Actor, userId: string, now = new Date()): Promise<void> {
  await inTransaction(db, async (trx) => {
    const account = await findUserById(trx, userId);
    if (!account) throw new AppError('not_found');
    await trx
      .updateTable('users')
      .set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null, updated_at: now.toISOString() })
      .where('id', '=', userId)
      .execute();
    await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
    await deleteUserSessions(trx, userId);
    await recordEvent(trx, {
      type: 'user.two_factor_reset',
      actor,
      officeId: account.officeId,
      payload: {},
      at: now,
    });
  });
}

/** A user turns their own optional second factor off. */
export async function disableOwnTwoFactor(db: Db, user: StaffUser, now = new Date()): Promise<void> {
  if (requiresTwoFactor(user.roles)) throw new AppError('two_factor_mandatory');
  await resetTwoFactor(db, staffActor(user), user.id, now);
}
