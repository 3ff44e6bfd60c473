import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type Static, Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { recordEvent } from '../../events/record-event.js';
import { Nullable, problems, StringEnum, Uuid } from '../../http/schema-helpers.js';
import { requireStaffSession } from '../../http/staff-auth.js';
import { inTransaction } from '../../lib/transaction.js';
import type { StaffUser } from '../accounts/model.js';
import { authorizeCase } from '../cases/policy.js';
import { findCaseByTrackingCode } from '../cases/storage.js';
import { parseTrackingCode } from '../cases/tracking-code.js';
import { findOfficeByCode, findOfficeById } from '../offices/storage.js';
import { API_PERMISSIONS, createApiKey, findApiKey, listApiKeys, revokeApiKey } from './api-keys.js';
import { changeStage } from './change-stage.js';
import { IMPORT_FIELDS, type ImportField, importTable } from './import.js';
import { linkCaseToApplication } from './link-case.js';
import {
  allowedNextStages,
  isLate,
  normaliseApplicationNumber,
  SPEEDS,
  STAGES,
  searchableName,
  WORKING_STAGES,
} from './model.js';
import { allowedActions, authorizePassports, can } from './policy.js';
import { passportReport } from './report.js';
import { ApiKeyView, IsoDate, StaffApplication, StaffApplicationDetail } from './schemas.js';
import {
  applicationOfCase,
  completionSettings,
  findApplication,
  listLinkedCases,
  listStages,
  type StoredApplication,
  saveCompletionSetting,
  toApplication,
} from './storage.js';
import { readTable, TableFileError } from './table-file.js';
import { withdrawConsent } from './withdraw-consent.js';

const tags = ['Passport applications (staff)'];
const security = [{ staffSession: [] }];
const OfficeQuery = Type.String({ pattern: '^[A-Za-z]{2,5}$' });
const IdParams = Type.Object({ id: Uuid });
const MAX_IMPORT_BYTES = 40 * 1024 * 1024;

const invalid = (field: string, code = 'invalid') =>
  new AppError('validation_failed', { errors: [{ field, code }] });

