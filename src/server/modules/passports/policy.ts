import { AppError } from '../../errors.js';
import type { StaffUser } from '../accounts/model.js';
import type { Role } from '../accounts/roles.js';

/**
 * Who may do what with passport applications. Applications are personal data of the office's applicants:
 * people outside the office get 404 (as for cases), people of the office without the role get 403.
 *   read (search, application page, stage beside a case) — agent, supervisor, auditor
 *   link a case, record the applicant's consent withdrawal — agent, supervisor
 *   record a stage, import — supervisor · reports — supervisor, auditor
 *   API keys and completion settings — admin
 */
export type PassportAction =
  | 'read'
  | 'link_case'
  | 'withdraw_consent'
  | 'change_stage'
  | 'import'
  | 'report'
  | 'administer';

const RULES: Record<PassportAction, readonly Role[]> = {
  read: ['agent', 'supervisor', 'auditor'],
  link_case: ['agent', 'supervisor'],
  withdraw_consent: ['agent', 'supervisor'],
  change_stage: ['supervisor'],
  import: ['supervisor'],
  report: ['supervisor', 'auditor'],
  administer: ['admin'],
};

export function isSameOffice(user: StaffUser, officeId: string): boolean {
  return user.officeId === null || user.officeId === officeId;
}

export function can(user: StaffUser, action: PassportAction, officeId: string): boolean {
  return isSameOffice(user, officeId) && user.roles.some((role) => RULES[action].includes(role));
}

/** Throws 404 for another office's application, 403 for a missing role. */
export function authorizePassports(user: StaffUser, action: PassportAction, officeId: string): void {
  if (!isSameOffice(user, officeId)) throw new AppError('not_found');
  if (!can(user, action, officeId)) throw new AppError('forbidden');
}

/** Actions the console may offer on an application. */
export function allowedActions(user: StaffUser, officeId: string): PassportAction[] {
  return (Object.keys(RULES) as PassportAction[]).filter((action) => can(user, action, officeId));
}
