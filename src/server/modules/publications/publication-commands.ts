import type { Language } from '../../../shared/enums.js';
import type { Db } from '../../db/connection.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { AppError, type FieldError } from '../../errors.js';
import type { Actor } from '../../events/catalogue.js';
import { recordEvent } from '../../events/record-event.js';
import { enqueueJob } from '../../jobs/outbox.js';
import { newId } from '../../lib/ids.js';
import { inTransaction } from '../../lib/transaction.js';
import { citedPersons, listCitations } from './enforcement-records.js';
import {
  languagesOf,
  type Publication,
  type PublicationCategory,
  type PublicationContent,
  type PublicationStatus,
  type PublicationText,
  toPublication,
} from './model.js';
import { checkPublication, type Finding, foldText } from './privacy-check.js';
import { publishDueJob } from './publish-job.js';
import { queueDeliveries } from './webhooks.js';

/** The acting publisher: commands need the id to tell the author from the reviewer. */
export interface PublisherActor extends Actor {
  type: 'staff';
  id: string;
  name: string;
}

export interface NewPublication {
  category: PublicationCategory;
  texts: PublicationContent['texts'];
  citations?: string[];
  slug?: string;
  message?: string;
}

export interface PublicationChanges {
  version: number;
  category?: PublicationCategory;
  texts?: PublicationContent['texts'];
  citations?: string[];
  message?: string;
}

export async function findPublication(db: Db, id: string): Promise<Publication> {
  const row = await db.selectFrom('publications').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found');
  return toPublication(row);
}

const RESERVED_SLUGS = new Set(['statistics', 'images']);

/** "Deportasi Tiga WNA — November 2026" → "deportasi-tiga-wna-november-2026". */
export function slugFor(title: string): string {
  const slug = foldText(title).replace(/ /g, '-').slice(0, 80).replace(/-+$/, '');
  return slug || 'publikasi';
}

function cleanTexts(texts: PublicationContent['texts']): PublicationContent['texts'] {
  const clean = (text: PublicationText): PublicationText => ({
    title: text.title.trim(),
    summary: text.summary.trim(),
    body: text.body.replace(/\r\n?/g, '\n').trim(),
  });
  return { id: clean(texts.id), ...(texts.en ? { en: clean(texts.en) } : {}) };
}

async function checkCitations(db: Db, officeId: string, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  const found = await listCitations(db, officeId, unique);
  if (found.length !== unique.length) throw new AppError('validation_failed', { field: 'citations' });
  return unique;
}

async function writeRevision(
  trx: Db,
  publicationId: string,
  number: number,
  content: PublicationContent,
  actor: Actor,
  message: string | undefined,
  at: Date,
): Promise<void> {
  await trx
    .insertInto('publication_revisions')
    .values({
      id: newId(at.getTime()),
      publication_id: publicationId,
      number,
      content: JSON.stringify(content),
      actor_id: actor.id,
      actor_name: actor.name,
      message: message?.trim() || null,
      created_at: at.toISOString(),
    })
    .execute();
}

export async function createPublication(
  db: Db,
  actor: PublisherActor,
  officeId: string,
  input: NewPublication,
  at = new Date(),
): Promise<Publication> {
  const citations = await checkCitations(db, officeId, input.citations ?? []);
  const content: PublicationContent = { category: input.category, texts: cleanTexts(input.texts), citations };
  const id = newId(at.getTime());
  const base = input.slug ?? slugFor(content.texts.id.title);
  await inTransaction(db, async (trx) => {
    // A taken slug gets the id's last characters, so two "Jadwal libur" notices can both exist; so does a slug
    // the portal uses for a page of its own (/news/{lang}/statistics).
    const taken = await trx
      .selectFrom('publications')
      .select('id')
      .where('slug', '=', base)
      .executeTakeFirst();
    const slug = taken || RESERVED_SLUGS.has(base) ? `${base}-${id.slice(-6)}` : base;
    await trx
      .insertInto('publications')
      .values({
        id,
        office_id: officeId,
        slug,
        category: content.category,
        status: 'draft',
        content: JSON.stringify(content),
        revision_number: 1,
        published_revision_number: null,
        version: 1,
        author_id: actor.id,
        author_name: actor.name,
        reviewer_id: null,
        reviewer_name: null,
        review_comment: null,
        submitted_by: null,
        scheduled_at: null,
        published_at: null,
        archived_at: null,
        created_at: at.toISOString(),
        updated_at: at.toISOString(),
      })
      .execute()
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw new AppError('conflict', { field: 'slug' });
        throw error;
      });
    await writeRevision(trx, id, 1, content, actor, input.message, at);
    await recordEvent(trx, {
      type: 'publication.created',
      actor,
      officeId,
      payload: { publicationId: id, slug, category: content.category, revision: 1 },
      at,
    });
  });
  return findPublication(db, id);
}

