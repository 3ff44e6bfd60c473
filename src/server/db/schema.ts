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
/** A nullable timestamp that inserts may leave out. */
export type OptionalTimestamp = ColumnType<Date | string | null, string | null | undefined, string | null>;

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
  /** Short text the portal shows as the office's logo, e.g. "SBY". */
  logo_text: ColumnType<string | null, string | null | undefined, string | null>;
  /** The portal's brand colour, `#rrggbb`. */
  brand_color: ColumnType<string | null, string | null | undefined, string | null>;
  opening_hours_id: ColumnType<string | null, string | null | undefined, string | null>;
  opening_hours_en: ColumnType<string | null, string | null | undefined, string | null>;
  whatsapp: ColumnType<string | null, string | null | undefined, string | null>;
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
  /** Legacy single role from the first migration; roles live in user_roles. */
  role: string;
  created_at: Timestamp;
  disabled_at: NullableTimestamp;
  password_hash: string | null;
  /** TOTP secret, encrypted with a key derived from LOKET_SECRET. */
  totp_secret: string | null;
  totp_enabled_at: NullableTimestamp;
  /** The last accepted TOTP time step: a code is never accepted twice. */
  totp_last_step: number | null;
  failed_logins: ColumnType<number, number | undefined, number>;
  locked_until: NullableTimestamp;
  last_login_at: NullableTimestamp;
  language: ColumnType<Language, Language | undefined, Language>;
  updated_at: NullableTimestamp;
}

export interface UserRoleTable {
  user_id: string;
  role: string;
}

export interface TeamMemberTable {
  team_id: string;
  user_id: string;
}

