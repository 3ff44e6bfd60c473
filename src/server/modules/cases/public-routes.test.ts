import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type StaffHeaders, staffOf, type TestApp } from '../../../test-support/factories.js';
import type { RateLimits } from '../../config.js';
import { generateTrackingCode } from './tracking-code.js';

let t: TestApp;
let staffHeaders: StaffHeaders;

beforeAll(async () => {
  t = await createTestApp();
  staffHeaders = await staffOf(t, 'supervisor');
});

const validBody = {
  type: 'complaint',
  officeCode: 'TST',
  subject: 'Kuota M-Paspor selalu penuh',
  description: 'Sudah seminggu saya mencoba mendaftar antrean tetapi kuota selalu penuh.',
  categoryCode: 'antrean',
  contact: { name: 'Budi', email: 'budi@example.com', phone: '+62 812-0000-0002' },
};

async function submit(body: object = validBody, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'POST', url: '/api/v1/cases', payload: body, headers });
}

async function submitted() {
  const response = await submit();
  expect(response.statusCode).toBe(201);
  return response.json() as { trackingCode: string; accessKey: string; status: string; receivedAt: string };
}

function lookup(code: string, key: string, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'GET',
    url: `/api/v1/cases/${code}`,
    headers: { 'x-access-key': key, ...headers },
  });
}

describe('POST /api/v1/cases', () => {
  it('returns 201 with tracking code, access key, status and time', async () => {
    const response = await submit();
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(Object.keys(body).sort()).toEqual(['accessKey', 'receivedAt', 'status', 'trackingCode']);
    expect(body.trackingCode).toMatch(/^TST-\d{2}-[0-9A-Z]{7}$/);
    expect(body.accessKey).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(body.status).toBe('received');
    expect(response.headers.location).toBe(`/api/v1/cases/${body.trackingCode}`);
  });

  it.each([
    ['a wrong type', { subject: 42 }, 'subject', 'type'],
    ['an unknown field', { priority: 'urgent' }, 'priority', 'additionalProperties'],
    ['an unknown nested field', { contact: { nik: '3578' } }, 'contact.nik', 'additionalProperties'],
    ['a subject over 200 characters', { subject: 'x'.repeat(201) }, 'subject', 'maxLength'],
    ['a description over 10,000 characters', { description: 'x'.repeat(10_001) }, 'description', 'maxLength'],
    ['a blank subject', { subject: '   ' }, 'subject', 'pattern'],
    ['a bad e-mail', { contact: { email: 'not-an-email' } }, 'contact.email', 'format'],
    ['an unknown case type', { type: 'praise' }, 'type', 'enum'],
    ['a bad language', { language: 'fr' }, 'language', 'enum'],
    ['a boolean as text', { anonymous: 'yes' }, 'anonymous', 'type'],
  ])('refuses %s with 400 naming the field', async (_, change, field, code) => {
    const response = await submit({ ...validBody, ...change });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json();
    expect(problem).toMatchObject({ status: 400, code: 'validation_failed', field });
    expect(problem.errors).toContainEqual(expect.objectContaining({ field, code }));
  });

  it('accepts exactly 200 and 10,000 characters', async () => {
    const response = await submit({
      ...validBody,
      subject: 's'.repeat(200),
      description: 'd'.repeat(10_000),
    });
    expect(response.statusCode).toBe(201);
  });

  it('lists every missing field at once', async () => {
    const response = await submit({});
    const fields = response
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort();
    expect(fields).toEqual(['description', 'officeCode', 'subject', 'type']);
  });

  it.each([
    ['an unknown office', { officeCode: 'ZZZ' }, 'unknown_office', 'officeCode'],
    ['an unknown category', { categoryCode: 'tidak-ada' }, 'unknown_category', 'categoryCode'],
    ['an unknown service', { serviceCode: 'tidak-ada' }, 'unknown_service', 'serviceCode'],
    [
      'a category of another service',
      { serviceCode: 'izin-tinggal' },
      'category_service_mismatch',
      'categoryCode',
    ],
  ])('refuses %s with 422', async (_, change, code, field) => {
    const response = await submit({ ...validBody, ...change });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code, field });
  });

  it('answers malformed JSON, wrong content types and oversized bodies with 4xx problems', async () => {
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: { 'content-type': 'application/json' },
      payload: '{"type": "complaint",',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('malformed_json');

    const empty = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: { 'content-type': 'application/json' },
      payload: '',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('malformed_json');

    const text = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: { 'content-type': 'text/plain' },
      payload: 'halo',
    });
    expect(text.statusCode).toBe(415);
    expect(text.json().code).toBe('unsupported_media_type');

    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ ...validBody, description: 'x'.repeat(1024 * 1024) }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('payload_too_large');

    const array = await submit([validBody]);
    expect(array.statusCode).toBe(400);
    const nullBody = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: { 'content-type': 'application/json' },
      payload: 'null',
    });
    expect(nullBody.statusCode).toBe(400);
  });

  it('localizes problem titles by Accept-Language, Indonesian by default', async () => {
    const indonesian = await submit({ ...validBody, officeCode: 'ZZZ' });
    expect(indonesian.json().title).toBe('Kantor tidak ditemukan');
    expect(indonesian.headers['content-language']).toBe('id');
    const english = await submit(
      { ...validBody, officeCode: 'ZZZ' },
      { 'accept-language': 'en-GB,en;q=0.9' },
    );
    expect(english.json().title).toBe('Office not found');
    const field = await submit({ ...validBody, subject: 'x'.repeat(201) }, { 'accept-language': 'en' });
    expect(field.json().errors[0].message).toBe('At most 200 characters');
  });
});

