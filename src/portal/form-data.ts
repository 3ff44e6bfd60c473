import type { FastifyRequest } from 'fastify';
import {
  ATTACHMENT_LIMITS,
  type AttachmentMediaType,
  cleanFileName,
  detectMediaType,
  nameContradictsContent,
} from '../server/modules/cases/attachments.js';

/** A file as it arrived, checked by its content; `problem` says why it cannot be accepted. */
export interface UploadedFile {
  fileName: string;
  content: Buffer;
  mediaType: AttachmentMediaType | null;
  problem?: 'file_type' | 'file_size' | 'file_empty' | 'file_count' | 'file_mismatch';
}

export interface FormData {
  fields: Record<string, string>;
  files: UploadedFile[];
}

/**
 * Reads a portal form, multipart (with files) or URL-encoded. Files are kept in memory (at most 5 × 5 MB) and
 * nothing is stored until the caller has checked the CSRF token and the honeypot.
 */
export async function readForm(request: FastifyRequest): Promise<FormData> {
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  if (!request.isMultipart()) {
    const body = request.body;
    if (body && typeof body === 'object') {
      for (const [name, value] of Object.entries(body)) if (typeof value === 'string') fields[name] = value;
    }
    return { fields, files };
  }
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      if (typeof part.value === 'string' && !(part.fieldname in fields)) fields[part.fieldname] = part.value;
      continue;
    }
    const content = await part.toBuffer();
    // A file input left empty still sends a part with no name and no content.
    if (part.filename === '' && content.length === 0) continue;
    const mediaType = detectMediaType(content);
    const file: UploadedFile = {
      fileName: cleanFileName(part.filename, mediaType ?? 'application/pdf'),
      content,
      mediaType,
    };
    if (files.length >= ATTACHMENT_LIMITS.maxFiles) file.problem = 'file_count';
    else if (part.file.truncated) file.problem = 'file_size';
    else if (content.length === 0) file.problem = 'file_empty';
    else if (!mediaType) file.problem = 'file_type';
    else if (nameContradictsContent(part.filename, mediaType)) file.problem = 'file_mismatch';
    files.push(file);
  }
  return { fields, files };
}
