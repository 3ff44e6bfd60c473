import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { copyTemplate } from '../../src/test-support/database.js';
import { PROCESS_TEST_OPTIONS, type ServerProcess, startServer, tempDataDir } from './server-process.js';

const running: ServerProcess[] = [];
afterEach(() => {
  for (const server of running.splice(0)) server.child.kill('SIGKILL');
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForAsync<T>(probe: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('the e-mail channel in the real server process', PROCESS_TEST_OPTIONS, () => {
  it('receives mail for the demo office on LOKET_SMTP_PORT and writes the receipt to data/mail-outbox', async () => {
    const dataDir = tempDataDir();
    const smtpPort = await freePort();
    const server = await startServer({
      LOKET_DATABASE_URL: await copyTemplate(),
      LOKET_DATA_DIR: dataDir,
      LOKET_SMTP_PORT: String(smtpPort),
      LOKET_DEMO: '1',
    });
    running.push(server);
    const outbox = path.join(dataDir, 'mail-outbox');
    const emls = () => {
      try {
        return readdirSync(outbox).filter((f) => f.endsWith('.eml'));
      } catch {
        return [];
      }
    };

    const client = nodemailer.createTransport({
      host: '127.0.0.1',
      port: smtpPort,
      secure: false,
      ignoreTLS: true,
    });
    const sent = await client.sendMail({
      from: '"Budi Santoso" <budi@example.com>',
      to: 'informasi@sby.example.go.id',
      subject: 'Syarat perpanjangan paspor',
      text: 'Selamat pagi, apa saja syarat perpanjangan paspor?',
    });
    await expect(
      client.sendMail({ from: 'budi@example.com', to: 'lain@sby.example.go.id', subject: 'x', text: 'x' }),
    ).rejects.toMatchObject({ responseCode: 550 });
    client.close();

    // Staff notifications (SLA warnings about the demo's cases) may be there too: find the citizen's receipt.
    const receipt = await waitForAsync(async () => {
      for (const file of emls()) {
        const mail = await simpleParser(readFileSync(path.join(outbox, file)));
        if (mail.inReplyTo === sent.messageId) return mail;
      }
      return undefined;
    });
    // The demo's replayed history wrote to no citizen: only staff (SLA warnings) and Budi got mail.
    for (const file of emls()) {
      const mail = await simpleParser(readFileSync(path.join(outbox, file)));
      const to = [mail.to].flat()[0]?.value[0]?.address ?? '';
      expect(to === 'budi@example.com' || to.endsWith('@example.go.id')).toBe(true);
    }
    expect(receipt.to).toMatchObject({ value: [{ address: 'budi@example.com' }] });
    expect(receipt.subject).toMatch(
      /^\[SBY-\d\d-[0-9A-Z]{7}\] Laporan Anda kami terima: Syarat perpanjangan paspor$/,
    );
    expect(receipt.inReplyTo).toBe(sent.messageId);
    expect(receipt.text).toMatch(/Kunci akses Anda: [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/);
  });
});
