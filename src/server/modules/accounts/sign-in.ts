import { createHmac } from 'node:crypto';
import type { Config } from '../../config.js';
import type { Db } from '../../db/connection.js';
import { AppError } from '../../errors.js';
import { staffActor } from '../../events/catalogue.js';
import { recordEvent } from '../../events/record-event.js';
import { type StaffCredentials, type StaffUser, toStaffUser } from './model.js';
import { decoy, verifyPassword } from './passwords.js';
import { requiresTwoFactor } from './roles.js';
import { completeTwoFactor, createSession, type Session } from './sessions.js';
import { findUserByEmail, findUserById } from './storage.js';
import { hashRecoveryCode, verifyTotp } from './totp.js';

/** After this many failures in a row an account locks itself, for longer each time (1, 2, 4 … up to 15 minutes). */
const FREE_FAILURES = 5;
const MAX_LOCK_MS = 15 * 60_000;

export type SignInState = 'signed_in' | 'two_factor_required' | 'two_factor_setup_required';

export interface SignInResult {
  token: string;
  session: Session;
  user: StaffUser;
  state: SignInState;
}

export function signInState(user: StaffUser, session: Pick<Session, 'twoFactorPending'>): SignInState {
  if (!session.twoFactorPending) return 'signed_in';
  return user.twoFactorEnabled ? 'two_factor_required' : 'two_factor_setup_required';
}

/** Checks e-mail and password; opens a session that may still wait for the second factor. */
export async function signIn(
  db: Db,
  config: Pick<Config, 'secret' | 'sessions'>,
  input: { email: string; password: string; userAgent?: string },
  now = new Date(),
): Promise<SignInResult> {
  const account = await findUserByEmail(db, input.email);
  if (!account) {
    await verifyPassword(await decoy(), input.password);
    await failed(db, null, 'unknown_account', now, emailHash(config.secret, input.email));
    throw new AppError('invalid_credentials');
  }
  const lockedFor = account.lockedUntil ? Date.parse(account.lockedUntil) - now.getTime() : 0;
  if (lockedFor > 0) {
    await failed(db, account, 'locked', now);
    throw new AppError('account_locked', { retryAfterSeconds: Math.ceil(lockedFor / 1000) });
  }
  if (!(await verifyPassword(account.passwordHash, input.password))) {
    await registerFailure(db, account, now);
    throw new AppError('invalid_credentials');
  }
  if (account.disabled) {
    await failed(db, account, 'disabled', now);
    throw new AppError('invalid_credentials');
  }
  const user = toStaffUser(account);
  const pending = user.twoFactorEnabled || requiresTwoFactor(user.roles);
  const { token, session } = await createSession(db, user.id, {
    twoFactorPending: pending,
    userAgent: input.userAgent,
    settings: config.sessions,
    now,
  });
  await db
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null })
    .where('id', '=', user.id)
    .execute();
  if (!pending) await signedIn(db, user, 'password', now);
  return { token, session, user, state: signInState(user, session) };
}

/** The second step: a TOTP code or a recovery code. */
export async function verifySecondFactor(
  db: Db,
  config: Pick<Config, 'secret'>,
  session: Session,
  code: string,
  now = new Date(),
): Promise<StaffUser> {
  const account = (await findUserById(db, session.userId))!;
  if (!account.twoFactorEnabled || !account.totpSecret) throw new AppError('two_factor_setup_required');
  const lockedFor = account.lockedUntil ? Date.parse(account.lockedUntil) - now.getTime() : 0;
  if (lockedFor > 0) throw new AppError('account_locked', { retryAfterSeconds: Math.ceil(lockedFor / 1000) });
  const trimmed = code.trim().replace(/\s/g, '');
  const step = verifyTotp(config.secret, account.totpSecret, trimmed, account.totpLastStep);
  let method: 'password+totp' | 'password+recovery_code' = 'password+totp';
  if (step !== null) {
    await db.updateTable('users').set({ totp_last_step: step }).where('id', '=', account.id).execute();
  } else if (await useRecoveryCode(db, config.secret, account.id, trimmed, now)) {
    method = 'password+recovery_code';
  } else {
    await registerFailure(db, account, now, 'wrong_code');
    throw new AppError('invalid_code', { field: 'code' });
  }
  await completeTwoFactor(db, session.id);
  await db
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null })
    .where('id', '=', account.id)
    .execute();
  const user = toStaffUser(account);
  await signedIn(db, user, method, now);
  return user;
}

async function useRecoveryCode(
  db: Db,
  secret: string,
  userId: string,
  code: string,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('recovery_codes')
    .set({ used_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hashRecoveryCode(secret, code))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

async function registerFailure(
  db: Db,
  account: StaffCredentials,
  now: Date,
  reason: 'wrong_password' | 'wrong_code' = 'wrong_password',
): Promise<void> {
  const failures = account.failedLogins + 1;
  const over = failures - FREE_FAILURES;
  const lockedUntil =
    over >= 0 ? new Date(now.getTime() + Math.min(MAX_LOCK_MS, 60_000 * 2 ** over)).toISOString() : null;
  await db
    .updateTable('users')
    .set({ failed_logins: failures, locked_until: lockedUntil })
    .where('id', '=', account.id)
    .execute();
  await failed(db, account, reason, now);
}

async function failed(
  db: Db,
  account: StaffCredentials | null,
  reason: 'unknown_account' | 'wrong_password' | 'wrong_code' | 'disabled' | 'locked',
  now: Date,
  hashedEmail?: string,
): Promise<void> {
  await recordEvent(db, {
    type: 'auth.sign_in_failed',
    actor: account ? staffActor(account) : { type: 'system', id: null, name: null },
    officeId: account?.officeId ?? null,
    payload: { reason, ...(hashedEmail ? { emailHash: hashedEmail } : {}) },
    at: now,
  });
}

async function signedIn(
  db: Db,
  user: StaffUser,
  method: 'password' | 'password+totp' | 'password+recovery_code',
  now: Date,
) {
  await db.updateTable('users').set({ last_login_at: now.toISOString() }).where('id', '=', user.id).execute();
  await recordEvent(db, {
    type: 'auth.signed_in',
    actor: staffActor(user),
    officeId: user.officeId,
    payload: { method },
    at: now,
  });
}

/** Failed sign-ins for unknown accounts are logged by a keyed hash, never the typed address. */
function emailHash(secret: string, email: string): string {
  return createHmac('sha256', secret)
    .update(`email:${email.trim().toLowerCase()}`)
    .digest('hex')
    .slice(0, 16);
}