describe('GET /api/v1/cases/{code}', () => {
  it('shows the public view with code and key', async () => {
    const { trackingCode, accessKey } = await submitted();
    const response = await lookup(trackingCode, accessKey);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const view = response.json();
    expect(view).toMatchObject({
      trackingCode,
      type: 'complaint',
      status: 'received',
      subject: validBody.subject,
      office: { code: 'TST', name: { id: 'Kantor Imigrasi Uji', en: 'Test Immigration Office' } },
      service: { code: 'paspor' },
      category: { code: 'antrean', name: { id: 'Antrean', en: 'Queue' } },
      canReply: true,
      timeline: [{ kind: 'received' }],
    });
    const text = JSON.stringify(view);
    for (const secret of ['budi@example.com', 'Budi', '0000-0002', 'accessKey', 'assignee', 'contact']) {
      expect(text).not.toContain(secret);
    }
  });

  it('forgives how the code and key are typed', async () => {
    const { trackingCode, accessKey } = await submitted();
    const sloppyCode = trackingCode.toLowerCase().replaceAll('-', ' ');
    const sloppyKey = accessKey.toLowerCase().replaceAll('-', '');
    expect((await lookup(encodeURIComponent(sloppyCode), sloppyKey)).statusCode).toBe(200);
  });

  it('gives the same 404 for a wrong key and an unknown code', async () => {
    const { trackingCode, accessKey } = await submitted();
    const wrongKey = await lookup(
      trackingCode,
      accessKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
    );
    // A well-formed code that does not exist (events are append-only, so no case is deleted to make one).
    const unknownCode = generateTrackingCode(trackingCode.slice(0, 3), 2026);
    const unknown = await lookup(unknownCode, accessKey);
    expect(wrongKey.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined, instance: undefined });
    expect(strip(wrongKey.json())).toEqual(strip(unknown.json()));
    expect(wrongKey.json().code).toBe('case_not_found');
  });

  it('answers a malformed code with 400 and a missing key with a validation error', async () => {
    const bad = await lookup('SBY-26-!!!', 'AAAA-AAAA-AAAA-AAAA');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('invalid_tracking_code');
    const { trackingCode } = await submitted();
    const noKey = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${trackingCode}` });
    expect(noKey.statusCode).toBe(400);
    expect(noKey.json()).toMatchObject({ code: 'validation_failed', field: 'x-access-key' });
  });

  it('shows public replies and status changes but never internal notes or staff identities', async () => {
    const { trackingCode, accessKey } = await submitted();
    const staff = (url: string, payload: object) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/staff/cases/${trackingCode}${url}`,
        headers: staffHeaders,
        payload,
      });
    expect((await staff('/transitions', { to: 'in_progress', version: 1 })).statusCode).toBe(200);
    expect((await staff('/messages', { kind: 'internal_note', body: 'RAHASIA-INTERNAL' })).statusCode).toBe(
      201,
    );
    expect(
      (await staff('/messages', { kind: 'public_reply', body: 'Mohon kirim nomor permohonan.' })).statusCode,
    ).toBe(201);
    expect((await staff('/transitions', { to: 'waiting_on_citizen', version: 2 })).statusCode).toBe(200);

    const view = (await lookup(trackingCode, accessKey, { 'accept-language': 'en' })).json();
    expect(view.status).toBe('waiting_on_citizen');
    expect(view.firstResponseAt).not.toBeNull();
    expect(JSON.stringify(view)).not.toContain('RAHASIA-INTERNAL');
    expect(view.timeline.map((e: { kind: string; to?: string }) => e.to ?? e.kind)).toEqual([
      'received',
      'in_progress',
      'message',
      'waiting_on_citizen',
    ]);
    expect(view.timeline[2]).toMatchObject({
      messageKind: 'public_reply',
      body: 'Mohon kirim nomor permohonan.',
      author: { type: 'staff', name: expect.stringMatching(/^Petugas \d+$/) },
    });
    expect(JSON.stringify(view)).not.toContain('@example.go.id');
    expect(Object.keys(view.timeline[2].author).sort()).toEqual(['name', 'type']);
  });
});

