import type { Language } from '../../../shared/enums.js';
import type { Db } from '../../db/connection.js';
import { parseJson } from '../../db/dialect.js';
import { dayEndIn, dayStartIn } from '../../lib/calendar-dates.js';
import type { Office } from '../offices/storage.js';
import { listOfficesWithServices } from '../offices/storage.js';
import {
  addSums,
  computeIkm,
  emptySums,
  type IkmResult,
  type SkmElement,
  type Weight,
} from '../surveys/ikm.js';
import { loadSkmSums, loadSkmSumsByMonth } from '../surveys/storage.js';
import { quartersEndingAt } from './days.js';
import type { Metric } from './rollup.js';

/**
 * The public dashboard's figures for an office and period, from the incremental aggregates (rollup.ts) and the
 * SKM running sums — never from a scan of cases. Every count below MIN_CELL is published as null (suppressed),
 * and so is every median, percentile, percentage or IKM computed from fewer than MIN_CELL cases or respondents.
 * The same object is the page, the JSON and (flattened) the CSV; docs/open-data.md describes it.
 */
export const MIN_CELL = 5;
export const LICENCE = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' };
export const SCHEMA_VERSION = 1;

export interface Cell {
  key: string;
  label: string;
  /** null: fewer than MIN_CELL, suppressed. */
  n: number | null;
}

export interface Durations {
  /** Cases measured (null when suppressed). */
  cases: number | null;
  medianDays: number | null;
  p90Days: number | null;
}

export interface Rate {
  /** The denominator: cases (or applications) decided. */
  total: number | null;
  met: number | null;
  percent: number | null;
}

export interface PublicIkm {
  respondents: number | null;
  nrr: Record<SkmElement, number> | null;
  ikm: number | null;
  category: string | null;
  label: string | null;
}

export interface Dashboard {
  schemaVersion: number;
  licence: typeof LICENCE;
  office: { code: string; name: string };
  period: { from: string; to: string };
  received: { total: number | null; byType: Cell[]; byChannel: Cell[]; byCategory: Cell[] };
  firstResponse: Durations;
  resolution: Durations;
  sla: { firstResponse: Rate; resolution: Rate };
  resolved: Rate;
  ikm: PublicIkm & { trend: (PublicIkm & { quarter: string })[] };
  passports: { byStage: Cell[]; onTime: Rate };
  topics: Cell[];
}

export const suppress = (n: number): number | null => (n >= MIN_CELL ? n : null);

/** Nearest-rank percentile of a histogram { value → count }: the smallest value with ≥ p of the cases at or below. */
export function percentileOf(histogram: Map<number, number>, p: number): number | null {
  const total = [...histogram.values()].reduce((a, b) => a + b, 0);
  if (total <= 0) return null;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const value of [...histogram.keys()].sort((a, b) => a - b)) {
    seen += histogram.get(value)!;
    if (seen >= rank) return value;
  }
  return null;
}

export function durations(histogram: Map<number, number>): Durations {
  const cases = [...histogram.values()].reduce((a, b) => a + b, 0);
  if (cases < MIN_CELL) return { cases: suppress(cases), medianDays: null, p90Days: null };
  return { cases, medianDays: percentileOf(histogram, 0.5), p90Days: percentileOf(histogram, 0.9) };
}

export function rate(met: number, total: number): Rate {
  if (total < MIN_CELL) return { total: suppress(total), met: null, percent: null };
  return { total, met: suppress(met), percent: Math.round((1000 * met) / total) / 10 };
}

export function publicIkm(result: IkmResult): PublicIkm {
  if (result.respondents < MIN_CELL)
    return { respondents: suppress(result.respondents), nrr: null, ikm: null, category: null, label: null };
  return {
    respondents: result.respondents,
    nrr: result.nrr,
    ikm: result.ikm,
    category: result.category,
    label: result.label,
  };
}

/**
 * Splits a period into whole months (read from `transparency_monthly`) and the days of the partial months at its
 * ends (read from `transparency_daily`).
 */
export function splitPeriod(from: string, to: string): { months: string[]; days: [string, string][] } {
  const lastDayOf = (month: string) => {
    const [y, m] = month.split('-').map(Number) as [number, number];
    return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
  };
  const nextMonth = (month: string) => {
    const [y, m] = month.split('-').map(Number) as [number, number];
    return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  };
  const months: string[] = [];
  const days: [string, string][] = [];
  for (let month = from.slice(0, 7); month <= to.slice(0, 7); month = nextMonth(month)) {
    const start = month === from.slice(0, 7) ? from : `${month}-01`;
    const end = month === to.slice(0, 7) ? to : lastDayOf(month);
    if (start === `${month}-01` && end === lastDayOf(month)) months.push(month);
    else days.push([start, end]);
  }
  return { months, days };
}

type Totals = Map<Metric, Map<string, number>>;

