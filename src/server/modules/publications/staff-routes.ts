import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { problems, Uuid } from '../../http/schema-helpers.js';
import { requireStaffSession } from '../../http/staff-auth.js';
import type { StaffUser } from '../accounts/model.js';
import { findFirstOffice } from '../offices/storage.js';
import {
  createEnforcementRecord,
  findEnforcementRecord,
  listCitations,
  listEnforcementRecords,
  updateEnforcementRecord,
} from './enforcement-records.js';
import { IMAGE_MAX_BYTES, storeImage } from './images.js';
import { toPublication } from './model.js';
import {
  authorizeOffice,
  authorizePublicationRead,
  authorizePublicationWrite,
  authorizeRecords,
  authorizeWebhooks,
} from './policy.js';
import {
  findingMessage,
  presentCitation,
  presentListItem,
  presentPublication,
  presentRecord,
} from './presenters.js';
import {
  approvePublication,
  archivePublication,
  createPublication,
  findPublication,
  listRevisions,
  type PublisherActor,
  privacyFindings,
  rejectPublication,
  restorePublicationRevision,
  submitPublication,
  updatePublication,
} from './publication-commands.js';
import * as S from './schemas.js';
import { listWebhooks, retryDelivery, saveWebhook } from './webhooks.js';

const tags = ['Publications (staff)'];
const security = [{ staffSession: [] }];
const IdParams = Type.Object({ id: Uuid });

const publisherOf = (user: StaffUser): PublisherActor => ({
  type: 'staff',
  id: user.id,
  name: user.displayName,
});

/**
 * Publications, enforcement records and webhooks for staff. The role check runs before validation (policy.ts),
 * so a role without access learns nothing from validation errors.
 */
