import { randomInt } from 'node:crypto';
import type { Language } from '../../../shared/enums.js';
import type { Db } from '../../db/connection.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../events/catalogue.js';
import { recordEvent } from '../../events/record-event.js';
import { newId } from '../../lib/ids.js';
import { inTransaction } from '../../lib/transaction.js';
import { type StaffUser, toStaffUser } from './model.js';
import { hashPassword, passwordProblem } from './passwords.js';
import type { Role } from './roles.js';
import { findUserById, normalizeEmail, replaceRoles } from './storage.js';

export interface NewUser {
  email: string;
  displayName: string;
  roles: Role[];
  /** Null for a national account spanning offices. */
  officeId: string | null;
  language?: Language;
  /** Omitted: a strong password is generated and returned once. */
  password?: string;
}

/** A readable random password of 20 characters (about 100 bits) for new accounts and resets. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
  let password = '';
  for (let i = 0; i < 20; i++) password += alphabet[randomInt(alphabet.length)];
  return password.match(/.{5}/g)!.join('-');
}

export function assertStrongPassword(password: string, personal: string[]): void {
  const problem = passwordProblem(password, personal);
  if (problem) {
    throw new AppError('weak_password', { errors: [{ field: 'password', code: `password.${problem}` }] });
  }
}

export async function createUser(
  db: Db,
  actor: Actor,
  input: NewUser,
  now = new Date(),
): Promise<{ user: StaffUser; generatedPassword?: string }> {
  const email = normalizeEmail(input.email);
  const generatedPassword = input.password === undefined ? generatePassword() : undefined;
  const password = input.password ?? generatedPassword!;
  assertStrongPassword(password, [email, input.displayName]);
  const passwordHash = await hashPassword(password);
  const id = newId(now.getTime());
  try {
    await inTransaction(db, async (trx) => {
      const at = now.toISOString();
      await trx
        .insertInto('users')
        .values({
          id,
          office_id: input.officeId,
          email,
          display_name: input.displayName.trim(),
          role: input.roles[0] ?? 'agent',
          created_at: at,
          updated_at: at,
          disabled_at: null,
          password_hash: passwordHash,
          totp_secret: null,
          totp_enabled_at: null,
          totp_last_step: null,
          locked_until: null,
          last_login_at: null,
          language: input.language ?? 'id',
        })
        .execute();
      await replaceRoles(trx, id, [...new Set(input.roles)]);
      await recordEvent(trx, {
        type: 'user.created',
        actor,
        officeId: input.officeId,
        payload: { email, roles: input.roles, officeId: input.officeId },
        at: now,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('email_taken', { field: 'email' });
    throw error;
  }
  return { user: toStaffUser((await findUserById(db, id))!), generatedPassword };
}
