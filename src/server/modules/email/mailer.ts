import { randomUUID } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Transporter } from 'nodemailer';
import type { MailSettings } from '../../config.js';
import { buildMessage, type MimeMessage, parseMailbox } from './mime.js';

/** One message Loket sends. Threading headers are given by the caller (see threading.ts). */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** `<id@domain>`; generated on the sender's domain when absent. */
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  headers?: Record<string, string>;
  /** `"Office name" <address>`; LOKET_MAIL_FROM when absent. */
  from?: string;
  replyTo?: string;
}

export interface Mailer {
  /** Resolves once the relay accepted the message (or the outbox file is written). */
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  /** Where mail goes, for logs and the banner: `smtp://host:port` or the outbox folder. */
  readonly destination: string;
  close(): void;
}

/** Every message Loket sends carries this header; a message that comes back with it is a loop. */
export const LOOP_HEADER = 'X-Loket-Loop';

/**
 * Mail goes over SMTP when LOKET_SMTP_URL is set. Without it, each message is written as an `.eml` file to
 * `data/mail-outbox/`, so a newcomer can open what would have been sent in any mail program.
 */
export function createMailer(settings: MailSettings): Mailer {
  const dkim = settings.dkim && dkimOptions(settings.dkim);
  if (settings.smtpUrl) {
    const url = new URL(settings.smtpUrl);
    // A pool: a message reuses an open connection instead of paying for a new connection, TLS handshake and login
    // (nodemailer closes a connection idle for 4 minutes; `?pool=false` in the URL turns it off).
    const transport = lazyTransport((nodemailer) =>
      nodemailer.createTransport({ url: settings.smtpUrl!, pool: true }),
    );
    return {
      destination: `${url.protocol}//${url.hostname}:${url.port || (url.protocol === 'smtps:' ? 465 : 587)}`,
      async send(mail) {
        const message = withDefaults(settings, mail);
        await (await transport.get()).sendMail(await rawMail(message, dkim));
        return { messageId: message.messageId };
      },
      close: () => transport.close(),
    };
  }
  // Only a signed message needs nodemailer here: it computes the DKIM signature.
  const signer = lazyTransport((nodemailer) =>
    nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' }),
  );
  return {
    destination: settings.outboxDir,
    async send(mail) {
      const message = withDefaults(settings, mail);
      const raw = dkim
        ? ((await (await signer.get()).sendMail(await rawMail(message, dkim))).message as unknown as Buffer)
        : Buffer.from(buildMessage(message, '\n'), 'utf8');
      writeOutboxFile(settings.outboxDir, message.messageId, raw);
      return { messageId: message.messageId };
    },
    close: () => signer.close(),
  };
}

type Nodemailer = typeof import('nodemailer')['default'];

/** nodemailer is loaded with the first message, so a server that sends none does not hold it in memory. */
function lazyTransport(create: (nodemailer: Nodemailer) => Transporter) {
  let transport: Promise<Transporter> | undefined;
  return {
    get(): Promise<Transporter> {
      transport ??= import('nodemailer').then((module) => create(module.default));
      return transport;
    },
    close(): void {
      void transport?.then((t) => t.close());
    },
  };
}

type DkimOptions = { domainName: string; keySelector: string; privateKey: Promise<string> };

function dkimOptions(dkim: NonNullable<MailSettings['dkim']>): DkimOptions {
  const privateKey = readFile(dkim.privateKeyFile, 'utf8');
  // Read once; a missing file fails each send with a clear error instead of crashing at import.
  privateKey.catch(() => {});
  return { domainName: dkim.domain, keySelector: dkim.selector, privateKey };
}

function withDefaults(settings: MailSettings, mail: OutgoingMail): MimeMessage {
  const from = mail.from ?? settings.from;
  return {
    ...mail,
    from,
    messageId: mail.messageId ?? newMessageId(domainOf(from)),
    headers: { [LOOP_HEADER]: domainOf(from), ...mail.headers },
    date: new Date(),
  };
}

/** What nodemailer sends: the message as built here, its envelope, and the DKIM key when configured. */
async function rawMail(message: MimeMessage, dkim: DkimOptions | undefined) {
  return {
    raw: buildMessage(message, '\r\n'),
    // The same parse as the header's, so the envelope never names another address than From and To.
    envelope: { from: parseMailbox(message.from).address, to: [parseMailbox(message.to).address] },
    dkim: dkim && { ...dkim, privateKey: await dkim.privateKey },
  };
}

/** `<uuid@domain>`: unguessable, so a reply quoting it proves the sender saw our message. */
export function newMessageId(domain: string): string {
  return `<${randomUUID()}@${domain}>`;
}

/** The domain of an address, also inside `"Name" <address>`. */
export function domainOf(address: string): string {
  const match = /@([^>\s]+)>?\s*$/.exec(address);
  return (match?.[1] ?? 'localhost').toLowerCase();
}

/** Folders this process has made (or found) already. */
const madeDirectories = new Set<string>();

/**
 * Writes one message file, under a temporary name first so a mail program never sees half a message.
 *
 * Synchronously, on purpose: a message is a few kilobytes, and the asynchronous calls cost three times the CPU
 * (each of open, write, close and rename is a hop to the thread pool and back; about 170 µs a file against 50 µs
 * measured) while the event loop waits a few dozen microseconds — no longer than for a SQLite statement, which
 * better-sqlite3 runs synchronously too. The folder is made once per process, not before every message; should it
 * be removed while running, the write fails, the folder is made again and the write repeated.
 */
function writeOutboxFile(dir: string, messageId: string, raw: Buffer): void {
  if (!madeDirectories.has(dir)) {
    mkdirSync(dir, { recursive: true });
    madeDirectories.add(dir);
  }
  try {
    writeMessageFile(dir, messageId, raw);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dir, { recursive: true });
    writeMessageFile(dir, messageId, raw);
  }
}

function writeMessageFile(dir: string, messageId: string, raw: Buffer): void {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const name = `${stamp}-${messageId.replace(/[^A-Za-z0-9.-]/g, '').slice(0, 60)}.eml`;
  const temporary = path.join(dir, `.${name}.tmp`);
  writeFileSync(temporary, raw, { mode: 0o600 });
  renameSync(temporary, path.join(dir, name));
}
