import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../config.js';
import { createMailer } from './mailer.js';

describe('the mailer without LOKET_SMTP_URL', () => {
  it('writes each message as an .eml file a newcomer can open, DKIM-signed when configured', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'loket-outbox-'));
    const keyFile = path.join(dir, 'dkim.pem');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const mailer = createMailer({
      from: 'loket@sby.example.go.id',
      outboxDir: path.join(dir, 'mail-outbox'),
      dkim: { domain: 'sby.example.go.id', selector: 'loket', privateKeyFile: keyFile },
      imapPollMs: 60_000,
    });
    const { messageId } = await mailer.send({
      to: 'siti@example.com',
      subject: '[SBY-26-7K3Q9MX] Laporan diterima',
      text: 'Teks',
      html: '<p>Teks</p>',
      references: ['<case.1@sby.example.go.id>'],
    });
    expect(messageId).toMatch(/^<[0-9a-f-]{36}@sby\.example\.go\.id>$/);
    const files = readdirSync(path.join(dir, 'mail-outbox'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/\.eml$/);
    const raw = readFileSync(path.join(dir, 'mail-outbox', files[0]!), 'utf8');
    expect(raw).toContain(`Message-ID: ${messageId}`);
    const signature = /^DKIM-Signature: (.*(\r?\n .*)*)/m.exec(raw)?.[1] ?? '';
    expect(signature).toContain('d=sby.example.go.id;');
    expect(signature).toContain('s=loket;');
    expect(raw).toContain('X-Loket-Loop: sby.example.go.id');
    expect(raw).toContain('Content-Type: multipart/alternative');
    mailer.close();
  });

  it('makes the outbox folder again when it was removed while running', async () => {
    const outboxDir = path.join(mkdtempSync(path.join(tmpdir(), 'loket-outbox-')), 'mail-outbox');
    const mailer = createMailer({ from: 'loket@sby.example.go.id', outboxDir, imapPollMs: 60_000 });
    const mail = { to: 'siti@example.com', subject: 'Laporan diterima', text: 'Teks' };
    await mailer.send(mail);
    rmSync(outboxDir, { recursive: true });
    const { messageId } = await mailer.send(mail);
    const files = readdirSync(outboxDir);
    expect(files).toHaveLength(1);
    expect(readFileSync(path.join(outboxDir, files[0]!), 'utf8')).toContain(`Message-ID: ${messageId}`);
    mailer.close();
  });
});

describe('the mailer with LOKET_SMTP_URL', () => {
  it('hands the relay the message it built, with the envelope of its addresses, DKIM-signed when configured, over one connection', async () => {
    const received: { from: string; to: string[]; raw: string }[] = [];
    let connections = 0;
    const relay = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      hideSTARTTLS: true,
      logger: false,
      onConnect(_session, callback) {
        connections++;
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const { mailFrom, rcptTo } = session.envelope;
          received.push({
            from: mailFrom ? mailFrom.address : '',
            to: rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    const dir = mkdtempSync(path.join(tmpdir(), 'loket-smtp-'));
    const keyFile = path.join(dir, 'dkim.pem');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const mailer = createMailer({
      smtpUrl: `smtp://127.0.0.1:${(relay.server.address() as AddressInfo).port}`,
      from: 'loket@sby.example.go.id',
      outboxDir: path.join(dir, 'unused'),
      dkim: { domain: 'sby.example.go.id', selector: 'loket', privateKeyFile: keyFile },
      imapPollMs: 60_000,
    });
    try {
      const { messageId } = await mailer.send({
        to: 'Siti Ñurhaliza <siti@example.com>',
        from: '"Kantor Imigrasi Surabaya" <informasi@sby.example.go.id>',
        subject: 'Laporan diterima — terima kasih',
        text: 'Teks\n.\n..awal titik',
      });
      expect(received).toHaveLength(1);
      const [mail] = received;
      expect(mail!.from).toBe('informasi@sby.example.go.id');
      expect(mail!.to).toEqual(['siti@example.com']);
      expect(mail!.raw).toMatch(/^DKIM-Signature: .*d=sby\.example\.go\.id;/m);
      expect(mail!.raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      const parsed = await simpleParser(mail!.raw);
      expect(parsed.messageId).toBe(messageId);
      expect(parsed.subject).toBe('Laporan diterima — terima kasih');
      // Dots at the start of a line survive SMTP's dot-stuffing; a final line break is added.
      expect(parsed.text).toBe('Teks\n.\n..awal titik\n');
      expect(parsed.to).toMatchObject({ value: [{ name: 'Siti Ñurhaliza', address: 'siti@example.com' }] });
      // Further messages reuse the open connection.
      await mailer.send({ to: 'budi@example.com', subject: 'Kedua', text: 'Teks' });
      await mailer.send({ to: 'ani@example.com', subject: 'Ketiga', text: 'Teks' });
      expect(received.map((mail) => mail.to)).toEqual([
        ['siti@example.com'],
        ['budi@example.com'],
        ['ani@example.com'],
      ]);
      expect(connections).toBe(1);
    } finally {
      mailer.close();
      await new Promise<void>((resolve) => relay.close(() => resolve()));
    }
  });
});

describe('mail settings', () => {
  it('are off by default: outbox folder, no receiver', () => {
    const config = parseConfig({}, '/srv/loket');
    expect(config.mail).toEqual({
      smtpUrl: undefined,
      from: 'loket@localhost',
      outboxDir: '/srv/loket/data/mail-outbox',
      dkim: undefined,
      receiver: undefined,
      imapPollMs: 60_000,
    });
  });

  it('read the receiver, sender and DKIM variables', () => {
    const config = parseConfig(
      {
        LOKET_SMTP_URL: 'smtps://loket:secret@relay.example.go.id:465',
        LOKET_SMTP_PORT: '2525',
        LOKET_SMTP_HOST: '0.0.0.0',
        LOKET_MAIL_FROM: 'Loket@SBY.example.go.id',
        LOKET_DKIM_DOMAIN: 'SBY.example.go.id',
        LOKET_DKIM_SELECTOR: 'loket',
        LOKET_DKIM_PRIVATE_KEY_FILE: 'keys/dkim.pem',
      },
      '/srv/loket',
    );
    expect(config.mail).toMatchObject({
      smtpUrl: 'smtps://loket:secret@relay.example.go.id:465',
      from: 'loket@sby.example.go.id',
      receiver: { port: 2525, host: '0.0.0.0', maxBytes: 30 * 1024 * 1024 },
      dkim: { domain: 'sby.example.go.id', selector: 'loket', privateKeyFile: '/srv/loket/keys/dkim.pem' },
    });
  });

  it('refuse a non-SMTP URL (without printing its password) and an incomplete DKIM setting', () => {
    expect(() => parseConfig({ LOKET_SMTP_URL: 'http://user:pw@relay' })).toThrow(ConfigError);
    expect(() => parseConfig({ LOKET_SMTP_URL: 'http://user:pw@relay' })).toThrow(/\*\*\*/);
    expect(() => parseConfig({ LOKET_DKIM_DOMAIN: 'x.id' })).toThrow(/LOKET_DKIM_SELECTOR/);
    expect(() => parseConfig({ LOKET_SMTP_PORT: '70000' })).toThrow(/LOKET_SMTP_PORT/);
  });
});
