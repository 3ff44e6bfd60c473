import type {
  CaseStatus,
  CaseType,
  Channel,
  Language,
  MessageKind,
  Priority,
} from '../../../shared/enums.js';
import { parseJson, toBool, toIso, toIsoOrNull } from '../../db/dialect.js';
import type { AuthorType, CaseMessageRow, CaseRow, EventRow } from '../../db/schema.js';

/** A case as the domain sees it: booleans are booleans and timestamps ISO strings on both engines. */
export interface Case {
  id: string;
  officeId: string;
  trackingCode: string;
  accessKeyHash: string;
  type: CaseType;
  status: CaseStatus;
  subject: string;
  description: string;
  serviceId: string | null;
  categoryId: string | null;
  channel: Channel;
  language: Language;
  priority: Priority;
  contact: { name: string | null; email: string | null; phone: string | null };
  anonymous: boolean;
  confidential: boolean;
  assigneeId: string | null;
  teamId: string | null;
  rejectionReason: string | null;
  receivedAt: string;
  firstResponseAt: string | null;
  waitingSince: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  dueAt: string | null;
  /** Service levels (modules/service-levels): first-response due time and the warning times before each due. */
  firstResponseDueAt: string | null;
  firstResponseWarnAt: string | null;
  dueWarnAt: string | null;
  updatedAt: string;
  version: number;
  mergedIntoId: string | null;
}

/** The part of a case a citizen's view needs, plus the key hash that opens it (see `toCitizenCase`). */
export type CitizenCase = Pick<
  Case,
  | 'id'
  | 'officeId'
  | 'trackingCode'
  | 'accessKeyHash'
  | 'type'
  | 'status'
  | 'subject'
  | 'description'
  | 'serviceId'
  | 'categoryId'
  | 'language'
  | 'rejectionReason'
  | 'receivedAt'
  | 'firstResponseAt'
  | 'resolvedAt'
  | 'closedAt'
  | 'mergedIntoId'
>;

export const CITIZEN_CASE_COLUMNS = [
  'id',
  'office_id',
  'tracking_code',
  'access_key_hash',
  'type',
  'status',
  'subject',
  'description',
  'service_id',
  'category_id',
  'language',
  'rejection_reason',
  'received_at',
  'first_response_at',
  'resolved_at',
  'closed_at',
  'merged_into_id',
] as const satisfies readonly (keyof CaseRow)[];

export type CitizenCaseRow = Pick<CaseRow, (typeof CITIZEN_CASE_COLUMNS)[number]>;

/** Reading only these columns keeps the busiest query (a citizen following a case) cheap. */
export function toCitizenCase(row: CitizenCaseRow): CitizenCase {
  return {
    id: row.id,
    officeId: row.office_id,
    trackingCode: row.tracking_code,
    accessKeyHash: row.access_key_hash,
    type: row.type,
    status: row.status,
    subject: row.subject,
    description: row.description,
    serviceId: row.service_id,
    categoryId: row.category_id,
    language: row.language,
    rejectionReason: row.rejection_reason,
    receivedAt: toIso(row.received_at),
    firstResponseAt: toIsoOrNull(row.first_response_at),
    resolvedAt: toIsoOrNull(row.resolved_at),
    closedAt: toIsoOrNull(row.closed_at),
    mergedIntoId: row.merged_into_id,
  };
}

export interface CaseMessage {
  id: string;
  caseId: string;
  kind: MessageKind;
  body: string;
  authorType: AuthorType;
  authorId: string | null;
  authorName: string | null;
  createdAt: string;
}

export interface CaseEvent {
  id: string;
  type: string;
  actorType: AuthorType;
  actorId: string | null;
  actorName: string | null;
  payload: Record<string, unknown>;
  createdAt: string;
}

export function toCase(row: CaseRow): Case {
  return {
    id: row.id,
    officeId: row.office_id,
    trackingCode: row.tracking_code,
    accessKeyHash: row.access_key_hash,
    type: row.type,
    status: row.status,
    subject: row.subject,
    description: row.description,
    serviceId: row.service_id,
    categoryId: row.category_id,
    channel: row.channel,
    language: row.language,
    priority: row.priority,
    contact: { name: row.contact_name, email: row.contact_email, phone: row.contact_phone },
    anonymous: toBool(row.anonymous),
    confidential: toBool(row.confidential),
    assigneeId: row.assignee_id,
    teamId: row.team_id,
    rejectionReason: row.rejection_reason,
    receivedAt: toIso(row.received_at),
    firstResponseAt: toIsoOrNull(row.first_response_at),
    waitingSince: toIsoOrNull(row.waiting_since),
    resolvedAt: toIsoOrNull(row.resolved_at),
    closedAt: toIsoOrNull(row.closed_at),
    dueAt: toIsoOrNull(row.due_at),
    firstResponseDueAt: toIsoOrNull(row.first_response_due_at),
    firstResponseWarnAt: toIsoOrNull(row.first_response_warn_at),
    dueWarnAt: toIsoOrNull(row.due_warn_at),
    updatedAt: toIso(row.updated_at),
    version: row.version,
    mergedIntoId: row.merged_into_id,
  };
}

export function toCaseMessage(row: CaseMessageRow): CaseMessage {
  return {
    id: row.id,
    caseId: row.case_id,
    kind: row.kind,
    body: row.body,
    authorType: row.author_type,
    authorId: row.author_id,
    authorName: row.author_name,
    createdAt: toIso(row.created_at),
  };
}

export function toCaseEvent(row: EventRow): CaseEvent {
  return {
    id: row.id,
    type: row.type,
    actorType: row.actor_type,
    actorId: row.actor_id,
    actorName: row.actor_name,
    payload: parseJson(row.payload) as Record<string, unknown>,
    createdAt: toIso(row.created_at),
  };
}
