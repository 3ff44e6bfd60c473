import type { CaseStatus, CaseType, Channel, MessageKind, Priority } from '../../shared/enums.js';
import type { AuthorType } from '../db/schema.js';

/**
 * Every event Loket records, with its payload. Commands write them explicitly, in the same transaction as the
 * change: they are the case timeline now, and the audit trail and outbox later.
 */
export interface EventPayloads {
  'case.created': { trackingCode: string; type: CaseType; channel: Channel; priority: Priority };
  'case.status_changed': { from: CaseStatus; to: CaseStatus; reason?: string; automatic?: boolean };
  'case.message_added': { messageId: string; kind: MessageKind };
  'case.updated': { changes: Record<string, { from: unknown; to: unknown }> };
  'office.created': { code: string };
  'case.assigned': {
    assigneeId: string | null;
    teamId: string | null;
    previousAssigneeId: string | null;
    previousTeamId: string | null;
  };
  'case.linked': { relatedCaseId: string; relatedTrackingCode: string };
  'case.merged': { intoCaseId: string; intoTrackingCode: string };
  'auth.signed_in': { method: 'password' | 'password+totp' | 'password+recovery_code' };
  'auth.sign_in_failed': {
    reason: 'unknown_account' | 'wrong_password' | 'wrong_code' | 'disabled' | 'locked';
    emailHash?: string;
  };
  'auth.signed_out': { everywhere: boolean; sessionsEnded: number };
  'user.created': { email: string; roles: string[]; officeId: string | null };
  'user.updated': { changes: Record<string, { from: unknown; to: unknown }> };
  'user.password_changed': Record<string, never>;
  'user.two_factor_enabled': Record<string, never>;
  'user.two_factor_reset': Record<string, never>;
  'team.created': { code: string };
  'team.updated': { changes: Record<string, { from: unknown; to: unknown }> };
  'canned_response.saved': { id: string; title: string; deleted?: boolean };
  'email_template.saved': { template: string; language: string; reset: boolean };
  'office.mail_settings_saved': { address: string | null; imapEnabled: boolean; passwordChanged: boolean };
  'case.email_unsubscribed': Record<string, never>;
  'category.saved': { id: string; code: string; changes: Record<string, { from: unknown; to: unknown }> };
  'case.sla_warning': { milestone: 'first_response.due_soon' | 'resolution.due_soon'; dueAt: string };
  'case.sla_breached': { milestone: 'first_response.breached' | 'resolution.breached'; dueAt: string };
  'case.escalated': {
    ruleId: string;
    ruleName: string;
    milestone: string;
    raisedPriority?: { from: Priority; to: Priority };
    assignedTeamId?: string;
    assignedUserId?: string;
  };
  'service_level.saved': {
    kind: 'policy' | 'escalation_rule' | 'working_hours' | 'calendar_day';
    id: string;
    deleted?: boolean;
  };
  'knowledge.item_saved': {
    entity: 'article' | 'faq';
    id: string;
    key: string;
    language: string;
    revision: number;
    created?: boolean;
    restoredFrom?: number;
    message?: string;
  };
  'knowledge.item_status_changed': {
    entity: 'article' | 'faq';
    id: string;
    key: string;
    language: string;
    from: string;
    to: string;
    revision: number;
  };
  'knowledge.item_reviewed': { id: string; key: string; language: string; reviewDueAt: string };
  'knowledge.item_deleted': { entity: 'article' | 'faq'; id: string; key: string; language: string };
  'knowledge.category_saved': { id: string; key: string; deleted?: boolean };
  'knowledge.fee_saved': {
    id: string;
    code: string;
    amount: number;
    validFrom: string;
    validTo: string | null;
    deleted?: boolean;
  };
  'knowledge.standard_saved': { serviceCode: string; effectiveFrom: string };
  'knowledge.maklumat_saved': { effectiveFrom: string };
  'knowledge.synonym_saved': { language: string; term: string; means: string; deleted?: boolean };
  'passport.application_created': {
    applicationId: string;
    applicationNumber: string;
    stage: string;
    source: PassportChangeSource;
  };
  'passport.application_updated': {
    applicationId: string;
    applicationNumber: string;
    /** Names of the changed fields only: values may be personal data. */
    fields: string[];
    source: PassportChangeSource;
  };
  'passport.consent_withdrawn': {
    applicationId: string;
    applicationNumber: string;
    source: 'unsubscribe' | 'staff';
  };
  'passport.stage_changed': {
    applicationId: string;
    applicationNumber: string;
    from: string;
    to: string;
    at: string;
    source: PassportChangeSource;
    /** The applicant consented to notifications and left an e-mail address. */
    notify: boolean;
  };
  'passport.case_linked': {
    applicationId: string;
    applicationNumber: string;
    trackingCode: string;
    by: 'staff' | 'citizen';
  };
  'passport.import_completed': {
    fileName: string;
    rows: number;
    created: number;
    updated: number;
    unchanged: number;
    stale: number;
  };
  'passport.settings_saved': { speed: string; workingDays: number; source: string };
  'api_key.created': { id: string; name: string; permissions: string[] };
  'api_key.revoked': { id: string; name: string };
  'audit.checkpoint_published': { day: string; seq: number; entryHash: string };
  'audit.verified': { intact: boolean; entries: number; problem: string | null };
  'audit.exported': { rows: number; filters: Record<string, string> };
  // Integrity reports: ids only, never content, contact or the person reported (modules/integrity/).
  'integrity.reporter_activity': { reportId: string; day: string; count: number };
  'integrity.report_opened': { reportId: string };
  'integrity.officer_replied': { reportId: string };
  'integrity.attachment_downloaded': { reportId: string; attachmentId: string };
  'integrity.report_triaged': { reportId: string; status?: string; reportedPersonNamed: boolean };
  'integrity.officer_enrolled': { userId: string; status: 'active' | 'pending' };
  'integrity.officer_granted': { userId: string; reports: number };
  'integrity.key_unlocked': { userId: string };
  // Personal-data housekeeping (modules/privacy/): which fields, never their values.
  'case.contact_anonymised': {
    reason: 'retention' | 'erasure_request';
    fields: string[];
    requestId?: string;
  };
  'case.contact_corrected': { fields: string[]; requestId: string };
  'privacy.retention_saved': { caseType: string; months: number | null };
  'privacy.request_received': { requestId: string; kind: string; dueAt: string };
  'privacy.request_completed': { requestId: string; kind: string; status: string; cases: number };
  'privacy.data_exported': { requestId: string; cases: number };
  // Publications (modules/publications/): who wrote, reviewed and published what. Never a cited person's data.
  'publication.created': { publicationId: string; slug: string; category: string; revision: number };
  'publication.revised': { publicationId: string; slug: string; revision: number; restoredFrom?: number };
  'publication.submitted': { publicationId: string; slug: string; revision: number };
  'publication.approved': {
    publicationId: string;
    slug: string;
    revision: number;
    scheduledAt: string | null;
  };
  'publication.rejected': { publicationId: string; slug: string; revision: number };
  'publication.published': {
    publicationId: string;
    slug: string;
    revision: number;
    languages: string[];
    citations: number;
    scheduled: boolean;
  };
  'publication.archived': { publicationId: string; slug: string; from: string };
  /** The privacy check stopped a step: the kinds and where, never the matched text. */
  'publication.check_blocked': { publicationId: string; step: string; findings: string[] };
  'publication.webhook_saved': { webhookId: string; name: string; active: boolean; created?: boolean };
  'publication.delivery_retried': { publicationId: string; webhookId: string; deliveryId: string };
  // Enforcement records: ids and the action only; the name and document number never reach an event.
  'enforcement.record_saved': { recordId: string; action: string; created?: boolean };
  // Messaging apps, phone and counter (modules/messaging, modules/phone): names and ids, never numbers or text.
  'channel.settings_saved': { channel: 'whatsapp' | 'telegram'; fields: string[] };
  'channel.delivery_failed': { channel: 'whatsapp' | 'telegram'; messageId: string; errorCode: string };
  'contact.logged': { loggedContactId: string; channel: 'phone' | 'counter'; outcome: 'answered' | 'case' };
  'user.extension_set': { extension: string | null };
  'chat.handed_off': {
    conversationId: string;
    outcome: 'waiting' | 'message';
    reason?: 'out_of_hours' | 'nobody_free';
  };
  'chat.accepted': { conversationId: string; agentId: string };
  'chat.ended': { conversationId: string };
  'chat.agent_settings_saved': { userId: string; changes: Record<string, { from: unknown; to: unknown }> };
  // Satisfaction (modules/surveys/): the per-case rating; SKM answers are anonymous and make no event.
  'case.feedback_given': { rating: number; commented: boolean };
  'skm.follow_up_saved': { from: string; to: string };
}

