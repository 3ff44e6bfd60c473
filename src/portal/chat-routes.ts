import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../server/context.js';
import { AppError } from '../server/errors.js';
import { CITIZEN_ACTOR } from '../server/events/catalogue.js';
import { AttachmentStore } from '../server/modules/cases/attachments.js';
import { caseForCitizen } from '../server/modules/cases/citizen-access.js';
import {
  attachChatFile,
  BODY_MAX,
  endConversation,
  requestAgent,
  sendVisitorMessage,
  startConversation,
} from '../server/modules/chat/conversations.js';
import type { Conversation } from '../server/modules/chat/model.js';
import {
  findConversation,
  findConversationByCase,
  messagesAfter,
  queuePosition,
} from '../server/modules/chat/storage.js';
import {
  signConversationToken,
  TOKEN_TTL_MS,
  verifyConversationToken,
} from '../server/modules/chat/token.js';
import type { FieldErrors } from './components.js';
import { type FormData, readForm, type UploadedFile } from './form-data.js';
import type { PortalKit } from './knowledge-routes.js';
import type { View } from './layout.js';
import { CHAT_PATH, type ChatReceipt, chatConversationPage, chatStartPage } from './pages/chat.js';

const CHAT_COOKIE = 'loket_chat';

/**
 * The full-page chat (`/chat`), for visitors without the widget or without JavaScript: forms that post and a
 * transcript to refresh. The conversation is named by a signed token in an HttpOnly cookie (never the URL), the
 * same token the widget sends in its first WebSocket frame. `POST /chat/upload` takes the widget's files through
 * the same content checks as every portal form.
 */
