import { AppError } from '../../errors.js';
import type { StaffUser } from '../accounts/model.js';
import type { Role } from '../accounts/roles.js';

/**
 * Who may do what with the SKM report (the answers themselves are anonymous and never listed one by one):
 *   read the report, download PDF/XLSX — supervisor, auditor · write the follow-up plan — supervisor.
 * Another office's report is 404, as for cases.
 */
export type SurveyAction = 'report' | 'plan';

const RULES: Record<SurveyAction, readonly Role[]> = {
  report: ['supervisor', 'auditor'],
  plan: ['supervisor'],
};

export function can(user: StaffUser, action: SurveyAction, officeId: string): boolean {
  const sameOffice = user.officeId === null || user.officeId === officeId;
  return sameOffice && user.roles.some((role) => RULES[action].includes(role));
}

export function authorizeSurveys(user: StaffUser, action: SurveyAction, officeId: string): void {
  if (user.officeId !== null && user.officeId !== officeId) throw new AppError('not_found');
  if (!can(user, action, officeId)) throw new AppError('forbidden');
}

export function allowedSurveyActions(user: StaffUser, officeId: string): SurveyAction[] {
  return (Object.keys(RULES) as SurveyAction[]).filter((action) => can(user, action, officeId));
}
