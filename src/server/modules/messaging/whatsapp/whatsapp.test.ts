import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildConfig,
  createTestApp,
  type StaffHeaders,
  staffOf,
  type TestApp,
} from '../../../../test-support/factories.js';
import {
  FAKE_WA,
  type FakeWhatsApp,
  GRAPH_ERRORS,
  signWebhook,
  startFakeWhatsApp,
  whatsappSettingsFor,
} from '../../../../test-support/fake-whatsapp.js';
import { EXE, PDF, PNG } from '../../../../test-support/portal-client.js';
import { runDueJobs } from '../../../jobs/worker.js';
import { AttachmentStore, attachFiles } from '../../cases/attachments.js';

/**
 * WhatsApp end to end against the local Cloud API: signed webhooks in, cases in the console, agent replies out
 * through the job queue, status callbacks on the messages, the 24-hour window and Graph errors.
 */
let t: TestApp;
let fake: FakeWhatsApp;
let staff: StaffHeaders;
const now = new Date();
const CITIZEN = '6281234567890';

beforeAll(async () => {
  fake = await startFakeWhatsApp(() => now);
  const _base = buildConfig();
  t = await createTestApp({
    dataDir: mkdtempSync(path.join(tmpdir(), 'loket-wa-')),
    whatsapp: whatsappSettingsFor(fake),
  });
  staff = await staffOf(t, 'supervisor');
});

afterAll(() => fake?.close());

async function post(payload: unknown, signature?: string) {
  const body = JSON.stringify(payload);
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/channels/whatsapp/webhook',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature ?? signWebhook(body) },
    payload: body,
  });
}

/** Runs due jobs until none is left (each run may enqueue more, a few milliseconds later on its clock). */
async function drain(aheadMs = 5_000) {
  for (let i = 0; i < 20; i++) {
    const at = new Date(Date.now() + aheadMs);
    const summary = await runDueJobs(
      { db: t.db, dialect: t.database.dialect, config: t.config },
      { now: at, random: () => 1 },
    );
    if (summary.claimed === 0) return;
  }
}

async function caseOf(waId: string) {
  const thread = await t.db
    .selectFrom('channel_threads')
    .innerJoin('cases', 'cases.id', 'channel_threads.case_id')
    .select(['cases.tracking_code', 'cases.id'])
    .where('external_user', '=', waId)
    .executeTakeFirstOrThrow();
  return thread;
}

function bodiesOf(detail: { timeline: { kind: string; body?: string }[] }): string[] {
  return detail.timeline.filter((e) => e.kind === 'message').map((e) => e.body ?? '');
}

async function staffGet(url: string) {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/staff${url}`, headers: staff });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function reply(code: string, body: string) {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/v1/staff/cases/${code}/messages`,
    headers: staff,
    payload: { kind: 'public_reply', body },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string };
}

describe('webhook verification and signatures', () => {
  it('echoes hub.challenge only for the configured verify token', async () => {
    const ok = await t.app.inject({
      method: 'GET',
      url: `/api/v1/channels/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=${FAKE_WA.verifyToken}&hub.challenge=1158201444`,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toBe('1158201444');
    const wrong = await t.app.inject({
      method: 'GET',
      url: '/api/v1/channels/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1',
    });
    expect(wrong.statusCode).toBe(403);
  });

  it('refuses unsigned and wrongly signed payloads with 401 invalid_signature', async () => {
    const payload = fake.text(CITIZEN, 'Siti Aminah', 'Halo');
    const forged = await post(payload, signWebhook(JSON.stringify(payload), 'not-the-app-secret-00000000'));
    expect(forged.statusCode).toBe(401);
    expect(forged.json().code).toBe('invalid_signature');
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/v1/channels/whatsapp/webhook',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(payload),
    });
    expect(missing.statusCode).toBe(401);
    // A signature over other bytes (the same JSON re-serialised with spaces) does not match either.
    const spaced = JSON.stringify(payload, null, 1);
    const respaced = await t.app.inject({
      method: 'POST',
      url: '/api/v1/channels/whatsapp/webhook',
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': signWebhook(JSON.stringify(payload)),
      },
      payload: spaced,
    });
    expect(respaced.statusCode).toBe(401);
    expect(await t.db.selectFrom('channel_messages').select('id').execute()).toHaveLength(0);
  });
});

