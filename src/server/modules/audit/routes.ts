import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type Static, Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { recordEvent } from '../../events/record-event.js';
import { IsoDateTime, Nullable, problems, StringEnum, Uuid } from '../../http/schema-helpers.js';
import { requireStaffSession } from '../../http/staff-auth.js';
import { inTransaction } from '../../lib/transaction.js';
import type { StaffUser } from '../accounts/model.js';
import { findCaseByTrackingCode } from '../cases/storage.js';
import { parseTrackingCode } from '../cases/tracking-code.js';
import { listCheckpoints } from './checkpoints.js';
import { listTrail, type TrailFilters, trailCsv } from './trail.js';
import { verifyAuditChain } from './verify.js';

/** The audit trail for auditors and administrators: browse, export, verify; published checkpoints. */
const tags = ['Audit trail'];
const security = [{ staffSession: [] }];
const PROBLEM_KINDS = [
  'entry_changed',
  'link_broken',
  'entry_missing',
  'event_missing',
  'event_changed',
  'event_not_chained',
  'checkpoint_mismatch',
] as const;
/** Integrity reports are seen only by integrity officers: their events stay out of everyone else's trail. */
const INTEGRITY_EVENTS = 'integrity.';

const TrailItem = Type.Object({
  id: Type.String(),
  seq: Nullable(Type.Integer()),
  at: IsoDateTime,
  type: Type.String(),
  officeId: Nullable(Type.String()),
  caseId: Nullable(Type.String()),
  trackingCode: Nullable(Type.String()),
  actor: Type.Object({ type: Type.String(), id: Nullable(Type.String()), name: Nullable(Type.String()) }),
  payload: Type.Unknown(),
});

const TrailQuery = Type.Object({
  actor: Type.Optional(Uuid),
  case: Type.Optional(Type.String({ maxLength: 40 })),
  type: Type.Optional(Type.String({ pattern: '^[a-z_]+(\\.[a-z_]*)?$', maxLength: 60 })),
  from: Type.Optional(IsoDateTime),
  to: Type.Optional(IsoDateTime),
});

const Verification = Type.Object({
  intact: Type.Boolean(),
  entries: Type.Integer(),
  last: Nullable(Type.Object({ seq: Type.Integer(), entryHash: Type.String(), chainedAt: IsoDateTime })),
  pendingEvents: Type.Integer(),
  checkpointsChecked: Type.Integer(),
  problem: Nullable(
    Type.Object({
      kind: StringEnum(PROBLEM_KINDS),
      seq: Nullable(Type.Integer()),
      at: Nullable(IsoDateTime),
      eventId: Nullable(Type.String()),
    }),
  ),
  checkedAt: IsoDateTime,
});

export const Checkpoint = Type.Object({
  format: Type.String(),
  day: Type.String(),
  seq: Type.Integer(),
  entryHash: Type.String(),
  at: IsoDateTime,
  publicKey: Type.String(),
  signature: Type.String(),
});

/** Auditors and administrators; national ones see every office, the others their own office's events. */
export function authorizeAudit(user: StaffUser): void {
  if (!user.roles.includes('auditor') && !user.roles.includes('admin')) throw new AppError('forbidden');
}

async function trailFilters(
  ctx: AppContext,
  user: StaffUser,
  query: Static<typeof TrailQuery>,
): Promise<TrailFilters> {
  let caseId: string | undefined;
  if (query.case) {
    const code = parseTrackingCode(query.case);
    if (!code) throw new AppError('invalid_tracking_code', { field: 'case' });
    // An unknown case simply has no events: the filter matches nothing rather than answering 404.
    caseId = (await findCaseByTrackingCode(ctx.db, code))?.id ?? '00000000-0000-0000-0000-000000000000';
  }
  return {
    officeId: user.officeId,
    actorId: query.actor,
    caseId,
    type: query.type,
    from: query.from,
    to: query.to,
    excludeTypePrefix: user.roles.includes('integrity_officer') ? undefined : INTEGRITY_EVENTS,
  };
}

