import type { Language } from '../../../shared/enums.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db/connection.js';
import { type MessageKey, t } from '../../i18n/index.js';
import type { StaffUser } from '../accounts/model.js';
import {
  type Citation,
  citationLabel,
  type EnforcementRecord,
  listCitations,
} from './enforcement-records.js';
import { languagesOf, type Publication } from './model.js';
import type { Finding } from './privacy-check.js';
import { allowedActions } from './publication-commands.js';
import { listDeliveries, publicationUrl } from './webhooks.js';

export function presentCitation(citation: Citation, language: Language) {
  return { ...citation, label: citationLabel(citation, language) };
}

export async function presentPublication(
  db: Db,
  config: Config,
  user: StaffUser,
  publication: Publication,
  language: Language,
) {
  const citations = await listCitations(db, publication.officeId, publication.content.citations);
  const live = publication.status === 'published';
  return {
    id: publication.id,
    slug: publication.slug,
    category: publication.category,
    status: publication.status,
    texts: publication.content.texts,
    citations: citations.map((c) => presentCitation(c, language)),
    revisionNumber: publication.revisionNumber,
    publishedRevisionNumber: publication.publishedRevisionNumber,
    version: publication.version,
    authorName: publication.authorName,
    reviewerName: publication.reviewerName,
    reviewComment: publication.reviewComment,
    scheduledAt: publication.scheduledAt,
    publishedAt: publication.publishedAt,
    archivedAt: publication.archivedAt,
    createdAt: publication.createdAt,
    updatedAt: publication.updatedAt,
    publicUrls: live
      ? languagesOf(publication.content).map((lang) => ({
          language: lang,
          url: publicationUrl(config, lang, publication.slug),
        }))
      : [],
    deliveries: await listDeliveries(db, publication.id),
    allowedActions: user.roles.includes('publisher') ? allowedActions(publication, user.id) : [],
  };
}

export function presentListItem(publication: Publication) {
  return {
    id: publication.id,
    slug: publication.slug,
    category: publication.category,
    status: publication.status,
    title: publication.content.texts.id.title,
    languages: languagesOf(publication.content),
    authorName: publication.authorName,
    scheduledAt: publication.scheduledAt,
    publishedAt: publication.publishedAt,
    updatedAt: publication.updatedAt,
    version: publication.version,
  };
}

export function presentRecord(record: EnforcementRecord, language: Language) {
  return { ...record, label: citationLabel(record, language) };
}

/** One finding of the privacy check as a sentence in the reader's language. */
export function findingMessage(finding: Finding, language: Language): string {
  return t(language, `publication.${finding.kind}` as MessageKey, {
    language: finding.language.toUpperCase(),
    where: t(language, `publication.field.${finding.field}` as MessageKey),
    excerpt: finding.excerpt,
    citation: finding.citation ?? '',
  });
}
