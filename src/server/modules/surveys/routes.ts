import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { recordEvent } from '../../events/record-event.js';
import { WindowCounter } from '../../http/rate-limit.js';
import { problems, StringEnum } from '../../http/schema-helpers.js';
import { requireStaffSession } from '../../http/staff-auth.js';
import { isCalendarDate } from '../../lib/calendar-dates.js';
import { inTransaction } from '../../lib/transaction.js';
import type { StaffUser } from '../accounts/model.js';
import { authorizeCase } from '../cases/policy.js';
import { findCaseByTrackingCode } from '../cases/storage.js';
import { findOfficeByCode, findServiceByCode, listOfficesWithServices } from '../offices/storage.js';
import { findCaseFeedback } from './case-feedback.js';
import { SKM_ELEMENTS } from './ikm.js';
import { invitationTarget, openInvitationToken } from './invitations.js';
import { PROFILE_CHOICES } from './model.js';
import { allowedSurveyActions, authorizeSurveys } from './policy.js';
import { reportPdf, reportXlsx, skmReport } from './report.js';
import { configuredWeight } from './settings.js';
import { submitSkmResponse } from './submit-response.js';

/** SKM answers per client address and 10 minutes: a person answers once; a family at one address a few times. */
export const SKM_PER_ADDRESS = { limit: 10, windowMs: 10 * 60_000 };

const Score = Type.Integer({ minimum: 1, maximum: 4 });
const Answers = Type.Object(
  Object.fromEntries(SKM_ELEMENTS.map((e) => [e, Score])) as Record<
    (typeof SKM_ELEMENTS)[number],
    typeof Score
  >,
  { additionalProperties: false },
);
const Profile = Type.Object(
  {
    ageBand: Type.Optional(StringEnum(PROFILE_CHOICES.ageBand)),
    sex: Type.Optional(StringEnum(PROFILE_CHOICES.sex)),
    education: Type.Optional(StringEnum(PROFILE_CHOICES.education)),
    occupation: Type.Optional(StringEnum(PROFILE_CHOICES.occupation)),
  },
  { additionalProperties: false },
);
const Day = Type.String({ format: 'date' });

/** The public SKM endpoint: anyone may answer; a one-time link token makes it count once per case. */
export const publicSurveyRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const { db, config, limiters } = ctx;
  const perAddress = new WindowCounter(SKM_PER_ADDRESS);
  app.post(
    '/surveys/skm',
    {
      schema: {
        tags: ['Satisfaction survey (public)'],
        summary: 'Answer the SKM questionnaire (PermenPANRB 14/2017): nine elements, each 1–4',
        description:
          'Answers are stored with the office calendar day only, never with the case, a time or an address. With `token` (the one-time link sent after a case is resolved or a passport collected) a second answer is refused with 409 `survey_already_answered`. Limited per client address (429).',
        body: Type.Object(
          {
            officeCode: Type.String({ minLength: 2, maxLength: 5 }),
            serviceCode: Type.String({ minLength: 1, maxLength: 40 }),
            answers: Answers,
            profile: Type.Optional(Profile),
            token: Type.Optional(Type.String({ maxLength: 600 })),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ id: Type.String(), day: Type.String() }),
          ...problems(400, 404, 409, 422, 429),
        },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const invitation = body.token ? openInvitationToken(config, body.token) : undefined;
      if (body.token && !invitation) throw new AppError('not_found', { field: 'token' });
      if (invitation) {
        const target = await invitationTarget(db, invitation);
        const office = await findOfficeByCode(db, body.officeCode);
        const service = office && (await findServiceByCode(db, office.id, body.serviceCode));
        const matches =
          target !== undefined &&
          office?.id === target.officeId &&
          (target.serviceId === null || service?.id === target.serviceId);
        if (!matches)
          throw new AppError('validation_failed', {
            errors: [{ field: 'serviceCode', code: 'token_mismatch' }],
          });
      }
      if (limiters.enabled) {
        const wait = perAddress.hit(request.ip);
        if (wait > 0) throw new AppError('rate_limited', { retryAfterSeconds: wait });
      }
      const saved = await submitSkmResponse(
        db,
        config,
        {
          officeCode: body.officeCode,
          serviceCode: body.serviceCode,
          answers: body.answers,
          profile: body.profile,
          language: request.language,
          source: invitation ? invitation.kind : 'web',
        },
        { invitation },
      );
      return reply.code(201).send(saved);
    },
  );
};

const tags = ['Satisfaction survey (staff)'];
const security = [{ staffSession: [] }];
const OfficeQuery = Type.String({ pattern: '^[A-Za-z]{2,5}$' });

