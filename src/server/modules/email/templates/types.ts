import type { CaseStatus } from '../../../../shared/enums.js';

export const TEMPLATE_IDS = ['receipt', 'reply', 'status', 'resolved'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export interface TemplateText {
  subject: string;
  text: string;
  html: string;
}

/** One language's e-mail texts: the editable templates and the fixed texts around them. */
export interface EmailCatalogue {
  templates: Record<TemplateId, TemplateText>;
  texts: {
    citizenFallbackName: string;
    staffFallbackName: string;
    automaticNotice: string;
    unsubscribeLine: string;
    unsubscribeLink: string;
    unsubscribeTitle: string;
    unsubscribeQuestion: string;
    unsubscribeButton: string;
    unsubscribeDone: string;
    unsubscribeInvalid: string;
    statuses: Record<CaseStatus, string>;
  };
}

/** Placeholders each template may use; saving a template with another one is refused. */
export const PLACEHOLDERS: Record<TemplateId, readonly string[]> = {
  receipt: ['office.name', 'citizen.name', 'case.trackingCode', 'case.subject', 'links.status', 'accessKey'],
  reply: [
    'office.name',
    'citizen.name',
    'case.trackingCode',
    'case.subject',
    'links.status',
    'reply.text',
    'reply.author',
  ],
  status: [
    'office.name',
    'citizen.name',
    'case.trackingCode',
    'case.subject',
    'links.status',
    'status.name',
    'status.reason',
  ],
  resolved: [
    'office.name',
    'citizen.name',
    'case.trackingCode',
    'case.subject',
    'links.status',
    'links.satisfaction',
    'status.reason',
  ],
};
