import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildConfig,
  createTestApp,
  officeIdOf,
  type StaffHeaders,
  staffOf,
  type TestApp,
} from '../../../test-support/factories.js';
import { runDueJobs } from '../../jobs/worker.js';
import { mailerFor } from './delivery.js';
import { type RunningReceiver, startSmtpReceiver } from './inbound/smtp-receiver.js';
import { unsubscribeToken } from './links.js';
import { saveMailSettings } from './storage.js';

/**
 * Real mail over loopback: a standard SMTP client (nodemailer) writes to Loket's receiver, Loket's replies go to
 * a local SMTP sink, and the citizen's answer comes back through the receiver.
 */
const OFFICE_ADDRESS = 'informasi@tst.example.go.id';
const CITIZEN = 'siti.aminah@example.com';
const MAX_BYTES = 200_000;
const silent = { info() {}, warn() {}, error() {} };

let t: TestApp;
let receiver: RunningReceiver;
let sink: SMTPServer;
const delivered: { envelopeTo: string[]; mail: ParsedMail; raw: string }[] = [];
let staff: StaffHeaders;

beforeAll(async () => {
  sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    hideSTARTTLS: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks);
        // Staff notifications (service-level warnings, assignments) go to @example.go.id: only citizens' mail counts.
        if (session.envelope.rcptTo.every((r) => r.address.endsWith('@example.go.id'))) return callback();
        delivered.push({
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          mail: await simpleParser(raw),
          raw: raw.toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const sinkPort = (sink.server.address() as AddressInfo).port;
  const base = buildConfig();
  t = await createTestApp({
    publicUrl: 'https://loket.example.go.id',
    mail: { ...base.mail, smtpUrl: `smtp://127.0.0.1:${sinkPort}`, from: 'loket@tst.example.go.id' },
  });
  await saveMailSettings(t.db, await officeIdOf(t.db, 'TST'), { address: OFFICE_ADDRESS });
  receiver = await startSmtpReceiver(t.db, { port: 0, host: '127.0.0.1', maxBytes: MAX_BYTES }, silent);
  staff = await staffOf(t, 'supervisor');
});

afterAll(async () => {
  await receiver?.close();
  // The mailer keeps its connections to the relay open (a pool): closing it lets the relay close at once.
  mailerFor(t.config).close();
  await new Promise<void>((resolve) => sink.close(() => resolve()));
});

function citizenClient() {
  return nodemailer.createTransport({
    host: '127.0.0.1',
    port: receiver.port,
    secure: false,
    ignoreTLS: true,
  });
}

async function sendToLoket(mail: Parameters<ReturnType<typeof citizenClient>['sendMail']>[0]) {
  const client = citizenClient();
  try {
    return await client.sendMail({ from: `"Siti Aminah" <${CITIZEN}>`, to: OFFICE_ADDRESS, ...mail });
  } finally {
    client.close();
  }
}

/** Runs the outbox until it is empty (receiving, then notifying). */
async function drain(): Promise<void> {
  for (let i = 0; i < 10; i++) {
    const summary = await runDueJobs({ db: t.db, dialect: t.database.dialect, config: t.config });
    if (summary.claimed === 0) return;
    expect(summary.failed).toBe(0);
  }
}

async function casesCount(): Promise<number> {
  const row = await t.db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function lastEmailCase() {
  return t.db
    .selectFrom('cases')
    .selectAll()
    .where('channel', '=', 'email')
    .orderBy('received_at', 'desc')
    .executeTakeFirstOrThrow();
}

describe('the e-mail channel over loopback', () => {
  let trackingCode: string;
  let firstMessageId: string;
  let replyMessageId: string;

  it('turns an e-mail to the office into a case and sends the receipt with the tracking code', async () => {
    const sent = await sendToLoket({
      subject: 'Paspor saya hilang, bagaimana cara mengurusnya?',
      text: 'Selamat pagi, paspor saya hilang di bandara. Apa saja yang harus saya bawa ke kantor?\n\nTerima kasih\n-- \nSiti Aminah\n0812-0000-0001',
      attachments: [
        { filename: 'laporan-polisi.pdf', content: Buffer.from('%PDF-1.4\n%test\n') },
        { filename: 'program.exe', content: Buffer.from('MZ\x90\x00 not allowed') },
      ],
    });
    firstMessageId = sent.messageId;
    expect(sent.response).toMatch(/^250/);
    await drain();

    const row = await lastEmailCase();
    trackingCode = row.tracking_code;
    expect(row).toMatchObject({
      type: 'request',
      language: 'id',
      contact_email: CITIZEN,
      contact_name: 'Siti Aminah',
      subject: 'Paspor saya hilang, bagaimana cara mengurusnya?',
    });
    const files = await t.db
      .selectFrom('case_attachments')
      .selectAll()
      .where('case_id', '=', row.id)
      .execute();
    expect(files.map((f) => [f.file_name, f.media_type])).toEqual([
      ['laporan-polisi.pdf', 'application/pdf'],
    ]);

    const receipt = delivered.at(-1)!;
    expect(receipt.envelopeTo).toEqual([CITIZEN]);
    expect(receipt.mail.subject).toContain(`[${trackingCode}]`);
    expect(receipt.mail.inReplyTo).toBe(firstMessageId);
    expect(receipt.mail.text).toMatch(/Kunci akses Anda: [0-9A-Z]{4}-/);
    expect(receipt.mail.headers.get('auto-submitted')).toBe('auto-generated');
    // mailparser folds List-* headers into its own structure: read the raw header.
    expect(receipt.raw).toMatch(/\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r?\n/);
    expect(receipt.raw).toMatch(
      /\nList-Unsubscribe:\s+<https:\/\/loket\.example\.go\.id\/email\/unsubscribe\?code=/,
    );
    expect(receipt.mail.from?.value[0]?.address).toBe(OFFICE_ADDRESS);
    expect(receipt.mail.html).toContain('Kantor Imigrasi Uji');
  });

  it("sends the agent's reply threaded under the citizen's e-mail, with the text escaped in HTML", async () => {
    const before = delivered.length;
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/staff/cases/${trackingCode}/messages`,
      headers: staff,
      payload: { kind: 'public_reply', body: 'Silakan datang dengan KTP & laporan polisi <asli>.' },
    });
    expect(response.statusCode).toBe(201);
    await drain();
    expect(delivered.length).toBe(before + 1);
    const reply = delivered.at(-1)!;
    replyMessageId = reply.mail.messageId!;
    expect(reply.mail.subject).toBe(`Re: [${trackingCode}] Paspor saya hilang, bagaimana cara mengurusnya?`);
    expect(reply.mail.inReplyTo).toBe(firstMessageId);
    expect([reply.mail.references].flat()).toContain(firstMessageId);
    expect(replyMessageId).toMatch(/@tst\.example\.go\.id>$/);
    expect(reply.mail.text).toContain('Silakan datang dengan KTP & laporan polisi <asli>.');
    expect(reply.mail.html).toContain('KTP &amp; laporan polisi &lt;asli&gt;.');
    expect(reply.mail.headers.has('auto-submitted')).toBe(false);
  });

  it("puts the citizen's answer (In-Reply-To) on the same case, without the quoted text", async () => {
    const count = await casesCount();
    await sendToLoket({
      subject: `Re: [${trackingCode}] Paspor saya hilang`,
      inReplyTo: replyMessageId,
      references: [firstMessageId, replyMessageId],
      text: 'Baik, saya datang besok pagi.\n\nPada Sabtu, 28 Nov 2026 Kantor menulis:\n> Silakan datang dengan KTP',
    });
    await drain();
    expect(await casesCount()).toBe(count);
    const row = await lastEmailCase();
    const messages = await t.db
      .selectFrom('case_messages')
      .selectAll()
      .where('case_id', '=', row.id)
      .where('kind', '=', 'citizen_message')
      .execute();
    expect(messages.map((m) => m.body)).toEqual(['Baik, saya datang besok pagi.']);
  });

  it('takes a tracking code in the subject only from the case contact; a stranger starts a new case', async () => {
    const count = await casesCount();
    await sendToLoket({ subject: `Tentang ${trackingCode}`, text: 'Ada kabar terbaru?' });
    await drain();
    expect(await casesCount()).toBe(count);
    await sendToLoket({
      from: 'orang.lain@example.net',
      subject: `Tentang ${trackingCode}`,
      text: 'Saya ingin melihat laporan ini.',
    });
    await drain();
    expect(await casesCount()).toBe(count + 1);
    expect((await lastEmailCase()).contact_email).toBe('orang.lain@example.net');
  });

  it('refuses unknown recipients with 550 and oversized messages with 552', async () => {
    await expect(
      sendToLoket({ to: 'bukan-kantor@example.go.id', subject: 'x', text: 'x' }),
    ).rejects.toMatchObject({
      responseCode: 550,
    });
    await expect(sendToLoket({ subject: 'besar', text: 'x'.repeat(MAX_BYTES + 10) })).rejects.toMatchObject({
      responseCode: 552,
    });
  });

  it('refuses a message without a sender with a clear 5xx', async () => {
    await expect(
      sendToLoket({
        envelope: { from: CITIZEN, to: [OFFICE_ADDRESS] },
        raw: 'Subject: tanpa pengirim\r\n\r\nisi\r\n',
      }),
    ).rejects.toMatchObject({ responseCode: 550 });
  });

  it('records auto-replies, bounces and loops without making cases or replies', async () => {
    const count = await casesCount();
    const sentBefore = delivered.length;
    await sendToLoket({
      subject: 'Out of office',
      text: 'I am away.',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    await sendToLoket({ subject: 'Balasan otomatis: Paspor', text: 'Saya sedang cuti.' });
    await sendToLoket({
      from: 'MAILER-DAEMON@mx.example.com',
      envelope: { from: '', to: [OFFICE_ADDRESS] },
      subject: 'Undelivered Mail Returned to Sender',
      text: 'The mail system could not deliver.',
    });
    await sendToLoket({ subject: 'Loop', text: 'x', headers: { 'X-Loket-Loop': 'tst.example.go.id' } });
    await sendToLoket({ from: OFFICE_ADDRESS, subject: 'Dari kantor sendiri', text: 'x' });
    await sendToLoket({
      subject: `Re: [${trackingCode}]`,
      text: 'Reply to our own mail coming back',
      headers: { Precedence: 'auto_reply' },
      inReplyTo: replyMessageId,
    });
    await drain();
    expect(await casesCount()).toBe(count);
    expect(delivered.length).toBe(sentBefore);
    const ignored = await t.db
      .selectFrom('email_messages')
      .select(['outcome'])
      .where('status', '=', 'ignored')
      .execute();
    expect(ignored.map((r) => r.outcome).sort()).toEqual([
      'auto_reply',
      'auto_reply',
      'auto_reply',
      'bounce',
      'loop',
      'loop',
    ]);
  });

  it('acknowledges a message delivered twice (same Message-ID) but keeps one copy', async () => {
    const count = await casesCount();
    const messageId = '<dupe-1@example.com>';
    await sendToLoket({ messageId, subject: 'Jam buka kantor', text: 'Jam berapa kantor buka hari Sabtu?' });
    const again = await sendToLoket({
      messageId,
      subject: 'Jam buka kantor',
      text: 'Jam berapa kantor buka hari Sabtu?',
    });
    expect(again.response).toMatch(/^250/);
    await drain();
    expect(await casesCount()).toBe(count + 1);
  });

  it('reopens a resolved case when the citizen answers the resolution e-mail', async () => {
    const version = async () =>
      (
        await t.db
          .selectFrom('cases')
          .select('version')
          .where('tracking_code', '=', trackingCode)
          .executeTakeFirstOrThrow()
      ).version;
    for (const to of ['in_progress', 'resolved']) {
      const moved = await t.app.inject({
        method: 'POST',
        url: `/api/v1/staff/cases/${trackingCode}/transitions`,
        headers: staff,
        payload: { to, version: await version() },
      });
      expect([200, 409]).toContain(moved.statusCode);
    }
    await drain();
    // Jobs run side by side (on PostgreSQL several at once): find the resolution among the new mail.
    const resolution = delivered.find((d) => d.mail.subject?.includes('telah diselesaikan'))!;
    expect(resolution.mail.subject).toBe(`[${trackingCode}] Laporan Anda telah diselesaikan`);
    await sendToLoket({
      subject: resolution.mail.subject,
      inReplyTo: resolution.mail.messageId,
      text: 'Maaf, paspor saya belum juga selesai.',
    });
    await drain();
    const row = await t.db
      .selectFrom('cases')
      .select('status')
      .where('tracking_code', '=', trackingCode)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('in_progress');
  });

  it('stops notifications for a case after a one-click unsubscribe', async () => {
    const token = unsubscribeToken(t.config.secret, trackingCode);
    const response = await t.app.inject({
      method: 'POST',
      url: `/email/unsubscribe?code=${trackingCode}&token=${token}`,
      payload: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.statusCode).toBe(200);
    const before = delivered.length;
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/staff/cases/${trackingCode}/messages`,
      headers: staff,
      payload: { kind: 'public_reply', body: 'Kabar terbaru.' },
    });
    await drain();
    expect(delivered.length).toBe(before);
  });
});
