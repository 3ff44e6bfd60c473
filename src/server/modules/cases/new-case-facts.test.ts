import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { buildCase, buildCaseInput, buildOffice, TEST_SECRET } from '../../../test-support/factories.js';
import { openDatabase } from '../../db/connection.js';
import { CITIZEN_ACTOR } from '../../events/catalogue.js';
import { recordEvent } from '../../events/record-event.js';
import { inTransaction } from '../../lib/transaction.js';
import { createCase } from './create-case.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await buildOffice(database.db);
});

/** Cases counted as received on the transparency dashboard, all days together. */
async function receivedCount(): Promise<number> {
  const row = await database.db
    .selectFrom('transparency_daily')
    .select(({ fn }) => fn.sum<number | string>('n').as('n'))
    .where('metric', '=', 'received_type')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** What the reactions to a new case leave behind: the contact link, the e-mail receipt, the dashboard count. */
async function reactionTraces(caseId: string) {
  const db = database.db;
  const link = await db
    .selectFrom('contact_cases')
    .select('contact_id')
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  const receipts = await db
    .selectFrom('jobs')
    .select('id')
    .where('dedupe_key', '=', `email.receipt:${caseId}`)
    .execute();
  return { linked: link !== undefined, receipts: receipts.length, received: await receivedCount() };
}

describe('the reactions to a new case', () => {
  it('get its contact details and classification from the command, without reading the case back', async () => {
    const statements: string[] = [];
    const logged = openDatabase(database.url, { onQuery: (sql) => statements.push(sql) });
    try {
      const receivedBefore = await receivedCount();
      const { case: created } = await createCase(
        logged.db,
        CITIZEN_ACTOR,
        buildCaseInput({ contact: { email: 'fakta@example.com' } }),
        { secret: TEST_SECRET },
      );
      // The one read of the case table is the tracking-code check; a brand-new case has no contact link to look up.
      const readsOfCases = statements.filter((s) => /^select .* from "cases"/.test(s));
      expect(readsOfCases).toEqual([expect.stringContaining('"tracking_code" =')]);
      expect(statements.filter((s) => /from "contact_cases"/.test(s))).toEqual([]);
      expect(await reactionTraces(created.id)).toEqual({
        linked: true,
        receipts: 1,
        received: receivedBefore + 1,
      });
    } finally {
      await logged.close();
    }
  });

  it('read the case when its event comes without the facts', async () => {
    const { case: created } = await buildCase(database.db, { contact: { email: 'lama@example.com' } });
    const before = await reactionTraces(created.id);
    await database.db.deleteFrom('contact_cases').where('case_id', '=', created.id).execute();
    await database.db.deleteFrom('jobs').where('dedupe_key', '=', `email.receipt:${created.id}`).execute();

    await inTransaction(database.db, (trx) =>
      recordEvent(trx, {
        type: 'case.created',
        actor: CITIZEN_ACTOR,
        officeId: created.officeId,
        caseId: created.id,
        payload: {
          trackingCode: created.trackingCode,
          type: created.type,
          channel: 'web',
          priority: 'normal',
        },
        at: new Date(),
      }),
    );

    expect(await reactionTraces(created.id)).toEqual({
      linked: true,
      receipts: 1,
      received: before.received + 1,
    });
  });

  it('leave an anonymous case out of every history and write it no receipt', async () => {
    const { case: created } = await buildCase(database.db, {
      anonymous: true,
      contact: { email: 'anonim@example.com' },
    });
    expect(await reactionTraces(created.id)).toMatchObject({ linked: false, receipts: 0 });
  });
});
