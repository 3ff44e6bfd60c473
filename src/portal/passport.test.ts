import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../server/events/catalogue.js';
import { applyRecords } from '../server/modules/passports/apply.js';
import { createTestApp, officeIdOf, type TestApp } from '../test-support/factories.js';
import { hiddenValue, receiptOf, Visitor } from '../test-support/portal-client.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  const officeId = await officeIdOf(t.db, 'TST');
  await applyRecords(
    t.db,
    SYSTEM_ACTOR,
    officeId,
    [
      {
        applicationNumber: 'TST2611000042',
        applicantName: 'Rina Rekaan',
        birthDate: '1992-05-09',
        passportKind: 'electronic',
        validityYears: 10,
        service: 'new',
        speed: 'regular',
        appointmentDate: '2026-11-20',
        stage: 'ready_for_pickup',
        stageAt: '2026-11-26T03:00:00.000Z',
      },
    ],
    { source: 'demo', now: new Date() },
  );
});

describe('the passport status page', () => {
  it('shows the stage in plain words and what to bring, after a POST with CSRF', async () => {
    const visitor = new Visitor(t.app, { 'accept-language': 'en' });
    const form = await visitor.get('/passport');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Check a passport application');
    const answer = await visitor.post('/passport', {
      number: 'tst2611000042',
      day: '9',
      month: '5',
      year: '1992',
    });
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toContain('Passport ready for collection');
    expect(answer.body).toContain('with your payment receipt');
    expect(answer.body).toContain('R. R.');
    expect(answer.body).not.toContain('Rina');
    // The language switch re-posts the question rather than putting it in a link.
    expect(answer.body).not.toMatch(/href="[^"]*1992/);
  });

  it('answers a wrong combination with the one generic message, and checks the form', async () => {
    const visitor = new Visitor(t.app, { 'accept-language': 'en' });
    await visitor.get('/passport');
    const wrong = await visitor.post('/passport', {
      number: 'TST2611000042',
      day: '10',
      month: '5',
      year: '1992',
    });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.body).toContain('We could not find an application with that number and date of birth');
    const invalid = await visitor.post('/passport', { number: '', day: '31', month: '2', year: '1992' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('Enter a real date of birth');
    const noCsrf = await visitor.post(
      '/passport',
      { number: 'TST2611000042', day: '9', month: '5', year: '1992' },
      [],
      null,
    );
    expect(noCsrf.statusCode).toBe(403);
  });

  it('links a complaint to the application number the citizen gives', async () => {
    const visitor = new Visitor(t.app, { 'accept-language': 'en' });
    await visitor.get('/submit/complaint');
    const fields = {
      category: 'antrean',
      subject: 'Passport not ready',
      description: 'It is past the expected date.',
      email: 'warga@example.com',
      consent: '1',
    };
    const wrong = await visitor.post('/submit/complaint', { ...fields, passport_number: '#?' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('An application number has only letters and digits');
    const summary = await visitor.post('/submit/complaint', { ...fields, passport_number: 'TST2611000042' });
    expect(summary.statusCode).toBe(200);
    expect(summary.body).toContain('TST2611000042');
    const draft = hiddenValue(summary.body, 'draft');
    const sent = await visitor.post('/submit/complaint/send', { draft, action: 'send' });
    expect(sent.statusCode).toBe(201);
    const { code } = receiptOf(sent.body);
    const link = await t.db
      .selectFrom('passport_case_links as l')
      .innerJoin('cases as c', 'c.id', 'l.case_id')
      .innerJoin('passport_applications as a', 'a.id', 'l.application_id')
      .select('a.application_number')
      .where('c.tracking_code', '=', code)
      .executeTakeFirst();
    expect(link?.application_number).toBe('TST2611000042');
  });

  it('is offered on the home page', async () => {
    const visitor = new Visitor(t.app, { 'accept-language': 'id' });
    expect((await visitor.get('/')).body).toContain('href="/passport"');
  });
});
