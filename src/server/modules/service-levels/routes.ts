import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type Static, Type } from 'typebox';
import { CASE_TYPES, PRIORITIES } from '../../../shared/enums.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../events/catalogue.js';
import { recordEvent } from '../../events/record-event.js';
import { LocalizedName, Nullable, problems, StringEnum, Uuid } from '../../http/schema-helpers.js';
import { requireStaffSession } from '../../http/staff-auth.js';
import { newId } from '../../lib/ids.js';
import { inTransaction } from '../../lib/transaction.js';
import { authorizeAdmin } from '../accounts/policy.js';
import { authorizeServiceLevelReading } from '../calendar/routes.js';
import { referenceData } from '../offices/reference-data.js';
import { findOfficeByCode } from '../offices/storage.js';
import { invalidateServiceLevels, toEscalationRule, toPolicy } from './policies.js';
import { complianceCsv, slaCompliance } from './report.js';

/** Service-level policies and escalation rules per office (administrators edit), and the compliance report. */
const tags = ['Service levels'];
const security = [{ staffSession: [] }];
const OfficeParams = Type.Object({ code: Type.String({ pattern: '^[A-Za-z]{2,5}$' }) });
const UNITS = ['working_hours', 'working_days'] as const;
const MILESTONES = [
  'first_response.due_soon',
  'first_response.breached',
  'resolution.due_soon',
  'resolution.breached',
] as const;

const TargetSchema = Type.Object({
  value: Type.Integer({ minimum: 1, maximum: 2000 }),
  unit: StringEnum(UNITS),
});

const PolicyFields = {
  name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
  caseType: Nullable(StringEnum(CASE_TYPES)),
  serviceId: Nullable(Uuid),
  categoryId: Nullable(Uuid),
  priority: Nullable(StringEnum(PRIORITIES)),
  firstResponse: Nullable(TargetSchema),
  resolution: Nullable(TargetSchema),
  warnPercent: Type.Integer({ minimum: 0, maximum: 90 }),
  warnHours: Type.Optional(
    Nullable(
      Type.Integer({
        minimum: 1,
        maximum: 480,
        description: 'Warn this many working hours before the due time (instead of warnPercent).',
      }),
    ),
  ),
  source: Type.String({
    minLength: 1,
    maxLength: 500,
    pattern: '\\S',
    description: 'Where the numbers come from.',
  }),
  active: Type.Boolean(),
};
const PolicyBody = Type.Object(PolicyFields, { additionalProperties: false });
const Policy = Type.Object({ id: Type.String(), ...PolicyFields, updatedAt: Type.String() });

const RuleFields = {
  name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
  milestone: StringEnum(MILESTONES),
  priority: Nullable(StringEnum(PRIORITIES)),
  categoryId: Nullable(Uuid),
  raisePriority: Type.Boolean(),
  assignTeamId: Nullable(Uuid),
  assignUserId: Nullable(Uuid),
  notifySupervisors: Type.Boolean(),
  active: Type.Boolean(),
};
const RuleBody = Type.Object(RuleFields, { additionalProperties: false });
const Rule = Type.Object({ id: Type.String(), ...RuleFields, updatedAt: Type.String() });

const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' });
const ReportQuery = Type.Object({
  office: Type.String({ pattern: '^[A-Za-z]{2,5}$' }),
  from: Month,
  to: Month,
});
const ReportRow = Type.Object({
  month: Type.String(),
  team: Nullable(Type.Object({ id: Type.String(), name: LocalizedName })),
  category: Nullable(Type.Object({ id: Type.String(), code: Type.String(), name: LocalizedName })),
  due: Type.Integer(),
  met: Type.Integer(),
  breached: Type.Integer(),
  pending: Type.Integer(),
  percent: Nullable(Type.Number()),
  firstResponseDue: Type.Integer(),
  firstResponseMet: Type.Integer(),
  firstResponsePercent: Nullable(Type.Number()),
});

