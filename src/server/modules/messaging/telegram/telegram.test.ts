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
import { FAKE_TG, type FakeTelegram, startFakeTelegram } from '../../../../test-support/fake-telegram.js';
import { PDF, PNG } from '../../../../test-support/portal-client.js';
import { runDueJobs } from '../../../jobs/worker.js';
import { AttachmentStore, attachFiles } from '../../cases/attachments.js';

/** Telegram end to end against the local Bot API: updates in, cases in the console, replies and files out. */
let t: TestApp;
let fake: FakeTelegram;
let staff: StaffHeaders;
const CHAT = 318_442_901;

beforeAll(async () => {
  fake = await startFakeTelegram();
  const base = buildConfig();
  t = await createTestApp({
    dataDir: mkdtempSync(path.join(tmpdir(), 'loket-tg-')),
    telegram: {
      ...base.telegram,
      botToken: FAKE_TG.botToken,
      secretToken: FAKE_TG.secretToken,
      apiBaseUrl: fake.apiBaseUrl,
    },
  });
  staff = await staffOf(t, 'agent');
});

afterAll(() => fake?.close());

function post(update: unknown, secret: string | null = FAKE_TG.secretToken) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/channels/telegram/webhook',
    headers: {
      'content-type': 'application/json',
      ...(secret === null ? {} : { 'x-telegram-bot-api-secret-token': secret }),
    },
    payload: JSON.stringify(update),
  });
}

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

async function trackingCodeOf(chatId: number) {
  const row = await t.db
    .selectFrom('channel_threads')
    .innerJoin('cases', 'cases.id', 'channel_threads.case_id')
    .select(['cases.tracking_code', 'cases.id'])
    .where('channel_threads.external_user', '=', String(chatId))
    .executeTakeFirstOrThrow();
  return row;
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

async function deliveries(code: string) {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/staff/cases/${code}/channel`,
    headers: staff,
  });
  expect(response.statusCode).toBe(200);
  return response.json().deliveries as {
    caseMessageId: string | null;
    status: string;
    errorCode: string | null;
  }[];
}

describe('Telegram webhook', () => {
  it('refuses updates without the secret token', async () => {
    const missing = await post(fake.text(CHAT, 'Budi', 'Halo'), null);
    expect(missing.statusCode).toBe(401);
    expect(missing.json().code).toBe('invalid_signature');
    expect((await post(fake.text(CHAT, 'Budi', 'Halo'), 'wrong-secret-token-000')).statusCode).toBe(401);
  });

  it('answers /start with a welcome and registers no case', async () => {
    await post(fake.text(CHAT, 'Budi', '/start'));
    await drain();
    expect(fake.sent).toHaveLength(1);
    expect(fake.sent[0]).toMatchObject({ method: 'sendMessage', chat_id: String(CHAT) });
    expect(fake.sent[0]!.text).toContain('Selamat datang');
    expect(await t.db.selectFrom('cases').select('id').execute()).toHaveLength(0);
  });
});

describe('a Telegram conversation', () => {
  let code: string;

  it('becomes a case with a receipt; a photo joins it through getFile', async () => {
    const first = fake.text(CHAT, 'Budi', 'Bagaimana cara memperpanjang ITAS suami saya yang WNA?');
    expect((await post(first)).json()).toEqual({ result: 'accepted' });
    expect((await post(first)).json()).toEqual({ result: 'duplicate' });
    await drain();
    const found = await trackingCodeOf(CHAT);
    code = found.tracking_code;
    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/staff/cases/${code}`, headers: staff });
    expect(detail.json()).toMatchObject({ channel: 'telegram', contact: { name: 'Budi' } });
    expect(fake.sent.at(-1)!.text).toContain(code);

    await post(fake.photo(CHAT, 'Budi', PNG, 'Ini kartu ITAS-nya'));
    await post(fake.document(CHAT, 'Budi', PDF, 'sponsor.pdf', 'application/pdf'));
    await drain();
    const files = await t.db
      .selectFrom('case_attachments')
      .select(['media_type', 'file_name'])
      .where('case_id', '=', found.id)
      .execute();
    expect(files.map((f) => f.media_type).sort()).toEqual(['application/pdf', 'image/png']);
    expect(fake.requests.filter((r) => r.path.endsWith('/getFile'))).toHaveLength(2);
    // The largest size of the photo is the one fetched.
    expect(fake.requests.find((r) => r.path.endsWith('/getFile'))!.body.file_id).not.toMatch(/small$/);
  });

  it("sends the agent's reply and its file back to the same chat", async () => {
    const message = await reply(
      code,
      'Perpanjangan ITAS diajukan paling lambat 30 hari sebelum habis berlaku.',
    );
    await attachFiles(
      t.db,
      { caseId: (await trackingCodeOf(CHAT)).id, messageId: message.id, authorType: 'staff' },
      [
        {
          sha256: await AttachmentStore.inDataDir(t.config.dataDir).put(PDF),
          fileName: 'syarat-itas.pdf',
          mediaType: 'application/pdf',
          size: PDF.length,
        },
      ],
    );
    await drain();
    const [text, file] = fake.sent.slice(-2);
    expect(text).toMatchObject({
      method: 'sendMessage',
      chat_id: String(CHAT),
      text: 'Perpanjangan ITAS diajukan paling lambat 30 hari sebelum habis berlaku.',
    });
    expect(file).toMatchObject({
      method: 'sendDocument',
      chat_id: String(CHAT),
      file: { fileName: 'syarat-itas.pdf', type: 'application/pdf' },
    });
    expect((await deliveries(code)).find((d) => d.caseMessageId === message.id)!.status).toBe('sent');
  });

  it('waits the retry_after of a 429 before trying again', async () => {
    fake.throttleNext(7);
    const before = fake.sent.length;
    const message = await reply(code, 'Ada pertanyaan lain?');
    await drain();
    expect(fake.sent.length).toBe(before);
    const job = await t.db
      .selectFrom('jobs')
      .select(['status', 'run_at'])
      .where('dedupe_key', '=', `telegram.reply:${message.id}`)
      .executeTakeFirstOrThrow();
    expect(job.status).toBe('pending');
    expect(new Date(job.run_at as string).getTime()).toBeGreaterThan(Date.now() + 5_000);
    await drain(20_000);
    expect(fake.sent.at(-1)!.text).toBe('Ada pertanyaan lain?');
  });

  it('marks the reply failed when the citizen blocked the bot', async () => {
    fake.block(CHAT);
    const message = await reply(code, 'Pesan ini tidak akan sampai.');
    await drain();
    expect((await deliveries(code)).find((d) => d.caseMessageId === message.id)).toMatchObject({
      status: 'failed',
      errorCode: '403',
    });
  });
});
