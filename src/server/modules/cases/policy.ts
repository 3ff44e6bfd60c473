import type { CaseStatus } from '../../../shared/enums.js';
import { AppError } from '../../errors.js';
import type { StaffUser } from '../accounts/model.js';
import type { Role } from '../accounts/roles.js';
import type { Case } from './model.js';

/**
 * Who may do what with a case. Each rule names the roles it allows and a condition on the user and the case;
 * `authorizeCase` throws — 404 when the user may not even see the case (its existence stays private), 403 when
 * they see it but may not act.
 */
export type CaseAction =
  | 'read'
  | 'reply'
  | 'note'
  | 'transition'
  | 'reopen'
  | 'update'
  | 'assign'
  | 'take'
  | 'link'
  | 'merge';

type Condition = (user: StaffUser, subject: Case) => boolean;

interface Rule {
  action: CaseAction;
  roles: readonly Role[];
  when: Condition;
}

export const isSameOffice: Condition = (user, subject) =>
  user.officeId === null || user.officeId === subject.officeId;
const isUnassigned: Condition = (_, subject) => subject.assigneeId === null;
const isOpen: Condition = (_, subject) => subject.mergedIntoId === null;
const both =
  (...conditions: Condition[]): Condition =>
  (user, subject) =>
    conditions.every((c) => c(user, subject));

const HANDLERS: readonly Role[] = ['agent', 'supervisor'];

const RULES: readonly Rule[] = [
  { action: 'read', roles: ['agent', 'supervisor', 'auditor'], when: isSameOffice },
  { action: 'reply', roles: HANDLERS, when: both(isSameOffice, isOpen) },
  { action: 'note', roles: HANDLERS, when: isSameOffice },
  { action: 'transition', roles: HANDLERS, when: both(isSameOffice, isOpen) },
  { action: 'reopen', roles: ['supervisor'], when: both(isSameOffice, isOpen) },
  { action: 'update', roles: HANDLERS, when: both(isSameOffice, isOpen) },
  { action: 'assign', roles: ['supervisor'], when: both(isSameOffice, isOpen) },
  { action: 'take', roles: ['agent', 'supervisor'], when: both(isSameOffice, isOpen, isUnassigned) },
  { action: 'link', roles: HANDLERS, when: isSameOffice },
  { action: 'merge', roles: ['supervisor'], when: both(isSameOffice, isOpen) },
];

export function can(user: StaffUser, action: CaseAction, subject: Case): boolean {
  return RULES.some(
    (rule) =>
      rule.action === action && rule.roles.some((r) => user.roles.includes(r)) && rule.when(user, subject),
  );
}

export function authorizeCase(user: StaffUser, action: CaseAction, subject: Case): void {
  if (!can(user, 'read', subject)) throw new AppError('case_not_found');
  if (action !== 'read' && !can(user, action, subject)) throw new AppError('forbidden');
}

export function allowedCaseActions(user: StaffUser, subject: Case): CaseAction[] {
  return (
    ['read', 'reply', 'note', 'transition', 'reopen', 'update', 'assign', 'take', 'link', 'merge'] as const
  ).filter((action) => can(user, action, subject));
}

/** Reopening (resolved → in_progress) is the supervisor's call; every other legal transition is a handler's. */
export function transitionAction(from: CaseStatus, to: CaseStatus): CaseAction {
  return from === 'resolved' && to === 'in_progress' ? 'reopen' : 'transition';
}

/** Roles that may list cases at all, and the offices they see (null: all). */
export function caseListScope(user: StaffUser): { allowed: boolean; officeId: string | null } {
  return {
    allowed: user.roles.some((r) => r === 'agent' || r === 'supervisor' || r === 'auditor'),
    officeId: user.officeId,
  };
}

/**
 * The identity of an anonymous citizen is visible only to the handling side: the assignee, members of the case's
 * team, or — while no team is set — the office's supervisors.
 */
export function canSeeIdentity(user: StaffUser, subject: Case): boolean {
  if (!subject.anonymous) return true;
  if (subject.assigneeId === user.id) return true;
  if (subject.teamId !== null) return user.teamIds.includes(subject.teamId);
  return user.roles.includes('supervisor') && isSameOffice(user, subject);
}
