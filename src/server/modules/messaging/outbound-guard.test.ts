import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConfig, createTestApp, type TestApp } from '../../../test-support/factories.js';
import {
  type FakeWhatsApp,
  signWebhook,
  startFakeWhatsApp,
  whatsappSettingsFor,
} from '../../../test-support/fake-whatsapp.js';
import { runDueJobs } from '../../jobs/worker.js';

/**
 * The Graph API base URL may be an administrator's override, and the access token goes with every call: with
 * LOKET_OUTBOUND_ALLOW_PRIVATE off, a base URL on this machine (here the fake Graph API) is not called at all.
 */
let t: TestApp;
let fake: FakeWhatsApp;

beforeAll(async () => {
  fake = await startFakeWhatsApp();
  const _base = buildConfig();
  t = await createTestApp({
    outboundAllowPrivate: false,
    dataDir: mkdtempSync(path.join(tmpdir(), 'loket-wa-guard-')),
    whatsapp: whatsappSettingsFor(fake),
  });
});

afterAll(() => fake?.close());

describe('messaging calls to a private address', () => {
  it('fails the receipt for good without calling the platform', async () => {
    const body = JSON.stringify(fake.text('6281299990000', 'Budi', 'Halo, paspor saya?'));
    const webhook = await t.app.inject({
      method: 'POST',
      url: '/api/v1/channels/whatsapp/webhook',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signWebhook(body) },
      payload: body,
    });
    expect(webhook.statusCode).toBe(200);
    for (let i = 0; i < 5; i++)
      await runDueJobs(
        { db: t.db, dialect: t.database.dialect, config: t.config },
        { now: new Date(Date.now() + 5_000) },
      );
    const receipt = await t.db
      .selectFrom('channel_messages')
      .selectAll()
      .where('kind', '=', 'receipt')
      .executeTakeFirstOrThrow();
    expect(receipt).toMatchObject({ status: 'failed', error_code: 'address_refused' });
    expect(fake.sent).toEqual([]);
  });
});
