import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../db/connection.js';
import { AppError } from '../../errors.js';
import { ATTACHMENT_LIMITS, type AttachmentMediaType } from '../cases/attachments.js';
import { decryptBytes, decryptText, encryptBytes, encryptText } from './crypto.js';

/**
 * Files of integrity reports (photos, PDFs), sent by the reporter or an officer. Everything about a file is
 * encrypted with the report's content key, like its content and messages:
 * - the bytes on disk: AES-256-GCM of [length (4 bytes) | content | zero padding] padded to a size bucket, under a
 *   random name in its own folder — not content-addressed, so equal files are not recognisable as equal;
 * - the name, media type and true size: an encrypted `meta` column;
 * - the database row tells only which report (and which message) a file belongs to and the day.
 * A database dump, the files on disk, or both together, reveal neither content, names, types nor exact sizes.
 */

/** A file as checked by the portal or the staff route (content sniffed, name cleaned). */
export interface IncomingFile {
  fileName: string;
  mediaType: AttachmentMediaType;
  content: Buffer;
}

export interface IntegrityAttachment {
  id: string;
  /** 0: sent with the report; otherwise the position of the message it came with. */
  messagePosition: number;
  author: 'reporter' | 'officer';
  fileName: string;
  mediaType: AttachmentMediaType;
  size: number;
  day: string;
}

interface Meta {
  fileName: string;
  mediaType: AttachmentMediaType;
  size: number;
}

const MIN_BUCKET = 64 * 1024;
/** Bytes of the metadata JSON: a 120-character name (cleanFileName) of 4-byte characters, type and size fit. */
const META_BYTES = 640;
const padMeta = (json: string) => json + ' '.repeat(Math.max(0, META_BYTES - Buffer.byteLength(json)));

/** The padded length: the next power of two of at least 64 KiB, so a stored file tells its size only roughly. */
export function paddedLength(size: number): number {
  let bucket = MIN_BUCKET;
  while (bucket < size + 4) bucket *= 2;
  return bucket;
}

const bytesAad = (reportId: string, id: string) => `report:${reportId}:attachment:${id}`;
const metaAad = (reportId: string, id: string) => `report:${reportId}:attachment:${id}:meta`;

/** The encrypted files, under the data directory (never a served folder), named by the attachment's random id. */
export class IntegrityFileStore {
  constructor(readonly root: string) {}

  static inDataDir(dataDir: string): IntegrityFileStore {
    return new IntegrityFileStore(path.join(dataDir, 'integrity-files'));
  }

  pathOf(id: string): string {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw new Error('not an attachment id');
    return path.join(this.root, id);
  }

  async put(id: string, bytes: Buffer): Promise<void> {
    await mkdir(this.root, { recursive: true, mode: 0o700 });
    const target = this.pathOf(id);
    // Written aside and renamed: a reader never sees half a file.
    const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temporary, bytes, { mode: 0o600 });
    await rename(temporary, target);
  }

  read(id: string): Promise<Buffer> {
    return readFile(this.pathOf(id));
  }
}

export function sealFile(contentKey: Buffer, reportId: string, id: string, file: IncomingFile) {
  const padded = Buffer.alloc(paddedLength(file.content.length));
  padded.writeUInt32BE(file.content.length, 0);
  file.content.copy(padded, 4);
  const meta: Meta = { fileName: file.fileName, mediaType: file.mediaType, size: file.content.length };
  return {
    bytes: encryptBytes(contentKey, padded, bytesAad(reportId, id)),
    // Padded to one length, so the ciphertext does not tell how long the file name is.
    meta: encryptText(contentKey, padMeta(JSON.stringify(meta)), metaAad(reportId, id)),
  };
}

export function openFile(contentKey: Buffer, reportId: string, id: string, bytes: Buffer): Buffer {
  const padded = decryptBytes(contentKey, bytes, bytesAad(reportId, id));
  return padded.subarray(4, 4 + padded.readUInt32BE(0));
}

/** Refuses more files than the portal allows for one message (the portal and the staff route check it too). */
export function checkFileCount(files: readonly IncomingFile[]): void {
  if (files.length > ATTACHMENT_LIMITS.maxFiles)
    throw new AppError('validation_failed', {
      errors: [{ field: 'files', code: 'maxItems', params: { limit: ATTACHMENT_LIMITS.maxFiles } }],
    });
}

/**
 * Encrypts and writes the files, then records them in the caller's transaction. A file written for a transaction
 * that then fails stays on disk unreferenced: it is ciphertext under a key no one keeps, so it reveals nothing.
 */
export async function storeAttachments(
  trx: Db,
  store: IntegrityFileStore,
  target: {
    reportId: string;
    contentKey: Buffer;
    messagePosition: number;
    author: 'reporter' | 'officer';
    day: string;
  },
  files: readonly IncomingFile[],
): Promise<void> {
  if (files.length === 0) return;
  checkFileCount(files);
  const rows = [];
  for (const file of files) {
    const id = randomUUID();
    const sealed = sealFile(target.contentKey, target.reportId, id, file);
    await store.put(id, sealed.bytes);
    rows.push({
      id,
      report_id: target.reportId,
      message_position: target.messagePosition,
      author: target.author,
      meta: sealed.meta,
      day: target.day,
    });
  }
  await trx.insertInto('integrity_attachments').values(rows).execute();
}

export async function listIntegrityAttachments(
  db: Db,
  reportId: string,
  contentKey: Buffer,
): Promise<IntegrityAttachment[]> {
  const rows = await db
    .selectFrom('integrity_attachments')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('message_position')
    .orderBy('id')
    .execute();
  return rows.map((row) => {
    const meta = JSON.parse(decryptText(contentKey, row.meta, metaAad(reportId, row.id))) as Meta;
    return {
      id: row.id,
      messagePosition: row.message_position,
      author: row.author,
      fileName: meta.fileName,
      mediaType: meta.mediaType,
      size: meta.size,
      day: row.day,
    };
  });
}

/** One decrypted file of a report, or 404 (unknown id, or an id of another report). */
export async function readIntegrityAttachment(
  db: Db,
  store: IntegrityFileStore,
  reportId: string,
  contentKey: Buffer,
  id: string,
): Promise<IntegrityAttachment & { content: Buffer }> {
  const all = await listIntegrityAttachments(db, reportId, contentKey);
  const found = all.find((a) => a.id === id);
  if (!found) throw new AppError('not_found');
  const content = openFile(contentKey, reportId, id, await store.read(id));
  return { ...found, content };
}

/** Content-Disposition for a decrypted file: the name survives in UTF-8, with an ASCII fallback. */
export function downloadHeaders(file: { fileName: string; mediaType: string }): Record<string, string> {
  const ascii = file.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return {
    'content-type': file.mediaType,
    'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    'content-security-policy': "default-src 'none'; sandbox",
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  };
}
