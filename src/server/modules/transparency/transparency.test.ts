import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildCase,
  buildConfig,
  createTestApp,
  officeIdOf,
  STAFF,
  type StaffHeaders,
  staffOf,
  type TestApp,
} from '../../../test-support/factories.js';
import { CITIZEN_ACTOR, SYSTEM_ACTOR } from '../../events/catalogue.js';
import { runDueJobs } from '../../jobs/worker.js';
import { localDay } from '../../lib/calendar-dates.js';
import { addStaffMessage } from '../cases/add-message.js';
import { findCaseByTrackingCode } from '../cases/storage.js';
import { transitionCase } from '../cases/transition-case.js';
import { saveMailSettings } from '../email/storage.js';
import { applyRecords } from '../passports/apply.js';
import { giveCaseFeedback } from '../surveys/case-feedback.js';
import { splitPeriod } from './dashboard.js';

/**
 * One office, a known history in October 2026 (Asia/Jakarta, Monday–Friday 08:00–16:00, no holidays that month)
 * and five SKM answers, worked out by hand below. The dashboard JSON, its CSV, the IKM API and the staff SKM report
 * must all show the hand-computed figures.
 */
let t: TestApp;
let supervisor: StaffHeaders;
let outboxDir: string;
const codes: string[] = [];
let requestCode = '';
let passportToken = '';
const wib = (date: string, hour: number, minute = 0) =>
  new Date(`${date}T${String(hour - 7).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`);
const today = localDay('Asia/Jakarta', new Date());
const period = { from: '2026-10-01', to: today };
const query = `officeCode=TST&from=${period.from}&to=${period.to}`;

// The five-respondent example of ikm.test.ts: NRR 3.40 2.80 2.40 4.00 3.20 3.40 3.80 3.20 2.60, IKM 80.00 (B).
const RESPONSES = [
  [3, 3, 2, 4, 3, 3, 4, 3, 2],
  [4, 3, 3, 4, 3, 4, 4, 3, 3],
  [3, 2, 2, 4, 3, 3, 3, 3, 2],
  [3, 3, 3, 4, 4, 3, 4, 4, 3],
  [4, 3, 2, 4, 3, 4, 4, 3, 3],
].map((scores) => Object.fromEntries(scores.map((s, i) => [`u${i + 1}`, s])));
const HAND_NRR = { u1: 3.4, u2: 2.8, u3: 2.4, u4: 4, u5: 3.2, u6: 3.4, u7: 3.8, u8: 3.2, u9: 2.6 };

async function drain(): Promise<void> {
  for (let i = 0; i < 10; i++) {
    const summary = await runDueJobs({ db: t.db, dialect: t.database.dialect, config: t.config });
    if (summary.claimed === 0) return;
  }
}

async function resolve(code: string, at: Date) {
  await transitionCase(t.db, STAFF, code, { to: 'resolved' }, at);
}

