import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../db/connection.js';
import { toIso } from '../../db/dialect.js';
import type { AuthorType, CaseAttachmentRow } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';

/** What citizens may attach: images and PDF, recognised by their first bytes, never by name or declared type. */
export const ATTACHMENT_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type AttachmentMediaType = (typeof ATTACHMENT_MEDIA_TYPES)[number];

export const ATTACHMENT_LIMITS = { maxBytes: 5 * 1024 * 1024, maxFiles: 5 } as const;

/** A file already in the store, not yet linked to a case. */
export interface StoredFile {
  sha256: string;
  fileName: string;
  mediaType: AttachmentMediaType;
  size: number;
}

export interface Attachment extends StoredFile {
  id: string;
  caseId: string;
  messageId: string | null;
  authorType: AuthorType;
  createdAt: string;
}

/** The media type the content really has, or null when it is not one we accept. */
export function detectMediaType(content: Uint8Array): AttachmentMediaType | null {
  const starts = (bytes: number[], offset = 0) => bytes.every((b, i) => content[offset + i] === b);
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  return null;
}

const NAME_EXTENSIONS: Record<AttachmentMediaType, string[]> = {
  'image/jpeg': ['jpg', 'jpeg', 'jfif', 'jpe'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'application/pdf': ['pdf'],
};

/**
 * True when the file's name claims another type than its content has (a PNG named .pdf, a program named .png):
 * such a file is refused even if its content is acceptable, since the name would mislead whoever opens it.
 * A name without an extension claims nothing.
 */
export function nameContradictsContent(name: string, mediaType: AttachmentMediaType): boolean {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(name.trim());
  return match !== null && !NAME_EXTENSIONS[mediaType].includes(match[1]!.toLowerCase());
}

/** A file name safe to show and to offer for download: no path, no control characters, at most 120 characters. */
export function cleanFileName(name: string, mediaType: AttachmentMediaType): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = [...base]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f && !'"<>|:*?'.includes(c))
    .join('')
    .trim()
    .slice(-120);
  return cleaned || `lampiran.${EXTENSIONS[mediaType]}`;
}

const EXTENSIONS: Record<AttachmentMediaType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};

/**
 * Content-addressed file store under the data directory (never a served folder): a file is named by its
 * SHA-256, so the same file sent twice is stored once and a stored file never changes.
 */
export class AttachmentStore {
  constructor(readonly root: string) {}

  static inDataDir(dataDir: string): AttachmentStore {
    return new AttachmentStore(path.join(dataDir, 'attachments'));
  }

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a SHA-256');
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  async put(content: Uint8Array): Promise<string> {
    const sha256 = createHash('sha256').update(content).digest('hex');
    const target = this.pathOf(sha256);
    if (await this.has(sha256)) return sha256;
    await mkdir(path.dirname(target), { recursive: true });
    // Written aside and renamed: a reader never sees half a file.
    const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temporary, content, { mode: 0o600 });
    await rename(temporary, target);
    return sha256;
  }

  async has(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch {
      return false;
    }
  }

  read(sha256: string): Promise<Buffer> {
    return readFile(this.pathOf(sha256));
  }
}

/** Links stored files to a case, and to the message they came with (null: with the case itself). */
export async function attachFiles(
  db: Db,
  target: { caseId: string; messageId: string | null; authorType: AuthorType },
  files: readonly StoredFile[],
  now = new Date(),
): Promise<Attachment[]> {
  if (files.length === 0) return [];
  const at = now.toISOString();
  const rows = files.map((file) => ({
    id: newId(now.getTime()),
    case_id: target.caseId,
    message_id: target.messageId,
    sha256: file.sha256,
    file_name: file.fileName,
    media_type: file.mediaType,
    size_bytes: file.size,
    author_type: target.authorType,
    created_at: at,
  }));
  await db.insertInto('case_attachments').values(rows).execute();
  return rows.map(toAttachment);
}

export async function listAttachments(db: Db, caseId: string): Promise<Attachment[]> {
  const rows = await db
    .selectFrom('case_attachments')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toAttachment);
}

export async function findAttachment(db: Db, caseId: string, id: string): Promise<Attachment | undefined> {
  const row = await db
    .selectFrom('case_attachments')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toAttachment(row);
}

function toAttachment(row: CaseAttachmentRow): Attachment {
  return {
    id: row.id,
    caseId: row.case_id,
    messageId: row.message_id,
    sha256: row.sha256,
    fileName: row.file_name,
    mediaType: row.media_type as AttachmentMediaType,
    size: row.size_bytes,
    authorType: row.author_type,
    createdAt: toIso(row.created_at),
  };
}
