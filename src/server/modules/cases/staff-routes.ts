import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { problems, UUID_PATTERN } from '../../http/schema-helpers.js';
import { requireStaffSession } from '../../http/staff-auth.js';
import type { StaffUser } from '../accounts/model.js';
import { findCategoryByCode, findOfficeByCode } from '../offices/storage.js';
import { searchIds } from '../search/search-index.js';
import { words } from '../search/text.js';
import { addStaffMessage } from './add-message.js';
import { assignCase } from './assign-case.js';
import { linkCases, mergeCase } from './link-cases.js';
import { loadCaseContext, loadCaseContexts } from './load-case-context.js';
import type { Case } from './model.js';
import {
  allowedCaseActions,
  authorizeCase,
  can,
  canSeeIdentity,
  caseListScope,
  transitionAction,
} from './policy.js';
import { presentCaseDetail, presentCaseSummary } from './presenters.js';
import {
  CaseListQuery,
  LinkBody,
  MergeBody,
  StaffCaseDetail,
  StaffCaseList,
  StaffMessageBody,
  StaffMessageResponse,
  TrackingCodeParams,
  TransitionBody,
  UpdateCaseBody,
  ViewCounts,
} from './schemas.js';
import {
  type CaseCursor,
  type CaseFilter,
  countViews,
  findCaseByTrackingCode,
  listCaseEvents,
  listCases,
  listLinkedCases,
  listMessages,
} from './storage.js';
import { parseTrackingCode } from './tracking-code.js';
import { transitionCase } from './transition-case.js';
import { updateCase } from './update-case.js';

const tags = ['Cases (staff)'];
const security = [{ staffSession: [] }];
const SEARCH_LIMIT = 1000;

