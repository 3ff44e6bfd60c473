/** The staff knowledge API's shapes (docs/knowledge-api.md, "Staff HTTP API"). */
import type { Language } from '../i18n';

export const ITEM_STATUSES = ['draft', 'review', 'published', 'archived'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** The closed list of actions the server returns in `allowedActions` (docs/knowledge-api.md, requests). */
export type KnowledgeAction =
  | 'edit'
  | 'submit_for_review'
  | 'publish'
  | 'return_to_draft'
  | 'archive'
  | 'mark_reviewed'
  | 'restore_revision'
  | 'delete';

export interface Translation {
  id: string;
  language: Language;
  slug?: string | null;
  status: ItemStatus;
}

export interface StaffArticleListItem {
  id: string;
  translationKey: string;
  language: Language;
  slug: string;
  title: string;
  status: ItemStatus;
  categoryKey: string | null;
  updatedAt: string;
  lastReviewedAt: string | null;
  reviewDueAt: string | null;
  revisionNumber: number;
  publishedRevisionNumber: number | null;
  version: number;
  hasUnpublishedChanges?: boolean;
  publicUrl?: string | null;
}

export interface StaffArticle extends StaffArticleListItem {
  summary: string;
  body: string;
  bodyHtml: string;
  tags: string[];
  related: string[];
  reviewIntervalDays: number;
  translations: Translation[];
  allowedActions: KnowledgeAction[];
}

export interface StaffFaqListItem {
  id: string;
  key: string;
  language: Language;
  /** The first question variant. */
  question: string;
  articleKey: string | null;
  categoryKey: string | null;
  status: ItemStatus;
  updatedAt: string;
  revisionNumber: number;
  publishedRevisionNumber: number | null;
  hasUnpublishedChanges?: boolean;
  version: number;
  publicUrl?: string | null;
}

export interface StaffFaq extends StaffFaqListItem {
  questions: string[];
  answer: string;
  answerHtml?: string;
  translations?: Translation[];
  allowedActions: KnowledgeAction[];
}

export interface RevisionSummary {
  number: number;
  authorName: string | null;
  message: string | null;
  createdAt: string;
  published: boolean;
}

export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export interface Diff {
  from: number;
  to: number;
  fields: { field: string; changes: DiffPart[] }[];
}

export interface KnowledgeCategory {
  id: string;
  key: string;
  names: Record<Language, string>;
  descriptions: Record<Language, string>;
  sortOrder: number;
  articleCount: number;
}

export interface Fee {
  id: string;
  code: string;
  serviceCode: string;
  names: Record<Language, string>;
  amount: number;
  legalBasis: string;
  validFrom: string;
  validTo: string | null;
  inForce: boolean;
}

export interface ServiceStandard {
  id: string;
  officeCode: string;
  serviceCode: string;
  legalBasis: string;
  effectiveFrom: string;
  current: boolean;
  components: Record<string, Record<Language, string>>;
}

export interface Maklumat {
  id: string;
  officeCode: string;
  effectiveFrom: string;
  text: Record<Language, string>;
  current: boolean;
}

export interface Synonym {
  id: string;
  language: Language;
  term: string;
  means: string;
}

export interface UnansweredQuestion {
  question: string;
  language: Language;
  count: number;
  lastAskedAt: string;
  bestConfidence: number | null;
}