export const staffPublicationRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const { db, config } = ctx;
  requireStaffSession(app, ctx);
  app.addHook('onRequest', async (request) => {
    const path = request.routeOptions.url ?? '';
    if (path.startsWith('/api/v1/staff/enforcement-records')) authorizeRecords(request.staff);
    else if (path.startsWith('/api/v1/staff/publication-webhooks')) authorizeWebhooks(request.staff);
    else if (request.method === 'GET') authorizePublicationRead(request.staff);
    else authorizePublicationWrite(request.staff);
  });

  /** The office new publications and records belong to: the user's, or the portal's for national staff. */
  async function officeOf(user: StaffUser): Promise<string> {
    if (user.officeId) return user.officeId;
    const office = await findFirstOffice(db);
    if (!office) throw new AppError('unknown_office');
    return office.id;
  }

  async function loadPublication(user: StaffUser, id: string) {
    const publication = await findPublication(db, id);
    authorizeOffice(user, publication.officeId);
    return publication;
  }

  // ---- publications ----

  app.get(
    '/publications',
    {
      schema: {
        tags,
        security,
        summary: 'Publications, newest change first',
        querystring: Type.Object(
          { status: Type.Optional(S.Status), category: Type.Optional(S.Category) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(S.StaffPublicationListItem) }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { status, category } = request.query;
      const officeId = request.staff.officeId;
      const rows = await db
        .selectFrom('publications')
        .selectAll()
        .$if(officeId !== null, (qb) => qb.where('office_id', '=', officeId!))
        .$if(status !== undefined, (qb) => qb.where('status', '=', status!))
        .$if(category !== undefined, (qb) => qb.where('category', '=', category!))
        .orderBy('updated_at', 'desc')
        .limit(500)
        .execute();
      return { items: rows.map((row) => presentListItem(toPublication(row))) };
    },
  );

  app.post(
    '/publications',
    {
      schema: {
        tags,
        security,
        summary: 'Write a new publication (a draft, revision 1)',
        body: S.NewPublicationBody,
        response: { 201: S.StaffPublication, ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const officeId = await officeOf(request.staff);
      const publication = await createPublication(db, publisherOf(request.staff), officeId, request.body);
      return reply
        .code(201)
        .send(await presentPublication(db, config, request.staff, publication, request.language));
    },
  );

  app.get(
    '/publications/citable-records',
    {
      schema: {
        tags,
        security,
        summary: 'Enforcement records a publication may cite, as initials and nationality only',
        response: { 200: Type.Object({ items: Type.Array(S.CitationView) }), ...problems(401, 403) },
      },
    },
    async (request) => {
      const citations = await listCitations(db, request.staff.officeId);
      return { items: citations.map((c) => presentCitation(c, request.language)) };
    },
  );

  app.get(
    '/publications/:id',
    {
      schema: {
        tags,
        security,
        summary: 'A publication with its deliveries and the actions allowed now',
        params: IdParams,
        response: { 200: S.StaffPublication, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) =>
      presentPublication(
        db,
        config,
        request.staff,
        await loadPublication(request.staff, request.params.id),
        request.language,
      ),
  );

  app.patch(
    '/publications/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Save a new revision of a draft',
        params: IdParams,
        body: S.PublicationChangesBody,
        response: { 200: S.StaffPublication, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await loadPublication(request.staff, request.params.id);
      const publication = await updatePublication(
        db,
        publisherOf(request.staff),
        request.params.id,
        request.body,
      );
      return presentPublication(db, config, request.staff, publication, request.language);
    },
  );

  app.get(
    '/publications/:id/revisions',
    {
      schema: {
        tags,
        security,
        summary: 'Every saved revision, newest first',
        params: IdParams,
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                number: Type.Integer(),
                texts: S.Texts,
                category: Type.String(),
                citations: Type.Array(Type.String()),
                actorName: Type.Union([Type.String(), Type.Null()]),
                message: Type.Union([Type.String(), Type.Null()]),
                createdAt: Type.String(),
              }),
            ),
          }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      await loadPublication(request.staff, request.params.id);
      const revisions = await listRevisions(db, request.params.id);
      return { items: revisions.map(({ content, ...rest }) => ({ ...rest, ...content })) };
    },
  );

  app.post(
    '/publications/:id/revisions/:number/restore',
    {
      schema: {
        tags,
        security,
        summary: 'Save an earlier revision again as the newest (drafts only)',
        params: Type.Object({ id: Uuid, number: Type.Integer({ minimum: 1 }) }),
        body: S.VersionBody,
        response: { 200: S.StaffPublication, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await loadPublication(request.staff, request.params.id);
      const publication = await restorePublicationRevision(
        db,
        publisherOf(request.staff),
        request.params.id,
        request.params.number,
        request.body.version,
      );
      return presentPublication(db, config, request.staff, publication, request.language);
    },
  );

  app.post(
    '/publications/:id/check',
    {
      schema: {
        tags,
        security,
        summary: 'Run the privacy check on the current text (what submitting and approving will run)',
        params: IdParams,
        response: {
          200: Type.Object({ publishable: Type.Boolean(), findings: Type.Array(S.FindingView) }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const publication = await loadPublication(request.staff, request.params.id);
      const findings = await privacyFindings(db, config.secret, publication);
      return {
        publishable: findings.length === 0,
        findings: findings.map((f) => ({ ...f, message: findingMessage(f, request.language) })),
      };
    },
  );

  const step = (
    url: string,
    summary: string,
    body: typeof S.VersionBody | typeof S.ApproveBody | typeof S.RejectBody,
    run: (
      actor: PublisherActor,
      id: string,
      body: never,
    ) => Promise<Parameters<typeof presentPublication>[3]>,
  ) =>
    app.post(
      url,
      {
        schema: {
          tags,
          security,
          summary,
          params: IdParams,
          body,
          response: { 200: S.StaffPublication, ...problems(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request) => {
        const { id } = request.params as { id: string };
        await loadPublication(request.staff, id);
        const publication = await run(publisherOf(request.staff), id, request.body as never);
        return presentPublication(db, config, request.staff, publication, request.language);
      },
    );

  step(
    '/publications/:id/submit',
    'Submit a draft for review (runs the privacy check)',
    S.VersionBody,
    (actor, id, body: { version: number }) => submitPublication(db, actor, config.secret, id, body.version),
  );
  step(
    '/publications/:id/approve',
    'Approve as a second publisher: publish now or at scheduledAt (runs the privacy check)',
    S.ApproveBody,
    (actor, id, body: { version: number; scheduledAt?: string | null }) =>
      approvePublication(db, actor, config.secret, id, body),
  );
  step(
    '/publications/:id/reject',
    'Send back to draft with a comment',
    S.RejectBody,
    (actor, id, body: { version: number; comment: string }) => rejectPublication(db, actor, id, body),
  );
  step(
    '/publications/:id/archive',
    'Archive (takes a live publication off the site)',
    S.VersionBody,
    (actor, id, body: { version: number }) => archivePublication(db, actor, id, body.version),
  );

  app.post(
    '/publications/:id/deliveries/:deliveryId/retry',
    {
      schema: {
        tags,
        security,
        summary: 'Try a webhook delivery again',
        params: Type.Object({ id: Uuid, deliveryId: Uuid }),
        response: { 202: Type.Object({ queued: Type.Boolean() }), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await loadPublication(request.staff, request.params.id);
      await retryDelivery(db, request.actor, request.params.id, request.params.deliveryId);
      return reply.code(202).send({ queued: true });
    },
  );

  app.post(
    '/publications/images',
    {
      // Base64 of at most 2 MB, with room for the JSON around it.
      bodyLimit: Math.ceil((IMAGE_MAX_BYTES * 4) / 3) + 4096,
      schema: {
        tags,
        security,
        summary: 'Upload an image for publication bodies (JPEG, PNG, WebP; checked by content)',
        body: S.ImageBody,
        response: {
          201: Type.Object({ id: Type.String(), url: Type.String(), markdown: Type.String() }),
          ...problems(400, 401, 403, 413, 415),
        },
      },
    },
    async (request, reply) => {
      const content = Buffer.from(request.body.contentBase64, 'base64');
      const image = await storeImage(db, { fileName: request.body.fileName, content });
      return reply.code(201).send({ id: image.id, url: image.url, markdown: `![](${image.url})` });
    },
  );

  // ---- enforcement records (supervisors) ----

  app.get(
    '/enforcement-records',
    {
      schema: {
        tags,
        security,
        summary: 'Enforcement action records in full (restricted)',
        response: { 200: Type.Object({ items: Type.Array(S.RecordView) }), ...problems(401, 403) },
      },
    },
    async (request) => {
      const records = await listEnforcementRecords(db, config.secret, request.staff.officeId);
      return { items: records.map((r) => presentRecord(r, request.language)) };
    },
  );

  app.post(
    '/enforcement-records',
    {
      schema: {
        tags,
        security,
        summary: 'Record an enforcement action',
        body: S.RecordBody,
        response: { 201: S.RecordView, ...problems(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const officeId = await officeOf(request.staff);
      const record = await createEnforcementRecord(db, request.actor, config.secret, officeId, request.body);
      return reply.code(201).send(presentRecord(record, request.language));
    },
  );

  app.get(
    '/enforcement-records/:id',
    {
      schema: {
        tags,
        security,
        summary: 'One enforcement record in full',
        params: IdParams,
        response: { 200: S.RecordView, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const record = await findEnforcementRecord(db, config.secret, request.params.id);
      authorizeOffice(request.staff, record.officeId);
      return presentRecord(record, request.language);
    },
  );

  app.put(
    '/enforcement-records/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Correct an enforcement record',
        params: IdParams,
        body: S.RecordUpdateBody,
        response: { 200: S.RecordView, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const existing = await findEnforcementRecord(db, config.secret, request.params.id);
      authorizeOffice(request.staff, existing.officeId);
      const record = await updateEnforcementRecord(
        db,
        request.actor,
        config.secret,
        request.params.id,
        request.body,
      );
      return presentRecord(record, request.language);
    },
  );

  // ---- webhooks (administrators) ----

  app.get(
    '/publication-webhooks',
    {
      schema: {
        tags,
        security,
        summary: 'Webhooks that receive every publication',
        response: { 200: Type.Object({ items: Type.Array(S.WebhookView) }), ...problems(401, 403) },
      },
    },
    async () => ({ items: await listWebhooks(db) }),
  );

  app.post(
    '/publication-webhooks',
    {
      schema: {
        tags,
        security,
        summary: 'Add a webhook; its signing secret is returned once',
        body: S.WebhookBody,
        response: { 201: S.WebhookView, ...problems(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const { webhook, signingSecret } = await saveWebhook(db, request.actor, config, request.body);
      return reply.code(201).send({ ...webhook, signingSecret });
    },
  );

  app.put(
    '/publication-webhooks/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Change a webhook (rotateSecret returns a new secret once)',
        params: IdParams,
        body: S.WebhookBody,
        response: { 200: S.WebhookView, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      const { webhook, signingSecret } = await saveWebhook(db, request.actor, config, {
        ...request.body,
        id: request.params.id,
      });
      return { ...webhook, signingSecret };
    },
  );
};
