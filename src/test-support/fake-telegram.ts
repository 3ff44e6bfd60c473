import { randomBytes } from 'node:crypto';
import { type FakeFile, type RecordedRequest, startFakeServer } from './fake-http.js';

/**
 * A local stand-in for the Telegram Bot API (https://core.telegram.org/bots/api): sendMessage, sendPhoto,
 * sendDocument, getFile and the file download under /file/bot<token>/<file_path>. Answers are the documented
 * `{ ok, result }` / `{ ok: false, error_code, description, parameters }`. It checks the token, refuses chats that
 * blocked the bot (403) and can be told to throttle (429 with retry_after). Updates are built as Telegram sends them.
 */
export const FAKE_TG = {
  botToken: '7123456789:AAHfakeBotTokenForLoketTests_0123456789',
  secretToken: 'loket-telegram-secret-5b1e0d2f',
  botId: 7_123_456_789,
};

export interface TgSent {
  method: string;
  chat_id: string;
  text?: string;
  file?: FakeFile;
  message_id: number;
}

export async function startFakeTelegram() {
  const sent: TgSent[] = [];
  const requests: RecordedRequest[] = [];
  const files = new Map<string, { path: string; content: Buffer }>();
  const blocked = new Set<string>();
  const throttles: number[] = [];
  let messageCounter = 500;
  let updateCounter = 800_000_000;

  const fail = (error_code: number, description: string, parameters?: Record<string, unknown>) => ({
    status: error_code,
    body: { ok: false, error_code, description, ...(parameters ? { parameters } : {}) },
  });

  const server = await startFakeServer(async (request, url) => {
    requests.push(request);
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (download) {
      if (download[1] !== FAKE_TG.botToken) return fail(401, 'Unauthorized');
      const file = [...files.values()].find((f) => f.path === download[2]);
      return file ? { status: 200, body: file.content } : fail(404, 'Not Found');
    }
    const call = /^\/bot([^/]+)\/(\w+)$/.exec(url.pathname);
    if (!call) return fail(404, 'Not Found');
    if (call[1] !== FAKE_TG.botToken) return fail(401, 'Unauthorized');
    const method = call[2]!;
    const body = request.body as Record<string, unknown>;
    if (method === 'getFile') {
      const found = files.get(String(body.file_id));
      if (!found) return fail(400, 'Bad Request: invalid file_id');
      return {
        status: 200,
        body: {
          ok: true,
          result: {
            file_id: body.file_id,
            file_unique_id: `AgAD${randomBytes(6).toString('base64url')}`,
            file_size: found.content.length,
            file_path: found.path,
          },
        },
      };
    }
    if (!['sendMessage', 'sendPhoto', 'sendDocument'].includes(method))
      return fail(404, 'Not Found: method not found');
    const retryAfter = throttles.shift();
    if (retryAfter !== undefined) {
      return fail(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
    }
    const chatId = String(body.chat_id ?? '');
    if (!chatId) return fail(400, 'Bad Request: chat_id is empty');
    if (blocked.has(chatId)) return fail(403, 'Forbidden: bot was blocked by the user');
    if (method === 'sendMessage' && !String(body.text ?? '').trim())
      return fail(400, 'Bad Request: message text is empty');
    const file = (body.photo ?? body.document) as FakeFile | undefined;
    const messageId = ++messageCounter;
    sent.push({
      method,
      chat_id: chatId,
      text: body.text as string | undefined,
      file,
      message_id: messageId,
    });
    return {
      status: 200,
      body: {
        ok: true,
        result: {
          message_id: messageId,
          from: { id: FAKE_TG.botId, is_bot: true, first_name: 'Loket', username: 'loket_bot' },
          chat: { id: Number(chatId), type: 'private' },
          date: Math.floor(Date.now() / 1000),
          ...(body.text ? { text: body.text } : {}),
        },
      },
    };
  });

  const user = (chatId: number, firstName: string) => ({
    id: chatId,
    is_bot: false,
    first_name: firstName,
    language_code: 'id',
  });
  const update = (chatId: number, firstName: string, fields: Record<string, unknown>, at: Date) => ({
    update_id: ++updateCounter,
    message: {
      message_id: ++messageCounter,
      from: user(chatId, firstName),
      chat: { id: chatId, first_name: firstName, type: 'private' },
      date: Math.floor(at.getTime() / 1000),
      ...fields,
    },
  });
  const addFile = (content: Buffer, path: string) => {
    const fileId = `AgACAgUAAxkBAAI${randomBytes(12).toString('base64url')}`;
    files.set(fileId, { path, content });
    return fileId;
  };

  return {
    apiBaseUrl: server.url,
    sent,
    requests,
    close: server.close,
    block(chatId: number) {
      blocked.add(String(chatId));
    },
    /** The next send answers 429 with this retry_after. */
    throttleNext(retryAfterSeconds: number) {
      throttles.push(retryAfterSeconds);
    },
    text(chatId: number, firstName: string, text: string, at = new Date()) {
      return update(chatId, firstName, { text }, at);
    },
    photo(chatId: number, firstName: string, content: Buffer, caption: string, at = new Date()) {
      const fileId = addFile(content, `photos/file_${files.size}.jpg`);
      return update(
        chatId,
        firstName,
        {
          photo: [
            { file_id: `${fileId}small`, file_unique_id: 'AQADs', file_size: 1_200, width: 90, height: 67 },
            { file_id: fileId, file_unique_id: 'AQADm', file_size: content.length, width: 800, height: 600 },
          ],
          caption,
        },
        at,
      );
    },
    document(
      chatId: number,
      firstName: string,
      content: Buffer,
      fileName: string,
      mimeType: string,
      at = new Date(),
    ) {
      const fileId = addFile(content, `documents/file_${files.size}.pdf`);
      return update(
        chatId,
        firstName,
        {
          document: {
            file_name: fileName,
            mime_type: mimeType,
            file_id: fileId,
            file_unique_id: 'AgADd',
            file_size: content.length,
          },
        },
        at,
      );
    },
  };
}

export type FakeTelegram = Awaited<ReturnType<typeof startFakeTelegram>>;
