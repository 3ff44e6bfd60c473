import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { portalRoutes } from '../portal/routes.js';
import type { Language } from '../shared/enums.js';
import type { AppContext } from './context.js';
import { AppError } from './errors.js';
import { consoleStatic } from './http/console-static.js';
import { healthRoutes } from './http/health-routes.js';
import { registerProblemHandlers, sendProblem } from './http/problem.js';
import { problemSchema } from './http/schema-helpers.js';
import { validatorCompiler } from './http/validation.js';
import { batchResponseWrites } from './http/write-batching.js';
// Job definitions and event reactions register themselves on import; the web process enqueues them.
import './jobs/all-jobs.js';
import { negotiateLanguage } from './i18n/index.js';
import { jobAdminRoutes } from './jobs/routes.js';
import { adminRoutes } from './modules/accounts/admin-routes.js';
import { authRoutes } from './modules/accounts/auth-routes.js';
import { auditPublicRoutes, auditStaffRoutes } from './modules/audit/routes.js';
import { calendarRoutes } from './modules/calendar/routes.js';
import { cannedResponseRoutes } from './modules/canned-responses/routes.js';
import { liveCaseRoutes } from './modules/cases/live-routes.js';
import { publicCaseRoutes } from './modules/cases/public-routes.js';
import { staffCaseRoutes } from './modules/cases/staff-routes.js';
import { chatRoutes } from './modules/chat/routes.js';
import { contactRoutes } from './modules/contacts/routes.js';
import { emailAdminRoutes } from './modules/email/admin-routes.js';
import { unsubscribeRoutes } from './modules/email/routes.js';
import { integrityStaffRoutes } from './modules/integrity/routes.js';
import { publicKnowledgeRoutes } from './modules/knowledge/public-routes.js';
import { staffKnowledgeRoutes } from './modules/knowledge/staff-routes.js';
import { messagingStaffRoutes } from './modules/messaging/staff-routes.js';
import { channelWebhookRoutes } from './modules/messaging/webhook-routes.js';
import { notificationRoutes } from './modules/notifications/routes.js';
import { officeAdminRoutes } from './modules/offices/admin-routes.js';
import { officeRoutes } from './modules/offices/routes.js';
import { integrationPassportRoutes } from './modules/passports/integration-routes.js';
import { publicPassportRoutes } from './modules/passports/public-routes.js';
import { staffPassportRoutes } from './modules/passports/staff-routes.js';
import { passportUnsubscribeRoutes } from './modules/passports/unsubscribe-routes.js';
import { ctiRoutes, phoneStaffRoutes } from './modules/phone/routes.js';
import { privacyRoutes } from './modules/privacy/routes.js';
import { staffPublicationRoutes } from './modules/publications/staff-routes.js';
import { serviceLevelRoutes } from './modules/service-levels/routes.js';
import { publicSurveyRoutes, staffSurveyRoutes } from './modules/surveys/routes.js';
import { transparencyRoutes } from './modules/transparency/routes.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The response language: `id` unless Accept-Language prefers `en`. */
    language: Language;
  }
}

const MAX_BODY_BYTES = 1024 * 1024;
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export interface BuildOptions {
  /** Pino logger options, or false to log nothing (tests). */
  logger?: FastifyServerOptions['logger'];
  /** Counted up as each request starts; the process's job worker gives way while it grows. */
  requestCount?: RequestCount;
}

export interface RequestCount {
  started: number;
}

