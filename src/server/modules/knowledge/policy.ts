import { AppError } from '../../errors.js';
import type { StaffUser } from '../accounts/model.js';

/**
 * Who may do what with the knowledge base. The articles, FAQ entries, categories, fees and dictionary are shared
 * by the deployment: publishers and administrators write them, auditors read them. Service standards and the
 * maklumat belong to an office: only that office's publishers and administrators (or national ones) write them.
 */
const WRITERS = ['publisher', 'admin'] as const;
const READERS = ['publisher', 'admin', 'auditor'] as const;

export function canReadKnowledge(user: StaffUser): boolean {
  return user.roles.some((r) => (READERS as readonly string[]).includes(r));
}

export function canWriteKnowledge(user: StaffUser): boolean {
  return user.roles.some((r) => (WRITERS as readonly string[]).includes(r));
}

export function authorizeKnowledgeRead(user: StaffUser): void {
  if (!canReadKnowledge(user)) throw new AppError('forbidden');
}

export function authorizeKnowledgeWrite(user: StaffUser): void {
  if (!canWriteKnowledge(user)) throw new AppError('forbidden');
}

/** Another office's standards stay invisible to office staff: 404 rather than 403. */
export function authorizeOfficeKnowledge(user: StaffUser, officeId: string, write: boolean): void {
  if (write) authorizeKnowledgeWrite(user);
  else authorizeKnowledgeRead(user);
  if (user.officeId !== null && user.officeId !== officeId) throw new AppError('not_found');
}
