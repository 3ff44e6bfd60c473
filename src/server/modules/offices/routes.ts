import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { problems } from '../../http/schema-helpers.js';
import { OfficeList, OfficeParams, OfficeResponse } from './schemas.js';
import { listOfficesWithServices, type OfficeWithServices } from './storage.js';

function present(office: OfficeWithServices) {
  return {
    ...office,
    services: office.services.map((s) => ({
      code: s.code,
      name: s.name,
      categories: s.categories.map((c) => ({ code: c.code, name: c.name })),
    })),
  };
}

/** Public: the offices, the services they offer and the categories of each, for forms and other clients. */
export const officeRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db }) => {
  app.get(
    '/offices',
    {
      schema: {
        tags: ['Offices'],
        summary: 'Offices with their services and case categories',
        response: { 200: OfficeList },
      },
    },
    async () => ({ items: (await listOfficesWithServices(db)).map(present) }),
  );

  app.get(
    '/offices/:code',
    {
      schema: {
        tags: ['Offices'],
        summary: 'One office with its services and case categories',
        params: OfficeParams,
        response: { 200: OfficeResponse, ...problems(400, 404) },
      },
    },
    async (request) => {
      const [office] = await listOfficesWithServices(db, request.params.code.toUpperCase());
      if (!office) throw new AppError('not_found');
      return present(office);
    },
  );
};
