import type { Selectable } from 'kysely';
import type { Language } from '../../../shared/enums.js';
import { parseJson, toIso, toIsoOrNull } from '../../db/dialect.js';
import type { PublicationTable } from '../../db/schema.js';

export const PUBLICATION_CATEGORIES = ['news', 'announcement', 'service_change', 'enforcement'] as const;
export type PublicationCategory = (typeof PUBLICATION_CATEGORIES)[number];

/**
 * draft → review (submitted) → scheduled | published (approved by a second publisher) → archived.
 * Rejection sends a publication in review back to draft with the reviewer's comment.
 */
export const PUBLICATION_STATUSES = ['draft', 'review', 'scheduled', 'published', 'archived'] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];

/** One language version. `imageAlts` are the alternative texts of images in the body, checked like the text. */
export interface PublicationText {
  title: string;
  summary: string;
  body: string;
}

/** What a revision holds. Indonesian is required; English is optional. */
export interface PublicationContent {
  category: PublicationCategory;
  texts: Partial<Record<Language, PublicationText>> & { id: PublicationText };
  /** Enforcement records cited, in the order they are listed. */
  citations: string[];
}

export interface Publication {
  id: string;
  officeId: string;
  slug: string;
  category: PublicationCategory;
  status: PublicationStatus;
  content: PublicationContent;
  revisionNumber: number;
  publishedRevisionNumber: number | null;
  version: number;
  authorId: string;
  authorName: string;
  reviewerId: string | null;
  reviewerName: string | null;
  reviewComment: string | null;
  submittedBy: string | null;
  scheduledAt: string | null;
  publishedAt: string | null;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export function toPublication(row: Selectable<PublicationTable>): Publication {
  return {
    id: row.id,
    officeId: row.office_id,
    slug: row.slug,
    category: row.category as PublicationCategory,
    status: row.status as PublicationStatus,
    content: parseJson(row.content) as PublicationContent,
    revisionNumber: row.revision_number,
    publishedRevisionNumber: row.published_revision_number,
    version: row.version,
    authorId: row.author_id,
    authorName: row.author_name,
    reviewerId: row.reviewer_id,
    reviewerName: row.reviewer_name,
    reviewComment: row.review_comment,
    submittedBy: row.submitted_by,
    scheduledAt: toIsoOrNull(row.scheduled_at),
    publishedAt: toIsoOrNull(row.published_at),
    archivedAt: toIsoOrNull(row.archived_at),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

/** The languages a publication has text in, Indonesian first. */
export function languagesOf(content: PublicationContent): Language[] {
  return (['id', 'en'] as const).filter((lang) => content.texts[lang] !== undefined);
}

/** Alternative texts of the images in a Markdown body (`![alt](src)`). */
export function imageAlts(body: string): string[] {
  return [...body.matchAll(/!\[([^\]]*)\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
}