function checkVersion(publication: Publication, version: number): void {
  if (publication.version !== version) throw new AppError('version_conflict');
}

/** Saves a new revision of a draft. A publication in review, scheduled or live is changed by returning it first. */
export async function updatePublication(
  db: Db,
  actor: PublisherActor,
  id: string,
  changes: PublicationChanges,
  at = new Date(),
  restoredFrom?: number,
): Promise<Publication> {
  const publication = await findPublication(db, id);
  checkVersion(publication, changes.version);
  if (publication.status !== 'draft') throw new AppError('invalid_transition');
  const content: PublicationContent = {
    category: changes.category ?? publication.content.category,
    texts: changes.texts ? cleanTexts(changes.texts) : publication.content.texts,
    citations: changes.citations
      ? await checkCitations(db, publication.officeId, changes.citations)
      : publication.content.citations,
  };
  const revision = publication.revisionNumber + 1;
  await inTransaction(db, async (trx) => {
    await bump(trx, publication, {
      content: JSON.stringify(content),
      category: content.category,
      revision_number: revision,
      updated_at: at.toISOString(),
    });
    await writeRevision(trx, id, revision, content, actor, changes.message, at);
    await recordEvent(trx, {
      type: 'publication.revised',
      actor,
      officeId: publication.officeId,
      payload: {
        publicationId: id,
        slug: publication.slug,
        revision,
        ...(restoredFrom !== undefined ? { restoredFrom } : {}),
      },
      at,
    });
  });
  return findPublication(db, id);
}

