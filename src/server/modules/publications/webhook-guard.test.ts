import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from '../../../test-support/engine.js';
import {
  buildStaff,
  createTestApp,
  officeIdOf,
  type StaffHeaders,
  sessionHeaders,
  staffOf,
  TEST_SECRET,
  type TestApp,
} from '../../../test-support/factories.js';
import { SYSTEM_ACTOR } from '../../events/catalogue.js';
import { runDueJobs } from '../../jobs/worker.js';
import { seedDemoPublications } from './demo.js';
import { saveWebhook } from './webhooks.js';

/**
 * Webhook URLs with LOKET_OUTBOUND_ALLOW_PRIVATE off (the default): a private or loopback address is refused when
 * an administrator saves it, and — for a host that resolves there only later — when a delivery is made.
 */
let t: TestApp;
let admin: StaffHeaders;
let receiver: Server;
let port: number;
let hits = 0;

beforeAll(async () => {
  receiver = createServer((_request, response) => {
    hits++;
    response.writeHead(204).end();
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  port = (receiver.address() as AddressInfo).port;
  t = await createTestApp({ outboundAllowPrivate: false });
  admin = await staffOf(t, 'admin');
});

afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

function addWebhook(url: string, language: 'id' | 'en' = 'id') {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/staff/publication-webhooks',
    headers: { ...admin, 'accept-language': language },
    payload: { name: 'Alat posting', url, active: true },
  });
}

describe(`webhook addresses on ${ENGINE}`, () => {
  it.each([
    'http://127.0.0.1:5432/',
    'http://localhost/hook',
    'http://169.254.169.254/latest/meta-data/',
    'http://10.1.2.3/hook',
    'http://192.168.0.10/hook',
    'http://100.64.0.7/hook',
    'http://[::1]:8080/hook',
    'http://[fd12::1]/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://0.0.0.0:3000/',
  ])('refuses %s when saved, with a localised field error', async (url) => {
    const refused = await addWebhook(url);
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().errors).toEqual([
      expect.objectContaining({ field: 'url', code: 'url.not_public' }),
    ]);
    expect(refused.json().errors[0].message).toContain('internet publik');
    const english = await addWebhook(url, 'en');
    expect(english.json().errors[0].message).toContain('public internet');
  });

  it('accepts a public address when saved', async () => {
    const saved = await addWebhook('https://8.8.8.8/hook');
    expect(saved.statusCode, saved.body).toBe(201);
    // Switched off again, so the delivery test below sees only its own webhook.
    const off = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/staff/publication-webhooks/${saved.json().id}`,
      headers: admin,
      payload: { name: 'Alat posting', url: 'https://8.8.8.8/hook', active: false },
    });
    expect(off.statusCode, off.body).toBe(200);
  });

  it('refuses at delivery a host that resolves to a private address, and delivers once that is allowed', async () => {
    // Saved while the name still resolved elsewhere (DNS rebinding); here: saved with the guard off.
    await saveWebhook(
      t.db,
      SYSTEM_ACTOR,
      { secret: TEST_SECRET, outboundAllowPrivate: true },
      { name: 'Berubah alamat', url: `http://localhost:${port}/hook`, active: true },
    );
    await seedDemoPublications(t.db, TEST_SECRET, await officeIdOf(t.db, 'TST'), new Date());
    const jobs = { db: t.db, dialect: t.database.dialect, config: t.config };
    await runDueJobs(jobs, { now: new Date(), limit: 50 });
    const refused = await t.db.selectFrom('publication_deliveries').selectAll().execute();
    expect(refused.length).toBeGreaterThan(0);
    for (const delivery of refused) {
      expect(delivery.status).toBe('pending');
      expect(delivery.last_error).toBe('localhost is not a public address');
    }
    expect(hits).toBe(0);

    // The same deliveries with private addresses allowed reach the receiver: the refusal was the guard's.
    const allowed = { ...jobs, config: { ...t.config, outboundAllowPrivate: true } };
    await runDueJobs(allowed, { now: new Date(Date.now() + 3_600_000), limit: 50 });
    expect(hits).toBe(refused.length);
  });
});

describe('messaging API base URLs', () => {
  it('refuses a private address as an administrator’s override', async () => {
    const national = await buildStaff(t.db, { roles: ['admin'], officeId: null });
    const headers = await sessionHeaders(t.db, national, t.config);
    for (const [channel, url] of [
      ['whatsapp', 'http://169.254.169.254/v21.0'],
      ['telegram', `http://localhost:${port}`],
    ] as const) {
      const refused = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/staff/admin/channels/${channel}`,
        headers,
        payload: { apiBaseUrl: url },
      });
      expect(refused.statusCode, refused.body).toBe(422);
      expect(refused.json().errors).toEqual([
        expect.objectContaining({ field: 'apiBaseUrl', code: 'url.not_public' }),
      ]);
    }
    const publicUrl = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/staff/admin/channels/telegram',
      headers,
      payload: { apiBaseUrl: 'https://149.154.167.220' },
    });
    expect(publicUrl.statusCode, publicUrl.body).toBe(200);
  });
});
