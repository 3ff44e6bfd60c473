import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ParsedMail, simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from '../../../test-support/engine.js';
import { buildConfig, createTestApp, officeIdOf, type TestApp } from '../../../test-support/factories.js';
import { SYSTEM_ACTOR } from '../../events/catalogue.js';
import { runDueJobs } from '../../jobs/worker.js';
import { type ApplicationInput, applyRecords } from './apply.js';

let t: TestApp;
let officeId: string;
let outboxDir: string;
let seen = 0;

beforeAll(async () => {
  outboxDir = path.join(mkdtempSync(path.join(tmpdir(), 'loket-passport-notify-')), 'mail-outbox');
  const base = buildConfig();
  t = await createTestApp({
    publicUrl: 'https://loket.example.go.id',
    mail: { ...base.mail, outboxDir, from: 'noreply@loket.example.go.id' },
  });
  officeId = await officeIdOf(t.db, 'TST');
});

async function drain(): Promise<void> {
  for (let i = 0; i < 10; i++) {
    const summary = await runDueJobs({ db: t.db, dialect: t.database.dialect, config: t.config });
    expect(summary.failed).toBe(0);
    if (summary.claimed === 0) return;
  }
}

async function newMail(): Promise<ParsedMail[]> {
  let files: string[] = [];
  try {
    files = readdirSync(outboxDir)
      .filter((f) => f.endsWith('.eml'))
      .sort();
  } catch {}
  const fresh = files.slice(seen);
  seen = files.length;
  return Promise.all(fresh.map((f) => simpleParser(readFileSync(path.join(outboxDir, f)))));
}

const unsubscribeHeader = (mail: ParsedMail) =>
  mail.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '';

const record = (overrides: Partial<ApplicationInput>): ApplicationInput => ({
  applicationNumber: 'TST2611000001',
  applicantName: 'Joko Sampel',
  birthDate: '1980-01-01',
  passportKind: 'electronic',
  validityYears: 10,
  service: 'new',
  speed: 'regular',
  appointmentDate: '2026-11-23',
  stage: 'booked',
  stageAt: '2026-11-23T01:00:00.000Z',
  contactEmail: 'joko@example.com',
  contactConsent: true,
  language: 'en',
  ...overrides,
});

const apply = (input: ApplicationInput) =>
  t.db
    .transaction()
    .execute((trx) => applyRecords(trx, SYSTEM_ACTOR, officeId, [input], { source: 'api', now: new Date() }));

describe(`applicant notifications on ${ENGINE}`, () => {
  it('e-mails a consenting applicant about a stage change, with what to do and an unsubscribe link', async () => {
    await apply(record({}));
    await drain();
    expect(await newMail()).toHaveLength(0); // creation is not a stage change
    await apply(
      record({
        stage: 'needs_documents',
        stageAt: '2026-11-23T03:00:00.000Z',
        stageNote: 'Original birth certificate',
      }),
    );
    await drain();
    const [mail, ...rest] = await newMail();
    expect(rest).toHaveLength(0);
    expect(mail!.to).toMatchObject({ text: 'joko@example.com' });
    expect(mail!.subject).toBe('[TST2611000001] Your passport application: Documents missing');
    expect(mail!.text).toContain('Original birth certificate');
    expect(mail!.text).toContain('https://loket.example.go.id/passport');
    expect(mail!.text).not.toContain('Joko');
    expect(unsubscribeHeader(mail!)).toContain('/passport/unsubscribe?id=');
  });

  it('writes to nobody who did not consent or left no address', async () => {
    await apply(record({ applicationNumber: 'TST2611000002', contactConsent: false }));
    await apply(
      record({
        applicationNumber: 'TST2611000002',
        contactConsent: false,
        stage: 'paid',
        stageAt: '2026-11-23T04:00:00.000Z',
      }),
    );
    await apply(record({ applicationNumber: 'TST2611000003', contactEmail: null }));
    await apply(
      record({
        applicationNumber: 'TST2611000003',
        contactEmail: null,
        stage: 'paid',
        stageAt: '2026-11-23T04:00:00.000Z',
      }),
    );
    await drain();
    expect(await newMail()).toHaveLength(0);
  });

  it('stops after the applicant unsubscribes', async () => {
    await apply(record({ applicationNumber: 'TST2611000004' }));
    await apply(
      record({ applicationNumber: 'TST2611000004', stage: 'paid', stageAt: '2026-11-23T04:00:00.000Z' }),
    );
    await drain();
    const [mail] = await newMail();
    const link = /<([^>]+)>/.exec(unsubscribeHeader(mail!))![1]!;
    const url = new URL(link);
    const question = await t.app.inject({ method: 'GET', url: `${url.pathname}${url.search}` });
    expect(question.statusCode).toBe(200);
    const done = await t.app.inject({
      method: 'POST',
      url: `${url.pathname}${url.search}`,
      payload: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(done.statusCode).toBe(200);
    // The office's next export still says "consented": the applicant's choice is not overwritten by it.
    await apply(
      record({
        applicationNumber: 'TST2611000004',
        stage: 'biometrics_taken',
        stageAt: '2026-11-23T05:00:00.000Z',
        contactConsent: undefined,
      }),
    );
    await drain();
    expect(await newMail()).toHaveLength(0);
    const forged = await t.app.inject({
      method: 'GET',
      url: `${url.pathname}?id=${url.searchParams.get('id')}&token=xxxx`,
    });
    expect(forged.statusCode).toBe(404);
  });
});
