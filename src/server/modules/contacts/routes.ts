import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { Nullable, problems, Uuid } from '../../http/schema-helpers.js';
import { requireStaffSession } from '../../http/staff-auth.js';
import { authorizeCase, canSeeIdentity, caseListScope } from '../cases/policy.js';
import { findCaseByTrackingCode } from '../cases/storage.js';
import { parseTrackingCode } from '../cases/tracking-code.js';
import { contactByIdentity, contactHistory, contactOfCase } from './history.js';
import { normaliseEmail, normalisePhone } from './identities.js';

export const ContactHistorySchema = Type.Object({
  id: Type.String(),
  name: Nullable(Type.String()),
  identities: Type.Array(Type.Object({ kind: Type.String(), value: Type.String() })),
  cases: Type.Array(
    Type.Object({
      trackingCode: Type.String(),
      subject: Type.String(),
      status: Type.String(),
      type: Type.String(),
      channel: Type.String(),
      receivedAt: Type.String(),
    }),
  ),
  loggedContacts: Type.Array(
    Type.Object({
      id: Type.String(),
      channel: Type.String(),
      topic: Nullable(Type.String()),
      outcome: Type.String(),
      answer: Nullable(Type.String()),
      durationSeconds: Nullable(Type.Integer()),
      at: Type.String(),
    }),
  ),
});

const MaybeContact = Type.Object({ contact: Nullable(ContactHistorySchema) });
const tags = ['Contacts (staff)'];
const security = [{ staffSession: [] }];

/** A person's history across channels, beside a case, by id (screen pop) or by phone/e-mail (log-a-contact form). */
export const contactRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const { db } = ctx;
  requireStaffSession(app, ctx);

  function requireCaseReader(user: Parameters<typeof caseListScope>[0]) {
    if (!caseListScope(user).allowed) throw new AppError('forbidden');
  }

  app.get(
    '/cases/:trackingCode/contact',
    {
      schema: {
        tags,
        security,
        summary:
          "The case's contact and their other cases across channels (anonymous cases only for their handlers)",
        params: Type.Object({ trackingCode: Type.String({ maxLength: 40 }) }),
        response: { 200: MaybeContact, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const code = parseTrackingCode(request.params.trackingCode);
      if (!code) throw new AppError('invalid_tracking_code', { field: 'trackingCode' });
      const found = await findCaseByTrackingCode(db, code);
      if (!found) throw new AppError('case_not_found');
      authorizeCase(request.staff, 'read', found);
      // Whoever may not see an anonymous reporter's identity may not see who they are through their history.
      if (!canSeeIdentity(request.staff, found)) return { contact: null };
      const contactId = await contactOfCase(db, found.id);
      return { contact: (contactId && (await contactHistory(db, request.staff, contactId))) || null };
    },
  );

  app.get(
    '/contacts/:id',
    {
      schema: {
        tags,
        security,
        summary: 'A contact and their history (as the screen pop shows it)',
        params: Type.Object({ id: Uuid }),
        response: { 200: ContactHistorySchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      requireCaseReader(request.staff);
      const history = await contactHistory(db, request.staff, request.params.id);
      if (!history) throw new AppError('not_found');
      return history;
    },
  );

  app.get(
    '/contacts',
    {
      schema: {
        tags,
        security,
        summary: 'Find a contact by phone number (any Indonesian notation) or e-mail address',
        querystring: Type.Object({
          phone: Type.Optional(Type.String({ maxLength: 40 })),
          email: Type.Optional(Type.String({ maxLength: 254 })),
        }),
        response: { 200: MaybeContact, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      requireCaseReader(request.staff);
      const phone = normalisePhone(request.query.phone);
      const email = normaliseEmail(request.query.email);
      const contactId =
        (phone && (await contactByIdentity(db, 'phone', phone))) ||
        (email && (await contactByIdentity(db, 'email', email))) ||
        undefined;
      return { contact: (contactId && (await contactHistory(db, request.staff, contactId))) || null };
    },
  );
};
