import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildCase,
  createTestApp,
  type StaffHeaders,
  staffOf,
  type TestApp,
} from '../../../test-support/factories.js';
import { generateTrackingCode } from './tracking-code.js';

let t: TestApp;
let staffHeaders: StaffHeaders;

beforeAll(async () => {
  t = await createTestApp();
  staffHeaders = await staffOf(t, 'supervisor');
});

function staff(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  return t.app.inject({ method, url: `/api/v1/staff${url}`, headers: staffHeaders, payload });
}

describe('staff authentication', () => {
  it.each([
    ['GET', '/cases'],
    ['GET', '/cases/TST-26-0000000'],
    ['PATCH', '/cases/TST-26-0000000'],
    ['POST', '/cases/TST-26-0000000/messages'],
    ['POST', '/cases/TST-26-0000000/transitions'],
  ] as const)('%s %s needs a staff session', async (method, url) => {
    for (const cookie of [undefined, 'loket_session=not-a-session', 'other=1']) {
      const response = await t.app.inject({
        method,
        url: `/api/v1/staff${url}`,
        headers: cookie ? { cookie } : {},
        payload: method === 'GET' ? undefined : {},
      });
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('unauthorized');
    }
  });

  it('refuses state changes without the session CSRF token', async () => {
    const { case: created } = await buildCase(t.db);
    const url = `/api/v1/staff/cases/${created.trackingCode}/messages`;
    const payload = { kind: 'internal_note', body: 'catatan' };
    for (const csrf of [undefined, 'wrong', `${staffHeaders['x-csrf-token']}x`]) {
      const headers: Record<string, string> = { cookie: staffHeaders.cookie };
      if (csrf) headers['x-csrf-token'] = csrf;
      const response = await t.app.inject({ method: 'POST', url, headers, payload });
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('csrf_failed');
    }
    // Reading needs no token.
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/v1/staff/cases/${created.trackingCode}`,
      headers: { cookie: staffHeaders.cookie },
    });
    expect(read.statusCode).toBe(200);
  });
});

describe('staff case handling', () => {
  it('shows the whole case with contact, internal notes and allowed transitions', async () => {
    const { case: created } = await buildCase(t.db);
    await staff('POST', `/cases/${created.trackingCode}/messages`, {
      kind: 'internal_note',
      body: 'Cek dulu',
    });
    const response = await staff('GET', `/cases/${created.trackingCode}`);
    expect(response.statusCode).toBe(200);
    const view = response.json();
    expect(view).toMatchObject({
      trackingCode: created.trackingCode,
      status: 'received',
      contact: { name: 'Siti Aminah', email: 'siti@example.com', phone: '+62 812-0000-0001' },
      allowedTransitions: ['in_progress', 'rejected'],
      officeCode: 'TST',
      category: { code: 'antrean' },
      version: 1,
    });
    expect(
      view.timeline.map((e: { type?: string; messageKind?: string }) => e.type ?? e.messageKind),
    ).toEqual(['case.created', 'internal_note']);
    expect(JSON.stringify(view)).not.toContain('accessKey');
  });

  it('moves a case through its life over HTTP and refuses illegal steps with 409', async () => {
    const { case: created } = await buildCase(t.db);
    const url = `/cases/${created.trackingCode}/transitions`;
    const illegal = await staff('POST', url, { to: 'closed', version: 1 });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json()).toMatchObject({ code: 'invalid_transition', from: 'received', to: 'closed' });

    let version = 1;
    for (const to of [
      'in_progress',
      'waiting_on_citizen',
      'in_progress',
      'resolved',
      'in_progress',
      'resolved',
      'closed',
    ]) {
      const response = await staff('POST', url, { to, version });
      expect(response.statusCode, `→ ${to}`).toBe(200);
      expect(response.json().status).toBe(to);
      version = response.json().version;
    }
    const closed = (await staff('GET', `/cases/${created.trackingCode}`)).json();
    expect(closed.allowedTransitions).toEqual([]);
    expect(closed.closedAt).not.toBeNull();
    const again = await staff('POST', url, { to: 'in_progress', version });
    expect(again.json().code).toBe('invalid_transition');
  });

  it('answers stale versions with 409 version_conflict and missing reasons with 422', async () => {
    const { case: created } = await buildCase(t.db);
    const url = `/cases/${created.trackingCode}/transitions`;
    await staff('POST', url, { to: 'in_progress', version: 1 });
    const stale = await staff('POST', url, { to: 'resolved', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', currentVersion: 2 });

    const { case: other } = await buildCase(t.db);
    const noReason = await staff('POST', `/cases/${other.trackingCode}/transitions`, {
      to: 'rejected',
      version: 1,
    });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json()).toMatchObject({ code: 'reason_required', field: 'reason' });
    const bad = await staff('POST', `/cases/${other.trackingCode}/transitions`, {
      to: 'finished',
      version: 1,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('replies publicly, sets the first response time once, and edits classification', async () => {
    const { case: created } = await buildCase(t.db);
    const code = created.trackingCode;
    const first = await staff('POST', `/cases/${code}/messages`, {
      kind: 'public_reply',
      body: 'Terima kasih.',
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ kind: 'public_reply' });
    await staff('POST', `/cases/${code}/messages`, { kind: 'public_reply', body: 'Tambahan.' });
    const view = (await staff('GET', `/cases/${code}`)).json();
    expect(view.firstResponseAt).toBe(first.json().at);

    const edited = await staff('PATCH', `/cases/${code}`, {
      version: 1,
      priority: 'high',
      categoryCode: 'perpanjangan',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      priority: 'high',
      category: { code: 'perpanjangan' },
      service: { code: 'izin-tinggal' },
      version: 2,
    });
    const unknown = await staff('PATCH', `/cases/${code}`, { version: 2, categoryCode: 'tidak-ada' });
    expect(unknown.statusCode).toBe(422);
    const wrongKind = await staff('POST', `/cases/${code}/messages`, { kind: 'citizen_message', body: 'x' });
    expect(wrongKind.statusCode).toBe(400);
  });

  it('answers unknown and malformed codes with 404 and 400', async () => {
    expect((await staff('GET', '/cases/TST-26-ZZZZZZZ')).statusCode).toBe(400);
    // A well-formed code no case has (events are append-only, so no case is deleted to make one).
    const gone = await staff('GET', `/cases/${generateTrackingCode('TST', 2026)}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().code).toBe('case_not_found');
  });
});

