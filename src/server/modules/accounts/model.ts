import type { Language } from '../../../shared/enums.js';
import { toIso, toIsoOrNull } from '../../db/dialect.js';
import type { UserRow } from '../../db/schema.js';
import { isRole, type Role } from './roles.js';

export interface StaffUser {
  id: string;
  email: string;
  displayName: string;
  /** Null for a national administrator who spans offices. */
  officeId: string | null;
  roles: Role[];
  teamIds: string[];
  language: Language;
  twoFactorEnabled: boolean;
  disabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

/** The stored row plus what only sign-in needs; never leaves the accounts module's commands. */
export interface StaffCredentials extends StaffUser {
  passwordHash: string | null;
  totpSecret: string | null;
  totpLastStep: number | null;
  failedLogins: number;
  lockedUntil: string | null;
}

export function toCredentials(row: UserRow, roles: string[], teamIds: string[]): StaffCredentials {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    officeId: row.office_id,
    roles: roles.filter(isRole).sort(),
    teamIds: [...teamIds].sort(),
    language: row.language,
    twoFactorEnabled: row.totp_enabled_at !== null,
    disabled: row.disabled_at !== null,
    lastLoginAt: toIsoOrNull(row.last_login_at),
    createdAt: toIso(row.created_at),
    passwordHash: row.password_hash,
    totpSecret: row.totp_secret,
    totpLastStep: row.totp_last_step === null ? null : Number(row.totp_last_step),
    failedLogins: row.failed_logins,
    lockedUntil: toIsoOrNull(row.locked_until),
  };
}

export function toStaffUser(credentials: StaffCredentials): StaffUser {
  const { passwordHash, totpSecret, totpLastStep, failedLogins, lockedUntil, ...user } = credentials;
  return user;
}
