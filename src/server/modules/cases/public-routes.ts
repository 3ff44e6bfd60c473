import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { CITIZEN_ACTOR } from '../../events/catalogue.js';
import { problems } from '../../http/schema-helpers.js';
import { inTransaction } from '../../lib/transaction.js';
import { citizenApplicationNumber, linkCitizenCase } from '../passports/citizen-link.js';
import { addCitizenMessage } from './add-message.js';
import {
  caseForCitizen,
  caseWithTimelineForCitizen,
  caseWithTimelineForCitizenNow,
} from './citizen-access.js';
import { createCase } from './create-case.js';
import { loadCaseContext, publicCaseContextNow } from './load-case-context.js';
import { presentPublicCase } from './presenters.js';
import {
  AccessKeyHeaders,
  CreateCaseBody,
  CreatedCaseResponse,
  MessageBody,
  PublicCaseResponse,
  PublicMessageResponse,
  TrackingCodeParams,
} from './schemas.js';

/** Citizens' routes: submit a case, follow it with tracking code + access key, add a follow-up. */
export const publicCaseRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const { db, config, limiters } = ctx;

  const caseFor = (request: FastifyRequest, code: string, key: string) =>
    caseForCitizen(ctx, request.ip, code, key);

  app.post(
    '/cases',
    {
      schema: {
        tags: ['Cases (public)'],
        summary: 'Submit a complaint, request, opinion or compliment',
        description:
          'Returns the tracking code and the access key. The access key is shown only once; both are needed to follow the case.',
        body: CreateCaseBody,
        response: { 201: CreatedCaseResponse, ...problems(400, 413, 415, 422, 429) },
      },
      preHandler: async (request) => {
        if (!limiters.enabled) return;
        const wait = limiters.caseCreation.hit(request.ip);
        if (wait > 0) throw new AppError('rate_limited', { retryAfterSeconds: wait });
      },
    },
    async (request, reply) => {
      const { language = 'id', passportApplicationNumber, ...input } = request.body;
      const number = citizenApplicationNumber(passportApplicationNumber, 'passportApplicationNumber');
      const create = (trx: typeof db) =>
        createCase(trx, CITIZEN_ACTOR, { ...input, language, channel: 'api' }, config);
      // Only a case that names an application pays for the link, in the same transaction as the case.
      const created = number
        ? await inTransaction(
            db,
            async (trx) => {
              const made = await create(trx);
              await linkCitizenCase(trx, made.case, number);
              return made;
            },
            { rerunnable: true },
          )
        : await create(db);
      reply.code(201).header('location', `/api/v1/cases/${created.case.trackingCode}`);
      return {
        trackingCode: created.case.trackingCode,
        accessKey: created.accessKey,
        status: created.case.status,
        receivedAt: created.case.receivedAt,
      };
    },
  );

  app.get(
    '/cases/:trackingCode',
    {
      schema: {
        tags: ['Cases (public)'],
        summary: 'Follow a case: status and public timeline',
        params: TrackingCodeParams,
        headers: AccessKeyHeaders,
        security: [{ accessKey: [] }],
        response: { 200: PublicCaseResponse, ...problems(400, 404, 429) },
      },
    },
    // Not async: on SQLite the whole look-up is answered without one await (see caseWithTimelineForCitizenNow).
    (request, reply) => {
      reply.header('cache-control', 'no-store');
      const { trackingCode } = request.params;
      const key = request.headers['x-access-key'];
      const opened = caseWithTimelineForCitizenNow(ctx, request.ip, trackingCode, key);
      const context = opened && publicCaseContextNow(db, opened.case);
      if (opened && context) return presentPublicCase(opened.case, context, opened, request.language);
      return (async () => {
        const found = opened ?? (await caseWithTimelineForCitizen(ctx, request.ip, trackingCode, key));
        const loaded = await loadCaseContext(db, found.case);
        return presentPublicCase(found.case, loaded, found, request.language);
      })();
    },
  );

  app.post(
    '/cases/:trackingCode/messages',
    {
      schema: {
        tags: ['Cases (public)'],
        summary: 'Add a follow-up message from the citizen',
        params: TrackingCodeParams,
        headers: AccessKeyHeaders,
        body: MessageBody,
        security: [{ accessKey: [] }],
        response: { 201: PublicMessageResponse, ...problems(400, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      const found = await caseFor(request, request.params.trackingCode, request.headers['x-access-key']);
      const { message, case: after } = await addCitizenMessage(db, CITIZEN_ACTOR, found, request.body);
      return reply.code(201).send({ id: message.id, at: message.createdAt, status: after.status });
    },
  );
};
