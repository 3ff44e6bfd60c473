import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from '../../../test-support/engine.js';
import {
  buildCase,
  buildConfig,
  createTestApp,
  officeIdOf,
  type StaffHeaders,
  staffOf,
  TEST_SECRET,
  type TestApp,
} from '../../../test-support/factories.js';
import { FAKE_TG, type FakeTelegram, startFakeTelegram } from '../../../test-support/fake-telegram.js';
import {
  type FakeWhatsApp,
  signWebhook,
  startFakeWhatsApp,
  whatsappSettingsFor,
} from '../../../test-support/fake-whatsapp.js';
import { SYSTEM_ACTOR } from '../../events/catalogue.js';
import { enqueueJob } from '../../jobs/outbox.js';
import { runDueJobs } from '../../jobs/worker.js';
import { requestAgent, sendVisitorMessage, startConversation } from '../chat/conversations.js';
import { sendEmailJob } from '../email/delivery.js';
import { acceptInboundMail } from '../email/inbound/receive.js';
import { createApiKey } from '../passports/api-keys.js';
import { type ApplicationInput, applyRecords } from '../passports/apply.js';

/**
 * Erasure across every channel: one person writes on the portal, on WhatsApp, calls the office and chats; after
 * their erasure request no table holds their e-mail address, number (in any stored spelling), name or WhatsApp id.
 */
const PERSON = {
  name: 'Dewi Kartikasari',
  waName: 'Dewi K Surabaya',
  email: 'dewi.kartikasari@example.com',
  phone: '0813-5555-7777',
  /** How contacts, logged calls, PBX records and WhatsApp store it. */
  normalised: '6281355557777',
};
/** Their passport application, with consent to be told of its stages (so a stage e-mail goes to them). */
const PASSPORT: ApplicationInput = {
  applicationNumber: 'TST2611000777',
  applicantName: PERSON.name,
  birthDate: '1990-05-17',
  passportKind: 'electronic',
  validityYears: 10,
  service: 'new',
  speed: 'regular',
  appointmentDate: '2026-11-23',
  stage: 'booked',
  stageAt: '2026-11-23T01:00:00.000Z',
  contactEmail: PERSON.email,
  contactPhone: PERSON.phone,
  contactConsent: true,
  language: 'id',
};

/** Every spelling the person's details could be stored in, matched case-insensitively. */
const NEEDLES = [
  PERSON.name,
  PERSON.waName,
  PERSON.email,
  PERSON.phone,
  PERSON.normalised,
  '81355557777',
  '813-5555-7777',
];

/**
 * Kept on purpose, and why:
 * - data_subject_requests.email: the request itself; the controller must be able to show that and when it
 *   answered it (UU 27/2022), so the address the person gave to be found by stays with the request.
 * - passport_applications.applicant_name / name_search (its searchable form): the office's register of passport
 *   applications, mirrored from its own system (the legal basis is the passport law, not consent). Erasure removes
 *   the consent-based contact details and withdraws the consent; the record itself stays (docs/ARCHITECTURE.md).
 */
const ALLOWED = new Set([
  'data_subject_requests.email',
  'passport_applications.applicant_name',
  'passport_applications.name_search',
]);

let t: TestApp;
let fake: FakeWhatsApp;
let telegram: FakeTelegram;
let supervisor: StaffHeaders;
let agent: StaffHeaders;

beforeAll(async () => {
  fake = await startFakeWhatsApp();
  telegram = await startFakeTelegram();
  const base = buildConfig();
  t = await createTestApp({
    dataDir: mkdtempSync(path.join(tmpdir(), 'loket-erasure-')),
    whatsapp: whatsappSettingsFor(fake),
    telegram: {
      ...base.telegram,
      botToken: FAKE_TG.botToken,
      secretToken: FAKE_TG.secretToken,
      apiBaseUrl: telegram.apiBaseUrl,
    },
  });
  supervisor = await staffOf(t, 'supervisor');
  agent = await staffOf(t, 'agent');
});

afterAll(async () => {
  await fake?.close();
  await telegram?.close();
});

async function drain() {
  for (let i = 0; i < 20; i++) {
    const summary = await runDueJobs(
      { db: t.db, dialect: t.database.dialect, config: t.config },
      { now: new Date(Date.now() + 5_000), random: () => 1 },
    );
    if (summary.claimed === 0) return;
  }
}

async function whatsapp(text: string) {
  const body = JSON.stringify(fake.text(PERSON.normalised, PERSON.waName, text));
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/channels/whatsapp/webhook',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signWebhook(body) },
    payload: body,
  });
  expect(response.statusCode, response.body).toBe(200);
}

async function staffPost(url: string, payload: object, headers = supervisor) {
  const response = await t.app.inject({ method: 'POST', url: `/api/v1/${url}`, headers, payload });
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.json();
}

