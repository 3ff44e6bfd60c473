import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildCase,
  buildStaff,
  createTestApp,
  officeIdOf,
  type StaffHeaders,
  sessionHeaders,
  type TestApp,
} from '../../../test-support/factories.js';
import { LiveFeed, type LiveSignal } from '../../events/live-feed.js';
import type { StaffUser } from '../accounts/model.js';
import { linkExistingCases } from '../contacts/link-contact.js';
import { createApiKey } from '../passports/api-keys.js';

/** Phone and counter: logging contacts from the console, the report, the PBX webhook and the screen pop. */
let t: TestApp;
let officeId: string;
let agent: StaffUser;
let agentHeaders: StaffHeaders;
let ctiKey: string;

beforeAll(async () => {
  t = await createTestApp();
  officeId = await officeIdOf(t.db, 'TST');
  agent = await buildStaff(t.db, { roles: ['agent'], officeId, displayName: 'Rina' });
  agentHeaders = await sessionHeaders(t.db, agent, t.config);
  const admin = { type: 'staff' as const, id: null, name: 'Admin' };
  ctiKey = (await createApiKey(t.db, admin, { officeId, name: 'PBX kantor', permissions: ['cti:events'] }))
    .key;
});

function cti(payload: object, key = ctiKey) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/channels/cti/events',
    headers: { authorization: `Bearer ${key}` },
    payload,
  });
}

function logContact(payload: object, headers: StaffHeaders = agentHeaders) {
  return t.app.inject({ method: 'POST', url: '/api/v1/staff/contacts/log', headers, payload });
}

describe('one contact across channels', () => {
  it('joins a web case and a phone contact of the same person, whatever notation the number had', async () => {
    const { case: web } = await buildCase(t.db, {
      contact: { name: 'Siti Aminah', email: 'siti@example.com', phone: '+62 812-0000-0001' },
    });
    const { case: mail } = await buildCase(t.db, {
      channel: 'email',
      contact: { email: 'SITI@example.com' },
    });
    const logged = await logContact({
      channel: 'phone',
      callerNumber: '0812 0000 0001',
      categoryCode: 'antrean',
      outcome: 'answered',
      answer: 'Antrean daring dibuka pukul 07.00 WIB.',
    });
    expect(logged.statusCode, logged.body).toBe(201);
    const history = await t.app.inject({
      method: 'GET',
      url: `/api/v1/staff/cases/${web.trackingCode}/contact`,
      headers: agentHeaders,
    });
    const contact = history.json().contact;
    expect(contact.identities).toEqual([
      { kind: 'email', value: 'siti@example.com' },
      { kind: 'phone', value: '+62 812-0000-0001' },
    ]);
    expect(contact.cases.map((c: { trackingCode: string }) => c.trackingCode).sort()).toEqual(
      [web.trackingCode, mail.trackingCode].sort(),
    );
    expect(contact.loggedContacts).toHaveLength(1);
    expect(contact.loggedContacts[0]).toMatchObject({ channel: 'phone', outcome: 'answered' });
    const byPhone = await t.app.inject({
      method: 'GET',
      url: '/api/v1/staff/contacts?phone=6281200000001',
      headers: agentHeaders,
    });
    expect(byPhone.json().contact.id).toBe(contact.id);
  });

  it('never links an anonymous case into anyone’s history', async () => {
    const { case: anonymous } = await buildCase(t.db, {
      anonymous: true,
      contact: { email: 'siti@example.com' },
    });
    const links = await t.db
      .selectFrom('contact_cases')
      .select('case_id')
      .where('case_id', '=', anonymous.id)
      .execute();
    expect(links).toEqual([]);
    const byEmail = await t.app.inject({
      method: 'GET',
      url: '/api/v1/staff/contacts?email=siti@example.com',
      headers: agentHeaders,
    });
    expect(byEmail.json().contact.cases.map((c: { trackingCode: string }) => c.trackingCode)).not.toContain(
      anonymous.trackingCode,
    );
  });

  it('links cases that existed before contacts did', async () => {
    const { case: old } = await buildCase(t.db, { contact: { name: 'Lama', phone: '021-555-0199' } });
    await t.db.deleteFrom('contact_cases').where('case_id', '=', old.id).execute();
    expect(await linkExistingCases(t.db)).toBeGreaterThanOrEqual(1);
    const row = await t.db
      .selectFrom('contact_identities')
      .select('contact_id')
      .where('value', '=', '62215550199')
      .executeTakeFirstOrThrow();
    const linked = await t.db
      .selectFrom('contact_cases')
      .select('contact_id')
      .where('case_id', '=', old.id)
      .executeTakeFirstOrThrow();
    expect(linked.contact_id).toBe(row.contact_id);
  });
});