/** The period's sums per metric and bucket: month rows for whole months, day rows for the partial ones. */
export async function loadTotals(db: Db, officeId: string, from: string, to: string): Promise<Totals> {
  const { months, days } = splitPeriod(from, to);
  const rows: { metric: string; bucket: string; n: number | string }[] = [];
  if (months.length)
    rows.push(
      ...(await db
        .selectFrom('transparency_monthly')
        .select((eb) => ['metric', 'bucket', eb.fn.sum<number>('n').as('n')])
        .where('office_id', '=', officeId)
        .where('month', 'in', months)
        .groupBy(['metric', 'bucket'])
        .execute()),
    );
  for (const [start, end] of days)
    rows.push(
      ...(await db
        .selectFrom('transparency_daily')
        .select((eb) => ['metric', 'bucket', eb.fn.sum<number>('n').as('n')])
        .where('office_id', '=', officeId)
        .where('day', '>=', start)
        .where('day', '<=', end)
        .groupBy(['metric', 'bucket'])
        .execute()),
    );
  const totals: Totals = new Map();
  for (const row of rows) {
    const metric = row.metric as Metric;
    let buckets = totals.get(metric);
    if (!buckets) {
      buckets = new Map();
      totals.set(metric, buckets);
    }
    buckets.set(row.bucket, (buckets.get(row.bucket) ?? 0) + Number(row.n));
  }
  return totals;
}

const sumOf = (buckets: Map<string, number> | undefined) =>
  [...(buckets?.values() ?? [])].reduce((a, b) => a + b, 0);

function histogramOf(buckets: Map<string, number> | undefined): Map<number, number> {
  const histogram = new Map<number, number>();
  for (const [bucket, n] of buckets ?? []) if (n > 0) histogram.set(Number(bucket), n);
  return histogram;
}

export interface Labels {
  type(key: string): string;
  channel(key: string): string;
  stage(key: string): string;
}

function cells(
  buckets: Map<string, number> | undefined,
  label: (key: string) => string,
  order?: readonly string[],
): Cell[] {
  const entries = [...(buckets ?? [])].filter(([, n]) => n > 0);
  const rank = (key: string) => (order ? order.indexOf(key) : -1);
  entries.sort(([a, x], [b, y]) => (order ? rank(a) - rank(b) : y - x || a.localeCompare(b)));
  return entries.map(([key, n]) => ({ key, label: label(key), n: suppress(n) }));
}

export interface DashboardInput {
  office: Office;
  from: string;
  to: string;
  language: Language;
  weight: Weight;
  labels: Labels;
  stageOrder?: readonly string[];
}

export async function loadDashboard(db: Db, input: DashboardInput): Promise<Dashboard> {
  const { office, from, to, language, labels } = input;
  const quarters = quartersEndingAt(to, 4);
  const [totals, sums, months, categoryNames, topics] = await Promise.all([
    loadTotals(db, office.id, from, to),
    loadSkmSums(db, { officeId: office.id, from, to }),
    loadSkmSumsByMonth(db, { officeId: office.id, from: quarters[0]!.from, to: quarters.at(-1)!.to }),
    categoryLabels(db, office.code, language),
    topTopics(db, office.timeZone, from, to, language),
  ]);
  const trend = quarters.map((q) => {
    const total = emptySums();
    for (const [month, s] of months) if (`${month}-01` >= q.from && `${month}-01` <= q.to) addSums(total, s);
    return { quarter: q.quarter, ...publicIkm(computeIkm(total, input.weight)) };
  });
  const received = totals.get('received_type');
  const receivedTotal = sumOf(received);
  const slaFirst = totals.get('sla_first_response');
  const slaResolution = totals.get('sla_resolution');
  const done = totals.get('passport_done');
  return {
    schemaVersion: SCHEMA_VERSION,
    licence: LICENCE,
    office: { code: office.code, name: office.name[language] },
    period: { from, to },
    received: {
      total: suppress(receivedTotal),
      byType: cells(received, labels.type),
      byChannel: cells(totals.get('received_channel'), labels.channel),
      byCategory: cells(totals.get('received_category'), (id) => categoryNames.get(id) ?? id),
    },
    firstResponse: durations(histogramOf(totals.get('first_response'))),
    resolution: durations(histogramOf(totals.get('resolution'))),
    sla: {
      firstResponse: rate(slaFirst?.get('met') ?? 0, sumOf(slaFirst)),
      resolution: rate(slaResolution?.get('met') ?? 0, sumOf(slaResolution)),
    },
    resolved: rate(sumOf(totals.get('resolved_cohort')), receivedTotal),
    ikm: { ...publicIkm(computeIkm(sums, input.weight)), trend },
    passports: {
      byStage: cells(totals.get('passport_stage'), labels.stage, input.stageOrder),
      onTime: rate(done?.get('on_time') ?? 0, sumOf(done)),
    },
    topics,
  };
}

