import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import { Type } from 'typebox';
import type { AppContext } from '../context.js';
import { isMigrated } from '../db/migrate.js';
import { AppError } from '../errors.js';
import { problems } from './schema-helpers.js';

const Status = Type.Object({ status: Type.String() });

/** Liveness (the process answers) and readiness (the database answers and is migrated). */
export const healthRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { db }) => {
  let migrated = false;

  app.get(
    '/healthz',
    { schema: { tags: ['Operations'], summary: 'The process is up', response: { 200: Status } } },
    async () => ({ status: 'ok' }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['Operations'],
        summary: 'The database is reachable and migrated',
        response: { 200: Status, ...problems(503) },
      },
    },
    async (request) => {
      try {
        await sql`select 1`.execute(db);
        // Once migrated, a running process stays migrated; only reachability needs checking again.
        migrated ||= await isMigrated(db);
      } catch (error) {
        request.log.warn({ err: error }, 'readiness check failed');
        throw new AppError('not_ready');
      }
      if (!migrated) throw new AppError('not_ready', { reason: 'migrations pending' });
      return { status: 'ready' };
    },
  );
};
