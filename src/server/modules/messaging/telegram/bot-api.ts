import type { TelegramSettings } from '../../../config.js';
import { callPlatform, PlatformError } from '../http-errors.js';
import type { TelegramInForce } from '../settings.js';

/**
 * The parts of the Telegram Bot API Loket uses (https://core.telegram.org/bots/api): sendMessage, sendDocument,
 * sendPhoto, getFile and the file download. Every answer is `{ ok, result }` or `{ ok: false, error_code,
 * description, parameters: { retry_after } }`.
 */
interface BotAnswer<T> {
  ok: boolean;
  result?: T;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
}

function botToken(settings: TelegramSettings): string {
  if (!settings.botToken) throw new PlatformError('telegram', 'not_configured', 'bot token not set', false);
  return settings.botToken;
}

async function call<T>(
  settings: TelegramInForce,
  method: string,
  body: Record<string, unknown> | FormData,
): Promise<T> {
  const url = `${settings.apiBaseUrl}/bot${botToken(settings)}/${method}`;
  const response = await callPlatform(
    'telegram',
    url,
    {
      method: 'POST',
      ...(body instanceof FormData
        ? { body }
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    },
    settings,
  );
  let answer: BotAnswer<T> = { ok: false };
  try {
    answer = (await response.json()) as BotAnswer<T>;
  } catch {}
  if (answer.ok && answer.result !== undefined) return answer.result;
  const code = answer.error_code ?? response.status;
  const description = (answer.description ?? response.statusText).slice(0, 300);
  if (code === 429) {
    const seconds = answer.parameters?.retry_after ?? Number(response.headers.get('retry-after')) ?? 0;
    throw new PlatformError('telegram', '429', description, true, Math.max(1, seconds) * 1000);
  }
  // 403: the user blocked the bot or deleted their account; 400: chat not found, message too long…
  const retryable = code >= 500 || code === 401 || code === 404;
  throw new PlatformError('telegram', String(code), description, retryable);
}

export async function sendMessage(settings: TelegramInForce, chatId: string, text: string): Promise<number> {
  const result = await call<{ message_id: number }>(settings, 'sendMessage', {
    chat_id: chatId,
    text: text.slice(0, 4096),
  });
  return result.message_id;
}

export async function sendFile(
  settings: TelegramInForce,
  chatId: string,
  file: { content: Buffer; mediaType: string; fileName: string },
): Promise<number> {
  const photo = file.mediaType !== 'application/pdf';
  const form = new FormData();
  form.set('chat_id', chatId);
  form.set(photo ? 'photo' : 'document', new Blob([file.content], { type: file.mediaType }), file.fileName);
  const result = await call<{ message_id: number }>(settings, photo ? 'sendPhoto' : 'sendDocument', form);
  return result.message_id;
}

/** getFile, then the download from /file/bot<token>/<file_path>; files over the limit are not downloaded. */
export async function downloadFile(
  settings: TelegramInForce,
  fileId: string,
  maxBytes: number,
): Promise<{ content: Buffer } | { tooLarge: true }> {
  const info = await call<{ file_path?: string; file_size?: number }>(settings, 'getFile', {
    file_id: fileId,
  });
  if (!info.file_path || (info.file_size ?? 0) > maxBytes) return { tooLarge: true };
  const response = await callPlatform(
    'telegram',
    `${settings.apiBaseUrl}/file/bot${botToken(settings)}/${info.file_path}`,
    {},
    settings,
  );
  if (!response.ok)
    throw new PlatformError('telegram', String(response.status), response.statusText, response.status >= 500);
  const content = Buffer.from(await response.arrayBuffer());
  return content.length > maxBytes ? { tooLarge: true } : { content };
}