describe('log a contact', () => {
  it('creates a case of channel counter when the question cannot be answered on the spot', async () => {
    const response = await logContact({
      channel: 'counter',
      callerName: 'Pak Joko',
      categoryCode: 'biaya',
      outcome: 'case',
      case: {
        type: 'complaint',
        subject: 'Biaya percepatan tidak dikembalikan',
        description: 'Paspor tidak jadi dalam sehari.',
      },
      durationSeconds: 240,
    });
    expect(response.statusCode, response.body).toBe(201);
    const { trackingCode, accessKey } = response.json();
    expect(trackingCode).toMatch(/^TST-/);
    expect(accessKey).toBeTruthy();
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/v1/staff/cases/${trackingCode}`,
      headers: agentHeaders,
    });
    expect(detail.json()).toMatchObject({ channel: 'counter', contact: { name: 'Pak Joko' } });
  });

  it('refuses a contact without a caller, an answer without text, and a malformed number', async () => {
    const codes = async (payload: object) =>
      (await logContact(payload)).json().errors?.map((e: { field: string }) => e.field);
    expect(await codes({ channel: 'phone', outcome: 'answered', answer: 'x' })).toEqual(['callerNumber']);
    expect(await codes({ channel: 'phone', callerNumber: '0812 1111 2222', outcome: 'answered' })).toEqual([
      'answer',
    ]);
    expect(
      await codes({ channel: 'phone', callerNumber: 'nomor saya', outcome: 'answered', answer: 'x' }),
    ).toEqual(['callerNumber']);
  });

  it('counts answered contacts and cases per day, channel and topic', async () => {
    const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Jakarta' });
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/staff/reports/contacts?from=${today}&to=${today}`,
      headers: agentHeaders,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().rows).toEqual(
      expect.arrayContaining([
        { day: today, channel: 'phone', topic: 'Antrean', answered: 1, cases: 0, averageSeconds: null },
        { day: today, channel: 'counter', topic: 'Biaya', answered: 0, cases: 1, averageSeconds: 240 },
      ]),
    );
  });
});

describe('CTI webhook and screen pop', () => {
  it('needs an integration key with cti:events', async () => {
    expect(
      (await cti({ event: 'call.ringing', callId: 'c-1' }, 'loket_not-a-real-key-000000000000')).statusCode,
    ).toBe(401);
    const admin = { type: 'staff' as const, id: null, name: 'Admin' };
    const other = (
      await createApiKey(t.db, admin, { officeId, name: 'SIMKIM', permissions: ['applications:write'] })
    ).key;
    expect((await cti({ event: 'call.ringing', callId: 'c-1' }, other)).statusCode).toBe(403);
  });

  it("pops the caller's history in the agent's console live, and the call's end records its duration", async () => {
    const set = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/staff/me/extension',
      headers: agentHeaders,
      payload: { extension: '204' },
    });
    expect(set.json()).toEqual({ extension: '204' });
    const feed = new LiveFeed(t.db);
    const received: LiveSignal[] = [];
    const unsubscribe = feed.subscribeSignals(agent.id, (signal) => received.push(signal));
    try {
      const ringing = await cti({
        event: 'call.ringing',
        callId: 'pbx-77120',
        callerNumber: '+6281200000001',
        extension: '204',
      });
      expect(ringing.statusCode, ringing.body).toBe(200);
      const contactId = ringing.json().contactId;
      expect(ringing.json()).toMatchObject({ status: 'screen_pop' });
      expect(contactId).toBeTruthy();
      await expect.poll(() => received.length, { timeout: 5000 }).toBe(1);
      expect(received[0]).toMatchObject({
        kind: 'screen_pop',
        data: { callId: 'pbx-77120', state: 'ringing', callerNumber: '6281200000001', contactId },
      });
    } finally {
      unsubscribe();
    }
    // Nobody at extension 999: no pop, but the call is known.
    expect(
      (await cti({ event: 'call.ringing', callId: 'pbx-1', callerNumber: '0811', extension: '999' })).json()
        .status,
    ).toBe('no_agent');

    await cti({ event: 'call.answered', callId: 'pbx-77120', extension: '204', at: '2026-11-28T03:00:00Z' });
    const logged = await logContact({
      channel: 'phone',
      callerNumber: '+6281200000001',
      outcome: 'answered',
      answer: 'Paspor dapat diambil di loket 3.',
      callId: 'pbx-77120',
    });
    expect(logged.statusCode).toBe(201);
    const ended = await cti({ event: 'call.ended', callId: 'pbx-77120', at: '2026-11-28T03:03:05Z' });
    expect(ended.json().status).toBe('recorded');
    const row = await t.db
      .selectFrom('logged_contacts')
      .select('duration_seconds')
      .where('id', '=', logged.json().id)
      .executeTakeFirstOrThrow();
    expect(row.duration_seconds).toBe(185);
  });

  it('refuses an extension another agent already has', async () => {
    const other = await buildStaff(t.db, { roles: ['agent'], officeId });
    const response = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/staff/me/extension',
      headers: await sessionHeaders(t.db, other, t.config),
      payload: { extension: '204' },
    });
    expect(response.statusCode).toBe(409);
  });
});

describe('channel settings in the admin console', () => {
  it('stores secrets sealed and shows only their last characters', async () => {
    const national = await buildStaff(t.db, { roles: ['admin'], officeId: null });
    const headers = await sessionHeaders(t.db, national, t.config);
    const secret = 'EAAGsecretAccessTokenFromTheConsole9876';
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/staff/admin/channels/whatsapp',
      headers,
      payload: { accessToken: secret, phoneNumberId: '123456789012', templateName: 'loket_update' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.body).not.toContain(secret);
    expect(saved.json()).toMatchObject({
      plain: { phoneNumberId: '123456789012', templateName: 'loket_update' },
      secrets: { accessToken: { set: true, endsWith: '9876' }, appSecret: { set: false } },
    });
    const stored = await t.db
      .selectFrom('channel_settings')
      .select('settings')
      .where('channel', '=', 'whatsapp')
      .executeTakeFirstOrThrow();
    expect(stored.settings).not.toContain(secret);
    // Back to the environment's value.
    const reset = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/staff/admin/channels/whatsapp',
      headers,
      payload: { accessToken: null },
    });
    expect(reset.json().secrets.accessToken.set).toBe(false);
    const event = await t.db
      .selectFrom('events')
      .select('payload')
      .where('type', '=', 'channel.settings_saved')
      .execute();
    expect(JSON.stringify(event)).not.toContain(secret);
  });
});
