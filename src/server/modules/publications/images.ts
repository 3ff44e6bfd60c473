import { createHash } from 'node:crypto';
import type { Db } from '../../db/connection.js';
import { AppError } from '../../errors.js';
import { newId } from '../../lib/ids.js';
import { detectMediaType, nameContradictsContent } from '../cases/attachments.js';
import { escapeHtml, renderMarkdown } from '../knowledge/markdown.js';

/**
 * Images in publication bodies: JPEG, PNG or WebP up to 2 MB, recognised by their first bytes like the portal's
 * attachments (a name claiming another type is refused too), stored once by SHA-256 in the database and served
 * at `/news/images/{id}`. A body places one on a line of its own: `![alternative text](/news/images/{id})`.
 */
export const IMAGE_MAX_BYTES = 2 * 1024 * 1024;
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
export const IMAGE_LINE = new RegExp(`^!\\[([^\\]\\n]{0,300})\\]\\(/news/images/(${UUID})\\)\\s*$`);

export async function storeImage(
  db: Db,
  input: { fileName: string; content: Buffer },
  at = new Date(),
): Promise<{ id: string; url: string; contentType: string; size: number }> {
  if (input.content.length === 0 || input.content.length > IMAGE_MAX_BYTES)
    throw new AppError('payload_too_large');
  const type = detectMediaType(input.content);
  if (!type || !IMAGE_TYPES.has(type) || nameContradictsContent(input.fileName, type))
    throw new AppError('unsupported_media_type');
  const sha256 = createHash('sha256').update(input.content).digest('hex');
  const existing = await db
    .selectFrom('publication_images')
    .select('id')
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  const id = existing?.id ?? newId(at.getTime());
  if (!existing) {
    await db
      .insertInto('publication_images')
      .values({
        id,
        sha256,
        content_type: type,
        size: input.content.length,
        data: input.content,
        created_at: at.toISOString(),
      })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
  }
  return { id, url: `/news/images/${id}`, contentType: type, size: input.content.length };
}

export async function findImage(db: Db, id: string): Promise<{ contentType: string; data: Buffer } | null> {
  const row = await db
    .selectFrom('publication_images')
    .select(['content_type', 'data'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { contentType: row.content_type, data: Buffer.from(row.data) } : null;
}

/** The figure markup an image line becomes; the portal checks for exactly this shape. */
export function figureHtml(alt: string, id: string): string {
  return `<figure><img src="/news/images/${id}" alt="${escapeHtml(alt)}" loading="lazy"></figure>`;
}

/** A publication body → HTML: the knowledge base's Markdown subset, plus image lines as figures. */
export function renderPublicationBody(body: string): string {
  const parts: string[] = [];
  let text: string[] = [];
  const flush = () => {
    if (text.length) parts.push(renderMarkdown(text.join('\n')));
    text = [];
  };
  for (const line of body.replace(/\r\n?/g, '\n').split('\n')) {
    const image = IMAGE_LINE.exec(line.trim());
    if (image) {
      flush();
      parts.push(figureHtml(image[1]!, image[2]!));
    } else text.push(line);
  }
  flush();
  return parts.join('');
}
