import { AppError } from '../../errors.js';
import type { StaffUser } from './model.js';

/**
 * Administration: administrators manage accounts, teams and categories of their office (a national
 * administrator, of every office). Nobody manages an account outside their reach, and an office
 * administrator cannot make anyone national.
 */
export function canAdminister(user: StaffUser, officeId: string | null): boolean {
  if (!user.roles.includes('admin')) return false;
  return user.officeId === null || (officeId !== null && officeId === user.officeId);
}

export function authorizeAdmin(user: StaffUser, officeId: string | null): void {
  if (!user.roles.includes('admin')) throw new AppError('forbidden');
  // Another office's records stay invisible: 404 rather than 403.
  if (!canAdminister(user, officeId)) throw new AppError('not_found');
}

/** Canned responses are written by supervisors and administrators, and used by everyone who handles cases. */
export function canManageCannedResponses(user: StaffUser, officeId: string): boolean {
  const inOffice = user.officeId === null || user.officeId === officeId;
  return inOffice && user.roles.some((r) => r === 'supervisor' || r === 'admin');
}

export function canUseCannedResponses(user: StaffUser, officeId: string): boolean {
  const inOffice = user.officeId === null || user.officeId === officeId;
  return inOffice && user.roles.some((r) => r === 'agent' || r === 'supervisor' || r === 'admin');
}