/** An e-mail from the person as the office's SMTP receiver stores it (processed by the drained jobs). */
async function email(officeId: string, n: number, extraHeaders = '') {
  const raw = Buffer.from(
    `From: "${PERSON.name}" <${PERSON.email}>\r\nTo: informasi@tst.example.go.id\r\nSubject: Pertanyaan ${n}\r\n` +
      `Message-ID: <erasure-${n}@example.com>\r\n${extraHeaders}\r\nBagaimana cara memperpanjang paspor?\r\n`,
  );
  const accepted = await acceptInboundMail(t.db, {
    officeId,
    recipient: 'informasi@tst.example.go.id',
    raw,
    source: 'smtp',
  });
  expect(accepted.status).toBe('accepted');
}

/**
 * The person everywhere: a web case, two e-mails (one a case, one an ignored auto-reply that stays without a
 * case), a WhatsApp case, a logged call, a PBX call record, a live chat, a passport application with its stage
 * e-mail and a queued e-mail to them.
 */
async function seedPerson(): Promise<{ chatCode: string }> {
  const officeId = await officeIdOf(t.db, 'TST');
  await email(officeId, 1);
  await email(officeId, 2, 'Auto-Submitted: auto-replied\r\n');
  await buildCase(t.db, {
    subject: 'Paspor hilang',
    description: 'Paspor saya hilang di bandara, bagaimana mengurus penggantinya?',
    contact: { name: PERSON.name, email: PERSON.email, phone: PERSON.phone },
  });
  await whatsapp('Selamat pagi, paspor saya belum selesai.');
  await drain();
  await whatsapp('Apakah bisa diambil besok?');
  await drain();
  await staffPost(
    'staff/contacts/log',
    {
      channel: 'phone',
      callerNumber: '+62 813 5555 7777',
      callerName: PERSON.name,
      outcome: 'answered',
      answer: 'Pengambilan paspor pukul 13.00–15.00.',
    },
    agent,
  );
  const admin = { type: 'staff' as const, id: null, name: 'Admin' };
  const ctiKey = (await createApiKey(t.db, admin, { officeId, name: 'PBX', permissions: ['cti:events'] }))
    .key;
  const ringing = await t.app.inject({
    method: 'POST',
    url: '/api/v1/channels/cti/events',
    headers: { authorization: `Bearer ${ctiKey}` },
    payload: { event: 'call.ringing', callId: 'erasure-call-1', callerNumber: PERSON.phone },
  });
  expect(ringing.statusCode, ringing.body).toBeLessThan(300);
  const chat = await startConversation(t.db, { officeId, language: 'id' });
  await sendVisitorMessage(t.db, chat.id, { clientId: 'c-erasure-1', body: 'Jam buka kantor?' });
  const handOff = await requestAgent(t.db, chat.id, {
    secret: TEST_SECRET,
    officeCode: 'TST',
    name: PERSON.name,
  });
  await sendVisitorMessage(t.db, chat.id, {
    clientId: 'c-erasure-2',
    body: 'Terima kasih',
    name: PERSON.name,
  });
  await t.db
    .transaction()
    .execute((trx) =>
      applyRecords(trx, SYSTEM_ACTOR, officeId, [PASSPORT], { source: 'api', now: new Date() }),
    );
  await drain();
  // A mail to the person still waiting in the queue (due tomorrow): it must not reach them after erasure.
  await enqueueJob(
    t.db,
    sendEmailJob,
    { officeId, to: PERSON.email, subject: 'Paspor Anda', text: 'Paspor Anda sudah dapat diambil.' },
    { runAt: new Date(Date.now() + 86_400_000) },
  );
  return { chatCode: handOff.receipt!.trackingCode };
}