/** Updates the row only if nobody changed it since it was read (optimistic concurrency). */
async function bump(trx: Db, publication: Publication, values: Record<string, unknown>): Promise<void> {
  const updated = await trx
    .updateTable('publications')
    .set({ ...values, version: publication.version + 1 })
    .where('id', '=', publication.id)
    .where('version', '=', publication.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new AppError('version_conflict');
}

export async function listRevisions(db: Db, id: string) {
  const rows = await db
    .selectFrom('publication_revisions')
    .selectAll()
    .where('publication_id', '=', id)
    .orderBy('number', 'desc')
    .execute();
  return rows.map((row) => ({
    number: row.number,
    content: (typeof row.content === 'string' ? JSON.parse(row.content) : row.content) as PublicationContent,
    actorName: row.actor_name,
    message: row.message,
    createdAt: typeof row.created_at === 'string' ? row.created_at : row.created_at.toISOString(),
  }));
}

export async function restorePublicationRevision(
  db: Db,
  actor: PublisherActor,
  id: string,
  number: number,
  version: number,
  at = new Date(),
): Promise<Publication> {
  const revision = (await listRevisions(db, id)).find((r) => r.number === number);
  if (!revision) throw new AppError('not_found');
  const { category, texts, citations } = revision.content;
  return updatePublication(db, actor, id, { version, category, texts, citations }, at, number);
}

// ---------------------------------------------------------------- the privacy check

/** The check's findings as field errors the problem handler localises, one line per finding. */
function findingErrors(findings: Finding[]): FieldError[] {
  return findings.map((f) => ({
    field: `texts.${f.language}.${f.field}`,
    code: `publication.${f.kind}`,
    params: {
      language: f.language.toUpperCase(),
      where: f.field,
      excerpt: f.excerpt,
      ...(f.citation ? { citation: f.citation } : {}),
    },
  }));
}

/** The findings for a publication's current text (empty: it may be published). */
export async function privacyFindings(db: Db, secret: string, publication: Publication): Promise<Finding[]> {
  const persons = await citedPersons(db, secret, publication.content.citations);
  return checkPublication(publication.content, persons);
}

/**
 * Throws `publication_blocked` with every finding. The blocked attempt is recorded (kinds and places only) in its
 * own transaction, so the refusal itself is in the audit trail.
 */
async function assertPublishable(
  db: Db,
  secret: string,
  actor: Actor,
  publication: Publication,
  step: string,
  at: Date,
): Promise<void> {
  const findings = await privacyFindings(db, secret, publication);
  if (findings.length === 0) return;
  await inTransaction(db, (trx) =>
    recordEvent(trx, {
      type: 'publication.check_blocked',
      actor,
      officeId: publication.officeId,
      payload: {
        publicationId: publication.id,
        step,
        findings: findings.map((f) => `${f.language}.${f.field}:${f.kind}`),
      },
      at,
    }),
  );
  throw new AppError('publication_blocked', { errors: findingErrors(findings) });
}

// ---------------------------------------------------------------- workflow

export async function submitPublication(
  db: Db,
  actor: PublisherActor,
  secret: string,
  id: string,
  version: number,
  at = new Date(),
): Promise<Publication> {
  const publication = await findPublication(db, id);
  checkVersion(publication, version);
  if (publication.status !== 'draft') throw new AppError('invalid_transition');
  await assertPublishable(db, secret, actor, publication, 'submit', at);
  await inTransaction(db, async (trx) => {
    await bump(trx, publication, {
      status: 'review',
      submitted_by: actor.id,
      review_comment: null,
      updated_at: at.toISOString(),
    });
    await recordEvent(trx, {
      type: 'publication.submitted',
      actor,
      officeId: publication.officeId,
      payload: { publicationId: id, slug: publication.slug, revision: publication.revisionNumber },
      at,
    });
  });
  return findPublication(db, id);
}

/**
 * A second publisher approves: live at once, or at `scheduledAt` through the job queue. The author and the one who
 * submitted may not approve (four eyes), and the privacy check runs again on the exact text being approved.
 */
export async function approvePublication(
  db: Db,
  actor: PublisherActor,
  secret: string,
  id: string,
  input: { version: number; scheduledAt?: string | null },
  at = new Date(),
): Promise<Publication> {
  const publication = await findPublication(db, id);
  checkVersion(publication, input.version);
  if (publication.status !== 'review') throw new AppError('invalid_transition');
  if (actor.id === publication.authorId || actor.id === publication.submittedBy)
    throw new AppError('second_publisher_required');
  await assertPublishable(db, secret, actor, publication, 'approve', at);
  const scheduledAt = input.scheduledAt ? new Date(input.scheduledAt) : null;
  const later = scheduledAt !== null && scheduledAt.getTime() > at.getTime();
  await inTransaction(db, async (trx) => {
    await bump(trx, publication, {
      status: later ? 'scheduled' : 'review',
      reviewer_id: actor.id,
      reviewer_name: actor.name,
      review_comment: null,
      scheduled_at: later ? scheduledAt.toISOString() : null,
      updated_at: at.toISOString(),
    });
    await recordEvent(trx, {
      type: 'publication.approved',
      actor,
      officeId: publication.officeId,
      payload: {
        publicationId: id,
        slug: publication.slug,
        revision: publication.revisionNumber,
        scheduledAt: later ? scheduledAt.toISOString() : null,
      },
      at,
    });
    if (later) {
      await enqueueJob(
        trx,
        publishDueJob,
        { publicationId: id },
        { runAt: scheduledAt, now: at, dedupeKey: `publication.publish:${id}:${scheduledAt.toISOString()}` },
      );
    } else {
      await goLive(trx, actor, { ...publication, version: publication.version + 1 }, at, false);
    }
  });
  return findPublication(db, id);
}

/**
 * Puts the approved revision live: the public copy per language with citations in their public form only, the
 * status, the event, and one webhook delivery per active webhook.
 */
async function goLive(
  trx: Db,
  actor: Actor,
  publication: Publication,
  at: Date,
  scheduled: boolean,
): Promise<void> {
  const { content } = publication;
  const citations = await listCitations(trx, publication.officeId, content.citations);
  const languages = languagesOf(content);
  await trx.deleteFrom('publication_texts').where('publication_id', '=', publication.id).execute();
  for (const language of languages) {
    const text = content.texts[language]!;
    await trx
      .insertInto('publication_texts')
      .values({
        publication_id: publication.id,
        language,
        slug: publication.slug,
        category: content.category,
        title: text.title,
        summary: text.summary,
        body: text.body,
        citations: JSON.stringify(citations),
        published_at: at.toISOString(),
        updated_at: at.toISOString(),
      })
      .execute();
  }
  await bump(trx, publication, {
    status: 'published',
    published_at: at.toISOString(),
    published_revision_number: publication.revisionNumber,
    scheduled_at: null,
    updated_at: at.toISOString(),
  });
  await recordEvent(trx, {
    type: 'publication.published',
    actor,
    officeId: publication.officeId,
    payload: {
      publicationId: publication.id,
      slug: publication.slug,
      revision: publication.revisionNumber,
      languages,
      citations: citations.length,
      scheduled,
    },
    at,
  });
  await queueDeliveries(trx, publication.id, at);
}

/**
 * The scheduled time has come (run by the `publications.publish-due` job). Idempotent: anything but a scheduled
 * publication whose time has come is left alone. The privacy check runs once more (a cited record may have been
 * corrected since); if it now finds something, the publication goes back to draft with the reason.
 */
export async function publishDue(
  db: Db,
  secret: string,
  id: string,
  at = new Date(),
): Promise<'published' | 'blocked' | 'not_due'> {
  const publication = await findPublication(db, id);
  if (publication.status !== 'scheduled' || !publication.scheduledAt) return 'not_due';
  if (new Date(publication.scheduledAt).getTime() > at.getTime()) return 'not_due';
  const system: Actor = { type: 'system', id: null, name: null };
  const reviewer: Actor = publication.reviewerId
    ? { type: 'staff', id: publication.reviewerId, name: publication.reviewerName }
    : system;
  try {
    await assertPublishable(db, secret, system, publication, 'scheduled_publish', at);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'publication_blocked') throw error;
    await inTransaction(db, (trx) =>
      bump(trx, publication, { status: 'draft', scheduled_at: null, updated_at: at.toISOString() }),
    );
    return 'blocked';
  }
  // The approving publisher published it; the event says it happened on schedule.
  await inTransaction(db, (trx) => goLive(trx, reviewer, publication, at, true));
  return 'published';
}