async function categoryLabels(db: Db, officeCode: string, language: Language): Promise<Map<string, string>> {
  const [office] = await listOfficesWithServices(db, officeCode);
  const names = new Map<string, string>();
  for (const service of office?.services ?? [])
    for (const category of service.categories)
      names.set(category.id, `${service.name[language]} – ${category.name[language]}`);
  return names;
}

/**
 * The assistant's most asked topics: answered questions of the period grouped by the article or FAQ that answered
 * them (the log holds no person; days are the office's, like the rest of the dashboard). Topics asked fewer than
 * MIN_CELL times are left out.
 */
async function topTopics(
  db: Db,
  timeZone: string,
  from: string,
  to: string,
  language: Language,
): Promise<Cell[]> {
  const rows = await db
    .selectFrom('kb_questions')
    .select((eb) => ['matched_kind', 'matched_key', eb.fn.countAll<number>().as('n')])
    .where('answered', '=', true)
    .where('matched_key', 'is not', null)
    .where('created_at', '>=', dayStartIn(timeZone, from))
    .where('created_at', '<', dayEndIn(timeZone, to))
    .groupBy(['matched_kind', 'matched_key'])
    .orderBy('n', 'desc')
    .limit(10)
    .execute();
  const topics: Cell[] = [];
  for (const row of rows) {
    const n = Number(row.n);
    if (n < MIN_CELL) continue;
    const key = row.matched_key!;
    topics.push({ key, label: await topicTitle(db, row.matched_kind, key, language), n });
  }
  return topics;
}

async function topicTitle(db: Db, kind: string | null, key: string, language: Language): Promise<string> {
  if (kind === 'faq') {
    const faq = await db
      .selectFrom('kb_faqs')
      .select(['questions'])
      .where('key', '=', key)
      .where('language', '=', language)
      .executeTakeFirst();
    const questions = faq ? parseJson(faq.questions) : null;
    if (Array.isArray(questions) && typeof questions[0] === 'string') return questions[0];
    return key;
  }
  const article = await db
    .selectFrom('kb_articles')
    .select(['title'])
    .where('translation_key', '=', key)
    .where('language', '=', language)
    .executeTakeFirst();
  return article?.title ?? key;
}

/** The dashboard flattened to rows for CSV: section, key, label, value (suppressed values are empty). */
export function dashboardRows(d: Dashboard): [string, string, string, number | string | null][] {
  const rows: [string, string, string, number | string | null][] = [];
  rows.push(['received', 'total', '', d.received.total]);
  for (const c of d.received.byType) rows.push(['received_by_type', c.key, c.label, c.n]);
  for (const c of d.received.byChannel) rows.push(['received_by_channel', c.key, c.label, c.n]);
  for (const c of d.received.byCategory) rows.push(['received_by_category', c.key, c.label, c.n]);
  for (const [name, value] of [
    ['first_response', d.firstResponse],
    ['resolution', d.resolution],
  ] as const) {
    rows.push([name, 'cases', '', value.cases]);
    rows.push([name, 'median_working_days', '', value.medianDays]);
    rows.push([name, 'p90_working_days', '', value.p90Days]);
  }
  for (const [name, value] of [
    ['sla_first_response', d.sla.firstResponse],
    ['sla_resolution', d.sla.resolution],
    ['resolved', d.resolved],
    ['passport_on_time', d.passports.onTime],
  ] as const) {
    rows.push([name, 'total', '', value.total]);
    rows.push([name, 'met', '', value.met]);
    rows.push([name, 'percent', '', value.percent]);
  }
  rows.push(['ikm', 'respondents', '', d.ikm.respondents]);
  for (const [element, nrr] of Object.entries(d.ikm.nrr ?? {})) rows.push(['ikm_nrr', element, '', nrr]);
  rows.push(['ikm', 'ikm', '', d.ikm.ikm]);
  rows.push(['ikm', 'category', d.ikm.label ?? '', d.ikm.category]);
  for (const q of d.ikm.trend) {
    rows.push(['ikm_trend', q.quarter, 'respondents', q.respondents]);
    rows.push(['ikm_trend', q.quarter, 'ikm', q.ikm]);
    rows.push(['ikm_trend', q.quarter, 'category', q.category]);
  }
  for (const c of d.passports.byStage) rows.push(['passport_by_stage', c.key, c.label, c.n]);
  for (const c of d.topics) rows.push(['assistant_topic', c.key, c.label, c.n]);
  return rows;
}

export function dashboardCsv(d: Dashboard): string {
  const quote = (value: unknown) => {
    const text = value === null || value === undefined ? '' : String(value);
    // A leading =, +, - or @ would run as a formula in a spreadsheet.
    const safe = /^[=+\-@]/.test(text) && Number.isNaN(Number(text)) ? `'${text}` : text;
    return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  const header = ['office', 'period_from', 'period_to', 'section', 'key', 'label', 'value'];
  const lines = [header.join(',')];
  for (const row of dashboardRows(d))
    lines.push([d.office.code, d.period.from, d.period.to, ...row].map(quote).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