export interface SessionTable {
  /** SHA-256 of the session token; the token itself lives only in the cookie. */
  id: string;
  user_id: string;
  csrf_token: string;
  two_factor_pending: Bool;
  user_agent: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface RecoveryCodeTable {
  id: string;
  user_id: string;
  code_hash: string;
  used_at: NullableTimestamp;
}

export interface CannedResponseTable {
  id: string;
  office_id: string;
  team_id: string | null;
  language: Language;
  title: string;
  body: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CaseLinkTable {
  case_id: string;
  related_case_id: string;
  created_at: Timestamp;
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
  /** Set when this case was merged into another as a duplicate. */
  merged_into_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Service levels (modules/service-levels): due and warning times on the office calendar. */
  first_response_due_at: OptionalTimestamp;
  first_response_warn_at: OptionalTimestamp;
  due_warn_at: OptionalTimestamp;
  sla_next_check_at: OptionalTimestamp;
  sla_policy_id: ColumnType<string | null, string | null | undefined, string | null>;
  sla_paused_minutes: ColumnType<number, number | undefined, number>;
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

/** A file a citizen attached to a case (message_id null) or to one of their messages. */
export interface CaseAttachmentTable {
  id: string;
  case_id: string;
  message_id: string | null;
  /** Names the content in the data directory's attachment store. */
  sha256: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  author_type: AuthorType;
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

export type JobStatus = 'pending' | 'running' | 'done' | 'failed';

export interface JobTable {
  id: string;
  kind: string;
  payload: Json;
  status: JobStatus;
  attempts: number;
  max_attempts: number;
  run_at: Timestamp;
  locked_until: NullableTimestamp;
  locked_by: string | null;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  finished_at: NullableTimestamp;
}

export interface OfficeMailSettingsTable {
  office_id: string;
  address: string | null;
  imap_enabled: Bool;
  imap_host: string | null;
  imap_port: number | null;
  imap_tls: Bool;
  imap_user: string | null;
  /** Sealed with lib/secret-box.ts; never returned by the API. */
  imap_password_sealed: string | null;
  imap_mailbox: string;
  imap_processed_mailbox: string | null;
  imap_last_polled_at: NullableTimestamp;
  imap_last_error: string | null;
  updated_at: Timestamp;
}

export interface EmailTemplateTable {
  office_id: string;
  template: string;
  language: Language;
  subject: string;
  text_body: string;
  html_body: string;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface EmailMessageTable {
  id: string;
  office_id: string;
  case_id: string | null;
  direction: 'in' | 'out';
  message_id: string;
  source: 'smtp' | 'imap' | 'loket';
  sender: string | null;
  recipient: string | null;
  subject: string | null;
  status: 'received' | 'processed' | 'ignored' | 'failed' | 'sent';
  outcome: string | null;
  template: string | null;
  size_bytes: number;
  created_at: Timestamp;
  processed_at: NullableTimestamp;
}

export interface EmailRawTable {
  email_id: string;
  content: Buffer;
}

export interface CaseEmailOptoutTable {
  case_id: string;
  created_at: Timestamp;
}

export interface OfficeWorkingHoursTable {
  office_id: string;
  /** ISO weekday: 1 Monday … 7 Sunday. */
  weekday: number;
  /** Minutes after local midnight. */
  opens: number;
  closes: number;
}

export type CalendarDayKind = 'holiday' | 'collective_leave' | 'closure';

export interface CalendarDayTable {
  id: string;
  /** Null for a national day. */
  office_id: string | null;
  /** Local date, YYYY-MM-DD. */
  date: string;
  kind: CalendarDayKind;
  name_id: string;
  name_en: string;
  source: string | null;
  created_at: Timestamp;
}

export type TargetUnit = 'working_hours' | 'working_days';

export interface ServiceLevelPolicyTable {
  id: string;
  office_id: string;
  name: string;
  case_type: CaseType | null;
  service_id: string | null;
  category_id: string | null;
  priority: Priority | null;
  first_response_target: number | null;
  first_response_unit: TargetUnit;
  resolution_target: number | null;
  resolution_unit: TargetUnit;
  warn_percent: number;
  warn_hours: ColumnType<number | null, number | null | undefined, number | null>;
  source: string;
  active: Bool;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type SlaMilestone =
  | 'first_response.due_soon'
  | 'first_response.breached'
  | 'resolution.due_soon'
  | 'resolution.breached';

export interface EscalationRuleTable {
  id: string;
  office_id: string;
  name: string;
  milestone: SlaMilestone;
  priority: Priority | null;
  category_id: string | null;
  raise_priority: Bool;
  assign_team_id: string | null;
  assign_user_id: string | null;
  notify_supervisors: Bool;
  active: Bool;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SlaAlertTable {
  case_id: string;
  milestone: SlaMilestone;
  due_at: string;
  created_at: Timestamp;
}

export interface NotificationTable {
  id: string;
  user_id: string;
  kind: string;
  case_id: string | null;
  tracking_code: string | null;
  subject: string | null;
  actor_name: string | null;
  details: Json;
  created_at: Timestamp;
  read_at: NullableTimestamp;
}

export interface NotificationPreferenceTable {
  user_id: string;
  kind: string;
  in_app: Bool;
  email: Bool;
}

export interface KbCategoryTable {
  id: string;
  key: string;
  name_id: string;
  name_en: string;
  description_id: string;
  description_en: string;
  sort_order: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type KbStatus = 'draft' | 'review' | 'published' | 'archived';

export interface KbArticleTable {
  id: string;
  translation_key: string;
  language: Language;
  category_id: string | null;
  slug: string;
  title: string;
  summary: string;
  body: string;
  tags: Json;
  related: Json;
  status: KbStatus;
  version: number;
  revision_number: number;
  published_revision_number: number | null;
  published_slug: string | null;
  published: ColumnType<unknown, string | null, string | null>;
  published_at: NullableTimestamp;
  review_interval_days: number;
  last_reviewed_at: NullableTimestamp;
  review_due_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface KbFaqTable {
  id: string;
  key: string;
  language: Language;
  category_id: string | null;
  article_key: string | null;
  questions: Json;
  answer: string;
  status: KbStatus;
  version: number;
  revision_number: number;
  published_revision_number: number | null;
  published: ColumnType<unknown, string | null, string | null>;
  published_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface KbRevisionTable {
  id: string;
  entity: 'article' | 'faq';
  entity_id: string;
  number: number;
  content: Json;
  author_id: string | null;
  author_name: string | null;
  message: string | null;
  created_at: Timestamp;
}

export interface KbFeeTable {
  id: string;
  code: string;
  service_code: string;
  name_id: string;
  name_en: string;
  amount: ColumnType<number | string, number, number>;
  legal_basis: string;
  valid_from: string;
  valid_to: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface KbServiceStandardTable {
  id: string;
  office_id: string;
  service_code: string;
  legal_basis: string;
  effective_from: string;
  components: Json;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface KbMaklumatTable {
  id: string;
  office_id: string;
  effective_from: string;
  text_id: string;
  text_en: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface KbSynonymTable {
  id: string;
  language: Language;
  term: string;
  means: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface KbQuestionTable {
  id: string;
  question: string;
  language: Language;
  answered: Bool;
  confidence: number;
  matched_kind: string | null;
  matched_key: string | null;
  channel: Channel;
  created_at: Timestamp;
}

export interface PassportApplicationTable {
  id: string;
  office_id: string;
  application_number: string;
  applicant_name: string;
  name_search: string;
  birth_date: string;
  nik_hash: string | null;
  nik_last4: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  contact_consent: Bool;
  language: string;
  passport_kind: string;
  validity_years: number;
  service: string;
  speed: string;
  appointment_date: string | null;
  priority_group: string | null;
  stage: string;
  stage_at: Timestamp;
  stage_officer: string | null;
  stage_note: string | null;
  expected_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: number;
  /** When the applicant last withdrew consent (unsubscribe link or staff), and how: a later `consent=yes` is ignored. */
  consent_withdrawn_at: NullableTimestamp;
  consent_withdrawn_source: string | null;
  /** When the consent in force was given, as the office's system reported it (null: not reported). */
  consent_given_at: NullableTimestamp;
}

export interface PassportStageTable {
  id: string;
  application_id: string;
  stage: string;
  at: Timestamp;
  officer: string | null;
  note: string | null;
  source: string;
  created_at: Timestamp;
}

export interface PassportCaseLinkTable {
  case_id: string;
  application_id: string;
  linked_at: Timestamp;
  linked_by: string | null;
}

export interface PassportSettingTable {
  office_id: string;
  speed: string;
  working_days: number;
  source: string;
  updated_at: Timestamp;
}

export interface ApiKeyTable {
  id: string;
  office_id: string;
  name: string;
  prefix: string;
  key_hash: string;
  /** Space-separated permissions, e.g. `applications:write`. */
  permissions: string;
  created_by: string | null;
  created_at: Timestamp;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface PassportEventReceiptTable {
  office_id: string;
  event_id: string;
  application_id: string;
  result: string;
  received_at: Timestamp;
}

export interface Schema {
  offices: OfficeTable;
  services: ServiceTable;
  categories: CategoryTable;
  teams: TeamTable;
  users: UserTable;
  cases: CaseTable;
  case_messages: CaseMessageTable;
  case_attachments: CaseAttachmentTable;
  events: EventTable;
  user_roles: UserRoleTable;
  team_members: TeamMemberTable;
  sessions: SessionTable;
  recovery_codes: RecoveryCodeTable;
  canned_responses: CannedResponseTable;
  case_links: CaseLinkTable;
  office_mail_settings: OfficeMailSettingsTable;
  email_templates: EmailTemplateTable;
  email_messages: EmailMessageTable;
  email_raw: EmailRawTable;
  case_email_optouts: CaseEmailOptoutTable;
  jobs: JobTable;
  office_working_hours: OfficeWorkingHoursTable;
  calendar_days: CalendarDayTable;
  service_level_policies: ServiceLevelPolicyTable;
  escalation_rules: EscalationRuleTable;
  sla_alerts: SlaAlertTable;
  notifications: NotificationTable;
  notification_preferences: NotificationPreferenceTable;
  kb_categories: KbCategoryTable;
  kb_articles: KbArticleTable;
  kb_faqs: KbFaqTable;
  kb_revisions: KbRevisionTable;
  kb_fees: KbFeeTable;
  kb_service_standards: KbServiceStandardTable;
  kb_maklumat: KbMaklumatTable;
  kb_synonyms: KbSynonymTable;
  kb_questions: KbQuestionTable;
  passport_applications: PassportApplicationTable;
  passport_stages: PassportStageTable;
  passport_case_links: PassportCaseLinkTable;
  passport_settings: PassportSettingTable;
  api_keys: ApiKeyTable;
  passport_event_receipts: PassportEventReceiptTable;
  audit_chain: AuditChainTable;
  audit_checkpoints: AuditCheckpointTable;
  audit_chainer: AuditChainerTable;
  integrity_officer_keys: IntegrityOfficerKeyTable;
  integrity_reports: IntegrityReportTable;
  integrity_report_keys: IntegrityReportKeyTable;
  integrity_messages: IntegrityMessageTable;
  integrity_unlocks: IntegrityUnlockTable;
  integrity_attachments: IntegrityAttachmentTable;
  retention_policies: RetentionPolicyTable;
  data_subject_requests: DataSubjectRequestTable;
  enforcement_records: EnforcementRecordTable;
  publications: PublicationTable;
  publication_revisions: PublicationRevisionTable;
  publication_texts: PublicationTextTable;
  publication_images: PublicationImageTable;
  publication_webhooks: PublicationWebhookTable;
  publication_deliveries: PublicationDeliveryTable;
  // Messaging apps, contacts, phone and counter (modules/messaging, contacts, phone)
  contacts: ContactTable;
  contact_identities: ContactIdentityTable;
  contact_cases: ContactCaseTable;
  channel_threads: ChannelThreadTable;
  channel_messages: ChannelMessageTable;
  channel_settings: ChannelSettingTable;
  logged_contacts: LoggedContactTable;
  cti_calls: CtiCallTable;
  agent_extensions: AgentExtensionTable;
  staff_signals: StaffSignalTable;
  chat_conversations: ChatConversationTable;
  chat_messages: ChatMessageTable;
  chat_agents: ChatAgentTable;
  skm_responses: SkmResponseTable;
  skm_daily: SkmDailyTable;
  skm_used_tokens: SkmUsedTokenTable;
  skm_follow_ups: SkmFollowUpTable;
  case_feedback: CaseFeedbackTable;
  transparency_daily: TransparencyDailyTable;
  transparency_monthly: TransparencyMonthlyTable;
  transparency_counted: TransparencyCountedTable;
}

export interface ContactTable {
  id: string;
  display_name: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type IdentityKind = 'phone' | 'email' | 'telegram';

export interface ContactIdentityTable {
  kind: IdentityKind;
  value: string;
  contact_id: string;
  created_at: Timestamp;
}

export interface ContactCaseTable {
  case_id: string;
  contact_id: string;
  linked_at: Timestamp;
}

export type MessagingChannel = 'whatsapp' | 'telegram';

export interface ChannelThreadTable {
  channel: MessagingChannel;
  external_user: string;
  case_id: string | null;
  display_name: string | null;
  last_inbound_at: Timestamp;
}

export type ChannelMessageStatus =
  | 'received'
  | 'processed'
  | 'ignored'
  | 'queued'
  | 'sent'
  | 'delivered'
  | 'read'
  | 'failed';

export interface ChannelMessageTable {
  id: string;
  channel: MessagingChannel;
  direction: 'in' | 'out';
  external_id: string | null;
  external_user: string;
  case_id: string | null;
  case_message_id: string | null;
  kind: string;
  status: ChannelMessageStatus;
  template_name: string | null;
  error_code: string | null;
  error_title: string | null;
  payload: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  sent_at: OptionalTimestamp;
  delivered_at: OptionalTimestamp;
  read_at: OptionalTimestamp;
  failed_at: OptionalTimestamp;
}

export interface ChannelSettingTable {
  channel: MessagingChannel;
  settings: string;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface LoggedContactTable {
  id: string;
  office_id: string;
  channel: 'phone' | 'counter';
  caller_number: string | null;
  caller_name: string | null;
  contact_id: string | null;
  category_id: string | null;
  topic: string | null;
  outcome: 'answered' | 'case';
  answer: string | null;
  case_id: string | null;
  duration_seconds: number | null;
  call_id: string | null;
  agent_id: string;
  created_at: Timestamp;
}

export interface CtiCallTable {
  id: string;
  office_id: string;
  call_id: string;
  caller_number: string | null;
  extension: string | null;
  agent_id: string | null;
  state: 'ringing' | 'answered' | 'ended';
  ringing_at: OptionalTimestamp;
  answered_at: OptionalTimestamp;
  ended_at: OptionalTimestamp;
  duration_seconds: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AgentExtensionTable {
  user_id: string;
  office_id: string;
  extension: string;
  updated_at: Timestamp;
}

export interface StaffSignalTable {
  id: string;
  user_id: string;
  kind: string;
  data: string;
  created_at: Timestamp;
}

/** One SKM questionnaire (modules/surveys/): answers 1–4 and the optional profile, no personal data, no time. */
export interface SkmResponseTable {
  id: string;
  office_id: string;
  service_code: string;
  /** The office's calendar date of the answer. */
  day: string;
  source: string;
  language: string;
  u1: number;
  u2: number;
  u3: number;
  u4: number;
  u5: number;
  u6: number;
  u7: number;
  u8: number;
  u9: number;
  age_band: string | null;
  sex: string | null;
  education: string | null;
  occupation: string | null;
}

/** Running sums of SKM answers per office, service and day. */
export interface SkmDailyTable {
  office_id: string;
  service_code: string;
  day: string;
  respondents: number;
  s1: number;
  s2: number;
  s3: number;
  s4: number;
  s5: number;
  s6: number;
  s7: number;
  s8: number;
  s9: number;
}

export interface SkmUsedTokenTable {
  token_key: string;
  used_day: string;
}

export interface SkmFollowUpTable {
  office_id: string;
  period_from: string;
  period_to: string;
  plan: string;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface CaseFeedbackTable {
  case_id: string;
  rating: number;
  comment: string | null;
  created_at: Timestamp;
}

/** The dashboard's incremental aggregates: a count per office, day, metric and bucket (modules/transparency/). */
export interface TransparencyDailyTable {
  office_id: string;
  day: string;
  metric: string;
  bucket: string;
  n: number;
}

/** The same counts per month (`YYYY-MM`), so long periods read few rows. */
export interface TransparencyMonthlyTable {
  office_id: string;
  month: string;
  metric: string;
  bucket: string;
  n: number;
}

/** What a resolved case added to the aggregates, so a reopening takes exactly that back. */
export interface TransparencyCountedTable {
  case_id: string;
  office_id: string;
  received_day: string;
  resolved_day: string;
  resolution_days: number;
  sla: string | null;
}

export interface RetentionPolicyTable {
  office_id: string;
  case_type: string;
  anonymise_after_months: number | null;
  updated_at: Timestamp;
}

export interface DataSubjectRequestTable {
  id: string;
  office_id: string;
  kind: 'access' | 'correction' | 'erasure';
  status: 'open' | 'completed' | 'rejected';
  tracking_code: string | null;
  email: string | null;
  details: string | null;
  received_at: Timestamp;
  due_at: Timestamp;
  completed_at: NullableTimestamp;
  outcome: string | null;
  handled_by: string | null;
}

export interface IntegrityOfficerKeyTable {
  user_id: string;
  office_id: string;
  public_key: string;
  encrypted_private_key: string;
  status: 'active' | 'pending';
  created_at: Timestamp;
}

export interface IntegrityReportTable {
  id: string;
  office_id: string;
  receipt_hash: string;
  category: string;
  status: string;
  received_day: string;
  last_activity_day: string;
  content: string;
  reporter_key: string;
  reported_user_mac: string | null;
  message_count: number;
  unrecorded_activity: number;
}

export interface IntegrityReportKeyTable {
  report_id: string;
  user_id: string;
  sealed_key: string;
}

export interface IntegrityMessageTable {
  id: string;
  report_id: string;
  position: number;
  author: 'reporter' | 'officer';
  author_user_id: string | null;
  body: string;
  day: string;
}

/** A file of an integrity report: bytes on disk encrypted with the report's key; `meta` is encrypted too. */
export interface IntegrityAttachmentTable {
  id: string;
  report_id: string;
  message_position: number;
  author: 'reporter' | 'officer';
  meta: string;
  day: string;
}

export interface IntegrityUnlockTable {
  session_id: string;
  user_id: string;
  sealed_key: string;
  expires_at: Timestamp;
}

/** One link of the audit chain (modules/audit/): append-only. */
export interface AuditChainTable {
  seq: number;
  event_id: string;
  event_hash: string;
  previous_hash: string;
  entry_hash: string;
  chained_at: Timestamp;
}

export interface AuditCheckpointTable {
  day: string;
  seq: number;
  entry_hash: string;
  created_at: Timestamp;
  public_key: string;
  signature: string;
}

export interface AuditChainerTable {
  id: number;
  horizon: string;
}

export type CaseRow = Selectable<CaseTable>;
export type NewCaseRow = Insertable<CaseTable>;
export type OfficeRow = Selectable<OfficeTable>;
export type ServiceRow = Selectable<ServiceTable>;
export type CategoryRow = Selectable<CategoryTable>;
export type CaseMessageRow = Selectable<CaseMessageTable>;
export type EventRow = Selectable<EventTable>;
export type CaseAttachmentRow = Selectable<CaseAttachmentTable>;
export type UserRow = Selectable<UserTable>;
export type SessionRow = Selectable<SessionTable>;

// ---- publications and enforcement records (issue #9) ----

export interface EnforcementRecordTable {
  id: string;
  office_id: string;
  name_sealed: string;
  document_sealed: string;
  initials: string;
  nationality: string;
  legal_basis: string;
  action: string;
  decided_on: string;
  carried_out_on: string | null;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PublicationTable {
  id: string;
  office_id: string;
  slug: string;
  category: string;
  status: string;
  content: Json;
  revision_number: number;
  published_revision_number: number | null;
  version: number;
  author_id: string;
  author_name: string;
  reviewer_id: string | null;
  reviewer_name: string | null;
  review_comment: string | null;
  submitted_by: string | null;
  scheduled_at: NullableTimestamp;
  published_at: NullableTimestamp;
  archived_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PublicationRevisionTable {
  id: string;
  publication_id: string;
  number: number;
  content: Json;
  actor_id: string | null;
  actor_name: string | null;
  message: string | null;
  created_at: Timestamp;
}

export interface PublicationTextTable {
  publication_id: string;
  language: Language;
  slug: string;
  category: string;
  title: string;
  summary: string;
  body: string;
  citations: Json;
  published_at: Timestamp;
  updated_at: Timestamp;
}

export interface PublicationImageTable {
  id: string;
  sha256: string;
  content_type: string;
  size: number;
  data: Buffer;
  created_at: Timestamp;
}

export interface PublicationWebhookTable {
  id: string;
  name: string;
  url: string;
  secret_sealed: string;
  active: Bool;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PublicationDeliveryTable {
  id: string;
  publication_id: string;
  webhook_id: string;
  status: string;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Live chat (modules/chat). */
export interface ChatConversationTable {
  id: string;
  office_id: string;
  case_id: string | null;
  language: 'id' | 'en';
  service_id: string | null;
  state: 'assistant' | 'waiting' | 'active' | 'message' | 'ended';
  agent_id: string | null;
  last_seq: number;
  created_at: Timestamp;
  requested_at: NullableTimestamp;
  accepted_at: NullableTimestamp;
  ended_at: NullableTimestamp;
  updated_at: Timestamp;
}

export interface ChatMessageTable {
  id: string;
  conversation_id: string;
  seq: number;
  client_id: string | null;
  author: 'visitor' | 'assistant' | 'agent' | 'system';
  author_name: string | null;
  body: string;
  data: string | null;
  case_message_id: string | null;
  created_at: Timestamp;
}

export interface ChatAgentTable {
  user_id: string;
  office_id: string;
  status: 'online' | 'away';
  capacity: number;
  languages: string;
  service_ids: string | null;
  updated_at: Timestamp;
}
