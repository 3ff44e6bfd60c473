import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from '../../../test-support/engine.js';
import {
  buildStaff,
  createTestApp,
  officeIdOf,
  type StaffHeaders,
  sessionHeaders,
  TEST_SECRET,
  type TestApp,
} from '../../../test-support/factories.js';
import { runDueJobs, schedulePeriodicJobs } from '../../jobs/worker.js';
import type { StaffUser } from '../accounts/model.js';
import { addReporterMessage, openWithReceiptOnly, submitIntegrityReport } from './reports.js';

const MARKER = 'Petugas loket 3 minta uang Rp500.000 agar paspor cepat selesai';
const CONTACT = 'rahasia-pelapor@example.com';
const PASSPHRASE = 'kopi-tubruk-di-pelabuhan-tanjung-perak';

let t: TestApp;
let officeId: string;
let officer: StaffUser;
let officerHeaders: StaffHeaders;

async function api(
  headers: Record<string, string>,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: object,
) {
  return t.app.inject({ method, url: `/api/v1/staff${url}`, headers, ...(payload ? { payload } : {}) });
}

async function submit(description = MARKER, contact: string | null = null) {
  return submitIntegrityReport(t.db, {
    officeId,
    category: 'pungli',
    description,
    contact,
    secret: TEST_SECRET,
    now: new Date(),
  });
}

beforeAll(async () => {
  t = await createTestApp();
  officeId = await officeIdOf(t.db, 'TST');
  officer = await buildStaff(t.db, {
    roles: ['integrity_officer'],
    officeId,
    displayName: 'Petugas Integritas',
  });
  officerHeaders = await sessionHeaders(t.db, officer, t.config);
});

