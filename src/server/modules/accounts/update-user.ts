import type { Language } from '../../../shared/enums.js';
import type { Db } from '../../db/connection.js';
import { AppError } from '../../errors.js';
import { type Actor, staffActor } from '../../events/catalogue.js';
import { recordEvent } from '../../events/record-event.js';
import { inTransaction } from '../../lib/transaction.js';
import { assertStrongPassword } from './create-user.js';
import { type StaffUser, toStaffUser } from './model.js';
import { hashPassword, verifyPassword } from './passwords.js';
import type { Role } from './roles.js';
import { deleteUserSessions } from './sessions.js';
import { findUserById, replaceRoles, replaceTeams } from './storage.js';

export interface UserEdit {
  displayName?: string;
  roles?: Role[];
  officeId?: string | null;
  teamIds?: string[];
  language?: Language;
  disabled?: boolean;
}

/**
 * An administrator's edit of an account. Changing roles, office or disabling ends the user's sessions, so the new
 * rights apply at once and a removed right cannot linger in an open browser.
 */
export async function updateUser(
  db: Db,
  actor: Actor,
  userId: string,
  edit: UserEdit,
  now = new Date(),
): Promise<StaffUser> {
  return inTransaction(db, async (trx) => {
    const current = await findUserById(trx, userId);
    if (!current) throw new AppError('not_found');
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const note = (field: string, from: unknown, to: unknown) => {
      if (to !== undefined && JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
    };
    const roles = edit.roles && [...new Set(edit.roles)].sort();
    const teamIds = edit.teamIds && [...new Set(edit.teamIds)].sort();
    note('displayName', current.displayName, edit.displayName?.trim());
    note('roles', current.roles, roles);
    note('officeId', current.officeId, edit.officeId);
    note('teamIds', current.teamIds, teamIds);
    note('language', current.language, edit.language);
    note('disabled', current.disabled, edit.disabled);
    if (Object.keys(changes).length === 0) return toStaffUser(current);

    const at = now.toISOString();
    await trx
      .updateTable('users')
      .set({
        ...(changes.displayName ? { display_name: edit.displayName!.trim() } : {}),
        ...(changes.officeId ? { office_id: edit.officeId! } : {}),
        ...(changes.language ? { language: edit.language! } : {}),
        ...(changes.disabled ? { disabled_at: edit.disabled ? at : null } : {}),
        updated_at: at,
      })
      .where('id', '=', userId)
      .execute();
    if (changes.roles) await replaceRoles(trx, userId, roles!);
    if (changes.teamIds) await replaceTeams(trx, userId, teamIds!);
    if (changes.roles || changes.officeId || edit.disabled) await deleteUserSessions(trx, userId);
    await recordEvent(trx, {
      type: 'user.updated',
      actor,
      officeId: current.officeId,
      payload: { changes },
      at: now,
    });
    return toStaffUser((await findUserById(trx, userId))!);
  });
}

/** A user changes their own password; every other session of theirs ends. */
export async function changeOwnPassword(
  db: Db,
  user: StaffUser,
  currentSessionId: string,
  input: { currentPassword: string; newPassword: string },
  now = new Date(),
): Promise<void> {
  const account = (await findUserById(db, user.id))!;
  if (!(await verifyPassword(account.passwordHash, input.currentPassword))) {
    throw new AppError('invalid_credentials', { field: 'currentPassword' });
  }
  assertStrongPassword(input.newPassword, [user.email, user.displayName]);
  const hash = await hashPassword(input.newPassword);
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: hash, updated_at: now.toISOString() })
      .where('id', '=', user.id)
      .execute();
    await deleteUserSessions(trx, user.id, currentSessionId);
    await recordEvent(trx, {
      type: 'user.password_changed',
      actor: staffActor(user),
      officeId: user.officeId,
      payload: {},
      at: now,
    });
  });
}

/** An administrator sets a new password (returned once when generated); the user's sessions end. */
export async function resetPassword(
  db: Db,
  actor: Actor,
  userId: string,
  password: string,
  now = new Date(),
): Promise<void> {
  const account = await findUserById(db, userId);
  if (!account) throw new AppError('not_found');
  assertStrongPassword(password, [account.email, account.displayName]);
  const hash = await hashPassword(password);
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: hash, failed_logins: 0, locked_until: null, updated_at: now.toISOString() })
      .where('id', '=', userId)
      .execute();
    await deleteUserSessions(trx, userId);
    await recordEvent(trx, {
      type: 'user.password_changed',
      actor,
      officeId: account.officeId,
      payload: {},
      at: now,
    });
  });
}
