import { type ChildProcess, spawn } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test-support/database.js';
import { buildConfig, buildOffice } from '../../../../test-support/factories.js';
import { runDueJobs } from '../../../jobs/worker.js';
import { seal } from '../../../lib/secret-box.js';
import { findMailSettings, saveMailSettings } from '../storage.js';
import { IMAP_PASSWORD_PURPOSE, pollDueMailboxes } from './imap-poller.js';

/**
 * The IMAP path against a real server: Debian's dovecot (package dovecot-imapd, installed by .ci/run), started
 * here on a free loopback port with its own configuration. Without dovecot (or without root, which dovecot
 * needs to switch to its mail user) these tests are skipped.
 */
const DOVECOT = '/usr/sbin/dovecot';
const available = existsSync(DOVECOT) && process.getuid?.() === 0;
const PASSWORD = 'rahasia-uji-imap';
const silent = { info() {}, warn() {}, error() {} };

describe.skipIf(!available)('IMAP polling against dovecot', () => {
  let dir: string;
  let port: number;
  let dovecot: ChildProcess;
  let database: TestDatabase;
  let officeId: string;
  const config = buildConfig();

  beforeAll(async () => {
    database = await createTestDatabase();
    officeId = await buildOffice(database.db);
    dir = mkdtempSync(path.join(tmpdir(), 'loket-dovecot-'));
    // Dovecot's unprivileged login and mail processes must reach their sockets under it.
    chmodSync(dir, 0o755);
    port = await freePort();
    startDovecot();
    await waitForPort(port);
    await saveMailSettings(database.db, officeId, {
      address: 'informasi@tst.example.go.id',
      imap_enabled: true,
      imap_host: '127.0.0.1',
      imap_port: port,
      imap_tls: false,
      imap_user: 'informasi',
      imap_password_sealed: seal(config.secret, IMAP_PASSWORD_PURPOSE, PASSWORD),
      imap_mailbox: 'INBOX',
      imap_processed_mailbox: 'Loket',
    });
  }, 30_000);

  afterAll(async () => {
    if (dovecot && dovecot.exitCode === null) {
      const exited = new Promise((resolve) => dovecot.once('exit', resolve));
      dovecot.kill('SIGTERM');
      await exited;
    }
    if (dir) rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  });

  function startDovecot() {
    mkdirSync(path.join(dir, 'mail'));
    const owner = accountOf('dovecot');
    chownSync(path.join(dir, 'mail'), owner.uid, owner.gid);
    writeFileSync(
      path.join(dir, 'dovecot.conf'),
      `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain
mail_location = maildir:${dir}/mail/%u
first_valid_uid = 1
passdb {
  driver = static
  args = password=${PASSWORD}
}
userdb {
  driver = static
  args = uid=dovecot gid=dovecot home=${dir}/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
`,
    );
    dovecot = spawn(DOVECOT, ['-F', '-c', path.join(dir, 'dovecot.conf')], { stdio: 'ignore' });
  }

  async function mailbox<T>(work: (client: ImapFlow) => Promise<T>): Promise<T> {
    const client = new ImapFlow({
      host: '127.0.0.1',
      port,
      secure: false,
      auth: { user: 'informasi', pass: PASSWORD },
      logger: false,
    });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.logout();
    }
  }

  const message = (id: string, subject: string, extra = '') =>
    `From: "Budi Santoso" <budi@example.com>\r\nTo: informasi@tst.example.go.id\r\nSubject: ${subject}\r\nMessage-ID: <${id}@example.com>\r\nDate: Sat, 28 Nov 2026 08:00:00 +0700\r\n${extra}Content-Type: text/plain; charset=utf-8\r\n\r\nSelamat siang, saya ingin menanyakan syarat perpanjangan izin tinggal.\r\n`;

  it('stores unseen messages, moves them to the processed folder and makes cases from them', async () => {
    await mailbox(async (client) => {
      await client.mailboxCreate('Loket');
      await client.append('INBOX', message('imap-1', 'Syarat perpanjangan izin tinggal'));
      await client.append('INBOX', message('imap-2', 'Out of office', 'Auto-Submitted: auto-replied\r\n'));
      await client.append('INBOX', message('imap-1', 'Syarat perpanjangan izin tinggal'));
      await client.append('INBOX', message('imap-seen', 'Sudah dibaca'), ['\\Seen']);
    });

    expect(await pollDueMailboxes(database.db, config, silent, new Date())).toBe(1);
    await runDueJobs({ db: database.db, dialect: database.dialect, config });

    const cases = await database.db
      .selectFrom('cases')
      .select(['subject', 'channel', 'contact_email'])
      .execute();
    expect(cases).toEqual([
      { subject: 'Syarat perpanjangan izin tinggal', channel: 'email', contact_email: 'budi@example.com' },
    ]);
    const received = await database.db
      .selectFrom('email_messages')
      .select(['message_id', 'status', 'outcome', 'source'])
      .where('direction', '=', 'in')
      .orderBy('message_id')
      .execute();
    expect(received).toEqual([
      { message_id: '<imap-1@example.com>', status: 'processed', outcome: 'new_case', source: 'imap' },
      { message_id: '<imap-2@example.com>', status: 'ignored', outcome: 'auto_reply', source: 'imap' },
    ]);
    const folders = await mailbox(async (client) => ({
      inbox: ((await client.status('INBOX', { messages: true })) || undefined)?.messages,
      processed: ((await client.status('Loket', { messages: true })) || undefined)?.messages,
    }));
    // The message a person had already read stays where it was.
    expect(folders).toEqual({ inbox: 1, processed: 3 });
    expect((await findMailSettings(database.db, officeId))?.imap.lastError).toBeNull();
  });

  it('waits for the poll interval, and records a failed sign-in for the administrators', async () => {
    expect(await pollDueMailboxes(database.db, config, silent, new Date())).toBe(0);
    await saveMailSettings(database.db, officeId, {
      imap_password_sealed: seal(config.secret, IMAP_PASSWORD_PURPOSE, 'salah'),
    });
    const later = new Date(Date.now() + config.mail.imapPollMs + 5000);
    expect(await pollDueMailboxes(database.db, config, silent, later)).toBe(1);
    const settings = await findMailSettings(database.db, officeId);
    expect(settings?.imap.lastError).toMatch(/auth|fail|credential/i);
    expect(settings?.imap.lastError).not.toContain('salah');
  });
});

function accountOf(user: string): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${user}:`));
  if (!line) throw new Error(`no ${user} account`);
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
      socket.connect(port, '127.0.0.1');
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('dovecot did not start');
}
