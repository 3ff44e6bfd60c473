import type { Static } from 'typebox';
import type { Language } from '../../../shared/enums.js';
import { t } from '../../i18n/index.js';
import type { BusinessCalendar } from '../calendar/business-calendar.js';
import type { Classification, Office } from '../offices/storage.js';
import { slaStanding } from '../service-levels/due-times.js';
import type { Case, CaseEvent, CaseMessage, CitizenCase } from './model.js';
import type { PublicCaseResponse, StaffCaseDetail, StaffCaseSummary } from './schemas.js';
import { isFinal, TRANSITIONS } from './status-machine.js';

type PublicCase = Static<typeof PublicCaseResponse>;
type PublicEntry = PublicCase['timeline'][number];

export interface CaseContext {
  office: Pick<Office, 'code' | 'name'>;
  classifications: Map<string, Classification>;
  /** Tracking codes of merge targets by case id. */
  mergedInto?: Map<string, string>;
  /** The office's working calendar, for the working time left before a due time. */
  calendar?: BusinessCalendar;
}

function classification(ctx: CaseContext, id: string | null): Classification | null {
  return (id && ctx.classifications.get(id)) || null;
}

/**
 * What the citizen holding the access key sees: their case, status changes and public messages. Never internal
 * notes, contact details, staff identities or assignment.
 */
export function presentPublicCase(
  current: CitizenCase,
  ctx: CaseContext,
  history: { statusEvents: CaseEvent[]; messages: CaseMessage[] },
  language: Language,
): PublicCase {
  const entries: PublicEntry[] = [{ kind: 'received', at: current.receivedAt }];
  for (const event of history.statusEvents) {
    const payload = event.payload as { from: Case['status']; to: Case['status']; reason?: string };
    entries.push({
      kind: 'status_changed',
      at: event.createdAt,
      from: payload.from,
      to: payload.to,
      ...(payload.reason ? { reason: payload.reason } : {}),
    });
  }
  for (const message of history.messages) {
    if (message.kind === 'internal_note') continue;
    entries.push({
      kind: 'message',
      at: message.createdAt,
      messageKind: message.kind,
      body: message.body,
      author: {
        type: message.authorType,
        name:
          message.authorType === 'staff' ? (message.authorName ?? t(language, 'staff.default_name')) : null,
      },
    });
  }
  entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return {
    trackingCode: current.trackingCode,
    type: current.type,
    status: current.status,
    subject: current.subject,
    description: current.description,
    office: { code: ctx.office.code, name: ctx.office.name },
    service: classification(ctx, current.serviceId),
    category: classification(ctx, current.categoryId),
    language: current.language,
    receivedAt: current.receivedAt,
    firstResponseAt: current.firstResponseAt,
    resolvedAt: current.resolvedAt,
    closedAt: current.closedAt,
    rejectionReason: current.rejectionReason,
    canReply: !isFinal(current.status),
    mergedInto: (current.mergedIntoId && ctx.mergedInto?.get(current.mergedIntoId)) || null,
    timeline: entries,
  };
}

export function presentCaseSummary(current: Case, ctx: CaseContext): Static<typeof StaffCaseSummary> {
  return {
    trackingCode: current.trackingCode,
    type: current.type,
    status: current.status,
    subject: current.subject,
    officeCode: ctx.office.code,
    service: classification(ctx, current.serviceId),
    category: classification(ctx, current.categoryId),
    channel: current.channel,
    language: current.language,
    priority: current.priority,
    anonymous: current.anonymous,
    confidential: current.confidential,
    assigneeId: current.assigneeId,
    teamId: current.teamId,
    mergedInto: (current.mergedIntoId && ctx.mergedInto?.get(current.mergedIntoId)) || null,
    receivedAt: current.receivedAt,
    firstResponseAt: current.firstResponseAt,
    waitingSince: current.waitingSince,
    resolvedAt: current.resolvedAt,
    closedAt: current.closedAt,
    dueAt: current.dueAt,
    firstResponseDueAt: current.firstResponseDueAt,
    sla: slaStanding(current, ctx.calendar, new Date()),
    updatedAt: current.updatedAt,
    version: current.version,
  };
}

/**
 * The whole case for staff. `canSeeIdentity` is false for staff outside the handling side of an anonymous case
 * (see policy.ts): then neither the contact nor the citizen's name on messages is shown.
 */
export function presentCaseDetail(
  current: Case,
  ctx: CaseContext,
  history: {
    events: CaseEvent[];
    messages: CaseMessage[];
    linkedCases: Static<typeof StaffCaseDetail>['linkedCases'];
  },
  access: { canSeeIdentity: boolean; allowedActions: Static<typeof StaffCaseDetail>['allowedActions'] },
): Static<typeof StaffCaseDetail> {
  const { canSeeIdentity } = access;
  const messagesById = new Map(history.messages.map((m) => [m.id, m]));
  const timeline: Static<typeof StaffCaseDetail>['timeline'] = history.events.map((event) => {
    const actor = { type: event.actorType, id: event.actorId, name: event.actorName };
    const message =
      event.type === 'case.message_added' ? messagesById.get(String(event.payload.messageId)) : undefined;
    if (message) {
      return {
        kind: 'message',
        at: message.createdAt,
        messageId: message.id,
        messageKind: message.kind,
        body: message.body,
        actor: message.authorType === 'citizen' && !canSeeIdentity ? { ...actor, name: null } : actor,
      };
    }
    return { kind: 'event', at: event.createdAt, type: event.type, payload: event.payload, actor };
  });
  const showContact = canSeeIdentity || !current.anonymous;
  return {
    ...presentCaseSummary(current, ctx),
    description: current.description,
    contact: showContact ? current.contact : null,
    rejectionReason: current.rejectionReason,
    allowedTransitions: current.mergedIntoId ? [] : [...TRANSITIONS[current.status]],
    allowedActions: access.allowedActions,
    linkedCases: history.linkedCases,
    timeline,
  };
}