describe(`integrity reports on ${ENGINE}`, () => {
  it('refuses reports until an officer has enrolled, then accepts them', async () => {
    await expect(submit()).rejects.toMatchObject({ code: 'integrity_unavailable' });
    const enrolled = await api(officerHeaders, 'POST', '/integrity/key', { passphrase: PASSPHRASE });
    expect(enrolled.statusCode).toBe(201);
    expect(enrolled.json()).toMatchObject({ enrolled: true, status: 'active', unlockedUntil: null });
    expect((await api(officerHeaders, 'POST', '/integrity/key', { passphrase: 'short' })).statusCode).toBe(
      400,
    );
    expect(
      (await api(officerHeaders, 'POST', '/integrity/key', { passphrase: `${PASSPHRASE}!` })).statusCode,
    ).toBe(409);
    const { receipt } = await submit();
    expect(receipt).toMatch(/^\d{16}$/);
  });

  it('lets the reporter follow up and talk with the officer through the receipt only', async () => {
    const { receipt, reportId } = await submit(MARKER, CONTACT);
    const opened = await openWithReceiptOnly(t.db, TEST_SECRET, receipt);
    expect(opened?.view).toMatchObject({
      description: MARKER,
      contactGiven: true,
      status: 'new',
      messages: [],
    });
    expect(await openWithReceiptOnly(t.db, TEST_SECRET, '1234567890123456')).toBeNull();

    // Locked: the officer sees metadata, not content.
    const list = await api(officerHeaders, 'GET', '/integrity/reports');
    expect(list.json().items.map((r: { id: string }) => r.id)).toContain(reportId);
    const locked = await api(officerHeaders, 'GET', `/integrity/reports/${reportId}`);
    expect(locked.statusCode).toBe(403);
    expect(locked.json().code).toBe('integrity_locked');
    const wrong = await api(officerHeaders, 'POST', '/integrity/unlock', {
      passphrase: 'not the passphrase at all',
    });
    expect(wrong.statusCode).toBe(401);
    const unlocked = await api(officerHeaders, 'POST', '/integrity/unlock', { passphrase: PASSPHRASE });
    expect(unlocked.json().unlockedUntil).toEqual(expect.any(String));

    const read = await api(officerHeaders, 'GET', `/integrity/reports/${reportId}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ description: MARKER, contact: CONTACT, category: 'pungli' });
    const reply = await api(officerHeaders, 'POST', `/integrity/reports/${reportId}/messages`, {
      body: 'Terima kasih. Kapan kejadiannya?',
    });
    expect(reply.statusCode).toBe(204);
    expect(
      await addReporterMessage(t.db, TEST_SECRET, receipt, 'Senin pagi, sekitar jam sembilan.', new Date()),
    ).toBe(true);
    const again = await openWithReceiptOnly(t.db, TEST_SECRET, receipt);
    expect(again?.view.messages.map((m) => [m.author, m.body])).toEqual([
      ['officer', 'Terima kasih. Kapan kejadiannya?'],
      ['reporter', 'Senin pagi, sekitar jam sembilan.'],
    ]);
    // Another session of the same officer (another browser) is not unlocked by this one.
    const otherSession = await sessionHeaders(t.db, officer, t.config);
    expect((await api(otherSession, 'GET', `/integrity/reports/${reportId}`)).statusCode).toBe(403);
  });

  it('shows nothing to agents, supervisors, administrators and auditors, and counts only to auditors', async () => {
    const { reportId } = await submit();
    for (const role of ['agent', 'supervisor', 'admin', 'auditor', 'publisher'] as const) {
      const user = await buildStaff(t.db, { roles: [role], officeId });
      const headers = await sessionHeaders(t.db, user, t.config);
      expect((await api(headers, 'GET', '/integrity/reports')).statusCode, role).toBe(403);
      expect([403, 404], role).toContain(
        (await api(headers, 'GET', `/integrity/reports/${reportId}`)).statusCode,
      );
      const counts = await api(headers, 'GET', '/integrity/counts');
      if (role === 'auditor') {
        expect(counts.statusCode, role).toBe(200);
        expect(counts.json().total).toBeGreaterThan(0);
        // Metadata counts only: no ids, days or categories.
        expect(counts.body).not.toContain(reportId);
        expect(counts.body).not.toContain('pungli');
      } else expect(counts.statusCode, role).toBe(403);
      // The case inbox and the audit trail never list them either.
      const cases = await api(headers, 'GET', '/cases?limit=100');
      if (cases.statusCode === 200) expect(cases.body).not.toContain(reportId);
      const trail = await api(headers, 'GET', '/audit/events?limit=200');
      if (trail.statusCode === 200) expect(trail.body).not.toContain('integrity.');
    }
  });

  it('keeps a raw database read (and the server secret) from revealing content or contact', async () => {
    await submit(MARKER, CONTACT);
    const tomorrow = new Date(Date.now() + 86_400_000);
    await schedulePeriodicJobs(t.db, tomorrow);
    await runDueJobs(
      { db: t.db, dialect: t.database.dialect, config: t.config },
      { now: tomorrow, limit: 20 },
    );
    const tables = [
      'integrity_reports',
      'integrity_messages',
      'integrity_report_keys',
      'integrity_officer_keys',
      'integrity_unlocks',
      'events',
      'jobs',
    ];
    for (const table of tables) {
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(t.db);
      const dump = JSON.stringify(rows.rows);
      expect(dump, table).not.toContain('Rp500.000');
      expect(dump, table).not.toContain(CONTACT);
      expect(dump, table).not.toContain('jam sembilan');
      expect(dump, table).not.toContain(PASSPHRASE);
    }
    // Times are days: no column of the reports holds more than a date.
    const report = await t.db.selectFrom('integrity_reports').selectAll().executeTakeFirstOrThrow();
    expect(report.received_day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(report.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4/);
  });

  it('records reporter activity a day later, timed at the start of the day', async () => {
    const events = await t.db
      .selectFrom('events')
      .selectAll()
      .where('type', '=', 'integrity.reporter_activity')
      .execute();
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(new Date(e.created_at).toISOString()).toMatch(/T00:00:00\.000Z$/);
  });

  it('never lets the reported officer in, not even when granted later', async () => {
    const { reportId } = await submit();
    // A colleague enrols while the report exists: pending until granted.
    const colleague = await buildStaff(t.db, {
      roles: ['integrity_officer'],
      officeId,
      displayName: 'Rekan Integritas',
    });
    const colleagueHeaders = await sessionHeaders(t.db, colleague, t.config);
    const enrolled = await api(colleagueHeaders, 'POST', '/integrity/key', { passphrase: `${PASSPHRASE}-2` });
    expect(enrolled.json().status).toBe('pending');
    // The first officer names the colleague as the reported person, then grants them access to the office.
    await api(officerHeaders, 'POST', '/integrity/unlock', { passphrase: PASSPHRASE });
    const triage = await api(officerHeaders, 'PATCH', `/integrity/reports/${reportId}`, {
      status: 'in_review',
      reportedUserId: colleague.id,
    });
    expect(triage.statusCode).toBe(204);
    const granted = await api(officerHeaders, 'POST', `/integrity/officers/${colleague.id}/grant`);
    expect(granted.statusCode).toBe(200);
    expect(granted.json().reports).toBeGreaterThan(0);
    await api(colleagueHeaders, 'POST', '/integrity/unlock', { passphrase: `${PASSPHRASE}-2` });
    const list = (await api(colleagueHeaders, 'GET', '/integrity/reports'))
      .json()
      .items.map((r: { id: string }) => r.id);
    expect(list.length).toBeGreaterThan(0);
    expect(list).not.toContain(reportId);
    expect((await api(colleagueHeaders, 'GET', `/integrity/reports/${reportId}`)).statusCode).toBe(404);
    const keys = await t.db
      .selectFrom('integrity_report_keys')
      .selectAll()
      .where('report_id', '=', reportId)
      .execute();
    expect(keys.map((k) => k.user_id)).toEqual([officer.id]);
    // The officer still sees who was named; the event trail only that someone was.
    const read = await api(officerHeaders, 'GET', `/integrity/reports/${reportId}`);
    expect(read.json().reportedUser).toEqual({ id: colleague.id, name: 'Rekan Integritas' });
    const triaged = await t.db
      .selectFrom('events')
      .select('payload')
      .where('type', '=', 'integrity.report_triaged')
      .execute();
    expect(JSON.stringify(triaged)).not.toContain(colleague.id);
  });
});