export function chatPages(app: FastifyInstance, ctx: AppContext, kit: PortalKit): void {
  const { db, config } = ctx;
  const store = AttachmentStore.inDataDir(config.dataDir);
  const secure = (request: FastifyRequest) =>
    request.protocol === 'https' || (config.publicUrl?.startsWith('https:') ?? false);

  function setToken(request: FastifyRequest, reply: FastifyReply, conversationId: string) {
    reply.setCookie(CHAT_COOKIE, signConversationToken(config.secret, conversationId), {
      path: CHAT_PATH,
      httpOnly: true,
      sameSite: 'lax',
      secure: secure(request),
      maxAge: TOKEN_TTL_MS / 1000,
    });
  }

  async function conversationOf(request: FastifyRequest): Promise<Conversation | undefined> {
    const id = verifyConversationToken(config.secret, request.cookies?.[CHAT_COOKIE]);
    return id ? findConversation(db, id) : undefined;
  }

  async function showConversation(
    request: FastifyRequest,
    reply: FastifyReply,
    view: View,
    conversation: Conversation,
    extra: { receipt?: ChatReceipt; errors?: FieldErrors; body?: string } = {},
  ) {
    const [messages, position] = await Promise.all([
      messagesAfter(db, conversation.id, 0, 2000),
      queuePosition(db, conversation),
    ]);
    const page = chatConversationPage(view, {
      state: conversation.state,
      messages,
      position,
      nextId: randomBytes(12).toString('base64url'),
      ...extra,
    });
    return kit.send(request, reply, view, page, { private: true, status: extra.errors?.length ? 400 : 200 });
  }

  function bodyErrors(view: View, body: string, required: boolean): FieldErrors {
    if (body.trim() === '') return required ? [{ field: 'body', message: view.t('chat.body_required') }] : [];
    if (body.length > BODY_MAX) return [{ field: 'body', message: view.t('chat.body_too_long') }];
    return [];
  }

  async function storeFile(file: UploadedFile) {
    if (file.problem || !file.mediaType) return undefined;
    const sha256 = await store.put(file.content);
    return { sha256, fileName: file.fileName, mediaType: file.mediaType, size: file.content.length };
  }

  app.get(CHAT_PATH, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const view = await kit.viewFor(request, reply);
    const conversation = await conversationOf(request);
    if (!conversation) return kit.send(request, reply, view, chatStartPage(view), { private: true });
    return showConversation(request, reply, view, conversation);
  });

  app.post(CHAT_PATH, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const form = await readForm(request);
    kit.checkCsrf(request, form);
    const view = await kit.viewFor(request, reply);
    const action = form.fields.action;
    const body = form.fields.body ?? '';
    if (action === 'start') {
      const errors = bodyErrors(view, body, true);
      if (errors.length)
        return kit.send(request, reply, view, chatStartPage(view, { errors, body }), { status: 400 });
      if (!view.office) throw new AppError('not_ready');
      const conversation = await startConversation(db, { officeId: view.office.id, language: view.language });
      setToken(request, reply, conversation.id);
      const sent = await sendVisitorMessage(db, conversation.id, {
        clientId: randomBytes(12).toString('base64url'),
        body,
      });
      await sent.assistant;
      return reply.redirect(CHAT_PATH, 303);
    }
    if (action === 'open') return openWithCode(request, reply, view, form);
    if (action === 'new') {
      reply.clearCookie(CHAT_COOKIE, { path: CHAT_PATH });
      return reply.redirect(CHAT_PATH, 303);
    }
    const conversation = await conversationOf(request);
    if (!conversation) return reply.redirect(CHAT_PATH, 303);
    if (action === 'agent') {
      const handOff = await requestAgent(db, conversation.id, {
        secret: config.secret,
        officeCode: view.office!.code,
      });
      if (!handOff.receipt) return reply.redirect(CHAT_PATH, 303);
      return showConversation(request, reply, view, handOff.conversation, { receipt: handOff.receipt });
    }
    if (action === 'end') {
      await endConversation(db, CITIZEN_ACTOR, conversation.id);
      return reply.redirect(CHAT_PATH, 303);
    }
    // action === 'send': a message, a file, or both.
    const file = form.files[0];
    const errors = bodyErrors(view, body, !file);
    if (file?.problem) errors.push({ field: 'file', message: view.t('chat.file_error') });
    if (errors.length) return showConversation(request, reply, view, conversation, { errors, body });
    try {
      if (body.trim()) {
        const sent = await sendVisitorMessage(db, conversation.id, { clientId: form.fields.id ?? '', body });
        await sent.assistant;
      }
      const stored = file && conversation.state !== 'assistant' ? await storeFile(file) : undefined;
      if (stored) await attachChatFile(db, conversation.id, stored);
    } catch (error) {
      if (error instanceof AppError && error.code === 'case_closed') {
        return showConversation(request, reply, view, conversation, {
          errors: [{ field: 'body', message: view.t('chat.closed') }],
          body,
        });
      }
      throw error;
    }
    return reply.redirect(`${CHAT_PATH}#log-title`, 303);
  });

  async function openWithCode(request: FastifyRequest, reply: FastifyReply, view: View, form: FormData) {
    const code = form.fields.code ?? '';
    try {
      const found = await caseForCitizen(ctx, request.ip, code, form.fields.key ?? '');
      const conversation = await findConversationByCase(db, found.id);
      if (!conversation) throw new AppError('case_not_found');
      setToken(request, reply, conversation.id);
      return reply.redirect(CHAT_PATH, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'case_not_found') throw error;
      const continueErrors = [{ field: 'code', message: view.t('chat.not_found') }];
      return kit.send(request, reply, view, chatStartPage(view, { code, continueErrors }), { status: 400 });
    }
  }

  // The widget's file upload: the conversation token travels in the form body, the CSRF token beside it.
  app.post(`${CHAT_PATH}/upload`, async (request, reply) => {
    const form = await readForm(request);
    kit.checkCsrf(request, form);
    const id = verifyConversationToken(config.secret, form.fields.token);
    const conversation = id ? await findConversation(db, id) : undefined;
    const file = form.files[0];
    if (!conversation || conversation.state === 'assistant')
      return reply.code(404).send({ code: 'not_found' });
    const stored = file ? await storeFile(file) : undefined;
    if (!stored) return reply.code(400).send({ code: file?.problem ?? 'file_missing' });
    const message = await attachChatFile(db, conversation.id, stored);
    return reply.send({ seq: message.seq });
  });
}