/** Builds the whole application without listening: main.ts listens, tests use app.inject. */
export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? loggerOptions(ctx.config.logLevel),
    bodyLimit: MAX_BODY_BYTES,
    trustProxy: ctx.config.trustProxy,
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  // The API speaks JSON only; anything else is answered 415 rather than parsed as a string.
  app.removeContentTypeParser('text/plain');
  app.decorateRequest('language', {
    getter() {
      return negotiateLanguage(this.headers['accept-language']);
    },
  });
  // A callback hook rather than an async one: it runs for every request, and a promise per request is measurable.
  const requestCount = options.requestCount ?? { started: 0 };
  app.addHook('onRequest', (request, reply, done) => {
    requestCount.started++;
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    const wait = ctx.limiters.enabled ? ctx.limiters.requests.hit(request.ip) : 0;
    // An early answer ends the request here: `done` is then not called.
    if (wait > 0) sendProblem(request, reply, new AppError('rate_limited', { retryAfterSeconds: wait }));
    else done();
  });
  registerProblemHandlers(app);
  batchResponseWrites(app);

  await app.register(cookie);
  // Live chat sockets (modules/chat); no per-message compression: it costs memory per idle connection.
  await app.register(websocket, { options: { maxPayload: 16 * 1024, perMessageDeflate: false } });
  app.addSchema(problemSchema);
  await app.register(swagger, {
    // Shared schemas appear in the document under their $id (e.g. Problem) instead of def-N.
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Loket API',
        version: '1',
        description:
          'Public and staff API of Loket, the information and contact center. Errors are RFC 9457 problem details with a stable `code`; titles follow Accept-Language (id by default, en).',
      },
      servers: ctx.config.publicUrl ? [{ url: ctx.config.publicUrl }] : [],
      components: {
        securitySchemes: {
          accessKey: { type: 'apiKey', in: 'header', name: 'X-Access-Key' },
          integrationKey: {
            type: 'http',
            scheme: 'bearer',
            description: 'An integration key (`loket_…`) created by an administrator, scoped to one office.',
          },
          staffSession: {
            type: 'apiKey',
            in: 'cookie',
            name: 'loket_session',
            description:
              'Session cookie from POST /api/v1/auth/login; state-changing requests also need X-CSRF-Token.',
          },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(healthRoutes, ctx);
  await app.register(officeRoutes, { ...ctx, prefix: '/api/v1' });
  await app.register(publicCaseRoutes, { ...ctx, prefix: '/api/v1' });
  await app.register(authRoutes, { ...ctx, prefix: '/api/v1/auth' });
  await app.register(staffCaseRoutes, { ...ctx, prefix: '/api/v1/staff' });
  await app.register(liveCaseRoutes, { ...ctx, prefix: '/api/v1/staff' });
  await app.register(adminRoutes, { ...ctx, prefix: '/api/v1/staff' });
  await app.register(officeAdminRoutes, { ...ctx, prefix: '/api/v1/staff' });
  await app.register(cannedResponseRoutes, { ...ctx, prefix: '/api/v1/staff' });
  await app.register(jobAdminRoutes, { ...ctx, prefix: '/api/v1/staff' });
  await app.register(calendarRoutes, { ...ctx, prefix: '/api/v1/staff' });
  await app.register(serviceLevelRoutes, { ...ctx, prefix: '/api/v1/staff' });
  await app.register(notificationRoutes, { ...ctx, prefix: '/api/v1/staff' });
  await app.register(emailAdminRoutes, { ...ctx, prefix: '/api/v1/staff' });
  await app.register(publicPassportRoutes, { ...ctx, prefix: '/api/v1' });
  await app.register(integrationPassportRoutes, { ...ctx, prefix: '/api/v1' });
  await app.register(staffPassportRoutes, { ...ctx, prefix: '/api/v1/staff' });
  await app.register(auditStaffRoutes, { ...ctx, prefix: '/api/v1/staff' });
  await app.register(integrityStaffRoutes, { ...ctx, prefix: '/api/v1/staff' });
  await app.register(privacyRoutes, { ...ctx, prefix: '/api/v1/staff' });
  await app.register(auditPublicRoutes, { ...ctx, prefix: '/api/v1' });
  await app.register(unsubscribeRoutes, ctx);
  await app.register(publicKnowledgeRoutes, { ...ctx, prefix: '/api/v1' });
  await app.register(staffKnowledgeRoutes, { ...ctx, prefix: '/api/v1/staff/knowledge' });
  await app.register(staffPublicationRoutes, { ...ctx, prefix: '/api/v1/staff' });
  await app.register(passportUnsubscribeRoutes, ctx);
  // Messaging apps, contacts, phone and counter (issue #11).
  await app.register(channelWebhookRoutes, { ...ctx, prefix: '/api/v1' });
  await app.register(ctiRoutes, { ...ctx, prefix: '/api/v1' });
  await app.register(messagingStaffRoutes, { ...ctx, prefix: '/api/v1/staff' });
  await app.register(contactRoutes, { ...ctx, prefix: '/api/v1/staff' });
  await app.register(phoneStaffRoutes, { ...ctx, prefix: '/api/v1/staff' });
  await app.register(chatRoutes, ctx);
  await app.register(publicSurveyRoutes, { ...ctx, prefix: '/api/v1' });
  await app.register(transparencyRoutes, { ...ctx, prefix: '/api/v1' });
  await app.register(staffSurveyRoutes, { ...ctx, prefix: '/api/v1/staff' });
  await app.register(portalRoutes, ctx);
  await app.register(consoleStatic);
  return app;
}

/**
 * JSON logs with request ids. Requests are logged by method, path and status only: no query strings, headers,
 * bodies or client addresses, which may carry personal data or secrets.
 */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    serializers: {
      req: (request) => ({ method: request.method, path: request.url.split('?')[0] }),
      res: (reply) => ({ statusCode: reply.statusCode }),
    },
    redact: ['req.headers.authorization', 'req.headers["x-access-key"]', 'req.headers.cookie'],
  };
}