/** Staff routes: every one behind a staff session; every case checked against the case policy. */
export const staffCaseRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const { db } = ctx;
  requireStaffSession(app, ctx);

  async function loadCase(
    user: StaffUser,
    rawCode: string,
    action: Parameters<typeof authorizeCase>[1],
  ): Promise<Case> {
    const code = parseTrackingCode(rawCode);
    if (!code) throw new AppError('invalid_tracking_code', { field: 'trackingCode' });
    const found = await findCaseByTrackingCode(db, code);
    if (!found) throw new AppError('case_not_found');
    authorizeCase(user, action, found);
    return found;
  }

  async function detail(user: StaffUser, current: Case) {
    const [context, events, messages, linkedCases] = await Promise.all([
      loadCaseContext(db, current),
      listCaseEvents(db, current.id),
      listMessages(db, current.id),
      listLinkedCases(db, current.id),
    ]);
    return presentCaseDetail(
      current,
      context,
      { events, messages, linkedCases },
      {
        canSeeIdentity: canSeeIdentity(user, current),
        allowedActions: allowedCaseActions(user, current),
      },
    );
  }

  function requireListAccess(user: StaffUser) {
    const scope = caseListScope(user);
    if (!scope.allowed) throw new AppError('forbidden');
    return scope;
  }

  app.get(
    '/cases',
    {
      schema: {
        tags,
        security,
        summary:
          'List cases: filters, views (assignee/team), full-text search, newest/oldest/due order, cursor pages',
        querystring: CaseListQuery,
        response: { 200: StaffCaseList, ...problems(400, 401, 403, 422) },
      },
    },
    async (request) => {
      const user = request.staff;
      const scope = requireListAccess(user);
      const query = request.query;
      const filter: CaseFilter = {
        statuses: query.status,
        types: query.type,
        channels: query.channel,
        priorities: query.priority,
        receivedFrom: query.receivedFrom && new Date(query.receivedFrom).toISOString(),
        receivedBefore: query.receivedBefore && new Date(query.receivedBefore).toISOString(),
        officeId: scope.officeId ?? undefined,
        overdueAt: query.overdue ? new Date().toISOString() : undefined,
      };
      if (query.office) {
        const office = await findOfficeByCode(db, query.office);
        if (!office) throw new AppError('unknown_office', { field: 'office' });
        // Staff of one office asking for another simply see nothing of it.
        if (scope.officeId !== null && scope.officeId !== office.id) return { items: [], nextCursor: null };
        filter.officeId = office.id;
        if (query.category) {
          const category = await findCategoryByCode(db, office.id, query.category);
          if (!category) throw new AppError('unknown_category', { field: 'category' });
          filter.categoryId = category.id;
        }
      } else if (query.category) {
        throw new AppError('validation_failed', { errors: [{ field: 'office', code: 'required' }] });
      }
      if (query.assignee !== undefined) {
        filter.assigneeId =
          query.assignee === 'me'
            ? user.id
            : query.assignee === 'none'
              ? null
              : validId(query.assignee, 'assignee');
      }
      if (query.team !== undefined)
        filter.teamIds = query.team === 'mine' ? user.teamIds : [validId(query.team, 'team')];
      // A query without any word (only punctuation, say) searches nothing rather than finding nothing.
      if (query.q !== undefined && words(query.q).length > 0) {
        filter.caseIds = await searchIds(db, 'case', query.q, SEARCH_LIMIT);
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
    '/cases/counts',
    {
      schema: {
        tags,
        security,
        summary: 'Open cases per inbox view: mine, unassigned, my teams, all open, all',
        response: { 200: ViewCounts, ...problems(401, 403) },
      },
    },
    async (request) => {
      const scope = requireListAccess(request.staff);
      return countViews(db, {
        officeId: scope.officeId,
        userId: request.staff.id,
        teamIds: request.staff.teamIds,
      });
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
    async (request) =>
      detail(request.staff, await loadCase(request.staff, request.params.trackingCode, 'read')),
  );

  app.patch(
    '/cases/:trackingCode',
    {
      schema: {
        tags,
        security,
        summary: 'Change priority, category, assignee or team',
        description:
          'Assigning to someone else needs the supervisor role; anyone who handles cases may take an unassigned case.',
        params: TrackingCodeParams,
        body: UpdateCaseBody,
        response: { 200: StaffCaseDetail, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const user = request.staff;
      const { version, assigneeId, teamId, ...edit } = request.body;
      const current = await loadCase(user, request.params.trackingCode, 'read');
      let after = current;
      if (edit.priority !== undefined || edit.categoryCode !== undefined) {
        authorizeCase(user, 'update', current);
        after = await updateCase(db, request.actor, current.trackingCode, {
          ...edit,
          expectedVersion: version,
        });
      }
      if (assigneeId !== undefined || teamId !== undefined) {
        // Assigning is a supervisor's; taking an unassigned case for oneself is any handler's.
        const takesItself = assigneeId === user.id && teamId === undefined;
        authorizeCase(user, takesItself && !can(user, 'assign', after) ? 'take' : 'assign', after);
        after = await assignCase(db, request.actor, current.trackingCode, {
          expectedVersion: after === current ? version : after.version,
          assigneeId,
          teamId,
        });
      }
      return detail(user, after);
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
        response: { 201: StaffMessageResponse, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const action = request.body.kind === 'public_reply' ? 'reply' : 'note';
      const current = await loadCase(request.staff, request.params.trackingCode, action);
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
          'received → in_progress | rejected; in_progress → waiting_on_citizen | resolved; waiting_on_citizen → in_progress; resolved → closed | in_progress (reopen: supervisors). Anything else: 409 invalid_transition.',
        params: TrackingCodeParams,
        body: TransitionBody,
        response: { 200: StaffCaseDetail, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const { to, reason, version } = request.body;
      const current = await loadCase(request.staff, request.params.trackingCode, 'read');
      authorizeCase(request.staff, transitionAction(current.status, to), current);
      const after = await transitionCase(db, request.actor, current.trackingCode, {
        to,
        reason,
        expectedVersion: version,
      });
      return detail(request.staff, after);
    },
  );

  app.post(
    '/cases/:trackingCode/links',
    {
      schema: {
        tags,
        security,
        summary: 'Link a related case of the same office',
        params: TrackingCodeParams,
        body: LinkBody,
        response: { 200: StaffCaseDetail, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      const current = await loadCase(request.staff, request.params.trackingCode, 'link');
      const related = await loadCase(request.staff, request.body.relatedTrackingCode, 'link');
      await linkCases(db, request.actor, current, related);
      return detail(request.staff, current);
    },
  );

  app.post(
    '/cases/:trackingCode/merge',
    {
      schema: {
        tags,
        security,
        summary:
          'Merge this duplicate into another case; its tracking code keeps working and shows where it went',
        params: TrackingCodeParams,
        body: MergeBody,
        response: { 200: StaffCaseDetail, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const duplicate = await loadCase(request.staff, request.params.trackingCode, 'merge');
      const into = await loadCase(request.staff, request.body.intoTrackingCode, 'read');
      const merged = await mergeCase(
        db,
        request.actor,
        duplicate.trackingCode,
        into.trackingCode,
        request.body.version,
      );
      return detail(request.staff, merged);
    },
  );
};

function validId(value: string, field: string): string {
  if (!UUID_PATTERN.test(value))
    throw new AppError('validation_failed', { errors: [{ field, code: 'invalid' }] });
  return value;
}

function encodeCursor(cursor: CaseCursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString('base64url');
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function decodeCursor(raw: string | undefined): CaseCursor | undefined {
  if (raw === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    // Both values go into SQL comparisons with typed columns: only well-formed ones may pass.
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      (parsed[0] === null || ISO_INSTANT.test(String(parsed[0]))) &&
      UUID_PATTERN.test(String(parsed[1]))
    ) {
      return { value: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('validation_failed', { errors: [{ field: 'cursor', code: 'invalid' }] });
}
