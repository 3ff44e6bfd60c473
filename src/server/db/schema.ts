import type { ColumnType, Insertable, Selectable } from 'kysely';
import type { CaseStatus, CaseType, Channel, Language, MessageKind, Priority } from '../../shared/enums.js';

/**
 * Table types shared by both engines. Values that the drivers return differently (PostgreSQL gives Date and
 * boolean, SQLite gives ISO text and 0/1) are typed as either; each table's mapper turns them into domain values.
 */
export type Timestamp = ColumnType<Date | string, string, string>;
export type NullableTimestamp = ColumnType<Date | string | null, string | null, string | null>;
export type Bool = ColumnType<boolean | number, boolean, boolean>;
export type Json = ColumnType<unknown, string, string>;

export interface OfficeTable {
  id: string;
  code: string;
  name_id: string;
  name_en: string;
  time_zone: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  /** The address and contact are examples (demo data), not the real office's. */
  contact_is_example: Bool;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ServiceTable {
  id: string;
  office_id: string;
  code: string;
  name_id: string;
  name_en: string;
  sort_order: number;
  active: Bool;
}

export interface CategoryTable {
  id: string;
  office_id: string;
  service_id: string;
  code: string;
  name_id: string;
  name_en: string;
  sort_order: number;
  active: Bool;
}

export interface TeamTable {
  id: string;
  office_id: string;
  code: string;
  name_id: string;
  name_en: string;
  created_at: Timestamp;
}

export interface UserTable {
  id: string;
  /** Null for a national administrator who spans offices. */
  office_id: string | null;
  email: string;
  display_name: string;
  role: string;
  created_at: Timestamp;
  disabled_at: NullableTimestamp;
}

export interface CaseTable {
  id: string;
  office_id: string;
  tracking_code: string;
  access_key_hash: string;
  type: CaseType;
  status: CaseStatus;
  subject: string;
  description: string;
  service_id: string | null;
  category_id: string | null;
  channel: Channel;
  language: Language;
  priority: Priority;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  anonymous: Bool;
  confidential: Bool;
  assignee_id: string | null;
  team_id: string | null;
  rejection_reason: string | null;
  received_at: Timestamp;
  first_response_at: NullableTimestamp;
  waiting_since: NullableTimestamp;
  resolved_at: NullableTimestamp;
  closed_at: NullableTimestamp;
  due_at: NullableTimestamp;
  updated_at: Timestamp;
  version: number;
}

export type AuthorType = 'citizen' | 'staff' | 'system';

export interface CaseMessageTable {
  id: string;
  case_id: string;
  kind: MessageKind;
  body: string;
  author_type: AuthorType;
  author_id: string | null;
  author_name: string | null;
  created_at: Timestamp;
}

export interface EventTable {
  id: string;
  office_id: string | null;
  case_id: string | null;
  type: string;
  actor_type: AuthorType;
  actor_id: string | null;
  actor_name: string | null;
  payload: Json;
  created_at: Timestamp;
}

export interface Schema {
  offices: OfficeTable;
  services: ServiceTable;
  categories: CategoryTable;
  teams: TeamTable;
  users: UserTable;
  cases: CaseTable;
  case_messages: CaseMessageTable;
  events: EventTable;
}

export type CaseRow = Selectable<CaseTable>;
export type NewCaseRow = Insertable<CaseTable>;
export type OfficeRow = Selectable<OfficeTable>;
export type ServiceRow = Selectable<ServiceTable>;
export type CategoryRow = Selectable<CategoryTable>;
export type CaseMessageRow = Selectable<CaseMessageTable>;
export type EventRow = Selectable<EventTable>;
