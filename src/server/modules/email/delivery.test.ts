import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { buildConfig, buildOffice } from '../../../test-support/factories.js';
import { deliver } from './delivery.js';
import { acceptInboundMail, processInboundMail, SENDER_RATE_LIMIT } from './inbound/receive.js';
import type { Mailer, OutgoingMail } from './mailer.js';

let database: TestDatabase;
let officeId: string;
const config = buildConfig();

beforeAll(async () => {
  database = await createTestDatabase();
  officeId = await buildOffice(database.db);
});

/** A relay that records what it was given. */
function recordingMailer(): Mailer & { sent: OutgoingMail[] } {
  const sent: OutgoingMail[] = [];
  return {
    sent,
    destination: 'test',
    async send(mail) {
      sent.push(mail);
      return { messageId: mail.messageId! };
    },
    close() {},
  };
}

describe('sending once', () => {
  it('does not send a message again when its job runs a second time', async () => {
    const mailer = recordingMailer();
    const mail = { to: 'siti@example.com', subject: 's', text: 't', messageId: '<once.1@tst.example.go.id>' };
    const record = { officeId, caseId: null, template: null };
    expect(await deliver(database.db, config, mail, record, mailer)).toBe('sent');
    expect(await deliver(database.db, config, mail, record, mailer)).toBe('already_sent');
    expect(mailer.sent).toHaveLength(1);
  });

  it('sends again after a failed attempt: nothing is recorded until the relay accepted it', async () => {
    const mail = {
      to: 'siti@example.com',
      subject: 's',
      text: 't',
      messageId: '<retry.1@tst.example.go.id>',
    };
    const failing: Mailer = {
      destination: 'test',
      send: () => Promise.reject(new Error('421 try later')),
      close() {},
    };
    const record = { officeId, caseId: null, template: null };
    await expect(deliver(database.db, config, mail, record, failing)).rejects.toThrow('421');
    const mailer = recordingMailer();
    expect(await deliver(database.db, config, mail, record, mailer)).toBe('sent');
  });
});

describe('mail loops', () => {
  it('ignores a sender beyond the hourly limit (an auto-responder war), counting every message', async () => {
    const outcomes: (string | undefined)[] = [];
    for (let i = 0; i <= SENDER_RATE_LIMIT.limit + 1; i++) {
      const raw = Buffer.from(
        `From: robot@example.net\r\nTo: informasi@tst.example.go.id\r\nSubject: Pesan ${i}\r\nMessage-ID: <rate-${i}@example.net>\r\n\r\nIsi ${i}\r\n`,
      );
      const accepted = await acceptInboundMail(database.db, {
        officeId,
        recipient: 'informasi@tst.example.go.id',
        raw,
        source: 'smtp',
      });
      if (accepted.status !== 'accepted') throw new Error(accepted.status);
      outcomes.push(
        await processInboundMail(database.db, config, { emailId: accepted.emailId, nullSender: false }),
      );
    }
    expect(outcomes.slice(0, SENDER_RATE_LIMIT.limit).every((o) => o === 'new_case')).toBe(true);
    expect(outcomes.slice(SENDER_RATE_LIMIT.limit + 1)).toEqual(['rate']);
  });
});