beforeAll(async () => {
  outboxDir = path.join(mkdtempSync(path.join(tmpdir(), 'loket-skm-')), 'mail-outbox');
  const base = buildConfig();
  t = await createTestApp({ publicUrl: 'https://loket.example.go.id', mail: { ...base.mail, outboxDir } });
  await saveMailSettings(t.db, await officeIdOf(t.db, 'TST'), { address: 'informasi@tst.example.go.id' });
  supervisor = await staffOf(t, 'supervisor');

  // Seven cases received Monday 5 October 2026, 09:00 WIB: six complaints on the web (category antrean), one
  // confidential request by e-mail (category biaya: never counted by category).
  const received = wib('2026-10-05', 9);
  for (let i = 0; i < 6; i++) codes.push((await buildCase(t.db, {}, received)).case.trackingCode);
  requestCode = (
    await buildCase(
      t.db,
      { type: 'request', channel: 'email', categoryCode: 'biaya', confidential: true },
      received,
    )
  ).case.trackingCode;

  // First replies at 11:00 the same day: 2 working hours → 1 working day (rounded up); due in 3 → met.
  for (const code of codes) {
    const found = (await findCaseByTrackingCode(t.db, code))!;
    await addStaffMessage(
      t.db,
      STAFF,
      found,
      { kind: 'public_reply', body: 'Kami sedang memeriksanya.' },
      wib('2026-10-05', 11),
    );
    await transitionCase(t.db, STAFF, code, { to: 'in_progress' }, wib('2026-10-05', 11, 5));
  }
  // Resolutions, in working days from Mon 09:00 (8 working hours a day, rounded up):
  //   C1, C2 Wed 7 Oct 10:00: 7 + 8 + 2 = 17 h → 2.125 → 3
  //   C3 Wed 7 Oct 10:00, reopened Thu 8 Oct, resolved again Fri 9 Oct 10:00: 7 + 8·3 + 2 = 33 h → 4.125 → 5
  //   C4, C5 Mon 19 Oct 10:00: 7 + 32 + 40 + 2 = 81 h → 10.125 → 11 (due in 14: met)
  //   C6 Fri 30 Oct 15:00: 7 + 32 + 40 + 40 + 32 + 7 = 158 h → 19.75 → 20 (due in 14: missed)
  for (const code of codes.slice(0, 3)) await resolve(code, wib('2026-10-07', 10));
  await transitionCase(t.db, CITIZEN_ACTOR, codes[2]!, { to: 'in_progress' }, wib('2026-10-08', 9));
  await resolve(codes[2]!, wib('2026-10-09', 10));
  await resolve(codes[3]!, wib('2026-10-19', 10));
  await resolve(codes[4]!, wib('2026-10-19', 10));
  await resolve(codes[5]!, wib('2026-10-30', 15));

  // One passport application (fewer than five: suppressed in public).
  await applyRecords(
    t.db,
    SYSTEM_ACTOR,
    await officeIdOf(t.db, 'TST'),
    [
      {
        applicationNumber: 'TST2610000001',
        applicantName: 'Budi Contoh',
        birthDate: '1990-01-01',
        passportKind: 'electronic',
        validityYears: 10,
        service: 'new',
        speed: 'regular',
        stage: 'booked',
        stageAt: wib('2026-10-06', 9).toISOString(),
      },
    ],
    { source: 'demo', now: wib('2026-10-06', 9) },
  );
  await drain();
});