const invalid = (field: string, code = 'invalid') =>
  new AppError('validation_failed', { errors: [{ field, code }] });

export const serviceLevelRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const { db } = ctx;
  requireStaffSession(app, ctx);

  async function office(code: string) {
    const found = await findOfficeByCode(db, code.toUpperCase());
    if (!found) throw new AppError('not_found');
    return found;
  }

  /** Ids a policy or rule names must belong to the office. */
  async function checkReferences(
    officeId: string,
    refs: {
      serviceId?: string | null;
      categoryId?: string | null;
      teamId?: string | null;
      userId?: string | null;
    },
  ) {
    const data = await referenceData(db);
    if (refs.serviceId && data.servicesById.get(refs.serviceId)?.office_id !== officeId)
      throw invalid('serviceId');
    if (refs.categoryId && data.categoriesById.get(refs.categoryId)?.office_id !== officeId)
      throw invalid('categoryId');
    if (refs.teamId) {
      const team = await db
        .selectFrom('teams')
        .select('office_id')
        .where('id', '=', refs.teamId)
        .executeTakeFirst();
      if (team?.office_id !== officeId) throw invalid('assignTeamId');
    }
    if (refs.userId) {
      const user = await db
        .selectFrom('users')
        .select(['office_id', 'disabled_at'])
        .where('id', '=', refs.userId)
        .executeTakeFirst();
      if (!user || user.disabled_at !== null || (user.office_id !== null && user.office_id !== officeId))
        throw invalid('assignUserId');
    }
  }

  function policyValues(body: Static<typeof PolicyBody>) {
    if (!body.firstResponse && !body.resolution) throw invalid('resolution', 'no_target');
    return {
      name: body.name.trim(),
      case_type: body.caseType,
      service_id: body.serviceId,
      category_id: body.categoryId,
      priority: body.priority,
      first_response_target: body.firstResponse?.value ?? null,
      first_response_unit: body.firstResponse?.unit ?? 'working_days',
      resolution_target: body.resolution?.value ?? null,
      resolution_unit: body.resolution?.unit ?? 'working_days',
      warn_percent: body.warnPercent,
      warn_hours: body.warnHours ?? null,
      source: body.source.trim(),
      active: body.active,
    };
  }

  function ruleValues(body: Static<typeof RuleBody>) {
    if (!body.raisePriority && !body.assignTeamId && !body.assignUserId && !body.notifySupervisors)
      throw invalid('raisePriority', 'no_action');
    return {
      name: body.name.trim(),
      milestone: body.milestone,
      priority: body.priority,
      category_id: body.categoryId,
      raise_priority: body.raisePriority,
      assign_team_id: body.assignTeamId,
      assign_user_id: body.assignUserId,
      notify_supervisors: body.notifySupervisors,
      active: body.active,
    };
  }

  async function saved(
    trx: Db,
    actor: Actor,
    officeId: string,
    kind: 'policy' | 'escalation_rule',
    id: string,
    deleted = false,
  ) {
    await recordEvent(trx, {
      type: 'service_level.saved',
      actor,
      officeId,
      payload: { kind, id, ...(deleted ? { deleted } : {}) },
      at: new Date(),
    });
  }

  app.get(
    '/offices/:code/service-levels',
    {
      schema: {
        tags,
        security,
        summary: 'Service-level policies (most specific wins) and escalation rules of an office',
        params: OfficeParams,
        response: {
          200: Type.Object({
            policies: Type.Array(Policy),
            escalationRules: Type.Array(Rule),
            canEdit: Type.Boolean(),
          }),
          ...problems(401, 403, 404),
        },
      },
    },
    async (request) => {
      const found = await office(request.params.code);
      authorizeServiceLevelReading(request.staff, found.id);
      const [policies, rules] = await Promise.all([
        db
          .selectFrom('service_level_policies')
          .selectAll()
          .where('office_id', '=', found.id)
          .orderBy('created_at')
          .execute(),
        db
          .selectFrom('escalation_rules')
          .selectAll()
          .where('office_id', '=', found.id)
          .orderBy('created_at')
          .execute(),
      ]);
      const user = request.staff;
      return {
        policies: policies.map(toPolicy).map(({ officeId: _o, ...p }) => p),
        escalationRules: rules.map(toEscalationRule).map(({ officeId: _o, ...r }) => r),
        canEdit: user.roles.includes('admin') && (user.officeId === null || user.officeId === found.id),
      };
    },
  );

  app.post(
    '/offices/:code/service-levels/policies',
    {
      schema: {
        tags,
        security,
        summary: 'Add a service-level policy',
        params: OfficeParams,
        body: PolicyBody,
        response: { 201: Policy, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const found = await office(request.params.code);
      authorizeAdmin(request.staff, found.id);
      await checkReferences(found.id, request.body);
      const now = new Date().toISOString();
      const id = newId();
      await inTransaction(db, async (trx) => {
        await trx
          .insertInto('service_level_policies')
          .values({
            id,
            office_id: found.id,
            ...policyValues(request.body),
            created_at: now,
            updated_at: now,
          })
          .execute();
        await saved(trx, request.actor, found.id, 'policy', id);
      });
      invalidateServiceLevels(db);
      return reply.code(201).send({ id, ...request.body, updatedAt: now });
    },
  );

  app.put(
    '/service-levels/policies/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Change a service-level policy (new cases and reclassified cases use it)',
        params: Type.Object({ id: Uuid }),
        body: PolicyBody,
        response: { 200: Policy, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const row = await db
        .selectFrom('service_level_policies')
        .select('office_id')
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      if (!row) throw new AppError('not_found');
      authorizeAdmin(request.staff, row.office_id);
      await checkReferences(row.office_id, request.body);
      const now = new Date().toISOString();
      await inTransaction(db, async (trx) => {
        await trx
          .updateTable('service_level_policies')
          .set({ ...policyValues(request.body), updated_at: now })
          .where('id', '=', request.params.id)
          .execute();
        await saved(trx, request.actor, row.office_id, 'policy', request.params.id);
      });
      invalidateServiceLevels(db);
      return { id: request.params.id, ...request.body, updatedAt: now };
    },
  );

  app.delete(
    '/service-levels/policies/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Remove a policy (cases keep the due times they were given)',
        params: Type.Object({ id: Uuid }),
        response: { 204: Type.Null(), ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const row = await db
        .selectFrom('service_level_policies')
        .select('office_id')
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      if (!row) throw new AppError('not_found');
      authorizeAdmin(request.staff, row.office_id);
      await inTransaction(db, async (trx) => {
        await trx
          .updateTable('cases')
          .set({ sla_policy_id: null })
          .where('sla_policy_id', '=', request.params.id)
          .execute();
        await trx.deleteFrom('service_level_policies').where('id', '=', request.params.id).execute();
        await saved(trx, request.actor, row.office_id, 'policy', request.params.id, true);
      });
      invalidateServiceLevels(db);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/offices/:code/service-levels/escalation-rules',
    {
      schema: {
        tags,
        security,
        summary: 'Add an escalation rule (applied by the sweep when a case reaches the milestone)',
        params: OfficeParams,
        body: RuleBody,
        response: { 201: Rule, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const found = await office(request.params.code);
      authorizeAdmin(request.staff, found.id);
      const body = request.body;
      await checkReferences(found.id, {
        categoryId: body.categoryId,
        teamId: body.assignTeamId,
        userId: body.assignUserId,
      });
      const now = new Date().toISOString();
      const id = newId();
      await inTransaction(db, async (trx) => {
        await trx
          .insertInto('escalation_rules')
          .values({ id, office_id: found.id, ...ruleValues(body), created_at: now, updated_at: now })
          .execute();
        await saved(trx, request.actor, found.id, 'escalation_rule', id);
      });
      invalidateServiceLevels(db);
      return reply.code(201).send({ id, ...body, updatedAt: now });
    },
  );

  app.put(
    '/service-levels/escalation-rules/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Change an escalation rule',
        params: Type.Object({ id: Uuid }),
        body: RuleBody,
        response: { 200: Rule, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const row = await db
        .selectFrom('escalation_rules')
        .select('office_id')
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      if (!row) throw new AppError('not_found');
      authorizeAdmin(request.staff, row.office_id);
      const body = request.body;
      await checkReferences(row.office_id, {
        categoryId: body.categoryId,
        teamId: body.assignTeamId,
        userId: body.assignUserId,
      });
      const now = new Date().toISOString();
      await inTransaction(db, async (trx) => {
        await trx
          .updateTable('escalation_rules')
          .set({ ...ruleValues(body), updated_at: now })
          .where('id', '=', request.params.id)
          .execute();
        await saved(trx, request.actor, row.office_id, 'escalation_rule', request.params.id);
      });
      invalidateServiceLevels(db);
      return { id: request.params.id, ...body, updatedAt: now };
    },
  );

  app.delete(
    '/service-levels/escalation-rules/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Remove an escalation rule',
        params: Type.Object({ id: Uuid }),
        response: { 204: Type.Null(), ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const row = await db
        .selectFrom('escalation_rules')
        .select('office_id')
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      if (!row) throw new AppError('not_found');
      authorizeAdmin(request.staff, row.office_id);
      await inTransaction(db, async (trx) => {
        await trx.deleteFrom('escalation_rules').where('id', '=', request.params.id).execute();
        await saved(trx, request.actor, row.office_id, 'escalation_rule', request.params.id, true);
      });
      invalidateServiceLevels(db);
      return reply.code(204).send(null);
    },
  );

  async function report(
    query: Static<typeof ReportQuery>,
    user: Parameters<typeof authorizeServiceLevelReading>[0],
  ) {
    if (query.from > query.to) throw invalid('to', 'before_from');
    const found = await office(query.office);
    authorizeServiceLevelReading(user, found.id);
    const [rows, teams, data] = await Promise.all([
      slaCompliance(db, found, query, new Date()),
      db.selectFrom('teams').select(['id', 'name_id', 'name_en']).where('office_id', '=', found.id).execute(),
      referenceData(db),
    ]);
    const teamsById = new Map(teams.map((t) => [t.id, { id: t.id, name: { id: t.name_id, en: t.name_en } }]));
    const category = (id: string | null) => {
      const c = id ? data.categoriesById.get(id) : undefined;
      return c ? { id: c.id, code: c.code, name: { id: c.name_id, en: c.name_en } } : null;
    };
    return { found, rows, team: (id: string | null) => (id ? (teamsById.get(id) ?? null) : null), category };
  }

  app.get(
    '/reports/sla',
    {
      schema: {
        tags,
        security,
        summary: 'SLA compliance per team, category and month of the due time (office time zone)',
        querystring: ReportQuery,
        response: {
          200: Type.Object({
            officeCode: Type.String(),
            from: Type.String(),
            to: Type.String(),
            rows: Type.Array(ReportRow),
          }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const { found, rows, team, category } = await report(request.query, request.staff);
      return {
        officeCode: found.code,
        from: request.query.from,
        to: request.query.to,
        rows: rows.map(({ teamId, categoryId, ...r }) => ({
          ...r,
          team: team(teamId),
          category: category(categoryId),
        })),
      };
    },
  );

  app.get(
    '/reports/sla.csv',
    {
      schema: {
        tags,
        security,
        summary: 'The SLA compliance report as CSV (names in the requested language)',
        querystring: ReportQuery,
        response: {
          200: { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } },
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const { found, rows, team, category } = await report(request.query, request.staff);
      const lang = request.language;
      const csv = complianceCsv(rows, {
        office: found.code,
        team: (id) => team(id)?.name[lang] ?? '',
        category: (id) => category(id)?.name[lang] ?? '',
      });
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="sla-${found.code}-${request.query.from}-${request.query.to}.csv"`,
        )
        .send(csv);
    },
  );
};
