import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { LANGUAGES } from '../../../shared/enums.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { toIso } from '../../db/dialect.js';
import { AppError } from '../../errors.js';
import { recordEvent } from '../../events/record-event.js';
import { IsoDateTime, Nullable, problems, StringEnum, Uuid } from '../../http/schema-helpers.js';
import { requireStaffSession } from '../../http/staff-auth.js';
import { newId } from '../../lib/ids.js';
import type { StaffUser } from '../accounts/model.js';
import { canManageCannedResponses, canUseCannedResponses } from '../accounts/policy.js';
import { officeCodes } from '../accounts/present-user.js';
import { findOfficeByCode } from '../offices/storage.js';

/**
 * Canned responses: reusable replies per office, optionally for one team, in one language. Bodies may hold the
 * placeholders {{citizen_name}}, {{tracking_code}} and {{office_name}}, which the console fills in.
 */
const tags = ['Canned responses'];
const security = [{ staffSession: [] }];

const CannedResponse = Type.Object({
  id: Type.String(),
  officeCode: Type.String(),
  teamId: Nullable(Type.String()),
  language: StringEnum(LANGUAGES),
  title: Type.String(),
  body: Type.String(),
  updatedAt: IsoDateTime,
  canEdit: Type.Boolean(),
});

const Fields = {
  teamId: Type.Optional(Nullable(Uuid)),
  language: StringEnum(LANGUAGES),
  title: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
  body: Type.String({ minLength: 1, maxLength: 10_000, pattern: '\\S' }),
};

export const cannedResponseRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const { db } = ctx;
  requireStaffSession(app, ctx);

  async function load(id: string, user: StaffUser) {
    const row = await db.selectFrom('canned_responses').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || !canUseCannedResponses(user, row.office_id)) throw new AppError('not_found');
    if (!canManageCannedResponses(user, row.office_id)) throw new AppError('forbidden');
    return row;
  }

  async function checkTeam(teamId: string | null | undefined, officeId: string) {
    if (!teamId) return;
    const team = await db.selectFrom('teams').select('office_id').where('id', '=', teamId).executeTakeFirst();
    if (!team || team.office_id !== officeId)
      throw new AppError('validation_failed', { errors: [{ field: 'teamId', code: 'invalid' }] });
  }

  async function present(db: Db, user: StaffUser, ids: string[]) {
    if (ids.length === 0) return [];
    const byId = await officeCodes(db);
    const rows = await db
      .selectFrom('canned_responses')
      .selectAll()
      .where('id', 'in', ids)
      .orderBy('title')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      officeCode: byId.get(row.office_id) ?? '',
      teamId: row.team_id,
      language: row.language,
      title: row.title,
      body: row.body,
      updatedAt: toIso(row.updated_at),
      canEdit: canManageCannedResponses(user, row.office_id),
    }));
  }

  app.get(
    '/canned-responses',
    {
      schema: {
        tags,
        security,
        summary: 'Canned responses you can use',
        response: { 200: Type.Object({ items: Type.Array(CannedResponse) }), ...problems(401) },
      },
    },
    async (request) => {
      const user = request.staff;
      const rows = await db
        .selectFrom('canned_responses')
        .select(['id', 'office_id', 'team_id'])
        .$if(user.officeId !== null, (q) => q.where('office_id', '=', user.officeId!))
        .execute();
      // Team responses are for that team; supervisors and administrators see them all to maintain them.
      const usable = rows.filter(
        (r) =>
          canUseCannedResponses(user, r.office_id) &&
          (r.team_id === null ||
            user.teamIds.includes(r.team_id) ||
            canManageCannedResponses(user, r.office_id)),
      );
      return {
        items: await present(
          db,
          user,
          usable.map((r) => r.id),
        ),
      };
    },
  );

  app.post(
    '/canned-responses',
    {
      schema: {
        tags,
        security,
        summary: 'Write a canned response (supervisors and administrators)',
        body: Type.Object(
          { officeCode: Type.String({ pattern: '^[A-Z]{2,5}$' }), ...Fields },
          { additionalProperties: false },
        ),
        response: { 201: CannedResponse, ...problems(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const officeId = (await findOfficeByCode(db, request.body.officeCode))?.id;
      if (!officeId) throw new AppError('unknown_office', { field: 'officeCode' });
      if (!canManageCannedResponses(request.staff, officeId)) throw new AppError('forbidden');
      await checkTeam(request.body.teamId, officeId);
      const now = new Date();
      const id = newId(now.getTime());
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('canned_responses')
          .values({
            id,
            office_id: officeId,
            team_id: request.body.teamId ?? null,
            language: request.body.language,
            title: request.body.title.trim(),
            body: request.body.body,
            created_at: now.toISOString(),
            updated_at: now.toISOString(),
          })
          .execute();
        await recordEvent(trx, {
          type: 'canned_response.saved',
          actor: request.actor,
          officeId,
          payload: { id, title: request.body.title.trim() },
          at: now,
        });
      });
      return reply.code(201).send((await present(db, request.staff, [id]))[0]!);
    },
  );

  app.patch(
    '/canned-responses/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Edit a canned response',
        params: Type.Object({ id: Uuid }),
        body: Type.Partial(Type.Object(Fields), { additionalProperties: false }),
        response: { 200: CannedResponse, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      const row = await load(request.params.id, request.staff);
      await checkTeam(request.body.teamId, row.office_id);
      const now = new Date();
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('canned_responses')
          .set({
            ...(request.body.teamId !== undefined ? { team_id: request.body.teamId } : {}),
            ...(request.body.language ? { language: request.body.language } : {}),
            ...(request.body.title ? { title: request.body.title.trim() } : {}),
            ...(request.body.body ? { body: request.body.body } : {}),
            updated_at: now.toISOString(),
          })
          .where('id', '=', row.id)
          .execute();
        await recordEvent(trx, {
          type: 'canned_response.saved',
          actor: request.actor,
          officeId: row.office_id,
          payload: { id: row.id, title: request.body.title?.trim() ?? row.title },
          at: now,
        });
      });
      return (await present(db, request.staff, [row.id]))[0]!;
    },
  );

  app.delete(
    '/canned-responses/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Delete a canned response',
        params: Type.Object({ id: Uuid }),
        response: { 204: { type: 'null' }, ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const row = await load(request.params.id, request.staff);
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('canned_responses').where('id', '=', row.id).execute();
        await recordEvent(trx, {
          type: 'canned_response.saved',
          actor: request.actor,
          officeId: row.office_id,
          payload: { id: row.id, title: row.title, deleted: true },
          at: new Date(),
        });
      });
      return reply.code(204).send(null);
    },
  );
};
