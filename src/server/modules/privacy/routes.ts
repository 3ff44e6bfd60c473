import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CASE_TYPES } from '../../../shared/enums.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { IsoDateTime, Nullable, OfficeCode, problems, StringEnum, Uuid } from '../../http/schema-helpers.js';
import { requireStaffSession } from '../../http/staff-auth.js';
import { authorizeAdmin } from '../accounts/policy.js';
import { parseTrackingCode } from '../cases/tracking-code.js';
import { findOfficeByCode } from '../offices/storage.js';
import {
  authorizePrivacy,
  completeRequest,
  exportSubjectData,
  findRequest,
  listRequests,
  REQUEST_KINDS,
  RESPONSE_HOURS,
  receiveRequest,
} from './requests.js';
import { listRetention, saveRetention } from './retention.js';

/** Personal-data housekeeping (UU 27/2022): retention settings and data-subject requests with their clock. */
const tags = ['Personal data'];
const security = [{ staffSession: [] }];

const Request = Type.Object({
  id: Type.String(),
  officeId: Type.String(),
  kind: StringEnum(REQUEST_KINDS),
  status: StringEnum(['open', 'completed', 'rejected'] as const),
  trackingCode: Nullable(Type.String()),
  email: Nullable(Type.String()),
  details: Nullable(Type.String()),
  receivedAt: IsoDateTime,
  dueAt: IsoDateTime,
  completedAt: Nullable(IsoDateTime),
  outcome: Nullable(Type.String()),
  handledBy: Nullable(Type.String()),
  /** Hours left on the 3 × 24-hour clock (negative when overdue); null once closed. */
  hoursLeft: Nullable(Type.Number()),
});
const Retention = Type.Object({
  caseType: StringEnum(CASE_TYPES),
  anonymiseAfterMonths: Nullable(Type.Integer()),
  updatedAt: Nullable(IsoDateTime),
});

function withClock<T extends { status: string; dueAt: string }>(request: T, now: Date) {
  const hoursLeft =
    request.status === 'open'
      ? Math.round(((Date.parse(request.dueAt) - now.getTime()) / 3_600_000) * 10) / 10
      : null;
  return { ...request, hoursLeft };
}

export const privacyRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const { db } = ctx;
  requireStaffSession(app, ctx);

  async function officeId(code: string): Promise<string> {
    const office = await findOfficeByCode(db, code);
    if (!office) throw new AppError('not_found');
    return office.id;
  }

  async function loadRequest(id: string, user: Parameters<typeof authorizePrivacy>[0]) {
    const request = await findRequest(db, id);
    if (!request) throw new AppError('not_found');
    try {
      authorizePrivacy(user, request.officeId);
    } catch {
      throw new AppError('not_found');
    }
    return request;
  }

  app.get(
    '/offices/:office/retention',
    {
      schema: {
        tags,
        security,
        summary: 'Retention per case type: contact details are anonymised N months after a case closes',
        params: Type.Object({ office: OfficeCode }),
        response: { 200: Type.Object({ items: Type.Array(Retention) }), ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const id = await officeId(request.params.office);
      authorizeAdmin(request.staff, id);
      return { items: await listRetention(db, id) };
    },
  );

  app.put(
    '/offices/:office/retention/:caseType',
    {
      schema: {
        tags,
        security,
        summary: 'Sets a case type’s retention (null keeps contact details)',
        params: Type.Object({ office: OfficeCode, caseType: StringEnum(CASE_TYPES) }),
        body: Type.Object({ anonymiseAfterMonths: Nullable(Type.Integer({ minimum: 1, maximum: 240 })) }),
        response: { 200: Type.Object({ items: Type.Array(Retention) }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const id = await officeId(request.params.office);
      authorizeAdmin(request.staff, id);
      await saveRetention(
        db,
        request.actor,
        id,
        request.params.caseType,
        request.body.anonymiseAfterMonths,
        new Date(),
      );
      return { items: await listRetention(db, id) };
    },
  );

  app.get(
    '/privacy/requests',
    {
      schema: {
        tags,
        security,
        summary: `Data-subject requests of the user’s office, open first by due time (${RESPONSE_HOURS} hours to answer)`,
        response: { 200: Type.Object({ items: Type.Array(Request) }), ...problems(401, 403) },
      },
    },
    async (request) => {
      const office = authorizePrivacy(request.staff);
      const now = new Date();
      return { items: (await listRequests(db, office)).map((r) => withClock(r, now)) };
    },
  );

  app.post(
    '/privacy/requests',
    {
      schema: {
        tags,
        security,
        summary: 'Records a data-subject request (access, correction, erasure) received by any channel',
        body: Type.Object({
          kind: StringEnum(REQUEST_KINDS),
          trackingCode: Type.Optional(Type.String({ maxLength: 20 })),
          email: Type.Optional(Type.String({ format: 'email', maxLength: 320 })),
          details: Type.Optional(Type.String({ maxLength: 4000 })),
          receivedAt: Type.Optional(IsoDateTime),
        }),
        response: { 201: Request, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const office = authorizePrivacy(request.staff);
      const { trackingCode, receivedAt, ...rest } = request.body;
      const code = trackingCode ? parseTrackingCode(trackingCode) : undefined;
      if (trackingCode && !code) throw new AppError('invalid_tracking_code', { field: 'trackingCode' });
      const created = await receiveRequest(db, request.actor, {
        ...rest,
        officeId: office,
        trackingCode: code ?? undefined,
        receivedAt: receivedAt ? new Date(receivedAt) : new Date(),
      });
      return reply.status(201).send(withClock(created, new Date()));
    },
  );

  app.get(
    '/privacy/requests/:id/export',
    {
      schema: {
        tags,
        security,
        summary: 'Everything held about the person (for an access request), as JSON; the export is recorded',
        params: Type.Object({ id: Uuid }),
        response: { 200: Type.Unknown(), ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const found = await loadRequest(request.params.id, request.staff);
      const data = await exportSubjectData(db, request.actor, found);
      return reply.header('content-disposition', `attachment; filename="data-${found.id}.json"`).send(data);
    },
  );

  app.post(
    '/privacy/requests/:id/complete',
    {
      schema: {
        tags,
        security,
        summary:
          'Closes a request: erasure removes the person’s details across channels, correction writes new ones',
        params: Type.Object({ id: Uuid }),
        body: Type.Object({
          status: StringEnum(['completed', 'rejected'] as const),
          outcome: Type.String({ minLength: 1, maxLength: 4000 }),
          correction: Type.Optional(
            Type.Object({
              name: Type.Optional(Type.String({ maxLength: 200 })),
              email: Type.Optional(Type.String({ format: 'email', maxLength: 320 })),
              phone: Type.Optional(Type.String({ maxLength: 40 })),
            }),
          ),
        }),
        response: { 200: Request, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const found = await loadRequest(request.params.id, request.staff);
      const done = await completeRequest(db, request.staff, request.actor, found, request.body, new Date());
      return withClock(done, new Date());
    },
  );
};
