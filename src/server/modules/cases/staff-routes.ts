import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { problems } from '../../http/schema-helpers.js';
import { requireBootstrapToken } from '../../http/staff-auth.js';
import { findCategoryByCode, findOfficeByCode } from '../offices/storage.js';
import { addStaffMessage } from './add-message.js';
import { loadCaseContext, loadCaseContexts } from './load-case-context.js';
import type { Case } from './model.js';
import { presentCaseDetail, presentCaseSummary } from './presenters.js';
import {
  CaseListQuery,
  StaffCaseDetail,
  StaffCaseList,
  StaffMessageBody,
  StaffMessageResponse,
  TrackingCodeParams,
  TransitionBody,
  UpdateCaseBody,
} from './schemas.js';
import {
  type CaseCursor,
  type CaseFilter,
  findCaseByTrackingCode,
  listCaseEvents,
  listCases,
  listMessages,
} from './storage.js';
import { parseTrackingCode } from './tracking-code.js';
import { transitionCase } from './transition-case.js';
import { updateCase } from './update-case.js';

const tags = ['Cases (staff)'];
const security = [{ staffToken: [] }];

/** Staff routes: list, read, reply, note, change status, edit. Authenticated for every route of this context. */
export const staffCaseRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const { db, config } = ctx;
  requireBootstrapToken(app, config.bootstrapToken);

  async function loadCase(rawCode: string): Promise<Case> {
    const code = parseTrackingCode(rawCode);
    if (!code) throw new AppError('invalid_tracking_code', { field: 'trackingCode' });
    const found = await findCaseByTrackingCode(db, code);
    if (!found) throw new AppError('case_not_found');
    return found;
  }

  async function detail(current: Case) {
    const [context, events, messages] = await Promise.all([
      loadCaseContext(db, current),
      listCaseEvents(db, current.id),
      listMessages(db, current.id),
    ]);
    return presentCaseDetail(current, context, { events, messages }, true);
  }

  app.get(
    '/cases',
    {
      schema: {
        tags,
        security,
        summary: 'List cases with filters, newest/oldest/due order and cursor pagination',
        querystring: CaseListQuery,
        response: { 200: StaffCaseList, ...problems(400, 401, 422) },
      },
    },
    async (request) => {
      const query = request.query;
      const filter: CaseFilter = {
        statuses: query.status,
        types: query.type,
        receivedFrom: query.receivedFrom && new Date(query.receivedFrom).toISOString(),
        receivedBefore: query.receivedBefore && new Date(query.receivedBefore).toISOString(),
      };
      if (query.office) {
        const office = await findOfficeByCode(db, query.office);
        if (!office) throw new AppError('unknown_office', { field: 'office' });
        filter.officeId = office.id;
        if (query.category) {
          const category = await findCategoryByCode(db, office.id, query.category);
          if (!category) throw new AppError('unknown_category', { field: 'category' });
          filter.categoryId = category.id;
        }
      } else if (query.category) {
        throw new AppError('validation_failed', { errors: [{ field: 'office', code: 'required' }] });
      }
      const order = query.order ?? 'newest';
      const page = await listCases(db, filter, order, query.limit ?? 25, decodeCursor(query.cursor));
      const contexts = await loadCaseContexts(db, page.items);
      return {
        items: page.items.map((c) => presentCaseSummary(c, contexts.get(c.officeId)!)),
        nextCursor: page.next && encodeCursor(page.next),
      };
    },
  );

  app.get(
    '/cases/:trackingCode',
    {
      schema: {
        tags,
        security,
        summary: 'A case with its whole timeline, including internal notes',
        params: TrackingCodeParams,
        response: { 200: StaffCaseDetail, ...problems(400, 401, 404) },
      },
    },
    async (request) => detail(await loadCase(request.params.trackingCode)),
  );

  app.patch(
    '/cases/:trackingCode',
    {
      schema: {
        tags,
        security,
        summary: 'Change priority or category',
        params: TrackingCodeParams,
        body: UpdateCaseBody,
        response: { 200: StaffCaseDetail, ...problems(400, 401, 404, 409, 422) },
      },
    },
    async (request) => {
      const current = await loadCase(request.params.trackingCode);
      const { version, ...edit } = request.body;
      return detail(
        await updateCase(db, request.actor, current.trackingCode, { ...edit, expectedVersion: version }),
      );
    },
  );

  app.post(
    '/cases/:trackingCode/messages',
    {
      schema: {
        tags,
        security,
        summary: 'Reply to the citizen (public_reply) or add an internal note',
        params: TrackingCodeParams,
        body: StaffMessageBody,
        response: { 201: StaffMessageResponse, ...problems(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const current = await loadCase(request.params.trackingCode);
      const message = await addStaffMessage(db, request.actor, current, request.body);
      return reply.code(201).send({ id: message.id, kind: message.kind, at: message.createdAt });
    },
  );

  app.post(
    '/cases/:trackingCode/transitions',
    {
      schema: {
        tags,
        security,
        summary: 'Change the status along the legal transitions',
        description:
          'received → in_progress | rejected; in_progress → waiting_on_citizen | resolved; waiting_on_citizen → in_progress; resolved → closed | in_progress. Anything else: 409 invalid_transition.',
        params: TrackingCodeParams,
        body: TransitionBody,
        response: { 200: StaffCaseDetail, ...problems(400, 401, 404, 409, 422) },
      },
    },
    async (request) => {
      const current = await loadCase(request.params.trackingCode);
      const { to, reason, version } = request.body;
      const after = await transitionCase(db, request.actor, current.trackingCode, {
        to,
        reason,
        expectedVersion: version,
      });
      return detail(after);
    },
  );
};

function encodeCursor(cursor: CaseCursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString('base64url');
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function decodeCursor(raw: string | undefined): CaseCursor | undefined {
  if (raw === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    // Both values go into SQL comparisons with typed columns: only well-formed ones may pass.
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      (parsed[0] === null || ISO_INSTANT.test(String(parsed[0]))) &&
      UUID.test(String(parsed[1]))
    ) {
      return { value: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('validation_failed', { errors: [{ field: 'cursor', code: 'invalid' }] });
}
