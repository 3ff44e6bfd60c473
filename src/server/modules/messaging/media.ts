import type { Config } from '../../config.js';
import type { JobLogger } from '../../jobs/registry.js';
import {
  AttachmentStore,
  cleanFileName,
  detectMediaType,
  nameContradictsContent,
  type StoredFile,
} from '../cases/attachments.js';

/**
 * A received file through the portal's checks: type by content (JPEG, PNG, WebP, PDF), a name that agrees with
 * it, the size limit. Returns the stored file, or undefined when it is refused (the caller tells the citizen).
 */
export async function storeReceivedFile(
  config: Config,
  content: Buffer,
  fileName: string,
  log?: JobLogger,
): Promise<StoredFile | undefined> {
  const mediaType = detectMediaType(content);
  if (!mediaType || nameContradictsContent(fileName, mediaType)) {
    log?.info({ detected: mediaType, bytes: content.length }, 'received file refused');
    return undefined;
  }
  const sha256 = await AttachmentStore.inDataDir(config.dataDir).put(content);
  const extension = mediaType === 'application/pdf' ? 'pdf' : mediaType.split('/')[1];
  return {
    sha256,
    fileName: cleanFileName(fileName || `file.${extension}`, mediaType),
    mediaType,
    size: content.length,
  };
}