export const staffPassportRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const { db, config } = ctx;
  requireStaffSession(app, ctx);
  // Import files arrive as they are: CSV text or XLSX bytes.
  for (const type of [
    'text/csv',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/octet-stream',
  ])
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_r, body, done) =>
      done(null, body),
    );

  const officeCodes = new Map<string, string>();
  async function officeCodeOf(officeId: string): Promise<string> {
    let code = officeCodes.get(officeId);
    if (!code) {
      code = (await findOfficeById(db, officeId))?.code ?? '';
      officeCodes.set(officeId, code);
    }
    return code;
  }

  async function present(
    user: StaffUser,
    app: StoredApplication,
    now = new Date(),
  ): Promise<Static<typeof StaffApplication>> {
    const { nikHash: _hidden, createdAt: _c, updatedAt: _u, ...fields } = app;
    return {
      ...fields,
      officeCode: await officeCodeOf(app.officeId),
      late: isLate(app, now),
      allowedActions: allowedActions(user, app.officeId),
      nextStages: [...allowedNextStages(app.stage)],
    };
  }

  async function load(user: StaffUser, id: string): Promise<StoredApplication> {
    const found = await findApplication(db, id);
    if (!found) throw new AppError('not_found');
    authorizePassports(user, 'read', found.officeId);
    return found;
  }

  /** The office a listing or report is about: the user's own, or the one named (national users). */
  async function officeFor(user: StaffUser, code: string | undefined): Promise<string> {
    if (code) {
      const office = await findOfficeByCode(db, code.toUpperCase());
      if (!office || (user.officeId !== null && user.officeId !== office.id)) throw new AppError('not_found');
      return office.id;
    }
    if (!user.officeId) throw invalid('office', 'required');
    return user.officeId;
  }

  app.get(
    '/passport-applications',
    {
      schema: {
        tags,
        security,
        summary: 'Search passport applications by number, name, date of birth or appointment date',
        querystring: Type.Object({
          office: Type.Optional(OfficeQuery),
          q: Type.Optional(Type.String({ maxLength: 200 })),
          birthDate: Type.Optional(IsoDate),
          appointmentDate: Type.Optional(IsoDate),
          stage: Type.Optional(StringEnum(STAGES)),
          late: Type.Optional(Type.Boolean()),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
        }),
        response: {
          200: Type.Object({ items: Type.Array(StaffApplication), hasMore: Type.Boolean() }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const user = request.staff;
      const officeId = await officeFor(user, request.query.office);
      authorizePassports(user, 'read', officeId);
      const { q, birthDate, appointmentDate, stage, late } = request.query;
      const limit = request.query.limit ?? 25;
      const now = new Date();
      const text = q?.trim() ?? '';
      const number = normaliseApplicationNumber(text);
      const name = searchableName(text).replace(/[%_\\]/g, '');
      const rows = await db
        .selectFrom('passport_applications')
        .selectAll()
        .where('office_id', '=', officeId)
        .$if(text !== '', (qb) =>
          qb.where((eb) => {
            // A number matches exactly; a name (two letters or more) anywhere in the name.
            const matches = [];
            if (number) matches.push(eb('application_number', '=', number));
            if (name.length >= 2) matches.push(eb('name_search', 'like', `%${name}%`));
            return matches.length ? eb.or(matches) : eb.val(false);
          }),
        )
        .$if(birthDate !== undefined, (qb) => qb.where('birth_date', '=', birthDate!))
        .$if(appointmentDate !== undefined, (qb) => qb.where('appointment_date', '=', appointmentDate!))
        .$if(stage !== undefined, (qb) => qb.where('stage', '=', stage!))
        .$if(late === true, (qb) =>
          qb.where('stage', 'in', [...WORKING_STAGES]).where('expected_at', '<', now.toISOString()),
        )
        .orderBy('stage_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .offset(request.query.offset ?? 0)
        .execute();
      const items = await Promise.all(rows.slice(0, limit).map((r) => present(user, toApplication(r), now)));
      return { items, hasMore: rows.length > limit };
    },
  );

  app.get(
    '/passport-applications/:id',
    {
      schema: {
        tags,
        security,
        summary: 'A passport application with its stage history and linked cases',
        params: IdParams,
        response: { 200: StaffApplicationDetail, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const found = await load(request.staff, request.params.id);
      const [stages, cases] = await Promise.all([listStages(db, found.id), listLinkedCases(db, found.id)]);
      return { ...(await present(request.staff, found)), stages, cases };
    },
  );

  app.post(
    '/passport-applications/:id/stage',
    {
      schema: {
        tags,
        security,
        summary: 'Record a stage change (supervisors), e.g. when the office system cannot send it',
        params: IdParams,
        body: Type.Object(
          {
            stage: StringEnum(STAGES),
            at: Type.Optional(Type.String({ format: 'date-time' })),
            note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
            version: Type.Integer({ minimum: 1 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: StaffApplication, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const user = request.staff;
      const found = await load(user, request.params.id);
      authorizePassports(user, 'change_stage', found.officeId);
      if (found.version !== request.body.version) throw new AppError('version_conflict');
      const now = new Date();
      const at = request.body.at ? new Date(request.body.at) : now;
      if (at.getTime() > now.getTime() + 60_000) throw invalid('at', 'future');
      await changeStage(
        db,
        request.actor,
        found,
        { stage: request.body.stage, at, officer: user.displayName, note: request.body.note ?? null },
        { source: 'staff', now },
      );
      return present(user, (await findApplication(db, found.id))!);
    },
  );

  app.post(
    '/passport-applications/:id/cases',
    {
      schema: {
        tags,
        security,
        summary: 'Link a case to the application',
        params: IdParams,
        body: Type.Object({ trackingCode: Type.String({ maxLength: 40 }) }, { additionalProperties: false }),
        response: {
          200: Type.Object({ result: StringEnum(['linked', 'already_linked'] as const) }),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      const user = request.staff;
      const found = await load(user, request.params.id);
      authorizePassports(user, 'link_case', found.officeId);
      const code = parseTrackingCode(request.body.trackingCode);
      const subject = code ? await findCaseByTrackingCode(db, code) : undefined;
      if (!subject) throw new AppError('case_not_found');
      authorizeCase(user, 'link', subject);
      const result = await linkCaseToApplication(db, request.actor, subject, found, { by: 'staff' });
      return { result };
    },
  );

  app.post(
    '/passport-applications/:id/consent-withdrawal',
    {
      schema: {
        tags,
        security,
        summary:
          'Record that the applicant withdrew consent to notifications (e.g. asked by phone); a later import or API push with consent = yes does not switch them back on',
        params: IdParams,
        body: Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
        response: { 200: StaffApplication, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const user = request.staff;
      const found = await load(user, request.params.id);
      authorizePassports(user, 'withdraw_consent', found.officeId);
      if (found.version !== request.body.version) throw new AppError('version_conflict');
      await withdrawConsent(db, request.actor, found, 'staff', new Date());
      return present(user, (await findApplication(db, found.id))!);
    },
  );

  app.get(
    '/cases/:code/passport-application',
    {
      schema: {
        tags,
        security,
        summary: 'The passport application a case is linked to (null when none)',
        params: Type.Object({ code: Type.String({ maxLength: 40 }) }),
        response: {
          200: Type.Object({ application: Nullable(StaffApplication) }),
          ...problems(401, 403, 404),
        },
      },
    },
    async (request) => {
      const user = request.staff;
      const code = parseTrackingCode(request.params.code);
      const subject = code ? await findCaseByTrackingCode(db, code) : undefined;
      if (!subject) throw new AppError('case_not_found');
      authorizeCase(user, 'read', subject);
      const found = await applicationOfCase(db, subject.id);
      if (!found || !can(user, 'read', found.officeId)) return { application: null };
      return { application: await present(user, found) };
    },
  );

  app.post(
    '/passport-imports',
    {
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags,
        security,
        summary: 'Import passport applications from a CSV or XLSX file (the request body is the file)',
        description:
          'With `dryRun=true` (the default) nothing is written: the answer is the validation report. Send the same file with `dryRun=false` to import; nothing is written while any row has a problem.',
        querystring: Type.Object({
          office: Type.Optional(OfficeQuery),
          fileName: Type.Optional(Type.String({ maxLength: 200 })),
          dryRun: Type.Optional(Type.Boolean()),
          mapping: Type.Optional(
            Type.String({ maxLength: 4000, description: 'JSON: field → header in the file.' }),
          ),
        }),
        response: {
          200: Type.Object({
            rows: Type.Integer(),
            written: Type.Boolean(),
            ignoredColumns: Type.Array(Type.String()),
            counts: Type.Object({
              created: Type.Integer(),
              updated: Type.Integer(),
              unchanged: Type.Integer(),
              stale: Type.Integer(),
            }),
            problems: Type.Array(
              Type.Object({
                row: Type.Integer(),
                column: Type.String(),
                code: Type.String(),
                params: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
              }),
            ),
            truncated: Type.Boolean(),
          }),
          ...problems(400, 401, 403, 404, 413, 415, 422),
        },
      },
    },
    async (request) => {
      const user = request.staff;
      const officeId = await officeFor(user, request.query.office);
      authorizePassports(user, 'import', officeId);
      const office = (await findOfficeById(db, officeId))!;
      if (!Buffer.isBuffer(request.body) || request.body.length === 0) throw invalid('file', 'required');
      const mapping: Partial<Record<ImportField, string>> = {};
      if (request.query.mapping) {
        try {
          const parsed = JSON.parse(request.query.mapping) as Record<string, unknown>;
          for (const [field, header] of Object.entries(parsed)) {
            if (!(IMPORT_FIELDS as readonly string[]).includes(field) || typeof header !== 'string')
              throw new Error();
            if (header.trim()) mapping[field as ImportField] = header;
          }
        } catch {
          throw invalid('mapping');
        }
      }
      let table: Awaited<ReturnType<typeof readTable>>;
      try {
        table = await readTable(request.body);
      } catch (error) {
        if (error instanceof TableFileError) throw invalid('file', error.code);
        throw error;
      }
      const report = await importTable(db, request.actor, table, {
        offices: [{ id: office.id, code: office.code, timeZone: office.timeZone }],
        officeCode: office.code,
        mapping,
        secret: config.secret,
        now: new Date(),
        dryRun: request.query.dryRun ?? true,
        fileName: request.query.fileName ?? 'upload',
      });
      return {
        ...report,
        problems: report.problems.slice(0, 1000),
        truncated: report.problems.length > 1000,
      };
    },
  );

  app.get(
    '/passport-reports',
    {
      schema: {
        tags,
        security,
        summary:
          'Applications per stage, average time per stage and late applications, per office and period',
        querystring: Type.Object({ office: Type.Optional(OfficeQuery), from: IsoDate, to: IsoDate }),
        response: { ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const user = request.staff;
      const officeId = await officeFor(user, request.query.office);
      authorizePassports(user, 'report', officeId);
      if (request.query.from > request.query.to) throw invalid('to', 'before_from');
      return passportReport(db, officeId, request.query.from, request.query.to, new Date());
    },
  );

  // ---------------------------------------------------------------- administration: settings and API keys

  const Setting = Type.Object({
    speed: StringEnum(SPEEDS),
    workingDays: Type.Integer({ minimum: 0, maximum: 60 }),
    source: Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' }),
  });

  app.get(
    '/offices/:code/passport-settings',
    {
      schema: {
        tags,
        security,
        summary: 'Completion times per speed, with their source',
        params: Type.Object({ code: OfficeQuery }),
        response: { 200: Type.Object({ settings: Type.Array(Setting) }), ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const officeId = await officeFor(request.staff, request.params.code);
      authorizePassports(request.staff, 'administer', officeId);
      return { settings: Object.values(await completionSettings(db, officeId)) };
    },
  );

  app.put(
    '/offices/:code/passport-settings',
    {
      schema: {
        tags,
        security,
        summary: 'Save a completion time (applies to applications changed from now on)',
        params: Type.Object({ code: OfficeQuery }),
        body: Type.Object(Setting.properties, { additionalProperties: false }),
        response: { 200: Type.Object({ settings: Type.Array(Setting) }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const officeId = await officeFor(request.staff, request.params.code);
      authorizePassports(request.staff, 'administer', officeId);
      const now = new Date();
      await inTransaction(db, async (trx) => {
        await saveCompletionSetting(trx, officeId, request.body, now);
        await recordEvent(trx, {
          type: 'passport.settings_saved',
          actor: request.actor,
          officeId,
          at: now,
          payload: request.body,
        });
      });
      return { settings: Object.values(await completionSettings(db, officeId)) };
    },
  );

  app.get(
    '/api-keys',
    {
      schema: {
        tags,
        security,
        summary: 'Integration API keys (administrators)',
        querystring: Type.Object({ office: Type.Optional(OfficeQuery) }),
        response: { 200: Type.Object({ items: Type.Array(ApiKeyView) }), ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const user = request.staff;
      if (!user.roles.includes('admin')) throw new AppError('forbidden');
      const officeId =
        request.query.office || user.officeId ? await officeFor(user, request.query.office) : null;
      return { items: await listApiKeys(db, officeId) };
    },
  );

  app.post(
    '/api-keys',
    {
      schema: {
        tags,
        security,
        summary: 'Create an integration API key; the key is in this answer only',
        body: Type.Object(
          {
            office: OfficeQuery,
            name: Type.String({ minLength: 1, maxLength: 120, pattern: '\\S' }),
            permissions: Type.Array(StringEnum(API_PERMISSIONS), { minItems: 1, uniqueItems: true }),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ key: Type.String(), apiKey: ApiKeyView }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const officeId = await officeFor(request.staff, request.body.office);
      authorizePassports(request.staff, 'administer', officeId);
      const created = await createApiKey(db, request.actor, {
        officeId,
        name: request.body.name.trim(),
        permissions: request.body.permissions,
      });
      reply.code(201).header('cache-control', 'no-store');
      return created;
    },
  );

  app.delete(
    '/api-keys/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Revoke an integration API key (at once, for good)',
        params: IdParams,
        response: { 200: ApiKeyView, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const key = await findApiKey(db, request.params.id);
      if (!key) throw new AppError('not_found');
      authorizePassports(request.staff, 'administer', key.officeId);
      await revokeApiKey(db, request.actor, key);
      return (await findApiKey(db, key.id))!;
    },
  );
};