async function tableNames(): Promise<string[]> {
  const query =
    ENGINE === 'postgres'
      ? sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`
      : sql<{ name: string }>`select name from sqlite_master where type = 'table'`;
  return (await query.execute(t.db)).rows.map((r) => r.name).sort();
}

function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Every `table.column` whose raw value contains one of the needles, with the needle. */
async function findPerson(of: readonly string[] = NEEDLES): Promise<string[]> {
  const found: string[] = [];
  const needles = of.map((n) => n.toLowerCase());
  for (const table of await tableNames()) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(t.db);
    for (const row of rows)
      for (const [column, value] of Object.entries(row)) {
        const text = asText(value).toLowerCase();
        for (const needle of needles)
          if (text.includes(needle) && !ALLOWED.has(`${table}.${column}`))
            found.push(`${table}.${column}: ${needle}`);
      }
  }
  return [...new Set(found)];
}

describe(`erasure across channels on ${ENGINE}`, () => {
  it('leaves no e-mail address, number, name or WhatsApp id of the person in any table', async () => {
    const { chatCode } = await seedPerson();
    const before = await findPerson();
    // The scan sees the person where each channel stores them (so a clean result below means something).
    for (const place of [
      'cases.contact_email',
      'cases.contact_phone',
      'cases.contact_name',
      'contact_identities.value',
      'contacts.display_name',
      'channel_threads.external_user',
      'channel_messages.external_user',
      'logged_contacts.caller_number',
      'logged_contacts.caller_name',
      'cti_calls.caller_number',
      'case_messages.author_name',
      'email_messages.recipient',
      'email_messages.sender',
      'email_raw.content',
      'jobs.payload',
      'passport_applications.contact_email',
      'passport_applications.contact_phone',
    ])
      expect(
        before.some((f) => f.startsWith(`${place}:`)),
        place,
      ).toBe(true);

    const access = await staffPost('staff/privacy/requests', {
      kind: 'access',
      email: PERSON.email,
      trackingCode: chatCode,
    });
    const exported = await t.app.inject({
      method: 'GET',
      url: `/api/v1/staff/privacy/requests/${access.id}/export`,
      headers: supervisor,
    });
    expect(exported.statusCode, exported.body).toBe(200);
    const held = exported.json();
    expect(held.cases.map((c: { channel: string }) => c.channel).sort()).toEqual([
      'chat',
      'email',
      'web',
      'whatsapp',
    ]);
    expect(held.identities).toEqual(
      expect.arrayContaining([
        { kind: 'email', value: PERSON.email },
        { kind: 'phone', value: PERSON.normalised },
      ]),
    );
    expect(held.messagingConversations).toEqual([
      expect.objectContaining({ channel: 'whatsapp', user: PERSON.normalised, displayName: PERSON.waName }),
    ]);
    expect(held.chats[0].messages.map((m: { body: string }) => m.body)).toContain('Terima kasih');
    expect(held.passportApplications).toEqual([
      expect.objectContaining({ applicationNumber: PASSPORT.applicationNumber, contactEmail: PERSON.email }),
    ]);
    expect(held.loggedContacts).toEqual([
      expect.objectContaining({ callerNumber: PERSON.normalised, callerName: PERSON.name }),
    ]);

    const erasure = await staffPost('staff/privacy/requests', {
      kind: 'erasure',
      email: PERSON.email.toUpperCase(),
      trackingCode: chatCode,
    });
    const done = await staffPost(`staff/privacy/requests/${erasure.id}/complete`, {
      status: 'completed',
      outcome: 'Data kontak dihapus dari semua kanal',
    });
    expect(done.status).toBe('completed');
    await drain();

    expect(await findPerson()).toEqual([]);
    // What is kept is kept: the cases (anonymised), the call statistics and the chat transcript.
    expect(
      Number(
        (
          await t.db
            .selectFrom('logged_contacts')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBe(1);
    const chatCase = await t.db
      .selectFrom('cases')
      .select(['contact_name', 'description'])
      .where('tracking_code', '=', chatCode)
      .executeTakeFirstOrThrow();
    expect(chatCase.contact_name).toBeNull();
    expect(chatCase.description).toContain('Jam buka kantor?');
    expect(await t.db.selectFrom('contacts').select('id').execute()).toEqual([]);
    const passport = await t.db
      .selectFrom('passport_applications')
      .select(['contact_consent', 'consent_withdrawn_at'])
      .executeTakeFirstOrThrow();
    expect(Boolean(passport.contact_consent)).toBe(false);
    expect(passport.consent_withdrawn_at).not.toBeNull();
  });

  it('finds a Telegram-only person by the tracking code and forgets their chat id and name', async () => {
    const chatId = 318_442_977;
    const update = JSON.stringify(
      telegram.text(chatId, 'Rudi Hartanto', 'Selamat siang, bagaimana cara membuat paspor?'),
    );
    const received = await t.app.inject({
      method: 'POST',
      url: '/api/v1/channels/telegram/webhook',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': FAKE_TG.secretToken },
      payload: update,
    });
    expect(received.statusCode, received.body).toBe(200);
    await drain();
    const thread = await t.db
      .selectFrom('channel_threads')
      .innerJoin('cases', 'cases.id', 'channel_threads.case_id')
      .select('cases.tracking_code')
      .where('channel_threads.external_user', '=', String(chatId))
      .executeTakeFirstOrThrow();
    const needles = [String(chatId), 'Rudi Hartanto'];
    const before = await findPerson(needles);
    for (const place of ['channel_threads.external_user', 'contact_identities.value', 'cases.contact_name'])
      expect(
        before.some((f) => f.startsWith(`${place}:`)),
        place,
      ).toBe(true);

    const erasure = await staffPost('staff/privacy/requests', {
      kind: 'erasure',
      trackingCode: thread.tracking_code,
    });
    await staffPost(`staff/privacy/requests/${erasure.id}/complete`, {
      status: 'completed',
      outcome: 'Dihapus',
    });
    expect(await findPerson(needles)).toEqual([]);
  });
});
