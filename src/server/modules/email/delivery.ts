import { Type } from 'typebox';
import type { Config } from '../../config.js';
import type { Db } from '../../db/connection.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { defineJob, type JobContext } from '../../jobs/registry.js';
import { inTransaction } from '../../lib/transaction.js';
import { createMailer, domainOf, type Mailer, type OutgoingMail } from './mailer.js';
import { findEmailMessage, insertEmailMessage } from './storage.js';

const mailers = new WeakMap<Config, Mailer>();

/** One mailer (one SMTP connection pool) per configuration. */
export function mailerFor(config: Config): Mailer {
  let mailer = mailers.get(config);
  if (!mailer) {
    mailer = createMailer(config.mail);
    mailers.set(config, mailer);
  }
  return mailer;
}

/**
 * Sends a message once. Every sent Message-ID is recorded; a job that runs again (a retry after a crash, a lease
 * that ran out) finds it and does not send again. The one gap left is a crash between the relay's acceptance
 * and the record: then the same message, with the same Message-ID, goes out twice and mail programs show it once.
 */
export async function deliver(
  db: Db,
  config: Config,
  mail: OutgoingMail & { messageId: string },
  record: { officeId: string; caseId: string | null; template: string | null },
  mailer: Mailer = mailerFor(config),
): Promise<'sent' | 'already_sent'> {
  if (await findEmailMessage(db, 'out', mail.messageId)) return 'already_sent';
  await mailer.send(mail);
  try {
    // On SQLite the record joins the group commit (lib/transaction.ts): receipts sent in the same moment share a
    // commit with each other and with the jobs' outcomes, and each is answered only after that commit, as before.
    await inTransaction(db, (trx) =>
      insertEmailMessage(trx, {
        office_id: record.officeId,
        case_id: record.caseId,
        direction: 'out',
        message_id: mail.messageId,
        source: 'loket',
        sender: null,
        recipient: mail.to.toLowerCase().slice(0, 254),
        subject: mail.subject.slice(0, 300),
        status: 'sent',
        outcome: null,
        template: record.template,
        size_bytes: Buffer.byteLength(mail.text) + Buffer.byteLength(mail.html ?? ''),
      }),
    );
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  return 'sent';
}

const mailPayload = Type.Object({
  officeId: Type.String(),
  caseId: Type.Optional(Type.String()),
  to: Type.String({ minLength: 3, maxLength: 254 }),
  subject: Type.String({ maxLength: 300 }),
  text: Type.String(),
  html: Type.Optional(Type.String()),
  messageId: Type.Optional(Type.String({ pattern: '^<[^<>\\s]+@[^<>\\s]+>$' })),
  inReplyTo: Type.Optional(Type.String()),
  references: Type.Optional(Type.Array(Type.String())),
  headers: Type.Optional(Type.Record(Type.String(), Type.String())),
  from: Type.Optional(Type.String()),
  replyTo: Type.Optional(Type.String()),
});

/**
 * `email.send`: any module's mail (staff notifications among them). Without a Message-ID the job's id makes one,
 * so the job's retries send the same message, at most once.
 */
export const sendEmailJob = defineJob('email.send', {
  payload: mailPayload,
  maxAttempts: 10,
  async run(ctx: JobContext, payload) {
    const { officeId, caseId, ...mail } = payload;
    const messageId = mail.messageId ?? `<job.${ctx.job.id}@${domainOf(mail.from ?? ctx.config.mail.from)}>`;
    const result = await deliver(
      ctx.db,
      ctx.config,
      { ...mail, messageId, headers: { 'Auto-Submitted': 'auto-generated', ...mail.headers } },
      { officeId, caseId: caseId ?? null, template: null },
    );
    ctx.log.info({ messageId, result }, 'e-mail sent');
  },
});
