import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { isUniqueViolation, toBool } from '../../db/dialect.js';
import { AppError } from '../../errors.js';
import { recordEvent } from '../../events/record-event.js';
import { LocalizedName, problems, Uuid } from '../../http/schema-helpers.js';
import { requireStaffSession } from '../../http/staff-auth.js';
import { newId } from '../../lib/ids.js';
import { authorizeAdmin } from '../accounts/policy.js';
import { invalidateReferenceData } from './reference-data.js';
import { findOfficeByCode, findServiceByCode } from './storage.js';

const tags = ['Staff administration'];
const security = [{ staffSession: [] }];
const Code = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 40 });
const Name = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });

const AdminCategory = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: LocalizedName,
  active: Type.Boolean(),
});
const AdminServices = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      code: Type.String(),
      name: LocalizedName,
      active: Type.Boolean(),
      categories: Type.Array(AdminCategory),
    }),
  ),
});

/** Services and categories of an office, including inactive ones, for administrators to maintain. */
export const officeAdminRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const { db } = ctx;
  requireStaffSession(app, ctx);

  async function office(code: string) {
    const found = await findOfficeByCode(db, code.toUpperCase());
    if (!found) throw new AppError('not_found');
    return found;
  }

  app.get(
    '/offices/:code/services',
    {
      schema: {
        tags,
        security,
        summary: 'Services with all their categories, inactive ones included',
        params: Type.Object({ code: Type.String({ pattern: '^[A-Za-z]{2,5}$' }) }),
        response: { 200: AdminServices, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const found = await office(request.params.code);
      authorizeAdmin(request.staff, found.id);
      const [services, categories] = await Promise.all([
        db
          .selectFrom('services')
          .selectAll()
          .where('office_id', '=', found.id)
          .orderBy('sort_order')
          .execute(),
        db
          .selectFrom('categories')
          .selectAll()
          .where('office_id', '=', found.id)
          .orderBy('sort_order')
          .execute(),
      ]);
      return {
        items: services.map((s) => ({
          id: s.id,
          code: s.code,
          name: { id: s.name_id, en: s.name_en },
          active: toBool(s.active),
          categories: categories
            .filter((c) => c.service_id === s.id)
            .map((c) => ({
              id: c.id,
              code: c.code,
              name: { id: c.name_id, en: c.name_en },
              active: toBool(c.active),
            })),
        })),
      };
    },
  );

  app.post(
    '/offices/:code/categories',
    {
      schema: {
        tags,
        security,
        summary: 'Add a case category to a service',
        params: Type.Object({ code: Type.String({ pattern: '^[A-Za-z]{2,5}$' }) }),
        body: Type.Object(
          { serviceCode: Code, code: Code, nameId: Name, nameEn: Name },
          { additionalProperties: false },
        ),
        response: { 201: AdminCategory, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const found = await office(request.params.code);
      authorizeAdmin(request.staff, found.id);
      const service = await findServiceByCode(db, found.id, request.body.serviceCode);
      if (!service) throw new AppError('unknown_service', { field: 'serviceCode' });
      const now = new Date();
      const id = newId(now.getTime());
      const count = await db
        .selectFrom('categories')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('service_id', '=', service.id)
        .executeTakeFirstOrThrow();
      try {
        await db.transaction().execute(async (trx) => {
          await trx
            .insertInto('categories')
            .values({
              id,
              office_id: found.id,
              service_id: service.id,
              code: request.body.code,
              name_id: request.body.nameId.trim(),
              name_en: request.body.nameEn.trim(),
              sort_order: Number(count.n),
              active: true,
            })
            .execute();
          await recordEvent(trx, {
            type: 'category.saved',
            actor: request.actor,
            officeId: found.id,
            payload: {
              id,
              code: request.body.code,
              changes: { created: { from: null, to: request.body.code } },
            },
            at: now,
          });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('conflict', { field: 'code' });
        throw error;
      }
      invalidateReferenceData(db);
      return reply.code(201).send({
        id,
        code: request.body.code,
        name: { id: request.body.nameId.trim(), en: request.body.nameEn.trim() },
        active: true,
      });
    },
  );

  app.patch(
    '/categories/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Rename a category or switch it on or off (cases keep it either way)',
        params: Type.Object({ id: Uuid }),
        body: Type.Object(
          { nameId: Type.Optional(Name), nameEn: Type.Optional(Name), active: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
        response: { 200: AdminCategory, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const row = await db
        .selectFrom('categories')
        .selectAll()
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      if (!row) throw new AppError('not_found');
      authorizeAdmin(request.staff, row.office_id);
      const next = {
        name_id: request.body.nameId?.trim() ?? row.name_id,
        name_en: request.body.nameEn?.trim() ?? row.name_en,
        active: request.body.active ?? toBool(row.active),
      };
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      if (next.name_id !== row.name_id) changes.nameId = { from: row.name_id, to: next.name_id };
      if (next.name_en !== row.name_en) changes.nameEn = { from: row.name_en, to: next.name_en };
      if (next.active !== toBool(row.active)) changes.active = { from: toBool(row.active), to: next.active };
      if (Object.keys(changes).length) {
        await db.transaction().execute(async (trx) => {
          await trx.updateTable('categories').set(next).where('id', '=', row.id).execute();
          await recordEvent(trx, {
            type: 'category.saved',
            actor: request.actor,
            officeId: row.office_id,
            payload: { id: row.id, code: row.code, changes },
            at: new Date(),
          });
        });
        invalidateReferenceData(db);
      }
      return {
        id: row.id,
        code: row.code,
        name: { id: next.name_id, en: next.name_en },
        active: next.active,
      };
    },
  );
};
