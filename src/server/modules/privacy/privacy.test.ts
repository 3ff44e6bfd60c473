import { beforeAll, describe, expect, it } from 'vitest';
import { chainAllEvents } from '../../../test-support/audit.js';
import { ENGINE } from '../../../test-support/engine.js';
import {
  buildCase,
  createTestApp,
  type StaffHeaders,
  staffOf,
  type TestApp,
} from '../../../test-support/factories.js';
import { SYSTEM_ACTOR } from '../../events/catalogue.js';
import { runDueJobs, schedulePeriodicJobs } from '../../jobs/worker.js';
import { verifyAuditChain } from '../audit/verify.js';
import { transitionCase } from '../cases/transition-case.js';
import { monthsBefore } from './retention.js';

let t: TestApp;
let admin: StaffHeaders;
let supervisor: StaffHeaders;

async function closedCase(email: string, closedAt: Date) {
  const { case: created } = await buildCase(
    t.db,
    { contact: { name: 'Budi Santoso', email, phone: '+62 811-1111-2222' } },
    closedAt,
  );
  await transitionCase(t.db, SYSTEM_ACTOR, created.trackingCode, { to: 'in_progress' }, closedAt);
  await transitionCase(t.db, SYSTEM_ACTOR, created.trackingCode, { to: 'resolved' }, closedAt);
  await transitionCase(t.db, SYSTEM_ACTOR, created.trackingCode, { to: 'closed' }, closedAt);
  return created;
}

async function contactOf(id: string) {
  return t.db
    .selectFrom('cases')
    .select(['contact_name', 'contact_email', 'contact_phone', 'status'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await staffOf(t, 'admin');
  supervisor = await staffOf(t, 'supervisor');
});

describe(`personal-data housekeeping on ${ENGINE}`, () => {
  it('counts months on the calendar', () => {
    expect(monthsBefore(new Date('2026-03-31T10:00:00Z'), 1).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(monthsBefore(new Date('2026-11-28T00:00:00Z'), 12).toISOString()).toBe('2025-11-28T00:00:00.000Z');
  });

  it('anonymises contact details after the retention period by the worker, recording events and keeping the chain intact', async () => {
    const now = new Date();
    const old = await closedCase('lama@example.com', new Date(now.getTime() - 400 * 86_400_000));
    const recent = await closedCase('baru@example.com', new Date(now.getTime() - 10 * 86_400_000));
    const open = (await buildCase(t.db, {}, new Date(now.getTime() - 500 * 86_400_000))).case;
    await chainAllEvents(t.db);
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/staff/offices/TST/retention/complaint',
      headers: admin,
      payload: { anonymiseAfterMonths: 12 },
    });
    expect(saved.statusCode).toBe(200);
    expect(
      saved.json().items.find((r: { caseType: string }) => r.caseType === 'complaint').anonymiseAfterMonths,
    ).toBe(12);
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url: '/api/v1/staff/offices/TST/retention/complaint',
          headers: supervisor,
          payload: { anonymiseAfterMonths: 1 },
        })
      ).statusCode,
    ).toBe(403);

    await schedulePeriodicJobs(t.db, now);
    await runDueJobs({ db: t.db, dialect: t.database.dialect, config: t.config }, { now, limit: 20 });
    expect(await contactOf(old.id)).toMatchObject({
      contact_name: null,
      contact_email: null,
      contact_phone: null,
    });
    expect((await contactOf(recent.id)).contact_email).toBe('baru@example.com');
    expect((await contactOf(open.id)).contact_email).toBe('siti@example.com');
    const events = await t.db
      .selectFrom('events')
      .selectAll()
      .where('type', '=', 'case.contact_anonymised')
      .execute();
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events[0]!.payload)).not.toContain('lama@example.com');
    // Nothing audited was rewritten: the chain over the earlier events still verifies.
    await chainAllEvents(t.db);
    expect((await verifyAuditChain(t.db)).intact).toBe(true);
  });

  it('runs an erasure request on its 3×24-hour clock', async () => {
    const target = await closedCase('hapus@example.com', new Date());
    const received = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff/privacy/requests',
      headers: supervisor,
      payload: { kind: 'erasure', email: 'Hapus@Example.com', details: 'Lewat surat tertanggal hari ini' },
    });
    expect(received.statusCode).toBe(201);
    const request = received.json();
    expect(Date.parse(request.dueAt) - Date.parse(request.receivedAt)).toBe(72 * 3_600_000);
    expect(request.hoursLeft).toBeGreaterThan(71);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/staff/privacy/requests',
      headers: supervisor,
    });
    expect(list.json().items[0]).toMatchObject({ id: request.id, status: 'open' });

    const done = await t.app.inject({
      method: 'POST',
      url: `/api/v1/staff/privacy/requests/${request.id}/complete`,
      headers: supervisor,
      payload: { status: 'completed', outcome: 'Kontak dihapus dari 1 laporan' },
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'completed', hoursLeft: null });
    expect(await contactOf(target.id)).toMatchObject({ contact_email: null, contact_name: null });
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/staff/privacy/requests/${request.id}/complete`,
      headers: supervisor,
      payload: { status: 'completed', outcome: 'lagi' },
    });
    expect(again.statusCode).toBe(409);
  });

  it('exports everything held for an access request and corrects contact details', async () => {
    const target = await closedCase('akses@example.com', new Date());
    const access = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/staff/privacy/requests',
        headers: supervisor,
        payload: { kind: 'access', trackingCode: target.trackingCode },
      })
    ).json();
    const exported = await t.app.inject({
      method: 'GET',
      url: `/api/v1/staff/privacy/requests/${access.id}/export`,
      headers: supervisor,
    });
    expect(exported.statusCode).toBe(200);
    expect(exported.json().cases).toHaveLength(1);
    expect(exported.json().cases[0]).toMatchObject({
      trackingCode: target.trackingCode,
      contact: { email: 'akses@example.com' },
    });

    const correction = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/staff/privacy/requests',
        headers: supervisor,
        payload: { kind: 'correction', trackingCode: target.trackingCode },
      })
    ).json();
    const corrected = await t.app.inject({
      method: 'POST',
      url: `/api/v1/staff/privacy/requests/${correction.id}/complete`,
      headers: supervisor,
      payload: { status: 'completed', outcome: 'Nama diperbaiki', correction: { name: 'Budi S. Wibowo' } },
    });
    expect(corrected.statusCode).toBe(200);
    expect((await contactOf(target.id)).contact_name).toBe('Budi S. Wibowo');
    const event = await t.db
      .selectFrom('events')
      .selectAll()
      .where('type', '=', 'case.contact_corrected')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(event.payload)).not.toContain('Wibowo');

    const agent = await staffOf(t, 'agent');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/staff/privacy/requests', headers: agent }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/staff/privacy/requests/${access.id}/export`,
          headers: agent,
        })
      ).statusCode,
    ).toBe(404);
  });
});