/** Back to draft with the reviewer's comment (or the author withdrawing it, or cancelling a schedule). */
export async function rejectPublication(
  db: Db,
  actor: PublisherActor,
  id: string,
  input: { version: number; comment: string },
  at = new Date(),
): Promise<Publication> {
  const publication = await findPublication(db, id);
  checkVersion(publication, input.version);
  if (publication.status !== 'review' && publication.status !== 'scheduled')
    throw new AppError('invalid_transition');
  await inTransaction(db, async (trx) => {
    await bump(trx, publication, {
      status: 'draft',
      review_comment: input.comment.trim(),
      reviewer_id: actor.id,
      reviewer_name: actor.name,
      scheduled_at: null,
      updated_at: at.toISOString(),
    });
    await recordEvent(trx, {
      type: 'publication.rejected',
      actor,
      officeId: publication.officeId,
      payload: { publicationId: id, slug: publication.slug, revision: publication.revisionNumber },
      at,
    });
  });
  return findPublication(db, id);
}

/** Takes a publication off the site (its address then answers 404) and keeps it, with its history, archived. */
export async function archivePublication(
  db: Db,
  actor: PublisherActor,
  id: string,
  version: number,
  at = new Date(),
): Promise<Publication> {
  const publication = await findPublication(db, id);
  checkVersion(publication, version);
  if (publication.status === 'archived') throw new AppError('invalid_transition');
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('publication_texts').where('publication_id', '=', id).execute();
    await bump(trx, publication, {
      status: 'archived',
      archived_at: at.toISOString(),
      scheduled_at: null,
      updated_at: at.toISOString(),
    });
    await recordEvent(trx, {
      type: 'publication.archived',
      actor,
      officeId: publication.officeId,
      payload: { publicationId: id, slug: publication.slug, from: publication.status },
      at,
    });
  });
  return findPublication(db, id);
}

export type PublicationAction =
  | 'edit'
  | 'submit'
  | 'approve'
  | 'reject'
  | 'archive'
  | 'restore_revision'
  | 'check';

/** What this publisher may do with the publication now (the console shows only these). */
export function allowedActions(publication: Publication, userId: string): PublicationAction[] {
  const status: PublicationStatus = publication.status;
  const actions: PublicationAction[] = [];
  if (status === 'draft') actions.push('edit', 'submit', 'restore_revision', 'check');
  const isSecond = userId !== publication.authorId && userId !== publication.submittedBy;
  if (status === 'review') {
    actions.push('check', 'reject');
    if (isSecond) actions.push('approve');
  }
  if (status === 'scheduled') actions.push('reject');
  if (status !== 'archived') actions.push('archive');
  return actions;
}

export type { Language };
