import type { CaseStatus } from '../../../shared/enums.js';

/**
 * The legal life of a case. Anything not listed here is refused with `invalid_transition`.
 *   received → in_progress → waiting_on_citizen ⇄ in_progress → resolved → closed
 *   resolved → in_progress (reopen) · received → rejected (with a reason)
 */
export const TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  received: ['in_progress', 'rejected'],
  in_progress: ['waiting_on_citizen', 'resolved'],
  waiting_on_citizen: ['in_progress'],
  resolved: ['closed', 'in_progress'],
  closed: [],
  rejected: [],
};

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function isFinal(status: CaseStatus): boolean {
  return TRANSITIONS[status].length === 0;
}

/** Transitions that must say why: the citizen is told the reason. */
export function requiresReason(to: CaseStatus): boolean {
  return to === 'rejected';
}
