import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type Static, Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../events/catalogue.js';
import { Nullable, problems, StringEnum } from '../../http/schema-helpers.js';
import { type ApiKey, type ApiPermission, authenticateApiKey } from './api-keys.js';
import { type ApplicationInput, applyRecords } from './apply.js';
import { asInput } from './change-stage.js';
import {
  isLate,
  nikHash,
  normaliseApplicationNumber,
  normaliseNik,
  STAGES,
  stageNeedsNote,
} from './model.js';
import { EventResult, EventsBody, type StageEvent } from './schemas.js';
import { findApplicationByNumber, listStages } from './storage.js';

declare module 'fastify' {
  interface FastifyRequest {
    apiKey: ApiKey;
  }
}

type Event = Static<typeof StageEvent>;

const IntegrationApplication = Type.Object({
  applicationNumber: Type.String(),
  stage: StringEnum(STAGES),
  stageAt: Type.String(),
  expectedAt: Nullable(Type.String()),
  late: Type.Boolean(),
  stages: Type.Array(Type.Object({ stage: StringEnum(STAGES), at: Type.String(), source: Type.String() })),
});
type Result = Static<typeof EventResult>;

/**
 * The office systems' API: push stage changes, one or many per request, with an integration key
 * (`Authorization: Bearer loket_…`) scoped to one office and to permissions. Each event is applied on its own (one
 * bad event does not hold back the others) and answered in order; an event id already received is acknowledged
 * as `duplicate` with no second change, even when the first attempt's answer was lost.
 */
export const integrationPassportRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const { db, config } = ctx;
  app.decorateRequest('apiKey', null as unknown as ApiKey);
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    const presented =
      typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    const key = presented ? await authenticateApiKey(db, presented) : undefined;
    if (!key) throw new AppError('unauthorized');
    request.apiKey = key;
  });
  const require = (key: ApiKey, permission: ApiPermission) => {
    if (!key.permissions.includes(permission)) throw new AppError('forbidden');
  };

  app.post(
    '/passport-applications/events',
    {
      schema: {
        tags: ['Passport applications (integration)'],
        summary: 'Push stage changes of passport applications (one or a batch)',
        description:
          'Needs an integration key with `applications:write`. An event for an unknown application must carry `application` (its details). Results: applied, unchanged (already so), stale (older than what is stored), duplicate (event id seen before), rejected (with `code`).',
        security: [{ integrationKey: [] }],
        body: EventsBody,
        response: {
          200: { type: 'object', properties: { results: { type: 'array', items: EventResult } } },
          ...problems(400, 401, 403, 415, 429),
        },
      },
    },
    async (request) => {
      const key = request.apiKey;
      require(key, 'applications:write');
      const actor: Actor = { type: 'system', id: null, name: `API: ${key.name}` };
      const results: Result[] = [];
      for (const event of request.body.events)
        results.push(await applyEvent(db, config.secret, actor, key.officeId, event));
      return { results };
    },
  );

  app.get(
    '/passport-applications/:number',
    {
      schema: {
        tags: ['Passport applications (integration)'],
        summary: 'Where an application stands in Loket: stage, history and expected completion',
        description:
          'Needs an integration key with `applications:read`, for an application of the key’s office.',
        security: [{ integrationKey: [] }],
        params: Type.Object({ number: Type.String({ maxLength: 60 }) }),
        response: { 200: IntegrationApplication, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const key = request.apiKey;
      require(key, 'applications:read');
      const number = normaliseApplicationNumber(request.params.number);
      const found = number ? await findApplicationByNumber(db, key.officeId, number) : undefined;
      if (!found) throw new AppError('application_not_found');
      const stages = await listStages(db, found.id);
      return {
        applicationNumber: found.applicationNumber,
        stage: found.stage,
        stageAt: found.stageAt,
        expectedAt: found.expectedAt,
        late: isLate(found, new Date()),
        stages: stages.map((s) => ({ stage: s.stage, at: s.at, source: s.source })),
      };
    },
  );
};

async function applyEvent(
  db: Db,
  secret: string,
  actor: Actor,
  officeId: string,
  event: Event,
): Promise<Result> {
  const number = normaliseApplicationNumber(event.applicationNumber);
  const base = { eventId: event.eventId, applicationNumber: number ?? event.applicationNumber };
  if (!number) return { ...base, result: 'rejected', code: 'invalid_application_number' };
  if (Date.parse(event.at) > Date.now() + 3_600_000)
    return { ...base, result: 'rejected', code: 'future_time' };
  if (stageNeedsNote(event.stage) && !event.note?.trim())
    return { ...base, result: 'rejected', code: 'note_required' };
  try {
    return await db.transaction().execute(async (trx) => {
      const seen = await trx
        .selectFrom('passport_event_receipts')
        .select('result')
        .where('office_id', '=', officeId)
        .where('event_id', '=', event.eventId)
        .executeTakeFirst();
      if (seen) return { ...base, result: 'duplicate' as const };
      const existing = await findApplicationByNumber(trx, officeId, number);
      const input = recordOf(secret, event, number, existing);
      if (!input) return { ...base, result: 'rejected' as const, code: 'unknown_application' };
      const outcome = await applyRecords(trx, actor, officeId, [input], { source: 'api', now: new Date() });
      const { plan, applicationId } = outcome.results[0]!;
      if (plan.kind === 'invalid_transition')
        return { ...base, result: 'rejected' as const, code: 'invalid_transition' };
      const result = plan.kind === 'create' || plan.kind === 'update' ? 'applied' : plan.kind;
      await trx
        .insertInto('passport_event_receipts')
        .values({
          office_id: officeId,
          event_id: event.eventId,
          application_id: applicationId!,
          result,
          received_at: new Date().toISOString(),
        })
        .execute();
      return { ...base, result };
    });
  } catch (error) {
    // The same event id sent twice at once: the other request recorded it.
    if (isUniqueViolation(error)) return { ...base, result: 'duplicate' };
    throw error;
  }
}

function recordOf(
  secret: string,
  event: Event,
  number: string,
  existing: Awaited<ReturnType<typeof findApplicationByNumber>>,
): ApplicationInput | undefined {
  const change = { stage: event.stage, at: new Date(event.at), officer: event.officer, note: event.note };
  const details = event.application;
  if (!details) return existing ? asInput(existing, change) : undefined;
  const nik = details.nik ? normaliseNik(details.nik) : undefined;
  return {
    applicationNumber: number,
    applicantName: details.applicantName.trim(),
    birthDate: details.birthDate,
    nik: nik ? { hash: nikHash(secret, nik), last4: nik.slice(-4) } : undefined,
    contactEmail: details.contact ? (details.contact.email ?? null) : undefined,
    contactPhone: details.contact ? (details.contact.phone ?? null) : undefined,
    contactConsent: details.contact?.consent,
    contactConsentAt: details.contact?.consentAt,
    language: details.language,
    passportKind: details.passportKind,
    validityYears: details.validityYears ?? existing?.validityYears ?? 10,
    service: details.service,
    speed: details.speed ?? existing?.speed ?? 'regular',
    appointmentDate: details.appointmentDate,
    priorityGroup: details.priorityGroup,
    stage: event.stage,
    stageAt: change.at.toISOString(),
    stageOfficer: event.officer ?? null,
    stageNote: event.note ?? null,
  };
}
