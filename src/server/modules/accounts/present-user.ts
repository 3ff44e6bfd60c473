import type { Db } from '../../db/connection.js';
import { referenceData } from '../offices/reference-data.js';
import type { StaffUser } from './model.js';
import { requiresTwoFactor } from './roles.js';
import type { Session } from './sessions.js';
import { signInState } from './sign-in.js';

/** Office codes by id, for presenting users (from the cached reference data). */
export async function officeCodes(db: Db): Promise<Map<string, string>> {
  return new Map([...(await referenceData(db)).officesById].map(([id, office]) => [id, office.code]));
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
