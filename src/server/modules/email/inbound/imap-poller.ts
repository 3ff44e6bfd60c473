import { createRequire } from 'node:module';
import type { ImapFlow } from 'imapflow';
import { Type } from 'typebox';
import type { Config } from '../../../config.js';
import type { Db } from '../../../db/connection.js';
import { toIsoOrNull } from '../../../db/dialect.js';
import { defineJob, definePeriodicJob, type JobLogger } from '../../../jobs/registry.js';
import { open } from '../../../lib/secret-box.js';
import { listImapMailboxes, type OfficeMailSettings, saveMailSettings } from '../storage.js';
import { readHeaders } from './headers.js';
import { acceptInboundMail } from './receive.js';

export const IMAP_PASSWORD_PURPOSE = 'imap-password';
/** Messages fetched from one mailbox per poll: a full mailbox is drained over several polls. */
const BATCH = 50;

export interface PollResult {
  accepted: number;
  duplicates: number;
  refused: number;
}

/**
 * Reads an office's existing mailbox: every unseen message is stored exactly like one the SMTP receiver
 * accepted (raw message, row and job in one transaction), and only then marked as seen or moved to the
 * processed folder — a crash in between leaves it unseen, and the next poll finds it already stored by its
 * Message-ID. Messages over the size limit or without a sender are marked seen and left for a person.
 */
export async function pollMailbox(
  db: Db,
  config: Config,
  settings: OfficeMailSettings,
  log: JobLogger,
  connect: (settings: OfficeMailSettings, password: string) => ImapFlow = imapClient,
): Promise<PollResult> {
  const { imap } = settings;
  if (!imap.host || !imap.user || !imap.passwordSealed) throw new Error('IMAP settings are incomplete');
  const client = connect(settings, open(config.secret, IMAP_PASSWORD_PURPOSE, imap.passwordSealed));
  const result: PollResult = { accepted: 0, duplicates: 0, refused: 0 };
  const maxBytes = config.mail.receiver?.maxBytes ?? 30 * 1024 * 1024;
  await client.connect();
  try {
    const lock = await client.getMailboxLock(imap.mailbox);
    try {
      const uids = ((await client.search({ seen: false }, { uid: true })) || []).slice(0, BATCH);
      for (const uid of uids) {
        const message = await client.fetchOne(String(uid), { uid: true, size: true }, { uid: true });
        let outcome: 'accepted' | 'duplicates' | 'refused' = 'refused';
        if (message && (message.size ?? 0) <= maxBytes) {
          const full = await client.fetchOne(String(uid), { source: true }, { uid: true });
          const raw = full ? full.source : undefined;
          if (raw) {
            const returnPath = readHeaders(raw)?.get('return-path')?.trim();
            const accepted = await acceptInboundMail(db, {
              officeId: settings.officeId,
              recipient: settings.address ?? imap.user,
              raw,
              source: 'imap',
              nullSender: returnPath === '<>',
            });
            outcome =
              accepted.status === 'accepted'
                ? 'accepted'
                : accepted.status === 'duplicate'
                  ? 'duplicates'
                  : 'refused';
          }
        }
        result[outcome]++;
        if (outcome === 'refused')
          log.warn({ officeId: settings.officeId, uid }, 'IMAP message left for a person');
        if (outcome !== 'refused' && imap.processedMailbox) {
          await client.messageMove(String(uid), imap.processedMailbox, { uid: true });
        } else {
          await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
        }
      }
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
  return result;
}

function imapClient(settings: OfficeMailSettings, password: string): ImapFlow {
  // imapflow is large; only offices with a mailbox to poll load it.
  const { ImapFlow: Client } = createRequire(import.meta.url)('imapflow') as typeof import('imapflow');
  return new Client({
    host: settings.imap.host!,
    port: settings.imap.port ?? (settings.imap.tls ? 993 : 143),
    secure: settings.imap.tls,
    auth: { user: settings.imap.user!, pass: password },
    logger: false,
    connectionTimeout: 30_000,
    greetingTimeout: 15_000,
    socketTimeout: 120_000,
  });
}

/** Polls every office mailbox that is due (LOKET_IMAP_POLL_SECONDS since its last poll) and records the result. */
export async function pollDueMailboxes(db: Db, config: Config, log: JobLogger, now: Date): Promise<number> {
  let polled = 0;
  for (const settings of await listImapMailboxes(db)) {
    const last = toIsoOrNull(settings.imap.lastPolledAt);
    if (last && Date.parse(last) + config.mail.imapPollMs > now.getTime() + 1000) continue;
    polled++;
    try {
      const result = await pollMailbox(db, config, settings, log);
      log.info({ officeId: settings.officeId, ...result }, 'IMAP mailbox polled');
      await saveMailSettings(
        db,
        settings.officeId,
        { imap_last_polled_at: now.toISOString(), imap_last_error: null },
        now,
      );
    } catch (error) {
      // Shown to administrators in the console; the password never appears in imapflow's messages.
      const message = error instanceof Error ? error.message : String(error);
      log.warn({ officeId: settings.officeId, error: message }, 'IMAP poll failed');
      await saveMailSettings(
        db,
        settings.officeId,
        { imap_last_polled_at: now.toISOString(), imap_last_error: message.slice(0, 500) },
        now,
      );
    }
  }
  return polled;
}

export const pollImapJob = defineJob('email.imap-poll', {
  payload: Type.Object({}),
  maxAttempts: 1,
  async run(ctx) {
    await pollDueMailboxes(ctx.db, ctx.config, ctx.log, ctx.now());
  },
});

// Every worker's scheduler enqueues one poll a minute (one per slot across workers); each mailbox then waits its
// own interval (LOKET_IMAP_POLL_SECONDS).
definePeriodicJob(pollImapJob, { everyMs: 60_000, payload: () => ({}) });