describe('POST /api/v1/cases/{code}/messages', () => {
  it('adds a follow-up that staff see and that resumes a waiting case', async () => {
    const { trackingCode, accessKey } = await submitted();
    const headers = { ...staffHeaders };
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/staff/cases/${trackingCode}/transitions`,
      headers,
      payload: { to: 'in_progress', version: 1 },
    });
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/staff/cases/${trackingCode}/transitions`,
      headers,
      payload: { to: 'waiting_on_citizen', version: 2 },
    });
    const reply = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${trackingCode}/messages`,
      headers: { 'x-access-key': accessKey },
      payload: { body: 'Nomor permohonan saya 1234.' },
    });
    expect(reply.statusCode).toBe(201);
    expect(reply.json().status).toBe('in_progress');
    const staffView = await t.app.inject({
      method: 'GET',
      url: `/api/v1/staff/cases/${trackingCode}`,
      headers,
    });
    const messages = staffView.json().timeline.filter((e: { kind: string }) => e.kind === 'message');
    expect(messages).toEqual([
      expect.objectContaining({ messageKind: 'citizen_message', body: 'Nomor permohonan saya 1234.' }),
    ]);
  });

  it('needs the key, refuses blank and closed', async () => {
    const { trackingCode, accessKey } = await submitted();
    const post = (key: string, body: unknown) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/cases/${trackingCode}/messages`,
        headers: { 'x-access-key': key },
        payload: body as object,
      });
    expect((await post('AAAA-AAAA-AAAA-AAAA', { body: 'halo' })).statusCode).toBe(404);
    expect((await post(accessKey, { body: '  ' })).statusCode).toBe(400);
    expect((await post(accessKey, { body: 'x'.repeat(10_001) })).statusCode).toBe(400);
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/staff/cases/${trackingCode}/transitions`,
      headers: staffHeaders,
      payload: { to: 'rejected', reason: 'Bukan kewenangan kami', version: 1 },
    });
    const closed = await post(accessKey, { body: 'Mengapa ditolak?' });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().code).toBe('case_closed');
    const view = (await lookup(trackingCode, accessKey)).json();
    expect(view).toMatchObject({
      status: 'rejected',
      canReply: false,
      rejectionReason: 'Bukan kewenangan kami',
    });
    expect(view.timeline.at(-1)).toMatchObject({
      kind: 'status_changed',
      to: 'rejected',
      reason: 'Bukan kewenangan kami',
    });
  });
});

describe('abuse limits', () => {
  /** Generous limits for everything, with the ones a test is about set low. */
  const limits = (low: Partial<Omit<RateLimits, 'enabled'>>) => ({
    requests: { limit: 1000, windowMs: 60_000 },
    caseCreation: { limit: 100, windowMs: 60_000 },
    lookupFailures: { limit: 100, windowMs: 60_000 },
    codeFailures: { limit: 100, windowMs: 60_000 },
    loginFailures: { limit: 100, windowMs: 60_000 },
    assistantQuestions: { limit: 100, windowMs: 60_000 },
    ...low,
  });

  it('limits failed lookups per client with 429 and Retry-After', async () => {
    const limited = await createTestApp({
      rateLimits: {
        enabled: true,
        ...limits({
          caseCreation: { limit: 3, windowMs: 60_000 },
          lookupFailures: { limit: 5, windowMs: 60_000 },
        }),
      },
    });
    const created = await limited.app.inject({ method: 'POST', url: '/api/v1/cases', payload: validBody });
    const { trackingCode, accessKey } = created.json();
    const attempt = (key: string, ip = '10.0.0.1') =>
      limited.app.inject({
        method: 'GET',
        url: `/api/v1/cases/${trackingCode}`,
        headers: { 'x-access-key': key },
        remoteAddress: ip,
      });
    for (let i = 0; i < 5; i++) expect((await attempt('AAAA-AAAA-AAAA-AAAA')).statusCode).toBe(404);
    const blocked = await attempt(accessKey);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('rate_limited');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Successes do not count; another client is not affected.
    expect((await attempt(accessKey, '10.0.0.2')).statusCode).toBe(200);
    expect((await attempt(accessKey, '10.0.0.2')).statusCode).toBe(200);
  });

  it('limits failures against one code from many addresses', async () => {
    const limited = await createTestApp({
      rateLimits: { enabled: true, ...limits({ codeFailures: { limit: 3, windowMs: 60_000 } }) },
    });
    const { trackingCode, accessKey } = (
      await limited.app.inject({ method: 'POST', url: '/api/v1/cases', payload: validBody })
    ).json();
    for (let i = 0; i < 3; i++) {
      await limited.app.inject({
        method: 'GET',
        url: `/api/v1/cases/${trackingCode}`,
        headers: { 'x-access-key': 'AAAA-AAAA-AAAA-AAAA' },
        remoteAddress: `10.0.1.${i}`,
      });
    }
    const blocked = await limited.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${trackingCode}`,
      headers: { 'x-access-key': accessKey },
      remoteAddress: '10.0.2.1',
    });
    expect(blocked.statusCode).toBe(429);
  });

  it('answers any request beyond the per-address limit with a localised 429 before routing it', async () => {
    const limited = await createTestApp({
      rateLimits: { enabled: true, ...limits({ requests: { limit: 2, windowMs: 60_000 } }) },
    });
    const get = (url: string, ip = '10.0.3.1') =>
      limited.app.inject({ method: 'GET', url, remoteAddress: ip, headers: { 'accept-language': 'en' } });
    expect((await get('/healthz')).statusCode).toBe(200);
    expect((await get('/api/v1/offices')).statusCode).toBe(200);
    const blocked = await get('/api/v1/offices');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['content-type']).toContain('application/problem+json');
    expect(blocked.headers['x-request-id']).toBeTruthy();
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.json()).toMatchObject({ code: 'rate_limited', status: 429, title: expect.any(String) });
    expect(blocked.json().title).not.toBe('');
    expect((await get('/api/v1/offices', '10.0.3.2')).statusCode).toBe(200);
  });

  it('limits bursts of new cases per client, and can be switched off', async () => {
    const rules = limits({ caseCreation: { limit: 3, windowMs: 60_000 } });
    const limited = await createTestApp({ rateLimits: { enabled: true, ...rules } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push(
        (await limited.app.inject({ method: 'POST', url: '/api/v1/cases', payload: validBody })).statusCode,
      );
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
    const open = await createTestApp({ rateLimits: { enabled: false, ...rules } });
    for (let i = 0; i < 5; i++) {
      expect(
        (await open.app.inject({ method: 'POST', url: '/api/v1/cases', payload: validBody })).statusCode,
      ).toBe(201);
    }
  });

  it('default limits let a crowd behind one NAT address follow their cases', async () => {
    // 200 different citizens behind one address each submit and check their case.
    const crowd = await createTestApp({});
    const defaults = crowd.config.rateLimits;
    expect(defaults.enabled).toBe(true);
    expect(defaults.requests.limit / (defaults.requests.windowMs / 60_000)).toBeGreaterThanOrEqual(1000);
    const ip = '203.0.113.7';
    for (let i = 0; i < 200; i++) {
      const response = await crowd.app.inject({
        method: 'GET',
        url: '/api/v1/offices/TST',
        remoteAddress: ip,
      });
      expect(response.statusCode).toBe(200);
    }
  });
});