describe('a WhatsApp conversation', () => {
  let code: string;

  it('becomes a case with a receipt on WhatsApp, and a second message joins it', async () => {
    const first = fake.text(
      CITIZEN,
      'Siti Aminah',
      'Selamat pagi, paspor saya belum jadi padahal sudah 10 hari kerja.',
    );
    const response = await post(first);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ accepted: 1, duplicates: 0, statuses: 0 });
    // Meta retries a webhook it thinks failed: the same message is acknowledged, not stored twice.
    expect((await post(first)).json()).toEqual({ accepted: 0, duplicates: 1, statuses: 0 });
    await drain();
    const found = await caseOf(CITIZEN);
    code = found.tracking_code;
    const detail = await staffGet(`/cases/${code}`);
    expect(detail.channel).toBe('whatsapp');
    expect(detail.contact).toMatchObject({ name: 'Siti Aminah', phone: '+6281234567890' });
    expect(fake.sent).toHaveLength(1);
    expect(fake.sent[0]).toMatchObject({ to: CITIZEN, type: 'text' });
    expect(fake.sent[0]!.text!.body).toContain(code);

    await post(fake.text(CITIZEN, 'Siti Aminah', 'Nomor permohonan saya 1234567890123456.'));
    await drain();
    const after = await staffGet(`/cases/${code}`);
    expect(bodiesOf(after)).toContain('Nomor permohonan saya 1234567890123456.');
    expect((await caseOf(CITIZEN)).tracking_code).toBe(code);
  });

  it("sends the agent's reply back on WhatsApp and shows its delivery states", async () => {
    const message = await reply(
      code,
      'Mohon maaf atas keterlambatannya. Paspor Anda dapat diambil besok pukul 09.00.',
    );
    let channel = await staffGet(`/cases/${code}/channel`);
    expect(channel).toMatchObject({ channel: 'whatsapp', replyMode: 'text' });
    expect(
      channel.deliveries.find((d: { caseMessageId: string }) => d.caseMessageId === message.id).status,
    ).toBe('queued');
    await drain();
    const out = fake.sent.at(-1)!;
    expect(out).toMatchObject({ to: CITIZEN, type: 'text' });
    expect(out.text!.body).toBe(
      'Mohon maaf atas keterlambatannya. Paspor Anda dapat diambil besok pukul 09.00.',
    );

    for (const status of ['sent', 'delivered', 'read'] as const) {
      const answer = await post(fake.status(out.wamid, CITIZEN, status));
      expect(answer.json().statuses, answer.body).toBe(status === 'sent' ? 0 : 1);
    }
    // A late "delivered" after "read" changes nothing.
    expect((await post(fake.status(out.wamid, CITIZEN, 'delivered'))).json().statuses).toBe(0);
    channel = await staffGet(`/cases/${code}/channel`);
    const delivery = channel.deliveries.find(
      (d: { caseMessageId: string }) => d.caseMessageId === message.id,
    );
    expect(delivery).toMatchObject({ status: 'read', direction: 'out', templateName: null });
    expect(delivery.deliveredAt).not.toBeNull();
    expect(delivery.readAt).not.toBeNull();
  });

  it('downloads received media through the Graph API and keeps only files that pass the checks', async () => {
    await post(fake.image(CITIZEN, 'Siti Aminah', PNG, 'image/png', 'Foto antrean'));
    await post(fake.document(CITIZEN, 'Siti Aminah', EXE, 'application/pdf', 'surat.pdf'));
    await post(fake.location(CITIZEN, 'Siti Aminah', -7.2575, 112.7521, 'Kantor Imigrasi Surabaya'));
    await drain();
    const detail = await staffGet(`/cases/${code}`);
    const bodies = bodiesOf(detail).join('\n');
    expect(bodies).toContain('Foto antrean');
    expect(bodies).toContain('-7.257500, 112.752100');
    expect(bodies).toMatch(/tidak dapat diterima/);
    const files = await t.db
      .selectFrom('case_attachments')
      .selectAll()
      .where('case_id', '=', (await caseOf(CITIZEN)).id)
      .execute();
    expect(files.map((f) => f.media_type)).toEqual(['image/png']);
    // Media requests carried the bearer token (the fake refuses others).
    expect(fake.requests.some((r) => r.path.includes('/download/'))).toBe(true);
  });

  it("uploads the reply's attachment and sends it after the text", async () => {
    const message = await reply(code, 'Terlampir formulir pengambilan.');
    const store = AttachmentStore.inDataDir(t.config.dataDir);
    await attachFiles(
      t.db,
      { caseId: (await caseOf(CITIZEN)).id, messageId: message.id, authorType: 'staff' },
      [
        {
          sha256: await store.put(PDF),
          fileName: 'formulir.pdf',
          mediaType: 'application/pdf',
          size: PDF.length,
        },
      ],
    );
    await drain();
    expect(fake.uploads.at(-1)).toMatchObject({ type: 'application/pdf', fileName: 'formulir.pdf' });
    expect(fake.sent.at(-1)).toMatchObject({ type: 'document', document: { filename: 'formulir.pdf' } });
  });

  it('retries after a rate limit, waiting at least what Meta asked', async () => {
    fake.failNext(GRAPH_ERRORS.rateLimit);
    const before = fake.sent.length;
    const message = await reply(code, 'Apakah ada yang bisa kami bantu lagi?');
    await drain();
    expect(fake.sent.length).toBe(before);
    const job = await t.db
      .selectFrom('jobs')
      .select(['status', 'run_at', 'last_error'])
      .where('dedupe_key', '=', `whatsapp.reply:${message.id}`)
      .executeTakeFirstOrThrow();
    expect(job.status).toBe('pending');
    expect(new Date(job.run_at as string).getTime() - Date.now()).toBeGreaterThanOrEqual(29_000);
    await drain(40_000);
    expect(fake.sent.at(-1)!.text!.body).toBe('Apakah ada yang bisa kami bantu lagi?');
  });

  it('marks an undeliverable message failed and shows the reason', async () => {
    fake.failNext(GRAPH_ERRORS.undeliverable);
    const message = await reply(code, 'Pesan yang tidak akan sampai.');
    await drain();
    const channel = await staffGet(`/cases/${code}/channel`);
    expect(
      channel.deliveries.find((d: { caseMessageId: string }) => d.caseMessageId === message.id),
    ).toMatchObject({
      status: 'failed',
      errorCode: '131026',
    });
  });

  it('uses the approved template outside the 24-hour window, and the console says so', async () => {
    // A day and an hour pass without a word from the citizen.
    const dayAgo = new Date(Date.now() - 25 * 60 * 60_000);
    await t.db
      .updateTable('channel_threads')
      .set({ last_inbound_at: dayAgo.toISOString() })
      .where('external_user', '=', CITIZEN)
      .execute();
    fake.citizenWroteAt(CITIZEN, dayAgo);
    const channel = await staffGet(`/cases/${code}/channel`);
    expect(channel).toMatchObject({ replyMode: 'template', templateName: FAKE_WA.templateName });
    await reply(code, 'Paspor Anda sudah siap.\nSilakan datang dengan bukti pembayaran.');
    await drain();
    const out = fake.sent.at(-1)!;
    expect(out.type).toBe('template');
    expect(out.template).toMatchObject({ name: FAKE_WA.templateName, language: { code: 'id' } });
    expect(JSON.stringify(out.template!.components)).toContain(code);
    expect(JSON.stringify(out.template!.components)).toContain('Paspor Anda sudah siap. / Silakan datang');
  });

  it("a failed status callback marks the sent message failed with Meta's reason", async () => {
    const out = fake.sent.at(-1)!;
    await post(fake.status(out.wamid, CITIZEN, 'failed'));
    const channel = await staffGet(`/cases/${code}/channel`);
    const template = channel.deliveries.find((d: { templateName: string | null }) => d.templateName !== null);
    expect(template).toMatchObject({
      status: 'failed',
      errorCode: '131026',
      errorTitle: 'Message Undeliverable.',
    });
  });
});