describe('after resolving a case', () => {
  it('e-mails the citizen a one-time survey link that counts once', async () => {
    const files = readdirSync(outboxDir).filter((f) => f.endsWith('.eml'));
    const mails = await Promise.all(files.map((f) => simpleParser(readFileSync(path.join(outboxDir, f)))));
    const resolved = mails.find((m) => m.subject?.includes(codes[0]!) && /selesaikan/.test(m.subject ?? ''));
    expect(resolved, 'resolution e-mail').toBeDefined();
    const link = /https:\/\/loket\.example\.go\.id\/survey\/([A-Za-z0-9_~-]+)/.exec(resolved!.text ?? '');
    expect(link).not.toBeNull();
    const token = link![1]!;
    const answer = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/surveys/skm', payload });
    const first = await answer({ officeCode: 'TST', serviceCode: 'paspor', answers: RESPONSES[0], token });
    expect(first.statusCode).toBe(201);
    const again = await answer({ officeCode: 'TST', serviceCode: 'paspor', answers: RESPONSES[0], token });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('survey_already_answered');
    // The stored answer has no case, no time and no address.
    const row = await t.db
      .selectFrom('skm_responses')
      .selectAll()
      .where('id', '=', first.json().id)
      .executeTakeFirstOrThrow();
    expect(Object.keys(row).sort()).toEqual(
      [
        'age_band',
        'day',
        'education',
        'id',
        'language',
        'occupation',
        'office_id',
        'service_code',
        'sex',
        'source',
        'u1',
        'u2',
        'u3',
        'u4',
        'u5',
        'u6',
        'u7',
        'u8',
        'u9',
      ].sort(),
    );
    expect(row.source).toBe('case');
  });

  it('after a passport is collected too, and the answer counts for the applicant’s office', async () => {
    const officeId = await officeIdOf(t.db, 'TST');
    const application = {
      applicationNumber: 'TST2610000002',
      applicantName: 'Sari Contoh',
      birthDate: '1991-02-03',
      passportKind: 'electronic' as const,
      validityYears: 10,
      service: 'new' as const,
      speed: 'regular' as const,
      contactEmail: 'sari@example.com',
      contactConsent: true,
      language: 'en' as const,
    };
    const at = wib('2026-10-12', 9);
    await applyRecords(
      t.db,
      SYSTEM_ACTOR,
      officeId,
      [{ ...application, stage: 'ready_for_pickup', stageAt: at.toISOString() }],
      { source: 'demo', now: at },
    );
    const later = wib('2026-10-13', 10);
    await applyRecords(
      t.db,
      SYSTEM_ACTOR,
      officeId,
      [{ ...application, stage: 'collected', stageAt: later.toISOString() }],
      { source: 'demo', now: later },
    );
    const seen = new Set(readdirSync(outboxDir));
    await drain();
    const fresh = readdirSync(outboxDir).filter((f) => !seen.has(f) && f.endsWith('.eml'));
    const mails = await Promise.all(fresh.map((f) => simpleParser(readFileSync(path.join(outboxDir, f)))));
    const collected = mails.find((m) => /Passport collected/.test(m.subject ?? ''));
    expect(collected, 'collected e-mail').toBeDefined();
    const token = /\/survey\/([A-Za-z0-9_-]{68})/.exec(collected!.text ?? '')?.[1];
    expect(token).toBeDefined();
    // Answered below as part of the five (the third hand-worked response), so the figures stay the same.
    passportToken = token!;
  });

  it('takes four more answers through the API, and refuses bad ones with codes', async () => {
    for (const [i, answers] of RESPONSES.entries()) {
      if (i === 0) continue;
      // The third comes through the link the passport-collection e-mail gave.
      const token = i === 2 ? passportToken : undefined;
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/surveys/skm',
        payload: {
          officeCode: 'TST',
          serviceCode: 'paspor',
          answers,
          profile: { ageBand: '30_39', sex: 'female' },
          ...(token && { token }),
        },
      });
      expect(response.statusCode).toBe(201);
    }
    expect(passportToken).not.toBe('');
    const reused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/surveys/skm',
      payload: { officeCode: 'TST', serviceCode: 'paspor', answers: RESPONSES[2], token: passportToken },
    });
    expect(reused.statusCode).toBe(409);
    expect(reused.json().code).toBe('survey_already_answered');
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/surveys/skm',
      payload: { officeCode: 'TST', serviceCode: 'paspor', answers: { ...RESPONSES[0], u3: 5 } },
    });
    expect(bad.statusCode).toBe(400);
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/surveys/skm',
      payload: { officeCode: 'TST', serviceCode: 'visa', answers: RESPONSES[0] },
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().code).toBe('unknown_service');
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/v1/surveys/skm',
      payload: { officeCode: 'TST', serviceCode: 'paspor', answers: RESPONSES[0], token: 'v1~abc~def~ghi' },
    });
    expect(forged.statusCode).toBe(404);
  });

  it('keeps the per-case rating on the case, for staff', async () => {
    const found = (await findCaseByTrackingCode(t.db, codes[1]!))!;
    await giveCaseFeedback(t.db, CITIZEN_ACTOR, found, { rating: 4, comment: 'Cepat dan jelas.' });
    await expect(giveCaseFeedback(t.db, CITIZEN_ACTOR, found, { rating: 5 })).rejects.toMatchObject({
      code: 'feedback_not_allowed',
    });
    const open = (await findCaseByTrackingCode(t.db, requestCode))!;
    await expect(giveCaseFeedback(t.db, CITIZEN_ACTOR, open, { rating: 5 })).rejects.toMatchObject({
      code: 'feedback_not_allowed',
    });
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/v1/staff/cases/${codes[1]}/feedback`,
      headers: supervisor,
    });
    expect(read.json().feedback).toMatchObject({ rating: 4, comment: 'Cepat dan jelas.' });
  });
});

describe('the figures agree with a hand computation, everywhere', () => {
  it('IKM API', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/transparency/ikm?${query}` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      respondents: 5,
      nrr: HAND_NRR,
      ikm: 80,
      category: 'B',
      label: 'Baik',
    });
    const tooEarly = await t.app.inject({
      method: 'GET',
      url: '/api/v1/transparency/ikm?officeCode=TST&from=2026-01-01&to=2026-09-30',
    });
    expect(tooEarly.json()).toMatchObject({ respondents: null, ikm: null });
  });

  it('dashboard JSON', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/transparency/dashboard?${query}`,
      headers: { 'accept-language': 'en' },
    });
    expect(response.statusCode).toBe(200);
    const d = response.json();
    expect(d.licence.name).toBe('CC BY 4.0');
    expect(d.received.total).toBe(7);
    expect(d.received.byType).toEqual([
      { key: 'complaint', label: 'Complaint', n: 6 },
      { key: 'request', label: 'Request for information', n: null },
    ]);
    expect(d.received.byChannel).toEqual([
      { key: 'web', label: 'Website', n: 6 },
      { key: 'email', label: 'E-mail', n: null },
    ]);
    // The confidential request is not counted by category at all.
    expect(d.received.byCategory).toHaveLength(1);
    expect(d.received.byCategory[0]).toMatchObject({ label: 'Passport – Queue', n: 6 });
    expect(d.firstResponse).toEqual({ cases: 6, medianDays: 1, p90Days: 1 });
    // Resolution days 3, 3, 5, 11, 11, 20: median = 3rd of 6 = 5, p90 = 6th of 6 = 20.
    expect(d.resolution).toEqual({ cases: 6, medianDays: 5, p90Days: 20 });
    expect(d.sla.firstResponse).toEqual({ total: 6, met: 6, percent: 100 });
    expect(d.sla.resolution).toEqual({ total: 6, met: 5, percent: 83.3 });
    expect(d.resolved).toEqual({ total: 7, met: 6, percent: 85.7 });
    expect(d.ikm).toMatchObject({ respondents: 5, nrr: HAND_NRR, ikm: 80, category: 'B', label: 'Baik' });
    const quarter = d.ikm.trend.find((q: { quarter: string }) => q.quarter === '2026-Q4');
    if (quarter) expect(quarter).toMatchObject({ respondents: 5, ikm: 80, category: 'B' });
    // One application booked, one ready then collected: every stage under five, so suppressed, in stage order.
    expect(d.passports.byStage).toEqual([
      { key: 'booked', label: 'Booked (appointment made)', n: null },
      { key: 'ready_for_pickup', label: 'Passport ready for collection', n: null },
      { key: 'collected', label: 'Passport collected', n: null },
    ]);
  });

  it('CSV holds the same values as the JSON', async () => {
    const json = (
      await t.app.inject({ method: 'GET', url: `/api/v1/transparency/dashboard?${query}` })
    ).json();
    const csv = await t.app.inject({ method: 'GET', url: `/api/v1/transparency/dashboard.csv?${query}` });
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows = csv.body
      .trim()
      .split('\r\n')
      .map((line) => line.split(','));
    expect(rows[0]).toEqual(['office', 'period_from', 'period_to', 'section', 'key', 'label', 'value']);
    const cell = (section: string, key: string) => rows.find((r) => r[3] === section && r[4] === key)?.[6];
    expect(cell('received', 'total')).toBe(String(json.received.total));
    expect(cell('received_by_type', 'request')).toBe('');
    expect(cell('resolution', 'median_working_days')).toBe('5');
    expect(cell('resolution', 'p90_working_days')).toBe('20');
    expect(cell('sla_resolution', 'percent')).toBe('83.3');
    expect(cell('resolved', 'percent')).toBe('85.7');
    expect(cell('ikm', 'ikm')).toBe('80');
    expect(cell('ikm', 'category')).toBe('B');
    for (const [element, nrr] of Object.entries(HAND_NRR)) expect(cell('ikm_nrr', element)).toBe(String(nrr));
  });

  it('the staff SKM report, as JSON, XLSX and PDF, with the follow-up plan', async () => {
    const plan = 'Unsur waktu penyelesaian (U3) terendah: tambah petugas loket pada Senin pagi.';
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/staff/surveys/follow-up',
      headers: supervisor,
      payload: { from: period.from, to: period.to, plan },
    });
    expect(saved.statusCode).toBe(200);
    const report = await t.app.inject({
      method: 'GET',
      url: `/api/v1/staff/surveys/report?from=${period.from}&to=${period.to}`,
      headers: supervisor,
    });
    expect(report.statusCode).toBe(200);
    const r = report.json();
    expect(r.overall).toMatchObject({ respondents: 5, nrr: HAND_NRR, ikm: 80, category: 'B', label: 'Baik' });
    expect(r.lowest.map((l: { element: string }) => l.element)).toEqual(['u3', 'u9', 'u2']);
    expect(r.services).toEqual([expect.objectContaining({ serviceCode: 'paspor' })]);
    expect(r.followUp.plan).toBe(plan);

    const xlsx = await t.app.inject({
      method: 'GET',
      url: `/api/v1/staff/surveys/report?from=${period.from}&to=${period.to}&format=xlsx`,
      headers: supervisor,
    });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const values: unknown[][] = [];
    book.worksheets[0]!.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    expect(values.find((row) => String(row[0]).startsWith('IKM'))?.[1]).toBe(80);
    expect(values.find((row) => String(row[0]).startsWith('U3'))?.[1]).toBe(2.4);
    expect(values.some((row) => row[0] === plan)).toBe(true);

    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/v1/staff/surveys/report?from=${period.from}&to=${period.to}&format=pdf`,
      headers: supervisor,
    });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('lets only supervisors write the plan', async () => {
    const auditor = await staffOf(t, 'auditor');
    const denied = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/staff/surveys/follow-up',
      headers: auditor,
      payload: { from: period.from, to: period.to, plan: 'x' },
    });
    expect(denied.statusCode).toBe(403);
  });
});

