import type { AddressInfo } from 'node:net';
import type { SMTPServerDataStream, SMTPServerSession } from 'smtp-server';
import type { Db } from '../../../db/connection.js';
import type { JobLogger } from '../../../jobs/registry.js';
import { findOfficeByMailAddress } from '../storage.js';
import { acceptInboundMail } from './receive.js';

export interface ReceiverSettings {
  port: number;
  host: string;
  maxBytes: number;
}

export interface RunningReceiver {
  port: number;
  close(): Promise<void>;
}

interface SessionState {
  /** The office each accepted recipient belongs to (by RCPT TO). */
  recipients: { officeId: string; address: string }[];
}

/** An SMTP error with a status the client understands (5xx permanent, 4xx try later). */
function smtpError(responseCode: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode });
}

/**
 * The built-in receiver for offices that point an MX record or a relay at Loket. It accepts mail only for
 * offices' configured addresses (550 for any other), refuses messages over the size limit (552) and messages
 * without a header or sender (550 5.6.0), and answers 250 only after the message and the job that will process
 * it are committed — an acknowledged message is never lost. It does not relay and offers no AUTH; run it behind
 * the organisation's mail gateway for TLS, spam and virus filtering.
 */
export async function startSmtpReceiver(
  db: Db,
  settings: ReceiverSettings,
  log: JobLogger,
): Promise<RunningReceiver> {
  const sessions = new WeakMap<SMTPServerSession, SessionState>();
  const state = (session: SMTPServerSession) => {
    let value = sessions.get(session);
    if (!value) {
      value = { recipients: [] };
      sessions.set(session, value);
    }
    return value;
  };
  // Loaded only when the receiver is switched on (LOKET_SMTP_PORT).
  const { SMTPServer } = await import('smtp-server');
  const server = new SMTPServer({
    name: 'loket',
    banner: 'Loket mail receiver',
    size: settings.maxBytes,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    hideSTARTTLS: true,
    logger: false,
    maxClients: 50,
    socketTimeout: 60_000,
    onMailFrom(address, session, callback) {
      sessions.set(session, { recipients: [] });
      const declared = Number(address.args && (address.args as Record<string, string>).SIZE);
      if (declared > settings.maxBytes) {
        return callback(smtpError(552, `5.3.4 Message too big: the limit is ${settings.maxBytes} bytes`));
      }
      callback();
    },
    onRcptTo(address, session, callback) {
      findOfficeByMailAddress(db, address.address)
        .then((office) => {
          if (!office) return callback(smtpError(550, '5.1.1 No such mailbox here'));
          state(session).recipients.push(office);
          callback();
        })
        .catch((error) => {
          log.error({ err: String(error) }, 'SMTP recipient look-up failed');
          callback(smtpError(451, '4.3.0 Temporary failure, try again later'));
        });
    },
    onData(stream: SMTPServerDataStream, session, callback) {
      const chunks: Buffer[] = [];
      let bytes = 0;
      stream.on('data', (chunk: Buffer) => {
        // Past the limit the rest is read and dropped (the answer will be 552), not kept in memory.
        bytes += chunk.length;
        if (bytes <= settings.maxBytes) chunks.push(chunk);
      });
      stream.on('end', () => {
        if (stream.sizeExceeded || bytes > settings.maxBytes) {
          return callback(smtpError(552, `5.3.4 Message too big: the limit is ${settings.maxBytes} bytes`));
        }
        const raw = Buffer.concat(chunks);
        const nullSender = session.envelope.mailFrom === false || session.envelope.mailFrom.address === '';
        store(raw, state(session).recipients, nullSender).then(
          (message) => callback(null, message),
          (error: Error) => callback(error),
        );
      });
    },
  });

  async function store(
    raw: Buffer,
    recipients: SessionState['recipients'],
    nullSender: boolean,
  ): Promise<string> {
    // One copy per office addressed (a message to two offices is a message to each).
    const offices = [...new Map(recipients.map((r) => [r.officeId, r])).values()];
    let accepted = 0;
    for (const office of offices) {
      try {
        const result = await acceptInboundMail(db, {
          officeId: office.officeId,
          recipient: office.address,
          raw,
          source: 'smtp',
          nullSender,
        });
        if (result.status === 'malformed') throw smtpError(550, `5.6.0 Malformed message: ${result.reason}`);
        accepted++;
      } catch (error) {
        if ((error as { responseCode?: number }).responseCode) throw error;
        log.error({ err: String(error) }, 'storing a received e-mail failed');
        throw smtpError(451, '4.3.0 Temporary failure storing the message, try again later');
      }
    }
    log.info({ bytes: raw.length, offices: accepted }, 'e-mail received');
    return '2.0.0 Message accepted';
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => log.error({ err: String(error) }, 'SMTP receiver error'));
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
