import type { Db } from '../../db/connection.js';
import type { StaffUser } from './model.js';
import { requiresTwoFactor } from './roles.js';
import type { Session } from './sessions.js';
import { signInState } from './sign-in.js';

/** Office codes by id, for presenting users. */
export async function officeCodes(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('offices').select(['id', 'code']).execute();
  return new Map(rows.map((r) => [r.id, r.code]));
}

export function presentUser(user: StaffUser, codes: Map<string, string>) {
  const { officeId, ...rest } = user;
  return { ...rest, officeCode: officeId ? (codes.get(officeId) ?? null) : null };
}

export async function presentSession(db: Db, user: StaffUser, session: Session) {
  return {
    state: signInState(user, session),
    user: presentUser(user, await officeCodes(db)),
    csrfToken: session.csrfToken,
    twoFactorRequiredByRole: requiresTwoFactor(user.roles),
  };
}