describe('aggregates', () => {
  it('a reopened case takes back exactly what its resolution added', async () => {
    const before = await t.db
      .selectFrom('transparency_daily')
      .select(['day', 'metric', 'bucket', 'n'])
      .where('metric', 'in', ['resolution', 'sla_resolution', 'resolved_cohort'])
      .orderBy('day')
      .orderBy('metric')
      .orderBy('bucket')
      .execute();
    await transitionCase(t.db, STAFF, codes[5]!, { to: 'in_progress' }, wib('2026-11-02', 9));
    const reopened = await t.app.inject({ method: 'GET', url: `/api/v1/transparency/dashboard?${query}` });
    expect(reopened.json().resolved).toMatchObject({ met: 5 });
    await resolve(codes[5]!, wib('2026-10-30', 15));
    const after = await t.db
      .selectFrom('transparency_daily')
      .select(['day', 'metric', 'bucket', 'n'])
      .where('metric', 'in', ['resolution', 'sla_resolution', 'resolved_cohort'])
      .orderBy('day')
      .orderBy('metric')
      .orderBy('bucket')
      .execute();
    expect(after.map((r) => ({ ...r, n: Number(r.n) }))).toEqual(
      before.map((r) => ({ ...r, n: Number(r.n) })),
    );
  });

  it('keeps the month rows equal to the sum of the day rows', async () => {
    const daily = await t.db
      .selectFrom('transparency_daily')
      .select(['day', 'metric', 'bucket', 'n'])
      .execute();
    const expected = new Map<string, number>();
    for (const r of daily) {
      const key = `${r.day.slice(0, 7)}|${r.metric}|${r.bucket}`;
      expected.set(key, (expected.get(key) ?? 0) + Number(r.n));
    }
    const monthly = await t.db
      .selectFrom('transparency_monthly')
      .select(['month', 'metric', 'bucket', 'n'])
      .execute();
    expect(new Map(monthly.map((r) => [`${r.month}|${r.metric}|${r.bucket}`, Number(r.n)]))).toEqual(
      expected,
    );
  });

  it('reads whole months from month rows and the partial ends from day rows', () => {
    expect(splitPeriod('2026-01-01', '2026-12-31').months).toHaveLength(12);
    expect(splitPeriod('2026-01-15', '2026-03-10')).toEqual({
      months: ['2026-02'],
      days: [
        ['2026-01-15', '2026-01-31'],
        ['2026-03-01', '2026-03-10'],
      ],
    });
    expect(splitPeriod('2026-02-01', '2026-02-28')).toEqual({ months: ['2026-02'], days: [] });
    expect(splitPeriod('2024-02-01', '2024-02-28')).toEqual({
      months: [],
      days: [['2024-02-01', '2024-02-28']],
    });
    expect(splitPeriod('2026-12-20', '2027-01-05').days).toEqual([
      ['2026-12-20', '2026-12-31'],
      ['2027-01-01', '2027-01-05'],
    ]);
  });

  it('limits answers per client address', async () => {
    let last = 201;
    for (let i = 0; i < 12 && last !== 429; i++) {
      last = (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/surveys/skm',
          remoteAddress: '10.9.8.7',
          payload: { officeCode: 'TST', serviceCode: 'paspor', answers: RESPONSES[0] },
        })
      ).statusCode;
    }
    expect(last).toBe(429);
  });
});
