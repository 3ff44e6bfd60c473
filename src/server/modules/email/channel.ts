import type { Config } from '../../config.js';
import type { Db } from '../../db/connection.js';
import type { JobLogger } from '../../jobs/registry.js';
import { mailerFor } from './delivery.js';
import { type RunningReceiver, startSmtpReceiver } from './inbound/smtp-receiver.js';

/**
 * The e-mail channel's long-running part, started with the background worker (LOKET_ROLE all or worker): the
 * SMTP receiver when LOKET_SMTP_PORT is set. Sending and IMAP polling are jobs and need nothing started here.
 */
export async function startMailChannel(
  db: Db,
  config: Config,
  log: JobLogger,
): Promise<{ receiver?: RunningReceiver; stop(): Promise<void> }> {
  const receiver = config.mail.receiver && (await startSmtpReceiver(db, config.mail.receiver, log));
  log.info(
    {
      sending: mailerFor(config).destination,
      receiver: receiver ? `${config.mail.receiver!.host}:${receiver.port}` : 'off (LOKET_SMTP_PORT unset)',
    },
    'e-mail channel ready',
  );
  return {
    receiver,
    async stop() {
      await receiver?.close();
      mailerFor(config).close();
    },
  };
}