function describeFilters(query: Static<typeof TrailQuery>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => typeof v === 'string')) as Record<
    string,
    string
  >;
}

export const auditStaffRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const { db } = ctx;
  requireStaffSession(app, ctx);

  app.get(
    '/audit/events',
    {
      schema: {
        tags,
        security,
        summary: 'The event trail, newest first, filtered by actor, case, action and period',
        querystring: Type.Object({
          ...TrailQuery.properties,
          limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
          cursor: Type.Optional(Type.String({ maxLength: 100 })),
        }),
        response: {
          200: Type.Object({ items: Type.Array(TrailItem), nextCursor: Nullable(Type.String()) }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      authorizeAudit(request.staff);
      const { limit, cursor, ...query } = request.query;
      const filters = await trailFilters(ctx, request.staff, query);
      const items = await listTrail(db, filters, { limit, before: decodeCursor(cursor) });
      const last = items[items.length - 1];
      return { items, nextCursor: items.length === limit && last ? encodeCursor(last) : null };
    },
  );

  app.get(
    '/audit/events.csv',
    {
      schema: {
        tags,
        security,
        summary: 'The filtered trail as CSV (at most 50,000 rows); the export itself is recorded as an event',
        querystring: TrailQuery,
        response: {
          200: { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } },
          ...problems(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      authorizeAudit(request.staff);
      const filters = await trailFilters(ctx, request.staff, request.query);
      const items = await listTrail(db, filters, { limit: 50_000 });
      await inTransaction(db, (trx) =>
        recordEvent(trx, {
          type: 'audit.exported',
          actor: request.actor,
          officeId: request.staff.officeId,
          payload: { rows: items.length, filters: describeFilters(request.query) },
          at: new Date(),
        }),
      );
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="audit-trail-${new Date().toISOString().slice(0, 10)}.csv"`,
        )
        .send(trailCsv(items));
    },
  );

  app.post(
    '/audit/verify',
    {
      schema: {
        tags,
        security,
        summary: 'Walks the whole audit chain now and reports the first broken link',
        response: { 200: Verification, ...problems(401, 403) },
      },
    },
    async (request) => {
      authorizeAudit(request.staff);
      const result = await verifyAuditChain(db);
      await inTransaction(db, (trx) =>
        recordEvent(trx, {
          type: 'audit.verified',
          actor: request.actor,
          officeId: request.staff.officeId,
          payload: { intact: result.intact, entries: result.entries, problem: result.problem?.kind ?? null },
          at: new Date(),
        }),
      );
      return result;
    },
  );
};

/** Published checkpoints: anyone may fetch and keep them. */
export const auditPublicRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  app.get(
    '/audit/checkpoints',
    {
      schema: {
        tags,
        summary: 'The latest daily checkpoints of the audit chain and the key that signs them',
        response: {
          200: Type.Object({ publicKey: Nullable(Type.String()), items: Type.Array(Checkpoint) }),
        },
      },
    },
    async () => {
      const items = await listCheckpoints(ctx.db, 30);
      return { publicKey: items[0]?.publicKey ?? null, items };
    },
  );

  app.get(
    '/audit/checkpoints/latest',
    {
      schema: {
        tags,
        summary:
          'The latest signed checkpoint, as a file to keep (verify it later with `loket audit verify --checkpoint`)',
        response: { 200: Checkpoint, ...problems(404) },
      },
    },
    async (_request, reply) => {
      const [latest] = await listCheckpoints(ctx.db, 1);
      if (!latest) throw new AppError('not_found');
      return reply
        .header('content-disposition', `attachment; filename="loket-checkpoint-${latest.day}.json"`)
        .send(latest);
    },
  );
};

function encodeCursor(item: { at: string; id: string }): string {
  return Buffer.from(`${item.at}|${item.id}`).toString('base64url');
}

function decodeCursor(cursor: string | undefined): { at: string; id: string } | undefined {
  if (!cursor) return undefined;
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)))
    throw new AppError('validation_failed', { field: 'cursor' });
  return { at, id };
}
