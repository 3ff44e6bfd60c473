import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CASE_TYPES } from '../../../shared/enums.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { Nullable, problems, StringEnum } from '../../http/schema-helpers.js';
import { requireStaffSession } from '../../http/staff-auth.js';
import { findOfficeById } from '../offices/storage.js';
import { authenticateApiKey } from '../passports/api-keys.js';
import { extensionOf, handleCtiEvent, setExtension } from './cti.js';
import { logContact } from './log-contact.js';
import { contactReport } from './report.js';

const security = [{ staffSession: [] }];
const tags = ['Phone and counter (staff)'];
const HANDLER_ROLES = ['agent', 'supervisor'] as const;

const LogBody = Type.Object(
  {
    channel: StringEnum(['phone', 'counter'] as const),
    callerNumber: Type.Optional(Type.String({ maxLength: 40 })),
    callerName: Type.Optional(Type.String({ maxLength: 200 })),
    categoryCode: Type.Optional(Type.String({ maxLength: 40, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' })),
    topic: Type.Optional(Type.String({ maxLength: 200 })),
    outcome: StringEnum(['answered', 'case'] as const),
    answer: Type.Optional(Type.String({ maxLength: 5000 })),
    case: Type.Optional(
      Type.Object({
        type: StringEnum(CASE_TYPES),
        subject: Type.String({ minLength: 1, maxLength: 200 }),
        description: Type.String({ minLength: 1, maxLength: 10_000 }),
      }),
    ),
    durationSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 86_400 })),
    callId: Type.Optional(Type.String({ maxLength: 100, pattern: '^[A-Za-z0-9._:@-]+$' })),
  },
  { additionalProperties: false },
);

const Logged = Type.Object({
  id: Type.String(),
  contactId: Nullable(Type.String()),
  trackingCode: Nullable(Type.String()),
  accessKey: Nullable(Type.String()),
});

const ReportQuery = Type.Object({
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
});

const Report = Type.Object({
  rows: Type.Array(
    Type.Object({
      day: Type.String(),
      channel: Type.String(),
      topic: Type.String(),
      answered: Type.Integer(),
      cases: Type.Integer(),
      averageSeconds: Nullable(Type.Integer()),
    }),
  ),
});

const Extension = Type.Object({ extension: Nullable(Type.String({ pattern: '^\\d{2,8}$' })) });

/** Staff side of the phone and the counter: log a contact, the contacts report, one's own PBX extension. */
export const phoneStaffRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const { db, config } = ctx;
  requireStaffSession(app, ctx);

  const requireHandler = (roles: readonly string[]) => {
    if (!roles.some((r) => (HANDLER_ROLES as readonly string[]).includes(r))) throw new AppError('forbidden');
  };

  app.post(
    '/contacts/log',
    {
      schema: {
        tags,
        security,
        summary: 'Log a phone call or counter visit: answered on the spot, or with a new case',
        body: LogBody,
        response: { 201: Logged, ...problems(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      requireHandler(request.staff.roles);
      const logged = await logContact(db, config, request.staff, request.actor, request.body);
      return reply.code(201).send(logged);
    },
  );

  app.get(
    '/reports/contacts',
    {
      schema: {
        tags,
        security,
        summary:
          'Phone and counter contacts per day, channel and topic (answered on the spot / became a case)',
        querystring: ReportQuery,
        response: { 200: Report, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const user = request.staff;
      if (!user.roles.some((r) => r === 'supervisor' || r === 'auditor' || r === 'agent'))
        throw new AppError('forbidden');
      if (!user.officeId)
        throw new AppError('validation_failed', { errors: [{ field: 'officeId', code: 'required' }] });
      const office = await findOfficeById(db, user.officeId);
      if (!office) throw new AppError('not_found');
      const from = new Date(`${request.query.from}T00:00:00Z`);
      const to = new Date(new Date(`${request.query.to}T00:00:00Z`).getTime() + 86_400_000);
      if (to.getTime() - from.getTime() > 400 * 86_400_000 || to <= from) {
        throw new AppError('validation_failed', { errors: [{ field: 'to', code: 'range' }] });
      }
      // A day runs in the office's time zone: widen by a day each side and let the grouping decide.
      const rows = await contactReport(db, {
        officeId: office.id,
        timeZone: office.timeZone,
        from: new Date(from.getTime() - 86_400_000),
        to: new Date(to.getTime() + 86_400_000),
      });
      return { rows: rows.filter((r) => r.day >= request.query.from && r.day <= request.query.to) };
    },
  );

  app.get(
    '/me/extension',
    {
      schema: {
        tags,
        security,
        summary: 'Your PBX extension (calls to it pop the caller in your console)',
        response: { 200: Extension, ...problems(401) },
      },
    },
    async (request) => ({ extension: await extensionOf(db, request.staff.id) }),
  );

  app.put(
    '/me/extension',
    {
      schema: {
        tags,
        security,
        summary: 'Set or clear your PBX extension',
        body: Extension,
        response: { 200: Extension, ...problems(400, 401, 403, 409) },
      },
    },
    async (request) => {
      requireHandler(request.staff.roles);
      if (!request.staff.officeId) throw new AppError('forbidden');
      const taken = request.body.extension
        ? await db
            .selectFrom('agent_extensions')
            .select('user_id')
            .where('office_id', '=', request.staff.officeId)
            .where('extension', '=', request.body.extension)
            .executeTakeFirst()
        : undefined;
      if (taken && taken.user_id !== request.staff.id) throw new AppError('conflict', { field: 'extension' });
      await setExtension(db, request.staff, request.body.extension);
      return { extension: request.body.extension };
    },
  );
};

const CtiBody = Type.Object({
  event: StringEnum(['call.ringing', 'call.answered', 'call.ended'] as const),
  callId: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9._:@-]+$' }),
  callerNumber: Type.Optional(Type.String({ maxLength: 40 })),
  extension: Type.Optional(Type.String({ pattern: '^\\d{2,8}$' })),
  at: Type.Optional(Type.String({ format: 'date-time' })),
  durationSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 86_400 })),
});

/** The office PBX's webhook, authenticated with an integration key that has `cti:events` (docs/channels.md). */
export const ctiRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const { db } = ctx;
  app.post(
    '/channels/cti/events',
    {
      schema: {
        tags: ['Channels (webhooks)'],
        summary:
          'Call events from the office PBX: ringing/answered pop the caller in the agent console, ended records the duration',
        security: [{ integrationKey: [] }],
        body: CtiBody,
        response: {
          200: Type.Object({
            status: StringEnum(['screen_pop', 'no_agent', 'recorded', 'unknown_call'] as const),
            contactId: Nullable(Type.String()),
          }),
          ...problems(400, 401, 403, 415, 429),
        },
      },
    },
    async (request) => {
      const header = request.headers.authorization;
      const presented =
        typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : '';
      const key = presented ? await authenticateApiKey(db, presented) : undefined;
      if (!key) throw new AppError('unauthorized');
      if (!key.permissions.includes('cti:events')) throw new AppError('forbidden');
      return handleCtiEvent(db, key.officeId, request.body);
    },
  );
};
