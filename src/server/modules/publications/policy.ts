import { AppError } from '../../errors.js';
import type { StaffUser } from '../accounts/model.js';
import type { Role } from '../accounts/roles.js';

/**
 * Who may do what with publications and enforcement records (least privilege):
 * - publications: publishers write, review and publish; auditors read. Administrators do not write them (the four
 *   eyes are two publishers).
 * - enforcement records in full (name, travel document number): supervisors only, of their office (national
 *   supervisors: all offices). Publishers cite records but only ever see them as initials and nationality; no
 *   other role sees them at all.
 * - webhooks: administrators configure them (URL, secret); publishers see deliveries and may retry them.
 */
const has = (user: StaffUser, roles: readonly Role[]) => user.roles.some((r) => roles.includes(r));

export const PUBLICATION_READERS: readonly Role[] = ['publisher', 'auditor'];
export const PUBLICATION_WRITERS: readonly Role[] = ['publisher'];
export const RECORD_KEEPERS: readonly Role[] = ['supervisor'];
export const WEBHOOK_ADMINS: readonly Role[] = ['admin'];

export function authorizePublicationRead(user: StaffUser): void {
  if (!has(user, PUBLICATION_READERS)) throw new AppError('forbidden');
}

export function authorizePublicationWrite(user: StaffUser): void {
  if (!has(user, PUBLICATION_WRITERS)) throw new AppError('forbidden');
}

export function authorizeRecords(user: StaffUser): void {
  if (!has(user, RECORD_KEEPERS)) throw new AppError('forbidden');
}

export function authorizeWebhooks(user: StaffUser): void {
  if (!has(user, WEBHOOK_ADMINS)) throw new AppError('forbidden');
}

/** Another office's publications and records are invisible to office staff: 404 rather than 403. */
export function authorizeOffice(user: StaffUser, officeId: string): void {
  if (user.officeId !== null && user.officeId !== officeId) throw new AppError('not_found');
}

/** The office new items belong to: the user's own, or for national staff the one they name. */
export function officeScope(user: StaffUser): string | null {
  return user.officeId;
}
