import type { Db } from '../../db/connection.js';
import { parseJson, toIso } from '../../db/dialect.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../events/catalogue.js';
import { newId } from '../../lib/ids.js';
import { type DiffPart, diffText } from './diff.js';

export type RevisedEntity = 'article' | 'faq';

export interface Revision<T> {
  number: number;
  content: T;
  authorName: string | null;
  message: string | null;
  createdAt: string;
}

/** Every save of an article or FAQ entry is a numbered revision holding the whole content. */
export async function writeRevision(
  trx: Db,
  entity: RevisedEntity,
  entityId: string,
  number: number,
  content: object,
  actor: Actor,
  message: string | null | undefined,
  at: Date,
): Promise<void> {
  await trx
    .insertInto('kb_revisions')
    .values({
      id: newId(at.getTime()),
      entity,
      entity_id: entityId,
      number,
      content: JSON.stringify(content),
      author_id: actor.id,
      author_name: actor.name,
      message: message?.trim() || null,
      created_at: at.toISOString(),
    })
    .execute();
}

export async function listRevisions(
  db: Db,
  entity: RevisedEntity,
  entityId: string,
): Promise<Revision<unknown>[]> {
  const rows = await db
    .selectFrom('kb_revisions')
    .selectAll()
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .orderBy('number', 'desc')
    .execute();
  return rows.map((row) => ({
    number: row.number,
    content: parseJson(row.content),
    authorName: row.author_name,
    message: row.message,
    createdAt: toIso(row.created_at),
  }));
}

export async function getRevision<T>(
  db: Db,
  entity: RevisedEntity,
  entityId: string,
  number: number,
): Promise<Revision<T>> {
  const row = await db
    .selectFrom('kb_revisions')
    .selectAll()
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .where('number', '=', number)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', { field: 'number' });
  return {
    number: row.number,
    content: parseJson(row.content) as T,
    authorName: row.author_name,
    message: row.message,
    createdAt: toIso(row.created_at),
  };
}

/** How a field is shown in a diff: lists one item per line, everything else as text. */
function fieldText(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join('\n');
  if (value === null || value === undefined) return '';
  return String(value);
}

/** The fields that differ between two revisions, each as a line-then-word diff. */
export function diffContents(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  fields: readonly string[],
): { field: string; changes: DiffPart[] }[] {
  return fields
    .filter((field) => fieldText(before[field]) !== fieldText(after[field]))
    .map((field) => ({ field, changes: diffText(fieldText(before[field]), fieldText(after[field])) }));
}
