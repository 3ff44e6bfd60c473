/**
 * Staff roles. A person may hold several (a small office's supervisor often publishes too).
 *   agent — handles cases of their office · supervisor — all cases of the office, assignment, reopen, reports
 *   publisher — knowledge base and publications · integrity_officer — the only role that sees integrity reports
 *   auditor — read-only, including the event trail · admin — users, teams, categories, settings (no case content)
 */
export const ROLES = ['agent', 'supervisor', 'publisher', 'integrity_officer', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles whose holders must use two-factor authentication. */
export const TWO_FACTOR_REQUIRED_ROLES: readonly Role[] = ['admin', 'integrity_officer'];

export function requiresTwoFactor(roles: readonly Role[]): boolean {
  return roles.some((role) => TWO_FACTOR_REQUIRED_ROLES.includes(role));
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
