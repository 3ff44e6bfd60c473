import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { problems } from '../../http/schema-helpers.js';
import { telegramSettings, whatsappSettings } from './settings.js';
import { sameSecret, validHubSignature } from './signatures.js';
import { acceptTelegramUpdate, type TelegramUpdate } from './telegram/inbound.js';
import { acceptWhatsAppWebhook, type WebhookPayload } from './whatsapp/inbound.js';

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: Buffer;
  }
}

const tags = ['Channels (webhooks)'];
const MAX_WEBHOOK_BYTES = 512 * 1024;

/**
 * Webhooks the messaging platforms call. Their authenticity is checked before anything is read: WhatsApp signs the
 * raw body with the app secret, Telegram repeats the secret token given to setWebhook. See docs/channels.md.
 */
export const channelWebhookRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const { db, config } = ctx;
  // The signature covers the exact bytes Meta sent, so the body is kept raw beside its parsed form.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit: MAX_WEBHOOK_BYTES },
    (request, body, done) => {
      request.rawBody = body as Buffer;
      try {
        done(null, JSON.parse((body as Buffer).toString('utf8')));
      } catch {
        done(new AppError('malformed_json'), undefined);
      }
    },
  );

  app.get(
    '/channels/whatsapp/webhook',
    {
      schema: {
        tags,
        summary: 'WhatsApp webhook verification: answers hub.challenge when hub.verify_token matches',
        querystring: Type.Object({
          'hub.mode': Type.Optional(Type.String()),
          'hub.verify_token': Type.Optional(Type.String()),
          'hub.challenge': Type.Optional(Type.String({ maxLength: 200 })),
        }),
        response: {
          200: { content: { 'text/plain': { schema: { type: 'string' } } } },
          ...problems(403, 503),
        },
      },
    },
    async (request, reply) => {
      const settings = await whatsappSettings(db, config);
      if (!settings.verifyToken) throw new AppError('channel_not_configured');
      const query = request.query;
      const token = query['hub.verify_token'] ?? '';
      if (query['hub.mode'] !== 'subscribe' || !sameSecret(token, settings.verifyToken))
        throw new AppError('forbidden');
      return reply.type('text/plain; charset=utf-8').send(query['hub.challenge'] ?? '');
    },
  );

  app.post(
    '/channels/whatsapp/webhook',
    {
      schema: {
        tags,
        summary: 'WhatsApp webhook: messages and status callbacks, signed with X-Hub-Signature-256',
        response: {
          200: Type.Object({
            accepted: Type.Integer(),
            duplicates: Type.Integer(),
            statuses: Type.Integer(),
          }),
          ...problems(400, 401, 413, 415, 503),
        },
      },
    },
    async (request) => {
      const settings = await whatsappSettings(db, config);
      if (!settings.appSecret) throw new AppError('channel_not_configured');
      if (
        !request.rawBody ||
        !validHubSignature(request.headers['x-hub-signature-256'], request.rawBody, settings.appSecret)
      ) {
        throw new AppError('invalid_signature');
      }
      return acceptWhatsAppWebhook(db, request.body as WebhookPayload);
    },
  );

  app.post(
    '/channels/telegram/webhook',
    {
      schema: {
        tags,
        summary: 'Telegram webhook: bot updates, authenticated by X-Telegram-Bot-Api-Secret-Token',
        response: {
          200: Type.Object({ result: Type.String() }),
          ...problems(400, 401, 413, 415, 503),
        },
      },
    },
    async (request) => {
      const settings = await telegramSettings(db, config);
      if (!settings.secretToken) throw new AppError('channel_not_configured');
      const presented = request.headers['x-telegram-bot-api-secret-token'];
      if (typeof presented !== 'string' || !sameSecret(presented, settings.secretToken)) {
        throw new AppError('invalid_signature');
      }
      return { result: await acceptTelegramUpdate(db, request.body as TelegramUpdate) };
    },
  );
};