describe('staff case list', () => {
  it('filters, orders and pages with a cursor', async () => {
    const listApp = await createTestApp();
    const listHeaders = await staffOf(listApp, 'supervisor');
    const codes: string[] = [];
    for (let i = 0; i < 7; i++) {
      const { case: c } = await buildCase(
        listApp.db,
        { type: i % 2 ? 'request' : 'complaint', categoryCode: i < 3 ? 'biaya' : 'antrean' },
        new Date(Date.UTC(2026, 5, 1, i)),
      );
      codes.push(c.trackingCode);
    }
    const get = (query: string) =>
      listApp.app.inject({ method: 'GET', url: `/api/v1/staff/cases?${query}`, headers: listHeaders });

    const first = (await get('limit=3')).json();
    expect(first.items.map((c: { trackingCode: string }) => c.trackingCode)).toEqual(
      codes.slice(4).reverse(),
    );
    const second = (await get(`limit=3&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((c: { trackingCode: string }) => c.trackingCode)).toEqual(
      codes.slice(1, 4).reverse(),
    );
    const last = (await get(`limit=3&cursor=${second.nextCursor}`)).json();
    expect(last.items).toHaveLength(1);
    expect(last.nextCursor).toBeNull();

    const oldest = (await get('order=oldest&limit=2')).json();
    expect(oldest.items[0].trackingCode).toBe(codes[0]);
    expect((await get('order=due')).json().items).toHaveLength(7);

    expect((await get('type=request')).json().items).toHaveLength(3);
    expect((await get('channel=web')).json().items).toHaveLength(7);
    expect((await get('channel=whatsapp&channel=phone')).json().items).toHaveLength(0);
    expect((await get('priority=normal')).json().items).toHaveLength(7);
    expect((await get('priority=urgent')).json().items).toHaveLength(0);
    expect((await get('type=request&type=complaint')).json().items).toHaveLength(7);
    expect((await get('office=TST&category=biaya')).json().items).toHaveLength(3);
    expect((await get('status=received&status=closed')).json().items).toHaveLength(7);
    expect((await get('status=closed')).json().items).toHaveLength(0);
    const range = (
      await get('receivedFrom=2026-06-01T02:00:00%2B00:00&receivedBefore=2026-06-01T11:00:00%2B07:00')
    ).json();
    expect(range.items.map((c: { trackingCode: string }) => c.trackingCode)).toEqual([codes[3], codes[2]]);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['status=unknown', 'status.0'],
    ['order=random', 'order'],
    ['receivedFrom=yesterday', 'receivedFrom'],
    ['cursor=bm90LWpzb24', 'cursor'],
    [
      `cursor=${Buffer.from(JSON.stringify(["x'; drop table cases", 'abc'])).toString('base64url')}`,
      'cursor',
    ],
    ['category=biaya', 'office'],
    ['foo=bar', 'foo'],
  ])('refuses %s with 400 naming %s', async (query, field) => {
    const response = await staff('GET', `/cases?${query}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().field).toBe(field);
  });

  it('refuses unknown office and category filters with 422', async () => {
    expect((await staff('GET', '/cases?office=ZZZ')).json().code).toBe('unknown_office');
    expect((await staff('GET', '/cases?office=TST&category=tidak-ada')).json().code).toBe('unknown_category');
  });
});
