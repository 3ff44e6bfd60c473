import { beforeAll, describe, expect, it } from 'vitest';
import { findCaseByTrackingCode } from '../server/modules/cases/storage.js';
import { transitionCase } from '../server/modules/cases/transition-case.js';
import { SKM_ELEMENTS } from '../server/modules/surveys/ikm.js';
import { caseSurveyUrl } from '../server/modules/surveys/invitations.js';
import { buildCase, createTestApp, STAFF, type TestApp } from '../test-support/factories.js';
import { hiddenValue, Visitor } from '../test-support/portal-client.js';

let t: TestApp;
let resolved: { code: string; key: string };

const allAnswers = (score: string) => Object.fromEntries(SKM_ELEMENTS.map((e) => [e, score]));

async function skmRespondents(): Promise<number> {
  const row = await t.db
    .selectFrom('skm_daily')
    .select((eb) => eb.fn.sum<number>('respondents').as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

beforeAll(async () => {
  t = await createTestApp();
  const made = await buildCase(t.db);
  await transitionCase(t.db, STAFF, made.case.trackingCode, { to: 'in_progress' });
  await transitionCase(t.db, STAFF, made.case.trackingCode, { to: 'resolved' });
  resolved = { code: made.case.trackingCode, key: made.accessKey };
});

describe('the SKM questionnaire (no JavaScript needed)', () => {
  it('shows nine questions with the standard answers and checks every one', async () => {
    const visitor = new Visitor(t.app);
    const page = await visitor.get('/survey');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Survei Kepuasan Masyarakat');
    for (const e of SKM_ELEMENTS) expect(page.body).toContain(`name="${e}" value="4"`);
    expect(page.body).toContain('Sangat sesuai');
    expect(page.body).toContain('Dikelola dengan baik');
    const missing = await visitor.post('/survey', { service: 'paspor', ...allAnswers('3'), u7: '' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('href="#f-u7"');
    expect(missing.body).toContain('value="3" checked');
    const before = await skmRespondents();
    const sent = await visitor.post('/survey', { service: 'paspor', ...allAnswers('3'), ageBand: '30_39' });
    expect(sent.statusCode).toBe(201);
    expect(sent.body).toContain('Terima kasih atas penilaian Anda');
    expect(await skmRespondents()).toBe(before + 1);
  });

  it('refuses a form without the CSRF token', async () => {
    const visitor = new Visitor(t.app);
    await visitor.get('/survey');
    const forged = await visitor.post('/survey', { service: 'paspor', ...allAnswers('4') }, [], null);
    expect(forged.statusCode).toBe(403);
  });
});

describe('a resolved case', () => {
  it('shows the one-time survey link and the rating form on its status page, then the rating', async () => {
    const visitor = new Visitor(t.app, { 'accept-language': 'en' });
    await visitor.get('/status');
    const page = await visitor.post('/status', resolved);
    expect(page.body).toContain('Answer the satisfaction survey');
    const link = /href="(\/survey\/[A-Za-z0-9_~-]+)"/.exec(page.body)?.[1];
    expect(link).toBeDefined();

    const survey = await visitor.get(link!);
    expect(survey.statusCode).toBe(200);
    expect(survey.body).toContain('Service: Passport');
    const sent = await visitor.post(link!, allAnswers('4'));
    expect(sent.statusCode).toBe(201);
    const twice = await visitor.post(link!, allAnswers('4'));
    expect(twice.statusCode).toBe(409);
    expect((await visitor.get(link!)).body).toContain('This survey has been answered');

    await visitor.get('/status');
    const after = await visitor.post('/status', resolved);
    expect(after.body).toContain('the satisfaction survey for this report has been answered');
    const noRating = await visitor.post('/status/feedback', { ...resolved });
    expect(noRating.statusCode).toBe(400);
    expect(noRating.body).toContain('Choose a rating from 1 to 5');
    const rated = await visitor.post('/status/feedback', {
      ...resolved,
      rating: '5',
      comment: 'Terima kasih',
    });
    expect(rated.statusCode).toBe(200);
    expect(rated.body).toContain('Your rating: 5 out of 5.');
    const found = (await findCaseByTrackingCode(t.db, resolved.code))!;
    const feedback = await t.db
      .selectFrom('case_feedback')
      .selectAll()
      .where('case_id', '=', found.id)
      .executeTakeFirst();
    expect(feedback).toMatchObject({ rating: 5, comment: 'Terima kasih' });
  });

  it('shows no survey for a case that is not resolved, and a friendly page for a bad link', async () => {
    const open = await buildCase(t.db);
    const visitor = new Visitor(t.app);
    await visitor.get('/status');
    const page = await visitor.post('/status', { code: open.case.trackingCode, key: open.accessKey });
    expect(page.body).not.toContain('/survey/');
    const bad = await visitor.get('/survey/v1~nonsense~token~here');
    expect(bad.statusCode).toBe(404);
    expect(bad.body).toContain('Tautan survei tidak berlaku');
    // A well-made link for a case that does not exist (deleted, or another installation's) is not valid either.
    const ghost = new URL(
      caseSurveyUrl(t.config, { id: '0192f000-0000-7000-8000-000000000000', language: 'id' }),
    ).pathname;
    expect((await visitor.get(ghost)).statusCode).toBe(404);
  });
});

describe('the counter kiosk', () => {
  it('takes one answer per session and starts over by itself', async () => {
    const visitor = new Visitor(t.app);
    const page = await visitor.get('/kiosk');
    expect(page.body).toContain('class="kiosk"');
    expect(page.body).toMatch(/<meta http-equiv="refresh" content="120;url=\/kiosk">/);
    expect(page.body).not.toContain('name="ageBand"');
    const session = hiddenValue(page.body, 'session');
    const sent = await visitor.post('/kiosk', { session, service: 'paspor', ...allAnswers('2') });
    expect(sent.statusCode).toBe(201);
    expect(sent.body).toMatch(/content="8;url=\/kiosk"/);
    const replay = await visitor.post('/kiosk', { session, service: 'paspor', ...allAnswers('1') });
    expect(replay.statusCode).toBe(409);
    const next = await visitor.get('/kiosk');
    expect(hiddenValue(next.body, 'session')).not.toBe(session);
  });
});

describe('/transparansi', () => {
  it('renders charts with tables, the open-data links and the suppression note, without JavaScript', async () => {
    const visitor = new Visitor(t.app, { 'accept-language': 'en' });
    const page = await visitor.get('/transparansi?from=2026-01-01&to=2026-12-31');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Performance transparency');
    expect(page.body).toContain('<table class="data">');
    expect(page.body).toContain(
      '/api/v1/transparency/dashboard.csv?officeCode=TST&amp;from=2026-01-01&amp;to=2026-12-31',
    );
    expect(page.body).toContain('fewer than 5');
    expect(page.body).toContain('CC BY 4.0');
    expect(page.body).not.toMatch(/<script(?![^>]*src=)/);
    expect(page.body).not.toMatch(/style="/);
    const invalid = await visitor.get('/transparansi?from=2026-13-01');
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('The period is not valid');
    const home = await visitor.get('/');
    expect(home.body).toContain('href="/transparansi"');
  });
});