/**
 * What a command hands to the reactions of its event without storing it. The event row is the audit trail: it must
 * not carry personal data such as a contact's e-mail, yet the reactions to a new case need exactly that. Handing
 * them the values the command has just written saves each reaction a read of the same row. Reactions still read
 * the row when an event comes without its facts.
 */
export interface EventFacts {
  'case.created': { case: NewCaseFacts };
}

/** A new case as its reactions need it: who may be written to, who it links to, what the dashboard counts. */
export interface NewCaseFacts {
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  anonymous: boolean;
  confidential: boolean;
  categoryId: string | null;
  receivedAt: Date;
}

/** The facts an event type carries to its reactions, or undefined for the types that carry none. */
export type FactsOf<T extends EventType> = T extends keyof EventFacts ? EventFacts[T] : undefined;

/** Where a change to a passport application came from. */
export type PassportChangeSource = 'import' | 'api' | 'staff' | 'demo';

export type EventType = keyof EventPayloads;

/** Who did something. Staff have an id once accounts exist; the name is what the public may see. */
export interface Actor {
  type: AuthorType;
  id: string | null;
  name: string | null;
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null, name: null };
export function staffActor(user: { id: string; displayName: string }): Actor {
  return { type: 'staff', id: user.id, name: user.displayName };
}

export const CITIZEN_ACTOR: Actor = { type: 'citizen', id: null, name: null };
