/** The API shapes the console uses (see GET /api/openapi.json). */
import type { Language } from '../i18n';

export type Role = 'agent' | 'supervisor' | 'publisher' | 'integrity_officer' | 'auditor' | 'admin';
export const ROLES: readonly Role[] = [
  'agent',
  'supervisor',
  'publisher',
  'integrity_officer',
  'auditor',
  'admin',
];

export interface StaffUser {
  id: string;
  email: string;
  displayName: string;
  officeCode: string | null;
  roles: Role[];
  teamIds: string[];
  language: Language;
  twoFactorEnabled: boolean;
  disabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

export type SessionState = 'signed_in' | 'two_factor_required' | 'two_factor_setup_required';

export interface Session {
  state: SessionState;
  user: StaffUser;
  csrfToken: string;
  twoFactorRequiredByRole: boolean;
}

export interface LocalizedName {
  id: string;
  en: string;
}

export interface Classification {
  code: string;
  name: LocalizedName;
}

export interface CaseSummary {
  trackingCode: string;
  type: string;
  status: string;
  subject: string;
  officeCode: string;
  service: Classification | null;
  category: Classification | null;
  channel: string;
  language: Language;
  priority: string;
  anonymous: boolean;
  confidential: boolean;
  assigneeId: string | null;
  teamId: string | null;
  mergedInto: string | null;
  receivedAt: string;
  dueAt: string | null;
  firstResponseDueAt?: string | null;
  /** Where the case stands against its service level (absent from servers without service levels). */
  sla?: SlaStanding;
  updatedAt: string;
  version: number;
}

export type SlaState = 'none' | 'on_track' | 'due_soon' | 'breached' | 'paused' | 'met';

export interface SlaStanding {
  clock: 'first_response' | 'resolution' | null;
  state: SlaState;
  dueAt: string | null;
  remainingWorkingMinutes: number | null;
}

export type NotificationKind = 'assigned' | 'mentioned' | 'sla_due_soon' | 'sla_breached' | 'escalated';

export interface StaffNotification {
  id: string;
  kind: NotificationKind;
  trackingCode: string | null;
  subject: string | null;
  actorName: string | null;
  details: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPreference {
  kind: NotificationKind;
  inApp: boolean;
  email: boolean;
}

export interface CaseList {
  items: CaseSummary[];
  nextCursor: string | null;
}

export interface Counts {
  mine: number;
  unassigned: number;
  team: number;
  open: number;
  all: number;
  overdue?: number;
}

export interface TimelineEntry {
  kind: 'event' | 'message';
  at: string;
  type?: string;
  payload?: Record<string, unknown>;
  messageId?: string;
  messageKind?: 'public_reply' | 'citizen_message' | 'internal_note';
  body?: string;
  actor: { type: 'citizen' | 'staff' | 'system'; id: string | null; name: string | null };
}

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

export interface CaseDetail extends CaseSummary {
  description: string;
  contact: { name: string | null; email: string | null; phone: string | null } | null;
  rejectionReason: string | null;
  allowedTransitions: string[];
  allowedActions: CaseAction[];
  linkedCases: { trackingCode: string; status: string; subject: string }[];
  timeline: TimelineEntry[];
}

export interface Office {
  code: string;
  name: LocalizedName;
  services: { code: string; name: LocalizedName; categories: Classification[] }[];
}

export interface DirectoryEntry {
  id: string;
  displayName: string;
  roles: Role[];
  teamIds: string[];
  officeCode: string | null;
}

export interface Team {
  id: string;
  officeCode: string;
  code: string;
  name: LocalizedName;
  memberIds: string[];
}

export interface CannedResponse {
  id: string;
  officeCode: string;
  teamId: string | null;
  language: Language;
  title: string;
  body: string;
  updatedAt: string;
}

export interface AdminService {
  id?: string;
  code: string;
  name: LocalizedName;
  categories: { id: string; code: string; name: LocalizedName; active: boolean }[];
}

export function hasRole(user: StaffUser, ...roles: Role[]): boolean {
  return user.roles.some((r) => roles.includes(r));
}

export function handlesCases(user: StaffUser): boolean {
  return hasRole(user, 'agent', 'supervisor', 'auditor');
}