export const staffSurveyRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const { db, config } = ctx;
  requireStaffSession(app, ctx);

  async function officeFor(user: StaffUser, code: string | undefined) {
    const office = code
      ? await findOfficeByCode(db, code.toUpperCase())
      : user.officeId
        ? (await listOfficesWithServices(db)).find((o) => o.id === user.officeId)
        : undefined;
    if (!office) {
      if (!code) throw new AppError('validation_failed', { errors: [{ field: 'office', code: 'required' }] });
      throw new AppError('not_found');
    }
    const [withServices] = await listOfficesWithServices(db, office.code);
    return withServices!;
  }

  function checkPeriod(from: string, to: string) {
    for (const [field, value] of [
      ['from', from],
      ['to', to],
    ] as const)
      if (!isCalendarDate(value))
        throw new AppError('validation_failed', { errors: [{ field, code: 'format' }] });
    if (from > to)
      throw new AppError('validation_failed', { errors: [{ field: 'to', code: 'before_from' }] });
  }

  app.get(
    '/surveys/report',
    {
      schema: {
        tags,
        security,
        summary:
          'The SKM report for a period: respondents, NRR per element, IKM, category, per service, lowest elements, follow-up plan',
        description: '`format=pdf` or `format=xlsx` downloads the same report as a file.',
        querystring: Type.Object({
          office: Type.Optional(OfficeQuery),
          from: Day,
          to: Day,
          format: Type.Optional(StringEnum(['json', 'pdf', 'xlsx'] as const)),
        }),
        response: { ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = request.staff;
      const office = await officeFor(user, request.query.office);
      authorizeSurveys(user, 'report', office.id);
      const { from, to, format = 'json' } = request.query;
      checkPeriod(from, to);
      const language = request.language;
      const report = await skmReport(db, office, { from, to }, configuredWeight(config), language);
      const fileName = `skm-${office.code}-${from}-${to}`;
      if (format === 'pdf') {
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="${fileName}.pdf"`)
          .header('cache-control', 'no-store')
          .send(await reportPdf(report, language));
      }
      if (format === 'xlsx') {
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${fileName}.xlsx"`)
          .header('cache-control', 'no-store')
          .send(await reportXlsx(report, language));
      }
      return { ...report, allowedActions: allowedSurveyActions(user, office.id) };
    },
  );

  app.put(
    '/surveys/follow-up',
    {
      schema: {
        tags,
        security,
        summary: 'Save the follow-up plan (rencana tindak lanjut) of a report period',
        body: Type.Object(
          {
            office: Type.Optional(OfficeQuery),
            from: Day,
            to: Day,
            plan: Type.String({ maxLength: 10_000 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ plan: Type.String(), updatedAt: Type.String() }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const user = request.staff;
      const office = await officeFor(user, request.body.office);
      authorizeSurveys(user, 'plan', office.id);
      const { from, to } = request.body;
      checkPeriod(from, to);
      const plan = request.body.plan.replace(/\r\n?/g, '\n').trim();
      const now = new Date();
      const updatedAt = now.toISOString();
      await inTransaction(db, async (trx) => {
        await trx
          .insertInto('skm_follow_ups')
          .values({
            office_id: office.id,
            period_from: from,
            period_to: to,
            plan,
            updated_by: user.id,
            updated_at: updatedAt,
          })
          .onConflict((oc) =>
            oc
              .columns(['office_id', 'period_from', 'period_to'])
              .doUpdateSet({ plan, updated_by: user.id, updated_at: updatedAt }),
          )
          .execute();
        await recordEvent(trx, {
          type: 'skm.follow_up_saved',
          actor: request.actor,
          officeId: office.id,
          payload: { from, to },
          at: now,
        });
      });
      return { plan, updatedAt };
    },
  );

  app.get(
    '/cases/:code/feedback',
    {
      schema: {
        tags,
        security,
        summary: 'The citizen’s rating of a resolved case (1–5 and a comment), if given',
        params: Type.Object({ code: Type.String({ maxLength: 40 }) }),
        response: {
          200: Type.Object({
            feedback: Type.Union([
              Type.Object({
                rating: Type.Integer(),
                comment: Type.Union([Type.String(), Type.Null()]),
                createdAt: Type.String(),
              }),
              Type.Null(),
            ]),
          }),
          ...problems(401, 403, 404),
        },
      },
    },
    async (request) => {
      const found = await findCaseByTrackingCode(db, request.params.code.toUpperCase());
      if (!found) throw new AppError('case_not_found');
      authorizeCase(request.staff, 'read', found);
      return { feedback: (await findCaseFeedback(db, found.id)) ?? null };
    },
  );
};
