import type { Config } from '../../config.js';
import type { Db } from '../../db/connection.js';
import { SYSTEM_ACTOR } from '../../events/catalogue.js';
import { createUser } from './create-user.js';
import { countUsers } from './storage.js';

export const DEFAULT_ADMIN_EMAIL = 'admin@loket.local';

/**
 * On a database without any account, creates the first administrator (national, all offices) from
 * LOKET_ADMIN_EMAIL / LOKET_ADMIN_PASSWORD, or with a generated password that is returned to be shown once.
 */
export async function ensureFirstAdmin(
  db: Db,
  config: Pick<Config, 'adminEmail' | 'adminPassword'>,
): Promise<{ email: string; generatedPassword?: string } | undefined> {
  if ((await countUsers(db)) > 0) return undefined;
  const email = config.adminEmail ?? DEFAULT_ADMIN_EMAIL;
  const { generatedPassword } = await createUser(db, SYSTEM_ACTOR, {
    email,
    displayName: 'Administrator',
    roles: ['admin'],
    officeId: null,
    password: config.adminPassword,
  });
  return { email, generatedPassword };
}
