import type { Language } from '../../i18n';

/** What the publications API answers (modules/publications/schemas.ts). */
export const CATEGORIES = ['news', 'announcement', 'service_change', 'enforcement'] as const;
export const ACTIONS = [
  'deportation',
  'deterrence_listing',
  'administrative_fine',
  'stay_permit_revocation',
  'detention',
  'expulsion_order',
] as const;

export interface TextVersion {
  title: string;
  summary: string;
  body: string;
}

export interface Citation {
  id: string;
  label: string;
  action: string;
  legalBasis: string;
  decidedOn: string;
  carriedOutOn: string | null;
}

export interface Delivery {
  id: string;
  webhookName: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  updatedAt: string;
}

export interface Publication {
  id: string;
  slug: string;
  category: (typeof CATEGORIES)[number];
  status: 'draft' | 'review' | 'scheduled' | 'published' | 'archived';
  texts: { id: TextVersion; en?: TextVersion };
  citations: Citation[];
  revisionNumber: number;
  version: number;
  authorName: string;
  reviewerName: string | null;
  reviewComment: string | null;
  scheduledAt: string | null;
  publishedAt: string | null;
  updatedAt: string;
  publicUrls: { language: Language; url: string }[];
  deliveries: Delivery[];
  allowedActions: string[];
}

export interface ListItem {
  id: string;
  title: string;
  category: string;
  status: Publication['status'];
  languages: Language[];
  authorName: string;
  publishedAt: string | null;
  scheduledAt: string | null;
  updatedAt: string;
}

export interface Revision {
  number: number;
  texts: { id: TextVersion; en?: TextVersion };
  category: string;
  citations: string[];
  actorName: string | null;
  message: string | null;
  createdAt: string;
}

export interface EnforcementRecord {
  id: string;
  fullName: string;
  documentNumber: string;
  nationality: string;
  label: string;
  legalBasis: string;
  action: string;
  decidedOn: string;
  carriedOutOn: string | null;
  version: number;
}

export interface Webhook {
  id: string;
  name: string;
  url: string;
  active: boolean;
  signingSecret?: string | null;
}
