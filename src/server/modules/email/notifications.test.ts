import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ParsedMail, simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildConfig,
  createTestApp,
  officeIdOf,
  type StaffHeaders,
  staffOf,
  type TestApp,
} from '../../../test-support/factories.js';
import { runDueJobs } from '../../jobs/worker.js';
import { unsubscribeToken } from './links.js';
import { hasOptedOut, optOut, saveMailSettings } from './storage.js';

/**
 * Citizen notifications for cases from the portal and the API, read back from the outbox folder (no
 * LOKET_SMTP_URL), the way a newcomer would see them.
 */
let t: TestApp;
let supervisor: StaffHeaders;
let outboxDir: string;
let seen = 0;

beforeAll(async () => {
  outboxDir = path.join(mkdtempSync(path.join(tmpdir(), 'loket-notify-')), 'mail-outbox');
  const base = buildConfig();
  t = await createTestApp({
    publicUrl: 'https://loket.example.go.id',
    mail: { ...base.mail, outboxDir, from: 'noreply@loket.example.go.id' },
  });
  await saveMailSettings(t.db, await officeIdOf(t.db, 'TST'), { address: 'informasi@tst.example.go.id' });
  supervisor = await staffOf(t, 'supervisor');
});

async function drain(): Promise<void> {
  for (let i = 0; i < 10; i++) {
    const summary = await runDueJobs({ db: t.db, dialect: t.database.dialect, config: t.config });
    expect(summary.failed).toBe(0);
    if (summary.claimed === 0) return;
  }
}

/** The messages written since the last call, oldest first. */
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

const accessKeys = new Map<string, string>();

async function submit(payload: Record<string, unknown>): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    payload: {
      type: 'complaint',
      officeCode: 'TST',
      categoryCode: 'antrean',
      subject: 'Antrean <b>terlalu</b> lama',
      description: 'Saya menunggu tiga jam.',
      ...payload,
    },
  });
  expect(response.statusCode).toBe(201);
  accessKeys.set(response.json().trackingCode, response.json().accessKey);
  return response.json().trackingCode;
}

async function staff(method: 'POST', url: string, payload: object) {
  const response = await t.app.inject({ method, url: `/api/v1/staff${url}`, headers: supervisor, payload });
  expect(response.statusCode).toBeLessThan(300);
  return response.json();
}

describe('citizen notifications', () => {
  let code: string;

  it('sends a receipt for a portal/API case without the access key, which the citizen saw on screen', async () => {
    code = await submit({ contact: { name: 'Budi', email: 'budi@example.com' }, language: 'en' });
    await drain();
    const [receipt, ...more] = await newMail();
    expect(more).toEqual([]);
    expect(receipt!.to).toMatchObject({ value: [{ address: 'budi@example.com' }] });
    expect(receipt!.subject).toBe(`[${code}] We received your report: Antrean <b>terlalu</b> lama`);
    expect(receipt!.text).toContain('Use this code with the access key shown when you submitted');
    expect(receipt!.text).not.toMatch(/access key: [0-9A-Z]{4}-/);
    expect(receipt!.html).toContain('Antrean &lt;b&gt;terlalu&lt;/b&gt; lama');
    expect(receipt!.messageId).toMatch(/@tst\.example\.go\.id>$/);
    // The thread starts at a root that names the case, so every later message threads under it.
    expect(receipt!.references).toBe(`<case.${await caseId(code)}@tst.example.go.id>`);
  });

  it('tells the citizen about status changes made by staff, with the reason, threaded', async () => {
    const version = (await staff('POST', `/cases/${code}/transitions`, { to: 'in_progress', version: 1 }))
      .version;
    await staff('POST', `/cases/${code}/transitions`, {
      to: 'waiting_on_citizen',
      reason: 'Please send your application number.',
      version,
    });
    await drain();
    // Jobs may run side by side, so the two messages can be written in either order.
    const mails = (await newMail()).sort((a, b) => (a.subject ?? '').localeCompare(b.subject ?? ''));
    expect(mails.map((m) => m.subject)).toEqual([
      `[${code}] Your report is now: In progress`,
      `[${code}] Your report is now: Waiting for your answer`,
    ]);
    expect(mails[1]!.text).toContain('Note: Please send your application number.');
    expect([mails[1]!.references].flat()).toContain(`<case.${await caseId(code)}@tst.example.go.id>`);
  });

  it("does not write about the citizen's own follow-up (their answer resumes the case)", async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${code}/messages`,
      headers: { 'x-access-key': accessKeys.get(code)! },
      payload: { body: 'My application number is 1234.' },
    });
    expect(response.statusCode).toBe(201);
    expect(await versionOf(code)).toBeGreaterThan(3);
    await drain();
    expect(await newMail()).toEqual([]);
  });

  it('sends the resolution with the satisfaction link', async () => {
    await staff('POST', `/cases/${code}/transitions`, { to: 'resolved', version: await versionOf(code) });
    await drain();
    const mails = await newMail();
    const resolution = mails.find((m) => m.subject?.includes('resolved'))!;
    expect(resolution.subject).toBe(`[${code}] Your report has been resolved`);
    // The one-time SKM link (modules/surveys/invitations.ts), not a generic page.
    expect(resolution.text).toMatch(
      /Rate our service: https:\/\/loket\.example\.go\.id\/survey\/[A-Za-z0-9_~-]{40,}/,
    );
    expect(resolution.headers.get('auto-submitted')).toBe('auto-generated');
  });

  it('never writes to anonymous citizens, citizens without an address, or after an opt-out', async () => {
    await submit({ anonymous: true, contact: { email: 'anon@example.com' } });
    await submit({});
    const optedOut = await submit({ contact: { email: 'stop@example.com' } });
    await optOut(t.db, await caseId(optedOut));
    await drain();
    expect(await newMail()).toEqual([]);
  });
});

describe('the unsubscribe link', () => {
  it('asks before stopping (link scanners open links), in the case language, and refuses a wrong token', async () => {
    const code = await submit({ contact: { email: 'tanya@example.com' }, language: 'id' });
    const token = unsubscribeToken(t.config.secret, code);
    const page = await t.app.inject({ method: 'GET', url: `/email/unsubscribe?code=${code}&token=${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.body).toContain(
      '<form method="post"><button type="submit">Berhenti menerima e-mail</button>',
    );
    expect(await hasOptedOut(t.db, await caseId(code))).toBe(false);

    const wrong = await t.app.inject({
      method: 'POST',
      url: `/email/unsubscribe?code=${code}&token=${'x'.repeat(32)}`,
    });
    expect(wrong.statusCode).toBe(404);
    const done = await t.app.inject({
      method: 'POST',
      url: `/email/unsubscribe?code=${code}&token=${token}`,
    });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain(`tentang laporan ${code}`);
    expect(await hasOptedOut(t.db, await caseId(code))).toBe(true);
    const events = await t.db
      .selectFrom('events')
      .select('type')
      .where('type', '=', 'case.email_unsubscribed')
      .execute();
    expect(events).toHaveLength(1);
  });
});

async function caseId(code: string): Promise<string> {
  return (
    await t.db.selectFrom('cases').select('id').where('tracking_code', '=', code).executeTakeFirstOrThrow()
  ).id;
}

async function versionOf(code: string): Promise<number> {
  return (
    await t.db
      .selectFrom('cases')
      .select('version')
      .where('tracking_code', '=', code)
      .executeTakeFirstOrThrow()
  ).version;
}
