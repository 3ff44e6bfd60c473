import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { IsoDateTime, Nullable, problems, StringEnum, Uuid } from '../http/schema-helpers.js';
import { requireStaffSession } from '../http/staff-auth.js';
import type { StaffUser } from '../modules/accounts/model.js';
import { countJobsByStatus, discardJob, findJob, listJobs, retryJob } from './job-storage.js';

/** Background jobs for administrators: what waits, what runs, what failed and why; retry or discard. */
const tags = ['Background jobs'];
const security = [{ staffSession: [] }];
const JOB_STATUSES = ['pending', 'running', 'done', 'failed'] as const;

const Job = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  status: StringEnum(JOB_STATUSES),
  attempts: Type.Integer(),
  maxAttempts: Type.Integer(),
  runAt: IsoDateTime,
  lastError: Nullable(Type.String()),
  dedupeKey: Nullable(Type.String()),
  payload: Type.Unknown(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  finishedAt: Nullable(IsoDateTime),
});

const Counts = Type.Object({
  pending: Type.Integer(),
  running: Type.Integer(),
  done: Type.Integer(),
  failed: Type.Integer(),
});

/** Jobs span offices (e-mail, sweeps): only administrators see them. */
function authorizeJobs(user: StaffUser): void {
  if (!user.roles.includes('admin')) throw new AppError('forbidden');
}

export const jobAdminRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const { db } = ctx;
  requireStaffSession(app, ctx);

  app.get(
    '/jobs',
    {
      schema: {
        tags,
        security,
        summary: 'Background jobs, newest change first, with counts by status',
        querystring: Type.Object({
          status: Type.Optional(StringEnum(JOB_STATUSES)),
          kind: Type.Optional(Type.String({ maxLength: 80 })),
          limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
        }),
        response: {
          200: Type.Object({ counts: Counts, items: Type.Array(Job) }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      authorizeJobs(request.staff);
      const [counts, items] = await Promise.all([countJobsByStatus(db), listJobs(db, request.query)]);
      return { counts, items };
    },
  );

  app.post(
    '/jobs/:id/retry',
    {
      schema: {
        tags,
        security,
        summary: 'Runs a failed job again now, with a fresh count of attempts',
        params: Type.Object({ id: Uuid }),
        response: { 200: Job, ...problems(401, 403, 404, 409) },
      },
    },
    async (request) => {
      authorizeJobs(request.staff);
      const { id } = request.params;
      if (!(await retryJob(db, id, new Date())))
        throw new AppError((await findJob(db, id)) ? 'conflict' : 'not_found');
      return (await findJob(db, id))!;
    },
  );

  app.delete(
    '/jobs/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Discards a pending or failed job (a running one cannot be discarded)',
        params: Type.Object({ id: Uuid }),
        response: { 204: Type.Null(), ...problems(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      authorizeJobs(request.staff);
      const { id } = request.params;
      if (!(await discardJob(db, id))) throw new AppError((await findJob(db, id)) ? 'conflict' : 'not_found');
      return reply.status(204).send(null);
    },
  );
};
