import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Language } from '../../../shared/enums.js';
import type { Config } from '../../config.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { AppError } from '../../errors.js';
import { problems } from '../../http/schema-helpers.js';
import { isCalendarDate, localDay } from '../../lib/calendar-dates.js';
import { findFirstOffice, findOfficeByCode, type Office } from '../offices/storage.js';
import { computeIkm } from '../surveys/ikm.js';
import { configuredWeight } from '../surveys/settings.js';
import { loadSkmSums } from '../surveys/storage.js';
import { type Dashboard, dashboardCsv, loadDashboard, publicIkm } from './dashboard.js';
import { aggregatesGeneration } from './generation.js';
import { dashboardLabels, STAGE_ORDER } from './labels.js';

const tags = ['Transparency (public)'];

/** The period asked for, or the current year up to today in the office's time zone. */
export function periodOf(office: Office, query: { from?: string; to?: string }, now = new Date()) {
  const today = localDay(office.timeZone, now);
  const from = query.from ?? `${today.slice(0, 4)}-01-01`;
  const to = query.to ?? today;
  for (const [field, value] of [
    ['from', from],
    ['to', to],
  ] as const)
    if (!isCalendarDate(value))
      throw new AppError('validation_failed', { errors: [{ field, code: 'format' }] });
  if (from > to) throw new AppError('validation_failed', { errors: [{ field: 'to', code: 'before_from' }] });
  // Longer periods are summed from more rows; five years is plenty for a public page.
  if (Date.parse(to) - Date.parse(from) > 5 * 366 * 86_400_000)
    throw new AppError('validation_failed', { errors: [{ field: 'from', code: 'period_too_long' }] });
  return { from, to };
}

export async function officeOrDefault(db: Db, code: string | undefined): Promise<Office> {
  const office = code ? await findOfficeByCode(db, code.toUpperCase()) : await findFirstOffice(db);
  if (!office) throw new AppError('unknown_office', { field: 'officeCode' });
  return office;
}

/**
 * A small cache of computed dashboards: a public page is asked for the same office and period again and again.
 * An entry is used only while no aggregate changed in this process (`aggregatesGeneration`) and for at most
 * CACHE_MS, so changes made by another instance show within seconds.
 */
const CACHE_MS = 5_000;
const CACHE_ENTRIES = 64;
const cache = new Map<string, { at: number; generation: number; dashboard: Promise<Dashboard> }>();

export async function dashboardFor(
  db: Db,
  config: Config,
  office: Office,
  period: { from: string; to: string },
  language: Language,
): Promise<Dashboard> {
  const key = `${office.id}|${period.from}|${period.to}|${language}|${config.ikmWeight ?? ''}`;
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.generation === aggregatesGeneration() && now - hit.at < CACHE_MS) return hit.dashboard;
  const dashboard = computeDashboard(db, config, office, period, language);
  cache.delete(key);
  if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(key, { at: now, generation: aggregatesGeneration(), dashboard });
  dashboard.catch(() => cache.delete(key));
  return dashboard;
}

function computeDashboard(
  db: Db,
  config: Config,
  office: Office,
  period: { from: string; to: string },
  language: Language,
): Promise<Dashboard> {
  return loadDashboard(db, {
    office,
    ...period,
    language,
    weight: configuredWeight(config),
    labels: dashboardLabels(language),
    stageOrder: STAGE_ORDER,
  });
}

const PeriodQuery = Type.Object({
  officeCode: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2,5}$' })),
  from: Type.Optional(Type.String({ format: 'date' })),
  to: Type.Optional(Type.String({ format: 'date' })),
});

const Nrr = Type.Union([Type.Record(Type.String(), Type.Number()), Type.Null()]);
const NullableNumber = Type.Union([Type.Number(), Type.Null()]);
const NullableString = Type.Union([Type.String(), Type.Null()]);

/**
 * Open data: the IKM and the whole dashboard as JSON or CSV (docs/open-data.md, CC BY 4.0). Cells from fewer than
 * five cases or respondents are null. Cached by clients and proxies for a minute.
 */
export const transparencyRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const { db, config } = ctx;

  app.get(
    '/transparency/ikm',
    {
      schema: {
        tags,
        summary: 'The IKM (PermenPANRB 14/2017) of an office, optionally one service, for a period',
        description:
          'NRR per element, the IKM (converted, 2 decimals) and its category A–D with the label. With fewer than five respondents only `respondents: null` is published.',
        querystring: Type.Object({
          ...PeriodQuery.properties,
          serviceCode: Type.Optional(Type.String({ maxLength: 40 })),
        }),
        response: {
          200: Type.Object({
            officeCode: Type.String(),
            serviceCode: NullableString,
            from: Type.String(),
            to: Type.String(),
            respondents: NullableNumber,
            nrr: Nrr,
            ikm: NullableNumber,
            category: NullableString,
            label: NullableString,
            weight: Type.String(),
          }),
          ...problems(400, 422),
        },
      },
    },
    async (request, reply) => {
      const office = await officeOrDefault(db, request.query.officeCode);
      const period = periodOf(office, request.query);
      const serviceCode = request.query.serviceCode;
      const result = computeIkm(
        await loadSkmSums(db, { officeId: office.id, ...period, serviceCode }),
        configuredWeight(config),
      );
      reply.header('cache-control', 'public, max-age=60');
      return {
        officeCode: office.code,
        serviceCode: serviceCode ?? null,
        ...period,
        ...publicIkm(result),
        weight: result.weight,
      };
    },
  );

  app.get(
    '/transparency/dashboard',
    {
      schema: {
        tags,
        summary: 'The public dashboard’s figures for an office and period (open data, CC BY 4.0)',
        description: 'Schema: docs/open-data.md. The same figures as `/transparansi` and the CSV.',
        querystring: PeriodQuery,
        response: { ...problems(400, 422) },
      },
    },
    async (request, reply) => {
      const office = await officeOrDefault(db, request.query.officeCode);
      reply.header('cache-control', 'public, max-age=60');
      return dashboardFor(db, config, office, periodOf(office, request.query), request.language);
    },
  );

  app.get(
    '/transparency/dashboard.csv',
    {
      schema: {
        tags,
        summary: 'The dashboard’s figures as CSV: office, period, section, key, label, value',
        querystring: PeriodQuery,
        response: { ...problems(400, 422) },
      },
    },
    async (request, reply) => {
      const office = await officeOrDefault(db, request.query.officeCode);
      const period = periodOf(office, request.query);
      const dashboard = await dashboardFor(db, config, office, period, request.language);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="transparansi-${office.code}-${period.from}-${period.to}.csv"`,
        )
        .header('cache-control', 'public, max-age=60')
        .send(dashboardCsv(dashboard));
    },
  );
};
